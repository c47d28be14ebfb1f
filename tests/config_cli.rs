//! `hocso config show`: the effective configuration and where each value came from; bad
//! keys and values reported with line and column, like a lesson.

mod support;

use std::process::{Command, Stdio};

use support::hocso;

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
    // The rest of the file still counts; the bad settings keep their defaults.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("ward = \"Phường 1\""), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("kiosk = false")),
        "{text}"
    );
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
