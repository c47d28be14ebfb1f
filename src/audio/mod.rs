//! Narration: where a step's recording is, and a [`Narrator`] that plays it.
//!
//! The real narrator ([`RodioNarrator`]) owns a thread that opens the sound device and
//! decodes, so neither ever blocks a frame; with no device it stays silent and says why,
//! once. Nothing here knows about terminals.

pub mod manifest;
pub mod slots;
pub mod speakable;
pub mod studio;

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

/// Which recording of a step.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Clip {
    /// The step's text.
    Step,
    /// Its hint.
    Hint,
    /// Its words for a right answer.
    Right,
    /// Its words for a wrong answer.
    Wrong,
    /// The feedback of a choice's answer `n` (1-based, in the file's order).
    Option(usize),
    /// The words of a choice's answer `n` (1-based, in the file's order), said after its
    /// number on the screen when the answers move between tries.
    Answer(usize),
    /// The feedback of something on the pretend phone: its id, or `n` (its 1-based
    /// position among the screen's tappable things) when it has none.
    Tap(String),
}

impl Clip {
    /// The file name's ending after the step id: `mo-app.ogg`, `mo-app.hint.ogg`,
    /// `mo-app.option-2.ogg`, `mo-app.tap-zalo.ogg`, …
    pub fn suffix(&self) -> String {
        match self {
            Clip::Step => String::new(),
            Clip::Hint => ".hint".into(),
            Clip::Right => ".ok".into(),
            Clip::Wrong => ".wrong".into(),
            Clip::Option(n) => format!(".option-{n}"),
            Clip::Answer(n) => format!(".answer-{n}"),
            Clip::Tap(id) => format!(".tap-{id}"),
        }
    }

    /// The clip of the `index`th (0-based) tappable thing of `screen`.
    pub fn tap(screen: &crate::lesson::Screen, index: usize) -> Clip {
        let id = screen
            .tappables()
            .nth(index)
            .and_then(|t| t.id().map(str::to_owned));
        Clip::Tap(id.unwrap_or_else(|| (index + 1).to_string()))
    }
}

/// The recording of `clip` of step `step` in lesson `lesson`, for a learner reading
/// `locale`: the lesson's own file for the step text if it names one, else by convention
/// `assets/audio/<locale>/<lesson>/<step><suffix>.ogg` (a language other than
/// Vietnamese) or `assets/audio/<lesson>/<step><suffix>.ogg` (Ogg Vorbis, or `.wav`),
/// under the content folder `root`. None when there is none.
/// The kinds of file a recording is read from, first found first played. Drafts and the
/// studio write Ogg Vorbis; a `.wav` put beside one is a person's, and is played instead.
pub const RECORDING_EXTENSIONS: [&str; 2] = ["wav", "ogg"];

pub fn resolve(
    root: &Path,
    lesson: &str,
    step: &str,
    clip: &Clip,
    locale: &str,
    explicit: Option<&Path>,
) -> Option<PathBuf> {
    if *clip == Clip::Step
        && let Some(file) = explicit
        && locale == "vi"
    {
        return file.is_file().then(|| file.to_owned());
    }
    let audio = root.join("assets").join("audio");
    let mut folders = Vec::new();
    if locale != "vi" {
        folders.push(audio.join(locale).join(lesson));
    }
    folders.push(audio.join(lesson));
    for folder in folders {
        // A `.wav` is always someone's own (drafts and the studio write `.ogg`): it wins.
        for ext in RECORDING_EXTENSIONS {
            let file = folder.join(format!("{step}{}.{ext}", clip.suffix()));
            if file.is_file() {
                return Some(file);
            }
        }
    }
    None
}

/// The folder of recordings of the interface's own words (the help for each screen) in
/// `locale`, under the content folder `root`: `assets/audio/ui/` for Vietnamese,
/// `assets/audio/<locale>/ui/` for another language.
pub fn words_folder(root: &Path, locale: &str) -> PathBuf {
    lesson_folder(root, "ui", locale)
}

