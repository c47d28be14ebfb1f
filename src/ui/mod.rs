//! Drawing the tutor: a pure function of the model (and the interface's words) into a
//! frame, returning where touches land. Generic over the backend: tests draw into
//! ratatui's `TestBackend`.
//!
//! Every screen has a header row, a body, and a key bar whose buttons do what their keys
//! do. Large text comes from the terminal's font; hocso reflows to whatever it is given.

mod menu;
mod phone;
pub mod qr;
pub mod rows;
mod sign_in;
mod step;
pub mod studio;
mod summary;
pub mod theme;
mod volunteer;
pub mod words;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use unicode_width::UnicodeWidthStr;

use crate::app::{BarKey, EnterMeaning, KeypadKey, Model, Screen, Size, Target, typed_name};
use crate::i18n::Localizer;
pub use rows::HitMap;
use rows::{Row, draw_rows, wrap, wrapped};

/// Draws `model` and returns where touches land.
pub fn draw(frame: &mut Frame, model: &Model, i18n: &Localizer) -> HitMap {
    let area = frame.area();
    let mut hits = HitMap::default();
    frame.buffer_mut().set_style(area, theme::base());
    if Size::new(area.width, area.height).too_small() {
        too_small(frame, area, model, i18n);
        return hits;
    }
    // A QR code takes the screen's full height, beside or instead of everything else.
    let area = match step::scan_column(model, area) {
        Some((rest, column, url)) => {
            step::draw_scan(frame, column, url, model, i18n, &mut hits);
            if rest.width == 0 {
                return hits;
            }
            rest
        }
        None => area,
    };
    let guided = model.guided.is_some()
        && matches!(model.screen, Screen::Lesson(_) | Screen::Summary { .. });
    let (gap, bar_rows) = crate::app::layout::bar_rows(area.height);
    let [header, body, guided_bar, _, bar] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(u16::from(guided)),
        Constraint::Length(gap),
        Constraint::Length(bar_rows),
    ])
    .areas(area);
    draw_header(frame, header, model, i18n, &mut hits);
    if guided {
        volunteer::guided_bar(frame, guided_bar, model, i18n, &mut hits);
    }
    let body = body.inner(Margin::new(1, 0));
    // Nothing is lit for the learner until a key moves the focus.
    let lit = |focus: usize| model.focus_shown.then_some(focus);
    match &model.screen {
        Screen::Welcome => sign_in::welcome(frame, body, model, i18n, &mut hits),
        Screen::Who { focus } => sign_in::who(frame, body, model, i18n, lit(*focus), &mut hits),
        Screen::Name {
            name,
            telex,
            keyboard,
        } => sign_in::name(
            frame,
            body,
            model,
            i18n,
            typed_name(name, *telex),
            *keyboard,
            &mut hits,
        ),
        Screen::CodeGiven => sign_in::code_given(frame, body, model, i18n, &mut hits),
        Screen::Code { code, not_found } => sign_in::code(
            frame,
            body,
            model,
            i18n,
            code,
            not_found.as_deref(),
            &mut hits,
        ),
        Screen::Menu { focus } => menu::draw(frame, body, model, i18n, *focus, &mut hits),
        Screen::Lesson(_) => step::draw(frame, body, model, i18n, &mut hits),
        Screen::Summary { summary, focus } => {
            summary::draw(frame, body, model, i18n, summary, lit(*focus), &mut hits)
        }
        Screen::Age { focus, .. } => {
            sign_in::age(frame, body, model, i18n, lit(*focus), *focus, &mut hits)
        }
        Screen::Resume { focus } => {
            sign_in::resume(frame, body, model, i18n, lit(*focus), &mut hits)
        }
        Screen::Broken { lines, .. } => broken(frame, body, model, i18n, lines),
        Screen::Pin {
            purpose,
            pin,
            message,
        } => volunteer::pin(frame, body, model, i18n, purpose, pin, *message, &mut hits),
        Screen::Panel(panel) => volunteer::panel(frame, body, model, i18n, panel, &mut hits),
        Screen::GuidedEnd { lesson, note } => {
            volunteer::guided_end(frame, body, model, i18n, *lesson, note)
        }
    }
    // Under the "change learner?" question the bar would do nothing: it is not drawn.
    if !model.asking_sign_out {
        draw_bar(frame, bar, model, i18n, &mut hits);
    }
    words::keep_apart(&mut hits);
    if model.asking_sign_out {
        hits = HitMap::default();
        ask_sign_out(frame, body, model, i18n, &mut hits);
    }
    if model.help_open {
        hits = HitMap::default();
        help(frame, area, model, i18n, &mut hits);
    }
    if model.word.is_some() && !model.help_open {
        hits = HitMap::default();
        words::explanation(frame, area, model, i18n, &mut hits);
    }
    if model.told_page_open() {
        hits = HitMap::default();
        step::told_page(frame, area, model, i18n, &mut hits);
    }
    if let Some(left) = model.idle_left {
        volunteer::still_there(frame, area, model, i18n, left, &mut hits);
    }
    hits
}

