//! Learners and progress kept in memory: for previews and tests.

use std::collections::{HashMap, HashSet};

use super::{
    AgeBand, Attempt, Figures, Forgotten, HelpCall, Learner, LearnerRow, LessonEnd, LessonRecord,
    Note, Place, Progress, Sound, Store, StoreError, Write, new_code, next_record,
};

#[derive(Debug, Default)]
pub struct MemoryStore {
    learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    pub needs_help: Vec<(String, String, String)>,
    records: HashMap<(String, String), LessonRecord>,
    places: HashMap<String, Place>,
    sessions: Vec<(String, i64, Option<i64>)>,
    notes: Vec<(String, Note)>,
    pin: Option<String>,
    /// Ids of the journal's writes already carried out.
    applied: HashSet<String>,
}

impl MemoryStore {
    fn known(&self, code: &str) -> Result<(), StoreError> {
        if self.learners.iter().any(|l| l.code == code) {
            Ok(())
        } else {
            Err(StoreError::NoSuchLearner(code.to_owned()))
        }
    }
}

impl Store for MemoryStore {
    fn create_learner(
        &mut self,
        name: &str,
        age_band: Option<AgeBand>,
        _now: i64,
    ) -> Result<Learner, StoreError> {
        let mut taken = |c: &str| self.learners.iter().any(|l| l.code == c);
        let code = new_code(&mut taken, self.learners.len()).ok_or(StoreError::CodesExhausted)?;
        let learner = Learner {
            code,
            name: name.to_owned(),
            age_band,
            sound: Sound::default(),
        };
        self.learners.push(learner.clone());
        Ok(learner)
    }

    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError> {
        Ok(self.learners.iter().find(|l| l.code == code).cloned())
    }

    fn progress(&self, code: &str) -> Result<Progress, StoreError> {
        let mut progress = Progress::default();
        for a in self.attempts.iter().filter(|a| a.learner == code) {
            progress.add(a);
        }
        progress.lessons = self
            .records
            .iter()
            .filter(|((l, _), _)| l == code)
            .map(|((_, lesson), r)| (lesson.clone(), *r))
            .collect();
        progress.place = self.places.get(code).cloned();
        Ok(progress)
    }

