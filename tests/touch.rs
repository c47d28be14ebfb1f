//! A learner with only a touch screen: every practice step of every bundled lesson can be
//! answered by touching what is drawn, at every size that matters, and the answer's
//! feedback is then on screen.

mod support;

use std::path::Path;

use hocso::app::{
    BarKey, EnterMeaning, KeyboardKey, KeypadKey, Model, Msg, Settings, Size, StepLayout, Target,
    keyboard, update,
};
use hocso::lesson::{Catalogue, CheckOptions, InputMethod, Lesson, Task};
use hocso::typing::{telex_keys, vni_keys};
use support::screen::{render, touch};
use support::{fixture, root};

/// The smallest screen, the kiosk's sizes (58×14 at 1280×720; 62×15 and 87×21 on the
/// 15.6" and 21.5" panels), and the sizes the layout was first designed for.
const SIZES: [(u16, u16); 8] = [
    (40, 12),
    (50, 13),
    (58, 14),
    (58, 15),
    (62, 15),
    (80, 24),
    (87, 21),
    (62, 14),
];

fn lessons() -> Vec<Lesson> {
    let mut all = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).lessons;
    all.extend(Catalogue::load_dir(&fixture("tutor/lessons"), &CheckOptions::default()).lessons);
    assert!(all.len() >= 4);
    all
}

/// The model at step `index` of `lesson`, on a `width`×`height` screen.
fn at(lesson: &Lesson, index: usize, width: u16, height: u16) -> Model {
    let id = lesson.steps[index].id.clone();
    let (mut model, _) = Model::preview(
        lesson.clone(),
        Some(&id),
        String::new(),
        Size::new(width, height),
        Settings {
            narration: true,
            ..Settings::default()
        },
    );
    let _ = update(&mut model, Msg::Resize(Size::new(width, height)));
    model
}

/// Answers the step on screen rightly, by touch alone: words are typed on the phone's
/// letter keyboard (Telex keys for Telex steps), digits on its keypad.
fn answer_by_touch(model: &mut Model, w: u16, h: u16) {
    let (_, step, _) = model.run().unwrap();
    let task = step.task.clone();
    let paged = model.step_layout() == Some(StepLayout::Paged);
    let needs_picture = matches!(
        task,
        Task::Tap { .. } | Task::Type { .. } | Task::Scan { .. }
    );
    if paged && needs_picture {
        touch(
            model,
            Target::Bar(BarKey::Enter(EnterMeaning::SeePicture)),
            w,
            h,
        );
    }
    match task {
        Task::Tap { screen, target } => {
            let i = screen
                .tappables()
                .position(|t| t.id() == Some(target.as_str()))
                .unwrap();
            touch(model, Target::Phone(i), w, h);
        }
        Task::Choice { options } => {
            // The right option, where this showing put it.
            let (_, step, run) = model.run().unwrap();
            let right = options.iter().position(|o| o.correct).unwrap();
            let at = run.state.shown_at(step, right).unwrap();
            touch(model, Target::Choice(at), w, h);
        }
        Task::Order { items } => {
            // Each item in the order it happens, then "Kiểm tra".
            for i in 0..items.len() {
                touch(model, Target::OrderItem(i), w, h);
            }
            touch(model, Target::OrderCheck, w, h);
        }
        Task::Type {
            answer,
            input: InputMethod::Digits,
            ..
        } => {
            for d in answer.bytes() {
                touch(model, Target::Keypad(KeypadKey::Digit(d - b'0')), w, h);
            }
            touch(model, Target::Keypad(KeypadKey::Ok), w, h);
        }
        Task::Type { answer, input, .. } => {
            let keys = match input {
                InputMethod::Telex => telex_keys(&answer),
                InputMethod::Vni => vni_keys(&answer),
                _ => answer.clone(),
            };
            let layer = model.run().unwrap().2.state.keyboard;
            let touches = keyboard::touches(layer, &keys)
                .unwrap_or_else(|| panic!("`{keys}` has a letter on no key"));
            for key in touches.into_iter().chain([KeyboardKey::Ok]) {
                touch(model, Target::Keyboard(key), w, h);
            }
        }
        Task::Scan { .. } => touch(
            model,
            Target::Bar(BarKey::Enter(EnterMeaning::Continue)),
            w,
            h,
        ),
        Task::Explain { .. } => {}
    }
}

