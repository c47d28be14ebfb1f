//! The microphone and the speaker, each on a thread of its own: the screen asks and reads
//! what they report, and never waits for either.
//!
//! A take reports its level every [`BLOCK`] seconds of sound (20 times a second when the
//! microphone runs in real time) and ends when asked, or when the microphone fails; its
//! samples come back mono.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::process::{Level, mono};

/// Seconds of sound between level reports.
pub const BLOCK: f64 = 0.05;

/// A microphone that delivers nothing for this long has stopped working (unplugged).
const SILENT_DEVICE: std::time::Duration = std::time::Duration::from_secs(3);

/// What a take in progress reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// The microphone is open at this rate (samples a second).
    Opened { rate: u32 },
    /// `seconds` more of sound at this level.
    Level { level: Level, seconds: f64 },
    /// The take has ended: mono samples at `rate`.
    Done { samples: Vec<f32>, rate: u32 },
    /// No microphone, or it stopped working.
    Failed(String),
}

/// A take in progress.
pub struct Take {
    stop: Arc<AtomicBool>,
    heard: Receiver<Heard>,
}

impl Take {
    /// Opens the default microphone and starts recording on a thread.
    pub fn start() -> Take {
        let stop = Arc::new(AtomicBool::new(false));
        let (tell, heard) = channel();
        let flag = stop.clone();
        let spawned = std::thread::Builder::new()
            .name("microphone".into())
            .spawn({
                let tell = tell.clone();
                move || record(&flag, &tell)
            });
        if let Err(e) = spawned {
            let _ = tell.send(Heard::Failed(format!("cannot start recording: {e}")));
        }
        Take { stop, heard }
    }

    /// Asks the take to end; its samples follow as [`Heard::Done`].
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// What was reported since last asked.
    pub fn heard(&self) -> Vec<Heard> {
        self.heard.try_iter().collect()
    }
}

impl Drop for Take {
    fn drop(&mut self) {
        // A take given up: the thread ends and its samples go nowhere.
        self.stop();
    }
}

fn record(stop: &AtomicBool, tell: &Sender<Heard>) {
    use rodio::microphone::{InputConfig, MicrophoneBuilder};
    let opened = MicrophoneBuilder::new()
        .default_device()
        .map_err(|e| e.to_string())
        .and_then(|device| {
            let one = rodio::ChannelCount::MIN;
            let rates = || {
                [48_000, 44_100]
                    .into_iter()
                    .filter_map(rodio::SampleRate::new)
            };
            // 16-bit mono at 48 kHz first: what nearly every microphone gives as it is.
            let plain = rates().next().and_then(|rate| {
                device
                    .config(InputConfig {
                        channel_count: one,
                        sample_rate: rate,
                        buffer_size: rodio::cpal::BufferSize::Default,
                        sample_format: rodio::cpal::SampleFormat::I16,
                    })
                    .ok()
            });
            let builder = match plain {
                Some(builder) => builder,
                None => device
                    .default_config()
                    .map_err(|e| e.to_string())?
                    .prefer_channel_counts([one])
                    .prefer_sample_rates(rates()),
            };
            builder
                .open_stream()
                .map_err(|e| format!("{e}: {}", source_of(&e)))
        });
    let mut mic = match opened {
        Ok(mic) => mic,
        Err(e) => {
            let _ = tell.send(Heard::Failed(e));
            return;
        }
    };
    let rate = mic.config().sample_rate.get();
    let channels = mic.config().channel_count.get();
    let _ = tell.send(Heard::Opened { rate });
    let block = ((f64::from(rate) * BLOCK) as usize).max(1) * usize::from(channels);
    let mut samples = Vec::with_capacity(rate as usize * 10);
    let mut chunk = Vec::with_capacity(block);
    let mut last_heard = std::time::Instant::now();
    while !stop.load(Ordering::Relaxed) {
        // Only what has arrived: waiting inside the microphone would not see `stop`.
        let ready = mic.size_hint().0.min(block - chunk.len());
        if ready == 0 {
            if last_heard.elapsed() > SILENT_DEVICE {
                let _ = tell.send(Heard::Failed("the microphone sends nothing".into()));
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            continue;
        }
        last_heard = std::time::Instant::now();
        chunk.extend(mic.by_ref().take(ready));
        if chunk.len() < block {
            continue;
        }
        let frames = mono(&chunk, channels);
        chunk.clear();
        let _ = tell.send(Heard::Level {
            level: Level::of(&frames),
            seconds: frames.len() as f64 / f64::from(rate),
        });
        samples.extend_from_slice(&frames);
    }
    drop(mic);
    let _ = tell.send(Heard::Done { samples, rate });
}

fn source_of(e: &dyn std::error::Error) -> String {
    e.source().map(ToString::to_string).unwrap_or_default()
}

/// What the speaker reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Played {
    /// No speaker: playing back is silent.
    Unavailable(String),
}

enum Command {
    Play(Vec<f32>, u32),
    Stop,
}

/// Plays takes back through the default output, on a thread of its own.
pub struct Speaker {
    commands: Sender<Command>,
    played: Receiver<Played>,
}

impl Default for Speaker {
    fn default() -> Self {
        Speaker::start()
    }
}

impl Speaker {
    /// Starts the thread; the output is opened when first needed.
    pub fn start() -> Speaker {
        let (commands, inbox) = channel();
        let (outbox, played) = channel();
        let spawned = std::thread::Builder::new()
            .name("playback".into())
            .spawn(move || speak(&inbox, &outbox));
        if let Err(e) = spawned {
            tracing::error!("cannot start the playback thread: {e}");
        }
        Speaker { commands, played }
    }

    /// Stops what plays and plays mono `samples` at `rate`.
    pub fn play(&self, samples: Vec<f32>, rate: u32) {
        let _ = self.commands.send(Command::Play(samples, rate));
    }

    pub fn stop(&self) {
        let _ = self.commands.send(Command::Stop);
    }

    pub fn reports(&self) -> Vec<Played> {
        self.played.try_iter().collect()
    }
}

fn speak(inbox: &Receiver<Command>, outbox: &Sender<Played>) {
    let mut output: Option<(rodio::MixerDeviceSink, rodio::Player)> = None;
    let mut failed = false;
    for command in inbox {
        if output.is_none() && !failed {
            match rodio::DeviceSinkBuilder::open_default_sink() {
                Ok(mut sink) => {
                    sink.log_on_drop(false);
                    let player = rodio::Player::connect_new(sink.mixer());
                    output = Some((sink, player));
                }
                Err(e) => {
                    failed = true;
                    let _ = outbox.send(Played::Unavailable(e.to_string()));
                }
            }
        }
        let Some((_, player)) = &output else { continue };
        match command {
            Command::Play(samples, rate) => {
                player.clear();
                let (Some(rate), Some(one)) =
                    (rodio::SampleRate::new(rate), rodio::ChannelCount::new(1))
                else {
                    continue;
                };
                player.append(rodio::buffer::SamplesBuffer::new(one, rate, samples));
                player.play();
            }
            Command::Stop => player.clear(),
        }
    }
}
