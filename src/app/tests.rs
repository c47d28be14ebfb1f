//! `update` driven by messages alone: no terminal, no disk, no sound.

use std::path::Path;

use super::*;
use crate::lesson::{CheckOptions, parse_lesson};
use crate::store::{AgeBand, Attempt, Place};

const LESSON: &str = include_str!("../../tests/fixtures/tutor/lessons/tap-luyen.toml");

fn lesson() -> Lesson {
    parse_lesson(
        Path::new("tap-luyen.toml"),
        LESSON,
        &CheckOptions::default(),
    )
    .lesson
    .expect("the fixture lesson is valid")
}

/// A model signed in as a learner, on the menu, at 80×24.
fn signed_in() -> Model {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(80, 24));
    model.settings.narration = true;
    model.learner = Some(Learner {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    });
    model.screen = Screen::Menu { focus: 0 };
    model
}

/// The model at step `id` of the lesson.
fn at_step(id: &str) -> Model {
    let mut model = signed_in();
    let index = model.lessons[0]
        .steps
        .iter()
        .position(|s| s.id == id)
        .unwrap();
    let plan = (0..model.lessons[0].steps.len()).collect();
    let _ = model.open_run(0, RunKind::Full, plan, index);
    model
}

fn state(model: &Model) -> &StepState {
    &model.run().expect("on a step").2.state
}

fn step_id(model: &Model) -> &str {
    &model.run().expect("on a step").1.id
}

fn key(model: &mut Model, k: Key) -> Vec<Effect> {
    update(model, Msg::Key(k))
}

/// Where option `option` (its index as written) is shown on the choice step on screen;
/// `option` itself elsewhere, or for an option the step does not have.
fn place(model: &Model, option: usize) -> usize {
    model
        .run()
        .and_then(|(_, step, run)| run.state.shown_at(step, option))
        .unwrap_or(option)
}

/// The digit key of option `n` as written (1-based), wherever this showing put it.
fn press(model: &mut Model, n: usize) -> Vec<Effect> {
    let at = place(model, n - 1);
    key(model, Key::Char(char::from(b'1' + at as u8)))
}

/// A touch on option `option` as written (0-based), wherever this showing put it.
fn touch(model: &mut Model, option: usize) -> Vec<Effect> {
    let at = place(model, option);
    update(model, Msg::Click(Target::Choice(at)))
}

/// What the `Say` effects among `effects` ask to hear: a lesson's clip as its file name
/// without `.ogg` (`otp.option-2`), the interface's words as their id.
pub(super) fn said(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Say(speech) => Some(speech),
            _ => None,
        })
        .flatten()
        .map(|s| match s {
            Speech::Lesson(n) => format!("{}{}", n.step, n.clip.suffix()),
            Speech::Words { id, .. } => (*id).to_owned(),
            Speech::Term { id, .. } => format!("term:{id}"),
        })
        .collect()
}

/// `effects` but what is said.
fn unsaid(effects: Vec<Effect>) -> Vec<Effect> {
    effects
        .into_iter()
        .filter(|e| !matches!(e, Effect::Say(_)))
        .collect()
}

fn saved(effects: &[Effect]) -> Vec<&Attempt> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveAttempt(a) => Some(a),
            _ => None,
        })
        .collect()
}

#[test]
fn a_new_learner_gets_a_code_and_reaches_the_menu() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    model.settings.narration = true;
    let effects = key(&mut model, Key::Enter);
    assert_eq!(said(&effects), ["who-title", "who-new", "who-returning"]);
    assert!(unsaid(effects).is_empty());
    assert_eq!(model.screen, Screen::Who { focus: 0 });
    // Nothing is chosen for her: Enter does nothing until a key shows the focus.
    assert!(key(&mut model, Key::Enter).is_empty());
    assert_eq!(model.screen, Screen::Who { focus: 0 });
    assert!(!model.focus_shown);
    key(&mut model, Key::Down);
    assert!(
        model.focus_shown,
        "the first arrow shows the focus where it is"
    );
    key(&mut model, Key::Enter);
    assert!(!model.focus_shown, "a new screen opens with nothing lit");
    assert_eq!(
        model.screen,
        Screen::Name {
            name: String::new(),
            telex: true,
            keyboard: KeyboardLayer::Letters,
        }
    );
    for c in "Bà Hạnh".chars() {
        key(&mut model, Key::Char(c));
    }
    // `?` and Space are letters while typing a name.
    key(&mut model, Key::Char('?'));
    assert!(!model.help_open);
    key(&mut model, Key::Backspace);
    assert!(unsaid(key(&mut model, Key::Enter)).is_empty());
    assert_eq!(
        model.screen,
        Screen::Age {
            name: "Bà Hạnh".into(),
            telex: true,
            focus: 0
        }
    );
    // The age band is optional: the last answer says "rather not say".
    assert!(
        key(&mut model, Key::Enter).is_empty(),
        "nothing chosen for her"
    );
    key(&mut model, Key::Down);
    key(&mut model, Key::Down);
    assert_eq!(
        key(&mut model, Key::Enter),
        [Effect::CreateLearner {
            name: "Bà Hạnh".into(),
            age_band: Some(AgeBand::Sixties)
        }]
    );
    assert_eq!(
        press(&mut model, 5),
        [Effect::CreateLearner {
            name: "Bà Hạnh".into(),
            age_band: None
        }]
    );
    let learner = Learner {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    };
    update(
        &mut model,
        Msg::LearnerCreated {
            learner: learner.clone(),
            now: 0,
        },
    );
    assert_eq!(model.screen, Screen::CodeGiven);
    assert_eq!(model.learner, Some(learner));
    key(&mut model, Key::Enter);
    assert_eq!(model.screen, Screen::Menu { focus: 0 });
    assert!(
        key(&mut model, Key::Enter).is_empty(),
        "no lesson chosen for her"
    );
    let effects = update(&mut model, Msg::Click(Target::Lesson(0)));
    assert_eq!(step_id(&model), "gioi-thieu");
    assert!(effects.contains(&Effect::StepOpened {
        lesson: "tap-luyen".into(),
        step: "gioi-thieu".into()
    }));
    assert_eq!(said(&effects), ["gioi-thieu"]);
}

#[test]
fn a_name_is_typed_on_the_phones_keyboard_in_telex() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    update(&mut model, Msg::Click(Target::Start));
    update(&mut model, Msg::Click(Target::WhoNew));
    let keys = keyboard::touches(KeyboardLayer::Letters, "Baf Hajnh").unwrap();
    assert!(keys.contains(&KeyboardKey::Shift));
    for k in keys.into_iter().chain([KeyboardKey::Ok]) {
        update(&mut model, Msg::Click(Target::Keyboard(k)));
    }
    assert!(
        matches!(model.screen, Screen::Age { .. }),
        "{:?}",
        model.screen
    );
    let effects = update(&mut model, Msg::Click(Target::Answer(0)));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::CreateLearner { name, .. } if name == "Bà Hạnh")),
        "{effects:?}"
    );
}

#[test]
fn a_name_goes_back_as_it_was_typed_and_english_takes_no_telex() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    update(&mut model, Msg::Click(Target::Start));
    update(&mut model, Msg::Click(Target::WhoNew));
    // A key typed again undoes its mark: "Leee" reads "Lee".
    for c in "Leee".chars() {
        key(&mut model, Key::Char(c));
    }
    key(&mut model, Key::Enter);
    key(&mut model, Key::Esc);
    let Screen::Name { name, .. } = &model.screen else {
        panic!("{:?}", model.screen)
    };
    assert_eq!(typed_name(name, true), "Lee", "not Telex twice: {name}");
    assert_eq!(typed_name("Lee", true), "Lê");
    assert_eq!(typed_name("Lee", false), "Lee");
    assert_eq!(
        typed_name("Bà Hạnh", true),
        "Bà Hạnh",
        "an input method's letters"
    );
    // Telex or not is decided when the screen opens: the language switched meanwhile
    // changes nothing, and the name is made as it was shown.
    update(&mut model, Msg::Key(Key::F(2)));
    key(&mut model, Key::Enter);
    let effects = update(&mut model, Msg::Click(Target::Answer(0)));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::CreateLearner { name, .. } if name == "Lee")),
        "{effects:?}"
    );
    // Thirty letters as they read, though their Telex keys are more.
    let long = "Baf Toon Nuwx Thij Phuwowng Thaor";
    assert_eq!(typed_name(long, true), "Bà Tôn Nữ Thị Phương Thảo");
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    update(&mut model, Msg::Click(Target::Start));
    update(&mut model, Msg::Click(Target::WhoNew));
    for c in long.chars().chain(" bcdbcdbcd".chars()) {
        key(&mut model, Key::Char(c));
    }
    let Screen::Name { name, .. } = &model.screen else {
        panic!("{:?}", model.screen)
    };
    assert_eq!(typed_name(name, true).chars().count(), 30);
    assert!(typed_name(name, true).starts_with("Bà Tôn Nữ Thị Phương Thảo"));
}

#[test]
fn a_name_half_typed_comes_back_after_a_stray_quay_lai_but_not_for_the_next_visitor() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    update(&mut model, Msg::Click(Target::Start));
    update(&mut model, Msg::Click(Target::WhoNew));
    for c in "Hajnh".chars() {
        key(&mut model, Key::Char(c));
    }
    key(&mut model, Key::Esc);
    assert!(matches!(model.screen, Screen::Who { .. }));
    update(&mut model, Msg::Click(Target::WhoNew));
    let Screen::Name { name, .. } = &model.screen else {
        panic!("{:?}", model.screen)
    };
    assert_eq!(typed_name(name, true), "Hạnh", "as she left it");
    // Back to the welcome screen: the next person starts with an empty name.
    key(&mut model, Key::Esc);
    key(&mut model, Key::Esc);
    assert_eq!(model.screen, Screen::Welcome);
    update(&mut model, Msg::Click(Target::Start));
    update(&mut model, Msg::Click(Target::WhoNew));
    let Screen::Name { name, .. } = &model.screen else {
        panic!("{:?}", model.screen)
    };
    assert!(name.is_empty(), "{name}");
}

#[test]
fn an_empty_name_is_not_taken() {
    let mut model = Model::new(Vec::new(), Lang::Vi, Size::new(58, 15));
    model.screen = Screen::Name {
        name: "   ".into(),
        telex: true,
        keyboard: KeyboardLayer::Letters,
    };
    assert!(key(&mut model, Key::Enter).is_empty());
}

#[test]
fn a_returning_learner_types_a_code_on_the_keypad() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
    model.screen = Screen::Who { focus: 0 };
    press(&mut model, 2);
    assert!(matches!(model.screen, Screen::Code { .. }));
    for d in [4, 8, 2] {
        update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Digit(d))));
    }
    assert!(
        update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Ok))).is_empty(),
        "three digits are not a code"
    );
    assert_eq!(model.enter_meaning(), None, "no dead button on the bar");
    press(&mut model, 1);
    assert_eq!(
        model.enter_meaning(),
        None,
        "the keypad's OK, not the bar, goes on"
    );
    let effects = update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Ok)));
    assert_eq!(
        effects,
        [Effect::FindLearner {
            code: "4821".into()
        }]
    );

    update(
        &mut model,
        Msg::LearnerFound {
            code: "4821".into(),
            found: None,
            now: 0,
        },
    );
    assert_eq!(
        model.screen,
        Screen::Code {
            code: String::new(),
            not_found: Some("4821".into())
        }
    );
    let learner = Learner {
        code: "4821".into(),
        name: "Ông Tư".into(),
        age_band: Some(AgeBand::Seventies),
        sound: Default::default(),
    };
    let mut progress = Progress::default();
    progress.started.insert("tap-luyen".to_owned());
    update(
        &mut model,
        Msg::LearnerFound {
            code: "4821".into(),
            found: Some((learner, Box::new(progress))),
            now: 0,
        },
    );
    assert_eq!(model.screen, Screen::Menu { focus: 0 });
    assert_eq!(model.status(&model.lessons[0]), LessonStatus::InProgress);
}

