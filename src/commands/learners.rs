//! `hocso learners …`: what volunteers do with learners from the command line.

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, LearnersCommand};
use crate::store::{SqliteStore, Store};

pub fn run(cli: &Cli, command: &LearnersCommand) -> anyhow::Result<ExitCode> {
    let database = super::data_dir(cli).join("hocso.db");
    if !database.exists() {
        anyhow::bail!(
            "no progress is saved yet ({} does not exist)",
            database.display()
        );
    }
    let mut store =
        SqliteStore::open(&database).with_context(|| format!("opening {}", database.display()))?;
    match command {
        LearnersCommand::Forget { code, yes } => {
            let Some(learner) = store.find_learner(code)? else {
                eprintln!("hocso: no learner has the code {code}");
                return Ok(ExitCode::FAILURE);
            };
            if !yes && !confirmed(code, &learner.name) {
                eprintln!("hocso: nothing erased");
                return Ok(ExitCode::FAILURE);
            }
            forget(&mut store, code)
        }
    }
}

/// Asks, on the terminal, to type the code again; true when it was.
fn confirmed(code: &str, name: &str) -> bool {
    use std::io::Write;
    eprint!(
        "Erase learner {code} ({name}) and everything recorded about them, for good? \
         It cannot be undone. Type the code again to confirm (or add --yes): "
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

fn forget(store: &mut SqliteStore, code: &str) -> anyhow::Result<ExitCode> {
    match store.forget_learner(code)? {
        Some(gone) => {
            super::say!(
                "erased learner {code} ({}) and everything recorded about them: {} answers",
                gone.name,
                gone.attempts
            );
            Ok(ExitCode::SUCCESS)
        }
        None => {
            eprintln!("hocso: no learner has the code {code}");
            Ok(ExitCode::FAILURE)
        }
    }
}
