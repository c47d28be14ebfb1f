use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annotate_snippets::Renderer;
use anyhow::Context;

use crate::audio::slots::{Coverage, Status, coverage, glossary_slots, interface_slots};
use crate::cli::{CheckArgs, Format};
use crate::i18n::{Lang, Localizer};
use crate::lesson::{CheckOptions, CheckRun, check_paths, nfc};

/// `hocso check`: every problem in every file; exit 1 on errors (and on warnings with
/// `--deny-warnings`).
pub fn run(args: &CheckArgs, lessons: &Path, words: &super::Words) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![lessons.to_owned()]
    } else {
        args.paths.clone()
    };
    let options = CheckOptions {
        locales: args.languages.clone(),
        narration: true,
    };
    let mut run = check_paths(&paths, &options);
    if args.fix {
        let fixed = fix_nfc(&run)?;
        if !fixed.is_empty() {
            for path in &fixed {
                eprintln!("{}", words.file("cli-check-rewrote", path));
            }
            run = check_paths(&paths, &options);
        }
    }
    // At the kiosk's size, each practice step's answers in view without scrolling: measured
    // by drawing the step as the tutor does, so only here, where drawing is allowed.
    let below_fold = super::fold::below_fold(&run, &Localizer::embedded());
    run.diagnostics.extend(below_fold);
    run.diagnostics
        .sort_by(|a, b| (&a.file, a.span.start).cmp(&(&b.file, b.span.start)));

    let narration = Narration::of(&run);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let report = serde_json::json!({
                "files": run.sources.len(),
                "lessons": run.lessons.len(),
                "errors": run.errors(),
                                "warnings": run.warnings(),
                "narration": narration.as_ref().map(|n| n.to_json(args.verbose)),
                "diagnostics": run.diagnostics.iter().map(|d| d.to_json()).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        }
        Format::Human => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let renderer = if colour {
                Renderer::styled()
            } else {
                Renderer::plain()
            };
            for d in &run.diagnostics {
                writeln!(out, "{}\n", d.render(run.text_of(&d.file), &renderer))?;
            }
            let summary = words.with(
                "cli-check-summary",
                &[
                    ("files", run.sources.len().into()),
                    ("lessons", run.lessons.len().into()),
                    ("errors", run.errors().into()),
                    ("warnings", run.warnings().into()),
                ],
            );
            writeln!(out, "{summary}")?;
            if let Some(narration) = &narration {
                narration.write(&mut out, args.verbose)?;
            }
        }
    }
    // Narration is information, never a warning: a clip still to record or redraft
    // does not stop a kiosk (it shows the text, and plays what there is), so it never
    // fails `--deny-warnings` while the ward is still recording.
    let failed = run.errors() > 0 || (args.deny_warnings && run.warnings() > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What the checked lessons' clip slots hold, and the interface's words' of their
/// content folders: `hocso check`'s report on narration.
struct Narration<'a> {
    total: Coverage,
    interface: Coverage,
    interface_clips: Vec<(String, Status)>,
    /// The glossary's explanations, when the folder has a glossary.
    glossary: Option<(Coverage, Vec<(String, Status)>)>,
    /// The run whose lessons' narration this is.
    run: &'a CheckRun,
}

