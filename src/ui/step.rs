//! One step on screen: the instruction in large text, what to answer, the feedback, and
//! the picture (the pretend phone, or a QR code) beside, below, or one key away.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;

use super::phone::{
    Density, KEYBOARD_MIN_WIDTH, KeySize, PhoneView, Typing, draw_phone, keyboard_rows,
    phone_height, phone_least_height,
};
use super::qr::draw_qr_at;
use super::rows::{HitMap, Row, draw_rows, draw_scrolled, draw_scrolled_by, wrapped};
use super::theme;
use crate::app::layout::{PHONE_MAX_ROWS, PHONE_WIDTH, qr_width};
use crate::app::{
    BarKey, EnterMeaning, Feedback, KeyboardLayer, Model, StepLayout, StepState, Target, ViewScroll,
};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Element, ElementKind, InputMethod, LocalText, Screen, Step, Task};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    let Some((_, step, run)) = model.run() else {
        return;
    };
    let layout = model.step_layout().unwrap_or(StepLayout::TextOnly);
    let picture_width = match &step.task {
        Task::Scan { url } => qr_width(url),
        _ => PHONE_WIDTH,
    };
    let scan_beside = matches!(step.task, Task::Scan { .. }) && layout == StepLayout::Side;
    // Words are typed on a keyboard as wide as the screen, under the text and the phone
    // (as a phone's keyboard spans its screen): wide keys, a gap between any two.
    let text_page = layout == StepLayout::Paged && !run.state.show_picture;
    let (area, keyboard) = match letter_keyboard(step, &run.state) {
        Some(layer) if !text_page && layout != StepLayout::TextOnly => {
            // A phone's frame, the app's title and the field above; at least the field.
            let (rest, keys, size) = keyboard_area(frame.area(), area, 4, 3);
            let rows = keyboard_rows(i18n, model.lang, layer, keys.width, size);
            draw_rows(frame, keys, &rows, hits);
            (rest, true)
        }
        _ => (area, false),
    };
    let (text, picture) = match layout {
        // The code's column is already set aside (see `scan_column`).
        _ if scan_beside => (Some(area), None),
        StepLayout::TextOnly => (Some(area), None),
        StepLayout::Side => {
            let [t, _, p] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(2),
                Constraint::Length(picture_width.min(area.width)),
            ])
            .areas(area);
            (Some(t), Some(p))
        }
        StepLayout::Stacked => {
            let height = match &step.task {
                Task::Scan { url } => qr_width(url).div_ceil(2),
                _ if keyboard => area.height / 2,
                _ => PHONE_MAX_ROWS,
            };
            let [t, p] = Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(height.min(area.height)),
            ])
            .areas(area);
            let p = Rect::new(
                p.x + p.width.saturating_sub(picture_width) / 2,
                p.y,
                picture_width.min(p.width),
                p.height,
            );
            (Some(t), Some(p))
        }
        StepLayout::Paged if run.state.show_picture => {
            let p = Rect::new(
                area.x + area.width.saturating_sub(picture_width) / 2,
                area.y,
                picture_width.min(area.width),
                area.height,
            );
            (None, Some(p))
        }
        StepLayout::Paged => (Some(area), None),
    };
    if let Some(mut text) = text {
        // A blank row between the text (and its ▼) and the keys under it.
        if keyboard && text.bottom() == area.bottom() {
            text.height = text.height.saturating_sub(1);
        }
        let rows = text_rows(step, &run.state, model.lang, i18n, text.width);
        match free_scroll(step, &run.state) {
            Some((shift, _)) => draw_scrolled_by(frame, text, &rows, hits, shift, false),
            None => draw_scrolled(frame, text, &rows, hits),
        }
    }
    if let Some(picture) = picture {
        match &step.task {
            // Beside the text or on its own page, the code has a column of its own.
            Task::Scan { url } if layout == StepLayout::Stacked => {
                draw_scan(frame, picture, url, model, i18n, hits)
            }
            Task::Scan { .. } => {}
            _ => phone(frame, picture, step, &run.state, model.lang, i18n, hits),
        }
    }
}

