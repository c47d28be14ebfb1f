//! The tutor as The Elm Architecture: one [`Model`], one [`Msg`] type, and [`update`], the
//! only place the model changes. `update` touches no terminal, disk, clock or sound card:
//! it returns [`Effect`]s for the runtime to carry out, so the whole journey is tested by
//! feeding it messages.

pub mod layout;
pub mod step;
pub mod volunteer;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::audio::Clip;
use crate::i18n::Lang;
use crate::kiosk::{IdlePolicy, PinGate};
use crate::lesson::{InputMethod, Lesson, Step, StepKind, Task};
use crate::mastery::step_mastered;
use crate::store::{
    AgeBand, Attempt, Learner, LessonEnd, LessonStatus, Place, Progress, RunKind, Sound,
};
pub use crate::typing::keyboard::{self, KeyboardKey, Layer as KeyboardLayer, Press};
pub use layout::{Size, StepLayout};
pub use step::{Feedback, Outcome, StepState, ViewScroll};
pub use volunteer::{
    Danger, Guided, GuidedKey, LearnerDetail, Panel, PanelData, PanelItem, PanelQuery, PanelView,
    PinMessage, PinPurpose,
};

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
    /// Ctrl+C or Ctrl+Q: leave the tutor (not in kiosk lock-down).
    Quit,
    /// Ctrl+Alt+V: the volunteer panel. Shown nowhere to learners.
    Volunteer,
}

/// Something the view drew that a click or touch can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The welcome screen itself: touching it starts.
    Start,
    SwitchLanguage,
    WhoNew,
    WhoReturning,
    /// One of the answers of a question screen (age band, resume, summary), by position.
    Answer(usize),
    Keypad(KeypadKey),
    /// A key of the pretend phone's letter keyboard (`type` steps of words).
    Keyboard(KeyboardKey),
    /// A row of the lesson menu, by position in the menu.
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
    /// The ▲/▼ button of a list longer than the screen: moves the focus (and with it the
    /// view) up or down.
    More {
        down: bool,
    },
    /// The ▲/▼ button of a step's view that has nothing to focus (its text, or the phone's
    /// screen when `picture`): moves that view.
    Scroll {
        down: bool,
        picture: bool,
    },
    /// The sound button: loud, quieter, off.
    Sound,
    /// The small "Tình nguyện viên" button of the welcome screen.
    Volunteer,
    /// "Still there?": anywhere on the question.
    StillHere,
    /// A button of the volunteer's bar in a guided session.
    Guided(GuidedKey),
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

/// Something a volunteer should know, shown on the welcome screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The database was damaged; it was moved to this file and a fresh one started.
    DatabaseMovedAside(String),
    /// Answers could not be saved yet (disk full, database busy); they are kept and
    /// tried again.
    SavingDelayed,
    /// No sound device: narration is silent.
    NoSound,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    Click(Target),
    Resize(Size),
    /// The store made a new learner; `now` is the time.
    LearnerCreated {
        learner: Learner,
        now: i64,
    },
    /// The store looked up a code.
    LearnerFound {
        code: String,
        found: Option<(Learner, Box<Progress>)>,
        now: i64,
    },
    /// `preview`: the lesson file changed; its lesson, or the checker's lines.
    LessonReloaded(Result<Box<Lesson>, Vec<String>>),
    /// Something for the volunteer, or (`None`) saving works again.
    Notice(Option<Notice>),
    /// Whether a sound device is there (the narrator found out).
    SoundAvailable(bool),
    /// The clock: `now`, and seconds since the last touch or key.
    Tick {
        now: i64,
        idle: u64,
    },
    /// The runtime checked a PIN typed at `now`.
    PinChecked {
        right: bool,
        now: i64,
    },
    /// The volunteer PIN chosen at first start is kept.
    PinSaved,
    /// What the volunteer panel asked the store for.
    Panel(PanelData),
    /// A guided session began: the learner, their past, and the lesson (by id).
    GuidedStarted {
        learner: Learner,
        progress: Box<Progress>,
        lesson: String,
        now: i64,
    },
}

