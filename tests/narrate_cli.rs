//! `hocso narrate`: drafts made once, again only where the text changed, never over a
//! person's recording; engines run without a shell; a clear word when tools are missing.
//! Needs espeak-ng and sox (the README's test command installs them).

mod support;

use std::path::Path;

use support::{fixture, hocso_in};

/// A content folder with one lesson; returns its folder.
fn content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        dir.path().join("lessons/cham-va-chon.toml"),
    )
    .unwrap();
    dir
}

fn narrate(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["narrate"];
    args.extend_from_slice(extra);
    args.push("lessons");
    let out = hocso_in(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn audio(dir: &Path, file: &str) -> std::path::PathBuf {
    dir.join("assets/audio/cham-va-chon").join(file)
}

#[test]
fn drafts_are_made_once_and_again_only_where_the_text_changed() {
    let dir = content();
    // Three steps; hints on two; the tap step has no right/wrong words: 5 clips.
    assert!(narrate(dir.path(), &[]).contains("5 drafted, 0 unchanged"));
    for file in [
        "gioi-thieu.ogg",
        "cham-zalo.ogg",
        "cham-zalo.hint.ogg",
        "hoi-otp.ogg",
        "hoi-otp.hint.ogg",
    ] {
        let bytes = std::fs::read(audio(dir.path(), file)).unwrap();
        assert!(bytes.starts_with(b"OggS") && bytes.len() > 2_000, "{file}");
    }
    assert!(narrate(dir.path(), &[]).contains("0 drafted, 5 unchanged"));

    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace("Chạm vào biểu tượng Zalo.", "Bác chạm vào biểu tượng Zalo."),
    )
    .unwrap();
    let out = hocso_in(dir.path(), &["check", "--format", "json", "lessons"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stale: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "stale-narration")
        .collect();
    assert_eq!(stale.len(), 1, "{report:#}");
    assert!(
        stale[0]["message"]
            .as_str()
            .unwrap()
            .contains("cham-zalo.ogg")
    );
    assert_eq!(
        report["narration"],
        serde_json::json!({"covered": 3, "steps": 3})
    );

    assert!(narrate(dir.path(), &[]).contains("1 drafted, 4 unchanged"));
    let out = hocso_in(dir.path(), &["check", "--deny-warnings", "lessons"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_persons_recording_survives_force_and_a_draft_does_not() {
    let dir = content();
    narrate(dir.path(), &[]);
    let person = audio(dir.path(), "gioi-thieu.ogg");
    // A volunteer recorded the first step: their file replaces the draft, and is not in
    // the manifest.
    std::fs::copy(fixture("audio/tone.ogg"), &person).unwrap();
    let manifest = audio(dir.path(), "manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    m["drafts"]
        .as_object_mut()
        .unwrap()
        .remove("gioi-thieu.ogg");
    std::fs::write(&manifest, m.to_string()).unwrap();
    let draft_before = std::fs::read(audio(dir.path(), "hoi-otp.ogg")).unwrap();
    std::fs::write(audio(dir.path(), "hoi-otp.ogg"), b"stale").unwrap();

    let said = narrate(dir.path(), &["--force"]);
    assert!(
        said.contains("4 drafted") && said.contains("1 recordings by people kept"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&person).unwrap(),
        std::fs::read(fixture("audio/tone.ogg")).unwrap()
    );
    let redrafted = std::fs::read(audio(dir.path(), "hoi-otp.ogg")).unwrap();
    assert!(
        redrafted.starts_with(b"OggS") && redrafted.len() * 2 > draft_before.len(),
        "the draft is made again"
    );
}

#[test]
fn lesson_text_never_reaches_a_shell() {
    let dir = content();
    let marker = dir.path().join("pwned");
    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let hostile = format!(
        "Bác đọc $(touch {0}) và `touch {0}` và \\\"; touch {0}; \\\" nhé.",
        marker.display()
    );
    std::fs::write(
        &lesson,
        text.replace("Mình tập chạm vào điện thoại nhé.", &hostile),
    )
    .unwrap();
    // An engine of our own: espeak-ng with the text as one argument.
    narrate(dir.path(), &["--engine", "espeak-ng -v vi -w {out} {text}"]);
    assert!(audio(dir.path(), "gioi-thieu.ogg").exists());
    assert!(!marker.exists(), "the text was run as a command");
}

#[test]
fn missing_tools_are_named_with_their_package() {
    let dir = content();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["narrate", "lessons"])
        .current_dir(dir.path())
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("espeak-ng and sox not installed")
            && said.contains("apt-get install espeak-ng sox"),
        "{said}"
    );
}
