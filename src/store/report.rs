//! What the ward's report reads from the database: rows already counted by day where the
//! schema keeps them so (`step_days`, `lesson_starts`), and small tables otherwise.

use std::collections::HashMap;

use rusqlite::params;

use super::sqlite::map_err;
use super::{AgeBand, Figures, SqliteStore, StoreError};
use crate::kiosk::VIETNAM_OFFSET;

/// A day in Vietnam, counted from 1970-01-01.
pub type DayNumber = i64;

/// The Vietnamese day that `secs` since the epoch falls in.
pub fn day_of(secs: i64) -> DayNumber {
    (secs + VIETNAM_OFFSET).div_euclid(86_400)
}

/// When day `day` starts, in seconds since the epoch.
pub fn day_start(day: DayNumber) -> i64 {
    day * 86_400 - VIETNAM_OFFSET
}

/// A learner as a report needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLearner {
    pub created_at: i64,
    pub age_band: Option<AgeBand>,
    pub name: String,
}

/// Answers to one step on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDay {
    pub day: DayNumber,
    pub lesson: String,
    pub step: String,
    pub answers: u64,
    pub assisted: u64,
    /// First tries without a volunteer's help, and how many were right.
    pub first_tries: u64,
    pub first_right: u64,
}

/// Everything recorded between two days (both included), as read from the database.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRows {
    /// Every learner with a session in the period: their code, and what the report needs
    /// of them. Sessions refer to learners by their place in this list.
    pub learners: Vec<(String, ReportLearner)>,
    /// Sessions, oldest first: the day each started and whose it was.
    pub sessions: Vec<(DayNumber, usize)>,
    pub steps: Vec<StepDay>,
    /// Lessons begun for the first time: (day, lesson, how many learners).
    pub starts: Vec<(DayNumber, String, u64)>,
    /// Lesson ends: (day, lesson, outcome code, how many).
    pub ends: Vec<(DayNumber, String, String, u64)>,
    /// Times a learner was stuck: (day, how many).
    pub needs_help: Vec<(DayNumber, u64)>,
    /// Lessons mastered in the period, by learner code (read only for a report with
    /// names).
    pub mastered_by: HashMap<String, u64>,
}

/// The days `from..to` (in seconds) covers when it is whole days in Vietnam: the first
/// and the last, both included.
pub fn whole_days(from: i64, to: i64) -> Option<(DayNumber, DayNumber)> {
    let (first, end) = (day_of(from), day_of(to));
    (from == day_start(first) && to == day_start(end) && end > first).then(|| (first, end - 1))
}

impl ReportRows {
    /// The figures these rows give for days `from..=to`: the ward report's totals and the
    /// volunteer panel's figures are both these.
    ///
    /// How a learner erased since (`hocso learners forget`) counts: her answers, lesson
    /// starts and ends stay in the anonymous counts per day (`step_days`, `lesson_days`)
    /// and are counted; she, her sessions and her calls for help went with her and are
    /// not.
    pub fn figures(&self, from: DayNumber, to: DayNumber) -> Figures {
        let (start, end) = (day_start(from), day_start(to + 1));
        Figures {
            sessions: self.sessions.len() as u64,
            learners: self.learners.len() as u64,
            new_learners: self
                .learners
                .iter()
                .filter(|(_, l)| (start..end).contains(&l.created_at))
                .count() as u64,
            answers: self.steps.iter().map(|s| s.answers).sum(),
            assisted: self.steps.iter().map(|s| s.assisted).sum(),
            lessons_mastered: self
                .ends
                .iter()
                .filter(|(_, _, outcome, _)| outcome == "mastered")
                .map(|(_, _, _, n)| n)
                .sum(),
            needs_help: self.needs_help.iter().map(|(_, n)| n).sum(),
        }
    }
}

impl SqliteStore {
    /// The figures of days `from..=to`, read and counted as the ward's report reads and
    /// counts them (see [`ReportRows::figures`]).
    pub fn day_figures(&self, from: DayNumber, to: DayNumber) -> Result<Figures, StoreError> {
        Ok(self.report_rows(from, to, false)?.figures(from, to))
    }

