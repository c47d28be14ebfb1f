//! The recording studio's runtime (`hocso record`, and the volunteer panel behind its
//! PIN): builds the queue of clips that need a person's voice, runs [`model::update`],
//! carries out its effects (the microphone and the speaker on their own threads, levelling
//! and saving on short-lived ones), and draws. The screen never waits for sound or disk.

pub mod model;

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::audio::slots::{Manifests, Slot, Status, glossary_slots, interface_slots, lesson_slots};
use crate::audio::studio::capture::{Heard, Played, Speaker, Take};
use crate::audio::studio::{encode, process};
use crate::gesture::{Gestures, Phase as TouchPhase, Timing, Touch, Verdict};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Glossary, Lesson};
use crate::ui::studio::{StudioHits, draw};
use model::{Effect, Item, Key, Model, Msg};

/// Where the interface's words go in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Words {
    /// Not in the queue (one lesson asked for).
    Left,
    /// After every lesson's clips: learners hear a lesson's far more.
    Last,
}

/// Everything the studio needs.
pub struct StudioContext {
    /// The clips to record, in order.
    pub items: Vec<Item>,
    /// The content folder: `assets/audio/` is in it.
    pub root: PathBuf,
    /// The language the clips are in (`vi`, or another under `assets/audio/<locale>/`).
    pub locale: String,
    /// The volunteer's name, kept with each clip (optional).
    pub name: Option<String>,
    pub i18n: Localizer,
    /// The language of the studio's own words.
    pub lang: Lang,
    pub timing: Timing,
    /// Set when the studio must close at once (a signal, the terminal gone): a take
    /// not kept is dropped, a clip being written is finished.
    pub stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// The clips under `root` in `lang` that need a person's voice (none yet, a draft, or a
/// text changed since), lesson by lesson, step by step; the interface's words as `words`
/// says.
pub fn queue(
    root: &Path,
    lessons: &[Lesson],
    glossary: &Glossary,
    i18n: &Localizer,
    lang: Lang,
    words: Words,
) -> Vec<Item> {
    let locale = lang.code();
    let mut manifests = Manifests::default();
    let mut items = Vec::new();
    let mut add = |slot: Slot, lesson: Option<String>, items: &mut Vec<Item>| {
        // A lesson may name its own file for a step; the studio writes Ogg Vorbis, so
        // only into a name that says so.
        let ogg = slot
            .path(root, locale)
            .extension()
            .is_some_and(|e| e == "ogg");
        if !ogg {
            tracing::info!(clip = %slot.label(), "left out: the lesson names a file that is not .ogg");
            return;
        }
        let status = manifests.status(root, &slot, locale);
        if status != Status::Person {
            items.push(Item {
                slot,
                status,
                lesson,
            });
        }
    };
    for lesson in lessons {
        let title = lesson.title.get(locale).to_owned();
        for slot in lesson_slots(lesson, locale) {
            add(slot, Some(title.clone()), &mut items);
        }
    }
    if words == Words::Last {
        for slot in glossary_slots(glossary, locale) {
            add(slot, None, &mut items);
        }
        for slot in interface_slots(i18n, lang) {
            add(slot, None, &mut items);
        }
    }
    items
}

/// Today in Vietnam, `YYYY-MM-DD`.
fn today() -> String {
    let now = crate::tui::now();
    crate::report::date::format((now + crate::kiosk::VIETNAM_OFFSET).div_euclid(86_400))
}

/// The studio's runtime state.
struct Studio {
    model: Model,
    ctx: StudioContext,
    take: Option<Take>,
    speaker: Speaker,
    /// Results of levelling and saving, from their threads.
    work: Sender<Msg>,
    hits: StudioHits,
    hits_before: StudioHits,
    gestures: Gestures<model::Target>,
    started: Instant,
    speaker_said: bool,
}

impl Studio {
    fn millis(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    fn dispatch(&mut self, msg: Msg) {
        for effect in model::update(&mut self.model, msg) {
            self.perform(effect);
        }
    }

    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::StartTake => {
                tracing::info!(clip = ?self.model.item().map(|i| i.slot.label()), "recording");
                self.take = Some(Take::start());
            }
            Effect::StopTake => {
                if let Some(take) = &self.take {
                    take.stop();
                }
            }
            Effect::DropTake => self.take = None,
            Effect::Process {
                samples,
                rate,
                text,
            } => {
                self.take = None;
                let work = self.work.clone();
                spawn("levelling", move || {
                    let processed = process(&samples, rate, &text);
                    tracing::info!(
                        raw_lufs = processed.raw_lufs,
                        lufs = processed.lufs,
                        peak = processed.peak_dbfs,
                        noise = processed.noise_dbfs,
                        seconds = processed.seconds(),
                        problems = ?processed.problems,
                        "take levelled"
                    );
                    let _ = work.send(Msg::Processed(Box::new(processed)));
                });
            }
            Effect::Play { samples, rate } => self.speaker.play(samples, rate),
            Effect::StopPlaying => self.speaker.stop(),
            Effect::Keep {
                index,
                samples,
                rate,
            } => {
                let Some(item) = self.model.items.get(index) else {
                    return;
                };
                let slot = item.slot.clone();
                let (root, locale) = (self.ctx.root.clone(), self.ctx.locale.clone());
                let name = self.ctx.name.clone();
                let work = self.work.clone();
                spawn("saving", move || {
                    let result = encode::keep(
                        &root,
                        &locale,
                        &slot,
                        &samples,
                        rate,
                        name.as_deref(),
                        &today(),
                    );
                    match &result {
                        Ok(path) => tracing::info!(file = %path.display(), "recording kept"),
                        Err(e) => tracing::error!("keeping a recording: {e}"),
                    }
                    let _ = work.send(Msg::Kept(result));
                });
            }
            Effect::Quit => {}
        }
    }

