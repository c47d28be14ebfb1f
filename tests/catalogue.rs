//! Loading a folder of lessons as the kiosk does: broken files are skipped and reported.

mod support;

use std::path::Path;

use hocso::lesson::{Catalogue, CheckOptions, StepKind, Task, parse_lesson};
use support::{fixture, generate};

fn vi_only() -> CheckOptions {
    CheckOptions {
        locales: vec!["vi".into()],
        narration: false,
    }
}

#[test]
fn a_broken_lesson_is_skipped_and_the_good_one_loads() {
    let catalogue = Catalogue::load_dir(&fixture("mixed"), &vi_only());
    let ids: Vec<&str> = catalogue.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["mau"]);
    assert_eq!(catalogue.problems.len(), 1, "{:#?}", catalogue.problems);
    let problem = &catalogue.problems[0];
    assert!(problem.file.ends_with("mixed/broken.toml"));
    assert_eq!(problem.code, "unknown-target");
    assert!(problem.is_error());
}

#[test]
fn a_checked_lesson_has_each_step_with_its_data() {
    let catalogue = Catalogue::load_dir(&fixture("good"), &vi_only());
    let lesson = catalogue.lesson("mau").expect("loaded");
    let kinds: Vec<StepKind> = lesson.steps.iter().map(|s| s.kind()).collect();
    assert_eq!(
        kinds,
        [
            StepKind::Explain,
            StepKind::Tap,
            StepKind::Choice,
            StepKind::Order
        ]
    );
    assert_eq!(lesson.practice_steps().count(), 3);
    let Task::Tap { screen, target } = &lesson.steps[1].task else {
        panic!("a tap step")
    };
    assert_eq!(target, "tiep-tuc");
    assert!(screen.tappables().any(|t| t.id() == Some("tiep-tuc")));
    let Task::Choice { options } = &lesson.steps[2].task else {
        panic!("a choice step")
    };
    assert_eq!(options.iter().filter(|o| o.correct).count(), 1);
    assert_eq!(
        options[1].feedback.as_ref().unwrap().get("vi"),
        "Chưa đúng."
    );
}

#[test]
fn text_is_nfc_after_loading() {
    let text = std::fs::read_to_string(fixture("problems/not-nfc.toml")).unwrap();
    let parsed = parse_lesson(Path::new("not-nfc.toml"), &text, &vi_only());
    let lesson = parsed.lesson.expect("a warning does not stop loading");
    assert_eq!(lesson.steps[0].text.get("vi"), "Bài này để thử.");
    assert!(parsed.diagnostics.iter().all(|d| !d.is_error()));
}

#[test]
fn type_answers_are_trimmed_and_normalised() {
    let text = std::fs::read_to_string(fixture("good/mau.toml")).unwrap().replace(
        "items = [\"Mở ứng dụng\", \"Đăng nhập\", \"Thoát\"]",
        "items = [\"Mở ứng dụng\", \"Đăng nhập\"]\n\n[[steps]]\nid = \"go\"\nkind = \"type\"\ntext = \"Gõ tên bác.\"\nhint = \"Gõ chữ Việt.\"\nanswer = \"  Vie\u{302}\u{323}t  \"\naccept = [\"viet\"]",
    );
    let parsed = parse_lesson(Path::new("x.toml"), &text, &vi_only());
    let lesson = parsed
        .lesson
        .unwrap_or_else(|| panic!("{:#?}", parsed.diagnostics));
    let Task::Type { answer, accept, .. } = &lesson.step("go").unwrap().task else {
        panic!("a type step")
    };
    assert_eq!(answer, "Việt");
    assert_eq!(accept, &["viet"]);
}

#[test]
fn prerequisites_come_first_and_bad_links_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    // Files named so that reading order is the reverse of learning order.
    let texts = [
        ("a.toml", generate::lesson_toml("ba", &["hai".into()])),
        (
            "b.toml",
            generate::lesson_toml("hai", &["mot".into(), "khong-co".into()]),
        ),
        ("c.toml", generate::lesson_toml("mot", &[])),
    ];
    for (name, text) in &texts {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let catalogue = Catalogue::load_dir(dir.path(), &CheckOptions::default());
    let ids: Vec<&str> = catalogue.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["mot", "hai", "ba"]);
    assert_eq!(catalogue.lesson("hai").unwrap().prerequisites, ["mot"]);
    assert_eq!(catalogue.problems.len(), 1);
    assert_eq!(catalogue.problems[0].code, "unknown-prerequisite");
}

#[test]
fn many_generated_lessons_load_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    for (id, text) in generate::lessons(50) {
        std::fs::write(dir.path().join(format!("{id}.toml")), text).unwrap();
    }
    let catalogue = Catalogue::load_dir(dir.path(), &CheckOptions::default());
    assert!(catalogue.problems.is_empty(), "{:#?}", catalogue.problems);
    assert_eq!(catalogue.lessons.len(), 50);
}

#[test]
fn the_kiosk_records_what_it_cannot_read_as_problems() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture("good/mau.toml"), dir.path().join("mau.toml")).unwrap();
    std::os::unix::fs::symlink("da-xoa.toml", dir.path().join("mat.toml")).unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("ong.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    let folder = dir.path().to_owned();
    // Loaded on another thread: a FIFO opened for reading would block start-up forever.
    let (done, loaded) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(Catalogue::load_dir(&folder, &vi_only()));
    });
    let catalogue = loaded
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("loading a folder with a FIFO does not block");
    let ids: Vec<&str> = catalogue.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["mau"]);
    let mut problems: Vec<(String, &str)> = catalogue
        .problems
        .iter()
        .map(|d| {
            assert!(d.is_error(), "{d:?}");
            let name = d.file.file_name().unwrap().to_string_lossy().into_owned();
            (name, d.code)
        })
        .collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            ("mat.toml".to_owned(), "broken-link"),
            ("ong.toml".to_owned(), "not-a-file")
        ]
    );

    let empty = tempfile::tempdir().unwrap();
    let catalogue = Catalogue::load_dir(empty.path(), &vi_only());
    assert!(catalogue.lessons.is_empty());
    let codes: Vec<&str> = catalogue.problems.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["no-lessons"]);
    assert!(catalogue.problems[0].is_error());
}
