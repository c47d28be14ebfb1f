//! The ward's report: what happened at a kiosk between two days, by day, by age band and
//! by lesson step. Built from the database's counts; written as Markdown, CSV or JSON;
//! the JSON of several kiosks merges into one.
//!
//! Names appear only when asked for (`with_names`): the figures the ward passes on are
//! counts, never people.

pub mod date;
mod render;

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::store::{AgeBand, DayNumber, ReportRows};

pub use render::{to_csv, to_markdown};

/// What a report file says it is.
pub const FORMAT: &str = "hocso-report";
/// The version of the JSON layout; `merge` refuses others.
pub const VERSION: u32 = 1;

/// The figures of a day, or of the whole period.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub sessions: u64,
    /// Distinct learners with a session.
    pub learners: u64,
    /// Of those, learners who first came in that day (or period)...
    pub new_learners: u64,
    /// ...and learners who had come before.
    pub returning_learners: u64,
    /// Lessons a learner began for the first time.
    pub lessons_started: u64,
    pub lessons_mastered: u64,
    /// Reviews of mastered lessons, all right first time or not.
    pub reviews_passed: u64,
    pub reviews_failed: u64,
    /// Times a learner was stuck on a step and the kiosk called for help.
    pub needs_help: u64,
    pub answers: u64,
    /// Answers given with a volunteer's help (they never count toward mastery).
    pub assisted: u64,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.sessions += other.sessions;
        self.learners += other.learners;
        self.new_learners += other.new_learners;
        self.returning_learners += other.returning_learners;
        self.lessons_started += other.lessons_started;
        self.lessons_mastered += other.lessons_mastered;
        self.reviews_passed += other.reviews_passed;
        self.reviews_failed += other.reviews_failed;
        self.needs_help += other.needs_help;
        self.answers += other.answers;
        self.assisted += other.assisted;
    }

    fn is_empty(&self) -> bool {
        *self == Counts::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayRow {
    /// `YYYY-MM-DD`, in Vietnam.
    pub date: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// Learners by age band: `under-60`, `60-69`, `70-79`, `80+`, or `not-given`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BandRow {
    pub band: String,
    pub learners: u64,
    pub new_learners: u64,
    pub sessions: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRow {
    pub lesson: String,
    pub started: u64,
    pub mastered: u64,
    pub reviews_passed: u64,
    pub reviews_failed: u64,
}

/// How one step went: first tries without help, and how many of them were right.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRow {
    pub lesson: String,
    pub step: String,
    pub answers: u64,
    pub assisted: u64,
    pub first_tries: u64,
    pub first_right: u64,
}

impl StepRow {
    /// Adds another's counts to this one's.
    fn add(&mut self, other: &StepRow) {
        self.answers += other.answers;
        self.assisted += other.assisted;
        self.first_tries += other.first_tries;
        self.first_right += other.first_right;
    }

    /// Right first time, in percent; `None` before anyone tried.
    pub fn success(&self) -> Option<u64> {
        (self.first_tries > 0)
            .then(|| (self.first_right * 100 + self.first_tries / 2) / self.first_tries)
    }
}

/// A learner by name: only in a report made `--with-names`. Never with their code: it is
/// what a learner types to come back to their progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRow {
    pub kiosk: String,
    pub name: String,
    pub band: String,
    pub sessions: u64,
    pub lessons_mastered: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub format: String,
    pub version: u32,
    /// The kiosks counted, by name.
    pub kiosks: Vec<String>,
    /// The wards they serve, where the configuration names them.
    #[serde(default)]
    pub wards: Vec<String>,
    /// First and last day, both included, `YYYY-MM-DD`.
    pub from: String,
    pub to: String,
    pub totals: Counts,
    /// Every day with something to count, oldest first.
    pub days: Vec<DayRow>,
    pub age_bands: Vec<BandRow>,
    pub lessons: Vec<LessonRow>,
    /// By lesson, then step id.
    pub steps: Vec<StepRow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<NamedRow>>,
}

const NOT_GIVEN: &str = "not-given";

fn band_code(band: Option<AgeBand>) -> &'static str {
    band.map_or(NOT_GIVEN, AgeBand::code)
}

/// Bands in the order a reader expects them.
fn band_order(code: &str) -> usize {
    AgeBand::ALL
        .iter()
        .position(|b| b.code() == code)
        .unwrap_or(AgeBand::ALL.len())
}

