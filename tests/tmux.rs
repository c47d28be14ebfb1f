//! The real binary in a real terminal (tmux): keys, a mouse click sent as the SGR sequence
//! a touch screen sends, resizes, and what is on screen, read back as text.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::fixture;
use support::tmux::{Tmux, find, find_on_phone};
use unicode_width::UnicodeWidthStr;

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

    tmux.wait_for("Chạm vào màn hình để bắt đầu");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác học lần đầu");
    tmux.keys(&["1"]);
    tmux.wait_for("Bác muốn được gọi là gì?");
    tmux.literal("Bà Hạnh");
    tmux.wait_for("Bà Hạnh▏");
    tmux.keys(&["Enter"]);
    // The age band is optional: "rather not say".
    tmux.wait_for("Bác thuộc nhóm tuổi nào?");
    tmux.keys(&["5"]);
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
    tmux.keys(&["1"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
    tmux.keys(&["Enter"]);

    // The tap step: touch Zalo on the pretend phone where it is drawn.
    let screen = tmux.wait_for("Chạm vào biểu tượng Zalo.");
    let (col, row) = find_on_phone(&screen, "Zalo");
    tmux.click(col + 1, row);
    tmux.wait_for("✓ Đúng rồi!");
    tmux.keys(&["Enter"]);

    // The choice step, by its number key; a wrong one first.
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác làm gì?");
    tmux.choose("Đọc mã cho họ");
    tmux.wait_for("✗ Không nên: ai có mã là lấy được tài khoản.");
    tmux.choose("Không đưa mã");
    tmux.wait_for("✓ Đúng rồi!");
    tmux.keys(&["Enter"]);
    let summary = tmux.wait_for("Bác đã học xong bài!");
    assert!(summary.contains("✓ Làm đúng ngay: 1 bước"), "{summary}");
    // Two right in a row masters a step: the summary offers to practise again.
    assert!(summary.contains("Tập lại các bước này"), "{summary}");

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
    // The code is the key to her progress: it is on her card, never in the log.
    let as_a_number = log.match_indices(&code).any(|(at, _)| {
        let before = log[..at].chars().next_back();
        let after = log[at + code.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    });
    assert!(
        !as_a_number,
        "the learner's code {code} is in the log:\n{log}"
    );
}

/// `hocso preview FILE` at its question about the OTP, at 58×15, its data in `dir`.
fn preview_at_hoi_otp(dir: &std::path::Path, file: &std::path::Path) -> Tmux {
    let data = dir.join("data");
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
    tmux
}

#[test]
fn preview_reloads_the_lesson_when_the_file_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cham-va-chon.toml");
    let original = std::fs::read_to_string(fixture("e2e/lessons/cham-va-chon.toml")).unwrap();
    std::fs::write(&file, &original).unwrap();
    let tmux = preview_at_hoi_otp(dir.path(), &file);

    // A broken edit: the checker's message is shown in the tutor.
    std::fs::write(&file, original.replace("correct = true\n", "")).unwrap();
    tmux.wait_for("Bài học đang có lỗi");
    tmux.wait_for("no option is marked");
    // Fixed, with new words: back at the same step.
    std::fs::write(&file, original.replace("Bác làm gì?", "Bác sẽ làm gì?")).unwrap();
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác sẽ làm gì?");
    // A good edit after a good one is drawn at once too, with no key pressed.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&file, original.replace("Bác làm gì?", "Bác nên làm gì?")).unwrap();
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác nên làm gì?");
    tmux.keys(&["C-c"]);
}

#[test]
fn preview_reads_the_glossary_again_when_it_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cham-va-chon.toml");
    std::fs::copy(fixture("e2e/lessons/cham-va-chon.toml"), &file).unwrap();
    let glossary = dir.path().join("glossary.toml");
    let term = |explain: &str| {
        format!(
            "[[term]]\nid = \"ma-otp\"\nword = {{ vi = \"mã OTP\", en = \"OTP\" }}\n\
             explain = {{ vi = \"{explain}\", en = \"A code.\" }}\n"
        )
    };
    std::fs::write(&glossary, term("Dãy số dùng một lần.")).unwrap();
    let tmux = preview_at_hoi_otp(dir.path(), &file);
    tmux.keys(&["F4"]);
    tmux.wait_for("Dãy số dùng một lần.");
    // The author mends the explanation: it shows the next time the word is opened.
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(&glossary, term("Dãy số chỉ dùng được một lần.")).unwrap();
    tmux.wait_for("Có người hỏi mã OTP của bác. Bác làm gì?");
    tmux.keys(&["F4"]);
    tmux.wait_for("Dãy số chỉ dùng được một lần.");
    tmux.keys(&["C-c"]);
}

