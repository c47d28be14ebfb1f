//! `hocso check` as authors and CI run it: each class of problem, in a fixture file,
//! gives exit 1 and a diagnostic at the right line and column.

mod support;

use support::{check_json, fixture, hocso, hocso_in, position_of};

/// (fixture, code, text the diagnostic must start at, which occurrence of that text).
const CASES: &[(&str, &str, &str, usize)] = &[
    ("toml-syntax", "toml-syntax", "\n", 4),
    ("unknown-field", "unknown-field", "colour", 0),
    ("unknown-step-field", "unknown-field", "targt", 0),
    ("wrong-type", "wrong-type", "\"năm\"", 0),
    ("unknown-value", "unknown-value", "\"oder\"", 0),
    ("duplicate-step-id", "duplicate-step-id", "\"cham-nut\"", 1),
    ("unknown-target", "unknown-target", "\"tiep-tuk\"", 0),
    (
        "target-not-tappable",
        "target-not-tappable",
        "\"tiep-tuc\"",
        0,
    ),
    ("choice-several", "choice-answers", "true", 1),
    ("order-too-short", "order-too-short", "[\"Mở ứng dụng\"]", 0),
    (
        "unknown-prerequisite",
        "unknown-prerequisite",
        "\"dien-thoai-co-ban\"",
        0,
    ),
    ("empty-text", "empty-text", "\"   \"", 0),
    (
        "missing-narration",
        "missing-narration",
        "\"assets/audio",
        0,
    ),
    ("word-too-long", "word-too-long", "https://", 0),
    ("field-not-for-kind", "field-not-for-kind", "\"https://", 0),
    ("missing-kind-field", "missing-kind-field", "\"order\"", 0),
    ("format-version", "format-version", "7", 0),
    ("invalid-id", "invalid-id", "\"Bài-Mẫu\"", 0),
];

#[test]
fn each_problem_is_reported_at_its_line_and_column() {
    for &(name, code, at, nth) in CASES {
        let path = fixture(&format!("problems/{name}.toml"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (status, report) = check_json(&["--languages", "vi", path.to_str().unwrap()]);
        assert_eq!(status, 1, "{name}: exit code\n{report:#}");
        let found = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code)
            .unwrap_or_else(|| panic!("{name}: no `{code}` diagnostic in\n{report:#}"));
        let mut expected = position_of(&text, at, nth);
        if at == "\n" {
            // Syntax errors point at the end of the broken line.
            expected.1 = text
                .lines()
                .nth(expected.0 as usize - 1)
                .unwrap()
                .chars()
                .count() as u64
                + 1;
        }
        let got = (
            found["line"].as_u64().unwrap(),
            found["column"].as_u64().unwrap(),
        );
        assert_eq!(got, expected, "{name}: position of `{code}`\n{found:#}");
        assert_eq!(found["severity"], "error", "{name}");
        assert!(
            found["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{name}"
        );
        assert!(
            found["help"].as_str().is_some_and(|m| !m.is_empty()),
            "{name}: a help line"
        );
        assert_eq!(found["file"], path.to_str().unwrap(), "{name}");
    }
}

#[test]
fn a_missing_field_points_at_the_lesson() {
    let path = fixture("problems/missing-field.toml");
    let (status, report) = check_json(&["--languages", "vi", path.to_str().unwrap()]);
    assert_eq!(status, 1);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "missing-field");
    assert!(d["message"].as_str().unwrap().contains("`summary`"), "{d}");
}

#[test]
fn a_choice_with_no_right_answer_is_an_error() {
    let path = fixture("problems/choice-none.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let (status, report) = check_json(&["--languages", "vi", path.to_str().unwrap()]);
    assert_eq!(status, 1);
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "choice-answers")
        .expect("choice-answers");
    // The options start at the first `[[steps.options]]`.
    let (line, column) = position_of(&text, "[[steps.options]]", 0);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d}"
    );
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    for (name, code, at, locales) in [
        ("not-nfc", "not-nfc", "\"Ba", "vi"),
        ("not-on-keyboard", "not-on-keyboard", "\"Café Mai\"", "vi"),
        (
            "missing-locale",
            "missing-locale",
            "{ vi = \"Bài mẫu\" }",
            "vi,en",
        ),
        (
            "praise-repeated",
            "praise-repeated",
            "\"Đúng rồi. Câu",
            "vi",
        ),
    ] {
        let path = fixture(&format!("problems/{name}.toml"));
        let path = path.to_str().unwrap();
        let text = std::fs::read_to_string(path).unwrap();
        let (status, report) = check_json(&["--languages", locales, path]);
        assert_eq!(status, 0, "{name}: a warning alone passes\n{report:#}");
        let (status, report) = check_json(&["--languages", locales, "--deny-warnings", path]);
        assert_eq!(status, 1, "{name}: --deny-warnings fails on it");
        let d = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == code && d["severity"] == "warning")
            .unwrap_or_else(|| panic!("{name}: no `{code}` warning\n{report:#}"));
        let expected = position_of(&text, at, 0);
        assert_eq!(
            (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()),
            expected,
            "{name}"
        );
    }
}