    /// The first day anything was recorded, if anything was.
    pub fn first_report_day(&self) -> Result<Option<DayNumber>, StoreError> {
        let first: Option<i64> = self
            .connection()
            .query_row(
                "SELECT min(m) FROM (SELECT min(started_at) AS m FROM sessions
                                     UNION ALL SELECT min(day) * 86400 - 25200 FROM step_days)",
                [],
                |r| r.get(0),
            )
            .map_err(map_err)?;
        Ok(first.map(day_of))
    }

    /// What happened from day `from` to day `to`, both included; who mastered what only
    /// `with_names`.
    pub fn report_rows(
        &self,
        from: DayNumber,
        to: DayNumber,
        with_names: bool,
    ) -> Result<ReportRows, StoreError> {
        let (start, end) = (day_start(from), day_start(to + 1));
        // One snapshot for every query, while the kiosk goes on saving answers. Only read:
        // dropped, it rolls back.
        let conn = self.connection().unchecked_transaction().map_err(map_err)?;
        let mut rows = ReportRows::default();

        // Half a million sessions in a busy year: codes are kept once per learner, and
        // rows are read without copying where they can be.
        let mut place: HashMap<String, usize> = HashMap::new();
        let mut statement = conn
            .prepare(
                "SELECT started_at, learner FROM sessions
                 WHERE started_at >= ?1 AND started_at < ?2 ORDER BY started_at",
            )
            .map_err(map_err)?;
        let mut found = statement.query(params![start, end]).map_err(map_err)?;
        while let Some(r) = found.next().map_err(map_err)? {
            let at: i64 = r.get(0).map_err(map_err)?;
            let code = r.get_ref(1).map_err(map_err)?.as_str().map_err(not_text)?;
            let index = match place.get(code) {
                Some(&i) => i,
                None => {
                    let i = place.len();
                    place.insert(code.to_owned(), i);
                    i
                }
            };
            rows.sessions.push((day_of(at), index));
        }
        drop(found);

        let mut learners: Vec<Option<(String, ReportLearner)>> = vec![None; place.len()];
        if !place.is_empty() {
            let mut statement = conn
                .prepare("SELECT code, created_at, age_band, name FROM learners")
                .map_err(map_err)?;
            let mut found = statement.query([]).map_err(map_err)?;
            while let Some(r) = found.next().map_err(map_err)? {
                let code = r.get_ref(0).map_err(map_err)?.as_str().map_err(not_text)?;
                let Some(&i) = place.get(code) else {
                    continue;
                };
                let band = r
                    .get_ref(2)
                    .map_err(map_err)?
                    .as_str_or_null()
                    .map_err(not_text)?;
                learners[i] = Some((
                    code.to_owned(),
                    ReportLearner {
                        created_at: r.get(1).map_err(map_err)?,
                        age_band: band.and_then(AgeBand::parse),
                        name: r.get(3).map_err(map_err)?,
                    },
                ));
            }
        }
        // A session whose learner is gone (it cannot be: sessions go with their learner)
        // would count as a learner of unknown age who came before.
        let mut codes: Vec<(&String, &usize)> = place.iter().collect();
        codes.sort_by_key(|(_, i)| **i);
        rows.learners = learners
            .into_iter()
            .zip(codes)
            .map(|(found, (code, _))| {
                found.unwrap_or_else(|| {
                    (
                        code.clone(),
                        ReportLearner {
                            created_at: i64::MIN,
                            age_band: None,
                            name: String::new(),
                        },
                    )
                })
            })
            .collect();

        let mut statement = conn
            .prepare(
                "SELECT day, lesson, step, answers, assisted, first_tries, first_right
                 FROM step_days WHERE day BETWEEN ?1 AND ?2",
            )
            .map_err(map_err)?;
        rows.steps = statement
            .query_map(params![from, to], |r| {
                Ok(StepDay {
                    day: r.get(0)?,
                    lesson: r.get(1)?,
                    step: r.get(2)?,
                    answers: count(r.get(3)?),
                    assisted: count(r.get(4)?),
                    first_tries: count(r.get(5)?),
                    first_right: count(r.get(6)?),
                })
            })
            .map_err(map_err)?
            .collect::<Result<_, _>>()
            .map_err(map_err)?;

        let mut statement = conn
            .prepare(
                "SELECT day, lesson, outcome, count FROM lesson_days
                 WHERE day BETWEEN ?1 AND ?2",
            )
            .map_err(map_err)?;
        let mut found = statement.query(params![from, to]).map_err(map_err)?;
        while let Some(r) = found.next().map_err(map_err)? {
            let (day, lesson, n) = (
                r.get(0).map_err(map_err)?,
                r.get(1).map_err(map_err)?,
                count(r.get(3).map_err(map_err)?),
            );
            let outcome: String = r.get(2).map_err(map_err)?;
            if outcome == "started" {
                rows.starts.push((day, lesson, n));
            } else {
                rows.ends.push((day, lesson, outcome, n));
            }
        }
        drop(found);

        let mut statement = conn
            .prepare(
                "SELECT (at + 25200) / 86400, count(*) FROM needs_help
                 WHERE at >= ?1 AND at < ?2 GROUP BY 1",
            )
            .map_err(map_err)?;
        rows.needs_help = statement
            .query_map(params![start, end], |r| Ok((r.get(0)?, count(r.get(1)?))))
            .map_err(map_err)?
            .collect::<Result<_, _>>()
            .map_err(map_err)?;

        if with_names {
            let mut statement = conn
                .prepare(
                    "SELECT learner, count(*) FROM lesson_events
                     WHERE outcome = 'mastered' AND at >= ?1 AND at < ?2 GROUP BY 1",
                )
                .map_err(map_err)?;
            rows.mastered_by = statement
                .query_map(params![start, end], |r| Ok((r.get(0)?, count(r.get(1)?))))
                .map_err(map_err)?
                .collect::<Result<_, _>>()
                .map_err(map_err)?;
        }
        Ok(rows)
    }
}

fn not_text(e: rusqlite::types::FromSqlError) -> StoreError {
    StoreError::Other(format!("a learner's code or age band is not text: {e}"))
}

fn count(n: i64) -> u64 {
    n.max(0) as u64
}