#[test]
fn explain_continues_with_enter_and_space_replays() {
    let mut model = at_step("gioi-thieu");
    // Without a sound device, or with the sound off, there is nothing to replay.
    model.settings.narration = false;
    assert!(key(&mut model, Key::Char(' ')).is_empty());
    assert!(!model.bar().contains(&BarKey::Replay));
    model.settings.narration = true;
    assert!(model.bar().contains(&BarKey::Replay));
    let effects = key(&mut model, Key::Char(' '));
    assert_eq!(effects.len(), 1);
    assert_eq!(said(&effects), ["gioi-thieu"]);
    let effects = update(&mut model, Msg::Click(Target::Bar(BarKey::Replay)));
    assert_eq!(effects.len(), 1);
    let effects = key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "cham-zalo");
    assert_eq!(
        effects[0],
        Effect::StopNarration,
        "leaving a step stops its narration"
    );
    assert!(
        saved(&effects).is_empty(),
        "nothing to grade in an explain step"
    );
}

#[test]
fn tap_right_first_time_by_touch() {
    let mut model = at_step("cham-zalo");
    // Tappables: YouTube 0, Zalo 1, CH Play 2, the dialog's "Để sau" 3.
    let effects = update(&mut model, Msg::Click(Target::Phone(1)));
    let attempts = saved(&effects);
    assert_eq!(attempts.len(), 1);
    let a = attempts[0];
    assert!(a.right && a.first_try && !a.hint_used && !a.assisted);
    assert_eq!(
        (
            a.learner.as_str(),
            a.lesson.as_str(),
            a.step.as_str(),
            a.answer.as_str()
        ),
        ("4821", "tap-luyen", "cham-zalo", "zalo")
    );
    assert!(state(&model).solved);
    assert_eq!(state(&model).feedback, Some(Feedback::Right(None)));
    assert!(
        update(&mut model, Msg::Click(Target::Phone(0))).is_empty(),
        "once solved, touches do nothing"
    );
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "otp");
}

#[test]
fn tap_by_keys_moves_focus_then_taps() {
    let mut model = at_step("cham-zalo");
    assert_eq!(
        state(&model).focus,
        None,
        "nothing is lit when the step opens"
    );
    key(&mut model, Key::Tab);
    assert_eq!(
        state(&model).focus,
        Some(0),
        "the first key shows the focus"
    );
    key(&mut model, Key::Right);
    key(&mut model, Key::Right);
    key(&mut model, Key::Left);
    assert_eq!(state(&model).focus, Some(1));
    key(&mut model, Key::Up);
    key(&mut model, Key::Up);
    assert_eq!(state(&model).focus, Some(3), "focus wraps round");
    key(&mut model, Key::Down);
    key(&mut model, Key::Down);
    let effects = key(&mut model, Key::Enter);
    assert!(saved(&effects)[0].right);
}

#[test]
fn tap_wrong_gives_feedback_then_hint_then_highlight_and_a_volunteer() {
    let mut model = at_step("cham-zalo");
    let effects = update(&mut model, Msg::Click(Target::Phone(0)));
    let a = saved(&effects)[0];
    assert!(!a.right && a.first_try, "a wrong first try");
    let s = state(&model);
    let Some(Feedback::Wrong(Some(words))) = &s.feedback else {
        panic!("the element's own feedback: {:?}", s.feedback)
    };
    assert_eq!(words.get("vi"), "Đây là YouTube, để xem video.");
    assert!(!s.hint && !s.highlight && !s.needs_volunteer);

    // The dialog's button has its own words too.
    update(&mut model, Msg::Click(Target::Phone(3)));
    let s = state(&model);
    assert!(
        matches!(&s.feedback, Some(Feedback::Wrong(Some(w))) if w.get("vi") == "Nút này đóng hộp thoại.")
    );
    assert!(s.hint, "the hint after the second miss");
    assert!(!s.highlight);

    let effects = update(&mut model, Msg::Click(Target::Phone(2)));
    assert!(
        matches!(&state(&model).feedback, Some(Feedback::Wrong(None))),
        "no words of its own"
    );
    assert!(state(&model).highlight, "the target marked after the third");
    assert!(state(&model).needs_volunteer);
    assert!(effects.contains(&Effect::NeedsVolunteer {
        learner: "4821".into(),
        lesson: "tap-luyen".into(),
        step: "cham-zalo".into()
    }));
    let effects = update(&mut model, Msg::Click(Target::Phone(2)));
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::NeedsVolunteer { .. })),
        "asked for once"
    );

    let effects = update(&mut model, Msg::Click(Target::Phone(1)));
    let a = saved(&effects)[0];
    assert!(
        a.right && !a.first_try && a.hint_used,
        "corrected, with the hint"
    );
    assert!(!state(&model).needs_volunteer);
}

#[test]
fn the_volunteer_threshold_is_a_setting() {
    let mut model = at_step("cham-zalo");
    model.settings.help_after_misses = 1;
    let effects = update(&mut model, Msg::Click(Target::Phone(0)));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::NeedsVolunteer { .. }))
    );
}

#[test]
fn choice_by_digit_and_by_focus() {
    let mut model = at_step("otp");
    let effects = press(&mut model, 1);
    assert!(!saved(&effects)[0].right);
    assert!(
        matches!(&state(&model).feedback, Some(Feedback::Wrong(Some(w))) if w.get("vi").starts_with("Không nên."))
    );
    press(&mut model, 9); // no ninth option: nothing
    assert_eq!(state(&model).misses, 1);
    key(&mut model, Key::Down);
    key(&mut model, Key::Down);
    assert_eq!(state(&model).focus, Some(1));
    let effects = key(&mut model, Key::Enter);
    let a = saved(&effects)[0];
    assert!(a.right && !a.first_try);
    assert_eq!(a.answer, "2: Không đưa mã, gác máy");
    // The right option's own words are said.
    assert!(
        matches!(&state(&model).feedback, Some(Feedback::Right(Some(w))) if w.get("vi").starts_with("Đúng vậy."))
    );
}

#[test]
fn choice_by_touch_and_hint_on_second_miss() {
    let mut model = at_step("otp");
    touch(&mut model, 0);
    touch(&mut model, 2);
    assert!(state(&model).hint);
    // The same wrong answer again is no new miss.
    assert!(touch(&mut model, 0).is_empty());
    assert_eq!(state(&model).misses, 2);
    assert!(!state(&model).highlight);
    let effects = touch(&mut model, 1);
    assert!(saved(&effects)[0].right);
}

#[test]
fn order_items_go_from_the_pool_to_the_list_and_back() {
    let mut model = at_step("thu-tu");
    let pool = state(&model).pool.clone();
    assert_ne!(pool, [0, 1, 2], "never shown in the right order");
    assert!(state(&model).placed.is_empty());
    // "Kiểm tra" does nothing until every item is placed.
    assert!(update(&mut model, Msg::Click(Target::OrderCheck)).is_empty());
    assert_eq!(state(&model).misses, 0);
    assert_eq!(model.enter_meaning(), None, "no Check on the bar yet");
    for i in [1, 0, 2] {
        update(&mut model, Msg::Click(Target::OrderItem(i)));
    }
    assert_eq!(state(&model).placed, [1, 0, 2]);
    assert_eq!(state(&model).unplaced().count(), 0);
    // A touch on a placed item takes it back; the items after it keep their order.
    update(&mut model, Msg::Click(Target::OrderItem(1)));
    assert_eq!(state(&model).placed, [0, 2]);
    assert_eq!(state(&model).unplaced().collect::<Vec<_>>(), [1]);
    update(&mut model, Msg::Click(Target::OrderItem(2)));
    update(&mut model, Msg::Click(Target::OrderItem(1)));
    update(&mut model, Msg::Click(Target::OrderItem(2)));
    assert_eq!(state(&model).placed, [0, 1, 2]);
    assert_eq!(model.enter_meaning(), Some(EnterMeaning::Check));
    let effects = update(&mut model, Msg::Click(Target::OrderCheck));
    let a = saved(&effects)[0];
    assert!(a.right && a.first_try);
    assert_eq!(a.answer, "1,2,3");
}

#[test]
fn a_wrong_order_keeps_the_right_beginning_and_says_how_much_was_right() {
    let mut model = at_step("thu-tu");
    for i in [0, 2, 1] {
        update(&mut model, Msg::Click(Target::OrderItem(i)));
    }
    let effects = update(&mut model, Msg::Click(Target::OrderCheck));
    let a = saved(&effects)[0];
    assert!(!a.right && a.first_try);
    assert_eq!(a.answer, "1,3,2");
    assert_eq!(state(&model).placed, [0], "the right beginning stays");
    assert_eq!(state(&model).feedback, Some(Feedback::OrderKept(1)));
    assert_eq!(state(&model).misses, 1);
    // Nothing right at the start: all go back.
    for i in [2, 1] {
        update(&mut model, Msg::Click(Target::OrderItem(i)));
    }
    update(&mut model, Msg::Click(Target::OrderItem(0)));
    update(&mut model, Msg::Click(Target::OrderItem(0)));
    assert_eq!(state(&model).placed, [2, 1, 0]);
    update(&mut model, Msg::Click(Target::OrderCheck));
    assert!(state(&model).placed.is_empty());
    assert_eq!(state(&model).feedback, Some(Feedback::OrderKept(0)));
}

#[test]
fn the_bars_check_on_an_order_step_checks_and_never_moves_an_item() {
    let mut model = at_step("thu-tu");
    key(&mut model, Key::Down); // a focus on the list's first place
    let bar = Msg::Click(Target::Bar(BarKey::Enter(EnterMeaning::Check)));
    assert!(update(&mut model, bar.clone()).is_empty());
    assert!(state(&model).placed.is_empty(), "the bar picked nothing");
    for i in 0..3 {
        update(&mut model, Msg::Click(Target::OrderItem(i)));
    }
    key(&mut model, Key::Down); // focus on a placed item
    let effects = update(&mut model, bar);
    assert!(saved(&effects)[0].right);
}

#[test]
fn order_by_keys_moves_the_focused_item_and_checks() {
    let mut model = at_step("thu-tu");
    assert!(key(&mut model, Key::Enter).is_empty(), "no focus: nothing");
    assert!(state(&model).placed.is_empty());
    // The focus runs over the list, then the pool, then Check.
    for want in 0..3 {
        let at =
            state(&model).placed.len() + state(&model).unplaced().position(|i| i == want).unwrap();
        key(&mut model, Key::Down);
        while state(&model).focus != Some(at) {
            key(&mut model, Key::Down);
        }
        key(&mut model, Key::Enter);
    }
    assert_eq!(state(&model).placed, [0, 1, 2]);
    while state(&model).focus != Some(3) {
        key(&mut model, Key::Down);
    }
    let effects = key(&mut model, Key::Enter);
    assert!(saved(&effects)[0].right && saved(&effects)[0].first_try);
}

#[test]
fn nothing_is_pre_chosen_and_enter_without_a_focus_answers_nothing() {
    for id in ["cham-zalo", "otp", "thu-tu"] {
        let mut model = at_step(id);
        assert_eq!(state(&model).focus, None, "{id}");
        assert!(key(&mut model, Key::Enter).is_empty(), "{id}");
        assert_eq!(state(&model).misses, 0, "{id}");
        assert!(!state(&model).solved, "{id}");
        // The bar offers no button that would answer for the learner.
        assert!(
            !model.bar().iter().any(|k| matches!(k, BarKey::Enter(_))),
            "{id}: {:?}",
            model.bar()
        );
    }
}

#[test]
fn a_bar_touch_meant_for_the_screen_before_does_nothing_here() {
    let mut model = at_step("otp");
    key(&mut model, Key::Down); // a focus: the bar now says "Chọn"
    let stale = Msg::Click(Target::Bar(BarKey::Enter(EnterMeaning::Continue)));
    assert!(update(&mut model, stale).is_empty());
    assert_eq!(state(&model).misses, 0, "no answer given");
    let meant = Msg::Click(Target::Bar(BarKey::Enter(EnterMeaning::Choose)));
    let effects = update(&mut model, meant);
    assert_eq!(saved(&effects).len(), 1, "the bar's own meaning acts");
}

