//! `hocso card LESSON`: the take-home page, from the same lesson file.

mod support;

use support::{fixture, hocso, hocso_in};

#[test]
fn a_card_lists_the_steps_and_boxes_the_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("card.html");
    let run = hocso(&["card", "vneid-cai-dat", "--out", out.to_str().unwrap()]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"vi\">"));
    assert!(html.contains("<h1>Cài VNeID an toàn</h1>"));
    assert!(html.contains("font-size: 20pt"), "large type");
    // One numbered line a step (the scam drill goes in a box), the order's items nested.
    let steps = html
        .split("<ol class=\"steps\">\n")
        .nth(1)
        .unwrap()
        .split("\n</ol>\n")
        .next()
        .unwrap();
    assert_eq!(
        steps.lines().filter(|l| l.starts_with("<li>")).count(),
        8,
        "{steps}"
    );
    assert!(
        steps.contains("<span class=\"touch\">→ CH Play</span>"),
        "a tap says what to touch"
    );
    // A practice step leads with its short name; one whose text starts the same way
    // (a derived name) is not named twice.
    assert!(
        steps.contains("<strong class=\"name\">Tự mở VNeID, không mở link lạ</strong><br>"),
        "a step's own name: {steps}"
    );
    assert!(
        steps.contains("<strong class=\"name\">Chạm vào CH Play</strong><br>"),
        "a tap step's derived name: {steps}"
    );
    assert!(!steps.contains("<strong class=\"name\">Một"), "{steps}");
    assert_eq!(html.matches("class=\"warning\"").count(), 1);
    assert!(
        html.contains("<p class=\"question\">⚠ Cuộc gọi giả công an gửi link</p>"),
        "the warning box is headed by the step's name"
    );
    assert!(html.contains("Nên làm:"));
    assert!(html.contains("Tổ công nghệ số cộng đồng"));

    let run = hocso(&[
        "--lang",
        "en",
        "card",
        "vneid-cai-dat",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h1>Installing VNeID safely</h1>") && html.contains("Be careful"));
    assert!(html.contains("<strong class=\"name\">Open VNeID yourself, not the link</strong>"));
}

#[test]
fn lesson_text_is_escaped_and_unknown_lessons_are_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    let text = std::fs::read_to_string(fixture("good/mau.toml"))
        .unwrap()
        .replace(
            "title = \"Bài mẫu\"",
            "title = \"Bài <script>alert(1)</script> & mẫu\"",
        );
    std::fs::write(dir.path().join("lessons/mau.toml"), text).unwrap();
    let run = hocso_in(dir.path(), &["card", "mau"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let html = std::fs::read_to_string(dir.path().join("mau.html")).unwrap();
    assert!(html.contains("Bài &lt;script&gt;alert(1)&lt;/script&gt; &amp; mẫu"));
    assert!(!html.contains("<script>"));

    let run = hocso_in(dir.path(), &["--lang", "en", "card", "khong-co"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("There is no lesson “khong-co”"));
}
