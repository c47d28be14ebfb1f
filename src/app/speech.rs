//! What the learner hears: every text she must read is said where and when it appears,
//! in the order the screen shows it.
//!
//! [`heard`] lists what each screen says, as the screen draws it (`ui/*.rs`), layer by
//! layer: the screen, then what is asked over it (going back, finishing for today, the
//! help, "still there?", a screen too small). After each message, `update` compares
//! the top layer with what was there before: the parts that have just appeared are said
//! (one [`Effect::Say`], which stops what was playing); if parts only went away, what
//! plays stops. So a closed question does not read the screen under it again, a
//! countdown that ticks says nothing, and an answer says only what it changed. Turned
//! on (the sound button, or a sound device found), narration says the whole screen.

use super::lesson::narration;
use super::{Effect, Feedback, Model, Screen, Speech};
use crate::audio::Clip;
use crate::i18n::SPOKEN_DIGITS;
use crate::lesson::Task;
use crate::store::LessonEnd;

/// One part of a screen that is said as a whole: a message, or an answer's feedback.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Part {
    speech: Vec<Speech>,
    /// Answers given on the step so far, for what an answer is told: a new wrong answer
    /// that is told the same words is told them again.
    turn: u32,
}

impl Part {
    /// What is said, in order.
    #[cfg(test)]
    pub(super) fn speech(&self) -> &[Speech] {
        &self.speech
    }
}

/// What the screen says, layer by layer from the screen up; the last is what is seen.
pub(super) type Heard = Vec<Vec<Part>>;

