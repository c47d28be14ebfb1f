//! Checks on one lesson file, turning what was written into a checked [`Lesson`].
//!
//! Every check pushes a [`Draft`] and carries on, so an author sees all the problems of
//! a file at once. A file with any error yields no lesson.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use toml::Spanned;
use unicode_normalization::is_nfc;

use super::MAX_NAME_WORDS;
use super::budget::{ReadingBudget, syllables};
use super::diagnostic::{Diagnostic, Draft, LineIndex, Severity};
use super::file::{
    BudgetFile, ButtonFile, ChoiceFile, ElementFile, ElementKind, InputMethod, LessonFile,
    MasteryFile, RuleKind, ScreenFile, StepFile, StepKind,
};
use super::text::{LocalText, PRIMARY_LOCALE, TextFile, nfc};
use super::visible::{self, LearnerText, Problem, Role};
use super::{
    Button, ChoiceOption, DEFAULT_LOCALES, DEFAULT_REVIEW_DAYS, Element, FORMAT_VERSION,
    MIN_TEXT_COLUMNS, MasteryRule, PLACEHOLDER, Screen, Step, Task, is_valid_id,
};
use crate::typing::{self, keyboard};

/// What the checker expects of lessons beyond their own rules.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Locales the kiosk offers: a text that lacks one of them gets a warning.
    pub locales: Vec<String>,
    /// Find what each clip slot holds (a person's recording, a draft, stale, missing):
    /// what `hocso check` reports, and what the kiosk need not spend its start-up on.
    pub narration: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            locales: DEFAULT_LOCALES.iter().map(|l| l.to_string()).collect(),
            narration: false,
        }
    }
}

/// The folder narration paths are relative to: the one that holds the lesson's folder
/// (for `lessons/x.toml`, the folder holding `lessons/` and `assets/`).
pub fn content_root(lesson_path: &Path) -> PathBuf {
    lesson_path
        .parent()
        .and_then(Path::parent)
        .map(Path::to_owned)
        .unwrap_or_default()
}

/// The state of checking one file.
pub(crate) struct FileCheck<'a> {
    lines: &'a LineIndex<'a>,
    options: &'a CheckOptions,
    content_root: PathBuf,
    /// The reading budgets of the lesson being checked: its own `[budget]`, once checked.
    budget: ReadingBudget,
    /// The budgets are the lesson's own (its `[budget]` table), not the usual ones.
    own_budget: bool,
    pub drafts: Vec<Draft>,
}

impl<'a> FileCheck<'a> {
    /// Checks a lesson file's text (through its line table), from a lesson file whose
    /// content folder is `content_root`.
    pub fn new(content_root: PathBuf, lines: &'a LineIndex<'a>, options: &'a CheckOptions) -> Self {
        FileCheck {
            lines,
            options,
            content_root,
            budget: ReadingBudget::DEFAULT,
            own_budget: false,
            drafts: Vec::new(),
        }
    }

    fn push(&mut self, draft: Draft) {
        self.drafts.push(draft);
    }

    fn has_errors_since(&self, mark: usize) -> bool {
        self.drafts[mark..]
            .iter()
            .any(|d| d.severity() == Severity::Error)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.position(offset).line
    }

    /// The checked lesson head (everything but the steps), or None after errors.
    pub fn head(&mut self, file: &LessonFile) -> Option<Head> {
        let mark = self.drafts.len();
        let version = *file.format_version.get_ref();
        if version != FORMAT_VERSION {
            self.push(
                Diagnostic::error(
                    "format-version",
                    format!("lesson format {version} is not one this hocso reads"),
                )
                .at(file.format_version.span())
                .label("unsupported version")
                .help(format!(
                    "this hocso reads `format_version = {FORMAT_VERSION}`"
                )),
            );
        }
        self.id(&file.id, "lesson id");
        self.id(&file.topic, "topic");
        for text in visible::head_texts(file) {
            self.learner_text(&text);
        }
        let title = self.text(&file.title, "title");
        let summary = self.text(&file.summary, "summary");
        let minutes = *file.minutes.get_ref();
        if minutes == 0 || minutes > 120 {
            self.push(
                Diagnostic::error("minutes", "minutes must be between 1 and 120")
                    .at(file.minutes.span())
                    .help("estimate a first pass at a calm pace; split longer lessons"),
            );
        }
        let mut prerequisites = Vec::new();
        for p in &file.prerequisites {
            self.id(p, "prerequisite");
            prerequisites.push(p.get_ref().clone());
        }
        let (mastery, review_days) = match &file.mastery {
            Some(m) => self.mastery(m.get_ref()),
            None => (MasteryRule::default(), DEFAULT_REVIEW_DAYS.to_vec()),
        };
        if let Some(budget) = &file.budget {
            self.budget(budget);
        }
        if self.has_errors_since(mark) {
            return None;
        }
        Some(Head {
            title: title?,
            summary: summary?,
            minutes,
            prerequisites,
            mastery,
            review_days,
        })
    }

    fn mastery(&mut self, m: &MasteryFile) -> (MasteryRule, Vec<u32>) {
        let n = m.n.as_ref().map(|n| *n.get_ref());
        let rule = match m.rule.get_ref() {
            RuleKind::InARow => {
                if let Some(extra) = &m.m {
                    self.not_for("m", extra.span(), "the `m_of_n` rule");
                }
                MasteryRule::InARow { n: n.unwrap_or(2) }
            }
            RuleKind::MOfN => match (&m.m, n) {
                (Some(mm), Some(n)) => {
                    let mv = *mm.get_ref();
                    if mv > n {
                        self.push(
                            Diagnostic::error(
                                "mastery-rule",
                                format!("m = {mv} is more than n = {n}"),
                            )
                            .at(mm.span())
                            .help("m of the last n answers must be right: m cannot exceed n"),
                        );
                    }
                    MasteryRule::MOfN { m: mv, n }
                }
                _ => {
                    self.push(
                        Diagnostic::error(
                            "mastery-rule",
                            "the `m_of_n` rule needs both `m` and `n`",
                        )
                        .at(m.rule.span())
                        .help("for example: rule = \"m_of_n\", m = 3, n = 4"),
                    );
                    MasteryRule::default()
                }
            },
            RuleKind::All => {
                for (name, v) in [("m", &m.m), ("n", &m.n)] {
                    if let Some(v) = v {
                        self.not_for(name, v.span(), "the `in_a_row` and `m_of_n` rules");
                    }
                }
                MasteryRule::All
            }
        };
        for (name, v) in [("m", &m.m), ("n", &m.n)] {
            if let Some(v) = v
                && !(1..=20).contains(v.get_ref())
            {
                self.push(
                    Diagnostic::error("mastery-rule", format!("`{name}` must be between 1 and 20"))
                        .at(v.span()),
                );
            }
        }
        let review_days = match &m.review_days {
            Some(days) => {
                let d = days.get_ref();
                let increasing = d.windows(2).all(|w| w[0] < w[1]);
                if d.is_empty() || d[0] == 0 || !increasing {
                    self.push(
                        Diagnostic::error(
                            "review-days",
                            "review days must be positive and increasing",
                        )
                        .at(days.span())
                        .help("for example: review_days = [1, 3, 7, 21, 60]"),
                    );
                }
                d.clone()
            }
            None => DEFAULT_REVIEW_DAYS.to_vec(),
        };
        (rule, review_days)
    }

    /// The lesson's own reading budgets: each within bounds, and a reason for them. Until
    /// they are right, the usual budgets apply.
    fn budget(&mut self, table: &Spanned<BudgetFile>) {
        let mark = self.drafts.len();
        let b = table.get_ref();
        match &b.reason {
            None => self.push(
                Diagnostic::error("budget-reason", "a `[budget]` table needs a `reason`")
                    .at(table.span())
                    .label("budgets with no reason")
                    .help(
                        "say why this lesson's texts may be longer than others', e.g. \
                         reason = \"…\"; or remove the table and split the long texts",
                    ),
            ),
            Some(reason) if reason.get_ref().trim().is_empty() => self.push(
                Diagnostic::error("budget-reason", "the budget's `reason` is empty")
                    .at(reason.span())
                    .help("say why this lesson's texts may be longer than others'"),
            ),
            Some(_) => {}
        }
        let (usual, most) = (ReadingBudget::DEFAULT, ReadingBudget::MAX);
        let mut budget = usual;
        for (name, value, usual, max, slot) in [
            (
                "explain",
                &b.explain,
                usual.explain,
                most.explain,
                &mut budget.explain,
            ),
            (
                "question",
                &b.question,
                usual.question,
                most.question,
                &mut budget.question,
            ),
            ("hint", &b.hint, usual.hint, most.hint, &mut budget.hint),
        ] {
            let Some(value) = value else { continue };
            let n = *value.get_ref() as usize;
            if !(1..=max).contains(&n) {
                self.push(
                    Diagnostic::error(
                        "budget-value",
                        format!("the `{name}` budget must be between 1 and {max} syllables"),
                    )
                    .at(value.span())
                    .help(format!(
                        "the usual budget is {usual}; a lesson may raise it to twice that, \
                         with its reason"
                    )),
                );
            }
            *slot = n;
        }
        if !self.has_errors_since(mark) {
            self.budget = budget;
            self.own_budget = true;
        }
    }

