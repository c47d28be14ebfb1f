//! Problems found in lesson files, with where they are and how to fix them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// One problem in one lesson file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub severity: Severity,
    /// Stable, kebab-case: what editors and CI match on (e.g. `unknown-target`).
    pub code: &'static str,
    pub message: String,
    /// Byte range in the file; empty ranges point between characters.
    pub span: Range<usize>,
    /// Short text under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    /// The position, computed from the file's text.
    pub start: Position,
    pub end: Position,
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text and to a char boundary).
    /// Scans the text: for many offsets in one text, use a [`LineIndex`].
    pub fn of(text: &str, offset: usize) -> Position {
        LineIndex::new(text).position(offset)
    }
}

/// Where each line of a text starts, so that the position of an offset is a binary
/// search and a count within its line, not a scan of the whole text. A file with
/// thousands of problems is located (and rendered) in time linear in its size.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { text, starts }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The 0-based line holding byte `offset`.
    fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// The position of byte `offset` (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_char_boundary(self.text, offset);
        let line = self.line_index(offset);
        Position {
            line: line + 1,
            column: self.text[self.starts[line]..offset].chars().count() + 1,
        }
    }
}

/// A diagnostic being built: `Diagnostic::error(code, message).at(span)…`.
#[derive(Debug, Clone)]
pub struct Draft {
    severity: Severity,
    code: &'static str,
    message: String,
    span: Range<usize>,
    label: Option<String>,
    help: Option<String>,
}

