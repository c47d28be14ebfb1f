//! What volunteers see: the PIN prompt, the panel's pages, the guided session's bar and
//! its end, and the "still there?" question of the idle timeout.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders, Clear};
use unicode_width::UnicodeWidthStr;

use super::rows::{HitMap, Row, draw_rows, draw_scrolled, wrapped};
use super::{answer_rows, centred, menu::status_mark, theme};
use crate::app::volunteer::{
    StartWhy, guided_start, items, problem_count, to_practise_at_home, typed,
};
use crate::app::{
    Danger, GuidedKey, Model, Panel, PanelItem, PanelView, PinMessage, PinPurpose, Target,
};
use crate::i18n::Localizer;
use crate::kiosk::VIETNAM_OFFSET;
use crate::store::{LessonStatus, utc_stamp};

/// `at` as day/month hour:minute in Vietnam's time.
fn when(at: i64) -> String {
    let s = utc_stamp(at + VIETNAM_OFFSET);
    // 20261122T031500Z
    format!("{}/{} {}:{}", &s[6..8], &s[4..6], &s[9..11], &s[11..13])
}

#[allow(clippy::too_many_arguments)]
pub fn pin(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    purpose: &PinPurpose,
    pin: &str,
    message: Option<PinMessage>,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let keypad_width = area.width.min(30);
    let side = area.width >= keypad_width + 24;
    let (text_area, pad_area) = if side {
        let [a, _, b] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(2),
            Constraint::Length(keypad_width),
        ])
        .areas(area);
        (a, b)
    } else {
        let [a, b] = Layout::vertical([Constraint::Fill(1), Constraint::Length(4)]).areas(area);
        (a, b)
    };
    let title = match purpose {
        PinPurpose::Open => "pin-title-open",
        PinPurpose::Choose { first: None } => "pin-title-choose",
        PinPurpose::Choose { first: Some(_) } => "pin-title-again",
    };
    let mut rows = wrapped(&t(title), text_area.width, theme::title(), "");
    // Dots, never the digits: someone may be looking over the volunteer's shoulder.
    let dots: String = "● ".repeat(pin.len());
    rows.push(Row::text(format!("  {}", dots.trim_end()), theme::title()));
    if let Some(message) = message {
        let (text, style) = match message {
            PinMessage::Wrong { left } => (
                i18n.text_with(lang, "pin-wrong", &[("left", left.into())]),
                theme::wrong(),
            ),
            PinMessage::Locked { until } => {
                let minutes = ((until - model.clock).max(1) + 59) / 60;
                (
                    i18n.text_with(lang, "pin-locked", &[("minutes", minutes.into())]),
                    theme::wrong(),
                )
            }
            PinMessage::Problem(crate::kiosk::PinProblem::Shape) => {
                (t("pin-shape"), theme::wrong())
            }
            PinMessage::Problem(crate::kiosk::PinProblem::Mismatch) => {
                (t("pin-mismatch"), theme::wrong())
            }
            PinMessage::Checking => (t("pin-checking"), theme::dim()),
        };
        rows.extend(
            wrapped(&text, text_area.width, style, "")
                .into_iter()
                .map(|r| r.visible(true)),
        );
    }
    draw_rows(frame, text_area, &rows, &mut HitMap::default());
    let pad = Rect::new(
        pad_area.x,
        pad_area.bottom().saturating_sub(4),
        pad_area.width,
        4.min(pad_area.height),
    );
    super::sign_in::keypad(frame, pad, model, i18n, hits);
}