    /// Warns about a step's texts that are longer than the lesson's reading budgets (in
    /// Vietnamese: the language the kiosk's learners read).
    fn reading(&mut self, step: &StepFile, kind: StepKind) {
        const SPLIT: &str = "split it into two steps, or show the rules as a short list";
        let (what, budget) = match kind {
            StepKind::Explain => ("explanation", self.budget.explain),
            StepKind::Choice => ("question", self.budget.question),
            _ => ("instruction", self.budget.question),
        };
        self.over_budget(&step.text, what, budget, SPLIT);
        // An `explain` step's hint is never shown (and has its own warning).
        if let Some(hint) = step.hint.as_ref().filter(|_| kind != StepKind::Explain) {
            self.over_budget(
                hint,
                "hint",
                self.budget.hint,
                "a hint is one short pointer (where to look, what to notice): move the rest \
                 into the step's text, or into an `explain` step before it",
            );
        }
    }

    fn over_budget(&mut self, text: &Spanned<TextFile>, what: &str, budget: usize, help: &str) {
        let Some((value, span)) = TextFile::vietnamese(text) else {
            return;
        };
        let count = syllables(value);
        if count <= budget {
            return;
        }
        let whose = if self.own_budget {
            "this lesson's"
        } else {
            "the"
        };
        self.push(
            Diagnostic::warning(
                "reading-budget",
                format!(
                    "this {what} is {count} syllables long, over {whose} reading budget of \
                     {budget}"
                ),
            )
            .at(span)
            .label(format!("{count} syllables to read"))
            .help(help),
        );
    }

    /// Checks a step's name: a text like the others, and short enough to stand in a list.
    fn step_name(&mut self, name: &Spanned<TextFile>) -> Option<LocalText> {
        for (locale, value) in name.get_ref().entries() {
            let words = syllables(value);
            if words > MAX_NAME_WORDS {
                self.push(
                    Diagnostic::warning(
                        "long-step-name",
                        format!(
                            "this step's name ({locale}) is {words} words long, over \
                             {MAX_NAME_WORDS}"
                        ),
                    )
                    .at(name.span())
                    .label(format!("{words} words"))
                    .help(
                        "a name stands for the step in lists (the summary, the card, the \
                         reports): say what is practised in a few words, e.g. \
                         \"Tin nhắn lạ đòi mã OTP\"",
                    ),
                );
            }
        }
        self.text(name, "name")
    }

    fn not_for(&mut self, field: &str, span: Range<usize>, belongs_to: &str) {
        self.push(
            Diagnostic::error(
                "field-not-for-kind",
                format!("`{field}` does not belong here"),
            )
            .at(span)
            .label("not used here")
            .help(format!("`{field}` is for {belongs_to}; remove it")),
        );
    }

    /// Checks an id's spelling.
    fn id(&mut self, id: &Spanned<String>, what: &str) {
        if !is_valid_id(id.get_ref()) {
            self.push(
                Diagnostic::error("invalid-id", format!("{what} `{}` is not a valid id", id.get_ref()))
                    .at(id.span())
                    .help("use lowercase letters without accents, digits and single hyphens, e.g. \"vneid-cai-dat\""),
            );
        }
    }

    /// Checks a learner-facing text; returns it normalised unless it has errors.
    pub fn text(&mut self, text: &Spanned<TextFile>, what: &str) -> Option<LocalText> {
        self.any_text(text, what, true)
    }

    /// Checks a text on the pretend phone. A real phone in Vietnam shows Vietnamese, and
    /// app names are the same in every language, so a translation is welcome but not
    /// asked for.
    fn phone_text(&mut self, text: &Spanned<TextFile>, what: &str) -> Option<LocalText> {
        self.any_text(text, what, false)
    }

    fn any_text(
        &mut self,
        text: &Spanned<TextFile>,
        what: &str,
        every_locale: bool,
    ) -> Option<LocalText> {
        let mark = self.drafts.len();
        let whole = text.span();
        // Locales a misspelt key was most likely meant to be: their absence is the same
        // slip, already reported.
        let mut meant: Vec<&str> = Vec::new();
        match text.get_ref() {
            TextFile::Plain(s) => self.text_value(s, whole.clone(), what),
            TextFile::Localized(pairs) => {
                if pairs.is_empty() {
                    self.push(
                        Diagnostic::error("empty-text", format!("{what} is an empty table"))
                            .at(whole.clone())
                            .help("write the Vietnamese text: { vi = \"…\" }"),
                    );
                }
                for (locale, value) in pairs {
                    if let Some(near) = self.locale_key(locale) {
                        meant.push(near);
                    }
                    self.text_value(value.get_ref(), value.span(), what);
                }
                if !pairs.is_empty() && !pairs.iter().any(|(l, _)| l.get_ref() == PRIMARY_LOCALE) {
                    self.push(
                        Diagnostic::error(
                            "missing-vietnamese",
                            format!("{what} has no Vietnamese text"),
                        )
                        .at(whole.clone())
                        .help("add `vi = \"…\"`: Vietnamese is the language every text must have"),
                    );
                }
            }
        }
        self.placeholder(text, what);
        let entries = text.get_ref().entries();
        let missing: Vec<&str> = self
            .options
            .locales
            .iter()
            .map(String::as_str)
            .filter(|l| *l != PRIMARY_LOCALE && !entries.iter().any(|(have, _)| have == l))
            .filter(|l| !meant.contains(l))
            .collect();
        if every_locale && !missing.is_empty() && !entries.is_empty() {
            let list = missing.join("`, `");
            self.push(
                Diagnostic::warning("missing-locale", format!("{what} has no `{list}` text"))
                    .at(whole)
                    .label("the kiosk also offers this language")
                    .help(format!(
                        "write it as a table: {{ vi = \"…\", {} = \"…\" }}",
                        missing[0]
                    )),
            );
        }
        (!self.has_errors_since(mark)).then(|| text.get_ref().to_local())
    }

    /// Warns where a text still holds the scaffold's placeholder mark ([`PLACEHOLDER`]):
    /// once for the text, at the first mark as written.
    fn placeholder(&mut self, text: &Spanned<TextFile>, what: &str) {
        let values = TextFile::values(text);
        let marked = |value: &str| {
            nfc(value)
                .to_lowercase()
                .contains(&PLACEHOLDER.to_lowercase())
        };
        let first = values
            .into_iter()
            .filter(|(value, _)| marked(value))
            .min_by_key(|(_, span)| span.start);
        if let Some((_, span)) = first {
            let at = self.find_in(span, PLACEHOLDER);
            self.push(
                Diagnostic::warning(
                    "placeholder-left",
                    format!("{what} is still a placeholder from `hocso new`"),
                )
                .at(at)
                .label("to be written")
                .help(format!(
                    "write the lesson's own text here, and remove `{PLACEHOLDER}`"
                )),
            );
        }
    }

    /// What is said after a right answer follows the kiosk's own "Đúng rồi! Bác làm tốt
    /// lắm.": a text that opens with praise again says it twice.
    fn praise_again(&mut self, text: &Spanned<TextFile>) {
        const PRAISE: &[&str] = &[
            "đúng rồi",
            "tốt lắm",
            "rất tốt",
            "right",
            "well done",
            "very good",
        ];
        let values = TextFile::values(text);
        for (value, span) in values {
            let lower = nfc(value.trim_start()).to_lowercase();
            let Some(word) = PRAISE.iter().find(|p| {
                lower.starts_with(**p)
                    && !lower[p.len()..].starts_with(|c: char| c.is_alphanumeric())
            }) else {
                continue;
            };
            self.push(
                Diagnostic::warning(
                    "praise-repeated",
                    format!("the kiosk has just said “Đúng rồi! Bác làm tốt lắm.”; this opens with “{word}” again"),
                )
                .at(span)
                .label("said twice")
                .help("start with why it is right: “CH Play là nơi cài ứng dụng an toàn.”"),
            );
            return;
        }
    }

