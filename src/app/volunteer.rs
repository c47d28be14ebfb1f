//! What volunteers do at the kiosk: the PIN prompt, the volunteer panel, guided
//! sessions, and the idle timeout that hands a kiosk left alone back to the welcome
//! screen. Pure like the rest of `update`: the store and the PIN hash are reached through
//! effects.

use super::nav::{choose_among, sign_out};
use super::{Effect, Key, KeypadKey, Model, Msg, RunKind, Screen, Target};
use crate::audio::slots::Coverage;
use crate::i18n::Lang;
use crate::kiosk::{Idle, PIN_DIGITS, PinOutcome, PinProblem, check_pin};
use crate::lesson::Lesson;
use crate::mastery::{FirstTry, step_mastered};
use crate::store::{Figures, HelpCall, Learner, LearnerRow, LessonStatus, Note, Progress};

/// Why the PIN prompt is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinPurpose {
    /// To open the volunteer panel.
    Open,
    /// A kiosk's first start in lock-down: the volunteer chooses a PIN, typing it twice.
    Choose { first: Option<String> },
}

/// What the PIN prompt says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PinMessage {
    Wrong {
        left: u32,
    },
    /// Locked until this time (seconds since the epoch).
    Locked {
        until: i64,
    },
    Problem(PinProblem),
    /// Being checked (hashing takes a moment).
    Checking,
}

/// The volunteer panel: which page, and which item is focused.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub view: PanelView,
    pub focus: usize,
    /// What the texts a learner hears are read by, once the runtime has counted.
    pub coverage: Option<Coverage>,
}

/// A learner as the panel shows them: their row, their past, and volunteers' notes.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnerDetail {
    pub learner: LearnerRow,
    pub progress: Progress,
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PanelView {
    Home,
    /// Learners found by name or code.
    Learners {
        query: String,
        rows: Vec<LearnerRow>,
    },
    Learner(Box<LearnerDetail>),
    /// One lesson of a learner: guide it, or start it afresh.
    Lesson {
        detail: Box<LearnerDetail>,
        lesson: usize,
    },
    /// "Are you sure?" before something that cannot be undone.
    Confirm {
        danger: Danger,
        back: Box<PanelView>,
    },
    /// Learners waiting for a volunteer.
    Help(Vec<HelpCall>),
    /// Today's figures (`None` while they are read; `Err` if they cannot be).
    Figures(Option<Result<Figures, String>>),
    /// Problems found at start-up.
    Problems,
}

/// Something the panel asks to confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Danger {
    ResetLesson {
        learner: String,
        name: String,
        lesson: String,
    },
    ResetLearner {
        learner: String,
        name: String,
    },
    Forget {
        learner: String,
        name: String,
    },
    Quit,
}

/// One choosable line of a panel page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelItem {
    Learners,
    HelpCalls(usize),
    Figures,
    Problems(usize),
    Language,
    Narration(bool),
    /// The recording studio, where a volunteer reads the texts in a person's voice.
    Record,
    Lock,
    Quit,
    /// A learner of the list, by position.
    Learner(usize),
    /// A lesson of the learner, by index into the lessons.
    Lesson(usize),
    ResetLearner,
    Forget,
    Guide,
    ResetLesson,
    /// A learner waiting for help, by position: choosing it says help was given.
    HelpGiven(usize),
    Yes,
    No,
}

/// What the panel reads from the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PanelQuery {
    Learners(String),
    Learner(String),
    HelpCalls,
    /// The figures of today, in Vietnam's time.
    Today,
    /// How the texts a learner hears are narrated: a person, a draft, stale, missing.
    Narration,
}

/// What the store answered.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelData {
    Learners(Vec<LearnerRow>),
    Learner(Option<Box<LearnerDetail>>),
    HelpCalls(Vec<HelpCall>),
    Figures(Result<Figures, String>),
    Narration(Coverage),
    /// A reset or an erasure is done.
    Changed,
}

/// A guided session: a volunteer beside the learner, answers recorded as assisted.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guided {
    /// Times the volunteer marked that help was given.
    pub helped: u32,
}

/// The volunteer's buttons during a guided session, each with its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuidedKey {
    /// F5: the step before.
    Previous,
    /// F6: the next step, without answering.
    Next,
    /// F7: show the answer.
    Reveal,
    /// F8: help was given.
    Helped,
    /// F9: end the session.
    End,
}

