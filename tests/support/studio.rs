//! A microphone without a sound card: ALSA's `file` plugin reads what a program records
//! from a file (`infile`), here a named pipe fed in real time (ALSA's `null` device, under
//! it, would otherwise deliver the file as fast as it can be read, far faster than any
//! microphone, and a recorder's buffer would drop most of it). Speech made with espeak-ng
//! and sox.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// The microphone's rate, format and channels (what `hocso record` asks for first).
pub const MIC_RATE: u32 = 48_000;

/// Whether espeak-ng and sox are here (CI installs them).
pub fn have_speech_tools() -> bool {
    ["espeak-ng", "sox"].iter().all(|tool| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// `text` read by espeak-ng's Vietnamese voice, as raw 16-bit mono samples at
/// [`MIC_RATE`] with a second of silence before and after, raised or lowered by `gain_db`
/// (sox clips what goes over full scale).
pub fn speech_raw(dir: &Path, text: &str, gain_db: i32, name: &str) -> PathBuf {
    let wav = dir.join(format!("{name}.wav"));
    let raw = dir.join(format!("{name}.raw"));
    let out = Command::new("espeak-ng")
        .args(["-v", "vi", "-w"])
        .arg(&wav)
        .arg(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = Command::new("sox")
        .arg(&wav)
        .args([
            "-r",
            &MIC_RATE.to_string(),
            "-c",
            "1",
            "-b",
            "16",
            "-e",
            "signed",
            "-t",
            "raw",
        ])
        .arg(&raw)
        .args(["gain", &gain_db.to_string(), "pad", "1", "1"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    raw
}

/// `seconds` of digital silence as raw samples.
pub fn silence_raw(dir: &Path, seconds: u32, name: &str) -> PathBuf {
    let raw = dir.join(format!("{name}.raw"));
    std::fs::write(&raw, vec![0u8; (MIC_RATE * 2 * seconds) as usize]).unwrap();
    raw
}

/// A named pipe that plays `raw` into whoever opens it for reading, in real time, from
/// its start at every opening (a recorder opens its device more than once to learn what
/// it can do), then silence for as long as it is read. Stops when dropped.
pub struct Microphone {
    pub pipe: PathBuf,
    stop: Arc<AtomicBool>,
}

impl Microphone {
    pub fn new(dir: &Path, raw: &Path) -> Microphone {
        let pipe = dir.join("mic.fifo");
        let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
        assert!(made.success(), "mkfifo");
        let stop = Arc::new(AtomicBool::new(false));
        let data = std::fs::read(raw).unwrap();
        let (flag, path) = (stop.clone(), pipe.clone());
        std::thread::spawn(move || {
            // Opening a pipe to write waits for a reader; a reader gone is an error.
            while !flag.load(Ordering::Relaxed) {
                let Ok(mut pipe) = std::fs::OpenOptions::new().write(true).open(&path) else {
                    return;
                };
                let started = Instant::now();
                let (mut at, mut sent) = (0, 0usize);
                let bytes_per_second = (MIC_RATE * 2) as f64;
                while !flag.load(Ordering::Relaxed) {
                    // 50 ms at a time.
                    let chunk: Vec<u8> = if at < data.len() {
                        let end = (at + 4_800).min(data.len());
                        let chunk = data[at..end].to_vec();
                        at = end;
                        chunk
                    } else {
                        vec![0; 4_800]
                    };
                    if pipe.write_all(&chunk).is_err() {
                        break;
                    }
                    sent += chunk.len();
                    let due = Duration::from_secs_f64(sent as f64 / bytes_per_second);
                    if let Some(wait) = due.checked_sub(started.elapsed()) {
                        std::thread::sleep(wait);
                    }
                }
            }
        });
        Microphone { pipe, stop }
    }
}

impl Drop for Microphone {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        // A writer still waiting for a reader: open the pipe once (without waiting for a
        // writer: O_NONBLOCK) so it wakes, finds the reader gone, and ends.
        use std::os::unix::fs::OpenOptionsExt;
        let _ = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(0o4000)
            .open(&self.pipe);
    }
}

/// An ALSA configuration whose default device records from `mic` and plays into `wav`.
pub fn alsa_mic_and_speaker(dir: &Path, mic: &Microphone, wav: &Path) -> String {
    let conf = dir.join("asound-studio.conf");
    std::fs::write(
        &conf,
        format!(
            "pcm.!default {{ type asym; playback.pcm \"speaker\"; capture.pcm \"mic\" }}\n\
             pcm.mic {{ type file; slave.pcm \"null\"; file \"/dev/null\"; infile \"{}\"; format \"raw\" }}\n\
             pcm.speaker {{ type plug; slave {{ pcm \"to_file\"; format S16_LE; rate 48000; channels 1 }} }}\n\
             pcm.to_file {{ type file; slave.pcm \"null\"; file \"{}\"; format \"wav\" }}\n",
            mic.pipe.display(),
            wav.display()
        ),
    )
    .unwrap();
    format!("/usr/share/alsa/alsa.conf:{}", conf.display())
}