/// The recording of the interface's words `id` (a Fluent message id) in `locale`, if
/// there is one: `<id>.ogg` or `<id>.wav` in [`words_folder`].
pub fn resolve_words(root: &Path, id: &str, locale: &str) -> Option<PathBuf> {
    let folder = words_folder(root, locale);
    RECORDING_EXTENSIONS
        .iter()
        .map(|ext| folder.join(format!("{id}.{ext}")))
        .find(|file| file.is_file())
}

/// The recording of the glossary term `id` in `locale`, if there is one: `<id>.ogg` or
/// `<id>.wav` in `assets/audio/glossary/`.
pub fn resolve_term(root: &Path, id: &str, locale: &str) -> Option<PathBuf> {
    let folder = lesson_folder(root, crate::lesson::glossary::AUDIO_FOLDER, locale);
    RECORDING_EXTENSIONS
        .iter()
        .map(|ext| folder.join(format!("{id}.{ext}")))
        .find(|file| file.is_file())
}

/// What plays narration. `play` returns at once: loading and decoding happen elsewhere.
pub trait Narrator {
    /// Stops what is playing and plays `file`.
    fn play(&mut self, file: &Path) {
        self.play_all(&[file.to_owned()]);
    }
    /// Stops what is playing and plays `files`, one after another.
    fn play_all(&mut self, files: &[PathBuf]);
    fn stop(&mut self);
    /// 0.0 (silent) to 1.0.
    fn set_volume(&mut self, volume: f32);
    /// Reads `file` ahead, so playing it later starts at once.
    fn preload(&mut self, file: &Path);
    /// What happened since last asked.
    fn events(&mut self) -> Vec<AudioEvent>;
}

/// Something the narrator reports.
#[derive(Debug, Clone, PartialEq)]
pub enum AudioEvent {
    /// No sound device: narration is silent. Said once.
    Unavailable(String),
    /// A file could not be read or decoded.
    Failed { file: PathBuf, error: String },
    /// The first sample of `file` left for the device, `latency` after `play`.
    Started { file: PathBuf, latency_ms: u64 },
}

/// A narrator that plays nothing (tests, and kiosks without sound).
#[derive(Debug, Default)]
pub struct SilentNarrator {
    pub played: Vec<PathBuf>,
}

impl Narrator for SilentNarrator {
    fn play_all(&mut self, files: &[PathBuf]) {
        self.played.extend(files.iter().cloned());
    }
    fn stop(&mut self) {}
    fn set_volume(&mut self, _volume: f32) {}
    fn preload(&mut self, _file: &Path) {}
    fn events(&mut self) -> Vec<AudioEvent> {
        Vec::new()
    }
}

enum Command {
    Play(Vec<PathBuf>, Instant),
    Stop,
    Volume(f32),
    Preload(PathBuf),
}

/// Narration through the sound device, with rodio, on a thread of its own.
pub struct RodioNarrator {
    commands: Sender<Command>,
    events: Receiver<AudioEvent>,
}

impl RodioNarrator {
    /// Starts the audio thread; it opens the default device (or finds there is none).
    pub fn start() -> RodioNarrator {
        let (commands, inbox) = channel();
        let (outbox, events) = channel();
        let spawned = std::thread::Builder::new()
            .name("narration".into())
            .spawn(move || run(inbox, outbox));
        if let Err(e) = spawned {
            tracing::error!("cannot start the narration thread: {e}");
        }
        RodioNarrator { commands, events }
    }

    fn send(&self, command: Command) {
        // A dead audio thread means silence, never a crash.
        let _ = self.commands.send(command);
    }
}

impl Narrator for RodioNarrator {
    fn play_all(&mut self, files: &[PathBuf]) {
        self.send(Command::Play(files.to_vec(), Instant::now()));
    }
    fn stop(&mut self) {
        self.send(Command::Stop);
    }
    fn set_volume(&mut self, volume: f32) {
        self.send(Command::Volume(volume.clamp(0.0, 1.0)));
    }
    fn preload(&mut self, file: &Path) {
        self.send(Command::Preload(file.to_owned()));
    }
    fn events(&mut self) -> Vec<AudioEvent> {
        self.events.try_iter().collect()
    }
}