impl GuidedKey {
    /// Whether it takes the learner to another step or ends the session (rather than
    /// acting on the step on screen).
    pub fn moves(self) -> bool {
        matches!(self, GuidedKey::Previous | GuidedKey::Next | GuidedKey::End)
    }

    pub const ALL: [GuidedKey; 5] = [
        GuidedKey::Previous,
        GuidedKey::Next,
        GuidedKey::Reveal,
        GuidedKey::Helped,
        GuidedKey::End,
    ];

    pub fn from_key(key: Key) -> Option<GuidedKey> {
        match key {
            Key::F(5) => Some(GuidedKey::Previous),
            Key::F(6) => Some(GuidedKey::Next),
            Key::F(7) => Some(GuidedKey::Reveal),
            Key::F(8) => Some(GuidedKey::Helped),
            Key::F(9) => Some(GuidedKey::End),
            _ => None,
        }
    }
}

/// How many learners a search shows.
pub const SEARCH_LIMIT: usize = 50;

/// The items of the panel page on screen.
pub fn items(model: &Model) -> Vec<PanelItem> {
    let Screen::Panel(panel) = &model.screen else {
        return Vec::new();
    };
    match &panel.view {
        PanelView::Home => {
            vec![
                PanelItem::Learners,
                PanelItem::HelpCalls(model.help_calls),
                PanelItem::Figures,
                PanelItem::Problems(problem_count(model)),
                PanelItem::Language,
                PanelItem::Narration(model.settings.voice),
                PanelItem::Record,
                PanelItem::Lock,
                PanelItem::Quit,
            ]
        }
        PanelView::Learners { rows, .. } => (0..rows.len()).map(PanelItem::Learner).collect(),
        PanelView::Learner(detail) => {
            let mut items: Vec<PanelItem> = learner_lessons(model, &detail.progress)
                .into_iter()
                .map(PanelItem::Lesson)
                .collect();
            items.push(PanelItem::ResetLearner);
            items.push(PanelItem::Forget);
            items
        }
        PanelView::Lesson { .. } => vec![PanelItem::Guide, PanelItem::ResetLesson],
        PanelView::Confirm { .. } => vec![PanelItem::No, PanelItem::Yes],
        PanelView::Help(calls) => (0..calls.len()).map(PanelItem::HelpGiven).collect(),
        PanelView::Figures(_) | PanelView::Problems => Vec::new(),
    }
}

/// Problems a volunteer should see: those of start-up and the notices since.
pub fn problem_count(model: &Model) -> usize {
    model.problems.len() + model.notices.len()
}

/// Ctrl+Alt+V or the welcome screen's button: the PIN prompt, or (with no PIN set, outside
/// lock-down) the panel itself.
pub fn open(model: &mut Model) -> Vec<Effect> {
    if model.preview.is_some()
        || matches!(
            model.screen,
            Screen::Panel(_) | Screen::Pin { .. } | Screen::GuidedEnd { .. }
        )
    {
        return Vec::new();
    }
    model.help_open = false;
    model.covered = Some(Box::new(std::mem::replace(
        &mut model.screen,
        Screen::Welcome,
    )));
    if model.pin_set || model.settings.locked_down {
        model.screen = Screen::Pin {
            purpose: PinPurpose::Open,
            pin: String::new(),
            message: model
                .pin_gate
                .locked(model.clock)
                .map(|until| PinMessage::Locked { until }),
        };
        Vec::new()
    } else {
        home(model)
    }
}

/// The panel's first page.
fn home(model: &mut Model) -> Vec<Effect> {
    model.screen = Screen::Panel(Panel {
        view: PanelView::Home,
        focus: 0,
        coverage: None,
    });
    vec![
        Effect::StopNarration,
        Effect::Load(PanelQuery::HelpCalls),
        Effect::Load(PanelQuery::Narration),
    ]
}

impl Model {
    /// Back in the panel from the recording studio: its count of who reads each text is
    /// read again (the studio has just recorded some).
    pub fn panel_reopened(&self) -> Vec<Effect> {
        if matches!(self.screen, Screen::Panel(_)) {
            vec![Effect::Load(PanelQuery::Narration)]
        } else {
            Vec::new()
        }
    }
}

