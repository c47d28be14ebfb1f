//! The real binary in a real terminal (tmux): keys, a mouse click sent as the SGR sequence
//! a touch screen sends, resizes, and what is on screen, read back as text.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use support::fixture;
use support::tmux::{Tmux, find};
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

    tmux.wait_for("Chạm vào màn hình hoặc nhấn Enter để bắt đầu");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác học lần đầu");
    tmux.keys(&["Enter"]);
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