/// The label of one panel item.
fn item_label(model: &Model, i18n: &Localizer, panel: &Panel, item: PanelItem) -> String {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    match item {
        PanelItem::Learners => t("panel-learners"),
        PanelItem::HelpCalls(n) => i18n.text_with(lang, "panel-help-calls", &[("count", n.into())]),
        PanelItem::Figures => t("panel-figures"),
        PanelItem::Problems(n) => i18n.text_with(lang, "panel-problems", &[("count", n.into())]),
        PanelItem::Language => t("panel-language"),
        // With no sound device, "on" would be a promise the kiosk cannot keep.
        PanelItem::Narration(_) if !model.settings.narration => t("panel-narration-none"),
        PanelItem::Narration(true) => t("panel-narration-on"),
        PanelItem::Narration(false) => t("panel-narration-off"),
        PanelItem::Record => t("panel-record"),
        PanelItem::Lock => t("panel-lock"),
        PanelItem::Quit => t("panel-quit"),
        PanelItem::Learner(i) => match &panel.view {
            PanelView::Learners { rows, .. } => rows
                .get(i)
                .map(|r| {
                    let last = r.last_visit.map_or_else(|| t("panel-never"), when);
                    i18n.text_with(
                        lang,
                        "panel-learner-row",
                        &[
                            ("name", r.name.as_str().into()),
                            ("code", r.code.as_str().into()),
                            ("mastered", r.mastered.into()),
                            ("last", last.into()),
                        ],
                    )
                })
                .unwrap_or_default(),
            _ => String::new(),
        },
        PanelItem::Lesson(i) => {
            let (PanelView::Learner(detail) | PanelView::Lesson { detail, .. }) = &panel.view
            else {
                return String::new();
            };
            let Some(lesson) = model.lessons.get(i) else {
                return String::new();
            };
            let progress = &detail.progress;
            let mut status = progress.status(&lesson.id, model.clock);
            // She is in it now, though the steps she has seen so far asked nothing.
            if status == LessonStatus::New
                && progress
                    .place
                    .as_ref()
                    .is_some_and(|p| p.lesson == lesson.id)
            {
                status = LessonStatus::InProgress;
            }
            let (mark, status) = status_mark(status);
            format!("{mark} {} · {}", lesson.title.get(lang.code()), t(status))
        }
        PanelItem::ResetLearner => t("panel-reset-learner"),
        PanelItem::Forget => t("panel-forget"),
        PanelItem::Guide => t("panel-guide"),
        PanelItem::ResetLesson => t("panel-reset-lesson"),
        PanelItem::HelpGiven(i) => match &panel.view {
            PanelView::Help(calls) => calls
                .get(i)
                .map(|c| {
                    let lesson = model.lessons.iter().find(|l| l.id == c.lesson);
                    let title =
                        lesson.map_or(c.lesson.clone(), |l| l.title.get(lang.code()).to_owned());
                    // The step's number and name, as the learner saw it.
                    let step = lesson
                        .and_then(|l| {
                            let n = l.steps.iter().position(|s| s.id == c.step)?;
                            Some(format!("{} ({})", n + 1, i18n.step_name(&l.steps[n], lang)))
                        })
                        .unwrap_or_else(|| c.step.clone());
                    i18n.text_with(
                        lang,
                        "panel-help-row",
                        &[
                            ("name", c.name.as_str().into()),
                            ("code", c.learner.as_str().into()),
                            ("lesson", title.into()),
                            ("step", step.into()),
                            ("when", when(c.at).into()),
                        ],
                    )
                })
                .unwrap_or_default(),
            _ => String::new(),
        },
        PanelItem::Yes => t("confirm-yes"),
        PanelItem::No => t("confirm-no"),
    }
}

