//! A take, made ready to keep: mixed to mono, trimmed to the speech (with a short margin),
//! levelled to one loudness for every clip (EBU R128 integrated loudness, with a peak
//! ceiling kept by a limiter), and checked for what a volunteer can fix by recording
//! again: silence, too quiet, clipped, noisy, too short or too long for its text.
//!
//! The figures, chosen for speech heard by older listeners through a kiosk's speakers:
//! - every clip at [`TARGET_LUFS`] (−18 LUFS: the level of spoken-word podcasts and
//!   audiobooks, loud enough on a cheap speaker with room below the ceiling);
//! - no sample above [`CEILING_DBFS`] (−1 dBFS), so decoding and the speaker never clip;
//! - at most [`MARGIN`] (0.15 s) of silence kept before and after the speech;
//! - a text of N syllables (Vietnamese writes one syllable a word, so words counted by
//!   spaces) is read in N / [`FASTEST`] to N / [`SLOWEST`] + [`PAUSES`] seconds: 6
//!   syllables a second is hurried even for a quick talker, 1.5 is slower than anyone
//!   reading aloud to an older learner, and a second of pauses is allowed for commas and
//!   full stops.

use ebur128::{EbuR128, Mode};

/// The loudness every kept clip is levelled to.
pub const TARGET_LUFS: f64 = -18.0;
/// No sample of a kept clip goes above this.
pub const CEILING_DBFS: f64 = -1.0;
/// Silence kept before the first and after the last sound of speech, in seconds.
pub const MARGIN: f64 = 0.15;
/// The loudest 10 ms of a take below this (dBFS): nothing was heard.
pub const SILENT_DBFS: f64 = -55.0;
/// A take quieter than this (LUFS) is too quiet: levelling it would raise its noise too.
pub const QUIET_LUFS: f64 = -45.0;
/// …and so is one that needs more gain than this (dB).
pub const MAX_GAIN_DB: f64 = 30.0;
/// The quiet parts of a take, once levelled, louder than this (dBFS): noise (a fan, the
/// street, a hum) that the learner would hear under the voice.
pub const NOISE_CEILING_DBFS: f64 = -48.0;
/// Samples at or above this (of full scale), three or more in a row, are clipped.
pub const CLIP_LEVEL: f32 = 0.99;
/// A take is clipped when it has at least this many runs of clipped samples.
pub const CLIP_RUNS: usize = 3;
/// Syllables a second: faster than this is too short for the text.
pub const FASTEST: f64 = 6.0;
/// Syllables a second: slower than this (after [`PAUSES`]) is too long for the text.
pub const SLOWEST: f64 = 1.5;
/// Seconds of pauses allowed on top of the slowest reading.
pub const PAUSES: f64 = 1.0;

/// Analysis frames of 10 ms.
const FRAME: f64 = 0.010;
/// Below this a frame counts as digital silence (its dB value is clamped here).
const FLOOR_DB: f64 = -120.0;

/// How loud a stretch of samples is: its highest sample and its RMS, both 0.0 to 1.0.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Level {
    pub peak: f32,
    pub rms: f32,
}

impl Level {
    /// The level of `samples` (mono).
    pub fn of(samples: &[f32]) -> Level {
        if samples.is_empty() {
            return Level::default();
        }
        let peak = samples.iter().fold(0.0_f32, |p, s| p.max(s.abs()));
        let sum: f64 = samples.iter().map(|s| f64::from(*s) * f64::from(*s)).sum();
        Level {
            peak,
            rms: (sum / samples.len() as f64).sqrt() as f32,
        }
    }

    pub fn rms_db(self) -> f64 {
        db(f64::from(self.rms))
    }

    pub fn peak_db(self) -> f64 {
        db(f64::from(self.peak))
    }
}

/// Decibels of full scale of a linear amplitude (never below −120).
pub fn db(amplitude: f64) -> f64 {
    if amplitude <= 0.0 {
        FLOOR_DB
    } else {
        (20.0 * amplitude.log10()).max(FLOOR_DB)
    }
}

fn gain(db: f64) -> f64 {
    10f64.powf(db / 20.0)
}

