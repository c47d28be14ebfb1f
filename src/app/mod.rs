//! The tutor as The Elm Architecture: one [`Model`], one [`Msg`] type, and [`update`], the
//! only place the model changes. `update` touches no terminal, disk, clock or sound card:
//! it returns [`Effect`]s for the runtime to carry out, so the whole journey is tested by
//! feeding it messages.

mod bar;
mod effect;
pub mod layout;
mod lesson;
mod menu;
mod msg;
mod nav;
mod preview;
mod sign_in;
mod speech;
pub mod step;
mod summary;
pub mod volunteer;

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::kiosk::{IdlePolicy, PinGate};
use crate::lesson::{Glossary, InputMethod, Lesson, Mark, Step, Task, Term};
use crate::mastery::step_mastered;
use crate::store::{Learner, LessonEnd, LessonStatus, Progress, RunKind, Sound};
pub use crate::typing::keyboard::{self, KeyboardKey, Layer as KeyboardLayer, Press};
pub use bar::{BarKey, EnterMeaning};
pub use effect::{Effect, Narration, Speech};
pub use layout::{Size, StepLayout};
use lesson::practice_steps;
pub use lesson::{practice_plan, right_answer};
pub use msg::{Msg, Notice};
pub use sign_in::{AGE_ANSWERS, typed_name};
pub use step::{Feedback, Outcome, StepState, ViewScroll};
pub use summary::summary_answers;
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
    /// An answer to "change learner?": yes (`true`) or stay.
    SignOut(bool),
    /// The menu's ▲ or ▼: the page that starts with this lesson (by position in the menu).
    Page(usize),
    /// A tappable on the pretend phone (index into the screen's tappables).
    Phone(usize),
    /// A `choice` option.
    Choice(usize),
    /// An `order` item (an index into the lesson's right order), in the pool or in the
    /// numbered list: touching it moves it to the other.
    OrderItem(usize),
    /// `order`: "Kiểm tra", once every item is in the list.
    OrderCheck,
    /// A step's big "Tiếp tục" in its body: what Enter does on an explain step, a scan
    /// step, or a step answered right.
    Continue,
    /// A step's "Gọi tình nguyện viên": tells the volunteer panel.
    CallVolunteer,
    /// "Go back?" on a step the learner had started: yes ("Quay lại") or no ("Ở lại").
    Leave,
    Stay,
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
    /// A glossary word marked in a step's text (by its place among the step's words):
    /// opens its explanation.
    Word(usize),
    /// On an open explanation: the step's next marked word.
    NextWord,
    /// Anywhere else on an open explanation: closes it.
    CloseWord,
    /// Anywhere on the page of what a wrong answer was told: closes it.
    CloseTold,
}

/// Keys and arrows are touched again and again; the volunteer's way in takes three taps.
/// OK is a key that answers or goes on: one intent, one action, like any button.
impl crate::gesture::Tappable for Target {
    fn repeats(&self) -> bool {
        match self {
            Target::Keypad(KeypadKey::Ok) | Target::Keyboard(KeyboardKey::Ok) => false,
            Target::Keypad(_)
            | Target::Keyboard(_)
            | Target::More { .. }
            | Target::Scroll { .. }
            | Target::Page(_) => true,
            _ => false,
        }
    }