/// Leaves the panel for the screen it covered.
fn close(model: &mut Model) -> Vec<Effect> {
    model.screen = model.covered.take().map(|s| *s).unwrap_or(Screen::Welcome);
    Vec::new()
}

/// What the keys typed into a volunteer's field (a search, a note) read as: with the
/// kiosk in Vietnamese, Telex and VNI at once (cage has no input method, and volunteers
/// type as their phones taught them); else as typed. NFC either way.
pub fn typed(lang: Lang, keys: &str) -> String {
    if lang == Lang::Vi {
        crate::typing::vietnamese(keys)
    } else {
        crate::lesson::nfc(keys)
    }
}

/// The longest search, in letters as they read.
const SEARCH_LETTERS: usize = 30;
/// The longest note, in letters as they read.
const NOTE_LETTERS: usize = 200;

/// Adds `c` to the keys of a field unless the text would read longer than `letters`.
fn type_into(keys: &mut String, c: char, lang: Lang, letters: usize) -> bool {
    // Telex takes more keys than letters; a bound on keys too, so nothing grows unbounded.
    if !crate::typing::typeable(c) || keys.chars().count() >= 3 * letters {
        return false;
    }
    keys.push(c);
    if typed(lang, keys).chars().count() > letters {
        keys.pop();
        return false;
    }
    true
}