impl Draft {
    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn at(mut self, span: Range<usize>) -> Self {
        self.span = span;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the draft in `file`, whose text is `text`, computing line and column.
    /// Scans the text: for many drafts in one text, use [`Draft::locate_in`].
    pub fn locate(self, file: &Path, text: &str) -> Diagnostic {
        self.locate_in(file, &LineIndex::new(text))
    }

    /// Places the draft in `file`, whose lines are indexed by `lines`.
    pub fn locate_in(self, file: &Path, lines: &LineIndex<'_>) -> Diagnostic {
        let span = clamp_span(self.span, lines.text);
        Diagnostic {
            file: file.to_owned(),
            severity: self.severity,
            code: self.code,
            message: self.message,
            start: lines.position(span.start),
            end: lines.position(span.end),
            span,
            label: self.label,
            help: self.help,
        }
    }
}

/// The span within the text, its ends on char boundaries.
fn clamp_span(span: Range<usize>, text: &str) -> Range<usize> {
    let start = floor_char_boundary(text, span.start);
    start..floor_char_boundary(text, span.end.max(start))
}

/// `offset` clamped to the text and moved back to a char boundary.
fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Lines longer than this are cut around the span when rendered.
const LONG_LINES: usize = 4096;
/// Bytes shown either side of the span, and of the span itself, in a cut.
const CUT_CONTEXT: usize = 256;
const CUT_SPAN: usize = 2048;

/// The part of `lines` to show for `span`: all of them, unless they are long.
fn shown_part(text: &str, span: &Range<usize>, lines: &Range<usize>) -> Range<usize> {
    if lines.len() <= LONG_LINES {
        return lines.clone();
    }
    let start = floor_char_boundary(text, span.start.saturating_sub(CUT_CONTEXT)).max(lines.start);
    let span_end = span.end.min(span.start + CUT_SPAN);
    let mut end = (span_end + CUT_CONTEXT).min(lines.end);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

/// `rendered` with a ` --> file:line:column` line before its first gutter line (`  |`).
fn with_location(rendered: &str, at: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + at.len() + 8);
    let mut placed = false;
    for line in rendered.split_inclusive('\n') {
        if !placed {
            let plain = without_escapes(line);
            if let Some(bar) = plain.find('|').filter(|&i| plain[..i].trim().is_empty()) {
                out.push_str(&" ".repeat(bar.saturating_sub(1)));
                out.push_str("--> ");
                out.push_str(at);
                out.push('\n');
                placed = true;
            }
        }
        out.push_str(line);
    }
    out
}

/// `text` without ANSI colour sequences (`ESC [ … letter`).
fn without_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The byte range of the whole lines that `span` touches, without the last newline: a
/// search from the span's ends, so its cost is that of the lines, not of the text.
fn lines_around(text: &str, span: &Range<usize>) -> Range<usize> {
    let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    start..end
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Draft {
        Draft::new(Severity::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Draft {
        Draft::new(Severity::Warning, code, message)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The diagnostic with its source lines, line numbers and a caret, as a person reads it.
    /// `text` is the file's text (when it could be read as text at all).
    pub fn render(&self, text: Option<&str>, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = self.file.display().to_string();
        let title = level.primary_title(&self.message).id(self.code);
        let mut groups = Vec::new();
        match text {
            Some(text) => {
                // Only the lines the span touches, and of a very long line only the part
                // around the span: rendering the whole file (or a 1 MiB line) for each of
                // thousands of problems would take time quadratic in its size.
                let span = clamp_span(self.span.clone(), text);
                let lines = lines_around(text, &span);
                let shown = shown_part(text, &span, &lines);
                let source = if shown == lines {
                    std::borrow::Cow::Borrowed(&text[shown.clone()])
                } else {
                    let before = if shown.start > lines.start { "…" } else { "" };
                    let after = if shown.end < lines.end { "…" } else { "" };
                    format!("{before}{}{after}", &text[shown.clone()]).into()
                };
                let offset = |at: usize| {
                    let marker = if shown.start > lines.start {
                        "…".len()
                    } else {
                        0
                    };
                    at.clamp(shown.start, shown.end) - shown.start + marker
                };
                let mut annotation =
                    AnnotationKind::Primary.span(offset(span.start)..offset(span.end));
                if let Some(label) = &self.label {
                    annotation = annotation.label(label);
                }
                let mut snippet = Snippet::source(source)
                    .line_start(self.start.line.max(1))
                    .annotation(annotation);
                let cut = shown.start > lines.start;
                if !cut {
                    snippet = snippet.path(&path);
                }
                let mut group = Group::with_title(title).element(snippet);
                if let Some(help) = &self.help {
                    group = group.element(Level::HELP.message(help));
                }
                groups.push(group);
                if cut {
                    // The columns of a cut line would be counted from the cut: say where
                    // it is ourselves, where the renderer would.
                    let at = format!("{path}:{}:{}", self.start.line, self.start.column);
                    return with_location(&renderer.render(&groups), &at);
                }
            }
            None => {
                let mut group = Group::with_title(title).element(Level::NOTE.message(format!(
                    "in {path}:{}:{}",
                    self.start.line, self.start.column
                )));
                if let Some(help) = &self.help {
                    group = group.element(Level::HELP.message(help));
                }
                groups.push(group);
            }
        }
        renderer.render(&groups)
    }

    /// The machine-readable form: what `hocso check --format json` prints for each problem.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file.display().to_string(),
            "line": self.start.line,
            "column": self.start.column,
            "end_line": self.end.line,
            "end_column": self.end.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "label": self.label,
            "help": self.help,
        })
    }
}

impl Draft {
    fn new(severity: Severity, code: &'static str, message: impl Into<String>) -> Self {
        Draft {
            severity,
            code,
            message: message.into(),
            span: 0..0,
            label: None,
            help: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nbé = \"ừ\"\n";
        assert_eq!(Position::of(text, 0), Position { line: 1, column: 1 });
        let at = text.find("= \"").unwrap();
        // "bé " is 3 characters but 4 bytes: the column counts characters.
        assert_eq!(Position::of(text, at), Position { line: 2, column: 4 });
        assert_eq!(Position::of(text, 10_000).line, 3, "clamped to the end");
        // Inside a multi-byte character: moves back to its start.
        let inside = text.find('é').unwrap() + 1;
        assert_eq!(Position::of(text, inside), Position { line: 2, column: 2 });
    }

    #[test]
    fn the_line_index_agrees_with_counting_from_the_start() {
        let text = "a = 1\n\nbé = \"ừ\"\r\n  x\n\u{301}y\n";
        let lines = LineIndex::new(text);
        for offset in 0..=text.len() + 2 {
            let mut at = offset.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let counted = Position {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            };
            assert_eq!(lines.position(offset), counted, "offset {offset}");
        }
    }

    #[test]
    fn rendering_shows_only_the_lines_of_the_span() {
        let text = "dong-mot = 1\nhai = 2\nba = \"sai\"\nbon = 4\n";
        let start = text.find("\"sai\"").unwrap();
        let d = Diagnostic::error("wrong-type", "wrong")
            .at(start..start + 5)
            .locate(Path::new("x.toml"), text);
        let out = d.render(Some(text), &Renderer::plain());
        assert!(out.contains("x.toml:3:6"), "{out}");
        assert!(out.contains("3 | ba = \"sai\""), "{out}");
        assert!(!out.contains("dong-mot") && !out.contains("bon"), "{out}");
        // A span that starts inside a character is moved back to its start.
        let inside = text.len() + 1;
        let text = format!("{text}ờ = 1");
        let d = Diagnostic::error("x", "y")
            .at(inside..inside + 1)
            .locate(Path::new("x.toml"), &text);
        assert_eq!(d.span, inside - 1..inside - 1);
        assert!(
            d.render(Some(&text), &Renderer::plain())
                .contains("x.toml:5:1")
        );
    }

    #[test]
    fn a_very_long_line_is_cut_around_the_span() {
        let text = format!(
            "x = [{}\"sai\", {}]\n",
            "1, ".repeat(100_000),
            "2, ".repeat(100_000)
        );
        let start = text.find("\"sai\"").unwrap();
        let d = Diagnostic::error("wrong-type", "wrong type")
            .at(start..start + 5)
            .label("text")
            .locate(Path::new("x.toml"), &text);
        let out = d.render(Some(&text), &Renderer::plain());
        assert!(
            out.contains(&format!(" --> x.toml:1:{}\n", start + 1)),
            "{out}"
        );
        assert_eq!(out.matches("-->").count(), 1, "{out}");
        assert!(out.contains("^^^^^ text"), "{out}");
        let styled = d.render(Some(&text), &Renderer::styled());
        assert!(
            styled.contains(&format!(" --> x.toml:1:{}\n", start + 1)),
            "{styled}"
        );
        assert!(out.len() < 2 * (CUT_CONTEXT + 200), "{} bytes", out.len());
        // The caret is under the span.
        let source = out.lines().find(|l| l.contains("\"sai\"")).unwrap();
        let caret = out.lines().find(|l| l.contains("^^^^^")).unwrap();
        assert_eq!(
            source[..source.find("\"sai\"").unwrap()].chars().count(),
            caret[..caret.find('^').unwrap()].chars().count(),
            "{out}"
        );
    }

    #[test]
    fn rendering_shows_file_line_caret_and_help() {
        let text = "id = \"x\"\ntarget = \"nut-sai\"\n";
        let start = text.find("\"nut-sai\"").unwrap();
        let d = Diagnostic::error("unknown-target", "no element `nut-sai` on this screen")
            .at(start..start + 9)
            .label("not on the screen")
            .help("elements here: `nut-dung`")
            .locate(Path::new("lessons/x.toml"), text);
        assert_eq!((d.start.line, d.start.column), (2, 10));
        let out = d.render(Some(text), &Renderer::plain());
        assert!(
            out.contains("error[unknown-target]: no element `nut-sai`"),
            "{out}"
        );
        assert!(out.contains("lessons/x.toml:2:10"), "{out}");
        assert!(out.contains("^^^^^^^^^ not on the screen"), "{out}");
        assert!(out.contains("help: elements here: `nut-dung`"), "{out}");
    }
}
