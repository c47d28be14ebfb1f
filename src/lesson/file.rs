//! A lesson file exactly as written, with the byte span of every value.
//!
//! These types are the source of `schema/lesson.schema.json` (their doc comments
//! become the descriptions an editor shows) and of the checker's spans. Steps and
//! screen elements are flat tables with a `kind`: serde's internally tagged enums
//! would buffer the table and lose every span inside it, so the checker enforces
//! which fields belong to which kind instead.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::text::TextFile;

/// One hocso lesson: a procedure a resident learns, step by step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "hocso lesson")]
pub struct LessonFile {
    /// Version of the lesson format. This hocso reads format 1.
    #[schemars(with = "u32", range(min = 1, max = 1))]
    pub format_version: Spanned<u32>,
    /// Stable id: lowercase letters, digits and hyphens, e.g. "vneid-cai-dat". Progress is
    /// saved against it, so never change it once learners have used the lesson.
    #[schemars(
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        length(max = 64)
    )]
    pub id: Spanned<String>,
    /// The topic the lesson menu groups it under, e.g. "vneid", "thanh-toan", "an-toan".
    #[schemars(
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        length(max = 64)
    )]
    pub topic: Spanned<String>,
    /// Title shown in the lesson menu.
    #[schemars(with = "TextFile")]
    pub title: Spanned<TextFile>,
    /// One or two sentences: what the learner will be able to do.
    #[schemars(with = "TextFile")]
    pub summary: Spanned<TextFile>,
    /// Estimated minutes for a first pass.
    #[schemars(with = "u32", range(min = 1, max = 120))]
    pub minutes: Spanned<u32>,
    /// Ids of lessons best done before this one (recommended, not enforced).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub prerequisites: Vec<Spanned<String>>,
    /// When a practice step counts as mastered. Default: two right answers in a row.
    #[serde(default)]
    #[schemars(with = "Option<MasteryFile>")]
    pub mastery: Option<Spanned<MasteryFile>>,
    /// This lesson's own reading budgets, raised (or lowered) from the usual 45 syllables
    /// for an explanation, 30 for a question and 20 for a hint, with the reason why.
    #[serde(default)]
    #[schemars(with = "Option<BudgetFile>")]
    pub budget: Option<Spanned<BudgetFile>>,
    /// The steps, in order: one screen each.
    #[schemars(with = "Vec<StepFile>", length(min = 1))]
    pub steps: Spanned<Vec<Spanned<serde::de::IgnoredAny>>>,
}

/// The mastery rule of a lesson.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MasteryFile {
    /// "in_a_row" (n right in a row), "m_of_n" (m of the last n right) or "all" (each
    /// practice step right once). Only first-try answers without a hint count.
    #[schemars(with = "RuleKind")]
    pub rule: Spanned<RuleKind>,
    /// For "in_a_row": how many in a row (default 2). For "m_of_n": how many recent answers.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 20))]
    pub n: Option<Spanned<u32>>,
    /// For "m_of_n": how many of the last n must be right.
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 20))]
    pub m: Option<Spanned<u32>>,
    /// Days between reviews once mastered (Leitner boxes), e.g. [1, 3, 7, 21, 60].
    #[serde(default)]
    #[schemars(with = "Option<Vec<u32>>", length(min = 1))]
    pub review_days: Option<Spanned<Vec<u32>>>,
}

/// A lesson's own reading budgets: the most syllables (Vietnamese words) a text of it may
/// have before `hocso check` warns. Each is optional (the usual one applies); the reason
/// is required.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetFile {
    /// Syllables in an `explain` step's text (usually 45; at most 90).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 90))]
    pub explain: Option<Spanned<u32>>,
    /// Syllables in a practice step's text, its question or instruction (usually 30; at
    /// most 60).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 60))]
    pub question: Option<Spanned<u32>>,
    /// Syllables in a hint (usually 20; at most 40).
    #[serde(default)]
    #[schemars(with = "Option<u32>", range(min = 1, max = 40))]
    pub hint: Option<Spanned<u32>>,
    /// Why this lesson needs other budgets: required, so that a longer text is a decision
    /// a reviewer can read, not an accident.
    // Optional to serde (no `default` needed: a missing `Option` is `None`), required in
    // the schema: the checker says what is missing in its own words (`budget-reason`).
    #[schemars(with = "String", length(min = 1))]
    pub reason: Option<Spanned<String>>,
}

