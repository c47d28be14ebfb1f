//! `hocso config show`: the effective configuration and where each value came from; bad
//! keys and values reported with line and column, like a lesson.

mod support;

use std::process::{Command, Stdio};

use support::hocso;
use support::tmux::Tmux;

#[test]
fn config_show_names_where_each_value_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hocso.toml");
    std::fs::write(
        &file,
        "kiosk_name = \"Phường Cửa Nam – máy 1\"\nhelp_after_misses = 4\n",
    )
    .unwrap();
    let out = hocso(&[
        "--config",
        file.to_str().unwrap(),
        "--kiosk",
        "config",
        "show",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    let line = |key: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .unwrap_or_else(|| panic!("no {key} in\n{text}"))
            .to_owned()
    };
    assert!(line("kiosk_name").contains("\"Phường Cửa Nam – máy 1\""));
    assert!(line("kiosk_name").ends_with(&format!("# {}:1", file.display())));
    assert!(line("help_after_misses").ends_with(&format!("# {}:2", file.display())));
    assert!(line("kiosk").contains("true") && line("kiosk").ends_with("# command line"));
    assert!(
        line("idle_timeout_seconds").contains("180")
            && line("idle_timeout_seconds").ends_with("# default")
    );
}

#[test]
fn bad_settings_are_reported_at_their_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hocso.toml");
    std::fs::write(
        &file,
        "ward = \"Phường 1\"\nidle_timout_seconds = 60\nkiosk = \"có\"\n",
    )
    .unwrap();
    let out = hocso(&["--config", file.to_str().unwrap(), "config", "show"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let at = |line: usize, col: usize| format!("{}:{line}:{col}", file.display());
    assert!(err.contains(&at(2, 1)), "{err}");
    assert!(
        err.contains("did you mean `idle_timeout_seconds`?"),
        "{err}"
    );
    assert!(err.contains(&at(3, 9)), "{err}");
    assert!(err.contains("`kiosk` must be true or false"), "{err}");
    assert!(err.contains("locked down"), "{err}");
    // The rest of the file still counts; the bad settings keep their defaults, except
    // lock-down, which fails closed.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ward = \"Phường 1\""), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("kiosk = true") && l.contains("locked down")),
        "{text}"
    );
}

/// The `kiosk = …` line of `hocso config show` with the configuration `text`.
fn kiosk_line(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hocso.toml");
    std::fs::write(&file, text).unwrap();
    let out = hocso(&["--config", file.to_str().unwrap(), "config", "show"]);
    let shown = String::from_utf8(out.stdout).unwrap();
    shown
        .lines()
        .find(|l| l.starts_with("kiosk ="))
        .unwrap_or_else(|| panic!("no kiosk in\n{shown}"))
        .to_owned()
}

#[test]
fn lock_down_fails_closed_on_any_value_hocso_cannot_read() {
    for text in [
        "kiosk = \"true\"\n",
        "kiosk = \"false\"\n",
        "kiosk = 1\n",
        "kiosk = 0\n",
        "kisok = false\n",
        "kiosk = false\nward = \"Phường\n",
    ] {
        let line = kiosk_line(text);
        assert!(line.starts_with("kiosk = true"), "{text:?}: {line}");
    }
    assert!(kiosk_line("kiosk = false\n").starts_with("kiosk = false"));
    assert!(kiosk_line("ward = \"Phường 1\"\n").starts_with("kiosk = false"));
}

#[test]
fn a_wrong_kiosk_value_locks_the_kiosk_and_the_panel_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("hocso.toml");
    std::fs::write(&config, "kiosk = \"true\"\n").unwrap();
    let data = dir.path().join("data");
    let lessons = support::fixture("e2e/lessons");
    let mut tmux = Tmux::start(
        110,
        24,
        &[
            "--config",
            config.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
            "--lessons",
            lessons.to_str().unwrap(),
        ],
    );
    tmux.log = Some(data.join("hocso.log"));
    // Locked down: a first start asks the volunteer to choose a PIN, and Ctrl+C stays.
    tmux.wait_for("Lần đầu dùng máy");
    tmux.keys(&["C-c"]);
    tmux.literal("97531");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Nhập lại mã PIN vừa chọn");
    tmux.literal("97531");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Chạm vào màn hình");
    tmux.keys(&["C-c"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(tmux.alive(), "Ctrl+C left a locked kiosk");
    tmux.open_panel("97531");
    tmux.keys(&["4"]);
    // In the kiosk's language, as the panel is.
    let screen = tmux.wait_for("phải là true hoặc false");
    assert!(screen.contains("hocso.toml:1:9"), "{screen}");
}

/// Runs hocso with `args`, its standard output a pipe nobody reads any more.
fn into_a_closed_pipe(args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(args)
        .current_dir(support::root())
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_reader_that_stops_early_ends_hocso_quietly() {
    // As `hocso config show | head -1`: no panic (status 101), nothing said.
    for args in [
        &["config", "show"][..],
        &["schema"],
        &["check", "lessons"],
        &["check", "--format", "json", "lessons"],
    ] {
        let out = into_a_closed_pipe(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 141)),
            "{args:?}: {:?} {err}",
            out.status
        );
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}