/// Interleaved samples of `channels` channels, mixed to one.
pub fn mono(interleaved: &[f32], channels: u16) -> Vec<f32> {
    let channels = usize::from(channels.max(1));
    if channels == 1 {
        return interleaved.to_vec();
    }
    interleaved
        .chunks(channels)
        .map(|frame| frame.iter().sum::<f32>() / frame.len() as f32)
        .collect()
}

pub use crate::lesson::budget::syllables;

/// How long reading `text` aloud plausibly takes, in seconds: (shortest, longest).
pub fn expected_seconds(text: &str) -> (f64, f64) {
    let n = syllables(text).max(1) as f64;
    (n / FASTEST, n / SLOWEST + PAUSES)
}

/// Something to fix in a take, with the figure that shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// Nothing was heard (the microphone is off, muted or unplugged).
    Silent,
    /// The voice is far too quiet (its loudness, in LUFS).
    TooQuiet { lufs: f64 },
    /// The voice was too loud for the microphone (runs of clipped samples).
    Clipped { runs: usize },
    /// The quiet parts hiss or hum (their level once levelled, dBFS).
    Noisy { floor_dbfs: f64 },
    /// Shorter than the text can be read in (seconds of speech, the least expected).
    TooShort { seconds: f64, least: f64 },
    /// Longer than the text takes (seconds of speech, the most expected).
    TooLong { seconds: f64, most: f64 },
}

impl Problem {
    /// A take with this problem cannot be kept at all.
    pub fn blocks(&self) -> bool {
        matches!(self, Problem::Silent)
    }

    /// The Fluent id of the words that explain it to the volunteer.
    pub fn message_id(&self) -> &'static str {
        match self {
            Problem::Silent => "studio-problem-silent",
            Problem::TooQuiet { .. } => "studio-problem-quiet",
            Problem::Clipped { .. } => "studio-problem-clipped",
            Problem::Noisy { .. } => "studio-problem-noisy",
            Problem::TooShort { .. } => "studio-problem-short",
            Problem::TooLong { .. } => "studio-problem-long",
        }
    }
}

/// A take made ready to keep, and what was measured on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Processed {
    /// Mono samples, trimmed and levelled (empty when nothing was heard).
    pub samples: Vec<f32>,
    pub rate: u32,
    /// Loudness of the speech as recorded (LUFS).
    pub raw_lufs: f64,
    /// Gain applied before the limiter (dB).
    pub gain_db: f64,
    /// Loudness of the result (LUFS).
    pub lufs: f64,
    /// Highest sample of the result (dBFS).
    pub peak_dbfs: f64,
    /// Level of the quiet parts of the take as recorded (dBFS).
    pub noise_dbfs: f64,
    /// Seconds of speech (between its first and last sound).
    pub speech_seconds: f64,
    pub problems: Vec<Problem>,
}

impl Processed {
    /// Seconds the kept clip lasts.
    pub fn seconds(&self) -> f64 {
        self.samples.len() as f64 / f64::from(self.rate.max(1))
    }

    /// Whether it can be kept (something was heard).
    pub fn keepable(&self) -> bool {
        !self.samples.is_empty() && !self.problems.iter().any(Problem::blocks)
    }
}

/// Integrated loudness (EBU R128) of mono `samples`, in LUFS; for a clip too short for
/// R128's 400 ms blocks, its RMS level (close enough for speech).
pub fn loudness(samples: &[f32], rate: u32) -> f64 {
    let measured = EbuR128::new(1, rate, Mode::I).ok().and_then(|mut meter| {
        meter.add_frames_f32(samples).ok()?;
        meter.loudness_global().ok()
    });
    match measured {
        Some(lufs) if lufs.is_finite() && lufs > -70.0 => lufs,
        _ => Level::of(samples).rms_db() - 0.691,
    }
}

/// Each 10 ms frame's RMS level in dBFS.
fn frame_levels(samples: &[f32], rate: u32) -> (usize, Vec<f64>) {
    let len = ((f64::from(rate) * FRAME) as usize).max(1);
    let levels = samples
        .chunks(len)
        .map(|frame| Level::of(frame).rms_db())
        .collect();
    (len, levels)
}

