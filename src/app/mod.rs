//! The tutor as The Elm Architecture: one [`Model`], one [`Msg`] type, and [`update`], the
//! only place the model changes. `update` touches no terminal, disk or sound card: it
//! returns [`Effect`]s for the runtime to carry out, so the whole journey is tested by
//! feeding it messages.

pub mod layout;
pub mod step;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::lesson::{InputMethod, Lesson, Step, StepKind, Task};
use crate::store::{Attempt, Learner, LessonStatus};
pub use layout::{Size, StepLayout};
pub use step::{Feedback, Outcome, StepState};

/// Keys as the tutor understands them, whatever the terminal sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    Esc,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Tab,
    BackTab,
    Char(char),
    F(u8),
    CtrlC,
}

/// Something the view drew that a click or touch can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The welcome screen itself: touching it starts.
    Start,
    SwitchLanguage,
    WhoNew,
    WhoReturning,
    Keypad(KeypadKey),
    /// A row of the lesson menu.
    Lesson(usize),
    /// A tappable on the pretend phone (index into the screen's tappables).
    Phone(usize),
    /// A `choice` option.
    Choice(usize),
    /// An `order` item at a position.
    OrderItem(usize),
    OrderDone,
    /// A button of the key bar: does what its key does.
    Bar(BarKey),
    /// Anywhere on the help screen: closes it.
    CloseHelp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadKey {
    Digit(u8),
    Delete,
    Ok,
}

/// The buttons of the key bar, each standing for a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BarKey {
    /// Enter, named for what it does here.
    Enter(EnterMeaning),
    Back,
    Replay,
    Help,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnterMeaning {
    Continue,
    Tap,
    Choose,
    Check,
    SeePicture,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    Click(Target),
    Resize(Size),
    /// The store made a new learner.
    LearnerCreated(Learner),
    /// The store looked up a code.
    LearnerFound {
        code: String,
        found: Option<(Learner, HashMap<String, LessonStatus>)>,
    },
    /// `preview`: the lesson file changed; its lesson, or the checker's lines.
    LessonReloaded(Result<Box<Lesson>, Vec<String>>),
}

/// Narration to play: the lesson's explicit file, or the convention's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narration {
    pub lesson: String,
    pub step: String,
    pub file: Option<PathBuf>,
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    PlayNarration(Narration),
    StopNarration,
    CreateLearner {
        name: String,
    },
    FindLearner {
        code: String,
    },
    /// A step opened: the runtime times the answer from here.
    StepOpened {
        lesson: String,
        step: String,
    },
    /// Write this answer before the screen moves on (millis filled in by the runtime).
    SaveAttempt(Attempt),
    NeedsVolunteer {
        learner: String,
        lesson: String,
        step: String,
    },
    LessonEnded {
        learner: String,
        lesson: String,
        all_first_try: bool,
    },
    Quit,
}

/// Settings that shape the learning (the kiosk's configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Misses on one step before the volunteer is asked for.
    pub help_after_misses: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            help_after_misses: 3,
        }
    }
}

/// A run through one lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonRun {
    /// Index into [`Model::lessons`].
    pub lesson: usize,
    pub step: usize,
    pub state: StepState,
    /// Per step index: whether it was right the first time (practice steps only).
    pub results: HashMap<usize, bool>,
}

/// The end of a run through a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub lesson: usize,
    pub first_try: usize,
    /// Steps that needed more than one try, by index.
    pub to_practise: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Welcome,
    /// New or returning; focus on one of the two.
    Who {
        focus: usize,
    },
    /// A new learner types a name.
    Name {
        name: String,
    },
    /// The new learner's code, to write down.
    CodeGiven,
    /// A returning learner types a code.
    Code {
        code: String,
        not_found: Option<String>,
    },
    Menu {
        focus: usize,
    },
    Lesson(LessonRun),
    Summary(Summary),
    /// `preview`: the edited file has errors.
    Broken {
        lines: Vec<String>,
        step: Option<String>,
    },
}

/// Everything the tutor knows.
#[derive(Debug, Clone)]
pub struct Model {
    pub lessons: Vec<Lesson>,
    pub lang: Lang,
    pub screen: Screen,
    pub help_open: bool,
    pub learner: Option<Learner>,
    pub statuses: HashMap<String, LessonStatus>,
    pub size: Size,
    pub settings: Settings,
    /// `preview FILE`: the file shown, for the header.
    pub preview: Option<String>,
}

