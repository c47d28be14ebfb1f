//! The runtime: owns the terminal, turns its events into messages, runs `update`, carries
//! out the effects, and draws. Nothing is printed while it runs: logs go to a file.

use std::io::stdout;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use anyhow::Context;
use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEvent, KeyEventKind,
    KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::Key;
use crate::app::{
    Effect, LearnerDetail, Model, Msg, Notice, PanelData, PanelQuery, Size, Target, update,
};
use crate::audio::{AudioEvent, Clip, Narrator, SilentNarrator, StderrToLog, resolve};
use crate::gesture::{Gestures, Phase, Timing, Touch, Verdict};
use crate::i18n::Localizer;
use crate::kiosk::{hash_pin, verify_pin, vietnam_day};
use crate::lesson::{CheckOptions, Diagnostic, SourceFile, Task, parse_lesson};
use crate::store::journal::{Ids, Journal, Pending};
use crate::store::{Learner, Store, StoreError, Write};
use crate::ui::{self, HitMap};
use std::collections::HashSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// How often the runtime wakes with nothing to do (to see if a previewed file changed).
const IDLE_TICK: Duration = Duration::from_millis(250);

/// The tutor running: the model, its words, its store, and what the last frame drew.
pub struct Tutor<S: Store> {
    pub model: Model,
    pub i18n: Localizer,
    pub store: S,
    pub narrator: Box<dyn Narrator>,
    /// The folder that holds `lessons/` and `assets/`: narration is found under it.
    pub content_root: PathBuf,
    /// Recordings already said to be missing (each is logged once).
    missing: HashSet<PathBuf>,
    pub hits: HitMap,
    /// Where touches landed before the screen last changed (see [`Gestures`]).
    hits_before: HitMap,
    /// Touches into taps: press, lift, slide-off, repeats, a screen that just changed.
    pub gestures: Gestures<Target>,
    /// The runtime's monotonic clock starts here.
    started: Instant,
    /// The kiosk's name, recorded with each session.
    pub kiosk: String,
    step_opened: Option<Instant>,
    session: Option<i64>,
    /// Writes the screen confirmed that the database has not taken yet (busy, disk full,
    /// an I/O error), oldest first; kept in the journal too while there are any.
    pending: Vec<Pending>,
    ids: Ids,
    /// Where waiting writes are kept on disk (none: only in memory, as in a preview).
    pub journal: Option<Journal>,
    /// The journal has changed since it was last written.
    journal_stale: bool,
    /// The journal could be written nowhere: what waits is only in memory.
    journal_failed: bool,
    quit: bool,
    /// The panel asked for the recording studio: it opens on this terminal at the next
    /// turn of the loop.
    studio_asked: bool,
    /// Set by a signal (SIGTERM, SIGHUP, SIGINT): the tutor closes as if asked.
    pub stop: Arc<AtomicBool>,
    watch: Option<Watch>,
    /// The last touch or key: the idle timeout counts from here.
    last_input: Instant,
    /// A key held back until the next frame is drawn (see `run`).
    held: Option<Event>,
}

/// `preview`: the file shown and when it last changed.
struct Watch {
    path: PathBuf,
    modified: Option<SystemTime>,
    /// The glossary beside the lesson, and when it last changed.
    glossary: PathBuf,
    glossary_modified: Option<SystemTime>,
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl<S: Store> Tutor<S> {
    pub fn new(model: Model, i18n: Localizer, store: S) -> Tutor<S> {
        Tutor {
            model,
            i18n,
            store,
            narrator: Box::new(SilentNarrator::default()),
            content_root: PathBuf::from("."),
            missing: HashSet::new(),
            hits: HitMap::default(),
            hits_before: HitMap::default(),
            gestures: Gestures::new(Timing::default()),
            started: Instant::now(),
            kiosk: "kiosk".to_owned(),
            step_opened: None,
            session: None,
            pending: Vec::new(),
            ids: Ids::default(),
            journal: None,
            journal_stale: false,
            journal_failed: false,
            quit: false,
            stop: Arc::new(AtomicBool::new(false)),
            watch: None,
            last_input: Instant::now(),
            held: None,
            studio_asked: false,
        }
    }

    /// Feeds `msg` to `update` and carries out what it asks.
    pub fn dispatch(&mut self, msg: Msg) {
        let mut queue = vec![msg];
        while let Some(msg) = queue.pop() {
            for effect in update(&mut self.model, msg) {
                queue.extend(self.perform(effect));
            }
        }
    }

    /// Carries out effects that came from outside `dispatch` (a model built with them).
    pub fn perform_all(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            if let Some(msg) = self.perform(effect) {
                self.dispatch(msg);
            }
        }
    }

