//! The record kept beside a folder of recordings (`assets/audio/<lesson>/manifest.json`,
//! `assets/audio/ui/manifest.json`): for each file, whose voice it is (a person's, with
//! an optional name and the date, or a draft, with its engine and voice) and the text it
//! reads (as a hash), so a changed text makes the clip stale.
//!
//! A file the manifest does not name is counted as a person's recording (made before
//! manifests knew people) and is never overwritten by a draft.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const MANIFEST: &str = "manifest.json";

/// Whose voice a clip is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "lowercase")]
pub enum Voice {
    /// A person read it (recorded with `hocso record`, or imported from a ward that did).
    Person {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        /// The day it was recorded, `YYYY-MM-DD`.
        date: String,
    },
    /// A machine's placeholder (`hocso narrate`).
    Draft { engine: String, voice: String },
}

impl Voice {
    pub fn is_person(&self) -> bool {
        matches!(self, Voice::Person { .. })
    }
}

/// One clip's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// [`text_hash`] of the text it reads.
    pub text: String,
    #[serde(flatten)]
    pub voice: Voice,
}

/// What a draft was made from (manifests written before people's voices were recorded).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
struct OldDraft {
    text: String,
    voice: String,
    engine: String,
}

#[derive(Deserialize)]
struct Stored {
    #[serde(default)]
    clips: BTreeMap<String, Entry>,
    /// The older form, drafts only.
    #[serde(default)]
    drafts: BTreeMap<String, OldDraft>,
}

/// The clips of one folder, by file name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Manifest {
    pub clips: BTreeMap<String, Entry>,
}

impl<'de> Deserialize<'de> for Manifest {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Manifest, D::Error> {
        let stored = Stored::deserialize(d)?;
        let mut clips = stored.clips;
        for (file, old) in stored.drafts {
            clips.entry(file).or_insert(Entry {
                text: old.text,
                voice: Voice::Draft {
                    engine: old.engine,
                    voice: old.voice,
                },
            });
        }
        Ok(Manifest { clips })
    }
}

impl Manifest {
    pub fn path(folder: &Path) -> PathBuf {
        folder.join(MANIFEST)
    }

    /// The manifest in `folder`, or an empty one (none yet, or unreadable).
    pub fn load(folder: &Path) -> Manifest {
        std::fs::read_to_string(Manifest::path(folder))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// The manifest in `folder` before changing it: an empty one if there is none yet,
    /// an error if it cannot be read (saving over it would forget every clip it names).
    pub fn read(folder: &Path) -> std::io::Result<Manifest> {
        match std::fs::read_to_string(Manifest::path(folder)) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", Manifest::path(folder).display()),
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(e) => Err(e),
        }
    }

    /// Writes the manifest whole (synced, then renamed over the old one, never through
    /// a link): a power cut leaves the old manifest or the new one.
    pub fn save(&self, folder: &Path) -> std::io::Result<()> {
        let mut json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        json.push('\n');
        crate::store::journal::write_whole(&Manifest::path(folder), json.as_bytes())
    }

    /// The draft's record of `file`, if a draft is what it is.
    pub fn draft(&self, file: &str) -> Option<(&str, &str, &str)> {
        match self.clips.get(file) {
            Some(Entry {
                text,
                voice: Voice::Draft { engine, voice },
            }) => Some((text, engine, voice)),
            _ => None,
        }
    }
}

/// A short, stable fingerprint of a text (FNV-1a, 64 bits, hex).
pub fn text_hash(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_differ_for_different_text() {
        assert_eq!(
            text_hash("Chạm vào nút Cài đặt."),
            text_hash("Chạm vào nút Cài đặt.")
        );
        assert_ne!(
            text_hash("Chạm vào nút Cài đặt."),
            text_hash("Chạm vào nút Cài đặt")
        );
        assert_eq!(text_hash("").len(), 16);
    }

    #[test]
    fn a_manifest_round_trips_with_both_kinds_of_voice() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
        let mut m = Manifest::default();
        m.clips.insert(
            "mo-app.ogg".into(),
            Entry {
                text: text_hash("x"),
                voice: Voice::Draft {
                    voice: "vi@130".into(),
                    engine: "espeak-ng".into(),
                },
            },
        );
        m.clips.insert(
            "mo-app.hint.ogg".into(),
            Entry {
                text: text_hash("y"),
                voice: Voice::Person {
                    name: Some("Lan".into()),
                    date: "2026-12-06".into(),
                },
            },
        );
        m.save(dir.path()).unwrap();
        assert_eq!(Manifest::load(dir.path()), m);
        assert!(m.draft("mo-app.ogg").is_some());
        assert!(m.draft("mo-app.hint.ogg").is_none());
    }

    /// Before a manifest is changed it must be read whole: one that cannot be read is
    /// an error, never an empty manifest that saving would write over the clips it names.
    #[test]
    fn a_manifest_that_cannot_be_read_is_not_taken_for_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::read(dir.path()).unwrap(), Manifest::default());
        std::fs::write(Manifest::path(dir.path()), "{\"clips\": {").unwrap();
        assert!(Manifest::read(dir.path()).is_err());
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
    }

    #[test]
    fn the_older_drafts_only_form_still_reads() {
        let old = r#"{"drafts":{"a.ogg":{"text":"0011","voice":"vi@130","engine":"espeak-ng"}}}"#;
        let m: Manifest = serde_json::from_str(old).unwrap();
        assert_eq!(m.draft("a.ogg"), Some(("0011", "espeak-ng", "vi@130")));
    }
}
