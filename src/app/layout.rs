//! Layout decisions that `update` needs as much as the view does (which keys do what
//! depends on whether the phone is beside the text or a page of its own). Plain numbers:
//! no terminal here.

use unicode_width::UnicodeWidthStr;

use crate::lesson::qr::qr_code;
use crate::lesson::{Step, Task};

/// The smallest screen hocso draws on; below it, a short notice.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// The pretend phone's width in cells, frame included.
pub const PHONE_WIDTH: u16 = 28;
/// The narrowest text column worth putting beside the phone.
pub const MIN_TEXT_WIDTH: u16 = 26;
/// Beside a QR code, which takes the screen's full height, a narrower column will do: its
/// text is short and the code must stay large enough to scan.
pub const MIN_SCAN_TEXT_WIDTH: u16 = 20;
/// Light modules round a QR code: two where they fit, else one (phones read either on
/// a screen; the standard's four would not fit a kiosk's large font).
pub const QR_QUIET_ZONES: [u16; 2] = [2, 1];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

impl Size {
    pub fn new(width: u16, height: u16) -> Size {
        Size { width, height }
    }

    pub fn too_small(self) -> bool {
        self.width < MIN_WIDTH || self.height < MIN_HEIGHT
    }
}

/// How a step's text and its picture (the phone, or a QR code) share the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepLayout {
    /// Text only: the step has nothing to look at.
    TextOnly,
    /// The picture to the right of the text.
    Side,
    /// The picture below the text.
    Stacked,
    /// One at a time: the text first, the picture one key (Enter) away.
    Paged,
}

/// Rows left blank above the key bar (a gap: a touch just above a button lands on
/// nothing), and the bar's height: two rows on a screen tall enough to spare them.
pub fn bar_rows(height: u16) -> (u16, u16) {
    match height {
        0..=12 => (0, 1),
        13..=17 => (1, 1),
        _ => (1, 2),
    }
}

/// The rows a screen's body has: all but the header, the gap and the key bar.
pub fn body_rows(height: u16) -> u16 {
    let (gap, bar) = bar_rows(height);
    height.saturating_sub(1 + gap + bar)
}

/// Rows the pretend phone wants at most before it scrolls.
pub const PHONE_MAX_ROWS: u16 = 16;

/// Decides the layout of `step` on a screen of `size`. The text must fit its column
/// without cutting a word: a column narrower than the longest word is not used.
pub fn step_layout(size: Size, step: &Step, longest_word: usize) -> StepLayout {
    let picture_width = match &step.task {
        Task::Scan { url } => qr_width(url),
        // Typing happens on the phone, so a `type` step always shows one.
        Task::Type { .. } => PHONE_WIDTH,
        _ if step.screen().is_some() => PHONE_WIDTH,
        _ => return StepLayout::TextOnly,
    };
    let body_height = body_rows(size.height);
    let text_width = size.width.saturating_sub(picture_width + 3);
    let min_text = match &step.task {
        Task::Scan { .. } => MIN_SCAN_TEXT_WIDTH,
        _ => MIN_TEXT_WIDTH,
    };
    if text_width >= min_text && usize::from(text_width) >= longest_word {
        return StepLayout::Side;
    }
    let picture_height = match &step.task {
        Task::Scan { url } => qr_width(url).div_ceil(2),
        _ => PHONE_MAX_ROWS,
    };
    if body_height >= picture_height + 8 {
        StepLayout::Stacked
    } else {
        StepLayout::Paged
    }
}

/// The widest word of `text`, in columns.
pub fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| w.width())
        .max()
        .unwrap_or(0)
}

/// The QR code's side in modules (= columns) with the widest quiet zone.
pub fn qr_width(url: &str) -> u16 {
    qr_code(url).map_or(u16::MAX / 4, |c| c.width() as u16 + 2 * QR_QUIET_ZONES[0])
}
