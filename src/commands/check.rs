use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annotate_snippets::Renderer;
use anyhow::Context;

use crate::cli::{CheckArgs, Format};
use crate::lesson::{CheckOptions, CheckRun, check_paths, nfc};

/// `hocso check`: every problem in every file; exit 1 on errors (and on warnings with
/// `--deny-warnings`).
pub fn run(args: &CheckArgs, lessons: &Path) -> anyhow::Result<ExitCode> {
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
                eprintln!("rewrote {} in Unicode NFC", path.display());
            }
            run = check_paths(&paths, &options);
        }
    }
    run.diagnostics
        .sort_by(|a, b| (&a.file, a.span.start).cmp(&(&b.file, b.span.start)));

    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let report = serde_json::json!({
                "files": run.sources.len(),
                "lessons": run.lessons.len(),
                "errors": run.errors(),
                                "warnings": run.warnings(),
                "narration": run.narration.map(|(covered, steps)| serde_json::json!({"covered": covered, "steps": steps})),
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
            writeln!(
                out,
                "checked {} {}: {} {} ready, {} {}, {} {}",
                run.sources.len(),
                plural(run.sources.len(), "file", "files"),
                run.lessons.len(),
                plural(run.lessons.len(), "lesson", "lessons"),
                run.errors(),
                plural(run.errors(), "error", "errors"),
                run.warnings(),
                plural(run.warnings(), "warning", "warnings")
            )?;
            if let Some((covered, steps)) = run.narration {
                writeln!(
                    out,
                    "narration: {covered} of {steps} steps have a recording"
                )?;
            }
        }
    }
    let failed = run.errors() > 0 || (args.deny_warnings && run.warnings() > 0);
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
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
