//! Nothing the screen confirmed is lost, whatever the disk does: each way a write can
//! fail keeps the answers (in memory and in the journal) until the database takes them;
//! closing leaves them in the journal for the next start, which saves each once; a
//! database damaged while in use is moved aside and the answers go to a fresh one.

mod support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hocso::app::{Key, Model, Msg, Notice, Size, Target};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions};
use hocso::store::journal::Journal;
use hocso::store::{
    AgeBand, Attempt, Figures, Forgotten, HelpCall, Learner, LearnerRow, LessonEnd, Note, Place,
    Progress, Sound, SqliteStore, Store, StoreError, Write,
};
use hocso::tui::Tutor;
use rusqlite::Connection;
use support::e2e::to_the_tap_step;
use support::fixture;

/// The fault every write meets while set.
type Fault = Arc<Mutex<Option<MakeError>>>;
type MakeError = fn() -> StoreError;

/// A real database behind a switch that makes every write fail as a disk would.
struct Faulty {
    inner: SqliteStore,
    fault: Fault,
}

impl Faulty {
    fn fail(&self) -> Result<(), StoreError> {
        match *self.fault.lock().unwrap() {
            Some(error) => Err(error()),
            None => Ok(()),
        }
    }
}

impl Store for Faulty {
    fn create_learner(
        &mut self,
        name: &str,
        age_band: Option<AgeBand>,
        now: i64,
    ) -> Result<Learner, StoreError> {
        self.inner.create_learner(name, age_band, now)
    }
    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError> {
        self.inner.find_learner(code)
    }
    fn progress(&self, code: &str) -> Result<Progress, StoreError> {
        self.inner.progress(code)
    }
    fn record_attempt(&mut self, attempt: &Attempt, now: i64) -> Result<(), StoreError> {
        self.fail()?;
        self.inner.record_attempt(attempt, now)
    }
    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        self.fail()?;
        self.inner.record_needs_help(learner, lesson, step, now)
    }
    fn record_lesson_end(
        &mut self,
        learner: &str,
        lesson: &str,
        end: LessonEnd,
        intervals: &[u32],
        now: i64,
    ) -> Result<(), StoreError> {
        self.fail()?;
        self.inner
            .record_lesson_end(learner, lesson, end, intervals, now)
    }
    fn save_sound(&mut self, learner: &str, sound: Sound) -> Result<(), StoreError> {
        self.inner.save_sound(learner, sound)
    }
    fn save_place(
        &mut self,
        learner: &str,
        place: Option<&Place>,
        now: i64,
    ) -> Result<(), StoreError> {
        self.fail()?;
        self.inner.save_place(learner, place, now)
    }
    fn start_session(&mut self, learner: &str, kiosk: &str, now: i64) -> Result<i64, StoreError> {
        self.inner.start_session(learner, kiosk, now)
    }
    fn end_session(&mut self, session: i64, now: i64) -> Result<(), StoreError> {
        self.inner.end_session(session, now)
    }
    fn forget_learner(&mut self, code: &str) -> Result<Option<Forgotten>, StoreError> {
        self.inner.forget_learner(code)
    }
    fn find_learners(&self, query: &str, limit: usize) -> Result<Vec<LearnerRow>, StoreError> {
        self.inner.find_learners(query, limit)
    }
    fn help_calls(&self) -> Result<Vec<HelpCall>, StoreError> {
        self.inner.help_calls()
    }
    fn help_given(&mut self, learner: &str, now: i64) -> Result<(), StoreError> {
        self.inner.help_given(learner, now)
    }
    fn reset(&mut self, learner: &str, lesson: Option<&str>, now: i64) -> Result<(), StoreError> {
        self.inner.reset(learner, lesson, now)
    }
    fn add_note(&mut self, learner: &str, text: &str, now: i64) -> Result<(), StoreError> {
        self.inner.add_note(learner, text, now)
    }
    fn notes(&self, learner: &str) -> Result<Vec<Note>, StoreError> {
        self.inner.notes(learner)
    }
    fn session_assisted(&mut self, session: i64) -> Result<(), StoreError> {
        self.inner.session_assisted(session)
    }
    fn pin_hash(&self) -> Result<Option<String>, StoreError> {
        self.inner.pin_hash()
    }
    fn set_pin_hash(&mut self, hash: &str) -> Result<(), StoreError> {
        self.inner.set_pin_hash(hash)
    }
    fn figures(&self, from: i64, to: i64) -> Result<Figures, StoreError> {
        self.inner.figures(from, to)
    }
    fn apply_once(&mut self, id: &str, write: &Write) -> Result<bool, StoreError> {
        self.fail()?;
        self.inner.apply_once(id, write)
    }
    fn ensure_learner(&mut self, learner: &Learner, now: i64) -> Result<(), StoreError> {
        self.inner.ensure_learner(learner, now)
    }
    fn recover(&mut self, now: i64) -> Result<Option<PathBuf>, StoreError> {
        self.inner.recover(now)
    }
}

