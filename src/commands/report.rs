//! `hocso report`: the ward's figures for a period; `hocso report merge`: several kiosks'
//! reports as one.

use std::process::ExitCode;

use anyhow::Context;

use crate::cli::{Cli, ReportArgs, ReportCommand, ReportFormat};
use crate::i18n::Localizer;
use crate::lesson::{Catalogue, CheckOptions};
use crate::report::{self, Report, date};
use crate::store::{SqliteStore, day_of};

pub fn run(cli: &Cli, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    if let Some(ReportCommand::Merge {
        files,
        format,
        with_names,
    }) = &args.command
    {
        return merge(cli, files, *format, *with_names);
    }
    let (config, _) = super::settings(cli);
    let database = config.data.value.join("hocso.db");
    if !database.exists() {
        anyhow::bail!(
            "no progress is saved yet ({} does not exist)",
            database.display()
        );
    }
    let store =
        SqliteStore::open(&database).with_context(|| format!("opening {}", database.display()))?;
    let today = day_of(crate::tui::now());
    let day = |text: &Option<String>, flag: &str| -> anyhow::Result<Option<i64>> {
        text.as_deref()
            .map(|t| {
                date::parse(t).with_context(|| {
                    format!("{flag} {t}: not a date; write it as YYYY-MM-DD, e.g. 2026-11-30")
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
        let to = match args.to {
            Some(_) => format!("--to {}", date::format(to)),
            None => format!("today ({}; --to)", date::format(to)),
        };
        anyhow::bail!(
            "--from {} is after {to}: nothing to report",
            date::format(from)
        );
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
    print(cli, &report, args.format)
}

fn merge(
    cli: &Cli,
    files: &[std::path::PathBuf],
    format: ReportFormat,
    with_names: bool,
) -> anyhow::Result<ExitCode> {
    let mut reports = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        reports.push(Report::from_json(&text).with_context(|| file.display().to_string())?);
    }
    let merged = Report::merge(&reports, with_names)?;
    print(cli, &merged, format)
}

fn print(cli: &Cli, report: &Report, format: ReportFormat) -> anyhow::Result<ExitCode> {
    let text = match format {
        ReportFormat::Json => {
            let mut text = serde_json::to_string_pretty(report)?;
            text.push('\n');
            text
        }
        ReportFormat::Csv => report::to_csv(report)?,
        ReportFormat::Md => {
            let (config, _) = super::settings(cli);
            // Titles and step order come from the lessons, when they load; the figures
            // do not depend on them.
            let lessons =
                Catalogue::load_dir(&config.lessons.value, &CheckOptions::default()).lessons;
            report::to_markdown(
                report,
                &Localizer::embedded(),
                config.language.value,
                &lessons,
            )
        }
    };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        // The reader stopped early (`hocso report | head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e).context("writing the report"),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}
