//! The lesson menu: each lesson with a status mark and word, reviews due first once the
//! mastery engine orders them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::rows::{HitMap, Row, draw_rows, wrap, wrapped};
use super::theme;
use crate::app::{Model, Target};
use crate::i18n::Localizer;
use crate::store::LessonStatus;
use unicode_width::UnicodeWidthStr;

/// The mark and the message id of a status: never colour alone.
pub fn status_mark(status: LessonStatus) -> (&'static str, &'static str) {
    match status {
        LessonStatus::New => ("○", "status-new"),
        LessonStatus::InProgress => ("◐", "status-in-progress"),
        LessonStatus::Mastered => ("✓", "status-mastered"),
        LessonStatus::ReviewDue => ("↻", "status-review"),
    }
}

/// Columns kept on the right for the page buttons ▲ ▼ (with a blank column before).
const ARROWS: u16 = 5;

/// The menu, a page at a time: every lesson a button two rows tall or more, a blank row
/// between two; ▲ and ▼ in their own column, always in the same place, turn a page. The
/// page shown is the one with the focus (moved by keys, or to a page's first lesson by ▲
/// ▼); the focus is lit only once a key moved it.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    focus: usize,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let mut top = Vec::new();
    if let Some(learner) = &model.learner {
        let hello = i18n.text_with(
            lang,
            "menu-greeting",
            &[("name", learner.name.as_str().into())],
        );
        top.extend(wrapped(&hello, area.width, theme::base(), ""));
    }
    top.extend(wrapped(
        &i18n.text(lang, "menu-title"),
        area.width,
        theme::title(),
        "",
    ));
    if model.lessons.is_empty() {
        top.extend(wrapped(
            &i18n.text(lang, "menu-empty"),
            area.width,
            theme::wrong(),
            "",
        ));
        draw_rows(frame, area, &top, hits);
        return;
    }
    let menu = model.menu();
    let lit = model.focus_shown.then_some(focus);
    // All on one page when it fits; else the page buttons take a column of their own.
    let all = blocks(model, i18n, &menu, lit, area.width);
    let rows_of = |blocks: &[Block]| -> usize {
        blocks.iter().map(|b| b.rows.len()).sum::<usize>() + blocks.len().saturating_sub(1)
    };
    if top.len() + 1 + rows_of(&all) <= usize::from(area.height) {
        let mut rows = top;
        rows.push(Row::blank());
        push_blocks(&mut rows, &all, None, lang, i18n);
        draw_rows(frame, area, &rows, hits);
        return;
    }
    let width = area.width.saturating_sub(ARROWS);
    let blocks = blocks(model, i18n, &menu, lit, width);
    // The words at the top stay on the first page only; later pages start with a heading.
    let first_room = usize::from(area.height).saturating_sub(top.len() + 1);
    let pages = paginate(&blocks, first_room, usize::from(area.height));
    let page = pages
        .iter()
        .rposition(|p| p.start <= focus.min(menu.len() - 1))
        .unwrap_or(0);
    let mut rows = Vec::new();
    if page == 0 {
        rows.extend(top);
        rows.push(Row::blank());
    }
    let shown = &blocks[pages[page].clone()];
    let before = pages[page].start.checked_sub(1).map(|i| blocks[i].group);
    push_blocks(&mut rows, shown, before, lang, i18n);
    let list = Rect::new(area.x, area.y, width, area.height);
    draw_rows(frame, list, &rows, hits);
    // ▲ at the top and ▼ at the bottom of their column, each two rows tall; at the first
    // or last page its place stays empty, and a touch there does nothing.
    let column = Rect::new(area.right() - (ARROWS - 1), area.y, ARROWS - 1, area.height);
    let up = (page > 0).then(|| pages[page - 1].start);
    let down = pages.get(page + 1).map(|p| p.start);
    for (target, y, mark) in [
        (up, column.y, "▲"),
        (down, column.bottom().saturating_sub(2), "▼"),
    ] {
        let button = Rect::new(column.x, y, column.width, 2.min(column.height));
        if target.is_none() {
            continue;
        }
        let style = theme::bar_key();
        frame.buffer_mut().set_style(button, style);
        frame.render_widget(
            Span::styled(mark, style),
            Rect::new(button.x + button.width / 2, button.y, 1, 1),
        );
        if let Some(first) = target {
            hits.add(button, Target::Page(first));
        }
    }
}

