//! The real binary in a real terminal (tmux): keys, a mouse click sent as the SGR sequence
//! a touch screen sends, resizes, and what is on screen, read back as text.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use support::fixture;
use unicode_width::UnicodeWidthStr;

/// A tmux server of our own (private socket, no user config) running hocso.
struct Tmux {
    socket: PathBuf,
    _dir: tempfile::TempDir,
}

impl Tmux {
    fn start(width: u16, height: u16, args: &[&str]) -> Tmux {
        let dir = tempfile::tempdir().unwrap();
        let socket = dir.path().join("tmux.sock");
        let mut command = env!("CARGO_BIN_EXE_hocso").to_string();
        for a in args {
            command.push_str(&format!(" '{a}'"));
        }
        let tmux = Tmux { socket, _dir: dir };
        let out = tmux.run(&[
            "new-session",
            "-d",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
            &command,
        ]);
        assert!(
            out.status.success(),
            "tmux failed to start (is tmux installed?): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(["-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux is installed (apt-get install tmux)")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys"];
        args.extend_from_slice(keys);
        assert!(self.run(&args).status.success());
    }

    fn literal(&self, text: &str) {
        assert!(self.run(&["send-keys", "-l", text]).status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8(self.run(&["capture-pane", "-p"]).stdout).unwrap()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("`{text}` never appeared; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks (touches) the cell at 0-based (`col`, `row`), as xterm's SGR mouse mode sends.
    fn click(&self, col: usize, row: usize) {
        self.literal(&format!("\x1b[<0;{};{}M", col + 1, row + 1));
        self.literal(&format!("\x1b[<0;{};{}m", col + 1, row + 1));
    }

    fn resize(&self, width: u16, height: u16) {
        let out = self.run(&[
            "resize-window",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn alive(&self) -> bool {
        self.run(&["has-session"]).status.success()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

/// The 0-based column and row of `needle` on `screen`.
fn find(screen: &str, needle: &str) -> (usize, usize) {
    for (row, line) in screen.lines().enumerate() {
        if let Some(at) = line.find(needle) {
            return (line[..at].width(), row);
        }
    }
    panic!("`{needle}` is not on the screen:\n{screen}");
}

#[test]
fn a_learner_goes_from_welcome_to_summary_with_keys_and_a_touch() {
    let lessons = fixture("e2e/lessons");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_owned();
    let tmux = Tmux::start(
        58,
        15,
        &["--lessons", lessons.to_str().unwrap(), "--data", &data],
    );

    tmux.wait_for("Chạm vào màn hình hoặc nhấn Enter để bắt đầu");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác học lần đầu");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác muốn được gọi là gì?");
    tmux.literal("Bà Hạnh");
    tmux.wait_for("Bà Hạnh▏");
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("Mã số của bác là");
    let code: String = screen
        .lines()
        .find(|l| l.trim().chars().filter(char::is_ascii_digit).count() == 4 && l.trim().len() == 7)
        .expect("the code, spaced out")
        .split_whitespace()
        .collect();
    assert_eq!(code.len(), 4, "{screen}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.wait_for("Chào Bà Hạnh!");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
    tmux.keys(&["Enter"]);

    // The tap step: touch Zalo on the pretend phone where it is drawn.
    let screen = tmux.wait_for("Chạm vào biểu tượng Zalo.");
    let (col, row) = find(&screen, "◼ Zalo");
    tmux.click(col + 2, row);
    tmux.wait_for("✓ Đúng rồi!");
    tmux.keys(&["Enter"]);

    // The choice step, by its number key; a wrong one first.
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác làm gì?");
    tmux.keys(&["1"]);
    tmux.wait_for("✗ Không nên: ai có mã là lấy được tài khoản.");
    tmux.keys(&["2"]);
    tmux.wait_for("✓ Đúng rồi!");
    tmux.keys(&["Enter"]);
    let summary = tmux.wait_for("Bác đã học xong bài!");
    assert!(summary.contains("✓ Làm đúng ngay: 1 bước"), "{summary}");
    assert!(summary.contains("↻ Cần tập thêm: 1 bước"), "{summary}");

    // Resizes: down to the smallest size, below it, and back, without a crash.
    tmux.resize(40, 12);
    tmux.wait_for("Bác đã học xong bài!");
    tmux.resize(20, 6);
    let small = tmux.wait_for("nhỏ quá");
    assert!(small.lines().all(|l| l.width() <= 20));
    tmux.resize(58, 15);
    tmux.wait_for("Bác đã học xong bài!");
    assert!(tmux.alive());

    // Ctrl+C leaves cleanly; the log says the tutor ran.
    tmux.keys(&["C-c"]);
    let start = Instant::now();
    while tmux.alive() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!tmux.alive(), "hocso exited, and with it the tmux session");
    let log = std::fs::read_to_string(Path::new(&data).join("hocso.log")).unwrap();
    assert!(
        log.contains("tutor starting") && log.contains("tutor closed"),
        "{log}"
    );
}

#[test]
fn preview_reloads_the_lesson_when_the_file_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cham-va-chon.toml");
    let original = std::fs::read_to_string(fixture("e2e/lessons/cham-va-chon.toml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let data = dir.path().join("data");
    let tmux = Tmux::start(
        58,
        15,
        &[
            "preview",
            file.to_str().unwrap(),
            "--step",
            "hoi-otp",
            "--data",
            data.to_str().unwrap(),
        ],
    );
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác làm gì?");

    // A broken edit: the checker's message is shown in the tutor.
    std::fs::write(&file, original.replace("correct = true\n", "")).unwrap();
    tmux.wait_for("Bài học đang có lỗi");
    tmux.wait_for("no option is marked");
    // Fixed, with new words: back at the same step.
    std::fs::write(&file, original.replace("Bác làm gì?", "Bác sẽ làm gì?")).unwrap();
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác sẽ làm gì?");
    tmux.keys(&["C-c"]);
}