fn draw_header(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    frame.buffer_mut().set_style(area, theme::bar());
    let lang = model.lang;
    let (left, right) = match (&model.screen, model.run()) {
        (_, Some((lesson, _, run))) => (
            lesson.title.get(lang.code()).to_owned(),
            i18n.text_with(
                lang,
                "step-counter",
                &[
                    ("n", (run.pos + 1).into()),
                    ("total", run.plan.len().into()),
                ],
            ),
        ),
        _ => (
            i18n.text(lang, "app-name"),
            // Her name, never her code: anyone behind her could read it.
            model
                .learner
                .as_ref()
                .map(|l| l.name.clone())
                .unwrap_or_default(),
        ),
    };
    // The sound button, beside what is on the right (not on the welcome screen).
    let sound = (!matches!(model.screen, Screen::Welcome)).then(|| {
        let id = match (model.settings.narration, model.sound.on, model.sound.volume) {
            (false, _, _) => "sound-none",
            (true, false, _) => "sound-off",
            (true, true, v) if v > 60 => "sound-loud",
            (true, true, _) => "sound-quiet",
        };
        format!(" {} ", i18n.text(lang, id))
    });
    // Answers waiting to be saved: the volunteer sees how many on every screen.
    let right = if model.unsaved > 0 {
        let mark = i18n.text_with(lang, "header-unsaved", &[("n", model.unsaved.into())]);
        if right.is_empty() {
            format!("⚠ {mark}")
        } else {
            format!("⚠ {mark} · {right}")
        }
    } else {
        right
    };
    let right_width = right.width() as u16;
    let sound_width = sound.as_ref().map_or(0, |s| s.width() as u16 + 1);
    let room = usize::from(area.width.saturating_sub(right_width + sound_width + 3));
    let left = shorten(&left, room);
    let line = Line::from(vec![Span::styled(
        format!(" {left}"),
        theme::bar()
            .fg(theme::ACCENT.color())
            .add_modifier(Modifier::BOLD),
    )]);
    frame.render_widget(line, area);
    // The volunteer's way in: three taps on the header's first cells, on any screen.
    // Nothing invites a learner there, and one tap does nothing.
    hits.add(
        Rect::new(area.x, area.y, area.width.min(6), 1),
        Target::Volunteer,
    );
    let mut x = area.x + area.width;
    if right_width + 2 <= area.width {
        x -= right_width + 1;
        frame.render_widget(
            Span::styled(right, theme::bar()),
            Rect::new(x, area.y, right_width, 1),
        );
    }
    if let Some(sound) = sound
        && sound_width + right_width + 8 <= area.width
    {
        x -= sound_width;
        let button = Rect::new(x, area.y, sound_width - 1, 1);
        frame.render_widget(Span::styled(sound, theme::bar_key()), button);
        if model.settings.narration {
            hits.add(button, Target::Sound);
        }
    }
}

