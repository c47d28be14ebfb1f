//! What a learner reads and types: every such text in a lesson file, and what in a text
//! cannot be shown or typed as it is written.
//!
//! One walker lists the texts, destructuring each table of the file without `..`, so a
//! field added to [`super::file`] does not compile until it is listed here (and so
//! checked). A text is refused for control characters (ESC would drive the terminal),
//! bidirectional controls (they reorder what the terminal shows), invisible characters,
//! having nothing visible at all, and characters that hocso lays out at one width and
//! terminals draw at another (emoji sequences), which would shift the text and the
//! buttons under the learner's finger.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::file::{
    ButtonFile, ChoiceFile, ElementFile, ElementKind, LessonFile, MasteryFile, ScreenFile, StepFile,
};
use super::text::{PRIMARY_LOCALE, TextFile, nfc};

/// How a text reaches the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Paragraphs (step text, summary, hint, feedback, a row's detail, a dialog's or SMS's
    /// message): line breaks are kept.
    Prose,
    /// One line (titles, labels, options, order items, wrapped by the screen where it
    /// needs; a field's value): a line break has no place in it.
    Line,
    /// What the learner types (`answer`, `accept`): one line, nothing invisible.
    Answer,
    /// A scan step's address, which a phone opens: see [`address_problem`].
    Address,
}

/// One text a learner reads or types, where it is in the file.
#[derive(Debug, Clone)]
pub(crate) struct LearnerText<'f> {
    /// What it is, as diagnostics name it ("hint", "option", …).
    pub what: &'static str,
    pub role: Role,
    pub value: &'f str,
    /// The value's span in the file (with its quotes).
    pub span: Range<usize>,
}

#[derive(Default)]
struct Walk<'f>(Vec<LearnerText<'f>>);

impl<'f> Walk<'f> {
    fn text(&mut self, what: &'static str, role: Role, text: &'f Spanned<TextFile>) {
        match text.get_ref() {
            TextFile::Plain(value) => self.0.push(LearnerText {
                what,
                role,
                value,
                span: text.span(),
            }),
            TextFile::Localized(pairs) => {
                for (_, value) in pairs {
                    self.plain(what, role, value);
                }
            }
        }
    }

    fn maybe(&mut self, what: &'static str, role: Role, text: &'f Option<Spanned<TextFile>>) {
        if let Some(text) = text {
            self.text(what, role, text);
        }
    }

    fn plain(&mut self, what: &'static str, role: Role, value: &'f Spanned<String>) {
        self.0.push(LearnerText {
            what,
            role,
            value: value.get_ref(),
            span: value.span(),
        });
    }

    fn screen(&mut self, screen: &'f ScreenFile) {
        let ScreenFile { title, elements } = screen;
        self.maybe("screen title", Role::Line, title);
        for element in elements {
            let ElementFile {
                id: _,
                kind,
                label,
                detail,
                on: _,
                feedback,
                buttons,
            } = element;
            self.maybe("element label", Role::Line, label);
            // A row's detail, a dialog's message and an SMS wrap as paragraphs; a field's
            // value is drawn on one line.
            let detail_role = match kind.get_ref() {
                ElementKind::Field => Role::Line,
                _ => Role::Prose,
            };
            self.maybe("element detail", detail_role, detail);
            self.maybe("feedback", Role::Prose, feedback);
            for button in buttons {
                let ButtonFile {
                    id: _,
                    label,
                    feedback,
                } = button;
                self.text("button label", Role::Line, label);
                self.maybe("feedback", Role::Prose, feedback);
            }
        }
    }
}

/// The texts of a lesson's head: its title and summary in the lesson menu.
pub(crate) fn head_texts(file: &LessonFile) -> Vec<LearnerText<'_>> {
    let LessonFile {
        format_version: _,
        id: _,
        topic: _,
        title,
        summary,
        minutes: _,
        prerequisites: _,
        mastery,
        // The budget's reason is written for reviewers; no learner ever sees it.
        budget: _,
        steps: _,
    } = file;
    // The mastery rule holds numbers only; named so that a text added to it is seen here.
    if let Some(m) = mastery {
        let MasteryFile {
            rule: _,
            n: _,
            m: _,
            review_days: _,
        } = m.get_ref();
    }
    let mut walk = Walk::default();
    walk.text("title", Role::Line, title);
    walk.text("summary", Role::Prose, summary);
    walk.0
}

