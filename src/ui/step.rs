//! One step on screen: the instruction in large text, what to answer, the feedback, and
//! the picture (the pretend phone, or a QR code) beside, below, or one key away.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

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
        let column = TextColumn {
            step,
            state: &run.state,
            lang: model.lang,
            i18n,
            width: text.width,
            first: run.pos == 0,
            marks: model.step_words(),
            fit: Fit::Roomy,
            told_elsewhere: model.told_on_a_page(),
        };
        draw_text(frame, text, &column, hits);
    }
    // The pretend phone's bottom edge may take the blank row above the key bar: an edge
    // is not a target, so that row still parts the bar from the phone's targets.
    let picture = picture.map(|p| {
        let gap = crate::app::layout::bar_rows(frame.area().height).0 > 0;
        let phone = !matches!(step.task, Task::Scan { .. });
        if phone && gap && !keyboard && model.guided.is_none() && p.bottom() == area.bottom() {
            Rect::new(p.x, p.y, p.width, p.height + 1)
        } else {
            p
        }
    });
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
        focus: if tappable { state.focus } else { None },
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

/// For a step with nothing focused (nothing to focus, or no key has moved the focus yet),
/// how ▲ and ▼ have moved its text and its phone's screen; None where they move the focus
/// instead. A touch on ▲ or ▼ never lights an answer.
fn free_scroll(step: &Step, state: &StepState) -> Option<(ViewScroll, ViewScroll)> {
    (StepState::focusable(step) == 0 || state.focus.is_none() || state.leaving)
        .then_some((state.scroll_text, state.scroll_picture))
}

/// What the text column is drawn from.
#[derive(Clone)]
struct TextColumn<'a> {
    step: &'a Step,
    state: &'a StepState,
    lang: Lang,
    i18n: &'a Localizer,
    width: u16,
    /// The run's first step: going back leaves the lesson.
    first: bool,
    /// The glossary words in the step's text.
    marks: Vec<crate::lesson::Mark>,
    /// How tightly the answers are packed.
    fit: Fit,
    /// What a wrong answer is told comes on a page over the step, not in the column:
    /// only a right answer's words have a place kept here.
    told_elsewhere: bool,
}

/// How tightly the text column packs a step, as the room there is demands. The blank
/// row between two targets always stays: only rows no touch needs give way.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// Blank rows round everything.
    Roomy,
    /// No blank row kept round an empty feedback place; an order step's list without the
    /// pool's label, its "Kiểm tra" beside the call for a volunteer.
    Compact,
    /// As compact, and the answers right under the question: no blank row there, and an
    /// order step without its line of how (what she is told still comes there). The
    /// kiosk's 58×14 at its large font.
    Tight,
}

/// Draws the text column: targets two rows tall when everything fits so, else one row
/// (always with a blank row between neighbours). When even that does not fit, the
/// instruction stays at the top (its first line at least) and the rest scrolls under it.
/// The text column's parts: the instruction and answers (which scroll), what the learner
/// was told and the rows kept for it, and the buttons at the foot.
#[derive(Default)]
struct Column {
    rows: Vec<Row>,
    told: Vec<Row>,
    /// Rows kept for the longest feedback the step can give.
    reserve: usize,
    foot: Vec<Row>,
}