/// `text` cut at a word boundary to fit `width`, with an ellipsis when cut.
fn shorten(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = if out.is_empty() {
            word.to_owned()
        } else {
            format!("{out} {word}")
        };
        if next.width() + 1 > width {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        return String::new();
    }
    out.push('…');
    out
}

/// The words on a key-bar button: what it does, in the learner's language (the keys are
/// in the volunteers' help).
fn bar_label(key: BarKey, model: &Model, i18n: &Localizer) -> String {
    let t = |id: &str| i18n.text(model.lang, id);
    match key {
        BarKey::Enter(meaning) => t(match meaning {
            EnterMeaning::Continue => "key-continue",
            EnterMeaning::Tap => "key-tap",
            EnterMeaning::Choose => "key-choose",
            EnterMeaning::Check => "key-check",
            EnterMeaning::SeePicture if is_scan(model) => "key-qr",
            EnterMeaning::SeePicture => "key-phone",
        }),
        BarKey::Back => {
            let back = match (&model.screen, model.run()) {
                (_, Some((_, _, run))) if run.state.show_picture => "key-text",
                // Leaving the menu ends the learner's turn at the kiosk.
                (Screen::Menu { .. }, _) => "key-change-learner",
                _ => "key-back",
            };
            t(back)
        }
        BarKey::Replay => t("key-replay"),
        BarKey::Words => t("key-words"),
        BarKey::Help => t("key-help"),
    }
}

/// Blank cells between two bar buttons.
const BAR_GAP: u16 = 2;

/// The key bar: big buttons that say what they do, spread over the whole width with a
/// gap between them. Buttons drop from the end (keeping Help) when the words do not fit.
fn draw_bar(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    frame.buffer_mut().set_style(area, theme::base());
    let labels: Vec<(BarKey, String)> = model
        .bar()
        .into_iter()
        .map(|k| (k, bar_label(k, model, i18n)))
        .collect();
    let width = area.width;
    for count in (1..=labels.len()).rev() {
        let chosen = pick_bar(&labels, count);
        let n = chosen.len() as u16;
        let gaps = BAR_GAP * n.saturating_sub(1);
        let each = width.saturating_sub(gaps) / n.max(1);
        let fits = chosen
            .iter()
            .all(|(_, label)| label.width() as u16 + 2 <= each);
        if !fits && count > 1 {
            continue;
        }
        let mut x = area.x;
        for (i, (key, label)) in chosen.into_iter().enumerate() {
            // The last button takes what division left over, so the bar ends flush.
            let w = if i as u16 + 1 == n {
                area.right().saturating_sub(x)
            } else {
                each
            };
            let button = Rect::new(x, area.y, w, area.height);
            frame.buffer_mut().set_style(button, theme::bar_key());
            let text = shorten(label, usize::from(w.saturating_sub(2)));
            let tw = text.width() as u16;
            let row = Rect::new(
                x + w.saturating_sub(tw) / 2,
                area.y + area.height.saturating_sub(1) / 2,
                tw.min(w),
                1,
            );
            frame.render_widget(
                Span::styled(text, theme::bar_key().add_modifier(Modifier::BOLD)),
                row,
            );
            hits.add(button, Target::Bar(*key));
            x += w + BAR_GAP;
        }
        return;
    }
}

/// Whether the step on screen is a scan step.
fn is_scan(model: &Model) -> bool {
    model
        .run()
        .is_some_and(|(_, step, _)| matches!(step.task, crate::lesson::Task::Scan { .. }))
}

/// The first `count` buttons, keeping Help (last) when there is room for three.
fn pick_bar(labels: &[(BarKey, String)], count: usize) -> Vec<&(BarKey, String)> {
    if labels.len() <= count {
        return labels.iter().collect();
    }
    if count < 3 {
        return labels.iter().take(count).collect();
    }
    let mut chosen: Vec<_> = labels.iter().take(count - 1).collect();
    if let Some(help) = labels.iter().find(|(k, _)| *k == BarKey::Help) {
        chosen.push(help);
    }
    chosen
}

