//! Reading one lesson file: bytes → text → TOML → typed → checked.

use std::collections::HashMap;
use std::io::Read;
use std::ops::Range;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::Lesson;
use super::check::{CheckOptions, FileCheck, closest, content_root};
use super::diagnostic::{Diagnostic, Draft, LineIndex, Severity};
use super::file::{LessonFile, StepFile};

/// A lesson is a few kilobytes; anything past this is not a lesson.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Syntax errors reported in one file; one more diagnostic says how many follow.
pub const MAX_SYNTAX_ERRORS: usize = 1;

/// A file as read from disk: its text, when it is readable text at all.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    /// The text (invalid UTF-8 shown with replacement characters), for rendering.
    pub text: Option<String>,
}

impl SourceFile {
    /// Reads `path`. A file that is too large, unreadable or not UTF-8 comes back with a
    /// diagnostic, never a panic.
    pub fn read(path: &Path) -> (SourceFile, Option<Diagnostic>) {
        let fail = |draft: Draft, text: Option<String>| {
            let d = draft.locate(path, text.as_deref().unwrap_or(""));
            let source = SourceFile {
                path: path.to_owned(),
                text,
            };
            (source, Some(d))
        };
        // Looked at before it is opened: opening a FIFO for reading waits for a writer,
        // and a device may never end.
        let metadata = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => return fail(unfollowable(path, &e), None),
        };
        if !metadata.is_file() {
            return fail(not_a_file(&metadata), None);
        }
        // Non-blocking, should it have been swapped for a FIFO since: a regular file
        // reads the same.
        let file = match std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
            .open(path)
        {
            Ok(f) => f,
            Err(e) => {
                return fail(
                    Diagnostic::error("unreadable", format!("cannot read this file: {e}")),
                    None,
                );
            }
        };
        match file.metadata() {
            Ok(m) if m.is_file() => {}
            Ok(m) => return fail(not_a_file(&m), None),
            Err(e) => {
                return fail(
                    Diagnostic::error("unreadable", format!("cannot read this file: {e}")),
                    None,
                );
            }
        }
        // Sized from the file's length: read in one go, not in growing pieces.
        let size = file.metadata().map_or(0, |m| m.len()).min(MAX_FILE_BYTES) as usize;
        let mut bytes = Vec::with_capacity(size + 1);
        // Read one byte past the limit to know whether the file is larger.
        if let Err(e) = file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
            return fail(
                Diagnostic::error("unreadable", format!("cannot read this file: {e}")),
                None,
            );
        }
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return fail(
                Diagnostic::error(
                    "file-too-large",
                    format!("larger than {} KiB: this is not a lesson file", MAX_FILE_BYTES / 1024),
                )
                .help("a lesson is a few kilobytes of text; split it or check that this is the right file"),
                None,
            );
        }
        match String::from_utf8(bytes) {
            Ok(text) => (
                SourceFile {
                    path: path.to_owned(),
                    text: Some(text),
                },
                None,
            ),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
                fail(
                    Diagnostic::error("not-utf8", "this file is not UTF-8 text")
                        .at(at..at)
                        .label("the first byte that is not UTF-8")
                        .help("save the lesson as UTF-8 (every editor can); is this a lesson file at all?"),
                    Some(lossy),
                )
            }
        }
    }
}

/// Why `path`, which could not be looked at (`error`), cannot be read: a link to nothing,
/// or another reason.
fn unfollowable(path: &Path, error: &std::io::Error) -> Draft {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Diagnostic::error("unreadable", format!("cannot read this file: {error}"));
    }
    let target = std::fs::read_link(path)
        .map(|t| t.display().to_string())
        .unwrap_or_default();
    let message = if error.kind() == std::io::ErrorKind::NotFound {
        format!("this is a link to `{target}`, which does not exist")
    } else {
        format!("this link to `{target}` cannot be followed: {error}")
    };
    Diagnostic::error("broken-link", message)
        .label("a link to nothing")
        .help("remove the link, or point it at a lesson file")
}

