//! Learners and their progress. The kiosk talks to a [`Store`]: [`SqliteStore`] on disk,
//! where every answer is committed before the screen moves on, or [`MemoryStore`] for
//! previews and tests.

pub mod journal;
mod memory;
mod report;
mod sqlite;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use memory::MemoryStore;
pub use report::{DayNumber, ReportLearner, ReportRows, StepDay, day_of, day_start};
pub use sqlite::{Opened, SCHEMA_VERSION, SqliteStore, check_writable, utc_stamp};

use crate::mastery::{FirstTry, Leitner};

/// The age bands the ward reports by. Optional; nothing finer is ever asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgeBand {
    #[serde(rename = "under-60")]
    Under60,
    #[serde(rename = "60-69")]
    Sixties,
    #[serde(rename = "70-79")]
    Seventies,
    #[serde(rename = "80+")]
    EightyPlus,
}

impl AgeBand {
    pub const ALL: [AgeBand; 4] = [
        AgeBand::Under60,
        AgeBand::Sixties,
        AgeBand::Seventies,
        AgeBand::EightyPlus,
    ];

    /// How it is stored and reported.
    pub fn code(self) -> &'static str {
        match self {
            AgeBand::Under60 => "under-60",
            AgeBand::Sixties => "60-69",
            AgeBand::Seventies => "70-79",
            AgeBand::EightyPlus => "80+",
        }
    }

    pub fn parse(code: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|b| b.code() == code)
    }
}

/// A learner as the kiosk knows them: a name to call them by and a code to resume with.
/// No ID numbers, phone numbers or birthdays: this is a public kiosk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Learner {
    /// Four digits, unique on this kiosk.
    pub code: String,
    pub name: String,
    pub age_band: Option<AgeBand>,
    pub sound: Sound,
}

/// How a learner likes narration: on or off, and how loud (percent).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sound {
    pub on: bool,
    pub volume: u8,
}

impl Default for Sound {
    fn default() -> Self {
        Sound {
            on: true,
            volume: 100,
        }
    }
}

impl Sound {
    /// The next setting of the sound button: loud, quieter, off, loud again.
    pub fn next(self) -> Sound {
        match (self.on, self.volume) {
            (false, _) => Sound {
                on: true,
                volume: 100,
            },
            (true, v) if v > 60 => Sound {
                on: true,
                volume: 60,
            },
            (true, _) => Sound {
                on: false,
                volume: 60,
            },
        }
    }
}

/// One answer to one practice step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub learner: String,
    pub lesson: String,
    pub step: String,
    /// What the learner gave, in words a volunteer can read.
    pub answer: String,
    pub right: bool,
    /// The first try at the step this time it was shown (right or not).
    pub first_try: bool,
    pub hint_used: bool,
    /// Given while a volunteer helped: never counts toward mastery.
    pub assisted: bool,
    pub millis: u64,
}

impl Attempt {
    /// What mastery looks at, for a first try.
    pub fn as_first_try(&self) -> Option<FirstTry> {
        self.first_try.then_some(FirstTry {
            right: self.right,
            hint_used: self.hint_used,
            assisted: self.assisted,
        })
    }
}

/// How a run through a lesson goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunKind {
    /// Every step, in order.
    Full,
    /// Only the steps not yet mastered, each with the explanation before it.
    Practice,
    /// A quick pass of the practice steps of a mastered lesson.
    Review,
}

impl RunKind {
    pub fn code(self) -> &'static str {
        match self {
            RunKind::Full => "full",
            RunKind::Practice => "practice",
            RunKind::Review => "review",
        }
    }

    pub fn parse(code: &str) -> Option<RunKind> {
        [RunKind::Full, RunKind::Practice, RunKind::Review]
            .into_iter()
            .find(|k| k.code() == code)
    }
}

/// Where a learner stopped: to resume at the same step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub lesson: String,
    pub kind: RunKind,
    /// The run's steps, by id.
    pub plan: Vec<String>,
    /// The step on screen.
    pub step: String,
}

/// A lesson's mastery as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LessonRecord {
    /// Mastered and in a Leitner box.
    pub leitner: Option<Leitner>,
    pub mastered_at: Option<i64>,
}

/// Everything the tutor needs of a learner's past, read when they sign in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    pub lessons: HashMap<String, LessonRecord>,
    /// First tries per (lesson, step), oldest first.
    pub history: HashMap<(String, String), Vec<FirstTry>>,
    /// Lessons with at least one answer.
    pub started: HashSet<String>,
    pub place: Option<Place>,
}

