//! The lesson library a ward kiosk ships with: what it covers, how each lesson is built,
//! and every practice step answered rightly and wrongly through the tutor itself.

mod support;

use hocso::app::{Feedback, Key, Model, Msg, Settings, Size, Target, update};
use hocso::lesson::{Catalogue, CheckOptions, InputMethod, Lesson, Task};
use support::root;

fn library() -> Vec<Lesson> {
    let catalogue = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default());
    assert!(
        catalogue.problems.iter().all(|p| !p.is_error()),
        "{:#?}",
        catalogue.problems
    );
    catalogue.lessons
}

#[test]
fn the_library_covers_what_the_wards_teach() {
    let lessons = library();
    assert!(lessons.len() >= 16, "{} lessons", lessons.len());
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    for id in [
        "dien-thoai-co-ban",
        "wifi-ket-noi",
        "cai-ung-dung-an-toan",
        "vneid-cai-dat",
        "vneid-kich-hoat",
        "vneid-dang-nhap",
        "vneid-vi-giay-to",
        "vneid-luu-tru",
        "quet-ma-qr",
        "vietqr-thanh-toan",
        "lua-dao-qr-gia",
        "lua-dao-cuoc-goi",
        "lua-dao-tin-nhan",
        "zalo-goi-video",
        "zalo-rieng-tu",
        "dich-vu-cong-dang-nhap",
        "vssid-the-bhyt",
        "etax-tra-cuu",
        "ihanoi-phan-anh",
        "go-tieng-viet",
    ] {
        assert!(ids.contains(&id), "no lesson {id}");
    }
    // Prerequisites come first in the learning order.
    for (i, lesson) in lessons.iter().enumerate() {
        for pre in &lesson.prerequisites {
            let at = ids.iter().position(|id| id == pre).unwrap();
            assert!(at < i, "{} comes before its prerequisite {pre}", lesson.id);
        }
    }
}

#[test]
fn every_lesson_is_built_as_the_pedagogy_asks() {
    for lesson in library() {
        let id = &lesson.id;
        assert!(
            lesson.steps.len() >= 6,
            "{id}: {} steps",
            lesson.steps.len()
        );
        assert!(
            lesson.practice_steps().count() >= 3,
            "{id}: too few practice steps"
        );
        assert!(
            !lesson.steps[0].is_practice(),
            "{id}: the first step explains why"
        );
        assert!(
            !lesson.steps.last().unwrap().is_practice(),
            "{id}: the last step says what to do at home"
        );
        for step in lesson.practice_steps() {
            assert!(step.hint.is_some(), "{id}/{}: no hint", step.id);
            if let Task::Choice { options } = &step.task {
                for o in options.iter().filter(|o| !o.correct) {
                    assert!(
                        o.feedback.is_some(),
                        "{id}/{}: a wrong answer without feedback",
                        step.id
                    );
                }
            }
            if let Task::Type {
                input: InputMethod::Digits,
                ..
            } = &step.task
            {
                let text = step.text.get("vi").to_lowercase();
                assert!(
                    text.contains("để tập"),
                    "{id}/{}: typed numbers must be marked as practice",
                    step.id
                );
            }
        }
        for text in lesson.steps.iter().map(|s| s.text.get("en")) {
            assert!(!text.is_empty(), "{id}: English");
        }
        assert!(
            lesson
                .steps
                .iter()
                .all(|s| s.text.get_exact("en").is_some()),
            "{id}: every step in English"
        );
    }
}

fn at(lesson: &Lesson, index: usize) -> Model {
    let settings = Settings {
        narration: true,
        ..Settings::default()
    };
    let (mut model, _) = Model::preview(
        lesson.clone(),
        Some(&lesson.steps[index].id),
        String::new(),
        Size::new(80, 24),
        settings,
    );
    let _ = update(&mut model, Msg::Resize(Size::new(80, 24)));
    model
}

fn feedback(model: &Model) -> Option<Feedback> {
    model.run().unwrap().2.state.feedback.clone()
}

/// The wrong answers a learner could give to the step on screen.
fn wrong_answers(model: &Model) -> Vec<Vec<Msg>> {
    let (_, step, run) = model.run().unwrap();
    match &step.task {
        Task::Tap { screen, target } => screen
            .tappables()
            .enumerate()
            .filter(|(_, t)| t.id() != Some(target.as_str()))
            .map(|(i, _)| vec![Msg::Click(Target::Phone(i))])
            .collect(),
        // Each wrong option, touched where this showing put it.
        Task::Choice { options } => options
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.correct)
            .map(|(i, _)| {
                let at = run.state.shown_at(step, i).unwrap();
                vec![Msg::Click(Target::Choice(at))]
            })
            .collect(),
        Task::Order { .. } => {
            // Whatever is placed taken back, then the pool's order (never the right
            // one), checked.
            let pool = &run.state.pool;
            assert_ne!(*pool, (0..pool.len()).collect::<Vec<_>>());
            vec![
                run.state
                    .placed
                    .iter()
                    .rev()
                    .chain(pool)
                    .map(|&i| Msg::Click(Target::OrderItem(i)))
                    .chain([Msg::Click(Target::OrderCheck)])
                    .collect(),
            ]
        }
        Task::Type { .. } => vec![vec![
            Msg::Key(Key::Char('9')),
            Msg::Key(Key::Char('q')),
            Msg::Key(Key::Enter),
        ]],
        _ => Vec::new(),
    }
}

