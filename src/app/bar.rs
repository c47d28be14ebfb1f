//! The key bar: a button for each key that does something on the screen, Enter named for
//! what it does there.

use super::nav::replay;
use super::{Effect, Key, Model, Screen, StepLayout, volunteer};
use crate::lesson::StepKind;

/// The buttons of the key bar, each standing for a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKey {
    /// Enter, named for what it does here.
    Enter(EnterMeaning),
    Back,
    Replay,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnterMeaning {
    Continue,
    Tap,
    Choose,
    Check,
    SeePicture,
}

impl Model {
    /// What the Enter key does on this screen, for the key bar.
    pub fn enter_meaning(&self) -> Option<EnterMeaning> {
        match &self.screen {
            Screen::Lesson(run) => {
                let (_, step, _) = self.run()?;
                if run.state.solved {
                    return Some(EnterMeaning::Continue);
                }
                if self.step_layout() == Some(StepLayout::Paged) && !run.state.show_picture {
                    return Some(EnterMeaning::SeePicture);
                }
                Some(match step.kind() {
                    StepKind::Explain | StepKind::Scan => EnterMeaning::Continue,
                    StepKind::Tap => EnterMeaning::Tap,
                    StepKind::Choice => EnterMeaning::Choose,
                    StepKind::Order | StepKind::Type => EnterMeaning::Check,
                })
            }
            Screen::Broken { .. } => None,
            Screen::Pin { .. } => Some(EnterMeaning::Check),
            Screen::Panel(_) if volunteer::items(self).is_empty() => None,
            Screen::Panel(_) => Some(EnterMeaning::Choose),
            // Nothing is chosen for her: the bar offers to choose only what a key lit.
            Screen::Age { .. }
            | Screen::Resume { .. }
            | Screen::Who { .. }
            | Screen::Summary { .. }
            | Screen::Menu { .. } => self.focus_shown.then_some(EnterMeaning::Choose),
            _ => Some(EnterMeaning::Continue),
        }
    }

    /// The buttons of the key bar, in priority order (the view drops from the end when
    /// the screen is narrow).
    pub fn bar(&self) -> Vec<BarKey> {
        let mut keys = Vec::new();
        if let Some(meaning) = self.enter_meaning() {
            keys.push(BarKey::Enter(meaning));
        }
        // Nothing to go back to from the welcome screen; the code screen only goes on.
        if !matches!(
            self.screen,
            Screen::Welcome | Screen::CodeGiven | Screen::GuidedEnd { .. }
        ) {
            keys.push(BarKey::Back);
        }
        if matches!(self.screen, Screen::Lesson(_)) && self.narrating() {
            keys.push(BarKey::Replay);
        }
        keys.push(BarKey::Help);
        keys
    }
}

pub(super) fn bar_click(model: &mut Model, key: BarKey) -> Vec<Effect> {
    match key {
        BarKey::Enter(_) => super::key_press(model, Key::Enter),
        BarKey::Back => super::key_press(model, Key::Esc),
        BarKey::Help => {
            model.help_open = true;
            Vec::new()
        }
        BarKey::Replay => replay(model),
    }
}