/// The pane's modes that a full-screen program changes, as tmux reports them.
const MODES: [&str; 7] = [
    "alternate_on",
    "cursor_flag",
    "mouse_standard_flag",
    "mouse_button_flag",
    "mouse_any_flag",
    "mouse_all_flag",
    "mouse_sgr_flag",
];

fn modes(tmux: &Tmux) -> Vec<(&'static str, String)> {
    MODES.iter().map(|&m| (m, tmux.pane_format(m))).collect()
}

/// `stty -a` flags, one a word (`icanon`, or `-icanon` when off).
fn tty_flags(stty: &str) -> Vec<&str> {
    stty.split(|c: char| c.is_whitespace() || c == ';')
        .collect()
}

#[test]
fn a_panic_gives_the_terminal_back_and_its_message_goes_to_the_log() {
    let lessons = fixture("e2e/lessons");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let before = dir.path().join("stty-before");
    let after = dir.path().join("stty-after");
    let mut tmux = Tmux::start_in_shell(
        &[("HOCSO_TEST_PANIC", "1")],
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
        &format!("stty -a > '{}'", before.display()),
        &format!(
            "stty -a > '{}'; echo \"hocso exited: $status\"",
            after.display()
        ),
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux.wait_for("Chạm vào màn hình để bắt đầu");
    // The tutor holds the terminal: the modes it must give back are on. (tmux keeps one
    // mouse tracking mode: crossterm's last, any motion, replaces standard and button.)
    let held = [
        ("alternate_on", "1"),
        ("cursor_flag", "0"),
        ("mouse_standard_flag", "0"),
        ("mouse_button_flag", "0"),
        ("mouse_any_flag", "1"),
        ("mouse_all_flag", "1"),
        ("mouse_sgr_flag", "1"),
    ];
    assert_eq!(modes(&tmux), held.map(|(m, v)| (m, v.to_owned())));

    // Debug builds panic on the first key when HOCSO_TEST_PANIC is set.
    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("hocso exited:");
    assert!(screen.contains("hocso exited: 101"), "a panic:\n{screen}");
    assert!(
        !screen.contains("panicked") && !screen.contains("HOCSO_TEST_PANIC"),
        "the panic message is on the screen:\n{screen}"
    );

    // Main screen, cursor shown, no mouse reporting.
    let given_back: Vec<_> = MODES
        .iter()
        .map(|&m| (m, if m == "cursor_flag" { "1" } else { "0" }.to_owned()))
        .collect();
    assert_eq!(modes(&tmux), given_back);
    // The tty is back in cooked mode, exactly as the shell had it.
    let before = std::fs::read_to_string(before).unwrap();
    let after = std::fs::read_to_string(after).unwrap();
    let flags = tty_flags(&after);
    for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(flags.contains(&flag), "`{flag}` is off:\n{after}");
    }
    assert_eq!(before, after);

    let log = std::fs::read_to_string(data.join("hocso.log")).unwrap();
    assert!(
        log.contains("panicked at")
            && log.contains("HOCSO_TEST_PANIC is set and a key was pressed"),
        "the panic is not in the log:\n{log}"
    );
}

/// Answers saved for `step`, right and wrong, read from the learner's database.
fn attempts(data: &Path, step: &str) -> (usize, usize) {
    let conn = rusqlite::Connection::open(data.join("hocso.db")).unwrap();
    conn.query_row(
        "SELECT coalesce(sum(right = 1), 0), coalesce(sum(right = 0), 0) FROM attempts \
         WHERE step = ?1",
        [step],
        |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
    )
    .unwrap()
}

