//! A report as Markdown for people (in the kiosk's language) and as CSV for spreadsheets.

use std::fmt::Write as _;

use fluent_bundle::FluentValue;

use super::{Counts, Report, StepRow};
use crate::i18n::{Lang, Localizer};
use crate::lesson::Lesson;

/// Steps right first time less often than this, in percent, are marked as hard...
pub const HARD_BELOW_PERCENT: u64 = 60;
/// ...once this many learners have tried them.
pub const HARD_AFTER_TRIES: u64 = 10;

/// How to read one figure of a day.
type Figure = fn(&Counts) -> u64;

/// The day table's columns: a message id and how to read the figure.
const COLUMNS: [(&str, Figure); 11] = [
    ("report-sessions", |c| c.sessions),
    ("report-learners", |c| c.learners),
    ("report-new-learners", |c| c.new_learners),
    ("report-returning-learners", |c| c.returning_learners),
    ("report-lessons-started", |c| c.lessons_started),
    ("report-lessons-mastered", |c| c.lessons_mastered),
    ("report-reviews-passed", |c| c.reviews_passed),
    ("report-reviews-failed", |c| c.reviews_failed),
    ("report-needs-help", |c| c.needs_help),
    ("report-answers", |c| c.answers),
    ("report-assisted", |c| c.assisted),
];

/// A date as the reader writes it: 20/11/2026 in Vietnamese, 2026-11-20 otherwise.
fn local_date(date: &str, lang: Lang) -> String {
    match (lang, super::date::parse(date)) {
        (Lang::Vi, Some(day)) => {
            let (y, m, d) = super::date::civil(day);
            format!("{d:02}/{m:02}/{y}")
        }
        _ => date.to_owned(),
    }
}

/// A value from a learner, a lesson, the configuration or a merged file, as Markdown
/// that shows it as typed and does nothing else: HTML's `<`, `>` and `&` as entities (no
/// tag, script or image), Markdown's punctuation escaped with `\` (no emphasis, link,
/// image, code or table cell), a list or heading mark at its start escaped, and line
/// breaks and other control characters as spaces (a table row stays one line).
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '(' | ')' | '!' | '#' | '|' | '~' | '{' | '}'
            | '$' | '^' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    // What starts a list, a heading, a quote or a rule only at the start of a line.
    if out.starts_with(['-', '+', '=', ':']) {
        out.insert(0, '\\');
    } else if let Some(digits) = out.find(|c: char| !c.is_ascii_digit()).filter(|&n| n > 0)
        && out[digits..].starts_with(['.', ')'])
    {
        out.insert(digits, '\\');
    }
    out
}

fn row(out: &mut String, cells: &[String]) {
    out.push('|');
    for c in cells {
        let _ = write!(out, " {c} |");
    }
    out.push('\n');
}

fn header(out: &mut String, cells: &[String], numeric_from: usize) {
    row(out, cells);
    out.push('|');
    for i in 0..cells.len() {
        out.push_str(if i >= numeric_from {
            " ---: |"
        } else {
            " --- |"
        });
    }
    out.push('\n');
}