#[test]
fn the_same_wrong_answer_again_is_no_new_miss_and_saves_nothing() {
    let mut model = at_step("cham-zalo");
    let effects = update(&mut model, Msg::Click(Target::Phone(0)));
    assert_eq!(saved(&effects).len(), 1);
    update(&mut model, Msg::Click(Target::Phone(3)));
    let effects = update(&mut model, Msg::Click(Target::Phone(0)));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(state(&model).misses, 2);
    assert!(!state(&model).highlight);
    // By digit too, on a choice.
    let mut model = at_step("otp");
    press(&mut model, 1);
    assert!(saved(&press(&mut model, 1)).is_empty());
    assert_eq!(state(&model).misses, 1);
    assert!(
        matches!(&state(&model).feedback, Some(Feedback::Wrong(Some(w))) if w.get("vi").starts_with("Không nên. Ai")),
        "its words again"
    );
}

#[test]
fn after_the_misses_only_the_right_answer_is_marked() {
    let mut model = at_step("cham-zalo");
    key(&mut model, Key::Tab);
    key(&mut model, Key::Tab);
    key(&mut model, Key::Tab); // focus on CH Play
    for wrong in [0, 2, 3] {
        update(&mut model, Msg::Click(Target::Phone(wrong)));
    }
    assert!(
        state(&model).highlight,
        "the target marked after the third miss"
    );
    assert_eq!(state(&model).focus, None, "no focus beside the mark");
    assert!(!model.bar().iter().any(|k| matches!(k, BarKey::Enter(_))));
}

fn needs_volunteer(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::NeedsVolunteer { .. }))
        .count()
}

#[test]
fn the_volunteer_button_calls_once_per_showing() {
    let mut model = at_step("otp");
    let effects = update(&mut model, Msg::Click(Target::CallVolunteer));
    assert_eq!(said(&effects), ["step-volunteer-called"]);
    assert_eq!(
        unsaid(effects),
        [Effect::NeedsVolunteer {
            learner: "4821".into(),
            lesson: "tap-luyen".into(),
            step: "otp".into()
        }]
    );
    assert!(state(&model).called);
    assert!(update(&mut model, Msg::Click(Target::CallVolunteer)).is_empty());
    // Called already: the misses do not call again.
    let mut all = Vec::new();
    for c in ['1', '3'] {
        all.extend(key(&mut model, Key::Char(c)));
    }
    model.settings.help_after_misses = 2;
    assert_eq!(needs_volunteer(&all), 0);
    // Another showing may call again.
    key(&mut model, Key::Esc);
    key(&mut model, Key::Enter);
    update(&mut model, Msg::Click(Target::Phone(1)));
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "otp");
    assert_eq!(
        needs_volunteer(&update(&mut model, Msg::Click(Target::CallVolunteer))),
        1
    );
}

#[test]
fn after_the_misses_the_call_is_made_and_the_button_only_confirms() {
    let mut model = at_step("cham-zalo");
    let mut all = Vec::new();
    for i in [0, 2, 3] {
        all.extend(update(&mut model, Msg::Click(Target::Phone(i))));
    }
    assert_eq!(needs_volunteer(&all), 1, "the panel is told by the misses");
    assert!(state(&model).needs_volunteer);
    let effects = update(&mut model, Msg::Click(Target::CallVolunteer));
    assert_eq!(needs_volunteer(&effects), 0, "not twice");
    assert!(state(&model).called, "the button says the call is made");
}

#[test]
fn the_continue_button_goes_on_from_an_explain_step_and_a_solved_one() {
    let mut model = at_step("gioi-thieu");
    update(&mut model, Msg::Click(Target::Continue));
    assert_eq!(step_id(&model), "cham-zalo");
    assert!(
        update(&mut model, Msg::Click(Target::Continue)).is_empty(),
        "not before the step is done"
    );
    assert_eq!(step_id(&model), "cham-zalo");
    update(&mut model, Msg::Click(Target::Phone(1)));
    update(&mut model, Msg::Click(Target::Continue));
    assert_eq!(step_id(&model), "otp");
    // A scan step: the button confirms, then goes on.
    let mut model = at_step("quet");
    let effects = update(&mut model, Msg::Click(Target::Continue));
    assert!(saved(&effects)[0].right);
    update(&mut model, Msg::Click(Target::Continue));
    assert!(matches!(model.screen, Screen::Summary { .. }));
}

#[test]
fn leaving_a_started_step_asks_first() {
    // Fresh: back at once.
    let mut model = at_step("otp");
    key(&mut model, Key::Esc);
    assert_eq!(step_id(&model), "cham-zalo");
    // Started (a miss): asks; "Ở lại" keeps everything.
    let mut model = at_step("otp");
    press(&mut model, 1);
    update(&mut model, Msg::Click(Target::Bar(BarKey::Back)));
    assert!(state(&model).leaving);
    assert!(!model.bar().contains(&BarKey::Back), "its own two buttons");
    assert!(touch(&mut model, 1).is_empty());
    update(&mut model, Msg::Click(Target::Stay));
    assert!(!state(&model).leaving);
    assert_eq!(state(&model).misses, 1, "nothing lost");
    // Esc asks, Esc again stays.
    key(&mut model, Key::Esc);
    key(&mut model, Key::Esc);
    assert!(!state(&model).leaving);
    assert_eq!(step_id(&model), "otp");
    // "Quay lại" goes back.
    key(&mut model, Key::Backspace);
    update(&mut model, Msg::Click(Target::Leave));
    assert_eq!(step_id(&model), "cham-zalo");
    // Solved, typed, placed: all ask.
    update(&mut model, Msg::Click(Target::Phone(1)));
    key(&mut model, Key::Esc);
    assert!(state(&model).leaving);
    let mut model = at_step("go-ten");
    key(&mut model, Key::Char('V'));
    key(&mut model, Key::Esc);
    assert!(state(&model).leaving);
    let mut model = at_step("thu-tu");
    update(&mut model, Msg::Click(Target::OrderItem(0)));
    key(&mut model, Key::Esc);
    assert!(state(&model).leaving);
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "otp");
}

#[test]
fn type_on_the_keypad() {
    let mut model = at_step("nhap-ma");
    assert!(
        !model.typing_text(),
        "digits: Space and ? keep their meaning"
    );
    for d in [2, 4, 6] {
        update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Digit(d))));
    }
    key(&mut model, Key::Char('x')); // not a digit
    press(&mut model, 9);
    assert_eq!(state(&model).input, "2469");
    let effects = update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Ok)));
    assert_eq!(saved(&effects)[0].answer, "2469");
    assert!(!saved(&effects)[0].right);
    update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Delete)));
    press(&mut model, 8);
    let effects = key(&mut model, Key::Enter);
    assert!(saved(&effects)[0].right);
}

#[test]
fn type_text_takes_every_letter_and_accepts_alternatives() {
    let mut model = at_step("go-ten");
    assert!(model.typing_text());
    for c in " vneid ?".chars() {
        key(&mut model, Key::Char(c));
    }
    assert!(!model.help_open, "? is a letter here");
    assert_eq!(state(&model).input, " vneid ?");
    key(&mut model, Key::Backspace);
    key(&mut model, Key::Backspace);
    let effects = key(&mut model, Key::Enter);
    assert!(
        saved(&effects)[0].right,
        "trimmed, and an accepted spelling"
    );
    assert_eq!(saved(&effects)[0].answer, "vneid");
}

#[test]
fn type_words_on_the_phones_keyboard_by_touch() {
    let mut model = at_step("go-ten");
    let touch = |model: &mut Model, k: KeyboardKey| update(model, Msg::Click(Target::Keyboard(k)));
    // Shift makes one capital, then small letters again.
    touch(&mut model, KeyboardKey::Shift);
    assert_eq!(state(&model).keyboard, KeyboardLayer::Capitals);
    touch(&mut model, KeyboardKey::Char('v'));
    touch(&mut model, KeyboardKey::Char('n'));
    assert_eq!(state(&model).input, "Vn");
    assert_eq!(state(&model).keyboard, KeyboardLayer::Letters);
    // Digits and marks are one key away, and back.
    touch(&mut model, KeyboardKey::Switch);
    touch(&mut model, KeyboardKey::Char('#'));
    touch(&mut model, KeyboardKey::Space);
    touch(&mut model, KeyboardKey::Switch);
    assert_eq!(state(&model).input, "Vn# ");
    let effects = touch(&mut model, KeyboardKey::Ok);
    assert!(!saved(&effects)[0].right, "OK checks what is typed");
    assert_eq!(saved(&effects)[0].answer, "Vn#");
    for _ in 0..4 {
        touch(&mut model, KeyboardKey::Delete);
    }
    assert_eq!(state(&model).input, "");
    for k in keyboard::touches(state(&model).keyboard, "VNeID").unwrap() {
        assert!(touch(&mut model, k).is_empty(), "{k:?} only types");
    }
    let effects = touch(&mut model, KeyboardKey::Ok);
    assert!(saved(&effects)[0].right);
    assert!(state(&model).solved);
    // Solved: the keyboard types no more.
    touch(&mut model, KeyboardKey::Char('x'));
    assert_eq!(state(&model).input, "VNeID");
}

#[test]
fn a_touch_on_a_key_just_gone_types_nothing() {
    // Two quick touches: ?123, then where `q` was before the screen was drawn again.
    let mut model = at_step("go-ten");
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Switch)),
    );
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Char('q'))),
    );
    update(&mut model, Msg::Click(Target::Keyboard(KeyboardKey::Shift)));
    assert_eq!(state(&model).input, "");
    assert_eq!(state(&model).keyboard, KeyboardLayer::Symbols);
}

#[test]
fn where_nothing_takes_the_focus_the_arrows_move_each_view_on_its_own() {
    let mut model = at_step("go-ten");
    let scroll = |model: &mut Model, down, picture| {
        update(model, Msg::Click(Target::Scroll { down, picture }));
    };
    let views = |model: &Model| {
        (
            state(model).scroll_text.rows,
            state(model).scroll_picture.rows,
        )
    };
    scroll(&mut model, false, true);
    scroll(&mut model, false, true);
    scroll(&mut model, true, false);
    assert_eq!(views(&model), (1, -2), "each view moves on its own");
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Char('v'))),
    );
    assert_eq!(
        views(&model),
        (1, 0),
        "typing brings the field back into view"
    );
    // Another size, or the other page of a small screen: both open as they would.
    scroll(&mut model, true, true);
    update(&mut model, Msg::Resize(Size::new(58, 15)));
    assert_eq!(views(&model), (0, 0));
    update(&mut model, Msg::Resize(Size::new(40, 12)));
    scroll(&mut model, true, false);
    key(&mut model, Key::Enter);
    assert!(state(&model).show_picture);
    assert_eq!(views(&model), (0, 0));
    // The last touch says which end the view reaches.
    assert!(!state(&model).scroll_text.up && !state(&model).scroll_picture.up);
    scroll(&mut model, false, false);
    assert!(state(&model).scroll_text.up);
    // A step with things to focus: ▼ never lights an answer by itself; once a key has
    // shown the focus, ▼ moves it.
    let mut model = at_step("otp");
    update(&mut model, Msg::Click(Target::More { down: true }));
    assert_eq!(state(&model).focus, None);
    key(&mut model, Key::Down);
    update(&mut model, Msg::Click(Target::More { down: true }));
    assert_eq!(state(&model).focus, Some(1));
}

#[test]
fn the_keypad_step_ignores_the_letter_keyboard() {
    let mut model = at_step("nhap-ma");
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Char('a'))),
    );
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Switch)),
    );
    update(
        &mut model,
        Msg::Click(Target::Keyboard(KeyboardKey::Char('1'))),
    );
    assert_eq!(state(&model).input, "");
    assert_eq!(state(&model).keyboard, KeyboardLayer::Letters);
}

#[test]
fn type_with_nothing_typed_is_not_an_answer_and_backspace_stays_in_the_field() {
    let mut model = at_step("go-ten");
    assert!(key(&mut model, Key::Enter).is_empty());
    assert_eq!(state(&model).misses, 0);
    key(&mut model, Key::Backspace);
    assert_eq!(
        step_id(&model),
        "go-ten",
        "Backspace in a field only deletes"
    );
    key(&mut model, Key::Esc);
    assert_eq!(step_id(&model), "nhap-ma", "Esc goes back");
    // The keypad's Delete on an empty field stays too.
    update(&mut model, Msg::Click(Target::Keypad(KeypadKey::Delete)));
    assert_eq!(step_id(&model), "nhap-ma");
}

