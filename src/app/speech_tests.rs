//! What the learner hears: every learner screen walked through `update`, the recordings
//! each message asks for in the order the screen shows them; every recording asked for
//! has a slot, and every slot of the bundled lessons and of the interface is asked for
//! by some walk; and what each screen draws is what it says.

use std::collections::BTreeSet;
use std::path::Path;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::tests::said;
use super::*;
use crate::audio::Clip;
use crate::audio::slots::{glossary_slots, interface_ids, lesson_slots};
use crate::i18n::{Localizer, SPOKEN, is_spoken, not_spoken};
use crate::lesson::{Catalogue, CheckOptions};
use crate::store::{Place, Progress};

/// A day, in seconds.
const DAY: i64 = 86_400;
/// The time the walks sign in at.
const NOW: i64 = 1_780_000_000;

fn bundled() -> Vec<Lesson> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let lessons = Catalogue::load_dir(&dir, &CheckOptions::default()).lessons;
    assert!(lessons.len() >= 10, "the bundled lessons load");
    lessons
}

fn learner(code: &str) -> Learner {
    Learner {
        code: code.into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    }
}

fn bundled_glossary() -> Glossary {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let (glossary, problems, _) = Glossary::load(&dir);
    assert!(problems.is_empty(), "{problems:?}");
    glossary
}

/// A kiosk with a sound device, on the welcome screen, at 80×24, with the bundled
/// glossary.
fn kiosk(lessons: Vec<Lesson>) -> Model {
    let mut model = Model::new(lessons, Lang::Vi, Size::new(80, 24));
    model.settings.narration = true;
    model.glossary = std::sync::Arc::new(bundled_glossary());
    model
}

/// Each hard word of the step on screen, opened in turn by F4: its explanation is said
/// (and the way back, the first time); past the last, the step is back as it was.
fn every_word(ear: &mut Ear, model: &mut Model, id: &str) {
    let marks = model.step_words();
    if marks.is_empty() {
        return;
    }
    let before = model.screen.clone();
    for (n, mark) in marks.iter().enumerate() {
        let term = format!("term:{}", model.glossary.terms[mark.term].id);
        let mut want = vec![term];
        if n == 0 {
            want.push("help-close".into());
        }
        assert_eq!(ear.send(model, Msg::Key(Key::F(4))), want, "{id} word {n}");
    }
    assert!(ear.send(model, Msg::Key(Key::F(4))).is_empty(), "{id}");
    assert_eq!(model.word, None, "{id}");
    assert_eq!(model.screen, before, "{id}: the step as it was");
}

/// Sends messages, checks the shape of what is said, and remembers all of it; and, when
/// `draw` is on, draws each screen and checks that what it draws is what it says.
struct Ear {
    heard: Vec<Speech>,
    i18n: Option<Localizer>,
    /// Every message id looked up while drawing.
    drawn: BTreeSet<String>,
}

impl Ear {
    fn new() -> Ear {
        Ear {
            heard: Vec::new(),
            i18n: None,
            drawn: BTreeSet::new(),
        }
    }

    fn drawing() -> Ear {
        Ear {
            i18n: Some(Localizer::embedded()),
            ..Ear::new()
        }
    }

    /// `msg` through `update`: what is said, by name (see [`said`]).
    fn send(&mut self, model: &mut Model, msg: Msg) -> Vec<String> {
        let effects = self.effects(model, msg);
        said(&effects)
    }

