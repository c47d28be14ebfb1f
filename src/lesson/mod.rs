//! Lessons: the file format, its loader and checker, and the checked model the tutor uses.
//!
//! A file goes `LessonFile` (as written, with spans) → checks → `Lesson` (checked,
//! NFC-normalised, every step's kind with exactly the data it needs). Problems come back
//! as [`Diagnostic`]s with file, line and column; a file with errors yields no lesson.

pub mod budget;
mod catalogue;
mod check;
pub mod diagnostic;
pub mod file;
pub mod glossary;
mod load;
pub mod qr;
pub mod schema;
pub mod text;
mod visible;

use std::path::PathBuf;

pub use budget::{ReadingBudget, syllables};
pub use catalogue::{Catalogue, CheckOptions, CheckRun, check_paths};
pub use check::content_root;
pub use diagnostic::{Diagnostic, Severity};
pub use diagnostic::{LineIndex, Position};
pub use file::{ElementKind, InputMethod, StepKind};
pub use glossary::{Glossary, Mark, Term};
pub use load::{MAX_FILE_BYTES, MAX_SYNTAX_ERRORS, ParsedLesson, SourceFile, parse_lesson};
pub use text::{LocalText, nfc};

/// The lesson format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Text columns available to a step's text on the smallest supported screen (40 cells
/// wide, less a border and a margin each side). A word wider than this would be cut.
pub const MIN_TEXT_COLUMNS: usize = 36;

/// The mark of a text `hocso new` wrote for the author to replace ("sửa": edit). The
/// checker warns (`placeholder-left`) wherever one is left.
pub const PLACEHOLDER: &str = "«SỬA»";

/// Interface locales the checker expects every text to have unless told otherwise.
pub const DEFAULT_LOCALES: &[&str] = &["vi", "en"];

/// The order topics are taught in, in the lesson menu: the phone itself, then VNeID,
/// paying, staying safe, Zalo, public services. Other topics follow, as they come.
pub const TOPIC_ORDER: &[&str] = &[
    "dien-thoai",
    "vneid",
    "thanh-toan",
    "an-toan",
    "zalo",
    "dich-vu-cong",
];

/// The most words (syllables, in Vietnamese) a step's `name` should have: it stands for
/// the step in a list, one line on the smallest screen.
pub const MAX_NAME_WORDS: usize = 8;

/// Review intervals in days for mastered lessons (Leitner boxes), unless a lesson says.
pub const DEFAULT_REVIEW_DAYS: &[u32] = &[1, 3, 7, 21, 60];

/// A checked lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    pub id: String,
    pub topic: String,
    pub title: LocalText,
    pub summary: LocalText,
    pub minutes: u32,
    pub prerequisites: Vec<String>,
    pub mastery: MasteryRule,
    pub review_days: Vec<u32>,
    /// The lesson sets its own review days (else the kiosk's configuration may).
    pub review_days_given: bool,
    pub steps: Vec<Step>,
    /// The file it came from.
    pub source: PathBuf,
}

impl Lesson {
    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Steps the learner answers (everything but `explain`).
    pub fn practice_steps(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.is_practice())
    }
}

/// When a practice step counts as mastered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MasteryRule {
    /// `n` first-try, unhinted right answers in a row.
    InARow { n: u32 },
    /// `m` of the last `n` answers right on the first try.
    MOfN { m: u32, n: u32 },
    /// Right once, first try.
    All,
}

impl Default for MasteryRule {
    fn default() -> Self {
        MasteryRule::InARow { n: 2 }
    }
}

/// One screen of a lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    /// The short name the lesson gives it, if any (see [`Step::display_name`]).
    pub name: Option<LocalText>,
    pub text: LocalText,
    pub hint: Option<LocalText>,
    /// Narration file named in the lesson, resolved against the content folder.
    pub narration: Option<PathBuf>,
    pub right_feedback: Option<LocalText>,
    pub wrong_feedback: Option<LocalText>,
    /// `choice`, `order`: each showing puts the options (items) in a new order; false
    /// keeps the options as written, for options whose order means something.
    pub shuffle: bool,
    pub task: Task,
}

impl Step {
    pub fn kind(&self) -> StepKind {
        match self.task {
            Task::Explain { .. } => StepKind::Explain,
            Task::Tap { .. } => StepKind::Tap,
            Task::Choice { .. } => StepKind::Choice,
            Task::Order { .. } => StepKind::Order,
            Task::Type { .. } => StepKind::Type,
            Task::Scan { .. } => StepKind::Scan,
        }
    }

