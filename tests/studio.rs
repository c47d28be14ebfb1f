//! `hocso record` in a real terminal, with a microphone that is a file (espeak-ng's
//! Vietnamese voice through ALSA's `file` plugin) and a speaker that is a WAV file: a
//! volunteer records a step's text and keeps it; the clip is trimmed, levelled to the
//! studio's loudness, marked as a person's in the manifest; and the tutor then plays it
//! whole. A clipped take and a silent one each say, in Vietnamese, what to fix.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hocso::audio::manifest::{Manifest, Voice};
use hocso::audio::studio::process::TARGET_LUFS;
use support::fixture;
use support::sound::{SPEAKER_HEADER, alsa_to_file};
use support::studio::{
    Microphone, alsa_mic_and_speaker, have_speech_tools, silence_raw, speech_raw,
};
use support::tmux::{Tmux, find};

/// The first step's text in the fixture lesson: what the volunteer reads.
const TEXT: &str = "Mình tập chạm vào điện thoại nhé.";

/// Skips (saying why) when espeak-ng or sox is missing.
fn tools() -> bool {
    if have_speech_tools() {
        return true;
    }
    eprintln!("SKIPPED: espeak-ng and sox are needed to make the microphone's speech");
    false
}

/// A content folder with the end-to-end lesson and no recordings.
fn content(dir: &Path) -> PathBuf {
    let lessons = dir.join("content/lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        lessons.join("cham-va-chon.toml"),
    )
    .unwrap();
    lessons
}

