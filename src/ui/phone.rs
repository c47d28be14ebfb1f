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
use crate::app::{KeyboardLayer, KeypadKey, Target, ViewScroll};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Element, ElementKind, LocalText, Screen};
use crate::typing::keyboard::{self, KeyboardKey};

/// Where a touch on a row lands: first column, width, target.
type Hit = (u16, u16, Target);

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
    /// How much room the phone's targets take.
    pub density: Density,
}

/// How much room the phone's elements take, as the screen allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// Every target at least two rows tall, a blank row around each.
    Tall,
    /// Targets one row tall, a blank row between two neighbours.
    Compact,
    /// As compact, the app's title on one line and a typed field's label left out.
    Tight,
}

pub struct Typing<'a> {
    pub field: Option<&'a str>,
    pub input: &'a str,
    pub keypad: bool,
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

    /// The phone's rows for an inner width of `width`: each element a target of its own,
    /// parted from the next by a blank row (or the dialog's frame, or the rule under a
    /// message) so a touch between two lands on nothing.
    pub fn rows(&self, width: u16) -> Vec<Row> {
        let w = usize::from(width);
        let mut rows = vec![status_bar(width)];
        if let Some(title) = &self.screen.title {
            let title = self.text(title);
            let lines = if self.density == Density::Tight {
                vec![super::shorten(&title, w)]
            } else {
                wrap(&title, w)
            };
            for line in lines {
                rows.push(Row::text(line, theme::phone().add_modifier(Modifier::BOLD)));
            }
            rows.push(Row::text("─".repeat(w), theme::phone_dim()).spare());
        }
        let mut index = 0;
        let elements = &self.screen.elements;
        let mut i = 0;
        // Notes below the field a `type` step types into may give way to its keys.
        let mut below_field = false;
        // Whether the last row so far is part of a target, and whether an element is drawn.
        let mut last_target = false;
        let mut any = false;
        while i < elements.len() {
            let e = &elements[i];
            let mut taken = 1;
            let mut group = if below_field && e.kind == ElementKind::Text {
                self.element(e, &mut index, width)
                    .into_iter()
                    .map(Row::spare)
                    .collect()
            } else {
                below_field |= e.kind == ElementKind::Field
                    && self.typing.as_ref().is_some_and(|t| match t.field {
                        Some(id) => e.id.as_deref() == Some(id),
                        None => true,
                    });
                match e.kind {
                    ElementKind::App => {
                        let apps: Vec<&Element> = elements[i..]
                            .iter()
                            .take_while(|e| e.kind == ElementKind::App)
                            .collect();
                        taken = apps.len();
                        self.app_grid(&apps, &mut index, width)
                    }
                    ElementKind::Keypad => self.keypad(e, &mut index, width),
                    ElementKind::Dialog => self.dialog(e, &mut index, width),
                    ElementKind::Sms => self.sms(e, &mut index, width),
                    _ => self.element(e, &mut index, width),
                }
            };
            i += taken;
            if group.is_empty() {
                continue;
            }
            // Tight on a `type` step: the app's title and the field typed in, the rest
            // only if there is room.
            let typed_field = e.kind == ElementKind::Field
                && self.typing.as_ref().is_some_and(|t| match t.field {
                    Some(id) => e.id.as_deref() == Some(id),
                    None => true,
                });
            if self.density == Density::Tight && self.typing.is_some() && !typed_field {
                group = group.into_iter().map(Row::spare).collect();
            }
            // Parts and padding only where the phone answers touches.
            if !self.tappable {
                rows.extend(group);
                continue;
            }
            // A target is at least two rows tall where the phone has room.
            let target = e.kind.is_tappable() && e.kind != ElementKind::App;
            if target && self.density == Density::Tall && group.len() < 2 {
                let last = group.last().cloned().unwrap_or_default();
                let mut pad = Row::new(Line::from(
                    last.line
                        .spans
                        .iter()
                        .map(|s| Span::styled(" ".repeat(s.content.width()), s.style))
                        .collect::<Vec<_>>(),
                ));
                pad.hits = last.hits.clone();
                pad.fill = last.fill;
                pad.keep_visible = last.keep_visible;
                group.push(pad);
            }
            let first_target = e.kind.is_tappable();
            let gap = if self.density == Density::Tall {
                last_target || (first_target && any)
            } else {
                last_target && first_target
            };
            any = true;
            if gap {
                rows.push(Row::blank().fill(theme::phone()));
            }
            last_target = match e.kind {
                // Its rule, its frame: already a gap.
                ElementKind::Sms | ElementKind::Dialog => false,
                kind => kind.is_tappable(),
            };
            rows.extend(group);
        }
        rows
    }

    /// The number keypad a `type` step of digits types on, at the bottom of the phone, in
    /// keys of `size` (else none: the letter keyboard is drawn under the phone, as wide as
    /// the screen).
    pub fn typing_keypad(&self, width: u16, size: KeySize) -> Vec<Row> {
        match &self.typing {
            Some(t) if t.keypad => self.keypad_rows(None, true, width, size),
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

    /// App icons as tiles, two to a row where their names fit, two columns and a row
    /// apart; where there is room, the icon on one row and the name under it.
    fn app_grid(&self, apps: &[&Element], index: &mut usize, width: u16) -> Vec<Row> {
        const GAP: u16 = 2;
        let tall = self.density == Density::Tall;
        let half = width.saturating_sub(GAP) / 2;
        // The mark's column, then the name (after the icon, on one row).
        let room = usize::from(half.saturating_sub(if tall { 2 } else { 3 }));
        let fits_two = apps.iter().all(|a| self.opt_text(&a.label).width() <= room);
        let per_row: usize = if fits_two { 2 } else { 1 };
        let tile = if fits_two { half } else { width };
        let mut rows = Vec::new();
        for (n, chunk) in apps.chunks(per_row).enumerate() {
            if n > 0 {
                rows.push(Row::blank().fill(theme::phone()));
            }
            let lines = if tall { 2 } else { 1 };
            let mut lines: Vec<(Vec<Span<'static>>, Vec<Hit>)> =
                vec![(Vec::new(), Vec::new()); lines];
            let mut keep = false;
            for (k, app) in chunk.iter().enumerate() {
                let i = *index;
                *index += 1;
                let (style, mark, marked) = self.look(i, app.id.as_deref(), theme::phone_button());
                keep |= marked;
                let label = self.opt_text(&app.label);
                let x = k as u16 * (tile + GAP);
                let inner = usize::from(tile.saturating_sub(1));
                let texts = if tall {
                    vec![centered("◼", inner), centered(&label, inner)]
                } else {
                    vec![format!(
                        "◼ {label}{}",
                        " ".repeat(inner.saturating_sub(label.width() + 2))
                    )]
                };
                for (n, (line, text)) in lines.iter_mut().zip(texts).enumerate() {
                    if k > 0 {
                        line.0
                            .push(Span::styled(" ".repeat(usize::from(GAP)), theme::phone()));
                    }
                    let mark = if n == 0 { mark } else { " " };
                    line.0.push(Span::styled(mark.to_owned(), style));
                    line.0.push(Span::styled(text, style));
                    if let Some(t) = self.target(i) {
                        line.1.push((x, tile, t));
                    }
                }
            }
            for (spans, hits) in lines {
                let mut row = Row::new(Line::from(spans))
                    .visible(keep)
                    .fill(theme::phone());
                row.hits = hits;
                rows.push(row);
            }
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
                // As wide as the phone (its first column for the mark), as on a phone.
                let (style, mark, keep) = self.look(i, e.id.as_deref(), theme::phone_button());
                let inner = w.saturating_sub(2);
                for line in wrap(&label, inner.saturating_sub(2)) {
                    let line = Line::from(vec![
                        Span::styled(mark.to_owned(), theme::phone()),
                        Span::styled(centered(&line, inner), style),
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
                let typed = self.typing.as_ref().filter(|t| match t.field {
                    Some(id) => e.id.as_deref() == Some(id),
                    None => true,
                });
                for line in wrap(&label, w.saturating_sub(1)) {
                    let row = Row::text(format!(" {line}"), theme::phone_dim())
                        .target(self.target(i))
                        .fill(theme::phone());
                    // Short of room, the field being typed in goes without its label.
                    rows.push(if typed.is_some() && self.density == Density::Tight {
                        row.spare()
                    } else {
                        row
                    });
                }
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
        let size = if self.density == Density::Tall {
            KeySize::ALL[1]
        } else {
            KeySize::ALL[2]
        };
        let mut rows = self.keypad_rows(target, keep, width, size);
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
    fn keypad_rows(
        &self,
        whole: Option<Target>,
        keep: bool,
        width: u16,
        size: KeySize,
    ) -> Vec<Row> {
        let typing = self.typing.as_ref().is_some_and(|t| t.keypad);
        number_keypad(
            self.i18n,
            self.lang,
            width,
            size,
            theme::phone_button(),
            theme::phone(),
            |key| (whole.is_none() && typing).then_some(Target::Keypad(key)),
        )
        .into_iter()
        .map(|row| row.target(whole).visible(keep))
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
            // A button at least six letters wide, two cells apart from the next.
            let label = self.text(&b.label);
            let text = format!("{mark}{} ", centered(&label, label.width().max(6)));
            let tw = text.width();
            if used > 0 && used + tw + 2 > inner {
                button_rows.push((
                    std::mem::take(&mut line_spans),
                    std::mem::take(&mut hits),
                    keep,
                ));
                used = 0;
                keep = false;
            }
            if used > 0 {
                line_spans.push(Span::styled("  ", theme::phone()));
                used += 2;
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
        let lines = if self.density == Density::Tall { 2 } else { 1 };
        for (n, (spans, hits, keep)) in button_rows.into_iter().enumerate() {
            if n > 0 {
                rows.push(framed(String::new(), theme::phone()));
            }
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
            let hits: Vec<_> = hits
                .into_iter()
                .map(|(x, w, t)| (x + shift, w, t))
                .collect();
            for line in 0..lines {
                let spans = if line == 0 {
                    all.clone()
                } else {
                    // The button's second row: its colour, no words.
                    all.iter()
                        .map(|s| match s.content.as_ref() {
                            "│ " | " │" => s.clone(),
                            c => Span::styled(" ".repeat(c.width()), s.style),
                        })
                        .collect()
                };
                let mut row = Row::new(Line::from(spans)).visible(keep);
                row.hits = hits.clone();
                rows.push(row);
            }
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

/// How big keys are drawn: rows per key, and whether a blank row parts one row of keys
/// from the next (so a touch between two rows lands on nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySize {
    pub height: u16,
    pub gaps: bool,
}

impl KeySize {
    /// Largest first: two rows a key, then one; the blank rows between them go last.
    pub const ALL: [KeySize; 3] = [
        KeySize {
            height: 2,
            gaps: true,
        },
        KeySize {
            height: 1,
            gaps: true,
        },
        KeySize {
            height: 1,
            gaps: false,
        },
    ];

    /// The rows `key_rows` rows of keys take.
    pub fn rows(self, key_rows: u16) -> u16 {
        key_rows * self.height
            + if self.gaps {
                key_rows.saturating_sub(1)
            } else {
                0
            }
    }

    /// The largest size whose `key_rows` rows fit `room` rows.
    pub fn fitting(room: u16, key_rows: u16) -> KeySize {
        Self::ALL
            .into_iter()
            .find(|size| size.rows(key_rows) <= room)
            .unwrap_or(Self::ALL[2])
    }
}

/// One key as drawn: its label, its look, how many half keys wide it is, and what a
/// touch on it does.
struct Cap {
    label: String,
    style: Style,
    halves: u16,
    target: Option<Target>,
}

/// The rows of a grid of keys `units` keys across, `width` cells wide: every key of one
/// unit is as wide as the width allows with a one-cell gap after it (wider keys span
/// gaps too), its label centred; each row of keys is centred, `size.height` rows tall,
/// and parted from the next by a blank row when `size.gaps`. A label too wide for its
/// key is left out, never drawn where a touch would reach another key. The rows are on
/// the `panel`'s colour.
fn key_grid(rows: Vec<Vec<Cap>>, units: u16, width: u16, size: KeySize, panel: Style) -> Vec<Row> {
    // A key of one unit is `k` cells; `edge(h)` is where the key starting h half keys in
    // starts, so every one-unit key is exactly `k` cells wherever it sits.
    let k = ((width + 1) / units).saturating_sub(1).max(1);
    let edge = |h: u16| h * (k + 1) / 2;
    let left = width.saturating_sub(units * (k + 1) - 1) / 2;
    let mut out = Vec::new();
    let count = rows.len();
    for (r, row) in rows.into_iter().enumerate() {
        let halves: u16 = row.iter().map(|c| c.halves).sum();
        let mut h = (units * 2).saturating_sub(halves) / 2;
        let mut placed = Vec::new();
        for cap in row {
            let start = left + edge(h);
            let end = (left + edge(h + cap.halves))
                .saturating_sub(1)
                .max(start + 1);
            h += cap.halves;
            placed.push((start, end.min(width).saturating_sub(start), cap));
        }
        for line in 0..size.height {
            let mut spans = Vec::new();
            let mut hits = Vec::new();
            let mut x = 0;
            for (start, w, cap) in &placed {
                if *w == 0 {
                    continue;
                }
                spans.push(Span::styled(" ".repeat(usize::from(start - x)), panel));
                let label = if line == 0 && cap.label.width() <= usize::from(*w) {
                    cap.label.as_str()
                } else {
                    ""
                };
                spans.push(Span::styled(centered(label, usize::from(*w)), cap.style));
                if let Some(target) = cap.target {
                    hits.push((*start, *w, target));
                }
                x = start + w;
            }
            let mut row = Row::new(Line::from(spans)).fill(panel);
            row.hits = hits;
            out.push(row);
        }
        if size.gaps && r + 1 < count {
            out.push(Row::blank().fill(panel));
        }
    }
    out
}

/// A number keypad `width` cells wide (1–9, then Delete, 0, OK), its keys in `key`'s
/// look on the `panel`, each touching what `target` says.
pub fn number_keypad(
    i18n: &Localizer,
    lang: Lang,
    width: u16,
    size: KeySize,
    key: Style,
    panel: Style,
    target: impl Fn(KeypadKey) -> Option<Target>,
) -> Vec<Row> {
    let rows = super::keypad_keys(i18n, lang)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|(label, k)| Cap {
                    label,
                    style: key,
                    halves: 2,
                    target: target(k),
                })
                .collect()
        })
        .collect();
    key_grid(rows, 3, width, size, panel)
}

/// The width of a keyboard's ten keys at their smallest that are still touched with a
/// finger: three cells each, a gap between.
pub const KEYBOARD_MIN_WIDTH: u16 = 39;

/// The letter keyboard, `width` cells wide, as on a phone: three rows of character keys
/// (ten to a row; the second half a key in; Shift and Delete either side of the third),
/// then Switch, a wide Space and OK. Letters are the buttons' colour on the phone's; the
/// keys that do something else are grey (Shift lit while on).
pub fn keyboard_rows(
    i18n: &Localizer,
    lang: Lang,
    layer: KeyboardLayer,
    width: u16,
    size: KeySize,
) -> Vec<Row> {
    let rows = keyboard::rows(layer)
        .into_iter()
        .map(|row| {
            let chars = row
                .iter()
                .filter(|k| matches!(k, KeyboardKey::Char(_)))
                .count() as u16;
            let shift = row.contains(&KeyboardKey::Shift);
            row.iter()
                .map(|&key| Cap {
                    label: key_label(i18n, lang, layer, key),
                    style: match key {
                        KeyboardKey::Char(_) => theme::phone_button(),
                        KeyboardKey::Shift if layer == KeyboardLayer::Capitals => theme::focus(),
                        _ => function_key(),
                    },
                    halves: match key {
                        KeyboardKey::Char(_) => 2,
                        KeyboardKey::Shift => 3,
                        // Delete ends the third row: the rest of its ten keys' width.
                        KeyboardKey::Delete => 20u16
                            .saturating_sub(chars * 2 + if shift { 3 } else { 0 })
                            .clamp(2, 5),
                        KeyboardKey::Space => 10,
                        KeyboardKey::Switch | KeyboardKey::Ok => 5,
                    },
                    target: Some(Target::Keyboard(key)),
                })
                .collect()
        })
        .collect();
    key_grid(rows, 10, width, size, theme::phone())
}

/// The look of the keyboard's keys that do not type a letter.
fn function_key() -> Style {
    Style::new()
        .fg(theme::PHONE_FG.color())
        .bg(theme::PHONE_FRAME.color())
        .add_modifier(Modifier::BOLD)
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

/// Draws the phone: its frame, its screen's `rows` (short of room, without its spare
/// rows; scrolled to keep the marked ones in view; then as `scroll` says where nothing on
/// it takes the focus) and, pinned at the bottom, the `keys` of its keypad.
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
    let kept: Vec<Row>;
    let rows = if rows.len() > usize::from(screen.height) {
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

/// The phone's height for `rows` of screen and `keys` of keypad (a blank row between
/// them), frame included.
pub fn phone_height(rows: &[Row], keys: &[Row]) -> u16 {
    let gap = usize::from(!keys.is_empty());
    (rows.len() + gap + keys.len() + 2) as u16
}

/// The least height the phone needs to show all of `rows` but the spare ones, and `keys`.
pub fn phone_least_height(rows: &[Row], keys: &[Row]) -> u16 {
    (rows.iter().filter(|r| !r.spare).count() + keys.len() + 2) as u16
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use super::*;
    use crate::typing::keyboard::rows as key_rows;

    /// At every width a screen may give it, each key of the keyboard shows its own label
    /// centred in the area a touch on it reaches, at least three cells wide, and no two
    /// keys' areas touch: a cell apart side by side, a row apart one above the other.
    #[test]
    fn every_key_is_drawn_where_its_touch_lands() {
        let i18n = Localizer::embedded();
        for lang in [Lang::Vi, Lang::En] {
            for layer in [
                KeyboardLayer::Letters,
                KeyboardLayer::Capitals,
                KeyboardLayer::Symbols,
            ] {
                for width in KEYBOARD_MIN_WIDTH..=90 {
                    let size = KeySize::ALL[1];
                    let rows = keyboard_rows(&i18n, lang, layer, width, size);
                    let mut terminal = Terminal::new(TestBackend::new(width, 7)).unwrap();
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
                        let place = format!("{lang:?} {layer:?} at {width}: {target:?}");
                        assert!(rect.right() <= width && rect.width >= 3, "{place} {rect:?}");
                        for (other, _) in &regions[i + 1..] {
                            let apart = rect.outer(ratatui::layout::Margin::new(1, 1));
                            assert!(apart.intersection(*other).is_empty(), "{place}");
                        }
                        let shown: String = (rect.x..rect.right())
                            .map(|x| buffer[(x, rect.y)].symbol())
                            .collect();
                        let Target::Keyboard(key) = *target else {
                            panic!("{target:?}");
                        };
                        let label = key_label(&i18n, lang, layer, key);
                        // Vietnamese labels always fit; a longer English one may be left out.
                        if lang == Lang::Vi || label.width() <= usize::from(rect.width) {
                            assert_eq!(shown.trim(), label, "{place}");
                        } else {
                            assert_eq!(shown.trim(), "", "{place}");
                        }
                        // Centred: as many cells either side, give or take one.
                        let before = shown.len() - shown.trim_start().len();
                        let after = shown.len() - shown.trim_end().len();
                        assert!(before.abs_diff(after) <= 1, "{place}: `{shown}`");
                    }
                }
            }
        }
    }
}