impl Model {
    pub fn new(lessons: Vec<Lesson>, lang: Lang, size: Size) -> Model {
        Model {
            lessons,
            lang,
            screen: Screen::Welcome,
            help_open: false,
            learner: None,
            statuses: HashMap::new(),
            size,
            settings: Settings::default(),
            preview: None,
        }
    }

    /// A model for `hocso preview`: one lesson, open at `step` (an id), no learner.
    pub fn preview(
        lesson: Lesson,
        step: Option<&str>,
        file: String,
        size: Size,
    ) -> (Model, Vec<Effect>) {
        let index = step
            .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
            .unwrap_or(0);
        let mut model = Model::new(vec![lesson], Lang::Vi, size);
        model.preview = Some(file);
        let effects = model.open_step(0, index, HashMap::new());
        (model, effects)
    }

    /// The lesson run on screen, if any.
    pub fn run(&self) -> Option<(&Lesson, &Step, &LessonRun)> {
        match &self.screen {
            Screen::Lesson(run) => {
                let lesson = self.lessons.get(run.lesson)?;
                Some((lesson, lesson.steps.get(run.step)?, run))
            }
            _ => None,
        }
    }

    /// How the current step is laid out on this screen.
    pub fn step_layout(&self) -> Option<StepLayout> {
        let (_, step, _) = self.run()?;
        Some(step_layout_for(self.size, step, self.lang))
    }

    /// What the Enter key does on this screen, for the key bar.
    pub fn enter_meaning(&self) -> Option<EnterMeaning> {
        match &self.screen {
            Screen::Lesson(run) => {
                let (_, step, _) = self.run()?;
                if run.state.solved {
                    return Some(EnterMeaning::Continue);
                }
                if self.step_layout() == Some(StepLayout::Paged) && !run.state.show_picture {
                    return Some(EnterMeaning::SeePicture);
                }
                Some(match step.kind() {
                    StepKind::Explain | StepKind::Scan => EnterMeaning::Continue,
                    StepKind::Tap => EnterMeaning::Tap,
                    StepKind::Choice => EnterMeaning::Choose,
                    StepKind::Order | StepKind::Type => EnterMeaning::Check,
                })
            }
            Screen::Broken { .. } => None,
            _ => Some(EnterMeaning::Continue),
        }
    }

    /// Whether typing goes into a text field (so Space and `?` are letters there).
    pub fn typing_text(&self) -> bool {
        match &self.screen {
            Screen::Name { .. } => true,
            Screen::Lesson(run) => self.run().is_some_and(|(_, step, _)| {
                matches!(&step.task, Task::Type { input, .. } if *input != InputMethod::Digits)
                    && !run.state.solved
            }),
            _ => false,
        }
    }

    /// The buttons of the key bar, in priority order (the view drops from the end when
    /// the screen is narrow).
    pub fn bar(&self) -> Vec<BarKey> {
        let mut keys = Vec::new();
        if let Some(meaning) = self.enter_meaning() {
            keys.push(BarKey::Enter(meaning));
        }
        if !matches!(self.screen, Screen::Welcome) {
            keys.push(BarKey::Back);
        }
        if matches!(self.screen, Screen::Lesson(_)) {
            keys.push(BarKey::Replay);
        }
        keys.push(BarKey::Help);
        keys
    }

    fn open_step(
        &mut self,
        lesson: usize,
        step: usize,
        results: HashMap<usize, bool>,
    ) -> Vec<Effect> {
        let Some(l) = self.lessons.get(lesson) else {
            return Vec::new();
        };
        let Some(s) = l.steps.get(step) else {
            return Vec::new();
        };
        let state = StepState::new(s, &l.id);
        let effects = vec![
            Effect::StopNarration,
            Effect::StepOpened {
                lesson: l.id.clone(),
                step: s.id.clone(),
            },
            Effect::PlayNarration(narration(l, s)),
        ];
        self.screen = Screen::Lesson(LessonRun {
            lesson,
            step,
            state,
            results,
        });
        effects
    }
}

fn narration(lesson: &Lesson, step: &Step) -> Narration {
    Narration {
        lesson: lesson.id.clone(),
        step: step.id.clone(),
        file: step.narration.clone(),
    }
}

/// The layout of `step` on a screen of `size` in `lang`.
pub fn step_layout_for(size: Size, step: &Step, lang: Lang) -> StepLayout {
    layout::step_layout(size, step, layout::longest_word(step.text.get(lang.code())))
}