/// A page over the whole screen (the help, a word's explanation): `title` where the
/// header was, the way out where the key bar was, so every line fits even at 40×12.
/// The body, inside its margins.
pub(crate) fn over_screen(
    frame: &mut Frame,
    area: Rect,
    title: Line<'static>,
    model: &Model,
    i18n: &Localizer,
) -> Rect {
    let t = |id: &str| i18n.text(model.lang, id);
    frame.render_widget(Clear, area);
    frame.buffer_mut().set_style(area, theme::base());
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.buffer_mut().set_style(top, theme::bar());
    frame.render_widget(title, top);
    frame.buffer_mut().set_style(bottom, theme::bar());
    // The way out in one line: the short words where the long ones would be cut.
    let close = [t("help-close"), t("help-close-short")]
        .into_iter()
        .find(|text| text.width() < usize::from(bottom.width))
        .unwrap_or_else(|| t("help-close-short"));
    frame.render_widget(Span::styled(format!(" {close}"), theme::bar()), bottom);
    body.inner(Margin::new(1, 0))
}

/// The style of a page's title over the screen.
pub(crate) fn title_style() -> ratatui::style::Style {
    theme::bar()
        .fg(theme::ACCENT.color())
        .add_modifier(Modifier::BOLD)
}

/// The keys, over the whole screen.
fn help(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    let t = |id: &str| i18n.text(model.lang, id);
    let title = Line::from(Span::styled(format!(" {}", t("help-title")), title_style()));
    let body = over_screen(frame, area, title, model, i18n);
    // First what to do on this screen, in words; then the keys, for volunteers.
    let mut rows = wrapped(
        &t(model.help_message()),
        body.width,
        theme::base().add_modifier(Modifier::BOLD),
        "",
    );
    if matches!(model.screen, Screen::Lesson(_)) {
        rows.extend(wrapped(&t("help-call"), body.width, theme::base(), ""));
    }
    rows.push(Row::blank());
    rows.extend(wrapped(&t("help-keys-title"), body.width, theme::dim(), ""));
    let ids = [
        "help-touch",
        "help-enter",
        "help-back",
        "help-replay",
        "help-words",
        "help-move",
        "help-digits",
        "help-language",
        "help-quit",
    ];
    for id in ids
        .into_iter()
        .filter(|id| *id != "help-replay" || model.settings.narration)
        .map(|id| match id {
            // In lock-down the quit keys do nothing: say so instead.
            "help-quit" if model.settings.locked_down => "help-kiosk",
            id => id,
        })
    {
        rows.extend(wrapped(&t(id), body.width, theme::base(), "• "));
    }
    draw_rows(frame, body, &rows, hits);
    hits.add(area, Target::CloseHelp);
}

/// "Finish for today?", over the body: the question, and two big answers.
fn ask_sign_out(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, hits: &mut HitMap) {
    let t = |id: &str| i18n.text(model.lang, id);
    frame.render_widget(Clear, area);
    frame.buffer_mut().set_style(area, theme::base());
    let mut rows = wrapped(&t("sign-out-title"), area.width, theme::title(), "");
    rows.extend(wrapped(&t("sign-out-note"), area.width, theme::base(), ""));
    rows.push(Row::blank());
    let answers = [t("sign-out-yes"), t("sign-out-stay")];
    let room = area.height.saturating_sub(rows.len() as u16);
    rows.extend(buttons(&answers, None, area.width, room, |i| {
        Target::SignOut(i == 0)
    }));
    draw_rows(frame, area, &rows, hits);
}

