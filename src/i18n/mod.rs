//! The interface's words: Fluent files in `locales/<lang>/`, embedded in the binary, and
//! a folder on disk (`--locales DIR`) that may override or add messages.
//!
//! Lesson text is not here: lessons carry their own locales.

use std::collections::HashSet;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The interface languages. Vietnamese is the default and the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The locale code used in lesson files and `locales/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language a volunteer's switch key goes to.
    pub fn next(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// The embedded message files, per language.
const EMBEDDED: &[(Lang, &str, &str)] = &[
    (
        Lang::Vi,
        "hocso.ftl",
        include_str!("../../locales/vi/hocso.ftl"),
    ),
    (
        Lang::En,
        "hocso.ftl",
        include_str!("../../locales/en/hocso.ftl"),
    ),
    (
        Lang::Vi,
        "cli.ftl",
        include_str!("../../locales/vi/cli.ftl"),
    ),
    (
        Lang::En,
        "cli.ftl",
        include_str!("../../locales/en/cli.ftl"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    #[error("{file}: {count} Fluent syntax errors, the first: {first}")]
    Syntax {
        file: String,
        count: usize,
        first: String,
    },
    #[error("{file}: placeables nested {depth} deep, more than the {max} allowed", max = MAX_NESTING)]
    TooDeep { file: String, depth: usize },
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        source: std::io::Error,
    },
}

/// The interface's messages a learner sees and hears: each has a clip slot
/// (`assets/audio/ui/<id>.ogg`), and the tutor asks for it where the message appears
/// (`app::speech`). With each screen's help (`help-on-*`), these are every message a
/// learner's screen shows, but for those in [`NOT_SPOKEN`]. A message with a variable has
/// a `.spoken` attribute: words a recording made once can say.
pub const SPOKEN: &[&str] = &[
    // The welcome screen.
    "app-name",
    "app-tagline",
    "welcome-start",
    // Who are you, a new learner's name, age and code.
    "who-title",
    "who-new",
    "who-returning",
    "name-title",
    "name-example",
    "name-note",
    "age-title",
    "age-note",
    "age-under-60",
    "age-60-69",
    "age-70-79",
    "age-80-plus",
    "age-skip",
    "code-given-title",
    "code-given-note",
    // A returning learner's code, and where she stopped.
    "code-title",
    "code-not-found",
    "menu-greeting",
    "resume-title",
    "resume-continue",
    "resume-menu",
    // The lesson menu.
    "menu-title",
    "menu-empty",
    // A step, its answers and what she is told.
    "scan-how",
    "order-tap-how",
    "order-take-back",
    "order-pool-empty",
    "feedback-right",
    "feedback-wrong",
    "feedback-hint",
    "order-kept",
    "step-volunteer-moment",
    "step-volunteer-called",
    "leave-question",
    "leave-question-lesson",
    "leave-detail",
    "leave-no",
    "leave-yes",
    // The end of a lesson.
    "summary-title",
    "summary-mastered",
    "summary-review-passed",
    "summary-review-failed",
    "summary-not-yet",
    "summary-saved",
    "summary-practise",
    "summary-back",
    // Questions over any screen: finish for today, the help, still there, too small.
    "sign-out-title",
    "sign-out-note",
    "sign-out-yes",
    "sign-out-stay",
    "help-call",
    "help-close",
    "idle-title",
    "idle-touch",
    "too-small",
    // The learner's code, read digit by digit.
    "spoken-digit-0",
    "spoken-digit-1",
    "spoken-digit-2",
    "spoken-digit-3",
    "spoken-digit-4",
    "spoken-digit-5",
    "spoken-digit-6",
    "spoken-digit-7",
    "spoken-digit-8",
    "spoken-digit-9",
];

/// The words for each digit, `spoken-digit-0` to `spoken-digit-9` (the last ten of
/// [`SPOKEN`]): a code is said as its digits, one after another.
pub const SPOKEN_DIGITS: &[&str] = SPOKEN.split_at(SPOKEN.len() - 10).1;

/// The messages that are not said aloud, and why: every message is in [`SPOKEN`], is a
/// screen's help (`help-on-*`), or is here. An id ending in `*` stands for every id that
/// starts with what comes before it.
pub const NOT_SPOKEN: &[(&str, &str)] = &[
    (
        "welcome-language",
        "the language switch, for volunteers and visitors: it says the other language's name",
    ),
    (
        "menu-minutes",
        "part of a lesson's row in the menu, whose title has no recording yet",
    ),
    (
        "status-*",
        "part of a lesson's row in the menu, whose title has no recording yet",
    ),
    (
        "topic-*",
        "the menu's headings, over rows whose titles have no recording yet",
    ),
    (
        "step-counter",
        "the header's count of steps: a number that changes at every step",
    ),
    (
        "step-continue",
        "the button under every step: the help for the step says when to touch it",
    ),
    (
        "step-call-volunteer",
        "the button under every step: step-volunteer-moment, said when she needs it, points to it",
    ),
    (
        "order-pool",
        "the label over the items not yet placed, whose words are the lesson's own",
    ),
    (
        "order-check",
        "the order step's button: order-pool-empty says to touch it once it can be",
    ),
    (
        "order-check-waiting",
        "the order step's button before it can be touched: order-tap-how says what to do",
    ),
    (
        "type-placeholder",
        "the pretend phone's field: phone chrome",
    ),
    (
        "keypad-*",
        "keys of a keypad: phone chrome; the help says to touch OK",
    ),
    (
        "keyboard-*",
        "keys of the pretend phone's keyboard: phone chrome",
    ),
    ("phone-on", "a switch on the pretend phone: phone chrome"),
    ("phone-off", "a switch on the pretend phone: phone chrome"),
    (
        "scan-too-small",
        "shown only when the code does not fit: a volunteer makes the font smaller",
    ),
    (
        "summary-first-try",
        "a count, which a recording made once cannot say; the verdict after it says how it went",
    ),
    (
        "key-*",
        "the key bar's buttons: the help for each screen says which to touch",
    ),
    (
        "sound-*",
        "the sound button: the voice itself says whether the sound is on",
    ),
    (
        "help-title",
        "the help's heading: the help's words follow at once",
    ),
    (
        "step-name-*",
        "a step's name in the lists of the summary, the card and the panel: the summary says what its list is",
    ),
    (
        "word-next",
        "a button on a hard word's explanation, like the key bar's: the explanation is said",
    ),
    (
        "help-close-short",
        "help-close on a narrow screen: help-close is said",
    ),
    ("help-keys-title", "the keys, in the help, for volunteers"),
    ("help-touch", "the keys, in the help, for volunteers"),
    ("help-enter", "the keys, in the help, for volunteers"),
    ("help-back", "the keys, in the help, for volunteers"),
    ("help-replay", "the keys, in the help, for volunteers"),
    ("help-words", "the keys, in the help, for volunteers"),
    ("help-move", "the keys, in the help, for volunteers"),
    ("help-digits", "the keys, in the help, for volunteers"),
    ("help-language", "the keys, in the help, for volunteers"),
    ("help-quit", "the keys, in the help, for volunteers"),
    ("help-kiosk", "the keys, in the help, for volunteers"),
    (
        "idle-left",
        "the countdown: said once, it would be wrong a second later; idle-touch says what to do",
    ),
    (
        "header-unsaved",
        "for volunteers: answers waiting to be saved",
    ),
    ("notice-*", "for volunteers, on the welcome screen"),
    ("preview-broken", "hocso preview, for lesson authors"),
    ("pin-*", "the volunteer PIN"),
    ("panel-*", "the volunteer panel"),
    ("studio-*", "the recording studio, for volunteers"),
    ("confirm-*", "the volunteer panel"),
    ("figures-*", "the volunteer panel"),
    (
        "guided-*",
        "a guided session's bar and end, which the volunteer beside her reads with her",
    ),
    ("card-*", "the printed card (hocso card), not the screen"),
    (
        "report-*",
        "the ward's report (hocso report), not the screen",
    ),
    (
        "startup-*",
        "for volunteers, when the data cannot be opened",
    ),
    (
        "cli-*",
        "the command line's words (locales/*/cli.ftl), printed for volunteers and authors",
    ),
];

/// Why message `id` is not said aloud, if it is in [`NOT_SPOKEN`].
pub fn not_spoken(id: &str) -> Option<&'static str> {
    NOT_SPOKEN.iter().find_map(|(pattern, why)| {
        let hit = match pattern.strip_suffix('*') {
            Some(prefix) => id.starts_with(prefix),
            None => id == *pattern,
        };
        hit.then_some(*why)
    })
}

/// Whether message `id` has a recording slot: it is in [`SPOKEN`] or is a screen's help.
pub fn is_spoken(id: &str) -> bool {
    SPOKEN.contains(&id) || id.starts_with("help-on-")
}

/// Formats interface messages in each language.
pub struct Localizer {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    /// Tests: the ids looked up since [`Localizer::record_lookups`], when recording.
    #[cfg(test)]
    looked_up: std::sync::Mutex<Option<std::collections::BTreeSet<String>>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer").finish_non_exhaustive()
    }
}

impl Localizer {
    /// The messages built into hocso.
    pub fn embedded() -> Localizer {
        let mut localizer = Localizer::empty();
        for &(lang, name, text) in EMBEDDED {
            let resource = parse(name, text.to_owned())
                .unwrap_or_else(|e| panic!("embedded {}/{name}: {e}", lang.code()));
            localizer.add(lang, resource);
        }
        localizer
    }

    /// The built-in messages, overridden by `dir/<lang>/*.ftl` where those exist.
    pub fn with_overrides(dir: &Path) -> Result<Localizer, I18nError> {
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let folder = dir.join(lang.code());
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
                .collect();
            files.sort();
            for file in files {
                let name = file.display().to_string();
                let text = std::fs::read_to_string(&file).map_err(|source| I18nError::Read {
                    file: name.clone(),
                    source,
                })?;
                texts.push((lang, name, text));
            }
        }
        Localizer::with_override_texts(texts)
    }

    /// The built-in messages, overridden by Fluent texts given as (language, file name
    /// for errors, text), later ones winning: what `with_overrides` reads from a folder.
    pub fn with_override_texts(
        texts: impl IntoIterator<Item = (Lang, String, String)>,
    ) -> Result<Localizer, I18nError> {
        let mut localizer = Localizer::embedded();
        for (lang, name, text) in texts {
            localizer.add(lang, parse(&name, text)?);
        }
        Ok(localizer)
    }

    fn empty() -> Localizer {
        let bundles = Lang::ALL
            .into_iter()
            .map(|lang| {
                let id: LanguageIdentifier = lang.code().parse().expect("a valid language code");
                let mut bundle = FluentBundle::new(vec![id]);
                // Isolation marks (U+2068/U+2069) would show up as stray characters in a
                // terminal.
                bundle.set_use_isolating(false);
                (lang, bundle)
            })
            .collect();
        Localizer {
            bundles,
            #[cfg(test)]
            looked_up: Default::default(),
        }
    }

    /// Tests: from now on, remember every message id looked up.
    #[cfg(test)]
    pub(crate) fn record_lookups(&self) {
        *self.looked_up.lock().expect("not poisoned") = Some(Default::default());
    }

    /// Tests: the ids looked up since [`Localizer::record_lookups`]; recording stops.
    #[cfg(test)]
    pub(crate) fn lookups(&self) -> std::collections::BTreeSet<String> {
        self.looked_up
            .lock()
            .expect("not poisoned")
            .take()
            .unwrap_or_default()
    }

    /// Notes a lookup of `id`, when a test records them; nothing otherwise.
    fn looking_up(&self, _id: &str) {
        #[cfg(test)]
        if let Some(ids) = self.looked_up.lock().expect("not poisoned").as_mut() {
            ids.insert(_id.to_owned());
        }
    }

    fn add(&mut self, lang: Lang, resource: FluentResource) {
        if let Some((_, bundle)) = self.bundles.iter_mut().find(|(l, _)| *l == lang) {
            bundle.add_resource_overriding(resource);
        }
    }

    fn bundle(&self, lang: Lang) -> &FluentBundle<FluentResource> {
        &self
            .bundles
            .iter()
            .find(|(l, _)| *l == lang)
            .expect("a bundle for every language")
            .1
    }

    /// The message `id` in `lang` (falling back to Vietnamese, then to the id itself).
    /// A step's short name in `lang` (see [`crate::lesson::Step::display_name`]): its own,
    /// or made from what it asks in the interface's words (`step-name-tap`,
    /// `step-name-scan`).
    pub fn step_name(&self, step: &crate::lesson::Step, lang: Lang) -> String {
        use crate::lesson::NameOf;
        step.display_name(lang.code(), &|of| match of {
            NameOf::Tap(label) => self.text_with(lang, "step-name-tap", &[("label", label.into())]),
            NameOf::Scan => self.text(lang, "step-name-scan"),
        })
    }

    pub fn text(&self, lang: Lang, id: &str) -> String {
        self.format(lang, id, None)
    }

    /// The message `id` in `lang` (or Vietnamese), if there is one: for words that are
    /// optional, such as a topic's name.
    pub fn get(&self, lang: Lang, id: &str) -> Option<String> {
        self.looking_up(id);
        [lang, Lang::Vi]
            .into_iter()
            .any(|l| self.bundle(l).has_message(id))
            .then(|| self.format(lang, id, None))
    }

    /// The message `id` with arguments, e.g. `("code", "4821".into())`.
    pub fn text_with(&self, lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(lang, id, Some(&fluent_args))
    }

    fn format(&self, lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        self.looking_up(id);
        for lang in [lang, Lang::Vi] {
            let bundle = self.bundle(lang);
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if !errors.is_empty() {
                    tracing::warn!(
                        id,
                        lang = lang.code(),
                        ?errors,
                        "message formatted with errors"
                    );
                }
                return text.into_owned();
            }
        }
        tracing::warn!(id, "no such interface message");
        id.to_owned()
    }

    /// The words a recording of message `id` says in `lang` (or Vietnamese): its
    /// `.spoken` attribute when it has one (the spoken form of a message with a
    /// variable, which a recording made once cannot know), else its value.
    pub fn spoken(&self, lang: Lang, id: &str) -> String {
        for lang in [lang, Lang::Vi] {
            let bundle = self.bundle(lang);
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let pattern = message
                .get_attribute("spoken")
                .map(|a| a.value())
                .or_else(|| message.value());
            if let Some(pattern) = pattern {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, None, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }

    /// Every message id of `lang`.
    pub fn ids(lang: Lang) -> HashSet<String> {
        EMBEDDED
            .iter()
            .filter(|(l, _, _)| *l == lang)
            .flat_map(|(_, name, text)| {
                let resource = parse(name, text.to_string()).expect("embedded files parse");
                message_ids(&resource)
            })
            .collect()
    }
}

/// How deep placeables and call arguments may nest in a Fluent file. Real messages nest
/// two or three deep; the Fluent parser recurses once a level, so a file nested some
/// hundreds deep would overflow the stack and abort the kiosk.
pub const MAX_NESTING: usize = 32;

fn parse(name: &str, text: String) -> Result<FluentResource, I18nError> {
    let depth = nesting_depth(&text);
    if depth > MAX_NESTING {
        return Err(I18nError::TooDeep {
            file: name.to_owned(),
            depth,
        });
    }
    FluentResource::try_new(text).map_err(|(_, errors)| I18nError::Syntax {
        file: name.to_owned(),
        count: errors.len(),
        first: errors.first().map(|e| format!("{e:?}")).unwrap_or_default(),
    })
}

/// The deepest nesting of placeables (`{ … }`) and, inside them, call arguments
/// (`F( … )`), skipping string literals and comment lines. It may count a little more
/// than the parser would (parentheses in a variant's text), never less.
fn nesting_depth(text: &str) -> usize {
    let (mut braces, mut parens, mut deepest) = (0usize, 0usize, 0usize);
    for line in text.lines() {
        if braces == 0 && line.starts_with('#') {
            continue;
        }
        let mut chars = line.chars();
        let mut in_string = false;
        while let Some(c) = chars.next() {
            if in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '{' => braces += 1,
                '}' => {
                    braces = braces.saturating_sub(1);
                    if braces == 0 {
                        parens = 0;
                    }
                }
                '(' if braces > 0 => parens += 1,
                ')' if braces > 0 => parens = parens.saturating_sub(1),
                '"' if braces > 0 => in_string = true,
                _ => {}
            }
            deepest = deepest.max(braces + parens);
        }
    }
    deepest
}

fn message_ids(resource: &FluentResource) -> Vec<String> {
    resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message added to the interface is either said aloud or says why not: nothing
    /// a learner reads is forgotten by the voice.
    #[test]
    fn every_message_is_spoken_or_says_why_not() {
        for lang in Lang::ALL {
            let mut ids: Vec<String> = Localizer::ids(lang).into_iter().collect();
            ids.sort();
            for id in ids {
                let spoken = is_spoken(&id);
                let why = not_spoken(&id);
                assert!(
                    spoken != why.is_some(),
                    "{id} ({}): spoken {spoken}, not spoken because {why:?}",
                    lang.code()
                );
            }
        }
        for id in SPOKEN {
            assert!(
                Localizer::ids(Lang::Vi).contains(*id),
                "{id} is not a message"
            );
        }
        let mut seen = std::collections::HashSet::new();
        for id in SPOKEN {
            assert!(seen.insert(id), "{id} twice in SPOKEN");
        }
        for (d, digit) in SPOKEN_DIGITS.iter().enumerate() {
            assert_eq!(
                *digit,
                format!("spoken-digit-{d}"),
                "the digits end SPOKEN, in order"
            );
        }
    }

    /// A spoken message with a variable says words that need none; one without a
    /// variable needs no second form.
    #[test]
    fn spoken_forms_are_given_where_a_variable_needs_one() {
        let i18n = Localizer::embedded();
        for lang in Lang::ALL {
            let bundle = i18n.bundle(lang);
            for id in SPOKEN {
                let message = bundle.get_message(id).expect("a message");
                let text = i18n.text(lang, id);
                let spoken = i18n.spoken(lang, id);
                let has_variable = message
                    .value()
                    .is_some_and(|p| format!("{p:?}").contains("VariableReference"));
                assert_eq!(
                    message.get_attribute("spoken").is_some(),
                    has_variable,
                    "{id} ({}): {text:?} / {spoken:?}",
                    lang.code()
                );
                assert!(!spoken.contains('{') && !spoken.trim().is_empty(), "{id}");
            }
        }
    }

    #[test]
    fn every_embedded_file_parses() {
        for &(lang, name, text) in EMBEDDED {
            if let Err(e) = parse(name, text.to_owned()) {
                panic!("locales/{}/{name}: {e}", lang.code());
            }
        }
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let vi = Localizer::ids(Lang::Vi);
        let en = Localizer::ids(Lang::En);
        let mut only_vi: Vec<_> = vi.difference(&en).collect();
        let mut only_en: Vec<_> = en.difference(&vi).collect();
        only_vi.sort();
        only_en.sort();
        assert!(only_vi.is_empty(), "missing from locales/en: {only_vi:?}");
        assert!(only_en.is_empty(), "missing from locales/vi: {only_en:?}");
        assert!(vi.len() > 20);
    }

    #[test]
    fn messages_are_nfc_and_have_no_isolation_marks() {
        let l = Localizer::embedded();
        for lang in Lang::ALL {
            for id in Localizer::ids(lang) {
                let text = l.text_with(
                    lang,
                    &id,
                    &[
                        ("name", "Bà Hạnh".into()),
                        ("code", "4821".into()),
                        ("n", 1.into()),
                        ("total", 8.into()),
                        ("count", 2.into()),
                        ("minutes", 5.into()),
                        ("file", "x.toml".into()),
                    ],
                );
                assert_eq!(text, crate::lesson::nfc(&text), "{id} is not NFC");
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{id}");
            }
        }
    }

    #[test]
    fn arguments_fill_in_and_english_differs() {
        let l = Localizer::embedded();
        let vi = l.text_with(Lang::Vi, "code-not-found", &[("code", "1234".into())]);
        assert!(vi.starts_with("Không tìm thấy mã số 1234."), "{vi}");
        let en = l.text_with(Lang::En, "code-not-found", &[("code", "1234".into())]);
        assert!(en.starts_with("Code 1234 was not found."), "{en}");
        assert_eq!(l.text(Lang::Vi, "no-such-message"), "no-such-message");
    }

    #[test]
    fn a_folder_overrides_single_messages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("vi")).unwrap();
        std::fs::write(
            dir.path().join("vi/ward.ftl"),
            "welcome-start = Chạm để bắt đầu\n",
        )
        .unwrap();
        let l = Localizer::with_overrides(dir.path()).unwrap();
        assert_eq!(l.text(Lang::Vi, "welcome-start"), "Chạm để bắt đầu");
        assert_eq!(l.text(Lang::Vi, "app-name"), "Học số", "others unchanged");

        std::fs::write(dir.path().join("vi/ward.ftl"), "welcome-start = { $\n").unwrap();
        let err = Localizer::with_overrides(dir.path()).unwrap_err();
        assert!(err.to_string().contains("ward.ftl"), "{err}");
    }

    #[test]
    fn deeply_nested_placeables_are_refused_without_overflowing() {
        // Found while fuzzing the Fluent loader: its parser recurses once a level and overflowed the
        // stack (aborting hocso) on an override file nested a few hundred deep.
        let deep = 100_000;
        let placeables = format!(
            "welcome-start = {}x{}\n",
            "{ ".repeat(deep),
            " }".repeat(deep)
        );
        let calls = format!(
            "welcome-start = {{ {}1{} }}\n",
            "NUMBER(".repeat(deep),
            ")".repeat(deep)
        );
        for text in [placeables, calls] {
            let err = Localizer::with_override_texts([(Lang::Vi, "vi/x.ftl".to_owned(), text)])
                .unwrap_err();
            assert!(matches!(err, I18nError::TooDeep { .. }), "{err}");
            assert!(
                err.to_string().starts_with("vi/x.ftl: placeables nested"),
                "{err}"
            );
        }
        // Nesting as deep as allowed still parses and formats; brackets in text, in
        // strings and in comments do not count.
        let ok = format!(
            "# {}\nwelcome-start = {}\"((\"{} ok :(\n",
            "{".repeat(40),
            "{ ".repeat(MAX_NESTING),
            " }".repeat(MAX_NESTING)
        );
        let l = Localizer::with_override_texts([(Lang::Vi, "vi/x.ftl".to_owned(), ok)]).unwrap();
        assert_eq!(l.text(Lang::Vi, "welcome-start"), "(( ok :(");
    }
}