    /// A terminal event as a message, if it is one.
    fn translate(&mut self, event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if key.modifiers.contains(KeyModifiers::CONTROL) {
                    return match key.code {
                        KeyCode::Char('c' | 'q' | 'C' | 'Q') => Some(Msg::Key(Key::Quit)),
                        _ => None,
                    };
                }
                let key = match key.code {
                    KeyCode::Enter => Key::Enter,
                    KeyCode::Char(' ') => Key::Space,
                    KeyCode::Esc => Key::Esc,
                    KeyCode::Left => Key::Left,
                    KeyCode::Right => Key::Right,
                    KeyCode::Char(c) => Key::Char(c.to_ascii_lowercase()),
                    _ => return None,
                };
                Some(Msg::Key(key))
            }
            Event::Mouse(mouse) => {
                let phase = match mouse.kind {
                    MouseEventKind::Down(MouseButton::Left) => TouchPhase::Down,
                    MouseEventKind::Drag(MouseButton::Left) => TouchPhase::Drag,
                    MouseEventKind::Up(MouseButton::Left) => TouchPhase::Up,
                    MouseEventKind::ScrollUp | MouseEventKind::ScrollDown
                        if self.gestures.pressed() =>
                    {
                        TouchPhase::Lost
                    }
                    _ => return None,
                };
                let cell = (mouse.column, mouse.row);
                let at = self.millis();
                match self.gestures.touch(Touch {
                    phase,
                    cell,
                    hit: self.hits.at(cell.0, cell.1),
                    was: self.hits_before.at(cell.0, cell.1),
                    at,
                }) {
                    Verdict::Tap(target) => Some(Msg::Click(target)),
                    Verdict::Dropped(why) => {
                        tracing::debug!(?why, ?cell, "touch did nothing");
                        None
                    }
                    Verdict::Nothing => None,
                }
            }
            _ => None,
        }
    }

    fn run(&mut self, terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
        let (work, inbox) = channel();
        self.work = work;
        let mut dirty = true;
        while !self.model.quit && !self.ctx.stop.load(std::sync::atomic::Ordering::Relaxed) {
            if dirty {
                let mut hits = StudioHits::default();
                terminal.draw(|frame| {
                    hits = draw(frame, &self.model, &self.ctx.i18n, self.ctx.lang);
                })?;
                let changed = hits != self.hits;
                if changed {
                    self.hits_before = std::mem::replace(&mut self.hits, hits);
                }
                let at = self.millis();
                self.gestures.shown(changed, at);
                dirty = false;
            }
            let mut messages: Vec<Msg> = Vec::new();
            if let Some(take) = &self.take {
                for heard in take.heard() {
                    if let Heard::Failed(why) = &heard {
                        tracing::warn!(why, "the microphone failed");
                    }
                    messages.push(Msg::Heard(heard));
                }
            }
            messages.extend(inbox.try_iter());
            for report in self.speaker.reports() {
                let Played::Unavailable(why) = report;
                if !self.speaker_said {
                    tracing::warn!("no speaker: playing back is silent ({why})");
                    self.speaker_said = true;
                }
            }
            if !messages.is_empty() {
                dirty = true;
                for msg in messages {
                    self.dispatch(msg);
                }
                continue;
            }
            // The meter moves at least 20 times a second while recording.
            if event::poll(Duration::from_millis(40))? {
                loop {
                    let event = event::read()?;
                    if let Event::Resize(..) = event {
                        dirty = true;
                    }
                    if let Some(msg) = self.translate(event) {
                        let touched = matches!(msg, Msg::Click(_));
                        self.dispatch(msg);
                        dirty = true;
                        // What a touch does next depends on the frame it changes.
                        if touched {
                            break;
                        }
                    }
                    if self.model.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            }
        }
        // A clip being written is finished before leaving (it is renamed into place whole
        // either way; this keeps the manifest's word for it too).
        if self.model.phase == model::Phase::Saving
            && let Ok(msg) = inbox.recv_timeout(Duration::from_secs(10))
        {
            self.dispatch(msg);
        }
        self.take = None;
        self.speaker.stop();
        Ok(())
    }
}