#[test]
fn going_back_and_forth_does_not_wipe_out_a_miss() {
    let mut model = at_step("otp");
    press(&mut model, 1); // a miss
    key(&mut model, Key::Esc);
    assert!(state(&model).leaving, "started: asks first");
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "cham-zalo");
    update(&mut model, Msg::Click(Target::Phone(1)));
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "otp");
    let effects = press(&mut model, 2);
    let a = saved(&effects)[0];
    assert!(
        a.right && !a.first_try,
        "shown again in the same run: not a first try"
    );
    assert_eq!(
        model.run().unwrap().2.results.get(&2),
        Some(&false),
        "the miss stands"
    );
}

#[test]
fn on_a_small_screen_the_answer_brings_the_feedback_into_view() {
    let mut model = at_step("cham-zalo");
    update(&mut model, Msg::Resize(Size::new(40, 12)));
    key(&mut model, Key::Enter);
    assert!(state(&model).show_picture);
    update(&mut model, Msg::Click(Target::Phone(0)));
    assert!(
        !state(&model).show_picture,
        "back on the text's page, where the feedback is"
    );
    // A resize to a large screen forgets the page.
    key(&mut model, Key::Enter);
    update(&mut model, Msg::Resize(Size::new(80, 24)));
    assert!(!state(&model).show_picture);
    assert_eq!(model.bar()[0], BarKey::Back, "nothing focused: no Chạm");
}

#[test]
fn type_reveals_the_answer_after_three_misses() {
    let mut model = at_step("go-ten");
    for _ in 0..3 {
        key(&mut model, Key::Char('x'));
        key(&mut model, Key::Enter);
        key(&mut model, Key::Backspace);
    }
    assert!(state(&model).hint && state(&model).highlight && state(&model).needs_volunteer);
}

#[test]
fn scan_is_confirmed_with_enter() {
    let mut model = at_step("quet");
    let effects = key(&mut model, Key::Enter);
    let a = saved(&effects)[0];
    assert!(a.right && a.first_try);
    assert_eq!(a.answer, "scanned");
}

#[test]
fn the_last_step_leads_to_the_summary() {
    let mut model = at_step("cham-zalo");
    update(&mut model, Msg::Click(Target::Phone(1)));
    key(&mut model, Key::Enter);
    press(&mut model, 2);
    key(&mut model, Key::Enter);
    assert_eq!(step_id(&model), "thu-tu");
    // A miss: the pool's (never right) order, checked.
    let pool = state(&model).pool.clone();
    for i in pool {
        update(&mut model, Msg::Click(Target::OrderItem(i)));
    }
    update(&mut model, Msg::Click(Target::OrderCheck));
    assert_eq!(state(&model).misses, 1);
    for msg in right_answer(&model) {
        update(&mut model, msg);
    }
    assert!(state(&model).solved);
    key(&mut model, Key::Enter);
    "2468"
        .chars()
        .for_each(|c| drop(key(&mut model, Key::Char(c))));
    key(&mut model, Key::Enter);
    key(&mut model, Key::Enter);
    "VNeID"
        .chars()
        .for_each(|c| drop(key(&mut model, Key::Char(c))));
    key(&mut model, Key::Enter);
    key(&mut model, Key::Enter);
    key(&mut model, Key::Enter); // scan confirmed
    let effects = key(&mut model, Key::Enter);
    let Screen::Summary { summary, .. } = &model.screen else {
        panic!("the summary: {:?}", model.screen)
    };
    assert_eq!(summary.first_try, 5);
    // Two right in a row masters a step: after one run, nothing is mastered yet.
    assert_eq!(summary.to_practise, [1, 2, 3, 4, 5, 6]);
    assert_eq!(summary.end, LessonEnd::NotYet);
    assert!(effects.contains(&Effect::LessonEnded {
        learner: "4821".into(),
        lesson: "tap-luyen".into(),
        end: LessonEnd::NotYet,
        intervals: vec![1, 3, 7, 21, 60],
    }));
    assert!(
        effects.contains(&Effect::SavePlace {
            learner: "4821".into(),
            place: None
        }),
        "nothing to resume"
    );
    assert_eq!(model.status(&model.lessons[0]), LessonStatus::InProgress);
    // Two answers: practise again (focused), or back to the menu.
    press(&mut model, 2);
    assert_eq!(model.screen, Screen::Menu { focus: 0 });
}

#[test]
fn back_goes_to_the_previous_step_then_the_menu() {
    let mut model = at_step("cham-zalo");
    key(&mut model, Key::Esc);
    assert_eq!(step_id(&model), "gioi-thieu");
    let effects = key(&mut model, Key::Backspace);
    assert_eq!(model.screen, Screen::Menu { focus: 0 });
    assert_eq!(said(&effects), ["menu-greeting", "menu-title"]);
    assert_eq!(unsaid(effects), [Effect::StopNarration]);
    key(&mut model, Key::Esc);
    assert!(model.asking_sign_out, "leaving the menu asks first");
    press(&mut model, 1);
    assert_eq!(model.screen, Screen::Welcome);
    assert_eq!(
        model.learner, None,
        "signed out: the name leaves the screen"
    );
}

#[test]
fn on_a_small_screen_the_phone_is_one_key_away() {
    let mut model = at_step("cham-zalo");
    update(&mut model, Msg::Resize(Size::new(40, 12)));
    assert_eq!(model.step_layout(), Some(StepLayout::Paged));
    assert_eq!(model.enter_meaning(), Some(EnterMeaning::SeePicture));
    let effects = key(&mut model, Key::Enter);
    assert!(effects.is_empty() && state(&model).show_picture);
    assert_eq!(model.enter_meaning(), None, "nothing focused yet");
    key(&mut model, Key::Tab);
    assert_eq!(model.enter_meaning(), Some(EnterMeaning::Tap));
    key(&mut model, Key::Esc);
    assert!(
        !state(&model).show_picture,
        "back to the text, still on this step"
    );
    assert_eq!(step_id(&model), "cham-zalo");
    // A touch on the phone's page answers as on a large screen.
    key(&mut model, Key::Enter);
    key(&mut model, Key::Tab);
    assert!(saved(&key(&mut model, Key::Enter))[0].right);

    update(&mut model, Msg::Resize(Size::new(80, 24)));
    assert_eq!(model.step_layout(), Some(StepLayout::Side));
}

#[test]
fn help_opens_with_question_mark_and_closes_with_any_key() {
    let mut model = at_step("otp");
    key(&mut model, Key::Char('?'));
    assert!(model.help_open);
    assert_eq!(
        press(&mut model, 1),
        [Effect::StopNarration],
        "the key only closes help (and stops its reading)"
    );
    assert!(!model.help_open);
    assert_eq!(state(&model).misses, 0);
    update(&mut model, Msg::Click(Target::Bar(BarKey::Help)));
    assert!(model.help_open);
    update(&mut model, Msg::Click(Target::CloseHelp));
    assert!(!model.help_open);
    key(&mut model, Key::F(1));
    assert!(model.help_open);
}

#[test]
fn language_switches_live_and_ctrl_c_quits() {
    let mut model = at_step("otp");
    // In a lesson, a stray F2 changes nothing: the switch is on the welcome screen.
    key(&mut model, Key::F(2));
    assert_eq!(model.lang, Lang::Vi);
    model.screen = Screen::Welcome;
    key(&mut model, Key::F(2));
    assert_eq!(model.lang, Lang::En);
    update(&mut model, Msg::Click(Target::SwitchLanguage));
    assert_eq!(model.lang, Lang::Vi);
    assert_eq!(
        key(&mut model, Key::Quit),
        [Effect::StopNarration, Effect::SignedOut, Effect::Quit]
    );
}

#[test]
fn the_bar_names_what_enter_does() {
    let mut model = at_step("gioi-thieu");
    assert_eq!(model.bar()[0], BarKey::Enter(EnterMeaning::Continue));
    let mut model2 = at_step("otp");
    assert_eq!(model2.bar()[0], BarKey::Back, "nothing chosen: no Chọn");
    key(&mut model2, Key::Down);
    assert_eq!(model2.bar()[0], BarKey::Enter(EnterMeaning::Choose));
    press(&mut model2, 2);
    assert_eq!(model2.bar()[0], BarKey::Enter(EnterMeaning::Continue));
    update(
        &mut model,
        Msg::Click(Target::Bar(BarKey::Enter(EnterMeaning::Continue))),
    );
    assert_eq!(step_id(&model), "cham-zalo");
    update(&mut model, Msg::Click(Target::Bar(BarKey::Back)));
    assert_eq!(step_id(&model), "gioi-thieu");
    assert_eq!(model.bar().last(), Some(&BarKey::Help));
}

#[test]
fn a_preview_saves_nothing_and_follows_the_file() {
    let (mut model, effects) = Model::preview(
        lesson(),
        Some("otp"),
        "tap-luyen.toml".into(),
        Size::new(58, 15),
        Settings {
            narration: true,
            ..Settings::default()
        },
    );
    assert_eq!(step_id(&model), "otp");
    // The question, then each answer after the number it is shown with.
    let heard = said(&effects);
    assert_eq!(heard.first().map(String::as_str), Some("otp"));
    assert_eq!(heard.len(), 7, "{heard:?}");
    assert!(heard[1..].chunks(2).enumerate().all(|(at, pair)| {
        pair[0] == format!("spoken-digit-{}", at + 1) && pair[1].starts_with("otp.answer-")
    }));
    let effects = press(&mut model, 2);
    assert!(saved(&effects).is_empty(), "no learner, nothing saved");

    update(
        &mut model,
        Msg::LessonReloaded(Err(vec!["12:3 no element `x`".into()])),
    );
    assert!(
        matches!(&model.screen, Screen::Broken { lines, step } if lines.len() == 1 && step.as_deref() == Some("otp"))
    );

    let mut edited = lesson();
    edited.steps.remove(0);
    update(&mut model, Msg::LessonReloaded(Ok(Box::new(edited))));
    assert_eq!(step_id(&model), "otp", "back at the same step");
    assert_eq!(model.run().unwrap().2.step(), 1);
    key(&mut model, Key::Esc);
    key(&mut model, Key::Esc);
    assert!(
        matches!(model.screen, Screen::Lesson(_)),
        "a preview never leaves the lesson"
    );
}

/// Answers the step on screen rightly, as a learner who knows it would.
fn answer_right(model: &mut Model) {
    for msg in right_answer(model) {
        update(model, msg);
    }
}

/// Runs through whatever is on screen to the summary, answering right; the step `miss`
/// gets one wrong answer first.
fn run_to_summary(model: &mut Model, miss: Option<&str>) -> Vec<Effect> {
    loop {
        if let Some(id) = miss
            && step_id(model) == id
            && state(model).misses == 0
        {
            touch(model, 0);
        }
        answer_right(model);
        let effects = key(model, Key::Enter);
        if matches!(model.screen, Screen::Summary { .. }) {
            return effects;
        }
    }
}

fn summary(model: &Model) -> &Summary {
    match &model.screen {
        Screen::Summary { summary, .. } => summary,
        other => panic!("not a summary: {other:?}"),
    }
}

