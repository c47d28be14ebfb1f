//! `hocso record`: the recording studio, where a ward volunteer reads each text a learner
//! hears, clip by clip, in place of the machine's drafts.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::say;
use crate::cli::{Cli, RecordArgs};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{CheckOptions, check_paths, content_root};
use crate::studio::{StudioContext, Words, queue, run_in_terminal};

pub fn run(
    cli: &Cli,
    args: &RecordArgs,
    lessons: &Path,
    told: &super::Words,
) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![lessons.to_owned()]
    } else {
        args.paths.clone()
    };
    let Some(lang) = Lang::parse(&args.language) else {
        bail!(told.with(
            "cli-no-language",
            &[("language", args.language.clone().into())]
        ));
    };
    let i18n = match &cli.locales {
        Some(dir) => Localizer::with_overrides(dir).with_context(|| {
            told.with(
                "cli-reading-locales",
                &[("folder", dir.display().to_string().into())],
            )
        })?,
        None => Localizer::embedded(),
    };
    let run = check_paths(&paths, &CheckOptions::default());
    let broken = run.sources.len() - run.lessons.len();
    if broken > 0 {
        eprintln!(
            "{}",
            told.with("cli-broken-lessons", &[("count", broken.into())])
        );
    }
    // The content folder, found as `hocso narrate` finds it: the one that holds the
    // lesson folder (or the lesson file's folder).
    let first = std::fs::canonicalize(&paths[0]).unwrap_or_else(|_| paths[0].clone());
    let root = if first.is_dir() {
        first.parent().map(Path::to_owned).unwrap_or_default()
    } else {
        content_root(&first)
    };
    let glossary = run.glossary;
    let mut chosen = run.lessons;
    let words = match &args.lesson {
        Some(id) => {
            chosen.retain(|l| &l.id == id);
            if chosen.is_empty() {
                bail!(told.with(
                    "cli-record-no-lesson",
                    &[
                        ("lesson", id.clone().into()),
                        ("folder", paths[0].display().to_string().into()),
                    ]
                ));
            }
            Words::Left
        }
        None => Words::Last,
    };
    let items = queue(&root, &chosen, &glossary, &i18n, lang, words);
    let (config, _) = super::settings(cli);
    let (log, _stderr) = crate::tui::log_to_file(&config.data.value)?;
    tracing::info!(clips = items.len(), root = %root.display(), "studio starting");
    // Shutdown, a closed terminal or an interrupt close the studio; a clip being
    // written is finished first.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(signal, stop.clone());
    }
    let ctx = StudioContext {
        items,
        root,
        locale: lang.code().to_owned(),
        name: args.name.clone().filter(|n| !n.trim().is_empty()),
        i18n,
        lang: config.language.value,
        timing: config.touch_timing(),
        stop: stop.clone(),
    };
    let kept = run_in_terminal(ctx)?;
    drop(stop);
    drop(_stderr);
    say!(
        "{}",
        told.with(
            "cli-record-kept",
            &[
                ("count", kept.into()),
                ("log", log.display().to_string().into())
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}
