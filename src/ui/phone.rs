//! The pretend phone: a frame, a status bar, the app's title, and the step's screen
//! (app icons, buttons, list rows, fields, a keypad, a dialog, an SMS banner, switches).
//!
//! The focused element is marked ▶ and coloured; the element a hint reveals is marked
//! → … ← in another colour: marks, not colour alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

use super::rows::{HitMap, Row, draw_rows, draw_scrolled, draw_scrolled_by, wrap};
use super::theme;
use crate::app::{KeyboardLayer, Target, ViewScroll};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Element, ElementKind, LocalText, Screen};
use crate::typing::keyboard::{self, KeyboardKey};

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

/// The letter keyboard's width: the pretend phone's screen's, wherever it is drawn.
pub const KEYBOARD_WIDTH: u16 = crate::app::layout::PHONE_WIDTH - 2;

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
            rows.push(Row::text("─".repeat(w), theme::phone_dim()).spare());
        }
        let mut index = 0;
        let elements = &self.screen.elements;
        let mut i = 0;
        // Notes below the field a `type` step types into may give way to its keys.
        let mut below_field = false;
        while i < elements.len() {
            let e = &elements[i];
            if below_field && e.kind == ElementKind::Text {
                rows.extend(
                    self.element(e, &mut index, width)
                        .into_iter()
                        .map(Row::spare),
                );
                i += 1;
                continue;
            }
            below_field |= e.kind == ElementKind::Field
                && self.typing.as_ref().is_some_and(|t| match t.field {
                    Some(id) => e.id.as_deref() == Some(id),
                    None => true,
                });
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
                ElementKind::Keypad => rows.extend(self.keypad(e, &mut index, width)),
                ElementKind::Dialog => rows.extend(self.dialog(e, &mut index, width)),
                ElementKind::Sms => rows.extend(self.sms(e, &mut index, width)),
                _ => rows.extend(self.element(e, &mut index, width)),
            }
            i += 1;
        }
        rows
    }

    /// The keys a `type` step types on, at the bottom of the phone: its letter keyboard
    /// when words are typed, its number keypad when digits are (else none).
    pub fn keyboard(&self, width: u16) -> Vec<Row> {
        match &self.typing {
            Some(t) if t.keypad => self.keypad_rows(None, true, width),
            Some(Typing {
                keyboard: Some(layer),
                ..
            }) => keyboard_rows(self.i18n, self.lang, *layer, width),
            _ => Vec::new(),
        }
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
        // On a `type` step the keypad that types is at the bottom of the phone instead.
        if self.typing.as_ref().is_some_and(|t| t.keypad) {
            return Vec::new();
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
        let typing = self.typing.as_ref().is_some_and(|t| t.keypad);
        let cell = width / 3;
        super::keypad_keys(self.i18n, self.lang)
            .into_iter()
            .map(|row| {
                let keys = row
                    .into_iter()
                    .map(|(label, key)| DrawnKey {
                        label,
                        style: theme::phone_button(),
                        width: cell,
                        target: (whole.is_none() && typing).then_some(Target::Keypad(key)),
                    })
                    .collect();
                key_row(keys, 0, theme::phone()).target(whole).visible(keep)
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

/// One key as drawn: its label, its look, its width in cells (a one-cell gap at its end
/// included) and what a touch on it does.
struct DrawnKey {
    label: String,
    style: Style,
    width: u16,
    target: Option<Target>,
}

/// A row of keys from column `left`, on a row of the `panel`'s colour. A label is centred
/// in its key; one too wide for its key is left out, never drawn where a touch would reach
/// another key.
fn key_row(keys: Vec<DrawnKey>, left: u16, panel: Style) -> Row {
    let mut spans = vec![Span::styled(" ".repeat(usize::from(left)), panel)];
    let mut hits = Vec::new();
    let mut x = left;
    for key in keys {
        let inner = usize::from(key.width.saturating_sub(1));
        let label = if key.label.width() <= inner {
            key.label.as_str()
        } else {
            ""
        };
        spans.push(Span::styled(centered(label, inner), key.style));
        spans.push(Span::styled(" ", panel));
        if let Some(target) = key.target {
            hits.push((x, key.width, target));
        }
        x += key.width;
    }
    let mut row = Row::new(Line::from(spans)).fill(panel);
    row.hits.extend(hits);
    row
}

/// The letter keyboard, `width` cells wide, as on a phone: three rows of character keys
/// (ten to a row, two or three cells each, centred; Shift wider), then Switch, a wide
/// Space, Delete and OK across the whole width. One panel of the buttons' colour with
/// the letters on it; the keys that do something else are light (Shift lit while on).
pub fn keyboard_rows(i18n: &Localizer, lang: Lang, layer: KeyboardLayer, width: u16) -> Vec<Row> {
    let label = |key: KeyboardKey| key_label(i18n, lang, layer, key);
    let style = |key: KeyboardKey| match key {
        KeyboardKey::Char(_) => theme::phone_button(),
        KeyboardKey::Shift if layer == KeyboardLayer::Capitals => theme::focus(),
        _ => theme::phone().add_modifier(Modifier::BOLD),
    };
    let drawn = |key: KeyboardKey, width: u16| DrawnKey {
        label: label(key),
        style: style(key),
        width,
        target: Some(Target::Keyboard(key)),
    };
    let panel = theme::phone_button();
    let rows = keyboard::rows(layer);
    let (last, chars) = rows.split_last().expect("the keyboard has rows");
    let cell = (width / 10).clamp(2, 3);
    let mut out = Vec::new();
    for row in chars {
        let keys: Vec<DrawnKey> = row
            .iter()
            .map(|&k| match k {
                KeyboardKey::Char(_) => drawn(k, cell),
                _ => drawn(k, cell * 2),
            })
            .collect();
        let used: u16 = keys.iter().map(|k| k.width).sum();
        out.push(key_row(keys, width.saturating_sub(used) / 2, panel));
    }
    // The last row: each key its label's width and a cell either side (one, if the row is
    // short of room), the Space bar what is left (at least a key's width).
    let fixed = |pad: u16| -> u16 {
        last.iter()
            .filter(|&&k| k != KeyboardKey::Space)
            .map(|&k| label(k).width() as u16 + pad)
            .sum()
    };
    let pad = if fixed(2) + cell * 2 <= width { 2 } else { 1 };
    let keys = last
        .iter()
        .map(|&k| match k {
            KeyboardKey::Space => drawn(k, width.saturating_sub(fixed(pad)).max(cell * 2)),
            _ => drawn(k, label(k).width() as u16 + pad),
        })
        .collect();
    out.push(key_row(keys, 0, panel));
    out
}

/// What a key of the letter keyboard shows while it shows `layer`.
fn key_label(i18n: &Localizer, lang: Lang, layer: KeyboardLayer, key: KeyboardKey) -> String {
    let t = |id: &str| i18n.text(lang, id);
    match key {
        KeyboardKey::Char(c) => layer.typed(c).to_string(),
        KeyboardKey::Shift => t("keyboard-shift"),
        KeyboardKey::Switch if layer == KeyboardLayer::Symbols => t("keyboard-letters"),
        KeyboardKey::Switch => t("keyboard-symbols"),
        KeyboardKey::Space => t("keyboard-space"),
        KeyboardKey::Delete => t("keypad-delete"),
        KeyboardKey::Ok => t("keypad-ok"),
    }
}

fn status_bar(width: u16) -> Row {
    let right = "▂▄▆ 4G ▮";
    let pad = usize::from(width).saturating_sub(5 + right.width());
    Row::text(
        format!(" 9:41{}{right}", " ".repeat(pad)),
        theme::phone_dim(),
    )
    .fill(theme::phone())
    .spare()
}

/// Draws the phone: its frame, its screen's `rows` (scrolled to keep the marked ones in
/// view; then as `scroll` says where nothing on it takes the focus) and, pinned at the bottom,
/// the `keys` of its keyboard or keypad.
pub fn draw_phone(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    keys: &[Row],
    scroll: Option<ViewScroll>,
    hits: &mut HitMap,
) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme::phone_frame());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.buffer_mut().set_style(inner, theme::phone());
    let keys_height = (keys.len() as u16).min(inner.height);
    let [screen, keyboard] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(keys_height)]).areas(inner);
    // Short of room above the keys, the status bar, the rule under the title and the notes
    // below the field give way.
    let kept: Vec<Row>;
    let rows = if rows.len() > usize::from(screen.height) && !keys.is_empty() {
        kept = rows.iter().filter(|r| !r.spare).cloned().collect();
        &kept
    } else {
        rows
    };
    match scroll {
        Some(scroll) => draw_scrolled_by(frame, screen, rows, hits, scroll, true),
        None => draw_scrolled(frame, screen, rows, hits),
    }
    draw_rows(frame, keyboard, keys, hits);
}