/// A page of the volunteer panel: its title, what it says, and its items.
pub fn panel(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    panel: &Panel,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let width = area.width;
    let mut top: Vec<Row> = Vec::new();
    let mut bottom: Vec<Row> = Vec::new();
    let say =
        |rows: &mut Vec<Row>, text: &str| rows.extend(wrapped(text, width, theme::base(), ""));
    match &panel.view {
        PanelView::Home => {
            top.extend(wrapped(&t("panel-title"), width, theme::title(), ""));
            if let Some(c) = panel.coverage {
                let line = i18n.text_with(
                    lang,
                    "panel-coverage",
                    &[
                        ("person", c.person.into()),
                        ("total", c.total.into()),
                        ("drafts", c.drafts.into()),
                        ("stale", c.stale.into()),
                        ("missing", c.missing.into()),
                    ],
                );
                top.extend(wrapped(&line, width, theme::dim(), ""));
            }
        }
        PanelView::Learners { query, rows } => {
            top.extend(wrapped(&t("panel-search-title"), width, theme::title(), ""));
            let query = typed(lang, query);
            let field = i18n.text_with(lang, "panel-search", &[("query", query.into())]);
            top.push(Row::text(format!("{field}▏"), theme::focus()));
            if rows.is_empty() {
                say(&mut bottom, &t("panel-no-learners"));
            }
        }
        PanelView::Learner(detail) => {
            let l = &detail.learner;
            top.extend(wrapped(
                &format!("{} · {}", l.name, l.code),
                width,
                theme::title(),
                "",
            ));
            let age = match l.age_band {
                Some(band) => i18n.text_with(
                    lang,
                    "panel-age",
                    &[("band", t(&format!("age-{}", band_id(band))).into())],
                ),
                None => t("panel-age-unknown"),
            };
            say(&mut top, &age);
            for note in detail.notes.iter().take(2) {
                let text = i18n.text_with(
                    lang,
                    "panel-note",
                    &[
                        ("when", when(note.at).into()),
                        ("text", note.text.as_str().into()),
                    ],
                );
                top.extend(wrapped(&text, width, theme::dim(), "✎ "));
            }
        }
        PanelView::Lesson { detail, lesson } => {
            let title = model
                .lessons
                .get(*lesson)
                .map(|l| l.title.get(lang.code()).to_owned())
                .unwrap_or_default();
            top.extend(wrapped(&title, width, theme::title(), ""));
            let who = i18n.text_with(
                lang,
                "panel-lesson-for",
                &[
                    ("name", detail.learner.name.as_str().into()),
                    ("code", detail.learner.code.as_str().into()),
                ],
            );
            say(&mut top, &who);
            // Where "guide" will open, so the volunteer knows before choosing it.
            let start = model.lessons.get(*lesson).and_then(|l| {
                let start = guided_start(l, &detail.progress);
                Some((start, l.steps.get(start.step)?))
            });
            if let Some((start, step)) = start {
                let id = match start.why {
                    StartWhy::LeftOff => "panel-guide-start-left-off",
                    StartWhy::Stuck => "panel-guide-start-stuck",
                    StartWhy::NotYetMastered => "panel-guide-start-not-yet",
                    StartWhy::Beginning => "panel-guide-start-beginning",
                };
                let text = i18n.text_with(
                    lang,
                    id,
                    &[
                        ("n", (start.step + 1).into()),
                        ("step", i18n.step_name(step, lang).into()),
                        ("name", detail.learner.name.as_str().into()),
                    ],
                );
                top.extend(wrapped(&text, width, theme::dim(), ""));
            }
        }
        PanelView::Confirm { danger, .. } => {
            let text = match danger {
                Danger::ResetLesson { name, lesson, .. } => {
                    let title = model
                        .lessons
                        .iter()
                        .find(|l| l.id == *lesson)
                        .map_or(lesson.clone(), |l| l.title.get(lang.code()).to_owned());
                    i18n.text_with(
                        lang,
                        "confirm-reset-lesson",
                        &[("name", name.as_str().into()), ("lesson", title.into())],
                    )
                }
                Danger::ResetLearner { name, .. } => i18n.text_with(
                    lang,
                    "confirm-reset-learner",
                    &[("name", name.as_str().into())],
                ),
                Danger::Forget { learner, name } => i18n.text_with(
                    lang,
                    "confirm-forget",
                    &[
                        ("name", name.as_str().into()),
                        ("code", learner.as_str().into()),
                    ],
                ),
                Danger::Quit => t("confirm-quit"),
            };
            top.extend(wrapped(&text, width, theme::wrong(), "⚠ "));
        }
        PanelView::Help(calls) => {
            top.extend(wrapped(&t("panel-help-title"), width, theme::title(), ""));
            say(
                &mut top,
                &t(if calls.is_empty() {
                    "panel-help-none"
                } else {
                    "panel-help-how"
                }),
            );
        }
        PanelView::Figures(figures) => {
            top.extend(wrapped(
                &t("panel-figures-title"),
                width,
                theme::title(),
                "",
            ));
            match figures {
                None => say(&mut top, &t("panel-figures-reading")),
                Some(Err(e)) => say(
                    &mut top,
                    &i18n.text_with(lang, "panel-figures-error", &[("error", e.as_str().into())]),
                ),
                Some(Ok(f)) => {
                    let lines = [
                        ("figures-sessions", vec![("count", f.sessions)]),
                        (
                            "figures-learners",
                            vec![("count", f.learners), ("new", f.new_learners)],
                        ),
                        (
                            "figures-answers",
                            vec![("count", f.answers), ("assisted", f.assisted)],
                        ),
                        ("figures-mastered", vec![("count", f.lessons_mastered)]),
                        ("figures-help", vec![("count", f.needs_help)]),
                    ];
                    for (id, args) in lines {
                        let args: Vec<(&str, fluent_bundle::FluentValue)> =
                            args.into_iter().map(|(k, v)| (k, v.into())).collect();
                        top.extend(wrapped(
                            &i18n.text_with(lang, id, &args),
                            width,
                            theme::base(),
                            "• ",
                        ));
                    }
                    // As the report says it: the two agree, and say why they may seem not
                    // to add up after an erasure.
                    top.extend(wrapped(&t("figures-erased"), width, theme::dim(), ""));
                }
            }
        }
        PanelView::Problems => {
            top.extend(wrapped(
                &t("panel-problems-title"),
                width,
                theme::title(),
                "",
            ));
            if problem_count(model) == 0 {
                say(&mut top, &t("panel-problems-none"));
            }
            for line in &model.problems {
                top.extend(wrapped(line, width, theme::base(), "⚑ "));
            }
            for notice in &model.notices {
                top.extend(wrapped(
                    &super::sign_in::notice_text(model, i18n, notice),
                    width,
                    theme::base(),
                    "⚑ ",
                ));
            }
        }
    }
    let labels: Vec<String> = items(model)
        .into_iter()
        .map(|item| item_label(model, i18n, panel, item))
        .collect();
    let mut rows = top;
    if !labels.is_empty() {
        rows.push(Row::blank());
        rows.extend(answer_rows(&labels, Some(panel.focus), width, 0));
    }
    rows.extend(bottom);
    draw_scrolled(frame, area, &rows, hits);
}