/// The only place the model changes.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(size) => {
            model.size = size;
            Vec::new()
        }
        Msg::Key(Key::CtrlC) => vec![Effect::StopNarration, Effect::Quit],
        Msg::Key(Key::F(2)) => {
            model.lang = model.lang.next();
            Vec::new()
        }
        Msg::Key(_) | Msg::Click(_) if model.help_open => {
            model.help_open = false;
            Vec::new()
        }
        Msg::Key(Key::F(1)) => {
            model.help_open = true;
            Vec::new()
        }
        Msg::Key(Key::Char('?')) if !model.typing_text() => {
            model.help_open = true;
            Vec::new()
        }
        Msg::Click(Target::Bar(key)) => bar_click(model, key),
        Msg::Click(Target::SwitchLanguage) => {
            model.lang = model.lang.next();
            Vec::new()
        }
        Msg::LearnerCreated(learner) => {
            model.learner = Some(learner);
            model.statuses.clear();
            model.screen = Screen::CodeGiven;
            Vec::new()
        }
        Msg::LearnerFound { code, found } => {
            match found {
                Some((learner, statuses)) => {
                    model.learner = Some(learner);
                    model.statuses = statuses;
                    model.screen = Screen::Menu { focus: 0 };
                }
                None => {
                    model.screen = Screen::Code {
                        code: String::new(),
                        not_found: Some(code),
                    }
                }
            }
            Vec::new()
        }
        Msg::LessonReloaded(result) => reloaded(model, result),
        Msg::Key(key) => key_press(model, key),
        Msg::Click(target) => click(model, target),
    }
}

fn bar_click(model: &mut Model, key: BarKey) -> Vec<Effect> {
    match key {
        BarKey::Enter(_) => key_press(model, Key::Enter),
        BarKey::Back => key_press(model, Key::Esc),
        BarKey::Help => {
            model.help_open = true;
            Vec::new()
        }
        BarKey::Replay => replay(model),
    }
}

fn replay(model: &Model) -> Vec<Effect> {
    match model.run() {
        Some((lesson, step, _)) => vec![Effect::PlayNarration(narration(lesson, step))],
        None => Vec::new(),
    }
}

