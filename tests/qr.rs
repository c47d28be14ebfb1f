//! The QR code as the tutor draws it, read back by a QR decoder: the cells `draw_qr` writes
//! (a space is one colour, `▀` its foreground on top and background below) are turned into
//! pixels, two square pixels high a cell, and decoded.

use hocso::lesson::qr::qr_text;
use hocso::ui::qr::draw_qr;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::style::Color;

/// Draws `url` in a `width`×`height` area and decodes the result.
fn drawn_and_read(url: &str, width: u16, height: u16) -> Option<String> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut drawn = false;
    terminal
        .draw(|f| drawn = draw_qr(f, Rect::new(0, 0, width, height), url))
        .unwrap();
    if !drawn {
        return None;
    }
    let buffer = terminal.backend().buffer();
    // A cell is one module wide and two high: 4×8 pixels keeps modules square.
    let (cw, ch) = (4usize, 8usize);
    let (pw, ph) = (usize::from(width) * cw, usize::from(height) * ch);
    // Only the code's white is light: around it is the kiosk's dark background, the hard
    // case for a narrow quiet zone.
    let dark = |c: Color| c != Color::Rgb(255, 255, 255);
    let mut pixels = vec![255u8; pw * ph];
    for y in 0..height {
        for x in 0..width {
            let cell = &buffer[(x, y)];
            let (top, bottom) = match cell.symbol() {
                "▀" => (dark(cell.fg), dark(cell.bg)),
                _ => (dark(cell.bg), dark(cell.bg)),
            };
            for py in 0..ch {
                let is_dark = if py < ch / 2 { top } else { bottom };
                for px in 0..cw {
                    pixels[(usize::from(y) * ch + py) * pw + usize::from(x) * cw + px] =
                        if is_dark { 0 } else { 255 };
                }
            }
        }
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(pw, ph, |x, y| pixels[y * pw + x]);
    let grids = image.detect_grids();
    let (_, content) = grids.first()?.decode().ok()?;
    Some(content)
}

#[test]
fn the_drawn_code_reads_back_as_its_address() {
    for url in [
        "https://dichvucong.gov.vn",
        "https://vneid.gov.vn",
        "https://tinnhiemmang.vn",
    ] {
        // Beside the text on a kiosk screen: 13 rows, the widest quiet zone.
        assert_eq!(
            drawn_and_read(url, 27, 13).as_deref(),
            Some(qr_text(url).as_str()),
            "{url}"
        );
        // On its own page of the smallest screen: 12 rows, the narrow quiet zone.
        assert_eq!(
            drawn_and_read(url, 40, 12).as_deref(),
            Some(qr_text(url).as_str()),
            "{url}"
        );
    }
}

#[test]
fn a_path_keeps_its_case_and_still_reads() {
    let url = "https://a.vn/Ab";
    assert_eq!(
        drawn_and_read(url, 40, 20).as_deref(),
        Some("HTTPS://A.VN/Ab")
    );
}

#[test]
fn too_small_an_area_draws_nothing() {
    let mut terminal = Terminal::new(TestBackend::new(22, 11)).unwrap();
    let mut drawn = true;
    terminal
        .draw(|f| drawn = draw_qr(f, Rect::new(0, 0, 22, 11), "https://dichvucong.gov.vn"))
        .unwrap();
    assert!(!drawn);
    assert!(
        terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .all(|c| c.symbol() == " ")
    );
}