    fn record_attempt(&mut self, attempt: &Attempt, _now: i64) -> Result<(), StoreError> {
        self.known(&attempt.learner)?;
        self.attempts.push(attempt.clone());
        Ok(())
    }

    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
        _now: i64,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        self.needs_help
            .push((learner.to_owned(), lesson.to_owned(), step.to_owned()));
        Ok(())
    }

    fn record_lesson_end(
        &mut self,
        learner: &str,
        lesson: &str,
        end: LessonEnd,
        intervals: &[u32],
        now: i64,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        let key = (learner.to_owned(), lesson.to_owned());
        let old = self.records.get(&key).copied().unwrap_or_default();
        self.records
            .insert(key, next_record(old, end, intervals, now));
        Ok(())
    }

    fn save_sound(&mut self, learner: &str, sound: Sound) -> Result<(), StoreError> {
        self.known(learner)?;
        if let Some(l) = self.learners.iter_mut().find(|l| l.code == learner) {
            l.sound = sound;
        }
        Ok(())
    }

    fn save_place(
        &mut self,
        learner: &str,
        place: Option<&Place>,
        _now: i64,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        match place {
            Some(p) => self.places.insert(learner.to_owned(), p.clone()),
            None => self.places.remove(learner),
        };
        Ok(())
    }

    fn start_session(&mut self, learner: &str, _kiosk: &str, now: i64) -> Result<i64, StoreError> {
        self.known(learner)?;
        self.sessions.push((learner.to_owned(), now, None));
        Ok(self.sessions.len() as i64)
    }

    fn end_session(&mut self, session: i64, now: i64) -> Result<(), StoreError> {
        if let Some(s) = self.sessions.get_mut(session as usize - 1) {
            s.2 = Some(now);
        }
        Ok(())
    }

    fn forget_learner(&mut self, code: &str) -> Result<Option<Forgotten>, StoreError> {
        let Some(i) = self.learners.iter().position(|l| l.code == code) else {
            return Ok(None);
        };
        let learner = self.learners.remove(i);
        let before = self.attempts.len();
        self.attempts.retain(|a| a.learner != code);
        self.needs_help.retain(|(l, _, _)| l != code);
        self.records.retain(|(l, _), _| l != code);
        self.places.remove(code);
        self.sessions.retain(|(l, _, _)| l != code);
        self.notes.retain(|(l, _)| l != code);
        Ok(Some(Forgotten {
            name: learner.name,
            attempts: (before - self.attempts.len()) as u64,
        }))
    }

    fn find_learners(&self, query: &str, limit: usize) -> Result<Vec<LearnerRow>, StoreError> {
        let wanted = query.trim().to_lowercase();
        Ok(self
            .learners
            .iter()
            .rev()
            .filter(|l| l.code.starts_with(&wanted) || l.name.to_lowercase().contains(&wanted))
            .take(limit)
            .map(|l| LearnerRow {
                code: l.code.clone(),
                name: l.name.clone(),
                age_band: l.age_band,
                last_visit: self
                    .sessions
                    .iter()
                    .filter(|s| s.0 == l.code)
                    .map(|s| s.1)
                    .max(),
                mastered: self
                    .records
                    .iter()
                    .filter(|((who, _), r)| *who == l.code && r.mastered_at.is_some())
                    .count(),
            })
            .collect())
    }

    fn help_calls(&self) -> Result<Vec<HelpCall>, StoreError> {
        Ok(self
            .needs_help
            .iter()
            .map(|(learner, lesson, step)| HelpCall {
                learner: learner.clone(),
                name: self
                    .learners
                    .iter()
                    .find(|l| l.code == *learner)
                    .map(|l| l.name.clone())
                    .unwrap_or_default(),
                lesson: lesson.clone(),
                step: step.clone(),
                at: 0,
            })
            .collect())
    }

    fn help_given(&mut self, learner: &str, _now: i64) -> Result<(), StoreError> {
        self.needs_help.retain(|(l, _, _)| l != learner);
        Ok(())
    }

    fn reset(&mut self, learner: &str, lesson: Option<&str>, _now: i64) -> Result<(), StoreError> {
        self.known(learner)?;
        let hit = |who: &str, l: &str| who == learner && lesson.is_none_or(|x| x == l);
        self.attempts.retain(|a| !hit(&a.learner, &a.lesson));
        self.records.retain(|(who, l), _| !hit(who, l));
        if self
            .places
            .get(learner)
            .is_some_and(|p| hit(learner, &p.lesson))
        {
            self.places.remove(learner);
        }
        Ok(())
    }

    fn add_note(&mut self, learner: &str, text: &str, now: i64) -> Result<(), StoreError> {
        self.known(learner)?;
        self.notes.push((
            learner.to_owned(),
            Note {
                at: now,
                text: text.to_owned(),
            },
        ));
        Ok(())
    }

    fn notes(&self, learner: &str) -> Result<Vec<Note>, StoreError> {
        Ok(self
            .notes
            .iter()
            .rev()
            .filter(|(l, _)| l == learner)
            .map(|(_, n)| n.clone())
            .collect())
    }

    fn session_assisted(&mut self, _session: i64) -> Result<(), StoreError> {
        Ok(())
    }

    fn pin_hash(&self) -> Result<Option<String>, StoreError> {
        Ok(self.pin.clone())
    }

    fn set_pin_hash(&mut self, hash: &str) -> Result<(), StoreError> {
        self.pin = Some(hash.to_owned());
        Ok(())
    }

    fn figures(&self, _from: i64, _to: i64) -> Result<Figures, StoreError> {
        Err(StoreError::Other(
            "a preview keeps no figures (they are kept on disk)".to_owned(),
        ))
    }

    fn apply_once(&mut self, id: &str, write: &Write) -> Result<bool, StoreError> {
        if self.applied.contains(id) {
            return Ok(false);
        }
        write.apply(self)?;
        self.applied.insert(id.to_owned());
        Ok(true)
    }

    fn ensure_learner(&mut self, learner: &Learner, _now: i64) -> Result<(), StoreError> {
        if self.known(&learner.code).is_err() {
            self.learners.push(learner.clone());
        }
        Ok(())
    }
}