fn model() -> Model {
    let catalogue = Catalogue::load_dir(&fixture("e2e/lessons"), &CheckOptions::default());
    Model::new(catalogue.lessons, Lang::Vi, Size::new(80, 24))
}

fn tutor<S: Store>(store: S, journal: Journal) -> Tutor<S> {
    let mut t = Tutor::new(model(), Localizer::embedded(), store);
    t.journal = Some(journal);
    t
}

fn faulty(path: &Path, fault: &Fault) -> Faulty {
    Faulty {
        inner: SqliteStore::open(path).unwrap(),
        fault: fault.clone(),
    }
}

/// The answers in the database, in order.
fn attempts(path: &Path) -> Vec<(String, String, bool)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT learner, step, right FROM attempts ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A wrong app, then the right one: two answers the screen confirms.
fn answer_twice<S: Store>(t: &mut Tutor<S>) {
    t.dispatch(Msg::Click(Target::Phone(0)));
    t.dispatch(Msg::Click(Target::Phone(1)));
    assert!(t.model.run().unwrap().2.state.solved, "never held up");
}

fn journal_in(dir: &Path) -> (Journal, PathBuf) {
    let file = dir.join("hocso.db.pending");
    (Journal::at(vec![file.clone()]), file)
}

#[test]
fn every_kind_of_write_failure_keeps_the_answers_until_the_database_takes_them() {
    let faults: [(&str, MakeError); 5] = [
        ("full", || StoreError::Full),
        ("busy", || StoreError::Busy),
        ("i/o error", || StoreError::Io("disk I/O error".into())),
        ("read-only", || {
            StoreError::ReadOnly("attempt to write a readonly database".into())
        }),
        ("anything else", || StoreError::Other("unexpected".into())),
    ];
    for (name, error) in faults {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hocso.db");
        let (journal, file) = journal_in(dir.path());
        let fault: Fault = Arc::default();
        let mut t = tutor(faulty(&path, &fault), journal);
        let code = to_the_tap_step(&mut t);
        *fault.lock().unwrap() = Some(error);
        answer_twice(&mut t);
        assert!(t.waiting() >= 2, "{name}: both answers wait");
        assert_eq!(
            t.model.unsaved,
            t.waiting(),
            "{name}: the screen counts them"
        );
        assert!(
            t.model.notices.contains(&Notice::SavingDelayed),
            "{name}: the volunteer is told"
        );
        let kept = Journal::at(vec![file.clone()]).load();
        assert_eq!(
            kept.pending.len(),
            t.waiting(),
            "{name}: all in the journal"
        );
        t.retry();
        assert!(t.waiting() >= 2, "{name}: still failing");
        assert!(attempts(&path).is_empty());

        *fault.lock().unwrap() = None;
        t.retry();
        assert_eq!(t.waiting(), 0, "{name}");
        assert_eq!(t.model.unsaved, 0, "{name}");
        assert!(!t.model.notices.contains(&Notice::SavingDelayed));
        assert!(!file.exists(), "{name}: the journal is cleared");
        assert_eq!(
            attempts(&path),
            [
                (code.clone(), "cham-zalo".to_owned(), false),
                (code.clone(), "cham-zalo".to_owned(), true)
            ],
            "{name}: in order, once each"
        );
    }
}

#[test]
fn answers_waiting_at_closing_are_saved_once_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let (journal, file) = journal_in(dir.path());
    let fault: Fault = Arc::default();
    let mut t = tutor(faulty(&path, &fault), journal.clone());
    let code = to_the_tap_step(&mut t);
    *fault.lock().unwrap() = Some(|| StoreError::Full);
    answer_twice(&mut t);
    t.dispatch(Msg::Key(Key::Quit));
    let left = t.finish(Duration::from_millis(300));
    assert!(left >= 2, "the disk is still full");
    assert!(t.waiting_kept(), "kept in the journal");
    let kept = std::fs::read(&file).unwrap();
    drop(t);
    assert!(attempts(&path).is_empty());

    // The next start: the disk has room again.
    let mut next = tutor(SqliteStore::open(&path).unwrap(), journal.clone());
    assert_eq!(next.replay_journal(false), left);
    assert_eq!(next.waiting(), 0);
    assert!(!file.exists());
    let saved = attempts(&path);
    assert_eq!(
        saved,
        [
            (code.clone(), "cham-zalo".to_owned(), false),
            (code.clone(), "cham-zalo".to_owned(), true)
        ]
    );
    // Killed after saving but before the journal was cleared: the same journal again
    // saves nothing twice.
    std::fs::write(&file, &kept).unwrap();
    let mut again = tutor(SqliteStore::open(&path).unwrap(), journal);
    again.replay_journal(false);
    assert_eq!(attempts(&path), saved, "each write saved once");
    assert!(!file.exists());
}

