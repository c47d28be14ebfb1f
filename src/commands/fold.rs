//! `hocso check`'s fold check: whether each practice step shows what the learner answers
//! with (its answers, its items, the element to tap, the keys to type on) without
//! scrolling, on the kiosk's screen of 58×14 cells.
//!
//! The step is measured by the tutor itself: it is opened as `hocso preview` opens it and
//! drawn by the tutor's own drawing code into a test terminal of that size, and the
//! touch regions of the frame say what is in view. So the check follows the tutor's
//! layout as it changes, and never disagrees with what a learner sees. It lives here, not
//! in `lesson`, because drawing needs the terminal library the core never imports.

use std::ops::Range;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use serde::Deserialize;
use toml::Spanned;

use crate::app::{Model, Screen, Settings, Size, StepLayout, Target};
use crate::i18n::Localizer;
use crate::lesson::text::TextFile;
use crate::lesson::{CheckRun, Diagnostic, Glossary, Lesson, Step, Task};
use crate::typing::keyboard::KeyboardKey;
use crate::ui::{self, HitMap};

/// The kiosk's screen: 1280×720 pixels at the shipped font size.
pub const FOLD: Size = Size {
    width: 58,
    height: 14,
};

/// A warning for each practice step of the checked lessons whose answers do not all show
/// at [`FOLD`] (in Vietnamese, the learners' language).
pub fn below_fold(run: &CheckRun, i18n: &Localizer) -> Vec<Diagnostic> {
    let glossary = Arc::new(run.glossary.clone());
    let mut found = Vec::new();
    for lesson in &run.lessons {
        let Some(text) = run.text_of(&lesson.source) else {
            continue;
        };
        // The lesson loaded, so its file is readable; if not, there is nothing to point at.
        let Ok(file) = toml::from_str::<SpanFile>(text) else {
            continue;
        };
        for step in lesson.practice_steps() {
            let Some(hidden) = hidden_at(lesson, &glossary, step, FOLD, i18n) else {
                continue;
            };
            let Some(spans) = file.steps.iter().find(|s| s.id.get_ref() == &step.id) else {
                continue;
            };
            found.push(warning(&hidden, spans).locate(&lesson.source, text));
        }
    }
    found
}

/// What of a step's answers is not in view without scrolling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// A `choice` step's answer not (wholly) in view: the first, by position.
    Option(usize),
    /// An `order` step's item not (wholly) in view: the first, in the right order's
    /// numbering.
    Item(usize),
    /// A `tap` step's element to tap is not on the phone's screen.
    Target,
    /// A `type` step's keys are not all there.
    Keys,
}

/// What of `step`'s answers is out of view when it opens on a screen of `size`, if any.
pub fn hidden_at(
    lesson: &Lesson,
    glossary: &Arc<Glossary>,
    step: &Step,
    size: Size,
    i18n: &Localizer,
) -> Option<Hidden> {
    let (hits, buffer) = drawn(lesson, glossary, step, size, i18n)?;
    // Answers and items are in a text column as wide as the screen, whatever its height:
    // on a screen tall enough for everything, each shows all its lines. An answer with
    // fewer lines in view at `size` is (in part) below the fold.
    let answers = |count: usize, target: fn(usize) -> Target| -> Option<usize> {
        let (tall_hits, tall_buffer) =
            drawn(lesson, glossary, step, Size::new(size.width, TALL), i18n)?;
        (0..count).find(|&i| {
            let shown = lines_of(&hits, &buffer, target(i));
            shown == 0 || shown < lines_of(&tall_hits, &tall_buffer, target(i))
        })
    };
    let in_view = |target: Target| hits.regions().iter().any(|(_, t)| *t == target);
    match &step.task {
        Task::Choice { options } => answers(options.len(), Target::Choice).map(Hidden::Option),
        Task::Order { items } => answers(items.len(), Target::OrderItem).map(Hidden::Item),
        Task::Tap { screen, target } => {
            // In view when its words are: a phone's row may go on (a detail line) under a
            // ▼, but the learner sees it and can touch it.
            let index = screen.tappables().position(|t| t.id() == Some(target))?;
            (lines_of(&hits, &buffer, Target::Phone(index)) == 0).then_some(Hidden::Target)
        }
        Task::Type { .. } => {
            let ok = [
                Target::Keypad(crate::app::KeypadKey::Ok),
                Target::Keyboard(KeyboardKey::Ok),
            ];
            (!ok.into_iter().any(in_view)).then_some(Hidden::Keys)
        }
        Task::Explain { .. } | Task::Scan { .. } => None,
    }
}

/// A screen tall enough to show any step's answers whole.
const TALL: u16 = 80;