#[test]
fn every_practice_step_can_be_answered_by_touch_and_the_feedback_is_seen() {
    let mut checked = 0;
    for lesson in lessons() {
        for (index, step) in lesson
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_practice())
        {
            for (w, h) in SIZES {
                let mut model = at(&lesson, index, w, h);
                // Back is always within reach.
                let (screen, hits) = render(&model, w, h);
                assert!(
                    hits.find(Target::Bar(BarKey::Back)).is_some(),
                    "no Back on {}/{} at {w}×{h}:\n{screen}",
                    lesson.id,
                    step.id
                );
                answer_by_touch(&mut model, w, h);
                let (screen, _) = render(&model, w, h);
                assert!(
                    model.run().unwrap().2.state.solved,
                    "{}/{} at {w}×{h} not solved:\n{screen}",
                    lesson.id,
                    step.id
                );
                assert!(
                    screen.contains("✓ Đúng rồi!"),
                    "{}/{} at {w}×{h}: the feedback is not on screen:\n{screen}",
                    lesson.id,
                    step.id
                );
                // And on to the next step, by the big "Tiếp tục" in the step's body.
                let step_before = model.run().unwrap().2.pos;
                touch(&mut model, Target::Continue, w, h);
                assert!(
                    model.run().is_none_or(|(_, _, r)| r.pos != step_before),
                    "{}/{} at {w}×{h}: Tiếp tục did not go on",
                    lesson.id,
                    step.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 40, "{checked}");
}

#[test]
fn a_wrong_touch_shows_its_feedback_at_every_size() {
    let lesson = Catalogue::load_dir(
        Path::new(&fixture("tutor/lessons")),
        &CheckOptions::default(),
    )
    .lessons
    .into_iter()
    .find(|l| l.id == "tap-luyen")
    .unwrap();
    let tap = lesson
        .steps
        .iter()
        .position(|s| s.id == "cham-zalo")
        .unwrap();
    for (w, h) in SIZES {
        let mut model = at(&lesson, tap, w, h);
        if model.step_layout() == Some(StepLayout::Paged) {
            touch(
                &mut model,
                Target::Bar(BarKey::Enter(EnterMeaning::SeePicture)),
                w,
                h,
            );
        }
        for wrong in [0, 2, 3] {
            if model.run().unwrap().2.state.show_picture
                || model.step_layout() != Some(StepLayout::Paged)
            {
                touch(&mut model, Target::Phone(wrong), w, h);
            } else {
                touch(
                    &mut model,
                    Target::Bar(BarKey::Enter(EnterMeaning::SeePicture)),
                    w,
                    h,
                );
                touch(&mut model, Target::Phone(wrong), w, h);
            }
        }
        let (screen, _) = render(&model, w, h);
        // The call for a volunteer replaces the hint, and is a button.
        assert!(screen.contains("⚑ Không sao cả"), "{w}×{h}:\n{screen}");
        assert!(!screen.contains("Gợi ý:"), "{w}×{h}:\n{screen}");
        let (_, hits) = render(&model, w, h);
        assert!(
            hits.find(Target::CallVolunteer).is_some(),
            "{w}×{h}:\n{screen}"
        );
    }
}

#[test]
fn a_word_step_shows_its_screen_field_and_whole_keyboard_at_every_size() {
    let mut checked = 0;
    for lesson in lessons() {
        for (index, step) in lesson.steps.iter().enumerate() {
            let Task::Type { screen, input, .. } = &step.task else {
                continue;
            };
            if *input == InputMethod::Digits {
                continue;
            }
            for (w, h) in SIZES {
                let mut model = at(&lesson, index, w, h);
                if model.step_layout() == Some(StepLayout::Paged) {
                    touch(
                        &mut model,
                        Target::Bar(BarKey::Enter(EnterMeaning::SeePicture)),
                        w,
                        h,
                    );
                }
                let (text, hits) = render(&model, w, h);
                let place = format!("{}/{} at {w}×{h}", lesson.id, step.id);
                assert!(text.contains("Gõ vào đây"), "{place}: no field\n{text}");
                // Keys a few cells apart: compare the rows with their spaces squeezed.
                let squeezed: Vec<String> = text
                    .lines()
                    .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect();
                for row in ["q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"] {
                    assert!(
                        squeezed.iter().any(|l| l.contains(row)),
                        "{place}: no `{row}`\n{text}"
                    );
                }
                for key in [KeyboardKey::Switch, KeyboardKey::Space, KeyboardKey::Ok] {
                    assert!(
                        hits.find(Target::Keyboard(key)).is_some(),
                        "{place}: {key:?}"
                    );
                }
                // At the kiosk's sizes, the app's name on the pretend screen stays in view
                // too (its first word, at least); smaller, the screen scrolls under ▲.
                if h >= 14
                    && let Some(title) = screen.as_ref().and_then(|s| s.title.as_ref())
                {
                    let first = title.get("vi").split_whitespace().next().unwrap();
                    // On the phone, inside its frame (the lesson's header may name the app).
                    let phone: Vec<&str> = text
                        .lines()
                        .filter_map(|l| l.split_once('│').map(|(_, inside)| inside))
                        .collect();
                    assert!(
                        phone.iter().any(|l| l.contains(first)),
                        "{place}: no `{first}` on the phone\n{text}"
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "{checked}");
}

/// After a wrong answer, the answers stay where they were: the feedback comes in rows
/// kept for it (on a short screen, a choice's words come on a page of their own). Counted
/// over every choice and tap step at the kiosk's sizes; the answer touched is always still
/// there, with its ✗, at the same place.
#[test]
fn answers_keep_their_place_when_a_wrong_one_is_touched() {
    let mut moved = Vec::new();
    let mut checked = 0;
    for lesson in lessons() {
        for (index, step) in lesson.steps.iter().enumerate() {
            let wrong = match &step.task {
                Task::Choice { options } => {
                    options.iter().position(|o| !o.correct).map(Target::Choice)
                }
                Task::Tap { screen, target } => screen
                    .tappables()
                    .position(|t| t.id().is_some_and(|id| id != target))
                    .map(Target::Phone),
                _ => None,
            };
            let Some(wrong) = wrong else { continue };
            for (w, h) in [(58, 14), (62, 15), (87, 21)] {
                let mut model = at(&lesson, index, w, h);
                if model.step_layout() == Some(StepLayout::Paged) {
                    continue;
                }
                // The first wrong option on screen, as this showing ordered them.
                let wrong = match (wrong, &step.task) {
                    (Target::Choice(_), Task::Choice { options }) => {
                        let shown = model.run().unwrap().2.state.shown_options(step);
                        Target::Choice(shown.iter().position(|&i| !options[i].correct).unwrap())
                    }
                    (other, _) => other,
                };
                let (was, before) = render(&model, w, h);
                let Some(place) = before.find(wrong) else {
                    continue;
                };
                let _ = update(&mut model, Msg::Click(wrong));
                // On a short screen a choice's words come on a page of their own, over
                // the answers: read, then closed with a touch.
                if model.told_page_open() {
                    let (page, _) = render(&model, w, h);
                    assert!(page.contains('✗'), "{page}");
                    let _ = update(&mut model, Msg::Click(Target::CloseTold));
                }
                let (screen, after) = render(&model, w, h);
                checked += 1;
                // Where it starts and how tall it is (its width may lose the cells kept
                // clear round a ▼ that came or went).
                let spot = |r: ratatui::layout::Rect| (r.x, r.y, r.height);
                let now = after.find(wrong);
                if now.map(spot) != Some(spot(place)) {
                    moved.push(format!(
                        "{}/{} at {w}×{h}: {place:?} → {:?}\n{was}\n{screen}",
                        lesson.id,
                        step.id,
                        after.find(wrong)
                    ));
                }
            }
        }
    }
    assert!(checked >= 60, "{checked}");
    assert!(
        moved.is_empty(),
        "{} of {checked} touched answers moved or went:\n{}",
        moved.len(),
        moved.first().unwrap()
    );
}
