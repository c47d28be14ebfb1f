//! A run through a lesson: a step's keys and clicks, its answers, and moving between
//! steps.

use std::collections::HashMap;

use super::speech::replay;
use super::{
    Effect, Key, KeypadKey, LessonRun, Model, Msg, Narration, Outcome, Screen, StepLayout,
    StepState, Summary, Target, volunteer,
};
use crate::audio::Clip;
use crate::i18n::Lang;
use crate::lesson::{Lesson, Step, Task};
use crate::store::{Attempt, LessonEnd, LessonStatus, Place, RunKind};

impl Model {
    /// Starts a run through lesson `lesson` showing `plan`, at position `pos`.
    pub(super) fn open_run(
        &mut self,
        lesson: usize,
        kind: RunKind,
        plan: Vec<usize>,
        pos: usize,
    ) -> Vec<Effect> {
        if plan.is_empty() {
            return Vec::new();
        }
        self.screen = Screen::Lesson(LessonRun {
            lesson,
            kind,
            plan,
            pos: 0,
            state: StepState::new(&self.lessons[lesson].steps[0], 0, None),
            results: HashMap::new(),
        });
        self.show(pos)
    }

    /// Shows position `pos` of the current run, fresh.
    pub(super) fn show(&mut self, pos: usize) -> Vec<Effect> {
        let learner = self.learner.as_ref().map(|l| l.code.clone());
        let Screen::Lesson(run) = &mut self.screen else {
            return Vec::new();
        };
        let Some(lesson) = self.lessons.get(run.lesson) else {
            return Vec::new();
        };
        let Some(step) = run.plan.get(pos).and_then(|i| lesson.steps.get(*i)) else {
            return Vec::new();
        };
        run.pos = pos;
        // A new order for each showing, from what `update` is told: the sign-in time and
        // how many steps came before, mixed with the step's name.
        let key = format!("{}/{}", lesson.id, step.id);
        self.showings = self.showings.wrapping_add(1);
        let seed = super::step::text_seed(&key)
            ^ (self.now as u64).rotate_left(17)
            ^ self.showings.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let last = self.shown_orders.get(&key).map(Vec::as_slice);
        run.state = StepState::new(step, seed, last);
        let order = match &step.task {
            Task::Choice { .. } => Some(run.state.options.clone()),
            Task::Order { .. } => Some(run.state.pool.clone()),
            _ => None,
        };
        if let Some(order) = order {
            self.shown_orders.insert(key, order);
        }
        run.state.retry = run.results.contains_key(&run.plan[pos]);
        let mut effects = vec![
            Effect::StopNarration,
            Effect::StepOpened {
                lesson: lesson.id.clone(),
                step: step.id.clone(),
            },
        ];
        let next = run.plan.get(pos + 1).and_then(|i| lesson.steps.get(*i));
        let upcoming = next.map(|n| narration(lesson, n, Clip::Step, self.lang));
        if let Some(learner) = learner {
            let place = Place {
                lesson: lesson.id.clone(),
                kind: run.kind,
                plan: run
                    .plan
                    .iter()
                    .map(|i| lesson.steps[*i].id.clone())
                    .collect(),
                step: step.id.clone(),
            };
            effects.push(Effect::SavePlace {
                learner,
                place: Some(place),
            });
        }
        // The step itself is said as it appears (`speech`).
        if self.narrating() {
            effects.extend(upcoming.map(Effect::PreloadNarration));
        }
        effects
    }

    /// Opens lesson `index` as its status calls for: a review when one is due, where the
    /// learner stopped if they stopped in it, else from the start.
    pub(super) fn open_lesson(&mut self, index: usize) -> Vec<Effect> {
        if let Some((lesson, kind, plan, pos)) = self.resumable()
            && lesson == index
        {
            return self.open_run(lesson, kind, plan, pos);
        }
        let l = &self.lessons[index];
        if self.status(l) == LessonStatus::ReviewDue {
            let plan = practice_steps(l);
            if !plan.is_empty() {
                return self.open_run(index, RunKind::Review, plan, 0);
            }
        }
        self.open_run(index, RunKind::Full, (0..l.steps.len()).collect(), 0)
    }
}

/// The practice steps of `lesson`, by index.
pub(super) fn practice_steps(lesson: &Lesson) -> Vec<usize> {
    (0..lesson.steps.len())
        .filter(|&i| lesson.steps[i].is_practice())
        .collect()
}

