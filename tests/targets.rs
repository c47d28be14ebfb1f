//! The sizes of touch targets and the gaps between them, measured on every practice step
//! of every bundled lesson and on the sign-in screens with keys, at the kiosk's sizes.
//! No two targets meet anywhere (cell by cell); the table of the smallest target and gap,
//! in cells and millimetres, prints with `--nocapture`.

mod support;

use hocso::app::{
    BarKey, EnterMeaning, KeyboardKey, KeyboardLayer, Model, Msg, Screen, Settings, Size,
    StepLayout, Target, update,
};
use hocso::lesson::{Catalogue, CheckOptions, Glossary, InputMethod, Lesson, Task};
use support::root;
use support::screen::render;
use support::targets::{Smallest, gaps, pieces, touching};

/// The kiosk's grids: 1280×720 (58×14); the 15.6" panel (62×15); the 21.5" panel as the
/// launcher sizes it (60×14) and with the 15.6"'s font (87×21).
const SIZES: [(u16, u16); 4] = [(58, 14), (62, 15), (60, 14), (87, 21)];

fn lessons() -> Vec<Lesson> {
    let all = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).lessons;
    assert!(all.len() >= 10);
    all
}

fn glossary() -> std::sync::Arc<Glossary> {
    let glossary = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).glossary;
    assert!(!glossary.is_empty());
    std::sync::Arc::new(glossary)
}

/// The phone's elements and its keys: the targets this measure holds to a gap.
fn phone_or_keys(target: Target) -> bool {
    matches!(
        target,
        Target::Phone(_) | Target::Keyboard(_) | Target::Keypad(_)
    )
}

/// The screens worth measuring at `w`×`h`, with a name each.
fn screens(w: u16, h: u16) -> Vec<(String, Model)> {
    let size = Size::new(w, h);
    let glossary = glossary();
    let mut out = Vec::new();
    let mut explanation = false;
    for lesson in lessons() {
        for (index, step) in lesson.steps.iter().enumerate() {
            // Explanations are measured for their marked words (the rest is one button).
            let marked = !glossary.marks(step.text.get("vi"), "vi").is_empty();
            if !step.is_practice() && !marked {
                continue;
            }
            let (mut model, _) = Model::preview(
                lesson.clone(),
                Some(&step.id),
                String::new(),
                size,
                Settings {
                    narration: true,
                    ..Settings::default()
                },
            );
            model.glossary = glossary.clone();
            let _ = update(&mut model, Msg::Resize(size));
            assert_eq!(model.run().unwrap().1.id, lesson.steps[index].id);
            // One word's explanation, with the button to the next word, over a step.
            if !explanation && model.step_words().len() >= 2 {
                explanation = true;
                let mut open = model.clone();
                let _ = update(&mut open, Msg::Key(hocso::app::Key::F(4)));
                assert!(open.word.is_some());
                out.push((format!("{}/{}, a word explained", lesson.id, step.id), open));
            }
            if model.step_layout() == Some(StepLayout::Paged) {
                let _ = update(
                    &mut model,
                    Msg::Click(Target::Bar(BarKey::Enter(EnterMeaning::SeePicture))),
                );
            }
            let name = format!("{}/{}", lesson.id, step.id);
            if let Task::Type { input, .. } = &step.task
                && *input != InputMethod::Digits
            {
                let mut symbols = model.clone();
                let _ = update(
                    &mut symbols,
                    Msg::Click(Target::Keyboard(KeyboardKey::Switch)),
                );
                out.push((format!("{name} (symbols)"), symbols));
            }
            out.push((name, model));
        }
    }
    let mut base = support::generate::signed_in(lessons());
    base.learner = None;
    base.size = size;
    let mut name = base.clone();
    name.screen = Screen::Name {
        name: "Bà Hạnh".into(),
        telex: false,
        keyboard: KeyboardLayer::Letters,
    };
    out.push(("name".into(), name));
    let mut signed = support::generate::signed_in(lessons());
    signed.size = size;
    for (label, screen) in [
        ("welcome", Screen::Welcome),
        ("who", Screen::Who { focus: 0 }),
        (
            "age",
            Screen::Age {
                name: "Bà Hạnh".into(),
                telex: false,
                focus: 0,
            },
        ),
        ("menu", Screen::Menu { focus: 0 }),
        ("menu, a later page", Screen::Menu { focus: 12 }),
        ("resume", Screen::Resume { focus: 0 }),
    ] {
        let mut model = signed.clone();
        model.screen = screen;
        out.push((label.into(), model));
    }
    let mut code = base;
    code.screen = Screen::Code {
        code: "48".into(),
        not_found: None,
    };
    out.push(("code".into(), code));
    out
}

#[test]
fn no_two_targets_meet_and_keys_are_three_cells_or_more() {
    let mut table = Vec::new();
    let mut everything = Vec::new();
    for (w, h) in SIZES {
        let (mut mine, mut others) = (Smallest::default(), Smallest::default());
        let mut measured = 0;
        for (name, model) in screens(w, h) {
            let (text, hits) = render(&model, w, h);
            for (a, b, (x, y)) in touching(&hits, w, h) {
                everything.push(format!(
                    "{name} at {w}×{h}: {a:?} meets {b:?} at ({x},{y})\n{text}"
                ));
            }
            let pieces = pieces(&hits, w, h);
            for a in &pieces {
                if phone_or_keys(a.target) {
                    mine.target(a.rect);
                } else {
                    others.target(a.rect);
                }
            }
            for (a, b, side, cells) in gaps(&hits, w, h) {
                if phone_or_keys(a) || phone_or_keys(b) {
                    mine.gap(side, cells);
                } else {
                    others.gap(side, cells);
                }
            }
            measured += 1;
        }
        table.push(format!(
            "{w}×{h} ({measured} screens)\n  phone and keys: {}\n  the rest:      {}",
            mine.line(w, h),
            others.line(w, h)
        ));
        assert!(mine.width.unwrap_or(0) >= 3, "{w}×{h}: a key under 3 cells");
    }
    println!("mm: on a 15.6\" / 21.5\" panel that the grid fills");
    for line in &table {
        println!("{line}");
    }
    // Cell by cell, on every screen: no two targets meet, side by side or one above the
    // other (the key bar, the header, the text's buttons, the arrows: everything).
    assert!(
        everything.is_empty(),
        "{} places where two targets meet:\n{}",
        everything.len(),
        everything.join("\n")
    );
}
