//! A kept take into its slot: mono Ogg Vorbis (as the narration drafts are), written to a
//! file beside the slot's, flushed to disk, then renamed over it, so the slot holds the
//! old clip or the new one and never half of one; then the folder's manifest says whose
//! voice it is.

use std::num::{NonZeroU8, NonZeroU32};
use std::path::Path;

use vorbis_rs::{VorbisBitrateManagementStrategy, VorbisEncoderBuilder};

use crate::audio::manifest::{Entry, Manifest, Voice, text_hash};
use crate::audio::slots::Slot;

/// Vorbis quality (−0.2 to 1): 0.4 is clear speech at about 20 KB for 3 seconds.
const QUALITY: f32 = 0.4;

/// Ogg Vorbis bytes of mono `samples` at `rate`.
pub fn ogg_vorbis(samples: &[f32], rate: u32) -> Result<Vec<u8>, String> {
    let rate = NonZeroU32::new(rate).ok_or("a sample rate of 0")?;
    // The stream's serial only tells streams in one file apart; this file has one.
    let serial = (samples.len() as i32) ^ 0x6863_736f;
    let mut builder =
        VorbisEncoderBuilder::new_with_serial(rate, NonZeroU8::MIN, Vec::new(), serial);
    builder.bitrate_management_strategy(VorbisBitrateManagementStrategy::QualityVbr {
        target_quality: QUALITY,
    });
    builder
        .comment_tag("ENCODER", "hocso record")
        .map_err(|e| e.to_string())?;
    let mut encoder = builder.build().map_err(|e| e.to_string())?;
    for block in samples.chunks(4096) {
        encoder
            .encode_audio_block([block])
            .map_err(|e| e.to_string())?;
    }
    encoder.finish().map_err(|e| e.to_string())
}

/// Why a take could not be written: the disk is full (the volunteer can free room and
/// keep it again), or something else; `detail` is for the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unkept {
    pub disk_full: bool,
    pub detail: String,
}

impl Unkept {
    fn io(path: &Path, e: &std::io::Error) -> Unkept {
        Unkept {
            disk_full: e.kind() == std::io::ErrorKind::StorageFull,
            detail: format!("{}: {e}", path.display()),
        }
    }

    fn other(detail: String) -> Unkept {
        Unkept {
            disk_full: false,
            detail,
        }
    }
}

impl std::fmt::Display for Unkept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.detail)
    }
}

/// Keeps a take as `slot`'s clip under the content folder `root` in `locale`, read by
/// `name` (if given) on `date` (`YYYY-MM-DD`): the clip, then its manifest entry.
pub fn keep(
    root: &Path,
    locale: &str,
    slot: &Slot,
    samples: &[f32],
    rate: u32,
    name: Option<&str>,
    date: &str,
) -> Result<std::path::PathBuf, Unkept> {
    let bytes = ogg_vorbis(samples, rate).map_err(Unkept::other)?;
    let path = slot.path(root, locale);
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))
        .and_then(|()| crate::store::journal::write_whole(&path, &bytes))
        .map_err(|e| Unkept::io(&path, &e))?;
    // An author's own file for the step is named in the lesson, not in a manifest.
    if slot.explicit.is_none() {
        let folder = slot.dir(root, locale);
        let mut manifest = Manifest::read(&folder).map_err(|e| Unkept::io(&folder, &e))?;
        manifest.clips.insert(
            slot.file.clone(),
            Entry {
                text: text_hash(&slot.text),
                voice: Voice::Person {
                    name: name.map(str::to_owned),
                    date: date.to_owned(),
                },
            },
        );
        manifest
            .save(&folder)
            .map_err(|e| Unkept::io(&Manifest::path(&folder), &e))?;
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::slots::{Manifests, Status};

    #[test]
    fn a_kept_take_is_a_vorbis_file_and_a_persons_entry() {
        let root = tempfile::tempdir().unwrap();
        let slot = Slot {
            folder: "bai".into(),
            file: "mo-app.ogg".into(),
            text: "Chạm vào Zalo.".into(),
            explicit: None,
        };
        let samples: Vec<f32> = (0..48_000).map(|i| (i as f32 * 0.05).sin() * 0.3).collect();
        let path = keep(
            root.path(),
            "vi",
            &slot,
            &samples,
            48_000,
            Some("Lan"),
            "2026-12-06",
        )
        .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"OggS"));
        let decoded = rodio::Decoder::try_from(std::io::Cursor::new(bytes)).unwrap();
        let n = decoded.count();
        assert!((47_000..49_000).contains(&n), "{n} samples");
        let mut manifests = Manifests::default();
        assert_eq!(manifests.status(root.path(), &slot, "vi"), Status::Person);
        let entry = &Manifest::load(&slot.dir(root.path(), "vi")).clips["mo-app.ogg"];
        assert_eq!(
            entry.voice,
            Voice::Person {
                name: Some("Lan".into()),
                date: "2026-12-06".into()
            }
        );
        // Nothing half-written is left beside it.
        let left: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 2, "{left:?}");
    }
}
