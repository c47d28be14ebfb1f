//! Rows of text that know what a touch on them means, drawn into an area with scrolling
//! that keeps the focused row in view. Every screen is built from these, so what is
//! drawn and what can be touched never disagree.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::{Target, ViewScroll};

/// Where touches land, from the last frame drawn: the tutor's targets, or another
/// screen's (the recording studio's).
#[derive(Debug, Clone, PartialEq)]
pub struct HitMap<T = Target> {
    regions: Vec<(Rect, T)>,
}

impl<T> Default for HitMap<T> {
    fn default() -> Self {
        HitMap {
            regions: Vec::new(),
        }
    }
}

impl<T: Copy + PartialEq> HitMap<T> {
    pub fn add(&mut self, rect: Rect, target: T) {
        if rect.width > 0 && rect.height > 0 {
            self.regions.push((rect, target));
        }
    }

    /// What is at cell (`x`, `y`): the last region drawn there wins (it is on top).
    pub fn at(&self, x: u16, y: u16) -> Option<T> {
        self.regions
            .iter()
            .rev()
            .find(|(r, _)| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
            .map(|(_, t)| *t)
    }

    /// Keeps `clear` free of every target drawn so far: a region reaching into it ends
    /// where it starts (or goes, if it starts inside). Room for a button of its own with a
    /// dead gap around it.
    pub fn keep_clear(&mut self, clear: Rect) {
        self.regions.retain_mut(|(r, _)| {
            if r.intersection(clear).is_empty() {
                return true;
            }
            if r.x < clear.x {
                r.width = clear.x - r.x;
                true
            } else {
                false
            }
        });
    }

    pub fn regions(&self) -> &[(Rect, T)] {
        &self.regions
    }

    /// Keeps the regions `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&(Rect, T)) -> bool) {
        self.regions.retain(|r| keep(r));
    }

    /// The first region of `target`, for tests that click on things.
    pub fn find(&self, target: T) -> Option<Rect> {
        self.regions
            .iter()
            .find(|(_, t)| *t == target)
            .map(|(r, _)| *r)
    }
}

/// One row: its text, what touching parts of it means, and whether it must stay visible.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub line: Line<'static>,
    /// (first column, width, target); a width of 0 means to the end of the row.
    pub hits: Vec<(u16, u16, Target)>,
    pub keep_visible: bool,
    /// Fills the whole row with this style (a button's colour), not just the text.
    pub fill: Option<Style>,
    /// A picture's detail only (the phone's status bar, a rule, a note below a field):
    /// left out first when there is not room for every row.
    pub spare: bool,
}

impl Row {
    pub fn new(line: Line<'static>) -> Row {
        Row {
            line,
            ..Row::default()
        }
    }

    pub fn text(text: impl Into<String>, style: Style) -> Row {
        Row::new(Line::from(Span::styled(text.into(), style)))
    }

    pub fn blank() -> Row {
        Row::default()
    }

    /// The whole row is `target`.
    pub fn target(mut self, target: Option<Target>) -> Row {
        if let Some(t) = target {
            self.hits.push((0, 0, t));
        }
        self
    }

    pub fn visible(mut self, keep: bool) -> Row {
        self.keep_visible |= keep;
        self
    }

    pub fn fill(mut self, style: Style) -> Row {
        self.fill = Some(style);
        self
    }

    pub fn spare(mut self) -> Row {
        self.spare = true;
        self
    }
}

/// Wrapped rows of `text` in `style`, each prefixed by `first` (then by spaces as wide).
pub fn wrapped(text: &str, width: u16, style: Style, first: &str) -> Vec<Row> {
    let indent = first.width();
    let avail = usize::from(width).saturating_sub(indent).max(1);
    wrap(text, avail)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let prefix = if i == 0 {
                first.to_owned()
            } else {
                " ".repeat(indent)
            };
            Row::new(Line::from(vec![
                Span::styled(prefix, style),
                Span::styled(line, style),
            ]))
        })
        .collect()
}