impl<'a> Narration<'a> {
    fn of(run: &'a CheckRun) -> Option<Narration<'a>> {
        if run.narration.is_empty() {
            return None;
        }
        let mut roots: Vec<&Path> = run.narration.iter().map(|l| l.root.as_path()).collect();
        roots.sort();
        roots.dedup();
        let i18n = Localizer::embedded();
        let slots = interface_slots(&i18n, Lang::Vi);
        let (mut interface, mut interface_clips) = (Coverage::default(), Vec::new());
        for root in roots {
            let (_, statuses) = coverage(root, &slots, "vi");
            for (slot, status) in slots.iter().zip(statuses) {
                interface.add(&status);
                interface_clips.push((slot.label(), status));
            }
        }
        let mut total = interface;
        let glossary = run.glossary.source.as_ref().map(|source| {
            let root = crate::lesson::content_root(
                &std::fs::canonicalize(source).unwrap_or_else(|_| source.clone()),
            );
            let slots = glossary_slots(&run.glossary, "vi");
            let (counts, statuses) = coverage(&root, &slots, "vi");
            let clips: Vec<(String, Status)> =
                slots.iter().map(|s| s.label()).zip(statuses).collect();
            (counts, clips)
        });
        if let Some((_, clips)) = &glossary {
            for (_, status) in clips {
                total.add(status);
            }
        }
        for lesson in &run.narration {
            for (_, status) in &lesson.clips {
                total.add(status);
            }
        }
        Some(Narration {
            total,
            interface,
            interface_clips,
            glossary,
            run,
        })
    }

    fn write(&self, out: &mut impl Write, verbose: bool) -> std::io::Result<()> {
        let c = self.total;
        writeln!(
            out,
            "narration: person's voice: {} of {}, drafts: {}, stale: {}, missing: {}",
            c.person, c.total, c.drafts, c.stale, c.missing
        )?;
        let line = |out: &mut dyn Write, what: &str, c: &Coverage| {
            writeln!(
                out,
                "{what}: person's voice {} of {}, drafts {}, stale {}, missing {}",
                c.person, c.total, c.drafts, c.stale, c.missing
            )
        };
        let clips = |out: &mut dyn Write, clips: &[(String, Status)]| -> std::io::Result<()> {
            if verbose {
                for (label, status) in clips {
                    writeln!(out, "  {:<22} {label}", status_words(status))?;
                }
            }
            Ok(())
        };
        line(out, "interface words", &self.interface)?;
        clips(out, &self.interface_clips)?;
        if let Some((counts, glossary)) = &self.glossary {
            line(out, "glossary", counts)?;
            clips(out, glossary)?;
        }
        for lesson in &self.run.narration {
            line(out, &format!("lesson {}", lesson.lesson), &lesson.coverage)?;
            clips(out, &lesson.clips)?;
        }
        if !verbose && (c.stale > 0 || c.missing > 0) {
            writeln!(
                out,
                "(--verbose lists each clip; `hocso narrate` drafts what is missing or stale, \
                 `hocso record` records a person's voice)"
            )?;
        }
        Ok(())
    }

    fn to_json(&self, verbose: bool) -> serde_json::Value {
        let counts = |c: &Coverage| {
            serde_json::json!({
                "total": c.total,
                "person": c.person,
                "drafts": c.drafts,
                "stale": c.stale,
                "missing": c.missing,
            })
        };
        let clips = |clips: &[(String, Status)]| {
            clips
                .iter()
                .map(|(label, status)| {
                    serde_json::json!({"clip": label, "status": status_code(status)})
                })
                .collect::<Vec<_>>()
        };
        let mut report = counts(&self.total);
        let mut interface = counts(&self.interface);
        if verbose {
            interface["clips"] = clips(&self.interface_clips).into();
        }
        report["interface"] = interface;
        if let Some((c, glossary)) = &self.glossary {
            let mut entry = counts(c);
            if verbose {
                entry["clips"] = clips(glossary).into();
            }
            report["glossary"] = entry;
        }
        report["lessons"] = self
            .run
            .narration
            .iter()
            .map(|l| {
                let mut lesson = counts(&l.coverage);
                lesson["lesson"] = l.lesson.clone().into();
                if verbose {
                    lesson["clips"] = clips(&l.clips).into();
                }
                lesson
            })
            .collect::<Vec<_>>()
            .into();
        report
    }
}

/// A clip's status in `--verbose`'s list.
fn status_words(status: &Status) -> &'static str {
    match status {
        Status::Person => "person's voice",
        Status::Draft => "draft",
        Status::Stale { person: true } => "stale (person's voice)",
        Status::Stale { person: false } => "stale (draft)",
        Status::Missing => "missing",
    }
}

/// A clip's status in JSON.
fn status_code(status: &Status) -> &'static str {
    match status {
        Status::Person => "person",
        Status::Draft => "draft",
        Status::Stale { person: true } => "stale-person",
        Status::Stale { person: false } => "stale-draft",
        Status::Missing => "missing",
    }
}

/// Rewrites in NFC each checked file whose text is not NFC; returns those rewritten.
fn fix_nfc(run: &CheckRun) -> anyhow::Result<Vec<PathBuf>> {
    let mut fixed = Vec::new();
    for source in &run.sources {
        let Some(text) = &source.text else { continue };
        let normal = nfc(text);
        if normal != *text {
            let tmp = source.path.with_extension("toml.nfc-tmp");
            std::fs::write(&tmp, normal.as_bytes())
                .with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, &source.path)
                .with_context(|| format!("replacing {}", source.path.display()))?;
            fixed.push(source.path.clone());
        }
    }
    Ok(fixed)
}
