//! The glossary on screen: hard words marked in a step's text, and a word's explanation
//! over the whole screen.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::rows::{HitMap, Row, draw_rows, wrapped};
use super::theme;
use crate::app::{Model, Target};
use crate::i18n::Localizer;
use crate::lesson::Mark;

/// How a marked word looks: underlined, in the accent colour, so it reads as something
/// to touch (as a link does) without shouting.
pub fn marked_style(style: Style) -> Style {
    style
        .fg(theme::ACCENT.color())
        .add_modifier(Modifier::UNDERLINED)
}

/// `text` wrapped to `width` as [`wrapped`] wraps it (the same lines), with the words in
/// `marks` marked and touchable: a touch on the n-th mark is [`Target::Word`]`(n)`. The
/// touch reaches a cell past each end of a word, where there is a space.
pub fn marked(text: &str, marks: &[Mark], width: u16, style: Style) -> Vec<Row> {
    let avail = usize::from(width).max(1);
    if marks.is_empty() {
        return wrapped(text, width, style, "");
    }
    // Words with their place in `text`, paragraph by paragraph.
    let mut lines: Vec<Vec<Range<usize>>> = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let mut line: Vec<Range<usize>> = Vec::new();
        let mut used = 0;
        for word in paragraph.split_whitespace() {
            let start = offset + (word.as_ptr() as usize - paragraph.as_ptr() as usize);
            let w = word.width();
            if w > avail {
                // A word wider than the line is cut where it must be: plain text then.
                return wrapped(text, width, style, "");
            }
            let sep = usize::from(!line.is_empty());
            if used + sep + w > avail {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            used += usize::from(!line.is_empty()) + w;
            line.push(start..start + word.len());
        }
        lines.push(line);
        offset += paragraph.len() + 1;
    }
    let mark_of = |at: usize| marks.iter().position(|m| m.range.contains(&at));
    lines
        .into_iter()
        .map(|words| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            let mut hits: Vec<(u16, u16, Target)> = Vec::new();
            let mut x = 0usize;
            let mut previous: Option<usize> = None;
            for (i, word) in words.iter().enumerate() {
                if i > 0 {
                    // The space inside a marked phrase ("mã OTP") is marked with it.
                    let inside = mark_of(word.start)
                        .is_some_and(|m| previous == Some(m) && marks[m].range.start < word.start);
                    spans.push(Span::styled(
                        " ",
                        if inside { marked_style(style) } else { style },
                    ));
                    x += 1;
                }
                // The word in pieces: in a mark or not.
                let mut at = word.start;
                while at < word.end {
                    let mark = mark_of(at);
                    let end = match mark {
                        Some(m) => marks[m].range.end.min(word.end),
                        None => marks
                            .iter()
                            .map(|m| m.range.start)
                            .filter(|s| *s > at && *s < word.end)
                            .min()
                            .unwrap_or(word.end),
                    };
                    let piece = &text[at..end];
                    let w = piece.width();
                    match mark {
                        Some(m) => {
                            spans.push(Span::styled(piece.to_owned(), marked_style(style)));
                            let target = Target::Word(m);
                            match hits.last_mut() {
                                // The same mark over a space: one wider touch.
                                Some((hx, hw, t)) if *t == target => {
                                    *hw = (x + w) as u16 - *hx;
                                }
                                _ => hits.push((x as u16, w as u16, target)),
                            }
                        }
                        None => spans.push(Span::styled(piece.to_owned(), style)),
                    }
                    previous = mark;
                    x += w;
                    at = end;
                }
            }
            // A cell more each side, where a space is, but never up to another mark: a
            // dead cell stays between two words that can be touched.
            let line_width = x as u16;
            let padded: Vec<(u16, u16, Target)> = hits
                .iter()
                .enumerate()
                .map(|(i, &(hx, hw, t))| {
                    let before = i.checked_sub(1).map(|j| hits[j].0 + hits[j].1);
                    let after = hits.get(i + 1).map(|h| h.0);
                    let left = u16::from(hx > 0 && before.is_none_or(|end| hx >= end + 3));
                    let right = u16::from(
                        hx + hw < line_width.min(width)
                            && after.is_none_or(|start| start >= hx + hw + 3),
                    );
                    (hx - left, hw + left + right, t)
                })
                .collect();
            let mut row = Row::new(Line::from(spans));
            row.hits = padded;
            row
        })
        .collect::<Vec<Row>>()
        .into_iter()
        .fold(Vec::new(), |mut rows: Vec<Row>, mut row| {
            // A word right under another on the line above would touch it: it stays
            // marked, and is opened with the "Từ khó" button or F4 instead.
            if let Some(above) = rows.last() {
                let meets = |&(x, w, _): &(u16, u16, Target)| {
                    above
                        .hits
                        .iter()
                        .any(|&(ax, aw, _)| ax < x + w && x < ax + aw)
                };
                row.hits.retain(|h| !meets(h));
            }
            rows.push(row);
            rows
        })
}