/// Wraps `text` into lines of at most `width` columns at spaces; explicit newlines are
/// kept. A word wider than the line (which the checker forbids in lessons) is broken.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word = word.to_owned();
            loop {
                let (lw, ww) = (line.width(), word.width());
                let sep = usize::from(!line.is_empty());
                if lw + sep + ww <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.push_str(&word);
                    break;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                // A word wider than the whole line: cut it where it must be cut.
                let (head, tail) = split_at_width(&word, width);
                lines.push(head);
                word = tail;
                if word.is_empty() {
                    break;
                }
            }
        }
        lines.push(line);
    }
    lines
}

fn split_at_width(word: &str, width: usize) -> (String, String) {
    let mut head = String::new();
    for (i, c) in word.char_indices() {
        if (head.clone() + &c.to_string()).width() > width && !head.is_empty() {
            return (head, word[i..].to_owned());
        }
        head.push(c);
    }
    (head, String::new())
}

/// Draws `rows` into `area`, scrolled so the rows marked visible are in view, and
/// records their touch regions. Returns how many rows are hidden above and below.
pub fn draw_rows(frame: &mut Frame, area: Rect, rows: &[Row], hits: &mut HitMap) -> (usize, usize) {
    let offset = scroll_offset(rows, usize::from(area.height));
    draw_rows_from(frame, area, rows, hits, offset)
}

/// [`draw_rows`] from row `offset`.
fn draw_rows_from(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    hits: &mut HitMap,
    offset: usize,
) -> (usize, usize) {
    if area.width == 0 || area.height == 0 {
        return (0, rows.len());
    }
    let height = usize::from(area.height);
    for (i, row) in rows.iter().skip(offset).take(height).enumerate() {
        let rect = Rect::new(area.x, area.y + i as u16, area.width, 1);
        if let Some(style) = row.fill {
            frame.buffer_mut().set_style(rect, style);
        }
        frame.render_widget(row.line.clone(), rect);
        for &(x, w, target) in &row.hits {
            let x = x.min(area.width);
            let w = if w == 0 {
                area.width - x
            } else {
                w.min(area.width - x)
            };
            hits.add(Rect::new(area.x + x, rect.y, w, 1), target);
        }
    }
    (offset, rows.len().saturating_sub(offset + height))
}

/// [`draw_rows`], with a ▲ button at the top right and a ▼ at the bottom right when rows
/// are hidden there (over no text: on a row of their own if need be), whose touch moves
/// the focus, and the view with it.
pub fn draw_scrolled(frame: &mut Frame, area: Rect, rows: &[Row], hits: &mut HitMap) {
    draw_with_arrows(frame, area, rows, hits, ViewScroll::default(), |down| {
        Target::More { down }
    });
}

/// [`draw_scrolled`] for a view with nothing to focus: its ▲ and ▼ move the view itself,
/// as `scroll` says (`picture`: the view is the pretend phone's screen, not the text).
pub fn draw_scrolled_by(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    hits: &mut HitMap,
    scroll: ViewScroll,
    picture: bool,
) {
    draw_with_arrows(frame, area, rows, hits, scroll, |down| Target::Scroll {
        down,
        picture,
    });
}

fn draw_with_arrows(
    frame: &mut Frame,
    area: Rect,
    rows: &[Row],
    hits: &mut HitMap,
    scroll: ViewScroll,
    target: impl Fn(bool) -> Target,
) {
    if area.width <= ARROW || area.height < 3 || rows.len() <= usize::from(area.height) {
        draw_rows(frame, area, rows, hits);
        return;
    }
    // An arrow sits at the right end of the first (last) row shown when that end is empty
    // and the row is not a button, and on a row of its own otherwise: it covers nothing.
    let room = |row: &Row| {
        row.hits.is_empty() && row.line.width() + usize::from(ARROW) <= usize::from(area.width)
    };
    let view = arrow_view(rows, usize::from(area.height), scroll, room);
    let inner = Rect::new(
        area.x,
        area.y + u16::from(view.own_up),
        area.width,
        view.len as u16,
    );
    draw_rows_from(frame, inner, rows, hits, view.start);
    for (shown, y, mark, down) in [
        (view.up, area.y, "▲", false),
        (view.down, area.bottom() - 1, "▼", true),
    ] {
        let button = Rect::new(area.right() - ARROW, y, ARROW, 1);
        // A dead gap round the arrow: a touch just beside it, above or below it lands on
        // nothing, not on the row next to it. Where the arrow is not shown (the view is
        // at that end), its place stays dead too: a finger tapping ▼ again and again never
        // finds a button come under it at the end of the list.
        let top = y.saturating_sub(1).max(area.y);
        let bottom = (y + 2).min(area.bottom());
        hits.keep_clear(Rect::new(
            button.x.saturating_sub(1).max(area.x),
            top,
            button.width + 1,
            bottom - top,
        ));
        if shown {
            frame.render_widget(
                Span::styled(format!("  {mark}  "), super::theme::bar_key()),
                button,
            );
            hits.add(button, target(down));
        }
    }
}