    /// Checks a key of a locale table: a language the kiosk shows, else a diagnostic with
    /// the language it was most likely meant to be (returned). A key that is no language
    /// code at all (`en-US`, `EN`) is an error; a code the kiosk never shows (`eng`, `vn`,
    /// `fr`) a warning, as its text is never read but the lesson still works.
    fn locale_key(&mut self, locale: &Spanned<String>) -> Option<&'a str> {
        let key = locale.get_ref().as_str();
        let shown = self.shown_locales();
        if shown.contains(&key) {
            return None;
        }
        let near = meant_locale(key, &shown);
        let offered = |shown: &[&str]| {
            let mut offered: Vec<&str> = shown.to_vec();
            offered.sort_unstable();
            offered.dedup();
            format!("`{}`", offered.join("`, `"))
        };
        let draft = if is_locale_code(key) {
            Diagnostic::warning(
                "unknown-locale",
                format!("`{key}` is not a language this kiosk shows: this text is never read"),
            )
            .label("not a language of the kiosk")
            .help(match near {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!(
                    "the kiosk shows {}; `hocso check --languages` names any other it offers",
                    offered(&shown)
                ),
            })
        } else {
            Diagnostic::error("locale-key", format!("`{key}` is not a locale code"))
                .label("not a language code")
                .help(match near {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "use a language code such as `vi` or `en`".to_owned(),
                })
        };
        self.push(draft.at(locale.span()));
        near
    }

    fn text_value(&mut self, value: &str, span: Range<usize>, what: &str) {
        if value.trim().is_empty() {
            self.push(
                Diagnostic::error("empty-text", format!("{what} is empty"))
                    .at(span)
                    .help("write what the learner should read, or remove the field"),
            );
            return;
        }
        if !is_nfc(value) {
            self.push(
                Diagnostic::warning("not-nfc", format!("{what} is not in Unicode NFC form"))
                    .at(span.clone())
                    .label("decomposed accents: some terminals draw these wrongly")
                    .help(if value.chars().any(|c| c.is_control() || visible::is_bidi_control(c)) {
                        "write it precomposed (`hocso check --fix` rewrites the file)".to_owned()
                    } else {
                        format!(
                            "write it precomposed: \"{}\" (`hocso check --fix` rewrites the file)",
                            nfc(value)
                        )
                    }),
            );
        }
        for word in value.split_whitespace() {
            let width = visible::columns(word);
            if width > MIN_TEXT_COLUMNS {
                let at = self.find_in(span.clone(), word);
                self.push(
                    Diagnostic::error(
                        "word-too-long",
                        format!(
                            "a word {width} columns wide cannot fit a {MIN_TEXT_COLUMNS}-column line"
                        ),
                    )
                    .at(at)
                    .label("cut in two on the smallest screen")
                    .help("break it with spaces, or show a long address with a `scan` step instead"),
                );
            }
        }
    }

    /// The languages a learner may see a text in: the interface's, and any other the
    /// kiosk is said to offer.
    fn shown_locales(&self) -> Vec<&'a str> {
        DEFAULT_LOCALES
            .iter()
            .copied()
            .chain(self.options.locales.iter().map(String::as_str))
            .collect()
    }

    /// Checks what a learner reads or types, character by character (see
    /// [`visible::problems`]); a scan address as an address.
    fn learner_text(&mut self, text: &LearnerText<'_>) {
        let what = text.what;
        if text.role == Role::Address {
            if let Some((message, help, at)) = visible::address_problem(text.value) {
                let at = self.find_in(text.span.clone(), &text.value[at]);
                self.push(
                    Diagnostic::error("scan-url", message)
                        .at(at)
                        .label("not a plain https://host/… address")
                        .help(help),
                );
            }
            return;
        }
        for (problem, at) in visible::problems(text.value, text.role) {
            let at = match problem {
                Problem::NothingVisible => text.span.clone(),
                _ => self.find_in(text.span.clone(), &text.value[at]),
            };
            let draft = match problem {
                Problem::Control(c) => Diagnostic::error(
                    "control-character",
                    format!(
                        "{what} contains the control character {}",
                        visible::describe(c)
                    ),
                )
                .label("never shown: it would drive the terminal")
                .help(if text.role == Role::Prose {
                    "remove it: lesson text is plain text (a line break is \\n)"
                } else {
                    "remove it: lesson text is plain text"
                }),
                Problem::LineBreak => Diagnostic::error(
                    "line-break",
                    if text.role == Role::Answer {
                        format!("{what} is typed on one line: it cannot hold a line break")
                    } else {
                        format!("{what} is shown on one line: it cannot hold a line break")
                    },
                )
                .help("remove the \\n: text wraps by itself where the screen needs it"),
                Problem::Bidi(c) => Diagnostic::error(
                    "bidi-control",
                    format!(
                        "{what} contains the bidirectional control {}",
                        visible::describe(c)
                    ),
                )
                .label("reorders what the screen shows")
                .help(
                    "remove it: it makes the terminal show the text around it in another order \
                     (a text can be made to look like another), and Vietnamese needs none",
                ),
                Problem::Invisible(c) => Diagnostic::error(
                    "invisible-character",
                    format!(
                        "{what} contains the invisible character {}",
                        visible::describe(c)
                    ),
                )
                .label("shows nothing")
                .help(if text.role == Role::Answer {
                    "remove it: no key types it, so this answer could never be given"
                } else {
                    "remove it: it shows nothing on screen (it often comes with text copied \
                     from a web page or a word processor)"
                }),
                Problem::NothingVisible => {
                    Diagnostic::error("invisible-text", format!("{what} has no visible character"))
                        .label("only blanks and invisible characters")
                        .help("write what the learner should read, or remove the field")
                }
                Problem::Width {
                    cluster,
                    measured,
                    drawn,
                } => Diagnostic::error(
                    "drawn-width",
                    format!(
                        "`{cluster}` is {measured} columns wide as hocso lays it out, but {drawn} \
                         as many terminals draw it"
                    ),
                )
                .label("drawn at another width")
                .help(
                    "terminals disagree on how wide emoji sequences are (joined with U+200D, \
                     with a skin tone or U+FE0F), so the text and the buttons beside it would \
                     shift under the learner's finger: use one plain emoji, or words",
                ),
            };
            self.push(draft.at(at));
        }
    }

    /// The span of `needle` inside `span` of the source, or `span` when it is not found
    /// verbatim (escapes in the source).
    fn find_in(&self, span: Range<usize>, needle: &str) -> Range<usize> {
        self.lines
            .text()
            .get(span.clone())
            .and_then(|s| s.find(needle))
            .map_or(span.clone(), |i| {
                span.start + i..span.start + i + needle.len()
            })
    }

    /// Checks one step; `lesson_id` is None when the lesson head itself was broken.
    pub fn step(&mut self, step: &StepFile) -> Option<Step> {
        let mark = self.drafts.len();
        let kind = *step.kind.get_ref();
        self.id(&step.id, "step id");
        self.kind_fields(step, kind);
        for text in visible::step_texts(step) {
            self.learner_text(&text);
        }
        self.reading(step, kind);
        let text = self.text(&step.text, "step text");
        let name = step.name.as_ref().and_then(|n| self.step_name(n));
        let hint = step.hint.as_ref().and_then(|h| self.text(h, "hint"));
        if let Some(t) = &step.right_feedback {
            self.praise_again(t);
        }
        let right_feedback = step
            .right_feedback
            .as_ref()
            .and_then(|t| self.text(t, "right_feedback"));
        let wrong_feedback = step
            .wrong_feedback
            .as_ref()
            .and_then(|t| self.text(t, "wrong_feedback"));
        let narration = step.narration.as_ref().and_then(|n| self.narration(n));
        let screen = step.screen.as_ref().and_then(|s| self.screen(s));

        let task = match kind {
            StepKind::Explain => Some(Task::Explain { screen }),
            StepKind::Tap => self.tap(step, screen),
            StepKind::Choice => self.choice(step),
            StepKind::Order => self.order(step),
            StepKind::Type => self.typing(step, screen),
            StepKind::Scan => self.scan(step),
        };
        if self.has_errors_since(mark) {
            return None;
        }
        Some(Step {
            id: step.id.get_ref().clone(),
            name,
            text: text?,
            hint,
            narration,
            right_feedback,
            wrong_feedback,
            shuffle: step.shuffle.as_ref().is_none_or(|s| *s.get_ref()),
            task: task?,
        })
    }

    /// Each step kind takes certain fields and needs some of them.
    fn kind_fields(&mut self, step: &StepFile, kind: StepKind) {
        use StepKind::*;
        let present: [FieldRule; 11] = [
            (
                "screen",
                step.screen.as_ref().map(|s| s.span()),
                &[Explain, Tap, Type],
                &[Tap],
            ),
            (
                "target",
                step.target.as_ref().map(|s| s.span()),
                &[Tap],
                &[Tap],
            ),
            (
                "options",
                step.options.as_ref().map(|s| s.span()),
                &[Choice],
                &[Choice],
            ),
            (
                "items",
                step.items.as_ref().map(|s| s.span()),
                &[Order],
                &[Order],
            ),
            (
                "shuffle",
                step.shuffle.as_ref().map(|s| s.span()),
                &[Choice, Order],
                &[],
            ),
            (
                "answer",
                step.answer.as_ref().map(|s| s.span()),
                &[Type],
                &[Type],
            ),
            (
                "accept",
                step.accept.first().map(|s| s.span()),
                &[Type],
                &[],
            ),
            ("field", step.field.as_ref().map(|s| s.span()), &[Type], &[]),
            ("input", step.input.as_ref().map(|s| s.span()), &[Type], &[]),
            ("url", step.url.as_ref().map(|s| s.span()), &[Scan], &[Scan]),
            (
                "hint",
                step.hint.as_ref().map(|s| s.span()),
                &[Tap, Choice, Order, Type, Scan],
                &[],
            ),
        ];
        for (name, span, allowed, required) in present {
            match span {
                Some(span) if !allowed.contains(&kind) => {
                    let kinds: Vec<&str> = allowed.iter().map(|k| k.name()).collect();
                    let draft = if name == "hint" {
                        Diagnostic::warning(
                            "field-not-for-kind",
                            "an `explain` step never shows its hint",
                        )
                    } else {
                        Diagnostic::error(
                            "field-not-for-kind",
                            format!("`{name}` does not belong in a `{}` step", kind.name()),
                        )
                    };
                    self.push(
                        draft
                            .at(span)
                            .label("not used by this kind of step")
                            .help(format!("`{name}` is for {} steps", kinds.join(", "))),
                    );
                }
                None if required.contains(&kind) => {
                    self.push(
                        Diagnostic::error(
                            "missing-kind-field",
                            format!("a `{}` step needs `{name}`", kind.name()),
                        )
                        .at(step.kind.span())
                        .label(format!("this `{}` step", kind.name()))
                        .help(kind_help(kind)),
                    );
                }
                _ => {}
            }
        }
        if kind == Explain {
            for (name, t) in [
                ("right_feedback", &step.right_feedback),
                ("wrong_feedback", &step.wrong_feedback),
            ] {
                if let Some(t) = t {
                    self.push(
                        Diagnostic::warning(
                            "field-not-for-kind",
                            format!("an `explain` step never shows `{name}`"),
                        )
                        .at(t.span())
                        .help("there is nothing to answer in an `explain` step; remove it"),
                    );
                }
            }
        }
    }

    fn narration(&mut self, path: &Spanned<String>) -> Option<PathBuf> {
        let rel = Path::new(path.get_ref());
        let inside = rel
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
        if !inside || path.get_ref().is_empty() {
            self.push(
                Diagnostic::error("narration-path", "a narration path must stay inside the content folder")
                    .at(path.span())
                    .help("write it relative to the folder that holds `lessons/`, e.g. \"assets/audio/lesson-id/step-id.ogg\""),
            );
            return None;
        }
        let full = self.content_root.join(rel);
        if !full.is_file() {
            self.push(
                Diagnostic::error("missing-narration", format!("narration file `{}` does not exist", path.get_ref()))
                    .at(path.span())
                    .label(format!("looked for {}", full.display()))
                    .help("record or draft it (`hocso narrate`), fix the path, or remove `narration` to use the default"),
            );
            return None;
        }
        Some(full)
    }

    fn screen(&mut self, screen: &Spanned<ScreenFile>) -> Option<Screen> {
        let mark = self.drafts.len();
        let s = screen.get_ref();
        let title = s
            .title
            .as_ref()
            .and_then(|t| self.phone_text(t, "screen title"));
        let mut seen: HashMap<String, Range<usize>> = HashMap::new();
        let mut elements = Vec::new();
        for e in &s.elements {
            let ids =
                e.id.iter()
                    .chain(e.buttons.iter().filter_map(|b| b.id.as_ref()));
            for id in ids {
                self.id(id, "element id");
                if let Some(first) = seen.get(id.get_ref()) {
                    let line = self.line_of(first.start);
                    self.push(
                        Diagnostic::error(
                            "duplicate-element-id",
                            format!("element id `{}` is used twice on this screen", id.get_ref()),
                        )
                        .at(id.span())
                        .label(format!("first used on line {line}"))
                        .help("give each element on a screen its own id"),
                    );
                } else {
                    seen.insert(id.get_ref().clone(), id.span());
                }
            }
            if let Some(element) = self.element(e) {
                elements.push(element);
            }
        }
        if self.has_errors_since(mark) {
            return None;
        }
        Some(Screen { title, elements })
    }

    fn element(&mut self, e: &ElementFile) -> Option<Element> {
        use ElementKind::*;
        let mark = self.drafts.len();
        let kind = *e.kind.get_ref();
        let needs_label = matches!(kind, App | Button | Row | Field | Text | Sms | Toggle);
        let needs_detail = matches!(kind, Dialog | Sms);
        for (name, needed, value) in [
            ("label", needs_label, &e.label),
            ("detail", needs_detail, &e.detail),
        ] {
            if needed && value.is_none() {
                self.push(
                    Diagnostic::error(
                        "missing-kind-field",
                        format!("a `{}` element needs `{name}`", kind.name()),
                    )
                    .at(e.kind.span())
                    .help(element_help(kind)),
                );
            }
        }
        let shows_label = kind != Keypad;
        let shows_detail = matches!(kind, Row | Field | Dialog | Sms);
        for (name, shown, value) in [
            ("label", shows_label, &e.label),
            ("detail", shows_detail, &e.detail),
        ] {
            if let Some(v) = value
                && !shown
            {
                self.push(
                    Diagnostic::error(
                        "field-not-for-kind",
                        format!("a `{}` element does not show `{name}`", kind.name()),
                    )
                    .at(v.span())
                    .label("never shown")
                    .help(element_help(kind)),
                );
            }
        }
        if let Some(on) = &e.on
            && kind != Toggle
        {
            self.not_for("on", on.span(), "`toggle` elements");
        }
        if let Some(first) = e.buttons.first()
            && kind != Dialog
        {
            self.not_for("buttons", first.label.span(), "`dialog` elements");
        }
        if let Some(f) = &e.feedback
            && !kind.is_tappable()
        {
            self.not_for("feedback", f.span(), "elements a learner can tap");
        }
        let label = e
            .label
            .as_ref()
            .and_then(|t| self.phone_text(t, "element label"));
        let detail = e
            .detail
            .as_ref()
            .and_then(|t| self.phone_text(t, "element detail"));
        let feedback = e.feedback.as_ref().and_then(|t| self.text(t, "feedback"));
        let buttons: Vec<super::Button> = e.buttons.iter().filter_map(|b| self.button(b)).collect();
        if self.has_errors_since(mark) {
            return None;
        }
        Some(Element {
            id: e.id.as_ref().map(|i| i.get_ref().clone()),
            kind,
            label,
            detail,
            on: e.on.as_ref().is_some_and(|o| *o.get_ref()),
            feedback,
            buttons,
        })
    }

    fn button(&mut self, b: &ButtonFile) -> Option<Button> {
        let label = self.phone_text(&b.label, "button label");
        let feedback = b.feedback.as_ref().and_then(|t| self.text(t, "feedback"));
        Some(Button {
            id: b.id.as_ref().map(|i| i.get_ref().clone()),
            label: label?,
            feedback,
        })
    }

    fn tap(&mut self, step: &StepFile, screen: Option<Screen>) -> Option<Task> {
        let (target, screen_file) = (step.target.as_ref()?, step.screen.as_ref()?);
        let wanted = target.get_ref();
        let all = all_ids(screen_file.get_ref());
        match all.iter().find(|(id, _)| id == wanted) {
            None => {
                let tappable: Vec<&str> = all
                    .iter()
                    .filter(|(_, k)| k.is_none_or(ElementKind::is_tappable))
                    .map(|(id, _)| id.as_str())
                    .collect();
                let help = match closest(wanted, &tappable) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None if tappable.is_empty() => {
                        "give the element to tap an `id`, and name it here".to_owned()
                    }
                    None => format!("elements with an id here: `{}`", tappable.join("`, `")),
                };
                self.push(
                    Diagnostic::error(
                        "unknown-target",
                        format!("no element `{wanted}` on this step's screen"),
                    )
                    .at(target.span())
                    .label("not on the screen")
                    .help(help),
                );
            }
            Some((_, Some(kind))) if !kind.is_tappable() => {
                self.push(
                    Diagnostic::error(
                        "target-not-tappable",
                        format!(
                            "`{wanted}` is a `{}` element, which cannot be tapped",
                            kind.name()
                        ),
                    )
                    .at(target.span())
                    .help("target a button, app, row, field, keypad, toggle, SMS or dialog button"),
                );
            }
            Some(_) => {}
        }
        Some(Task::Tap {
            screen: screen?,
            target: wanted.clone(),
        })
    }

    fn choice(&mut self, step: &StepFile) -> Option<Task> {
        let options = step.options.as_ref()?;
        let correct: Vec<&Spanned<bool>> = options
            .get_ref()
            .iter()
            .filter_map(|o| o.correct.as_ref().filter(|c| *c.get_ref()))
            .collect();
        if correct.is_empty() {
            self.push(
                Diagnostic::error("choice-answers", "no option is marked `correct = true`")
                    .at(options.span())
                    .help("mark the one right answer with `correct = true`"),
            );
        }
        for extra in correct.iter().skip(1) {
            self.push(
                Diagnostic::error("choice-answers", "more than one option is marked correct")
                    .at(extra.span())
                    .label("a second right answer")
                    .help("a choice step has exactly one right answer; leave `correct` out of the others"),
            );
        }
        if options.get_ref().len() < 2 {
            self.push(
                Diagnostic::error("choice-answers", "a choice needs at least two options")
                    .at(options.span()),
            );
        }
        let is_right = |o: &ChoiceFile| o.correct.as_ref().is_some_and(|c| *c.get_ref());
        let all = options.get_ref();
        let texts: Vec<&TextFile> = all.iter().map(|o| o.text.get_ref()).collect();
        let twins = visible::earlier_twins(&texts, &self.shown_locales());
        for (o, twin) in all.iter().zip(twins) {
            let Some(twin) = twin.map(|t| &all[t]) else {
                continue;
            };
            let line = self.line_of(twin.text.span().start);
            let (message, help) = if is_right(o) != is_right(twin) {
                (
                    "a right and a wrong answer read the same",
                    "the learner cannot tell which is right: word them differently",
                )
            } else {
                (
                    "two options read the same",
                    "the learner cannot tell them apart: make each say something different",
                )
            };
            self.push(
                Diagnostic::error("duplicate-option", message)
                    .at(o.text.span())
                    .label(format!("reads as the option on line {line} does"))
                    .help(help),
            );
        }
        let mut checked = Vec::new();
        for o in options.get_ref() {
            let is_correct = is_right(o);
            if !is_correct && o.feedback.is_none() {
                self.push(
                    Diagnostic::warning("missing-feedback", "this wrong answer has no `feedback`")
                        .at(o.text.span())
                        .help("say gently why it is not right, so the learner learns from the mistake"),
                );
            }
            checked.push(self.choice_option(o, is_correct));
        }
        let options = checked.into_iter().collect::<Option<Vec<_>>>()?;
        Some(Task::Choice { options })
    }

    fn choice_option(&mut self, o: &ChoiceFile, correct: bool) -> Option<ChoiceOption> {
        if correct && let Some(t) = &o.feedback {
            self.praise_again(t);
        }
        let text = self.text(&o.text, "option");
        let feedback = o.feedback.as_ref().and_then(|t| self.text(t, "feedback"));
        Some(ChoiceOption {
            text: text?,
            correct,
            feedback,
        })
    }

    fn order(&mut self, step: &StepFile) -> Option<Task> {
        let items = step.items.as_ref()?;
        if items.get_ref().len() < 2 {
            self.push(
                Diagnostic::error("order-too-short", "an order step needs at least two items")
                    .at(items.span())
                    .help("list the steps of the procedure, in the right order"),
            );
        }
        let mut checked = Vec::new();
        let texts: Vec<&TextFile> = items.get_ref().iter().map(|i| i.get_ref()).collect();
        let twins = visible::earlier_twins(&texts, &self.shown_locales());
        for (item, twin) in items.get_ref().iter().zip(twins) {
            let text = self.text(item, "item");
            if twin.is_some() {
                self.push(
                    Diagnostic::error(
                        "duplicate-item",
                        "this item reads the same as an earlier one",
                    )
                    .at(item.span())
                    .help("each item must differ, or the right order is ambiguous"),
                );
            }
            checked.push(text);
        }
        let items = checked.into_iter().collect::<Option<Vec<_>>>()?;
        Some(Task::Order { items })
    }

    fn typing(&mut self, step: &StepFile, screen: Option<Screen>) -> Option<Task> {
        let answer = step.answer.as_ref()?;
        let input = step
            .input
            .as_ref()
            .map_or(InputMethod::Text, |i| *i.get_ref());
        let mut accepted = Vec::new();
        for a in std::iter::once(answer).chain(&step.accept) {
            let value = a.get_ref();
            if value.trim().is_empty() {
                self.push(
                    Diagnostic::error("empty-text", "an answer is empty")
                        .at(a.span())
                        .help("write the made-up practice input the learner should type"),
                );
            } else if !is_nfc(value) {
                self.push(
                    Diagnostic::warning("not-nfc", "answer is not in Unicode NFC form")
                        .at(a.span())
                        .help(format!("write it precomposed: \"{}\"", nfc(value))),
                );
            }
            if input == InputMethod::Digits && !value.trim().chars().all(|c| c.is_ascii_digit()) {
                self.push(
                    Diagnostic::error("answer-input", "a keypad answer must be digits only")
                        .at(a.span())
                        .help("use `input = \"text\"` for letters, or write digits"),
                );
            }
            accepted.push(nfc(value.trim()));
        }
        // A kiosk may have only its touch screen: some accepted spelling must be typable on
        // the phone's keyboard (Telex and VNI type marked letters with plain keys).
        let spellings = std::iter::once(answer).chain(&step.accept);
        let reasons: Vec<Option<(String, String)>> = spellings
            .map(|a| untypable(&nfc(a.get_ref().trim()), input))
            .collect();
        if let Some(Some((reason, help))) = reasons.first()
            && reasons.iter().all(Option::is_some)
        {
            self.push(
                Diagnostic::warning("not-on-keyboard", reason.clone())
                    .at(answer.span())
                    .help(help.clone()),
            );
        }
        if let Some(field) = &step.field {
            let fields: Vec<&str> = step.screen.as_ref().map_or(Vec::new(), |s| {
                s.get_ref()
                    .elements
                    .iter()
                    .filter(|e| *e.kind.get_ref() == ElementKind::Field)
                    .filter_map(|e| e.id.as_ref().map(|i| i.get_ref().as_str()))
                    .collect()
            });
            if !fields.contains(&field.get_ref().as_str()) {
                let help = match closest(field.get_ref(), &fields) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "add a `field` element with this id to `screen`, or remove `field`"
                        .to_owned(),
                };
                self.push(
                    Diagnostic::error(
                        "unknown-field-element",
                        format!(
                            "no `field` element `{}` on this step's screen",
                            field.get_ref()
                        ),
                    )
                    .at(field.span())
                    .label("no such field on the screen")
                    .help(help),
                );
            }
        }
        let answer = accepted.remove(0);
        Some(Task::Type {
            screen,
            field: step.field.as_ref().map(|f| f.get_ref().clone()),
            answer,
            accept: accepted,
            input,
        })
    }

    fn scan(&mut self, step: &StepFile) -> Option<Task> {
        let url = step.url.as_ref()?;
        let value = url.get_ref().as_str();
        // A bad address is reported with the step's other texts.
        if visible::address_problem(value).is_none()
            && super::qr::qr_code(value).is_none_or(|c| c.width() > super::qr::MAX_MODULES)
        {
            self.push(
                Diagnostic::warning("scan-url", "this address makes a QR code too big for the kiosk's screen")
                    .at(url.span())
                    .label("needs a larger QR code than a 58×15 screen shows")
                    .help("use a short address, such as the site's home page (\"https://dichvucong.gov.vn\")"),
            );
        }
        Some(Task::Scan {
            url: value.to_owned(),
        })
    }
}