    fn effects(&mut self, model: &mut Model, msg: Msg) -> Vec<Effect> {
        let effects = update(model, msg);
        let says: Vec<usize> = effects
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Effect::Say(_)))
            .map(|(i, _)| i)
            .collect();
        assert!(says.len() <= 1, "one Say at a time: {effects:?}");
        if let Some(&at) = says.first() {
            assert!(
                !effects[at..].contains(&Effect::StopNarration),
                "nothing stops what is said: {effects:?}"
            );
            assert!(model.narrating());
        }
        for effect in &effects {
            if let Effect::Say(speech) = effect {
                assert!(!speech.is_empty());
                self.heard.extend(speech.iter().cloned());
            }
        }
        self.draw(model);
        effects
    }

    /// Draws `model` at its size; what a learner's screen draws from the interface's
    /// spoken messages is said on it, and what it says is drawn.
    fn draw(&mut self, model: &Model) {
        let Some(i18n) = &self.i18n else {
            return;
        };
        let mut terminal =
            Terminal::new(TestBackend::new(model.size.width, model.size.height)).unwrap();
        i18n.record_lookups();
        terminal
            .draw(|frame| {
                crate::ui::draw(frame, model, i18n);
            })
            .unwrap();
        // Looked up: drawn, or measured to keep its place.
        let drawn = i18n.lookups();
        let buffer = terminal.backend().buffer();
        let lines: Vec<String> = (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect()
            })
            .collect();
        let names = |parts: &[speech::Part]| -> Vec<String> {
            parts
                .iter()
                .flat_map(|part| said(&[Effect::Say(part.speech().to_vec())]))
                .collect()
        };
        let layers = speech::heard(model);
        let says: BTreeSet<String> = layers.iter().flat_map(|l| names(l)).collect();
        let top: BTreeSet<String> = layers
            .last()
            .map(|l| names(l))
            .unwrap_or_default()
            .into_iter()
            .collect();
        let learners = !matches!(
            model.screen,
            Screen::Pin { .. }
                | Screen::Panel(_)
                | Screen::GuidedEnd { .. }
                | Screen::Broken { .. }
        );
        for id in &drawn {
            assert!(
                is_spoken(id) || not_spoken(id).is_some(),
                "{id} is drawn but neither spoken nor said why not"
            );
            // On the screen: its first words are. The header names the tutor on every
            // screen; the welcome says it.
            let lead: Vec<String> = i18n
                .text(model.lang, id)
                .split_whitespace()
                .take(5)
                .map(str::to_owned)
                .collect();
            let shown = lines.iter().any(|line| line.contains(&lead.join(" ")));
            if learners && shown && is_spoken(id) && id != "app-name" {
                assert!(
                    says.contains(id),
                    "{id} is drawn but not said on {:?}:\n{}",
                    model.screen,
                    lines.join("\n")
                );
            }
        }
        if learners {
            for id in &top {
                let words = SPOKEN.contains(&id.as_str()) || id.starts_with("help-on-");
                if words && !id.starts_with("spoken-digit-") {
                    assert!(
                        drawn.contains(id),
                        "{id} is said but not drawn on {:?}",
                        model.screen
                    );
                }
            }
        }
        self.drawn.extend(drawn);
    }
}

/// The name of `clip` of `step`, as [`said`] gives it.
fn clip(step: &Step, clip: Clip) -> String {
    format!("{}{}", step.id, clip.suffix())
}

/// What a step says when it opens, on `model`'s screen: a choice whose answers move
/// says each after the number it is shown with.
fn opening(model: &Model, step: &Step) -> Vec<String> {
    let mut words = vec![step.id.clone()];
    if let (Task::Choice { .. }, true) = (&step.task, step.shuffle) {
        let (_, shown, run) = model.run().expect("on a step");
        assert_eq!(shown.id, step.id);
        for (at, i) in run.state.options.iter().enumerate() {
            words.push(format!("spoken-digit-{}", at + 1));
            words.push(clip(step, Clip::Answer(i + 1)));
        }
    }
    match &step.task {
        Task::Scan { .. } => words.push("scan-how".into()),
        Task::Order { .. } => words.push("order-tap-how".into()),
        _ => {}
    }
    words
}

/// What a right answer is told: the words for it, and its own (a choice's answer's),
/// else the step's.
fn told_right(step: &Step) -> Vec<String> {
    let mut words = vec!["feedback-right".to_owned()];
    let own = match &step.task {
        Task::Choice { options } => options
            .iter()
            .position(|o| o.correct && o.feedback.is_some())
            .map(|i| Clip::Option(i + 1)),
        _ => None,
    };
    match own {
        Some(own) => words.push(clip(step, own)),
        None if step.right_feedback.is_some() => words.push(clip(step, Clip::Right)),
        None => {}
    }
    words
}

/// What a first wrong answer `j` (a choice's answer, or a thing on the phone) is told:
/// its own words, else the step's, else the interface's.
fn told_wrong(step: &Step, j: Option<usize>) -> Vec<String> {
    let own = match (&step.task, j) {
        (Task::Choice { options }, Some(j)) => {
            options[j].feedback.as_ref().map(|_| Clip::Option(j + 1))
        }
        (Task::Tap { screen, .. }, Some(j)) => screen
            .tappables()
            .nth(j)
            .and_then(|t| t.feedback().map(|_| Clip::tap(screen, j))),
        _ => None,
    };
    match own {
        Some(own) => vec![clip(step, own)],
        None if step.wrong_feedback.is_some() => vec![clip(step, Clip::Wrong)],
        None => vec!["feedback-wrong".into()],
    }
}