#[test]
fn a_journal_that_no_disk_takes_keeps_the_answers_in_memory_until_the_database_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let nowhere = Journal::at(vec![dir.path().join("no-such-folder").join("j.pending")]);
    let fault: Fault = Arc::default();
    let mut t = tutor(faulty(&path, &fault), nowhere);
    to_the_tap_step(&mut t);
    *fault.lock().unwrap() = Some(|| StoreError::Io("disk I/O error".into()));
    answer_twice(&mut t);
    assert!(t.waiting() >= 2);
    assert!(!t.waiting_kept(), "nowhere on disk");
    *fault.lock().unwrap() = None;
    t.retry();
    assert_eq!(t.waiting(), 0);
    assert_eq!(attempts(&path).len(), 2);
}

/// Damages every page from `from` bytes on (the header stays sound) and makes the
/// tutor's connection read them again, as a second program writing would.
fn damage_past_the_header(path: &Path, from: usize) {
    let size = std::fs::metadata(path).unwrap().len() as usize;
    let mut bytes = std::fs::read(path).unwrap();
    for (i, b) in bytes.iter_mut().enumerate().skip(from) {
        *b = (i * 131 % 251) as u8;
    }
    assert_eq!(bytes.len(), size);
    std::fs::write(path, bytes).unwrap();
    let other = Connection::open(path).unwrap();
    let version: i64 = other
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    other
        .execute_batch(&format!("PRAGMA user_version = {version}"))
        .unwrap();
}

#[test]
fn a_database_damaged_while_in_use_is_moved_aside_and_the_answers_go_to_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let (journal, _) = journal_in(dir.path());
    let mut t = tutor(SqliteStore::open(&path).unwrap(), journal);
    let code = to_the_tap_step(&mut t);
    t.store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    damage_past_the_header(&path, 4096);

    answer_twice(&mut t);
    assert_eq!(t.waiting(), 0, "saved in the fresh database");
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with("hocso.db.damaged-") && !n.ends_with("-wal") && !n.ends_with("-shm")
        })
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert!(
        t.model
            .notices
            .iter()
            .any(|n| matches!(n, Notice::DatabaseMovedAside(_))),
        "the volunteer is told"
    );
    assert_eq!(
        attempts(&path),
        [
            (code.clone(), "cham-zalo".to_owned(), false),
            (code.clone(), "cham-zalo".to_owned(), true)
        ],
        "her answers, under her own code"
    );
    let name: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT name FROM learners WHERE code = ?1", [&code], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(name, "Bà Hạnh");
}

#[test]
fn a_database_damaged_past_its_header_is_moved_aside_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let code = store.create_learner("Bà Hạnh", None, 0).unwrap().code;
    for i in 0..400 {
        let attempt = Attempt {
            learner: code.clone(),
            lesson: "zalo".into(),
            step: format!("buoc-{i}"),
            answer: "Zalo".into(),
            right: true,
            first_try: true,
            hint_used: false,
            assisted: false,
            millis: 900,
        };
        store.record_attempt(&attempt, i).unwrap();
    }
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(store);
    // The answers' last pages: the schema and the learners stay sound.
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    damage_past_the_header(&path, size / 4096 * 4096 - 8 * 4096);
    // It opens, and the damage shows only when the answers are read.
    let plain = SqliteStore::open(&path);
    assert!(plain.is_ok(), "{:?}", plain.err());
    drop(plain);
    let opened = SqliteStore::open_or_recover(&path, 0).unwrap();
    assert!(opened.moved_aside.is_some(), "every page is looked at");
    assert_eq!(opened.store.find_learners("", 10).unwrap().len(), 0);
}

#[test]
fn the_log_drops_what_a_full_disk_refuses_and_says_how_much() {
    use std::io::Write as _;
    let full = std::fs::OpenOptions::new()
        .append(true)
        .open("/dev/full")
        .unwrap();
    let mut log = hocso::tui::LogFile::new(full);
    for _ in 0..3 {
        assert_eq!(log.write(b"a line\n").unwrap(), 7, "never an error");
    }
    assert_eq!(log.dropped(), 3);

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hocso.log");
    let mut log = hocso::tui::LogFile::new(std::fs::File::create(&file).unwrap());
    log.write_all(b"first\n").unwrap();
    assert_eq!(log.dropped(), 0);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "first\n");
}