/// A step field: its name, where it is written (if it is), the step kinds that take it and
/// the kinds that need it.
type FieldRule<'s> = (
    &'s str,
    Option<Range<usize>>,
    &'s [StepKind],
    &'s [StepKind],
);

/// The checked head of a lesson.
pub(crate) struct Head {
    pub title: LocalText,
    pub summary: LocalText,
    pub minutes: u32,
    pub prerequisites: Vec<String>,
    pub mastery: MasteryRule,
    pub review_days: Vec<u32>,
}

/// Every id on a screen, with its element kind (None for a dialog button).
fn all_ids(screen: &ScreenFile) -> Vec<(String, Option<ElementKind>)> {
    let mut ids = Vec::new();
    for e in &screen.elements {
        if let Some(id) = &e.id {
            ids.push((id.get_ref().clone(), Some(*e.kind.get_ref())));
        }
        for b in &e.buttons {
            if let Some(id) = &b.id {
                ids.push((id.get_ref().clone(), None));
            }
        }
    }
    ids
}

fn is_locale_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// The language of `shown` that the locale key `key` was most likely meant to be: the
/// language of a regional tag (`en-US`, `vi_VN`) or of another case (`EN`); a
/// three-letter code for a two-letter one (`eng`, `vie`); the country for its language
/// (`vn`, `us`, `gb`); or a slip of one or two letters (`ne`, `viet`). A real two-letter
/// code is not "corrected" to another by one letter (`es` is Spanish, not a slip of `en`):
/// only two letters swapped count there.
fn meant_locale<'c>(key: &str, shown: &[&'c str]) -> Option<&'c str> {
    let lower = key.to_ascii_lowercase();
    let language = lower.split(['-', '_']).next().unwrap_or("");
    let is = |code: &str| shown.iter().copied().find(|s| *s == code);
    if let Some(found) = is(language) {
        return Some(found);
    }
    const COUNTRIES: &[(&str, &str)] = &[("vn", "vi"), ("us", "en"), ("gb", "en"), ("uk", "en")];
    if let Some((_, code)) = COUNTRIES.iter().find(|(country, _)| *country == language)
        && let Some(found) = is(code)
    {
        return Some(found);
    }
    if language.len() == 3
        && let Some(found) = language.get(..2).and_then(is)
    {
        return Some(found);
    }
    if language.len() == 2 {
        let swapped: String = language.chars().rev().collect();
        return is(&swapped);
    }
    closest(language, shown).or_else(|| {
        // "viet", "engl": the start of the language's own name.
        shown
            .iter()
            .copied()
            .find(|s| language.len() > s.len() && language.starts_with(s))
    })
}