    /// The step's short name in `locale`, for lists: the summary's steps to practise, the
    /// take-home card, the volunteer's screens and the reports' step table.
    ///
    /// The lesson's own `name` when it has one. Otherwise a `tap` step is named by what
    /// is touched, a `scan` step for its code, in the interface's words (`words`, see
    /// [`crate::i18n::Localizer::step_name`]: "Chạm vào CH Play", "Quét mã QR"), and
    /// every other step by the first sentence of its text, without its closing full stop
    /// or colon, cut to [`MAX_NAME_WORDS`] words and "…" when it is more than two words
    /// longer.
    pub fn display_name(&self, locale: &str, words: &dyn Fn(NameOf<'_>) -> String) -> String {
        if let Some(name) = &self.name {
            return name.get(locale).to_owned();
        }
        match &self.task {
            Task::Tap { screen, target } => {
                let label = screen
                    .tappables()
                    .find(|t| t.id() == Some(target.as_str()))
                    .and_then(|t| match t {
                        Tappable::Element(e) => e.label.as_ref().map(|l| l.get(locale)),
                        Tappable::DialogButton(b) => Some(b.label.get(locale)),
                    })
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && budget::syllables(l) <= MAX_NAME_WORDS - 2);
                if let Some(label) = label {
                    return words(NameOf::Tap(label));
                }
            }
            Task::Scan { .. } => return words(NameOf::Scan),
            _ => {}
        }
        short_sentence(self.text.get(locale))
    }

    /// Whether the learner answers this step (and so it counts toward mastery).
    pub fn is_practice(&self) -> bool {
        !matches!(self.task, Task::Explain { .. })
    }

    /// The pretend phone's screen, for the kinds that show one.
    pub fn screen(&self) -> Option<&Screen> {
        match &self.task {
            Task::Explain { screen } | Task::Type { screen, .. } => screen.as_ref(),
            Task::Tap { screen, .. } => Some(screen),
            _ => None,
        }
    }
}

/// What a step with no `name` of its own is named by, put in the interface's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameOf<'a> {
    /// A `tap` step: the label of what is touched.
    Tap(&'a str),
    /// A `scan` step.
    Scan,
}

/// The first sentence of `text`, without its closing full stop or colon; a sentence of
/// more than [`MAX_NAME_WORDS`] + 2 words is cut to [`MAX_NAME_WORDS`] words and "…". A sentence ends at `.`, `?`, `!` or `:` followed by a blank or the end,
/// so "15.000.000 đồng" stays whole.
fn short_sentence(text: &str) -> String {
    let mut end = text.len();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = matches!(c, '.' | '?' | '!' | ':' | '\n');
        if ends && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) {
            end = if matches!(c, '.' | ':' | '\n') {
                i
            } else {
                i + c.len_utf8()
            };
            break;
        }
    }
    let words: Vec<&str> = text[..end].split_whitespace().collect();
    // A whole sentence a word or two long reads better than one cut short.
    if words.len() > MAX_NAME_WORDS + 2 {
        let cut = words[..MAX_NAME_WORDS].join(" ");
        let cut = cut.trim_end_matches([',', ';', ':', '.', '-', '–', '—']);
        format!("{cut}…")
    } else {
        words.join(" ")
    }
}

/// What a step asks of the learner, with exactly the data that needs.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    Explain {
        screen: Option<Screen>,
    },
    Tap {
        screen: Screen,
        /// Id of the element (or dialog button) to tap.
        target: String,
    },
    Choice {
        options: Vec<ChoiceOption>,
    },
    Order {
        /// In the right order.
        items: Vec<LocalText>,
    },
    Type {
        screen: Option<Screen>,
        /// Id of the field element that shows the input.
        field: Option<String>,
        /// NFC, trimmed.
        answer: String,
        /// Other right inputs, NFC, trimmed.
        accept: Vec<String>,
        input: InputMethod,
    },
    Scan {
        url: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChoiceOption {
    pub text: LocalText,
    pub correct: bool,
    pub feedback: Option<LocalText>,
}

/// What the pretend phone shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Screen {
    pub title: Option<LocalText>,
    pub elements: Vec<Element>,
}

impl Screen {
    /// Every element and dialog button that can be tapped, with its id.
    pub fn tappables(&self) -> impl Iterator<Item = Tappable<'_>> {
        self.elements.iter().flat_map(|e| {
            let own = e.kind.is_tappable().then_some(Tappable::Element(e));
            own.into_iter()
                .chain(e.buttons.iter().map(Tappable::DialogButton))
        })
    }
}