/// The `p`th fraction (0.0 to 1.0) of `values`, sorted.
fn percentile(values: &[f64], p: f64) -> f64 {
    if values.is_empty() {
        return FLOOR_DB;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[at]
}

/// Runs of three or more samples at full scale.
fn clipped_runs(samples: &[f32]) -> usize {
    let (mut runs, mut run) = (0, 0);
    for s in samples {
        if s.abs() >= CLIP_LEVEL {
            run += 1;
            if run == 3 {
                runs += 1;
            }
        } else {
            run = 0;
        }
    }
    runs
}

/// The first and one past the last frame of speech: frames above `threshold`, three in a
/// row (a lone click is not speech), else any frame above it.
fn speech_frames(levels: &[f64], threshold: f64) -> Option<(usize, usize)> {
    let loud: Vec<bool> = levels.iter().map(|l| *l > threshold).collect();
    let sustained = |i: usize| i + 3 <= loud.len() && loud[i..i + 3].iter().all(|l| *l);
    let first = (0..loud.len())
        .find(|&i| sustained(i))
        .or_else(|| loud.iter().position(|l| *l))?;
    let last = (0..loud.len())
        .rev()
        .find(|&i| i >= 2 && loud[i - 2..=i].iter().all(|l| *l))
        .or_else(|| loud.iter().rposition(|l| *l))?;
    Some((first, last.max(first) + 1))
}

/// Makes `take` (mono, at `rate`) ready to keep as the clip that reads `text`.
pub fn process(take: &[f32], rate: u32, text: &str) -> Processed {
    let rate = rate.max(1);
    let (frame, levels) = frame_levels(take, rate);
    let loudest = levels.iter().copied().fold(FLOOR_DB, f64::max);
    // A first guess at the room's level: the quietest tenth of the take.
    let rough_noise = percentile(&levels, 0.10);
    let mut result = Processed {
        samples: Vec::new(),
        rate,
        raw_lufs: FLOOR_DB,
        gain_db: 0.0,
        lufs: FLOOR_DB,
        peak_dbfs: FLOOR_DB,
        noise_dbfs: rough_noise,
        speech_seconds: 0.0,
        problems: Vec::new(),
    };
    // Speech stands well above the room: 35 dB under its loudest moment, 6 dB over the
    // quiet parts (unless the take is nearly all speech, and its quietest tenth is too).
    let threshold = (loudest - 35.0)
        .max((rough_noise + 6.0).min(loudest - 15.0))
        .max(SILENT_DBFS - 5.0);
    let speech = speech_frames(&levels, threshold);
    let Some((first, end)) = speech.filter(|_| loudest >= SILENT_DBFS) else {
        result.problems.push(Problem::Silent);
        return result;
    };
    // The room, heard before and after the speech (when there is enough of it).
    let outside: Vec<f64> = levels[..first]
        .iter()
        .chain(&levels[end..])
        .copied()
        .collect();
    let noise = if outside.len() >= 20 {
        percentile(&outside, 0.5)
    } else {
        rough_noise
    };
    result.noise_dbfs = noise;
    let margin = (MARGIN * f64::from(rate)) as usize;
    let start = (first * frame).saturating_sub(margin);
    let stop = (end * frame + margin).min(take.len());
    result.speech_seconds = ((end - first) * frame) as f64 / f64::from(rate);
    let clip = &take[start..stop];

    let runs = clipped_runs(take);
    result.raw_lufs = loudness(clip, rate);
    result.gain_db = TARGET_LUFS - result.raw_lufs;
    if result.raw_lufs < QUIET_LUFS || result.gain_db > MAX_GAIN_DB {
        result.problems.push(Problem::TooQuiet {
            lufs: result.raw_lufs,
        });
    }
    if runs >= CLIP_RUNS {
        result.problems.push(Problem::Clipped { runs });
    }
    if noise + result.gain_db > NOISE_CEILING_DBFS {
        result.problems.push(Problem::Noisy {
            floor_dbfs: noise + result.gain_db,
        });
    }
    let (least, most) = expected_seconds(text);
    if result.speech_seconds < least {
        result.problems.push(Problem::TooShort {
            seconds: result.speech_seconds,
            least,
        });
    } else if result.speech_seconds > most {
        result.problems.push(Problem::TooLong {
            seconds: result.speech_seconds,
            most,
        });
    }

    let (samples, lufs) = level_to_target(clip, rate, result.gain_db);
    result.peak_dbfs = Level::of(&samples).peak_db();
    result.lufs = lufs;
    result.samples = samples;
    result
}

/// `clip` raised or lowered by `gain_db`, kept under the ceiling by the limiter, and
/// raised again where the limiter took loudness away; with its loudness.
fn level_to_target(clip: &[f32], rate: u32, gain_db: f64) -> (Vec<f32>, f64) {
    // A hair under the ceiling, so rounding never lands a sample just over it.
    let ceiling = gain(CEILING_DBFS - 0.01) as f32;
    let mut g = gain_db;
    let mut out = Vec::new();
    let mut lufs = FLOOR_DB;
    for _ in 0..6 {
        let linear = gain(g) as f32;
        out = clip.iter().map(|s| s * linear).collect();
        limit(&mut out, ceiling, rate);
        lufs = loudness(&out, rate);
        let off = TARGET_LUFS - lufs;
        if off.abs() < 0.2 {
            break;
        }
        g += off;
    }
    (out, lufs)
}

/// A look-ahead peak limiter: each sample's gain is the lowest any sample within 10 ms
/// needs, smoothed over 10 ms either side, so no sample goes over `ceiling` and the gain
/// never jumps.
fn limit(samples: &mut [f32], ceiling: f32, rate: u32) {
    let need: Vec<f32> = samples
        .iter()
        .map(|s| {
            if s.abs() > ceiling {
                ceiling / s.abs()
            } else {
                1.0
            }
        })
        .collect();
    if need.iter().all(|g| *g >= 1.0) {
        return;
    }
    let radius = ((f64::from(rate) * 0.010) as usize).max(1);
    let lowest = sliding_min(&need, radius);
    // The average of `lowest` over ±radius is at most each `need` in reach: every term
    // of it is a minimum over a window that holds that sample.
    let mut sums = Vec::with_capacity(lowest.len() + 1);
    sums.push(0.0_f64);
    for g in &lowest {
        sums.push(sums.last().copied().unwrap_or(0.0) + f64::from(*g));
    }
    for (i, s) in samples.iter_mut().enumerate() {
        let from = i.saturating_sub(radius);
        let to = (i + radius + 1).min(lowest.len());
        let average = (sums[to] - sums[from]) / (to - from) as f64;
        *s = (*s * average as f32).clamp(-ceiling, ceiling);
    }
}

/// For each index, the least of `values` within `radius` either side (a monotonic queue).
fn sliding_min(values: &[f32], radius: usize) -> Vec<f32> {
    let n = values.len();
    let mut out = Vec::with_capacity(n);
    let mut queue = std::collections::VecDeque::<usize>::new();
    let mut next = 0;
    for i in 0..n {
        let reach = (i + radius).min(n - 1);
        while next <= reach {
            while queue.back().is_some_and(|&b| values[b] >= values[next]) {
                queue.pop_back();
            }
            queue.push_back(next);
            next += 1;
        }
        while queue.front().is_some_and(|&f| f + radius < i) {
            queue.pop_front();
        }
        out.push(queue.front().map_or(1.0, |&f| values[f]));
    }
    out
}

/// When a take should end by itself: once speech was heard and then [`Gate::TRAILING`]
/// seconds of quiet followed, or at its longest. Time is counted in samples, not by the
/// clock, so a microphone that delivers faster or slower than real time ends the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Gate {
    /// Seconds of speech heard so far.
    spoken: f64,
    /// Seconds of quiet since the last speech.
    quiet: f64,
    /// Seconds recorded.
    pub elapsed: f64,
    /// The loudest block so far (dBFS RMS).
    loudest: f64,
    /// The longest a take may be (seconds).
    pub longest: f64,
}