/// Everything `model` shows that is said, by layer.
pub(super) fn heard(model: &Model) -> Heard {
    let say =
        |ids: &[&'static str]| -> Vec<Part> { ids.iter().map(|id| words(model, id)).collect() };
    // Too small, the screen shows only its note: nothing under it was heard, so when it
    // grows again what it shows is said, changed or not.
    if model.size.too_small() {
        return vec![say(&["too-small"])];
    }
    let mut layers = vec![screen(model)];
    if let Screen::Lesson(run) = &model.screen
        && run.state.leaving
    {
        let question = if run.pos == 0 {
            "leave-question-lesson"
        } else {
            "leave-question"
        };
        layers.push(say(&[question, "leave-detail", "leave-no", "leave-yes"]));
    }
    if model.asking_sign_out {
        layers.push(say(&[
            "sign-out-title",
            "sign-out-note",
            "sign-out-yes",
            "sign-out-stay",
        ]));
    }
    if let Some((lesson, step, _)) = model.run().filter(|_| model.told_page_open()) {
        let clip = |clip: Clip| Speech::Lesson(narration(lesson, step, clip, model.lang));
        let mut page: Vec<Part> = told(model, &clip).into_iter().collect();
        page.push(words(model, "help-close"));
        layers.push(page);
    }
    if model.help_open {
        let mut help = vec![words(model, model.help_message())];
        if matches!(model.screen, Screen::Lesson(_)) {
            help.push(words(model, "help-call"));
        }
        help.push(words(model, "help-close"));
        layers.push(help);
    }
    if let Some(term) = model.open_word().filter(|_| !model.help_open) {
        layers.push(vec![
            Part {
                speech: vec![Speech::Term {
                    id: term.id.clone(),
                    locale: model.lang.code(),
                }],
                turn: 0,
            },
            words(model, "help-close"),
        ]);
    }
    if model.idle_left.is_some() {
        layers.push(say(&["idle-title", "idle-touch"]));
    }
    layers
}

/// After `update`: says what has just appeared, or stops what plays if something went
/// away and nothing came; `before` is what was heard before the message.
pub(super) fn say_what_appeared(model: &Model, before: &Heard, effects: &mut Vec<Effect>) {
    if !model.narrating() || effects.iter().any(|e| matches!(e, Effect::Say(_))) {
        return;
    }
    let after = heard(model);
    let shown = after.last().map(Vec::as_slice).unwrap_or_default();
    let was = before.last().map(Vec::as_slice).unwrap_or_default();
    if shown == was {
        return;
    }
    let new: Vec<Speech> = shown
        .iter()
        .filter(|part| !before.iter().flatten().any(|old| old == *part))
        .flat_map(|part| part.speech.iter().cloned())
        .collect();
    if new.is_empty() {
        if !effects.contains(&Effect::StopNarration) {
            effects.push(Effect::StopNarration);
        }
        return;
    }
    // Before reading the next step ahead, so the voice does not wait for it.
    let at = effects
        .iter()
        .position(|e| matches!(e, Effect::PreloadNarration(_)))
        .unwrap_or(effects.len());
    effects.insert(at, Effect::Say(new));
}

/// Space, or "Nghe lại": everything the screen says, again.
pub(super) fn replay(model: &Model) -> Vec<Effect> {
    if !model.narrating() {
        return Vec::new();
    }
    let all: Vec<Speech> = heard(model)
        .pop()
        .unwrap_or_default()
        .into_iter()
        .flat_map(|part| part.speech)
        .collect();
    if all.is_empty() {
        return Vec::new();
    }
    vec![Effect::Say(all)]
}

fn words(model: &Model, id: &'static str) -> Part {
    Part {
        speech: vec![Speech::Words {
            id,
            locale: model.lang.code(),
        }],
        turn: 0,
    }
}

/// What the screen itself says, in its order.
fn screen(model: &Model) -> Vec<Part> {
    let say =
        |ids: &[&'static str]| -> Vec<Part> { ids.iter().map(|id| words(model, id)).collect() };
    let greeting = || {
        model
            .learner
            .is_some()
            .then(|| words(model, "menu-greeting"))
    };
    match &model.screen {
        Screen::Welcome => say(&["app-name", "app-tagline", "welcome-start"]),
        Screen::Who { .. } => say(&["who-title", "who-new", "who-returning"]),
        Screen::Name { .. } => say(&["name-title", "name-example", "name-note"]),
        Screen::Age { .. } => say(&[
            "age-title",
            "age-note",
            "age-under-60",
            "age-60-69",
            "age-70-79",
            "age-80-plus",
            "age-skip",
        ]),
        Screen::CodeGiven => {
            let code = model.learner.as_ref().map_or("", |l| l.code.as_str());
            let digits = code
                .chars()
                .filter_map(|c| c.to_digit(10))
                .map(|d| Speech::Words {
                    id: SPOKEN_DIGITS[d as usize],
                    locale: model.lang.code(),
                })
                .collect();
            vec![
                words(model, "code-given-title"),
                Part {
                    speech: digits,
                    turn: 0,
                },
                words(model, "code-given-note"),
            ]
        }
        Screen::Code { not_found, .. } => {
            let mut parts = say(&["code-title"]);
            if not_found.is_some() {
                parts.push(words(model, "code-not-found"));
            }
            parts
        }
        Screen::Resume { .. } => {
            let mut parts: Vec<Part> = greeting().into_iter().collect();
            if model.resumable().is_some() {
                parts.push(words(model, "resume-title"));
            }
            parts.extend(say(&["resume-continue", "resume-menu"]));
            parts
        }
        Screen::Menu { .. } => {
            let mut parts: Vec<Part> = greeting().into_iter().collect();
            parts.push(words(model, "menu-title"));
            if model.lessons.is_empty() {
                parts.push(words(model, "menu-empty"));
            }
            parts
        }
        Screen::Lesson(_) => step(model),
        Screen::Summary { summary, .. } => {
            let mut parts = say(&["summary-title"]);
            let verdict = match summary.end {
                LessonEnd::Mastered => "summary-mastered",
                LessonEnd::ReviewPassed => "summary-review-passed",
                LessonEnd::ReviewFailed => "summary-review-failed",
                LessonEnd::NotYet => "summary-not-yet",
            };
            let good = matches!(summary.end, LessonEnd::Mastered | LessonEnd::ReviewPassed);
            if good || !summary.to_practise.is_empty() {
                parts.push(words(model, verdict));
            }
            if model.learner.is_some() {
                parts.push(words(model, "summary-saved"));
            }
            if !summary.to_practise.is_empty() {
                parts.push(words(model, "summary-practise"));
            }
            parts.push(words(model, "summary-back"));
            parts
        }
        Screen::Broken { .. }
        | Screen::Pin { .. }
        | Screen::Panel(_)
        | Screen::GuidedEnd { .. } => Vec::new(),
    }
}

/// A step: its text (a choice's with its answers), how to do it, what the learner was
/// told, and the call for a volunteer once made.
fn step(model: &Model) -> Vec<Part> {
    let Some((lesson, step, run)) = model.run() else {
        return Vec::new();
    };
    let state = &run.state;
    let clip = |clip: Clip| Speech::Lesson(narration(lesson, step, clip, model.lang));
    // A choice whose answers move between tries: its recording reads the question, and
    // each answer is said after the number the screen gives it.
    let mut opening = vec![clip(Clip::Step)];
    if let Task::Choice { .. } = &step.task
        && step.shuffle
    {
        for (at, &i) in state.options.iter().enumerate() {
            if let Some(digit) = SPOKEN_DIGITS.get(at + 1) {
                opening.push(Speech::Words {
                    id: digit,
                    locale: model.lang.code(),
                });
            }
            opening.push(clip(Clip::Answer(i + 1)));
        }
    }
    let mut parts = vec![Part {
        speech: opening,
        turn: 0,
    }];
    let told = told(model, &clip);
    match &step.task {
        Task::Scan { .. } => parts.push(words(model, "scan-how")),
        Task::Order { .. } => {
            // What she was told takes the place of how to do it.
            parts.push(told.clone().unwrap_or_else(|| {
                words(
                    model,
                    if state.placed.is_empty() {
                        "order-tap-how"
                    } else {
                        "order-take-back"
                    },
                )
            }));
            if state.all_placed() && !state.solved {
                parts.push(words(model, "order-pool-empty"));
            }
        }
        _ => {}
    }
    // On a short screen a wrong answer's words are on their own page (see `heard`).
    let paged = model.told_on_a_page() && !matches!(state.feedback, Some(Feedback::Right(_)));
    if step.is_practice() && !matches!(step.task, Task::Order { .. }) && !paged {
        parts.extend(told);
    }
    if state.called && !state.solved {
        parts.push(words(model, "step-volunteer-called"));
    }
    parts
}

/// What the step shows after an answer, as the screen chooses it: the right answer's
/// words; else the call for a volunteer, which replaces the hint, which replaces the
/// wrong answer's words.
fn told(model: &Model, clip: &dyn Fn(Clip) -> Speech) -> Option<Part> {
    let (_, step, run) = model.run()?;
    let state = &run.state;
    let say = |id: &'static str| Speech::Words {
        id,
        locale: model.lang.code(),
    };
    // The answer's own words, or the step's.
    let own = |right: bool| match (state.own_words, &step.task) {
        (Some(i), Task::Choice { .. }) => clip(Clip::Option(i + 1)),
        (Some(i), Task::Tap { screen, .. }) => clip(Clip::tap(screen, i)),
        _ if right => clip(Clip::Right),
        _ => clip(Clip::Wrong),
    };
    let speech = match &state.feedback {
        None => return None,
        Some(Feedback::Right(words)) => {
            let mut speech = vec![say("feedback-right")];
            speech.extend(words.as_ref().map(|_| own(true)));
            speech
        }
        _ if state.solved => return None,
        _ if state.needs_volunteer && !state.called => vec![say("step-volunteer-moment")],
        _ if state.hint && step.hint.is_some() => vec![say("feedback-hint"), clip(Clip::Hint)],
        Some(Feedback::Wrong(Some(_))) => vec![own(false)],
        Some(Feedback::Wrong(None)) => vec![say("feedback-wrong")],
        Some(Feedback::OrderKept(_)) => vec![say("order-kept")],
    };
    Some(Part {
        speech,
        turn: state.misses,
    })
}