/// Something on the phone a learner can tap.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tappable<'a> {
    Element(&'a Element),
    DialogButton(&'a Button),
}

impl Tappable<'_> {
    pub fn id(&self) -> Option<&str> {
        match self {
            Tappable::Element(e) => e.id.as_deref(),
            Tappable::DialogButton(b) => b.id.as_deref(),
        }
    }

    pub fn feedback(&self) -> Option<&LocalText> {
        match self {
            Tappable::Element(e) => e.feedback.as_ref(),
            Tappable::DialogButton(b) => b.feedback.as_ref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub id: Option<String>,
    pub kind: ElementKind,
    pub label: Option<LocalText>,
    pub detail: Option<LocalText>,
    pub on: bool,
    pub feedback: Option<LocalText>,
    pub buttons: Vec<Button>,
}

impl ElementKind {
    /// Whether a learner can tap this kind of element.
    pub fn is_tappable(self) -> bool {
        !matches!(self, ElementKind::Text | ElementKind::Dialog)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub id: Option<String>,
    pub label: LocalText,
    pub feedback: Option<LocalText>,
}

/// Whether `id` is a valid stable id: lowercase ASCII letters and digits in words
/// joined by single hyphens.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        for ok in ["vneid", "vneid-cai-dat", "buoc-1", "a1-b2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "VNeID", "cài-đặt", "a--b", "-a", "a-", "a_b", "a b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    fn step(text: &str, task: Task) -> Step {
        Step {
            id: "mot-buoc".into(),
            name: None,
            text: LocalText::vi(text),
            hint: None,
            narration: None,
            right_feedback: None,
            wrong_feedback: None,
            shuffle: true,
            task,
        }
    }

    fn i18n() -> crate::i18n::Localizer {
        crate::i18n::Localizer::embedded()
    }

    use crate::i18n::Lang;

    /// Its name in Vietnamese, in the interface's words.
    trait Named {
        fn named(&self) -> String;
    }

    impl Named for Step {
        fn named(&self) -> String {
            i18n().step_name(self, Lang::Vi)
        }
    }

    fn choice() -> Task {
        Task::Choice { options: vec![] }
    }

    #[test]
    fn a_given_name_is_the_name_in_each_locale() {
        let mut s = step("Một số lạ nhắn tới: “Mã OTP của bác là…”", choice());
        s.name = Some(LocalText::vi("Tin nhắn lạ đòi mã OTP"));
        assert_eq!(i18n().step_name(&s, Lang::Vi), "Tin nhắn lạ đòi mã OTP");
        // A locale the name lacks falls back to Vietnamese, as every text does.
        assert_eq!(i18n().step_name(&s, Lang::En), "Tin nhắn lạ đòi mã OTP");
    }

    #[test]
    fn a_tap_step_is_named_by_what_is_touched() {
        let screen = Screen {
            title: None,
            elements: vec![Element {
                id: Some("ch-play".into()),
                kind: ElementKind::App,
                label: Some(LocalText::vi("CH Play")),
                detail: None,
                on: false,
                feedback: None,
                buttons: vec![],
            }],
        };
        let s = step(
            "Bác chạm vào ứng dụng để tải ứng dụng.",
            Task::Tap {
                screen,
                target: "ch-play".into(),
            },
        );
        assert_eq!(i18n().step_name(&s, Lang::Vi), "Chạm vào CH Play");
        assert_eq!(i18n().step_name(&s, Lang::En), "Tap CH Play");
    }

    #[test]
    fn other_steps_are_named_by_their_first_sentence_cut_short() {
        assert_eq!(
            step(
                "Bác chuyển 15.000.000 đồng. Ứng dụng hỏi khuôn mặt.",
                choice()
            )
            .named(),
            "Bác chuyển 15.000.000 đồng"
        );
        assert_eq!(
            step("Một số lạ nhắn tới: “Bác trúng thưởng”", choice()).named(),
            "Một số lạ nhắn tới"
        );
        assert_eq!(
            step(
                "Khi có người gọi điện xưng là công an và đòi bác đọc mã, bác làm gì?",
                choice()
            )
            .named(),
            "Khi có người gọi điện xưng là công…"
        );
        // Nine or ten words stay whole.
        assert_eq!(
            step(
                "Người gọi tự xưng công an hỏi mã OTP. Bác làm gì?",
                choice()
            )
            .named(),
            "Người gọi tự xưng công an hỏi mã OTP"
        );
        assert_eq!(
            step(
                "Quét mã này.",
                Task::Scan {
                    url: "https://x.vn".into()
                }
            )
            .named(),
            "Quét mã QR"
        );
    }
}
