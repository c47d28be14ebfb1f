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

use fluent_bundle::FluentValue;

use crate::config::{Config, Defaults};
use crate::i18n::{Lang, Localizer};
use crate::lesson::Diagnostic;
use crate::store::StoreError;

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
/// file's problems, in English.
pub fn settings(cli: &crate::cli::Cli) -> (Config, Vec<Diagnostic>) {
    settings_in(cli, Lang::En)
}

/// [`settings`], the file's problems told in `lang`.
pub fn settings_in(cli: &crate::cli::Cli, lang: Lang) -> (Config, Vec<Diagnostic>) {
    let defaults = Defaults {
        kiosk_name: host_name(),
        lessons: bundled_lessons_dir(),
        data: directories::ProjectDirs::from("vn", "hocso", "hocso")
            .map(|d| d.data_dir().to_owned())
            .unwrap_or_else(|| PathBuf::from(".hocso")),
    };
    let (mut config, problems) = Config::load_in(&config_file(cli), defaults, lang);
    config.lessons.override_with(cli.lessons.clone());
    config.data.override_with(cli.data.clone());
    config
        .language
        .override_with(cli.lang.as_deref().and_then(Lang::parse));
    config.kiosk.override_with(cli.kiosk.then_some(true));
    (config, problems)
}

/// What the command line says, in its language: `--lang`, else the configuration's
/// `language`, else the locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`: Vietnamese for `vi…`),
/// else English. The words are the built-in ones (`locales/*/cli.ftl`), with `--locales`
/// over them when it reads.
pub struct Words {
    i18n: Localizer,
    pub lang: Lang,
}

impl Words {
    /// The words of a subcommand, for the volunteer or author at the terminal.
    pub fn for_command_line(cli: &crate::cli::Cli) -> Words {
        let (config, _) = settings(cli);
        let locale = crate::config::locale_from_env();
        Words::new(cli, config.command_line_language(locale.as_deref()))
    }

    /// The words of the tutor's own run (`hocso`, `hocso preview`): the language of its
    /// screens, since what it says before and after shows at the kiosk.
    pub fn for_tutor(cli: &crate::cli::Cli) -> Words {
        Words::new(cli, settings(cli).0.language.value)
    }

    pub fn new(cli: &crate::cli::Cli, lang: Lang) -> Words {
        let i18n = cli
            .locales
            .as_deref()
            .and_then(|dir| Localizer::with_overrides(dir).ok())
            .unwrap_or_else(Localizer::embedded);
        Words { i18n, lang }
    }

    /// The message `id`.
    pub fn t(&self, id: &str) -> String {
        self.i18n.text(self.lang, id)
    }

    /// The message `id` with its variables.
    pub fn with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.text_with(self.lang, id, args)
    }

    /// `message` as an error line: `hocso: …`.
    pub fn error_line(&self, message: String) -> String {
        self.with("cli-error", &[("message", message.into())])
    }

    /// The message `id` about one file or folder (`$file`).
    pub fn file(&self, id: &str, file: &Path) -> String {
        self.with(id, &[("file", file.display().to_string().into())])
    }

    /// The localizer and language, for what renders documents (a report, a card).
    pub fn localizer(&self) -> &Localizer {
        &self.i18n
    }

    /// An error as the command line says it: each cause in turn, joined by ": ", the
    /// store's and the system's errors in the command line's language.
    pub fn explain(&self, error: &anyhow::Error) -> String {
        let mut parts: Vec<String> = Vec::new();
        for cause in error.chain() {
            if let Some(e) = cause.downcast_ref::<StoreError>() {
                parts.push(self.store_error(e));
                break;
            }
            if let Some(e) = cause.downcast_ref::<std::io::Error>() {
                parts.push(self.io_error(e));
                break;
            }
            if let Some(e) = cause.downcast_ref::<crate::kiosk::PinProblem>() {
                parts.push(self.t(match e {
                    crate::kiosk::PinProblem::Shape => "cli-pin-shape",
                    crate::kiosk::PinProblem::Mismatch => "cli-pin-mismatch",
                }));
                break;
            }
            parts.push(cause.to_string());
        }
        self.error_line(parts.join(": "))
    }

    /// A system error: the usual ones in words, others as the system gives them.
    pub fn io_error(&self, e: &std::io::Error) -> String {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => self.t("cli-io-not-found"),
            ErrorKind::PermissionDenied => self.t("cli-io-permission"),
            ErrorKind::AlreadyExists => self.t("cli-io-exists"),
            _ => self.with("cli-io-other", &[("error", e.to_string().into())]),
        }
    }

    /// The store's error in words.
    pub fn store_error(&self, e: &StoreError) -> String {
        let why = |text: &String| [("why", FluentValue::from(text.clone()))];
        match e {
            StoreError::CodesExhausted => self.t("cli-store-codes-exhausted"),
            StoreError::NoSuchLearner(code) => {
                self.with("cli-store-no-learner", &[("code", code.clone().into())])
            }
            StoreError::Busy => self.t("cli-store-busy"),
            StoreError::Full => self.t("cli-store-full"),
            StoreError::Io(text) => self.with("cli-store-io", &why(text)),
            StoreError::ReadOnly(text) => self.with("cli-store-read-only", &why(text)),
            StoreError::Corrupt(text) => self.with("cli-store-corrupt", &why(text)),
            StoreError::TooNew { found, known } => self.with(
                "cli-store-too-new",
                &[("found", (*found).into()), ("known", (*known).into())],
            ),
            StoreError::NotWritable {
                path,
                owner,
                user,
                folder,
            } => self.with(
                "cli-store-not-writable",
                &[
                    ("file", path.display().to_string().into()),
                    ("owner", owner.as_str().into()),
                    ("user", user.as_str().into()),
                    ("folder", folder.display().to_string().into()),
                ],
            ),
            StoreError::Unsafe(text) | StoreError::Other(text) => text.clone(),
        }
    }

    /// An error that is these words.
    pub fn error(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> anyhow::Error {
        anyhow::anyhow!(self.with(id, args))
    }
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