/// Narration to play: a recording of a step (its text, hint or feedback), found by the
/// runtime from the lesson's own file or by convention, in the learner's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Narration {
    pub lesson: String,
    pub step: String,
    pub clip: Clip,
    pub locale: &'static str,
    /// The lesson's own file for the step's text, if it names one.
    pub file: Option<PathBuf>,
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    PlayNarration(Narration),
    StopNarration,
    /// Read this recording ahead: it is likely next.
    PreloadNarration(Narration),
    /// Narration's loudness, 0 (off) to 100.
    SetVolume(u8),
    /// The learner's sound setting, kept for their next visit.
    SaveSound {
        learner: String,
        sound: Sound,
    },
    CreateLearner {
        name: String,
        age_band: Option<AgeBand>,
    },
    FindLearner {
        code: String,
    },
    /// The learner left (their session ends).
    SignedOut,
    /// A step opened: the runtime times the answer from here.
    StepOpened {
        lesson: String,
        step: String,
    },
    /// Where the learner is, to resume there (`None`: not in a lesson).
    SavePlace {
        learner: String,
        place: Option<Place>,
    },
    /// Write this answer before the screen moves on (millis filled in by the runtime).
    SaveAttempt(Attempt),
    NeedsVolunteer {
        learner: String,
        lesson: String,
        step: String,
    },
    /// A run ended: the lesson's schedule moves (`intervals`: its review days).
    LessonEnded {
        learner: String,
        lesson: String,
        end: LessonEnd,
        intervals: Vec<u32>,
    },
    /// Check a PIN typed into the prompt against the stored hash.
    CheckPin(String),
    /// Keep this PIN (hashed) as the volunteer PIN.
    SavePin(String),
    /// Read something for the volunteer panel.
    Load(PanelQuery),
    /// Start `lesson` (or every lesson) afresh for `learner`.
    Reset {
        learner: String,
        lesson: Option<String>,
    },
    /// Erase a learner for good.
    Forget {
        learner: String,
    },
    /// A volunteer helped `learner`.
    HelpGiven {
        learner: String,
    },
    AddNote {
        learner: String,
        text: String,
    },
    /// Sign `learner` in for a guided session of `lesson`.
    StartGuided {
        learner: String,
        lesson: String,
    },
    Quit,
}

/// Settings that shape the learning (the kiosk's configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// Misses on one step before the volunteer is asked for.
    pub help_after_misses: u32,
    /// A sound device is there: narration can be played.
    pub narration: bool,
    /// The kiosk reads steps aloud (the configuration, or the volunteer's switch).
    pub voice: bool,
    /// Lock-down: the quit keys do nothing; only the volunteer PIN leaves.
    pub locked_down: bool,
    pub idle: IdlePolicy,
    /// The language each session starts in.
    pub language: Lang,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            help_after_misses: 3,
            narration: false,
            voice: true,
            locked_down: false,
            idle: IdlePolicy::default(),
            language: Lang::Vi,
        }
    }
}

/// A run through one lesson: the steps it shows, and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonRun {
    /// Index into [`Model::lessons`].
    pub lesson: usize,
    pub kind: RunKind,
    /// Step indices, in the order shown.
    pub plan: Vec<usize>,
    /// Position in `plan`.
    pub pos: usize,
    pub state: StepState,
    /// Per step index: whether its first try in this run was right, unhelped.
    pub results: HashMap<usize, bool>,
}

impl LessonRun {
    /// The index of the step on screen.
    pub fn step(&self) -> usize {
        self.plan[self.pos]
    }
}