/// Mastery rule names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// A practice step is mastered after `n` right answers in a row.
    InARow,
    /// A practice step is mastered when `m` of its last `n` answers were right.
    MOfN,
    /// Every practice step right once.
    All,
}

/// One step: one screen with one thing to read or do.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("allOf" = [
    { "if": { "properties": { "kind": { "const": "tap" } } }, "then": { "required": ["screen", "target"] } },
    { "if": { "properties": { "kind": { "const": "choice" } } }, "then": { "required": ["options"] } },
    { "if": { "properties": { "kind": { "const": "order" } } }, "then": { "required": ["items"] } },
    { "if": { "properties": { "kind": { "const": "type" } } }, "then": { "required": ["answer"] } },
    { "if": { "properties": { "kind": { "const": "scan" } } }, "then": { "required": ["url"] } }
]))]
pub struct StepFile {
    /// Stable id within the lesson, e.g. "mo-ung-dung". Narration files are named after it.
    #[schemars(
        with = "String",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        length(max = 64)
    )]
    pub id: Spanned<String>,
    /// A short name for the step (at most about 8 words), shown where steps are listed:
    /// the summary's steps to practise, the take-home card, the volunteer's screens and
    /// the reports. Default: derived from the step (see `docs/lesson-format.md`).
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub name: Option<Spanned<TextFile>>,
    /// What the learner does here.
    #[schemars(with = "StepKind")]
    pub kind: Spanned<StepKind>,
    /// The instruction or explanation, in large text. For `choice`, the question.
    #[schemars(with = "TextFile")]
    pub text: Spanned<TextFile>,
    /// Shown after a wrong answer (practice steps).
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub hint: Option<Spanned<TextFile>>,
    /// Narration audio, relative to the content folder (the folder that holds `lessons/`).
    /// Default: assets/audio/<lesson-id>/<step-id>.ogg when that file exists.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub narration: Option<Spanned<String>>,
    /// Said when the answer is right (default: a warm word from the interface).
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub right_feedback: Option<Spanned<TextFile>>,
    /// Said when the answer is wrong and nothing more specific applies.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub wrong_feedback: Option<Spanned<TextFile>>,
    /// The pretend phone's screen (`explain`, `tap`, `type`).
    #[serde(default)]
    #[schemars(with = "Option<ScreenFile>")]
    pub screen: Option<Spanned<ScreenFile>>,
    /// `tap`: id of the element on the screen to tap.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub target: Option<Spanned<String>>,
    /// `choice`: the answers; exactly one has `correct = true`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<ChoiceFile>>")]
    pub options: Option<Spanned<Vec<ChoiceFile>>>,
    /// `order`: the steps of a procedure, written in the right order (shown shuffled).
    #[serde(default)]
    #[schemars(with = "Option<Vec<TextFile>>")]
    pub items: Option<Spanned<Vec<Spanned<TextFile>>>>,
    /// `choice`, `order`: whether each showing puts the options (or the items) in a new
    /// order, so a step repeated until mastered is answered by knowing, not by place.
    /// Default true; false keeps the options as written (and an order step's items in
    /// one wrong order), for options whose order means something ("Cả hai ý trên").
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub shuffle: Option<Spanned<bool>>,
    /// `type`: the expected input (made-up practice data), compared after NFC and trimming.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub answer: Option<Spanned<String>>,
    /// `type`: other inputs that are also right.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub accept: Vec<Spanned<String>>,
    /// `type`: id of the `field` element on the screen that receives the input.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub field: Option<Spanned<String>>,
    /// `type`: how the learner types: "text" (default), "digits" (an on-screen keypad),
    /// "telex" or "vni" (Vietnamese keyboard input methods).
    #[serde(default)]
    #[schemars(with = "Option<InputMethod>")]
    pub input: Option<Spanned<InputMethod>>,
    /// `scan`: the address in the QR code. Only safe, official https addresses.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// The kinds of step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Text to read (and maybe a screen to look at); nothing to answer.
    Explain,
    /// Tap the right element on the pretend phone.
    Tap,
    /// Pick the one right answer.
    Choice,
    /// Put the items in the right order.
    Order,
    /// Type into a field or on a keypad.
    Type,
    /// Scan a real QR code shown on screen with your own phone.
    Scan,
}

