//! The studio as pure state: the queue of clips to record, where the volunteer is in it,
//! and what the current take is doing. `update` takes a message and returns the effects
//! the runtime carries out (open the microphone, level a take, play it, keep it), so it is
//! tested without a terminal, a microphone or a disk.

use std::path::PathBuf;

use crate::audio::slots::{Slot, Status};
use crate::audio::studio::capture::Heard;
use crate::audio::studio::process::{Gate, GateSays, Level, Processed};
use crate::gesture::Tappable;

/// One clip in the queue.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub slot: Slot,
    /// What was in the slot when the queue was made (missing, a draft, stale).
    pub status: Status,
    /// The lesson's title, or None for the interface's own words.
    pub lesson: Option<String>,
}

impl Item {
    /// The step's id (a lesson's clip), or the message id (the interface's).
    pub fn step(&self) -> &str {
        let name = self.slot.file.trim_end_matches(".ogg");
        name.split('.').next().unwrap_or(name)
    }

    /// Which of the step's texts it is: the Fluent id that names it.
    pub fn kind_id(&self) -> &'static str {
        if self.lesson.is_none() {
            return "studio-kind-words";
        }
        let name = self.slot.file.trim_end_matches(".ogg");
        match name.split_once('.').map(|(_, kind)| kind) {
            None => "studio-kind-step",
            Some("hint") => "studio-kind-hint",
            Some("ok") => "studio-kind-right",
            Some("wrong") => "studio-kind-wrong",
            Some(k) if k.starts_with("option-") => "studio-kind-option",
            Some(_) => "studio-kind-tap",
        }
    }
}

/// What the current clip's take is doing.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Waiting for the volunteer to start.
    Ready,
    /// The microphone is opening.
    Opening,
    /// Recording: the gate that ends it, the level just heard and the highest lately.
    Recording { gate: Gate, level: Level, held: f32 },
    /// Asked to stop: the samples are on their way.
    Stopping,
    /// Being trimmed and levelled.
    Processing,
    /// Ready to hear, keep or record again.
    Review(Box<Processed>),
    /// Being written.
    Saving,
    /// The microphone could not be opened, or stopped working.
    NoMicrophone(String),
    /// Nothing left in the queue.
    Finished,
}

/// Something to tell the volunteer at the top of the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The clip was kept (its label).
    Kept(String),
    /// Keeping it failed (the disk is full, or not): the take is still there to try
    /// again. What failed is in the log.
    NotKept { disk_full: bool },
}

/// The studio.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub items: Vec<Item>,
    /// Index of the clip on screen.
    pub at: usize,
    pub phase: Phase,
    pub notice: Option<Notice>,
    /// Clips kept this session.
    pub kept: usize,
    /// Asked whether to leave (a take would be thrown away).
    pub asking_to_leave: bool,
    pub quit: bool,
    /// The take being written: back on screen, to keep again, if writing it fails.
    pub held: Option<Box<Processed>>,
}

/// Keys the studio knows (the runtime translates the terminal's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Enter,
    Space,
    Esc,
    /// Ctrl+C or Ctrl+Q.
    Quit,
    Left,
    Right,
    Char(char),
}

/// What a touch can land on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Record,
    Stop,
    Play,
    Keep,
    Again,
    Skip,
    Back,
    Leave,
    Stay,
    Retry,
}

impl Tappable for Target {
    fn repeats(&self) -> bool {
        false
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(Key),
    Click(Target),
    Heard(Heard),
    Processed(Box<Processed>),
    Kept(Result<PathBuf, crate::audio::studio::encode::Unkept>),
}

/// What the runtime carries out.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Open the microphone and record.
    StartTake,
    /// End the take; its samples come back.
    StopTake,
    /// End the take and throw it away.
    DropTake,
    /// Trim, level and check a take of `text`.
    Process {
        samples: Vec<f32>,
        rate: u32,
        text: String,
    },
    Play {
        samples: Vec<f32>,
        rate: u32,
    },
    StopPlaying,
    /// Write the take as the clip of item `index`.
    Keep {
        index: usize,
        samples: Vec<f32>,
        rate: u32,
    },
    Quit,
}