/// For a scan step beside its text, or on its own page: the rest of the screen (for the
/// header, text and key bar; empty on the code's own page), the code's full-height column,
/// and the address.
pub fn scan_column(model: &Model, area: Rect) -> Option<(Rect, Rect, &str)> {
    let (_, step, run) = model.run()?;
    let Task::Scan { url } = &step.task else {
        return None;
    };
    match model.step_layout()? {
        StepLayout::Side => {
            let width = qr_width(url).min(area.width);
            let rest = Rect::new(
                area.x,
                area.y,
                area.width.saturating_sub(width + 1),
                area.height,
            );
            let column = Rect::new(area.right() - width, area.y, width, area.height);
            Some((rest, column, url))
        }
        StepLayout::Paged if run.state.show_picture => {
            Some((Rect::new(area.x, area.y, 0, 0), area, url))
        }
        _ => None,
    }
}

/// Draws the QR code in `area`, or says the screen is too small for it. On the code's own
/// page, a touch anywhere goes back to the text.
pub fn draw_scan(
    frame: &mut Frame,
    area: Rect,
    url: &str,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let drawn = draw_qr_at(frame, area, url);
    if drawn.is_none() {
        let rows = wrapped(
            &i18n.text(model.lang, "scan-too-small"),
            area.width,
            theme::wrong(),
            "",
        );
        draw_rows(frame, area, &rows, hits);
    }
    if model.step_layout() != Some(StepLayout::Paged) {
        return;
    }
    // The code's own page has no key bar: the margins beside the code are the buttons
    // (back to the text on the left, on to the next step on the right).
    let back = Target::Bar(BarKey::Back);
    let on = Target::Bar(BarKey::Enter(EnterMeaning::Continue));
    let code = drawn.unwrap_or(Rect::new(area.x + area.width / 2, area.y, 0, area.height));
    let left = Rect::new(area.x, area.y, code.x - area.x, area.height);
    let right = Rect::new(
        code.right(),
        area.y,
        area.right() - code.right(),
        area.height,
    );
    if left.width < 4 || right.width < 4 {
        hits.add(area, back);
        return;
    }
    for (side, target, id, mark) in [
        (left, back, "key-text", "◀"),
        (right, on, "key-continue", "▶"),
    ] {
        let label = format!("{mark} {}", i18n.text(model.lang, id));
        let mut rows = wrapped(&label, side.width.saturating_sub(1), theme::bar_key(), "");
        for row in &mut rows {
            row.fill = Some(theme::bar_key());
        }
        let top = side.y + side.height.saturating_sub(rows.len() as u16) / 2;
        let button = Rect::new(
            side.x,
            top,
            side.width.saturating_sub(1),
            (rows.len() as u16).min(side.height),
        );
        draw_rows(frame, button, &rows, &mut HitMap::default());
        hits.add(side, target);
    }
}

