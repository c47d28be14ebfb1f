//! Colours and styles. Every foreground/background pair reaches a WCAG contrast ratio of
//! at least 7:1 (tested), and colour is never the only signal: marks and words go with it.

use ratatui::style::{Color, Modifier, Style};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const fn color(self) -> Color {
        Color::Rgb(self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2.x).
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }
}

/// The WCAG contrast ratio of two colours, from 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

// The kiosk: calm, dark navy with warm light text.
pub const BG: Rgb = Rgb(0x0B, 0x16, 0x22);
pub const FG: Rgb = Rgb(0xF2, 0xF2, 0xEC);
pub const DIM: Rgb = Rgb(0xC3, 0xCB, 0xD3);
pub const ACCENT: Rgb = Rgb(0xFF, 0xD1, 0x66);
pub const GOOD: Rgb = Rgb(0x8C, 0xE9, 0x9A);
pub const BAD: Rgb = Rgb(0xFF, 0xB8, 0xA8);
pub const BAR_BG: Rgb = Rgb(0x1C, 0x2E, 0x40);
pub const HIGHLIGHT_BG: Rgb = Rgb(0x8F, 0xE3, 0xFF);

// The pretend phone: a light screen, like a real one.
pub const PHONE_BG: Rgb = Rgb(0xF7, 0xF7, 0xF2);
pub const PHONE_FG: Rgb = Rgb(0x14, 0x14, 0x14);
pub const PHONE_DIM: Rgb = Rgb(0x3C, 0x44, 0x4C);
pub const PHONE_BUTTON_BG: Rgb = Rgb(0x17, 0x4E, 0xA6);
pub const PHONE_BUTTON_FG: Rgb = Rgb(0xFF, 0xFF, 0xFF);
pub const PHONE_FRAME: Rgb = Rgb(0xC3, 0xCB, 0xD3);

/// Every (foreground, background) pair hocso draws, for the contrast test.
pub const PAIRS: &[(&str, Rgb, Rgb)] = &[
    ("text", FG, BG),
    ("dim text", DIM, BG),
    ("accent", ACCENT, BG),
    ("right", GOOD, BG),
    ("wrong", BAD, BG),
    ("focus", BG, ACCENT),
    ("highlight", BG, HIGHLIGHT_BG),
    ("bar", FG, BAR_BG),
    ("bar key", BAR_BG, FG),
    ("bar accent", ACCENT, BAR_BG),
    ("phone frame", PHONE_FRAME, BG),
    ("phone text", PHONE_FG, PHONE_BG),
    ("phone dim", PHONE_DIM, PHONE_BG),
    ("phone button", PHONE_BUTTON_FG, PHONE_BUTTON_BG),
    ("phone focus", PHONE_FG, ACCENT),
    ("phone highlight", PHONE_FG, HIGHLIGHT_BG),
];

pub fn base() -> Style {
    Style::new().fg(FG.color()).bg(BG.color())
}

pub fn dim() -> Style {
    base().fg(DIM.color())
}

pub fn title() -> Style {
    base().fg(ACCENT.color()).add_modifier(Modifier::BOLD)
}

pub fn right() -> Style {
    base().fg(GOOD.color()).add_modifier(Modifier::BOLD)
}

pub fn wrong() -> Style {
    base().fg(BAD.color()).add_modifier(Modifier::BOLD)
}

pub fn focus() -> Style {
    Style::new()
        .fg(BG.color())
        .bg(ACCENT.color())
        .add_modifier(Modifier::BOLD)
}

pub fn highlight() -> Style {
    Style::new()
        .fg(BG.color())
        .bg(HIGHLIGHT_BG.color())
        .add_modifier(Modifier::BOLD)
}

pub fn bar() -> Style {
    Style::new().fg(FG.color()).bg(BAR_BG.color())
}

pub fn bar_key() -> Style {
    Style::new()
        .fg(BAR_BG.color())
        .bg(FG.color())
        .add_modifier(Modifier::BOLD)
}

pub fn phone() -> Style {
    Style::new().fg(PHONE_FG.color()).bg(PHONE_BG.color())
}

pub fn phone_dim() -> Style {
    phone().fg(PHONE_DIM.color())
}

pub fn phone_button() -> Style {
    Style::new()
        .fg(PHONE_BUTTON_FG.color())
        .bg(PHONE_BUTTON_BG.color())
        .add_modifier(Modifier::BOLD)
}

pub fn phone_frame() -> Style {
    base().fg(PHONE_FRAME.color())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_is_computed_as_wcag_does() {
        assert!((contrast(Rgb(0, 0, 0), Rgb(255, 255, 255)) - 21.0).abs() < 0.01);
        assert!((contrast(Rgb(0x77, 0x77, 0x77), Rgb(255, 255, 255)) - 4.48).abs() < 0.01);
        assert_eq!(contrast(FG, BG), contrast(BG, FG));
    }

    #[test]
    fn every_pair_reaches_seven_to_one() {
        for (name, fg, bg) in PAIRS {
            let ratio = contrast(*fg, *bg);
            assert!(ratio >= 7.0, "{name}: {ratio:.2}:1");
        }
    }
}
