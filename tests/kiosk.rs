//! The kiosk in lock-down, in a real terminal: the quit keys do not leave, the volunteer
//! PIN does; a kiosk left alone goes back to the welcome screen and forgets who was there.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use support::fixture;
use support::tmux::Tmux;

/// `hocso volunteer set-pin` with the PIN on standard input.
fn set_pin(data: &Path, pin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["--data", data.to_str().unwrap(), "volunteer", "set-pin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{pin}").unwrap();
    child.wait_with_output().unwrap()
}

fn kiosk(dir: &Path, extra: &[&str]) -> Tmux {
    let data = dir.join("data");
    let lessons = fixture("e2e/lessons");
    let mut args = vec![
        "--kiosk",
        "--data",
        data.to_str().unwrap(),
        "--lessons",
        lessons.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let mut tmux = Tmux::start(58, 15, &args);
    tmux.log = Some(data.join("hocso.log"));
    tmux
}

fn wait_until_gone(tmux: &Tmux) -> bool {
    let start = Instant::now();
    while tmux.alive() {
        if start.elapsed() > Duration::from_secs(10) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    true
}

#[test]
fn the_pin_is_kept_only_as_an_argon2id_hash() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bad = set_pin(&data, "12");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("4 to 8 digits"));
    let out = set_pin(&data, "2468");
    assert!(out.status.success(), "{out:?}");
    let db = rusqlite::Connection::open(data.join("hocso.db")).unwrap();
    let hash: String = db
        .query_row("SELECT value FROM kiosk_secrets", [], |r| r.get(0))
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("2468"));
    let raw = std::fs::read(data.join("hocso.db")).unwrap();
    assert!(
        !raw.windows(4).any(|w| w == b"2468"),
        "the PIN itself is nowhere"
    );
}

#[test]
fn in_kiosk_mode_the_quit_keys_do_not_leave_and_the_pin_does() {
    let dir = tempfile::tempdir().unwrap();
    assert!(set_pin(&dir.path().join("data"), "2468").status.success());
    let tmux = kiosk(dir.path(), &[]);
    tmux.wait_for("Chạm vào màn hình");
    for chord in ["C-c", "C-z", "C-\\", "C-q"] {
        tmux.keys(&[chord]);
    }
    std::thread::sleep(Duration::from_millis(500));
    assert!(tmux.alive(), "a quit key left the kiosk");
    tmux.wait_for("Chạm vào màn hình");

    // The chord opens the PIN prompt; a wrong PIN is refused.
    tmux.keys(&["C-M-v"]);
    tmux.wait_for("Nhập mã PIN");
    tmux.literal("1357");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Sai mã PIN");
    tmux.literal("2468");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bảng tình nguyện viên");
    tmux.keys(&["9"]);
    tmux.wait_for("Thoát chương trình Học số?");
    tmux.keys(&["2"]);
    assert!(wait_until_gone(&tmux), "the right PIN and Quit leave");
}

#[test]
fn a_kiosks_first_start_asks_the_volunteer_to_choose_a_pin() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = kiosk(dir.path(), &[]);
    tmux.wait_for("Lần đầu dùng máy");
    tmux.keys(&["C-c"]);
    tmux.literal("97531");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Nhập lại mã PIN vừa chọn");
    tmux.literal("97531");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Chạm vào màn hình");
    // The chosen PIN opens the panel, by touch this time: three taps on the header's
    // corner (one does nothing; nothing there invites a learner).
    tmux.click(1, 0);
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert!(
        tmux.screen().contains("Chạm vào màn hình"),
        "{}",
        tmux.screen()
    );
    for _ in 0..3 {
        tmux.tap(1, 0, 30);
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    tmux.wait_for("Nhập mã PIN");
    tmux.literal("97531");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bảng tình nguyện viên");
}

#[test]
fn a_kiosk_left_alone_returns_to_welcome_and_forgets_the_name() {
    let dir = tempfile::tempdir().unwrap();
    assert!(set_pin(&dir.path().join("data"), "2468").status.success());
    let config = dir.path().join("hocso.toml");
    std::fs::write(
        &config,
        "idle_timeout_seconds = 2\nidle_warning_seconds = 2\n",
    )
    .unwrap();
    let tmux = kiosk(dir.path(), &["--config", config.to_str().unwrap()]);
    tmux.wait_for("Chạm vào màn hình");
    tmux.sign_in(None);
    let menu = tmux.wait_for("Bác muốn học bài nào?");
    assert!(menu.contains("Bác Kiểm Tra"), "{menu}");
    tmux.wait_for("Bác vẫn đang học chứ?");
    let welcome = tmux.wait_for("Chạm vào màn hình để");
    assert!(!welcome.contains("Kiểm Tra"), "{welcome}");
    assert!(!welcome.contains("Bác vẫn đang học chứ?"), "{welcome}");
    assert!(tmux.alive());
}

#[test]
fn a_guided_session_is_recorded_as_assisted_with_a_note_for_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert!(set_pin(&data, "2468").status.success());
    let tmux = kiosk(dir.path(), &[]);
    tmux.wait_for("Chạm vào màn hình để");
    let code = tmux.sign_in(None);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["Escape"]);
    tmux.wait_for("Bác muốn nghỉ học hôm nay?");
    tmux.keys(&["1"]);
    tmux.wait_for("Chạm vào màn hình để");

    // The volunteer finds the learner and guides the lesson.
    tmux.open_panel("2468");
    tmux.keys(&["Enter"]);
    tmux.wait_for(&format!("Bác Kiểm Tra · {code}"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("Xóa hẳn học viên này");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Hướng dẫn kèm bài này");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
    tmux.wait_for("F9");
    tmux.keys(&["F6"]);
    tmux.wait_for("Chạm vào biểu tượng Zalo.");
    // Nothing is lit at first: the first arrow shows the focus on YouTube, the next
    // moves it to Zalo.
    tmux.keys(&["Right", "Right", "Enter"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Có người hỏi mã OTP");
    tmux.choose("Không đưa mã");
    tmux.keys(&["F8", "F9"]);
    tmux.wait_for("Ghi chú cho tình nguyện viên lần sau");
    tmux.literal("Bác cần tập thêm");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bảng tình nguyện viên");

    let db = rusqlite::Connection::open(data.join("hocso.db")).unwrap();
    let (answers, assisted): (i64, i64) = db
        .query_row(
            "SELECT count(*), sum(assisted) FROM attempts WHERE learner = ?1",
            [&code],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((answers, assisted), (2, 2), "both answers assisted");
    let guided_sessions: i64 = db
        .query_row(
            "SELECT count(*) FROM sessions WHERE learner = ?1 AND assisted = 1 AND ended_at IS NOT NULL",
            [&code],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(guided_sessions, 1);
    let note: String = db
        .query_row("SELECT text FROM notes WHERE learner = ?1", [&code], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(note, "Bác cần tập thêm");
    let mastered: i64 = db
        .query_row(
            "SELECT count(*) FROM lesson_state WHERE learner = ?1 AND mastered_at IS NOT NULL",
            [&code],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mastered, 0, "guided answers never count toward mastery");
}