/// The width of a ▲ or ▼ button.
const ARROW: u16 = 5;

/// Which rows a scrolled view shows, and where its arrows are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ArrowView {
    /// The first row shown, and how many.
    start: usize,
    len: usize,
    /// Rows hidden above (▲) and below (▼).
    up: bool,
    down: bool,
    /// The arrow has a row of its own (the row it would sit on has no room for it).
    own_up: bool,
    own_down: bool,
}

/// The view of `rows` (more than `height`, at least 3) that keeps the last marked rows in
/// view, moved by `scroll`: after ▼ the view reaches to its last row, after ▲ from its
/// first, so every touch shows one more row on the side it points to.
fn arrow_view(
    rows: &[Row],
    height: usize,
    scroll: ViewScroll,
    room: impl Fn(&Row) -> bool,
) -> ArrowView {
    let n = rows.len();
    // Arrows are placed, then the rows around them, until that settles (a row once given
    // to an arrow stays given: at most three turns).
    let settle = |anchor: &dyn Fn(usize) -> usize| {
        let (mut own_up, mut own_down) = (false, false);
        loop {
            let len = height - usize::from(own_up) - usize::from(own_down);
            let start = anchor(len).min(n - len);
            let (up, down) = (start > 0, start + len < n);
            let wanted = (
                own_up || (up && !room(&rows[start])),
                own_down || (down && !room(&rows[start + len - 1])),
            );
            if wanted == (own_up, own_down) {
                return ArrowView {
                    start,
                    len,
                    up,
                    down,
                    own_up,
                    own_down,
                };
            }
            (own_up, own_down) = wanted;
        }
    };
    let from_top = |first: usize| settle(&|_| first);
    let to_bottom = |end: usize| settle(&|len| end.saturating_sub(len));
    let natural = match marked_block(rows) {
        None => from_top(0),
        Some((first, last)) => {
            let view = to_bottom(last + 1);
            if view.start <= first {
                view
            } else {
                from_top(first)
            }
        }
    };
    let moved = |from: usize| from.saturating_add_signed(isize::from(scroll.rows)).min(n);
    match (scroll.rows, scroll.up) {
        (0, _) => natural,
        (_, true) => from_top(moved(natural.start)),
        (_, false) => to_bottom(moved(natural.start + natural.len)),
    }
}

/// The first row to draw so that the last row marked visible is in view (the newest
/// feedback matters most; rows marked above it stay in view when there is room).
fn scroll_offset(rows: &[Row], height: usize) -> usize {
    let Some((first, last)) = marked_block(rows) else {
        return 0;
    };
    (last + 1)
        .saturating_sub(height)
        .min(first)
        .min(rows.len().saturating_sub(height))
}