/// What the gate says after a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateSays {
    Go,
    /// Speech, then silence: the reader has finished.
    Finished,
    /// The take reached its longest.
    TooLong,
}

impl Gate {
    /// Seconds of quiet after speech that end a take.
    pub const TRAILING: f64 = 1.5;
    /// A block at least this loud (dBFS RMS) is speech.
    pub const SPEECH_DB: f64 = -40.0;
    /// Seconds of speech before quiet can end a take (a cough or a click is not speech).
    pub const SPOKEN: f64 = 0.2;

    pub fn new(longest: f64) -> Gate {
        Gate {
            spoken: 0.0,
            quiet: 0.0,
            elapsed: 0.0,
            loudest: FLOOR_DB,
            longest,
        }
    }

    /// A gate for reading `text`: twice the longest plausible reading and some seconds
    /// more, from 10 s to 90 s.
    pub fn for_text(text: &str) -> Gate {
        let (_, most) = expected_seconds(text);
        Gate::new((most * 2.0 + 5.0).clamp(10.0, 90.0))
    }

    /// Whether speech has been heard.
    pub fn heard(&self) -> bool {
        self.spoken >= Gate::SPOKEN
    }

    /// Takes in a block of `seconds` at `level`.
    pub fn feed(&mut self, level: Level, seconds: f64) -> GateSays {
        let db = level.rms_db();
        self.elapsed += seconds;
        self.loudest = self.loudest.max(db);
        // Quiet is well under the voice heard, and under the speech level at least.
        let quiet_below = (self.loudest - 30.0).clamp(-50.0, Gate::SPEECH_DB);
        if db >= Gate::SPEECH_DB {
            self.spoken += seconds;
            self.quiet = 0.0;
        } else if db < quiet_below {
            self.quiet += seconds;
        }
        if self.heard() && self.quiet >= Gate::TRAILING {
            GateSays::Finished
        } else if self.elapsed >= self.longest {
            GateSays::TooLong
        } else {
            GateSays::Go
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 16_000;

    /// A voice-like signal: a 220 Hz tone with harmonics, amplitude `amp`, `seconds` long.
    fn voice(seconds: f64, amp: f32) -> Vec<f32> {
        let n = (seconds * f64::from(RATE)) as usize;
        (0..n)
            .map(|i| {
                let t = i as f32 / RATE as f32;
                let w = std::f32::consts::TAU * 220.0 * t;
                // Syllables: the level rises and falls four times a second.
                let envelope = 0.6 + 0.4 * (std::f32::consts::TAU * 4.0 * t).sin().abs();
                amp * envelope * (0.7 * w.sin() + 0.2 * (2.0 * w).sin() + 0.1 * (3.0 * w).sin())
            })
            .collect()
    }

    fn silence(seconds: f64) -> Vec<f32> {
        vec![0.0; (seconds * f64::from(RATE)) as usize]
    }

    /// Noise from a small linear congruential generator, RMS about `amp` / 1.7.
    fn noise(seconds: f64, amp: f32) -> Vec<f32> {
        let mut x: u32 = 12345;
        (0..(seconds * f64::from(RATE)) as usize)
            .map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                amp * ((x >> 8) as f32 / (1 << 24) as f32 * 2.0 - 1.0)
            })
            .collect()
    }