/// The phone's height for `rows` of screen and `keys` of keyboard (a blank row between
/// them), frame included.
pub fn phone_height(rows: &[Row], keys: &[Row]) -> u16 {
    let gap = usize::from(!keys.is_empty());
    (rows.len() + gap + keys.len() + 2) as u16
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::typing::keyboard::rows as key_rows;

    /// At every width a phone or a screen may give it, each key of the keyboard shows its
    /// own label (or none, if it cannot fit), inside the area a touch on it reaches, and
    /// no two keys' areas meet.
    #[test]
    fn every_key_is_drawn_where_its_touch_lands() {
        let i18n = Localizer::embedded();
        for lang in [Lang::Vi, Lang::En] {
            for layer in [
                KeyboardLayer::Letters,
                KeyboardLayer::Capitals,
                KeyboardLayer::Symbols,
            ] {
                for width in 20..=40 {
                    let rows = keyboard_rows(&i18n, lang, layer, width);
                    // Every key fits the width as laid out (drawing would clip, not fail).
                    for row in &rows {
                        for &(x, w, target) in &row.hits {
                            assert!(x + w <= width, "{lang:?} {layer:?} at {width}: {target:?}");
                        }
                    }
                    let mut terminal = Terminal::new(TestBackend::new(width, 4)).unwrap();
                    let mut hits = HitMap::default();
                    terminal
                        .draw(|frame| {
                            draw_rows(frame, frame.area(), &rows, &mut hits);
                        })
                        .unwrap();
                    let buffer = terminal.backend().buffer();
                    let regions = hits.regions();
                    let keys: usize = key_rows(layer).iter().map(Vec::len).sum();
                    assert_eq!(regions.len(), keys, "{lang:?} {layer:?} at {width}");
                    for (i, (rect, target)) in regions.iter().enumerate() {
                        assert!(rect.right() <= width, "{target:?} at {width}");
                        for (other, _) in &regions[i + 1..] {
                            assert!(rect.intersection(*other).is_empty(), "{target:?}");
                        }
                        let shown: String = (rect.x..rect.right())
                            .map(|x| buffer[(x, rect.y)].symbol())
                            .collect();
                        let Target::Keyboard(key) = *target else {
                            panic!("{target:?}");
                        };
                        let label = key_label(&i18n, lang, layer, key);
                        let shown = shown.trim();
                        assert!(
                            shown == label || (shown.is_empty() && key == KeyboardKey::Space),
                            "{lang:?} {layer:?} at {width}: {key:?} shows `{shown}`"
                        );
                    }
                }
            }
        }
    }
}
