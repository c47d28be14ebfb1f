//! `hocso narrate`: narration drafts from the lessons' text, with espeak-ng's Vietnamese
//! voices (or another engine) and sox, to Ogg Vorbis: every clip slot of the lessons (a
//! step's text, hint, right and wrong words, each answer's and each phone thing's
//! feedback) and, with `--interface`, the interface's spoken words. A manifest beside the
//! files says what each draft was made from: unchanged texts are not drafted again, and a
//! file the manifest does not call a draft (a person's recording) is never overwritten.
//! The engine is given [`speakable`] text (addresses, long numbers and abbreviations as
//! people say them).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, bail};

use super::say;
use crate::audio::manifest::{Entry, Manifest, Voice, text_hash};
use crate::audio::slots::{Manifests, Slot, glossary_slots, interface_slots, lesson_slots};
use crate::audio::speakable::speakable;
use crate::cli::NarrateArgs;
use crate::i18n::{Lang, Localizer};
use crate::lesson::{CheckOptions, check_paths, content_root};

/// One recording to make.
struct Job {
    folder: PathBuf,
    file: String,
    text: String,
    label: String,
}

pub fn run(
    args: &NarrateArgs,
    lessons: &Path,
    voice_name: &str,
    words: &super::Words,
) -> anyhow::Result<ExitCode> {
    if let Some(template) = &args.engine {
        engine_words(template)?;
    }
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
        eprintln!(
            "{}",
            words.with("cli-broken-lessons", &[("count", broken.into())])
        );
    }
    let mut plan = Plan::default();
    for lesson in &run.lessons {
        let root = content_root(
            &std::fs::canonicalize(&lesson.source).unwrap_or_else(|_| lesson.source.clone()),
        );
        for slot in lesson_slots(lesson, &args.language) {
            // The lesson's own file for the step text is the author's: left alone.
            if slot.explicit.is_none() {
                plan.consider(args, &root, slot, &voice, &engine_name);
            }
        }
    }

    // The glossary's explanations, in the content folder of the lessons beside it.
    if let Some(source) = &run.glossary.source {
        let root = content_root(&std::fs::canonicalize(source).unwrap_or_else(|_| source.clone()));
        for slot in glossary_slots(&run.glossary, &args.language) {
            plan.consider(args, &root, slot, &voice, &engine_name);
        }
    }
    if args.interface {
        // The content folder: the one the lesson folder is in, as the tutor finds it.
        let first = std::fs::canonicalize(&paths[0]).unwrap_or_else(|_| paths[0].clone());
        let root = if first.is_dir() {
            first.parent().map(Path::to_owned).unwrap_or_default()
        } else {
            content_root(&first)
        };
        let Some(lang) = Lang::parse(&args.language) else {
            bail!(words.with(
                "cli-narrate-no-words",
                &[("language", args.language.clone().into())]
            ));
        };
        for slot in interface_slots(&Localizer::embedded(), lang) {
            plan.consider(args, &root, slot, &voice, &engine_name);
        }
    }
    let Plan {
        jobs,
        unchanged,
        kept,
        wanted,
        ..
    } = plan;

    // A private folder made fresh (mode 0700, a name nobody can guess): nothing another
    // user planted is ever written through. It goes when `scratch` is dropped.
    let scratch = tempfile::Builder::new()
        .prefix("hocso-narrate-")
        .tempdir()
        .context("making a private work folder")?;
    let total = jobs.len();
    let mut failed = 0;
    for (i, job) in jobs.iter().enumerate() {
        progress(i, total, &job.label);
        if let Err(e) = draft(args, voice_name, job, i, scratch.path()) {
            // One clip the engine could not make does not stop the others; its old file
            // and the manifest's word for it stay as they were.
            if std::io::stderr().is_terminal() {
                eprintln!(); // below the progress bar, not on it
            }
            eprintln!("hocso: {}: {e:#}", job.label);
            failed += 1;
            continue;
        }
        // The manifest after every file: an interrupted run loses nothing.
        let mut manifest = Manifest::read(&job.folder)?;
        manifest.clips.insert(
            job.file.clone(),
            Entry {
                text: text_hash(&job.text),
                voice: Voice::Draft {
                    voice: voice.clone(),
                    engine: engine_name.clone(),
                },
            },
        );
        manifest.save(&job.folder)?;
    }
    progress(total, total, "");
    scratch.close().context("removing the work folder")?;
    let pruned = prune(&wanted)?;
    let drafted = total - failed;
    let count = |id: &str, n: usize| {
        if n > 0 {
            words.with(id, &[("count", n.into())])
        } else {
            String::new()
        }
    };
    say!(
        "{}",
        words.with(
            "cli-narrate-done",
            &[
                ("drafted", drafted.into()),
                ("unchanged", unchanged.into()),
                ("kept", kept.into()),
                ("pruned", count("cli-narrate-pruned", pruned).into()),
                ("failed", count("cli-narrate-failed", failed).into()),
            ]
        )
    );
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// What a run drafts, and what it leaves.
#[derive(Default)]
struct Plan {
    jobs: Vec<Job>,
    unchanged: usize,
    kept: usize,
    manifests: Manifests,
    /// The clips each folder drafted into should hold.
    wanted: std::collections::BTreeMap<PathBuf, std::collections::BTreeSet<String>>,
}