/// Every text of one step a learner reads or types, in file order within each field.
pub(crate) fn step_texts(step: &StepFile) -> Vec<LearnerText<'_>> {
    let StepFile {
        id: _,
        name,
        kind: _,
        text,
        hint,
        narration: _,
        right_feedback,
        wrong_feedback,
        screen,
        target: _,
        options,
        items,
        shuffle: _,
        answer,
        accept,
        field: _,
        input: _,
        url,
    } = step;
    let mut walk = Walk::default();
    walk.text("step text", Role::Prose, text);
    walk.maybe("name", Role::Line, name);
    walk.maybe("hint", Role::Prose, hint);
    walk.maybe("right_feedback", Role::Prose, right_feedback);
    walk.maybe("wrong_feedback", Role::Prose, wrong_feedback);
    if let Some(screen) = screen {
        walk.screen(screen.get_ref());
    }
    for option in options.iter().flat_map(|o| o.get_ref()) {
        let ChoiceFile {
            text,
            correct: _,
            feedback,
        } = option;
        walk.text("option", Role::Line, text);
        walk.maybe("feedback", Role::Prose, feedback);
    }
    for item in items.iter().flat_map(|i| i.get_ref()) {
        walk.text("item", Role::Line, item);
    }
    for a in answer.iter().chain(accept) {
        walk.plain("answer", Role::Answer, a);
    }
    if let Some(url) = url {
        walk.plain("scan address", Role::Address, url);
    }
    walk.0
}

/// Something in a text that cannot be shown or typed as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// A C0 or C1 control (ESC, DEL, a tab…), or a Unicode line or paragraph separator.
    Control(char),
    /// A line break where the text is shown on one line, or typed.
    LineBreak,
    /// A bidirectional control: it reorders what the terminal shows around it.
    Bidi(char),
    /// A character that shows nothing (a zero-width space, a soft hyphen, a filler).
    Invisible(char),
    /// Not one character that shows.
    NothingVisible,
    /// A cluster that hocso lays out at one width and terminals draw at another.
    Width {
        cluster: String,
        measured: usize,
        drawn: usize,
    },
}

/// The problems of `value` as a text with `role`: each kind once, at its first
/// occurrence (a byte range of `value`). An address is judged by [`address_problem`].
pub(crate) fn problems(value: &str, role: Role) -> Vec<(Problem, Range<usize>)> {
    let mut found: Vec<(Problem, Range<usize>)> = Vec::new();
    if role == Role::Address {
        return found;
    }
    let mut add = |problem: Problem, at: Range<usize>| {
        let same_kind = |(p, _): &(Problem, Range<usize>)| {
            std::mem::discriminant(p) == std::mem::discriminant(&problem)
        };
        if !found.iter().any(same_kind) {
            found.push((problem, at));
        }
    };
    for (i, c) in value.char_indices() {
        let at = i..i + c.len_utf8();
        if c == '\n' {
            if role != Role::Prose {
                add(Problem::LineBreak, at);
            }
        } else if is_control(c) {
            add(Problem::Control(c), at);
        } else if is_bidi_control(c) {
            add(Problem::Bidi(c), at);
        } else if is_invisible(c) || (role == Role::Answer && joins_clusters(c)) {
            add(Problem::Invisible(c), at);
        }
    }
    if !value.trim().is_empty() && value.chars().all(is_blank) {
        // Said once for the whole text, not once for each invisible character in it.
        found.retain(|(p, _)| !matches!(p, Problem::Invisible(_)));
        found.push((Problem::NothingVisible, 0..value.len()));
        return found;
    }
    // Widths: each cluster as hocso lays it out (unicode-width, as ratatui draws it, one
    // cluster at a time) against the sum of its characters' widths (what terminals
    // without grapheme clustering draw, and foot with its default `wcswidth` method);
    // then each pair of clusters, which unicode-width may measure as one (a ligature).
    let mut previous: Option<(usize, &str)> = None;
    for (i, cluster) in value.grapheme_indices(true) {
        if cluster.chars().any(|c| is_control(c) || is_bidi_control(c)) {
            previous = None;
            continue;
        }
        let measured = cluster.width();
        let drawn = chars_width(cluster);
        if measured != drawn {
            add(
                Problem::Width {
                    cluster: cluster.to_owned(),
                    measured,
                    drawn,
                },
                i..i + cluster.len(),
            );
        } else if measured < 2 && role != Role::Answer && cluster.chars().any(joins_clusters) {
            // A joiner or variation selector outside a wide (emoji) cluster joins nothing.
            let (j, c) = cluster
                .char_indices()
                .find(|(_, c)| joins_clusters(*c))
                .expect("found above");
            add(Problem::Invisible(c), i + j..i + j + c.len_utf8());
        }
        if let Some((start, before)) = previous {
            let pair = &value[start..i + cluster.len()];
            let apart = before.width() + measured;
            if pair.width() != apart {
                add(
                    Problem::Width {
                        cluster: pair.to_owned(),
                        measured: pair.width(),
                        drawn: apart,
                    },
                    start..i + cluster.len(),
                );
            }
        }
        previous = Some((i, cluster));
    }
    found
}

