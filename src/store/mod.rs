//! Learners and their progress. The kiosk talks to a [`Store`]; this release keeps
//! everything in memory ([`MemoryStore`]); a durable SQLite store implements the same
//! trait.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hasher};

/// A learner as the kiosk knows them: a name to call them by and a code to resume with.
/// No ID numbers, phone numbers or birthdays: this is a public kiosk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    /// Four digits, unique on this kiosk.
    pub code: String,
    pub name: String,
}

/// One answer to one practice step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub learner: String,
    pub lesson: String,
    pub step: String,
    /// What the learner gave, in words a volunteer can read.
    pub answer: String,
    pub right: bool,
    /// No wrong answer on this step before this one.
    pub first_try: bool,
    pub hint_used: bool,
    /// Given while a volunteer helped: never counts toward mastery.
    pub assisted: bool,
    pub millis: u64,
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

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("every learner code is taken")]
    CodesExhausted,
    #[error("no learner with code {0}")]
    NoSuchLearner(String),
}

/// What the kiosk needs of its storage.
pub trait Store {
    fn create_learner(&mut self, name: &str) -> Result<Learner, StoreError>;
    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError>;
    fn record_attempt(&mut self, attempt: &Attempt) -> Result<(), StoreError>;
    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
    ) -> Result<(), StoreError>;
    /// A run through a lesson ended; `all_first_try` when every practice step was right
    /// the first time.
    fn record_lesson_end(
        &mut self,
        learner: &str,
        lesson: &str,
        all_first_try: bool,
    ) -> Result<(), StoreError>;
    fn lesson_statuses(&self, learner: &str) -> Result<HashMap<String, LessonStatus>, StoreError>;
}

/// Learners and progress kept in memory, gone when the program ends.
#[derive(Debug, Default)]
pub struct MemoryStore {
    learners: Vec<Learner>,
    pub attempts: Vec<Attempt>,
    pub needs_help: Vec<(String, String, String)>,
    statuses: HashMap<(String, String), LessonStatus>,
}

impl Store for MemoryStore {
    fn create_learner(&mut self, name: &str) -> Result<Learner, StoreError> {
        let taken: Vec<&str> = self.learners.iter().map(|l| l.code.as_str()).collect();
        let code = new_code(&taken).ok_or(StoreError::CodesExhausted)?;
        let learner = Learner {
            code,
            name: name.to_owned(),
        };
        self.learners.push(learner.clone());
        Ok(learner)
    }

    fn find_learner(&self, code: &str) -> Result<Option<Learner>, StoreError> {
        Ok(self.learners.iter().find(|l| l.code == code).cloned())
    }

    fn record_attempt(&mut self, attempt: &Attempt) -> Result<(), StoreError> {
        self.known(&attempt.learner)?;
        self.statuses
            .entry((attempt.learner.clone(), attempt.lesson.clone()))
            .or_insert(LessonStatus::InProgress);
        self.attempts.push(attempt.clone());
        Ok(())
    }

    fn record_needs_help(
        &mut self,
        learner: &str,
        lesson: &str,
        step: &str,
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
        all_first_try: bool,
    ) -> Result<(), StoreError> {
        self.known(learner)?;
        let status = if all_first_try {
            LessonStatus::Mastered
        } else {
            LessonStatus::InProgress
        };
        self.statuses
            .insert((learner.to_owned(), lesson.to_owned()), status);
        Ok(())
    }

    fn lesson_statuses(&self, learner: &str) -> Result<HashMap<String, LessonStatus>, StoreError> {
        Ok(self
            .statuses
            .iter()
            .filter(|((l, _), _)| l == learner)
            .map(|((_, lesson), s)| (lesson.clone(), *s))
            .collect())
    }
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

/// A four-digit code not in `taken`, chosen at random (so codes do not reveal how many
/// learners came before), or None when all 9,000 are taken.
pub fn new_code(taken: &[&str]) -> Option<String> {
    if taken.len() >= 9_000 {
        return None;
    }
    let mut seed = std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish();
    loop {
        // xorshift: plenty for picking a free code.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let code = format!("{}", 1000 + seed % 9000);
        if !taken.contains(&code.as_str()) {
            return Some(code);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_four_digits_and_unique() {
        let mut store = MemoryStore::default();
        let mut codes = std::collections::HashSet::new();
        for i in 0..500 {
            let learner = store.create_learner(&format!("Bác {i}")).unwrap();
            assert_eq!(learner.code.len(), 4);
            assert!(learner.code.chars().all(|c| c.is_ascii_digit()));
            assert!(!learner.code.starts_with('0'));
            assert!(codes.insert(learner.code.clone()), "unique");
        }
        let found = store.find_learner(codes.iter().next().unwrap()).unwrap();
        assert!(found.is_some());
        assert!(store.find_learner("0000").unwrap().is_none());
    }

    #[test]
    fn the_last_free_code_is_found_and_then_none() {
        let all: Vec<String> = (1000..10_000).map(|c| c.to_string()).collect();
        let mut taken: Vec<&str> = all.iter().map(String::as_str).collect();
        let last = taken.remove(1234);
        assert_eq!(new_code(&taken).as_deref(), Some(last));
        taken.push(last);
        assert_eq!(new_code(&taken), None);
    }

    #[test]
    fn statuses_follow_attempts_and_lesson_ends() {
        let mut store = MemoryStore::default();
        let l = store.create_learner("Bà Hạnh").unwrap();
        assert!(store.lesson_statuses(&l.code).unwrap().is_empty());
        let attempt = Attempt {
            learner: l.code.clone(),
            lesson: "vneid".into(),
            step: "a".into(),
            answer: "x".into(),
            right: true,
            first_try: true,
            hint_used: false,
            assisted: false,
            millis: 10,
        };
        store.record_attempt(&attempt).unwrap();
        assert_eq!(
            store.lesson_statuses(&l.code).unwrap()["vneid"],
            LessonStatus::InProgress
        );
        store.record_lesson_end(&l.code, "vneid", true).unwrap();
        assert_eq!(
            store.lesson_statuses(&l.code).unwrap()["vneid"],
            LessonStatus::Mastered
        );
        assert!(
            store
                .record_attempt(&Attempt {
                    learner: "9999".into(),
                    ..attempt
                })
                .is_err()
        );
    }
}
