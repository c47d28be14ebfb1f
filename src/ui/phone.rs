//! The pretend phone: a frame, a status bar, the app's title, and the step's screen
//! (app icons, buttons, list rows, fields, a keypad, a dialog, an SMS banner, switches).
//!
//! The focused element is marked ▶ and coloured; the element a hint reveals is marked
//! → … ← in another colour: marks, not colour alone.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

use super::rows::{HitMap, Row, draw_scrolled, wrap};
use super::theme;
use crate::app::keyboard::{self, KeyboardKey};
use crate::app::{KeyboardLayer, Target};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Element, ElementKind, LocalText, Screen};

/// What the phone shows and how it answers touches.
pub struct PhoneView<'a> {
    pub screen: &'a Screen,
    pub lang: Lang,
    pub i18n: &'a Localizer,
    /// Touches on tappables answer the step (a `tap` step); otherwise the phone is a
    /// picture to look at.
    pub tappable: bool,
    /// The focused tappable, by index.
    pub focus: Option<usize>,
    /// The id of the tappable a hint reveals.
    pub highlight: Option<&'a str>,
    /// A `type` step: the field's id (None: the first field), what is typed, and whether
    /// it is typed on the keypad.
    pub typing: Option<Typing<'a>>,
}

pub struct Typing<'a> {
    pub field: Option<&'a str>,
    pub input: &'a str,
    pub keypad: bool,
    /// Words are typed: the letter keyboard, showing this layer.
    pub keyboard: Option<KeyboardLayer>,
}

/// Marks at the start of a row: focused, revealed by a hint, or neither.
const FOCUS_MARK: &str = "▶";
const HINT_MARK: &str = "→";