fn phone(
    frame: &mut Frame,
    area: Rect,
    step: &Step,
    state: &StepState,
    lang: Lang,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let typing_screen;
    let screen = match (step.screen(), &step.task) {
        (Some(s), _) => s,
        (None, Task::Type { .. }) => {
            typing_screen = Screen {
                title: None,
                elements: vec![Element {
                    id: None,
                    kind: ElementKind::Field,
                    label: None,
                    detail: None,
                    on: false,
                    feedback: None,
                    buttons: Vec::new(),
                }],
            };
            &typing_screen
        }
        _ => return,
    };
    let (tappable, target) = match &step.task {
        Task::Tap { target, .. } => (!state.solved, Some(target.as_str())),
        _ => (false, None),
    };
    let shown = state.shown_input(step);
    let typing = match &step.task {
        Task::Type { field, input, .. } => Some(Typing {
            field: field.as_deref(),
            input: &shown,
            keypad: *input == InputMethod::Digits && !state.solved,
        }),
        _ => None,
    };
    let mut view = PhoneView {
        screen,
        lang,
        i18n,
        tappable,
        focus: tappable.then_some(state.focus),
        highlight: if state.highlight { target } else { None },
        typing,
        density: Density::Tall,
    };
    // The biggest keys, then the biggest targets, that fit the room there is.
    let width = area.width.saturating_sub(2);
    let mut chosen = None;
    'sizes: for size in KeySize::ALL {
        for density in [Density::Tall, Density::Compact, Density::Tight] {
            view.density = density;
            let rows = view.rows(width);
            let keys = view.typing_keypad(width, size);
            if phone_least_height(&rows, &keys) <= area.height {
                chosen = Some((rows, keys));
                break 'sizes;
            }
        }
    }
    let (rows, keys) =
        chosen.unwrap_or_else(|| (view.rows(width), view.typing_keypad(width, KeySize::ALL[2])));
    let height = phone_height(&rows, &keys).min(area.height);
    draw_phone(
        frame,
        Rect::new(area.x, area.y, area.width, height),
        &rows,
        &keys,
        free_scroll(step, state).map(|(_, shift)| shift),
        hits,
    );
}

/// The layer of the letter keyboard a `type` step of words shows (None when digits are
/// typed, or the step is done).
fn letter_keyboard(step: &Step, state: &StepState) -> Option<KeyboardLayer> {
    match &step.task {
        Task::Type { input, .. } if *input != InputMethod::Digits && !state.solved => {
            Some(state.keyboard)
        }
        _ => None,
    }
}

/// Splits `area` into what is above the letter keyboard, the keyboard's own area at the
/// bottom (a blank row under it, so a touch low on a key does not reach the key bar), and
/// its keys' size: the biggest keys that leave `above` rows above them (short of room,
/// `least`). A screen too narrow for keys three cells wide lends the keyboard its margins
/// (`screen`).
pub fn keyboard_area(screen: Rect, area: Rect, above: u16, least: u16) -> (Rect, Rect, KeySize) {
    const ROWS: u16 = 4;
    // (keys, blank row under them, rows left above)
    let choices = [
        (KeySize::ALL[0], 1, above),
        (KeySize::ALL[1], 1, above),
        (KeySize::ALL[1], 0, least),
        (KeySize::ALL[2], 1, least),
        (KeySize::ALL[2], 0, 0),
    ];
    let (size, blank, _) = choices
        .into_iter()
        .find(|(size, blank, above)| size.rows(ROWS) + blank + above <= area.height)
        .unwrap_or(choices[4]);
    let height = size.rows(ROWS).min(area.height);
    let blank = blank.min(area.height - height);
    let (x, width) = if area.width < KEYBOARD_MIN_WIDTH {
        let left = area.x.saturating_sub(1).max(screen.x);
        (left, (area.right() + 1).min(screen.right()) - left)
    } else {
        (area.x, area.width)
    };
    let keys = Rect::new(x, area.bottom() - blank - height, width, height);
    let rest = Rect::new(area.x, area.y, area.width, keys.y - area.y);
    (rest, keys, size)
}

/// For a step with nothing to focus, how ▲ and ▼ have moved its text and its phone's
/// screen; None where they move the focus instead.
fn free_scroll(step: &Step, state: &StepState) -> Option<(ViewScroll, ViewScroll)> {
    (StepState::focusable(step) == 0).then_some((state.scroll_text, state.scroll_picture))
}