/// The end of a run through a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub lesson: usize,
    pub kind: RunKind,
    /// Steps right the first time in this run.
    pub first_try: usize,
    /// Practice steps not yet mastered, by index: what "Tập lại" practises.
    pub to_practise: Vec<usize>,
    pub end: LessonEnd,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Welcome,
    /// New or returning; focus on one of the two.
    Who {
        focus: usize,
    },
    /// A new learner types a name, on the kiosk's keyboard or the letter keyboard on
    /// screen: the keys as typed, turned into letters by Telex if `telex` (see
    /// [`typed_name`]; decided when the screen opens, by the interface's language).
    Name {
        name: String,
        telex: bool,
        keyboard: KeyboardLayer,
    },
    /// A new learner may give an age band (or not). `name`, `telex`: as typed.
    Age {
        name: String,
        telex: bool,
        focus: usize,
    },
    /// The new learner's code, to write down.
    CodeGiven,
    /// A returning learner types a code.
    Code {
        code: String,
        not_found: Option<String>,
    },
    /// A returning learner stopped in a lesson: carry on, or choose another.
    Resume {
        focus: usize,
    },
    Menu {
        focus: usize,
    },
    Lesson(LessonRun),
    Summary {
        summary: Summary,
        focus: usize,
    },
    /// `preview`: the edited file has errors.
    Broken {
        lines: Vec<String>,
        step: Option<String>,
    },
    /// The volunteer PIN: typed to open the panel, or chosen at a kiosk's first start.
    Pin {
        purpose: PinPurpose,
        pin: String,
        message: Option<PinMessage>,
    },
    Panel(Panel),
    /// The end of a guided session: what to practise at home, and a note for the next
    /// volunteer.
    GuidedEnd {
        lesson: usize,
        note: String,
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
    /// The learner's past, kept up to date as they answer.
    pub progress: Progress,
    /// The time when the learner signed in (seconds since the epoch): what is due.
    pub now: i64,
    pub size: Size,
    pub settings: Settings,
    /// `preview FILE`: the file shown, for the header.
    pub preview: Option<String>,
    pub notices: Vec<Notice>,
    /// Narration on or off, and how loud: the learner's, or the kiosk's before sign-in.
    pub sound: Sound,
    /// The latest time the runtime told (seconds since the epoch).
    pub clock: i64,
    /// "Still there?" is on screen: the session ends in this many seconds.
    pub idle_left: Option<u64>,
    /// A volunteer PIN is set.
    pub pin_set: bool,
    pub pin_gate: PinGate,
    /// A volunteer is guiding the learner on screen.
    pub guided: Option<Guided>,
    /// The screen the volunteer panel covers, to go back to.
    pub covered: Option<Box<Screen>>,
    /// Problems found at start-up (broken lessons, the configuration), for volunteers.
    pub problems: Vec<String>,
    /// Learners waiting for a volunteer, as last read.
    pub help_calls: usize,
}

/// The answers of the age-band question: the four bands, then "rather not say".
pub const AGE_ANSWERS: usize = AgeBand::ALL.len() + 1;

impl Model {
    pub fn new(lessons: Vec<Lesson>, lang: Lang, size: Size) -> Model {
        Model {
            lessons,
            lang,
            screen: Screen::Welcome,
            help_open: false,
            learner: None,
            progress: Progress::default(),
            now: 0,
            size,
            settings: Settings::default(),
            preview: None,
            notices: Vec::new(),
            sound: Sound::default(),
            clock: 0,
            idle_left: None,
            pin_set: false,
            pin_gate: PinGate::default(),
            guided: None,
            covered: None,
            problems: Vec::new(),
            help_calls: 0,
        }
    }

    /// A model for `hocso preview`: one lesson, open at `step` (an id), no learner.
    pub fn preview(
        lesson: Lesson,
        step: Option<&str>,
        file: String,
        size: Size,
        settings: Settings,
    ) -> (Model, Vec<Effect>) {
        let index = step
            .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
            .unwrap_or(0);
        let plan = (0..lesson.steps.len()).collect();
        let mut model = Model::new(vec![lesson], Lang::Vi, size);
        model.preview = Some(file);
        model.settings = settings;
        let effects = model.open_run(0, RunKind::Full, plan, index);
        (model, effects)
    }

    /// The lesson run on screen, if any.
    pub fn run(&self) -> Option<(&Lesson, &Step, &LessonRun)> {
        match &self.screen {
            Screen::Lesson(run) => {
                let lesson = self.lessons.get(run.lesson)?;
                Some((lesson, lesson.steps.get(*run.plan.get(run.pos)?)?, run))
            }
            _ => None,
        }
    }

    pub fn status(&self, lesson: &Lesson) -> LessonStatus {
        self.progress.status(&lesson.id, self.now)
    }

    /// The menu, as lesson indices: reviews due first; then the lessons by topic, in the
    /// curriculum's order of topics (others after, as they come), each topic's lessons in
    /// learning order.
    pub fn menu(&self) -> Vec<usize> {
        let due = |i: &usize| self.status(&self.lessons[*i]) == LessonStatus::ReviewDue;
        let (mut first, mut rest): (Vec<usize>, Vec<usize>) =
            (0..self.lessons.len()).partition(due);
        // Where each topic first appears, found once: a search per comparison made the
        // sort quadratic in lessons.
        let mut first_of: HashMap<&str, usize> = HashMap::new();
        for (i, lesson) in self.lessons.iter().enumerate() {
            first_of.entry(lesson.topic.as_str()).or_insert(i);
        }
        let rank = |i: &usize| {
            let topic = self.lessons[*i].topic.as_str();
            let first = first_of.get(topic).copied().unwrap_or(*i);
            match crate::lesson::TOPIC_ORDER.iter().position(|t| *t == topic) {
                Some(rank) => (rank, first),
                None => (crate::lesson::TOPIC_ORDER.len(), first),
            }
        };
        rest.sort_by_cached_key(rank);
        first.extend(rest);
        first
    }

