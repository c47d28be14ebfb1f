//! The lesson menu: each lesson with a status mark and word, reviews due first once the
//! mastery engine orders them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::rows::{HitMap, Row, draw_scrolled, wrap, wrapped};
use super::theme;
use crate::app::{Model, Target};
use crate::i18n::Localizer;
use crate::store::LessonStatus;

/// The mark and the message id of a status: never colour alone.
pub fn status_mark(status: LessonStatus) -> (&'static str, &'static str) {
    match status {
        LessonStatus::New => ("○", "status-new"),
        LessonStatus::InProgress => ("◐", "status-in-progress"),
        LessonStatus::Mastered => ("✓", "status-mastered"),
        LessonStatus::ReviewDue => ("↻", "status-review"),
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    focus: usize,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let mut rows = Vec::new();
    if let Some(learner) = &model.learner {
        let hello = i18n.text_with(
            lang,
            "menu-greeting",
            &[("name", learner.name.as_str().into())],
        );
        rows.extend(wrapped(&hello, area.width, theme::base(), ""));
    }
    rows.extend(wrapped(
        &i18n.text(lang, "menu-title"),
        area.width,
        theme::title(),
        "",
    ));
    if model.lessons.is_empty() {
        rows.extend(wrapped(
            &i18n.text(lang, "menu-empty"),
            area.width,
            theme::wrong(),
            "",
        ));
    }
    let width = usize::from(area.width);
    let menu = model.menu();
    let group_of = |index: usize| {
        let lesson = &model.lessons[index];
        if model.status(lesson) == LessonStatus::ReviewDue {
            "status-review"
        } else {
            lesson.topic.as_str()
        }
    };
    // The view ends at the focused lesson or below it, and every lesson takes two rows
    // or more: lessons further than a screen's height from the focus are never seen.
    // Only a blank row stands for each side left out (so the ▲ and ▼ buttons still show),
    // which keeps a key press on a menu of thousands of lessons as quick as on twenty.
    let reach = usize::from(area.height);
    let shown = focus.saturating_sub(reach)..menu.len().min(focus + reach + 1);
    if shown.start > 0 {
        rows.push(Row::blank());
    }
    let mut heading: Option<&str> = shown.start.checked_sub(1).map(|i| group_of(menu[i]));
    for (i, &index) in menu.iter().enumerate().take(shown.end).skip(shown.start) {
        let lesson = &model.lessons[index];
        let focused = i == focus;
        let status = model.status(lesson);
        // A heading over each group: reviews due, then each topic.
        let group = group_of(index);
        if heading != Some(group) {
            heading = Some(group);
            let name = if status == LessonStatus::ReviewDue {
                i18n.text(lang, "status-review")
            } else {
                i18n.get(lang, &format!("topic-{}", lesson.topic))
                    .unwrap_or_else(|| lesson.topic.clone())
            };
            rows.push(Row::blank());
            rows.push(Row::text(
                format!(" {name}"),
                theme::dim().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            ));
        }
        let (mark, word) = status_mark(status);
        let style = if focused {
            theme::focus()
        } else {
            theme::base()
        };
        let number = if i < 9 {
            format!("{}", i + 1)
        } else {
            " ".to_owned()
        };
        let lead = format!("{} {number} {mark} ", if focused { "▶" } else { " " });
        let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(lead.as_str()));
        let target = Some(Target::Lesson(i));
        for (k, line) in wrap(
            lesson.title.get(lang.code()),
            width.saturating_sub(indent.len()),
        )
        .into_iter()
        .enumerate()
        {
            let lead = if k == 0 { lead.clone() } else { indent.clone() };
            let text = format!("{lead}{line}");
            rows.push(
                Row::new(Line::from(Span::styled(
                    text,
                    style.add_modifier(Modifier::BOLD),
                )))
                .target(target)
                .visible(focused)
                .fill(style),
            );
        }
        let minutes = i18n.text_with(lang, "menu-minutes", &[("minutes", lesson.minutes.into())]);
        let detail = format!("{indent}{} · {minutes}", i18n.text(lang, word));
        let detail_style = if focused { style } else { theme::dim() };
        rows.push(
            Row::text(detail, detail_style)
                .target(target)
                .visible(focused)
                .fill(detail_style),
        );
    }
    if shown.end < menu.len() {
        rows.push(Row::blank());
    }
    draw_scrolled(frame, area, &rows, hits);
}