impl PhoneView<'_> {
    fn text(&self, t: &LocalText) -> String {
        t.get(self.lang.code()).to_owned()
    }

    fn opt_text(&self, t: &Option<LocalText>) -> String {
        t.as_ref().map(|t| self.text(t)).unwrap_or_default()
    }

    /// The phone's rows for an inner width of `width`.
    pub fn rows(&self, width: u16) -> Vec<Row> {
        let w = usize::from(width);
        let mut rows = vec![status_bar(width)];
        if let Some(title) = &self.screen.title {
            for line in wrap(&self.text(title), w) {
                rows.push(Row::text(line, theme::phone().add_modifier(Modifier::BOLD)));
            }
            rows.push(Row::text("─".repeat(w), theme::phone_dim()));
        }
        let mut index = 0;
        let elements = &self.screen.elements;
        let mut i = 0;
        let mut keypad_drawn = false;
        while i < elements.len() {
            let e = &elements[i];
            match e.kind {
                ElementKind::App => {
                    let group: Vec<&Element> = elements[i..]
                        .iter()
                        .take_while(|e| e.kind == ElementKind::App)
                        .collect();
                    rows.extend(self.app_grid(&group, &mut index, width));
                    i += group.len();
                    continue;
                }
                ElementKind::Keypad => {
                    keypad_drawn = true;
                    rows.extend(self.keypad(e, &mut index, width));
                }
                ElementKind::Dialog => rows.extend(self.dialog(e, &mut index, width)),
                ElementKind::Sms => rows.extend(self.sms(e, &mut index, width)),
                _ => rows.extend(self.element(e, &mut index, width)),
            }
            i += 1;
        }
        if let Some(t) = &self.typing
            && t.keypad
            && !keypad_drawn
        {
            rows.push(Row::blank());
            rows.extend(self.keypad_rows(None, true, width));
        }
        if let Some(layer) = self.typing.as_ref().and_then(|t| t.keyboard) {
            rows.push(Row::blank());
            rows.extend(self.keyboard_rows(layer, width));
        }
        rows
    }

    /// The letter keyboard, as on a phone: rows of one-cell keys centred, Shift wider,
    /// and a last row of Switch, a wide Space, Delete and OK across the whole width.
    /// Every key types when touched; Shift is marked while it is on.
    fn keyboard_rows(&self, layer: KeyboardLayer, width: u16) -> Vec<Row> {
        let t = |id: &str| self.i18n.text(self.lang, id);
        let label = |key: KeyboardKey| match key {
            KeyboardKey::Char(c) => layer.typed(c).to_string(),
            KeyboardKey::Shift => t("keyboard-shift"),
            KeyboardKey::Switch if layer == KeyboardLayer::Symbols => t("keyboard-letters"),
            KeyboardKey::Switch => t("keyboard-symbols"),
            KeyboardKey::Space => t("keyboard-space"),
            KeyboardKey::Delete => t("keypad-delete"),
            KeyboardKey::Ok => t("keypad-ok"),
        };
        let style = |key: KeyboardKey| {
            if key == KeyboardKey::Shift && layer == KeyboardLayer::Capitals {
                theme::phone().patch(theme::focus())
            } else {
                theme::phone_button()
            }
        };
        let rows = keyboard::rows(layer);
        let (last, chars) = rows.split_last().expect("the keyboard has rows");
        // Each key of the character rows is `cell` wide (a gap included): ten to a row.
        let cell = (width / 10).max(2);
        let mut out = Vec::new();
        for row in chars {
            let widths: Vec<u16> = row
                .iter()
                .map(|&k| match k {
                    KeyboardKey::Char(_) => cell,
                    _ => (label(k).width() as u16 + 1).max(cell * 2),
                })
                .collect();
            let used: u16 = widths.iter().sum();
            out.push(self.key_row(row, &widths, width.saturating_sub(used) / 2, &label, &style));
        }
        // The last row: the wide Space takes what the others leave.
        let fixed: u16 = last
            .iter()
            .filter(|&&k| k != KeyboardKey::Space)
            .map(|&k| label(k).width() as u16 + 2)
            .sum();
        let widths: Vec<u16> = last
            .iter()
            .map(|&k| match k {
                KeyboardKey::Space => width.saturating_sub(fixed).max(2),
                _ => label(k).width() as u16 + 2,
            })
            .collect();
        out.push(self.key_row(last, &widths, 0, &label, &style));
        out
    }

    /// One row of keys of `widths` (a gap at the end of each), from column `left`.
    fn key_row(
        &self,
        keys: &[KeyboardKey],
        widths: &[u16],
        left: u16,
        label: &dyn Fn(KeyboardKey) -> String,
        style: &dyn Fn(KeyboardKey) -> Style,
    ) -> Row {
        let mut spans = vec![Span::styled(" ".repeat(usize::from(left)), theme::phone())];
        let mut hits = Vec::new();
        let mut x = left;
        for (&key, &w) in keys.iter().zip(widths) {
            let inner = usize::from(w.saturating_sub(1));
            spans.push(Span::styled(centered(&label(key), inner), style(key)));
            spans.push(Span::styled(" ", theme::phone()));
            hits.push((x, w, Target::Keyboard(key)));
            x += w;
        }
        let mut row = Row::new(Line::from(spans))
            .visible(true)
            .fill(theme::phone());
        row.hits.extend(hits);
        row
    }

    /// The style and the mark of tappable `index` (with id `id`).
    fn look(&self, index: usize, id: Option<&str>, normal: Style) -> (Style, &'static str, bool) {
        let revealed = self.highlight.is_some() && id == self.highlight;
        if revealed {
            (
                theme::phone()
                    .patch(theme::highlight())
                    .fg(theme::PHONE_FG.color()),
                HINT_MARK,
                true,
            )
        } else if self.tappable && self.focus == Some(index) {
            (
                theme::phone()
                    .patch(theme::focus())
                    .fg(theme::PHONE_FG.color()),
                FOCUS_MARK,
                true,
            )
        } else {
            (normal, " ", false)
        }
    }

    fn target(&self, index: usize) -> Option<Target> {
        self.tappable.then_some(Target::Phone(index))
    }

    fn app_grid(&self, apps: &[&Element], index: &mut usize, width: u16) -> Vec<Row> {
        let cell = width / 2;
        let fits_two = apps
            .iter()
            .all(|a| self.opt_text(&a.label).width() + 3 <= usize::from(cell));
        let per_row = if fits_two { 2 } else { 1 };
        let cell = width / per_row;
        let mut rows = Vec::new();
        for chunk in apps.chunks(usize::from(per_row)) {
            let mut spans = Vec::new();
            let mut hits = Vec::new();
            let mut keep = false;
            for (k, app) in chunk.iter().enumerate() {
                let i = *index;
                *index += 1;
                let (style, mark, marked) = self.look(i, app.id.as_deref(), theme::phone());
                keep |= marked;
                let label = self.opt_text(&app.label);
                let mut text = format!("{mark}◼ {label}");
                let pad = usize::from(cell).saturating_sub(text.width());
                text.push_str(&" ".repeat(pad));
                spans.push(Span::styled(text, style));
                if let Some(t) = self.target(i) {
                    hits.push((k as u16 * cell, cell, t));
                }
            }
            let mut row = Row::new(Line::from(spans))
                .visible(keep)
                .fill(theme::phone());
            row.hits = hits;
            rows.push(row);
        }
        rows
    }

    fn element(&self, e: &Element, index: &mut usize, width: u16) -> Vec<Row> {
        let w = usize::from(width);
        let i = *index;
        if e.kind.is_tappable() {
            *index += 1;
        }
        let label = self.opt_text(&e.label);
        let detail = self.opt_text(&e.detail);
        let mut rows = Vec::new();
        match e.kind {
            ElementKind::Button => {
                let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone_button());
                for line in wrap(&label, w.saturating_sub(6)) {
                    let text = format!(" {line} ");
                    let pad = w.saturating_sub(text.width() + 2) / 2;
                    let line = Line::from(vec![
                        Span::styled(format!("{mark}{}", " ".repeat(pad)), theme::phone()),
                        Span::styled(text, style),
                    ]);
                    rows.push(
                        Row::new(line)
                            .target(self.target(i))
                            .visible(keep)
                            .fill(theme::phone()),
                    );
                }
            }
            ElementKind::Row => {
                let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone());
                for (k, line) in wrap(&label, w.saturating_sub(3)).into_iter().enumerate() {
                    let lead = if k == 0 {
                        format!("{mark}› ")
                    } else {
                        "   ".to_owned()
                    };
                    rows.push(
                        Row::text(format!("{lead}{line}"), style.add_modifier(Modifier::BOLD))
                            .target(self.target(i))
                            .visible(keep)
                            .fill(style),
                    );
                }
                for line in wrap(&detail, w.saturating_sub(3))
                    .into_iter()
                    .filter(|l| !l.is_empty())
                {
                    rows.push(
                        Row::text(format!("   {line}"), theme::phone_dim())
                            .target(self.target(i))
                            .fill(theme::phone()),
                    );
                }
            }
            ElementKind::Field => {
                let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone());
                for line in wrap(&label, w.saturating_sub(1)) {
                    rows.push(
                        Row::text(format!(" {line}"), theme::phone_dim())
                            .target(self.target(i))
                            .fill(theme::phone()),
                    );
                }
                let typed = self.typing.as_ref().filter(|t| match t.field {
                    Some(id) => e.id.as_deref() == Some(id),
                    None => true,
                });
                let (value, value_style) = match typed {
                    Some(t) if !t.input.is_empty() => (format!("{}▏", t.input), theme::phone()),
                    Some(_) => (
                        format!("▏{}", self.i18n.text(self.lang, "type-placeholder")),
                        theme::phone_dim(),
                    ),
                    None => (detail, theme::phone_dim()),
                };
                let inner = w.saturating_sub(3);
                let shown = tail_fitting(&value, inner);
                let pad = inner.saturating_sub(shown.width());
                let line = Line::from(vec![
                    Span::styled(mark.to_owned(), style),
                    Span::styled(
                        format!(" {shown}{}", " ".repeat(pad)),
                        value_style.patch(style).add_modifier(Modifier::UNDERLINED),
                    ),
                ]);
                rows.push(
                    Row::new(line)
                        .target(self.target(i))
                        .visible(keep || typed.is_some())
                        .fill(theme::phone()),
                );
            }
            ElementKind::Toggle => {
                let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone());
                let state = if e.on {
                    format!("{} ●", self.i18n.text(self.lang, "phone-on"))
                } else {
                    format!("○ {}", self.i18n.text(self.lang, "phone-off"))
                };
                let avail = w.saturating_sub(state.width() + 3);
                let lines = wrap(&label, avail);
                let last = lines.len() - 1;
                for (k, line) in lines.into_iter().enumerate() {
                    let lead = if k == 0 { mark } else { " " };
                    let text = if k == last {
                        let pad = w.saturating_sub(line.width() + state.width() + 2);
                        format!("{lead} {line}{}{state}", " ".repeat(pad))
                    } else {
                        format!("{lead} {line}")
                    };
                    rows.push(
                        Row::text(text, style)
                            .target(self.target(i))
                            .visible(keep)
                            .fill(style),
                    );
                }
            }
            _ => {
                // Plain text (and anything that only shows its label).
                let (style, mark, keep) = if e.kind.is_tappable() {
                    self.look(i, e.id.as_deref(), theme::phone())
                } else {
                    (theme::phone(), " ", false)
                };
                let target = if e.kind.is_tappable() {
                    self.target(i)
                } else {
                    None
                };
                for line in wrap(&label, w.saturating_sub(1)) {
                    rows.push(
                        Row::text(format!("{mark}{line}"), style)
                            .target(target)
                            .visible(keep)
                            .fill(theme::phone()),
                    );
                }
            }
        }
        rows
    }

    fn keypad(&self, e: &Element, index: &mut usize, width: u16) -> Vec<Row> {
        let i = *index;
        *index += 1;
        let typing_keypad = self.typing.as_ref().is_some_and(|t| t.keypad);
        if typing_keypad {
            return self.keypad_rows(None, true, width);
        }
        let (_, _, keep) = self.look(i, e.id.as_deref(), theme::phone());
        let target = self.target(i);
        let mut rows = self.keypad_rows(target, keep, width);
        if keep {
            let (style, _, _) = self.look(i, e.id.as_deref(), theme::phone());
            for row in &mut rows {
                row.fill = Some(style);
            }
        }
        rows
    }

    /// Four rows of keys. With `whole`, the keypad is one tappable; on a `type` step's
    /// keypad each key types; otherwise it is only a picture. `keep`: keep it in view.
    fn keypad_rows(&self, whole: Option<Target>, keep: bool, width: u16) -> Vec<Row> {
        let keys = super::keypad_keys(self.i18n, self.lang);
        let typing = self.typing.as_ref().is_some_and(|t| t.keypad);
        let cell = width / 3;
        keys.into_iter()
            .map(|row| {
                let mut spans = Vec::new();
                let mut hits = Vec::new();
                for (k, (label, key)) in row.into_iter().enumerate() {
                    let text = centered(&label, usize::from(cell).saturating_sub(1));
                    spans.push(Span::styled(format!("{text} "), theme::phone_button()));
                    if whole.is_none() && typing {
                        hits.push((k as u16 * cell, cell, Target::Keypad(key)));
                    }
                }
                let mut r = Row::new(Line::from(spans))
                    .target(whole)
                    .visible(keep)
                    .fill(theme::phone());
                r.hits.extend(hits);
                r
            })
            .collect()
    }

    fn dialog(&self, e: &Element, index: &mut usize, width: u16) -> Vec<Row> {
        let w = usize::from(width);
        let inner = w.saturating_sub(4);
        let mut rows = vec![Row::text(
            format!("┌{}┐", "─".repeat(w.saturating_sub(2))),
            theme::phone(),
        )];
        let framed = |text: String, style: Style| {
            let pad = inner.saturating_sub(text.width());
            Row::new(Line::from(vec![
                Span::styled("│ ", theme::phone()),
                Span::styled(format!("{text}{}", " ".repeat(pad)), style),
                Span::styled(" │", theme::phone()),
            ]))
        };
        for line in wrap(&self.opt_text(&e.label), inner)
            .into_iter()
            .filter(|l| !l.is_empty())
        {
            rows.push(framed(line, theme::phone().add_modifier(Modifier::BOLD)));
        }
        for line in wrap(&self.opt_text(&e.detail), inner) {
            rows.push(framed(line, theme::phone()));
        }
        // Buttons, as many to a row as fit.
        let mut line_spans: Vec<Span<'static>> = Vec::new();
        let mut hits = Vec::new();
        let mut used = 0;
        let mut keep = false;
        let mut button_rows = Vec::new();
        for b in &e.buttons {
            let i = *index;
            *index += 1;
            let (style, mark, marked) = self.look(i, b.id.as_deref(), theme::phone_button());
            let text = format!("{mark}{} ", self.text(&b.label));
            let tw = text.width();
            if used > 0 && used + tw + 1 > inner {
                button_rows.push((
                    std::mem::take(&mut line_spans),
                    std::mem::take(&mut hits),
                    keep,
                ));
                used = 0;
                keep = false;
            }
            if used > 0 {
                line_spans.push(Span::styled(" ", theme::phone()));
                used += 1;
            }
            if let Some(t) = self.target(i) {
                hits.push((2 + used as u16, tw as u16, t));
            }
            keep |= marked;
            line_spans.push(Span::styled(text, style));
            used += tw;
        }
        if !line_spans.is_empty() {
            button_rows.push((line_spans, hits, keep));
        }
        for (spans, hits, keep) in button_rows {
            let width_used: usize = spans.iter().map(|s| s.content.width()).sum();
            let mut all = vec![Span::styled("│ ", theme::phone())];
            all.push(Span::styled(
                " ".repeat(inner.saturating_sub(width_used)),
                theme::phone(),
            ));
            // Buttons sit at the right, as in most dialogs.
            let shift = inner.saturating_sub(width_used) as u16;
            all.extend(spans);
            all.push(Span::styled(" │", theme::phone()));
            let mut row = Row::new(Line::from(all)).visible(keep);
            row.hits = hits
                .into_iter()
                .map(|(x, w, t)| (x + shift, w, t))
                .collect();
            rows.push(row);
        }
        rows.push(Row::text(
            format!("└{}┘", "─".repeat(w.saturating_sub(2))),
            theme::phone(),
        ));
        rows
    }

    fn sms(&self, e: &Element, index: &mut usize, width: u16) -> Vec<Row> {
        let w = usize::from(width);
        let i = *index;
        *index += 1;
        let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone());
        let target = self.target(i);
        let mut rows = Vec::new();
        let sender = self.opt_text(&e.label);
        for line in wrap(&format!("✉ {sender}"), w.saturating_sub(1)) {
            rows.push(
                Row::text(format!("{mark}{line}"), style.add_modifier(Modifier::BOLD))
                    .target(target)
                    .visible(keep)
                    .fill(style),
            );
        }
        for line in wrap(&self.opt_text(&e.detail), w.saturating_sub(2)) {
            rows.push(
                Row::text(format!("  {line}"), style)
                    .target(target)
                    .fill(style),
            );
        }
        rows.push(Row::text("─".repeat(w), theme::phone_dim()));
        rows
    }
}

/// The end of `text` that fits `width` columns (a long input scrolls left as it grows).
fn tail_fitting(text: &str, width: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars().rev() {
        let mut s: String = out.iter().rev().collect();
        s.insert(0, c);
        if s.width() > width {
            break;
        }
        out.push(c);
    }
    out.iter().rev().collect()
}

fn centered(text: &str, width: usize) -> String {
    let pad = width.saturating_sub(text.width());
    format!("{}{text}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2))
}

fn status_bar(width: u16) -> Row {
    let right = "▂▄▆ 4G ▮";
    let pad = usize::from(width).saturating_sub(5 + right.width());
    Row::text(
        format!(" 9:41{}{right}", " ".repeat(pad)),
        theme::phone_dim(),
    )
    .fill(theme::phone())
}

/// Draws the phone's frame and its rows into `area`.
pub fn draw_phone(frame: &mut Frame, area: Rect, rows: &[Row], hits: &mut HitMap) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::phone_frame());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.buffer_mut().set_style(inner, theme::phone());
    draw_scrolled(frame, inner, rows, hits);
}