/// The wrong answers of a choice or a tap step, by index.
fn wrong_answers(step: &Step) -> Vec<usize> {
    match &step.task {
        Task::Choice { options } => (0..options.len())
            .filter(|&i| !options[i].correct)
            .collect(),
        Task::Tap { screen, target } => screen
            .tappables()
            .enumerate()
            .filter(|(_, t)| t.id() != Some(target.as_str()))
            .map(|(i, _)| i)
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `step` can be answered wrong.
fn can_miss(step: &Step) -> bool {
    match &step.task {
        Task::Choice { .. } | Task::Tap { .. } => !wrong_answers(step).is_empty(),
        Task::Type { .. } | Task::Order { .. } => true,
        _ => false,
    }
}

/// The messages of wrong answer `j` (see [`wrong_answers`]), or of a wrong typed word or
/// order.
fn wrong(model: &Model, j: Option<usize>) -> Vec<Msg> {
    let (_, step, run) = model.run().expect("on a step");
    match (&step.task, j) {
        (Task::Choice { .. }, Some(j)) => {
            let at = run.state.shown_at(step, j).expect("an option");
            vec![Msg::Click(Target::Choice(at))]
        }
        (Task::Tap { .. }, Some(j)) => vec![Msg::Click(Target::Phone(j))],
        (Task::Type { .. }, _) => {
            let mut msgs: Vec<Msg> = (0..run.state.input.chars().count())
                .map(|_| Msg::Key(Key::Backspace))
                .collect();
            msgs.extend([Msg::Key(Key::Char('0')), Msg::Key(Key::Enter)]);
            msgs
        }
        (Task::Order { items }, _) => {
            // Take back what is placed, then place them all backwards.
            let mut msgs: Vec<Msg> = run
                .state
                .placed
                .iter()
                .rev()
                .map(|&i| Msg::Click(Target::OrderItem(i)))
                .collect();
            msgs.extend(
                (0..items.len())
                    .rev()
                    .map(|i| Msg::Click(Target::OrderItem(i))),
            );
            msgs.push(Msg::Click(Target::OrderCheck));
            msgs
        }
        _ => Vec::new(),
    }
}

/// Sends `msgs`: what they said, all together.
fn send_all(ear: &mut Ear, model: &mut Model, msgs: Vec<Msg>) -> Vec<String> {
    msgs.into_iter()
        .flat_map(|msg| ear.send(model, msg))
        .collect()
}

/// Signs learner `code` in through the welcome and the code screens, with `progress`.
fn sign_in(ear: &mut Ear, model: &mut Model, code: &str, progress: Progress) -> Vec<String> {
    ear.send(model, Msg::Click(Target::Start));
    ear.send(model, Msg::Click(Target::WhoReturning));
    ear.send(
        model,
        Msg::LearnerFound {
            code: code.into(),
            found: Some((learner(code), Box::new(progress))),
            now: NOW,
        },
    )
}

/// Opens lesson `index` from the menu: what the first step says.
fn open(ear: &mut Ear, model: &mut Model, index: usize) -> Vec<String> {
    let pos = model.menu().iter().position(|&l| l == index).unwrap();
    ear.send(model, Msg::Click(Target::Lesson(pos)))
}

/// Answers the step on screen right: what it said.
fn answer_right(ear: &mut Ear, model: &mut Model) -> Vec<String> {
    let msgs = right_answer(model);
    send_all(ear, model, msgs)
}

/// Goes on from a step done (or one with nothing to do): what the next screen says.
fn go_on(ear: &mut Ear, model: &mut Model) -> Vec<String> {
    ear.send(model, Msg::Click(Target::Continue))
}

/// A signed-in learner at step `i` of lesson `index`, walked there with right answers,
/// each step saying what it should as it opens.
fn at_step(ear: &mut Ear, lessons: &[Lesson], index: usize, i: usize) -> Model {
    let mut model = kiosk(lessons.to_vec());
    sign_in(ear, &mut model, "4821", Progress::default());
    let steps = &lessons[index].steps;
    let heard = open(ear, &mut model, index);
    assert_eq!(heard, opening(&model, &steps[0]));
    for j in 0..i {
        answer_right(ear, &mut model);
        let said = go_on(ear, &mut model);
        assert_eq!(said, opening(&model, &steps[j + 1]));
    }
    model
}

/// The whole of a first visit: the welcome, who, name, age, code, the menu, a lesson to
/// its summary, the help, and signing out.
fn first_visit(ear: &mut Ear) {
    let lessons = bundled();
    let mut model = kiosk(lessons.clone());
    assert_eq!(
        ear.send(&mut model, Msg::Key(Key::F(1))),
        ["help-on-welcome", "help-close"]
    );
    // Closed, the help stops; the screen under it is not read again.
    let effects = ear.effects(&mut model, Msg::Key(Key::Enter));
    assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::Start)),
        ["who-title", "who-new", "who-returning"]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Enter));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::WhoNew)),
        ["name-title", "name-example", "name-note"]
    );
    for c in "Baf Hajnh".chars() {
        assert!(ear.send(&mut model, Msg::Key(Key::Char(c))).is_empty());
    }
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    assert_eq!(
        ear.send(&mut model, Msg::Key(Key::Enter)),
        [
            "age-title",
            "age-note",
            "age-under-60",
            "age-60-69",
            "age-70-79",
            "age-80-plus",
            "age-skip"
        ]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    assert!(
        ear.send(&mut model, Msg::Click(Target::Answer(4)))
            .is_empty()
    );
    // The code on her card, digit by digit, between the title and the note.
    assert_eq!(
        ear.send(
            &mut model,
            Msg::LearnerCreated {
                learner: learner("4821"),
                now: NOW,
            },
        ),
        [
            "code-given-title",
            "spoken-digit-4",
            "spoken-digit-8",
            "spoken-digit-2",
            "spoken-digit-1",
            "code-given-note"
        ]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::Start)),
        ["menu-greeting", "menu-title"]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    // A lesson, step by step, to its end.
    let index = 0;
    let steps = lessons[index].steps.clone();
    let heard = open(ear, &mut model, index);
    assert_eq!(heard, opening(&model, &steps[0]));
    for (i, step) in steps.iter().enumerate() {
        assert_eq!(
            ear.send(&mut model, Msg::Key(Key::F(1))),
            [model.help_message(), "help-call", "help-close"]
        );
        ear.send(&mut model, Msg::Key(Key::Esc));
        if step.is_practice() {
            let mut right = Vec::new();
            if matches!(step.task, Task::Order { .. }) {
                right.extend(["order-take-back".to_owned(), "order-pool-empty".to_owned()]);
            }
            right.extend(told_right(step));
            assert_eq!(answer_right(ear, &mut model), right, "{}", step.id);
        }
        // Space says the screen again.
        let again = ear.send(&mut model, Msg::Key(Key::Char(' ')));
        assert_eq!(again.first(), Some(&step.id));
        let next = go_on(ear, &mut model);
        if let Some(step) = steps.get(i + 1) {
            assert_eq!(next, opening(&model, step));
        } else {
            let Screen::Summary { summary, .. } = &model.screen else {
                panic!("the summary");
            };
            let mut end = vec!["summary-title"];
            match summary.end {
                crate::store::LessonEnd::Mastered => end.push("summary-mastered"),
                _ if !summary.to_practise.is_empty() => end.push("summary-not-yet"),
                _ => {}
            }
            end.push("summary-saved");
            if !summary.to_practise.is_empty() {
                end.push("summary-practise");
            }
            end.push("summary-back");
            assert_eq!(next, end);
        }
    }
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    // Back on the menu: the greeting was not on the summary, so it is said again.
    let last = summary_answers(match &model.screen {
        Screen::Summary { summary, .. } => summary,
        _ => unreachable!(),
    }) - 1;
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::Answer(last))),
        ["menu-greeting", "menu-title"]
    );
    // Finishing for today asks first; staying says nothing more and stops.
    assert_eq!(
        ear.send(&mut model, Msg::Key(Key::Esc)),
        [
            "sign-out-title",
            "sign-out-note",
            "sign-out-yes",
            "sign-out-stay"
        ]
    );
    let effects = ear.effects(&mut model, Msg::Click(Target::SignOut(false)));
    assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    ear.send(&mut model, Msg::Key(Key::Esc));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::SignOut(true))),
        ["app-name", "app-tagline", "welcome-start"]
    );
}

