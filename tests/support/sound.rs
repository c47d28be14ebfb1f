//! Sound without a sound card: recordings made on the spot, and ALSA playing into a WAV
//! file (as fast as it can) instead of a speaker.

use std::path::Path;

/// A mono 16-bit WAV of a tone, `seconds` long, at 8 kHz.
pub fn tone(path: &Path, seconds: u32, hz: f32) {
    let rate = 8_000u32;
    let samples = rate * seconds;
    let mut bytes = Vec::with_capacity(44 + samples as usize * 2);
    let data = samples * 2;
    bytes.extend_from_slice(b"RIFF");
    bytes.extend_from_slice(&(36 + data).to_le_bytes());
    bytes.extend_from_slice(b"WAVEfmt ");
    bytes.extend_from_slice(&16u32.to_le_bytes());
    bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
    bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
    bytes.extend_from_slice(&rate.to_le_bytes());
    bytes.extend_from_slice(&(rate * 2).to_le_bytes());
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend_from_slice(&16u16.to_le_bytes());
    bytes.extend_from_slice(b"data");
    bytes.extend_from_slice(&data.to_le_bytes());
    for i in 0..samples {
        let v = (f32::sin(i as f32 * hz * std::f32::consts::TAU / rate as f32) * 16_000.0) as i16;
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    std::fs::write(path, bytes).unwrap();
}

/// Bytes a second in the WAV that [`alsa_to_file`] writes: 48 kHz, mono, 16-bit.
pub const SPEAKER_BYTES_PER_SECOND: usize = 48_000 * 2;

/// The length of the WAV header [`alsa_to_file`] writes.
pub const SPEAKER_HEADER: usize = 44;

/// An ALSA configuration whose default device writes into `wav` (as fast as it can).
pub fn alsa_to_file(dir: &Path, wav: &Path) -> String {
    let conf = dir.join("asound.conf");
    std::fs::write(
        &conf,
        format!(
            "pcm.!default {{ type plug; slave {{ pcm \"to_file\"; format S16_LE; rate 48000; channels 1 }} }}\n\
             pcm.to_file {{ type file; slave.pcm \"null\"; file \"{}\"; format \"wav\" }}\n",
            wav.display()
        ),
    )
    .unwrap();
    format!("/usr/share/alsa/alsa.conf:{}", conf.display())
}

/// Seconds of sound (not silence) in samples of the speaker's WAV (48 kHz mono 16-bit).
pub fn sound_seconds(samples: &[u8]) -> f64 {
    // Ten-millisecond windows with sound in them (a sine wave crosses zero).
    let windows = samples
        .chunks(480 * 2)
        .filter(|w| {
            w.chunks_exact(2)
                .any(|s| i16::from_le_bytes([s[0], s[1]]).unsigned_abs() > 2_000)
        })
        .count();
    windows as f64 / 100.0
}

/// Seconds of sound (not silence) in the speaker's WAV, which may still be written.
pub fn heard_seconds(wav: &Path) -> f64 {
    let bytes = std::fs::read(wav).unwrap_or_default();
    sound_seconds(bytes.get(SPEAKER_HEADER..).unwrap_or_default())
}
