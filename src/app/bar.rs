//! The key bar: a button for each key that does something on the screen, Enter named for
//! what it does there.

use super::speech::replay;
use super::{Effect, Key, Model, Screen, StepLayout, volunteer};
use crate::lesson::StepKind;

/// The buttons of the key bar, each standing for a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKey {
    /// Enter, named for what it does here.
    Enter(EnterMeaning),
    Back,
    Replay,
    /// The step's hard words, explained (when its text has any).
    Words,
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
                let state = &run.state;
                // "Go back?" has its own two buttons.
                if state.leaving {
                    return None;
                }
                if state.solved {
                    return Some(EnterMeaning::Continue);
                }
                if self.step_layout() == Some(StepLayout::Paged) && !state.show_picture {
                    return Some(EnterMeaning::SeePicture);
                }
                // The bar never answers for the learner: "Chạm"/"Chọn" only for what a key
                // has focused, "Kiểm tra" only once every item is placed.
                match step.kind() {
                    StepKind::Explain | StepKind::Scan => Some(EnterMeaning::Continue),
                    StepKind::Tap => state.focus.map(|_| EnterMeaning::Tap),
                    StepKind::Choice => state.focus.map(|_| EnterMeaning::Choose),
                    StepKind::Order => state.all_placed().then_some(EnterMeaning::Check),
                    StepKind::Type => Some(EnterMeaning::Check),
                }
            }
            Screen::Broken { .. } => None,
            // The keypad has its own OK; a bar button that came with the fourth digit
            // would move the bar's other buttons under her finger.
            Screen::Code { .. } => None,
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
        let leaving = matches!(&self.screen, Screen::Lesson(run) if run.state.leaving);
        if !matches!(
            self.screen,
            Screen::Welcome | Screen::CodeGiven | Screen::GuidedEnd { .. }
        ) && !leaving
        {
            keys.push(BarKey::Back);
        }
        if matches!(self.screen, Screen::Lesson(_)) && self.narrating() {
            keys.push(BarKey::Replay);
        }
        if !self.step_words().is_empty() {
            keys.push(BarKey::Words);
        }
        keys.push(BarKey::Help);
        keys
    }
}

pub(super) fn bar_click(model: &mut Model, key: BarKey) -> Vec<Effect> {
    match key {
        // A touch aimed at another screen's button (the step before's "Tiếp tục") is not
        // this screen's Enter.
        BarKey::Enter(meaning) if model.enter_meaning() != Some(meaning) => Vec::new(),
        // "Kiểm tra" of an order step checks, whatever a key has focused.
        BarKey::Enter(EnterMeaning::Check)
            if model
                .run()
                .is_some_and(|(_, step, _)| step.kind() == StepKind::Order) =>
        {
            super::click(model, super::Target::OrderCheck)
        }
        BarKey::Enter(_) => super::key_press(model, Key::Enter),
        BarKey::Back => super::key_press(model, Key::Esc),
        BarKey::Help => super::open_help(model),
        BarKey::Replay => replay(model),
        // Opened (or moved on) before the screen's own keys: see `route`.
        BarKey::Words => Vec::new(),
    }
}
