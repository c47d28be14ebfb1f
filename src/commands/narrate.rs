//! `hocso narrate`: narration drafts from the lessons' text, with espeak-ng's Vietnamese
//! voices (or another engine) and sox, to Ogg Vorbis. A manifest beside the files says
//! what each draft was made from: unchanged texts are not drafted again, and a file not
//! in the manifest (a person's recording) is never overwritten.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, bail};

use crate::audio::manifest::{Draft, Manifest, text_hash};
use crate::audio::{CLIPS, clip_text, lesson_folder};
use crate::cli::NarrateArgs;
use crate::lesson::{CheckOptions, check_paths, content_root};

/// One recording to make.
struct Job {
    folder: PathBuf,
    file: String,
    text: String,
    label: String,
}

pub fn run(args: &NarrateArgs, lessons: &Path, voice_name: &str) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![lessons.to_owned()]
    } else {
        args.paths.clone()
    };
    let engine_name = args
        .engine
        .clone()
        .unwrap_or_else(|| "espeak-ng".to_owned());
    let voice = format!("{voice_name}@{}", args.rate);
    require_tools(args.engine.is_none())?;

    let run = check_paths(&paths, &CheckOptions::default());
    let broken = run.sources.len() - run.lessons.len();
    if broken > 0 {
        eprintln!("{broken} lesson files have errors and are skipped (see `hocso check`)");
    }
    let (mut jobs, mut unchanged, mut kept) = (Vec::new(), 0, 0);
    for lesson in &run.lessons {
        let root = content_root(
            &std::fs::canonicalize(&lesson.source).unwrap_or_else(|_| lesson.source.clone()),
        );
        let folder = lesson_folder(&root, &lesson.id, &args.language);
        let manifest = Manifest::load(&folder);
        for step in &lesson.steps {
            for clip in CLIPS {
                let Some(text) = clip_text(step, clip, &args.language) else {
                    continue;
                };
                // The lesson's own file for the step text is the author's: left alone.
                if clip == crate::audio::Clip::Step && step.narration.is_some() {
                    continue;
                }
                let file = format!("{}{}.ogg", step.id, clip.suffix());
                let drafted = manifest.drafts.get(&file);
                if folder.join(&file).exists() && drafted.is_none() {
                    kept += 1;
                    continue;
                }
                let same = drafted.is_some_and(|d| {
                    d.text == text_hash(&text) && d.voice == voice && d.engine == engine_name
                });
                if same && !args.force {
                    unchanged += 1;
                    continue;
                }
                let label = format!("{}/{file}", lesson.id);
                jobs.push(Job {
                    folder: folder.clone(),
                    file,
                    text,
                    label,
                });
            }
        }
    }

    let scratch = tempfile_dir()?;
    let total = jobs.len();
    for (i, job) in jobs.iter().enumerate() {
        progress(i, total, &job.label);
        std::fs::create_dir_all(&job.folder)
            .with_context(|| format!("creating {}", job.folder.display()))?;
        let wav = scratch.join("draft.wav");
        speak(args, voice_name, &job.text, &wav)
            .with_context(|| format!("narrating {}", job.label))?;
        let out = job.folder.join(&job.file);
        to_ogg(&wav, &out).with_context(|| format!("converting {}", job.label))?;
        // The manifest after every file: an interrupted run loses nothing.
        let mut manifest = Manifest::load(&job.folder);
        manifest.drafts.insert(
            job.file.clone(),
            Draft {
                text: text_hash(&job.text),
                voice: voice.clone(),
                engine: engine_name.clone(),
            },
        );
        manifest.save(&job.folder)?;
    }
    progress(total, total, "");
    let _ = std::fs::remove_dir_all(&scratch);
    println!(
        "narration: {total} drafted, {unchanged} unchanged, {kept} recordings by people kept as they are"
    );
    Ok(ExitCode::SUCCESS)
}