/// How many lines of words of `target` are drawn: its touch regions' rows that show
/// something (a tall answer's blank second row does not count).
fn lines_of(hits: &HitMap, buffer: &Buffer, target: Target) -> usize {
    hits.regions()
        .iter()
        .filter(|(r, t)| {
            *t == target
                && (r.x..r.right()).any(|x| {
                    buffer
                        .cell((x, r.y))
                        .is_some_and(|c| !c.symbol().trim().is_empty())
                })
        })
        .count()
}

/// The step as it first shows, drawn at `size`: its touch regions. A step whose picture is
/// one key away (the layout is paged) is measured on the picture's page, where its
/// answers are.
fn drawn(
    lesson: &Lesson,
    glossary: &Arc<Glossary>,
    step: &Step,
    size: Size,
    i18n: &Localizer,
) -> Option<(HitMap, Buffer)> {
    let settings = Settings::default();
    let (mut model, _) = Model::preview(
        lesson.clone(),
        Some(step.id.as_str()),
        String::new(),
        size,
        settings,
    );
    // Its hard words marked, as the kiosk marks them: a marked last line keeps a gap.
    model.glossary = glossary.clone();
    let answers_on_phone = matches!(step.task, Task::Tap { .. } | Task::Type { .. });
    let paged = model.step_layout() == Some(StepLayout::Paged);
    if answers_on_phone
        && paged
        && let Screen::Lesson(run) = &mut model.screen
    {
        run.state.show_picture = true;
    }
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).ok()?;
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = ui::draw(frame, &model, i18n))
        .ok()?;
    Some((hits, terminal.backend().buffer().clone()))
}

fn warning(hidden: &Hidden, spans: &SpanStep) -> crate::lesson::diagnostic::Draft {
    let size = format!("{}×{}", FOLD.width, FOLD.height);
    let whole = || spans.text.span();
    let (message, at, label, help) = match *hidden {
        Hidden::Option(i) => (
            format!("at {size} the answers do not all fit: the learner must scroll to see them"),
            spans
                .options
                .get(i)
                .and_then(|o| vietnamese(&o.text))
                .unwrap_or_else(whole),
            format!("answer {} is below the fold", i + 1),
            "shorten the question (what comes before it can be an `explain` step) or the \
             answers, or give fewer answers",
        ),
        Hidden::Item(i) => (
            format!("at {size} the items do not all fit: the learner must scroll to order them"),
            spans
                .items
                .get(i)
                .and_then(vietnamese)
                .unwrap_or_else(whole),
            format!("item {} is below the fold", i + 1),
            "shorten the instruction or the items, or order fewer items (at 58×14, four \
             items of one line each fit under an instruction of two lines)",
        ),
        Hidden::Target => (
            format!(
                "at {size} the element to tap is not wholly on the pretend phone's screen \
                 without scrolling"
            ),
            spans.target.as_ref().map_or_else(whole, Spanned::span),
            "below the fold".to_owned(),
            "put it higher on the phone's screen, or leave out elements this step does not \
             need",
        ),
        Hidden::Keys => (
            format!("at {size} the keys to type on are not all in view"),
            spans.answer.as_ref().map_or_else(whole, Spanned::span),
            "typed on keys below the fold".to_owned(),
            "leave out elements of the phone's screen this step does not need",
        ),
    };
    Diagnostic::warning("options-below-fold", message)
        .at(at)
        .label(label)
        .help(help)
}

fn vietnamese(text: &Spanned<TextFile>) -> Option<Range<usize>> {
    TextFile::vietnamese(text).map(|(_, span)| span)
}

/// Where a lesson file's steps and their answers are written.
#[derive(Deserialize)]
struct SpanFile {
    #[serde(default)]
    steps: Vec<SpanStep>,
}