    /// Carries out one effect; some answer with a message.
    fn perform(&mut self, effect: Effect) -> Option<Msg> {
        let at = now();
        match effect {
            Effect::Say(speech) => {
                let files: Vec<PathBuf> = speech
                    .iter()
                    .filter_map(|s| match s {
                        crate::app::Speech::Lesson(n) => self.recording(n),
                        crate::app::Speech::Words { id, locale } => {
                            self.words_recording(id, locale)
                        }
                        crate::app::Speech::Term { id, locale } => {
                            crate::audio::resolve_term(&self.content_root, id, locale)
                        }
                    })
                    .collect();
                if files.is_empty() {
                    self.narrator.stop();
                } else {
                    self.narrator.play_all(&files);
                }
                None
            }
            Effect::PreloadNarration(n) => {
                if let Some(file) = self.recording(&n) {
                    self.narrator.preload(&file);
                }
                None
            }
            Effect::StopNarration => {
                self.narrator.stop();
                None
            }
            Effect::SetVolume(v) => {
                self.narrator.set_volume(f32::from(v) / 100.0);
                None
            }
            Effect::SaveSound { learner, sound } => {
                if let Err(e) = self.store.save_sound(&learner, sound) {
                    tracing::warn!("saving a sound setting: {e}");
                }
                None
            }
            Effect::CreateLearner { name, age_band } => {
                match self.recovering(|store| store.create_learner(&name, age_band, at)) {
                    Ok(learner) => {
                        tracing::info!("new learner");
                        self.start_session(&learner.code, at);
                        Some(Msg::LearnerCreated { learner, now: at })
                    }
                    Err(e) => {
                        tracing::error!("creating a learner: {e}");
                        None
                    }
                }
            }
            Effect::FindLearner { code } => {
                let found = match self.recovering(|store| store.find_learner(&code)) {
                    Ok(Some(learner)) => match self.store.progress(&learner.code) {
                        Ok(progress) => Some((learner, Box::new(progress))),
                        Err(e) => {
                            tracing::error!("reading a learner's progress: {e}");
                            Some((learner, Default::default()))
                        }
                    },
                    Ok(None) => None,
                    Err(e) => {
                        tracing::error!("looking up a learner: {e}");
                        None
                    }
                };
                if let Some((learner, _)) = &found {
                    self.start_session(&learner.code.clone(), at);
                }
                Some(Msg::LearnerFound {
                    code,
                    found,
                    now: at,
                })
            }
            Effect::SignedOut => {
                if let Some(session) = self.session.take()
                    && let Err(e) = self.store.end_session(session, at)
                {
                    tracing::warn!("ending a session: {e}");
                }
                None
            }
            Effect::StepOpened { .. } => {
                self.step_opened = Some(Instant::now());
                None
            }
            Effect::SavePlace { learner, place } => self.write(Write::Place { learner, place, at }),
            Effect::SaveAttempt(mut attempt) => {
                attempt.millis = self
                    .step_opened
                    .map_or(0, |t| t.elapsed().as_millis() as u64);
                self.write(Write::Attempt { attempt, at })
            }
            Effect::NeedsVolunteer {
                learner,
                lesson,
                step,
            } => {
                tracing::warn!(lesson, step, "a learner needs a volunteer");
                self.write(Write::NeedsVolunteer {
                    learner,
                    lesson,
                    step,
                    at,
                })
            }
            Effect::LessonEnded {
                learner,
                lesson,
                end,
                intervals,
            } => self.write(Write::LessonEnd {
                learner,
                lesson,
                end,
                intervals,
                at,
            }),
            Effect::CheckPin(pin) => {
                let right = match self.store.pin_hash() {
                    Ok(Some(hash)) => verify_pin(&pin, &hash),
                    Ok(None) => false,
                    Err(e) => {
                        tracing::error!("reading the volunteer PIN: {e}");
                        false
                    }
                };
                tracing::info!(right, "volunteer PIN tried");
                Some(Msg::PinChecked { right, now: at })
            }
            Effect::SavePin(pin) => match hash_pin(&pin) {
                Ok(hash) => match self.store.set_pin_hash(&hash) {
                    Ok(()) => {
                        tracing::info!("volunteer PIN chosen");
                        Some(Msg::PinSaved)
                    }
                    Err(e) => {
                        tracing::error!("keeping the volunteer PIN: {e}");
                        None
                    }
                },
                Err(e) => {
                    tracing::error!("hashing the volunteer PIN: {e}");
                    None
                }
            },
            Effect::Load(query) => Some(Msg::Panel(self.load(query, at))),
            Effect::Reset { learner, lesson } => {
                match self.store.reset(&learner, lesson.as_deref(), at) {
                    Ok(()) => tracing::info!(lesson, "progress reset by a volunteer"),
                    Err(e) => tracing::error!("resetting progress: {e}"),
                }
                None
            }
            Effect::Forget { learner } => {
                match self.store.forget_learner(&learner) {
                    Ok(_) => tracing::info!("a learner erased by a volunteer"),
                    Err(e) => tracing::error!("erasing a learner: {e}"),
                }
                None
            }
            Effect::HelpGiven { learner } => {
                if let Err(e) = self.store.help_given(&learner, at) {
                    tracing::warn!("marking help given: {e}");
                }
                None
            }
            Effect::AddNote { learner, text } => {
                if let Err(e) = self.store.add_note(&learner, &text, at) {
                    tracing::error!("keeping a volunteer's note: {e}");
                }
                None
            }
            Effect::StartGuided { learner, lesson } => {
                let found = self.store.find_learner(&learner).and_then(|l| {
                    l.map(|l| self.store.progress(&l.code).map(|p| (l, p)))
                        .transpose()
                });
                match found {
                    Ok(Some((learner, progress))) => {
                        self.start_session(&learner.code, at);
                        if let Some(session) = self.session
                            && let Err(e) = self.store.session_assisted(session)
                        {
                            tracing::warn!("marking the session guided: {e}");
                        }
                        tracing::info!(lesson, "guided session");
                        Some(Msg::GuidedStarted {
                            learner,
                            progress: Box::new(progress),
                            lesson,
                            now: at,
                        })
                    }
                    Ok(None) => None,
                    Err(e) => {
                        tracing::error!("starting a guided session: {e}");
                        None
                    }
                }
            }
            Effect::Quit => {
                self.quit = true;
                None
            }
            Effect::OpenStudio => {
                self.studio_asked = true;
                None
            }
        }
    }