/// Where a learner stands with one lesson, as the menu shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LessonStatus {
    #[default]
    New,
    InProgress,
    Mastered,
    ReviewDue,
}

impl Progress {
    /// The status of `lesson` at time `now`.
    pub fn status(&self, lesson: &str, now: i64) -> LessonStatus {
        match self.lessons.get(lesson).and_then(|r| r.leitner) {
            Some(l) if l.due <= now => LessonStatus::ReviewDue,
            Some(_) => LessonStatus::Mastered,
            None if self.started.contains(lesson) => LessonStatus::InProgress,
            None => LessonStatus::New,
        }
    }

    /// Records an answer in memory as the store records it on disk.
    pub fn add(&mut self, attempt: &Attempt) {
        self.started.insert(attempt.lesson.clone());
        if let Some(t) = attempt.as_first_try() {
            self.history
                .entry((attempt.lesson.clone(), attempt.step.clone()))
                .or_default()
                .push(t);
        }
    }

    pub fn first_tries(&self, lesson: &str, step: &str) -> &[FirstTry] {
        self.history
            .get(&(lesson.to_owned(), step.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

/// How a run through a lesson ended, for its schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LessonEnd {
    /// Not (or no longer) every practice step mastered.
    NotYet,
    /// Every practice step mastered: into the first box.
    Mastered,
    /// A review all right first time: up a box.
    ReviewPassed,
    /// A review with a miss: out of the boxes until mastered again.
    ReviewFailed,
}

impl LessonEnd {
    /// How it is stored and reported.
    pub fn code(self) -> &'static str {
        match self {
            LessonEnd::NotYet => "not-yet",
            LessonEnd::Mastered => "mastered",
            LessonEnd::ReviewPassed => "review-passed",
            LessonEnd::ReviewFailed => "review-failed",
        }
    }
}

/// What erasing a learner removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forgotten {
    pub name: String,
    pub attempts: u64,
}

/// A learner as the volunteer panel lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerRow {
    pub code: String,
    pub name: String,
    pub age_band: Option<AgeBand>,
    /// When their last session started, if they had one.
    pub last_visit: Option<i64>,
    /// Lessons mastered now.
    pub mastered: usize,
}

/// A learner who asked for a volunteer and has not been helped yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpCall {
    pub learner: String,
    pub name: String,
    pub lesson: String,
    pub step: String,
    pub at: i64,
}

/// A volunteer's note about a learner, for the next volunteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub at: i64,
    pub text: String,
}

/// The kiosk's figures for a stretch of time (the volunteer panel shows today's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Figures {
    pub sessions: u64,
    /// Distinct learners with a session.
    pub learners: u64,
    /// Learners who first came in this time.
    pub new_learners: u64,
    pub answers: u64,
    /// Answers given with a volunteer's help.
    pub assisted: u64,
    pub lessons_mastered: u64,
    pub needs_help: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("every learner code is taken")]
    CodesExhausted,
    #[error("no learner with code {0}")]
    NoSuchLearner(String),
    #[error("the database is busy (another program is using it)")]
    Busy,
    #[error("the disk is full")]
    Full,
    #[error("the disk could not be read or written: {0}")]
    Io(String),
    #[error("the database is read-only: {0}")]
    ReadOnly(String),
    #[error("the database file is damaged: {0}")]
    Corrupt(String),
    #[error("the database is from a newer hocso (version {found}; this one knows {known})")]
    TooNew { found: i64, known: i64 },
    #[error(
        "{} cannot be written by the user {user} (it belongs to {owner}): give the folder to the kiosk's user (sudo chown -R {user}: {}), and run hocso's commands as that user (sudo -u {user} hocso …)",
        path.display(), folder.display()
    )]
    NotWritable {
        path: PathBuf,
        /// Who owns it.
        owner: String,
        /// Who hocso runs as.
        user: String,
        /// The data folder, to give back to `user`.
        folder: PathBuf,
    },
    #[error("{0}")]
    Unsafe(String),
    #[error("{0}")]
    Other(String),
}

impl StoreError {
    /// A write that failed this way is kept and tried again later: everything but a
    /// learner who is no longer there (a volunteer erased her). A damaged database is
    /// moved aside first ([`StoreError::is_damage`]).
    pub fn is_transient(&self) -> bool {
        !matches!(
            self,
            StoreError::NoSuchLearner(_) | StoreError::CodesExhausted
        )
    }

    /// The file is damaged: moved aside, and a fresh one started.
    pub fn is_damage(&self) -> bool {
        matches!(self, StoreError::Corrupt(_))
    }
}

