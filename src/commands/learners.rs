//! `hocso learners …`: what volunteers do with learners from the command line.

use std::process::ExitCode;

use anyhow::Context;

use super::Words;
use crate::cli::{Cli, LearnersCommand};
use crate::store::{SqliteStore, Store};

pub fn run(cli: &Cli, command: &LearnersCommand, words: &Words) -> anyhow::Result<ExitCode> {
    let database = super::data_dir(cli).join("hocso.db");
    if !database.exists() {
        anyhow::bail!(words.file("cli-no-data", &database));
    }
    let mut store =
        SqliteStore::open(&database).with_context(|| words.file("cli-opening", &database))?;
    match command {
        LearnersCommand::Forget { code, yes } => {
            let Some(learner) = store.find_learner(code)? else {
                return no_learner(words, code);
            };
            if !yes && !confirmed(words, code, &learner.name) {
                let said = words.t("cli-forget-nothing");
                eprintln!("{}", words.error_line(said));
                return Ok(ExitCode::FAILURE);
            }
            forget(&mut store, code, words)
        }
    }
}

fn no_learner(words: &Words, code: &str) -> anyhow::Result<ExitCode> {
    let said = words.with("cli-no-learner", &[("code", code.to_owned().into())]);
    eprintln!("{}", words.error_line(said));
    Ok(ExitCode::FAILURE)
}

/// Asks, on the terminal, to type the code again; true when it was.
fn confirmed(words: &Words, code: &str, name: &str) -> bool {
    use std::io::Write;
    eprint!(
        "{}",
        words.with(
            "cli-forget-confirm",
            &[
                ("code", code.to_owned().into()),
                ("name", name.to_owned().into())
            ]
        )
    );
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => {
            eprintln!();
            false
        }
        Ok(_) => line.trim() == code,
    }
}

fn forget(store: &mut SqliteStore, code: &str, words: &Words) -> anyhow::Result<ExitCode> {
    match store.forget_learner(code)? {
        Some(gone) => {
            super::say!(
                "{}",
                words.with(
                    "cli-forget-done",
                    &[
                        ("code", code.to_owned().into()),
                        ("name", gone.name.into()),
                        ("answers", gone.attempts.into()),
                    ]
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        None => no_learner(words, code),
    }
}