    /// Reads what the volunteer panel asked for.
    fn load(&mut self, query: PanelQuery, at: i64) -> PanelData {
        let logged = |e: crate::store::StoreError| {
            tracing::error!("reading for the volunteer panel: {e}");
            e
        };
        match query {
            PanelQuery::Learners(q) => PanelData::Learners(
                self.store
                    .find_learners(&q, crate::app::volunteer::SEARCH_LIMIT)
                    .map_err(logged)
                    .unwrap_or_default(),
            ),
            PanelQuery::Learner(code) => {
                let row = self
                    .store
                    .find_learners(&code, crate::app::volunteer::SEARCH_LIMIT)
                    .map_err(logged)
                    .unwrap_or_default()
                    .into_iter()
                    .find(|r| r.code == code);
                PanelData::Learner(row.map(|learner| {
                    Box::new(LearnerDetail {
                        progress: self
                            .store
                            .progress(&code)
                            .map_err(logged)
                            .unwrap_or_default(),
                        notes: self.store.notes(&code).map_err(logged).unwrap_or_default(),
                        learner,
                    })
                }))
            }
            PanelQuery::HelpCalls => {
                PanelData::HelpCalls(self.store.help_calls().map_err(logged).unwrap_or_default())
            }
            PanelQuery::Today => {
                let (from, to) = vietnam_day(at);
                PanelData::Figures(self.store.figures(from, to).map_err(|e| e.to_string()))
            }
            PanelQuery::Narration => {
                use crate::audio::slots::{all_slots, coverage};
                let slots = all_slots(
                    &self.model.lessons,
                    &self.model.glossary,
                    &self.i18n,
                    crate::i18n::Lang::Vi,
                );
                PanelData::Narration(coverage(&self.content_root, &slots, "vi").0)
            }
        }
    }

    /// The recording of the interface's words `id`, if there is one; a missing one is
    /// logged once.
    fn words_recording(&mut self, id: &str, locale: &str) -> Option<PathBuf> {
        let found = crate::audio::resolve_words(&self.content_root, id, locale);
        if found.is_none() {
            let key = PathBuf::from(format!("{locale}/ui/{id}"));
            if self.missing.insert(key) {
                tracing::info!(id, locale, "no recording of these words");
            }
        }
        found
    }

    /// The recording for `n`, if there is one; a missing one is logged once.
    fn recording(&mut self, n: &crate::app::Narration) -> Option<PathBuf> {
        let found = resolve(
            &self.content_root,
            &n.lesson,
            &n.step,
            &n.clip,
            n.locale,
            n.file.as_deref(),
        );
        if found.is_none() && n.clip == Clip::Step {
            let key = PathBuf::from(format!("{}/{}/{}", n.locale, n.lesson, n.step));
            if self.missing.insert(key) {
                tracing::info!(
                    lesson = n.lesson,
                    step = n.step,
                    locale = n.locale,
                    "no narration recorded for this step"
                );
            }
        }
        found
    }

    /// Takes in what the narrator reports: a missing device once, broken files, and
    /// how soon narration started.
    pub fn hear(&mut self) {
        for event in self.narrator.events() {
            match event {
                AudioEvent::Unavailable(why) => {
                    tracing::warn!("no sound device ({why}): narration is silent");
                    self.dispatch(Msg::SoundAvailable(false));
                }
                AudioEvent::Failed { file, error } => {
                    tracing::warn!(file = %file.display(), "narration cannot be played: {error}");
                }
                AudioEvent::Started { file, latency_ms } => {
                    tracing::info!(file = %file.display(), latency_ms, "narration started");
                }
            }
        }
    }