fn band_id(band: crate::store::AgeBand) -> &'static str {
    match band {
        crate::store::AgeBand::Under60 => "under-60",
        crate::store::AgeBand::Sixties => "60-69",
        crate::store::AgeBand::Seventies => "70-79",
        crate::store::AgeBand::EightyPlus => "80-plus",
    }
}

/// The volunteer's buttons over the key bar in a guided session: with their names when
/// they fit, else short names, else just their keys.
pub fn guided_bar(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    frame.buffer_mut().set_style(area, theme::bar());
    let helped = model.guided.as_ref().map_or(0, |g| g.helped);
    let label = |key: GuidedKey, short: bool| {
        let id = match key {
            GuidedKey::Previous => "guided-previous",
            GuidedKey::Next => "guided-next",
            GuidedKey::Reveal => "guided-reveal",
            GuidedKey::Helped => "guided-helped",
            GuidedKey::End => "guided-end",
        };
        let id = if short {
            format!("{id}-short")
        } else {
            id.to_owned()
        };
        i18n.text_with(lang, &id, &[("count", helped.into())])
    };
    let title = format!(" {} ", i18n.text(lang, "guided-label"));
    let width = |labels: &[String]| labels.iter().map(|l| l.width() as u16 + 2).sum::<u16>();
    let full: Vec<String> = GuidedKey::ALL.iter().map(|k| label(*k, false)).collect();
    let short: Vec<String> = GuidedKey::ALL.iter().map(|k| label(*k, true)).collect();
    let keys: Vec<String> = (5..=9).map(|n| format!("F{n}")).collect();
    let (labels, show_title) = if width(&full) + title.width() as u16 <= area.width {
        (full, true)
    } else if width(&full) <= area.width {
        (full, false)
    } else if width(&short) <= area.width {
        (short, false)
    } else {
        (keys, false)
    };
    let mut x = area.x;
    if show_title {
        let w = title.width() as u16;
        frame.render_widget(
            Span::styled(title, theme::bar().add_modifier(Modifier::BOLD)),
            Rect::new(x, area.y, w, 1),
        );
        x += w;
    }
    for (key, text) in GuidedKey::ALL.into_iter().zip(labels) {
        let w = (text.width() as u16 + 2).min(area.right().saturating_sub(x));
        if w < 3 {
            break;
        }
        let rect = Rect::new(x, area.y, w - 1, 1);
        frame.render_widget(Span::styled(format!(" {text}"), theme::bar_key()), rect);
        hits.add(rect, Target::Guided(key));
        x += w;
    }
}