/// The report for people: totals, days, age bands, lessons, and the steps that are hard.
/// `lessons` (the kiosk's catalogue, when it loads) gives titles and the steps' order.
pub fn to_markdown(report: &Report, i18n: &Localizer, lang: Lang, lessons: &[Lesson]) -> String {
    let t = |id: &str| i18n.text(lang, id);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", t("report-title"));
    if !report.wards.is_empty() {
        let wards = report
            .wards
            .iter()
            .map(|w| md(w))
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "{}  ",
            i18n.text_with(lang, "report-wards", &[("wards", FluentValue::from(wards))])
        );
    }
    let _ = writeln!(
        out,
        "{}  \n{}\n",
        i18n.text_with(
            lang,
            "report-kiosks",
            &[(
                "kiosks",
                FluentValue::from(
                    report
                        .kiosks
                        .iter()
                        .map(|k| md(k))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            )]
        ),
        i18n.text_with(
            lang,
            "report-period",
            &[
                (
                    "from",
                    FluentValue::from(md(&local_date(&report.from, lang)))
                ),
                ("to", FluentValue::from(md(&local_date(&report.to, lang))))
            ]
        )
    );
    if report.days.is_empty() {
        let _ = writeln!(out, "{}", t("report-nothing"));
        return out;
    }

    let _ = writeln!(out, "## {}\n", t("report-totals"));
    header(&mut out, &[t("report-measure"), t("report-value")], 1);
    for (id, figure) in COLUMNS {
        row(&mut out, &[t(id), figure(&report.totals).to_string()]);
    }
    // How a learner erased since counts: what went with her, and what stays.
    let _ = writeln!(out, "\n{}", t("report-erased-note"));

    let _ = writeln!(out, "\n## {}\n", t("report-by-day"));
    let mut cells = vec![t("report-date")];
    cells.extend(COLUMNS.iter().map(|(id, _)| t(id)));
    header(&mut out, &cells, 1);
    for day in &report.days {
        let mut cells = vec![md(&local_date(&day.date, lang))];
        cells.extend(COLUMNS.iter().map(|(_, f)| f(&day.counts).to_string()));
        row(&mut out, &cells);
    }

    let _ = writeln!(out, "\n## {}\n", t("report-by-band"));
    header(
        &mut out,
        &[
            t("report-band"),
            t("report-learners"),
            t("report-new-learners"),
            t("report-sessions"),
        ],
        1,
    );
    for band in &report.age_bands {
        row(
            &mut out,
            &[
                md(&t(&format!("report-band-{}", band.band.replace('+', "")))),
                band.learners.to_string(),
                band.new_learners.to_string(),
                band.sessions.to_string(),
            ],
        );
    }

    let title = |id: &str| {
        lessons
            .iter()
            .find(|l| l.id == id)
            .map(|l| format!("{} ({})", md(l.title.get(lang.code())), md(id)))
            .unwrap_or_else(|| md(id))
    };
    let _ = writeln!(out, "\n## {}\n", t("report-by-lesson"));
    header(
        &mut out,
        &[
            t("report-lesson"),
            t("report-lessons-started"),
            t("report-lessons-mastered"),
            t("report-reviews-passed"),
            t("report-reviews-failed"),
        ],
        1,
    );
    for lesson in &report.lessons {
        row(
            &mut out,
            &[
                title(&lesson.lesson),
                lesson.started.to_string(),
                lesson.mastered.to_string(),
                lesson.reviews_passed.to_string(),
                lesson.reviews_failed.to_string(),
            ],
        );
    }

    let _ = writeln!(out, "\n## {}\n", t("report-by-step"));
    let _ = writeln!(
        out,
        "{}\n",
        i18n.text_with(
            lang,
            "report-steps-help",
            &[
                ("percent", FluentValue::from(HARD_BELOW_PERCENT)),
                ("tries", FluentValue::from(HARD_AFTER_TRIES))
            ]
        )
    );
    header(
        &mut out,
        &[
            t("report-lesson"),
            t("report-step"),
            t("report-first-tries"),
            t("report-first-right"),
            t("report-success"),
            t("report-assisted"),
        ],
        2,
    );
    for step in ordered_steps(&report.steps, lessons) {
        let success = step.success().map_or_else(
            || "–".to_owned(),
            |p| {
                if is_hard(step) {
                    format!("⚠ {p}%")
                } else {
                    format!("{p}%")
                }
            },
        );
        // As learners see them: the lesson's title, the step's number and name; the ids
        // stay in the JSON and CSV, for machines.
        let lesson = lessons.iter().find(|l| l.id == step.lesson);
        // The number is written outside `md`: inside a table cell "3." starts no list.
        let step_name = lesson
            .and_then(|l| {
                let n = l.steps.iter().position(|s| s.id == step.step)?;
                Some(format!(
                    "{}. {}",
                    n + 1,
                    md(&i18n.step_name(&l.steps[n], lang))
                ))
            })
            .unwrap_or_else(|| md(&step.step));
        row(
            &mut out,
            &[
                lesson.map_or_else(|| md(&step.lesson), |l| md(l.title.get(lang.code()))),
                step_name,
                step.first_tries.to_string(),
                step.first_right.to_string(),
                success,
                step.assisted.to_string(),
            ],
        );
    }

    if let Some(names) = &report.names {
        let _ = writeln!(
            out,
            "\n## {}\n\n{}\n",
            t("report-names"),
            t("report-names-warning")
        );
        header(
            &mut out,
            &[
                t("report-kiosk"),
                t("report-name"),
                t("report-band"),
                t("report-sessions"),
                t("report-lessons-mastered"),
            ],
            3,
        );
        for n in names {
            row(
                &mut out,
                &[
                    md(&n.kiosk),
                    md(&n.name),
                    md(&t(&format!("report-band-{}", n.band.replace('+', "")))),
                    n.sessions.to_string(),
                    n.lessons_mastered.to_string(),
                ],
            );
        }
    }
    out
}