    /// The lesson and step the learner stopped at, if they still exist.
    pub fn resumable(&self) -> Option<(usize, RunKind, Vec<usize>, usize)> {
        let place = self.progress.place.as_ref()?;
        let lesson = self.lessons.iter().position(|l| l.id == place.lesson)?;
        let steps = &self.lessons[lesson].steps;
        let index_of = |id: &String| steps.iter().position(|s| &s.id == id);
        let plan: Vec<usize> = place.plan.iter().filter_map(index_of).collect();
        // The step itself, or (if an edit removed it) the next one of the plan that exists.
        let at = place.plan.iter().position(|id| *id == place.step)?;
        let next = place.plan[at..].iter().find_map(index_of)?;
        let pos = plan.iter().position(|i| *i == next)?;
        Some((lesson, place.kind, plan, pos))
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
            Screen::Pin { .. } => Some(EnterMeaning::Check),
            Screen::Panel(_) if volunteer::items(self).is_empty() => None,
            Screen::Panel(_) => Some(EnterMeaning::Choose),
            Screen::Age { .. }
            | Screen::Resume { .. }
            | Screen::Who { .. }
            | Screen::Summary { .. } => Some(EnterMeaning::Choose),
            _ => Some(EnterMeaning::Continue),
        }
    }

    /// Whether typing goes into a text field (so Space and `?` are letters there).
    pub fn typing_text(&self) -> bool {
        match &self.screen {
            Screen::Name { .. } | Screen::GuidedEnd { .. } => true,
            Screen::Panel(panel) => matches!(panel.view, PanelView::Learners { .. }),
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
        // Nothing to go back to from the welcome screen; the code screen only goes on.
        if !matches!(
            self.screen,
            Screen::Welcome | Screen::CodeGiven | Screen::GuidedEnd { .. }
        ) {
            keys.push(BarKey::Back);
        }
        if matches!(self.screen, Screen::Lesson(_)) && self.narrating() {
            keys.push(BarKey::Replay);
        }
        keys.push(BarKey::Help);
        keys
    }

    /// Whether narration plays: a sound device, and sound on.
    pub fn narrating(&self) -> bool {
        self.settings.narration && self.settings.voice && self.sound.on
    }

    /// Narration of `clip` of the step on screen, when narration plays.
    fn narration_of(&self, clip: Clip) -> Option<Narration> {
        let (lesson, step, _) = self.run()?;
        self.narrating()
            .then(|| narration(lesson, step, clip, self.lang))
    }

    /// Starts a run through lesson `lesson` showing `plan`, at position `pos`.
    fn open_run(
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
            state: StepState::new(&self.lessons[lesson].steps[0], ""),
            results: HashMap::new(),
        });
        self.show(pos)
    }

    /// Shows position `pos` of the current run, fresh.
    fn show(&mut self, pos: usize) -> Vec<Effect> {
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
        run.state = StepState::new(step, &lesson.id);
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
        let now = narration(lesson, step, Clip::Step, self.lang);
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
        if self.narrating() {
            effects.push(Effect::PlayNarration(now));
            effects.extend(upcoming.map(Effect::PreloadNarration));
        }
        effects
    }

    /// Opens lesson `index` as its status calls for: a review when one is due, where the
    /// learner stopped if they stopped in it, else from the start.
    fn open_lesson(&mut self, index: usize) -> Vec<Effect> {
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

    /// The practice steps of `lesson` not mastered under its rule, by index.
    pub fn not_mastered(&self, lesson: &Lesson) -> Vec<usize> {
        practice_steps(lesson)
            .into_iter()
            .filter(|&i| {
                !step_mastered(
                    lesson.mastery,
                    self.progress.first_tries(&lesson.id, &lesson.steps[i].id),
                )
            })
            .collect()
    }
}