fn draw_text(frame: &mut Frame, area: Rect, column: &TextColumn, hits: &mut HitMap) {
    let height = usize::from(area.height);
    let mut parts = column.rows(true);
    // Two-row answers only where they fit beside the longest feedback too: the layout
    // must not change when the feedback comes.
    if parts.rows.len() + parts.foot.len() + parts.reserve > height {
        parts = column.rows(false);
    }
    // One-row answers that still do not fit with a blank row above the feedback's place:
    // packed closer, as little as will fit. (Decided on rows whose count no feedback
    // changes: the tight column is the last resort.)
    let mut column = column.clone();
    let fits = |parts: &Column, fit: Fit| {
        let blank = fit == Fit::Roomy && parts.reserve > 0;
        parts.rows.len() + parts.foot.len() + usize::from(blank) <= height
    };
    if !column.state.leaving {
        for fit in [Fit::Compact, Fit::Tight] {
            if fits(&parts, column.fit) {
                break;
            }
            column.fit = fit;
            parts = column.rows(false);
        }
    }
    let column = &column;
    let compact = column.fit > Fit::Roomy;
    let Column {
        mut rows,
        told,
        reserve,
        mut foot,
    } = parts;
    // An order step's "Kiểm tra" joins the buttons at the foot: it must not scroll away
    // once everything is placed.
    let check = |r: &Row| r.hits.iter().any(|(_, _, t)| *t == Target::OrderCheck);
    if let Some(first) = rows.iter().position(check) {
        let last = rows.iter().rposition(check).unwrap_or(first);
        let button: Vec<Row> = rows.drain(first..=last).collect();
        foot.splice(0..0, std::iter::once(Row::blank()).chain(button));
    }
    // What she was told sits above the buttons, in rows kept for it from the start (as
    // many as the longest feedback takes, up to a third of the column; more only while a
    // longer one shows): the question and the answers above never move when it comes.
    let mut block = Vec::new();
    if reserve > 0 || !told.is_empty() {
        // Rows kept only where the question and its answers still fit beside them.
        let room = height.saturating_sub(rows.len() + foot.len() + 1);
        let kept = reserve.min(height / 3).min(room).max(told.len());
        // Compact, an empty place kept for nothing needs no blank row: the foot's own
        // blank row is the gap above its button.
        if kept > 0 || !compact {
            block.push(Row::blank());
        }
        block.extend(told.iter().cloned().map(|r| r.visible(true)));
        block.extend((told.len()..kept).map(|_| Row::blank()));
        // Short of room, the blank rows round the words give way first: words are not
        // a target, so the answers above and the button below keep a gap without them.
        let tight =
            |block: &Vec<Row>, foot: &Vec<Row>| rows.len() + block.len() + foot.len() > height;
        if tight(&block, &foot) && !told.is_empty() {
            block.remove(0);
        }
        let foot_blank = foot
            .first()
            .is_some_and(|r| r.hits.is_empty() && r.line.width() == 0);
        if tight(&block, &foot) && !told.is_empty() && foot_blank {
            foot.remove(0);
        }
    }
    // The feedback and the buttons at the foot, when the column has room for them and a
    // few rows more; the rest above them.
    let area = if block.len() + foot.len() + 3 <= height {
        block.extend(foot);
        let h = block.len() as u16;
        let at = Rect::new(area.x, area.bottom() - h, area.width, h);
        draw_rows(frame, at, &block, hits);
        Rect::new(area.x, area.y, area.width, area.height - h)
    } else {
        // A very small screen: everything in one column that scrolls to the feedback.
        if !told.is_empty() {
            rows.push(Row::blank());
            rows.extend(told.into_iter().map(|r| r.visible(true)));
        }
        rows.extend(foot);
        area
    };
    let height = usize::from(area.height);
    // The instruction stays (up to a third of the column; its first line always).
    // (A question's, that is: an explanation is read through, and scrolls whole.)
    let head = if column.state.leaving || !column.step.is_practice() {
        0
    } else {
        wrapped(
            &column.local(&column.step.text),
            area.width,
            theme::base(),
            "",
        )
        .len()
        .min(height / 3)
        .max(1) as u16
    };
    let (rows, area) = if rows.len() > height && area.height >= 4 && head > 0 {
        draw_rows(
            frame,
            Rect::new(area.x, area.y, area.width, head),
            &rows[..usize::from(head)],
            hits,
        );
        let rest = Rect::new(area.x, area.y + head, area.width, area.height - head);
        (&rows[usize::from(head)..], rest)
    } else {
        (&rows[..], area)
    };
    match free_scroll(column.step, column.state) {
        Some((shift, _)) => draw_scrolled_by(frame, area, rows, hits, shift, false),
        None => draw_scrolled(frame, area, rows, hits),
    }
}

