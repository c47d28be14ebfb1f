//! The glossary: plain explanations of the hard words lessons use ("mã OTP", "định danh
//! điện tử", "4G"), which a learner can touch in a step's text to have explained.
//!
//! It is one file beside the lessons, `glossary.toml`. Each term has its word as shown,
//! other ways it is written (`also`), and its explanation, in Vietnamese and English.
//! The tutor marks the first place each term appears in a step's text; the checker
//! verifies the file and warns when a lesson uses a short capitalised word (OTP, PIN,
//! CCCD) that the glossary does not explain and does not list as a name.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::budget::syllables;
use super::diagnostic::{Diagnostic, LineIndex};
use super::load::syntax_diagnostic;
use super::text::{LocalText, PRIMARY_LOCALE, TextFile, nfc};

/// The glossary's file name, in the lessons' folder.
pub const FILE: &str = "glossary.toml";

/// The most syllables an explanation should have: read in one breath, over the step.
pub const EXPLAIN_BUDGET: usize = 40;

/// The folder of the glossary's recordings, beside the lessons' (`assets/audio/glossary`).
pub const AUDIO_FOLDER: &str = "glossary";

/// The glossary as the tutor uses it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    pub terms: Vec<Term>,
    /// Capitalised words that are names, not terms (VNPT, MB): never flagged.
    pub names: Vec<String>,
    /// The file it came from, if any.
    pub source: Option<PathBuf>,
}

/// One hard word and its explanation.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub id: String,
    /// The word as the explanation's title shows it ("mã OTP").
    pub word: LocalText,
    pub explain: LocalText,
    /// Every way it is written, per locale, longest first (the word itself included).
    forms: Vec<(String, String)>,
}

impl Term {
    /// What its recording says: the word, then the explanation.
    pub fn spoken(&self, locale: &str) -> String {
        format!(
            "{}. {}",
            self.word.get(locale).trim_end_matches('.'),
            self.explain.get(locale)
        )
    }

    /// The ways it is written in `locale` (Vietnamese where the locale has none).
    fn forms_in<'a>(&'a self, locale: &'a str) -> impl Iterator<Item = &'a str> {
        let has = self.forms.iter().any(|(l, _)| l == locale);
        let locale = if has { locale } else { PRIMARY_LOCALE };
        self.forms
            .iter()
            .filter(move |(l, _)| l == locale)
            .map(|(_, f)| f.as_str())
    }
}

/// Where a term appears in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Index into [`Glossary::terms`].
    pub term: usize,
    /// Byte range in the text.
    pub range: Range<usize>,
}

