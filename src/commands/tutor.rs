//! `hocso` (the kiosk tutor) and `hocso preview FILE` (one lesson, reloaded on save).

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

use crate::app::{Model, Notice, Settings, Size};
use crate::audio::RodioNarrator;
use crate::cli::{Cli, PreviewArgs};
use crate::i18n::{Lang, Localizer};
use crate::lesson::content_root;
use crate::lesson::{Catalogue, CheckOptions};
use crate::store::{MemoryStore, SqliteStore};
use crate::tui::{Tutor, load_one, log_to_file, now, run_in_terminal};

fn localizer(cli: &Cli) -> anyhow::Result<Localizer> {
    match &cli.locales {
        Some(dir) => Localizer::with_overrides(dir).context("reading --locales"),
        None => Ok(Localizer::embedded()),
    }
}

/// `hocso`: the tutor, full screen, on the lesson folder.
pub fn run(cli: &Cli, lessons: &Path) -> anyhow::Result<ExitCode> {
    let i18n = localizer(cli)?;
    let (log, _stderr) = log_to_file(&super::data_dir(cli))?;
    let catalogue = Catalogue::load_dir(lessons, &CheckOptions::default());
    tracing::info!(lessons = catalogue.lessons.len(), folder = %lessons.display(), "tutor starting");
    for problem in catalogue.problems.iter().filter(|d| d.is_error()) {
        tracing::warn!(
            "lesson skipped: {}:{}:{}: {} [{}]",
            problem.file.display(),
            problem.start.line,
            problem.start.column,
            problem.message,
            problem.code
        );
    }
    let lang = Lang::parse(&cli.lang).unwrap_or_default();
    let mut model = Model::new(catalogue.lessons, lang, Size::default());
    let database = super::data_dir(cli).join("hocso.db");
    let opened = SqliteStore::open_or_recover(&database, now())
        .with_context(|| format!("opening {}", database.display()))?;
    if let Some(aside) = &opened.moved_aside {
        model
            .notices
            .push(Notice::DatabaseMovedAside(aside.display().to_string()));
    }
    model.settings.narration = true;
    let mut tutor = Tutor::new(model, i18n, opened.store);
    tutor.kiosk = kiosk_name();
    tutor.narrator = Box::new(RodioNarrator::start());
    tutor.content_root = lessons.parent().map(Path::to_owned).unwrap_or_default();
    run_in_terminal(&mut tutor)
        .with_context(|| format!("the tutor stopped (log: {})", log.display()))?;
    tracing::info!("tutor closed");
    Ok(ExitCode::SUCCESS)
}

/// `hocso preview FILE`: the lesson at a step, reloaded whenever the file is saved.
pub fn preview(cli: &Cli, args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    let i18n = localizer(cli)?;
    let (_, _stderr) = log_to_file(&super::data_dir(cli))?;
    let file = args.file.display().to_string();
    let (mut model, effects) = match load_one(&args.file) {
        Ok(lesson) => Model::preview(
            *lesson,
            args.step.as_deref(),
            file,
            Size::default(),
            Settings {
                narration: true,
                ..Settings::default()
            },
        ),
        Err(lines) => {
            let mut model = Model::new(Vec::new(), Lang::Vi, Size::default());
            model.preview = Some(file);
            model.screen = crate::app::Screen::Broken {
                lines,
                step: args.step.clone(),
            };
            (model, Vec::new())
        }
    };
    model.lang = Lang::parse(&cli.lang).unwrap_or_default();

    model.settings.narration = true;
    let mut tutor = Tutor::new(model, i18n, MemoryStore::default());
    tutor.narrator = Box::new(RodioNarrator::start());
    tutor.content_root =
        content_root(&std::fs::canonicalize(&args.file).unwrap_or_else(|_| args.file.clone()));
    tutor.watch(&args.file);
    tutor.perform_all(effects);
    run_in_terminal(&mut tutor)?;
    Ok(ExitCode::SUCCESS)
}

/// The kiosk's name for its sessions: the machine's host name.
fn kiosk_name() -> String {
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "kiosk".to_owned())
}
