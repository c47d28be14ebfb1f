//! `hocso voice export` and `hocso voice import`: a ward that recorded its voice gives
//! the recordings to another kiosk.
//!
//! A package has the layout of `assets/audio/` itself: `<lesson>/<step><suffix>.ogg` and
//! `ui/<id>.ogg`, with a `manifest.json` in each folder saying whose voice each clip is
//! and which text it reads (as a hash). It is a folder, or the same in one ustar file
//! (`.tar`; written and read here, a few dozen lines, rather than a crate that also
//! knows links, devices and long names, none of which a package may hold).
//!
//! Import trusts nothing in a package: every name must be `<folder>/<file>` with a
//! folder of `[a-z0-9-]` and a file of `[a-z0-9.-]` ending `.ogg` or `.wav` (or
//! `manifest.json`), never a link, a device, an absolute path or `..`; one bad name
//! refuses the whole package before anything is written. A clip is taken in only for a
//! slot this kiosk has, whose text is still the one it reads (`--stale` for the others),
//! never over a person's recording with a draft, and over another person's only with
//! `--replace`. Each file is written whole, then renamed into place.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use super::{Words, say};
use crate::audio::manifest::{Entry, MANIFEST, Manifest, Voice, text_hash};
use crate::audio::slots::{Slot, all_slots};
use crate::cli::VoiceCommand;
use crate::i18n::{Lang, Localizer};
use crate::lesson::{CheckOptions, check_paths};

/// The largest clip a package may hold (a minute of speech is well under 1 MB).
const MAX_CLIP_BYTES: u64 = 16 * 1024 * 1024;
/// The largest package read.
const MAX_PACKAGE_BYTES: u64 = 1024 * 1024 * 1024;

pub fn run(command: &VoiceCommand, lessons: &Path, words: &Words) -> anyhow::Result<ExitCode> {
    let kiosk = Kiosk::load(lessons, words)?;
    match command {
        VoiceCommand::Export {
            target,
            with_drafts,
        } => export(&kiosk, target, *with_drafts, words),
        VoiceCommand::Import {
            source,
            stale,
            replace,
        } => import(
            &kiosk,
            source,
            Options {
                stale: *stale,
                replace: *replace,
            },
            words,
        ),
    }
}

/// The kiosk's content folder and every clip slot its lessons and interface have.
struct Kiosk {
    root: PathBuf,
    /// By folder, then file name (`.ogg`).
    slots: HashMap<(String, String), Slot>,
    /// In the order a learner meets them.
    order: Vec<Slot>,
}

impl Kiosk {
    fn load(lessons: &Path, words: &Words) -> anyhow::Result<Kiosk> {
        let dir = std::fs::canonicalize(lessons).with_context(|| {
            words.with(
                "cli-voice-lessons",
                &[("folder", lessons.display().to_string().into())],
            )
        })?;
        let root = dir.parent().map(Path::to_owned).unwrap_or_default();
        let run = check_paths(&[dir], &CheckOptions::default());
        let order: Vec<Slot> = all_slots(
            &run.lessons,
            &run.glossary,
            &Localizer::embedded(),
            Lang::Vi,
        )
        .into_iter()
        // The lesson's own file for a step is the author's, wherever it is.
        .filter(|s| s.explicit.is_none())
        .collect();
        let slots = order
            .iter()
            .map(|s| ((s.folder.clone(), s.file.clone()), s.clone()))
            .collect();
        Ok(Kiosk { root, slots, order })
    }

    fn audio(&self) -> PathBuf {
        self.root.join("assets").join("audio")
    }
}

/// The slot's recording on disk, if any: its file name, the one the tutor plays (a
/// person's `.wav` before an `.ogg`).
fn recording(folder: &Path, slot_file: &str) -> Option<String> {
    let stem = slot_file.strip_suffix(".ogg").unwrap_or(slot_file);
    crate::audio::RECORDING_EXTENSIONS
        .iter()
        .map(|ext| format!("{stem}.{ext}"))
        .find(|name| {
            folder
                .join(name)
                .symlink_metadata()
                .is_ok_and(|m| m.file_type().is_file())
        })
}

