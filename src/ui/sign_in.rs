//! The welcome screen and "who are you": a new learner's name and code, or a returning
//! learner's code on a keypad.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

use super::phone::{KeySize, keyboard_rows, number_keypad};
use super::rows::{HitMap, Row, draw_rows, draw_scrolled, wrapped};
use super::{big_button, centred, theme};
use crate::app::{KeyboardLayer, Model, Notice, Target};
use crate::i18n::Localizer;

pub fn welcome(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    let t = |id: &str| i18n.text(model.lang, id);
    // Touching anywhere starts, but for a dead row at the top and above the language
    // button at the bottom: a touch meant for the corner above or the button below
    // lands on nothing rather than on the screen.
    hits.add(
        Rect::new(
            area.x,
            area.y + 1,
            area.width,
            area.height.saturating_sub(3),
        ),
        Target::Start,
    );
    let mut rows = centred(&t("app-name"), area.width, theme::title());
    rows.extend(centred(&t("app-tagline"), area.width, theme::base()));
    rows.push(Row::blank());
    rows.extend(centred(
        &t("welcome-start"),
        area.width,
        theme::base().add_modifier(Modifier::BOLD),
    ));
    // What a volunteer must know, at the foot of the screen. No sound device matters
    // only to a kiosk that reads aloud (the panel lists it either way).
    let shown = model
        .notices
        .iter()
        .filter(|n| model.settings.voice || **n != Notice::NoSound);
    for notice in shown {
        rows.push(Row::blank());
        rows.extend(wrapped(
            &notice_text(model, i18n, notice),
            area.width,
            theme::wrong(),
            "⚑ ",
        ));
    }
    if !model.problems.is_empty() {
        let text = i18n.text_with(
            model.lang,
            "notice-problems",
            &[("count", model.problems.len().into())],
        );
        rows.push(Row::blank());
        rows.extend(wrapped(&text, area.width, theme::wrong(), "⚑ "));
    }
    let language = format!(" {} ", t("welcome-language"));
    let height = rows.len() as u16;
    let top = area.height.saturating_sub(height + 1) / 2;
    let text_area = Rect::new(
        area.x,
        area.y + top,
        area.width,
        area.height.saturating_sub(top + 1),
    );
    draw_rows(frame, text_area, &rows, &mut HitMap::default());
    // The language switch, small, in the corner: for volunteers and visitors.
    let w = (language.width() as u16).min(area.width);
    let button = Rect::new(area.x + area.width - w, area.y + area.height - 1, w, 1);
    frame.render_widget(Span::styled(language, theme::bar_key()), button);
    hits.add(button, Target::SwitchLanguage);
}

/// What a notice says to the volunteer.
pub(super) fn notice_text(model: &Model, i18n: &Localizer, notice: &Notice) -> String {
    match notice {
        Notice::DatabaseMovedAside(file) => i18n.text_with(
            model.lang,
            "notice-moved-aside",
            &[("file", file.as_str().into())],
        ),
        Notice::SavingDelayed => i18n.text_with(
            model.lang,
            "notice-saving-delayed",
            &[("n", model.unsaved.into())],
        ),
        Notice::NoSound => i18n.text(model.lang, "notice-no-sound"),
    }
}

pub fn who(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    focus: Option<usize>,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    let title = wrapped(&t("who-title"), area.width, theme::title(), "");
    let title_height = (title.len() as u16).min(area.height.saturating_sub(6));
    // A blank row between the two buttons (a touch between them lands on nothing) where
    // the screen has it, and one under the title.
    let spare = area.height.saturating_sub(title_height + 6);
    let [title_area, _, first, _, second] = Layout::vertical([
        Constraint::Length(title_height),
        Constraint::Length(u16::from(spare > 1)),
        Constraint::Length(3),
        Constraint::Length(u16::from(spare > 0)),
        Constraint::Length(3),
    ])
    .areas(area);
    draw_rows(frame, title_area, &title, &mut HitMap::default());
    big_button(
        frame,
        first,
        &format!("1  {}", t("who-new")),
        focus == Some(0),
        Target::WhoNew,
        hits,
    );
    big_button(
        frame,
        second,
        &format!("2  {}", t("who-returning")),
        focus == Some(1),
        Target::WhoReturning,
        hits,
    );
}

