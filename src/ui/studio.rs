//! The recording studio's screen (`hocso record`): the text to read, large, with where it
//! is heard; the level while recording; the checks of a take; and big buttons that do
//! what their keys do.
//!
//! ```text
//!  Phòng thu                                         12/340
//!  Cài VNeID · bước mo-app · lời của bước (chưa có bản thu)
//!
//!  Chạm vào biểu tượng VNeID để mở ứng dụng.
//!
//!  Chạm «Thu âm» rồi đọc to, rõ dòng chữ trên. …
//!
//!  ┌ ● Thu âm ──────┐  ┌ Bỏ qua → ┐  ┌ ← Trước ┐  ┌ Thoát ┐
//! ```

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::rows::wrap;
use super::theme;
use crate::audio::slots::Status;
use crate::audio::studio::process::{Problem, Processed};
use crate::i18n::{Lang, Localizer};
use crate::studio::model::{Item, Model, Notice, Phase, Target};

/// Where touches land on the studio's screen.
pub type StudioHits = super::rows::HitMap<Target>;

/// Seconds as Vietnamese and English readers both read them here: one decimal.
fn seconds(s: f64, lang: Lang) -> String {
    let text = format!("{s:.1}");
    if lang == Lang::Vi {
        text.replace('.', ",")
    } else {
        text
    }
}

/// Draws `model` and returns where touches land.
pub fn draw(frame: &mut Frame, model: &Model, i18n: &Localizer, lang: Lang) -> StudioHits {
    let area = frame.area();
    let mut hits = StudioHits::default();
    frame.buffer_mut().set_style(area, theme::base());
    if area.width < 30 || area.height < 8 {
        let text = i18n.text(lang, "studio-too-small");
        let lines = wrap(&text, usize::from(area.width));
        for (i, line) in lines.into_iter().enumerate().take(usize::from(area.height)) {
            put(frame, area, i as u16, 0, &line, theme::title());
        }
        return hits;
    }
    let t = |id: &str| i18n.text(lang, id);
    let margin = if area.width >= 50 { 2 } else { 1 };
    let width = area.width - 2 * margin;
    let inner = Rect::new(area.x + margin, area.y, width, area.height);

    // The header: what this is, and where in the queue.
    frame.render_widget(
        Paragraph::new("").style(theme::bar()),
        Rect::new(area.x, area.y, area.width, 1),
    );
    put(frame, inner, 0, 0, &t("studio-title"), theme::bar());
    if model.at < model.items.len() {
        let at = model.at + 1;
        let position = i18n.text_with(
            lang,
            "studio-position",
            &[
                ("at", at.to_string().into()),
                ("total", model.items.len().to_string().into()),
            ],
        );
        let x = width.saturating_sub(position.width() as u16);
        put(frame, inner, 0, x, &position, theme::bar());
    }

    let buttons_h: u16 = if area.height >= 14 { 3 } else { 1 };
    let buttons = Rect::new(inner.x, area.y + area.height - buttons_h, width, buttons_h);
    // Rows between the header and the buttons, with a row of air above the buttons.
    let body = Rect::new(inner.x, area.y + 1, width, area.height - 2 - buttons_h);

    if model.asking_to_leave {
        let lines = wrap(&t("studio-leave-question"), usize::from(width));
        let top = body.height.saturating_sub(lines.len() as u16) / 2;
        for (i, line) in lines.iter().enumerate() {
            put(frame, body, top + i as u16, 0, line, theme::title());
        }
        draw_buttons(frame, buttons, model, i18n, lang, &mut hits);
        return hits;
    }

    // What goes under the text: the state of the take, in as many rows as it needs.
    let status = status_lines(model, i18n, lang, width);
    let mut row = 0;
    if let Some(item) = model.item() {
        let label = label(item, i18n, lang);
        for line in wrap(&label, usize::from(width)).iter().take(2) {
            put(frame, body, row, 0, line, theme::dim());
            row += 1;
        }
        row += 1;
        let room_for_text = body
            .height
            .saturating_sub(row + status.len() as u16 + 1)
            .max(2);
        let lines = wrap(&item.slot.text, usize::from(width));
        let shown = lines.len().min(usize::from(room_for_text));
        for (i, line) in lines.iter().take(shown).enumerate() {
            let mut line = line.clone();
            if i + 1 == shown && shown < lines.len() {
                line.push('…');
            }
            put(frame, body, row, 0, &line, theme::title());
            row += 1;
        }
        row += 1;
    }
    let first_status = row.min(body.height.saturating_sub(status.len() as u16));
    for (i, (line, style)) in status.iter().enumerate() {
        let y = first_status + i as u16;
        if y >= body.height {
            break;
        }
        match line {
            StatusLine::Text(text) => put(frame, body, y, 0, text, *style),
            StatusLine::Meter => draw_meter(
                frame,
                Rect::new(body.x, body.y + y, width, 1),
                model,
                i18n,
                lang,
            ),
        }
    }
    draw_buttons(frame, buttons, model, i18n, lang, &mut hits);
    hits
}

