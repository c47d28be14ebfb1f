//! The end of a run through a lesson: how it went, and practise again or go back.

use super::nav::pick_among;
use super::{Effect, Key, Model, Screen, Summary, Target, practice_plan, volunteer};
use crate::store::RunKind;

/// A key on the summary.
pub(super) fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Summary { summary, focus } => {
            let answers = summary_answers(summary);
            match key {
                Key::Esc | Key::Backspace => click(model, Target::Answer(answers - 1)),
                _ => match pick_among(&mut model.focus_shown, focus, answers, key) {
                    Some(i) => click(model, Target::Answer(i)),
                    None => Vec::new(),
                },
            }
        }
        _ => Vec::new(),
    }
}

/// A click or touch on the summary.
pub(super) fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match (&mut model.screen, target) {
        (Screen::Summary { summary, .. }, Target::Scroll { down, .. }) => {
            summary.scroll.moved(down);
            Vec::new()
        }
        (Screen::Summary { summary, focus }, Target::More { down }) => {
            let last = summary_answers(summary) - 1;
            *focus = if down {
                (*focus + 1).min(last)
            } else {
                focus.saturating_sub(1)
            };
            Vec::new()
        }
        (Screen::Summary { summary, .. }, Target::Answer(i)) => {
            let lesson = summary.lesson;
            if i + 1 < summary_answers(summary) {
                // Practise again: just the steps not yet mastered.
                let plan = practice_plan(&model.lessons[lesson], &summary.to_practise);
                return model.open_run(lesson, RunKind::Practice, plan, 0);
            }
            if model.preview.is_some() {
                let plan = (0..model.lessons[lesson].steps.len()).collect();
                return model.open_run(lesson, RunKind::Full, plan, 0);
            }
            if model.guided.is_some() {
                return volunteer::end_guided(model);
            }
            let focus = model.menu().iter().position(|&l| l == lesson).unwrap_or(0);
            model.screen = Screen::Menu { focus };
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// The summary's answers: "practise again" when there is something to practise, then
/// "back to the lessons".
pub fn summary_answers(summary: &Summary) -> usize {
    if summary.to_practise.is_empty() { 1 } else { 2 }
}