/// A file's day of last change in Vietnam, `YYYY-MM-DD` (as the studio dates a take).
fn file_date(path: &Path) -> String {
    let secs = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_secs() as i64);
    crate::report::date::format((secs + crate::kiosk::VIETNAM_OFFSET).div_euclid(86_400))
}

/// One clip of a package: where it goes, its bytes, and its manifest's word on it.
struct Item {
    folder: String,
    file: String,
    bytes: Vec<u8>,
}

fn export(
    kiosk: &Kiosk,
    target: &Path,
    with_drafts: bool,
    words: &Words,
) -> anyhow::Result<ExitCode> {
    let audio = kiosk.audio();
    let mut items = Vec::new();
    let mut manifests: BTreeMap<String, Manifest> = BTreeMap::new();
    let mut loaded: HashMap<String, Manifest> = HashMap::new();
    let (mut people, mut drafts) = (0, 0);
    for slot in &kiosk.order {
        let folder = audio.join(&slot.folder);
        let Some(name) = recording(&folder, &slot.file) else {
            continue;
        };
        let manifest = loaded
            .entry(slot.folder.clone())
            .or_insert_with(|| Manifest::load(&folder));
        let entry = match manifest.clips.get(&name) {
            Some(entry) => entry.clone(),
            // A file no manifest names is a person's recording of the text as it is.
            None => Entry {
                text: text_hash(&slot.text),
                voice: Voice::Person {
                    name: None,
                    date: file_date(&folder.join(&name)),
                },
            },
        };
        if entry.voice.is_person() {
            people += 1;
        } else if with_drafts {
            drafts += 1;
        } else {
            continue;
        }
        let bytes = std::fs::read(folder.join(&name))
            .with_context(|| words.file("cli-reading", &folder.join(&name)))?;
        manifests
            .entry(slot.folder.clone())
            .or_default()
            .clips
            .insert(name.clone(), entry);
        items.push(Item {
            folder: slot.folder.clone(),
            file: name,
            bytes,
        });
    }
    for (folder, manifest) in &manifests {
        let mut json = serde_json::to_string_pretty(manifest)?;
        json.push('\n');
        items.push(Item {
            folder: folder.clone(),
            file: MANIFEST.to_owned(),
            bytes: json.into_bytes(),
        });
    }
    if is_tar(target) {
        write_tar(target, &items)?;
    } else {
        write_folder(target, &items, words)?;
    }
    let id = if with_drafts {
        "cli-voice-exported-drafts"
    } else {
        "cli-voice-exported"
    };
    say!(
        "{}",
        words.with(
            id,
            &[
                ("people", people.into()),
                ("drafts", drafts.into()),
                ("folders", manifests.len().into()),
                ("target", target.display().to_string().into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

fn is_tar(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tar"))
}

fn write_folder(target: &Path, items: &[Item], words: &Words) -> anyhow::Result<()> {
    if target.exists() && std::fs::read_dir(target)?.next().is_some() {
        bail!(words.with(
            "cli-voice-not-empty",
            &[("folder", target.display().to_string().into())]
        ));
    }
    std::fs::create_dir_all(target).with_context(|| words.file("cli-creating", target))?;
    for item in items {
        let folder = target.join(&item.folder);
        std::fs::create_dir_all(&folder).with_context(|| words.file("cli-creating", &folder))?;
        std::fs::write(folder.join(&item.file), &item.bytes)
            .with_context(|| words.file("cli-writing", &folder.join(&item.file)))?;
    }
    Ok(())
}

/// A ustar archive of regular files, written whole beside `target`, then renamed.
fn write_tar(target: &Path, items: &[Item]) -> anyhow::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hocso-voice-").suffix(".tar");
    // Readable as any file made there (the umask applies): it is meant to be handed on.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("writing in {}", dir.display()))?;
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        for item in items {
            let name = format!("{}/{}", item.folder, item.file);
            out.write_all(&tar_header(&name, item.bytes.len() as u64)?)?;
            out.write_all(&item.bytes)?;
            let pad = (512 - item.bytes.len() % 512) % 512;
            out.write_all(&vec![0; pad])?;
        }
        out.write_all(&[0; 1024])?;
        out.flush()?;
    }
    file.as_file().sync_all()?;
    file.persist(target)
        .with_context(|| format!("writing {}", target.display()))?;
    Ok(())
}

fn tar_header(name: &str, size: u64) -> anyhow::Result<[u8; 512]> {
    if name.len() > 99 {
        bail!("{name}: the name is too long for a package");
    }
    let mut h = [0u8; 512];
    let put = |h: &mut [u8; 512], at: usize, text: &str| {
        h[at..at + text.len()].copy_from_slice(text.as_bytes());
    };
    put(&mut h, 0, name);
    put(&mut h, 100, "0000644\0");
    put(&mut h, 108, "0000000\0");
    put(&mut h, 116, "0000000\0");
    put(&mut h, 124, &format!("{size:011o}\0"));
    put(&mut h, 136, "00000000000\0");
    h[156] = b'0';
    put(&mut h, 257, "ustar\0");
    put(&mut h, 263, "00");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    put(&mut h, 148, &format!("{sum:06o}\0 "));
    Ok(h)
}

/// Whether `name` may be a file in a package: `[a-z0-9.-]+` ending `.ogg` or `.wav`.
fn clip_name(name: &str) -> bool {
    let allowed = !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
    allowed && (name.ends_with(".ogg") || name.ends_with(".wav")) && name.len() > 4
}

/// Whether `name` may be a folder in a package: `[a-z0-9-]+` (a lesson id, or `ui`).
fn folder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A package's contents, checked: by folder, its manifest and its clips.
#[derive(Default)]
struct Package {
    folders: BTreeMap<String, PackageFolder>,
    bytes: u64,
}

#[derive(Default)]
struct PackageFolder {
    manifest: Option<Manifest>,
    clips: BTreeMap<String, Vec<u8>>,
}

impl Package {
    /// Adds the entry `path` of the package, or says why the package is refused.
    fn add(&mut self, path: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        let path = path.strip_prefix("./").unwrap_or(path);
        let parts: Vec<&str> = path.split('/').collect();
        let [folder, file] = parts.as_slice() else {
            bail!("`{path}` is not a folder and a file in it");
        };
        if !folder_name(folder) {
            bail!("`{path}`: `{folder}` is not a lesson's or the interface's folder");
        }
        self.bytes += bytes.len() as u64;
        if self.bytes > MAX_PACKAGE_BYTES {
            bail!("the package is larger than {MAX_PACKAGE_BYTES} bytes");
        }
        let entry = self.folders.entry((*folder).to_owned()).or_default();
        if *file == MANIFEST {
            let manifest: Manifest = serde_json::from_slice(&bytes)
                .with_context(|| format!("`{path}` is not a manifest"))?;
            for name in manifest.clips.keys() {
                if !clip_name(name) {
                    bail!("`{path}` names `{name}`, which is not a clip's file name");
                }
            }
            entry.manifest = Some(manifest);
        } else if clip_name(file) {
            entry.clips.insert((*file).to_owned(), bytes);
        } else {
            bail!("`{path}`: `{file}` is not a clip's file name ([a-z0-9.-], .ogg or .wav)");
        }
        Ok(())
    }

    /// Reads a package folder: only folders of regular files, no links.
    fn read_folder(dir: &Path) -> anyhow::Result<Package> {
        let mut package = Package::default();
        for folder in
            std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?
        {
            let folder = folder?;
            let name = folder.file_name().to_string_lossy().into_owned();
            if !folder.file_type()?.is_dir() {
                bail!("`{name}` is not a folder (a package holds only folders of clips)");
            }
            for file in std::fs::read_dir(folder.path())? {
                let file = file?;
                let file_name = file.file_name().to_string_lossy().into_owned();
                let path = format!("{name}/{file_name}");
                // `file_type` does not follow links: a link is refused, not read through.
                if !file.file_type()?.is_file() {
                    bail!("`{path}` is not a plain file (a link, a folder or a device)");
                }
                if file.metadata()?.len() > MAX_CLIP_BYTES {
                    bail!("`{path}` is too large for a clip");
                }
                package.add(&path, std::fs::read(file.path())?)?;
            }
        }
        Ok(package)
    }

    /// Reads a ustar package: regular files (and folders) only.
    fn read_tar(file: &Path) -> anyhow::Result<Package> {
        let mut input = std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?,
        );
        let mut package = Package::default();
        let mut header = [0u8; 512];
        loop {
            input
                .read_exact(&mut header)
                .context("the package ends in the middle (not a whole .tar)")?;
            if header.iter().all(|&b| b == 0) {
                break;
            }
            let field = |at: usize, len: usize| {
                let raw = &header[at..at + len];
                let end = raw.iter().position(|&b| b == 0).unwrap_or(len);
                String::from_utf8_lossy(&raw[..end]).into_owned()
            };
            let mut name = field(0, 100);
            let prefix = field(345, 155);
            if &header[257..262] == b"ustar" && !prefix.is_empty() {
                name = format!("{prefix}/{name}");
            }
            let stored: u32 =
                u32::from_str_radix(field(148, 8).trim(), 8).context("not a .tar file")?;
            let mut blank = header;
            blank[148..156].copy_from_slice(b"        ");
            let sum: u32 = blank.iter().map(|&b| u32::from(b)).sum();
            if sum != stored {
                bail!("not a .tar file (a header's checksum is wrong)");
            }
            let size = u64::from_str_radix(field(124, 12).trim(), 8)
                .with_context(|| format!("`{name}`: unreadable size"))?;
            match header[156] {
                b'0' | 0 => {
                    if size > MAX_CLIP_BYTES {
                        bail!("`{name}` is too large for a clip");
                    }
                    let mut bytes = vec![0; size as usize];
                    input.read_exact(&mut bytes)?;
                    let pad = (512 - size % 512) % 512;
                    std::io::copy(&mut (&mut input).take(pad), &mut std::io::sink())?;
                    package.add(&name, bytes)?;
                }
                b'5' if size == 0 => {
                    let dir = name.trim_end_matches('/');
                    let dir = dir.strip_prefix("./").unwrap_or(dir);
                    if !(dir.is_empty() || dir == "." || folder_name(dir)) {
                        bail!("`{name}` is not a lesson's or the interface's folder");
                    }
                }
                kind => bail!(
                    "`{name}` is not a plain file (kind `{}`: a link or something else a package may not hold)",
                    char::from(kind)
                ),
            }
        }
        Ok(package)
    }
}

/// What `import` may do beyond the safe default.
#[derive(Clone, Copy)]
struct Options {
    stale: bool,
    replace: bool,
}

/// What import did, counted.
#[derive(Default)]
struct Tally {
    imported: usize,
    stale_imported: usize,
    stale_skipped: usize,
    kept: usize,
    unknown: usize,
    unlisted: usize,
}

fn import(
    kiosk: &Kiosk,
    source: &Path,
    options: Options,
    words: &Words,
) -> anyhow::Result<ExitCode> {
    let meta = source
        .symlink_metadata()
        .with_context(|| words.file("cli-reading", source))?;
    let package = if meta.is_dir() {
        Package::read_folder(source)
    } else if meta.is_file() {
        Package::read_tar(source)
    } else {
        bail!(words.file("cli-voice-not-a-package", source))
    };
    let package = package.with_context(|| words.file("cli-voice-refused", source))?;

    let audio = kiosk.audio();
    let mut tally = Tally::default();
    let mut notes = Vec::new();
    for (folder_id, folder) in &package.folders {
        let manifest = folder.manifest.clone().unwrap_or_default();
        let dir = audio.join(folder_id);
        let mut ours = Manifest::read(&dir).with_context(|| words.file("cli-reading", &dir))?;
        for (file, bytes) in &folder.clips {
            let label = format!("{folder_id}/{file}");
            let note = |id: &str| words.with(id, &[("clip", label.clone().into())]);
            let Some(entry) = manifest.clips.get(file) else {
                // Whose voice and which text, nobody says: it cannot be checked.
                notes.push(note("cli-voice-unlisted"));
                tally.unlisted += 1;
                continue;
            };
            let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
            let Some(slot) = kiosk.slots.get(&(folder_id.clone(), format!("{stem}.ogg"))) else {
                notes.push(note("cli-voice-unknown"));
                tally.unknown += 1;
                continue;
            };
            let current = entry.text == text_hash(&slot.text);
            if !current && !options.stale {
                notes.push(note("cli-voice-stale"));
                tally.stale_skipped += 1;
                continue;
            }
            // What is here now.
            let here = recording(&dir, &slot.file);
            let here_is_person = here
                .as_ref()
                .is_some_and(|name| ours.clips.get(name).is_none_or(|e| e.voice.is_person()));
            if here_is_person && (!entry.voice.is_person() || !options.replace) {
                if entry.voice.is_person() {
                    notes.push(note("cli-voice-kept"));
                }
                tally.kept += 1;
                continue;
            }
            std::fs::create_dir_all(&dir).with_context(|| words.file("cli-creating", &dir))?;
            install(bytes, &dir.join(file))?;
            // The other form of the same clip would be played first, or linger.
            if let Some(old) = here.filter(|old| old != file) {
                let _ = std::fs::remove_file(dir.join(&old));
                ours.clips.remove(&old);
            }
            ours.clips.insert(file.clone(), entry.clone());
            // The manifest after every clip: an interrupted import leaves no clip whose
            // voice nobody names (a file no manifest names counts as a person's).
            ours.save(&dir)
                .with_context(|| words.file("cli-writing", &Manifest::path(&dir)))?;
            if current {
                tally.imported += 1;
            } else {
                notes.push(note("cli-voice-stale-taken"));
                tally.stale_imported += 1;
            }
        }
    }
    for note in &notes {
        say!("{note}");
    }
    let count = |id: &str, n: usize| words.with(id, &[("count", n.into())]);
    let stale = if options.stale {
        count("cli-voice-stale-imported", tally.stale_imported)
    } else {
        count("cli-voice-stale-skipped", tally.stale_skipped)
    };
    let unlisted = if tally.unlisted > 0 {
        count("cli-voice-unlisted-count", tally.unlisted)
    } else {
        String::new()
    };
    say!(
        "{}",
        words.with(
            "cli-voice-imported",
            &[
                ("imported", tally.imported.into()),
                ("stale", stale.into()),
                ("kept", tally.kept.into()),
                ("unknown", tally.unknown.into()),
                ("unlisted", unlisted.into()),
            ]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to a new file of a random name beside `out`, then renames it over
/// `out`: the tutor never plays half a clip, and a link at `out` is replaced, not
/// followed.
fn install(bytes: &[u8], out: &Path) -> anyhow::Result<()> {
    let folder = out.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hocso-").suffix(".part");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder
        .tempfile_in(folder)
        .with_context(|| format!("writing in {}", folder.display()))?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(out)
        .with_context(|| format!("writing {}", out.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_clip_names_in_plain_folders_are_taken() {
        for good in ["mo-app.ogg", "mo-app.option-2.ogg", "help-on-who.wav"] {
            assert!(clip_name(good), "{good}");
        }
        for bad in [
            "../x.ogg", "x.mp3", ".ogg", "Mo.ogg", "a/b.ogg", "x.ogg\0", "",
        ] {
            assert!(!clip_name(bad), "{bad:?}");
        }
        let mut p = Package::default();
        assert!(p.add("bai/mo-app.ogg", vec![1]).is_ok());
        assert!(p.add("./bai/mo-app.hint.ogg", vec![1]).is_ok());
        for bad in [
            "../bai/x.ogg",
            "bai/../x.ogg",
            "/etc/x.ogg",
            "bai/sub/x.ogg",
            "x.ogg",
            "..",
            "bai/..",
        ] {
            assert!(p.add(bad, vec![1]).is_err(), "{bad}");
        }
        let manifest =
            br#"{"clips":{"../x.ogg":{"text":"00","by":"draft","engine":"e","voice":"v"}}}"#;
        assert!(p.add("bai/manifest.json", manifest.to_vec()).is_err());
    }

    #[test]
    fn a_tar_written_is_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let tar = dir.path().join("p.tar");
        let items = [
            Item {
                folder: "bai".into(),
                file: "mo.ogg".into(),
                bytes: vec![7; 700],
            },
            Item {
                folder: "ui".into(),
                file: "help-on-who.ogg".into(),
                bytes: vec![],
            },
        ];
        write_tar(&tar, &items).unwrap();
        let p = Package::read_tar(&tar).unwrap();
        assert_eq!(p.folders["bai"].clips["mo.ogg"], vec![7; 700]);
        assert!(p.folders["ui"].clips["help-on-who.ogg"].is_empty());
    }
}