    fn taps_needed(&self) -> u32 {
        if matches!(self, Target::Volunteer) {
            3
        } else {
            1
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeypadKey {
    Digit(u8),
    Delete,
    Ok,
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
    /// How ▲ and ▼ moved the words above the answers.
    pub scroll: ViewScroll,
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
    /// "Finish for today?" is asked, over the menu or the resume question: leaving ends
    /// her turn, so a stray key or touch must not do it alone.
    pub asking_sign_out: bool,
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
    /// Confirmed writes waiting to be saved: the header shows the count on every screen.
    pub unsaved: usize,
    /// A name being typed when she went back to "who are you" (and whether in Telex):
    /// brought back if she chooses to start again, dropped on the welcome screen.
    pub name_draft: Option<(String, bool)>,
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
    /// A key moved the focus on this screen, so it shows (and Enter chooses it): until
    /// then nothing is chosen for the learner.
    pub focus_shown: bool,
    /// Steps shown so far: with the sign-in time and the step, the seed of each showing's
    /// order of options, so a step repeated until mastered is not answered by place.
    pub showings: u64,
    /// The order each choice or order step (`lesson/step`) was last shown in: the next
    /// showing differs.
    pub shown_orders: HashMap<String, Vec<usize>>,
    /// The hard words the lessons explain (`glossary.toml`).
    pub glossary: std::sync::Arc<Glossary>,
    /// A glossary word's explanation is open over the step: which of the step's marked
    /// words ([`Model::step_words`]).
    pub word: Option<usize>,
}

impl Model {
    pub fn new(lessons: Vec<Lesson>, lang: Lang, size: Size) -> Model {
        Model {
            lessons,
            lang,
            screen: Screen::Welcome,
            help_open: false,
            asking_sign_out: false,
            learner: None,
            progress: Progress::default(),
            now: 0,
            size,
            settings: Settings::default(),
            preview: None,
            notices: Vec::new(),
            unsaved: 0,
            name_draft: None,
            sound: Sound::default(),
            clock: 0,
            idle_left: None,
            pin_set: false,
            pin_gate: PinGate::default(),
            guided: None,
            covered: None,
            problems: Vec::new(),
            help_calls: 0,
            focus_shown: false,
            showings: 0,
            shown_orders: HashMap::new(),
            glossary: std::sync::Arc::default(),
            word: None,
        }
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

    /// The glossary words marked in the text of the step on screen, in the order they
    /// appear (none while "go back?" is asked over it).
    pub fn step_words(&self) -> Vec<Mark> {
        match (&self.screen, self.run()) {
            (Screen::Lesson(run), Some((_, step, _))) if !run.state.leaving => self
                .glossary
                .marks(step.text.get(self.lang.code()), self.lang.code()),
            _ => Vec::new(),
        }
    }

    /// Whether what a wrong answer is told comes on a page of its own, over the step: a
    /// `choice` step on a screen of fewer than [`TOLD_PAGE_BELOW`] rows, where the words
    /// below the answers would push the last answer under the ▼.
    pub fn told_on_a_page(&self) -> bool {
        // A guided session's bar takes a row from the column.
        let bar = u16::from(self.guided.is_some());
        self.size.height.saturating_sub(bar) < TOLD_PAGE_BELOW
            && self
                .run()
                .is_some_and(|(_, step, _)| matches!(step.task, Task::Choice { .. }))
    }

    /// The page of what a wrong answer was told is open over the step.
    pub fn told_page_open(&self) -> bool {
        self.told_on_a_page()
            && self.word.is_none()
            && !self.help_open
            && matches!(&self.screen, Screen::Lesson(run)
                if run.state.told_page && !run.state.solved && !run.state.leaving)
    }

    /// The glossary term whose explanation is open, if any.
    pub fn open_word(&self) -> Option<&Term> {
        let mark = self.step_words().into_iter().nth(self.word?)?;
        self.glossary.terms.get(mark.term)
    }

    /// The help message that says what to do on the screen under the help.
    pub fn help_message(&self) -> &'static str {
        use crate::lesson::StepKind;
        match &self.screen {
            Screen::Welcome => "help-on-welcome",
            Screen::Who { .. } => "help-on-who",
            Screen::Name { .. } => "help-on-name",
            Screen::Age { .. } => "help-on-age",
            Screen::CodeGiven => "help-on-code-given",
            Screen::Code { .. } => "help-on-code",
            Screen::Resume { .. } => "help-on-resume",
            Screen::Menu { .. } => "help-on-menu",
            Screen::Summary { .. } => "help-on-summary",
            Screen::Lesson(_) => match self.run().map(|(_, step, _)| step.kind()) {
                Some(StepKind::Tap) => "help-on-tap",
                Some(StepKind::Choice) => "help-on-choice",
                Some(StepKind::Order) => "help-on-order",
                Some(StepKind::Type) => "help-on-type",
                Some(StepKind::Scan) => "help-on-scan",
                _ => "help-on-explain",
            },
            Screen::Broken { .. }
            | Screen::Pin { .. }
            | Screen::Panel(_)
            | Screen::GuidedEnd { .. } => "help-on-volunteer",
        }
    }

    /// What the welcome screen says when the kiosk starts (nothing on another screen,
    /// which says itself when it opens).
    pub fn greeting(&self) -> Vec<Effect> {
        if matches!(self.screen, Screen::Welcome) {
            speech::replay(self)
        } else {
            Vec::new()
        }
    }

    pub fn narrating(&self) -> bool {
        self.settings.narration && self.settings.voice && self.sound.on
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

/// Screens with fewer rows show what a wrong answer to a `choice` is told on a page of
/// its own (58×14 and smaller: a three-line question and three answers leave no room).
pub const TOLD_PAGE_BELOW: u16 = 15;

/// The layout of `step` on a screen of `size` in `lang`.
pub fn step_layout_for(size: Size, step: &Step, lang: Lang) -> StepLayout {
    layout::step_layout(size, step, layout::longest_word(step.text.get(lang.code())))
}

/// The only place the model changes.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let before = std::mem::discriminant(&model.screen);
    // What was heard before: nothing, when narration was off (turned on, the screen is
    // said).
    let heard = if model.narrating() {
        speech::heard(model)
    } else {
        Vec::new()
    };
    let step_before = model.run().map(|(_, _, run)| (run.lesson, run.pos));
    let mut effects = route(model, msg);
    // An explanation belongs to its step: gone with it (a volunteer's key, the clock).
    if model.word.is_some()
        && (model.run().map(|(_, _, run)| (run.lesson, run.pos)) != step_before
            || model.word >= Some(model.step_words().len()))
    {
        model.word = None;
    }
    // A new screen opens with nothing chosen.
    if std::mem::discriminant(&model.screen) != before {
        model.focus_shown = false;
    }
    speech::say_what_appeared(model, &heard, &mut effects);
    effects
}

fn route(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if volunteer::still_here(model, &msg) {
        return Vec::new();
    }
    match msg {
        Msg::Resize(size) => {
            model.size = size;
            // The page of a wrong answer's words belongs to a short screen: grown, the
            // words are under the answers.
            let paged = model.told_on_a_page();
            if let Screen::Lesson(run) = &mut model.screen {
                run.state.told_page &= paged;
            }
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
        // The volunteer's keys act on the step, so the step shows (and is said) again.
        Msg::Click(Target::Guided(key)) => {
            model.word = None;
            if key.moves() {
                close_told_page(model);
            }
            volunteer::guided_key(model, key)
        }
        Msg::Key(key)
            if model.guided.is_some()
                && matches!(model.screen, Screen::Lesson(_) | Screen::Summary { .. })
                && GuidedKey::from_key(key).is_some() =>
        {
            model.word = None;
            if GuidedKey::from_key(key).is_some_and(GuidedKey::moves) {
                close_told_page(model);
            }
            GuidedKey::from_key(key)
                .map(|k| volunteer::guided_key(model, k))
                .unwrap_or_default()
        }
        // The language is switched before a learner starts, or by a volunteer: a stray
        // key must not turn her lesson into another language.
        Msg::Key(Key::F(2))
            if matches!(
                model.screen,
                Screen::Welcome | Screen::Pin { .. } | Screen::Panel(_)
            ) =>
        {
            model.lang = model.lang.next();
            Vec::new()
        }
        Msg::Key(_) | Msg::Click(_) if model.asking_sign_out => nav::answer_sign_out(model, &msg),
        Msg::Key(_) | Msg::Click(_) if model.help_open => {
            model.help_open = false;
            vec![Effect::StopNarration]
        }
        // An explanation open: F4 (or its button) goes to the step's next word; anything
        // else closes it, and the step under it is as it was.
        Msg::Key(Key::F(4)) | Msg::Click(Target::Bar(BarKey::Words) | Target::NextWord)
            if model.word.is_some() =>
        {
            let next = model.word.map_or(0, |w| w + 1);
            model.word = (next < model.step_words().len()).then_some(next);
            Vec::new()
        }
        Msg::Key(_) | Msg::Click(_) if model.word.is_some() => {
            model.word = None;
            vec![Effect::StopNarration]
        }
        // The page of what she was told: its call for a volunteer calls (and closes it);
        // any other touch or key closes it, and does nothing else (the answers under it
        // stay as they were).
        Msg::Click(Target::CallVolunteer) if model.told_page_open() => {
            close_told_page(model);
            click(model, Target::CallVolunteer)
        }
        Msg::Key(_) | Msg::Click(_) if model.told_page_open() => {
            if let Screen::Lesson(run) = &mut model.screen {
                run.state.told_page = false;
            }
            vec![Effect::StopNarration]
        }
        Msg::Key(Key::F(4)) | Msg::Click(Target::Bar(BarKey::Words))
            if !model.step_words().is_empty() =>
        {
            model.word = Some(0);
            Vec::new()
        }
        Msg::Click(Target::Word(n)) if n < model.step_words().len() => {
            model.word = Some(n);
            Vec::new()
        }
        Msg::Key(Key::F(1)) => open_help(model),
        Msg::Key(Key::Char('?')) if !model.typing_text() => open_help(model),
        Msg::Click(Target::Bar(key)) => bar::bar_click(model, key),
        Msg::Key(Key::F(3)) | Msg::Click(Target::Sound) => nav::cycle_sound(model),
        Msg::Click(Target::SwitchLanguage) => {
            model.lang = model.lang.next();
            Vec::new()
        }
        Msg::LearnerCreated { learner, now } => sign_in::learner_created(model, learner, now),
        Msg::SoundAvailable(available) => {
            model.settings.narration = available;
            if !available && !model.notices.contains(&Notice::NoSound) {
                model.notices.push(Notice::NoSound);
            }
            Vec::new()
        }
        Msg::LearnerFound { code, found, now } => sign_in::learner_found(model, code, found, now),
        Msg::LessonReloaded(result) => preview::reloaded(model, result),
        Msg::GlossaryReloaded(glossary) => {
            model.glossary = glossary;
            model.word = None;
            Vec::new()
        }
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
        Msg::Unsaved(n) => {
            model.unsaved = n;
            let shown = model.notices.contains(&Notice::SavingDelayed);
            if n > 0 && !shown {
                model.notices.push(Notice::SavingDelayed);
            } else if n == 0 {
                model.notices.retain(|n| *n != Notice::SavingDelayed);
            }
            Vec::new()
        }
        Msg::Key(key) => key_press(model, key),
        Msg::Click(target) => click(model, target),
    }
}

/// A key for the screen on screen (after the overlays and the keys that work everywhere).
fn key_press(model: &mut Model, key: Key) -> Vec<Effect> {
    match &model.screen {
        Screen::Welcome
        | Screen::Who { .. }
        | Screen::Name { .. }
        | Screen::Age { .. }
        | Screen::CodeGiven
        | Screen::Code { .. } => sign_in::key(model, key),
        Screen::Resume { .. } | Screen::Menu { .. } => menu::key(model, key),
        Screen::Lesson(_) => lesson::key(model, key),
        Screen::Summary { .. } => summary::key(model, key),
        Screen::Broken { .. } => Vec::new(),
        Screen::Pin { .. } | Screen::Panel(_) | Screen::GuidedEnd { .. } => {
            volunteer::key(model, key)
        }
    }
}

/// A click or touch for the screen on screen.
fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match &model.screen {
        Screen::Welcome
        | Screen::Who { .. }
        | Screen::Name { .. }
        | Screen::Age { .. }
        | Screen::CodeGiven
        | Screen::Code { .. } => sign_in::click(model, target),
        Screen::Resume { .. } | Screen::Menu { .. } => menu::click(model, target),
        Screen::Lesson(_) => lesson::click(model, target),
        Screen::Summary { .. } => summary::click(model, target),
        Screen::Broken { .. } => Vec::new(),
        Screen::Pin { .. } | Screen::Panel(_) | Screen::GuidedEnd { .. } => {
            volunteer::click(model, target)
        }
    }
}

#[cfg(test)]
mod speech_tests;
#[cfg(test)]
mod tests;

/// Closes the page of what a wrong answer was told, if it is open.
fn close_told_page(model: &mut Model) {
    if let Screen::Lesson(run) = &mut model.screen {
        run.state.told_page = false;
    }
}

/// Opens the help; what to do on this screen is said as it appears (when narration is
/// on).
pub(super) fn open_help(model: &mut Model) -> Vec<Effect> {
    model.help_open = true;
    Vec::new()
}