fn kind_help(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Explain => "an explain step needs only `text`",
        StepKind::Tap => "a tap step shows a `screen` and names the element to tap in `target`",
        StepKind::Choice => "a choice step lists `[[steps.options]]`, one with `correct = true`",
        StepKind::Order => "an order step lists `items` in the right order",
        StepKind::Type => "a type step names the made-up `answer` to type",
        StepKind::Scan => "a scan step names the safe `url` in its QR code",
    }
}

fn element_help(kind: ElementKind) -> &'static str {
    match kind {
        ElementKind::Dialog => "a dialog has its title as `label` and its message as `detail`",
        ElementKind::Sms => "an SMS has its sender as `label` and its message as `detail`",
        ElementKind::Keypad => "a keypad shows its digits only; describe it in the step text",
        ElementKind::Row | ElementKind::Field => {
            "`label` is the visible name; `detail` the second line or the field's value"
        }
        _ => "`label` is the element's visible name; this kind has no second line",
    }
}

/// The candidate closest to `word` by edit distance, if it is a plausible typo. Two
/// letters swapped (`hnit` for `hint`, `lable` for `label`) count as one slip, as a
/// letter missing, added or changed does (optimal string alignment).
pub(crate) fn closest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, c)| *d > 0 && *d <= 1.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(a, b)
}