/// The end of a guided session: what to practise at home, and the note field.
pub fn guided_end(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    lesson: usize,
    note: &str,
) {
    let lang = model.lang;
    let t = |id: &str| i18n.text(lang, id);
    let width = area.width;
    let mut rows = wrapped(&t("guided-end-title"), width, theme::title(), "");
    let name = model.learner.as_ref().map_or("", |l| l.name.as_str());
    let steps = to_practise_at_home(model, lesson);
    if steps.is_empty() {
        rows.extend(wrapped(
            &t("guided-end-nothing"),
            width,
            theme::right(),
            "✓ ",
        ));
    } else {
        rows.extend(wrapped(
            &i18n.text_with(
                lang,
                "guided-end-home",
                &[
                    ("name", name.into()),
                    (
                        "lesson",
                        model
                            .lessons
                            .get(lesson)
                            .map_or("", |l| l.title.get(lang.code()))
                            .into(),
                    ),
                ],
            ),
            width,
            theme::base(),
            "",
        ));
    }
    // The note field at the foot, the heading at the top, and as many of the steps to
    // practise as fit between them (the rest counted in a line): the heading and the
    // learner's name never scroll away.
    let mut foot = vec![Row::blank()];
    foot.extend(wrapped(&t("guided-end-note"), width, theme::dim(), ""));
    let note = typed(lang, note);
    foot.extend(wrapped(&format!("{note}▏"), width, theme::focus(), ""));
    let room = usize::from(area.height).saturating_sub(rows.len() + foot.len());
    if let Some(l) = model.lessons.get(lesson) {
        let lines: Vec<Vec<Row>> = steps
            .iter()
            .map(|&i| {
                let name = i18n.step_name(&l.steps[i], lang);
                let line = i18n.text_with(
                    lang,
                    "guided-end-step",
                    &[("n", (i + 1).into()), ("text", name.into())],
                );
                wrapped(&line, width, theme::base(), "• ")
            })
            .collect();
        let mut used = 0;
        for (k, step) in lines.iter().enumerate() {
            let left = lines.len() - k - 1;
            // Room for this step, and for the line that counts the rest, if any.
            let more_rows = if left > 0 { 2 } else { 0 };
            if used + step.len() + more_rows > room {
                let more = i18n.text_with(
                    lang,
                    "guided-end-more",
                    &[("count", (lines.len() - k).into())],
                );
                let more = wrapped(&more, width, theme::dim(), "  ");
                if used + more.len() <= room {
                    rows.extend(more);
                }
                break;
            }
            used += step.len();
            rows.extend(step.iter().cloned());
        }
    }
    // Top-aligned; the field stays at the bottom of what is drawn.
    let gap = usize::from(area.height).saturating_sub(rows.len() + foot.len());
    rows.extend((0..gap).map(|_| Row::blank()));
    rows.extend(foot.into_iter().map(|r| r.visible(true)));
    draw_rows(frame, area, &rows, &mut HitMap::default());
}