/// `hocso record` on the lesson at 58×14 (the kiosk's smallest), with ALSA as `alsa`.
fn studio(alsa: &str, lessons: &Path, data: &Path) -> Tmux {
    let mut tmux = Tmux::start_with_env(
        &[("ALSA_CONFIG_PATH", alsa)],
        58,
        14,
        &[
            "--data",
            data.to_str().unwrap(),
            "record",
            lessons.to_str().unwrap(),
            "--lesson",
            "cham-va-chon",
            "--name",
            "Lan",
        ],
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux
}

/// A decoded clip: mono samples and their rate.
fn decode(path: &Path) -> (Vec<f32>, u32) {
    use rodio::Source;
    let file = std::fs::File::open(path).unwrap();
    let decoder = rodio::Decoder::try_from(file).unwrap();
    assert_eq!(decoder.channels().get(), 1, "a mono clip");
    let rate = decoder.sample_rate().get();
    (decoder.collect(), rate)
}

/// Seconds of silence (nothing above −40 dBFS) before the first and after the last sound.
fn silent_ends(samples: &[f32], rate: u32) -> (f64, f64) {
    let loud = |s: &f32| s.abs() > 0.01;
    let first = samples.iter().position(loud).expect("some sound");
    let last = samples.iter().rposition(loud).unwrap();
    let rate = f64::from(rate);
    (
        first as f64 / rate,
        (samples.len() - 1 - last) as f64 / rate,
    )
}

fn lufs(samples: &[f32], rate: u32) -> f64 {
    let mut meter = ebur128::EbuR128::new(1, rate, ebur128::Mode::I).unwrap();
    meter.add_frames_f32(samples).unwrap();
    meter.loudness_global().unwrap()
}

/// Seconds from the first to the last sample above −40 dBFS in a WAV the speaker wrote
/// (48 kHz mono 16-bit).
fn played_span(wav: &Path) -> f64 {
    let bytes = std::fs::read(wav).unwrap_or_default();
    let samples: Vec<i16> = bytes
        .get(SPEAKER_HEADER..)
        .unwrap_or_default()
        .chunks_exact(2)
        .map(|b| i16::from_le_bytes([b[0], b[1]]))
        .collect();
    let loud = |s: &i16| s.unsigned_abs() > 328;
    match (
        samples.iter().position(loud),
        samples.iter().rposition(loud),
    ) {
        (Some(first), Some(last)) => (last - first) as f64 / 48_000.0,
        _ => 0.0,
    }
}

fn wait_for_log(log: &Path, needle: &str) {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.contains(needle) {
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!("the log never said `{needle}`:\n{text}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_volunteers_take_is_kept_levelled_and_heard_whole_in_the_tutor() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lessons = content(dir.path());
    let data = dir.path().join("data");
    // Speech 6 dB under full scale: a volunteer at a sensible distance.
    let mic = Microphone::new(dir.path(), &speech_raw(dir.path(), TEXT, -6, "speech"));
    let studio_wav = dir.path().join("studio-speaker.wav");
    let alsa = alsa_mic_and_speaker(dir.path(), &mic, &studio_wav);
    let tmux = studio(&alsa, &lessons, &data);

    let screen = tmux.wait_for("Thu âm");
    assert!(screen.contains(TEXT), "{screen}");
    assert!(
        screen.contains("1/"),
        "the position in the queue:\n{screen}"
    );
    // A touch on the big button starts the take; it ends by itself after the speech.
    let (col, row) = find(&screen, "● Thu âm");
    tmux.click(col, row);
    tmux.wait_for("Đang thu");
    let screen = tmux.wait_for("Bản thu tốt");
    assert!(
        screen.contains("Lưu") && screen.contains("Nghe lại"),
        "{screen}"
    );
    // Heard back, then kept with Enter.
    tmux.keys(&["p"]);
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Đã lưu bản thu");
    assert!(screen.contains("2/"), "on to the next clip:\n{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for_exit();

    let folder = dir.path().join("content/assets/audio/cham-va-chon");
    let clip = folder.join("gioi-thieu.ogg");
    assert!(clip.is_file(), "the clip is in its slot");
    let (samples, rate) = decode(&clip);
    let seconds = samples.len() as f64 / f64::from(rate);
    let (lead, trail) = silent_ends(&samples, rate);
    let loudness = lufs(&samples, rate);
    eprintln!(
        "kept: {seconds:.2} s; silence {lead:.3} s before, {trail:.3} s after; {loudness:.2} LUFS"
    );
    assert!(
        lead < 0.3 && trail < 0.3,
        "silence {lead:.3} s / {trail:.3} s"
    );
    assert!(
        (loudness - TARGET_LUFS).abs() < 1.0,
        "{loudness:.2} LUFS, the target is {TARGET_LUFS}"
    );
    let entry = &Manifest::load(&folder).clips["gioi-thieu.ogg"];
    assert!(
        matches!(&entry.voice, Voice::Person { name: Some(n), date } if n == "Lan" && date.len() == 10),
        "{entry:?}"
    );
    assert_eq!(entry.text, hocso::audio::manifest::text_hash(TEXT));
    // Nothing half-written beside it.
    let names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| n == "gioi-thieu.ogg" || n == "manifest.json"),
        "{names:?}"
    );

    // The tutor plays it when the step opens, all of it.
    let wav = dir.path().join("tutor-speaker.wav");
    let alsa = alsa_to_file(dir.path(), &wav);
    let mut tutor = Tmux::start_with_env(
        &[("ALSA_CONFIG_PATH", &alsa)],
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
    );
    tutor.log = Some(data.join("hocso.log"));
    tutor.wait_for("Chạm vào màn hình");
    tutor.sign_in(None);
    tutor.wait_for("Bác muốn học bài nào?");
    tutor.keys(&["1"]);
    tutor.wait_for(TEXT);
    wait_for_log(&data.join("hocso.log"), "gioi-thieu.ogg latency_ms");
    std::thread::sleep(Duration::from_millis(500));
    let (first, last) = (
        samples.iter().position(|s| s.abs() > 0.01).unwrap(),
        samples.iter().rposition(|s| s.abs() > 0.01).unwrap(),
    );
    let clip_span = (last - first) as f64 / f64::from(rate);
    let heard = played_span(&wav);
    eprintln!("the tutor played {heard:.2} s of sound; the clip has {clip_span:.2} s");
    assert!(
        (heard - clip_span).abs() <= 0.1 * clip_span,
        "played {heard:.2} s, the clip's sound lasts {clip_span:.2} s"
    );
}

/// Records one take from `raw` (stopping it with a key after `stop_after`, if given) and
/// returns the screen once the take is checked.
fn take_of(dir: &Path, raw: &Path, stop_after: Option<Duration>, expect: &str) -> String {
    let lessons = content(dir);
    let data = dir.join("data");
    let mic = Microphone::new(dir, raw);
    let alsa = alsa_mic_and_speaker(dir, &mic, &dir.join("speaker.wav"));
    let tmux = studio(&alsa, &lessons, &data);
    tmux.wait_for("Thu âm");
    tmux.keys(&["Space"]);
    tmux.wait_for("Đang thu");
    if let Some(wait) = stop_after {
        std::thread::sleep(wait);
        tmux.keys(&["Space"]);
    }
    let screen = tmux.wait_for(expect);
    // Nothing was kept.
    assert!(
        !dir.join("content/assets/audio/cham-va-chon/gioi-thieu.ogg")
            .exists()
    );
    tmux.keys(&["Escape"]);
    screen
}

#[test]
fn a_clipped_take_says_to_move_back_from_the_microphone() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let raw = speech_raw(dir.path(), TEXT, 30, "loud");
    let screen = take_of(dir.path(), &raw, None, "rè");
    assert!(screen.contains("✗ Tiếng bị rè"), "{screen}");
    assert!(screen.contains("lùi ra xa micrô"), "{screen}");
}

#[test]
fn a_silent_take_says_nothing_was_heard_and_cannot_be_kept() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let raw = silence_raw(dir.path(), 4, "silence");
    // Silence never ends a take by itself: the volunteer stops it.
    let screen = take_of(
        dir.path(),
        &raw,
        Some(Duration::from_secs(2)),
        "không nghe thấy",
    );
    assert!(screen.contains("✗ Máy không nghe thấy gì"), "{screen}");
    assert!(!screen.contains("Lưu"), "no button to keep it:\n{screen}");
}

