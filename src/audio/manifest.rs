//! The record `hocso narrate` keeps beside its drafts (`assets/audio/<lesson>/manifest.json`):
//! for each file it wrote, the text it was made from (as a hash), the voice and the engine.
//! A changed text is drafted again; a file not in the manifest is a person's recording,
//! never overwritten.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const MANIFEST: &str = "manifest.json";

/// What a draft was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// [`text_hash`] of the text read aloud.
    pub text: String,
    pub voice: String,
    pub engine: String,
}

/// The drafts of one lesson's folder, by file name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub drafts: BTreeMap<String, Draft>,
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

    /// Writes the manifest (whole, then renamed over the old one).
    pub fn save(&self, folder: &Path) -> std::io::Result<()> {
        let tmp = folder.join(format!("{MANIFEST}.tmp"));
        let mut json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        json.push('\n');
        std::fs::write(&tmp, json)?;
        std::fs::rename(&tmp, Manifest::path(folder))
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
    fn a_manifest_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Manifest::load(dir.path()), Manifest::default());
        let mut m = Manifest::default();
        m.drafts.insert(
            "mo-app.ogg".into(),
            Draft {
                text: text_hash("x"),
                voice: "vi".into(),
                engine: "espeak-ng".into(),
            },
        );
        m.save(dir.path()).unwrap();
        assert_eq!(Manifest::load(dir.path()), m);
    }
}