/// A returning learner: her code, a code not found, where she stopped.
fn returning(ear: &mut Ear) {
    let lessons = bundled();
    let mut model = kiosk(lessons.clone());
    ear.send(&mut model, Msg::Click(Target::Start));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::WhoReturning)),
        ["code-title"]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    for d in [9, 9, 9, 9] {
        assert!(
            ear.send(&mut model, Msg::Click(Target::Keypad(KeypadKey::Digit(d))))
                .is_empty()
        );
    }
    ear.send(&mut model, Msg::Click(Target::Keypad(KeypadKey::Ok)));
    // The message appears under the title: only it is said.
    assert_eq!(
        ear.send(
            &mut model,
            Msg::LearnerFound {
                code: "9999".into(),
                found: None,
                now: NOW,
            },
        ),
        ["code-not-found"]
    );
    // A digit typed takes it away: what was said stops.
    let effects = ear.effects(&mut model, Msg::Click(Target::Keypad(KeypadKey::Digit(4))));
    assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    // She stopped at the second step of a lesson.
    let lesson = &lessons[1];
    let progress = Progress {
        place: Some(Place {
            lesson: lesson.id.clone(),
            kind: RunKind::Full,
            plan: lesson.steps.iter().map(|s| s.id.clone()).collect(),
            step: lesson.steps[1].id.clone(),
        }),
        ..Progress::default()
    };
    assert_eq!(
        ear.send(
            &mut model,
            Msg::LearnerFound {
                code: "4821".into(),
                found: Some((learner("4821"), Box::new(progress.clone()))),
                now: NOW,
            },
        ),
        [
            "menu-greeting",
            "resume-title",
            "resume-continue",
            "resume-menu"
        ]
    );
    ear.send(&mut model, Msg::Key(Key::F(1)));
    ear.send(&mut model, Msg::Key(Key::Esc));
    // Carrying on opens her step.
    let mut carry_on = model.clone();
    let heard = ear.send(&mut carry_on, Msg::Click(Target::Answer(0)));
    assert_eq!(heard, opening(&carry_on, &lesson.steps[1]));
    // "Choose another": the greeting is on the screen before, so only the title.
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::Answer(1))),
        ["menu-title"]
    );
    // Going back from a step she started asks first; at the run's first step (here
    // where she stopped, in a run of practice steps), whether to leave the lesson.
    let (index, i) = lessons
        .iter()
        .enumerate()
        .find_map(|(index, l)| {
            let i = l
                .steps
                .iter()
                .position(|s| matches!(s.task, Task::Choice { .. }))?;
            (i > 0).then_some((index, i))
        })
        .expect("a lesson with a choice after its first step");
    let step = &lessons[index].steps[i];
    let mut later = at_step(ear, &lessons, index, i);
    let mut first = kiosk(lessons.clone());
    let practice = Progress {
        place: Some(Place {
            lesson: lessons[index].id.clone(),
            kind: RunKind::Practice,
            plan: vec![step.id.clone()],
            step: step.id.clone(),
        }),
        ..Progress::default()
    };
    sign_in(ear, &mut first, "4821", practice);
    let heard = ear.send(&mut first, Msg::Click(Target::Answer(0)));
    assert_eq!(heard, opening(&first, step));
    for (model, question) in [
        (&mut first, "leave-question-lesson"),
        (&mut later, "leave-question"),
    ] {
        let j = wrong_answers(step)[0];
        let msgs = wrong(model, Some(j));
        assert_eq!(send_all(ear, model, msgs), told_wrong(step, Some(j)));
        assert_eq!(
            ear.send(model, Msg::Key(Key::Esc)),
            [question, "leave-detail", "leave-no", "leave-yes"]
        );
        let effects = ear.effects(model, Msg::Click(Target::Stay));
        assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    }
}