impl Report {
    /// The report of one kiosk from what its database holds for days `from..=to`.
    pub fn build(
        kiosk: &str,
        ward: &str,
        from: DayNumber,
        to: DayNumber,
        rows: &ReportRows,
        with_names: bool,
    ) -> Report {
        let mut days: BTreeMap<DayNumber, Counts> = BTreeMap::new();
        // The figures the volunteer panel shows too, counted the same way.
        let figures = rows.figures(from, to);
        let mut totals = Counts {
            sessions: figures.sessions,
            learners: figures.learners,
            new_learners: figures.new_learners,
            returning_learners: figures.learners - figures.new_learners,
            lessons_mastered: figures.lessons_mastered,
            needs_help: figures.needs_help,
            answers: figures.answers,
            assisted: figures.assisted,
            ..Counts::default()
        };
        let period_start = crate::store::day_start(from);

        // Sessions and learners. Sessions come oldest first, so a learner's first session
        // of a day is the one after their last day seen.
        let mut last_day: Vec<Option<DayNumber>> = vec![None; rows.learners.len()];
        let mut sessions_of: Vec<u64> = vec![0; rows.learners.len()];
        for &(day, learner) in &rows.sessions {
            let counts = days.entry(day).or_default();
            counts.sessions += 1;
            sessions_of[learner] += 1;
            if last_day[learner] != Some(day) {
                last_day[learner] = Some(day);
                counts.learners += 1;
                if crate::store::day_of(rows.learners[learner].1.created_at) == day {
                    counts.new_learners += 1;
                } else {
                    counts.returning_learners += 1;
                }
            }
        }
        let mut bands: BTreeMap<&str, BandRow> = BTreeMap::new();
        let period_end = crate::store::day_start(to + 1);
        for ((_, learner), &sessions) in rows.learners.iter().zip(&sessions_of) {
            let new = (period_start..period_end).contains(&learner.created_at);
            let band = band_code(learner.age_band);
            band_entry(&mut bands, band).add(&BandRow {
                band: String::new(),
                learners: 1,
                new_learners: u64::from(new),
                sessions,
            });
        }

        // Lessons.
        let mut lessons: BTreeMap<&str, LessonRow> = BTreeMap::new();
        for (day, lesson, n) in &rows.starts {
            days.entry(*day).or_default().lessons_started += n;
            totals.lessons_started += n;
            lesson_entry(&mut lessons, lesson).started += n;
        }
        for (day, lesson, outcome, n) in &rows.ends {
            let counts = days.entry(*day).or_default();
            let row = lesson_entry(&mut lessons, lesson);
            match outcome.as_str() {
                "mastered" => {
                    counts.lessons_mastered += n;
                    row.mastered += n;
                }
                "review-passed" => {
                    counts.reviews_passed += n;
                    totals.reviews_passed += n;
                    row.reviews_passed += n;
                }
                "review-failed" => {
                    counts.reviews_failed += n;
                    totals.reviews_failed += n;
                    row.reviews_failed += n;
                }
                _ => {}
            }
        }
        for (day, n) in &rows.needs_help {
            days.entry(*day).or_default().needs_help += n;
        }

        // Steps.
        let mut steps: BTreeMap<(&str, &str), StepRow> = BTreeMap::new();
        for s in &rows.steps {
            let counts = days.entry(s.day).or_default();
            counts.answers += s.answers;
            counts.assisted += s.assisted;
            step_entry(&mut steps, &s.lesson, &s.step).add(&StepRow {
                answers: s.answers,
                assisted: s.assisted,
                first_tries: s.first_tries,
                first_right: s.first_right,
                ..StepRow::default()
            });
        }

        let names = with_names.then(|| {
            let mut named: Vec<NamedRow> = rows
                .learners
                .iter()
                .zip(&sessions_of)
                .map(|((code, learner), &sessions)| NamedRow {
                    kiosk: kiosk.to_owned(),
                    name: learner.name.clone(),
                    band: band_code(learner.age_band).to_owned(),
                    sessions,
                    lessons_mastered: rows.mastered_by.get(code).copied().unwrap_or(0),
                })
                .collect();
            named.sort_by(by_kiosk_and_name);
            named
        });

        let mut age_bands: Vec<BandRow> = bands.into_values().collect();
        age_bands.sort_by_key(|b| band_order(&b.band));
        Report {
            format: FORMAT.to_owned(),
            version: VERSION,
            kiosks: vec![kiosk.to_owned()],
            wards: [ward.trim()]
                .into_iter()
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
            from: date::format(from),
            to: date::format(to),
            totals,
            days: days
                .into_iter()
                .filter(|(_, c)| !c.is_empty())
                .map(|(day, counts)| DayRow {
                    date: date::format(day),
                    counts,
                })
                .collect(),
            age_bands,
            lessons: lessons.into_values().collect(),
            steps: steps.into_values().collect(),
            names,
        }
    }

    /// Reads a report written with `--format json`.
    pub fn from_json(text: &str) -> Result<Report, MergeError> {
        let report: Report =
            serde_json::from_str(text).map_err(|e| MergeError::NotAReport(e.to_string()))?;
        if report.format != FORMAT {
            return Err(MergeError::WrongFormat(report.format));
        }
        if report.version != VERSION {
            return Err(MergeError::Version(report.version));
        }
        Ok(report)
    }

