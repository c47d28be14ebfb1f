//! Narration without a sound card: files decoded and played through rodio's in-memory
//! mixer into a WAV, and the samples checked; where recordings are looked for.

mod support;

use std::num::NonZero;
use std::path::Path;
use std::time::Duration;

use hocso::audio::{Clip, resolve};
use rodio::Source;
use support::fixture;

/// Plays `file` through a player on an in-memory mixer, for `seconds`, into a WAV in
/// `dir`; returns the samples read back from that WAV.
fn played_through_mixer(file: &Path, seconds: f32, dir: &Path) -> (u32, Vec<f32>) {
    let rate = NonZero::new(22_050).unwrap();
    let (mixer, output) = rodio::mixer::mixer(NonZero::new(1).unwrap(), rate);
    let player = rodio::Player::connect_new(&mixer);
    let decoder = rodio::Decoder::try_from(std::fs::File::open(file).unwrap()).unwrap();
    player.append(decoder);
    let wav = dir.join("out.wav");
    rodio::wav_to_file(output.take_duration(Duration::from_secs_f32(seconds)), &wav).unwrap();
    let back = rodio::Decoder::try_from(std::fs::File::open(&wav).unwrap()).unwrap();
    let rate = back.sample_rate().get();
    (rate, back.collect())
}

fn loud(samples: &[f32]) -> usize {
    samples.iter().filter(|s| s.abs() > 0.05).count()
}

#[test]
fn an_ogg_recording_plays_for_its_length_then_silence() {
    let dir = tempfile::tempdir().unwrap();
    let (rate, samples) = played_through_mixer(&fixture("audio/tone.ogg"), 1.0, dir.path());
    assert_eq!(samples.len(), rate as usize, "one second written");
    let half = samples.len() / 2;
    // The half-second tone, then nothing.
    let heard = loud(&samples[..half]);
    assert!(
        heard > half / 2,
        "the tone is in the first half ({heard} loud samples)"
    );
    assert_eq!(loud(&samples[half + 200..]), 0, "silence after it");
    let peak = samples.iter().fold(0f32, |m, s| m.max(s.abs()));
    assert!((0.4..=0.55).contains(&peak), "the tone's level: {peak}");
}

#[test]
fn a_wav_recording_plays_too() {
    let dir = tempfile::tempdir().unwrap();
    let (rate, samples) = played_through_mixer(&fixture("audio/tone.wav"), 0.5, dir.path());
    let quarter = rate as usize / 4;
    assert!(loud(&samples[..quarter]) > quarter / 2);
    assert_eq!(loud(&samples[quarter + 200..]), 0);
}

#[test]
fn a_broken_file_is_an_error_not_a_crash() {
    let file = std::fs::File::open(fixture("audio/broken.ogg")).unwrap();
    assert!(rodio::Decoder::try_from(file).is_err());
}

#[test]
fn recordings_are_found_by_convention_and_per_language() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let put = |rel: &str| {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, b"x").unwrap();
        p
    };
    let step = put("assets/audio/vneid/mo-app.ogg");
    let hint = put("assets/audio/vneid/mo-app.hint.wav");
    let english = put("assets/audio/en/vneid/mo-app.ogg");
    let own = put("recordings/mo-app-ba-hanh.ogg");
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Step, "vi", None),
        Some(step.clone())
    );
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Hint, "vi", None),
        Some(hint.clone())
    );
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Right, "vi", None),
        None
    );
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Step, "en", None),
        Some(english)
    );
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Hint, "en", None),
        Some(hint),
        "Vietnamese when there is no English"
    );
    assert_eq!(
        resolve(root, "vneid", "mo-app", &Clip::Step, "vi", Some(&own)),
        Some(own)
    );
    assert_eq!(
        resolve(root, "vneid", "khac", &Clip::Step, "vi", None),
        None
    );
}
