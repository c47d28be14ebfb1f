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
        LearnersCommand::Forget { code } => match store.forget_learner(code)? {
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
        },
    }
}
