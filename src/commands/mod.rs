//! One module per subcommand. These are the only places that print.

pub mod card;
pub mod check;
pub mod config;
pub mod learners;
pub mod narrate;
pub mod new;
pub mod report;
pub mod schema;
pub mod tutor;
pub mod volunteer;

use std::path::PathBuf;

use crate::config::{Config, Defaults};
use crate::i18n::Lang;
use crate::lesson::Diagnostic;

/// `println!` for a command's output. When the reader has stopped (`hocso … | head -1`),
/// the write fails with `BrokenPipe` and the command returns that error, which
/// [`crate::cli::run`] ends on quietly; `println!` would panic.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}
pub(crate) use say;

/// Whether `error` comes from writing to a reader that has gone (a closed pipe).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The lessons shipped with hocso: `lessons/` in the working folder when there is one
/// (a checkout, or a kiosk's install folder), else the source tree's.
pub fn bundled_lessons_dir() -> PathBuf {
    let here = PathBuf::from("lessons");
    if here.is_dir() {
        here
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons")
    }
}

/// Where progress and the log live: `--data`, else the configuration's, else the user's
/// data folder.
pub fn data_dir(cli: &crate::cli::Cli) -> PathBuf {
    settings(cli).0.data.value
}

/// The lesson folder: `--lessons`, else the configuration's, else the bundled one.
pub fn lessons_dir(cli: &crate::cli::Cli) -> PathBuf {
    settings(cli).0.lessons.value
}

/// The configuration file: `--config`, else `hocso.toml` in the user's config folder.
pub fn config_file(cli: &crate::cli::Cli) -> PathBuf {
    cli.config.clone().unwrap_or_else(|| {
        directories::ProjectDirs::from("vn", "hocso", "hocso")
            .map(|d| d.config_dir().join("hocso.toml"))
            .unwrap_or_else(|| PathBuf::from("hocso.toml"))
    })
}

/// The effective configuration (file over defaults, command line over both) and the
/// file's problems.
pub fn settings(cli: &crate::cli::Cli) -> (Config, Vec<Diagnostic>) {
    let defaults = Defaults {
        kiosk_name: host_name(),
        lessons: bundled_lessons_dir(),
        data: directories::ProjectDirs::from("vn", "hocso", "hocso")
            .map(|d| d.data_dir().to_owned())
            .unwrap_or_else(|| PathBuf::from(".hocso")),
    };
    let (mut config, problems) = Config::load(&config_file(cli), defaults);
    config.lessons.override_with(cli.lessons.clone());
    config.data.override_with(cli.data.clone());
    config
        .language
        .override_with(cli.lang.as_deref().and_then(Lang::parse));
    config.kiosk.override_with(cli.kiosk.then_some(true));
    (config, problems)
}

/// The machine's host name: the kiosk's name unless the configuration gives one.
fn host_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "kiosk".to_owned())
}