/// The text column: instruction, what to answer (choices, order), then feedback.
fn text_rows(step: &Step, state: &StepState, lang: Lang, i18n: &Localizer, width: u16) -> Vec<Row> {
    let t = |id: &str| i18n.text(lang, id);
    let local = |text: &LocalText| text.get(lang.code()).to_owned();
    let mut rows = wrapped(
        &local(&step.text),
        width,
        theme::base().add_modifier(Modifier::BOLD),
        "",
    );
    match &step.task {
        Task::Choice { options } => {
            rows.push(Row::blank());
            for (i, option) in options.iter().enumerate() {
                let revealed = state.highlight && option.correct;
                let focused = state.focus == i && !state.solved;
                let chosen = state.solved && state.focus == i;
                let (style, mark) = if chosen {
                    (theme::right(), "✓")
                } else if revealed {
                    (theme::highlight(), "→")
                } else if focused {
                    (theme::focus(), "▶")
                } else {
                    (theme::base(), " ")
                };
                let lead = format!("{mark} {}  ", i + 1);
                for row in wrapped(&local(&option.text), width, style, &lead) {
                    rows.push(
                        row.target(Some(Target::Choice(i)))
                            .visible(focused || revealed)
                            .fill(style),
                    );
                }
            }
        }
        Task::Order { items } => {
            rows.push(Row::blank());
            let how = if state.picked.is_some() {
                "order-moving"
            } else {
                "order-how"
            };
            rows.extend(wrapped(&t(how), width, theme::dim(), ""));
            for (position, &item) in state.arrangement.iter().enumerate() {
                let picked = state.picked == Some(position);
                let focused = state.focus == position && !state.solved;
                let in_place = state.highlight && item == position;
                let style = if picked || focused {
                    theme::focus()
                } else {
                    theme::base()
                };
                let mark = match (picked, focused, in_place) {
                    (true, _, _) => "◆",
                    (_, true, _) => "▶",
                    (_, _, true) => "✓",
                    _ => " ",
                };
                let lead = format!("{mark} {}. ", position + 1);
                for row in wrapped(&local(&items[item]), width, style, &lead) {
                    rows.push(
                        row.target(Some(Target::OrderItem(position)))
                            .visible(focused)
                            .fill(style),
                    );
                }
            }
            let focused = state.focus == items.len() && !state.solved;
            let style = if focused {
                theme::focus()
            } else {
                theme::bar_key()
            };
            let mark = if focused { "▶" } else { " " };
            rows.push(
                Row::text(format!("{mark} [ {} ] ", t("order-done")), style)
                    .target(Some(Target::OrderDone))
                    .visible(focused),
            );
        }
        Task::Scan { .. } => {
            rows.push(Row::blank());
            rows.extend(wrapped(&t("scan-how"), width, theme::dim(), ""));
        }
        _ => {}
    }
    // What the learner is told, kept in view.
    let mut told = Vec::new();
    match &state.feedback {
        Some(Feedback::Right(words)) => {
            told.extend(wrapped(&t("feedback-right"), width, theme::right(), "✓ "));
            if let Some(words) = words {
                told.extend(wrapped(&local(words), width, theme::base(), "  "));
            }
        }
        Some(Feedback::Wrong(words)) => {
            let text = words.as_ref().map_or_else(|| t("feedback-wrong"), local);
            told.extend(wrapped(&text, width, theme::wrong(), "✗ "));
        }
        None => {}
    }
    if state.hint
        && !state.solved
        && let Some(hint) = &step.hint
    {
        told.extend(wrapped(
            &format!("{} {}", t("feedback-hint"), local(hint)),
            width,
            theme::title(),
            "",
        ));
    }
    if state.highlight
        && !state.solved
        && let Task::Type { answer, .. } = &step.task
    {
        told.extend(wrapped(answer, width, theme::highlight(), "→ "));
    }
    if state.needs_volunteer && !state.solved {
        told.extend(wrapped(&t("feedback-help"), width, theme::wrong(), "⚑ "));
        told.extend(wrapped(
            &t("feedback-help-detail"),
            width,
            theme::base(),
            "  ",
        ));
    }
    if !told.is_empty() {
        rows.push(Row::blank());
        rows.extend(told.into_iter().map(|r| r.visible(true)));
    }
    rows
}