/// Removes the drafts in each folder of `wanted` whose text is gone (a step removed, a
/// hint no screen can show): the file and its manifest line. A person's recording is
/// never removed. Returns how many went.
fn prune(
    wanted: &std::collections::BTreeMap<PathBuf, std::collections::BTreeSet<String>>,
) -> anyhow::Result<usize> {
    let mut removed = 0;
    for (folder, files) in wanted {
        let mut manifest = Manifest::load(folder);
        let gone: Vec<String> = manifest
            .clips
            .iter()
            .filter(|(file, entry)| {
                matches!(entry.voice, Voice::Draft { .. }) && !files.contains(*file)
            })
            .map(|(file, _)| file.clone())
            .collect();
        if gone.is_empty() {
            continue;
        }
        for file in &gone {
            match std::fs::remove_file(folder.join(file)) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e).with_context(|| format!("removing {file}")),
            }
            manifest.clips.remove(file);
            removed += 1;
        }
        manifest.save(folder)?;
    }
    Ok(removed)
}

impl Plan {
    /// Drafts `slot` unless a person's recording is there (a file the manifest does not
    /// call a draft, whatever its text: only a person replaces a person) or a draft of
    /// the same text by the same engine and voice is (unless `--force`).
    fn consider(&mut self, args: &NarrateArgs, root: &Path, slot: Slot, voice: &str, engine: &str) {
        let folder = slot.dir(root, &args.language);
        self.wanted
            .entry(folder.clone())
            .or_default()
            .insert(slot.file.clone());
        let entry = self.manifests.get(&folder).clips.get(&slot.file).cloned();
        // A person's `.wav` beside a draft's `.ogg` would be hidden by a new draft: the
        // tutor plays the `.ogg` first.
        let wav = slot.file.replace(".ogg", ".wav");
        let persons_wav = folder.join(&wav).exists()
            && !matches!(
                self.manifests.get(&folder).clips.get(&wav),
                Some(Entry {
                    voice: Voice::Draft { .. },
                    ..
                })
            );
        let drafted = match &entry {
            Some(Entry {
                text,
                voice:
                    Voice::Draft {
                        engine: e,
                        voice: v,
                    },
            }) => Some((text.as_str(), e.as_str(), v.as_str())),
            _ => None,
        };
        if (folder.join(&slot.file).exists() && drafted.is_none()) || persons_wav {
            self.kept += 1;
            return;
        }
        let same = drafted
            .is_some_and(|(hash, e, v)| hash == text_hash(&slot.text) && v == voice && e == engine);
        if same && !args.force {
            self.unchanged += 1;
            return;
        }
        self.jobs.push(Job {
            folder,
            label: slot.label(),
            file: slot.file,
            text: slot.text,
        });
    }
}

/// Makes one clip: the engine writes a WAV at a path of its own in the private work
/// folder, which must then hold a new, non-empty, regular file; sox turns it into Ogg
/// Vorbis there too, and the result replaces the clip in the lesson's folder at once.
fn draft(
    args: &NarrateArgs,
    voice: &str,
    job: &Job,
    index: usize,
    scratch: &Path,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(&job.folder)
        .with_context(|| format!("creating {}", job.folder.display()))?;
    let wav = scratch.join(format!("clip-{index}.wav"));
    let ogg = scratch.join(format!("clip-{index}.ogg"));
    if wav.symlink_metadata().is_ok() || ogg.symlink_metadata().is_ok() {
        bail!("{} is already there", wav.display());
    }
    // The engine reads the text as a person would say it; the manifest keeps the text's
    // own hash, so only a change of text makes the clip stale.
    speak(args, voice, &speakable(&job.text), &wav)?;
    // The engine's word is not enough: this clip's file must be there, made by it.
    match wav.symlink_metadata() {
        Ok(meta) if meta.file_type().is_file() && meta.len() > 0 => {}
        Ok(meta) if meta.file_type().is_file() => bail!("the engine wrote an empty file"),
        Ok(_) => bail!("the engine left something other than a file at {{out}}"),
        Err(_) => bail!("the engine wrote no audio (nothing at {{out}})"),
    }
    to_ogg(&wav, &ogg).context("converting to Ogg Vorbis")?;
    let _ = std::fs::remove_file(&wav);
    install(&ogg, &job.folder.join(&job.file))
}

