//! `hocso report`: the ward's figures for a period; `hocso report merge`: several kiosks'
//! reports as one.

use std::process::ExitCode;

use anyhow::Context;

use super::Words;
use crate::cli::{Cli, ReportArgs, ReportCommand, ReportFormat};
use crate::lesson::{Catalogue, CheckOptions};
use crate::report::{self, MergeError, Report, date};
use crate::store::{SqliteStore, day_of};

pub fn run(cli: &Cli, args: &ReportArgs, words: &Words) -> anyhow::Result<ExitCode> {
    if let Some(ReportCommand::Merge {
        files,
        format,
        with_names,
    }) = &args.command
    {
        return merge(cli, files, *format, *with_names, words);
    }
    let (config, _) = super::settings(cli);
    let database = config.data.value.join("hocso.db");
    if !database.exists() {
        anyhow::bail!(words.file("cli-no-data", &database));
    }
    let store =
        SqliteStore::open(&database).with_context(|| words.file("cli-opening", &database))?;
    let today = day_of(crate::tui::now());
    let day = |text: &Option<String>, flag: &str| -> anyhow::Result<Option<i64>> {
        text.as_deref()
            .map(|t| {
                date::parse(t).ok_or_else(|| {
                    words.error(
                        "cli-report-bad-date",
                        &[("flag", flag.into()), ("text", t.into())],
                    )
                })
            })
            .transpose()
    };
    let to = day(&args.to, "--to")?.unwrap_or(today);
    let from = match day(&args.from, "--from")? {
        Some(from) => from,
        None => store.first_report_day()?.unwrap_or(to).min(to),
    };
    if from > to {
        let id = match args.to {
            Some(_) => "cli-report-from-after-to",
            None => "cli-report-from-after-today",
        };
        return Err(words.error(
            id,
            &[
                ("from", date::format(from).into()),
                ("to", date::format(to).into()),
            ],
        ));
    }
    let rows = store.report_rows(from, to, args.with_names)?;
    let report = Report::build(
        &config.kiosk_name.value,
        &config.ward.value,
        from,
        to,
        &rows,
        args.with_names,
    );
    print(cli, &report, args.format, words)
}

fn merge(
    cli: &Cli,
    files: &[std::path::PathBuf],
    format: ReportFormat,
    with_names: bool,
    words: &Words,
) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(file).with_context(|| words.file("cli-reading", file))?;
        let report =
            Report::from_json(&text).map_err(|e| anyhow::anyhow!(merge_error(words, &e, file)))?;
        reports.push(report);
    }
    let merged = Report::merge(&reports, with_names).map_err(|e| {
        anyhow::anyhow!(merge_error(
            words,
            &e,
            files.first().map_or(".".as_ref(), |f| f)
        ))
    })?;
    print(cli, &merged, format, words)
}

/// Why reports cannot be merged, in words; `file` is the report it is about.
fn merge_error(words: &Words, e: &MergeError, file: &std::path::Path) -> String {
    let file = file.display().to_string();
    match e {
        MergeError::Nothing => words.t("cli-merge-nothing"),
        MergeError::NotAReport(why) => words.with(
            "cli-merge-not-a-report",
            &[("file", file.into()), ("why", why.clone().into())],
        ),
        MergeError::WrongFormat(format) => words.with(
            "cli-merge-not-a-report",
            &[
                ("file", file.into()),
                (
                    "why",
                    words
                        .with(
                            "cli-merge-wrong-format",
                            &[("format", format.clone().into())],
                        )
                        .into(),
                ),
            ],
        ),
        MergeError::Version(version) => words.with(
            "cli-merge-version",
            &[("file", file.into()), ("version", (*version).into())],
        ),
        MergeError::Twice(kiosk) => {
            words.with("cli-merge-twice", &[("kiosk", kiosk.clone().into())])
        }
        MergeError::Periods(first, other) => words.with(
            "cli-merge-periods",
            &[
                ("first", first.clone().into()),
                ("other", other.clone().into()),
            ],
        ),
    }
}

fn print(
    cli: &Cli,
    report: &Report,
    format: ReportFormat,
    words: &Words,
) -> anyhow::Result<ExitCode> {
    let text = match format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(report)?;
            text.push('\n');
            text
        }
        ReportFormat::Csv => report::to_csv(report, words.localizer(), words.lang)?,
        ReportFormat::Md => {
            let (config, _) = super::settings(cli);
            // Titles and step order come from the lessons, when they load; the figures
            // do not depend on them.
            let lessons =
                Catalogue::load_dir(&config.lessons.value, &CheckOptions::default()).lessons;
            report::to_markdown(report, words.localizer(), words.lang, &lessons)
        }
    };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // The reader stopped early (`hocso report | head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).with_context(|| words.t("cli-report-writing")),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}
