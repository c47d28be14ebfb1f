//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod answer;
pub mod e2e;
pub mod generate;
pub mod questions;
pub mod screen;
pub mod sound;
pub mod studio;
pub mod targets;
pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// Runs the real `hocso` binary with `args` in `dir`.
pub fn hocso_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // The tests read the commands' English: the machine's own locale must not choose.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("hocso runs")
}

pub fn hocso(args: &[&str]) -> Output {
    hocso_in(&root(), args)
}

/// `hocso` with `input` on its standard input (what a volunteer types).
pub fn hocso_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("hocso runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().expect("hocso runs")
}

/// `hocso check --format json …`: the exit code and the parsed report.
pub fn check_json(args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = hocso(&all);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check printed no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().expect("exited"), report)
}

/// 1-based line and column (in characters) of the `nth` occurrence of `needle` in `text`.
pub fn position_of(text: &str, needle: &str, nth: usize) -> (u64, u64) {
    let (at, _) = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` occurs fewer than {} times", nth + 1));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, before[line_start..].chars().count() as u64 + 1)
}
