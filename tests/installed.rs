//! hocso installed away from the folder it was built in: it finds its lessons beside
//! itself (as docs/kiosk.md installs it: /opt/hocso/bin/hocso and /opt/hocso/lessons, or
//! a prefix's share/hocso/lessons), whatever folder it is run from.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::fixture;

/// A copy of the built binary at `bin` (a hard link where the file system allows).
fn install_binary(bin: &Path) {
    std::fs::create_dir_all(bin.parent().unwrap()).unwrap();
    let built = env!("CARGO_BIN_EXE_hocso");
    if std::fs::hard_link(built, bin).is_err() {
        std::fs::copy(built, bin).unwrap();
    }
}

/// One lesson, not the bundled ones, so that finding them is told apart from finding the
/// source tree's.
fn install_lessons(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        folder.join("cham-va-chon.toml"),
    )
    .unwrap();
}

/// Runs the installed `bin` from `cwd`, with no user configuration.
fn run(bin: &Path, cwd: &Path, home: &Path, args: &[&str]) -> std::process::Output {
    Command::new(bin)
        .args(args)
        .current_dir(cwd)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap()
}

#[test]
fn an_installed_hocso_finds_the_lessons_installed_beside_it() {
    for (bin, lessons) in [
        ("opt/hocso/bin/hocso", "opt/hocso/lessons"),
        ("usr/local/bin/hocso", "usr/local/share/hocso/lessons"),
        ("srv/hocso/hocso", "srv/hocso/lessons"),
    ] {
        let dir = scratch();
        let (bin, lessons): (PathBuf, PathBuf) = (dir.path().join(bin), dir.path().join(lessons));
        install_binary(&bin);
        install_lessons(&lessons);
        let elsewhere = dir.path().join("home");
        std::fs::create_dir_all(&elsewhere).unwrap();

        let out = run(&bin, &elsewhere, &elsewhere, &["check"]);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && said.contains("checked 1 file: 1 lesson ready"),
            "{}: {said}{}",
            bin.display(),
            String::from_utf8_lossy(&out.stderr)
        );

        let out = run(&bin, &elsewhere, &elsewhere, &["card", "cham-va-chon"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(elsewhere.join("cham-va-chon.html").is_file());

        let out = run(&bin, &elsewhere, &elsewhere, &["config", "show"]);
        let shown = String::from_utf8_lossy(&out.stdout);
        let line = shown.lines().find(|l| l.starts_with("lessons =")).unwrap();
        let canonical = std::fs::canonicalize(&lessons).unwrap();
        assert!(
            line.contains(&*lessons.to_string_lossy())
                || line.contains(&*canonical.to_string_lossy()),
            "{line}"
        );
    }
}