/// Puts `made` at `out`: copied into a new file of a random name beside `out` (the work
/// folder may be on another file system), then renamed over it, so a reader never sees
/// half a file and a link at `out` is replaced, not followed.
fn install(made: &Path, out: &Path) -> anyhow::Result<()> {
    let folder = out.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hocso-").suffix(".ogg");
    // Readable as any file the author makes (the umask applies), not 0600: the kiosk's
    // user plays it.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder
        .tempfile_in(folder)
        .with_context(|| format!("writing in {}", folder.display()))?;
    std::io::copy(&mut std::fs::File::open(made)?, file.as_file_mut())?;
    file.as_file().sync_all()?;
    file.persist(out)
        .with_context(|| format!("writing {}", out.display()))?;
    let _ = std::fs::remove_file(made);
    Ok(())
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
/// shell (lesson text can hold anything). A template without `{text}` gets the text on
/// standard input.
fn speak(args: &NarrateArgs, voice: &str, text: &str, out: &Path) -> anyhow::Result<()> {
    let out_str = out.to_string_lossy();
    let mut command = match &args.engine {
        None => {
            let mut command = Command::new("espeak-ng");
            command.args([
                "-v",
                voice,
                "-s",
                &args.rate.to_string(),
                "-w",
                &out_str,
                "--stdin",
            ]);
            command
        }
        Some(template) => {
            let words = engine_words(template)?;
            let Some((program, rest)) = words.split_first() else {
                bail!("--engine is empty");
            };
            let fill = |w: &str| w.replace("{text}", text).replace("{out}", &out_str);
            let mut command = Command::new(program);
            command.args(rest.iter().map(|w| fill(w)));
            command
        }
    };
    let on_stdin = args.engine.as_deref().is_none_or(|t| !t.contains("{text}"));
    let mut child = command
        .stdin(if on_stdin {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {:?}", command.get_program()))?;
    if let Some(mut stdin) = child.stdin.take() {
        match stdin.write_all(text.as_bytes()) {
            // An engine that does not read its input is judged by what it writes.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.context("giving the engine the text")?,
        }
    }
    let output = child.wait_with_output()?;
    if !output.status.success() {
        bail!(
            "the engine failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// The words of an `--engine` template, once it is known that the text can never be read
/// as an option: `{text}` must stand after a `--` word (the end of the options) whenever
/// it could begin a word, and never in the program's name.
fn engine_words(template: &str) -> anyhow::Result<Vec<String>> {
    let words = split_words(template);
    let mut options_ended = false;
    for (i, word) in words.iter().enumerate() {
        let could_be_option = i == 0 || (word.starts_with("{text}") && !options_ended);
        if word.contains("{text}") && could_be_option {
            bail!(
                "--engine: `{{text}}` must come after `--`, so that a text starting with \
                 \"-\" is never read as an option, e.g. 'espeak-ng -v vi -w {{out}} -- {{text}}'; \
                 or leave `{{text}}` out and the text goes to the engine's standard input"
            );
        }
        options_ended |= word == "--";
    }
    Ok(words)
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

/// WAV to Ogg Vorbis, mono, 16 kHz, Vorbis quality -1 (about 16 kbit/s), 1 dB of
/// headroom: a synthetic voice loses nothing audible at that rate, and the whole set of
/// drafts stays small (see BENCHMARKS.md, "What ships: narration").
fn to_ogg(wav: &Path, out: &Path) -> anyhow::Result<()> {
    let output = Command::new("sox")
        .arg(wav)
        .args(["-r", "16000", "-c", "1", "-C", "-1"])
        .arg(out)
        .args(["gain", "-1"])
        .output()
        .context("starting sox")?;
    if !output.status.success() {
        bail!("{}", String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(())
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