/// Why a learner with only the touch screen could not type `text` on the pretend phone's
/// keyboard with `input`, if they could not, and what the author can do.
fn untypable(text: &str, input: InputMethod) -> Option<(String, String)> {
    let keys_of = |t: &str| match input {
        InputMethod::Digits | InputMethod::Text => t.to_owned(),
        InputMethod::Telex => typing::telex_keys(t),
        InputMethod::Vni => typing::vni_keys(t),
    };
    if let Some(c) = text
        .chars()
        .find(|c| !keys_of(&c.to_string()).chars().all(keyboard::on_keyboard))
    {
        let marks: String = keyboard::SYMBOLS[1..].concat();
        let letters = match input {
            InputMethod::Telex | InputMethod::Vni => "Vietnamese letters",
            _ => "letters a–z and A–Z",
        };
        return Some((
            format!("`{c}` is on no key of the pretend phone's keyboard"),
            format!(
                "a learner with only the touch screen could not type it: give an answer (or \
                 an `accept`) of {letters}, digits, spaces and {marks}"
            ),
        ));
    }
    let keys = keys_of(text);
    let typed = match input {
        InputMethod::Telex => typing::telex(&keys),
        InputMethod::Vni => typing::vni(&keys),
        InputMethod::Digits | InputMethod::Text => return None,
    };
    (typing::tone_free(&typed) != typing::tone_free(text)).then(|| {
        (
            format!("typed on the pretend phone as `{keys}`, this answer comes out as `{typed}`"),
            "for a word that is not Vietnamese, use `input = \"text\"`, or give an `accept` \
             of what the keys make"
                .to_owned(),
        )
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_only() {
        let c = ["nut-cai-dat", "nut-mo", "ch-play"];
        assert_eq!(closest("nut-cai-dta", &c), Some("nut-cai-dat"));
        assert_eq!(closest("chplay", &c), Some("ch-play"));
        assert_eq!(closest("zalo", &c), None);
        // Two letters swapped are one slip.
        assert_eq!(closest("hnit", &["hint", "text", "kind"]), Some("hint"));
        assert_eq!(closest("lable", &["label", "detail"]), Some("label"));
        assert_eq!(closest("nut-mo", &c), None, "itself is no typo");
    }

    /// A lesson that uses every field a learner reads or types, each with its own marker
    /// (`M01`…), so a test can plant a character in any one of them.
    pub(crate) const EVERY_TEXT: &str = r#"format_version = 1
id = "moi-truong"
topic = "chung"
title = "M01"
summary = "M02"
minutes = 5

[[steps]]
id = "xem"
kind = "explain"
text = "M03"

[steps.screen]
title = "M04"

[[steps.screen.elements]]
id = "hang"
kind = "row"
label = "M05"
detail = "M06"
feedback = "M07"

[[steps.screen.elements]]
kind = "dialog"
label = "M08"
detail = "M09"

[[steps.screen.elements.buttons]]
id = "dong-y"
label = "M10"
feedback = "M11"

[[steps]]
id = "cham"
kind = "tap"
text = "M12"
hint = "M13"
right_feedback = "M14"
wrong_feedback = "M15"
target = "nut"

[steps.screen]

[[steps.screen.elements]]
id = "nut"
kind = "button"
label = "M16"

[[steps.screen.elements]]
id = "o-nhap"
kind = "field"
label = "M29"
detail = "M30"

[[steps]]
id = "chon"
kind = "choice"
text = "M17"

[[steps.options]]
text = "M18"
correct = true
feedback = "M19"

[[steps.options]]
text = "M20"
feedback = "M21"

[[steps]]
id = "xep"
kind = "order"
text = "M22"
items = ["M23", "M24"]

[[steps]]
id = "go"
kind = "type"
text = "M25"
answer = "M26"
accept = ["M27"]

[[steps]]
id = "quet"
kind = "scan"
text = "M28"
url = "https://m31.vn"
"#;

    pub(crate) fn vi_only() -> CheckOptions {
        CheckOptions {
            locales: vec!["vi".into()],
            narration: false,
        }
    }

    /// The diagnostics of `text` checked as a lesson file.
    pub(crate) fn problems(text: &str) -> Vec<Diagnostic> {
        let parsed = crate::lesson::parse_lesson(Path::new("x.toml"), text, &vi_only());
        let errors = parsed.diagnostics.iter().any(Diagnostic::is_error);
        assert_eq!(parsed.lesson.is_none(), errors, "{:#?}", parsed.diagnostics);
        parsed.diagnostics
    }

    /// The markers of [`EVERY_TEXT`], each with the byte range of its quoted string.
    fn markers() -> Vec<(String, Range<usize>)> {
        let mut found = Vec::new();
        for (at, _) in EVERY_TEXT.match_indices("\"M") {
            let end = at + EVERY_TEXT[at + 1..].find('"').unwrap() + 2;
            found.push((EVERY_TEXT[at + 1..end - 1].to_owned(), at..end));
        }
        let url = EVERY_TEXT.find("\"https://m31.vn\"").unwrap();
        found.push(("https://m31.vn".to_owned(), url..url + 16));
        found
    }

    #[test]
    fn the_lesson_with_every_text_is_clean() {
        assert_eq!(problems(EVERY_TEXT), []);
        assert_eq!(markers().len(), 31);
    }

    /// Plants `planted` at the end of each learner text in turn and expects a `code`
    /// (`url_code` in the scan address) pointing into that text.
    fn refused_in_every_text(planted: &str, code: &str, url_code: &str) {
        for (marker, span) in markers() {
            let quoted = format!("\"{marker}\"");
            let bad = format!("\"{marker}{planted}\"");
            let text = EVERY_TEXT.replacen(&quoted, &bad, 1);
            let want = if marker.starts_with("https") {
                url_code
            } else {
                code
            };
            let found = problems(&text);
            let inside = span.start..span.end + bad.len() - quoted.len();
            assert!(
                found.iter().any(|d| d.code == want
                    && inside.contains(&d.span.start)
                    && d.span.end <= inside.end),
                "{planted:?} in {marker}: no `{want}` at {inside:?}: {found:#?}"
            );
            assert!(found.iter().all(|d| d.help.is_some()), "{found:#?}");
        }
    }

    #[test]
    fn bidi_controls_are_refused_in_every_learner_text() {
        for bidi in [
            "\\u202E", "\\u202A", "\\u202B", "\\u202C", "\\u202D", "\\u2066", "\\u2067", "\\u2068",
            "\\u2069", "\\u200E", "\\u200F", "\\u061C", "\u{202E}",
        ] {
            refused_in_every_text(bidi, "bidi-control", "scan-url");
        }
    }

    #[test]
    fn control_characters_are_refused_in_every_learner_text() {
        // ESC and an OSC sequence, a bell, DEL, a C1 control (CSI), a tab, NUL.
        for control in [
            "\\u001b]0;x\\u0007",
            "\\u001b[2J",
            "\\u007f",
            "\\u009b",
            "\\t",
            "\\u0000",
            "\\r",
        ] {
            refused_in_every_text(control, "control-character", "scan-url");
        }
    }

    #[test]
    fn a_line_break_is_refused_where_a_text_is_shown_on_one_line() {
        for (marker, _) in markers() {
            let text =
                EVERY_TEXT.replacen(&format!("\"{marker}\""), &format!("\"{marker}\\nx\""), 1);
            let codes: Vec<&str> = problems(&text).iter().map(|d| d.code).collect();
            // Texts shown as paragraphs keep their line breaks; a field's value is one line.
            let prose = [
                "M02", "M03", "M06", "M07", "M09", "M11", "M12", "M13", "M14", "M15", "M17", "M19",
                "M21", "M22", "M25", "M28",
            ];
            if prose.contains(&marker.as_str()) {
                assert_eq!(codes, [] as [&str; 0], "{marker}");
            } else {
                assert!(
                    codes.contains(&"line-break") || codes.contains(&"scan-url"),
                    "{marker}: {codes:?}"
                );
            }
        }
    }

    #[test]
    fn text_with_no_visible_character_is_refused() {
        for blank in [
            "\\u200B",
            "\\u3164",
            "\\u2800",
            "\\u200D",
            "\\uFEFF",
            "\\u200B \\u200B",
            "\\u115F",
            "\\uFFA0",
            "\\u00AD",
            "\\u2060",
            "\\u3000",
        ] {
            for marker in ["M01", "M03", "M05", "M13", "M18", "M23", "M26", "M27"] {
                let text =
                    EVERY_TEXT.replacen(&format!("\"{marker}\""), &format!("\"{blank}\""), 1);
                let found = problems(&text);
                assert!(
                    found
                        .iter()
                        .any(|d| d.code == "invisible-text" || d.code == "empty-text"),
                    "{blank} as {marker}: {found:#?}"
                );
            }
        }
    }

    #[test]
    fn invisible_characters_inside_a_text_are_refused() {
        for hidden in [
            "\\u200B", "\\u00AD", "\\u2060", "\\uFEFF", "\\u3164", "\\u200C",
        ] {
            refused_in_every_text(hidden, "invisible-character", "scan-url");
        }
    }

    #[test]
    fn options_that_read_the_same_are_refused() {
        let with = |right: &str, wrong: &str| {
            EVERY_TEXT
                .replacen("\"M18\"", right, 1)
                .replacen("\"M20\"", wrong, 1)
        };
        for (right, wrong) in [
            ("\"Có\"", "\"Có\""),
            ("\"Có\"", "\"  có \""),
            ("\"Gọi lại\"", "\"gọi   LẠI\""),
            // Decomposed accents read the same as precomposed ones.
            ("\"Việt\"", "\"Vie\\u0302\\u0323t\""),
            // The same in the language the kiosk is switched to.
            (
                "{ vi = \"Có\", en = \"Yes\" }",
                "{ vi = \"Được\", en = \"yes\" }",
            ),
            // An option with no English falls back to its Vietnamese.
            ("{ vi = \"Có\", en = \"Được\" }", "\"Được\""),
        ] {
            let found = problems(&with(right, wrong));
            let d = found
                .iter()
                .find(|d| d.code == "duplicate-option")
                .unwrap_or_else(|| panic!("{right} / {wrong}: {found:#?}"));
            assert!(d.is_error());
            assert!(d.message.contains("right and a wrong"), "{}", d.message);
            assert!(d.help.is_some());
        }
        for (right, wrong) in [
            ("\"Có\"", "\"Không\""),
            (
                "{ vi = \"Có\", en = \"Yes\" }",
                "{ vi = \"Không\", en = \"No\" }",
            ),
        ] {
            let found = problems(&with(right, wrong));
            assert!(
                found.iter().all(|d| d.code != "duplicate-option"),
                "{found:#?}"
            );
        }
        // Two wrong answers that read the same are refused too.
        let three = EVERY_TEXT.replacen(
            "feedback = \"M21\"",
            "feedback = \"M21\"\n\n[[steps.options]]\ntext = \"m20\"\nfeedback = \"M99\"",
            1,
        );
        let found = problems(&three);
        let d = found
            .iter()
            .find(|d| d.code == "duplicate-option")
            .expect("two wrong");
        assert!(d.message.contains("two options"), "{}", d.message);
    }

    #[test]
    fn scan_urls_must_be_plain_https_addresses() {
        let with = |url: &str| EVERY_TEXT.replacen("\"https://m31.vn\"", &format!("\"{url}\""), 1);
        for bad in [
            "https:///",
            "https:///dichvucong.gov.vn",
            "https://user:pw@dichvucong.gov.vn/",
            "https://@dichvucong.gov.vn",
            "https://dichvucong.gov.vn@evil.vn",
            "https://dichvucong.gov.vn/\\u001b]8;;https://evil.vn\\u0007",
            "https://dichvucong.gov.vn/\\u009d",
            "https://dichvu cong.gov.vn",
            " https://dichvucong.gov.vn",
            "https://dichvucong.gov.vn:8443/",
            "https://dichvucong.gov.vn:443/",
            "https://1.2.3.4/",
            "https://[::1]/",
            "https://localhost/",
            "https://dichvucong.gov.vn\\u202E",
            "https://dịchvụcông.gov.vn",
            "https://-a.vn",
            "https://a..vn",
            "https://a.vn./",
            "https://a.vn\\\\evil.vn",
            "https://a.vn/%zz",
            "https://a.vn/<script>",
            "http://dichvucong.gov.vn",
            "HTTPS://dichvucong.gov.vn",
            "https:dichvucong.gov.vn",
        ] {
            let found = problems(&with(bad));
            assert!(
                found.iter().any(|d| d.code == "scan-url" && d.is_error()),
                "{bad:?}: {found:#?}"
            );
        }
        for good in [
            "https://dichvucong.gov.vn",
            "https://dichvucong.gov.vn/",
            "https://www.vneid.gov.vn/dang-nhap?lang=vi#top",
            "https://xn--dchvcng-gya.vn/%E1%BB%87",
            "https://Tinnhiemmang.VN/a_b~c",
        ] {
            let found = problems(&with(good));
            assert!(found.iter().all(|d| !d.is_error()), "{good:?}: {found:#?}");
        }
    }

    #[test]
    fn text_that_terminals_draw_at_another_width_is_refused() {
        for (emoji, code) in [
            // A family: one glyph two columns wide where the terminal joins it, six
            // where it adds up its characters.
            ("👨\\u200D👩\\u200D👧", "drawn-width"),
            // A heart made an emoji by U+FE0F: two columns, or one.
            ("\\u2764\\uFE0F", "drawn-width"),
            // A skin tone: two columns, or four.
            ("👍🏽", "drawn-width"),
            ("☎\\uFE0F", "drawn-width"),
        ] {
            refused_in_every_text(emoji, code, "scan-url");
        }
        // One emoji, wide everywhere; a flag; Vietnamese with combining marks.
        for fine in ["👍", "🇻🇳", "Vie\\u0302\\u0323t", "…", "•"] {
            let text = EVERY_TEXT.replacen("\"M03\"", &format!("\"M03 {fine}\""), 1);
            let found = problems(&text);
            assert!(found.iter().all(|d| !d.is_error()), "{fine}: {found:#?}");
        }
    }

    /// A lesson whose explanation, question and hint have `explain`, `question` and `hint`
    /// syllables, with `head` (a `[budget]` table) after its own fields.
    fn with_syllables(explain: usize, question: usize, hint: usize, head: &str) -> String {
        let words = |n: usize| repeated("chữ", n);
        format!(
            "format_version = 1\nid = \"doc\"\ntopic = \"chung\"\ntitle = \"Đọc\"\n\
             summary = \"Đọc.\"\nminutes = 5\n{head}\n\
             [[steps]]\nid = \"xem\"\nkind = \"explain\"\ntext = \"{}\"\n\n\
             [[steps]]\nid = \"chon\"\nkind = \"choice\"\ntext = \"{}\"\nhint = \"{}\"\n\
             [[steps.options]]\ntext = \"Có\"\ncorrect = true\n\
             [[steps.options]]\ntext = \"Không\"\nfeedback = \"Chưa đúng.\"\n",
            words(explain),
            words(question),
            words(hint)
        )
    }

    /// `word`, `n` times, with spaces between.
    fn repeated(word: &str, n: usize) -> String {
        vec![word; n].join(" ")
    }

    /// The `reading-budget` warnings of `text`, each as (line, message).
    fn over_budget(text: &str) -> Vec<(usize, String)> {
        problems(text)
            .into_iter()
            .filter(|d| d.code == "reading-budget")
            .map(|d| {
                assert_eq!(d.severity, Severity::Warning);
                assert!(d.help.is_some());
                (d.start.line, d.message)
            })
            .collect()
    }

    /// A lesson with one choice step named `name` (a TOML value).
    fn named(name: &str) -> String {
        format!(
            "format_version = 1\nid = \"doc\"\ntopic = \"chung\"\ntitle = \"Đọc\"\n\
             summary = \"Đọc.\"\nminutes = 5\n\n\
             [[steps]]\nid = \"chon\"\nname = {name}\nkind = \"choice\"\ntext = \"Chọn.\"\n\
             [[steps.options]]\ntext = \"Có\"\ncorrect = true\n\
             [[steps.options]]\ntext = \"Không\"\nfeedback = \"Chưa đúng.\"\n"
        )
    }

    /// The `long-step-name` warnings of `text`, each as (line, message).
    fn long_names(text: &str) -> Vec<(usize, String)> {
        problems(text)
            .into_iter()
            .filter(|d| d.code == "long-step-name")
            .map(|d| {
                assert_eq!(d.severity, Severity::Warning);
                (d.start.line, d.message)
            })
            .collect()
    }

    #[test]
    fn a_step_name_of_eight_words_passes_and_nine_warn() {
        let eight = format!("\"{}\"", repeated("chữ", 8));
        assert_eq!(long_names(&named(&eight)), []);
        let parsed = crate::lesson::parse_lesson(Path::new("x.toml"), &named(&eight), &vi_only());
        let step = &parsed.lesson.unwrap().steps[0];
        assert_eq!(
            crate::i18n::Localizer::embedded().step_name(step, crate::i18n::Lang::Vi),
            repeated("chữ", 8)
        );

        let nine = format!("\"{}\"", repeated("chữ", 9));
        assert_eq!(
            long_names(&named(&nine)),
            [(
                10,
                "this step's name (vi) is 9 words long, over 8".to_owned()
            )]
        );
        // Every language is counted: the English, too, stands in a list.
        let english = format!(
            "{{ vi = \"Tin nhắn lạ\", en = \"{}\" }}",
            repeated("word", 9)
        );
        let found = long_names(&named(&english));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("(en)"), "{found:?}");
    }

    #[test]
    fn each_reading_budget_warns_just_past_it_and_not_at_it() {
        assert_eq!(over_budget(&with_syllables(45, 30, 20, "")), []);
        let found = over_budget(&with_syllables(46, 31, 21, ""));
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            [
                "this explanation is 46 syllables long, over the reading budget of 45",
                "this question is 31 syllables long, over the reading budget of 30",
                "this hint is 21 syllables long, over the reading budget of 20",
            ]
        );
        // Each at its own text.
        let lines: Vec<usize> = found.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [11, 16, 17]);
        for (explain, question, hint, code) in [
            (46, 30, 20, "explanation"),
            (45, 31, 20, "question"),
            (45, 30, 21, "hint"),
        ] {
            let found = over_budget(&with_syllables(explain, question, hint, ""));
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(found[0].1.contains(code), "{found:?}");
        }
    }

    #[test]
    fn budgets_count_the_vietnamese_words_only() {
        // Bullets and dashes are not read; English (for volunteers) is not counted.
        let words = repeated("chữ", 45);
        let bullets = with_syllables(45, 1, 1, "").replacen(
            &format!("\"{words}\""),
            &format!("\"{words} •  — - …\""),
            1,
        );
        assert_eq!(over_budget(&bullets), []);
        let english = with_syllables(45, 1, 1, "").replacen(
            &format!("\"{words}\""),
            &format!("{{ vi = \"{words}\", en = \"{}\" }}", repeated("word", 80)),
            1,
        );
        assert_eq!(over_budget(&english), []);
        let vietnamese = english.replacen("\"chữ ", "\"chữ chữ ", 1);
        let found = problems(&vietnamese);
        let d = found.iter().find(|d| d.code == "reading-budget").unwrap();
        // The caret is on the Vietnamese text of the table.
        assert_eq!(&vietnamese[d.span.clone()], format!("\"chữ {words}\""));
    }

    #[test]
    fn an_explain_steps_hint_is_never_read_so_never_counted() {
        let text = with_syllables(1, 1, 1, "").replacen(
            "kind = \"explain\"\n",
            &format!("kind = \"explain\"\nhint = \"{}\"\n", repeated("chữ", 30)),
            1,
        );
        assert_eq!(over_budget(&text), []);
    }

    #[test]
    fn a_lesson_may_change_its_budgets_with_a_reason() {
        let raised = "[budget]\nexplain = 60\nquestion = 35\nhint = 25\n\
                      reason = \"Bài đọc luật: các điều phải đủ ý.\"\n";
        assert_eq!(problems(&with_syllables(60, 35, 25, raised)), []);
        let found = over_budget(&with_syllables(61, 36, 26, raised));
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0]
                .1
                .ends_with("over this lesson's reading budget of 60"),
            "{found:?}"
        );
        // One budget raised; the others as usual. Lowered, too.
        let one = "[budget]\nhint = 10\nreason = \"Gợi ý thật ngắn.\"\n";
        let found = over_budget(&with_syllables(45, 30, 11, one));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("hint is 11 syllables"), "{found:?}");
    }

    #[test]
    fn a_budget_without_a_reason_is_an_error() {
        for (table, at) in [
            ("[budget]\nexplain = 60\n", "[budget]"),
            ("[budget]\nexplain = 60\nreason = \"  \"\n", "\"  \""),
        ] {
            let text = with_syllables(50, 1, 1, table);
            let found = problems(&text);
            let d = found
                .iter()
                .find(|d| d.code == "budget-reason")
                .unwrap_or_else(|| panic!("{table}: {found:#?}"));
            assert!(d.is_error());
            assert!(d.help.is_some());
            assert!(
                text[d.span.clone()].starts_with(at),
                "{table}: {:?}",
                &text[d.span.clone()]
            );
            // Meanwhile the usual budget applies.
            assert!(
                found.iter().any(|d| d.code == "reading-budget"),
                "{found:#?}"
            );
        }
    }

    #[test]
    fn a_budget_stays_within_twice_the_usual() {
        for (table, value) in [
            ("explain = 91", "91"),
            ("question = 61", "61"),
            ("hint = 41", "41"),
            ("hint = 0", "0"),
        ] {
            let text = with_syllables(
                1,
                1,
                1,
                &format!("[budget]\n{table}\nreason = \"Vì sao.\"\n"),
            );
            let found = problems(&text);
            let d = found
                .iter()
                .find(|d| d.code == "budget-value")
                .unwrap_or_else(|| panic!("{table}: {found:#?}"));
            assert!(d.is_error());
            assert_eq!(&text[d.span.clone()], value);
        }
        let most = "[budget]\nexplain = 90\nquestion = 60\nhint = 40\nreason = \"Vì sao.\"\n";
        assert_eq!(problems(&with_syllables(90, 60, 40, most)), []);
    }

    #[test]
    fn a_misspelt_locale_is_taken_for_the_language_it_was_meant_to_be() {
        let shown = ["vi", "en"];
        for (key, meant) in [
            ("eng", Some("en")),
            ("vie", Some("vi")),
            ("vn", Some("vi")),
            ("en-US", Some("en")),
            ("vi_VN", Some("vi")),
            ("EN", Some("en")),
            ("ne", Some("en")),
            ("iv", Some("vi")),
            ("viet", Some("vi")),
            ("english", Some("en")),
            // Real languages of their own, not slips.
            ("es", None),
            ("fr", None),
            ("km", None),
            ("zh-CN", None),
        ] {
            assert_eq!(meant_locale(key, &shown), meant, "{key}");
        }
    }

    /// The lesson with every text, its title written as the locale table `{ table }`:
    /// the title's problems.
    fn titled(table: &str) -> (String, Vec<Diagnostic>) {
        let text = EVERY_TEXT.replacen("title = \"M01\"", &format!("title = {{ {table} }}"), 1);
        let options = CheckOptions::default();
        let parsed = crate::lesson::parse_lesson(Path::new("x.toml"), &text, &options);
        let title: Vec<Diagnostic> = parsed
            .diagnostics
            .into_iter()
            .filter(|d| d.start.line == 4)
            .collect();
        (text, title)
    }

    #[test]
    fn an_unknown_locale_key_is_pointed_at_with_the_language_meant() {
        for (key, code, severity) in [
            ("eng", "unknown-locale", Severity::Warning),
            ("ne", "unknown-locale", Severity::Warning),
            ("en-US", "locale-key", Severity::Error),
            ("EN", "locale-key", Severity::Error),
        ] {
            let (text, found) = titled(&format!("vi = \"Tựa\", {key} = \"Title\""));
            // One slip, one problem: not also "the title has no `en` text".
            assert_eq!(found.len(), 1, "{key}: {found:#?}");
            let d = &found[0];
            assert_eq!((d.code, d.severity), (code, severity), "{key}");
            assert_eq!(&text[d.span.clone()], key);
            assert_eq!(d.help.as_deref(), Some("did you mean `en`?"), "{key}");
        }
        // Vietnamese under the country's code: the text has no Vietnamese, and says why.
        let (text, found) = titled("vn = \"Tựa\", en = \"Title\"");
        let mut codes: Vec<&str> = found.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            ["missing-vietnamese", "unknown-locale"],
            "{found:#?}"
        );
        let slip = found.iter().find(|d| d.code == "unknown-locale").unwrap();
        assert_eq!(&text[slip.span.clone()], "vn");
        assert_eq!(slip.help.as_deref(), Some("did you mean `vi`?"));
        // A language of its own that the kiosk does not show: said, not corrected.
        let (_, found) = titled("vi = \"Tựa\", fr = \"Titre\"");
        let mut codes: Vec<&str> = found.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        assert_eq!(codes, ["missing-locale", "unknown-locale"], "{found:#?}");
        let slip = found.iter().find(|d| d.code == "unknown-locale").unwrap();
        let help = slip.help.as_deref().unwrap();
        assert!(
            help.contains("`en`, `vi`") && !help.contains("did you mean"),
            "{help}"
        );
        let (_, found) = titled("vi = \"Tựa\", en = \"Title\"");
        assert_eq!(found, []);
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("việt", "viet"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
