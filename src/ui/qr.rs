//! A real QR code in the terminal: two modules a cell (upper and lower half block), in
//! black and white whatever the theme, with a quiet zone, so a phone camera reads it.

use qrcode::Color as Module;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

use crate::app::layout::QR_QUIET_ZONES;
use crate::lesson::qr::qr_code;

const DARK: Color = Color::Rgb(0, 0, 0);
const LIGHT: Color = Color::Rgb(255, 255, 255);

/// The code's modules with a quiet zone of `quiet` modules: `true` is dark.
pub fn modules(url: &str, quiet: u16) -> Option<(usize, Vec<bool>)> {
    let code = qr_code(url)?;
    let inner = code.width();
    let q = usize::from(quiet);
    let side = inner + 2 * q;
    let colors = code.to_colors();
    let mut grid = vec![false; side * side];
    for y in 0..inner {
        for x in 0..inner {
            grid[(y + q) * side + x + q] = colors[y * inner + x] == Module::Dark;
        }
    }
    Some((side, grid))
}

/// Draws the code centred in `area`; false (and nothing drawn) when it does not fit.
pub fn draw_qr(frame: &mut Frame, area: Rect, url: &str) -> bool {
    draw_qr_at(frame, area, url).is_some()
}

/// Draws the code centred in `area` and returns where it went.
pub fn draw_qr_at(frame: &mut Frame, area: Rect, url: &str) -> Option<Rect> {
    let fitting = QR_QUIET_ZONES.iter().find_map(|&quiet| {
        let (side, grid) = modules(url, quiet)?;
        let (w, h) = (side as u16, side.div_ceil(2) as u16);
        (w <= area.width && h <= area.height).then_some((side, grid, w, h))
    });
    let (side, grid, w, h) = fitting?;
    let x0 = area.x + (area.width - w) / 2;
    let y0 = area.y + (area.height - h) / 2;
    let buffer = frame.buffer_mut();
    for row in 0..usize::from(h) {
        for x in 0..side {
            let top = grid[(2 * row) * side + x];
            // An odd side leaves the last half row light, like the quiet zone.
            let bottom = 2 * row + 1 < side && grid[(2 * row + 1) * side + x];
            let pick = |dark: bool| if dark { DARK } else { LIGHT };
            // Where both halves match, a space on a background: no glyph, no seams in
            // terminals whose font draws block characters smaller than the cell.
            let symbol = if top == bottom { " " } else { "▀" };
            buffer[(x0 + x as u16, y0 + row as u16)]
                .set_symbol(symbol)
                .set_style(Style::new().fg(pick(top)).bg(pick(bottom)));
        }
    }
    Some(Rect::new(x0, y0, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_makes_a_small_code_with_a_quiet_zone() {
        for q in QR_QUIET_ZONES {
            let (side, grid) = modules("https://dichvucong.gov.vn", q).unwrap();
            let q = usize::from(q);
            assert_eq!(side, 21 + 2 * q, "version 1");
            // The quiet zone is light all round.
            for i in 0..side {
                for k in 0..q {
                    assert!(!grid[k * side + i] && !grid[(side - 1 - k) * side + i]);
                    assert!(!grid[i * side + k] && !grid[i * side + side - 1 - k]);
                }
            }
            // A finder pattern's dark corner just inside it.
            assert!(grid[q * side + q]);
        }
    }
}