/// What a path that is not a regular file is, as a diagnostic.
fn not_a_file(metadata: &std::fs::Metadata) -> Draft {
    let kind = metadata.file_type();
    let (what, help) = if kind.is_dir() {
        (
            "a folder",
            "lessons are read only directly inside the lessons folder: move its lessons up, \
             or rename it without `.toml`",
        )
    } else if kind.is_fifo() {
        (
            "a FIFO (named pipe)",
            "reading it could wait forever: remove it, or give it a name without `.toml`",
        )
    } else if kind.is_socket() {
        ("a socket", "remove it, or give it a name without `.toml`")
    } else if kind.is_char_device() || kind.is_block_device() {
        (
            "a device",
            "reading it may never end: remove it, or give it a name without `.toml`",
        )
    } else {
        (
            "not a regular file",
            "remove it, or give it a name without `.toml`",
        )
    };
    let message = if what.starts_with("not") {
        format!("this is {what}, so not a lesson file")
    } else {
        format!("this is {what}, not a lesson file")
    };
    Diagnostic::error("not-a-file", message)
        .label("not a file")
        .help(format!("a lesson is a text file; {help}"))
}

/// One file's results: the lesson (when it has no errors), and what cross-file checks need.
#[derive(Debug)]
pub struct ParsedLesson {
    pub path: PathBuf,
    pub lesson: Option<Lesson>,
    pub id: Option<Spanned<String>>,
    pub prerequisites: Vec<Spanned<String>>,
    pub diagnostics: Vec<Diagnostic>,
    /// What each of the lesson's clip slots holds, when asked for
    /// ([`CheckOptions::narration`]).
    pub narration: Option<LessonNarration>,
}

/// A lesson's narration: what each of its clip slots holds (a person's recording, a
/// draft, a stale one, or nothing), and the counts. Information for the author, not a
/// warning: a kiosk plays what there is and shows the text either way.
#[derive(Debug, Clone)]
pub struct LessonNarration {
    pub lesson: String,
    /// The content folder its recordings are under.
    pub root: PathBuf,
    pub coverage: crate::audio::slots::Coverage,
    /// Each slot's label (`lesson/file`) and status, in the lesson's order.
    pub clips: Vec<(String, crate::audio::slots::Status)>,
}