impl StepKind {
    /// The name used in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            StepKind::Explain => "explain",
            StepKind::Tap => "tap",
            StepKind::Choice => "choice",
            StepKind::Order => "order",
            StepKind::Type => "type",
            StepKind::Scan => "scan",
        }
    }
}

/// How a `type` step takes input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InputMethod {
    /// Letters and digits as typed.
    Text,
    /// Digits on an on-screen keypad.
    Digits,
    /// Vietnamese Telex: "Vieejt" becomes "Việt".
    Telex,
    /// Vietnamese VNI: "Vie65t" becomes "Việt".
    Vni,
}

/// One answer of a `choice` step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    /// The answer as shown.
    #[schemars(with = "TextFile")]
    pub text: Spanned<TextFile>,
    /// True for the one right answer.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub correct: Option<Spanned<bool>>,
    /// Said when this answer is picked: why it is right, or why it is not.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub feedback: Option<Spanned<TextFile>>,
}

/// What the pretend phone shows.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenFile {
    /// The bar at the top: the app's name or the screen's title.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub title: Option<Spanned<TextFile>>,
    /// What is on the screen, top to bottom. App icons in a row form a grid.
    #[serde(default)]
    pub elements: Vec<ElementFile>,
}

/// One thing on the pretend phone's screen.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ElementFile {
    /// Id used by `target` and `field`; needed only for elements a step refers to.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        length(max = 64)
    )]
    pub id: Option<Spanned<String>>,
    /// What the element is.
    #[schemars(with = "ElementKind")]
    pub kind: Spanned<ElementKind>,
    /// The visible name: the app's name, the button's word, the row's first line, the
    /// field's name, the dialog's title, the SMS sender.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub label: Option<Spanned<TextFile>>,
    /// The second line: a row's detail, a field's value or placeholder, the dialog's
    /// message, the SMS text.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub detail: Option<Spanned<TextFile>>,
    /// `toggle`: whether the switch is on.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub on: Option<Spanned<bool>>,
    /// Said when this element is tapped by mistake.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub feedback: Option<Spanned<TextFile>>,
    /// `dialog`: its buttons, left to right.
    #[serde(default)]
    pub buttons: Vec<ButtonFile>,
}

/// The kinds of element on the pretend phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// An app icon with its name.
    App,
    /// A button.
    Button,
    /// A row in a list or menu (label, and an optional detail line).
    Row,
    /// An input field (label, and a value or placeholder as detail).
    Field,
    /// A numeric keypad.
    Keypad,
    /// Plain text on the screen; cannot be tapped.
    Text,
    /// A dialog box (title as label, message as detail, and buttons).
    Dialog,
    /// An SMS notification banner (sender as label, message as detail).
    Sms,
    /// A switch that is on or off.
    Toggle,
}

impl ElementKind {
    /// The name used in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            ElementKind::App => "app",
            ElementKind::Button => "button",
            ElementKind::Row => "row",
            ElementKind::Field => "field",
            ElementKind::Keypad => "keypad",
            ElementKind::Text => "text",
            ElementKind::Dialog => "dialog",
            ElementKind::Sms => "sms",
            ElementKind::Toggle => "toggle",
        }
    }
}

/// A button inside a dialog.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ButtonFile {
    /// Id used by `target`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"),
        length(max = 64)
    )]
    pub id: Option<Spanned<String>>,
    /// The button's word.
    #[schemars(with = "TextFile")]
    pub label: Spanned<TextFile>,
    /// Said when this button is tapped by mistake.
    #[serde(default)]
    #[schemars(with = "Option<TextFile>")]
    pub feedback: Option<Spanned<TextFile>>,
}