/// The practice steps of `lesson`, by index.
fn practice_steps(lesson: &Lesson) -> Vec<usize> {
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

fn narration(lesson: &Lesson, step: &Step, clip: Clip, lang: Lang) -> Narration {
    Narration {
        lesson: lesson.id.clone(),
        step: step.id.clone(),
        clip,
        locale: lang.code(),
        file: step.narration.clone(),
    }
}

/// The layout of `step` on a screen of `size` in `lang`.
pub fn step_layout_for(size: Size, step: &Step, lang: Lang) -> StepLayout {
    layout::step_layout(size, step, layout::longest_word(step.text.get(lang.code())))
}

/// The only place the model changes.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if volunteer::still_here(model, &msg) {
        return Vec::new();
    }
    match msg {
        Msg::Resize(size) => {
            model.size = size;
            let paged = model.step_layout() == Some(StepLayout::Paged);
            // The views open as they would at the new size; the picture's own page only
            // exists on small screens.
            if let Screen::Lesson(run) = &mut model.screen {
                let picture = paged && run.state.show_picture;
                run.state.show_page(picture);
            }
            Vec::new()
        }
        // In lock-down only the volunteer panel leaves (after the PIN).
        Msg::Key(Key::Quit) if model.settings.locked_down => Vec::new(),
        Msg::Key(Key::Quit) => vec![Effect::StopNarration, Effect::SignedOut, Effect::Quit],
        Msg::Key(Key::Volunteer) | Msg::Click(Target::Volunteer) => volunteer::open(model),
        Msg::Tick { now, idle } => volunteer::tick(model, now, idle),
        Msg::PinChecked { right, now } => volunteer::pin_checked(model, right, now),
        Msg::PinSaved => volunteer::pin_saved(model),
        Msg::Panel(data) => volunteer::data(model, data),
        Msg::GuidedStarted {
            learner,
            progress,
            lesson,
            now,
        } => volunteer::guided_started(model, learner, *progress, &lesson, now),
        Msg::Click(Target::Guided(key)) => volunteer::guided_key(model, key),
        Msg::Key(key)
            if model.guided.is_some()
                && matches!(model.screen, Screen::Lesson(_) | Screen::Summary { .. })
                && GuidedKey::from_key(key).is_some() =>
        {
            GuidedKey::from_key(key)
                .map(|k| volunteer::guided_key(model, k))
                .unwrap_or_default()
        }
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
        Msg::Key(Key::F(3)) | Msg::Click(Target::Sound) => cycle_sound(model),
        Msg::Click(Target::SwitchLanguage) => {
            model.lang = model.lang.next();
            Vec::new()
        }
        Msg::LearnerCreated { learner, now } => {
            model.sound = learner.sound;
            model.learner = Some(learner);
            model.progress = Progress::default();
            model.now = now;
            model.screen = Screen::CodeGiven;
            vec![Effect::SetVolume(volume(model.sound))]
        }
        Msg::SoundAvailable(available) => {
            model.settings.narration = available;
            if !available && !model.notices.contains(&Notice::NoSound) {
                model.notices.push(Notice::NoSound);
            }
            Vec::new()
        }
        Msg::LearnerFound { code, found, now } => {
            match found {
                Some((learner, progress)) => {
                    model.sound = learner.sound;
                    model.learner = Some(learner);
                    model.progress = *progress;
                    model.now = now;
                    model.screen = if model.resumable().is_some() {
                        Screen::Resume { focus: 0 }
                    } else {
                        Screen::Menu { focus: 0 }
                    };
                    return vec![Effect::SetVolume(volume(model.sound))];
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
        Msg::Notice(Some(notice)) => {
            if !model.notices.contains(&notice) {
                model.notices.push(notice);
            }
            Vec::new()
        }
        Msg::Notice(None) => {
            model.notices.retain(|n| *n != Notice::SavingDelayed);
            Vec::new()
        }
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
    model
        .narration_of(Clip::Step)
        .map(Effect::PlayNarration)
        .into_iter()
        .collect()
}

/// Narration's loudness for a setting: 0 when off.
fn volume(sound: Sound) -> u8 {
    if sound.on { sound.volume } else { 0 }
}

/// The sound button (or F3): loud, quieter, off, loud again; kept for the learner.
fn cycle_sound(model: &mut Model) -> Vec<Effect> {
    model.sound = model.sound.next();
    let mut effects = vec![Effect::SetVolume(volume(model.sound))];
    if !model.sound.on {
        effects.push(Effect::StopNarration);
    }
    if let Some(learner) = &model.learner {
        effects.push(Effect::SaveSound {
            learner: learner.code.clone(),
            sound: model.sound,
        });
    }
    effects
}

/// Moves a focus among `count` answers; digits choose directly. Returns the chosen answer.
fn choose_among(focus: &mut usize, count: usize, key: Key) -> Option<usize> {
    match key {
        Key::Up | Key::Left | Key::BackTab => *focus = (*focus + count - 1) % count,
        Key::Down | Key::Right | Key::Tab => *focus = (*focus + 1) % count,
        Key::Char(c @ '1'..='9') if usize::from(c as u8 - b'1') < count => {
            return Some(usize::from(c as u8 - b'1'));
        }
        Key::Enter => return Some(*focus),
        _ => {}
    }
    None
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
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Welcome;
                Vec::new()
            }
            _ => match choose_among(focus, 2, key) {
                Some(0) => click(model, Target::WhoNew),
                Some(_) => click(model, Target::WhoReturning),
                None => Vec::new(),
            },
        },
        Screen::Name { name, telex, .. } => match key {
            // Thirty letters as they read; the keys for them may be more (Telex).
            Key::Char(c) if !c.is_control() && name.chars().count() < 60 => {
                name.push(c);
                if typed_name(name, *telex).chars().count() > NAME_LETTERS {
                    name.pop();
                }
                Vec::new()
            }
            // In a field, Backspace only deletes; Esc goes back.
            Key::Backspace => {
                name.pop();
                Vec::new()
            }
            Key::Enter => {
                if !typed_name(name, *telex).trim().is_empty() {
                    model.screen = Screen::Age {
                        name: name.clone(),
                        telex: *telex,
                        focus: 0,
                    };
                }
                Vec::new()
            }
            Key::Esc => {
                model.screen = Screen::Who { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Age { name, telex, focus } => match key {
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Name {
                    name: name.clone(),
                    telex: *telex,
                    keyboard: KeyboardLayer::Letters,
                };
                Vec::new()
            }
            _ => match choose_among(focus, AGE_ANSWERS, key) {
                Some(i) => click(model, Target::Answer(i)),
                None => Vec::new(),
            },
        },
        Screen::CodeGiven => match key {
            Key::Enter => {
                model.screen = Screen::Menu { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Code { .. } => match key {
            Key::Char(c) if c.is_ascii_digit() => keypad(model, KeypadKey::Digit(c as u8 - b'0')),
            Key::Backspace => keypad(model, KeypadKey::Delete),
            Key::Enter => keypad(model, KeypadKey::Ok),
            Key::Esc => {
                model.screen = Screen::Who { focus: 1 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Resume { focus } => match key {
            Key::Esc | Key::Backspace => sign_out(model),
            _ => match choose_among(focus, 2, key) {
                Some(i) => click(model, Target::Answer(i)),
                None => Vec::new(),
            },
        },
        Screen::Menu { focus } => {
            let count = model.lessons.len();
            match key {
                Key::Esc | Key::Backspace => sign_out(model),
                _ if count == 0 => Vec::new(),
                _ => match choose_among(focus, count, key) {
                    Some(i) => click(model, Target::Lesson(i)),
                    None => Vec::new(),
                },
            }
        }
        Screen::Lesson(_) => step_key(model, key),
        Screen::Summary { summary, focus } => {
            let answers = summary_answers(summary);
            match key {
                Key::Esc | Key::Backspace => click(model, Target::Answer(answers - 1)),
                _ => match choose_among(focus, answers, key) {
                    Some(i) => click(model, Target::Answer(i)),
                    None => Vec::new(),
                },
            }
        }
        Screen::Broken { .. } => Vec::new(),
        Screen::Pin { .. } | Screen::Panel(_) | Screen::GuidedEnd { .. } => {
            volunteer::key(model, key)
        }
    }
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
        Task::Choice { options } => options
            .iter()
            .position(|o| o.correct)
            .map(|i| vec![Msg::Click(Target::Choice(i))])
            .unwrap_or_default(),
        Task::Order { .. } => {
            let mut arrangement = run.state.arrangement.clone();
            let mut msgs = Vec::new();
            for position in 0..arrangement.len() {
                let Some(from) = arrangement.iter().position(|&i| i == position) else {
                    continue;
                };
                if from != position {
                    msgs.push(Msg::Click(Target::OrderItem(from)));
                    msgs.push(Msg::Click(Target::OrderItem(position)));
                    arrangement.swap(from, position);
                }
            }
            msgs.push(Msg::Click(Target::OrderDone));
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

/// The summary's answers: "practise again" when there is something to practise, then
/// "back to the lessons".
pub fn summary_answers(summary: &Summary) -> usize {
    if summary.to_practise.is_empty() { 1 } else { 2 }
}

/// A name as it reads from the keys typed for it: with `telex` (a learner who started in
/// Vietnamese), Telex turns them into Vietnamese as a phone's keyboard does ("Baf Hajnh"
/// → "Bà Hạnh"; letters from a Vietnamese input method stay as they are); without, they
/// stay as typed.
pub fn typed_name(keys: &str, telex: bool) -> String {
    if telex {
        crate::lesson::nfc(&crate::typing::telex(keys))
    } else {
        crate::lesson::nfc(keys)
    }
}

/// The longest name, in letters as they read.
const NAME_LETTERS: usize = 30;

fn sign_out(model: &mut Model) -> Vec<Effect> {
    model.guided = None;
    model.learner = None;
    model.progress = Progress::default();
    model.screen = Screen::Welcome;
    vec![Effect::StopNarration, Effect::SignedOut]
}

fn keypad(model: &mut Model, key: KeypadKey) -> Vec<Effect> {
    if let Screen::Code { code, not_found } = &mut model.screen {
        match key {
            // Codes are four digits; a kiosk with thousands of learners hands out longer ones.
            KeypadKey::Digit(d) if code.len() < 6 => {
                code.push(char::from(b'0' + d));
                *not_found = None;
            }
            KeypadKey::Delete => {
                code.pop();
            }
            KeypadKey::Ok if code.len() >= 4 => {
                return vec![Effect::FindLearner { code: code.clone() }];
            }
            _ => {}
        }
        return Vec::new();
    }
    // The keypad of a `type` step.
    match key {
        KeypadKey::Digit(d) => step_key(model, Key::Char(char::from(b'0' + d))),
        KeypadKey::Delete => {
            if let Screen::Lesson(run) = &mut model.screen {
                run.state.delete_char();
            }
            Vec::new()
        }
        KeypadKey::Ok => step_key(model, Key::Enter),
    }
}

fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    let lessons = model.lessons.len();
    match (&mut model.screen, target) {
        (Screen::Menu { focus }, Target::More { down }) => {
            *focus = if down {
                (*focus + 1).min(lessons.saturating_sub(1))
            } else {
                focus.saturating_sub(1)
            };
            Vec::new()
        }
        (Screen::Summary { summary, focus }, Target::More { down }) => {
            let last = summary_answers(summary) - 1;
            *focus = if down {
                (*focus + 1).min(last)
            } else {
                focus.saturating_sub(1)
            };
            Vec::new()
        }
        (Screen::Age { focus, .. }, Target::More { down }) => {
            *focus = if down {
                (*focus + 1).min(AGE_ANSWERS - 1)
            } else {
                focus.saturating_sub(1)
            };
            Vec::new()
        }
        (Screen::Welcome, Target::Start) => key_press(model, Key::Enter),
        (Screen::Who { .. }, Target::WhoNew) => {
            model.screen = Screen::Name {
                name: String::new(),
                telex: model.lang == Lang::Vi,
                keyboard: KeyboardLayer::Letters,
            };
            Vec::new()
        }
        (Screen::Name { keyboard, .. }, Target::Keyboard(key)) => {
            match keyboard::press(keyboard, key) {
                Press::Type(c) => key_press(model, Key::Char(c)),
                Press::Delete => key_press(model, Key::Backspace),
                Press::Done => key_press(model, Key::Enter),
                Press::Nothing => Vec::new(),
            }
        }
        (Screen::Who { .. }, Target::WhoReturning) => {
            model.screen = Screen::Code {
                code: String::new(),
                not_found: None,
            };
            Vec::new()
        }
        (Screen::Age { name, telex, .. }, Target::Answer(i)) if i < AGE_ANSWERS => {
            let name: String = typed_name(name, *telex)
                .chars()
                .take(NAME_LETTERS)
                .collect();
            vec![Effect::CreateLearner {
                name: name.trim().to_owned(),
                age_band: AgeBand::ALL.get(i).copied(),
            }]
        }
        (Screen::CodeGiven, Target::Start) => key_press(model, Key::Enter),
        (Screen::Pin { .. }, Target::Keypad(key)) => volunteer::pin_keypad(model, key),
        (_, Target::Keypad(key)) => keypad(model, key),
        (Screen::Panel(_), Target::Answer(i)) => volunteer::choose(model, i),
        (Screen::Panel(_), Target::More { down }) => {
            let count = volunteer::items(model).len();
            if let Screen::Panel(panel) = &mut model.screen {
                panel.focus = if down {
                    (panel.focus + 1).min(count.saturating_sub(1))
                } else {
                    panel.focus.saturating_sub(1)
                };
            }
            Vec::new()
        }
        (Screen::Resume { .. }, Target::Answer(0)) => match model.resumable() {
            Some((lesson, kind, plan, pos)) => model.open_run(lesson, kind, plan, pos),
            None => {
                model.screen = Screen::Menu { focus: 0 };
                Vec::new()
            }
        },
        (Screen::Resume { .. }, Target::Answer(_)) => {
            model.screen = Screen::Menu { focus: 0 };
            Vec::new()
        }
        (Screen::Menu { .. }, Target::Lesson(pos)) => match model.menu().get(pos) {
            Some(&index) => model.open_lesson(index),
            None => Vec::new(),
        },
        (Screen::Lesson(_), target) => step_click(model, target),
        (Screen::Summary { summary, .. }, Target::Answer(i)) => {
            let lesson = summary.lesson;
            if i + 1 < summary_answers(summary) {
                // Practise again: just the steps not yet mastered.
                let plan = practice_plan(&model.lessons[lesson], &summary.to_practise);
                return model.open_run(lesson, RunKind::Practice, plan, 0);
            }
            if model.preview.is_some() {
                let plan = (0..model.lessons[lesson].steps.len()).collect();
                return model.open_run(lesson, RunKind::Full, plan, 0);
            }
            if model.guided.is_some() {
                return volunteer::end_guided(model);
            }
            let focus = model.menu().iter().position(|&l| l == lesson).unwrap_or(0);
            model.screen = Screen::Menu { focus };
            Vec::new()
        }
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
    let Some(step) = lesson.steps.get(run.step()) else {
        return Vec::new();
    };
    let state = &mut run.state;
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
        .and_then(|l| l.steps.get(run.step()))
    else {
        return Vec::new();
    };
    let state = &mut run.state;
    match target {
        Target::More { down } => {
            state.scroll_focus(step, down);
            return Vec::new();
        }
        Target::Scroll { down, picture } => {
            state.scroll_view(picture, down);
            return Vec::new();
        }
        _ => {}
    }
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
        Target::Keyboard(key) => state.press_key(step, key, help_after),
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
    // The answer's own recording: the words for a right or wrong answer, or the hint
    // when it has just appeared.
    let hint_now = model
        .run()
        .is_some_and(|(_, _, r)| r.state.hint && !hint_used && !right);
    let clip = match (right, hint_now) {
        (true, _) => Clip::Right,
        (false, true) => Clip::Hint,
        (false, false) => Clip::Wrong,
    };
    let spoken = model.narration_of(clip).map(Effect::PlayNarration);
    let Some(learner) = model.learner.as_ref().map(|l| l.code.clone()) else {
        return spoken.into_iter().collect();
    };
    let mut effects = vec![Effect::SaveAttempt(attempt)];
    effects.extend(spoken);
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
        },
        focus: 0,
    };
    effects
}

fn back(model: &mut Model) -> Vec<Effect> {
    let Screen::Lesson(run) = &mut model.screen else {
        return Vec::new();
    };
    if run.state.show_picture {
        run.state.show_page(false);
        return Vec::new();
    }
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

fn reloaded(model: &mut Model, result: Result<Box<Lesson>, Vec<String>>) -> Vec<Effect> {
    let current = match &model.screen {
        Screen::Lesson(run) => model
            .lessons
            .first()
            .and_then(|l| l.steps.get(run.step()))
            .map(|s| s.id.clone()),
        Screen::Broken { step, .. } => step.clone(),
        _ => None,
    };
    match result {
        Ok(lesson) => {
            let index = current
                .and_then(|id| lesson.steps.iter().position(|s| s.id == id))
                .unwrap_or(0);
            let plan = (0..lesson.steps.len()).collect();
            model.lessons = vec![*lesson];
            model.open_run(0, RunKind::Full, plan, index)
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