    fn start_session(&mut self, learner: &str, at: i64) {
        let kiosk = self.kiosk.clone();
        match self.recovering(|store| store.start_session(learner, &kiosk, at)) {
            Ok(id) => self.session = Some(id),
            Err(e) => tracing::warn!("starting a session: {e}"),
        }
    }

    /// Runs `f` on the store; if it finds the database damaged, moves it aside, starts a
    /// fresh one and runs `f` again there.
    fn recovering<T>(
        &mut self,
        mut f: impl FnMut(&mut S) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match f(&mut self.store) {
            Err(e) if e.is_damage() => {
                self.recover(&e);
                f(&mut self.store)
            }
            result => result,
        }
    }

    /// Writes `write` after any writes still waiting, in order; a write the database
    /// cannot take now waits, in memory and in the journal. Returns the new count of
    /// waiting writes for the screen when it changed.
    fn write(&mut self, write: Write) -> Option<Msg> {
        let learner = self
            .model
            .learner
            .clone()
            .filter(|l| l.code == write.learner());
        let millis = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        self.pending.push(Pending {
            id: self.ids.next(millis),
            write,
            learner,
            journaled: false,
        });
        self.journal_stale = true;
        self.flush();
        self.unsaved_changed()
    }

    /// The count of waiting writes, when the screen shows another.
    fn unsaved_changed(&self) -> Option<Msg> {
        (self.model.unsaved != self.pending.len()).then_some(Msg::Unsaved(self.pending.len()))
    }

    /// Tries the waiting writes, oldest first, stopping at the first that must wait; a
    /// damaged database is moved aside and the writes go to a fresh one. Then the
    /// journal is brought up to date.
    fn flush(&mut self) {
        let mut recovered = false;
        while let Some(p) = self.pending.first() {
            let result = if p.journaled {
                self.store.apply_once(&p.id, &p.write).map(|_| ())
            } else {
                p.write.apply(&mut self.store)
            };
            match result {
                Ok(()) => {
                    self.pending.remove(0);
                    self.journal_stale = true;
                }
                Err(e) if e.is_damage() && !recovered => {
                    recovered = true;
                    self.recover(&e);
                }
                Err(StoreError::NoSuchLearner(_)) => {
                    // Erased by a volunteer since: nothing of hers is kept.
                    tracing::warn!("a write for a learner no longer on this kiosk is dropped");
                    self.pending.remove(0);
                    self.journal_stale = true;
                }
                Err(e) => {
                    tracing::warn!(waiting = self.pending.len(), "saving delayed: {e}");
                    break;
                }
            }
        }
        if self.journal_stale || self.journal_failed {
            self.keep_journal();
        }
    }

    /// Writes what waits to the journal (or clears it when nothing does).
    fn keep_journal(&mut self) {
        let Some(journal) = &self.journal else {
            self.journal_stale = false;
            return;
        };
        for p in &mut self.pending {
            p.journaled = true;
        }
        match journal.keep(&self.pending) {
            Ok(place) => {
                if let Some(place) = place {
                    tracing::info!(waiting = self.pending.len(), journal = %place.display(), "waiting writes kept in the journal");
                }
                self.journal_failed = false;
                self.journal_stale = false;
            }
            Err(e) => {
                if !self.journal_failed {
                    tracing::error!(
                        waiting = self.pending.len(),
                        "the journal cannot be written anywhere ({e}): the waiting writes are kept in memory only"
                    );
                }
                self.journal_failed = true;
            }
        }
    }

    /// The database was found damaged while saving: it is moved aside, a fresh one takes
    /// its place, and the learners whose writes wait are put back in it under their own
    /// codes, so that nothing confirmed is lost.
    fn recover(&mut self, why: &StoreError) {
        let at = now();
        match self.store.recover(at) {
            Ok(aside) => {
                tracing::error!("the database was damaged while in use ({why})");
                self.restore_learners(at);
                if let Some(aside) = aside {
                    let notice = Notice::DatabaseMovedAside(aside.display().to_string());
                    if !self.model.notices.contains(&notice) {
                        self.model.notices.push(notice);
                    }
                }
                self.session = None;
                if let Some(code) = self.model.learner.as_ref().map(|l| l.code.clone()) {
                    match self.store.start_session(&code, &self.kiosk, at) {
                        Ok(id) => self.session = Some(id),
                        Err(e) => tracing::warn!("starting a session: {e}"),
                    }
                }
            }
            Err(e) => tracing::error!("the damaged database cannot be moved aside: {e}"),
        }
    }

    /// Puts the learner at the kiosk and every learner with a waiting write into a
    /// database that has just been started afresh.
    fn restore_learners(&mut self, at: i64) {
        let mut learners: Vec<Learner> = self.model.learner.iter().cloned().collect();
        for p in &self.pending {
            if let Some(l) = &p.learner
                && !learners.iter().any(|k| k.code == l.code)
            {
                learners.push(l.clone());
            }
        }
        for learner in &learners {
            if let Err(e) = self.store.ensure_learner(learner, at) {
                tracing::error!("putting a learner back: {e}");
            }
        }
    }