#[derive(Deserialize)]
struct SpanStep {
    id: Spanned<String>,
    text: Spanned<TextFile>,
    #[serde(default)]
    target: Option<Spanned<String>>,
    #[serde(default)]
    options: Vec<SpanOption>,
    #[serde(default)]
    items: Vec<Spanned<TextFile>>,
    #[serde(default)]
    answer: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct SpanOption {
    text: Spanned<TextFile>,
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use ratatui::layout::Rect;

    use super::*;
    use crate::lesson::{Catalogue, CheckOptions};

    /// The sizes of the kiosk's grid at its three font sizes.
    const KIOSK: [Size; 3] = [
        FOLD,
        Size {
            width: 62,
            height: 15,
        },
        Size {
            width: 87,
            height: 21,
        },
    ];

    /// Whether two touch regions meet: side by side on a row, or one right above the
    /// other with columns in common.
    fn touching(a: Rect, b: Rect) -> bool {
        let columns = a.x < b.right() && b.x < a.right();
        let rows = a.y < b.bottom() && b.y < a.bottom();
        (rows && (a.right() == b.x || b.right() == a.x))
            || (columns && (a.bottom() == b.y || b.bottom() == a.y))
    }

    /// However short of room a step is, its layout never squeezes out the dead space
    /// between two targets: a shaky finger between two lands on nothing.
    #[test]
    fn no_two_targets_of_a_bundled_step_touch_at_the_kiosks_sizes() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let catalogue = Catalogue::load_dir(&dir, &CheckOptions::default());
        let (lessons, glossary) = (catalogue.lessons, Arc::new(catalogue.glossary));
        assert!(lessons.len() > 10);
        let i18n = Localizer::embedded();
        let mut found = Vec::new();
        for size in KIOSK {
            for lesson in &lessons {
                for step in lesson.practice_steps() {
                    let (hits, _) = drawn(lesson, &glossary, step, size, &i18n).unwrap();
                    let regions = hits.regions();
                    for (i, (a, ta)) in regions.iter().enumerate() {
                        for (b, tb) in &regions[i + 1..] {
                            if ta != tb && touching(*a, *b) {
                                found.push(format!(
                                    "{}×{} {} {}: {ta:?} {a:?} and {tb:?} {b:?}",
                                    size.width, size.height, lesson.id, step.id
                                ));
                            }
                        }
                    }
                }
            }
        }
        assert!(found.is_empty(), "{found:#?}");
    }

