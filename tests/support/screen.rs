//! Drawing the tutor into a test terminal, as text and touch regions, with the contrast
//! of every cell drawn checked against WCAG's 7:1.

use hocso::app::{Model, Msg, Target, update};
use hocso::i18n::Localizer;
use hocso::ui::theme::{Rgb, contrast};
use hocso::ui::{self, HitMap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

pub fn render(model: &Model, width: u16, height: u16) -> (String, HitMap) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let i18n = Localizer::embedded();
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = ui::draw(frame, model, &i18n))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..height {
        let mut line = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            line.push_str(cell.symbol());
            // Every visible character is readable: 7:1 or better.
            if let (Color::Rgb(fr, fg, fb), Color::Rgb(br, bg, bb)) = (cell.fg, cell.bg)
                && !cell.symbol().trim().is_empty()
            {
                let ratio = contrast(Rgb(fr, fg, fb), Rgb(br, bg, bb));
                assert!(
                    ratio >= 7.0,
                    "{:?} at ({x},{y}) has contrast {ratio:.2}:1",
                    cell.symbol()
                );
            }
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    for (rect, target) in hits.regions() {
        assert!(
            rect.right() <= width && rect.bottom() <= height,
            "{target:?} at {rect:?} outside {width}×{height}"
        );
    }
    (text, hits)
}

/// Touches `target` where the screen at `width`×`height` draws it: the centre of its
/// region must lead to it. Like a person, scrolls with the ▼ and ▲ buttons to find it;
/// panics, showing the screen, when it cannot be reached.
pub fn touch(model: &mut Model, target: Target, width: u16, height: u16) {
    let mut scrolls = 0;
    let (screen, hits, rect) = loop {
        let (screen, hits) = render(model, width, height);
        if let Some(rect) = hits.find(target) {
            break (screen, hits, rect);
        }
        // Down first, then all the way up; with ▲ ▼ that move the focus, or (where
        // nothing is focused) the text.
        let down = scrolls < 20;
        let arrow = |down| {
            [
                Target::More { down },
                Target::Scroll {
                    down,
                    picture: false,
                },
                Target::Scroll {
                    down,
                    picture: true,
                },
            ]
            .into_iter()
            .find(|t| hits.find(*t).is_some())
        };
        let button = arrow(down).unwrap_or(Target::More { down });
        if scrolls >= 60 || hits.find(button).is_none() && !(down && arrow(false).is_some()) {
            panic!("{target:?} cannot be touched at {width}×{height}:\n{screen}");
        }
        if hits.find(button).is_some() {
            let _ = update(model, Msg::Click(button));
        }
        scrolls += if hits.find(button).is_some() {
            1
        } else {
            20 - scrolls.min(20)
        };
    };
    let _ = screen;
    let (x, y) = (rect.x + rect.width / 2, rect.y + rect.height / 2);
    assert_eq!(hits.at(x, y), Some(target), "something covers {target:?}");
    let _ = update(model, Msg::Click(target));
}