    /// Seconds before the first and after the last sample above 1% of full scale.
    fn pads(samples: &[f32]) -> (f64, f64) {
        let first = samples.iter().position(|s| s.abs() > 0.01).unwrap();
        let last = samples.iter().rposition(|s| s.abs() > 0.01).unwrap();
        (
            first as f64 / f64::from(RATE),
            (samples.len() - 1 - last) as f64 / f64::from(RATE),
        )
    }

    /// Ten syllables: read in 1.7 to 7.7 seconds.
    const TEXT: &str = "Chạm vào nút Cài đặt để mở ứng dụng trên máy.";

    #[test]
    fn silence_around_the_voice_is_trimmed_to_the_margin() {
        let take = [silence(1.5), voice(3.0, 0.3), silence(2.0)].concat();
        let p = process(&take, RATE, TEXT);
        let (lead, trail) = pads(&p.samples);
        assert!(
            lead <= MARGIN + 0.02 && trail <= MARGIN + 0.02,
            "{lead} {trail}"
        );
        assert!((p.seconds() - 3.3).abs() < 0.05, "{}", p.seconds());
        assert!((p.speech_seconds - 3.0).abs() < 0.03);
        assert!(p.problems.is_empty(), "{:?}", p.problems);
        assert!(p.keepable());
    }

    #[test]
    fn a_quiet_voice_is_raised_to_the_target_and_loud_peaks_stay_under_the_ceiling() {
        for amp in [0.02, 0.3, 0.9] {
            let take = [silence(0.5), voice(3.0, amp), silence(0.5)].concat();
            let p = process(&take, RATE, TEXT);
            let measured = loudness(&p.samples, RATE);
            assert!(
                (measured - TARGET_LUFS).abs() < 1.0,
                "{amp}: {measured} LUFS"
            );
            assert!(p.peak_dbfs <= CEILING_DBFS + 0.01, "{amp}: {}", p.peak_dbfs);
            assert!(p.problems.is_empty(), "{amp}: {:?}", p.problems);
        }
    }