#[test]
fn practice_repeats_just_what_is_not_mastered_until_the_lesson_is() {
    let mut model = at_step("gioi-thieu");
    run_to_summary(&mut model, Some("otp"));
    assert_eq!(summary(&model).end, LessonEnd::NotYet);
    assert_eq!(summary(&model).to_practise, [1, 2, 3, 4, 5, 6]);

    // "Tập lại": the practice steps, with the explanation before them.
    press(&mut model, 1);
    let Screen::Lesson(run) = &model.screen else {
        panic!("a run")
    };
    assert_eq!(run.kind, RunKind::Practice);
    assert_eq!(run.plan, [0, 1, 2, 3, 4, 5, 6]);
    run_to_summary(&mut model, None);
    // Everything right twice in a row now, but the choice step (missed the first time).
    assert_eq!(summary(&model).to_practise, [2]);

    press(&mut model, 1);
    let Screen::Lesson(run) = &model.screen else {
        panic!("a run")
    };
    assert_eq!(
        run.plan,
        [0, 2],
        "just the choice step, after the explanation before it"
    );
    let effects = run_to_summary(&mut model, None);
    assert_eq!(summary(&model).end, LessonEnd::Mastered);
    assert!(summary(&model).to_practise.is_empty());
    assert!(effects.iter().any(|e| matches!(
        e,
        Effect::LessonEnded {
            end: LessonEnd::Mastered,
            ..
        }
    )));
    assert_eq!(model.status(&model.lessons[0]), LessonStatus::Mastered);
    assert_eq!(summary_answers(summary(&model)), 1, "only back to the menu");
}

#[test]
fn a_review_due_comes_first_and_is_a_quick_pass_of_the_practice_steps() {
    let mut model = signed_in();
    let mut second = model.lessons[0].clone();
    second.id = "khac".into();
    model.lessons.push(second);
    let day = 86_400;
    model.progress.lessons.insert(
        "khac".into(),
        crate::store::LessonRecord {
            leitner: Some(crate::mastery::Leitner {
                box_index: 0,
                due: 5 * day,
            }),
            mastered_at: Some(0),
        },
    );
    model.now = 4 * day;
    assert_eq!(model.menu(), [0, 1], "not due yet");
    model.now = 6 * day;
    assert_eq!(model.menu(), [1, 0], "due: first");
    assert_eq!(model.status(&model.lessons[1]), LessonStatus::ReviewDue);

    press(&mut model, 1);
    let Screen::Lesson(run) = &model.screen else {
        panic!("a run")
    };
    assert_eq!(run.kind, RunKind::Review);
    assert_eq!(run.plan, [1, 2, 3, 4, 5, 6], "practice steps only");
    run_to_summary(&mut model, None);
    assert_eq!(summary(&model).end, LessonEnd::ReviewPassed);
    assert_eq!(
        model.progress.lessons["khac"].leitner.unwrap().box_index,
        1,
        "up a box"
    );

    // A miss in a review: out of the boxes.
    model.now = 100 * day;
    model.screen = Screen::Menu { focus: 0 };
    press(&mut model, 1);
    run_to_summary(&mut model, Some("otp"));
    assert_eq!(summary(&model).end, LessonEnd::ReviewFailed);
    assert_eq!(model.progress.lessons["khac"].leitner, None);
    assert_eq!(model.status(&model.lessons[1]), LessonStatus::InProgress);
    assert_eq!(
        summary(&model).to_practise,
        [2],
        "the missed step, to practise again"
    );
}

#[test]
fn a_learner_resumes_at_the_step_they_left() {
    let mut model = at_step("thu-tu");
    let effects = key(&mut model, Key::Esc);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::SavePlace { place: Some(p), .. } if p.step == "otp"))
    );
    let place = Place {
        lesson: "tap-luyen".into(),
        kind: RunKind::Full,
        plan: model.lessons[0]
            .steps
            .iter()
            .map(|s| s.id.clone())
            .collect(),
        step: "otp".into(),
    };
    let progress = Progress {
        place: Some(place),
        ..Progress::default()
    };
    let learner = model.learner.clone().unwrap();
    let sign_in = |lessons: Vec<Lesson>| {
        let mut back = Model::new(lessons, Lang::Vi, Size::new(80, 24));
        let found = Some((learner.clone(), Box::new(progress.clone())));
        update(
            &mut back,
            Msg::LearnerFound {
                code: learner.code.clone(),
                found,
                now: 0,
            },
        );
        back
    };
    let mut back = sign_in(vec![lesson()]);
    assert_eq!(back.screen, Screen::Resume { focus: 0 });
    press(&mut back, 1);
    assert_eq!(step_id(&back), "otp");
    assert_eq!(back.run().unwrap().2.pos, 2);

    // The lesson was edited and that step is gone: the next one of the plan.
    let mut edited = lesson();
    edited.steps.retain(|s| s.id != "otp");
    let mut back = sign_in(vec![edited]);
    press(&mut back, 1);
    assert_eq!(step_id(&back), "thu-tu");

    // The whole lesson is gone: straight to the menu.
    assert_eq!(sign_in(Vec::new()).screen, Screen::Menu { focus: 0 });
}

#[test]
fn the_sound_button_cycles_and_is_kept_for_the_learner() {
    let mut model = at_step("gioi-thieu");
    assert!(model.narrating());
    let effects = update(&mut model, Msg::Click(Target::Sound));
    assert_eq!(
        model.sound,
        Sound {
            on: true,
            volume: 60
        }
    );
    assert!(effects.contains(&Effect::SetVolume(60)));
    assert!(effects.contains(&Effect::SaveSound {
        learner: "4821".into(),
        sound: model.sound
    }));
    let effects = key(&mut model, Key::F(3));
    assert!(!model.sound.on);
    assert!(effects.contains(&Effect::SetVolume(0)) && effects.contains(&Effect::StopNarration));
    // Off: nothing plays, and no replay is offered.
    assert!(key(&mut model, Key::Char(' ')).is_empty());
    assert!(!model.bar().contains(&BarKey::Replay));
    let effects = key(&mut model, Key::Enter);
    assert!(said(&effects).is_empty());
    update(&mut model, Msg::Click(Target::Sound));
    assert_eq!(
        model.sound,
        Sound {
            on: true,
            volume: 100
        }
    );
}

#[test]
fn answers_and_hints_are_heard_and_the_next_step_is_read_ahead() {
    let mut model = at_step("gioi-thieu");
    let effects = key(&mut model, Key::Enter);
    let preload = effects.iter().find_map(|e| match e {
        Effect::PreloadNarration(n) => Some(n.step.clone()),
        _ => None,
    });
    assert_eq!(
        preload.as_deref(),
        Some("otp"),
        "the step after the tap step is read ahead"
    );
    // The step is said before the next one is read ahead.
    let say = effects.iter().position(|e| matches!(e, Effect::Say(_)));
    let read_ahead = effects
        .iter()
        .position(|e| matches!(e, Effect::PreloadNarration(_)));
    assert!(say < read_ahead && say.is_some(), "{effects:?}");
    assert_eq!(
        said(&update(&mut model, Msg::Click(Target::Phone(0)))),
        ["cham-zalo.tap-youtube"],
        "YouTube's own words"
    );
    assert_eq!(
        said(&update(&mut model, Msg::Click(Target::Phone(2)))),
        ["feedback-hint", "cham-zalo.hint"],
        "the hint as it appears"
    );
    assert_eq!(
        said(&update(&mut model, Msg::Click(Target::Phone(1)))),
        ["feedback-right"]
    );
    // In English, the English recordings are asked for.
    model.lang = Lang::En;
    let effects = key(&mut model, Key::Enter);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Say(s) if s.iter().all(|s| match s {
                Speech::Lesson(n) => n.locale == "en",
                Speech::Words { locale, .. } | Speech::Term { locale, .. } => *locale == "en",
            })))
    );
}

#[test]
fn telex_keys_become_vietnamese_as_on_a_phone() {
    let mut l = lesson();
    let Task::Type {
        input,
        answer,
        accept,
        ..
    } = &mut l.steps[5].task
    else {
        panic!("the text type step")
    };
    *input = InputMethod::Telex;
    *answer = "Hà Nội".into();
    accept.clear();
    let mut model = signed_in();
    model.lessons = vec![l];
    let plan = (0..model.lessons[0].steps.len()).collect();
    let _ = model.open_run(0, RunKind::Full, plan, 5);
    for c in "Haf Nooij".chars() {
        key(&mut model, Key::Char(c));
    }
    let step = model.run().unwrap().1.clone();
    assert_eq!(state(&model).shown_input(&step), "Hà Nội");
    let effects = key(&mut model, Key::Enter);
    assert!(saved(&effects)[0].right);
    assert_eq!(saved(&effects)[0].answer, "Hà Nội");
}

#[test]
fn the_menu_groups_lessons_by_topic_in_the_curriculums_order() {
    let mut model = signed_in();
    let base = lesson();
    let make = |id: &str, topic: &str| {
        let mut l = base.clone();
        l.id = id.into();
        l.topic = topic.into();
        l
    };
    model.lessons = vec![
        make("etax", "dich-vu-cong"),
        make("co-ban", "dien-thoai"),
        make("khac", "khac"),
        make("vneid", "vneid"),
        make("wifi", "dien-thoai"),
    ];
    let ids: Vec<&str> = model
        .menu()
        .iter()
        .map(|&i| model.lessons[i].id.as_str())
        .collect();
    assert_eq!(ids, ["co-ban", "wifi", "vneid", "etax", "khac"]);
}

mod volunteers {
    use super::*;
    use crate::app::volunteer::items;
    use crate::kiosk::PinProblem;
    use crate::store::{Figures, LearnerRow};

    pub(super) fn row() -> LearnerRow {
        LearnerRow {
            code: "4821".into(),
            name: "Bà Hạnh".into(),
            age_band: None,
            last_visit: Some(100),
            mastered: 0,
        }
    }

    pub(super) fn learner() -> Learner {
        Learner {
            code: "4821".into(),
            name: "Bà Hạnh".into(),
            age_band: None,
            sound: Default::default(),
        }
    }