/// A write to the store that the screen has confirmed: kept, in memory and in the
/// journal, until the database takes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Write {
    Attempt {
        attempt: Attempt,
        at: i64,
    },
    NeedsVolunteer {
        learner: String,
        lesson: String,
        step: String,
        at: i64,
    },
    LessonEnd {
        learner: String,
        lesson: String,
        end: LessonEnd,
        intervals: Vec<u32>,
        at: i64,
    },
    Place {
        learner: String,
        place: Option<Place>,
        at: i64,
    },
}

impl Write {
    /// Whose write it is.
    pub fn learner(&self) -> &str {
        match self {
            Write::Attempt { attempt, .. } => &attempt.learner,
            Write::NeedsVolunteer { learner, .. }
            | Write::LessonEnd { learner, .. }
            | Write::Place { learner, .. } => learner,
        }
    }

    /// Carries it out on `store`.
    pub fn apply<S: Store + ?Sized>(&self, store: &mut S) -> Result<(), StoreError> {
        match self {
            Write::Attempt { attempt, at } => store.record_attempt(attempt, *at),
            Write::NeedsVolunteer {
                learner,
                lesson,
                step,
                at,
            } => store.record_needs_help(learner, lesson, step, *at),
            Write::LessonEnd {
                learner,
                lesson,
                end,
                intervals,
                at,
            } => store.record_lesson_end(learner, lesson, *end, intervals, *at),
            Write::Place { learner, place, at } => store.save_place(learner, place.as_ref(), *at),
        }
    }
}

/// What the kiosk needs of its storage. Times are seconds since the Unix epoch.
pub trait Store {
    fn create_learner(
        &mut self,
        name: &str,
        age_band: Option<AgeBand>,
        now: i64,
    ) -> Result<Learner, StoreError>;
    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError>;
    fn progress(&self, code: &str) -> Result<Progress, StoreError>;
    /// Commits one answer, durably, before returning.
    fn record_attempt(&mut self, attempt: &Attempt, now: i64) -> Result<(), StoreError>;
    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
        now: i64,
    ) -> Result<(), StoreError>;
    /// A run ended: moves the lesson through the Leitner boxes (`intervals` in days).
    fn record_lesson_end(
        &mut self,
        learner: &str,
        lesson: &str,
        end: LessonEnd,
        intervals: &[u32],
        now: i64,
    ) -> Result<(), StoreError>;
    /// The learner's narration setting, kept for their next visit.
    fn save_sound(&mut self, learner: &str, sound: Sound) -> Result<(), StoreError>;
    /// Where the learner is now (`None`: not in a lesson).
    fn save_place(
        &mut self,
        learner: &str,
        place: Option<&Place>,
        now: i64,
    ) -> Result<(), StoreError>;
    fn start_session(&mut self, learner: &str, kiosk: &str, now: i64) -> Result<i64, StoreError>;
    fn end_session(&mut self, session: i64, now: i64) -> Result<(), StoreError>;
    /// Erases a learner and everything recorded about them.
    fn forget_learner(&mut self, code: &str) -> Result<Option<Forgotten>, StoreError>;

    /// Learners whose name contains `query` (any case) or whose code starts with it, the
    /// most recent visitors first.
    fn find_learners(&self, query: &str, limit: usize) -> Result<Vec<LearnerRow>, StoreError>;
    /// Learners who asked for a volunteer and were not helped yet, oldest first.
    fn help_calls(&self) -> Result<Vec<HelpCall>, StoreError>;
    /// A volunteer helped `learner`: their calls are answered.
    fn help_given(&mut self, learner: &str, now: i64) -> Result<(), StoreError>;
    /// Starts `lesson` (or, with `None`, every lesson) afresh for `learner`: mastery,
    /// reviews and place are cleared. Their past answers stay for the ward's figures but
    /// no longer count toward mastery.
    fn reset(&mut self, learner: &str, lesson: Option<&str>, now: i64) -> Result<(), StoreError>;
    fn add_note(&mut self, learner: &str, text: &str, now: i64) -> Result<(), StoreError>;
    /// The learner's notes, newest first.
    fn notes(&self, learner: &str) -> Result<Vec<Note>, StoreError>;
    /// A volunteer guided the session: its answers were given with help.
    fn session_assisted(&mut self, session: i64) -> Result<(), StoreError>;
    /// The volunteer PIN's hash, if one is set.
    fn pin_hash(&self) -> Result<Option<String>, StoreError>;
    fn set_pin_hash(&mut self, hash: &str) -> Result<(), StoreError>;
    /// The figures for sessions, answers and events from `from` to before `to`.
    fn figures(&self, from: i64, to: i64) -> Result<Figures, StoreError>;

    /// Carries out `write` unless a write with the same `id` was already carried out:
    /// the write and the record of its id are one transaction, so a write replayed from
    /// the journal after a crash is never saved twice. False if it was already saved.
    fn apply_once(&mut self, id: &str, write: &Write) -> Result<bool, StoreError>;

    /// Makes sure `learner` exists, with their code: a fresh database that replaces a
    /// damaged one takes the answers of the learner at the kiosk.
    fn ensure_learner(&mut self, learner: &Learner, now: i64) -> Result<(), StoreError>;

    /// The database was found damaged while in use: moves it aside and starts a fresh
    /// one, as at start-up. Where it went, or None for a store with no file.
    fn recover(&mut self, _now: i64) -> Result<Option<PathBuf>, StoreError> {
        Ok(None)
    }
}

