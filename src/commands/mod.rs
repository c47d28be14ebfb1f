//! One module per subcommand. These are the only places that print.

pub mod card;
pub mod check;
pub mod config;
pub mod fold;
pub mod learners;
pub mod narrate;
pub mod new;
pub mod record;
pub mod report;
pub mod schema;
pub mod tutor;
pub mod voice;
pub mod volunteer;

use std::path::{Path, PathBuf};

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

/// The lessons shipped with hocso, found when it runs (the folder it was built in is
/// only the last resort): `lessons/` in the working folder (a checkout, or a content
/// folder), then beside the program (`<bin>/lessons`, `<bin>/../lessons` as in
/// /opt/hocso, `<bin>/../share/hocso/lessons` as in /usr/local), then
/// `/usr/share/hocso/lessons`, then the source tree's, for `cargo run`. When none is
/// there, the first place beside the program, so that messages name a real place.
pub fn bundled_lessons_dir() -> PathBuf {
    let exe = std::env::current_exe().ok();
    let candidates = lesson_dirs(
        exe.as_deref().and_then(Path::parent),
        Path::new(env!("CARGO_MANIFEST_DIR")),
    );
    candidates
        .iter()
        .find(|dir| dir.is_dir())
        .or_else(|| candidates.get(1))
        .cloned()
        .unwrap_or_else(|| PathBuf::from("lessons"))
}

/// Where [`bundled_lessons_dir`] looks, in order, for a program in `bin` built in `source`.
fn lesson_dirs(bin: Option<&Path>, source: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![PathBuf::from("lessons")];
    if let Some(bin) = bin {
        dirs.push(bin.join("lessons"));
        if let Some(prefix) = bin.parent() {
            dirs.push(prefix.join("lessons"));
            dirs.push(prefix.join("share/hocso/lessons"));
        }
    }
    dirs.push(PathBuf::from("/usr/share/hocso/lessons"));
    dirs.push(source.join("lessons"));
    dirs
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lessons_are_looked_for_beside_the_program_before_the_source_tree() {
        let dirs = lesson_dirs(Some(Path::new("/opt/hocso/bin")), Path::new("/src/hocso"));
        let dirs: Vec<&str> = dirs.iter().map(|d| d.to_str().unwrap()).collect();
        assert_eq!(
            dirs,
            [
                "lessons",
                "/opt/hocso/bin/lessons",
                "/opt/hocso/lessons",
                "/opt/hocso/share/hocso/lessons",
                "/usr/share/hocso/lessons",
                "/src/hocso/lessons",
            ]
        );
    }
}
