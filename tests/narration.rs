//! Narration in the real binary, with ALSA playing into a WAV file instead of a speaker:
//! a step's recording is heard when it opens, Space plays it again, leaving the step
//! stops it. And with no sound device at all: silence, no ALSA text on screen, the log
//! says why.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use support::fixture;
use support::sound::{alsa_to_file, heard_seconds, tone};
use support::tmux::Tmux;

/// A content folder with the end-to-end lesson and recordings for its first two steps.
fn content(dir: &Path, second_seconds: u32) -> PathBuf {
    let lessons = dir.join("content/lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        lessons.join("cham-va-chon.toml"),
    )
    .unwrap();
    let audio = dir.join("content/assets/audio/cham-va-chon");
    std::fs::create_dir_all(&audio).unwrap();
    tone(&audio.join("gioi-thieu.wav"), 1, 440.0);
    tone(&audio.join("cham-zalo.wav"), second_seconds, 330.0);
    lessons
}

fn wait_for_log(log: &Path, needle: &str, count: usize) {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.matches(needle).count() >= count {
            return;
        }
        if start.elapsed() > Duration::from_secs(20) {
            panic!("the log never said `{needle}` {count} times:\n{text}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The tutor at 58×15 with ALSA configured by `alsa`, its log kept for failures.
fn tutor(alsa: &str, lessons: &Path, data: &Path) -> Tmux {
    let mut tmux = Tmux::start_with_env(
        &[("ALSA_CONFIG_PATH", alsa)],
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux
}

fn sign_in_and_open(tmux: &Tmux) {
    tmux.wait_for("Chạm vào màn hình");
    tmux.sign_in(None);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["1"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
}

#[test]
fn a_step_is_heard_replayed_and_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = content(dir.path(), 600);
    let wav = dir.path().join("speaker.wav");
    let data = dir.path().join("data");
    let log = data.join("hocso.log");
    let alsa = alsa_to_file(dir.path(), &wav);
    let tmux = tutor(&alsa, &lessons, &data);
    sign_in_and_open(&tmux);

    // The first step's one-second recording plays when the step opens.
    wait_for_log(&log, "gioi-thieu.wav latency_ms", 1);
    std::thread::sleep(Duration::from_millis(500));
    let once = heard_seconds(&wav);
    assert!(
        (0.9..1.1).contains(&once),
        "heard {once:.2} s of a 1 s recording"
    );

    // Space plays it again.
    tmux.keys(&["Space"]);
    wait_for_log(&log, "gioi-thieu.wav latency_ms", 2);
    std::thread::sleep(Duration::from_millis(500));
    let twice = heard_seconds(&wav);
    assert!(
        (1.9..2.1).contains(&twice),
        "heard {twice:.2} s after a replay"
    );

    // The next step's ten-minute recording starts; leaving the step stops it.
    tmux.keys(&["Enter"]);
    wait_for_log(&log, "cham-zalo.wav latency_ms", 1);
    tmux.keys(&["Escape"]);
    wait_for_log(&log, "gioi-thieu.wav latency_ms", 3);
    std::thread::sleep(Duration::from_millis(500));
    let total = heard_seconds(&wav);
    let long = total - 3.0;
    assert!(
        long > 0.0,
        "some of the long recording was heard ({total:.2} s in all)"
    );
    assert!(
        long < 300.0,
        "leaving the step stopped it: {long:.1} s of 600 s heard"
    );
    tmux.keys(&["C-c"]);

    let text = std::fs::read_to_string(&log).unwrap();
    let latencies: Vec<u64> = text
        .lines()
        .filter_map(|l| l.split("latency_ms=").nth(1))
        .filter_map(|v| v.trim().parse().ok())
        .collect();
    eprintln!("narration started after {latencies:?} ms");
    assert!(latencies.iter().all(|ms| *ms < 1_000), "{latencies:?}");
}

#[test]
fn with_no_sound_device_the_tutor_works_in_silence() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = content(dir.path(), 1);
    let conf = dir.path().join("nosound.conf");
    std::fs::write(
        &conf,
        "pcm.!default { type hw; card 97 }\nctl.!default { type hw; card 97 }\n",
    )
    .unwrap();
    let alsa = format!("/usr/share/alsa/alsa.conf:{}", conf.display());
    let data = dir.path().join("data");
    let log = data.join("hocso.log");
    let tmux = tutor(&alsa, &lessons, &data);
    let welcome = tmux.wait_for("máy không có âm thanh");
    assert!(!welcome.contains("ALSA"), "{welcome}");
    sign_in_and_open(&tmux);
    let screen = tmux.wait_for("♪ Không có");
    assert!(
        !screen.contains("ALSA") && !screen.contains("alsa"),
        "{screen}"
    );
    assert!(
        !screen.contains("Nghe lại"),
        "no replay button without sound: {screen}"
    );
    // The lesson goes on as usual.
    tmux.keys(&["Enter"]);
    tmux.wait_for("Chạm vào biểu tượng Zalo.");
    tmux.keys(&["C-c"]);
    wait_for_log(&log, "no sound device", 1);
}
