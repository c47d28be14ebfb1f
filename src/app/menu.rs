//! The lesson menu, and the question a returning learner who stopped in a lesson sees
//! first: carry on, or choose another.

use super::nav::{ask_sign_out, pick_among};
use super::{Effect, Key, Model, Screen, Target};

/// A key on the menu or the resume question.
pub(super) fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Resume { focus } => match key {
            Key::Esc | Key::Backspace => ask_sign_out(model),
            _ => match pick_among(&mut model.focus_shown, focus, 2, key) {
                Some(i) => click(model, Target::Answer(i)),
                None => Vec::new(),
            },
        },
        Screen::Menu { focus } => {
            let count = model.lessons.len();
            match key {
                Key::Esc | Key::Backspace => ask_sign_out(model),
                _ if count == 0 => Vec::new(),
                _ => match pick_among(&mut model.focus_shown, focus, count, key) {
                    Some(i) => click(model, Target::Lesson(i)),
                    None => Vec::new(),
                },
            }
        }
        _ => Vec::new(),
    }
}

/// A click or touch on the menu or the resume question.
pub(super) fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    let lessons = model.lessons.len();
    match (&mut model.screen, target) {
        (Screen::Menu { focus }, Target::Page(first)) => {
            *focus = first.min(lessons.saturating_sub(1));
            Vec::new()
        }
        (Screen::Menu { focus }, Target::More { down }) => {
            *focus = if down {
                (*focus + 1).min(lessons.saturating_sub(1))
            } else {
                focus.saturating_sub(1)
            };
            Vec::new()
        }
        (Screen::Resume { .. }, Target::Answer(0)) => match model.resumable() {
            Some((lesson, kind, plan, pos)) => model.open_run(lesson, kind, plan, pos),
            None => {
                model.screen = Screen::Menu { focus: 0 };
                Vec::new()
            }
        },
        (Screen::Resume { .. }, Target::Answer(_)) => {
            model.screen = Screen::Menu { focus: 0 };
            Vec::new()
        }
        (Screen::Menu { .. }, Target::Lesson(pos)) => match model.menu().get(pos) {
            Some(&index) => model.open_lesson(index),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}
