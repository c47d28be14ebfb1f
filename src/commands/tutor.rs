//! `hocso` (the kiosk tutor) and `hocso preview FILE` (one lesson, reloaded on save).

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use anyhow::Context;

use crate::app::{Model, Notice, PinPurpose, Screen, Settings, Size};
use crate::audio::RodioNarrator;
use crate::cli::{Cli, PreviewArgs};
use crate::i18n::{Lang, Localizer};
use crate::kiosk::IdlePolicy;
use crate::lesson::content_root;
use crate::lesson::{Catalogue, CheckOptions};
use crate::store::journal::Journal;
use crate::store::{MemoryStore, SqliteStore, Store, check_writable};
use crate::tui::{Tutor, load_one, log_to_file, now, run_in_terminal};

fn localizer(cli: &Cli, words: &super::Words) -> anyhow::Result<Localizer> {
    match &cli.locales {
        Some(dir) => Localizer::with_overrides(dir).with_context(|| {
            words.with(
                "cli-reading-locales",
                &[("folder", dir.display().to_string().into())],
            )
        }),
        None => Ok(Localizer::embedded()),
    }
}

/// `hocso`: the tutor, full screen, on the lesson folder.
pub fn run(cli: &Cli, lessons: &Path, words: &super::Words) -> anyhow::Result<ExitCode> {
    let i18n = localizer(cli, words)?;
    let (config, config_problems) = super::settings_in(cli, words.lang);
    // A data folder or log another user owns (hocso run once with sudo): said plainly,
    // on the screen, before anything tries to write there.
    let data = &config.data.value;
    if let Err(e) = check_writable(data).and_then(|()| check_writable(&data.join("hocso.log"))) {
        return cannot_open(&i18n, words, &data.join("hocso.db"), e);
    }
    let (log, stderr) = log_to_file(data)?;
    let catalogue = Catalogue::load_dir(lessons, &CheckOptions::default());
    tracing::info!(lessons = catalogue.lessons.len(), folder = %lessons.display(), kiosk = config.kiosk.value, "tutor starting");
    // What a volunteer should know, in the log and on the panel.
    let mut problems = Vec::new();
    for problem in config_problems
        .iter()
        .chain(catalogue.problems.iter().filter(|d| d.is_error()))
    {
        let line = format!(
            "{}:{}:{}: {}",
            problem.file.display(),
            problem.start.line,
            problem.start.column,
            problem.message
        );
        tracing::warn!("{line} [{}]", problem.code);
        problems.push(line);
    }
    let glossary = std::sync::Arc::new(catalogue.glossary);
    let mut lessons_loaded = catalogue.lessons;
    // Lessons that do not set their own review intervals follow the kiosk's.
    for lesson in lessons_loaded.iter_mut().filter(|l| !l.review_days_given) {
        lesson.review_days = config.review_intervals_days.value.clone();
    }
    let mut model = Model::new(lessons_loaded, config.language.value, Size::default());
    model.problems = problems;
    model.glossary = glossary;
    model.settings = Settings {
        help_after_misses: config.help_after_misses.value,
        narration: true,
        voice: config.narration.value,
        locked_down: config.kiosk.value,
        idle: IdlePolicy {
            timeout: config.idle_timeout_seconds.value,
            warning: config.idle_warning_seconds.value,
        },
        language: config.language.value,
    };
    let database = config.data.value.join("hocso.db");
    let opened = match SqliteStore::open_or_recover(&database, now()) {
        Ok(opened) => opened,
        Err(e) => {
            drop(stderr);
            return cannot_open(&i18n, words, &database, e);
        }
    };
    let fresh = opened.moved_aside.is_some();
    if let Some(aside) = &opened.moved_aside {
        model
            .notices
            .push(Notice::DatabaseMovedAside(aside.display().to_string()));
    }
    model.pin_set = opened.store.pin_hash()?.is_some();
    if model.settings.locked_down && !model.pin_set {
        // A kiosk's first start: the volunteer chooses the PIN before anyone learns.
        model.screen = Screen::Pin {
            purpose: PinPurpose::Choose { first: None },
            pin: String::new(),
            message: None,
        };
    }
    let mut tutor = Tutor::new(model, i18n, opened.store);
    tutor.kiosk = config.kiosk_name.value.clone();
    tutor.gestures.timing = config.touch_timing();
    tutor.narrator = Box::new(RodioNarrator::start());
    tutor.content_root = lessons.parent().map(Path::to_owned).unwrap_or_default();
    tutor.journal = Some(Journal::beside(&database));
    tutor.replay_journal(fresh);
    // Shutdown (SIGTERM), a closed terminal (SIGHUP) or an interrupt close the tutor as a
    // volunteer would: what waits to be saved is saved, or kept, first.
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        if let Err(e) = signal_hook::flag::register(signal, tutor.stop.clone()) {
            tracing::warn!(signal, "cannot catch the signal: {e}");
        }
    }
    let ran = run_in_terminal(&mut tutor);
    let unsaved = tutor.finish(CLOSING_WAIT);
    // What follows is for the terminal, not the log.
    drop(stderr);
    let ran = ran.with_context(|| {
        words.with(
            "cli-tutor-stopped",
            &[("log", log.display().to_string().into())],
        )
    });
    if unsaved == 0 {
        ran?;
    } else if let Err(e) = &ran {
        // The answers' fate is what the exit status must say.
        eprintln!("{}", words.explain(e));
    }
    if unsaved > 0 {
        let kept = tutor.waiting_kept();
        let said = words.with(
            if kept {
                "cli-tutor-unsaved-kept"
            } else {
                "cli-tutor-unsaved-lost"
            },
            &[("count", unsaved.into())],
        );
        eprintln!("{}", words.error_line(said));
        tracing::warn!(unsaved, kept, "tutor closed with writes not saved");
        return Ok(ExitCode::from(if kept { EXIT_KEPT } else { EXIT_LOST }));
    }
    tracing::info!("tutor closed, everything saved");
    Ok(ExitCode::SUCCESS)
}