enum StatusLine {
    Text(String),
    Meter,
}

/// The words under the text for the take's state, wrapped to `width`.
fn status_lines(
    model: &Model,
    i18n: &Localizer,
    lang: Lang,
    width: u16,
) -> Vec<(StatusLine, Style)> {
    let t = |id: &str| i18n.text(lang, id);
    let mut out: Vec<(StatusLine, Style)> = Vec::new();
    let say = |text: &str, style: Style, out: &mut Vec<(StatusLine, Style)>| {
        for line in wrap(text, usize::from(width)) {
            out.push((StatusLine::Text(line), style));
        }
    };
    match &model.notice {
        Some(Notice::Kept(label)) => say(
            &i18n.text_with(lang, "studio-kept", &[("label", label.clone().into())]),
            theme::right(),
            &mut out,
        ),
        Some(Notice::NotKept { disk_full }) => say(
            &t(if *disk_full {
                "studio-not-kept-full"
            } else {
                "studio-not-kept"
            }),
            theme::wrong(),
            &mut out,
        ),
        None => {}
    }
    match &model.phase {
        Phase::Ready => say(&t("studio-ready"), theme::base(), &mut out),
        Phase::Opening => say(&t("studio-opening"), theme::base(), &mut out),
        Phase::Recording { gate, .. } => {
            out.push((StatusLine::Meter, theme::base()));
            say(
                &i18n.text_with(
                    lang,
                    "studio-recording",
                    &[("seconds", seconds(gate.elapsed, lang).into())],
                ),
                theme::base(),
                &mut out,
            );
        }
        Phase::Stopping | Phase::Processing => {
            say(&t("studio-processing"), theme::base(), &mut out)
        }
        Phase::Saving => say(&t("studio-saving"), theme::base(), &mut out),
        Phase::Review(p) => {
            review_lines(p, i18n, lang, &mut |text, style| say(text, style, &mut out))
        }
        // What the sound system said is in the log, for whoever looks after the kiosk.
        Phase::NoMicrophone(_) => say(&t("studio-no-microphone"), theme::wrong(), &mut out),
        Phase::Finished if model.items.is_empty() => {
            say(&t("studio-nothing"), theme::right(), &mut out);
        }
        Phase::Finished => say(
            &i18n.text_with(
                lang,
                "studio-finished",
                &[
                    ("kept", model.kept.to_string().into()),
                    (
                        "left",
                        model
                            .items
                            .iter()
                            .filter(|i| i.status != Status::Person)
                            .count()
                            .to_string()
                            .into(),
                    ),
                ],
            ),
            theme::right(),
            &mut out,
        ),
    }
    out
}

/// The checks of a take: its length and level, then what to fix (or that it is good).
fn review_lines(p: &Processed, i18n: &Localizer, lang: Lang, say: &mut dyn FnMut(&str, Style)) {
    if p.keepable() {
        say(
            &i18n.text_with(
                lang,
                "studio-result",
                &[("seconds", seconds(p.seconds(), lang).into())],
            ),
            theme::base(),
        );
    }
    if p.problems.is_empty() {
        say(&i18n.text(lang, "studio-check-ok"), theme::right());
    }
    for problem in &p.problems {
        let figure = match problem {
            Problem::TooShort { seconds: s, .. } | Problem::TooLong { seconds: s, .. } => {
                seconds(*s, lang)
            }
            _ => String::new(),
        };
        let text = i18n.text_with(lang, problem.message_id(), &[("seconds", figure.into())]);
        say(&format!("✗ {text}"), theme::wrong());
    }
}

/// Where the clip is heard: the lesson, the step and which of its texts, and what is in
/// the slot now.
fn label(item: &Item, i18n: &Localizer, lang: Lang) -> String {
    let kind = i18n.text(lang, item.kind_id());
    let status = i18n.text(
        lang,
        match item.status {
            Status::Missing => "studio-status-missing",
            Status::Draft => "studio-status-draft",
            Status::Stale { .. } => "studio-status-stale",
            Status::Person => "studio-status-person",
        },
    );
    match &item.lesson {
        Some(lesson) => i18n.text_with(
            lang,
            "studio-label",
            &[
                ("lesson", lesson.clone().into()),
                ("step", item.step().to_owned().into()),
                ("kind", kind.into()),
                ("status", status.into()),
            ],
        ),
        None => i18n.text_with(
            lang,
            "studio-label-words",
            &[
                ("id", item.step().to_owned().into()),
                ("kind", kind.into()),
                ("status", status.into()),
            ],
        ),
    }
}

