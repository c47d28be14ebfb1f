//! The journal: answers (and the other writes) the screen confirmed but the database could
//! not take yet, kept on disk until it can. It lives beside the database
//! (`hocso.db.pending`); when that disk cannot take it either (full, failing), in a
//! fallback folder on another filesystem (the session's private runtime folder). The next
//! start replays it; a write carries an id, saved with it in the same transaction, so a
//! write replayed after a crash is never saved twice.
//!
//! One line of JSON per write, the whole file written anew (to a temporary file, synced,
//! then renamed over the old one) whenever what waits changes. No file is ever opened
//! through a symbolic link.

use std::fs::{File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Learner, Write};

/// A write waiting to be saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    /// Unique, and sorts in the order the writes were made.
    pub id: String,
    pub write: Write,
    /// The learner it belongs to, as the kiosk knew her: a fresh database that replaces
    /// a damaged one takes her answers under her own code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner: Option<Learner>,
    /// Written to the journal at least once: saved with [`super::Store::apply_once`].
    #[serde(skip)]
    pub journaled: bool,
}

/// Ids for [`Pending`] writes: the time, then the process, then a count.
#[derive(Debug)]
pub struct Ids {
    process: u32,
    count: u64,
}

impl Default for Ids {
    fn default() -> Self {
        Ids {
            process: std::process::id(),
            count: 0,
        }
    }
}

impl Ids {
    pub fn next(&mut self, unix_millis: u128) -> String {
        self.count += 1;
        format!("{unix_millis:015}-{:08x}-{:06}", self.process, self.count)
    }
}

/// Where the journal is kept.
#[derive(Debug, Clone)]
pub struct Journal {
    /// Beside the database, then the fallback.
    places: Vec<PathBuf>,
}

/// What was read back from the journal.
#[derive(Debug, Default)]
pub struct Replay {
    /// Every write found, once, oldest first.
    pub pending: Vec<Pending>,
    /// Lines or files that could not be read (a line cut short by a crash).
    pub problems: Vec<String>,
}

impl Journal {
    /// The journal of the database at `database`: `<database>.pending`, and, when the
    /// session has a private runtime folder (`XDG_RUNTIME_DIR`, owned by this user and
    /// closed to others), a fallback there.
    pub fn beside(database: &Path) -> Journal {
        let mut places = vec![PathBuf::from(format!("{}.pending", database.display()))];
        if let Some(dir) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from)
            && private_folder(&dir)
        {
            // One fallback per database (FNV-1a of its path): two kiosks' data folders
            // never share one.
            let hash = database
                .display()
                .to_string()
                .bytes()
                .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                    (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
                });
            places.push(dir.join(format!("hocso-{hash:016x}.pending")));
        }
        Journal { places }
    }

    /// A journal kept in exactly these files, the first preferred (tests).
    pub fn at(places: Vec<PathBuf>) -> Journal {
        Journal { places }
    }

    pub fn places(&self) -> &[PathBuf] {
        &self.places
    }

    /// Keeps `pending` (all of it) in the first place that takes it, and clears the
    /// others; with nothing pending, clears them all. Where it is now kept, or the
    /// error of the last place tried when none could take it.
    pub fn keep(&self, pending: &[Pending]) -> io::Result<Option<PathBuf>> {
        if pending.is_empty() {
            for place in &self.places {
                remove(place)?;
            }
            return Ok(None);
        }
        let mut text = String::new();
        for p in pending {
            text.push_str(&serde_json::to_string(p).map_err(io::Error::other)?);
            text.push('\n');
        }
        let mut last = io::Error::other("no place for the journal");
        for (i, place) in self.places.iter().enumerate() {
            match write_whole(place, text.as_bytes()) {
                Ok(()) => {
                    // One copy only: an older one elsewhere would replay what is saved.
                    for (j, other) in self.places.iter().enumerate() {
                        if j != i {
                            let _ = remove(other);
                        }
                    }
                    return Ok(Some(place.clone()));
                }
                Err(e) => {
                    tracing::warn!(file = %place.display(), "the journal cannot be written here: {e}");
                    last = e;
                }
            }
        }
        Err(last)
    }

    /// Every write kept in any of the places, once each, oldest first.
    pub fn load(&self) -> Replay {
        let mut replay = Replay::default();
        for place in &self.places {
            let text = match read_plain(place) {
                Ok(Some(text)) => text,
                Ok(None) => continue,
                Err(e) => {
                    replay
                        .problems
                        .push(format!("{}: cannot be read: {e}", place.display()));
                    continue;
                }
            };
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Pending>(line) {
                    Ok(mut p) => {
                        p.journaled = true;
                        if !replay.pending.iter().any(|q| q.id == p.id) {
                            replay.pending.push(p);
                        }
                    }
                    Err(e) => replay.problems.push(format!(
                        "{}:{}: not a saved write ({e})",
                        place.display(),
                        n + 1
                    )),
                }
            }
        }
        replay.pending.sort_by(|a, b| a.id.cmp(&b.id));
        replay
    }
}

/// A folder only this user can enter: a fallback there is safe from other users.
#[cfg(unix)]
fn private_folder(dir: &Path) -> bool {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    std::fs::symlink_metadata(dir).is_ok_and(|m| {
        m.is_dir()
            && m.uid() == rustix::process::getuid().as_raw()
            && m.permissions().mode() & 0o077 == 0
    })
}