/// A new learner's name: the question, an example, the field (`name`, as it reads from
/// the keys typed), and the phone's letter keyboard as wide as the screen, for a touch
/// screen; the example and a note only if they fit whole.
pub fn name(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    name: String,
    layer: KeyboardLayer,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    let title = wrapped(&t("name-title"), area.width, theme::title(), "");
    let above = title.len() as u16;
    // The question and a framed field; short of room, a field of one row.
    let (rest, keys, size) = super::step::keyboard_area(frame.area(), area, above + 3, above + 1);
    let rows = keyboard_rows(i18n, model.lang, layer, keys.width, size);
    draw_rows(frame, keys, &rows, hits);
    let example = wrapped(&t("name-example"), area.width, theme::dim(), "");
    let framed = rest.height >= above + 3;
    let field_height = if framed { 3 } else { 1 };
    let mut top = title;
    if rest.height >= above + field_height + example.len() as u16 {
        top.extend(example);
    }
    let shown = (top.len() as u16).min(rest.height.saturating_sub(field_height));
    draw_rows(
        frame,
        rest,
        &top[..usize::from(shown)],
        &mut HitMap::default(),
    );
    let field = Rect::new(
        rest.x,
        rest.y + shown,
        rest.width.min(40),
        field_height.min(rest.height),
    );
    if framed {
        input_box(frame, field, &name);
    } else {
        let shown = tail(&format!("{name}▏"), usize::from(field.width));
        frame.render_widget(
            Span::styled(
                shown,
                theme::base()
                    .add_modifier(Modifier::BOLD)
                    .add_modifier(Modifier::UNDERLINED),
            ),
            field,
        );
    }
    let below = Rect::new(
        area.x,
        field.bottom(),
        area.width,
        keys.y.saturating_sub(field.bottom() + 1),
    );
    let note = wrapped(&t("name-note"), area.width, theme::dim(), "");
    if note.len() as u16 <= below.height {
        draw_rows(frame, below, &note, &mut HitMap::default());
    }
}

/// The end of `text` that fits `width` columns.
fn tail(text: &str, width: usize) -> String {
    let skip = text.width().saturating_sub(width);
    text.chars().skip(skip).collect()
}

/// A framed field showing `value` and a cursor.
fn input_box(frame: &mut Frame, area: Rect, value: &str) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme::title());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let shown = tail(&format!("{value}▏"), usize::from(inner.width));
    frame.render_widget(
        Span::styled(shown, theme::base().add_modifier(Modifier::BOLD)),
        inner,
    );
}

pub fn code_given(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    let code = model
        .learner
        .as_ref()
        .map(|l| l.code.as_str())
        .unwrap_or("");
    let spaced: String = code.chars().map(|c| format!("{c} ")).collect();
    let mut rows = centred(&t("code-given-title"), area.width, theme::base());
    rows.push(Row::blank());
    rows.extend(centred(spaced.trim_end(), area.width, theme::title()));
    rows.push(Row::blank());
    rows.extend(centred(&t("code-given-note"), area.width, theme::base()));
    let top = area.height.saturating_sub(rows.len() as u16) / 2;
    let body = Rect::new(area.x, area.y + top, area.width, area.height - top);
    // Only the key bar goes on: a learner pointing at the digits to copy them must not
    // skip past them.
    draw_rows(frame, body, &rows, hits);
}

