//! hocso ("Học số"): a kiosk tutor that teaches elderly, first-time smartphone users, in
//! Vietnamese, to do what the digital-literacy movement asks of them, on a pretend phone.
//!
//! The core (`lesson`, `store`, `i18n`) knows nothing of terminals. `app` is the tutor as
//! pure state and messages; `ui` draws it; `tui` is the runtime that owns the terminal.

pub mod app;
pub mod audio;
pub mod cli;
pub mod commands;
pub mod config;
pub mod gesture;
pub mod i18n;
pub mod kiosk;
pub mod lesson;
pub mod mastery;
pub mod report;
pub mod store;
pub mod studio;
pub mod tui;
pub mod typing;
pub mod ui;
