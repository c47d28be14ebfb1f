//! The end of a lesson: what went right first time and what to practise, in words and
//! marks.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::rows::{HitMap, Row, draw_rows, wrapped};
use super::theme;
use crate::app::{Model, Summary, Target};
use crate::i18n::Localizer;

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    summary: &Summary,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let Some(lesson) = model.lessons.get(summary.lesson) else {
        return;
    };
    let mut rows = wrapped(&t("summary-title"), area.width, theme::title(), "");
    rows.push(Row::blank());
    let first = i18n.text_with(
        lang,
        "summary-first-try",
        &[("count", summary.first_try.into())],
    );
    rows.extend(wrapped(&first, area.width, theme::right(), "✓ "));
    if !summary.to_practise.is_empty() {
        let more = i18n.text_with(
            lang,
            "summary-corrected",
            &[("count", summary.to_practise.len().into())],
        );
        rows.extend(wrapped(&more, area.width, theme::base(), "↻ "));
        for &i in &summary.to_practise {
            if let Some(step) = lesson.steps.get(i) {
                let text = first_sentence(step.text.get(lang.code()));
                rows.extend(wrapped(&text, area.width, theme::dim(), "   · "));
            }
        }
    }
    if model.learner.is_some() {
        rows.push(Row::blank());
        rows.extend(wrapped(&t("summary-saved"), area.width, theme::dim(), ""));
    }
    rows.push(Row::blank());
    let button = format!(" ▶ {} ", t("summary-back"));
    rows.push(
        Row::text(button, theme::focus())
            .target(Some(Target::Start))
            .visible(true),
    );
    draw_rows(frame, area, &rows, hits);
}

/// The first sentence of a step's text, to name it in a list.
fn first_sentence(text: &str) -> String {
    match text.find(['.', '?', '!', ':']) {
        Some(end) => text[..=end].to_owned(),
        None => text.to_owned(),
    }
}
