//! The runtime: owns the terminal, turns its events into messages, runs `update`, carries
//! out the effects, and draws. Nothing is printed while it runs: logs go to a file.

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Effect, Key, Model, Msg, Size, update};
use crate::i18n::Localizer;
use crate::lesson::{CheckOptions, Diagnostic, SourceFile, parse_lesson};
use crate::store::Store;
use crate::ui::{self, HitMap};

/// How often the runtime wakes with nothing to do (to see if a previewed file changed).
const IDLE_TICK: Duration = Duration::from_millis(250);

/// The tutor running: the model, its words, its store, and what the last frame drew.
pub struct Tutor<S: Store> {
    pub model: Model,
    pub i18n: Localizer,
    pub store: S,
    pub hits: HitMap,
    step_opened: Option<Instant>,
    quit: bool,
    watch: Option<Watch>,
}

/// `preview`: the file shown and when it last changed.
struct Watch {
    path: PathBuf,
    modified: Option<SystemTime>,
}

impl<S: Store> Tutor<S> {
    pub fn new(model: Model, i18n: Localizer, store: S) -> Tutor<S> {
        Tutor {
            model,
            i18n,
            store,
            hits: HitMap::default(),
            step_opened: None,
            quit: false,
            watch: None,
        }
    }

    /// Feeds `msg` to `update` and carries out what it asks.
    pub fn dispatch(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.model, msg) {
                if let Some(reply) = self.perform(effect) {
                    queue.push(reply);
                }
            }
        }
    }

    /// Carries out one effect; some answer with a message.
    fn perform(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::PlayNarration(n) => {
                tracing::debug!(lesson = n.lesson, step = n.step, "narration requested");
                None
            }
            Effect::StopNarration => None,
            Effect::CreateLearner { name } => match self.store.create_learner(&name) {
                Ok(learner) => {
                    tracing::info!(code = learner.code, "new learner");
                    Some(Msg::LearnerCreated(learner))
                }
                Err(e) => {
                    tracing::error!("creating a learner: {e}");
                    None
                }
            },
            Effect::FindLearner { code } => {
                let found = match self.store.find_learner(&code) {
                    Ok(Some(learner)) => {
                        let statuses = self
                            .store
                            .lesson_statuses(&learner.code)
                            .unwrap_or_default();
                        Some((learner, statuses))
                    }
                    Ok(None) => None,
                    Err(e) => {
                        tracing::error!("looking up a learner: {e}");
                        None
                    }
                };
                Some(Msg::LearnerFound { code, found })
            }
            Effect::StepOpened { .. } => {
                self.step_opened = Some(Instant::now());
                None
            }
            Effect::SaveAttempt(mut attempt) => {
                attempt.millis = self
                    .step_opened
                    .map_or(0, |t| t.elapsed().as_millis() as u64);
                if let Err(e) = self.store.record_attempt(&attempt) {
                    tracing::error!("saving an answer: {e}");
                }
                None
            }
            Effect::NeedsVolunteer {
                learner,
                lesson,
                step,
            } => {
                tracing::warn!(learner, lesson, step, "learner needs a volunteer");
                if let Err(e) = self.store.record_needs_help(&learner, &lesson, &step) {
                    tracing::error!("saving a call for help: {e}");
                }
                None
            }
            Effect::LessonEnded {
                learner,
                lesson,
                all_first_try,
            } => {
                if let Err(e) = self
                    .store
                    .record_lesson_end(&learner, &lesson, all_first_try)
                {
                    tracing::error!("saving the end of a lesson: {e}");
                }
                None
            }
            Effect::Quit => {
                self.quit = true;
                None
            }
        }
    }

    /// What a terminal event means to the tutor.
    pub fn translate(&self, event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                translate_key(key).map(Msg::Key)
            }
            Event::Mouse(mouse)
                if matches!(mouse.kind, MouseEventKind::Down(MouseButton::Left)) =>
            {
                self.hits.at(mouse.column, mouse.row).map(Msg::Click)
            }
            Event::Resize(width, height) => Some(Msg::Resize(Size::new(width, height))),
            _ => None,
        }
    }

    /// `preview`: reloads the file if it changed since last looked at.
    fn reload_if_changed(&mut self) {
        let Some(watch) = &mut self.watch else { return };
        let modified = std::fs::metadata(&watch.path)
            .and_then(|m| m.modified())
            .ok();
        if modified == watch.modified {
            return;
        }
        watch.modified = modified;
        let path = watch.path.clone();
        tracing::info!(file = %path.display(), "lesson changed, reloading");
        self.dispatch(Msg::LessonReloaded(load_one(&path)));
    }

    /// Runs in the terminal until the learner or volunteer quits.
    pub fn run(&mut self, terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
        let size = terminal.size()?;
        self.dispatch(Msg::Resize(Size::new(size.width, size.height)));
        let mut dirty = true;
        while !self.quit {
            if dirty {
                let mut hits = HitMap::default();
                terminal.draw(|frame| hits = ui::draw(frame, &self.model, &self.i18n))?;
                self.hits = hits;
                dirty = false;
            }
            if event::poll(IDLE_TICK)? {
                // Handle everything pending before drawing again.
                loop {
                    if let Some(msg) = self.translate(event::read()?) {
                        self.dispatch(msg);
                        dirty = true;
                    }
                    if self.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            } else if self.watch.is_some() {
                let before = self.model.screen.clone();
                self.reload_if_changed();
                dirty |= before != self.model.screen;
            }
        }
        Ok(())
    }
}

fn translate_key(key: KeyEvent) -> Option<Key> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')).then_some(Key::CtrlC);
    }
    Some(match key.code {
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

/// Loads one lesson file for `preview`: the lesson, or its diagnostics as lines.
pub fn load_one(path: &Path) -> Result<Box<crate::lesson::Lesson>, Vec<String>> {
    let (source, problem) = SourceFile::read(path);
    let parsed = match (problem, &source.text) {
        (Some(d), _) => return Err(vec![line_of(&d)]),
        (None, Some(text)) => parse_lesson(path, text, &CheckOptions::default()),
        (None, None) => return Err(vec![format!("{}: cannot read", path.display())]),
    };
    match parsed.lesson {
        Some(lesson) => Ok(Box::new(lesson)),
        None => Err(parsed
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(line_of)
            .collect()),
    }
}

fn line_of(d: &Diagnostic) -> String {
    let mut line = format!("{}:{} {}", d.start.line, d.start.column, d.message);
    if let Some(help) = &d.help {
        line.push_str(&format!(" ({help})"));
    }
    line
}

/// Sets up logging to `data_dir/hocso.log`; the terminal belongs to the tutor.
pub fn log_to_file(data_dir: &Path) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let path = data_dir.join("hocso.log");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .with_max_level(tracing::Level::INFO)
        .try_init()
        .ok();
    Ok(path)
}

/// Takes the terminal (raw mode, alternate screen, mouse capture: touch screens send
/// clicks), runs `tutor`, and gives the terminal back, also after a panic.
pub fn run_in_terminal<S: Store>(tutor: &mut Tutor<S>) -> anyhow::Result<()> {
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        tracing::error!("panic: {info}");
        previous(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture)
        .context("enabling mouse capture")
        .and_then(|()| tutor.run(&mut terminal));
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

impl<S: Store> Tutor<S> {
    /// Watches `path` and reloads it when it changes (`preview`).
    pub fn watch(&mut self, path: &Path) {
        self.watch = Some(Watch {
            path: path.to_owned(),
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
        });
    }
}