fn too_small(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer) {
    let text = i18n.text(model.lang, "too-small");
    let lines = wrap(&text, usize::from(area.width));
    let top = area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.into_iter().enumerate().take(usize::from(area.height)) {
        let w = (line.width() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        frame.render_widget(
            Span::styled(line, theme::title()),
            Rect::new(x, area.y + top + i as u16, w, 1),
        );
    }
}

fn broken(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, lines: &[String]) {
    let mut rows = wrapped(
        &i18n.text(model.lang, "preview-broken"),
        area.width,
        theme::wrong(),
        "✗ ",
    );
    rows.push(Row::blank());
    for line in lines {
        rows.extend(wrapped(line, area.width, theme::base(), ""));
    }
    let mut hits = HitMap::default();
    draw_rows(frame, area, &rows, &mut hits);
}

/// Rows of `text` centred in `width`.
fn centred(text: &str, width: u16, style: ratatui::style::Style) -> Vec<Row> {
    wrap(text, usize::from(width))
        .into_iter()
        .map(|line| {
            let pad = usize::from(width).saturating_sub(line.width()) / 2;
            Row::text(format!("{}{line}", " ".repeat(pad)), style)
        })
        .collect()
}

/// The keys of a number keypad, row by row: 1–9, then Delete, 0, OK.
fn keypad_keys(i18n: &Localizer, lang: crate::i18n::Lang) -> [[(String, KeypadKey); 3]; 4] {
    let digits = |row: [u8; 3]| row.map(|d| (d.to_string(), KeypadKey::Digit(d)));
    [
        digits([1, 2, 3]),
        digits([4, 5, 6]),
        digits([7, 8, 9]),
        [
            (i18n.text(lang, "keypad-delete"), KeypadKey::Delete),
            ("0".to_owned(), KeypadKey::Digit(0)),
            (i18n.text(lang, "keypad-ok"), KeypadKey::Ok),
        ],
    ]
}

/// Rows of numbered answers (`▶ 1  …`), the focused one marked, each touching
/// `Target::Answer(i)`.
fn answer_rows(answers: &[String], focus: Option<usize>, width: u16, room: u16) -> Vec<Row> {
    buttons(answers, focus, width, room, Target::Answer)
}

/// [`answer_rows`] whose buttons touch `target(i)`.
fn buttons(
    answers: &[String],
    focus: Option<usize>,
    width: u16,
    room: u16,
    target: fn(usize) -> Target,
) -> Vec<Row> {
    let buttons: Vec<Vec<Row>> = answers
        .iter()
        .enumerate()
        .map(|(i, answer)| {
            let focused = focus == Some(i);
            let style = if focused {
                theme::focus()
            } else {
                theme::bar_key()
            };
            let lead = format!("{} {}  ", if focused { "▶" } else { " " }, i + 1);
            wrapped(answer, width, style, &lead)
                .into_iter()
                .map(|row| row.target(Some(target(i))).visible(focused).fill(style))
                .collect()
        })
        .collect();
    // Two rows a button where they fit, else one; always a blank row between two, so a
    // touch between them lands on nothing.
    let gaps = answers.len().saturating_sub(1);
    let tall: usize = buttons.iter().map(|b| b.len().max(2)).sum::<usize>() + gaps;
    let tall = tall <= usize::from(room);
    let mut rows = Vec::new();
    for (i, mut button) in buttons.into_iter().enumerate() {
        if i > 0 {
            rows.push(Row::blank());
        }
        if tall && button.len() < 2 {
            let pad = button[0].clone();
            let style = pad.fill.unwrap_or_default();
            button.push(
                Row::text("", style)
                    .target(Some(target(i)))
                    .visible(pad.keep_visible)
                    .fill(style),
            );
        }
        rows.extend(button);
    }
    rows
}

/// A framed button three rows high, `focused` or not, that touches `target`.
fn big_button(
    frame: &mut Frame,
    area: Rect,
    label: &str,
    focused: bool,
    target: Target,
    hits: &mut HitMap,
) {
    let style = if focused {
        theme::focus()
    } else {
        theme::base()
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Rounded
        })
        .border_style(if focused {
            theme::title()
        } else {
            theme::dim()
        });
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.buffer_mut().set_style(inner, style);
    let mark = if focused { "▶ " } else { "  " };
    let text = shorten(&format!("{mark}{label}"), usize::from(inner.width));
    frame.render_widget(Span::styled(text, style), inner);
    hits.add(area, target);
}