impl Model {
    pub fn new(items: Vec<Item>) -> Model {
        let phase = if items.is_empty() {
            Phase::Finished
        } else {
            Phase::Ready
        };
        Model {
            items,
            at: 0,
            phase,
            notice: None,
            kept: 0,
            asking_to_leave: false,
            quit: false,
            held: None,
        }
    }

    pub fn item(&self) -> Option<&Item> {
        self.items.get(self.at)
    }

    /// The targets on screen now, in the order they are drawn (the first is the big one).
    pub fn targets(&self) -> Vec<Target> {
        if self.asking_to_leave {
            return vec![Target::Leave, Target::Stay];
        }
        match &self.phase {
            Phase::Ready if self.at == 0 => vec![Target::Record, Target::Skip, Target::Leave],
            Phase::Ready => vec![Target::Record, Target::Skip, Target::Back, Target::Leave],
            Phase::Opening | Phase::Recording { .. } => vec![Target::Stop],
            Phase::Stopping | Phase::Processing | Phase::Saving => Vec::new(),
            Phase::Review(p) if p.keepable() => {
                vec![Target::Keep, Target::Play, Target::Again, Target::Skip]
            }
            Phase::Review(_) => vec![Target::Again, Target::Skip, Target::Leave],
            Phase::NoMicrophone(_) => vec![Target::Retry, Target::Skip, Target::Leave],
            Phase::Finished => vec![Target::Leave],
        }
    }
}

/// How far the meter's hold mark falls each block (of full scale).
const HOLD_FALL: f32 = 0.02;

/// Takes `msg`, changes the model, and says what to do.
pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(key) => match key_target(model, key) {
            Some(target) => click(model, target),
            None => Vec::new(),
        },
        Msg::Click(target) => {
            if model.targets().contains(&target) {
                click(model, target)
            } else {
                Vec::new()
            }
        }
        Msg::Heard(heard) => hear(model, heard),
        Msg::Processed(processed) => {
            if model.phase == Phase::Processing {
                model.phase = Phase::Review(processed);
            }
            Vec::new()
        }
        Msg::Kept(result) => kept(model, result),
    }
}

/// What a key does where the volunteer is: the same as touching a target.
fn key_target(model: &Model, key: Key) -> Option<Target> {
    let on = model.targets();
    let first = |choices: &[Target]| choices.iter().copied().find(|t| on.contains(t));
    if model.asking_to_leave {
        return match key {
            Key::Enter | Key::Quit | Key::Char('y' | 'c') => Some(Target::Leave),
            Key::Esc | Key::Char('n' | 'k') => Some(Target::Stay),
            _ => None,
        };
    }
    match key {
        Key::Quit | Key::Esc if matches!(model.phase, Phase::Opening | Phase::Recording { .. }) => {
            // Esc ends the take unkept; the quit keys leave altogether.
            if key == Key::Quit {
                Some(Target::Leave)
            } else {
                Some(Target::Again)
            }
        }
        Key::Quit | Key::Esc | Key::Char('q') => Some(Target::Leave),
        Key::Space => first(&[Target::Record, Target::Stop, Target::Play, Target::Retry]),
        // Enter touches the lit button, the first.
        Key::Enter => on.first().copied(),
        Key::Char('p') => first(&[Target::Play]),
        Key::Char('r') => first(&[Target::Again, Target::Record, Target::Retry]),
        Key::Char('k' | 'g') => first(&[Target::Keep]),
        Key::Right | Key::Char('s' | 'n') => first(&[Target::Skip]),
        Key::Left | Key::Char('b') => first(&[Target::Back]),
        _ => None,
    }
}

fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match target {
        Target::Record | Target::Retry => {
            model.notice = None;
            model.phase = Phase::Opening;
            vec![Effect::StopPlaying, Effect::StartTake]
        }
        // A microphone still opening has nothing to give: the take is dropped (a device
        // that never opens must not leave the volunteer waiting).
        Target::Stop if model.phase == Phase::Opening => {
            model.phase = Phase::Ready;
            vec![Effect::DropTake]
        }
        Target::Stop => {
            model.phase = Phase::Stopping;
            vec![Effect::StopTake]
        }
        Target::Play => match &model.phase {
            Phase::Review(p) => vec![Effect::Play {
                samples: p.samples.clone(),
                rate: p.rate,
            }],
            _ => Vec::new(),
        },
        Target::Keep => match std::mem::replace(&mut model.phase, Phase::Saving) {
            Phase::Review(p) if p.keepable() => {
                let effect = Effect::Keep {
                    index: model.at,
                    samples: p.samples.clone(),
                    rate: p.rate,
                };
                model.held = Some(p);
                vec![Effect::StopPlaying, effect]
            }
            other => {
                model.phase = other;
                Vec::new()
            }
        },
        Target::Again => {
            let recording = matches!(model.phase, Phase::Opening | Phase::Recording { .. });
            if recording {
                model.phase = Phase::Ready;
                return vec![Effect::DropTake];
            }
            model.notice = None;
            model.phase = Phase::Opening;
            vec![Effect::StopPlaying, Effect::StartTake]
        }
        Target::Skip => {
            model.notice = None;
            move_to(model, model.at + 1);
            vec![Effect::StopPlaying]
        }
        Target::Back => {
            if model.at > 0 {
                model.notice = None;
                move_to(model, model.at - 1);
            }
            vec![Effect::StopPlaying]
        }
        Target::Leave => {
            let unkept = matches!(model.phase, Phase::Review(ref p) if p.keepable());
            if unkept && !model.asking_to_leave {
                model.asking_to_leave = true;
                return Vec::new();
            }
            model.asking_to_leave = false;
            model.quit = true;
            vec![Effect::DropTake, Effect::StopPlaying, Effect::Quit]
        }
        Target::Stay => {
            model.asking_to_leave = false;
            Vec::new()
        }
    }
}

fn move_to(model: &mut Model, index: usize) {
    model.at = index.min(model.items.len());
    model.phase = if model.at < model.items.len() {
        Phase::Ready
    } else {
        Phase::Finished
    };
}

fn hear(model: &mut Model, heard: Heard) -> Vec<Effect> {
    match heard {
        Heard::Opened { .. } => {
            if model.phase == Phase::Opening {
                let text = model.item().map_or("", |i| i.slot.text.as_str());
                model.phase = Phase::Recording {
                    gate: Gate::for_text(text),
                    level: Level::default(),
                    held: 0.0,
                };
            }
            Vec::new()
        }
        Heard::Level { level, seconds } => {
            let Phase::Recording {
                gate,
                level: shown,
                held,
            } = &mut model.phase
            else {
                return Vec::new();
            };
            *shown = level;
            *held = level.peak.max(*held - HOLD_FALL);
            match gate.feed(level, seconds) {
                GateSays::Go => Vec::new(),
                GateSays::Finished | GateSays::TooLong => {
                    model.phase = Phase::Stopping;
                    vec![Effect::StopTake]
                }
            }
        }
        Heard::Done { samples, rate } => {
            if !matches!(model.phase, Phase::Stopping | Phase::Recording { .. }) {
                return Vec::new();
            }
            model.phase = Phase::Processing;
            let text = model
                .item()
                .map(|i| i.slot.text.clone())
                .unwrap_or_default();
            vec![Effect::Process {
                samples,
                rate,
                text,
            }]
        }
        Heard::Failed(why) => {
            if matches!(
                model.phase,
                Phase::Opening | Phase::Recording { .. } | Phase::Stopping
            ) {
                model.phase = Phase::NoMicrophone(why);
            }
            Vec::new()
        }
    }
}