    /// The panel open at its first page, no PIN set, outside lock-down.
    fn panel() -> Model {
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(80, 24));
        let effects = key(&mut model, Key::Volunteer);
        assert!(effects.contains(&Effect::Load(PanelQuery::HelpCalls)));
        assert!(matches!(model.screen, Screen::Panel(_)));
        model
    }

    fn choose(model: &mut Model, item: PanelItem) -> Vec<Effect> {
        let i = items(model)
            .iter()
            .position(|it| *it == item)
            .unwrap_or_else(|| panic!("{item:?} is not on {:?}", model.screen));
        update(model, Msg::Click(Target::Answer(i)))
    }

    /// A guided session of the fixture lesson, started from the panel.
    pub(super) fn guided() -> Model {
        let mut model = panel();
        choose(&mut model, PanelItem::Learners);
        update(&mut model, Msg::Panel(PanelData::Learners(vec![row()])));
        let effects = choose(&mut model, PanelItem::Learner(0));
        assert_eq!(effects, [Effect::Load(PanelQuery::Learner("4821".into()))]);
        update(
            &mut model,
            Msg::Panel(PanelData::Learner(Some(Box::new(LearnerDetail {
                learner: row(),
                progress: Progress::default(),
                notes: vec![],
            })))),
        );
        choose(&mut model, PanelItem::Lesson(0));
        let effects = choose(&mut model, PanelItem::Guide);
        assert_eq!(
            effects,
            [Effect::StartGuided {
                learner: "4821".into(),
                lesson: "tap-luyen".into()
            }]
        );
        update(
            &mut model,
            Msg::GuidedStarted {
                learner: learner(),
                progress: Box::default(),
                lesson: "tap-luyen".into(),
                now: 1_000,
            },
        );
        assert!(model.guided.is_some());
        model
    }

    #[test]
    fn in_lock_down_the_quit_keys_do_nothing() {
        let mut model = signed_in();
        model.settings.locked_down = true;
        assert!(key(&mut model, Key::Quit).is_empty());
        assert!(matches!(model.screen, Screen::Menu { .. }));
        model.settings.locked_down = false;
        assert!(key(&mut model, Key::Quit).contains(&Effect::Quit));
    }

    #[test]
    fn in_lock_down_the_panel_asks_for_the_pin_and_only_the_panel_quits() {
        let mut model = signed_in();
        model.settings.locked_down = true;
        model.pin_set = true;
        key(&mut model, Key::Volunteer);
        assert!(matches!(model.screen, Screen::Pin { .. }));
        for d in "1234".chars() {
            key(&mut model, Key::Char(d));
        }
        assert_eq!(
            key(&mut model, Key::Enter),
            [Effect::CheckPin("1234".into())]
        );
        // Wrong: the prompt stays, with the tries left.
        update(
            &mut model,
            Msg::PinChecked {
                right: false,
                now: 10,
            },
        );
        assert!(matches!(
            model.screen,
            Screen::Pin {
                message: Some(PinMessage::Wrong { left: 4 }),
                ..
            }
        ));
        update(
            &mut model,
            Msg::PinChecked {
                right: true,
                now: 11,
            },
        );
        assert!(matches!(model.screen, Screen::Panel(_)));
        choose(&mut model, PanelItem::Quit);
        assert!(matches!(
            &model.screen,
            Screen::Panel(Panel {
                view: PanelView::Confirm {
                    danger: Danger::Quit,
                    ..
                },
                ..
            })
        ));
        let effects = choose(&mut model, PanelItem::Yes);
        assert!(effects.contains(&Effect::Quit));
    }

    #[test]
    fn a_locked_prompt_takes_no_pin_until_the_lock_runs_out() {
        let mut model = signed_in();
        model.pin_set = true;
        key(&mut model, Key::Volunteer);
        for _ in 0..crate::kiosk::MAX_TRIES {
            for d in "1111".chars() {
                key(&mut model, Key::Char(d));
            }
            key(&mut model, Key::Enter);
            update(
                &mut model,
                Msg::PinChecked {
                    right: false,
                    now: 100,
                },
            );
        }
        update(&mut model, Msg::Tick { now: 200, idle: 0 });
        for d in "2468".chars() {
            key(&mut model, Key::Char(d));
        }
        assert!(
            key(&mut model, Key::Enter).is_empty(),
            "no check while locked"
        );
        assert!(matches!(
            model.screen,
            Screen::Pin {
                message: Some(PinMessage::Locked { until: 400 }),
                ..
            }
        ));
        update(&mut model, Msg::Tick { now: 400, idle: 0 });
        for d in "2468".chars() {
            key(&mut model, Key::Char(d));
        }
        assert_eq!(
            key(&mut model, Key::Enter),
            [Effect::CheckPin("2468".into())]
        );
    }

    #[test]
    fn a_kiosks_first_start_chooses_the_pin_twice() {
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
        model.settings.locked_down = true;
        model.screen = Screen::Pin {
            purpose: PinPurpose::Choose { first: None },
            pin: String::new(),
            message: None,
        };
        let type_pin = |model: &mut Model, pin: &str| {
            for d in pin.chars() {
                key(model, Key::Char(d));
            }
            key(model, Key::Enter)
        };
        assert!(type_pin(&mut model, "246813").is_empty());
        assert!(type_pin(&mut model, "246812").is_empty(), "they differ");
        assert!(matches!(
            model.screen,
            Screen::Pin {
                message: Some(PinMessage::Problem(PinProblem::Mismatch)),
                ..
            }
        ));
        assert!(key(&mut model, Key::Esc).is_empty(), "no way around it");
        type_pin(&mut model, "246813");
        assert_eq!(
            type_pin(&mut model, "246813"),
            [Effect::SavePin("246813".into())]
        );
        update(&mut model, Msg::PinSaved);
        assert!(model.pin_set);
        assert_eq!(model.screen, Screen::Welcome);
    }

    #[test]
    fn guided_answers_are_assisted_and_never_count_toward_mastery() {
        let mut model = guided();
        let mut attempts = Vec::new();
        loop {
            for msg in right_answer(&model) {
                for e in update(&mut model, msg) {
                    if let Effect::SaveAttempt(a) = e {
                        attempts.push(a);
                    }
                }
            }
            key(&mut model, Key::Enter);
            if matches!(model.screen, Screen::Summary { .. }) {
                break;
            }
        }
        assert!(!attempts.is_empty());
        assert!(
            attempts
                .iter()
                .all(|a| a.assisted && a.right && a.first_try)
        );
        // Every step right first time, but with a volunteer: nothing is mastered.
        assert_eq!(summary(&model).end, LessonEnd::NotYet);
        assert_eq!(summary(&model).first_try, 0);
        assert_eq!(summary(&model).to_practise.len(), 6);
        // The end: what to practise at home, and a note for the next volunteer.
        key(&mut model, Key::Esc);
        assert!(matches!(model.screen, Screen::GuidedEnd { .. }));
        for c in "Bà cần tập nhập OTP".chars() {
            key(&mut model, Key::Char(c));
        }
        let effects = key(&mut model, Key::Enter);
        assert!(effects.contains(&Effect::AddNote {
            learner: "4821".into(),
            text: "Bà cần tập nhập OTP".into()
        }));
        assert!(effects.contains(&Effect::SignedOut));
        assert!(model.learner.is_none() && model.guided.is_none());
        assert!(matches!(model.screen, Screen::Panel(_)));
    }

    #[test]
    fn the_volunteer_moves_between_steps_reveals_and_marks_help() {
        let mut model = guided();
        assert_eq!(step_id(&model), "gioi-thieu");
        key(&mut model, Key::F(6));
        key(&mut model, Key::F(6));
        let at = step_id(&model).to_owned();
        assert_ne!(at, "gioi-thieu");
        key(&mut model, Key::F(5));
        key(&mut model, Key::F(6));
        assert_eq!(step_id(&model), at);
        key(&mut model, Key::F(7));
        assert!(state(&model).highlight && state(&model).hint);
        let effects = update(&mut model, Msg::Click(Target::Guided(GuidedKey::Helped)));
        assert_eq!(
            effects,
            [Effect::HelpGiven {
                learner: "4821".into()
            }]
        );
        assert_eq!(model.guided.as_ref().unwrap().helped, 1);
        key(&mut model, Key::F(9));
        assert!(matches!(model.screen, Screen::GuidedEnd { .. }));
    }

    #[test]
    fn outside_a_guided_session_the_volunteer_keys_do_nothing() {
        let mut model = at_step("gioi-thieu");
        key(&mut model, Key::F(6));
        assert_eq!(step_id(&model), "gioi-thieu");
    }

    #[test]
    fn erasing_asks_first_then_erases() {
        let mut model = panel();
        choose(&mut model, PanelItem::Learners);
        update(&mut model, Msg::Panel(PanelData::Learners(vec![row()])));
        choose(&mut model, PanelItem::Learner(0));
        update(
            &mut model,
            Msg::Panel(PanelData::Learner(Some(Box::new(LearnerDetail {
                learner: row(),
                progress: Progress::default(),
                notes: vec![],
            })))),
        );
        assert!(choose(&mut model, PanelItem::Forget).is_empty());
        // "No" goes back without erasing.
        assert!(choose(&mut model, PanelItem::No).is_empty());
        choose(&mut model, PanelItem::Forget);
        let effects = choose(&mut model, PanelItem::Yes);
        assert!(effects.contains(&Effect::Forget {
            learner: "4821".into()
        }));
    }

    #[test]
    fn the_search_field_takes_letters_and_asks_the_store() {
        let mut model = panel();
        choose(&mut model, PanelItem::Learners);
        assert!(model.typing_text());
        assert_eq!(
            key(&mut model, Key::Char('H')),
            [Effect::Load(PanelQuery::Learners("H".into()))]
        );
        assert_eq!(
            key(&mut model, Key::Backspace),
            [Effect::Load(PanelQuery::Learners(String::new()))]
        );
        // Esc: back to the first page, then out of the panel.
        key(&mut model, Key::Esc);
        key(&mut model, Key::Esc);
        assert_eq!(model.screen, Screen::Welcome);
    }

    #[test]
    fn todays_figures_are_read_when_asked() {
        let mut model = panel();
        assert_eq!(
            choose(&mut model, PanelItem::Figures),
            [Effect::Load(PanelQuery::Today)]
        );
        let figures = Figures {
            sessions: 3,
            ..Figures::default()
        };
        update(&mut model, Msg::Panel(PanelData::Figures(Ok(figures))));
        assert!(matches!(
            &model.screen,
            Screen::Panel(Panel {
                view: PanelView::Figures(Some(Ok(f))),
                ..
            }) if f.sessions == 3
        ));
        // The panel says how erased learners are counted, as the report does.
        model.size = Size::new(87, 21);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(87, 21)).unwrap();
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, &model, &crate::i18n::Localizer::embedded());
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        let text: String = (0..21)
            .map(|y| (0..87).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
            .collect();
        assert!(text.contains("Lượt học: 3"), "{text}");
        assert!(text.contains("Người học đã xóa vẫn được đếm"), "{text}");
    }

    #[test]
    fn idle_warns_then_ends_the_session_and_forgets_the_name() {
        let mut model = at_step("gioi-thieu");
        model.settings.idle = crate::kiosk::IdlePolicy {
            timeout: 180,
            warning: 30,
        };
        model.lang = Lang::En;
        assert!(update(&mut model, Msg::Tick { now: 1, idle: 179 }).is_empty());
        assert_eq!(model.idle_left, None);
        update(&mut model, Msg::Tick { now: 2, idle: 185 });
        assert_eq!(model.idle_left, Some(25));
        // A touch answers the question, and does nothing else.
        update(&mut model, Msg::Click(Target::StillHere));
        assert_eq!(model.idle_left, None);
        assert_eq!(step_id(&model), "gioi-thieu");
        let effects = update(&mut model, Msg::Tick { now: 3, idle: 210 });
        assert!(effects.contains(&Effect::SignedOut));
        assert_eq!(model.screen, Screen::Welcome);
        assert!(model.learner.is_none());
        assert_eq!(model.lang, Lang::Vi, "the next person starts in Vietnamese");
        // On the welcome screen there is nothing to time out.
        assert!(update(&mut model, Msg::Tick { now: 4, idle: 999 }).is_empty());
        assert_eq!(model.idle_left, None);
    }

    #[test]
    fn a_half_typed_name_is_cleared_by_the_timeout() {
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 15));
        model.screen = Screen::Name {
            name: "Bà Hạ".into(),
            telex: true,
            keyboard: KeyboardLayer::Letters,
        };
        update(
            &mut model,
            Msg::Tick {
                now: 1,
                idle: 10_000,
            },
        );
        assert_eq!(model.screen, Screen::Welcome);
    }
}

#[test]
fn leaving_the_menu_asks_first_and_only_a_clear_yes_signs_out() {
    let mut model = at_step("gioi-thieu");
    model.learner = Some(Learner {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    });
    model.screen = Screen::Menu { focus: 0 };
    let effects = key(&mut model, Key::Esc);
    assert_eq!(
        said(&effects),
        [
            "sign-out-title",
            "sign-out-note",
            "sign-out-yes",
            "sign-out-stay"
        ]
    );
    assert!(unsaid(effects).is_empty());
    assert!(model.asking_sign_out);
    // A stray touch elsewhere, or Enter, answers nothing.
    assert!(update(&mut model, Msg::Click(Target::Lesson(0))).is_empty());
    assert!(key(&mut model, Key::Enter).is_empty());
    assert!(model.asking_sign_out && model.learner.is_some());
    // "Stay": still her menu.
    update(&mut model, Msg::Click(Target::SignOut(false)));
    assert!(!model.asking_sign_out);
    assert_eq!(model.screen, Screen::Menu { focus: 0 });
    // The bar's button asks too; yes signs out.
    update(&mut model, Msg::Click(Target::Bar(BarKey::Back)));
    assert!(model.asking_sign_out);
    let effects = update(&mut model, Msg::Click(Target::SignOut(true)));
    assert!(effects.contains(&Effect::SignedOut));
    assert_eq!(model.screen, Screen::Welcome);
    assert!(model.learner.is_none() && !model.asking_sign_out);
}

#[test]
fn the_menu_turns_a_page_to_the_lesson_its_button_names() {
    let mut model = at_step("gioi-thieu");
    model.lessons = (0..12)
        .map(|i| {
            let mut l = lesson();
            l.id = format!("bai-{i}");
            l
        })
        .collect();
    model.screen = Screen::Menu { focus: 0 };
    update(&mut model, Msg::Click(Target::Page(6)));
    assert_eq!(model.screen, Screen::Menu { focus: 6 });
    assert!(!model.focus_shown, "turning a page lights nothing");
    update(&mut model, Msg::Click(Target::Page(40)));
    assert_eq!(
        model.screen,
        Screen::Menu { focus: 11 },
        "never past the end"
    );
}