/// The columns `text` takes on screen: the widest of the ways it is measured (by cluster
/// as ratatui draws, as a whole as the layout measures, and by character as some
/// terminals draw). For text without a [`Problem::Width`], they agree.
pub(crate) fn columns(text: &str) -> usize {
    let clusters: usize = text.graphemes(true).map(UnicodeWidthStr::width).sum();
    clusters.max(text.width()).max(chars_width(text))
}

fn chars_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// C0 and C1 controls, DEL, and the line and paragraph separators (which terminals do not
/// break lines at).
fn is_control(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// The bidirectional formatting characters: embeddings, overrides, isolates and marks.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Unicode's Default_Ignorable_Code_Point: characters that show nothing by themselves.
fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The zero-width joiner and the variation selectors: they make emoji sequences, and are
/// judged with the cluster they join.
fn joins_clusters(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Characters refused wherever they are: they show nothing, and no key types them.
fn is_invisible(c: char) -> bool {
    (is_default_ignorable(c) && !is_bidi_control(c) && !joins_clusters(c))
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// Characters that leave a text looking empty: blanks, controls, invisible characters,
/// the Braille blank and the Hangul fillers (which look like spaces).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || is_control(c)
        || is_default_ignorable(c)
        || matches!(c, '\u{2800}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `U+202E (right-to-left override)`: a character as a diagnostic names it.
pub(crate) fn describe(c: char) -> String {
    let name = match c {
        '\0' => Some("null"),
        '\u{7}' => Some("bell"),
        '\u{8}' => Some("backspace"),
        '\t' => Some("tab"),
        '\n' => Some("line break"),
        '\r' => Some("carriage return"),
        '\u{1B}' => Some("escape"),
        '\u{7F}' => Some("delete"),
        '\u{85}' => Some("next line"),
        '\u{9B}' => Some("control sequence introducer"),
        '\u{9D}' => Some("operating system command"),
        '\u{AD}' => Some("soft hyphen"),
        '\u{34F}' => Some("combining grapheme joiner"),
        '\u{61C}' => Some("Arabic letter mark"),
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => Some("Hangul filler"),
        '\u{180E}' => Some("Mongolian vowel separator"),
        '\u{200B}' => Some("zero-width space"),
        '\u{200C}' => Some("zero-width non-joiner"),
        '\u{200D}' => Some("zero-width joiner"),
        '\u{200E}' => Some("left-to-right mark"),
        '\u{200F}' => Some("right-to-left mark"),
        '\u{2028}' => Some("line separator"),
        '\u{2029}' => Some("paragraph separator"),
        '\u{202A}' => Some("left-to-right embedding"),
        '\u{202B}' => Some("right-to-left embedding"),
        '\u{202C}' => Some("pop directional formatting"),
        '\u{202D}' => Some("left-to-right override"),
        '\u{202E}' => Some("right-to-left override"),
        '\u{2060}' => Some("word joiner"),
        '\u{2066}' => Some("left-to-right isolate"),
        '\u{2067}' => Some("right-to-left isolate"),
        '\u{2068}' => Some("first strong isolate"),
        '\u{2069}' => Some("pop directional isolate"),
        '\u{2800}' => Some("Braille blank"),
        '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' => Some("variation selector"),
        '\u{FEFF}' => Some("byte order mark"),
        _ => None,
    };
    match name {
        Some(name) => format!("U+{:04X} ({name})", u32::from(c)),
        None => format!("U+{:04X}", u32::from(c)),
    }
}

/// What a text reads as, for telling options apart: NFC, invisible characters dropped,
/// blanks collapsed, lower case. "Có", " có " and "CÓ" read the same.
pub(crate) fn reading(text: &str) -> String {
    let shown: String = nfc(text)
        .chars()
        .filter(|c| !(is_default_ignorable(*c) || is_control(*c)) || c.is_whitespace())
        .collect();
    let words: Vec<&str> = shown.split_whitespace().collect();
    nfc(&words.join(" ").to_lowercase())
}

/// For each text, an earlier one that reads the same in one of `locales` (each text in
/// Vietnamese where it lacks that locale, as the screen shows it), if there is one.
/// Linear in the texts: a file of thousands of options is checked as fast as one.
pub(crate) fn earlier_twins(texts: &[&TextFile], locales: &[&str]) -> Vec<Option<usize>> {
    let mut locales: Vec<&str> = locales.to_vec();
    locales.push(PRIMARY_LOCALE);
    locales.sort_unstable();
    locales.dedup();
    let mut seen: HashMap<(usize, String), usize> = HashMap::new();
    let mut twins = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let entries = text.entries();
        let shown = |locale: &str| {
            entries
                .iter()
                .find(|(l, _)| *l == locale)
                .or_else(|| entries.iter().find(|(l, _)| *l == PRIMARY_LOCALE))
                .or(entries.first())
                .map(|(_, t)| reading(t))
        };
        let mut twin = None;
        for (l, locale) in locales.iter().enumerate() {
            let Some(read) = shown(locale).filter(|r| !r.is_empty()) else {
                continue;
            };
            match seen.get(&(l, read.clone())) {
                Some(&earlier) => twin = twin.or(Some(earlier)),
                None => {
                    seen.insert((l, read), i);
                }
            }
        }
        twins.push(twin);
    }
    twins
}

/// Why `url` is not a plain `https://host/…` address a learner's phone can safely open,
/// if it is not: (what is wrong, how to fix it, where in `url`).
///
/// Refused: anything but printable ASCII (controls, ESC and OSC sequences, spaces, bidi
/// controls, non-ASCII host names: write them as `xn--…`, and percent-encode paths), any
/// scheme but `https`, an empty host, a user name or password (`user:pw@`), a port, an
/// IP address or a name without a dot (`localhost`), and characters an address cannot
/// hold unencoded (`<`, `"`, `\`, a bad `%` escape).
pub(crate) fn address_problem(url: &str) -> Option<(String, String, Range<usize>)> {
    const EXAMPLE: &str = "e.g. \"https://dichvucong.gov.vn\"";
    if let Some((i, c)) = url.char_indices().find(|(_, c)| !c.is_ascii_graphic()) {
        let at = i..i + c.len_utf8();
        let (what, help) = if c.is_whitespace() {
            (
                format!("a scan address cannot hold a blank ({})", describe(c)),
                "remove it: an address has no spaces (write a space in a path as %20)".to_owned(),
            )
        } else if is_control(c) {
            (
                format!(
                    "a scan address cannot hold the control character {}",
                    describe(c)
                ),
                "remove it: it could drive the terminal or hide where the address goes".to_owned(),
            )
        } else if is_bidi_control(c) || is_default_ignorable(c) {
            (
                format!(
                    "a scan address cannot hold the invisible character {}",
                    describe(c)
                ),
                "remove it: it can make an address look like another".to_owned(),
            )
        } else {
            (
                format!("a scan address is plain ASCII: `{c}` is not"),
                "write a Vietnamese host name in its xn-- form and percent-encode the path \
                 (`ệ` is %E1%BB%87), so the address reads the same on every phone"
                    .to_owned(),
            )
        };
        return Some((what, help, at));
    }
    let Some(rest) = url.strip_prefix("https://") else {
        let scheme_end = url.find("://").map_or(url.len().min(8), |i| i + 3);
        return Some((
            "a scan step needs an https:// address".to_owned(),
            format!("show only safe, official https addresses, {EXAMPLE}"),
            0..scheme_end,
        ));
    };
    let start = "https://".len();
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let whole_authority = start..start + authority_end;
    if authority.is_empty() {
        return Some((
            "this address has no host name".to_owned(),
            format!("write the site's name after https://, {EXAMPLE}"),
            0..url.len().min(start + 1),
        ));
    }
    if let Some(at) = authority.rfind('@') {
        return Some((
            "a scan address cannot hold a user name or password (`…@`)".to_owned(),
            format!(
                "what comes before @ only makes the address look like another site's: this one \
                 opens `{}`; remove everything up to the @",
                &authority[at + 1..]
            ),
            start..start + at + 1,
        ));
    }
    if authority.starts_with('[') {
        return Some((
            "a scan address names a site, not an IP address".to_owned(),
            format!("a learner cannot tell whose address this is: use the site's name, {EXAMPLE}"),
            whole_authority,
        ));
    }
    if let Some(colon) = authority.find(':') {
        return Some((
            format!(
                "a scan address does not name a port (`{}`)",
                &authority[colon..]
            ),
            "remove it: an official site needs none, and an odd port is a sign of a fake"
                .to_owned(),
            start + colon..start + authority_end,
        ));
    }
    let labels: Vec<&str> = authority.split('.').collect();
    let bad_label = labels.iter().find(|l| {
        l.is_empty()
            || l.len() > 63
            || l.starts_with('-')
            || l.ends_with('-')
            || !l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if bad_label.is_some() || authority.len() > 253 {
        return Some((
            format!("`{authority}` is not a host name"),
            format!(
                "a host name is words of letters, digits and hyphens joined by single dots, {EXAMPLE}"
            ),
            whole_authority,
        ));
    }
    if labels
        .last()
        .is_some_and(|l| l.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some((
            "a scan address names a site, not an IP address".to_owned(),
            format!("a learner cannot tell whose address this is: use the site's name, {EXAMPLE}"),
            whole_authority,
        ));
    }
    if labels.len() < 2 {
        return Some((
            format!("`{authority}` is not a site on the internet"),
            format!("name the site in full, with its domain, {EXAMPLE}"),
            whole_authority,
        ));
    }
    let tail = start + authority_end;
    let bytes = url.as_bytes();
    let mut i = tail;
    while i < bytes.len() {
        let b = bytes[i];
        let allowed = b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?#%".contains(&b);
        if !allowed {
            return Some((
                format!("`{}` cannot be written in an address", b as char),
                format!("percent-encode it: %{b:02X}"),
                i..i + 1,
            ));
        }
        if b == b'%'
            && !(i + 2 < bytes.len()
                && bytes[i + 1].is_ascii_hexdigit()
                && bytes[i + 2].is_ascii_hexdigit())
        {
            return Some((
                "a `%` in an address starts an escape of two hex digits".to_owned(),
                "write a % itself as %25".to_owned(),
                i..(i + 3).min(bytes.len()),
            ));
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::check::tests::EVERY_TEXT;
    use crate::lesson::file::LessonFile;
    use serde::Deserialize;

    #[test]
    fn the_walker_finds_every_text_of_the_lesson_with_every_field() {
        let file: LessonFile = toml::from_str(EVERY_TEXT).unwrap();
        let mut values: Vec<String> = head_texts(&file)
            .iter()
            .map(|t| t.value.to_owned())
            .collect();
        // Steps are read one by one, as the loader does, to keep their spans.
        let root = toml::de::DeTable::parse(EVERY_TEXT).unwrap();
        let (_, steps) = root
            .get_ref()
            .iter()
            .find(|(k, _)| k.get_ref() == "steps")
            .unwrap();
        let toml::de::DeValue::Array(steps) = steps.get_ref() else {
            panic!("steps is an array")
        };
        for step in steps {
            let step =
                StepFile::deserialize(toml::de::ValueDeserializer::from(step.clone())).unwrap();
            values.extend(step_texts(&step).iter().map(|t| t.value.to_owned()));
        }
        let mut expected: Vec<String> = (1..=30).map(|i| format!("M{i:02}")).collect();
        expected.push("https://m31.vn".to_owned());
        values.sort();
        assert_eq!(values, expected);
    }

    #[test]
    fn widths_agree_for_text_every_terminal_draws_alike() {
        for fine in [
            "Việt Nam",
            "Vie\u{302}\u{323}t",
            "👍",
            "🇻🇳",
            "“…” • ↑",
            "漢字",
        ] {
            assert_eq!(problems(fine, Role::Prose), [], "{fine}");
        }
        assert_eq!(columns("👍👍"), 4);
        assert_eq!(columns("漢字 Việt"), 9);
        // A family: laid out as one wide glyph, drawn as three by many terminals.
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(columns(family), 6);
        let found = problems(&format!("Gia đình {family}"), Role::Prose);
        assert!(
            matches!(
                &found[..],
                [(Problem::Width { measured: 2, drawn: 6, .. }, at)] if at.start == 11
            ),
            "{found:?}"
        );
        // Lam-alef: one column as a whole, two cluster by cluster.
        let found = problems("\u{644}\u{627}", Role::Line);
        assert!(
            matches!(&found[..], [(Problem::Width { .. }, _)]),
            "{found:?}"
        );
    }

    #[test]
    fn texts_read_the_same_whatever_their_case_spaces_and_form() {
        assert_eq!(reading("  Gọi   LẠI \u{200B}"), "gọi lại");
        assert_eq!(reading("Vie\u{302}\u{323}t"), reading("VIỆT"));
        assert_ne!(reading("Có."), reading("Có"));
    }
}