/// "Still there?", the screen too small, no lessons, a volunteer's screen.
fn over_any_screen(ear: &mut Ear) {
    let lessons = bundled();
    let mut model = at_step(ear, &lessons, 0, 0);
    let timeout = model.settings.idle.timeout;
    assert_eq!(
        ear.send(
            &mut model,
            Msg::Tick {
                now: NOW,
                idle: timeout,
            },
        ),
        ["idle-title", "idle-touch"]
    );
    // The countdown ticks without a word.
    assert!(
        ear.send(
            &mut model,
            Msg::Tick {
                now: NOW + 1,
                idle: timeout + 1,
            },
        )
        .is_empty()
    );
    let effects = ear.effects(&mut model, Msg::Key(Key::Enter));
    assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    // Gone for good: back to the welcome screen, which says itself.
    let end = timeout + model.settings.idle.warning;
    ear.send(
        &mut model,
        Msg::Tick {
            now: NOW + 2,
            idle: timeout,
        },
    );
    assert_eq!(
        ear.send(
            &mut model,
            Msg::Tick {
                now: NOW + 60,
                idle: end,
            },
        ),
        ["app-name", "app-tagline", "welcome-start"]
    );
    // Too small to show anything but a note.
    assert_eq!(
        ear.send(&mut model, Msg::Resize(Size::new(30, 8))),
        ["too-small"]
    );
    // Grown again, the screen is said again: it was not seen while the note was.
    assert_eq!(
        ear.send(&mut model, Msg::Resize(Size::new(80, 24))),
        ["app-name", "app-tagline", "welcome-start"]
    );
    // A screen that changed while only the note showed is said when it shows.
    ear.send(&mut model, Msg::Resize(Size::new(30, 8)));
    assert!(ear.send(&mut model, Msg::Key(Key::Enter)).is_empty());
    assert!(!matches!(model.screen, Screen::Welcome));
    let after = ear.send(&mut model, Msg::Resize(Size::new(80, 24)));
    assert!(after.contains(&"who-title".to_owned()), "{after:?}");
    // A kiosk without lessons.
    let mut empty = kiosk(Vec::new());
    assert_eq!(
        sign_in(ear, &mut empty, "4821", Progress::default()),
        ["menu-greeting", "menu-title", "menu-empty"]
    );
    // The volunteer's screens say nothing of their own; the help there says whose they
    // are.
    let effects = ear.effects(&mut empty, Msg::Key(Key::Volunteer));
    assert!(said(&effects).is_empty() && effects.contains(&Effect::StopNarration));
    assert_eq!(
        ear.send(&mut empty, Msg::Key(Key::F(1))),
        ["help-on-volunteer", "help-close"]
    );
    // Every digit has its words.
    let mut model = kiosk(lessons);
    ear.send(&mut model, Msg::Click(Target::Start));
    ear.send(&mut model, Msg::Click(Target::WhoNew));
    ear.send(&mut model, Msg::Key(Key::Char('A')));
    ear.send(&mut model, Msg::Key(Key::Enter));
    let digits = ear.send(
        &mut model,
        Msg::LearnerCreated {
            learner: learner("0123456789"),
            now: NOW,
        },
    );
    let want: Vec<String> = (0..10).map(|d| format!("spoken-digit-{d}")).collect();
    assert_eq!(digits[1..11], want[..]);
}

