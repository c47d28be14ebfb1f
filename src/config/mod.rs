//! The kiosk's configuration, `hocso.toml`: who the kiosk is, where its lessons and
//! progress live, and how it treats learners (idle timeout, when to ask for a volunteer,
//! review intervals). Parsed from text, so tests need no files; every unknown key and bad
//! value is reported with line and column, like a lesson, and replaced by its default so a
//! typo never stops the kiosk. Settings that guard the kiosk fail closed: lock-down that
//! hocso cannot read (a wrong value, a misspelt key, a file it cannot read or parse) is
//! on, and a bad idle timeout is the default one, never "never".

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fluent_bundle::FluentValue;
use toml::Spanned;

use crate::gesture::Timing;
use crate::i18n::{Lang, Localizer};
use crate::lesson::{DEFAULT_REVIEW_DAYS, Diagnostic, LineIndex};

/// Where a value came from, for `hocso config show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// The configuration file, at this line.
    File(PathBuf, usize),
    CommandLine,
    /// The file, at this line, said something hocso could not read about a setting that
    /// guards the kiosk: the safe value holds.
    FailedClosed(PathBuf, usize),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Default => write!(f, "default"),
            Origin::File(path, line) => write!(f, "{}:{line}", path.display()),
            Origin::CommandLine => write!(f, "command line"),
            Origin::FailedClosed(path, line) => write!(
                f,
                "{}:{line}, not understood: locked down until it is fixed",
                path.display()
            ),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub from: Origin,
}

impl<T> Setting<T> {
    fn default(value: T) -> Setting<T> {
        Setting {
            value,
            from: Origin::Default,
        }
    }

    /// The command line's value, when it gave one.
    pub fn override_with(&mut self, value: Option<T>) {
        if let Some(value) = value {
            self.value = value;
            self.from = Origin::CommandLine;
        }
    }
}

/// The espeak-ng voices `hocso narrate` drafts with.
pub const VOICES: &[&str] = &["vi", "vi-vn-x-central", "vi-vn-x-south"];

/// The effective configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Recorded with each session, and in reports (default: the host name).
    pub kiosk_name: Setting<String>,
    /// The ward the kiosk serves, for reports.
    pub ward: Setting<String>,
    pub lessons: Setting<PathBuf>,
    /// Progress (`hocso.db`) and the log (`hocso.log`).
    pub data: Setting<PathBuf>,
    pub language: Setting<Lang>,
    /// Lock-down: only the volunteer PIN leaves the tutor.
    pub kiosk: Setting<bool>,
    pub narration: Setting<bool>,
    pub voice: Setting<String>,
    /// Seconds without a touch or key before "still there?" is asked.
    pub idle_timeout_seconds: Setting<u64>,
    /// Seconds the question stays before the session ends.
    pub idle_warning_seconds: Setting<u64>,
    /// Misses on one step before the screen asks for a volunteer.
    pub help_after_misses: Setting<u32>,
    /// Review intervals for lessons that do not set their own.
    pub review_intervals_days: Setting<Vec<u32>>,
    /// After the screen changes, touches this soon do nothing (milliseconds).
    pub touch_settle_ms: Setting<u64>,
    /// After a tap, another touch this soon does nothing; near the last touch, twice as
    /// long (milliseconds).
    pub touch_repeat_ms: Setting<u64>,
}

/// The defaults a configuration starts from (the paths depend on the machine).
#[derive(Debug, Clone)]
pub struct Defaults {
    pub kiosk_name: String,
    pub lessons: PathBuf,
    pub data: PathBuf,
}

const KEYS: &[&str] = &[
    "kiosk_name",
    "ward",
    "lessons",
    "data",
    "language",
    "kiosk",
    "narration",
    "voice",
    "idle_timeout_seconds",
    "idle_warning_seconds",
    "help_after_misses",
    "review_intervals_days",
    "touch_settle_ms",
    "touch_repeat_ms",
];