#[cfg(not(unix))]
fn private_folder(_dir: &Path) -> bool {
    false
}

#[cfg(unix)]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    use std::os::unix::fs::OpenOptionsExt;
    options
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .mode(0o600)
}

#[cfg(not(unix))]
fn no_follow(options: &mut OpenOptions) -> &mut OpenOptions {
    options
}

/// `bytes` as the whole of `path`, or `path` unchanged: written beside it, synced,
/// renamed over it, and the folder synced.
/// Writes `path` whole: a fresh file beside it (never through a link), synced, renamed
/// over it, and the folder synced, so a crash or a power cut leaves the old file or the
/// new one, never a part.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = PathBuf::from(format!("{}.tmp", path.display()));
    let _ = std::fs::remove_file(&tmp);
    let written = no_follow(OpenOptions::new().write(true).create_new(true))
        .open(&tmp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    sync_folder(path)
}

fn sync_folder(path: &Path) -> io::Result<()> {
    match path.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => File::open(dir)?.sync_all(),
        None => Ok(()),
    }
}

/// Removes `path` (a link, not what it points to), and says so to the disk.
fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => sync_folder(path),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

/// The text of `path` if it is there, read without following a link.
fn read_plain(path: &Path) -> io::Result<Option<String>> {
    match no_follow(OpenOptions::new().read(true)).open(path) {
        Ok(mut file) => {
            let mut text = String::new();
            io::Read::read_to_string(&mut file, &mut text)?;
            Ok(Some(text))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Attempt, Place, RunKind};

    fn attempt(ids: &mut Ids, n: u128, step: &str) -> Pending {
        Pending {
            id: ids.next(n),
            write: Write::Attempt {
                attempt: Attempt {
                    learner: "4821".into(),
                    lesson: "zalo".into(),
                    step: step.into(),
                    answer: "Zalo".into(),
                    right: true,
                    first_try: true,
                    hint_used: false,
                    assisted: false,
                    millis: 1200,
                },
                at: 1_700_000_000,
            },
            learner: None,
            journaled: false,
        }
    }

    #[test]
    fn what_is_kept_reads_back_in_order_once() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::at(vec![dir.path().join("a.pending")]);
        let mut ids = Ids::default();
        let mut pending = vec![attempt(&mut ids, 2, "b"), attempt(&mut ids, 1, "a")];
        pending.push(Pending {
            id: ids.next(3),
            write: Write::Place {
                learner: "4821".into(),
                place: Some(Place {
                    lesson: "zalo".into(),
                    kind: RunKind::Practice,
                    plan: vec!["a".into(), "b".into()],
                    step: "b".into(),
                }),
                at: 5,
            },
            learner: None,
            journaled: false,
        });
        journal.keep(&pending).unwrap();
        let replay = journal.load();
        assert!(replay.problems.is_empty(), "{:?}", replay.problems);
        let steps: Vec<_> = replay.pending.iter().map(|p| p.id.clone()).collect();
        let mut sorted = steps.clone();
        sorted.sort();
        assert_eq!(steps, sorted);
        assert_eq!(replay.pending.len(), 3);
        assert!(replay.pending.iter().all(|p| p.journaled));
        assert_eq!(replay.pending[2].write, pending[2].write);
        journal.keep(&[]).unwrap();
        assert!(!dir.path().join("a.pending").exists());
    }

    #[test]
    fn a_place_that_cannot_take_it_passes_it_on_and_one_copy_stays() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("missing-folder").join("a.pending");
        let second = dir.path().join("b.pending");
        let journal = Journal::at(vec![first.clone(), second.clone()]);
        let mut ids = Ids::default();
        let kept = journal.keep(&[attempt(&mut ids, 1, "a")]).unwrap();
        assert_eq!(kept.as_deref(), Some(second.as_path()));
        assert_eq!(journal.load().pending.len(), 1);
        // The first place works again: the copy moves there, and only there.
        std::fs::create_dir(first.parent().unwrap()).unwrap();
        journal
            .keep(&[attempt(&mut ids, 1, "a"), attempt(&mut ids, 2, "b")])
            .unwrap();
        assert!(first.exists() && !second.exists());
    }

    #[test]
    fn a_line_cut_short_is_a_problem_not_a_lost_journal() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.pending");
        let journal = Journal::at(vec![file.clone()]);
        let mut ids = Ids::default();
        journal.keep(&[attempt(&mut ids, 1, "a")]).unwrap();
        let mut text = std::fs::read_to_string(&file).unwrap();
        text.push_str("{\"id\":\"0002\",\"wri");
        std::fs::write(&file, text).unwrap();
        let replay = journal.load();
        assert_eq!(replay.pending.len(), 1);
        assert_eq!(replay.problems.len(), 1, "{:?}", replay.problems);
    }

    #[cfg(unix)]
    #[test]
    fn a_journal_that_is_a_link_is_neither_read_nor_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "keep me\n").unwrap();
        let file = dir.path().join("a.pending");
        std::os::unix::fs::symlink(&target, &file).unwrap();
        let journal = Journal::at(vec![file.clone()]);
        assert_eq!(journal.load().pending.len(), 0);
        assert_eq!(journal.load().problems.len(), 1);
        let mut ids = Ids::default();
        journal.keep(&[attempt(&mut ids, 1, "a")]).unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
        assert!(!std::fs::symlink_metadata(&file).unwrap().is_symlink());
    }
}