    /// One report of several kiosks over the same period: every count added up, by day,
    /// band, lesson and step. Learners are counted per kiosk (each kiosk has its own
    /// learners). Names are kept only `with_names`.
    pub fn merge(reports: &[Report], with_names: bool) -> Result<Report, MergeError> {
        let Some(first) = reports.first() else {
            return Err(MergeError::Nothing);
        };
        if let Some(other) = reports
            .iter()
            .find(|r| (&r.from, &r.to) != (&first.from, &first.to))
        {
            return Err(MergeError::Periods(
                format!("{} – {}", first.from, first.to),
                format!("{} – {}", other.from, other.to),
            ));
        }
        let mut kiosks = Vec::new();
        let mut wards: Vec<String> = Vec::new();
        let mut totals = Counts::default();
        let mut days: BTreeMap<&str, Counts> = BTreeMap::new();
        let mut bands: BTreeMap<&str, BandRow> = BTreeMap::new();
        let mut lessons: BTreeMap<&str, LessonRow> = BTreeMap::new();
        let mut steps: BTreeMap<(&str, &str), StepRow> = BTreeMap::new();
        let mut names: Option<Vec<NamedRow>> = None;
        let mut seen = HashSet::new();
        for report in reports {
            for kiosk in &report.kiosks {
                if !seen.insert(kiosk.as_str()) {
                    return Err(MergeError::Twice(kiosk.clone()));
                }
                kiosks.push(kiosk.clone());
            }
            for ward in &report.wards {
                if !wards.contains(ward) {
                    wards.push(ward.clone());
                }
            }
            totals.add(&report.totals);
            for day in &report.days {
                days.entry(&day.date).or_default().add(&day.counts);
            }
            for band in &report.age_bands {
                band_entry(&mut bands, &band.band).add(band);
            }
            for lesson in &report.lessons {
                let row = lesson_entry(&mut lessons, &lesson.lesson);
                row.started += lesson.started;
                row.mastered += lesson.mastered;
                row.reviews_passed += lesson.reviews_passed;
                row.reviews_failed += lesson.reviews_failed;
            }
            for step in &report.steps {
                step_entry(&mut steps, &step.lesson, &step.step).add(step);
            }
            if let Some(named) = report.names.as_ref().filter(|_| with_names) {
                names
                    .get_or_insert_with(Vec::new)
                    .extend(named.iter().cloned());
            }
        }
        if let Some(named) = &mut names {
            named.sort_by(by_kiosk_and_name);
        }
        let mut age_bands: Vec<BandRow> = bands.into_values().collect();
        age_bands.sort_by_key(|b| band_order(&b.band));
        Ok(Report {
            format: FORMAT.to_owned(),
            version: VERSION,
            kiosks,
            wards,
            from: first.from.clone(),
            to: first.to.clone(),
            totals,
            days: days
                .into_iter()
                .map(|(date, counts)| DayRow {
                    date: date.to_owned(),
                    counts,
                })
                .collect(),
            age_bands,
            lessons: lessons.into_values().collect(),
            steps: steps.into_values().collect(),
            names,
        })
    }
}

fn by_kiosk_and_name(a: &NamedRow, b: &NamedRow) -> std::cmp::Ordering {
    (&a.kiosk, &a.name, &a.band, a.sessions).cmp(&(&b.kiosk, &b.name, &b.band, b.sessions))
}

fn band_entry<'a, 'b>(bands: &'b mut BTreeMap<&'a str, BandRow>, band: &'a str) -> &'b mut BandRow {
    bands.entry(band).or_insert_with(|| BandRow {
        band: band.to_owned(),
        learners: 0,
        new_learners: 0,
        sessions: 0,
    })
}

impl BandRow {
    /// Adds another's counts to this one's.
    fn add(&mut self, other: &BandRow) {
        self.learners += other.learners;
        self.new_learners += other.new_learners;
        self.sessions += other.sessions;
    }
}

fn step_entry<'a, 'b>(
    steps: &'b mut BTreeMap<(&'a str, &'a str), StepRow>,
    lesson: &'a str,
    step: &'a str,
) -> &'b mut StepRow {
    steps.entry((lesson, step)).or_insert_with(|| StepRow {
        lesson: lesson.to_owned(),
        step: step.to_owned(),
        ..StepRow::default()
    })
}

fn lesson_entry<'a, 'b>(
    lessons: &'b mut BTreeMap<&'a str, LessonRow>,
    id: &'a str,
) -> &'b mut LessonRow {
    lessons.entry(id).or_insert_with(|| LessonRow {
        lesson: id.to_owned(),
        ..LessonRow::default()
    })
}

#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("no reports to merge")]
    Nothing,
    #[error("not a hocso report: {0}")]
    NotAReport(String),
    #[error("not a hocso report: its format is “{0}”, not “{FORMAT}”")]
    WrongFormat(String),
    #[error("a report of version {0}; this hocso reads version 1 (make it again with this hocso)")]
    Version(u32),
    #[error(
        "the kiosk “{0}” is in two of the reports: its learners would count twice (give each \
         kiosk its own kiosk_name in its configuration; for one kiosk, make one report over \
         the whole period)"
    )]
    Twice(String),
    #[error(
        "the reports cover different periods ({0} and {1}): make them all with the same \
         --from and --to"
    )]
    Periods(String, String),
}
