//! The end of a run through a lesson: what went right first time, whether the lesson is
//! mastered (or a review passed), what to practise, and the choice to practise it again.

use ratatui::Frame;
use ratatui::layout::Rect;

use ratatui::layout::{Constraint, Layout};

use super::rows::{HitMap, draw_rows, draw_scrolled_by, wrapped};
use super::{answer_rows, theme};
use crate::app::{Model, Summary};
use crate::i18n::Localizer;
use crate::store::LessonEnd;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    summary: &Summary,
    focus: Option<usize>,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let Some(lesson) = model.lessons.get(summary.lesson) else {
        return;
    };
    let mut rows = wrapped(&t("summary-title"), area.width, theme::title(), "");
    let first = i18n.text_with(
        lang,
        "summary-first-try",
        &[("count", summary.first_try.into())],
    );
    rows.extend(wrapped(&first, area.width, theme::right(), "✓ "));
    let (verdict, good) = match summary.end {
        LessonEnd::Mastered => ("summary-mastered", true),
        LessonEnd::ReviewPassed => ("summary-review-passed", true),
        LessonEnd::ReviewFailed => ("summary-review-failed", false),
        LessonEnd::NotYet => ("summary-not-yet", false),
    };
    if good {
        rows.extend(wrapped(&t(verdict), area.width, theme::right(), "★ "));
    } else if !summary.to_practise.is_empty() {
        rows.extend(wrapped(&t(verdict), area.width, theme::base(), "↻ "));
        for &i in &summary.to_practise {
            if let Some(step) = lesson.steps.get(i) {
                let text = i18n.step_name(step, lang);
                rows.extend(wrapped(&text, area.width, theme::dim(), "   · "));
            }
        }
    }
    if model.learner.is_some() {
        rows.extend(wrapped(&t("summary-saved"), area.width, theme::dim(), ""));
    }
    // The answers stay at the foot of the screen, the words above them scroll: the
    // title is what opens, and the buttons never move.
    let mut answers = Vec::new();
    if !summary.to_practise.is_empty() {
        answers.push(t("summary-practise"));
    }
    answers.push(t("summary-back"));
    let short = answer_rows(&answers, focus, area.width, 0);
    let room = (area.height / 2).max(short.len() as u16);
    let buttons = answer_rows(&answers, focus, area.width, room);
    let height = (buttons.len() as u16).min(area.height);
    let [text, _, foot] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(u16::from(area.height > height + 2)),
        Constraint::Length(height),
    ])
    .areas(area);
    draw_scrolled_by(frame, text, &rows, hits, summary.scroll, false);
    draw_rows(frame, foot, &buttons, hits);
}