/// What a wrong answer was told, on a page of its own over the step (a short screen):
/// the same words the column would show, large, and the way back.
pub fn told_page(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let Some((lesson, step, run)) = model.run() else {
        return;
    };
    let title = ratatui::text::Line::from(ratatui::text::Span::styled(
        format!(" {}", lesson.title.get(model.lang.code())),
        super::title_style(),
    ));
    let body = super::over_screen(frame, area, title, model, i18n);
    let column = TextColumn {
        step,
        state: &run.state,
        lang: model.lang,
        i18n,
        width: body.width,
        first: run.pos == 0,
        marks: Vec::new(),
        fit: Fit::Roomy,
        told_elsewhere: false,
    };
    let mut rows = vec![Row::blank()];
    if let Some(told) = column.told_words() {
        rows.extend(column.told_rows(&told));
        // "Touch the button below to get help": the button is here, below the words.
        if matches!(told, Told::Volunteer) {
            rows.push(Row::blank());
            rows.extend(column.slot_rows(Slot::Volunteer { lit: true }, true));
        }
    }
    let mut drawn = HitMap::default();
    draw_rows(frame, body, &rows, &mut drawn);
    super::words::close_around(hits, area, &drawn, Target::CloseTold);
}

/// An answer or button: its label on a filled block, two rows tall when `tall` (a
/// one-line label gets a filled row below it), every row touching `target`.
fn button(
    label: &str,
    lead: &str,
    width: u16,
    style: Style,
    target: Option<Target>,
    tall: bool,
) -> Vec<Row> {
    let mut rows: Vec<Row> = wrapped(label, width, style, lead)
        .into_iter()
        .map(|row| row.target(target).fill(style))
        .collect();
    if tall && rows.len() == 1 {
        rows.push(Row::blank().target(target).fill(style));
    }
    rows
}

/// An answer not yet touched: a filled block, so it looks like something to touch.
fn answer_style() -> Style {
    theme::bar()
}

/// An answer already tried and wrong: quieter, with a ✗.
fn tried_style() -> Style {
    theme::bar().fg(theme::DIM.color())
}

/// The answer that was right, with a ✓.
fn right_style() -> Style {
    theme::bar()
        .fg(theme::GOOD.color())
        .add_modifier(Modifier::BOLD)
}