/// The audio thread: opens the device, then plays what it is told.
fn run(inbox: Receiver<Command>, outbox: Sender<AudioEvent>) {
    let mut sink = match rodio::DeviceSinkBuilder::open_default_sink() {
        Ok(sink) => sink,
        Err(e) => {
            let _ = outbox.send(AudioEvent::Unavailable(e.to_string()));
            // Silent from now on: the commands are read and dropped.
            for _ in inbox {}
            return;
        }
    };
    sink.log_on_drop(false);
    let player = rodio::Player::connect_new(sink.mixer());
    let mut loader = Loader::default();
    for command in inbox {
        match command {
            Command::Play(files, asked) => {
                player.clear();
                for file in files {
                    match loader.decoder(&file) {
                        Ok(source) => {
                            player.append(FirstSample::new(source, file, asked, outbox.clone()));
                        }
                        Err(error) => {
                            let _ = outbox.send(AudioEvent::Failed { file, error });
                        }
                    }
                }
                player.play();
            }
            Command::Stop => player.clear(),
            Command::Volume(v) => player.set_volume(v as rodio::Float),
            Command::Preload(file) => loader.preload(&file),
        }
    }
}

/// Files read into memory ahead of playing, a few at a time.
#[derive(Default)]
struct Loader {
    cache: HashMap<PathBuf, Arc<[u8]>>,
}

impl Loader {
    fn bytes(&mut self, file: &Path) -> Result<Arc<[u8]>, String> {
        if let Some(b) = self.cache.get(file) {
            return Ok(b.clone());
        }
        let bytes: Arc<[u8]> = std::fs::read(file).map_err(|e| e.to_string())?.into();
        if self.cache.len() >= 8 {
            self.cache.clear();
        }
        self.cache.insert(file.to_owned(), bytes.clone());
        Ok(bytes)
    }

    fn preload(&mut self, file: &Path) {
        let _ = self.bytes(file);
    }

    fn decoder(&mut self, file: &Path) -> Result<rodio::Decoder<Cursor<Arc<[u8]>>>, String> {
        let bytes = self.bytes(file)?;
        rodio::Decoder::try_from(Cursor::new(bytes)).map_err(|e| e.to_string())
    }
}

/// Passes a source through, reporting when its first sample is taken for the device.
struct FirstSample<S> {
    inner: S,
    report: Option<(PathBuf, Instant, Sender<AudioEvent>)>,
}

impl<S> FirstSample<S> {
    fn new(inner: S, file: PathBuf, asked: Instant, outbox: Sender<AudioEvent>) -> Self {
        FirstSample {
            inner,
            report: Some((file, asked, outbox)),
        }
    }
}

impl<S: rodio::Source> Iterator for FirstSample<S> {
    type Item = rodio::Sample;

    fn next(&mut self) -> Option<rodio::Sample> {
        let sample = self.inner.next();
        if let Some((file, asked, outbox)) = self.report.take() {
            let latency_ms = asked.elapsed().as_millis() as u64;
            let _ = outbox.send(AudioEvent::Started { file, latency_ms });
        }
        sample
    }
}

impl<S: rodio::Source> rodio::Source for FirstSample<S> {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }
    fn channels(&self) -> rodio::ChannelCount {
        self.inner.channels()
    }
    fn sample_rate(&self) -> rodio::SampleRate {
        self.inner.sample_rate()
    }
    fn total_duration(&self) -> Option<std::time::Duration> {
        self.inner.total_duration()
    }
}

/// Standard error sent to the log while the tutor owns the screen (ALSA and other C
/// libraries write there), and given back to the terminal when dropped.
pub struct StderrToLog {
    saved: Option<std::os::fd::OwnedFd>,
}

impl StderrToLog {
    pub fn redirect(log: &std::fs::File) -> std::io::Result<StderrToLog> {
        use std::os::fd::AsFd;
        let saved = rustix::io::dup(std::io::stderr().as_fd()).ok();
        rustix::stdio::dup2_stderr(log).map_err(std::io::Error::from)?;
        Ok(StderrToLog { saved })
    }
}