/// "Still there?", over everything; a touch anywhere answers it.
pub fn still_there(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    i18n: &Localizer,
    left: u64,
    hits: &mut HitMap,
) {
    let lang = model.lang;
    let width = area.width.saturating_sub(4).clamp(1, 60);
    let mut rows = centred(&i18n.text(lang, "idle-title"), width, theme::title());
    rows.push(Row::blank());
    rows.extend(centred(
        &i18n.text(lang, "idle-touch"),
        width,
        theme::base(),
    ));
    rows.push(Row::blank());
    rows.extend(centred(
        &i18n.text_with(lang, "idle-left", &[("seconds", left.into())]),
        width,
        theme::base().add_modifier(Modifier::BOLD),
    ));
    let height = (rows.len() as u16 + 2).min(area.height);
    let box_width = (width + 2).min(area.width);
    let rect = Rect::new(
        area.x + (area.width - box_width) / 2,
        area.y + (area.height - height) / 2,
        box_width,
        height,
    );
    frame.render_widget(Clear, rect);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(theme::title())
        .style(theme::base());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    draw_rows(frame, inner, &rows, &mut HitMap::default());
    *hits = HitMap::default();
    hits.add(area, Target::StillHere);
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    use crate::app::{Effect, Model, Msg, PanelData, PanelQuery, Size, Target, update};
    use crate::audio::slots::Coverage;
    use crate::i18n::{Lang, Localizer};

    fn screen(model: &Model) -> String {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| {
                super::super::draw(frame, model, &Localizer::embedded());
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..buffer.area.height {
            for x in 0..buffer.area.width {
                text.push_str(buffer[(x, y)].symbol());
            }
            text.push('\n');
        }
        text
    }

    fn panel() -> Model {
        let mut model = Model::new(Vec::new(), Lang::Vi, Size::new(80, 24));
        model.settings.narration = true;
        model.settings.voice = true;
        let effects = update(&mut model, Msg::Click(Target::Volunteer));
        assert!(
            effects.contains(&Effect::Load(PanelQuery::Narration)),
            "{effects:?}"
        );
        model
    }

    #[test]
    fn the_panel_says_how_much_a_person_reads() {
        let mut model = panel();
        assert!(!screen(&model).contains("Giọng đọc"));
        let counts = Coverage {
            total: 650,
            person: 12,
            drafts: 600,
            stale: 3,
            missing: 35,
        };
        update(&mut model, Msg::Panel(PanelData::Narration(counts)));
        let shown = screen(&model);
        assert!(
            shown.contains("Giọng đọc: người thật 12/650 · bản máy 600 · cũ 3 · thiếu 35"),
            "{shown}"
        );
        assert!(shown.contains("Đọc to: đang bật"), "{shown}");
    }

    #[test]
    fn with_no_sound_device_the_panel_does_not_say_reading_aloud_is_on() {
        let mut model = panel();
        update(&mut model, Msg::SoundAvailable(false));
        let shown = screen(&model);
        assert!(!shown.contains("đang bật"), "{shown}");
        assert!(shown.contains("không có loa"), "{shown}");
    }

    #[test]
    fn a_help_call_names_the_step_as_the_learner_saw_it() {
        let lesson = crate::lesson::parse_lesson(
            std::path::Path::new("tap-luyen.toml"),
            include_str!("../../tests/fixtures/tutor/lessons/tap-luyen.toml"),
            &crate::lesson::CheckOptions::default(),
        )
        .lesson
        .unwrap();
        let (n, step) = lesson
            .steps
            .iter()
            .enumerate()
            .find(|(_, s)| s.is_practice())
            .unwrap();
        let expected = format!(
            "bước {} ({})",
            n + 1,
            crate::i18n::Localizer::embedded().step_name(step, Lang::Vi)
        );
        let call = crate::store::HelpCall {
            learner: "4821".into(),
            name: "Bà Hạnh".into(),
            lesson: lesson.id.clone(),
            step: step.id.clone(),
            at: 0,
        };
        let mut model = Model::new(vec![lesson], Lang::Vi, Size::new(80, 24));
        update(&mut model, Msg::Click(Target::Volunteer));
        let crate::app::Screen::Panel(panel) = &mut model.screen else {
            panic!("the panel is open");
        };
        panel.view = crate::app::PanelView::Help(vec![call]);
        let shown = screen(&model);
        assert!(shown.contains(&expected), "{expected} in\n{shown}");
    }

    /// The guided bar's buttons draw whole in the kiosk's font: Noto Sans Mono draws ◀ ▶
    /// (and ◁ ▷) wider than a cell, and foot lets them spill into the next cell, so at a
    /// button's end half the triangle was cut off (seen in the kiosk chroot at 1366×768).
    /// The arrows ← → fit a cell.
    #[test]
    fn the_guided_bar_draws_whole_in_the_kiosks_font() {
        let i18n = Localizer::embedded();
        for lang in [Lang::Vi, Lang::En] {
            for key in ["previous", "next", "reveal", "helped", "end"] {
                for id in [format!("guided-{key}"), format!("guided-{key}-short")] {
                    let text = i18n.text_with(lang, &id, &[("count", 0.into())]);
                    assert!(
                        !text.contains(['◀', '▶', '◁', '▷']),
                        "{id} ({lang:?}): {text}"
                    );
                }
            }
        }
        let mut model = Model::new(Vec::new(), Lang::Vi, Size::new(58, 15));
        model.guided = Some(Default::default());
        let mut terminal = Terminal::new(TestBackend::new(58, 1)).unwrap();
        terminal
            .draw(|frame| {
                let area = frame.area();
                super::guided_bar(frame, area, &model, &i18n, &mut Default::default());
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        let bar: String = buffer.content().iter().map(|c| c.symbol()).collect();
        assert_eq!(
            bar.trim_end(),
            " F5 ← Trước  F6 Sau →  F7 Đáp án  F8 Giúp (0)  F9 Xong"
        );
    }
}