    #[test]
    fn a_voice_far_too_quiet_is_levelled_but_warned_about() {
        let take = [silence(0.5), voice(3.0, 0.006), silence(0.5)].concat();
        let p = process(&take, RATE, TEXT);
        assert!(
            p.problems
                .iter()
                .any(|q| matches!(q, Problem::TooQuiet { .. })),
            "{:?} at {} LUFS",
            p.problems,
            p.raw_lufs
        );
        assert!((loudness(&p.samples, RATE) - TARGET_LUFS).abs() < 1.0);
        assert!(p.keepable());
    }

    #[test]
    fn a_clipped_take_is_warned_about() {
        let loud: Vec<f32> = voice(3.0, 4.0).iter().map(|s| s.clamp(-1.0, 1.0)).collect();
        let take = [silence(0.5), loud, silence(0.5)].concat();
        let p = process(&take, RATE, TEXT);
        assert!(
            p.problems
                .iter()
                .any(|q| matches!(q, Problem::Clipped { .. })),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn a_noisy_room_is_warned_about() {
        let hiss = noise(5.0, 0.05);
        let speech = [silence(1.0), voice(3.0, 0.3), silence(1.0)].concat();
        let take: Vec<f32> = speech.iter().zip(&hiss).map(|(a, b)| a + b).collect();
        let p = process(&take, RATE, TEXT);
        assert!(
            p.problems
                .iter()
                .any(|q| matches!(q, Problem::Noisy { .. })),
            "{:?}, noise {} dBFS",
            p.problems,
            p.noise_dbfs
        );
    }

    #[test]
    fn silence_and_faint_hiss_are_nothing_heard() {
        for take in [silence(3.0), noise(3.0, 0.0005)] {
            let p = process(&take, RATE, TEXT);
            assert_eq!(p.problems, [Problem::Silent]);
            assert!(!p.keepable());
        }
    }

    #[test]
    fn too_short_and_too_long_for_the_text() {
        let short = [silence(0.5), voice(0.8, 0.3), silence(0.5)].concat();
        let p = process(&short, RATE, TEXT);
        assert!(
            matches!(p.problems[..], [Problem::TooShort { .. }]),
            "{:?}",
            p.problems
        );
        let long = [silence(0.5), voice(9.0, 0.3), silence(0.5)].concat();
        let p = process(&long, RATE, TEXT);
        assert!(
            matches!(p.problems[..], [Problem::TooLong { .. }]),
            "{:?}",
            p.problems
        );
    }

    #[test]
    fn vietnamese_syllables_are_its_words() {
        assert_eq!(syllables("Chạm vào nút «Cài đặt» – rồi 1. Xong."), 8);
        let (least, most) = expected_seconds("một hai ba");
        assert!((least - 0.5).abs() < 1e-9 && (most - 3.0).abs() < 1e-9);
    }

    #[test]
    fn stereo_is_mixed_to_mono() {
        assert_eq!(mono(&[0.5, 0.1, -0.2, 0.2], 2), [0.3, 0.0]);
    }

    #[test]
    fn the_gate_ends_a_take_after_speech_and_trailing_quiet_or_at_its_longest() {
        let block = 0.05;
        let quiet = Level {
            peak: 0.001,
            rms: 0.0005,
        };
        let loud = Level {
            peak: 0.5,
            rms: 0.2,
        };
        let mut gate = Gate::new(20.0);
        // Silence before speech never ends a take by itself.
        for _ in 0..60 {
            assert_eq!(gate.feed(quiet, block), GateSays::Go);
        }
        for _ in 0..20 {
            assert_eq!(gate.feed(loud, block), GateSays::Go);
        }
        let mut said = GateSays::Go;
        let mut after = 0;
        while said == GateSays::Go {
            said = gate.feed(quiet, block);
            after += 1;
        }
        assert_eq!(said, GateSays::Finished);
        assert_eq!(after, 30);

        let mut gate = Gate::new(1.0);
        let mut blocks = 0;
        while gate.feed(loud, block) == GateSays::Go {
            blocks += 1;
        }
        assert_eq!(blocks, 19);
    }
}