impl Config {
    pub fn new(defaults: Defaults) -> Config {
        Config {
            kiosk_name: Setting::default(defaults.kiosk_name),
            ward: Setting::default(String::new()),
            lessons: Setting::default(defaults.lessons),
            data: Setting::default(defaults.data),
            language: Setting::default(Lang::Vi),
            kiosk: Setting::default(false),
            narration: Setting::default(true),
            voice: Setting::default("vi".to_owned()),
            idle_timeout_seconds: Setting::default(180),
            idle_warning_seconds: Setting::default(30),
            help_after_misses: Setting::default(3),
            review_intervals_days: Setting::default(DEFAULT_REVIEW_DAYS.to_vec()),
            touch_settle_ms: Setting::default(Timing::default().settle),
            touch_repeat_ms: Setting::default(Timing::default().repeat),
        }
    }

    /// The configuration in `text` (the file `path`) over `defaults`, and every problem
    /// found in it, in English. A key with a problem keeps its default.
    pub fn parse(path: &Path, text: &str, defaults: Defaults) -> (Config, Vec<Diagnostic>) {
        Config::parse_in(path, text, defaults, Lang::En)
    }

    /// [`Config::parse`], its problems told in `lang` (`locales/*/cli.ftl`).
    pub fn parse_in(
        path: &Path,
        text: &str,
        defaults: Defaults,
        lang: Lang,
    ) -> (Config, Vec<Diagnostic>) {
        let told = Told::new(lang);
        let mut config = Config::new(defaults);
        let mut problems = Vec::new();
        let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> = match toml::from_str(text) {
            Ok(table) => table,
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let problem = Diagnostic::error("toml-syntax", e.message().to_owned())
                    .at(span)
                    .help(told.t("cli-config-syntax-help"))
                    .locate(path, text);
                config.lock_down(path, problem.start.line);
                problems.push(problem);
                return (config, problems);
            }
        };
        // Found once: with a position per key, rescanning the text each time would take
        // time quadratic in the file's size.
        let lines = LineIndex::new(text);
        // Relative paths in the file are relative to the file's folder.
        let base = path.parent().unwrap_or(Path::new("."));
        for (key, value) in &table {
            let mut reader = Reader {
                told: &told,
                path,
                lines: &lines,
                key: key.get_ref(),
                value,
                problems: &mut problems,
            };
            match key.get_ref().as_str() {
                "kiosk_name" => reader.text_into(&mut config.kiosk_name, false),
                "ward" => reader.text_into(&mut config.ward, true),
                "lessons" => reader.path_into(&mut config.lessons, base),
                "data" => reader.path_into(&mut config.data, base),
                "language" => reader.language_into(&mut config.language),
                "kiosk" => reader.lock_down_into(&mut config.kiosk),
                "narration" => reader.bool_into(&mut config.narration),
                "voice" => reader.voice_into(&mut config.voice),
                "idle_timeout_seconds" => {
                    reader.number_into(&mut config.idle_timeout_seconds, 1, 86_400)
                }
                "idle_warning_seconds" => {
                    reader.number_into(&mut config.idle_warning_seconds, 1, 600)
                }
                "help_after_misses" => reader.number_into(&mut config.help_after_misses, 1, 10),
                "review_intervals_days" => reader.days_into(&mut config.review_intervals_days),
                "touch_settle_ms" => reader.number_into(&mut config.touch_settle_ms, 0, 3000),
                "touch_repeat_ms" => reader.number_into(&mut config.touch_repeat_ms, 0, 3000),
                other => {
                    let mut draft = Diagnostic::error(
                        "unknown-key",
                        told.with("cli-config-unknown-key", &[("key", other.into())]),
                    )
                    .at(key.span());
                    let near = closest(other);
                    if near == Some("kiosk") {
                        // Meant as lock-down, whichever way: it fails closed.
                        draft = draft.help(told.t("cli-config-did-you-mean-kiosk"));
                    } else if let Some(near) = near {
                        draft = draft
                            .help(told.with("cli-config-did-you-mean", &[("key", near.into())]));
                    } else {
                        draft = draft.help(told.with(
                            "cli-config-settings-are",
                            &[("keys", KEYS.join(", ").into())],
                        ));
                    }
                    let draft = draft.locate_in(path, &lines);
                    if near == Some("kiosk") {
                        config.lock_down(path, draft.start.line);
                    }
                    problems.push(draft);
                }
            }
        }
        (config, problems)
    }

    /// Reads `path`; a missing file is no problem (the defaults hold), an unreadable one
    /// is. Problems are told in English.
    pub fn load(path: &Path, defaults: Defaults) -> (Config, Vec<Diagnostic>) {
        Config::load_in(path, defaults, Lang::En)
    }

    /// [`Config::load`], its problems told in `lang`.
    pub fn load_in(path: &Path, defaults: Defaults, lang: Lang) -> (Config, Vec<Diagnostic>) {
        match std::fs::read_to_string(path) {
            Ok(text) => {
                let (config, mut problems) = Config::parse_in(path, &text, defaults, lang);
                problems.extend(open_to_others(path, &text, &Told::new(lang)));
                (config, problems)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::new(defaults), vec![]),
            Err(e) => {
                // Whatever the file says about lock-down is unknown: it holds.
                let mut config = Config::new(defaults);
                config.lock_down(path, 1);
                let problem = Diagnostic::error(
                    "unreadable",
                    Told::new(lang)
                        .with("cli-config-unreadable", &[("error", e.to_string().into())]),
                )
                .locate(path, "");
                (config, vec![problem])
            }
        }
    }

    /// Lock-down on, because the file at `line` said something about it hocso could not
    /// read.
    fn lock_down(&mut self, path: &Path, line: usize) {
        self.kiosk = Setting {
            value: true,
            from: Origin::FailedClosed(path.to_owned(), line),
        };
    }

    /// The language the command line speaks: `--lang`, else the file's `language`, else
    /// the locale (`locale`, as [`locale_from_env`] finds it: Vietnamese for `vi…`,
    /// English for any other), else English. The tutor's screens keep
    /// [`Config::language`], which is Vietnamese unless told otherwise.
    pub fn command_line_language(&self, locale: Option<&str>) -> Lang {
        match self.language.from {
            Origin::Default => locale.map_or(Lang::En, lang_of_locale),
            _ => self.language.value,
        }
    }

    /// The touch timings these settings give.
    pub fn touch_timing(&self) -> Timing {
        Timing {
            settle: self.touch_settle_ms.value,
            repeat: self.touch_repeat_ms.value,
        }
    }

    /// Every setting as `(key, value as TOML, origin)`, in the file's order.
    pub fn entries(&self) -> Vec<(&'static str, String, &Origin)> {
        // A JSON string is a valid TOML basic string.
        let quoted = |s: &str| serde_json::Value::String(s.to_owned()).to_string();
        let path = |p: &Path| quoted(&p.display().to_string());
        let days = self
            .review_intervals_days
            .value
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        vec![
            (
                "kiosk_name",
                quoted(&self.kiosk_name.value),
                &self.kiosk_name.from,
            ),
            ("ward", quoted(&self.ward.value), &self.ward.from),
            ("lessons", path(&self.lessons.value), &self.lessons.from),
            ("data", path(&self.data.value), &self.data.from),
            (
                "language",
                quoted(self.language.value.code()),
                &self.language.from,
            ),
            ("kiosk", self.kiosk.value.to_string(), &self.kiosk.from),
            (
                "narration",
                self.narration.value.to_string(),
                &self.narration.from,
            ),
            ("voice", quoted(&self.voice.value), &self.voice.from),
            (
                "idle_timeout_seconds",
                self.idle_timeout_seconds.value.to_string(),
                &self.idle_timeout_seconds.from,
            ),
            (
                "idle_warning_seconds",
                self.idle_warning_seconds.value.to_string(),
                &self.idle_warning_seconds.from,
            ),
            (
                "help_after_misses",
                self.help_after_misses.value.to_string(),
                &self.help_after_misses.from,
            ),
            (
                "review_intervals_days",
                format!("[{days}]"),
                &self.review_intervals_days.from,
            ),
            (
                "touch_settle_ms",
                self.touch_settle_ms.value.to_string(),
                &self.touch_settle_ms.from,
            ),
            (
                "touch_repeat_ms",
                self.touch_repeat_ms.value.to_string(),
                &self.touch_repeat_ms.from,
            ),
        ]
    }
}