/// A volunteer opens the studio from the panel, behind the PIN: records a text, keeps
/// it, leaves, and is back in the panel, whose count of the ward's voice has moved.
#[test]
fn the_studio_opens_from_the_panel_behind_the_pin() {
    if !tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let lessons = content(dir.path());
    let data = dir.path().join("data");
    let mic = Microphone::new(dir.path(), &speech_raw(dir.path(), TEXT, -6, "speech"));
    let speaker = dir.path().join("speaker.wav");
    let alsa = alsa_mic_and_speaker(dir.path(), &mic, &speaker);
    let mut tmux = Tmux::start_with_env(
        &[("ALSA_CONFIG_PATH", &alsa)],
        62,
        15,
        &[
            "--kiosk",
            "--data",
            data.to_str().unwrap(),
            "--lessons",
            lessons.to_str().unwrap(),
        ],
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux.choose_pin("97531");
    tmux.open_panel("97531");
    tmux.wait_for("người thật 0/");
    // Its seventh item ("Thu âm giọng đọc"), below the fold at this size: its number.
    tmux.keys(&["7"]);
    let screen = tmux.wait_for("● Thu âm");
    assert!(screen.contains("Phòng thu"), "{screen}");
    let (col, row) = find(&screen, "● Thu âm");
    tmux.click(col, row);
    tmux.wait_for("Bản thu tốt");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Đã lưu bản thu");
    tmux.keys(&["Escape"]);
    let panel = tmux.wait_for("người thật 1/");
    assert!(panel.contains("Bảng tình nguyện viên"), "{panel}");
    let folder = dir.path().join("content/assets/audio/cham-va-chon");
    let entry = &Manifest::load(&folder).clips["gioi-thieu.ogg"];
    assert!(entry.voice.is_person(), "{entry:?}");
}