/// The level meter: a bar from the last block's RMS (−60 to 0 dBFS), a mark at the
/// recent peak, and words when the voice is too loud (colour is never the only signal).
fn draw_meter(frame: &mut Frame, area: Rect, model: &Model, i18n: &Localizer, lang: Lang) {
    let Phase::Recording { level, held, .. } = &model.phase else {
        return;
    };
    let loud = *held >= 0.99;
    let warning = if loud {
        format!(" {}", i18n.text(lang, "studio-too-loud"))
    } else {
        String::new()
    };
    let cells = usize::from(area.width).saturating_sub(2 + warning.width());
    let fill = |db: f64| (((db + 60.0) / 60.0).clamp(0.0, 1.0) * cells as f64).round() as usize;
    let filled = fill(level.rms_db());
    let mark = fill(crate::audio::studio::process::db(f64::from(*held)));
    let mut bar = String::new();
    for i in 0..cells {
        bar.push(if i < filled {
            '█'
        } else if i + 1 == mark.max(1) {
            '│'
        } else {
            '·'
        });
    }
    let style = if loud { theme::wrong() } else { theme::right() };
    let line = Line::from(vec![
        Span::styled("▕", theme::dim()),
        Span::styled(bar, style),
        Span::styled("▏", theme::dim()),
        Span::styled(warning, theme::wrong()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

fn button_words(target: Target, model: &Model) -> &'static str {
    match target {
        Target::Record => "studio-button-record",
        Target::Stop => "studio-button-stop",
        Target::Play => "studio-button-play",
        Target::Keep => "studio-button-keep",
        Target::Again => "studio-button-again",
        Target::Skip => "studio-button-skip",
        Target::Back => "studio-button-back",
        Target::Leave if model.asking_to_leave => "studio-button-leave-anyway",
        Target::Leave => "studio-button-leave",
        Target::Stay => "studio-button-stay",
        Target::Retry => "studio-button-retry",
    }
}

/// The buttons in a row: the first (what the volunteer most likely wants) wider and
/// lit, the rest plain; two empty columns between them.
fn draw_buttons(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    lang: Lang,
    hits: &mut StudioHits,
) {
    let targets = model.targets();
    if targets.is_empty() {
        return;
    }
    const GAP: u16 = 2;
    let words: Vec<String> = targets
        .iter()
        .map(|t| i18n.text(lang, button_words(*t, model)))
        .collect();
    let widths = button_widths(&words, area.width, GAP);
    let mut x = area.x;
    for (i, ((target, words), w)) in targets.iter().zip(words).zip(widths).enumerate() {
        let rect = Rect::new(x, area.y, w, area.height);
        let style = if i == 0 {
            theme::focus()
        } else {
            theme::bar_key()
        };
        frame.render_widget(Paragraph::new("").style(style), rect);
        let shown = fit(&words, w);
        let left = (w.saturating_sub(shown.width() as u16)) / 2;
        put(frame, rect, area.height / 2, left, &shown, style);
        hits.add(rect, *target);
        x += w + GAP;
    }
}

/// Each button's width in `width` columns with `gap` between them: room for its words
/// (with a column either side when there is room), then what is left shared out, half of it to the first (the
/// lit one); when the words do not all fit, shares by weight (the first 3, the others 2).
fn button_widths(words: &[String], width: u16, gap: u16) -> Vec<u16> {
    let n = words.len() as u16;
    let room = width.saturating_sub(gap * n.saturating_sub(1));
    // Words with a column either side, else just the words.
    let least = [2, 0].into_iter().find_map(|pad| {
        let least: Vec<u16> = words.iter().map(|w| w.width() as u16 + pad).collect();
        (least.iter().sum::<u16>() <= room).then_some(least)
    });
    let mut widths: Vec<u16> = match least {
        Some(least) => {
            let extra = room - least.iter().sum::<u16>();
            let first = if n > 1 { extra / 2 } else { extra };
            let rest = (extra - first) / n.saturating_sub(1).max(1);
            least
                .iter()
                .enumerate()
                .map(|(i, w)| w + if i == 0 { first } else { rest })
                .collect()
        }
        None => {
            let total = 3 + 2 * n.saturating_sub(1);
            (0..n)
                .map(|i| room * if i == 0 { 3 } else { 2 } / total)
                .collect()
        }
    };
    // The last one reaches the edge.
    let used: u16 = widths.iter().sum::<u16>() + gap * n.saturating_sub(1);
    if let Some(last) = widths.last_mut() {
        *last += width.saturating_sub(used);
    }
    widths
}

/// `words` cut to `width` columns: first without their leading mark (`● `, `▶ `), then
/// at the edge.
fn fit(words: &str, width: u16) -> String {
    let width = usize::from(width);
    if words.width() <= width {
        return words.to_owned();
    }
    let plain = match words.split_once(' ') {
        Some((mark, rest))
            if mark.chars().count() == 1 && !mark.chars().all(char::is_alphanumeric) =>
        {
            rest
        }
        _ => words,
    };
    let mut shown = String::new();
    for c in plain.chars() {
        if (shown.clone() + &c.to_string()).width() > width {
            break;
        }
        shown.push(c);
    }
    shown
}

/// Writes `text` at row `y`, column `x` of `area`, cut at its edge.
fn put(frame: &mut Frame, area: Rect, y: u16, x: u16, text: &str, style: Style) {
    if y >= area.height || x >= area.width {
        return;
    }
    let rect = Rect::new(area.x + x, area.y + y, area.width - x, 1);
    frame.render_widget(Paragraph::new(Span::styled(text.to_owned(), style)), rect);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::slots::Slot;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn model() -> Model {
        Model::new(vec![Item {
            slot: Slot {
                folder: "vneid-cai-dat".into(),
                file: "mo-app.hint.ogg".into(),
                text: "Biểu tượng VNeID có hình ngôi sao vàng trên nền đỏ. Bác tìm trên màn hình chính rồi chạm vào.".into(),
                explicit: None,
            },
            status: Status::Draft,
            lesson: Some("Cài đặt VNeID".into()),
        }])
    }

    fn screen(model: &Model, w: u16, h: u16) -> (String, StudioHits) {
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        let mut hits = StudioHits::default();
        let i18n = Localizer::embedded();
        terminal
            .draw(|f| hits = draw(f, model, &i18n, Lang::Vi))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        let mut text = String::new();
        for y in 0..h {
            for x in 0..w {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        (text, hits)
    }

    #[test]
    fn every_kiosk_size_shows_the_text_the_position_and_a_big_record_button() {
        for (w, h) in [(58, 14), (62, 15), (87, 21), (40, 12)] {
            let (text, hits) = screen(&model(), w, h);
            assert!(text.contains("1/1"), "{w}×{h}\n{text}");
            assert!(text.contains("Biểu tượng VNeID"), "{w}×{h}\n{text}");
            assert!(text.contains("Thu âm"), "{w}×{h}\n{text}");
            let (rect, target) = hits.regions()[0];
            assert_eq!(target, Target::Record);
            if h >= 14 {
                assert!(rect.height >= 3 && rect.width >= 15, "{w}×{h}: {rect:?}");
            }
            // Buttons never touch: two dead columns between neighbours.
            for pair in hits.regions().windows(2) {
                assert!(pair[1].0.x >= pair[0].0.x + pair[0].0.width + 2);
            }
        }
    }

    #[test]
    fn buttons_are_as_wide_as_their_words_and_the_first_gets_the_most_room() {
        let words: Vec<String> = ["✓ Lưu", "▶ Nghe lại", "↺ Thu lại", "Bỏ qua →"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let widths = button_widths(&words, 38, 2);
        assert_eq!(widths.iter().sum::<u16>() + 6, 38);
        for (w, words) in widths.iter().zip(&words) {
            assert!(usize::from(*w) >= words.width(), "{widths:?}");
        }
        assert_eq!(fit("▶ Nghe lại", 8), "Nghe lại");
        assert_eq!(fit("Bỏ qua →", 5), "Bỏ qu");
    }

    #[test]
    fn a_take_with_problems_says_what_to_fix() {
        let mut m = model();
        m.phase = Phase::Review(Box::new(Processed {
            samples: vec![0.0; 48_000],
            rate: 48_000,
            raw_lufs: -20.0,
            gain_db: 2.0,
            lufs: -18.0,
            peak_dbfs: -1.0,
            noise_dbfs: -90.0,
            speech_seconds: 0.9,
            problems: vec![Problem::Clipped { runs: 40 }],
        }));
        let (text, hits) = screen(&m, 58, 14);
        assert!(text.contains("rè"), "{text}");
        let targets: Vec<Target> = hits.regions().iter().map(|(_, t)| *t).collect();
        assert_eq!(
            targets,
            [Target::Keep, Target::Play, Target::Again, Target::Skip]
        );
    }
}