/// The locale the environment gives messages, as POSIX orders it: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`, the first that is set and not empty.
pub fn locale_from_env() -> Option<String> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
}

/// The language of a locale such as `vi_VN.UTF-8`: Vietnamese for `vi…`, else English.
pub fn lang_of_locale(locale: &str) -> Lang {
    if locale
        .get(..2)
        .is_some_and(|l| l.eq_ignore_ascii_case("vi"))
    {
        Lang::Vi
    } else {
        Lang::En
    }
}

/// A warning when others than the kiosk user may read the file: it says where learners'
/// progress is kept.
fn open_to_others(path: &Path, text: &str, told: &Told) -> Option<Diagnostic> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        (mode & 0o077 != 0).then(|| {
            Diagnostic::warning(
                "config-permissions",
                told.with(
                    "cli-config-open-to-others",
                    &[("mode", format!("{:o}", mode & 0o777).into())],
                ),
            )
            .help(format!("chmod 600 {}", path.display()))
            .locate(path, text)
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (path, text, told);
        None
    }
}

/// The known key nearest to a misspelt one: at most two letters off, or the start of it
/// (`idle_timeout` for `idle_timeout_seconds`).
fn closest(key: &str) -> Option<&'static str> {
    KEYS.iter()
        .map(|k| {
            let d = if k.starts_with(key) {
                0
            } else {
                strsim(key, k)
            };
            (d, *k)
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance, for "did you mean".
fn strsim(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The words a configuration's problems are told in.
struct Told {
    i18n: Localizer,
    lang: Lang,
}

impl Told {
    fn new(lang: Lang) -> Told {
        Told {
            i18n: Localizer::embedded(),
            lang,
        }
    }

    fn t(&self, id: &str) -> String {
        self.i18n.text(self.lang, id)
    }

    fn with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.i18n.text_with(self.lang, id, args)
    }

    /// What a TOML value is, as in "not a string".
    fn type_of(&self, value: &toml::Value) -> String {
        self.t(&format!("cli-config-type-{}", value.type_str()))
    }
}

/// Reads one key's value into its setting, or reports why it cannot.
struct Reader<'a> {
    told: &'a Told,
    path: &'a Path,
    lines: &'a LineIndex<'a>,
    key: &'a str,
    value: &'a Spanned<toml::Value>,
    problems: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn origin(&self) -> Origin {
        let line = self.lines.position(self.value.span().start).line;
        Origin::File(self.path.to_owned(), line)
    }

    fn set<T>(&self, setting: &mut Setting<T>, value: T) {
        setting.value = value;
        setting.from = self.origin();
    }

    fn problem(&mut self, message: String, help: &str) {
        let d = Diagnostic::error("bad-value", message)
            .at(self.value.span())
            .help(help)
            .locate_in(self.path, self.lines);
        self.problems.push(d);
    }

    /// The value is not of the type wanted (`cli-config-want-…`).
    fn wrong_type(&mut self, wanted: &str, example: &str) {
        let told = self.told;
        let found = told.type_of(self.value.get_ref());
        let key = self.key;
        self.problem(
            told.with(
                "cli-config-wrong-type",
                &[
                    ("key", key.into()),
                    ("wanted", told.t(wanted).into()),
                    ("found", found.into()),
                ],
            ),
            &told.with(
                "cli-config-example",
                &[("key", key.into()), ("example", example.into())],
            ),
        );
    }

    fn string(&mut self, example: &str) -> Option<String> {
        match self.value.get_ref() {
            toml::Value::String(s) => Some(crate::lesson::nfc(s)),
            _ => {
                self.wrong_type("cli-config-want-text", example);
                None
            }
        }
    }

    fn text_into(&mut self, setting: &mut Setting<String>, may_be_empty: bool) {
        let Some(s) = self.string("\"Phường Hoàn Kiếm\"") else {
            return;
        };
        if s.trim().is_empty() && !may_be_empty {
            let told = self.told;
            self.problem(
                told.with("cli-config-empty", &[("key", self.key.into())]),
                &told.t("cli-config-empty-name"),
            );
            return;
        }
        self.set(setting, s.trim().to_owned());
    }

    fn path_into(&mut self, setting: &mut Setting<PathBuf>, base: &Path) {
        let Some(s) = self.string("\"/opt/hocso/lessons\"") else {
            return;
        };
        if s.trim().is_empty() {
            let told = self.told;
            self.problem(
                told.with("cli-config-empty", &[("key", self.key.into())]),
                &told.t("cli-config-empty-folder"),
            );
            return;
        }
        self.set(setting, base.join(s));
    }

    fn language_into(&mut self, setting: &mut Setting<Lang>) {
        let Some(s) = self.string("\"vi\"") else {
            return;
        };
        match Lang::parse(&s) {
            Some(lang) => self.set(setting, lang),
            None => {
                let told = self.told;
                self.problem(
                    told.with("cli-config-language", &[("value", s.into())]),
                    &told.t("cli-config-languages"),
                )
            }
        }
    }

    fn voice_into(&mut self, setting: &mut Setting<String>) {
        let Some(s) = self.string("\"vi\"") else {
            return;
        };
        if VOICES.contains(&s.as_str()) {
            self.set(setting, s);
        } else {
            let told = self.told;
            self.problem(
                told.with("cli-config-voice", &[("value", s.into())]),
                &told.with("cli-config-voices", &[("voices", VOICES.join(", ").into())]),
            );
        }
    }

    /// Lock-down fails closed: a value that is not `true` or `false` (`"true"`, `1`,
    /// `"no"`) turns it on, with the problem reported.
    fn lock_down_into(&mut self, setting: &mut Setting<bool>) {
        if let toml::Value::Boolean(b) = self.value.get_ref() {
            self.set(setting, *b);
            return;
        }
        let told = self.told;
        let found = told.type_of(self.value.get_ref());
        self.problem(
            told.with("cli-config-kiosk", &[("found", found.into())]),
            &told.with(
                "cli-config-example",
                &[("key", "kiosk".into()), ("example", "true".into())],
            ),
        );
        let line = self.lines.position(self.value.span().start).line;
        *setting = Setting {
            value: true,
            from: Origin::FailedClosed(self.path.to_owned(), line),
        };
    }

    fn bool_into(&mut self, setting: &mut Setting<bool>) {
        match self.value.get_ref() {
            toml::Value::Boolean(b) => self.set(setting, *b),
            _ => self.wrong_type("cli-config-want-bool", "true"),
        }
    }

    fn number_into<T: TryFrom<i64>>(&mut self, setting: &mut Setting<T>, min: i64, max: i64) {
        let toml::Value::Integer(n) = self.value.get_ref() else {
            self.wrong_type("cli-config-want-number", &min.max(3).to_string());
            return;
        };
        match T::try_from(*n) {
            Ok(v) if (min..=max).contains(n) => self.set(setting, v),
            _ => {
                let told = self.told;
                self.problem(
                    told.with(
                        "cli-config-range",
                        &[
                            ("key", self.key.into()),
                            ("min", min.into()),
                            ("max", max.into()),
                            ("value", (*n).into()),
                        ],
                    ),
                    &told.t("cli-config-range-help"),
                );
            }
        }
    }

    fn days_into(&mut self, setting: &mut Setting<Vec<u32>>) {
        let example = "[1, 3, 7, 21, 60]";
        let toml::Value::Array(items) = self.value.get_ref() else {
            self.wrong_type("cli-config-want-days", example);
            return;
        };
        let days: Option<Vec<u32>> = items
            .iter()
            .map(|v| v.as_integer().and_then(|n| u32::try_from(n).ok()))
            .collect();
        match days {
            Some(d) if !d.is_empty() && d[0] > 0 && d.windows(2).all(|w| w[0] < w[1]) => {
                self.set(setting, d)
            }
            _ => {
                let told = self.told;
                self.problem(
                    told.t("cli-config-days"),
                    &told.with(
                        "cli-config-example",
                        &[("key", self.key.into()), ("example", example.into())],
                    ),
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Defaults {
        Defaults {
            kiosk_name: "may-1".into(),
            lessons: "/opt/hocso/lessons".into(),
            data: "/var/lib/hocso".into(),
        }
    }

    fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
        Config::parse(Path::new("/etc/hocso/hocso.toml"), text, defaults())
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let (config, problems) = parse("");
        assert!(problems.is_empty());
        assert_eq!(config, Config::new(defaults()));
        assert_eq!(config.idle_timeout_seconds.value, 180);
        assert_eq!(config.help_after_misses.value, 3);
    }

    #[test]
    fn values_are_read_with_the_line_they_came_from() {
        let (config, problems) = parse(
            "kiosk_name = \"Phường Cửa Nam – máy 1\"\nward = \"Phường Cửa Nam\"\n\
             lessons = \"bai\"\nkiosk = true\nidle_timeout_seconds = 5\n\
             review_intervals_days = [2, 4]\nlanguage = \"en\"\nvoice = \"vi-vn-x-south\"\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.kiosk_name.value, "Phường Cửa Nam – máy 1");
        assert_eq!(config.lessons.value, PathBuf::from("/etc/hocso/bai"));
        assert!(config.kiosk.value);
        assert_eq!(
            config.idle_timeout_seconds.from,
            Origin::File("/etc/hocso/hocso.toml".into(), 5)
        );
        assert_eq!(config.review_intervals_days.value, vec![2, 4]);
        assert_eq!(config.language.value, Lang::En);
        assert_eq!(config.idle_warning_seconds.from, Origin::Default);
    }

    #[test]
    fn every_problem_is_reported_at_its_place_and_the_default_kept() {
        let text = "kiosk = \"yes\"\nidle_timeout = 60\nhelp_after_misses = 0\n\
                    review_intervals_days = [3, 1]\nlanguage = \"fr\"\n";
        let (config, problems) = parse(text);
        let mut found: Vec<(usize, usize, &str)> = problems
            .iter()
            .map(|d| (d.start.line, d.start.column, d.code))
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                (1, 9, "bad-value"),
                (2, 1, "unknown-key"),
                (3, 21, "bad-value"),
                (4, 25, "bad-value"),
                (5, 12, "bad-value"),
            ]
        );
        assert_eq!(problems.len(), 5);
        let unknown = problems.iter().find(|d| d.code == "unknown-key").unwrap();
        assert_eq!(
            unknown.help.as_deref(),
            Some("did you mean `idle_timeout_seconds`?")
        );
        // Every setting keeps its default, except lock-down, which fails closed.
        let mut expected = Config::new(defaults());
        expected.kiosk = Setting {
            value: true,
            from: Origin::FailedClosed("/etc/hocso/hocso.toml".into(), 1),
        };
        assert_eq!(config, expected);
    }

    #[test]
    fn lock_down_hocso_cannot_read_is_on_and_a_bad_idle_timeout_is_the_default() {
        for text in [
            "kiosk = \"true\"\n",
            "kiosk = \"false\"\n",
            "kiosk = 1\n",
            "kiosk = 0\n",
            "kiosk = [false]\n",
            "kisok = false\n",
            "kiosk = false\nward = \"unclosed\n",
        ] {
            let (config, problems) = parse(text);
            assert!(config.kiosk.value, "{text:?}");
            assert!(
                matches!(config.kiosk.from, Origin::FailedClosed(_, _)),
                "{text:?}"
            );
            assert!(!problems.is_empty() && problems.iter().all(|d| d.is_error()));
        }
        assert!(!parse("kiosk = false\n").0.kiosk.value);
        for text in [
            "idle_timeout_seconds = 0\n",
            "idle_timeout_seconds = -1\n",
            "idle_timeout_seconds = \"never\"\n",
            "idle_timeout_seconds = 1e9\n",
            "idle_warning_seconds = 0\n",
        ] {
            let (config, problems) = parse(text);
            assert_eq!(problems.len(), 1, "{text:?}");
            assert_eq!(config.idle_timeout_seconds.value, 180, "{text:?}");
            assert_eq!(config.idle_warning_seconds.value, 30, "{text:?}");
        }
    }

    #[test]
    fn a_file_hocso_cannot_read_locks_the_kiosk() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the file should be: it exists, and cannot be read as text.
        let path = dir.path().join("hocso.toml");
        std::fs::create_dir(&path).unwrap();
        let (config, problems) = Config::load(&path, defaults());
        assert!(config.kiosk.value);
        assert_eq!(problems[0].code, "unreadable");
    }

    #[test]
    fn broken_toml_is_reported_with_its_place() {
        let (_, problems) = parse("ward = \"Phường\nkiosk = true\n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "toml-syntax");
        assert_eq!(problems[0].start.line, 1);
    }

    #[test]
    fn a_file_others_can_read_is_warned_about() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hocso.toml");
        std::fs::write(&path, "kiosk = true\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let (config, problems) = Config::load(&path, defaults());
        assert!(config.kiosk.value);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "config-permissions");
        assert!(!problems[0].is_error());
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert!(Config::load(&path, defaults()).1.is_empty());
        let (missing, problems) = Config::load(&dir.path().join("none.toml"), defaults());
        assert!(problems.is_empty());
        assert_eq!(missing, Config::new(defaults()));
    }

    #[test]
    fn the_command_line_speaks_the_flag_then_the_file_then_the_locale() {
        let (config, _) = parse("");
        assert_eq!(config.command_line_language(Some("vi_VN.UTF-8")), Lang::Vi);
        assert_eq!(config.command_line_language(Some("C.UTF-8")), Lang::En);
        assert_eq!(config.command_line_language(Some("en_US")), Lang::En);
        assert_eq!(config.command_line_language(None), Lang::En);
        let (mut config, _) = parse("language = \"vi\"\n");
        assert_eq!(config.command_line_language(Some("C")), Lang::Vi);
        config.language.override_with(Some(Lang::En));
        assert_eq!(config.command_line_language(Some("vi_VN")), Lang::En);
        let (config, _) = parse("language = \"en\"\n");
        assert_eq!(config.command_line_language(Some("vi")), Lang::En);
    }

    #[test]
    fn the_command_line_wins() {
        let (mut config, _) = parse("kiosk = false\n");
        config.kiosk.override_with(Some(true));
        assert!(config.kiosk.value);
        assert_eq!(config.kiosk.from, Origin::CommandLine);
    }

    #[test]
    fn a_large_file_of_unknown_keys_is_read_in_linear_time() {
        // Each problem once rescanned the file for its line: quadratic in its size.
        let text: String = (0..30_000)
            .map(|i| format!("setting_{i} = {i}\n"))
            .collect();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(parse(&text).1);
        });
        let problems = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("parsed within a minute");
        assert_eq!(problems.len(), 30_000);
        assert!(problems.iter().all(|d| d.code == "unknown-key"));
        let last = problems
            .iter()
            .find(|d| d.message.contains("`setting_29999`"))
            .unwrap();
        assert_eq!((last.start.line, last.start.column), (30_000, 1));
    }
}