fn spawn(name: &str, job: impl FnOnce() + Send + 'static) {
    if let Err(e) = std::thread::Builder::new().name(name.into()).spawn(job) {
        tracing::error!("cannot start the {name} thread: {e}");
    }
}

/// Runs the studio on a terminal already set up (raw mode, alternate screen, mouse
/// capture on), until the volunteer leaves; returns how many clips were kept, and the
/// context given (the tutor's words go back to the tutor).
pub fn run_on(
    terminal: &mut DefaultTerminal,
    ctx: StudioContext,
) -> (anyhow::Result<usize>, StudioContext) {
    let timing = ctx.timing;
    let items = ctx.items.clone();
    let mut studio = Studio {
        model: Model::new(items),
        ctx,
        take: None,
        speaker: Speaker::start(),
        work: channel().0,
        hits: StudioHits::default(),
        hits_before: StudioHits::default(),
        gestures: Gestures::new(timing),
        started: Instant::now(),
        speaker_said: false,
    };
    let ran = studio.run(terminal).map(|()| studio.model.kept);
    (ran, studio.ctx)
}

/// Takes the terminal (raw mode, alternate screen, mouse capture: touch screens send
/// clicks), runs the studio, and gives the terminal back, even after a panic.
pub fn run_in_terminal(ctx: StudioContext) -> anyhow::Result<usize> {
    use anyhow::Context;
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            ratatui::crossterm::cursor::Show
        );
        previous(info);
    }));
    let watching = crate::tui::HangupWatch::start(ctx.stop.clone());
    let result = execute!(stdout(), EnableMouseCapture)
        .context("enabling mouse capture")
        .and_then(|()| run_on(&mut terminal, ctx).0);
    drop(watching);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::manifest::{Entry, Manifest, Voice, text_hash};
    use crate::lesson::{CheckOptions, check_paths};

    fn lessons() -> Vec<Lesson> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/e2e/lessons");
        check_paths(&[dir], &CheckOptions::default()).lessons
    }

    #[test]
    fn the_queue_is_each_lessons_clips_in_order_then_the_interfaces_without_peoples() {
        let root = tempfile::tempdir().unwrap();
        let lessons = lessons();
        let i18n = Localizer::embedded();
        let all = queue(
            root.path(),
            &lessons,
            &Glossary::default(),
            &i18n,
            Lang::Vi,
            Words::Last,
        );
        let first = &all[0];
        assert_eq!(first.slot.file, format!("{}.ogg", lessons[0].steps[0].id));
        assert_eq!(first.status, Status::Missing);
        assert!(first.lesson.is_some());
        let words = all.iter().position(|i| i.lesson.is_none()).unwrap();
        assert!(all[words..].iter().all(|i| i.lesson.is_none()));
        let only = queue(
            root.path(),
            &lessons,
            &Glossary::default(),
            &i18n,
            Lang::Vi,
            Words::Left,
        );
        assert_eq!(only.len(), words);

        // A person's recording of the current text leaves the queue; a draft stays.
        let folder = first.slot.dir(root.path(), "vi");
        std::fs::create_dir_all(&folder).unwrap();
        let mut manifest = Manifest::default();
        for (item, voice) in [
            (
                &all[0],
                Voice::Person {
                    name: None,
                    date: "2026-12-06".into(),
                },
            ),
            (
                &all[1],
                Voice::Draft {
                    engine: "espeak-ng".into(),
                    voice: "vi@130".into(),
                },
            ),
        ] {
            std::fs::write(folder.join(&item.slot.file), b"OggS").unwrap();
            manifest.clips.insert(
                item.slot.file.clone(),
                Entry {
                    text: text_hash(&item.slot.text),
                    voice,
                },
            );
        }
        manifest.save(&folder).unwrap();
        let after = queue(
            root.path(),
            &lessons,
            &Glossary::default(),
            &i18n,
            Lang::Vi,
            Words::Left,
        );
        assert_eq!(after.len(), only.len() - 1);
        assert_eq!(after[0].slot, all[1].slot);
        assert_eq!(after[0].status, Status::Draft);
    }
}