/// The lesson's new schedule after `end`, from its old record.
pub fn next_record(old: LessonRecord, end: LessonEnd, intervals: &[u32], now: i64) -> LessonRecord {
    use crate::mastery::{after_review, first_box};
    match (end, old.leitner) {
        (LessonEnd::Mastered, None) => LessonRecord {
            leitner: Some(first_box(intervals, now)),
            mastered_at: Some(now),
        },
        (LessonEnd::Mastered, Some(_)) => old,
        (LessonEnd::ReviewPassed, Some(l)) => LessonRecord {
            leitner: after_review(l, true, intervals, now),
            ..old
        },
        (LessonEnd::ReviewFailed, _) | (LessonEnd::NotYet, _) => LessonRecord {
            leitner: None,
            mastered_at: None,
        },
        (LessonEnd::ReviewPassed, None) => old,
    }
}

/// A code not in `taken` (of which there are `count`), chosen at random so that codes do
/// not reveal how many learners came before. Four digits while at most 7,000 are taken
/// (so a free one is quick to find), then five, then six; None only past 700,000.
pub fn new_code(taken: &mut dyn FnMut(&str) -> bool, count: usize) -> Option<String> {
    use std::hash::{BuildHasher, Hasher};
    let (low, span) = match count {
        0..7_000 => (1_000, 9_000),
        7_000..70_000 => (10_000, 90_000),
        70_000..700_000 => (100_000, 900_000),
        _ => return None,
    };
    let mut seed = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    loop {
        // xorshift: plenty for picking a free code.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let code = format!("{}", low + seed % span);
        if !taken(&code) {
            return Some(code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_four_digits_then_longer_as_the_kiosk_fills() {
        let free = "4821";
        assert_eq!(new_code(&mut |c| c != free, 6_999).as_deref(), Some(free));
        assert_eq!(new_code(&mut |_| false, 0).unwrap().len(), 4);
        assert_eq!(new_code(&mut |_| false, 7_000).unwrap().len(), 5);
        assert_eq!(new_code(&mut |_| false, 70_000).unwrap().len(), 6);
        assert_eq!(new_code(&mut |_| false, 700_000), None);
    }

    #[test]
    fn status_follows_the_record_and_the_clock() {
        let mut p = Progress::default();
        assert_eq!(p.status("a", 0), LessonStatus::New);
        p.started.insert("a".into());
        assert_eq!(p.status("a", 0), LessonStatus::InProgress);
        p.lessons.insert(
            "a".into(),
            LessonRecord {
                leitner: Some(Leitner {
                    box_index: 0,
                    due: 100,
                }),
                mastered_at: Some(0),
            },
        );
        assert_eq!(p.status("a", 99), LessonStatus::Mastered);
        assert_eq!(p.status("a", 100), LessonStatus::ReviewDue);
    }

    #[test]
    fn records_move_through_the_boxes() {
        let days = [1, 3, 7];
        let mastered = next_record(LessonRecord::default(), LessonEnd::Mastered, &days, 0);
        assert_eq!(mastered.leitner.unwrap().box_index, 0);
        let passed = next_record(mastered, LessonEnd::ReviewPassed, &days, 86_400);
        assert_eq!(passed.leitner.unwrap().box_index, 1);
        assert_eq!(passed.mastered_at, Some(0));
        let failed = next_record(passed, LessonEnd::ReviewFailed, &days, 2 * 86_400);
        assert_eq!(failed, LessonRecord::default());
    }
}