    /// Takes in the writes a previous run kept in the journal (it stopped before the
    /// database could take them) and saves them. `fresh`: the database was just started
    /// afresh (the old one was damaged), so their learners are put back first.
    pub fn replay_journal(&mut self, fresh: bool) -> usize {
        let Some(journal) = &self.journal else {
            return 0;
        };
        let replay = journal.load();
        for problem in &replay.problems {
            tracing::warn!("journal: {problem}");
        }
        let found = replay.pending.len();
        if found == 0 {
            return 0;
        }
        tracing::info!(writes = found, "saving the writes kept in the journal");
        let mut kept = replay.pending;
        kept.append(&mut self.pending);
        self.pending = kept;
        self.journal_stale = true;
        if fresh {
            self.restore_learners(now());
        }
        self.flush();
        if let Some(msg) = self.unsaved_changed() {
            self.dispatch(msg);
        }
        tracing::info!(
            saved = found.saturating_sub(self.pending.len()),
            waiting = self.pending.len(),
            "journal replayed"
        );
        found
    }

    /// Writes still waiting to be saved.
    pub fn waiting(&self) -> usize {
        self.pending.len()
    }

    /// Whether what waits is at least in the journal on disk.
    pub fn waiting_kept(&self) -> bool {
        !self.journal_failed && self.journal.is_some()
    }

    /// Tries the waiting writes again (the runtime does this when idle).
    pub fn retry(&mut self) {
        if self.pending.is_empty() && !self.journal_failed {
            return;
        }
        self.flush();
        if self.pending.is_empty() {
            tracing::info!("delayed writes saved");
        }
        if let Some(msg) = self.unsaved_changed() {
            self.dispatch(msg);
        }
    }

