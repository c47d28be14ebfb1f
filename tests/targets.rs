//! The sizes of touch targets and the gaps between them, measured on every practice step
//! of every bundled lesson and on the sign-in screens with keys, at the kiosk's sizes.
//! The phone's elements and keys never touch another target; the table of the smallest
//! target and gap, in cells and millimetres, prints with `--nocapture`.

mod support;

use hocso::app::{
    BarKey, EnterMeaning, KeyboardKey, KeyboardLayer, Model, Msg, Screen, Settings, Size,
    StepLayout, Target, update,
};
use hocso::lesson::{Catalogue, CheckOptions, InputMethod, Lesson, Task};
use support::root;
use support::screen::render;
use support::targets::{Smallest, gap, pieces};

const SIZES: [(u16, u16); 3] = [(58, 14), (62, 15), (87, 21)];

fn lessons() -> Vec<Lesson> {
    let all = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).lessons;
    assert!(all.len() >= 10);
    all
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
    let mut out = Vec::new();
    for lesson in lessons() {
        for (index, step) in lesson.steps.iter().enumerate() {
            if !step.is_practice() {
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
            let _ = update(&mut model, Msg::Resize(size));
            assert_eq!(model.run().unwrap().1.id, lesson.steps[index].id);
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
    let mut code = base;
    code.screen = Screen::Code {
        code: "48".into(),
        not_found: None,
    };
    out.push(("code".into(), code));
    out
}

#[test]
fn the_phones_targets_and_keys_never_touch_another_target() {
    let mut table = Vec::new();
    let mut problems = Vec::new();
    let mut arrows = Vec::new();
    for (w, h) in SIZES {
        let (mut mine, mut others) = (Smallest::default(), Smallest::default());
        let mut measured = 0;
        for (name, model) in screens(w, h) {
            let (text, hits) = render(&model, w, h);
            let pieces = pieces(&hits, w, h);
            for (i, a) in pieces.iter().enumerate() {
                let owned = phone_or_keys(a.target);
                if owned {
                    mine.target(a.rect);
                } else {
                    others.target(a.rect);
                }
                for b in &pieces[i + 1..] {
                    if a.target == b.target {
                        continue;
                    }
                    let Some((side, cells)) = gap(a.rect, b.rect) else {
                        continue;
                    };
                    let arrow =
                        |t: Target| matches!(t, Target::More { .. } | Target::Scroll { .. });
                    if arrow(a.target) || arrow(b.target) {
                        // The ▲ ▼ of a scrolled view (ui/rows.rs) are reported, not held.
                        if cells == 0 && (owned || phone_or_keys(b.target)) {
                            arrows.push(format!(
                                "{name} at {w}×{h}: {:?} touches {:?}",
                                a.target, b.target
                            ));
                        }
                        others.gap(side, cells);
                    } else if owned || phone_or_keys(b.target) {
                        mine.gap(side, cells);
                        if cells == 0 {
                            problems.push(format!(
                                "{name} at {w}×{h}: {:?} {:?} touches {:?} {:?}\n{text}",
                                a.target, a.rect, b.target, b.rect
                            ));
                        }
                    } else {
                        others.gap(side, cells);
                    }
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
    println!(
        "{} screens where a ▲ ▼ of a scrolled view touches the phone or a key:",
        arrows.len()
    );
    for line in &arrows {
        println!("  {line}");
    }
    assert!(
        problems.is_empty(),
        "{} touching pairs; the first:\n{}",
        problems.len(),
        problems.first().unwrap()
    );
}