impl Glossary {
    /// The glossary of the lessons in `dir` (empty when it has none), and its problems.
    pub fn load(dir: &Path) -> (Glossary, Vec<Diagnostic>, Option<String>) {
        let path = dir.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Glossary::default(), Vec::new(), None);
            }
            Err(e) => {
                let problem = Diagnostic::error("unreadable", format!("cannot read it: {e}"))
                    .locate(&path, "");
                return (Glossary::default(), vec![problem], None);
            }
        };
        let (glossary, problems) = Glossary::parse(&path, &text);
        (glossary, problems, Some(text))
    }

    /// Reads a glossary file's `text`. A term with an error is left out; the others stay.
    pub fn parse(path: &Path, text: &str) -> (Glossary, Vec<Diagnostic>) {
        let lines = LineIndex::new(text);
        let file: GlossaryFile = match toml::from_str(text) {
            Ok(file) => file,
            Err(e) => {
                let problem = match e.span() {
                    Some(_) if e.message().starts_with("unknown field") => {
                        Diagnostic::error("unknown-field", first_line(e.message()))
                            .at(e.span().unwrap_or(0..0))
                            .help("a term has `id`, `word`, `also` and `explain`")
                    }
                    _ => syntax_diagnostic(&e, text),
                };
                return (
                    Glossary {
                        source: Some(path.to_owned()),
                        ..Glossary::default()
                    },
                    vec![problem.locate_in(path, &lines)],
                );
            }
        };
        let mut problems = Vec::new();
        let mut glossary = Glossary {
            names: file.names.iter().map(|n| nfc(n.get_ref())).collect(),
            source: Some(path.to_owned()),
            ..Glossary::default()
        };
        // Which term each form belongs to: a form in two terms is ambiguous.
        let mut owner: HashMap<(String, String), String> = HashMap::new();
        let mut ids: HashMap<String, Range<usize>> = HashMap::new();
        for term in &file.term {
            let id = term.id.get_ref();
            let mut bad = false;
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                problems.push(
                    Diagnostic::error("invalid-id", format!("`{id}` is not a term id"))
                        .at(term.id.span())
                        .help("an id is lower-case letters, digits and `-`: id = \"ma-otp\""),
                );
                bad = true;
            }
            if let Some(first) = ids.insert(id.clone(), term.id.span()) {
                problems.push(
                    Diagnostic::error("duplicate-term", format!("two terms are `{id}`"))
                        .at(term.id.span())
                        .label("again here")
                        .help(format!(
                            "the first is at line {}; give this one another id",
                            lines.position(first.start).line
                        )),
                );
                bad = true;
            }
            // Without Vietnamese a term cannot be shown; without English it is shown in
            // Vietnamese, as a lesson's text is.
            for (name, text) in [("word", &term.word), ("explain", &term.explain)] {
                let local = text.get_ref().to_local();
                for locale in super::DEFAULT_LOCALES {
                    if local.get_exact(locale).is_none_or(|t| t.trim().is_empty()) {
                        let primary = *locale == PRIMARY_LOCALE;
                        let message = format!("`{name}` of `{id}` has no `{locale}` text");
                        let draft = if primary {
                            Diagnostic::error("missing-locale", message)
                        } else {
                            Diagnostic::warning("missing-locale", message)
                        };
                        problems.push(
                            draft
                                .at(text.span())
                                .help(format!("write it as {name} = {{ vi = \"…\", en = \"…\" }}")),
                        );
                        bad |= primary;
                    }
                }
            }
            if let Some((vi, span)) = TextFile::vietnamese(&term.explain) {
                let n = syllables(vi);
                if n > EXPLAIN_BUDGET {
                    problems.push(
                        Diagnostic::warning(
                            "reading-budget",
                            format!(
                                "this explanation has {n} words; an explanation is read in one go, at most {EXPLAIN_BUDGET}"
                            ),
                        )
                        .at(span)
                        .help("say the one thing a learner needs; leave the rest to a lesson"),
                    );
                }
            }
            let word = term.word.get_ref().to_local();
            let mut forms: Vec<(String, String)> = word
                .locales()
                .map(|l| (l.to_owned(), word.get(l).to_owned()))
                .collect();
            if let Some(also) = &term.also {
                for (locale, list) in also.get_ref() {
                    for form in list {
                        forms.push((locale.clone(), nfc(form.get_ref())));
                    }
                }
            }
            forms.retain(|(_, f)| !f.trim().is_empty());
            forms.sort_by_key(|(l, f)| (l.clone(), std::cmp::Reverse(f.chars().count())));
            forms.dedup();
            for (locale, form) in &forms {
                let key = (locale.clone(), form.to_lowercase());
                if let Some(other) = owner.insert(key, id.clone())
                    && other != *id
                {
                    problems.push(
                        Diagnostic::error(
                            "duplicate-form",
                            format!("“{form}” is a form of both `{other}` and `{id}`"),
                        )
                        .at(term.id.span())
                        .help("a word explains one term: keep it in one of them"),
                    );
                    bad = true;
                }
            }
            if !bad {
                glossary.terms.push(Term {
                    id: id.clone(),
                    word,
                    explain: term.explain.get_ref().to_local(),
                    forms,
                });
            }
        }
        let problems = problems
            .into_iter()
            .map(|d| d.locate_in(path, &lines))
            .collect();
        (glossary, problems)
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    /// Where terms appear in `text` (in `locale`): the first place of each term, in the
    /// order they appear. Longer forms win ("mã OTP" over "OTP"); a word is matched whole,
    /// whatever its capitals.
    pub fn marks(&self, text: &str, locale: &str) -> Vec<Mark> {
        let mut found = self.marks_all(text, locale);
        found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
        // From the start: the longest at a place wins, a place inside one kept is not
        // another, and each term is marked where it first comes free.
        let mut kept: Vec<Mark> = Vec::new();
        for mark in found {
            let free = kept.last().is_none_or(|k| k.range.end <= mark.range.start);
            if free && !kept.iter().any(|k| k.term == mark.term) {
                kept.push(mark);
            }
        }
        kept
    }

    /// The short capitalised words of `text` (OTP, CCCD, 4G) that no term explains and
    /// that are not names: each with its byte range.
    pub fn unexplained(&self, text: &str) -> Vec<(Range<usize>, String)> {
        let covered: Vec<Range<usize>> = self
            .marks_all(text, PRIMARY_LOCALE)
            .into_iter()
            .map(|m| m.range)
            .collect();
        let words = capitalised_words(text);
        // Two or more capitalised words in a row are a name written in capitals, as a
        // bank shows an account's owner (NGUYEN VAN MINH), or a network's (NHA MINH).
        let next_to = |a: &Range<usize>, b: &Range<usize>| {
            let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
            text[first.end..second.start].chars().all(|c| c == ' ') && first.end < second.start
        };
        let in_a_name =
            |range: &Range<usize>| words.iter().any(|(r, _)| r != range && next_to(r, range));
        words
            .iter()
            .filter(|(range, _)| !in_a_name(range))
            .cloned()
            .collect::<Vec<_>>()
            .into_iter()
            .filter(|(range, word)| {
                !self.names.iter().any(|n| n == word)
                    && !covered
                        .iter()
                        .any(|c| c.start <= range.start && range.end <= c.end)
            })
            .collect()
    }

    /// Every place any form of a term in `locale` appears (not only the first).
    fn marks_all(&self, text: &str, locale: &str) -> Vec<Mark> {
        let mut all = Vec::new();
        for (index, term) in self.terms.iter().enumerate() {
            for form in term.forms_in(locale) {
                let mut from = 0;
                while let Some(at) = find_word(&text[from..], form) {
                    let start = from + at;
                    let end = start + form_len(text, start, form);
                    all.push(Mark {
                        term: index,
                        range: start..end,
                    });
                    from = end;
                }
            }
        }
        all
    }
}

