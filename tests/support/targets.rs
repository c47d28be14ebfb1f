//! Measuring touch targets on a drawn screen: how small the smallest target is, and how
//! close two different targets come, in cells and in millimetres on the kiosk's panels.

use hocso::app::Target;
use hocso::ui::HitMap;
use ratatui::layout::Rect;

/// A target as a finger meets it: cells that touch and reach the same target, with the
/// rectangle round them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    pub target: Target,
    pub rect: Rect,
}

/// The pieces of `hits` on a `width`×`height` screen, cell by cell as touches land (the
/// region drawn last wins where regions overlap).
pub fn pieces(hits: &HitMap, width: u16, height: u16) -> Vec<Piece> {
    let (w, h) = (usize::from(width), usize::from(height));
    let grid: Vec<Option<Target>> = (0..h)
        .flat_map(|y| (0..w).map(move |x| (x, y)))
        .map(|(x, y)| hits.at(x as u16, y as u16))
        .collect();
    let mut seen = vec![false; w * h];
    let mut out = Vec::new();
    for start in 0..w * h {
        let Some(target) = grid[start] else { continue };
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut stack = vec![start];
        let (mut x0, mut y0, mut x1, mut y1) = (w, h, 0, 0);
        while let Some(i) = stack.pop() {
            let (x, y) = (i % w, i / w);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x + 1), y1.max(y + 1));
            let mut next = Vec::new();
            if x > 0 {
                next.push(i - 1);
            }
            if x + 1 < w {
                next.push(i + 1);
            }
            if y > 0 {
                next.push(i - w);
            }
            if y + 1 < h {
                next.push(i + w);
            }
            for n in next {
                if !seen[n] && grid[n] == Some(target) {
                    seen[n] = true;
                    stack.push(n);
                }
            }
        }
        out.push(Piece {
            target,
            rect: Rect::new(x0 as u16, y0 as u16, (x1 - x0) as u16, (y1 - y0) as u16),
        });
    }
    out
}

/// How two pieces neighbour each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Side by side (they share rows): the gap is in columns.
    Beside,
    /// One above the other (they share columns): the gap is in rows.
    Above,
}

/// A touch panel, and how big one cell is on it when a grid fills it.
#[derive(Debug, Clone, Copy)]
pub struct Panel {
    pub name: &'static str,
    pub width_mm: f64,
    pub height_mm: f64,
}

/// The kiosk's panels: 15.6" 1366×768 (344 × 194 mm) and 21.5" 1920×1080 (476 × 268 mm,
/// 0.248 mm a pixel). The launcher sizes the font so the grid fills the panel, so a cell
/// is the panel's size over the grid's (62×15 on the 15.6": 5.5 × 12.9 mm, as measured).
pub const PANELS: [Panel; 2] = [
    Panel {
        name: "15.6\"",
        width_mm: 344.2,
        height_mm: 193.6,
    },
    Panel {
        name: "21.5\"",
        width_mm: 476.2,
        height_mm: 267.8,
    },
];

impl Panel {
    /// One cell of a `columns`×`rows` grid, in millimetres (width, height).
    pub fn cell(self, columns: u16, rows: u16) -> (f64, f64) {
        (
            self.width_mm / f64::from(columns),
            self.height_mm / f64::from(rows),
        )
    }
}

/// The smallest figures over many screens of one size: targets' width and height, and
/// the gaps between two different targets side by side and one above the other.
#[derive(Debug, Clone, Copy, Default)]
pub struct Smallest {
    pub width: Option<u16>,
    pub height: Option<u16>,
    pub beside: Option<u16>,
    pub above: Option<u16>,
}

fn least(a: Option<u16>, b: u16) -> Option<u16> {
    Some(a.map_or(b, |a| a.min(b)))
}

impl Smallest {
    pub fn target(&mut self, rect: Rect) {
        self.width = least(self.width, rect.width);
        self.height = least(self.height, rect.height);
    }

    pub fn gap(&mut self, side: Side, cells: u16) {
        match side {
            Side::Beside => self.beside = least(self.beside, cells),
            Side::Above => self.above = least(self.above, cells),
        }
    }

    /// One line of the table: the figures in cells and in mm on each panel.
    pub fn line(&self, columns: u16, rows: u16) -> String {
        let cells = |v: Option<u16>| v.map_or("-".to_owned(), |v| v.to_string());
        let mm = |v: Option<u16>, horizontal: bool| {
            PANELS
                .iter()
                .map(|p| {
                    let (w, h) = p.cell(columns, rows);
                    let per = if horizontal { w } else { h };
                    v.map_or("-".to_owned(), |v| format!("{:.1}", f64::from(v) * per))
                })
                .collect::<Vec<_>>()
                .join(" / ")
        };
        format!(
            "target {}×{} cells ({} × {} mm) · gap beside {} col ({} mm) · gap above {} row ({} mm)",
            cells(self.width),
            cells(self.height),
            mm(self.width, true),
            mm(self.height, false),
            cells(self.beside),
            mm(self.beside, true),
            cells(self.above),
            mm(self.above, false),
        )
    }
}

/// Pairs of different targets with cells side by side or one above the other on a
/// `width`×`height` screen (a finger a little off one lands on the other), each with a
/// cell where they meet.
pub fn touching(hits: &HitMap, width: u16, height: u16) -> Vec<(Target, Target, (u16, u16))> {
    let mut out: Vec<(Target, Target, (u16, u16))> = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let Some(a) = hits.at(x, y) else { continue };
            for (nx, ny) in [(x + 1, y), (x, y + 1)] {
                if nx >= width || ny >= height {
                    continue;
                }
                if let Some(b) = hits.at(nx, ny)
                    && a != b
                    && !out
                        .iter()
                        .any(|(p, q, _)| (*p, *q) == (a, b) || (*p, *q) == (b, a))
                {
                    out.push((a, b, (x, y)));
                }
            }
        }
    }
    out
}

/// Every gap between two different targets, cell by cell: from each cell of a target,
/// the blank cells to the next target to its right (`Side::Beside`) and below it
/// (`Side::Above`), when that next target is another one. With the two targets.
pub fn gaps(hits: &HitMap, width: u16, height: u16) -> Vec<(Target, Target, Side, u16)> {
    let mut out = Vec::new();
    for y in 0..height {
        for x in 0..width {
            let Some(a) = hits.at(x, y) else { continue };
            let right = (x + 1..width).find_map(|nx| hits.at(nx, y).map(|b| (b, nx - x - 1)));
            if let Some((b, cells)) = right
                && b != a
            {
                out.push((a, b, Side::Beside, cells));
            }
            let below = (y + 1..height).find_map(|ny| hits.at(x, ny).map(|b| (b, ny - y - 1)));
            if let Some((b, cells)) = below
                && b != a
            {
                out.push((a, b, Side::Above, cells));
            }
        }
    }
    out
}