    /// Closing: tries the waiting writes for up to `wait` (a busy or full disk may come
    /// back), then leaves what is left in the journal for the next start. How many
    /// writes are not saved.
    pub fn finish(&mut self, wait: Duration) -> usize {
        let until = Instant::now() + wait;
        self.flush();
        while !self.pending.is_empty() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(100));
            self.flush();
        }
        if !self.pending.is_empty() {
            self.journal_stale = true;
            self.keep_journal();
            tracing::warn!(
                waiting = self.pending.len(),
                in_journal = self.waiting_kept(),
                "closing with writes not yet saved"
            );
        }
        self.pending.len()
    }

    /// Milliseconds on the runtime's monotonic clock.
    fn millis(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// A frame was drawn with these targets: the gesture layer learns whether the screen
    /// changed.
    pub fn drawn(&mut self, hits: HitMap, at: u64) {
        let changed = hits != self.hits;
        if changed {
            self.hits_before = std::mem::replace(&mut self.hits, hits);
        }
        self.gestures.shown(changed, at);
    }

    /// A mouse event (a touch, on a touch screen) at `at`: a tap, once the gesture layer
    /// says the finger lifted where it went down and nothing else stands against it.
    pub fn touch(&mut self, mouse: MouseEvent, at: u64) -> Option<Msg> {
        let phase = match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => Phase::Down,
            MouseEventKind::Drag(MouseButton::Left) => Phase::Drag,
            MouseEventKind::Up(MouseButton::Left) => Phase::Up,
            // A terminal that turns a sliding finger into scrolling ends the touch there.
            MouseEventKind::ScrollUp
            | MouseEventKind::ScrollDown
            | MouseEventKind::ScrollLeft
            | MouseEventKind::ScrollRight
                if self.gestures.pressed() =>
            {
                Phase::Lost
            }
            _ => return None,
        };
        let cell = (mouse.column, mouse.row);
        let verdict = self.gestures.touch(Touch {
            phase,
            cell,
            hit: self.hits.at(cell.0, cell.1),
            was: self.hits_before.at(cell.0, cell.1),
            at,
        });
        match verdict {
            Verdict::Tap(target) => Some(Msg::Click(target)),
            Verdict::Dropped(why) => {
                tracing::debug!(?why, ?cell, "touch did nothing");
                None
            }
            Verdict::Nothing => None,
        }
    }

    /// What a terminal event means to the tutor.
    pub fn translate(&self, event: Event) -> Option<Msg> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                let key = translate_key(key)?;
                // Where ▲ and ▼ move a view with nothing to focus, the arrows do the same.
                let arrow = match key {
                    Key::Up => Some(false),
                    Key::Down => Some(true),
                    _ => None,
                };
                // The text's first; the phone's when it is alone on the screen, or when
                // nothing is typed into it (beside the text, the field stays in view).
                let typing = self.model.run().is_some_and(|(_, step, run)| {
                    matches!(step.task, Task::Type { .. }) && !run.state.show_picture
                });
                let button = |on_phone: bool| {
                    self.hits
                        .regions()
                        .iter()
                        .find_map(|&(_, target)| match target {
                            Target::Scroll { down, picture }
                                if Some(down) == arrow && picture == on_phone =>
                            {
                                Some(target)
                            }
                            _ => None,
                        })
                };
                let button = button(false).or_else(|| button(true).filter(|_| !typing));
                Some(button.map_or(Msg::Key(key), Msg::Click))
            }
            Event::Resize(width, height) => Some(Msg::Resize(Size::new(width, height))),
            _ => None,
        }
    }

    /// `preview`: reloads the file if it changed since last looked at.
    /// Reloads the watched lesson if its file changed; true if it did (the screen must
    /// be drawn again: the step's text changed even where the step did not).
    fn reload_if_changed(&mut self) -> bool {
        let Some(watch) = &mut self.watch else {
            return false;
        };
        let modified = std::fs::metadata(&watch.path)
            .and_then(|m| m.modified())
            .ok();
        let glossary_modified = std::fs::metadata(&watch.glossary)
            .and_then(|m| m.modified())
            .ok();
        if glossary_modified != watch.glossary_modified {
            watch.glossary_modified = glossary_modified;
            let folder = watch.glossary.parent().unwrap_or(Path::new(".")).to_owned();
            tracing::info!(file = %watch.glossary.display(), "glossary changed, reloading");
            let (glossary, problems, _) = crate::lesson::Glossary::load(&folder);
            for problem in &problems {
                tracing::warn!(problem = %problem.message, line = problem.start.line, "glossary");
            }
            self.dispatch(Msg::GlossaryReloaded(std::sync::Arc::new(glossary)));
            return true;
        }
        if modified == watch.modified {
            return false;
        }
        watch.modified = modified;
        let path = watch.path.clone();
        tracing::info!(file = %path.display(), "lesson changed, reloading");
        self.dispatch(Msg::LessonReloaded(load_one(&path)));
        true
    }

    /// Carries out one terminal event; true if what follows must wait for the next frame
    /// (a touch acted, or ▲ or ▼ moved a view: what comes next depends on what it shows).
    fn handle(&mut self, event: Event) -> bool {
        let msg = match event {
            Event::Mouse(mouse) => {
                // A finger on the screen, even one that does nothing: she is there.
                if !matches!(mouse.kind, MouseEventKind::Moved) {
                    self.last_input = Instant::now();
                }
                let at = self.millis();
                self.touch(mouse, at)
            }
            event => self.translate(event),
        };
        let Some(msg) = msg else {
            return false;
        };
        if matches!(msg, Msg::Key(_) | Msg::Click(_)) {
            self.last_input = Instant::now();
        }
        let wait = matches!(msg, Msg::Click(_));
        self.dispatch(msg);
        wait
    }

    /// Runs in the terminal until the learner or volunteer quits.
    pub fn run(&mut self, terminal: &mut DefaultTerminal) -> anyhow::Result<()> {
        let size = terminal.size()?;
        self.dispatch(Msg::Resize(Size::new(size.width, size.height)));
        let greeting = self.model.greeting();
        self.perform_all(greeting);
        let mut dirty = true;
        while !self.quit {
            if self.stop.load(Ordering::Relaxed) {
                tracing::info!("asked to close (a signal): closing as a volunteer would");
                break;
            }
            if dirty {
                let mut hits = HitMap::default();
                terminal.draw(|frame| hits = ui::draw(frame, &self.model, &self.i18n))?;
                let at = self.millis();
                self.drawn(hits, at);
                dirty = false;
            }
            let before = self.model.notices.len();
            self.hear();
            dirty |= before != self.model.notices.len();
            if let Some(event) = self.held.take() {
                self.handle(event);
                dirty = true;
                continue;
            }
            if std::mem::take(&mut self.studio_asked) {
                self.open_studio(terminal);
                dirty = true;
                continue;
            }
            if event::poll(IDLE_TICK)? {
                // Handle everything pending before drawing again, but an arrow key that
                // follows other input, and whatever follows a ▲ or ▼: what they do depends
                // on what the next frame shows.
                let mut handled = false;
                loop {
                    let event = event::read()?;
                    if handled && is_arrow(&event) {
                        self.held = Some(event);
                        break;
                    }
                    // Test trigger for the panic hook (tests/tmux.rs); not in release builds.
                    #[cfg(debug_assertions)]
                    if matches!(event, Event::Key(_))
                        && std::env::var_os("HOCSO_TEST_PANIC").is_some()
                    {
                        panic!("HOCSO_TEST_PANIC is set and a key was pressed");
                    }
                    let wait = self.handle(event);
                    handled = true;
                    dirty = true;
                    if wait || self.quit || !event::poll(Duration::ZERO)? {
                        break;
                    }
                }
            } else {
                let seen = |m: &Model| (m.screen.clone(), m.notices.clone(), m.idle_left);
                let before = seen(&self.model);
                self.retry();
                dirty |= self.reload_if_changed();
                self.dispatch(Msg::Tick {
                    now: now(),
                    idle: self.last_input.elapsed().as_secs(),
                });
                dirty |= before != seen(&self.model);
            }
        }
        Ok(())
    }
}