/// Every step of every bundled lesson: a right answer, each wrong answer first, the
/// hint, the call for a volunteer; and the hint a volunteer shows in a guided session.
fn every_step(ear: &mut Ear) {
    let lessons = bundled();
    steps_of(ear, &lessons, 0..lessons.len());
}

/// [`every_step`] of lessons `which`.
fn steps_of(ear: &mut Ear, lessons: &[Lesson], which: impl IntoIterator<Item = usize>) {
    let lessons = lessons.to_vec();
    for index in which {
        let lesson = &lessons[index];
        for (i, step) in lesson.steps.iter().enumerate() {
            let id = format!("{}/{}", lesson.id, step.id);
            if !step.is_practice() {
                // Walked to, it says itself; its hard words explain themselves.
                let mut model = at_step(ear, &lessons, index, i);
                every_word(ear, &mut model, &id);
                continue;
            }
            // The help says what to do on this kind of step. Then right at once.
            let mut model = at_step(ear, &lessons, index, i);
            every_word(ear, &mut model, &id);
            assert_eq!(
                ear.send(&mut model, Msg::Key(Key::F(1))),
                [model.help_message(), "help-call", "help-close"]
            );
            ear.send(&mut model, Msg::Key(Key::Esc));
            let mut right = Vec::new();
            if matches!(step.task, Task::Order { .. }) {
                right.extend(["order-take-back".to_owned(), "order-pool-empty".to_owned()]);
            }
            right.extend(told_right(step));
            assert_eq!(answer_right(ear, &mut model), right, "{id}");
            // Each wrong answer, first; touched again, nothing new is said.
            for j in wrong_answers(step) {
                let mut model = at_step(ear, &lessons, index, i);
                let msgs = wrong(&model, Some(j));
                assert_eq!(
                    send_all(ear, &mut model, msgs.clone()),
                    told_wrong(step, Some(j)),
                    "{id} answer {j}"
                );
                assert!(send_all(ear, &mut model, msgs).is_empty(), "{id} again");
            }
            // Misses: the words, then the hint (or the words again), then the call.
            let wrongs: Vec<Option<usize>> = match &step.task {
                Task::Choice { .. } | Task::Tap { .. } => {
                    wrong_answers(step).into_iter().map(Some).collect()
                }
                Task::Type { .. } | Task::Order { .. } => vec![None; 4],
                _ => Vec::new(),
            };
            let mut model = at_step(ear, &lessons, index, i);
            for (miss, j) in wrongs.iter().take(4).enumerate() {
                let msgs = wrong(&model, *j);
                let mut got = send_all(ear, &mut model, msgs);
                if matches!(step.task, Task::Order { .. }) {
                    // Placing the items says how, then that all are placed.
                    got.retain(|w| w != "order-take-back" && w != "order-pool-empty");
                }
                let want: Vec<String> = match miss {
                    0 if matches!(step.task, Task::Order { .. }) => vec!["order-kept".into()],
                    0 => told_wrong(step, *j),
                    1 if step.hint.is_some() => {
                        vec!["feedback-hint".into(), clip(step, Clip::Hint)]
                    }
                    1 if matches!(step.task, Task::Order { .. }) => vec!["order-kept".into()],
                    1 => told_wrong(step, *j),
                    _ => vec!["step-volunteer-moment".into()],
                };
                assert_eq!(got, want, "{id}: miss {}", miss + 1);
                if miss == 2 {
                    let called = ear.send(&mut model, Msg::Click(Target::CallVolunteer));
                    assert_eq!(
                        called.last().map(String::as_str),
                        Some("step-volunteer-called"),
                        "{id}"
                    );
                    break;
                }
            }
            // A volunteer guiding her shows the hint after a wrong answer.
            if step.hint.is_some() && !wrongs.is_empty() {
                let mut model = kiosk(lessons.clone());
                let said = ear.send(
                    &mut model,
                    Msg::GuidedStarted {
                        learner: learner("4821"),
                        progress: Box::default(),
                        lesson: lesson.id.clone(),
                        now: NOW,
                    },
                );
                assert_eq!(said, opening(&model, &lesson.steps[0]));
                for k in 1..=i {
                    let said = ear.send(&mut model, Msg::Key(Key::F(6)));
                    assert_eq!(said, opening(&model, &lesson.steps[k]));
                }
                let msgs = wrong(&model, wrongs[0]);
                send_all(ear, &mut model, msgs);
                assert_eq!(
                    ear.send(&mut model, Msg::Key(Key::F(7))),
                    ["feedback-hint".to_owned(), clip(step, Clip::Hint)],
                    "{id}"
                );
            }
        }
    }
}