/// The byte length in `text` at `start` of a match of `form` (capitals may differ in
/// length).
fn form_len(text: &str, start: usize, form: &str) -> usize {
    text[start..]
        .char_indices()
        .nth(form.chars().count())
        .map_or(text.len() - start, |(i, _)| i)
}

/// Where `form` first appears in `text` as whole words, whatever the capitals.
fn find_word(text: &str, form: &str) -> Option<usize> {
    let want: Vec<char> = form.chars().flat_map(char::to_lowercase).collect();
    let starts = text.char_indices().map(|(i, _)| i);
    for start in starts {
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric()) {
            continue;
        }
        let mut got = Vec::with_capacity(want.len());
        let mut end = start;
        for (i, c) in text[start..].char_indices() {
            if got.len() >= want.len() {
                break;
            }
            got.extend(c.to_lowercase());
            end = start + i + c.len_utf8();
        }
        if got == want {
            let after = text[end..].chars().next();
            if !after.is_some_and(|c| c.is_alphanumeric()) {
                return Some(start);
            }
        }
    }
    None
}

/// Words of two or more characters written in capitals and digits, with at least one
/// capital (OTP, PIN, 4G, CCCD): what a learner may not know.
fn capitalised_words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut words = Vec::new();
    let mut start = None;
    let bytes_end = text.len();
    let close = |start: usize, end: usize, words: &mut Vec<(Range<usize>, String)>| {
        let word = &text[start..end];
        let caps = word.chars().filter(|c| c.is_uppercase()).count();
        let all = word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
        if word.chars().count() >= 2 && caps >= 1 && all {
            words.push((start..end, word.to_owned()));
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            close(s, i, &mut words);
        }
    }
    if let Some(s) = start {
        close(s, bytes_end, &mut words);
    }
    words
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").trim().to_owned()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    #[allow(dead_code)]
    version: Option<u32>,
    #[serde(default)]
    names: Vec<Spanned<String>>,
    #[serde(default)]
    term: Vec<TermFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TermFile {
    id: Spanned<String>,
    word: Spanned<TextFile>,
    #[serde(default)]
    also: Option<Spanned<BTreeMap<String, Vec<Spanned<String>>>>>,
    explain: Spanned<TextFile>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
names = ["VNPT"]

[[term]]
id = "ma-otp"
word = { vi = "mã OTP", en = "OTP code" }
also = { vi = ["OTP"], en = ["OTP"] }
explain = { vi = "Mã số dùng một lần, ngân hàng nhắn cho bác.", en = "A one-time number." }

[[term]]
id = "4g"
word = { vi = "4G", en = "4G" }
explain = { vi = "Mạng của nhà mạng.", en = "Mobile data." }
"#;

    fn sample() -> Glossary {
        let (g, problems) = Glossary::parse(Path::new("glossary.toml"), SAMPLE);
        assert!(problems.is_empty(), "{problems:?}");
        g
    }

    #[test]
    fn the_longest_form_is_marked_once_whatever_its_capitals() {
        let g = sample();
        let text = "Bác đọc Mã OTP cho ai? Không đưa OTP. Bật 4G.";
        let marks = g.marks(text, "vi");
        let words: Vec<&str> = marks.iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(words, ["Mã OTP", "4G"]);
        assert_eq!(g.terms[marks[0].term].id, "ma-otp");
    }

    #[test]
    fn a_term_first_written_inside_another_is_marked_where_it_comes_free() {
        let (g, problems) = Glossary::parse(
            Path::new("g.toml"),
            r#"
[[term]]
id = "the-sim"
word = { vi = "thẻ SIM", en = "SIM card" }
explain = { vi = "Thẻ.", en = "Card." }

[[term]]
id = "sim"
word = { vi = "SIM", en = "SIM" }
explain = { vi = "Sim.", en = "Sim." }
"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let text = "Lắp thẻ SIM vào. SIM đứng tên bác.";
        let words: Vec<&str> = g
            .marks(text, "vi")
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(words, ["thẻ SIM", "SIM"]);
    }

    #[test]
    fn a_form_inside_another_word_is_not_a_match() {
        let g = sample();
        assert!(g.marks("Số 14G và OTPX", "vi").is_empty());
        assert_eq!(g.marks("(OTP)", "vi").len(), 1);
    }

    #[test]
    fn capitalised_words_without_a_term_or_a_name_are_unexplained() {
        let g = sample();
        let found: Vec<String> = g
            .unexplained("Nhập mã PIN, không đưa OTP cho VNPT hay CCCD. Ở Việt Nam.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(found, ["PIN", "CCCD"]);
    }

    #[test]
    fn a_term_without_english_is_kept_and_a_form_in_two_terms_is_left_out() {
        let text = r#"
[[term]]
id = "otp"
word = { vi = "OTP" }
explain = { vi = "Mã.", en = "Code." }

[[term]]
id = "ma"
word = { vi = "mã", en = "code" }
explain = { vi = "Mã.", en = "Code." }

[[term]]
id = "ma2"
word = { vi = "Mã", en = "key" }
explain = { vi = "Mã.", en = "Code." }
"#;
        let (g, problems) = Glossary::parse(Path::new("g.toml"), text);
        let codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["missing-locale", "duplicate-form"]);
        assert_eq!(problems[0].start.line, 4);
        assert_eq!(problems[0].severity, crate::lesson::Severity::Warning);
        // Without English it is kept (shown in Vietnamese); "Mã" in two terms is not.
        let ids: Vec<&str> = g.terms.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["otp", "ma"]);
    }

    #[test]
    fn a_syntax_slip_points_at_its_line() {
        let (g, problems) = Glossary::parse(
            Path::new("g.toml"),
            "[[term]]\nid = \"otp\"\nword = { vi = \"OTP\", en = \"OTP\" \nexplain = 1\n",
        );
        assert!(g.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].start.line, 3);
    }
}
