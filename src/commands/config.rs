//! `hocso config show`: the effective configuration, and where each value came from.

use std::io::IsTerminal;
use std::process::ExitCode;

use annotate_snippets::Renderer;

use crate::cli::Cli;
use crate::config::Origin;

pub fn show(cli: &Cli, words: &super::Words) -> anyhow::Result<ExitCode> {
    let file = super::config_file(cli);
    let (config, mut problems) = super::settings_in(cli, words.lang);
    let state = if file.exists() {
        String::new()
    } else {
        format!(" {}", words.t("cli-config-no-file"))
    };
    super::say!("# {}{state}", file.display());
    let entries = config.entries();
    let width = entries
        .iter()
        .map(|(key, value, _)| key.len() + value.len() + 3)
        .max()
        .unwrap_or(0);
    for (key, value, from) in entries {
        let line = format!("{key} = {value}");
        super::say!("{line:width$}  # {}", origin(words, from));
    }
    if problems.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    // Problems go to standard error, each with its place, like a lesson's.
    problems.sort_by_key(|d| d.span.start);
    let text = std::fs::read_to_string(&file).ok();
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for d in &problems {
        eprintln!("{}\n", d.render(text.as_deref(), &renderer));
    }
    let errors = problems.iter().filter(|d| d.is_error()).count();
    eprintln!(
        "{}",
        words.with(
            "cli-config-problems",
            &[
                ("count", problems.len().into()),
                ("file", file.display().to_string().into()),
            ],
        )
    );
    // Warnings (who may read the file) are worth fixing but do not make it wrong.
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Where a value came from, in words.
fn origin(words: &super::Words, from: &Origin) -> String {
    match from {
        Origin::Default => words.t("cli-origin-default"),
        Origin::CommandLine => words.t("cli-origin-command-line"),
        Origin::File(..) => from.to_string(),
        Origin::FailedClosed(path, line) => words.with(
            "cli-origin-failed-closed",
            &[("place", format!("{}:{line}", path.display()).into())],
        ),
    }
}