#[allow(clippy::too_many_arguments)]
pub fn code(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    code: &str,
    not_found: Option<&str>,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    // Bigger keys on a bigger screen; a blank row under them, above the key bar.
    let keypad_width = area.width.min(if area.height >= 16 { 36 } else { 30 });
    let side = area.width >= keypad_width + 24;
    let (text_area, pad_area) = if side {
        let [a, _, b] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(keypad_width),
        ])
        .areas(area);
        (a, b)
    } else {
        // The title and the code above the keys, at least.
        let size = KeySize::fitting(area.height.saturating_sub(3), 4);
        let [a, b] = Layout::vertical([Constraint::Fill(1), Constraint::Length(size.rows(4) + 1)])
            .areas(area);
        (a, b)
    };
    let mut rows = wrapped(&t("code-title"), text_area.width, theme::title(), "");
    // Four places, and every digit typed beyond them (codes grow longer on a kiosk with
    // thousands of learners): nothing typed is ever hidden.
    let shown: String = (0..code.chars().count().max(4))
        .map(|i| {
            code.chars()
                .nth(i)
                .map_or("_ ".to_owned(), |c| format!("{c} "))
        })
        .collect();
    rows.push(Row::new(Line::from(Span::styled(
        format!("  {}", shown.trim_end()),
        theme::title(),
    ))));
    if let Some(missing) = not_found {
        let text = i18n.text_with(model.lang, "code-not-found", &[("code", missing.into())]);
        rows.extend(
            wrapped(&text, text_area.width, theme::wrong(), "✗ ")
                .into_iter()
                .map(|r| r.visible(true)),
        );
    }
    draw_rows(frame, text_area, &rows, &mut HitMap::default());
    let pad = Rect::new(
        pad_area.x,
        pad_area.y,
        pad_area.width,
        pad_area.height.saturating_sub(1),
    );
    keypad(frame, pad, model, i18n, hits);
}

/// A touch keypad of four rows, 1–9, then Delete, 0, OK, at the bottom of `area`: keys
/// as big as the area allows, a gap between any two.
pub(super) fn keypad(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let size = KeySize::fitting(area.height, 4);
    let rows = number_keypad(
        i18n,
        model.lang,
        area.width,
        size,
        theme::bar_key(),
        theme::base(),
        |key| Some(Target::Keypad(key)),
    );
    let height = size.rows(4).min(area.height);
    let at = Rect::new(area.x, area.bottom() - height, area.width, height);
    draw_rows(frame, at, &rows, hits);
}

/// The optional age band: four bands and "rather not say".
pub fn age(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    focus: Option<usize>,
    // The answer the view keeps in sight (▼ and ▲ move it), lit or not.
    anchor: usize,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    let mut rows = wrapped(&t("age-title"), area.width, theme::title(), "");
    rows.extend(wrapped(&t("age-note"), area.width, theme::dim(), ""));
    let answers: Vec<String> = [
        "age-under-60",
        "age-60-69",
        "age-70-79",
        "age-80-plus",
        "age-skip",
    ]
    .into_iter()
    .map(t)
    .collect();
    let room = area.height.saturating_sub(rows.len() as u16 + 1);
    rows.push(Row::blank());
    rows.extend(
        super::answer_rows(&answers, focus, area.width, room)
            .into_iter()
            .map(|row| {
                let anchored = row
                    .hits
                    .iter()
                    .any(|(_, _, t)| *t == Target::Answer(anchor));
                row.visible(anchored)
            }),
    );
    draw_scrolled(frame, area, &rows, hits);
}

/// A returning learner who stopped in a lesson: carry on there, or choose another.
pub fn resume(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    focus: Option<usize>,
    hits: &mut HitMap,
) {
    let t = |id: &str| i18n.text(model.lang, id);
    let mut rows = Vec::new();
    if let Some(learner) = &model.learner {
        let hello = i18n.text_with(
            model.lang,
            "menu-greeting",
            &[("name", learner.name.as_str().into())],
        );
        rows.extend(wrapped(&hello, area.width, theme::base(), ""));
    }
    if let Some((lesson, _, _, pos)) = model.resumable() {
        let title = model.lessons[lesson].title.get(model.lang.code());
        let text = i18n.text_with(
            model.lang,
            "resume-title",
            &[("lesson", title.into()), ("n", (pos + 1).into())],
        );
        rows.extend(wrapped(&text, area.width, theme::title(), ""));
    }
    rows.push(Row::blank());
    let answers = [t("resume-continue"), t("resume-menu")];
    let room = area.height.saturating_sub(rows.len() as u16);
    rows.extend(super::answer_rows(&answers, focus, area.width, room));
    draw_rows(frame, area, &rows, hits);
}