/// A marked word whose touch region meets another target (the header's buttons above
/// the question, an answer under it) is not touched: a finger a little off would do the
/// other thing. It stays marked, and the "Từ khó" button or F4 opens it.
pub fn keep_apart(hits: &mut HitMap) {
    let before = hits.clone();
    hits.retain(|&(rect, target)| {
        if !matches!(target, Target::Word(_)) {
            return true;
        }
        let meets = (rect.y..rect.bottom()).any(|y| {
            (rect.x..rect.right()).any(|x| {
                let around = [
                    (x.checked_sub(1), Some(y)),
                    (Some(x + 1), Some(y)),
                    (Some(x), y.checked_sub(1)),
                    (Some(x), Some(y + 1)),
                ];
                around.into_iter().any(|(nx, ny)| {
                    let (Some(nx), Some(ny)) = (nx, ny) else {
                        return false;
                    };
                    before.at(nx, ny).is_some_and(|other| other != target)
                })
            })
        });
        !meets
    });
}

/// The explanation of the word open over a step: the word as its title, the
/// explanation in large text, "next word" when the step has more, and the way back.
pub fn explanation(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let Some(term) = model.open_word() else {
        return;
    };
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let count = model.step_words().len();
    let at = model.word.unwrap_or(0);
    let place = if count > 1 {
        format!("  {}/{count}", at + 1)
    } else {
        String::new()
    };
    let title = Line::from(vec![
        Span::styled(
            format!(" {}", term.word.get(lang.code())),
            super::title_style(),
        ),
        Span::styled(place, theme::bar()),
    ]);
    let body = super::over_screen(frame, area, title, model, i18n);
    let mut rows = vec![Row::blank()];
    rows.extend(wrapped(
        term.explain.get(lang.code()),
        body.width,
        theme::base().add_modifier(Modifier::BOLD),
        "",
    ));
    if at + 1 < count {
        let label = format!("{} ▶", t("word-next"));
        let room = usize::from(body.height);
        // Two rows tall where the screen allows, with a blank row above.
        let tall = rows.len() + 4 <= room;
        rows.push(Row::blank());
        let button_style = theme::focus();
        let mut button = Row::text(format!(" {label}"), button_style);
        button.fill = Some(button_style);
        button.hits = vec![(0, 0, Target::NextWord)];
        button.keep_visible = true;
        rows.push(button);
        if tall {
            let mut under = Row::text("", button_style);
            under.fill = Some(button_style);
            under.hits = vec![(0, 0, Target::NextWord)];
            rows.push(under);
        }
    }
    let mut drawn = HitMap::default();
    draw_rows(frame, body, &rows, &mut drawn);
    close_around(hits, area, &drawn, Target::CloseWord);
}

/// A page over the screen that any touch closes (`close`), but for the buttons `drawn`
/// on it: their rows and one row round them close nothing, so a touch a little off a
/// button does nothing.
pub fn close_around(hits: &mut HitMap, area: Rect, drawn: &HitMap, close: Target) {
    let buttons = drawn
        .regions()
        .iter()
        .map(|(r, _)| *r)
        .reduce(|a, b| a.union(b));
    match buttons {
        None => hits.add(area, close),
        Some(b) => {
            let above = b.y.saturating_sub(1);
            let below = b.bottom() + 1;
            hits.add(
                Rect::new(area.x, area.y, area.width, above.saturating_sub(area.y)),
                close,
            );
            hits.add(
                Rect::new(
                    area.x,
                    below,
                    area.width,
                    area.bottom().saturating_sub(below),
                ),
                close,
            );
        }
    }
    for (rect, target) in drawn.regions() {
        hits.add(*rect, *target);
    }
}