/// Parses and checks one lesson's text. `path` names the file in diagnostics and anchors
/// narration paths.
pub fn parse_lesson(path: &Path, text: &str, options: &CheckOptions) -> ParsedLesson {
    // Resolved once per file: it is a system call per folder of the path.
    let content = content_root(&std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()));
    let lines = LineIndex::new(text);
    let mut check = FileCheck::new(content.clone(), &lines, options);
    let mut out = ParsedLesson {
        path: path.to_owned(),
        lesson: None,
        id: None,
        prerequisites: Vec::new(),
        diagnostics: Vec::new(),
        narration: None,
    };
    let (root, mut syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        // The parser finds them in several passes: the first in the file is the one to
        // fix. Those after it mostly follow from it (a stray `"` makes dozens), so they
        // are counted, not shown.
        syntax.sort_by_key(|e| e.span().map_or(0, |s| s.start));
        out.diagnostics = syntax
            .iter()
            .take(MAX_SYNTAX_ERRORS)
            .map(|e| syntax_diagnostic(e, text).locate_in(path, &lines))
            .collect();
        if let Some(next) = syntax.get(MAX_SYNTAX_ERRORS) {
            let more = syntax.len() - MAX_SYNTAX_ERRORS;
            out.diagnostics.push(
                Diagnostic::error(
                    "toml-syntax",
                    format!("{more} more syntax errors may follow from the one above"),
                )
                .at(next.span().unwrap_or(0..0))
                .label("the next one")
                .help("fix the one above first, then check again: most of these will go with it")
                .locate_in(path, &lines),
            );
        }
        return out;
    }
    let whole = root.span();
    let steps = root
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "steps")
        .map(|(_, v)| v.clone());

    let head_file = match LessonFile::deserialize(toml::de::Deserializer::from(root)) {
        Ok(file) => Some(file),
        Err(e) => {
            check_push(
                &mut check,
                serde_error(&e, whole.clone(), LESSON_FIELDS, text),
            );
            None
        }
    };
    let head = head_file.as_ref().and_then(|f| check.head(f));

    let mut steps_checked = Vec::new();
    let mut step_ids: HashMap<String, Range<usize>> = HashMap::new();
    let mut practice = 0;
    let mut unreadable_steps = false;
    for value in step_values(steps) {
        let span = value.span();
        match StepFile::deserialize(ValueDeserializer::from(value)) {
            Ok(step) => {
                let id = step.id.get_ref().clone();
                if let Some(first) = step_ids.get(&id) {
                    let line = lines.position(first.start).line;
                    check_push(
                        &mut check,
                        Diagnostic::error("duplicate-step-id", format!("step id `{id}` is used twice in this lesson"))
                            .at(step.id.span())
                            .label(format!("first used on line {line}"))
                            .help("give each step its own id: progress and narration are saved against it"),
                    );
                } else {
                    step_ids.insert(id, step.id.span());
                }
                if *step.kind.get_ref() != super::StepKind::Explain {
                    practice += 1;
                }
                steps_checked.push(check.step(&step));
            }
            Err(e) => {
                check_push(&mut check, serde_error(&e, span, STEP_FIELDS, text));
                steps_checked.push(None);
                unreadable_steps = true;
            }
        }
    }
    if let Some(file) = &head_file {
        if file.steps.get_ref().is_empty() {
            check_push(
                &mut check,
                Diagnostic::error("no-steps", "this lesson has no steps")
                    .at(file.steps.span())
                    .help("add `[[steps]]` tables, one for each screen"),
            );
        } else if practice == 0 && !unreadable_steps {
            check_push(
                &mut check,
                Diagnostic::warning(
                    "no-practice",
                    "this lesson has no practice step, so nothing is mastered",
                )
                .at(file.id.span())
                .help("add a tap, choice, order, type or scan step so the learner can practise"),
            );
        }
        out.id = Some(file.id.clone());
        out.prerequisites = file.prerequisites.clone();
    }

    let has_errors = check.drafts.iter().any(|d| d.severity() == Severity::Error);
    out.diagnostics = check
        .drafts
        .drain(..)
        .map(|d| d.locate_in(path, &lines))
        .collect();
    if has_errors {
        return out;
    }
    if let (Some(file), Some(head)) = (head_file, head) {
        let review_days_given = file
            .mastery
            .as_ref()
            .is_some_and(|m| m.get_ref().review_days.is_some());
        out.lesson = Some(Lesson {
            id: file.id.into_inner(),
            topic: file.topic.into_inner(),
            title: head.title,
            summary: head.summary,
            minutes: head.minutes,
            prerequisites: head.prerequisites,
            mastery: head.mastery,
            review_days: head.review_days,
            review_days_given,
            steps: steps_checked.into_iter().flatten().collect(),
            source: path.to_owned(),
        });
    }
    if let Some(lesson) = out.lesson.as_ref().filter(|_| options.narration) {
        out.narration = Some(narration(&content, lesson));
    }
    out
}

/// What each clip slot of `lesson` holds, under the content folder `root`.
fn narration(root: &Path, lesson: &Lesson) -> LessonNarration {
    use crate::audio::slots::{coverage, lesson_slots};
    let slots = lesson_slots(lesson, "vi");
    let (counts, statuses) = coverage(root, &slots, "vi");
    LessonNarration {
        lesson: lesson.id.clone(),
        root: root.to_owned(),
        coverage: counts,
        clips: slots.iter().map(|s| s.label()).zip(statuses).collect(),
    }
}

fn check_push(check: &mut FileCheck<'_>, draft: Draft) {
    check.drafts.push(draft);
}