/// A practice run: each step in `steps`, after the explanation that introduces it.
pub fn practice_plan(lesson: &Lesson, steps: &[usize]) -> Vec<usize> {
    let mut plan = Vec::new();
    for &i in steps {
        let intro = (0..i).rev().find(|&j| !lesson.steps[j].is_practice());
        for s in intro.into_iter().chain([i]) {
            if !plan.contains(&s) {
                plan.push(s);
            }
        }
    }
    plan
}

pub(super) fn narration(lesson: &Lesson, step: &Step, clip: Clip, lang: Lang) -> Narration {
    Narration {
        lesson: lesson.id.clone(),
        step: step.id.clone(),
        clip,
        locale: lang.code(),
        file: step.narration.clone(),
    }
}

/// A key on a step screen.
pub(super) fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    let layout = model.step_layout();
    let typing = model.typing_text();
    let help_after = model.settings.help_after_misses;
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    let Some(lesson) = model.lessons.get(run.lesson) else {
        return Vec::new();
    };
    let Some(step) = lesson.steps.get(run.step()) else {
        return Vec::new();
    };
    let state = &mut run.state;
    if state.leaving {
        // "Go back?": Enter says yes, Esc or Backspace no; nothing else.
        return match key {
            Key::Enter => leave(model),
            Key::Esc | Key::Backspace => {
                state.leaving = false;
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    match key {
        Key::Esc => back(model),
        // In a field, Backspace only deletes; Esc goes back.
        Key::Backspace if matches!(&step.task, Task::Type { .. }) && !state.solved => {
            state.delete_char();
            Vec::new()
        }
        Key::Backspace => back(model),
        Key::Char(' ') if !typing => replay(model),

        Key::Enter if state.solved => next_step(model),
        Key::Enter if layout == Some(StepLayout::Paged) && !state.show_picture => {
            state.show_page(true);
            Vec::new()
        }
        _ if state.solved => Vec::new(),
        Key::Up | Key::Left | Key::BackTab => {
            state.move_focus(step, false);
            Vec::new()
        }
        Key::Down | Key::Right | Key::Tab => {
            state.move_focus(step, true);
            Vec::new()
        }
        Key::Char(c) if matches!(&step.task, Task::Type { .. }) => {
            state.type_char(step, c);
            // What is typed shows in the phone's field: on a small screen, bring it up.
            if layout == Some(StepLayout::Paged) {
                state.show_page(true);
            }
            Vec::new()
        }
        Key::Char(c @ '1'..='9') if matches!(&step.task, Task::Choice { .. }) => {
            let outcome = state.choose(step, usize::from(c as u8 - b'1'), help_after);
            answered(model, outcome)
        }
        Key::Enter => {
            // Enter answers only what a key has focused: nothing is pre-chosen.
            let outcome = match (&step.task, state.focus) {
                (Task::Explain { .. }, _) => return next_step(model),
                (Task::Scan { .. }, _) => state.confirm_scan(step),
                (Task::Tap { .. }, Some(f)) => state.tap(step, f, help_after),
                (Task::Choice { .. }, Some(f)) => state.choose(step, f, help_after),
                (Task::Order { .. }, _) => state.enter_order(step, help_after),
                (Task::Type { .. }, _) => state.submit_typed(step, help_after),
                _ => Outcome::Nothing,
            };
            answered(model, outcome)
        }
        _ => Vec::new(),
    }
}

/// A click or touch on a step screen: the keypad of a `type` step, or the rest.
pub(super) fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match target {
        Target::Keypad(key) => keypad(model, key),
        target => step_click(model, target),
    }
}

/// The keypad of a `type` step.
fn keypad(model: &mut Model, pressed: KeypadKey) -> Vec<Effect> {
    match pressed {
        KeypadKey::Digit(d) => key(model, Key::Char(char::from(b'0' + d))),
        KeypadKey::Delete => {
            if let Screen::Lesson(run) = &mut model.screen {
                run.state.delete_char();
            }
            Vec::new()
        }
        KeypadKey::Ok => key(model, Key::Enter),
    }
}

/// A click or touch on a step screen.
fn step_click(model: &mut Model, target: Target) -> Vec<Effect> {
    let help_after = model.settings.help_after_misses;
    let paged = model.told_on_a_page();
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    let Some(step) = model
        .lessons
        .get(run.lesson)
        .and_then(|l| l.steps.get(run.step()))
    else {
        return Vec::new();
    };
    let state = &mut run.state;
    if state.leaving {
        return match target {
            Target::Leave => leave(model),
            Target::Stay => {
                state.leaving = false;
                Vec::new()
            }
            _ => Vec::new(),
        };
    }
    match target {
        Target::More { down } => {
            state.scroll_focus(step, down);
            return Vec::new();
        }
        Target::Scroll { down, picture } => {
            state.scroll_view(picture, down);
            return Vec::new();
        }
        Target::CallVolunteer => return call_volunteer(model),
        Target::Continue => {
            return match &step.task {
                _ if state.solved => next_step(model),
                Task::Explain { .. } => next_step(model),
                Task::Scan { .. } => {
                    let outcome = state.confirm_scan(step);
                    answered(model, outcome)
                }
                _ => Vec::new(),
            };
        }
        _ => {}
    }
    if state.solved {
        return Vec::new();
    }
    let outcome = match target {
        Target::Phone(index) => state.tap(step, index, help_after),
        Target::Choice(at) => {
            let tried = state
                .option_at(step, at)
                .is_some_and(|i| state.tried.contains(&i));
            let outcome = state.choose(step, at, help_after);
            // An answer tried before is told its words again (no new miss): on a short
            // screen, on their page; the way to read them, or the hint, again.
            state.told_page |= tried && paged;
            outcome
        }
        Target::OrderItem(item) => {
            state.touch_item(item);
            Outcome::Nothing
        }
        Target::OrderCheck => state.submit_order(step, help_after),
        Target::Keyboard(key) => state.press_key(step, key, help_after),
        _ => Outcome::Nothing,
    };
    answered(model, outcome)
}

/// "Gọi tình nguyện viên": the panel is told once per showing of the step; the button
/// then says the call is made.
fn call_volunteer(model: &mut Model) -> Vec<Effect> {
    let help_after = model.settings.help_after_misses;
    let learner = model.learner.as_ref().map(|l| l.code.clone());
    let Some((lesson, step, _)) = model.run() else {
        return Vec::new();
    };
    let (lesson, step) = (lesson.id.clone(), step.id.clone());
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    let first = run.state.call_volunteer(help_after);
    match learner {
        Some(learner) if first => vec![Effect::NeedsVolunteer {
            learner,
            lesson,
            step,
        }],
        _ => Vec::new(),
    }
}

/// Turns an answer's outcome into effects: every answer is saved before the screen moves.
fn answered(model: &mut Model, outcome: Outcome) -> Vec<Effect> {
    let Some((lesson, step, _)) = model.run() else {
        return Vec::new();
    };
    let (lesson_id, step_id) = (lesson.id.clone(), step.id.clone());
    let (answer, right, first_try, hint_used, needs_volunteer) = match outcome {
        Outcome::Nothing => return Vec::new(),
        Outcome::Right {
            answer,
            first_try,
            hint_used,
        } => (answer, true, first_try, hint_used, false),
        Outcome::Wrong {
            answer,
            first_try,
            hint_used,
            needs_volunteer,
        } => (answer, false, first_try, hint_used, needs_volunteer),
    };
    let assisted = model.guided.is_some();
    if let Screen::Lesson(run) = &mut model.screen {
        if first_try {
            // With a volunteer's help, an answer never counts as the learner's own.
            run.results
                .insert(run.step(), right && !hint_used && !assisted);
        }
        // On a small screen the feedback is on the text's page: show it.
        run.state.show_page(false);
    }
    // On a short screen, a wrong answer to a choice is told on a page over the step.
    let page = !right && model.told_on_a_page();
    if let Screen::Lesson(run) = &mut model.screen {
        run.state.told_page = page;
    }
    let attempt = Attempt {
        learner: model
            .learner
            .as_ref()
            .map(|l| l.code.clone())
            .unwrap_or_default(),
        lesson: lesson_id.clone(),
        step: step_id.clone(),
        answer,
        right,
        first_try,
        hint_used,
        assisted,
        millis: 0,
    };
    // The model keeps its own copy, for mastery; only a learner's answers are saved.
    model.progress.add(&attempt);
    // What the answer is told is said as it appears (`speech`).
    let Some(learner) = model.learner.as_ref().map(|l| l.code.clone()) else {
        return Vec::new();
    };
    let mut effects = vec![Effect::SaveAttempt(attempt)];
    if needs_volunteer {
        effects.push(Effect::NeedsVolunteer {
            learner,
            lesson: lesson_id,
            step: step_id,
        });
    }
    effects
}

fn next_step(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &model.screen else {
        return Vec::new();
    };
    if run.pos + 1 < run.plan.len() {
        let pos = run.pos + 1;
        return model.show(pos);
    }
    // The end of the run.
    let (index, kind) = (run.lesson, run.kind);
    let first_try = run.results.values().filter(|clean| **clean).count();
    let all_clean = run.plan.iter().all(|i| {
        !model.lessons[index].steps[*i].is_practice() || run.results.get(i) == Some(&true)
    });
    let lesson = &model.lessons[index];
    let to_practise = model.not_mastered(lesson);
    let end = match kind {
        RunKind::Review if all_clean => LessonEnd::ReviewPassed,
        RunKind::Review => LessonEnd::ReviewFailed,
        _ if to_practise.is_empty() => LessonEnd::Mastered,
        _ => LessonEnd::NotYet,
    };
    let mut effects = vec![Effect::StopNarration];
    if let Some(learner) = &model.learner {
        effects.push(Effect::LessonEnded {
            learner: learner.code.clone(),
            lesson: lesson.id.clone(),
            end,
            intervals: lesson.review_days.clone(),
        });
        effects.push(Effect::SavePlace {
            learner: learner.code.clone(),
            place: None,
        });
        // The model follows what the store does, so the menu is right without a reload.
        let old = model
            .progress
            .lessons
            .get(&lesson.id)
            .copied()
            .unwrap_or_default();
        let record = crate::store::next_record(old, end, &lesson.review_days, model.now);
        model.progress.lessons.insert(lesson.id.clone(), record);
        model.progress.place = None;
    }
    model.screen = Screen::Summary {
        summary: Summary {
            lesson: index,
            kind,
            first_try,
            to_practise,
            end,
            scroll: Default::default(),
        },
        focus: 0,
    };
    effects
}

/// Esc, Backspace, the bar's "Quay lại": on a step the learner has started, asks first.
fn back(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    if run.state.show_picture {
        run.state.show_page(false);
        return Vec::new();
    }
    if run.state.started() {
        run.state.leaving = true;
        run.state.scroll_text = Default::default();
        return Vec::new();
    }
    leave(model)
}

/// Back to the previous step, or out of the lesson.
fn leave(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    run.state.leaving = false;
    if run.pos > 0 {
        let pos = run.pos - 1;
        return model.show(pos);
    }
    if model.preview.is_some() {
        return Vec::new();
    }
    if model.guided.is_some() {
        return volunteer::end_guided(model);
    }
    // Stopping here is fine: the place is kept, to carry on later.
    let lesson = run.lesson;
    let focus = model.menu().iter().position(|&l| l == lesson).unwrap_or(0);
    model.screen = Screen::Menu { focus };
    vec![Effect::StopNarration]
}

/// What a learner who knows the step on screen would press or tap, in order; nothing when
/// no lesson step is on screen. Tests walk lessons through `update` with it.
pub fn right_answer(model: &Model) -> Vec<Msg> {
    let Some((_, step, run)) = model.run() else {
        return Vec::new();
    };
    match &step.task {
        Task::Explain { .. } => Vec::new(),
        Task::Tap { screen, target } => screen
            .tappables()
            .position(|t| t.id() == Some(target.as_str()))
            .map(|i| vec![Msg::Click(Target::Phone(i))])
            .unwrap_or_default(),
        Task::Choice { options } => run
            .state
            .shown_options(step)
            .iter()
            .position(|&i| options[i].correct)
            .map(|at| vec![Msg::Click(Target::Choice(at))])
            .unwrap_or_default(),
        Task::Order { items } => {
            // Take back what is in the list (from its end), then touch the items in order.
            let placed = &run.state.placed;
            let mut msgs: Vec<Msg> = placed
                .iter()
                .rev()
                .map(|&i| Msg::Click(Target::OrderItem(i)))
                .collect();
            msgs.extend((0..items.len()).map(|i| Msg::Click(Target::OrderItem(i))));
            msgs.push(Msg::Click(Target::OrderCheck));
            msgs
        }
        Task::Type { answer, .. } => {
            // Clear what is there, then type the answer as finished letters (Telex and VNI
            // pass those through unchanged).
            let typed = run.state.input.chars().count();
            let mut msgs: Vec<Msg> = (0..typed).map(|_| Msg::Key(Key::Backspace)).collect();
            msgs.extend(answer.chars().map(|c| Msg::Key(Key::Char(c))));
            msgs.push(Msg::Key(Key::Enter));
            msgs
        }
        Task::Scan { .. } => vec![Msg::Key(Key::Enter)],
    }
}
