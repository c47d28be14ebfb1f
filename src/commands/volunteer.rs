//! `hocso volunteer set-pin`: the PIN that opens the volunteer panel and leaves a locked
//! kiosk. Only its Argon2id hash is kept, in the kiosk's database.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use super::Words;
use crate::cli::Cli;
use crate::kiosk::{PinProblem, check_pin, hash_pin};
use crate::store::{SqliteStore, Store};

pub fn set_pin(cli: &Cli, words: &Words) -> anyhow::Result<ExitCode> {
    let pin = if std::io::stdin().is_terminal() {
        let first = ask(&words.t("cli-pin-new"), words)?;
        check_pin(&first)?;
        let again = ask(&words.t("cli-pin-again"), words)?;
        if again != first {
            return Err(PinProblem::Mismatch.into());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .with_context(|| words.t("cli-pin-reading"))?;
        line.trim().to_owned()
    };
    let hash = hash_pin(&pin)?;
    let database = super::data_dir(cli).join("hocso.db");
    let mut store =
        SqliteStore::open(&database).with_context(|| words.file("cli-opening", &database))?;
    store.set_pin_hash(&hash)?;
    super::say!("{}", words.file("cli-pin-set", &database));
    Ok(ExitCode::SUCCESS)
}

/// Asks on the terminal without echoing what is typed.
fn ask(prompt: &str, words: &Words) -> anyhow::Result<String> {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    eprint!("{prompt}");
    std::io::stderr().flush().ok();
    let saved = tcgetattr(&stdin).with_context(|| words.t("cli-pin-terminal"))?;
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    tcsetattr(&stdin, OptionalActions::Now, &quiet).with_context(|| words.t("cli-pin-terminal"))?;
    let mut line = String::new();
    let read = stdin.lock().read_line(&mut line);
    tcsetattr(&stdin, OptionalActions::Now, &saved).with_context(|| words.t("cli-pin-terminal"))?;
    eprintln!();
    read.with_context(|| words.t("cli-pin-reading"))?;
    Ok(line.trim().to_owned())
}
