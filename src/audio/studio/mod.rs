//! The recording studio's core (`hocso record`): a volunteer's take from the microphone
//! becomes a clip every learner hears at the same level. Capture and playback run on
//! threads of their own ([`capture`]); [`process`] trims, measures and levels a take and
//! says in plain words what to fix; [`encode`] writes it as Ogg Vorbis, whole, then
//! renamed into place. Nothing here knows about terminals.
//!
//! Declared from `lib.rs` as `crate::audio::studio` (the sound module's own file is another
//! team's): its home is `audio::studio`.

pub mod capture;
pub mod encode;
pub mod process;

pub use process::{Gate, GateSays, Level, Problem, Processed, process};