/// espeak-ng and sox must be there; says which package brings a missing one.
fn require_tools(espeak: bool) -> anyhow::Result<()> {
    let mut missing = Vec::new();
    if espeak && !runs("espeak-ng", &["--version"]) {
        missing.push(("espeak-ng", "espeak-ng"));
    }
    if !runs("sox", &["--version"]) {
        missing.push(("sox", "sox libsox-fmt-all"));
    }
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|(n, _)| *n).collect();
        let packages: Vec<&str> = missing.iter().map(|(_, p)| *p).collect();
        bail!(
            "{} not installed; on Debian or Ubuntu: sudo apt-get install {}",
            names.join(" and "),
            packages.join(" ")
        );
    }
    Ok(())
}

fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Reads `text` into the WAV file `out`: espeak-ng (text on standard input), or the
/// `--engine` command with `{text}` and `{out}` filled in, as arguments, never through a
/// shell (lesson text can hold anything).
fn speak(args: &NarrateArgs, voice: &str, text: &str, out: &Path) -> anyhow::Result<()> {
    let out_str = out.to_string_lossy();
    let output = match &args.engine {
        None => {
            let mut child = Command::new("espeak-ng")
                .args([
                    "-v",
                    voice,
                    "-s",
                    &args.rate.to_string(),
                    "-w",
                    &out_str,
                    "--stdin",
                ])
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .context("starting espeak-ng")?;
            child
                .stdin
                .take()
                .context("espeak-ng's input")?
                .write_all(text.as_bytes())?;
            child.wait_with_output()?
        }
        Some(template) => {
            let words = split_words(template);
            let Some((program, rest)) = words.split_first() else {
                bail!("--engine is empty");
            };
            let fill = |w: &str| w.replace("{text}", text).replace("{out}", &out_str);
            Command::new(fill(program))
                .args(rest.iter().map(|w| fill(w)))
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .output()
                .with_context(|| format!("starting {program}"))?
        }
    };
    if !output.status.success() || !out.exists() {
        bail!("{}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
}

/// A command template split into words at spaces, with '…' or "…" grouping.
pub fn split_words(template: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote = None;
    for c in template.chars() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            _ => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// WAV to Ogg Vorbis, mono, 16 kHz, 1 dB of headroom: small, and clear enough for speech.
fn to_ogg(wav: &Path, out: &Path) -> anyhow::Result<()> {
    let tmp = out.with_extension("ogg.tmp.ogg");
    let output = Command::new("sox")
        .arg(wav)
        .args(["-r", "16000", "-c", "1", "-C", "1"])
        .arg(&tmp)
        .args(["gain", "-1"])
        .output()
        .context("starting sox")?;
    if !output.status.success() {
        let _ = std::fs::remove_file(&tmp);
        bail!("{}", String::from_utf8_lossy(&output.stderr).trim());
    }
    std::fs::rename(&tmp, out)?;
    Ok(())
}

fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("hocso-narrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// A progress bar on standard error (a line at a time when it is not a terminal).
fn progress(done: usize, total: usize, label: &str) {
    if total == 0 {
        return;
    }
    let width = 24;
    let filled = done * width / total;
    let bar = format!(
        "[{}{}] {done}/{total} {label}",
        "#".repeat(filled),
        ".".repeat(width - filled)
    );
    let mut err = std::io::stderr().lock();
    if std::io::stderr().is_terminal() {
        let _ = write!(err, "\r\x1b[2K{bar}");
        if done == total {
            let _ = writeln!(err);
        }
    } else if done < total {
        let _ = writeln!(err, "{bar}");
    }
}

#[cfg(test)]
mod tests {
    use super::split_words;

    #[test]
    fn templates_split_at_spaces_with_quotes_grouping() {
        assert_eq!(
            split_words("piper --output_file {out} --text {text}"),
            ["piper", "--output_file", "{out}", "--text", "{text}"]
        );
        assert_eq!(
            split_words("say -v 'Linh (Enhanced)' {text}"),
            ["say", "-v", "Linh (Enhanced)", "{text}"]
        );
        assert!(split_words("   ").is_empty());
    }
}