/// The end of a lesson, each way it ends: not yet, mastered, a review passed and failed.
fn every_summary(ear: &mut Ear) {
    let lessons = bundled();
    let index = lessons
        .iter()
        .position(|l| !l.review_days.is_empty() && l.steps.iter().any(|s| s.is_practice()))
        .expect("a lesson with reviews");
    let mut model = kiosk(lessons.clone());
    sign_in(ear, &mut model, "4821", Progress::default());
    let mut verdicts = Vec::new();
    let run = |ear: &mut Ear, model: &mut Model, wrong_first: bool| -> Vec<String> {
        open(ear, model, index);
        let mut first = wrong_first;
        loop {
            let (_, step, _) = model.run().unwrap();
            let step = step.clone();
            if first && can_miss(&step) {
                let j = wrong_answers(&step).first().copied();
                let msgs = wrong(model, j);
                send_all(ear, model, msgs);
                first = false;
            }
            answer_right(ear, model);
            let said = go_on(ear, model);
            if matches!(model.screen, Screen::Summary { .. }) {
                return said;
            }
        }
    };
    for _ in 0..6 {
        let said = run(ear, &mut model, false);
        let verdict = said[1].clone();
        let last = summary_answers(match &model.screen {
            Screen::Summary { summary, .. } => summary,
            _ => unreachable!(),
        }) - 1;
        ear.send(&mut model, Msg::Click(Target::Answer(last)));
        let mastered = verdict == "summary-mastered";
        verdicts.push(verdict);
        if mastered {
            break;
        }
    }
    assert_eq!(
        verdicts.first().map(String::as_str),
        Some("summary-not-yet")
    );
    assert_eq!(
        verdicts.last().map(String::as_str),
        Some("summary-mastered")
    );
    // Days later, a review: passed; later again, a review with a miss.
    for (wrong_first, verdict) in [
        (false, "summary-review-passed"),
        (true, "summary-review-failed"),
    ] {
        model.now += 400 * DAY;
        let said = run(ear, &mut model, wrong_first);
        assert_eq!(said[1], verdict, "{said:?}");
        let last = summary_answers(match &model.screen {
            Screen::Summary { summary, .. } => summary,
            _ => unreachable!(),
        }) - 1;
        ear.send(&mut model, Msg::Click(Target::Answer(last)));
    }
}

fn every_walk(ear: &mut Ear) {
    first_visit(ear);
    returning(ear);
    over_any_screen(ear);
    every_summary(ear);
    every_step(ear);
}

#[test]
fn a_first_visit_is_heard_screen_by_screen() {
    first_visit(&mut Ear::new());
}

#[test]
fn a_returning_learner_hears_her_code_screen_and_where_she_stopped() {
    returning(&mut Ear::new());
}

#[test]
fn questions_over_the_screen_are_heard_and_closing_them_stops_the_voice() {
    over_any_screen(&mut Ear::new());
}

#[test]
fn each_end_of_a_lesson_is_heard() {
    every_summary(&mut Ear::new());
}

#[test]
fn every_answer_to_every_bundled_step_is_heard_as_the_screen_shows_it() {
    every_step(&mut Ear::new());
}

/// With the sound off, nothing is said; turned on, the screen is.
#[test]
fn nothing_is_said_with_the_sound_off_and_the_screen_is_when_it_comes_on() {
    let mut ear = Ear::new();
    let mut model = kiosk(bundled());
    model.sound.on = false;
    assert!(ear.send(&mut model, Msg::Click(Target::Start)).is_empty());
    assert!(ear.send(&mut model, Msg::Key(Key::F(1))).is_empty());
    ear.send(&mut model, Msg::Key(Key::Esc));
    assert_eq!(
        ear.send(&mut model, Msg::Click(Target::Sound)),
        ["who-title", "who-new", "who-returning"]
    );
    // The kiosk's switch for volunteers silences it too.
    model.settings.voice = false;
    assert!(ear.send(&mut model, Msg::Click(Target::WhoNew)).is_empty());
}