/// The first and last of the marked rows that end at the last marked row (a feedback,
/// say): a view shows them all if it can, else their beginning ("✓ Đúng rồi!").
fn marked_block(rows: &[Row]) -> Option<(usize, usize)> {
    let last = rows.iter().rposition(|r| r.keep_visible)?;
    let first = rows[..last]
        .iter()
        .rposition(|r| !r.keep_visible)
        .map_or(0, |i| i + 1);
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_keeps_words_whole() {
        let lines = wrap("Chạm vào biểu tượng CH Play trên màn hình chính", 16);
        assert!(lines.iter().all(|l| l.width() <= 16), "{lines:?}");
        assert_eq!(
            lines.join(" "),
            "Chạm vào biểu tượng CH Play trên màn hình chính"
        );
        assert_eq!(lines[0], "Chạm vào biểu");
    }

    #[test]
    fn wrap_keeps_newlines_and_cuts_only_impossible_words() {
        assert_eq!(wrap("một\nhai", 10), ["một", "hai"]);
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(wrap("a b", 0), ["a", "b"]);
    }

    fn texts(lens: &[usize]) -> Vec<Row> {
        lens.iter()
            .map(|&l| Row::text("x".repeat(l), Style::new()))
            .collect()
    }

    #[test]
    fn every_step_of_an_arrow_shows_a_new_row() {
        let scroll = |rows: i16, up: bool| ViewScroll { rows, up };
        // Short rows leave room for the arrows; long ones give each arrow a row of its own.
        for long in [false, true] {
            let rows = texts(&[if long { 40 } else { 3 }; 20]);
            let room = |r: &Row| r.line.width() + 5 <= 40;
            let view = |s| arrow_view(&rows, 8, s, room);
            assert_eq!(view(scroll(0, false)).start, 0);
            // ▼ to the end: one more row at the bottom each time.
            let mut end = 8 - usize::from(view(scroll(0, false)).own_down);
            let mut shift = 0;
            while view(scroll(shift, false)).down {
                shift += 1;
                let v = view(scroll(shift, false));
                assert_eq!(v.start + v.len, end + 1, "long {long}, ▼ {shift}: {v:?}");
                assert_eq!(v.len + usize::from(v.own_up) + usize::from(v.own_down), 8);
                end += 1;
            }
            assert_eq!(end, 20);
            // ▲ back to the top: one more row at the top each time.
            let mut start = view(scroll(shift, false)).start;
            while view(scroll(shift, shift < 20)).up {
                shift -= 1;
                let v = view(scroll(shift, true));
                assert!(v.start < start, "long {long}, ▲ to {shift}: {v:?}");
                start = v.start;
            }
            assert_eq!(start, 0);
            // Far past either end: still in bounds.
            for rows_moved in [i16::MIN, -500, 500, i16::MAX] {
                for up in [true, false] {
                    let v = arrow_view(&rows, 3, scroll(rows_moved, up), room);
                    assert!(v.len >= 1 && v.start + v.len <= 20, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn the_marked_rows_are_shown_and_a_long_feedback_from_its_start() {
        let mut rows = texts(&[40; 20]);
        for row in &mut rows[14..16] {
            row.keep_visible = true;
        }
        let room = |r: &Row| r.line.width() + 5 <= 40;
        let view = arrow_view(&rows, 6, ViewScroll::default(), room);
        assert!(view.start <= 14 && view.start + view.len >= 16, "{view:?}");
        for row in &mut rows[5..16] {
            row.keep_visible = true;
        }
        let view = arrow_view(&rows, 6, ViewScroll::default(), room);
        assert_eq!(view.start, 5, "{view:?}");
    }

    #[test]
    fn marked_rows_longer_than_the_view_show_from_their_beginning() {
        let rows: Vec<Row> = (0..20).map(|i| Row::blank().visible(i >= 8)).collect();
        assert_eq!(scroll_offset(&rows, 5), 8);
        assert_eq!(scroll_offset(&rows, 15), 5, "all of them, when they fit");
    }

    #[test]
    fn scrolling_keeps_the_marked_rows_in_view() {
        let rows: Vec<Row> = (0..20).map(|i| Row::blank().visible(i == 15)).collect();
        assert_eq!(scroll_offset(&rows, 10), 6);
        let rows: Vec<Row> = (0..20).map(|i| Row::blank().visible(i == 3)).collect();
        assert_eq!(scroll_offset(&rows, 10), 0);
        let rows: Vec<Row> = (0..20)
            .map(|i| Row::blank().visible(i == 12 || i == 14))
            .collect();
        assert_eq!(scroll_offset(&rows, 5), 10);
    }

    #[test]
    fn hits_take_the_topmost_region() {
        let mut hits = HitMap::default();
        hits.add(Rect::new(0, 0, 10, 10), Target::Start);
        hits.add(Rect::new(2, 2, 3, 1), Target::SwitchLanguage);
        assert_eq!(hits.at(3, 2), Some(Target::SwitchLanguage));
        assert_eq!(hits.at(1, 1), Some(Target::Start));
        assert_eq!(hits.at(11, 1), None);
    }
}