#[test]
fn every_practice_step_answers_right_and_wrong_with_words_and_a_hint() {
    let mut walked = 0;
    for lesson in library() {
        for (index, step) in lesson
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| s.is_practice())
        {
            let name = format!("{}/{}", lesson.id, step.id);
            // Each wrong answer, on a fresh screen: gentle words, its own where it has them.
            for wrong in wrong_answers(&at(&lesson, index)) {
                let mut model = at(&lesson, index);
                for msg in wrong {
                    let _ = update(&mut model, msg);
                }
                if matches!(feedback(&model), Some(Feedback::OrderKept(_))) {
                    continue;
                }
                let Some(Feedback::Wrong(words)) = feedback(&model) else {
                    panic!(
                        "{name}: a wrong answer was not told so: {:?}",
                        feedback(&model)
                    );
                };
                if let Task::Choice { .. } = &step.task {
                    assert!(
                        words.is_some_and(|w| !w.get("vi").trim().is_empty()),
                        "{name}: a wrong option without words"
                    );
                }
            }
            // Two wrong answers bring the hint (two different ones where there are two: the
            // same one again is no new miss); then the right answer.
            let mut model = at(&lesson, index);
            let again = matches!(step.task, Task::Type { .. } | Task::Order { .. });
            if wrong_answers(&model).len() >= 2 || again && !wrong_answers(&model).is_empty() {
                for n in 0..2 {
                    let wrongs = wrong_answers(&model);
                    for msg in wrongs[n % wrongs.len()].clone() {
                        let _ = update(&mut model, msg);
                    }
                    if matches!(step.task, Task::Type { .. }) {
                        for _ in 0..3 {
                            let _ = update(&mut model, Msg::Key(Key::Backspace));
                        }
                    }
                }
                assert!(
                    model.run().unwrap().2.state.hint,
                    "{name}: no hint after two misses"
                );
            }
            support::answer::right(&mut model);
            assert!(
                matches!(feedback(&model), Some(Feedback::Right(_))),
                "{name}: the right answer is not accepted"
            );
            walked += 1;
        }
    }
    assert!(walked >= 60, "{walked} practice steps");
}

/// A learner who cannot yet tell the right answer must not find it by its length: in at
/// most a third of the choice steps is the right answer longer than every wrong one (in
/// Vietnamese, as the kiosk shows it).
#[test]
fn the_right_answer_is_seldom_the_longest() {
    let width = |text: &hocso::lesson::LocalText| text.get("vi").chars().count();
    let mut choices = 0;
    let mut longest = Vec::new();
    for lesson in library() {
        for step in &lesson.steps {
            let Task::Choice { options } = &step.task else {
                continue;
            };
            choices += 1;
            let right = options.iter().filter(|o| o.correct).map(|o| width(&o.text));
            let wrong = options
                .iter()
                .filter(|o| !o.correct)
                .map(|o| width(&o.text));
            if right.max() > wrong.max() {
                longest.push(format!("{} {}", lesson.id, step.id));
            }
        }
    }
    assert!(choices >= 30, "{choices} choice steps");
    assert!(
        longest.len() * 3 <= choices,
        "the right answer is the longest in {} of {choices} choice steps: {longest:#?}",
        longest.len()
    );
}

/// The stay-notice lesson says what the app's “Cơ sở lưu trú” is (where the visitor
/// stays: a hotel, a guest house, a family's home) before the learner must choose it,
/// and when a stay must be reported.
#[test]
fn the_stay_notice_lesson_explains_the_place_of_stay_and_the_deadline() {
    let lesson = library()
        .into_iter()
        .find(|l| l.id == "vneid-luu-tru")
        .unwrap();
    let explained = |words: &[&str]| {
        lesson.steps.iter().position(|s| {
            matches!(s.task, Task::Explain { .. })
                && words.iter().all(|w| s.text.get("vi").contains(w))
        })
    };
    let place = explained(&["“Cơ sở lưu trú”", "khách sạn", "nhà nghỉ", "gia đình"])
        .expect("“Cơ sở lưu trú” explained");
    let chosen = lesson
        .steps
        .iter()
        .position(|s| s.text.get("vi").contains("chạm vào dòng “Cơ sở lưu trú”"))
        .expect("a step where she chooses it");
    assert!(place < chosen);
    assert!(explained(&["dưới 30 ngày"]).is_some());
    assert!(explained(&["trước 23 giờ", "trước 8 giờ sáng hôm sau"]).is_some());
}