#[test]
fn the_summary_scrolls_its_words_and_its_answers_are_not_chosen_for_her() {
    let mut model = at_step("gioi-thieu");
    run_to_summary(&mut model, None);
    assert!(key(&mut model, Key::Enter).is_empty(), "nothing chosen");
    update(
        &mut model,
        Msg::Click(Target::Scroll {
            down: true,
            picture: false,
        }),
    );
    assert_eq!(summary(&model).scroll.rows, 1);
    update(
        &mut model,
        Msg::Click(Target::Scroll {
            down: false,
            picture: false,
        }),
    );
    assert_eq!(summary(&model).scroll.rows, 0);
}

#[test]
fn the_age_questions_arrows_turn_to_the_last_answer_and_back_choosing_nothing() {
    let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 14));
    model.screen = Screen::Age {
        name: "Bà Hạnh".into(),
        telex: false,
        focus: 0,
    };
    assert!(update(&mut model, Msg::Click(Target::More { down: true })).is_empty());
    assert!(matches!(model.screen, Screen::Age { focus: 4, .. }));
    assert!(!model.focus_shown, "turning the page lights nothing");
    assert!(
        key(&mut model, Key::Enter).is_empty(),
        "nothing chosen for her"
    );
    update(&mut model, Msg::Click(Target::More { down: false }));
    assert!(matches!(model.screen, Screen::Age { focus: 0, .. }));
}

/// The order the choice step on screen shows its options in (indices as written).
fn shown(model: &Model) -> Vec<usize> {
    let (_, step, run) = model.run().expect("on a step");
    run.state.shown_options(step)
}

#[test]
fn each_showing_of_a_choice_puts_its_options_in_a_new_order() {
    let mut model = at_step("otp");
    let mut orders = vec![shown(&model)];
    for _ in 0..12 {
        let pos = model.run().unwrap().2.pos;
        let _ = model.show(pos);
        let order = shown(&model);
        assert_ne!(Some(&order), orders.last(), "never twice in a row");
        orders.push(order);
    }
    orders.sort();
    orders.dedup();
    assert!(orders.len() >= 3, "the options move: {orders:?}");
    // The same sign-in time and the same steps shown: the same orders (tests, snapshots).
    assert_eq!(shown(&at_step("otp")), shown(&at_step("otp")));
}

#[test]
fn a_touch_chooses_the_option_shown_there_and_records_it_by_its_own_number() {
    for tries in 0..6 {
        let mut model = at_step("otp");
        for _ in 0..tries {
            let pos = model.run().unwrap().2.pos;
            let _ = model.show(pos);
        }
        let order = shown(&model);
        // The wrong option "Gửi mã qua Zalo" (third as written), wherever it is.
        let at = order.iter().position(|&i| i == 2).unwrap();
        let effects = update(&mut model, Msg::Click(Target::Choice(at)));
        let a = saved(&effects)[0];
        assert!(!a.right);
        assert_eq!(a.answer, "3: Gửi mã qua Zalo");
        assert!(
            matches!(&state(&model).feedback, Some(Feedback::Wrong(Some(w))) if w.get("vi").contains("Zalo")),
            "its own words"
        );
        assert_eq!(
            state(&model).own_words,
            Some(2),
            "said from its own clip, otp.option-3"
        );
        assert_eq!(state(&model).tried, [2]);
        assert_eq!(
            shown(&model),
            order,
            "nothing moves while she is on the step"
        );
        // The digit of the right option's place answers right.
        let right = order.iter().position(|&i| i == 1).unwrap();
        let effects = key(&mut model, Key::Char(char::from(b'1' + right as u8)));
        assert_eq!(saved(&effects)[0].answer, "2: Không đưa mã, gác máy");
        assert!(saved(&effects)[0].right);
    }
}

#[test]
fn shuffle_false_keeps_the_options_as_written() {
    let text = LESSON.replacen(
        "id = \"otp\"\nkind = \"choice\"\n",
        "id = \"otp\"\nkind = \"choice\"\nshuffle = false\n",
        1,
    );
    let lesson = parse_lesson(Path::new("tap-luyen.toml"), &text, &CheckOptions::default())
        .lesson
        .expect("valid with `shuffle = false`");
    let otp = lesson.steps.iter().position(|s| s.id == "otp").unwrap();
    assert!(!lesson.steps[otp].shuffle);
    let mut model = signed_in();
    model.lessons = vec![lesson];
    let plan = (0..model.lessons[0].steps.len()).collect();
    let _ = model.open_run(0, RunKind::Full, plan, otp);
    for _ in 0..6 {
        assert_eq!(shown(&model), [0, 1, 2]);
        let _ = model.show(otp);
    }
    // And the step's recording reads the options, numbered as the screen numbers them.
    let step = &model.lessons[0].steps[otp];
    let text = crate::audio::clip_text(step, &crate::audio::Clip::Step, "vi").unwrap();
    assert!(
        text.ends_with(" 1. Đọc mã cho người đó. 2. Không đưa mã, gác máy. 3. Gửi mã qua Zalo.")
    );
    // A shuffled step's recording is its question alone.
    let shuffled = lesson_step("otp");
    let text = crate::audio::clip_text(&shuffled, &crate::audio::Clip::Step, "vi").unwrap();
    assert_eq!(text, shuffled.text.get("vi"));
}

fn lesson_step(id: &str) -> Step {
    lesson().steps.into_iter().find(|s| s.id == id).unwrap()
}

#[test]
fn an_order_step_starts_unsolved_in_a_new_order_each_time() {
    let mut model = at_step("thu-tu");
    let pos = model.run().unwrap().2.pos;
    let mut last: Vec<usize> = Vec::new();
    for _ in 0..12 {
        let pool = state(&model).pool.clone();
        assert_ne!(pool, [0, 1, 2], "never already solved");
        assert_ne!(pool, last, "never the same start twice in a row");
        last = pool;
        let _ = model.show(pos);
    }
}

/// `preview`: saving the file again (an option's words mended) keeps the answers where
/// they were on screen; a reload is not a new showing.
#[test]
fn a_preview_reload_keeps_the_answers_in_their_places() {
    for start in 0..8 {
        let (mut model, _) = Model::preview(
            lesson(),
            Some("otp"),
            "tap-luyen.toml".into(),
            Size::new(58, 15),
            Settings::default(),
        );
        // Some showings in: a different order each time, as a learner's would be.
        model.showings = start;
        update(&mut model, Msg::LessonReloaded(Ok(Box::new(lesson()))));
        let before = model.run().unwrap().2.state.options.clone();
        let mut edited = lesson();
        let otp = edited.steps.iter().position(|s| s.id == "otp").unwrap();
        if let Task::Choice { options } = &mut edited.steps[otp].task {
            options[0].text = crate::lesson::LocalText::vi("Một câu trả lời đã sửa");
        }
        update(&mut model, Msg::LessonReloaded(Ok(Box::new(edited))));
        assert_eq!(
            model.run().unwrap().2.state.options,
            before,
            "showing {start}"
        );
    }
}

/// Where a volunteer's guided session opens, and the learner's page in the panel.
mod guided_start {
    use super::*;
    use crate::app::volunteer::{StartWhy, guided_start, items};
    use crate::mastery::{FirstTry, Leitner};
    use crate::store::LessonRecord;

    use super::volunteers::{learner, row};

    /// Lesson `n`: the fixture under another id and title.
    fn lesson_n(n: usize) -> Lesson {
        let text = LESSON
            .replacen("id = \"tap-luyen\"", &format!("id = \"bai-{n}\""), 1)
            .replace("Bài tập đủ loại", &format!("Bài số {n}"));
        parse_lesson(Path::new("bai.toml"), &text, &CheckOptions::default())
            .lesson
            .expect("the fixture lesson is valid")
    }

    fn choose(model: &mut Model, item: PanelItem) -> Vec<Effect> {
        let i = items(model)
            .iter()
            .position(|it| *it == item)
            .unwrap_or_else(|| panic!("{item:?} is not on {:?}", model.screen));
        update(model, Msg::Click(Target::Answer(i)))
    }

    /// The panel, at 58×14, on the learner's page, the store having read `progress`.
    fn learner_page(lessons: Vec<Lesson>, progress: &Progress) -> Model {
        let mut model = Model::new(lessons, Lang::Vi, Size::new(58, 14));
        model.clock = 100_000;
        key(&mut model, Key::Volunteer);
        choose(&mut model, PanelItem::Learners);
        update(&mut model, Msg::Panel(PanelData::Learners(vec![row()])));
        choose(&mut model, PanelItem::Learner(0));
        update(
            &mut model,
            Msg::Panel(PanelData::Learner(Some(Box::new(LearnerDetail {
                learner: row(),
                progress: progress.clone(),
                notes: vec![],
            })))),
        );
        model
    }

    /// A guided session of lesson `id`, chosen on the learner's page.
    fn guide(model: &mut Model, id: &str, progress: &Progress) {
        let index = model.lessons.iter().position(|l| l.id == id).unwrap();
        choose(model, PanelItem::Lesson(index));
        let effects = choose(model, PanelItem::Guide);
        assert_eq!(
            effects,
            [Effect::StartGuided {
                learner: "4821".into(),
                lesson: id.into()
            }]
        );
        update(
            model,
            Msg::GuidedStarted {
                learner: learner(),
                progress: Box::new(progress.clone()),
                lesson: id.into(),
                now: 100_000,
            },
        );
        assert!(model.guided.is_some());
    }

    /// First tries at `step` of the fixture: `'.'` right and clean, `'x'` wrong, `'h'`
    /// right after a hint.
    fn tried(progress: &mut Progress, step: &str, tries: &str) {
        progress.started.insert("tap-luyen".into());
        let list = tries.chars().map(|c| FirstTry {
            right: c != 'x',
            hint_used: c == 'h',
            assisted: false,
        });
        progress
            .history
            .entry(("tap-luyen".into(), step.into()))
            .or_default()
            .extend(list);
    }

    #[test]
    fn a_guided_session_opens_where_the_learner_left_off() {
        let mut progress = Progress::default();
        // She has missed "otp" more, but she stopped at "thu-tu" (in a practice run).
        tried(&mut progress, "otp", "xxh");
        progress.place = Some(Place {
            lesson: "tap-luyen".into(),
            kind: RunKind::Practice,
            plan: vec!["otp".into(), "thu-tu".into()],
            step: "thu-tu".into(),
        });
        let mut model = learner_page(vec![lesson()], &progress);
        guide(&mut model, "tap-luyen", &progress);
        assert_eq!(step_id(&model), "thu-tu");
        // The whole lesson is there to move through, from where she is.
        let run = model.run().unwrap().2;
        assert_eq!(run.kind, RunKind::Full);
        assert_eq!(run.plan.len(), model.lessons[0].steps.len());
        key(&mut model, Key::F(5));
        assert_eq!(step_id(&model), "otp");
    }

    #[test]
    fn with_no_place_it_opens_at_the_step_she_misses_most() {
        let mut progress = Progress::default();
        // "cham-zalo" was missed most, but is mastered now (two clean in a row).
        tried(&mut progress, "cham-zalo", "xxxx..");
        tried(&mut progress, "otp", "x.h");
        tried(&mut progress, "thu-tu", "x");
        // A tie with "otp": the earlier step wins.
        tried(&mut progress, "nhap-ma", "hx");
        let mut model = learner_page(vec![lesson()], &progress);
        guide(&mut model, "tap-luyen", &progress);
        assert_eq!(step_id(&model), "otp");
        assert_eq!(
            guided_start(&model.lessons[0], &progress).why,
            StartWhy::Stuck
        );
    }

    #[test]
    fn a_lesson_begun_without_a_miss_opens_at_its_first_step_not_yet_mastered() {
        let mut progress = Progress::default();
        tried(&mut progress, "cham-zalo", "..");
        tried(&mut progress, "otp", ".");
        let mut model = learner_page(vec![lesson()], &progress);
        guide(&mut model, "tap-luyen", &progress);
        assert_eq!(step_id(&model), "otp");
        // Not begun: the first step.
        let fresh = Progress::default();
        let start = guided_start(&model.lessons[0], &fresh);
        assert_eq!((start.step, start.why), (0, StartWhy::Beginning));
    }