/// How long closing waits for a busy or full database before leaving the rest in the
/// journal.
const CLOSING_WAIT: Duration = Duration::from_secs(3);
/// Closed with answers not yet in the database but kept in the journal: the next start
/// saves them (EX_TEMPFAIL).
pub const EXIT_KEPT: u8 = 75;
/// Closed with answers that could be kept nowhere on disk (EX_IOERR).
pub const EXIT_LOST: u8 = 74;

/// The database cannot be opened: the reason, in the kiosk's language, with the file, its
/// owner and the fix, on the screen and in the log.
fn cannot_open(
    i18n: &Localizer,
    words: &super::Words,
    database: &Path,
    e: crate::store::StoreError,
) -> anyhow::Result<ExitCode> {
    use crate::store::StoreError;
    let lang = words.lang;
    tracing::error!(file = %database.display(), "the database cannot be opened: {e}");
    let message = match &e {
        StoreError::NotWritable {
            path,
            owner,
            user,
            folder,
        } => i18n.text_with(
            lang,
            "startup-not-writable",
            &[
                ("file", path.display().to_string().into()),
                ("owner", owner.as_str().into()),
                ("user", user.as_str().into()),
                ("folder", folder.display().to_string().into()),
            ],
        ),
        other => i18n.text_with(
            lang,
            "startup-cannot-open",
            &[
                ("file", database.display().to_string().into()),
                ("why", words.store_error(other).into()),
            ],
        ),
    };
    eprintln!("hocso: {message}");
    // At the kiosk nobody reads a terminal that closes at once: the message stays on the
    // screen until a volunteer closes it (Ctrl+Q) or the kiosk is stopped.
    if std::io::IsTerminal::is_terminal(&std::io::stdout())
        && let Err(e) = crate::tui::show_message(&message)
    {
        tracing::warn!("showing why the tutor cannot start: {e}");
    }
    Ok(ExitCode::from(2))
}

/// `hocso preview FILE`: the lesson at a step, reloaded whenever the file is saved.
pub fn preview(cli: &Cli, args: &PreviewArgs) -> anyhow::Result<ExitCode> {
    let i18n = localizer(cli, &super::Words::for_tutor(cli))?;
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
    let (config, _) = super::settings(cli);
    model.lang = config.language.value;
    // The glossary beside the file: its words marked as the kiosk marks them.
    let folder = args.file.parent().filter(|d| !d.as_os_str().is_empty());
    model.glossary = std::sync::Arc::new(
        crate::lesson::Glossary::load(folder.unwrap_or(std::path::Path::new("."))).0,
    );

    model.settings.narration = true;
    let mut tutor = Tutor::new(model, i18n, MemoryStore::default());
    tutor.gestures.timing = config.touch_timing();
    tutor.narrator = Box::new(RodioNarrator::start());
    tutor.content_root =
        content_root(&std::fs::canonicalize(&args.file).unwrap_or_else(|_| args.file.clone()));
    tutor.watch(&args.file);
    tutor.perform_all(effects);
    run_in_terminal(&mut tutor)?;
    Ok(ExitCode::SUCCESS)
}