#[test]
fn a_double_tap_is_one_tap_and_records_nothing_it_did_not_mean() {
    let lessons = fixture("e2e/lessons");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap().to_owned();
    let tmux = Tmux::start(
        58,
        15,
        &["--lessons", lessons.to_str().unwrap(), "--data", &data],
    );
    tmux.wait_for("Chạm vào màn hình");
    tmux.sign_in(None);
    tmux.wait_for("Chạm và chọn");
    tmux.keys(&["1"]);
    let screen = tmux.wait_for("Mình tập chạm vào điện thoại nhé.");

    // A double tap (100 ms apart) on "Tiếp tục": one step on, and no answer on the next.
    let (col, row) = find(&screen, "Tiếp tục");
    std::thread::sleep(Duration::from_millis(600));
    tmux.tap(col + 1, row, 40);
    std::thread::sleep(Duration::from_millis(60));
    tmux.tap(col + 1, row, 40);
    let screen = tmux.wait_for("Chạm vào biểu tượng Zalo.");
    std::thread::sleep(Duration::from_millis(800));
    let screen_later = tmux.screen();
    assert_eq!(screen, screen_later, "the second tap did something");
    assert!(!screen.contains('✗') && !screen.contains('✓'), "{screen}");
    assert_eq!(attempts(dir.path(), "cham-zalo"), (0, 0));

    // A double tap on a wrong app is one miss: no hint yet (it comes with the second).
    let (col, row) = find_on_phone(&screen, "YouTube");
    tmux.tap(col + 1, row, 50);
    std::thread::sleep(Duration::from_millis(90));
    tmux.tap(col + 1, row, 50);
    let screen = tmux.wait_for("Đây là YouTube.");
    std::thread::sleep(Duration::from_millis(800));
    assert!(!tmux.screen().contains("Zalo ở hàng đầu tiên."), "{screen}");
    assert_eq!(attempts(dir.path(), "cham-zalo"), (0, 1));

    // Slid off before lifting: nothing.
    let (col, row) = find_on_phone(&screen, "Zalo");
    std::thread::sleep(Duration::from_millis(1200));
    tmux.literal(&format!("\x1b[<0;{};{}M", col + 2, row + 1));
    tmux.literal(&format!("\x1b[<32;{};{}M", col + 2, row + 4));
    tmux.literal(&format!("\x1b[<0;{};{}m", col + 2, row + 4));
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(attempts(dir.path(), "cham-zalo"), (0, 1));
    // Pressed and lifted on it: right.
    tmux.click(col + 2, row);
    tmux.wait_for("✓ Đúng rồi!");
    assert_eq!(attempts(dir.path(), "cham-zalo"), (1, 1));
}

/// A terminal that goes away (the kiosk's window closed, its compositor gone) closes the
/// tutor as a volunteer would, at once: it does not stay behind reading the dead
/// terminal forever, a core busy and its answers' journal never written.
#[test]
fn a_terminal_that_goes_away_closes_the_tutor() {
    let data = tempfile::tempdir().unwrap();
    let lessons = fixture("e2e/lessons");
    let tmux = Tmux::start(
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.path().to_str().unwrap(),
        ],
    );
    tmux.wait_for("Chạm vào màn hình");
    let pid = tmux.pane_format("pane_pid");
    let proc = Path::new("/proc").join(&pid);
    assert!(proc.exists());
    // The terminal goes; hocso is left alone with it (its parent is gone too).
    tmux.run(&["kill-server"]);
    let start = Instant::now();
    while proc.exists() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    let ticks = std::fs::read_to_string(proc.join("stat")).ok();
    assert!(
        !proc.exists(),
        "hocso {pid} still runs 10 s after its terminal went: {ticks:?}"
    );
    let log = std::fs::read_to_string(data.path().join("hocso.log")).unwrap();
    assert!(log.contains("tutor closed"), "{log}");
}
