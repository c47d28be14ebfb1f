//! `hocso card LESSON`: a page to print and take home, made from the same lesson file:
//! large type, one numbered step a line, the scam warnings boxed with what to do.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{CardArgs, Cli};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{Catalogue, CheckOptions, Lesson, Task};

pub fn run(
    cli: &Cli,
    args: &CardArgs,
    lessons: &Path,
    words: &super::Words,
) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::load_dir(lessons, &CheckOptions::default());
    let Some(lesson) = catalogue.lesson(&args.lesson) else {
        let said = words.with(
            "cli-card-no-lesson",
            &[
                ("lesson", args.lesson.clone().into()),
                ("folder", lessons.display().to_string().into()),
            ],
        );
        eprintln!("{}", words.error_line(said));
        return Ok(ExitCode::FAILURE);
    };
    let lang = super::settings(cli).0.language.value;
    let html = card(lesson, lang, &Localizer::embedded());
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| format!("{}.html", lesson.id).into());
    std::fs::write(&out, html).with_context(|| words.file("cli-writing", &out))?;
    super::say!("{}", words.file("cli-wrote", &out));
    Ok(ExitCode::SUCCESS)
}

/// The card as a self-contained HTML page.
pub fn card(lesson: &Lesson, lang: Lang, i18n: &Localizer) -> String {
    let l = lang.code();
    let t = |id: &str| escape(&i18n.text(lang, id));
    let mut steps = String::new();
    let mut warnings = String::new();
    for step in &lesson.steps {
        let plain = escape(step.text.get(l));
        // A practice step leads with its short name, in bold, unless the name is just
        // the text's own opening words.
        let name = i18n.step_name(step, lang);
        let named = step.is_practice()
            && !step
                .text
                .get(l)
                .starts_with(name.trim_end_matches(['…', '.']));
        let text = if named {
            format!(
                "<strong class=\"name\">{}</strong><br>{plain}",
                escape(&name)
            )
        } else {
            plain.clone()
        };
        match &step.task {
            Task::Choice { options } => {
                let safe = options.iter().find(|o| o.correct);
                if named {
                    let _ = write!(
                        warnings,
                        "<section class=\"warning\"><p class=\"question\">⚠ {}</p><p>{plain}</p>",
                        escape(&name)
                    );
                } else {
                    let _ = write!(
                        warnings,
                        "<section class=\"warning\"><p class=\"question\">⚠ {plain}</p>"
                    );
                }
                if let Some(safe) = safe {
                    let why = safe
                        .feedback
                        .as_ref()
                        .map(|f| format!(" {}", escape(f.get(l))))
                        .unwrap_or_default();
                    let _ = write!(
                        warnings,
                        "<p>{} <strong>{}</strong>{why}</p>",
                        t("card-safe"),
                        escape(safe.text.get(l))
                    );
                }
                warnings.push_str("</section>\n");
            }
            Task::Tap { screen, target } => {
                let label = screen
                    .tappables()
                    .find(|x| x.id() == Some(target.as_str()))
                    .and_then(|x| match x {
                        crate::lesson::Tappable::Element(e) => {
                            e.label.as_ref().map(|t| t.get(l).to_owned())
                        }
                        crate::lesson::Tappable::DialogButton(b) => Some(b.label.get(l).to_owned()),
                    });
                let touch = label
                    .map(|x| format!(" <span class=\"touch\">→ {}</span>", escape(&x)))
                    .unwrap_or_default();
                let _ = writeln!(steps, "<li>{text}{touch}</li>");
            }
            Task::Order { items } => {
                let list: String = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", escape(i.get(l))))
                    .collect();
                let _ = writeln!(steps, "<li>{text}<ol class=\"order\">{list}</ol></li>");
            }
            Task::Scan { url } => {
                let _ = writeln!(
                    steps,
                    "<li>{text} <span class=\"touch\">{}</span></li>",
                    escape(url)
                );
            }
            _ => {
                let _ = writeln!(steps, "<li>{text}</li>");
            }
        }
    }
    let careful = if warnings.is_empty() {
        String::new()
    } else {
        format!("<h2>{}</h2>\n{warnings}", t("card-careful"))
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p class=\"summary\">{summary}</p>\n<h2>{steps_title}</h2>\n<ol class=\"steps\">\n{steps}</ol>\n{careful}<p class=\"note\">{practice}</p>\n<p class=\"help\">{help}</p>\n</body>\n</html>\n",
        title = escape(lesson.title.get(l)),
        summary = escape(lesson.summary.get(l)),
        steps_title = t("card-steps"),
        practice = t("card-practice"),
        help = t("card-help"),
    )
}

/// Large, plain, black on white: for older eyes and any printer.
const STYLE: &str = "body { font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 20pt; line-height: 1.5; color: #000; background: #fff; max-width: 48em; margin: 1em auto; padding: 0 1em; }
h1 { font-size: 28pt; margin-bottom: 0.2em; }
h2 { font-size: 22pt; margin-top: 1em; }
ol.steps > li { margin-bottom: 0.6em; }
ol.order { font-size: 18pt; }
.touch { font-weight: bold; white-space: nowrap; }
.warning { border: 4px solid #000; padding: 0.4em 0.8em; margin: 0.6em 0; page-break-inside: avoid; }
.warning .question { font-weight: bold; }
.note, .help { font-size: 16pt; }
@media print { body { margin: 0; } }
";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
