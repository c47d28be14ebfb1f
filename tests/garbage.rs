//! Garbage in: a diagnostic out, never a panic or a crash, in-process and in the binary.

mod support;

use std::path::Path;

use hocso::lesson::{CheckOptions, MAX_FILE_BYTES, MAX_SYNTAX_ERRORS, parse_lesson};
use support::check_json;

/// Checks `bytes` as a lesson file with the real binary; returns the diagnostic codes.
fn check_bytes(bytes: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("garbage.toml");
    std::fs::write(&file, bytes).unwrap();
    let (status, report) = check_json(&[file.to_str().unwrap()]);
    assert_eq!(status, 1, "garbage is an error\n{report:#}");
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_empty_file_is_missing_its_fields() {
    assert_eq!(check_bytes(b""), ["missing-field"]);
}

#[test]
fn a_binary_file_is_not_utf8() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    assert_eq!(check_bytes(&bytes), ["not-utf8"]);
}

#[test]
fn invalid_utf8_is_reported_where_it_starts() {
    let mut bytes = b"format_version = 1\nid = \"ba".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe]);
    bytes.extend_from_slice(b"\"\n");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    std::fs::write(&file, &bytes).unwrap();
    let (_, report) = check_json(&[file.to_str().unwrap()]);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "not-utf8");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(9))
    );
}

#[test]
fn a_ten_megabyte_file_is_refused() {
    let big = "# đây là chú thích rất dài\n".repeat(10 * 1024 * 1024 / 30);
    assert!(big.len() as u64 > MAX_FILE_BYTES);
    assert_eq!(check_bytes(big.as_bytes()), ["file-too-large"]);
}

#[test]
fn deeply_nested_values_are_refused_without_overflowing() {
    let depth = 100_000;
    let arrays = format!("x = {}{}", "[".repeat(depth), "]".repeat(depth));
    let tables = format!("x = {}1{}", "{a = ".repeat(depth), "}".repeat(depth));
    let keys = format!("{} = 1", vec!["a"; depth / 4].join("."));
    let headers = format!("[{}]", vec!["a"; depth / 4].join("."));
    for text in [arrays, tables, keys, headers] {
        let codes = check_bytes(text.as_bytes());
        assert!(!codes.is_empty());
    }
}

#[test]
fn random_bytes_never_panic_in_process() {
    // A small deterministic generator: every byte pattern parses to diagnostics or a lesson.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let pieces = [
        "[[steps]]\n",
        "kind = \"tap\"\n",
        "id = \"a\"\n",
        "text = \"Chạm\"\n",
        "[steps.screen]\n",
        "[[steps.screen.elements]]\n",
        "target = 1\n",
        "{",
        "}",
        "[",
        "]",
        "\"",
        "=",
        "\n",
        "é",
        "format_version = 1\n",
        "options = [{text = \"x\"}]\n",
        "\u{301}",
        "#",
        "'''",
    ];
    for _ in 0..2_000 {
        let mut text = String::new();
        for _ in 0..(state % 40) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        let parsed = parse_lesson(Path::new("random.toml"), &text, &CheckOptions::default());
        for d in &parsed.diagnostics {
            assert!(d.start.line >= 1 && d.start.column >= 1);
            assert!(d.span.end <= text.len());
        }
        if parsed.lesson.is_none() {
            assert!(parsed.diagnostics.iter().any(|d| d.is_error()), "{text:?}");
        }
    }
}

#[test]
fn an_escape_sequence_in_a_text_is_refused() {
    let source = std::fs::read_to_string(support::fixture("e2e/lessons/cham-va-chon.toml"))
        .unwrap()
        .replace(
            "Mình tập chạm vào điện thoại nhé.",
            "Mình tập\\u001b]0;pwned\\u0007 chạm",
        );
    let codes = check_bytes(source.as_bytes());
    assert!(codes.contains(&"control-character".to_owned()), "{codes:?}");
}

/// Checks `text` in-process and renders every problem (as `hocso check` prints them, and
/// as JSON) on another thread; fails if that takes longer than `bound`.
fn check_and_render_within(text: String, bound: std::time::Duration) -> usize {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let parsed = parse_lesson(Path::new("big.toml"), &text, &CheckOptions::default());
        let mut rendered = 0;
        for d in &parsed.diagnostics {
            let human = d.render(Some(&text), &annotate_snippets::Renderer::plain());
            assert!(
                human.contains(&format!("big.toml:{}:", d.start.line)),
                "{human}"
            );
            let _ = d.to_json();
            rendered += 1;
        }
        let _ = done.send(rendered);
    });
    finished
        .recv_timeout(bound)
        .unwrap_or_else(|_| panic!("checking a 1 MiB file took longer than {bound:?}"))
}

#[test]
fn a_one_megabyte_file_full_of_problems_is_checked_in_linear_time() {
    // Thousands of steps, each with an unknown field: one problem every hundred bytes.
    // Locating and rendering each problem once rescanned the whole file (minutes, in a
    // debug build); a line table makes it seconds. The bound is ten times that.
    let head = std::fs::read_to_string(support::fixture("good/mau.toml")).unwrap();
    let mut text = head;
    let mut i = 0;
    while text.len() < MAX_FILE_BYTES as usize - 200 {
        text.push_str(&format!(
            "[[steps]]\nid = \"buoc-{i}\"\nkind = \"explain\"\ntext = {{ vi = \"Xin chào\", en = \"Hello\" }}\nbogus = 1\n"
        ));
        i += 1;
    }
    let problems = check_and_render_within(text, std::time::Duration::from_secs(60));
    assert!(problems > 10_000, "{problems}");
}

#[test]
fn a_one_megabyte_file_of_syntax_errors_is_checked_in_linear_time() {
    // Three errors a line, 786 000 in all: the first is reported, and a last one says
    // how many more there are (they mostly follow from the first).
    let text = "= =\n".repeat(MAX_FILE_BYTES as usize / 4 - 1);
    let problems = check_and_render_within(text.clone(), std::time::Duration::from_secs(60));
    assert_eq!(problems, MAX_SYNTAX_ERRORS + 1);
    let parsed = parse_lesson(Path::new("big.toml"), &text, &CheckOptions::default());
    let last = parsed.diagnostics.last().unwrap();
    assert_eq!(last.code, "toml-syntax");
    assert!(
        last.message.contains("more syntax errors may follow"),
        "{}",
        last.message
    );
    assert_eq!(last.start.line, MAX_SYNTAX_ERRORS / 3 + 1, "{last:?}");
}

#[test]
fn a_one_megabyte_line_full_of_problems_is_checked_in_linear_time() {
    // Every step on one line: each problem's snippet was the whole 1 MiB line (over five
    // minutes to render them all); now a cut around the problem.
    let head = std::fs::read_to_string(support::fixture("good/mau.toml")).unwrap();
    let mut text = head[..head.find("[[steps]]").unwrap()].to_owned();
    text.push_str("steps = [");
    let mut i = 0;
    while text.len() < MAX_FILE_BYTES as usize - 200 {
        text.push_str(&format!(
            "{{id = \"b{i}\", kind = \"explain\", text = {{vi = \"X\", en = \"Y\"}}, bogus = 1}}, "
        ));
        i += 1;
    }
    text.push_str("]\n");
    let problems = check_and_render_within(text, std::time::Duration::from_secs(60));
    assert!(problems > 10_000, "{problems}");
}