/// The step tables, each with its span (nothing when `steps` is missing or not an array:
/// the head's own error says so).
fn step_values(steps: Option<Spanned<DeValue<'_>>>) -> Vec<Spanned<DeValue<'_>>> {
    match steps.map(Spanned::into_inner) {
        Some(DeValue::Array(items)) => items.into_iter().collect(),
        _ => Vec::new(),
    }
}

const LESSON_FIELDS: &[&str] = &[
    "format_version",
    "id",
    "topic",
    "title",
    "summary",
    "minutes",
    "prerequisites",
    "mastery",
    "budget",
    "steps",
];

const STEP_FIELDS: &[&str] = &[
    "id",
    "name",
    "kind",
    "text",
    "hint",
    "narration",
    "right_feedback",
    "wrong_feedback",
    "screen",
    "target",
    "options",
    "items",
    "answer",
    "accept",
    "field",
    "input",
    "url",
    "shuffle",
];

/// A TOML syntax error, with what an author most likely did and how to fix it: a `"`
/// inside a text, a `{` or `[` never closed (pointed at where it opened), curly quotes
/// around a text, a text not ended on its line.
pub(crate) fn syntax_diagnostic(e: &toml::de::Error, text: &str) -> Draft {
    let message = first_line(e.message());
    let at = e.span().unwrap_or(0..0);
    let plain = |label: &str, help: &str| {
        Diagnostic::error("toml-syntax", message.clone())
            .at(at.clone())
            .label(label.to_owned())
            .help(help.to_owned())
    };
    let here = text.get(at.start..).and_then(|t| t.chars().next());
    if matches!(here, Some('“' | '”' | '‘' | '’')) {
        return plain(
            "curly quote",
            "put straight quotes \"…\" around a text; “ ” belong inside it: title = \"Cài “VNeID”\"",
        );
    }
    // What comes before the error (empty if its place is not a character's start).
    let head = text.get(..at.start).unwrap_or("");
    let before = head.trim_end_matches([' ', '\t']);
    if before.ends_with('"') && here.is_some_and(|c| c.is_alphanumeric() || c == '"') {
        return Diagnostic::error("toml-syntax", "a `\"` inside this text ends it early")
            .at(at.clone())
            .label("the text ended just before this")
            .help("write “ ” for quotes inside a Vietnamese text, or `\\\"`");
    }
    let line_of = |offset: usize| head.get(..offset).unwrap_or(head).matches('\n').count() + 1;
    if let Some((open, bracket)) = unclosed(head)
        && line_of(open) < line_of(at.start)
    {
        let line = line_of(open);
        let close = if bracket == '{' { '}' } else { ']' };
        let help = if bracket == '{' {
            format!("end it with `}}` on line {line}: a `{{ … }}` table stays on one line")
        } else {
            "end the list with `]` after its last item".to_owned()
        };
        return Diagnostic::error(
            "toml-syntax",
            format!("the `{bracket}` opened here is never closed with `{close}`"),
        )
        .at(open..open + 1)
        .label("opened here")
        .help(help);
    }
    if message.starts_with("invalid basic string") {
        return plain(
            "the text is not ended on its line",
            "end the text with `\"` before the line ends (for a new line inside it, write `\\n`)",
        );
    }
    plain(
        "here",
        "see docs/lesson-format.md for how a lesson file is written",
    )
}

/// The innermost `{` or `[` still open at the end of `text` (strings and comments
/// skipped): its byte offset and which it is. Table headers (`[[steps]]`) close on
/// their own line, so they are never left open.
fn unclosed(text: &str) -> Option<(usize, char)> {
    let mut open: Vec<(usize, char)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' | '\'' => {
                // A text over several lines ("""…"""): its lines are not TOML, so what
                // is open cannot be told.
                if text[i..].starts_with(if c == '"' { "\"\"\"" } else { "\'\'\'" }) {
                    return None;
                }
                let mut escaped = false;
                for (_, d) in chars.by_ref() {
                    if d == '\n' {
                        break;
                    }
                    if c == '"' && d == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if d == c && !escaped {
                        break;
                    }
                    escaped = false;
                }
            }
            '{' | '[' => open.push((i, c)),
            '}' | ']' => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// Turns serde's message into a diagnostic with a code and, for a typo, a suggestion.
fn serde_error(
    e: &toml::de::Error,
    fallback: Range<usize>,
    fields: &[&str],
    source: &str,
) -> Draft {
    let message = first_line(e.message());
    let span = e.span().unwrap_or(fallback);
    if message.starts_with("invalid type")
        && let Some((message, help)) = plain_type_error(&message, source, &span)
    {
        return Diagnostic::error("wrong-type", message)
            .at(span)
            .label("wrong type")
            .help(help);
    }
    let quoted = message.split('`').nth(1).unwrap_or("");
    let (code, label, help) = if message.starts_with("unknown field") {
        let expected: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .map(|list| list.split(", ").map(|s| s.trim_matches('`')).collect())
            .unwrap_or_else(|| fields.to_vec());
        let help = match closest(quoted, &expected) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("fields here: `{}`", expected.join("`, `")),
        };
        ("unknown-field", "not a field of this table", help)
    } else if message.starts_with("missing field") {
        (
            "missing-field",
            if std::ptr::eq(fields, LESSON_FIELDS) {
                "missing from this lesson"
            } else {
                "missing from this table"
            },
            format!("add `{quoted} = …` (see docs/lesson-format.md)"),
        )
    } else if message.starts_with("unknown variant") {
        let expected: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .map(|list| list.split(", ").map(|s| s.trim_matches('`')).collect())
            .unwrap_or_default();
        let help = match closest(quoted, &expected) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("one of: `{}`", expected.join("`, `")),
        };
        ("unknown-value", "not one of the allowed values", help)
    } else if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
    {
        (
            "wrong-type",
            "wrong type",
            "see docs/lesson-format.md for what this field takes".to_owned(),
        )
    } else {
        ("invalid", "here", "see docs/lesson-format.md".to_owned())
    };
    let message = match code {
        "unknown-field" | "unknown-value" => message
            .split(", expected")
            .next()
            .unwrap_or(&message)
            .to_owned(),
        _ => message,
    };
    Diagnostic::error(code, message)
        .at(span)
        .label(label)
        .help(help)
}

