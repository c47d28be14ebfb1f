//! What `update` asks the runtime to do: the disk, the clock and the sound card are
//! reached only through these.

use std::path::PathBuf;

use super::PanelQuery;
use crate::audio::Clip;
use crate::store::{AgeBand, Attempt, LessonEnd, Place, Sound};

/// Narration to play: a recording of a step (its text, hint or feedback), found by the
/// runtime from the lesson's own file or by convention, in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narration {
    pub lesson: String,
    pub step: String,
    pub clip: Clip,
    pub locale: &'static str,
    /// The lesson's own file for the step's text, if it names one.
    pub file: Option<PathBuf>,
}

/// One thing to say aloud.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speech {
    /// A lesson's clip.
    Lesson(Narration),
    /// The interface's words `id` (a Fluent message in [`crate::i18n::SPOKEN`] or a
    /// screen's help) in `locale`.
    Words {
        id: &'static str,
        locale: &'static str,
    },
    /// The explanation of the glossary term `id` (its word, then what it means).
    Term { id: String, locale: &'static str },
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Stops what is playing and says these, one after another, in the order they
    /// appear on the screen. Those without a recording are skipped.
    Say(Vec<Speech>),
    StopNarration,
    /// Read this recording ahead: it is likely next.
    PreloadNarration(Narration),
    /// Narration's loudness, 0 (off) to 100.
    SetVolume(u8),
    /// The learner's sound setting, kept for their next visit.
    SaveSound {
        learner: String,
        sound: Sound,
    },
    CreateLearner {
        name: String,
        age_band: Option<AgeBand>,
    },
    FindLearner {
        code: String,
    },
    /// The learner left (their session ends).
    SignedOut,
    /// A step opened: the runtime times the answer from here.
    StepOpened {
        lesson: String,
        step: String,
    },
    /// Where the learner is, to resume there (`None`: not in a lesson).
    SavePlace {
        learner: String,
        place: Option<Place>,
    },
    /// Write this answer before the screen moves on (millis filled in by the runtime).
    SaveAttempt(Attempt),
    NeedsVolunteer {
        learner: String,
        lesson: String,
        step: String,
    },
    /// A run ended: the lesson's schedule moves (`intervals`: its review days).
    LessonEnded {
        learner: String,
        lesson: String,
        end: LessonEnd,
        intervals: Vec<u32>,
    },
    /// Check a PIN typed into the prompt against the stored hash.
    CheckPin(String),
    /// Keep this PIN (hashed) as the volunteer PIN.
    SavePin(String),
    /// Read something for the volunteer panel.
    Load(PanelQuery),
    /// Start `lesson` (or every lesson) afresh for `learner`.
    Reset {
        learner: String,
        lesson: Option<String>,
    },
    /// Erase a learner for good.
    Forget {
        learner: String,
    },
    /// A volunteer helped `learner`.
    HelpGiven {
        learner: String,
    },
    AddNote {
        learner: String,
        text: String,
    },
    /// Sign `learner` in for a guided session of `lesson`.
    StartGuided {
        learner: String,
        lesson: String,
    },
    /// Opens the recording studio on this screen, until the volunteer leaves it; then
    /// the panel again, its narration count read anew.
    OpenStudio,
    Quit,
}
