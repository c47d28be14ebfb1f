//! What the tutor is told: keys, clicks, the clock, and what the runtime found out.

use super::{Key, PanelData, Size, Target};
use crate::lesson::Lesson;
use crate::store::{Learner, Progress};

/// Something a volunteer should know, shown on the welcome screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The database was damaged; it was moved to this file and a fresh one started.
    DatabaseMovedAside(String),
    /// Answers could not be saved yet (disk full, database busy); they are kept and
    /// tried again.
    SavingDelayed,
    /// No sound device: narration is silent.
    NoSound,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    Click(Target),
    Resize(Size),
    /// The store made a new learner; `now` is the time.
    LearnerCreated {
        learner: Learner,
        now: i64,
    },
    /// The store looked up a code.
    LearnerFound {
        code: String,
        found: Option<(Learner, Box<Progress>)>,
        now: i64,
    },
    /// `preview`: the lesson file changed; its lesson, or the checker's lines.
    LessonReloaded(Result<Box<Lesson>, Vec<String>>),
    /// `preview`: the glossary beside the lesson changed; what it now explains.
    GlossaryReloaded(std::sync::Arc<crate::lesson::Glossary>),
    /// Something for the volunteer, or (`None`) saving works again.
    Notice(Option<Notice>),
    /// How many confirmed writes wait to be saved (0: all saved).
    Unsaved(usize),
    /// Whether a sound device is there (the narrator found out).
    SoundAvailable(bool),
    /// The clock: `now`, and seconds since the last touch or key.
    Tick {
        now: i64,
        idle: u64,
    },
    /// The runtime checked a PIN typed at `now`.
    PinChecked {
        right: bool,
        now: i64,
    },
    /// The volunteer PIN chosen at first start is kept.
    PinSaved,
    /// What the volunteer panel asked the store for.
    Panel(PanelData),
    /// A guided session began: the learner, their past, and the lesson (by id).
    GuidedStarted {
        learner: Learner,
        progress: Box<Progress>,
        lesson: String,
        now: i64,
    },
}