/// serde's "invalid type: string \"2\", expected u32" in an author's words: what the
/// field takes and how to write it, e.g. "`n` takes a whole number, without quotes:
/// `n = 2`". None for a type this does not know.
fn plain_type_error(message: &str, source: &str, span: &Range<usize>) -> Option<(String, String)> {
    let expected = message.rsplit("expected ").next()?.trim();
    let line_start = source.get(..span.start)?.rfind('\n').map_or(0, |i| i + 1);
    let before = source.get(line_start..span.start)?;
    // The key: the last word before `=` (also inside an inline table: `{ rule = …, n = `).
    let key = before
        .trim_end()
        .strip_suffix('=')
        .and_then(|k| {
            k.trim_end()
                .rsplit(|c: char| c == ',' || c == '{' || c.is_whitespace())
                .next()
        })
        .map(|k| k.trim_matches('"').to_owned())
        .filter(|k| !k.is_empty());
    let value = source.get(span.clone()).unwrap_or("").trim();
    let unquoted = value.trim_matches('"');
    let field = key
        .as_deref()
        .map_or("this field".to_owned(), |k| format!("`{k}`"));
    let write = |example: &str| match &key {
        Some(k) => format!("`{k} = {example}`"),
        None => format!("`{example}`"),
    };
    let (takes, help) = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "an integer" => {
            let number = if !unquoted.is_empty() && unquoted.chars().all(|c| c.is_ascii_digit()) {
                unquoted
            } else {
                "2"
            };
            (
                "a whole number",
                format!("write it without quotes: {}", write(number)),
            )
        }
        "a boolean" => (
            "`true` or `false`",
            format!("write it without quotes: {}", write("true")),
        ),
        "a string" => (
            "text",
            format!("put it in quotes: {}", write(&format!("\"{unquoted}\""))),
        ),
        "a sequence" => (
            "a list",
            format!(
                "put the items in square brackets, separated by commas: {}",
                write(&format!("[{value}]"))
            ),
        ),
        _ => return None,
    };
    Some((format!("{field} takes {takes}"), help))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or("").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_bracket_is_found_outside_texts_and_not_guessed_in_a_long_text() {
        assert_eq!(unclosed("a = { b = \"{\" }\nc = ["), Some((20, '[')));
        assert_eq!(unclosed("a = [1, 2]\n# [\nb = \"[\""), None);
        assert_eq!(unclosed("a = \"\"\"\n[ x\n\"\"\"\nb = {"), None);
    }
}
