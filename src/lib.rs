//! hocso ("Học số"): a kiosk tutor that teaches elderly, first-time smartphone users, in
//! Vietnamese, to do what the digital-literacy movement asks of them, on a pretend phone.
//!
//! The core (`lesson`) knows nothing of terminals; the command-line front end lives in
//! `cli` and `commands`.

pub mod cli;
pub mod commands;
pub mod lesson;