/// One lesson's button: its rows, and the group it belongs to (for headings).
struct Block<'a> {
    rows: Vec<Row>,
    group: &'a str,
    review: bool,
    topic: &'a str,
}

fn blocks<'a>(
    model: &'a Model,
    i18n: &Localizer,
    menu: &[usize],
    lit: Option<usize>,
    width: u16,
) -> Vec<Block<'a>> {
    let lang = model.lang;
    menu.iter()
        .enumerate()
        .map(|(i, &index)| {
            let lesson = &model.lessons[index];
            let status = model.status(lesson);
            let review = status == LessonStatus::ReviewDue;
            let focused = lit == Some(i);
            let style = if focused {
                theme::focus()
            } else {
                theme::bar_key()
            };
            let (mark, word) = status_mark(status);
            let lead = format!("{} {mark} ", if focused { "▶" } else { " " });
            let indent = " ".repeat(lead.width());
            let target = Some(Target::Lesson(i));
            let mut rows: Vec<Row> = wrap(
                lesson.title.get(lang.code()),
                usize::from(width).saturating_sub(indent.len()),
            )
            .into_iter()
            .enumerate()
            .map(|(k, line)| {
                let lead = if k == 0 { lead.clone() } else { indent.clone() };
                Row::new(Line::from(Span::styled(
                    format!("{lead}{line}"),
                    style.add_modifier(Modifier::BOLD),
                )))
                .target(target)
                .visible(focused)
                .fill(style)
            })
            .collect();
            let minutes =
                i18n.text_with(lang, "menu-minutes", &[("minutes", lesson.minutes.into())]);
            let detail = format!("{indent}{} · {minutes}", i18n.text(lang, word));
            rows.push(
                Row::text(detail, style)
                    .target(target)
                    .visible(focused)
                    .fill(style),
            );
            Block {
                rows,
                group: if review {
                    "status-review"
                } else {
                    lesson.topic.as_str()
                },
                review,
                topic: lesson.topic.as_str(),
            }
        })
        .collect()
}

/// The rows of a heading over a group: reviews due, or a topic.
fn heading(block: &Block, lang: crate::i18n::Lang, i18n: &Localizer) -> Row {
    let name = if block.review {
        i18n.text(lang, "status-review")
    } else {
        i18n.get(lang, &format!("topic-{}", block.topic))
            .unwrap_or_else(|| block.topic.to_owned())
    };
    Row::text(
        format!(" {name}"),
        theme::dim().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
    )
}

/// Rows a block takes on a page: a heading where its group starts (or the page does), and
/// a blank row before it unless it is first.
fn block_rows(block: &Block, first_on_page: bool, new_group: bool) -> usize {
    block.rows.len() + usize::from(!first_on_page) + usize::from(new_group || first_on_page)
}

/// Splits the blocks into pages of `room` rows (`first_room` on the first page).
fn paginate(blocks: &[Block], first_room: usize, room: usize) -> Vec<std::ops::Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < blocks.len() {
        let limit = if pages.is_empty() { first_room } else { room };
        let mut used = 0;
        let mut end = start;
        while end < blocks.len() {
            let new_group = end > 0 && blocks[end - 1].group != blocks[end].group;
            let need = block_rows(&blocks[end], end == start, new_group);
            if used + need > limit && end > start {
                break;
            }
            used += need;
            end += 1;
        }
        pages.push(start..end);
        start = end;
    }
    pages
}

fn push_blocks(
    rows: &mut Vec<Row>,
    blocks: &[Block],
    before: Option<&str>,
    lang: crate::i18n::Lang,
    i18n: &Localizer,
) {
    let mut group = before;
    for (k, block) in blocks.iter().enumerate() {
        if k > 0 {
            rows.push(Row::blank());
        }
        if group != Some(block.group) || k == 0 {
            rows.push(heading(block, lang, i18n));
        }
        group = Some(block.group);
        rows.extend(block.rows.iter().cloned());
    }
}