/// What the learner was told last: one block.
enum Told<'a> {
    Right(Option<&'a LocalText>),
    Wrong(Option<&'a LocalText>),
    OrderKept(usize),
    Hint(&'a LocalText),
    Volunteer,
}

/// The bottom button of the column.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Continue,
    Volunteer { lit: bool },
    Called,
}

impl TextColumn<'_> {
    fn t(&self, id: &str) -> String {
        self.i18n.text(self.lang, id)
    }

    fn local(&self, text: &LocalText) -> String {
        text.get(self.lang.code()).to_owned()
    }

    /// The column: instruction, what to answer (choices, order), a place kept for the
    /// feedback (so nothing above it moves when it comes), then one big button: "Gọi tình
    /// nguyện viên" while the step is being done, "Tiếp tục" once it is done or has
    /// nothing to do.
    /// The column's rows, and (apart) its buttons at the foot: Tiếp tục and the call for a
    /// volunteer, which stay in view at the bottom while the rest scrolls above them.
    fn rows(&self, tall: bool) -> Column {
        let (step, state, width) = (self.step, self.state, self.width);
        if state.leaving {
            return Column {
                rows: self.leave_rows(tall),
                ..Column::default()
            };
        }
        // Its hard words marked: a touch explains them.
        let mut rows = super::words::marked(
            &self.local(&step.text),
            &self.marks,
            width,
            theme::base().add_modifier(Modifier::BOLD),
        );
        // A marked word on the question's last line is a target: the answers keep a blank
        // row from it, however tight.
        let text_touched = rows.last().is_some_and(|r| !r.hits.is_empty());
        match &step.task {
            Task::Choice { options } => {
                // Shown in this showing's order: place `at` holds option `i` as written.
                for (at, i) in state.shown_options(step).into_iter().enumerate() {
                    let option = &options[i];
                    // Tight, the first answer comes right under the question (no gap
                    // is needed there unless a marked word makes its last line a target).
                    if at > 0 || self.fit < Fit::Tight || text_touched {
                        rows.push(Row::blank());
                    }
                    let focused = state.focus == Some(at) && !state.solved;
                    let (style, mark) = if state.solved && option.correct {
                        (right_style(), "✓")
                    } else if state.highlight && option.correct && !state.solved {
                        (theme::highlight(), "→")
                    } else if focused {
                        (theme::focus(), "▶")
                    } else if state.tried.contains(&i) {
                        (tried_style(), "✗")
                    } else {
                        (answer_style(), " ")
                    };
                    let lead = format!(" {mark} {}  ", at + 1);
                    let target = Some(Target::Choice(at));
                    // What she touched last, and the answer marked for her, stay in view
                    // if the column must scroll.
                    let seen = focused
                        || (!state.solved && state.tried.last() == Some(&i))
                        || (option.correct && (state.solved || state.highlight));
                    rows.extend(
                        button(&self.local(&option.text), &lead, width, style, target, tall)
                            .into_iter()
                            .map(|r| r.visible(seen)),
                    );
                }
            }
            Task::Order { items } => {
                let order = self.order_rows(items, tall);
                if text_touched && order.first().is_some_and(|r| !r.hits.is_empty()) {
                    rows.push(Row::blank());
                }
                rows.extend(order);
            }
            Task::Scan { .. } => {
                rows.push(Row::blank());
                rows.extend(wrapped(&self.t("scan-how"), width, theme::dim(), ""));
            }
            _ => {}
        }
        // The feedback's place, as tall as the longest it can be (an order step keeps it
        // above its list; tight, above its foot too, where the blank row was: words are
        // no target, so they part the list from the buttons).
        let reserve = if matches!(step.task, Task::Order { .. }) && self.fit < Fit::Tight {
            0
        } else {
            self.reserved()
        };
        let told = if reserve > 0 {
            self.told().map(|t| self.told_rows(&t)).unwrap_or_default()
        } else {
            Vec::new()
        };
        let practice = step.is_practice() && !matches!(step.task, Task::Scan { .. });
        let slots: Vec<Slot> = if state.solved || !practice {
            // Explain and scan steps keep the call beside their "Tiếp tục".
            let mut slots = vec![Slot::Continue];
            if !state.solved {
                slots.push(self.volunteer_slot());
            }
            slots
        } else {
            vec![self.volunteer_slot()]
        };
        let mut foot = Vec::new();
        for slot in slots {
            foot.push(Row::blank());
            foot.extend(self.slot_rows(slot, tall));
        }
        // Compact, an order step's "Kiểm tra" goes beside the call for a volunteer, on
        // its row; where the two do not fit side by side, the key bar's "Kiểm tra" (there
        // once every item is placed) is the one.
        if let Task::Order { items } = &step.task
            && let Some(row) = self.check_beside_volunteer(items.len())
        {
            foot = vec![Row::blank(), row];
        }
        Column {
            rows,
            told,
            reserve,
            foot,
        }
    }

    /// Packed closer, an order step's foot as one row: "Kiểm tra" (quiet, with nothing
    /// to touch, until every item is placed; as wide either way) on the left, two dead
    /// columns, then the call for a volunteer to the row's end. None where the column is
    /// roomy, the step done, the volunteer called, or the two do not fit on one row
    /// ("Kiểm tra" then has a row of its own, above).
    fn check_beside_volunteer(&self, items: usize) -> Option<Row> {
        const GAP: usize = 2;
        let state = self.state;
        if self.fit == Fit::Roomy || state.solved || state.called {
            return None;
        }
        let focused = state.focus == Some(items);
        let (label, style, target) = if state.all_placed() {
            let style = if focused {
                theme::focus()
            } else {
                theme::bar_key()
            };
            (self.t("order-check"), style, Some(Target::OrderCheck))
        } else {
            (self.t("order-check-waiting"), tried_style(), None)
        };
        let mark = if focused { " ▶ " } else { "   " };
        let check_width = 3
            + 1
            + [self.t("order-check"), self.t("order-check-waiting")]
                .iter()
                .map(|l| l.width())
                .max()
                .unwrap_or(0);
        let lit = state.needs_volunteer;
        let call = format!(" ⚑ {} ", self.t("step-call-volunteer"));
        let width = usize::from(self.width);
        if check_width + GAP + call.width() > width {
            return None;
        }
        let call_style = if lit {
            theme::highlight()
        } else {
            answer_style()
        };
        let left = format!("{mark}{label}");
        let left = format!("{left}{}", " ".repeat(check_width - left.width()));
        let right = format!(
            "{call}{}",
            " ".repeat(width - check_width - GAP - call.width())
        );
        let mut row = Row::new(Line::from(vec![
            Span::styled(left, style),
            Span::raw(" ".repeat(GAP)),
            Span::styled(right, call_style),
        ]));
        if let Some(t) = target {
            row.hits.push((0, check_width as u16, t));
        }
        row.hits
            .push(((check_width + GAP) as u16, 0, Target::CallVolunteer));
        Some(row.visible(focused))
    }

    fn volunteer_slot(&self) -> Slot {
        if self.state.called {
            Slot::Called
        } else {
            Slot::Volunteer {
                lit: self.state.needs_volunteer,
            }
        }
    }

    /// A bottom button, padded to the height of the tallest of them, so one takes
    /// another's place without moving what is around it.
    fn slot_rows(&self, slot: Slot, tall: bool) -> Vec<Row> {
        let one = |slot: Slot| -> Vec<Row> {
            let width = self.width;
            match slot {
                Slot::Continue => button(
                    &self.t("step-continue"),
                    "   ",
                    width,
                    theme::bar_key(),
                    Some(Target::Continue),
                    tall,
                ),
                Slot::Volunteer { lit } => button(
                    &self.t("step-call-volunteer"),
                    " ⚑ ",
                    width,
                    if lit {
                        theme::highlight()
                    } else {
                        answer_style()
                    },
                    Some(Target::CallVolunteer),
                    tall,
                ),
                Slot::Called => wrapped(
                    &self.t("step-volunteer-called"),
                    width,
                    theme::right(),
                    " ✓ ",
                ),
            }
        };
        let height = [Slot::Continue, Slot::Volunteer { lit: false }, Slot::Called]
            .into_iter()
            .map(|s| one(s).len())
            .max()
            .unwrap_or(0);
        let mut rows = one(slot);
        rows.resize_with(height.max(rows.len()), Row::blank);
        rows
    }

    /// `order`: a line of how (or, once checked, what was wrong: the feedback has its
    /// place here), the numbered list, the items not yet placed, and "Kiểm tra". The
    /// list and the pool together always take as many rows, so "Kiểm tra" and what is
    /// below it never move.
    fn order_rows(&self, items: &[LocalText], tall: bool) -> Vec<Row> {
        let (state, width) = (self.state, self.width);
        let told = if self.fit == Fit::Tight {
            Vec::new()
        } else {
            self.told().map(|t| self.told_rows(&t)).unwrap_or_default()
        };
        let shown = !told.is_empty();
        let mut rows = if shown {
            told.into_iter().map(|r| r.visible(true)).collect()
        } else if self.fit == Fit::Tight {
            // Tight, the question says what to do: the line of how is left out (what
            // she is told still comes here).
            Vec::new()
        } else {
            let how = if state.placed.is_empty() {
                "order-tap-how"
            } else {
                "order-take-back"
            };
            wrapped(&self.t(how), width, theme::dim(), "")
        };
        let reserve = self.reserved().max(
            ["order-tap-how", "order-take-back"]
                .iter()
                .map(|id| wrapped(&self.t(id), width, theme::dim(), "").len())
                .max()
                .unwrap_or(0),
        );
        let pad = if self.fit == Fit::Tight {
            0
        } else {
            reserve.saturating_sub(rows.len())
        };
        rows.extend((0..pad).map(|_| Row::blank().visible(shown)));
        let start = rows.len();
        // Marked after the misses: the item that comes next.
        let next = state.placed.len();
        let mut f = 0;
        let item_rows = |rows: &mut Vec<Row>, item: usize, lead: String, style, target| {
            rows.extend(
                button(&self.local(&items[item]), &lead, width, style, target, tall)
                    .into_iter()
                    .map(|r| r.visible(false)),
            );
        };
        for (position, &item) in state.placed.iter().enumerate() {
            let focused = state.focus == Some(f) && !state.solved;
            f += 1;
            if position > 0 {
                rows.push(Row::blank());
            }
            let (style, mark) = match (state.solved, focused) {
                (true, _) => (right_style(), "✓"),
                (_, true) => (theme::focus(), "▶"),
                _ => (answer_style(), " "),
            };
            let target = (!state.solved).then_some(Target::OrderItem(item));
            item_rows(
                &mut rows,
                item,
                format!(" {mark} {}. ", position + 1),
                style,
                target,
            );
            if focused && let Some(last) = rows.last_mut() {
                last.keep_visible = true;
            }
        }
        // Between the list and the pool (a row no touch acts on).
        let label = if state.all_placed() {
            "order-pool-empty"
        } else {
            "order-pool"
        };
        if self.fit > Fit::Roomy {
            // Numbers and bullets tell the list from the pool; a blank row parts them.
            if !state.placed.is_empty() && !state.all_placed() {
                rows.push(Row::blank());
            }
        } else if !state.solved {
            rows.extend(wrapped(&self.t(label), width, theme::dim(), ""));
        }
        for (k, item) in state.unplaced().enumerate() {
            let focused = state.focus == Some(f) && !state.solved;
            f += 1;
            if k > 0 {
                rows.push(Row::blank());
            }
            let marked = state.highlight && item == next && !state.solved;
            let (style, mark) = match (marked, focused) {
                (true, _) => (theme::highlight(), "→"),
                (_, true) => (theme::focus(), "▶"),
                _ => (answer_style(), " "),
            };
            item_rows(
                &mut rows,
                item,
                format!(" {mark} •  "),
                style,
                Some(Target::OrderItem(item)),
            );
            if focused && let Some(last) = rows.last_mut() {
                last.keep_visible = true;
            }
        }
        // As tall as the list and the pool ever are: every item, a row between each two,
        // the label, and a row before "Kiểm tra".
        let every: usize = items
            .iter()
            .map(|i| button(&self.local(i), " ▶ 1. ", width, theme::base(), None, tall).len())
            .sum();
        let label_rows = wrapped(&self.t("order-pool-empty"), width, theme::dim(), "")
            .len()
            .max(wrapped(&self.t("order-pool"), width, theme::dim(), "").len());
        // Packed closer, no label; and no row before "Kiểm tra" where it is at the foot,
        // beside the call for a volunteer.
        let beside = self.check_beside_volunteer(items.len()).is_some();
        let height = match (self.fit, beside) {
            (Fit::Roomy, _) => every + items.len() + label_rows,
            (_, false) => every + items.len(),
            (_, true) => every + items.len() - 1,
        };
        if rows.len() - start < height {
            rows.resize_with(start + height, Row::blank);
        }
        if beside {
            return rows;
        }
        let focused = state.focus == Some(f) && !state.solved;
        let check = if state.solved {
            Vec::new()
        } else if state.all_placed() {
            let style = if focused {
                theme::focus()
            } else {
                theme::bar_key()
            };
            let mark = if focused { " ▶ " } else { "   " };
            button(
                &self.t("order-check"),
                mark,
                width,
                style,
                Some(Target::OrderCheck),
                tall,
            )
        } else {
            // Not yet: shown, quiet, and nothing to touch.
            button(
                &self.t("order-check-waiting"),
                "   ",
                width,
                tried_style(),
                None,
                tall,
            )
        };
        let check_height = button(
            &self.t("order-check-waiting"),
            "   ",
            width,
            theme::base(),
            None,
            tall,
        )
        .len();
        let mut check: Vec<Row> = check.into_iter().map(|r| r.visible(focused)).collect();
        check.resize_with(check_height, Row::blank);
        rows.extend(check);
        rows
    }

    /// "Go back?": the question and its two big buttons.
    fn leave_rows(&self, tall: bool) -> Vec<Row> {
        let width = self.width;
        let question = if self.first {
            "leave-question-lesson"
        } else {
            "leave-question"
        };
        let mut rows = wrapped(&self.t(question), width, theme::title(), "");
        rows.extend(wrapped(&self.t("leave-detail"), width, theme::base(), ""));
        rows.push(Row::blank());
        rows.extend(button(
            &self.t("leave-no"),
            "   ",
            width,
            theme::bar_key(),
            Some(Target::Stay),
            tall,
        ));
        rows.push(Row::blank());
        rows.extend(button(
            &self.t("leave-yes"),
            "   ",
            width,
            answer_style(),
            Some(Target::Leave),
            tall,
        ));
        rows
    }

    /// The latest thing to tell the learner: the right answer's words; else the call for
    /// a volunteer, which replaces the hint, which replaces the wrong answer's words.
    /// What the column shows of what she was told (a wrong answer's words are on their
    /// own page when [`TextColumn::told_elsewhere`]).
    fn told(&self) -> Option<Told<'_>> {
        self.told_words()
            .filter(|t| !self.told_elsewhere || matches!(t, Told::Right(_)))
    }

    /// What she was told by her last answer, wherever it shows.
    fn told_words(&self) -> Option<Told<'_>> {
        let (step, state) = (self.step, self.state);
        match &state.feedback {
            Some(Feedback::Right(words)) => return Some(Told::Right(words.as_ref())),
            None => return None,
            _ if state.solved => return None,
            _ => {}
        }
        if state.needs_volunteer && !state.called {
            return Some(Told::Volunteer);
        }
        if state.hint
            && let Some(hint) = &step.hint
        {
            return Some(Told::Hint(hint));
        }
        match &state.feedback {
            Some(Feedback::Wrong(words)) => Some(Told::Wrong(words.as_ref())),
            Some(Feedback::OrderKept(kept)) => Some(Told::OrderKept(*kept)),
            _ => None,
        }
    }

    fn told_rows(&self, told: &Told) -> Vec<Row> {
        let width = self.width;
        let mut rows = match told {
            Told::Right(words) => {
                let mut rows = wrapped(&self.t("feedback-right"), width, theme::right(), "✓ ");
                if let Some(words) = words {
                    rows.extend(wrapped(&self.local(words), width, theme::base(), "  "));
                }
                rows
            }
            Told::Wrong(words) => {
                let text = words.map_or_else(|| self.t("feedback-wrong"), |w| self.local(w));
                wrapped(&text, width, theme::wrong(), "✗ ")
            }
            Told::OrderKept(kept) => {
                let text = self.i18n.text_with(
                    self.lang,
                    "order-kept",
                    &[("count", (*kept as i64).into())],
                );
                wrapped(&text, width, theme::wrong(), "✗ ")
            }
            Told::Hint(hint) => wrapped(
                &format!("{} {}", self.t("feedback-hint"), self.local(hint)),
                width,
                theme::title(),
                "",
            ),
            Told::Volunteer => wrapped(
                &self.t("step-volunteer-moment"),
                width,
                theme::title(),
                "⚑ ",
            ),
        };
        // A `type` step's answer, shown after the misses.
        if self.state.highlight
            && !self.state.solved
            && !matches!(told, Told::Right(_))
            && let Task::Type { answer, .. } = &self.step.task
        {
            rows.extend(wrapped(answer, width, theme::highlight(), "→ "));
        }
        rows
    }

    /// Rows kept for the feedback: the most any feedback of this step can take.
    fn reserved(&self) -> usize {
        let step = self.step;
        if !step.is_practice() {
            return 0;
        }
        let mut all: Vec<Told> = vec![Told::Right(step.right_feedback.as_ref())];
        if !self.told_elsewhere {
            all.extend([Told::Wrong(step.wrong_feedback.as_ref()), Told::Volunteer]);
            if let Some(hint) = &step.hint {
                all.push(Told::Hint(hint));
            }
        }
        match &step.task {
            Task::Choice { options } => {
                for option in options {
                    if option.correct {
                        all.push(Told::Right(
                            option.feedback.as_ref().or(step.right_feedback.as_ref()),
                        ));
                    } else if !self.told_elsewhere {
                        all.push(Told::Wrong(
                            option.feedback.as_ref().or(step.wrong_feedback.as_ref()),
                        ));
                    }
                }
            }
            Task::Tap { screen, .. } => {
                let words: Vec<Option<LocalText>> =
                    screen.tappables().map(|t| t.feedback().cloned()).collect();
                return self.longest(all, &words);
            }
            Task::Order { items } => {
                all.extend((0..items.len()).map(Told::OrderKept));
            }
            _ => {}
        }
        self.longest(all, &[])
    }

    /// The most rows any of `all`, or a wrong answer with its own `words`, takes.
    fn longest(&self, all: Vec<Told>, words: &[Option<LocalText>]) -> usize {
        let extra = match &self.step.task {
            Task::Type { answer, .. } => wrapped(answer, self.width, theme::base(), "→ ").len(),
            _ => 0,
        };
        let wrong = words.iter().map(|w| {
            self.told_rows(&Told::Wrong(
                w.as_ref().or(self.step.wrong_feedback.as_ref()),
            ))
            .len()
        });
        all.iter()
            .map(|t| self.told_rows(t).len())
            .chain(wrong)
            .max()
            .unwrap_or(0)
            + extra
    }
}