    /// Packed tightest (an order step of the library at the kiosk's 58×14), the answer
    /// to a wrong order comes where the blank row above the buttons was: every item stays
    /// in view, on the rows the items took before the check.
    #[test]
    fn a_tight_order_step_tells_what_was_wrong_without_moving_its_items() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let lessons = Catalogue::load_dir(&dir, &CheckOptions::default()).lessons;
        let lesson = lessons.iter().find(|l| l.id == "vneid-kich-hoat").unwrap();
        let step = lesson.steps.iter().find(|s| s.id == "thu-tu").unwrap();
        let Task::Order { items } = &step.task else {
            panic!("an order step");
        };
        let i18n = Localizer::embedded();
        let (mut model, _) = Model::preview(
            lesson.clone(),
            Some("thu-tu"),
            String::new(),
            FOLD,
            Settings::default(),
        );
        let draw = |model: &Model| {
            let mut terminal = Terminal::new(TestBackend::new(FOLD.width, FOLD.height)).unwrap();
            let mut hits = HitMap::default();
            terminal
                .draw(|frame| hits = ui::draw(frame, model, &i18n))
                .unwrap();
            let text: String = terminal
                .backend()
                .buffer()
                .content()
                .chunks(usize::from(FOLD.width))
                .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
                .collect();
            let mut rows: Vec<u16> = (0..items.len())
                .filter_map(|i| hits.find(Target::OrderItem(i)))
                .map(|r| r.y)
                .collect();
            rows.sort_unstable();
            (text, rows)
        };
        // Backwards: wrong from the first item on.
        for item in (0..items.len()).rev() {
            let _ = crate::app::update(&mut model, crate::app::Msg::Click(Target::OrderItem(item)));
        }
        let (_, before) = draw(&model);
        assert_eq!(before.len(), items.len());
        let _ = crate::app::update(&mut model, crate::app::Msg::Click(Target::OrderCheck));
        let (text, after) = draw(&model);
        assert!(text.contains("✗"), "{text}");
        assert_eq!(after, before, "{text}");
    }

    /// The tutor at `step`, at `size`, with the glossary's words marked.
    fn opened(lesson: &Lesson, step: &Step, size: Size, glossary: &Arc<Glossary>) -> Model {
        let (mut model, _) = Model::preview(
            lesson.clone(),
            Some(&step.id),
            String::new(),
            size,
            Settings::default(),
        );
        model.glossary = glossary.clone();
        model
    }

    /// Where `model`'s targets are, drawn at its size.
    fn hits_of(model: &Model, i18n: &Localizer) -> HitMap {
        let mut terminal =
            Terminal::new(TestBackend::new(model.size.width, model.size.height)).unwrap();
        let mut hits = HitMap::default();
        terminal
            .draw(|frame| hits = ui::draw(frame, model, i18n))
            .unwrap();
        hits
    }

    /// Every bundled order step at the kiosk's size: what she is told after one, two and
    /// three wrong checks (the words, the hint, the call for a volunteer) comes without
    /// moving an item she may be reaching for.
    #[test]
    fn what_a_wrong_order_is_told_never_moves_its_items() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let catalogue = Catalogue::load_dir(&dir, &CheckOptions::default());
        let glossary = Arc::new(catalogue.glossary);
        let i18n = Localizer::embedded();
        let mut moved = Vec::new();
        for lesson in &catalogue.lessons {
            for step in &lesson.steps {
                let Task::Order { items } = &step.task else {
                    continue;
                };
                let mut model = opened(lesson, step, FOLD, &glossary);
                let rows = |model: &Model| {
                    let hits = hits_of(model, &i18n);
                    let mut rows: Vec<u16> = (0..items.len())
                        .filter_map(|i| hits.find(Target::OrderItem(i)))
                        .map(|r| r.y)
                        .collect();
                    rows.sort_unstable();
                    rows
                };
                let mut before = None;
                for miss in 1..=3 {
                    let placed = match &model.screen {
                        crate::app::Screen::Lesson(run) => run.state.placed.clone(),
                        _ => Vec::new(),
                    };
                    for item in (0..items.len()).rev().filter(|i| !placed.contains(i)) {
                        let _ = crate::app::update(
                            &mut model,
                            crate::app::Msg::Click(Target::OrderItem(item)),
                        );
                    }
                    let placed_rows = rows(&model);
                    let before = before.get_or_insert(placed_rows);
                    let _ =
                        crate::app::update(&mut model, crate::app::Msg::Click(Target::OrderCheck));
                    let after = rows(&model);
                    if after != *before {
                        moved.push(format!(
                            "{}/{} after miss {miss}: {before:?} → {after:?}",
                            lesson.id, step.id
                        ));
                        break;
                    }
                }
            }
        }
        assert!(moved.is_empty(), "{moved:#?}");
    }

    /// Every bundled choice step at the kiosk's sizes: the words for a wrong answer, the
    /// hint and the call for a volunteer come without moving an answer (at 58×14 on a
    /// page of their own over the step, closed with a touch).
    #[test]
    fn what_a_wrong_answer_is_told_never_moves_the_answers() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let catalogue = Catalogue::load_dir(&dir, &CheckOptions::default());
        let glossary = Arc::new(catalogue.glossary);
        let i18n = Localizer::embedded();
        let mut moved = Vec::new();
        for size in [FOLD, Size::new(62, 15), Size::new(87, 21)] {
            for lesson in &catalogue.lessons {
                for step in &lesson.steps {
                    let Task::Choice { options } = &step.task else {
                        continue;
                    };
                    let model = opened(lesson, step, size, &glossary);
                    let rows = |model: &Model| {
                        let hits = hits_of(model, &i18n);
                        (0..options.len())
                            .map(|at| hits.find(Target::Choice(at)).map(|r| r.y))
                            .collect::<Vec<_>>()
                    };
                    let before = rows(&model);
                    let wrong: Vec<usize> = match &model.screen {
                        crate::app::Screen::Lesson(run) => (0..options.len())
                            .filter(|&at| {
                                run.state
                                    .option_at(step, at)
                                    .is_some_and(|i| !options[i].correct)
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    // Each wrong answer first (its own words), then the others (the
                    // hint, the call for a volunteer).
                    for first in 0..wrong.len() {
                        let mut model = opened(lesson, step, size, &glossary);
                        let order = std::iter::once(wrong[first])
                            .chain(wrong.iter().copied().filter(|&w| w != wrong[first]));
                        for (miss, at) in order.enumerate() {
                            let _ = crate::app::update(
                                &mut model,
                                crate::app::Msg::Click(Target::Choice(at)),
                            );
                            // On a short screen the words come on a page of their own: read,
                            // and closed with a touch.
                            assert_eq!(model.told_page_open(), size == FOLD, "{}", step.id);
                            if model.told_page_open() {
                                let _ = crate::app::update(
                                    &mut model,
                                    crate::app::Msg::Click(Target::CloseTold),
                                );
                            }
                            let after = rows(&model);
                            if after != before {
                                moved.push(format!(
                                    "{}/{} at {}×{} after miss {}: {before:?} → {after:?}",
                                    lesson.id,
                                    step.id,
                                    size.width,
                                    size.height,
                                    miss + 1
                                ));
                                break;
                            }
                        }
                    }
                }
            }
        }
        assert!(moved.is_empty(), "{moved:#?}");
    }

    /// What the fold check measures: at the kiosk's size every bundled practice step
    /// shows all it is answered with.
    #[test]
    fn every_bundled_practice_step_shows_its_answers_at_the_fold() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
        let catalogue = Catalogue::load_dir(&dir, &CheckOptions::default());
        let (lessons, glossary) = (catalogue.lessons, Arc::new(catalogue.glossary));
        let i18n = Localizer::embedded();
        let hidden: Vec<String> = lessons
            .iter()
            .flat_map(|l| l.practice_steps().map(move |s| (l, s)))
            .filter_map(|(l, s)| {
                hidden_at(l, &glossary, s, FOLD, &i18n).map(|h| format!("{} {}: {h:?}", l.id, s.id))
            })
            .collect();
        assert!(hidden.is_empty(), "{hidden:#?}");
    }
}