fn kept(
    model: &mut Model,
    result: Result<PathBuf, crate::audio::studio::encode::Unkept>,
) -> Vec<Effect> {
    if model.phase != Phase::Saving {
        return Vec::new();
    }
    match result {
        Ok(_) => {
            model.held = None;
            model.kept += 1;
            if let Some(item) = model.items.get_mut(model.at) {
                item.status = Status::Person;
                model.notice = Some(Notice::Kept(item.slot.label()));
            }
            move_to(model, model.at + 1);
        }
        Err(why) => {
            model.notice = Some(Notice::NotKept {
                disk_full: why.disk_full,
            });
            // The take stays: the volunteer frees the disk and keeps it again, or records
            // it again.
            model.phase = match model.held.take() {
                Some(p) => Phase::Review(p),
                None => Phase::Ready,
            };
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(n: usize) -> Vec<Item> {
        (0..n)
            .map(|i| Item {
                slot: Slot {
                    folder: "bai".into(),
                    file: format!("buoc-{i}.ogg"),
                    text: "Chạm vào nút Cài đặt.".into(),
                    explicit: None,
                },
                status: Status::Missing,
                lesson: Some("Bài".into()),
            })
            .collect()
    }

    fn processed(keepable: bool) -> Box<Processed> {
        Box::new(Processed {
            samples: if keepable { vec![0.1; 100] } else { Vec::new() },
            rate: 48_000,
            raw_lufs: -20.0,
            gain_db: 2.0,
            lufs: -18.0,
            peak_dbfs: -3.0,
            noise_dbfs: -90.0,
            speech_seconds: 2.0,
            problems: Vec::new(),
        })
    }

    fn level(rms: f32) -> Heard {
        Heard::Level {
            level: Level {
                peak: rms * 2.0,
                rms,
            },
            seconds: 0.05,
        }
    }

    #[test]
    fn a_take_records_ends_by_itself_after_speech_is_processed_and_kept() {
        let mut m = Model::new(items(3));
        assert_eq!(
            update(&mut m, Msg::Key(Key::Space)),
            [Effect::StopPlaying, Effect::StartTake]
        );
        assert_eq!(m.phase, Phase::Opening);
        update(&mut m, Msg::Heard(Heard::Opened { rate: 48_000 }));
        assert!(matches!(m.phase, Phase::Recording { .. }));
        for _ in 0..20 {
            assert!(update(&mut m, Msg::Heard(level(0.2))).is_empty());
        }
        let mut effects = Vec::new();
        let mut quiet_blocks = 0;
        while effects.is_empty() {
            effects = update(&mut m, Msg::Heard(level(0.0001)));
            quiet_blocks += 1;
        }
        assert_eq!(quiet_blocks, 30, "1.5 s of quiet after speech");
        assert_eq!(effects, [Effect::StopTake]);
        let effects = update(
            &mut m,
            Msg::Heard(Heard::Done {
                samples: vec![0.0; 10],
                rate: 48_000,
            }),
        );
        assert!(matches!(&effects[..], [Effect::Process { text, .. }] if text.contains("Cài đặt")));
        update(&mut m, Msg::Processed(processed(true)));
        assert!(matches!(m.phase, Phase::Review(_)));
        assert!(matches!(
            &update(&mut m, Msg::Key(Key::Char('p')))[..],
            [Effect::Play { .. }]
        ));
        let effects = update(&mut m, Msg::Click(Target::Keep));
        assert!(matches!(
            &effects[..],
            [Effect::StopPlaying, Effect::Keep { index: 0, .. }]
        ));
        assert_eq!(m.phase, Phase::Saving);
        update(&mut m, Msg::Kept(Ok(PathBuf::from("x.ogg"))));
        assert_eq!((m.at, m.kept), (1, 1));
        assert_eq!(m.items[0].status, Status::Person);
        assert_eq!(m.phase, Phase::Ready);
        assert_eq!(m.notice, Some(Notice::Kept("bai/buoc-0.ogg".into())));
    }

    #[test]
    fn a_take_that_could_not_be_written_is_still_there_to_keep_again() {
        let mut m = Model::new(items(2));
        // A take as the runtime hands it back, processed.
        m.phase = Phase::Processing;
        update(&mut m, Msg::Processed(processed(true)));
        let Phase::Review(take) = m.phase.clone() else {
            panic!("a take to review")
        };
        update(&mut m, Msg::Click(Target::Keep));
        let full = crate::audio::studio::encode::Unkept {
            disk_full: true,
            detail: "No space left on device".into(),
        };
        update(&mut m, Msg::Kept(Err(full)));
        assert_eq!(m.phase, Phase::Review(take.clone()), "the take is back");
        assert_eq!(m.notice, Some(Notice::NotKept { disk_full: true }));
        assert_eq!((m.at, m.kept), (0, 0));
        // Kept again, it is written.
        let effects = update(&mut m, Msg::Click(Target::Keep));
        assert!(matches!(
            &effects[..],
            [Effect::StopPlaying, Effect::Keep { index: 0, samples, .. }] if *samples == take.samples
        ));
        update(&mut m, Msg::Kept(Ok(PathBuf::from("x.ogg"))));
        assert_eq!((m.at, m.kept, m.held.is_none()), (1, 1, true));
    }

    #[test]
    fn a_touch_stops_a_take_and_silence_cannot_be_kept() {
        let mut m = Model::new(items(1));
        update(&mut m, Msg::Click(Target::Record));
        update(&mut m, Msg::Heard(Heard::Opened { rate: 16_000 }));
        assert_eq!(update(&mut m, Msg::Click(Target::Stop)), [Effect::StopTake]);
        update(
            &mut m,
            Msg::Heard(Heard::Done {
                samples: vec![],
                rate: 16_000,
            }),
        );
        update(&mut m, Msg::Processed(processed(false)));
        assert!(update(&mut m, Msg::Click(Target::Keep)).is_empty());
        assert_eq!(m.targets(), [Target::Again, Target::Skip, Target::Leave]);
        assert_eq!(
            update(&mut m, Msg::Key(Key::Enter)),
            [Effect::StopPlaying, Effect::StartTake]
        );
    }

    #[test]
    fn skipping_to_the_end_finishes_and_leaving_asks_only_when_a_take_would_be_lost() {
        let mut m = Model::new(items(2));
        update(&mut m, Msg::Key(Key::Right));
        assert_eq!(m.at, 1);
        update(&mut m, Msg::Key(Key::Left));
        assert_eq!(m.at, 0);
        update(&mut m, Msg::Click(Target::Skip));
        update(&mut m, Msg::Click(Target::Skip));
        assert_eq!(m.phase, Phase::Finished);

        let mut m = Model::new(items(1));
        m.phase = Phase::Review(processed(true));
        assert!(update(&mut m, Msg::Key(Key::Esc)).is_empty());
        assert!(m.asking_to_leave && !m.quit);
        update(&mut m, Msg::Click(Target::Stay));
        assert!(!m.asking_to_leave);
        update(&mut m, Msg::Key(Key::Esc));
        let effects = update(&mut m, Msg::Key(Key::Enter));
        assert!(m.quit && effects.contains(&Effect::Quit));

        let mut m = Model::new(items(1));
        assert!(update(&mut m, Msg::Key(Key::Quit)).contains(&Effect::Quit));
    }

    #[test]
    fn a_microphone_that_fails_says_so_and_esc_drops_a_take() {
        let mut m = Model::new(items(1));
        update(&mut m, Msg::Key(Key::Enter));
        update(&mut m, Msg::Heard(Heard::Failed("no device".into())));
        assert_eq!(m.phase, Phase::NoMicrophone("no device".into()));
        update(&mut m, Msg::Key(Key::Enter));
        assert_eq!(m.phase, Phase::Opening);
        assert_eq!(update(&mut m, Msg::Key(Key::Esc)), [Effect::DropTake]);
        assert_eq!(m.phase, Phase::Ready);
        // Stopping a take whose microphone has not opened yet drops it too.
        update(&mut m, Msg::Key(Key::Space));
        assert_eq!(update(&mut m, Msg::Key(Key::Space)), [Effect::DropTake]);
        assert_eq!(m.phase, Phase::Ready);
        // A late report from the dropped take changes nothing.
        update(&mut m, Msg::Heard(Heard::Opened { rate: 1 }));
        assert_eq!(m.phase, Phase::Ready);
    }

    #[test]
    fn an_items_step_and_kind_come_from_its_file_name() {
        let mut item = items(1).remove(0);
        item.slot.file = "mo-app.option-2.ogg".into();
        assert_eq!(
            (item.step(), item.kind_id()),
            ("mo-app", "studio-kind-option")
        );
        item.slot.file = "mo-app.ogg".into();
        assert_eq!(item.kind_id(), "studio-kind-step");
        item.lesson = None;
        assert_eq!(item.kind_id(), "studio-kind-words");
    }
}