fn is_arrow(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(KeyEvent {
            code: KeyCode::Up | KeyCode::Down,
            ..
        })
    )
}

fn translate_key(key: KeyEvent) -> Option<Key> {
    // Raw mode: Ctrl+C, Ctrl+Z and Ctrl+\ arrive as keys, not signals. Only the quit keys
    // and the volunteer chord mean anything; `update` decides whether quitting is allowed.
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        let letter = match key.code {
            KeyCode::Char(c) => c.to_ascii_lowercase(),
            _ => return None,
        };
        return match letter {
            'v' if key.modifiers.contains(KeyModifiers::ALT) => Some(Key::Volunteer),
            'c' | 'q' => Some(Key::Quit),
            _ => None,
        };
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

/// Sets up logging to `data_dir/hocso.log`, and sends standard error there too while the
/// returned guard lives: the terminal belongs to the tutor.
pub fn log_to_file(data_dir: &Path) -> anyhow::Result<(PathBuf, Option<StderrToLog>)> {
    std::fs::create_dir_all(data_dir)
        .with_context(|| format!("creating {}", data_dir.display()))?;
    let path = data_dir.join("hocso.log");
    let file = open_log(&path).with_context(|| format!("opening {}", path.display()))?;
    // The log names the steps learners found hard: the kiosk user's alone.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(data_dir, std::fs::Permissions::from_mode(0o700));
        // On the file opened (never on what a link points to).
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o600));
    }
    let stderr = match StderrToLog::redirect(&file) {
        Ok(guard) => Some(guard),
        Err(e) => {
            tracing::warn!("standard error stays on the terminal: {e}");
            None
        }
    };
    tracing_subscriber::fmt()
        .with_writer(LogFile::new(file))
        .with_ansi(false)
        .log_internal_errors(false)
        .with_max_level(tracing::Level::INFO)
        .try_init()
        .ok();
    Ok((path, stderr))
}

/// The log, opened to append, never through a symbolic link (it would append to, and
/// restrict, whatever the link points to).
fn open_log(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options
            .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
            .mode(0o600);
    }
    options.open(path).map_err(|e| {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            std::io::Error::other(format!(
                "{} is a symbolic link; hocso writes its log only to a plain file (remove the link)",
                path.display()
            ))
        } else {
            e
        }
    })
}

/// The log file as the tutor writes to it. A line that cannot be written (a full or
/// failing disk) is dropped and counted, never waited for and never a panic; the count
/// is written once lines go through again. No lock: each line is one `write` to a file
/// opened to append, so a panic while logging cannot leave a lock held for the panic's
/// own message.
#[derive(Clone)]
pub struct LogFile {
    file: Arc<std::fs::File>,
    dropped: Arc<std::sync::atomic::AtomicU64>,
}

impl LogFile {
    pub fn new(file: std::fs::File) -> LogFile {
        LogFile {
            file: Arc::new(file),
            dropped: Arc::default(),
        }
    }