/// A key on the PIN prompt, the panel, or the end of a guided session.
pub fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    let lang = model.lang;
    match &mut model.screen {
        Screen::Pin { .. } => match key {
            Key::Char(c) if c.is_ascii_digit() => {
                pin_keypad(model, KeypadKey::Digit(c as u8 - b'0'))
            }
            Key::Backspace => pin_keypad(model, KeypadKey::Delete),
            Key::Enter => pin_keypad(model, KeypadKey::Ok),
            Key::Esc => match model.screen {
                // A kiosk's first start: there is nothing to go back to without a PIN.
                Screen::Pin {
                    purpose: PinPurpose::Choose { .. },
                    ..
                } => Vec::new(),
                _ => close(model),
            },
            _ => Vec::new(),
        },
        Screen::Panel(panel) => {
            if let PanelView::Learners { query, .. } = &mut panel.view {
                match key {
                    Key::Char(c) if type_into(query, c, lang, SEARCH_LETTERS) => {
                        panel.focus = 0;
                        return vec![Effect::Load(PanelQuery::Learners(typed(lang, query)))];
                    }
                    // A letter as it reads ("Hạnh" → "Hạn"), not the key that marked it.
                    Key::Backspace if !query.is_empty() => {
                        crate::typing::delete_letter(query, |k| typed(lang, k));
                        panel.focus = 0;
                        return vec![Effect::Load(PanelQuery::Learners(typed(lang, query)))];
                    }
                    _ => {}
                }
            }
            if matches!(key, Key::Esc | Key::Backspace) {
                return back(model);
            }
            let count = items(model).len();
            let Screen::Panel(panel) = &mut model.screen else {
                return Vec::new();
            };
            if count == 0 {
                return Vec::new();
            }
            // Number keys choose on short pages; the search page takes them as text.
            match choose_among(&mut panel.focus, count, key) {
                Some(i) => choose(model, i),
                None => Vec::new(),
            }
        }
        Screen::GuidedEnd { note, .. } => match key {
            Key::Char(c) => {
                type_into(note, c, lang, NOTE_LETTERS);
                Vec::new()
            }
            Key::Backspace => {
                crate::typing::delete_letter(note, |k| typed(lang, k));
                Vec::new()
            }
            Key::Enter => finish_guided(model),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A click or touch on the PIN prompt, the panel, or the end of a guided session.
pub fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match (&mut model.screen, target) {
        (Screen::Pin { .. }, Target::Keypad(key)) => pin_keypad(model, key),
        (Screen::Panel(_), Target::Answer(i)) => choose(model, i),
        (Screen::Panel(_), Target::More { down }) => {
            let count = items(model).len();
            if let Screen::Panel(panel) = &mut model.screen {
                panel.focus = if down {
                    (panel.focus + 1).min(count.saturating_sub(1))
                } else {
                    panel.focus.saturating_sub(1)
                };
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// A key of the PIN prompt's keypad (typed or touched).
pub fn pin_keypad(model: &mut Model, key: KeypadKey) -> Vec<Effect> {
    let now = model.clock;
    let locked = model.pin_gate.locked(now);
    let Screen::Pin {
        purpose,
        pin,
        message,
    } = &mut model.screen
    else {
        return Vec::new();
    };
    if let Some(until) = locked.filter(|_| *purpose == PinPurpose::Open) {
        pin.clear();
        *message = Some(PinMessage::Locked { until });
        return Vec::new();
    }
    match key {
        KeypadKey::Digit(d) if pin.len() < *PIN_DIGITS.end() => {
            pin.push(char::from(b'0' + d));
            if matches!(
                message,
                Some(PinMessage::Wrong { .. } | PinMessage::Problem(_))
            ) {
                // Keep the message until they type again, then clear it.
                *message = None;
            }
            Vec::new()
        }
        KeypadKey::Delete => {
            pin.pop();
            Vec::new()
        }
        KeypadKey::Ok => {
            if let Err(problem) = check_pin(pin) {
                *message = Some(PinMessage::Problem(problem));
                pin.clear();
                return Vec::new();
            }
            let typed = std::mem::take(pin);
            match purpose {
                PinPurpose::Open => {
                    *message = Some(PinMessage::Checking);
                    vec![Effect::CheckPin(typed)]
                }
                PinPurpose::Choose { first: None } => {
                    *purpose = PinPurpose::Choose { first: Some(typed) };
                    *message = None;
                    Vec::new()
                }
                PinPurpose::Choose { first: Some(first) } => {
                    if *first == typed {
                        *message = Some(PinMessage::Checking);
                        vec![Effect::SavePin(typed)]
                    } else {
                        *purpose = PinPurpose::Choose { first: None };
                        *message = Some(PinMessage::Problem(PinProblem::Mismatch));
                        Vec::new()
                    }
                }
            }
        }
        _ => Vec::new(),
    }
}

/// The runtime checked the PIN.
pub fn pin_checked(model: &mut Model, right: bool, now: i64) -> Vec<Effect> {
    model.clock = now;
    if !matches!(model.screen, Screen::Pin { .. }) {
        return Vec::new();
    }
    match model.pin_gate.record(right, now) {
        PinOutcome::Open => home(model),
        PinOutcome::Wrong { left } => {
            set_pin_message(model, PinMessage::Wrong { left });
            Vec::new()
        }
        PinOutcome::Locked { until } => {
            set_pin_message(model, PinMessage::Locked { until });
            Vec::new()
        }
    }
}

fn set_pin_message(model: &mut Model, new: PinMessage) {
    if let Screen::Pin { message, pin, .. } = &mut model.screen {
        pin.clear();
        *message = Some(new);
    }
}

/// The first-start PIN is kept: the kiosk opens.
pub fn pin_saved(model: &mut Model) -> Vec<Effect> {
    model.pin_set = true;
    if matches!(model.screen, Screen::Pin { .. }) {
        model.screen = Screen::Welcome;
    }
    Vec::new()
}

/// Esc on the panel: one page back; from the first page, out of the panel.
fn back(model: &mut Model) -> Vec<Effect> {
    let Screen::Panel(panel) = &mut model.screen else {
        return Vec::new();
    };
    let (view, focus) = match std::mem::replace(&mut panel.view, PanelView::Home) {
        PanelView::Home => return close(model),
        PanelView::Learner(detail) => {
            let query = String::new();
            let effects = vec![Effect::Load(PanelQuery::Learners(query.clone()))];
            panel.view = PanelView::Learners {
                query,
                rows: vec![detail.learner.clone()],
            };
            panel.focus = 0;
            return effects;
        }
        // Back on the learner's page, the lesson just left is the one lit (by its place
        // in the page's order, which is not the lessons' own).
        PanelView::Lesson { detail, lesson } => {
            let at = learner_lessons(model, &detail.progress)
                .iter()
                .position(|&i| i == lesson)
                .unwrap_or(0);
            (PanelView::Learner(detail), at)
        }
        PanelView::Confirm { back, .. } => (*back, 0),
        _ => (PanelView::Home, 0),
    };
    let Screen::Panel(panel) = &mut model.screen else {
        return Vec::new();
    };
    panel.view = view;
    panel.focus = focus;
    Vec::new()
}

/// Choosing item `i` of the panel page.
pub fn choose(model: &mut Model, i: usize) -> Vec<Effect> {
    let Some(item) = items(model).get(i).copied() else {
        return Vec::new();
    };
    let Screen::Panel(panel) = &mut model.screen else {
        return Vec::new();
    };
    let view = |panel: &mut Panel, view: PanelView| {
        panel.view = view;
        panel.focus = 0;
    };
    match item {
        PanelItem::Learners => {
            view(
                panel,
                PanelView::Learners {
                    query: String::new(),
                    rows: Vec::new(),
                },
            );
            vec![Effect::Load(PanelQuery::Learners(String::new()))]
        }
        PanelItem::HelpCalls(_) => {
            view(panel, PanelView::Help(Vec::new()));
            vec![Effect::Load(PanelQuery::HelpCalls)]
        }
        PanelItem::Figures => {
            view(panel, PanelView::Figures(None));
            vec![Effect::Load(PanelQuery::Today)]
        }
        PanelItem::Problems(_) => {
            view(panel, PanelView::Problems);
            Vec::new()
        }
        PanelItem::Language => {
            model.lang = model.lang.next();
            Vec::new()
        }
        PanelItem::Narration(_) => {
            model.settings.voice = !model.settings.voice;
            Vec::new()
        }
        PanelItem::Record => vec![Effect::StopNarration, Effect::OpenStudio],
        PanelItem::Lock => lock(model),
        PanelItem::Quit => {
            let back = Box::new(std::mem::replace(&mut panel.view, PanelView::Home));
            view(
                panel,
                PanelView::Confirm {
                    danger: Danger::Quit,
                    back,
                },
            );
            Vec::new()
        }
        PanelItem::Learner(n) => match &panel.view {
            PanelView::Learners { rows, .. } => rows
                .get(n)
                .map(|r| vec![Effect::Load(PanelQuery::Learner(r.code.clone()))])
                .unwrap_or_default(),
            _ => Vec::new(),
        },
        PanelItem::Lesson(lesson) => {
            if let PanelView::Learner(detail) = &panel.view {
                let detail = detail.clone();
                view(panel, PanelView::Lesson { detail, lesson });
            }
            Vec::new()
        }
        PanelItem::ResetLearner | PanelItem::Forget | PanelItem::ResetLesson => {
            let (row, lesson) = match &panel.view {
                PanelView::Learner(d) => (&d.learner, None),
                PanelView::Lesson { detail, lesson } => (&detail.learner, Some(*lesson)),
                _ => return Vec::new(),
            };
            let (learner, name) = (row.code.clone(), row.name.clone());
            let danger = match (item, lesson) {
                (PanelItem::ResetLearner, _) => Danger::ResetLearner { learner, name },
                (PanelItem::Forget, _) => Danger::Forget { learner, name },
                (_, Some(l)) => Danger::ResetLesson {
                    learner,
                    name,
                    lesson: model
                        .lessons
                        .get(l)
                        .map(|l| l.id.clone())
                        .unwrap_or_default(),
                },
                _ => return Vec::new(),
            };
            let back = Box::new(std::mem::replace(&mut panel.view, PanelView::Home));
            view(panel, PanelView::Confirm { danger, back });
            Vec::new()
        }
        PanelItem::Guide => match &panel.view {
            PanelView::Lesson { detail, lesson } => match model.lessons.get(*lesson) {
                Some(l) => vec![Effect::StartGuided {
                    learner: detail.learner.code.clone(),
                    lesson: l.id.clone(),
                }],
                None => Vec::new(),
            },
            _ => Vec::new(),
        },
        PanelItem::HelpGiven(n) => match &panel.view {
            PanelView::Help(calls) => calls
                .get(n)
                .map(|c| {
                    vec![
                        Effect::HelpGiven {
                            learner: c.learner.clone(),
                        },
                        Effect::Load(PanelQuery::HelpCalls),
                    ]
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        },
        PanelItem::No => back(model),
        PanelItem::Yes => {
            let PanelView::Confirm { danger, .. } = &panel.view else {
                return Vec::new();
            };
            match danger.clone() {
                Danger::Quit => vec![Effect::StopNarration, Effect::SignedOut, Effect::Quit],
                Danger::ResetLesson {
                    learner, lesson, ..
                } => {
                    let code = learner.clone();
                    forget_progress(model, &code, Some(&lesson));
                    vec![
                        Effect::Reset {
                            learner,
                            lesson: Some(lesson),
                        },
                        Effect::Load(PanelQuery::Learner(code)),
                    ]
                }
                Danger::ResetLearner { learner, .. } => {
                    let code = learner.clone();
                    forget_progress(model, &code, None);
                    vec![
                        Effect::Reset {
                            learner,
                            lesson: None,
                        },
                        Effect::Load(PanelQuery::Learner(code)),
                    ]
                }
                Danger::Forget { learner, .. } => {
                    view(
                        panel,
                        PanelView::Learners {
                            query: String::new(),
                            rows: Vec::new(),
                        },
                    );
                    // The learner on screen behind the panel is gone too.
                    let mut effects = Vec::new();
                    if model.learner.as_ref().is_some_and(|l| l.code == learner) {
                        model.covered = None;
                        model.learner = None;
                        model.progress = Progress::default();
                        effects.push(Effect::SignedOut);
                    }
                    effects.extend([
                        Effect::Forget { learner },
                        Effect::Load(PanelQuery::Learners(String::new())),
                    ]);
                    effects
                }
            }
        }
    }
}

/// When the learner behind the panel is the one being reset, their progress in memory
/// starts afresh too, as the store's does.
fn forget_progress(model: &mut Model, learner: &str, lesson: Option<&str>) {
    if model.learner.as_ref().is_none_or(|l| l.code != learner) {
        return;
    }
    let hit = |l: &str| lesson.is_none_or(|x| x == l);
    let p = &mut model.progress;
    p.history.retain(|(l, _), _| !hit(l));
    p.lessons.retain(|l, _| !hit(l));
    p.started.retain(|l| !hit(l));
    if p.place.as_ref().is_some_and(|place| hit(&place.lesson)) {
        p.place = None;
    }
}

/// Locks the kiosk: the panel closes, any learner is signed out, the welcome screen shows.
fn lock(model: &mut Model) -> Vec<Effect> {
    model.covered = None;
    model.guided = None;
    model.lang = model.settings.language;
    let mut effects = sign_out(model);
    effects.push(Effect::StopNarration);
    effects
}

/// The store's answer to the panel.
pub fn data(model: &mut Model, data: PanelData) -> Vec<Effect> {
    let Screen::Panel(panel) = &mut model.screen else {
        return Vec::new();
    };
    match (data, &mut panel.view) {
        (PanelData::Learners(found), PanelView::Learners { rows, .. }) => {
            *rows = found;
            panel.focus = panel.focus.min(rows.len().saturating_sub(1));
        }
        (PanelData::Learner(Some(detail)), view) => {
            // After a reset, the page stays where it was, with fresh figures.
            let focus = match view {
                PanelView::Confirm { back, .. } => match back.as_ref() {
                    PanelView::Lesson { lesson, .. } => {
                        *view = PanelView::Lesson {
                            detail: detail.clone(),
                            lesson: *lesson,
                        };
                        0
                    }
                    _ => {
                        *view = PanelView::Learner(detail.clone());
                        0
                    }
                },
                _ => {
                    *view = PanelView::Learner(detail.clone());
                    0
                }
            };
            panel.focus = focus;
        }
        (PanelData::Learner(None), _) => {
            panel.view = PanelView::Learners {
                query: String::new(),
                rows: Vec::new(),
            };
            panel.focus = 0;
        }
        (PanelData::HelpCalls(calls), view) => {
            model.help_calls = calls.len();
            if let PanelView::Help(rows) = view {
                *rows = calls;
                panel.focus = panel.focus.min(rows.len().saturating_sub(1));
            }
        }
        (PanelData::Figures(f), PanelView::Figures(slot)) => *slot = Some(f),
        (PanelData::Narration(counts), _) => panel.coverage = Some(counts),
        _ => {}
    }
    Vec::new()
}

/// The clock ticked: "still there?" after the idle timeout, then back to the welcome
/// screen with nothing of the last learner left on it.
pub fn tick(model: &mut Model, now: i64, idle: u64) -> Vec<Effect> {
    model.clock = now;
    // The PIN lock runs out on its own.
    if let Screen::Pin {
        purpose: PinPurpose::Open,
        message,
        ..
    } = &mut model.screen
        && matches!(message, Some(PinMessage::Locked { until }) if now >= *until)
    {
        *message = None;
    }
    let at_rest = matches!(model.screen, Screen::Welcome | Screen::Broken { .. })
        || matches!(
            model.screen,
            Screen::Pin {
                purpose: PinPurpose::Choose { .. },
                ..
            }
        )
        || model.preview.is_some();
    if at_rest && model.learner.is_none() {
        model.idle_left = None;
        return Vec::new();
    }
    match model.settings.idle.at(idle) {
        Idle::Active => {
            model.idle_left = None;
            Vec::new()
        }
        Idle::Warn { left } => {
            model.idle_left = Some(left);
            Vec::new()
        }
        Idle::End => {
            tracing::info!(idle, "idle timeout: the session ends");
            model.idle_left = None;
            model.help_open = false;
            model.sound = crate::store::Sound::default();
            lock(model)
        }
    }
}

/// A volunteer's key or button in a guided session.
pub fn guided_key(model: &mut Model, key: GuidedKey) -> Vec<Effect> {
    if model.guided.is_none() {
        return Vec::new();
    }
    match key {
        GuidedKey::Helped => {
            if let Some(g) = &mut model.guided {
                g.helped += 1;
            }
            model
                .learner
                .as_ref()
                .map(|l| {
                    vec![Effect::HelpGiven {
                        learner: l.code.clone(),
                    }]
                })
                .unwrap_or_default()
        }
        GuidedKey::End => end_guided(model),
        GuidedKey::Previous | GuidedKey::Next | GuidedKey::Reveal => {
            let paged = model.told_on_a_page();
            let Screen::Lesson(run) = &mut model.screen else {
                return Vec::new();
            };
            match key {
                GuidedKey::Previous if run.pos > 0 => {
                    let pos = run.pos - 1;
                    model.show(pos)
                }
                GuidedKey::Next if run.pos + 1 < run.plan.len() => {
                    let pos = run.pos + 1;
                    model.show(pos)
                }
                GuidedKey::Reveal => {
                    run.state.hint = true;
                    run.state.highlight = true;
                    // On a short screen the hint is on the page of what she was told.
                    run.state.told_page |= paged && run.state.feedback.is_some();
                    Vec::new()
                }
                _ => Vec::new(),
            }
        }
    }
}

/// The guided session ends: what to practise at home, and a note for the next volunteer.
pub fn end_guided(model: &mut Model) -> Vec<Effect> {
    let lesson = match &model.screen {
        Screen::Lesson(run) => run.lesson,
        Screen::Summary { summary, .. } => summary.lesson,
        _ => return Vec::new(),
    };
    model.help_open = false;
    model.screen = Screen::GuidedEnd {
        lesson,
        note: String::new(),
    };
    vec![Effect::StopNarration]
}

/// The practice steps of `lesson` the learner has not mastered: what to practise at home.
pub fn to_practise_at_home(model: &Model, lesson: usize) -> Vec<usize> {
    model
        .lessons
        .get(lesson)
        .map(|l| model.not_mastered(l))
        .unwrap_or_default()
}

/// Enter on the end of a guided session: the note is kept, the learner signed out, and
/// the volunteer is back on the panel.
fn finish_guided(model: &mut Model) -> Vec<Effect> {
    let Screen::GuidedEnd { note, .. } = &model.screen else {
        return Vec::new();
    };
    let note = typed(model.lang, note).trim().to_owned();
    let mut effects = Vec::new();
    if let Some(learner) = &model.learner
        && !note.is_empty()
    {
        effects.push(Effect::AddNote {
            learner: learner.code.clone(),
            text: note,
        });
    }
    model.guided = None;
    effects.extend(sign_out(model));
    effects.extend(home(model));
    effects
}

/// A guided session begins: the learner is signed in and the lesson opens at its start.
pub fn guided_started(
    model: &mut Model,
    learner: Learner,
    progress: Progress,
    lesson: &str,
    now: i64,
) -> Vec<Effect> {
    let Some(index) = model.lessons.iter().position(|l| l.id == lesson) else {
        return Vec::new();
    };
    model.sound = learner.sound;
    model.learner = Some(learner);
    model.progress = progress;
    model.now = now;
    model.covered = None;
    model.guided = Some(Guided::default());
    let lesson = &model.lessons[index];
    let plan = (0..lesson.steps.len()).collect();
    let start = guided_start(lesson, &model.progress).step;
    model.open_run(index, RunKind::Full, plan, start)
}

/// Why a guided session opens at its step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartWhy {
    /// The step the learner was on when she stopped (or called for help).
    LeftOff,
    /// The practice step she has missed most (wrong first tries and hints), not yet
    /// mastered.
    Stuck,
    /// The first practice step she has not yet mastered, in a lesson she has begun.
    NotYetMastered,
    /// A lesson not yet begun, or already mastered: its first step.
    Beginning,
}

/// Where a guided session of a lesson opens, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GuidedStart {
    /// The step, by index into the lesson's steps.
    pub step: usize,
    pub why: StartWhy,
}

/// Where a volunteer's guided session of `lesson` opens, from what the store knows of the
/// learner (`progress`): where she left off in it, else the step she is stuck on (the most
/// first tries missed or hinted among the steps she has not mastered; the earlier step on
/// a tie), else the first step she has not mastered, else (not begun, or mastered) the
/// first step. The volunteer moves from there with ◀ and ▶.
pub fn guided_start(lesson: &Lesson, progress: &Progress) -> GuidedStart {
    let index_of = |id: &str| lesson.steps.iter().position(|s| s.id == id);
    if let Some(place) = progress.place.as_ref().filter(|p| p.lesson == lesson.id) {
        // The step itself, or (if an edit removed it) the next one of her run that exists.
        let at = place
            .plan
            .iter()
            .position(|id| *id == place.step)
            .unwrap_or(0);
        let found = index_of(&place.step).or_else(|| {
            place
                .plan
                .iter()
                .skip(at)
                .find_map(|id| index_of(id.as_str()))
        });
        if let Some(step) = found {
            return GuidedStart {
                step,
                why: StartWhy::LeftOff,
            };
        }
    }
    let open: Vec<(usize, &[FirstTry])> = (0..lesson.steps.len())
        .filter(|&i| lesson.steps[i].is_practice())
        .map(|i| (i, progress.first_tries(&lesson.id, &lesson.steps[i].id)))
        .filter(|(_, tries)| !step_mastered(lesson.mastery, tries))
        .collect();
    let misses = |tries: &[FirstTry]| tries.iter().filter(|t| !t.right || t.hint_used).count();
    // The most misses; on a tie, the earlier step (max_by_key keeps the last maximum).
    let stuck = open
        .iter()
        .rev()
        .map(|(i, tries)| (*i, misses(tries)))
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n);
    if let Some((step, _)) = stuck {
        return GuidedStart {
            step,
            why: StartWhy::Stuck,
        };
    }
    let begun = progress.started.contains(&lesson.id)
        || lesson
            .steps
            .iter()
            .any(|s| !progress.first_tries(&lesson.id, &s.id).is_empty());
    match open.first() {
        Some((step, _)) if begun => GuidedStart {
            step: *step,
            why: StartWhy::NotYetMastered,
        },
        _ => GuidedStart {
            step: 0,
            why: StartWhy::Beginning,
        },
    }
}

/// The lessons of the learner's page in the panel: the one she is in now, then the others
/// she has begun, then those due for review, then the rest as the kiosk lists them. So the
/// lesson in progress is the first item, on screen whatever the screen's size.
pub fn learner_lessons(model: &Model, progress: &Progress) -> Vec<usize> {
    let now = model.clock;
    let current = progress.place.as_ref().map(|p| p.lesson.as_str());
    let rank = |i: &usize| {
        let lesson = &model.lessons[*i];
        if current == Some(lesson.id.as_str()) {
            return 0;
        }
        match progress.status(&lesson.id, now) {
            LessonStatus::InProgress => 1,
            LessonStatus::ReviewDue => 2,
            LessonStatus::New | LessonStatus::Mastered => 3,
        }
    };
    let mut order: Vec<usize> = (0..model.lessons.len()).collect();
    // Stable: each group keeps the kiosk's order.
    order.sort_by_key(rank);
    order
}

/// Whether `msg` only answers "still there?": any touch or key while it is asked.
pub fn still_here(model: &mut Model, msg: &Msg) -> bool {
    if model.idle_left.is_some() && matches!(msg, Msg::Key(_) | Msg::Click(_)) {
        model.idle_left = None;
        return true;
    }
    false
}