    #[test]
    fn the_learners_page_lists_the_lesson_she_is_in_then_those_begun_then_reviews() {
        let lessons: Vec<Lesson> = (0..8).map(lesson_n).collect();
        let mut progress = Progress::default();
        // In bai-7 now (on a step that asks nothing yet); bai-5 begun; bai-2 due for
        // review; bai-4 mastered, not due.
        progress.started.insert("bai-5".into());
        progress.place = Some(Place {
            lesson: "bai-7".into(),
            kind: RunKind::Full,
            plan: vec!["gioi-thieu".into()],
            step: "gioi-thieu".into(),
        });
        let record = |due| LessonRecord {
            leitner: Some(Leitner { box_index: 0, due }),
            mastered_at: Some(0),
        };
        progress.lessons.insert("bai-2".into(), record(50_000));
        progress.lessons.insert("bai-4".into(), record(900_000));
        let model = learner_page(lessons, &progress);
        let lessons: Vec<usize> = items(&model)
            .into_iter()
            .filter_map(|item| match item {
                PanelItem::Lesson(i) => Some(i),
                _ => None,
            })
            .collect();
        assert_eq!(lessons, [7, 5, 2, 0, 1, 3, 4, 6]);
        // On the kiosk's smallest grid, the lesson she is in is on screen.
        let shown = screen(&model);
        assert!(shown.contains("◐ Bài số 7 · Đang học"), "{shown}");
        // The first item, focused, is the lesson in progress: Enter opens it, and the page
        // says where a guided session will open.
        let mut model = model;
        key(&mut model, Key::Enter);
        let Screen::Panel(panel) = &model.screen else {
            panic!("the panel is open");
        };
        assert!(matches!(panel.view, PanelView::Lesson { lesson: 7, .. }));
        let shown = screen(&model);
        assert!(shown.contains("chỗ Bà Hạnh đang học dở"), "{shown}");
        // Back on her page, the lesson just left is the one lit.
        key(&mut model, Key::Esc);
        let Screen::Panel(panel) = &model.screen else {
            panic!("the panel is open");
        };
        assert!(matches!(panel.view, PanelView::Learner(_)));
        assert_eq!(items(&model)[panel.focus], PanelItem::Lesson(7));
    }

    /// The screen as characters, at the model's size.
    fn screen(model: &Model) -> String {
        use ratatui::Terminal;
        use ratatui::backend::TestBackend;
        let mut terminal =
            Terminal::new(TestBackend::new(model.size.width, model.size.height)).unwrap();
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, model, &crate::i18n::Localizer::embedded());
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
}

/// The volunteers' fields take Telex and VNI, as the learner's do.
mod volunteer_typing {
    use super::*;
    use crate::app::volunteer::items;
    use crate::store::{LearnerRow, MemoryStore, Store};

    fn learner() -> Learner {
        Learner {
            code: "4821".into(),
            name: "Bà Lan".into(),
            age_band: None,
            sound: Default::default(),
        }
    }

    /// The end of a guided session of the fixture lesson, at the note field.
    fn guided_end() -> Model {
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 14));
        key(&mut model, Key::Volunteer);
        update(
            &mut model,
            Msg::GuidedStarted {
                learner: learner(),
                progress: Box::default(),
                lesson: "tap-luyen".into(),
                now: 1_000,
            },
        );
        key(&mut model, Key::F(9));
        assert!(matches!(model.screen, Screen::GuidedEnd { .. }));
        model
    }

    fn type_keys(model: &mut Model, keys: &str) -> Vec<Effect> {
        keys.chars()
            .flat_map(|c| key(model, Key::Char(c)))
            .collect()
    }

    #[test]
    fn a_note_typed_in_telex_or_vni_is_kept_with_its_accents_in_nfc() {
        for keys in ["Bacs Lan ddax hocj xong", "Ba1c Lan d9a4 ho5c xong"] {
            let mut model = guided_end();
            type_keys(&mut model, keys);
            // A wrong key, taken off as a letter reads: "xongg" → "xong".
            type_keys(&mut model, "g");
            key(&mut model, Key::Backspace);
            let effects = key(&mut model, Key::Enter);
            let text = effects
                .iter()
                .find_map(|e| match e {
                    Effect::AddNote { learner, text } if learner == "4821" => Some(text.clone()),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("a note is kept: {effects:?}"));
            assert_eq!(text, "Bác Lan đã học xong", "{keys}");
            // As the runtime keeps it: in the store, as typed, composed (NFC).
            let mut store = MemoryStore::default();
            store.ensure_learner(&learner(), 0).unwrap();
            store.add_note("4821", &text, 1_000).unwrap();
            let kept = &store.notes("4821").unwrap()[0].text;
            assert_eq!(kept, "Bác Lan đã học xong");
            assert!(unicode_normalization::is_nfc(kept));
            assert!(kept.chars().any(|c| c == '\u{1ecd}'), "ọ is one letter");
        }
    }

    #[test]
    fn the_note_field_shows_the_note_as_it_will_be_kept() {
        let mut model = guided_end();
        type_keys(&mut model, "Hajnh caanf taapj laij");
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(58, 14)).unwrap();
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, &model, &crate::i18n::Localizer::embedded());
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        let shown: String = buffer.content().iter().map(|c| c.symbol()).collect();
        assert!(shown.contains("Hạnh cần tập lại"), "{shown}");
    }

    #[test]
    fn a_search_by_name_takes_telex() {
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 14));
        key(&mut model, Key::Volunteer);
        let i = items(&model)
            .iter()
            .position(|it| *it == PanelItem::Learners)
            .unwrap();
        update(&mut model, Msg::Click(Target::Answer(i)));
        let effects = type_keys(&mut model, "Hajnh");
        assert_eq!(
            effects.last(),
            Some(&Effect::Load(PanelQuery::Learners("Hạnh".into())))
        );
        // Codes are digits: they stay as typed.
        let mut model = Model::new(vec![lesson()], Lang::Vi, Size::new(58, 14));
        key(&mut model, Key::Volunteer);
        update(&mut model, Msg::Click(Target::Answer(i)));
        let effects = type_keys(&mut model, "4821");
        assert_eq!(
            effects.last(),
            Some(&Effect::Load(PanelQuery::Learners("4821".into())))
        );
        update(
            &mut model,
            Msg::Panel(PanelData::Learners(vec![LearnerRow {
                code: "4821".into(),
                name: "Bà Hạnh".into(),
                age_band: None,
                last_visit: None,
                mastered: 0,
            }])),
        );
        assert_eq!(items(&model), [PanelItem::Learner(0)]);
    }

    #[test]
    fn a_name_takes_vni_as_well_as_telex() {
        assert_eq!(typed_name("Ba2 Ha5nh", true), "Bà Hạnh");
        assert_eq!(typed_name("Baf Hajnh", true), "Bà Hạnh");
    }
}

/// On a short screen (58×14) what a wrong answer is told comes on a page over the step:
/// said, closed by any touch or key, the answers under it untouched; a right answer's
/// words stay under the answers, as on every screen.
#[test]
fn on_a_short_screen_a_wrong_answer_is_told_on_a_page_of_its_own() {
    let mut model = at_step("otp");
    model.settings.narration = true;
    model.size = Size::new(58, 14);
    assert!(model.told_on_a_page());
    let effects = touch(&mut model, 0);
    assert!(!saved(&effects)[0].right);
    assert!(model.told_page_open());
    // The words are said from the page (the option's own, as written first).
    assert!(
        said(&effects).iter().any(|w| w.contains(".option-1")),
        "{:?}",
        said(&effects)
    );
    let before = state(&model).clone();
    // A touch anywhere closes it, and does nothing else.
    let effects = update(&mut model, Msg::Click(Target::CloseTold));
    assert!(effects.contains(&Effect::StopNarration) && saved(&effects).is_empty());
    assert!(!model.told_page_open());
    assert_eq!(
        (
            &state(&model).tried,
            state(&model).misses,
            &state(&model).options
        ),
        (&before.tried, before.misses, &before.options)
    );
    // A key closes it too, without answering: the digit is not taken as an answer.
    touch(&mut model, 2);
    assert!(model.told_page_open() && state(&model).hint);
    let effects = press(&mut model, 2);
    assert!(saved(&effects).is_empty() && !model.told_page_open());
    // Right: no page.
    let effects = press(&mut model, 2);
    assert!(saved(&effects)[0].right && !model.told_page_open());
    // On the kiosk's panels, the words come under the answers.
    let mut model = at_step("otp");
    model.size = Size::new(62, 15);
    touch(&mut model, 0);
    assert!(!model.told_on_a_page() && !model.told_page_open());
}

/// On a short screen, after the misses, the page says "touch the button below" and the
/// button is on it: touching it calls the volunteer and closes the page.
#[test]
fn on_a_short_screen_the_call_for_a_volunteer_is_on_the_page_that_asks_for_it() {
    use crate::ui::HitMap;
    let mut model = at_step("otp");
    model.size = Size::new(58, 14);
    // A kiosk that asks for a volunteer after two misses (three is the default).
    model.settings.help_after_misses = 2;
    touch(&mut model, 0);
    update(&mut model, Msg::Click(Target::CloseTold));
    touch(&mut model, 2);
    assert!(state(&model).needs_volunteer);
    assert!(model.told_page_open());
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(58, 14)).unwrap();
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = crate::ui::draw(frame, &model, &crate::i18n::Localizer::embedded()))
        .unwrap();
    let button = hits
        .find(Target::CallVolunteer)
        .expect("the call is on the page");
    // A touch a row above the button does nothing: dead space round it.
    assert_eq!(hits.at(button.x + 2, button.y - 1), None);
    let effects = update(&mut model, Msg::Click(Target::CallVolunteer));
    assert!(!model.told_page_open() && state(&model).called);
    assert_eq!(said(&effects), ["step-volunteer-called"]);
}

/// The page of a wrong answer's words, on a short screen: an answer tried before opens it
/// again (the way to read them again); a resize to a taller screen puts the words back
/// under the answers, and back to short the page does not come back by itself.
#[test]
fn the_page_of_a_wrong_answer_comes_back_when_asked_and_follows_the_screen() {
    let mut model = at_step("otp");
    model.size = Size::new(58, 14);
    touch(&mut model, 0);
    update(&mut model, Msg::Click(Target::CloseTold));
    assert!(!model.told_page_open());
    // The same answer again: no new miss, and its words again.
    assert!(saved(&touch(&mut model, 0)).is_empty());
    assert!(model.told_page_open());
    assert_eq!(state(&model).misses, 1);
    // Taller: the words are under the answers; short again: no page by itself.
    update(&mut model, Msg::Resize(Size::new(62, 15)));
    assert!(!model.told_page_open() && !state(&model).told_page);
    update(&mut model, Msg::Resize(Size::new(58, 14)));
    assert!(!model.told_page_open());
}

/// In a guided session the volunteer's bar takes a row: at 62×15 the column is as short
/// as at 58×14, and a wrong answer's words come on the page. "Đáp án" (F7) brings the
/// hint there; "Giúp" (F8) leaves the page as it is; ← and → close it.
#[test]
fn a_guided_session_tells_wrong_answers_on_the_page_and_its_keys_act_as_they_say() {
    let mut model = volunteers::guided();
    model.size = Size::new(62, 15);
    while step_id(&model) != "otp" {
        update(&mut model, Msg::Key(Key::F(6)));
    }
    assert!(model.told_on_a_page());
    touch(&mut model, 0);
    assert!(model.told_page_open());
    update(&mut model, Msg::Key(Key::F(8)));
    assert!(model.told_page_open(), "Giúp only counts the help");
    update(&mut model, Msg::Click(Target::CloseTold));
    update(&mut model, Msg::Key(Key::F(7)));
    assert!(
        model.told_page_open() && state(&model).hint,
        "Đáp án: the hint, on the page"
    );
    update(&mut model, Msg::Key(Key::F(5)));
    assert!(!model.told_page_open());
    // Without a guided bar, 62×15 keeps the words under the answers.
    let mut alone = at_step("otp");
    alone.size = Size::new(62, 15);
    assert!(!alone.told_on_a_page());
}