    /// Lines dropped since the last one that went through.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

impl std::io::Write for LogFile {
    fn write(&mut self, line: &[u8]) -> std::io::Result<usize> {
        let mut file = &*self.file;
        let dropped = self.dropped.swap(0, Ordering::Relaxed);
        if dropped > 0 {
            let note = format!("({dropped} log lines could not be written and were dropped)\n");
            if file.write_all(note.as_bytes()).is_err() {
                self.dropped.fetch_add(dropped + 1, Ordering::Relaxed);
                return Ok(line.len());
            }
        }
        if file.write_all(line).is_err() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
        Ok(line.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogFile {
    type Writer = LogFile;

    fn make_writer(&'a self) -> LogFile {
        self.clone()
    }
}

/// Takes the terminal (raw mode, alternate screen, mouse capture: touch screens send
/// clicks), runs `tutor`, and gives the terminal back, also after a panic.
pub fn run_in_terminal<S: Store>(tutor: &mut Tutor<S>) -> anyhow::Result<()> {
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's hook (`previous`) leaves raw mode and the alternate screen but shows
        // no cursor: only dropping the `Terminal` does, and a panic may not unwind to it.
        // Nothing here logs through tracing: the panic may have come from inside it. The
        // standard hook (`previous` ends with it) writes the message to standard error,
        // which is the log, ignoring a failed write.
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
    let watching = HangupWatch::start(tutor.stop.clone());
    let result = execute!(stdout(), EnableMouseCapture)
        .context("enabling mouse capture")
        .and_then(|()| tutor.run(&mut terminal));
    drop(watching);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

impl<S: Store> Tutor<S> {
    /// The recording studio, opened from the volunteer panel, on the tutor's terminal;
    /// back in the panel when the volunteer leaves it, with its narration count read
    /// again.
    fn open_studio(&mut self, terminal: &mut DefaultTerminal) {
        use crate::studio::{StudioContext, Words, queue, run_on};
        self.narrator.stop();
        let lang = crate::i18n::Lang::Vi;
        let items = queue(
            &self.content_root,
            &self.model.lessons,
            &self.model.glossary,
            &self.i18n,
            lang,
            Words::Last,
        );
        tracing::info!(clips = items.len(), "the studio opens from the panel");
        let i18n = std::mem::replace(&mut self.i18n, Localizer::embedded());
        let ctx = StudioContext {
            items,
            root: self.content_root.clone(),
            locale: lang.code().to_owned(),
            name: None,
            i18n,
            lang: self.model.lang,
            timing: self.gestures.timing,
            stop: self.stop.clone(),
        };
        let (ran, ctx) = run_on(terminal, ctx);
        self.i18n = ctx.i18n;
        match ran {
            Ok(kept) => tracing::info!(kept, "the studio closed"),
            Err(e) => tracing::warn!("the studio stopped: {e:#}"),
        }
        let _ = terminal.clear();
        self.last_input = Instant::now();
        let effects = self.model.panel_reopened();
        self.perform_all(effects);
    }
}

/// Notices the terminal going away (its window closed, the kiosk's compositor gone, a
/// tmux killed) while the tutor waits for input.
///
/// crossterm then reads the dead terminal again and again, forever, inside its own
/// wait: the tutor's loop never gets back control, burns a core, and never closes.
/// So a thread looks at standard input four times a second; when it has hung up, it
/// asks the tutor to stop and puts an empty pipe in its place, whose reads say "nothing
/// yet". crossterm's wait then ends, and the tutor closes as a volunteer would:
/// what waits to be saved is saved, or kept, first.
pub struct HangupWatch {
    done: Arc<AtomicBool>,
}

impl HangupWatch {
    pub fn start(stop: Arc<AtomicBool>) -> HangupWatch {
        let done = Arc::new(AtomicBool::new(false));
        let finished = done.clone();
        let spawned = std::thread::Builder::new()
            .name("hangup-watch".into())
            .spawn(move || {
                while !finished.load(Ordering::Relaxed) {
                    if stdin_hung_up() {
                        tracing::info!("the terminal has gone: closing as a volunteer would");
                        stop.store(true, Ordering::Relaxed);
                        if let Err(e) = quiet_stdin() {
                            tracing::warn!("cannot set the gone terminal aside: {e}");
                        }
                        return;
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
            });
        if let Err(e) = spawned {
            tracing::warn!("cannot watch the terminal: {e}");
        }
        HangupWatch { done }
    }
}

impl Drop for HangupWatch {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
    }
}

/// Whether standard input is a terminal that has hung up.
fn stdin_hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let stdin = std::io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match rustix::event::poll(&mut fds, Some(&now)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

/// Puts an empty, non-blocking pipe where standard input was (its writing end kept
/// open, so reads say "nothing yet" rather than "the end").
fn quiet_stdin() -> std::io::Result<()> {
    use rustix::pipe::{PipeFlags, pipe_with};
    static KEPT: std::sync::OnceLock<std::os::fd::OwnedFd> = std::sync::OnceLock::new();
    let (read, write) = pipe_with(PipeFlags::NONBLOCK | PipeFlags::CLOEXEC)?;
    rustix::stdio::dup2_stdin(&read)?;
    let _ = KEPT.set(write);
    Ok(())
}

/// A message alone on the screen (why the tutor cannot start), until Ctrl+Q, Ctrl+C or
/// a signal to stop.
pub fn show_message(message: &str) -> anyhow::Result<()> {
    use ratatui::widgets::{Paragraph, Wrap};
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(signal, stop.clone());
    }
    let mut terminal = ratatui::init();
    let shown = (|| -> anyhow::Result<()> {
        while !stop.load(Ordering::Relaxed) {
            terminal.draw(|frame| {
                let area = frame.area();
                frame.buffer_mut().set_style(area, crate::ui::theme::base());
                let text = Paragraph::new(message)
                    .style(crate::ui::theme::base())
                    .wrap(Wrap { trim: true });
                frame.render_widget(text, area.inner(ratatui::layout::Margin::new(1, 1)));
            })?;
            if event::poll(IDLE_TICK)?
                && let Event::Key(key) = event::read()?
                && translate_key(key) == Some(Key::Quit)
            {
                break;
            }
        }
        Ok(())
    })();
    ratatui::restore();
    shown
}

impl<S: Store> Tutor<S> {
    /// Watches `path` and reloads it when it changes (`preview`).
    pub fn watch(&mut self, path: &Path) {
        let folder = path.parent().filter(|d| !d.as_os_str().is_empty());
        let glossary = folder
            .unwrap_or(Path::new("."))
            .join(crate::lesson::glossary::FILE);
        self.watch = Some(Watch {
            path: path.to_owned(),
            modified: std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            glossary_modified: std::fs::metadata(&glossary).and_then(|m| m.modified()).ok(),
            glossary,
        });
    }
}