impl Drop for StderrToLog {
    fn drop(&mut self) {
        if let Some(fd) = &self.saved {
            let _ = rustix::stdio::dup2_stderr(fd);
        }
    }
}

/// What a recording of `clip` of `step` says in `locale`, if the step has that text. A
/// choice with its options in a fixed order (`shuffle = false`) reads them out too,
/// numbered, for learners who read slowly; one that shuffles reads its question only,
/// since no recording can know the numbers the screen gives its options.
pub fn clip_text(step: &crate::lesson::Step, clip: &Clip, locale: &str) -> Option<String> {
    use crate::lesson::Task;
    let text = match clip {
        Clip::Step => {
            let mut text = step.text.get(locale).to_owned();
            if let Task::Choice { options } = &step.task
                && !step.shuffle
            {
                for (i, option) in options.iter().enumerate() {
                    text.push_str(&format!(
                        " {}. {}.",
                        i + 1,
                        option.text.get(locale).trim_end_matches('.')
                    ));
                }
            }
            text
        }
        Clip::Hint => step.hint.as_ref()?.get(locale).to_owned(),
        Clip::Right => step.right_feedback.as_ref()?.get(locale).to_owned(),
        Clip::Wrong => step.wrong_feedback.as_ref()?.get(locale).to_owned(),
        Clip::Answer(n) => match &step.task {
            Task::Choice { options } if step.shuffle => {
                options.get(n.checked_sub(1)?)?.text.get(locale).to_owned()
            }
            _ => return None,
        },
        Clip::Option(n) => match &step.task {
            Task::Choice { options } => options
                .get(n.checked_sub(1)?)?
                .feedback
                .as_ref()?
                .get(locale)
                .to_owned(),
            _ => return None,
        },
        Clip::Tap(_) => {
            let screen = step.screen()?;
            let index = (0..screen.tappables().count()).find(|&i| Clip::tap(screen, i) == *clip)?;
            screen
                .tappables()
                .nth(index)?
                .feedback()?
                .get(locale)
                .to_owned()
        }
    };
    Some(text)
}

/// Every clip of `step` a learner can hear, in the order she may meet them: its text,
/// hint, words for a right and a wrong answer, then each answer's and each tappable
/// thing's own feedback. Words no screen can show have no clip: the hint of a step
/// that cannot be answered wrong (a scan, a phone with only the right thing to touch),
/// and the feedback of things on a phone that cannot be touched (any but a tap step's).
pub fn step_clips(step: &crate::lesson::Step) -> Vec<Clip> {
    use crate::lesson::Task;
    let can_miss = match &step.task {
        Task::Choice { options } => options.iter().any(|o| !o.correct),
        Task::Tap { screen, target } => screen.tappables().any(|t| t.id() != Some(target.as_str())),
        Task::Type { .. } | Task::Order { .. } => true,
        Task::Explain { .. } | Task::Scan { .. } => false,
    };
    let mut clips: Vec<Clip> = CLIPS.to_vec();
    if !can_miss {
        clips.retain(|c| *c != Clip::Hint);
    }
    if let Task::Choice { options } = &step.task {
        if step.shuffle {
            clips.extend((1..=options.len()).map(Clip::Answer));
        }
        clips.extend((1..=options.len()).map(Clip::Option));
    }
    if let Task::Tap { screen, .. } = &step.task {
        clips.extend((0..screen.tappables().count()).map(|i| Clip::tap(screen, i)));
    }
    clips.retain(|clip| clip_text(step, clip, "vi").is_some());
    clips
}

/// The folder of a lesson's recordings in `locale`, under the content folder `root`.
pub fn lesson_folder(root: &Path, lesson: &str, locale: &str) -> PathBuf {
    let audio = root.join("assets").join("audio");
    if locale == "vi" {
        audio.join(lesson)
    } else {
        audio.join(locale).join(lesson)
    }
}

/// All the clips a step can have.
pub const CLIPS: [Clip; 4] = [Clip::Step, Clip::Hint, Clip::Right, Clip::Wrong];