#[test]
fn not_nfc_help_gives_the_fix_and_fix_rewrites_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    let file = lessons.join("mau.toml");
    std::fs::copy(fixture("problems/not-nfc.toml"), &file).unwrap();
    let (_, report) = check_json(&["--languages", "vi", file.to_str().unwrap()]);
    let help = report["diagnostics"][0]["help"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        help.contains("\"Bài này để thử.\""),
        "the NFC form is shown: {help}"
    );

    let (status, report) = check_json(&[
        "--languages",
        "vi",
        "--deny-warnings",
        "--fix",
        file.to_str().unwrap(),
    ]);
    assert_eq!(status, 0, "{report:#}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("text = \"Bài này để thử.\""));
}

#[test]
fn problems_between_files_are_found() {
    let (status, report) = check_json(&[
        "--languages",
        "vi",
        fixture("duplicate-lesson-id").to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    let d = report["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 1, "{report:#}");
    assert_eq!(d[0]["code"], "duplicate-lesson-id");
    assert!(
        d[0]["file"].as_str().unwrap().ends_with("b.toml"),
        "the second file is the duplicate"
    );
    assert_eq!(
        (d[0]["line"].as_u64(), d[0]["column"].as_u64()),
        (Some(2), Some(6))
    );
    assert_eq!(report["lessons"], 1, "the first keeps its id");

    let (status, report) = check_json(&["--languages", "vi", fixture("cycle").to_str().unwrap()]);
    assert_eq!(status, 1);
    let d = report["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 2, "each link of the circle: {report:#}");
    for diag in d {
        assert_eq!(diag["code"], "prerequisite-cycle");
        assert_eq!(
            (diag["line"].as_u64(), diag["column"].as_u64()),
            (Some(7), Some(18))
        );
        assert!(
            diag["message"]
                .as_str()
                .unwrap()
                .contains("bai-a → bai-b → bai-a")
        );
    }
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let (status, report) =
        check_json(&["--languages", "vi", fixture("problems").to_str().unwrap()]);
    assert_eq!(status, 1);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    for &(name, code, _, _) in CASES {
        let file = fixture(&format!("problems/{name}.toml"));
        assert!(
            diagnostics
                .iter()
                .any(|d| d["file"] == file.to_str().unwrap() && d["code"] == code),
            "{name}: `{code}` missing from the run over the whole folder"
        );
    }
    let fixtures = std::fs::read_dir(fixture("problems")).unwrap().count();
    assert_eq!(report["files"], fixtures);
    // Every fixture uses the id `mau`: only the first file (by name) keeps it.
    let duplicates = diagnostics
        .iter()
        .filter(|d| d["code"] == "duplicate-lesson-id")
        .count();
    assert!(duplicates > 0);
}

#[test]
fn several_broken_steps_each_get_their_own_diagnostic() {
    let text = std::fs::read_to_string(fixture("good/mau.toml"))
        .unwrap()
        .replace("target = \"tiep-tuc\"", "targt = \"tiep-tuc\"")
        .replace("kind = \"order\"", "kind = \"oder\"")
        .replace("minutes = 5", "minutes = 0");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    std::fs::write(&file, text).unwrap();
    let (_, report) = check_json(&["--languages", "vi", file.to_str().unwrap()]);
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["minutes", "unknown-field", "unknown-value"],
        "{report:#}"
    );
}

#[test]
fn human_output_shows_file_line_caret_and_help() {
    let path = fixture("problems/unknown-target.toml");
    let out = hocso(&["check", "--languages", "vi", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("error[unknown-target]: no element `tiep-tuk`"),
        "{text}"
    );
    assert!(text.contains("unknown-target.toml:18:10"), "{text}");
    assert!(
        text.contains("target = \"tiep-tuk\""),
        "the source line: {text}"
    );
    assert!(
        text.contains("^^^^^^^^^^ not on the screen"),
        "a caret: {text}"
    );
    assert!(text.contains("help: did you mean `tiep-tuc`?"), "{text}");
    assert!(
        text.contains("checked 1 file: 0 lessons ready, 1 error, 0 warnings"),
        "{text}"
    );
}

#[test]
fn the_bundled_lessons_pass_with_no_warnings() {
    // Every bundled lesson is within its reading budgets, shows every answer, item and
    // element to tap at the kiosk's 58×14 without scrolling, and has no other warning.
    let out = hocso(&["check", "lessons"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(" 0 errors, 0 warnings"), "{text}");
    let warnings: Vec<&str> = text.lines().filter(|l| l.starts_with("warning[")).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    let (_, report) = check_json(&["lessons"]);
    assert!(report["lessons"].as_u64().unwrap() >= 2, "{report:#}");
}

#[test]
fn the_bundled_lessons_pass_check_with_warnings_denied() {
    // As CI runs it: a warning would fail the build.
    let out = hocso(&["check", "--deny-warnings", "lessons"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_new_scaffold_passes_check_and_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let out = hocso_in(
        dir.path(),
        &[
            "new",
            "zalo-goi-video",
            "--topic",
            "zalo",
            "--dir",
            "lessons",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = dir.path().join("lessons/zalo-goi-video.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("#:schema ../schema/lesson.schema.json\n"));
    assert!(text.contains("id = \"zalo-goi-video\"") && text.contains("topic = \"zalo\""));

    // No errors; its placeholders are warnings (see `scaffold_placeholders_left_in_are_warned`).
    let out = hocso_in(dir.path(), &["check", "lessons"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    std::fs::write(&file, "edited").unwrap();
    let out = hocso_in(dir.path(), &["new", "zalo-goi-video", "--dir", "lessons"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "edited");

    let out = hocso_in(dir.path(), &["new", "Zalo Gọi", "--dir", "lessons"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a valid id"));
}

#[test]
fn a_path_that_does_not_exist_is_reported() {
    let (status, report) = check_json(&["no/such/lessons"]);
    assert_eq!(status, 1);
    assert_eq!(report["diagnostics"][0]["code"], "unreadable");
}

#[test]
fn one_file_is_checked_in_the_context_of_its_folder() {
    // Run from inside `lessons/`, naming one file: its narration path still resolves
    // against the content folder, and its prerequisite in the same folder is known.
    let lessons = fixture("narrated/lessons");
    let out = hocso_in(
        &lessons,
        &[
            "check",
            "--format",
            "json",
            "--languages",
            "vi",
            "co-loi.toml",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!(
        report["diagnostics"].as_array().unwrap().len(),
        0,
        "{report:#}"
    );
}

#[test]
fn a_lesson_that_is_its_own_prerequisite_is_a_cycle_and_still_loads() {
    let text = std::fs::read_to_string(fixture("good/mau.toml"))
        .unwrap()
        .replace("minutes = 5", "minutes = 5\nprerequisites = [\"mau\"]");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mau.toml");
    std::fs::write(&file, &text).unwrap();
    let (status, report) = check_json(&["--languages", "vi", file.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert_eq!(
        report["diagnostics"][0]["code"], "prerequisite-cycle",
        "{report:#}"
    );
    assert!(
        report["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("mau → mau")
    );
    assert_eq!(report["lessons"], 1, "the link is dropped, the lesson kept");
}

#[test]
fn element_fields_that_are_never_shown_are_errors() {
    let base = std::fs::read_to_string(fixture("good/mau.toml")).unwrap();
    for (from, to, expect) in [
        (
            "label = \"Tiếp tục\"",
            "label = \"Tiếp tục\"\ndetail = \"Không hiện\"",
            "detail",
        ),
        (
            "kind = \"button\"\nlabel = \"Tiếp tục\"",
            "kind = \"keypad\"\nlabel = \"Bàn phím\"",
            "label",
        ),
    ] {
        let text = base.replace(from, to);
        assert_ne!(text, base);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.toml");
        std::fs::write(&file, &text).unwrap();
        let (status, report) = check_json(&["--languages", "vi", file.to_str().unwrap()]);
        assert_eq!(status, 1, "{report:#}");
        let d = &report["diagnostics"][0];
        assert_eq!(d["code"], "field-not-for-kind", "{report:#}");
        assert!(
            d["message"]
                .as_str()
                .unwrap()
                .contains(&format!("`{expect}`")),
            "{d}"
        );
    }
}

#[test]
fn locale_warnings_ask_for_the_missing_language_only_where_learners_read() {
    let (_, report) = check_json(&[
        "--languages",
        "vi,en",
        fixture("good/mau.toml").to_str().unwrap(),
    ]);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(!diagnostics.is_empty());
    for d in diagnostics {
        assert_eq!(d["code"], "missing-locale", "{d}");
        let help = d["help"].as_str().unwrap();
        assert!(
            help.contains("en = \"…\"") && !help.contains("vi = \"…\", vi"),
            "{help}"
        );
    }
    // The phone's own words (screen title, button label) are shown as a real phone
    // would show them: no translation is asked for.
    let text = std::fs::read_to_string(fixture("good/mau.toml")).unwrap();
    for phone_text in ["\"Ứng dụng\"", "\"Tiếp tục\"\n"] {
        let (line, _) = position_of(&text, phone_text, 0);
        assert!(
            diagnostics.iter().all(|d| d["line"].as_u64() != Some(line)),
            "{phone_text}"
        );
    }
}

#[test]
fn an_answer_is_checked_as_typed_on_the_phones_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let head = "format_version = 1\nid = \"thu\"\ntopic = \"chung\"\ntitle = \"Thử\"\n\
                summary = \"Thử.\"\nminutes = 5\n";
    let step = |answer: &str, extra: &str| {
        format!(
            "{head}\n[[steps]]\nid = \"go\"\nkind = \"type\"\ntext = \"Gõ.\"\nhint = \"Gõ.\"\n\
             answer = \"{answer}\"\n{extra}\n"
        )
    };
    let warned = |text: String| {
        let file = dir.path().join("thu.toml");
        std::fs::write(&file, text).unwrap();
        let (_, report) = check_json(&["--languages", "vi", file.to_str().unwrap()]);
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "not-on-keyboard")
            .map(|d| format!("{} (help: {})", d["message"].as_str().unwrap(), d["help"]))
    };
    // Vietnamese through Telex or VNI keys, capitals, digits and marks: all typable.
    assert_eq!(warned(step("Đèn hỏng", "input = \"telex\"")), None);
    assert_eq!(warned(step("Người già", "input = \"vni\"")), None);
    assert_eq!(warned(step("Cay#Xanh58", "")), None);
    // A letter on no key, unless another accepted spelling can be typed.
    let message = warned(step("Café", "")).expect("é has no key");
    assert!(message.contains("`é`"), "{message}");
    assert_eq!(warned(step("Café", "accept = [\"Cafe\"]")), None);
    // A word Telex keys would turn into another.
    let message = warned(step("Facebook", "input = \"telex\"")).expect("Telex changes it");
    assert!(message.contains("Facebôk"), "{message}");
    assert!(message.contains("input = \\\"text\\\""), "{message}");
    let message = warned(step("Café", "")).unwrap();
    assert!(message.contains("letters a–z and A–Z"), "{message}");
}

/// Runs `hocso check --format json ARGS` in `dir` and fails the test if it has not
/// finished within `deadline` (a FIFO opened for reading would wait for a writer
/// forever).
fn check_within(
    dir: &std::path::Path,
    args: &[&str],
    deadline: std::time::Duration,
) -> (i32, serde_json::Value) {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["check", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "`hocso check {}` still running after {deadline:?}",
                args.join(" ")
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut out = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut out).unwrap();
    let report = serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}", String::from_utf8_lossy(&out)));
    (status.code().expect("exited"), report)
}

/// The codes of the report's diagnostics about the file `name` (or a path ending in it).
fn codes_for(report: &serde_json::Value, name: &str) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| {
            let file = d["file"].as_str().unwrap();
            file == name || file.ends_with(&format!("/{name}"))
        })
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

fn mkfifo(path: &std::path::Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[test]
fn an_empty_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    // Files that are not lessons do not count.
    std::fs::write(lessons.join("README.md"), "Bài học ở đây.").unwrap();
    let (status, report) = check_within(dir.path(), &["lessons"], DEADLINE);
    assert_eq!(status, 1, "{report:#}");
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "no-lessons", "{report:#}");
    assert_eq!(d["severity"], "error");
    assert!(d["message"].as_str().unwrap().contains("no lesson"), "{d}");
    assert!(
        d["help"].as_str().is_some_and(|h| h.contains(".toml")),
        "{d}"
    );
    assert_eq!(report["lessons"], 0);
}

const DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

#[test]
fn a_dangling_link_is_an_error_in_a_folder_and_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/mau.toml"), dir.path().join("mau.toml")).unwrap();
    std::os::unix::fs::symlink("khong-con.toml", dir.path().join("mat.toml")).unwrap();
    // A link to a lesson is read as the lesson.
    std::os::unix::fs::symlink("mau.toml", dir.path().join("tro-toi.toml")).unwrap();
    let (status, report) = check_within(dir.path(), &["--languages", "vi", "."], DEADLINE);
    assert_eq!(status, 1, "{report:#}");
    assert_eq!(
        codes_for(&report, "mat.toml"),
        ["broken-link"],
        "{report:#}"
    );
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "broken-link")
        .unwrap();
    assert!(
        d["message"].as_str().unwrap().contains("khong-con.toml"),
        "{d}"
    );
    assert_eq!(d["severity"], "error");
    assert!(d["help"].is_string());
    assert_eq!(codes_for(&report, "mau.toml"), [] as [&str; 0]);
    // The lesson itself, and through the link (a duplicate id).
    assert_eq!(codes_for(&report, "tro-toi.toml"), ["duplicate-lesson-id"]);

    let (status, report) = check_within(dir.path(), &["mat.toml"], DEADLINE);
    assert_eq!(status, 1, "{report:#}");
    assert_eq!(
        codes_for(&report, "mat.toml"),
        ["broken-link"],
        "{report:#}"
    );
}

#[test]
fn a_fifo_socket_or_device_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/mau.toml"), dir.path().join("mau.toml")).unwrap();
    mkfifo(&dir.path().join("ong.toml"));
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("o-cam.toml")).unwrap();
    std::os::unix::fs::symlink("/dev/null", dir.path().join("rong.toml")).unwrap();
    std::os::unix::fs::symlink("ong.toml", dir.path().join("toi-ong.toml")).unwrap();
    std::fs::create_dir(dir.path().join("thu-muc.toml")).unwrap();

    let (status, report) = check_within(dir.path(), &["--languages", "vi", "."], DEADLINE);
    assert_eq!(status, 1, "{report:#}");
    for name in [
        "ong.toml",
        "o-cam.toml",
        "rong.toml",
        "toi-ong.toml",
        "thu-muc.toml",
    ] {
        assert_eq!(
            codes_for(&report, name),
            ["not-a-file"],
            "{name}: {report:#}"
        );
    }
    assert_eq!(report["lessons"], 1, "the good lesson still loads");
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    for kind in ["FIFO", "socket", "device", "folder"] {
        assert!(
            messages.iter().any(|m| m.contains(kind)),
            "{kind}: {messages:?}"
        );
    }

    // Named on the command line, one by one, and beside a lesson checked by name.
    for name in [
        "ong.toml",
        "o-cam.toml",
        "/dev/null",
        "toi-ong.toml",
        "thu-muc.toml",
    ] {
        let (status, report) = check_within(dir.path(), &[name], DEADLINE);
        assert_eq!(status, 1, "{name}: {report:#}");
        let codes = codes_for(&report, name);
        assert!(
            codes == ["not-a-file"] || (name == "thu-muc.toml" && codes == ["no-lessons"]),
            "{name}: {report:#}"
        );
    }
    let (status, report) = check_within(dir.path(), &["--languages", "vi", "mau.toml"], DEADLINE);
    assert_eq!(status, 0, "{report:#}");
}

#[test]
fn narration_is_one_line_a_lesson_and_never_a_warning() {
    // A new lesson of ten steps with no recordings at all: one line for it, no warning
    // per clip, and `--deny-warnings` still passes (the kiosk shows the text meanwhile).
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    let mut text = String::from(
        "format_version = 1\nid = \"muoi-buoc\"\ntopic = \"chung\"\ntitle = \"Mười bước\"\n\
         summary = \"Mười bước.\"\nminutes = 5\n",
    );
    for n in 1..=10 {
        text.push_str(&format!(
            "\n[[steps]]\nid = \"buoc-{n}\"\nkind = \"choice\"\ntext = \"Câu {n}?\"\n\
             hint = \"Gợi ý {n}.\"\n\
             [[steps.options]]\ntext = \"Đúng\"\ncorrect = true\n\
             [[steps.options]]\ntext = \"Sai\"\nfeedback = \"Chưa đúng.\"\n"
        ));
    }
    std::fs::write(lessons.join("muoi-buoc.toml"), text).unwrap();
    let out = hocso_in(
        dir.path(),
        &["check", "--deny-warnings", "--languages", "vi", "lessons"],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("0 warnings"), "{said}");
    // Text, hint, the wrong answer's feedback, and each of its two answers (they move
    // between tries, so each is said after its number): 5 clips a step.
    assert!(
        said.contains("lesson muoi-buoc: person's voice 0 of 50, drafts 0, stale 0, missing 50"),
        "{said}"
    );
    assert!(
        said.lines()
            .any(|l| l.starts_with("narration: person's voice: 0 of ")
                && l.contains(", drafts: 0, stale: 0, missing: ")),
        "{said}"
    );
    assert!(
        said.lines().count() < 10,
        "a line a lesson, not a line a clip:\n{said}"
    );
    assert!(!said.contains("buoc-3.hint.ogg"), "{said}");

    // With --verbose, every clip and what it holds.
    let out = hocso_in(
        dir.path(),
        &["check", "--verbose", "--languages", "vi", "lessons"],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.lines()
            .any(|l| l.trim_start().starts_with("missing")
                && l.ends_with("muoi-buoc/buoc-3.hint.ogg")),
        "{said}"
    );
    assert!(said.contains("muoi-buoc/buoc-10.option-2.ogg"), "{said}");
}

/// A diagnostic found: its (line, column) and message.
type Found = ((u64, u64), String);

/// The `code` diagnostics of checking the fixture `budget/NAME.toml` (Vietnamese only),
/// each as its (line, column) and message, with the exit codes without and with
/// `--deny-warnings`.
fn budget_check(name: &str, code: &str) -> (i32, i32, Vec<Found>) {
    let path = fixture(&format!("budget/{name}.toml"));
    let path = path.to_str().unwrap();
    let (status, report) = check_json(&["--languages", "vi", path]);
    let (strict, _) = check_json(&["--languages", "vi", "--deny-warnings", path]);
    let found = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            assert!(d["help"].is_string(), "{d}");
            let at = (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
            (at, d["message"].as_str().unwrap().to_owned())
        })
        .collect();
    (status, strict, found)
}

#[test]
fn each_reading_budget_warns_one_syllable_past_it_and_not_at_it() {
    let (status, strict, found) = budget_check("at-budget", "reading-budget");
    assert_eq!(
        (status, strict),
        (0, 0),
        "45, 30 and 20 syllables pass: {found:?}"
    );

    let (status, strict, found) = budget_check("over-budget", "reading-budget");
    assert_eq!((status, strict), (0, 1), "a warning: {found:?}");
    let text = std::fs::read_to_string(fixture("budget/over-budget.toml")).unwrap();
    let expected = [
        (
            "\"VNeID là",
            "this explanation is 46 syllables long, over the reading budget of 45",
        ),
        (
            "\"Một người gọi",
            "this question is 31 syllables long, over the reading budget of 30",
        ),
        (
            "\"Công an thật",
            "this hint is 21 syllables long, over the reading budget of 20",
        ),
    ];
    let expected: Vec<Found> = expected
        .iter()
        .map(|(at, message)| (position_of(&text, at, 0), (*message).to_owned()))
        .collect();
    assert_eq!(found, expected);

    let out = hocso(&[
        "check",
        "--languages",
        "vi",
        fixture("budget/over-budget.toml").to_str().unwrap(),
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("warning[reading-budget]: this hint is 21 syllables long"),
        "{said}"
    );
    assert!(said.contains("^ 21 syllables to read"), "a caret: {said}");
    assert!(
        said.contains("help: split it into two steps, or show the rules as a short list"),
        "{said}"
    );
}

#[test]
fn a_lesson_raises_its_budgets_only_with_a_reason() {
    let (status, strict, found) = budget_check("budget-reason", "reading-budget");
    assert_eq!((status, strict), (0, 0), "{found:?}");

    let (status, _, found) = budget_check("budget-no-reason", "budget-reason");
    assert_eq!(status, 1, "an error");
    let text = std::fs::read_to_string(fixture("budget/budget-no-reason.toml")).unwrap();
    assert_eq!(
        found,
        [(
            position_of(&text, "[budget]", 0),
            "a `[budget]` table needs a `reason`".to_owned()
        )]
    );
    // Until it has one, the usual budgets apply.
    let (_, _, found) = budget_check("budget-no-reason", "reading-budget");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn answers_below_the_fold_at_58_by_14_are_found_by_drawing_the_step() {
    let (status, strict, found) = budget_check("fold-short", "options-below-fold");
    assert_eq!((status, strict), (0, 0), "{found:?}");

    let (status, strict, found) = budget_check("fold-long", "options-below-fold");
    assert_eq!((status, strict), (0, 1), "a warning: {found:?}");
    assert_eq!(found.len(), 1, "{found:?}");
    let ((line, column), message) = &found[0];
    assert_eq!(
        message,
        "at 58×14 the answers do not all fit: the learner must scroll to see them"
    );
    // The caret is on the first answer not wholly in view: one of the last.
    let text = std::fs::read_to_string(fixture("budget/fold-long.toml")).unwrap();
    let first = position_of(&text, "text = \"Bấm vào", 0);
    assert!(*line > first.0, "{line}:{column}");
    assert_eq!(*column, 8);
}

/// Two letters swapped are a slip the checker names: `hnit` is `hint`, `lable` is
/// `label`.
#[test]
fn swapped_letters_get_a_did_you_mean() {
    let text = std::fs::read_to_string(fixture("e2e/lessons/cham-va-chon.toml")).unwrap();
    for (right, slip) in [("hint", "hnit"), ("label", "lable")] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let slipped = text.replacen(&format!("\n{right} = "), &format!("\n{slip} = "), 1);
        assert_ne!(slipped, text);
        std::fs::write(dir.path().join("lessons/cham-va-chon.toml"), slipped).unwrap();
        let out = hocso_in(dir.path(), &["check", "lessons"]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains(&format!("did you mean `{right}`?")), "{said}");
    }
}

/// A value of the wrong type is explained in an author's words, with the fix written
/// out: a number in quotes, text for a list.
#[test]
fn type_errors_say_what_the_field_takes_and_how_to_write_it() {
    let text = std::fs::read_to_string(fixture("e2e/lessons/cham-va-chon.toml")).unwrap();
    for (slip, said, fix) in [
        (
            "minutes = 3\nmastery = { rule = \"in-a-row\", n = \"2\" }",
            "`n` takes a whole number",
            "write it without quotes: `n = 2`",
        ),
        (
            "minutes = 3\nprerequisites = \"vneid-cai-dat\"",
            "`prerequisites` takes a list",
            "`prerequisites = [\"vneid-cai-dat\"]`",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        let slipped = text.replacen("minutes = 3", slip, 1);
        std::fs::write(dir.path().join("lessons/cham-va-chon.toml"), slipped).unwrap();
        let out = hocso_in(dir.path(), &["check", "lessons"]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(said) && report.contains(fix), "{report}");
        assert!(!report.contains("expected u32"), "{report}");
        assert!(!report.contains("expected a sequence"), "{report}");
    }
}

/// One TOML slip, one error that says what the author did and how to fix it, then a
/// count of what may follow from it; not a hundred errors.
#[test]
fn a_toml_slip_is_one_error_with_its_fix() {
    let text = std::fs::read_to_string(fixture("e2e/lessons/cham-va-chon.toml")).unwrap();
    let title = "title = { vi = \"Chạm và chọn\", en = \"Tap and choose\" }";
    assert!(text.contains(title));
    for (slip, says, line) in [
        (
            "title = { vi = \"Chạm \"và\" chọn\", en = \"Tap and choose\" }",
            "a `\"` inside this text ends it early",
            6,
        ),
        (
            "title = { vi = \"Chạm và chọn\", en = \"Tap and choose\"",
            "the `{` opened here is never closed with `}`",
            6,
        ),
        ("title = “Chạm và chọn”", "put straight quotes", 6),
        (
            "title = \"Chạm và chọn",
            "end the text with `\"` before the line ends",
            6,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("lessons")).unwrap();
        std::fs::write(
            dir.path().join("lessons/cham-va-chon.toml"),
            text.replacen(title, slip, 1),
        )
        .unwrap();
        let out = hocso_in(dir.path(), &["check", "lessons"]);
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(report.contains(says), "{report}");
        assert!(
            report.contains(&format!("cham-va-chon.toml:{line}:")),
            "{report}"
        );
        let errors = report.lines().filter(|l| l.starts_with("error[")).count();
        assert!(errors <= 2, "{errors} errors for one slip:\n{report}");
    }
}

/// A locale, a prerequisite, a tap target and a field, each misspelt: each is pointed at
/// where it is written, with the name it was meant to be. A prerequisite is suggested
/// from the lessons beside a file checked on its own, too.
#[test]
fn misspelt_names_are_pointed_at_with_the_name_meant() {
    let folder = fixture("slips/lessons");
    let file = folder.join("goi-video.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let expected = [
        ("unknown-locale", "warning", "eng", "en"),
        (
            "unknown-prerequisite",
            "error",
            "\"dien-thoai-co-bna\"",
            "dien-thoai-co-ban",
        ),
        ("unknown-target", "error", "\"tiep-tcu\"", "tiep-tuc"),
        ("unknown-field-element", "error", "\"o-nhpa\"", "o-nhap"),
    ];
    for checked in [&folder, &file] {
        let (status, report) = check_json(&["--languages", "vi", checked.to_str().unwrap()]);
        assert_eq!(status, 1, "{report:#}");
        let diagnostics = report["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), expected.len(), "{report:#}");
        for (code, severity, at, meant) in expected {
            let d = diagnostics
                .iter()
                .find(|d| d["code"] == code)
                .unwrap_or_else(|| panic!("no `{code}` in {report:#}"));
            assert_eq!(d["severity"], severity, "{d:#}");
            let (line, column) = position_of(&text, at, 0);
            assert_eq!(
                (d["line"].as_u64(), d["column"].as_u64()),
                (Some(line), Some(column)),
                "{d:#}"
            );
            assert_eq!(d["help"], format!("did you mean `{meant}`?"), "{d:#}");
        }
    }
}

/// A scaffold's placeholder left in is a warning at its line, until the author writes
/// the lesson's own text; then the lesson passes with no warnings at all.
#[test]
fn scaffold_placeholders_left_in_are_warned() {
    let dir = tempfile::tempdir().unwrap();
    let out = hocso_in(dir.path(), &["new", "goi-video", "--dir", "lessons"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = dir.path().join("lessons/goi-video.toml");
    let scaffold = std::fs::read_to_string(&file).unwrap();
    // The author writes every text but the button's label.
    let label = "label = { vi = \"«SỬA» Tiếp tục\", en = \"«SỬA» Continue\" }";
    assert!(scaffold.contains(label));
    let written = scaffold
        .replace(label, "LABEL")
        .replace("«SỬA» ", "")
        .replace("LABEL", label);
    std::fs::write(&file, &written).unwrap();
    let strict = ["check", "--format", "json", "--deny-warnings", "lessons"];
    let out = hocso_in(dir.path(), &strict);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{report:#}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "placeholder-left");
    assert_eq!(d["severity"], "warning");
    let (line, column) = position_of(&written, "«SỬA»", 0);
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(column)),
        "{d:#}"
    );
    assert!(
        written
            .lines()
            .nth(line as usize - 1)
            .unwrap()
            .starts_with("label = ")
    );

    std::fs::write(&file, written.replace("«SỬA» ", "")).unwrap();
    let out = hocso_in(dir.path(), &strict);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ' '))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A new author finds everything from the lesson format's contents: it links every
/// section, and names every command an author uses; every link inside the page lands on
/// a heading, and no line of text is turned into a heading by a `---` under it.
#[test]
fn the_lesson_formats_contents_link_every_section_and_command() {
    let text = std::fs::read_to_string(support::root().join("docs/lesson-format.md")).unwrap();
    let mut headings = Vec::new();
    let mut in_code = false;
    let mut previous = "";
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code {
            if let Some((hashes, title)) = line.split_once(' ')
                && (2..=4).contains(&hashes.len())
                && hashes.chars().all(|c| c == '#')
                && title != "Contents"
            {
                headings.push(anchor(title));
            }
            let underline = !line.is_empty() && line.chars().all(|c| c == '-' || c == '=');
            assert!(
                !underline || previous.trim().is_empty(),
                "`{previous}` is made a heading by the line under it"
            );
        }
        previous = line;
    }
    let contents = text
        .split("## Contents\n")
        .nth(1)
        .and_then(|rest| rest.split("\n---\n").next())
        .expect("a Contents section at the top");
    for heading in &headings {
        assert!(
            contents.contains(&format!("](#{heading})")),
            "the contents do not link #{heading}"
        );
    }
    for command in [
        "new", "check", "preview", "card", "narrate", "record", "voice",
    ] {
        assert!(
            contents.contains(&format!("`hocso {command}`")),
            "the contents do not name `hocso {command}`"
        );
    }
    for option in [
        "--format",
        "--deny-warnings",
        "--languages",
        "--fix",
        "--verbose",
    ] {
        assert!(
            contents.contains(option),
            "the contents do not name {option}"
        );
    }
    for link in text.split("](#").skip(1) {
        let target = link.split(')').next().unwrap();
        assert!(
            headings.iter().any(|h| h == target),
            "a link to #{target}, which is no heading"
        );
    }
}