fn key_press(model: &mut Model, key: Key) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Welcome => match key {
            Key::Enter => {
                model.screen = Screen::Who { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Who { focus } => match key {
            Key::Up | Key::Down | Key::Left | Key::Right | Key::Tab | Key::BackTab => {
                *focus = 1 - *focus;
                Vec::new()
            }
            Key::Char('1') => click(model, Target::WhoNew),
            Key::Char('2') => click(model, Target::WhoReturning),
            Key::Enter => {
                let target = if *focus == 0 {
                    Target::WhoNew
                } else {
                    Target::WhoReturning
                };
                click(model, target)
            }
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Welcome;
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Name { name } => match key {
            Key::Char(c) if !c.is_control() && name.chars().count() < 30 => {
                name.push(c);
                Vec::new()
            }
            Key::Backspace if !name.is_empty() => {
                name.pop();
                Vec::new()
            }
            Key::Enter => {
                let chosen = crate::lesson::nfc(name.trim());
                if chosen.is_empty() {
                    Vec::new()
                } else {
                    vec![Effect::CreateLearner { name: chosen }]
                }
            }
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Who { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::CodeGiven => match key {
            Key::Enter | Key::Esc => {
                model.screen = Screen::Menu { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Code { code, .. } => match key {
            Key::Char(c) if c.is_ascii_digit() => keypad(model, KeypadKey::Digit(c as u8 - b'0')),
            Key::Backspace if !code.is_empty() => keypad(model, KeypadKey::Delete),
            Key::Enter => keypad(model, KeypadKey::Ok),
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Who { focus: 1 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Menu { focus } => {
            let count = model.lessons.len();
            match key {
                Key::Up | Key::Left | Key::BackTab if count > 0 => {
                    *focus = (*focus + count - 1) % count;
                    Vec::new()
                }
                Key::Down | Key::Right | Key::Tab if count > 0 => {
                    *focus = (*focus + 1) % count;
                    Vec::new()
                }
                Key::Char(c @ '1'..='9') => {
                    let index = usize::from(c as u8 - b'1');
                    click(model, Target::Lesson(index))
                }
                Key::Enter => {
                    let index = *focus;
                    click(model, Target::Lesson(index))
                }
                Key::Esc | Key::Backspace => sign_out(model),
                _ => Vec::new(),
            }
        }
        Screen::Lesson(_) => step_key(model, key),
        Screen::Summary(summary) => match key {
            Key::Enter | Key::Esc | Key::Backspace => {
                let lesson = summary.lesson;
                if model.preview.is_some() {
                    model.open_step(lesson, 0, HashMap::new())
                } else {
                    model.screen = Screen::Menu { focus: lesson };
                    Vec::new()
                }
            }
            _ => Vec::new(),
        },
        Screen::Broken { .. } => Vec::new(),
    }
}

fn sign_out(model: &mut Model) -> Vec<Effect> {
    model.learner = None;
    model.statuses.clear();
    model.screen = Screen::Welcome;
    vec![Effect::StopNarration]
}

fn keypad(model: &mut Model, key: KeypadKey) -> Vec<Effect> {
    if let Screen::Code { code, not_found } = &mut model.screen {
        match key {
            KeypadKey::Digit(d) if code.len() < 4 => {
                code.push(char::from(b'0' + d));
                *not_found = None;
            }
            KeypadKey::Delete => {
                code.pop();
            }
            KeypadKey::Ok if code.len() == 4 => {
                return vec![Effect::FindLearner { code: code.clone() }];
            }
            _ => {}
        }
        return Vec::new();
    }
    // The keypad of a `type` step.
    match key {
        KeypadKey::Digit(d) => step_key(model, Key::Char(char::from(b'0' + d))),
        KeypadKey::Delete => step_key(model, Key::Backspace),
        KeypadKey::Ok => step_key(model, Key::Enter),
    }
}

fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match (&mut model.screen, target) {
        (Screen::Welcome, Target::Start) => key_press(model, Key::Enter),
        (Screen::Who { .. }, Target::WhoNew) => {
            model.screen = Screen::Name {
                name: String::new(),
            };
            Vec::new()
        }
        (Screen::Who { .. }, Target::WhoReturning) => {
            model.screen = Screen::Code {
                code: String::new(),
                not_found: None,
            };
            Vec::new()
        }
        (Screen::CodeGiven, Target::Start) => key_press(model, Key::Enter),
        (_, Target::Keypad(key)) => keypad(model, key),
        (Screen::Menu { .. }, Target::Lesson(index)) if index < model.lessons.len() => {
            model.open_step(index, 0, HashMap::new())
        }
        (Screen::Lesson(_), target) => step_click(model, target),
        (Screen::Summary(_), Target::Start) => key_press(model, Key::Enter),
        _ => Vec::new(),
    }
}

/// A key on a step screen.
fn step_key(model: &mut Model, key: Key) -> Vec<Effect> {
    let layout = model.step_layout();
    let typing = model.typing_text();
    let help_after = model.settings.help_after_misses;
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    let Some(lesson) = model.lessons.get(run.lesson) else {
        return Vec::new();
    };
    let Some(step) = lesson.steps.get(run.step) else {
        return Vec::new();
    };
    let state = &mut run.state;
    match key {
        Key::Esc => back(model),
        Key::Backspace if typing || matches!(&step.task, Task::Type { .. }) => {
            if state.delete_char() {
                Vec::new()
            } else {
                back(model)
            }
        }
        Key::Backspace => back(model),
        Key::Char(' ') if !typing => replay(model),
        Key::Enter if state.solved => next_step(model),
        Key::Enter if layout == Some(StepLayout::Paged) && !state.show_picture => {
            state.show_picture = true;
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
            Vec::new()
        }
        Key::Char(c @ '1'..='9') if matches!(&step.task, Task::Choice { .. }) => {
            let outcome = state.choose(step, usize::from(c as u8 - b'1'), help_after);
            answered(model, outcome)
        }
        Key::Enter => {
            let outcome = match &step.task {
                Task::Explain { .. } => return next_step(model),
                Task::Scan { .. } => state.confirm_scan(step),
                Task::Tap { .. } => state.tap(step, state.focus, help_after),
                Task::Choice { .. } => state.choose(step, state.focus, help_after),
                Task::Order { items } if state.focus == items.len() => {
                    state.submit_order(step, help_after)
                }
                Task::Order { .. } => {
                    state.touch_item(state.focus);
                    Outcome::Nothing
                }
                Task::Type { .. } => state.submit_typed(step, help_after),
            };
            answered(model, outcome)
        }
        _ => Vec::new(),
    }
}

/// A click or touch on a step screen.
fn step_click(model: &mut Model, target: Target) -> Vec<Effect> {
    let help_after = model.settings.help_after_misses;
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    let Some(step) = model
        .lessons
        .get(run.lesson)
        .and_then(|l| l.steps.get(run.step))
    else {
        return Vec::new();
    };
    let state = &mut run.state;
    if state.solved {
        return Vec::new();
    }
    let outcome = match target {
        Target::Phone(index) => state.tap(step, index, help_after),
        Target::Choice(index) => state.choose(step, index, help_after),
        Target::OrderItem(position) => {
            state.touch_item(position);
            Outcome::Nothing
        }
        Target::OrderDone => state.submit_order(step, help_after),
        _ => Outcome::Nothing,
    };
    answered(model, outcome)
}

/// Turns an answer's outcome into effects: every answer is saved before the screen moves.
fn answered(model: &mut Model, outcome: Outcome) -> Vec<Effect> {
    let Some((lesson, step, _)) = model.run() else {
        return Vec::new();
    };
    let (lesson_id, step_id) = (lesson.id.clone(), step.id.clone());
    let learner = model.learner.as_ref().map(|l| l.code.clone());
    let mut effects = Vec::new();
    let (answer, right, first_try, hint_used, needs_volunteer) = match outcome {
        Outcome::Nothing => return effects,
        Outcome::Right {
            answer,
            first_try,
            hint_used,
        } => (answer, true, first_try, hint_used, false),
        Outcome::Wrong {
            answer,
            hint_used,
            needs_volunteer,
        } => (answer, false, false, hint_used, needs_volunteer),
    };
    if right && let Screen::Lesson(run) = &mut model.screen {
        run.results.entry(run.step).or_insert(first_try);
    }
    // A preview has no learner: nothing is saved.
    if let Some(learner) = learner {
        effects.push(Effect::SaveAttempt(Attempt {
            learner: learner.clone(),
            lesson: lesson_id.clone(),
            step: step_id.clone(),
            answer,
            right,
            first_try,
            hint_used,
            assisted: false,
            millis: 0,
        }));
        if needs_volunteer {
            effects.push(Effect::NeedsVolunteer {
                learner,
                lesson: lesson_id,
                step: step_id,
            });
        }
    }
    effects
}

fn next_step(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &model.screen else {
        return Vec::new();
    };
    let (lesson, step, results) = (run.lesson, run.step, run.results.clone());
    let count = model.lessons.get(lesson).map_or(0, |l| l.steps.len());
    if step + 1 < count {
        return model.open_step(lesson, step + 1, results);
    }
    // The end of the lesson.
    let l = &model.lessons[lesson];
    let practice: Vec<usize> = (0..l.steps.len())
        .filter(|i| l.steps[*i].is_practice())
        .collect();
    let first_try = practice
        .iter()
        .filter(|i| results.get(i) == Some(&true))
        .count();
    let to_practise: Vec<usize> = practice
        .iter()
        .copied()
        .filter(|i| results.get(i) != Some(&true))
        .collect();
    let mut effects = vec![Effect::StopNarration];
    if let Some(learner) = &model.learner {
        let all_first_try = to_practise.is_empty();
        effects.push(Effect::LessonEnded {
            learner: learner.code.clone(),
            lesson: l.id.clone(),
            all_first_try,
        });
        let status = if all_first_try {
            LessonStatus::Mastered
        } else {
            LessonStatus::InProgress
        };
        model.statuses.insert(l.id.clone(), status);
    }
    model.screen = Screen::Summary(Summary {
        lesson,
        first_try,
        to_practise,
    });
    effects
}

fn back(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    if run.state.show_picture {
        run.state.show_picture = false;
        return Vec::new();
    }
    let (lesson, step, results) = (run.lesson, run.step, run.results.clone());
    if step > 0 {
        return model.open_step(lesson, step - 1, results);
    }
    if model.preview.is_some() {
        return Vec::new();
    }
    model.screen = Screen::Menu { focus: lesson };
    vec![Effect::StopNarration]
}

fn reloaded(model: &mut Model, result: Result<Box<Lesson>, Vec<String>>) -> Vec<Effect> {
    let current = match &model.screen {
        Screen::Lesson(run) => model
            .lessons
            .first()
            .and_then(|l| l.steps.get(run.step))
            .map(|s| s.id.clone()),
        Screen::Broken { step, .. } => step.clone(),
        _ => None,
    };
    match result {
        Ok(lesson) => {
            let index = current
                .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
                .unwrap_or(0);
            model.lessons = vec![*lesson];
            model.open_step(0, index, HashMap::new())
        }
        Err(lines) => {
            model.screen = Screen::Broken {
                lines,
                step: current,
            };
            vec![Effect::StopNarration]
        }
    }
}

#[cfg(test)]
mod tests;