/// Every recording asked for has a slot; every slot of the bundled lessons and of the
/// interface is asked for by some walk.
#[test]
fn every_slot_is_asked_for_and_nothing_else() {
    let mut ear = Ear::new();
    every_walk(&mut ear);
    let lessons = bundled();
    let mut slots: BTreeSet<String> = BTreeSet::new();
    for lesson in &lessons {
        for slot in lesson_slots(lesson, "vi") {
            slots.insert(slot.label());
        }
    }
    let interface: BTreeSet<String> = interface_ids(Lang::Vi).into_iter().collect();
    let glossary: BTreeSet<String> = glossary_slots(&bundled_glossary(), "vi")
        .iter()
        .map(|s| s.label())
        .collect();
    let mut terms: BTreeSet<String> = BTreeSet::new();
    let mut asked: BTreeSet<String> = BTreeSet::new();
    let mut words: BTreeSet<String> = BTreeSet::new();
    for speech in &ear.heard {
        match speech {
            Speech::Lesson(n) => {
                assert_eq!(n.locale, "vi");
                let label = format!("{}/{}{}.ogg", n.lesson, n.step, n.clip.suffix());
                assert!(slots.contains(&label), "{label} has no slot");
                asked.insert(label);
            }
            Speech::Words { id, .. } => {
                assert!(interface.contains(*id), "{id} has no slot");
                words.insert((*id).to_owned());
            }
            Speech::Term { id, locale } => {
                assert_eq!(*locale, "vi");
                let label = format!("glossary/{id}.ogg");
                assert!(glossary.contains(&label), "{label} has no slot");
                terms.insert(label);
            }
        }
    }
    // Every term a step's text uses is explained when touched.
    let used: BTreeSet<String> = lessons
        .iter()
        .flat_map(|l| &l.steps)
        .flat_map(|s| bundled_glossary().marks(s.text.get("vi"), "vi"))
        .map(|m| format!("glossary/{}.ogg", bundled_glossary().terms[m.term].id))
        .collect();
    assert!(used.len() >= 10, "the lessons use the glossary: {used:?}");
    let unheard: Vec<&String> = used.difference(&terms).collect();
    assert!(unheard.is_empty(), "never explained: {unheard:?}");
    let unasked: BTreeSet<String> = slots.difference(&asked).cloned().collect();
    assert!(unasked.is_empty(), "never asked for: {unasked:?}");
    let unsaid: Vec<&String> = interface.difference(&words).collect();
    assert!(unsaid.is_empty(), "never said: {unsaid:?}");
}

/// Each learner's screen draws only messages that are spoken or say why not; what it
/// draws of the spoken ones it says, and what it says it draws.
#[test]
fn what_each_screen_draws_is_what_it_says() {
    let mut ear = Ear::drawing();
    first_visit(&mut ear);
    returning(&mut ear);
    over_any_screen(&mut ear);
    every_summary(&mut ear);
    // Each kind of step, in the first lessons that have it between them.
    let lessons = bundled();
    let mut kinds = BTreeSet::new();
    let mut which = Vec::new();
    for (index, lesson) in lessons.iter().enumerate() {
        let before = kinds.len();
        kinds.extend(lesson.steps.iter().map(|s| format!("{:?}", s.kind())));
        if kinds.len() > before {
            which.push(index);
        }
    }
    steps_of(&mut ear, &lessons, which);
    let spoken: BTreeSet<&str> = SPOKEN.iter().copied().collect();
    let drawn: BTreeSet<&str> = ear.drawn.iter().map(String::as_str).collect();
    let undrawn: Vec<&&str> = spoken
        .difference(&drawn)
        .filter(|id| !id.starts_with("spoken-digit-"))
        .collect();
    assert!(undrawn.is_empty(), "spoken but never drawn: {undrawn:?}");
}

/// The kiosk says its welcome when it starts, and nothing over another screen.
#[test]
fn the_kiosk_says_its_welcome_when_it_starts() {
    let mut model = kiosk(bundled());
    let said: Vec<Speech> = model
        .greeting()
        .into_iter()
        .flat_map(|e| match e {
            Effect::Say(s) => s,
            _ => Vec::new(),
        })
        .collect();
    let ids: Vec<&str> = said
        .iter()
        .map(|s| match s {
            Speech::Words { id, .. } => *id,
            Speech::Lesson(_) => "a lesson's clip",
            Speech::Term { .. } => "a word's explanation",
        })
        .collect();
    assert_eq!(ids, ["app-name", "app-tagline", "welcome-start"]);
    update(&mut model, Msg::Click(Target::Start));
    assert!(model.greeting().is_empty());
}
