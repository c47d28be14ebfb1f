//! `hocso volunteer set-pin`: the PIN that opens the volunteer panel and leaves a locked
//! kiosk. Only its Argon2id hash is kept, in the kiosk's database.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::Cli;
use crate::kiosk::{PinProblem, check_pin, hash_pin};
use crate::store::{SqliteStore, Store};

pub fn set_pin(cli: &Cli) -> anyhow::Result<ExitCode> {
    let pin = if std::io::stdin().is_terminal() {
        let first = ask("New volunteer PIN (4 to 8 digits): ")?;
        check_pin(&first).map_err(|e| anyhow::anyhow!("{e}"))?;
        let again = ask("The same PIN again: ")?;
        if again != first {
            anyhow::bail!("{}", PinProblem::Mismatch);
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the PIN from standard input")?;
        line.trim().to_owned()
    };
    let hash = hash_pin(&pin).map_err(|e| anyhow::anyhow!("{e}"))?;
    let database = super::data_dir(cli).join("hocso.db");
    let mut store =
        SqliteStore::open(&database).with_context(|| format!("opening {}", database.display()))?;
    store.set_pin_hash(&hash)?;
    super::say!(
        "the volunteer PIN is set (kept as an Argon2id hash in {})",
        database.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal without echoing what is typed.
fn ask(prompt: &str) -> anyhow::Result<String> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let saved = tcgetattr(&stdin).context("reading the terminal's settings")?;
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    tcsetattr(&stdin, OptionalActions::Now, &quiet).context("turning echo off")?;
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    tcsetattr(&stdin, OptionalActions::Now, &saved).context("turning echo back on")?;
    eprintln!();
    read.context("reading the PIN")?;
    Ok(line.trim().to_owned())
}