/// Right first time too rarely, by enough learners to tell.
pub fn is_hard(step: &StepRow) -> bool {
    step.first_tries >= HARD_AFTER_TRIES && step.success().is_some_and(|p| p < HARD_BELOW_PERCENT)
}

/// Steps in the order their lesson gives them, where the lesson is known.
fn ordered_steps<'a>(steps: &'a [StepRow], lessons: &[Lesson]) -> Vec<&'a StepRow> {
    let mut sorted: Vec<&StepRow> = steps.iter().collect();
    sorted.sort_by_key(|s| {
        let position = lessons
            .iter()
            .find(|l| l.id == s.lesson)
            .and_then(|l| l.steps.iter().position(|x| x.id == s.step))
            .unwrap_or(usize::MAX);
        (s.lesson.clone(), position, s.step.clone())
    });
    sorted
}

/// The report for spreadsheets, in long form: one figure per row, with the table it
/// belongs to and what it is of; the first rows say which kiosks and period it covers.
/// A text that a spreadsheet would take for a formula is written with a leading `'`. It
/// starts with a byte-order mark, by which spreadsheets know it is UTF-8 (Vietnamese
/// names are garbled without it). The column headers are in `lang`, for the person who
/// opens it; the values are the same in every language, for formulas and other programs.
pub fn to_csv(report: &Report, i18n: &Localizer, lang: Lang) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(CSV_COLUMNS.map(|id| i18n.text(lang, id)))?;
    let names: Vec<&str> = COLUMNS
        .iter()
        .map(|(id, _)| &id["report-".len()..])
        .collect();
    let mut figure = |table: &str, key: [&str; 5], measure: &str, value: String| {
        let mut record = vec![table.to_owned()];
        record.extend(key.iter().map(|k| safe(k)));
        record.push(measure.replace('-', "_"));
        record.push(safe(&value));
        out.write_record(&record)
    };
    for (measure, value) in [
        ("kiosks", report.kiosks.join("; ")),
        ("wards", report.wards.join("; ")),
        ("from", report.from.clone()),
        ("to", report.to.clone()),
    ] {
        figure("report", ["", "", "", "", ""], measure, value)?;
    }
    for ((_, f), name) in COLUMNS.iter().zip(&names) {
        figure(
            "totals",
            ["", "", "", "", ""],
            name,
            f(&report.totals).to_string(),
        )?;
    }
    for day in &report.days {
        for ((_, f), name) in COLUMNS.iter().zip(&names) {
            figure(
                "day",
                [&day.date, "", "", "", ""],
                name,
                f(&day.counts).to_string(),
            )?;
        }
    }
    for b in &report.age_bands {
        for (name, value) in [
            ("learners", b.learners),
            ("new_learners", b.new_learners),
            ("sessions", b.sessions),
        ] {
            figure(
                "age_band",
                ["", &b.band, "", "", ""],
                name,
                value.to_string(),
            )?;
        }
    }
    for l in &report.lessons {
        for (name, value) in [
            ("started", l.started),
            ("mastered", l.mastered),
            ("reviews_passed", l.reviews_passed),
            ("reviews_failed", l.reviews_failed),
        ] {
            figure(
                "lesson",
                ["", "", &l.lesson, "", ""],
                name,
                value.to_string(),
            )?;
        }
    }
    for s in &report.steps {
        for (name, value) in [
            ("answers", s.answers),
            ("assisted", s.assisted),
            ("first_tries", s.first_tries),
            ("first_right", s.first_right),
        ] {
            figure(
                "step",
                ["", "", &s.lesson, &s.step, ""],
                name,
                value.to_string(),
            )?;
        }
    }
    for (i, n) in report.names.iter().flatten().enumerate() {
        let learner = format!("{} #{}", n.kiosk, i + 1);
        let key = ["", n.band.as_str(), "", "", learner.as_str()];
        figure("learner", key, "name", n.name.clone())?;
        figure("learner", key, "sessions", n.sessions.to_string())?;
        figure(
            "learner",
            key,
            "lessons_mastered",
            n.lessons_mastered.to_string(),
        )?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

/// The CSV's columns, by message id.
const CSV_COLUMNS: [&str; 8] = [
    "report-csv-table",
    "report-csv-date",
    "report-csv-band",
    "report-csv-lesson",
    "report-csv-step",
    "report-csv-learner",
    "report-csv-measure",
    "report-csv-value",
];

/// A cell a spreadsheet will not run: `=`, `+`, `-`, `@` and control characters first are
/// quoted with `'`.
fn safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}
