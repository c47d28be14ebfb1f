//! Clip slots: every text a learner can hear has one file it is read from, and each
//! file is a person's recording, a draft, stale (its text changed since) or missing.
//!
//! A lesson's slots live in `assets/audio/<lesson>/` (`<step>.ogg`, `.hint`, `.ok`,
//! `.wrong`, `.option-N` for a choice's answer N, `.tap-ID` for a thing on the pretend
//! phone); the interface's in `assets/audio/ui/<message-id>.ogg`. Another language than
//! Vietnamese has them under `assets/audio/<locale>/`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::manifest::{Manifest, Voice, text_hash};
use super::{Clip, clip_text, lesson_folder, step_clips, words_folder};
use crate::i18n::{Lang, Localizer, SPOKEN};
use crate::lesson::glossary::AUDIO_FOLDER as GLOSSARY;
use crate::lesson::{Glossary, Lesson};

/// The folder name of the interface's own words.
pub const UI: &str = "ui";

/// One text that can be heard, and where its recording goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// The lesson's id, or [`UI`] for the interface's words.
    pub folder: String,
    /// The file name in that folder, e.g. `mo-app.hint.ogg` or `who-title.ogg`.
    pub file: String,
    /// What a recording of it says.
    pub text: String,
    /// For a lesson's step text with a file of its own (`narration = "…"`): that file.
    pub explicit: Option<PathBuf>,
}

impl Slot {
    /// Where this slot's recording is (or goes), under the content folder `root`.
    pub fn path(&self, root: &Path, locale: &str) -> PathBuf {
        if let Some(file) = &self.explicit {
            return file.clone();
        }
        self.dir(root, locale).join(&self.file)
    }

    /// The folder of this slot's recording and its manifest.
    pub fn dir(&self, root: &Path, locale: &str) -> PathBuf {
        if self.folder == UI {
            words_folder(root, locale)
        } else {
            lesson_folder(root, &self.folder, locale)
        }
    }

    /// `lesson/file`, as reports and the studio name it.
    pub fn label(&self) -> String {
        format!("{}/{}", self.folder, self.file)
    }
}

/// The slots of every text of `lesson` in `locale`, step by step.
pub fn lesson_slots(lesson: &Lesson, locale: &str) -> Vec<Slot> {
    let mut slots = Vec::new();
    for step in &lesson.steps {
        for clip in step_clips(step) {
            let Some(text) = clip_text(step, &clip, locale) else {
                continue;
            };
            let explicit = (clip == Clip::Step && locale == "vi")
                .then(|| step.narration.clone())
                .flatten();
            slots.push(Slot {
                folder: lesson.id.clone(),
                file: format!("{}{}.ogg", step.id, clip.suffix()),
                text,
                explicit,
            });
        }
    }
    slots
}

/// The ids of the interface's messages that have a clip: [`SPOKEN`] and each screen's
/// help (`help-on-*`), in that order.
pub fn interface_ids(lang: Lang) -> Vec<String> {
    let mut help: Vec<String> = Localizer::ids(lang)
        .into_iter()
        .filter(|id| id.starts_with("help-on-"))
        .collect();
    help.sort();
    SPOKEN
        .iter()
        .map(|id| (*id).to_owned())
        .chain(help)
        .collect()
}

/// The slots of the interface's words in `lang`.
pub fn interface_slots(i18n: &Localizer, lang: Lang) -> Vec<Slot> {
    interface_ids(lang)
        .into_iter()
        .map(|id| Slot {
            folder: UI.to_owned(),
            text: i18n.spoken(lang, &id),
            file: format!("{id}.ogg"),
            explicit: None,
        })
        .collect()
}

/// The slots of the glossary's explanations in `locale` (`assets/audio/glossary/`).
pub fn glossary_slots(glossary: &Glossary, locale: &str) -> Vec<Slot> {
    glossary
        .terms
        .iter()
        .map(|term| Slot {
            folder: GLOSSARY.to_owned(),
            file: format!("{}.ogg", term.id),
            text: term.spoken(locale),
            explicit: None,
        })
        .collect()
}

/// Every slot: the interface's words first, then each lesson's, then the glossary's.
pub fn all_slots(
    lessons: &[Lesson],
    glossary: &Glossary,
    i18n: &Localizer,
    lang: Lang,
) -> Vec<Slot> {
    let mut slots = interface_slots(i18n, lang);
    for lesson in lessons {
        slots.extend(lesson_slots(lesson, lang.code()));
    }
    slots.extend(glossary_slots(glossary, lang.code()));
    slots
}

/// What is in a slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A person's recording of the current text (or a file no manifest names).
    Person,
    /// A machine's draft of the current text.
    Draft,
    /// A recording (a person's or a draft) of a text that has changed since.
    Stale { person: bool },
    /// Nothing to play.
    Missing,
}

/// How many slots are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    pub total: usize,
    pub person: usize,
    pub drafts: usize,
    pub stale: usize,
    pub missing: usize,
}

impl Coverage {
    pub fn add(&mut self, status: &Status) {
        self.total += 1;
        match status {
            Status::Person => self.person += 1,
            Status::Draft => self.drafts += 1,
            Status::Stale { .. } => self.stale += 1,
            Status::Missing => self.missing += 1,
        }
    }
}

/// Reads the manifests of the folders slots live in, once each.
#[derive(Debug, Default)]
pub struct Manifests {
    loaded: HashMap<PathBuf, Manifest>,
}

impl Manifests {
    pub fn get(&mut self, folder: &Path) -> &Manifest {
        self.loaded
            .entry(folder.to_owned())
            .or_insert_with(|| Manifest::load(folder))
    }

    /// What is in `slot` under the content folder `root`.
    pub fn status(&mut self, root: &Path, slot: &Slot, locale: &str) -> Status {
        let path = slot.path(root, locale);
        if slot.explicit.is_some() {
            // The author's own file for the step: theirs, whatever it says.
            return if path.is_file() {
                Status::Person
            } else {
                Status::Missing
            };
        }
        // A `.wav` beside the slot's `.ogg` is someone's own recording, and is what the
        // tutor plays (see `RECORDING_EXTENSIONS`); a manifest may say what it reads.
        let wav = path.with_extension("wav");
        let file = match wav.file_name().map(|n| n.to_string_lossy().into_owned()) {
            Some(name) if wav.is_file() => name,
            _ if path.is_file() => slot.file.clone(),
            _ => return Status::Missing,
        };
        let folder = slot.dir(root, locale);
        match self.get(&folder).clips.get(&file) {
            None => Status::Person,
            Some(entry) if entry.text != text_hash(&slot.text) => Status::Stale {
                person: entry.voice.is_person(),
            },
            Some(entry) => match entry.voice {
                Voice::Person { .. } => Status::Person,
                Voice::Draft { .. } => Status::Draft,
            },
        }
    }
}

/// Each slot's status, and the counts.
pub fn coverage(root: &Path, slots: &[Slot], locale: &str) -> (Coverage, Vec<Status>) {
    let mut manifests = Manifests::default();
    let mut counts = Coverage::default();
    let statuses = slots
        .iter()
        .map(|slot| {
            let status = manifests.status(root, slot, locale);
            counts.add(&status);
            status
        })
        .collect();
    (counts, statuses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::manifest::Entry;

    fn slot(file: &str, text: &str) -> Slot {
        Slot {
            folder: "bai".into(),
            file: file.into(),
            text: text.into(),
            explicit: None,
        }
    }

    #[test]
    fn a_slot_is_a_person_a_draft_stale_or_missing() {
        let root = tempfile::tempdir().unwrap();
        let folder = lesson_folder(root.path(), "bai", "vi");
        std::fs::create_dir_all(&folder).unwrap();
        let mut manifest = Manifest::default();
        for (file, text, voice) in [
            (
                "a.ogg",
                "Chạm vào Zalo.",
                Voice::Person {
                    name: None,
                    date: "2026-12-06".into(),
                },
            ),
            (
                "b.ogg",
                "Chạm OK.",
                Voice::Draft {
                    engine: "espeak-ng".into(),
                    voice: "vi@130".into(),
                },
            ),
            (
                "c.ogg",
                "Lời cũ.",
                Voice::Person {
                    name: Some("Lan".into()),
                    date: "2026-12-01".into(),
                },
            ),
        ] {
            std::fs::write(folder.join(file), b"OggS").unwrap();
            manifest.clips.insert(
                file.into(),
                Entry {
                    text: text_hash(text),
                    voice,
                },
            );
        }
        manifest.save(&folder).unwrap();
        std::fs::write(folder.join("d.ogg"), b"OggS").unwrap();
        let slots = [
            slot("a.ogg", "Chạm vào Zalo."),
            slot("b.ogg", "Chạm OK."),
            slot("c.ogg", "Lời mới."),
            slot("d.ogg", "Ai đó tự thu."),
            slot("e.ogg", "Chưa có."),
        ];
        let (counts, statuses) = coverage(root.path(), &slots, "vi");
        assert_eq!(
            statuses,
            [
                Status::Person,
                Status::Draft,
                Status::Stale { person: true },
                Status::Person,
                Status::Missing
            ]
        );
        assert_eq!(
            counts,
            Coverage {
                total: 5,
                person: 2,
                drafts: 1,
                stale: 1,
                missing: 1
            }
        );
        // A person's `.wav` beside a draft (or in an empty slot) is a person's voice,
        // and is what the tutor plays.
        std::fs::write(folder.join("b.wav"), b"RIFF").unwrap();
        std::fs::write(folder.join("e.wav"), b"RIFF").unwrap();
        let (_, statuses) = coverage(root.path(), &slots, "vi");
        assert_eq!(
            (&statuses[1], &statuses[4]),
            (&Status::Person, &Status::Person)
        );
        let played = crate::audio::resolve(root.path(), "bai", "b", &Clip::Step, "vi", None);
        assert_eq!(played, Some(folder.join("b.wav")));
    }

    #[test]
    fn every_spoken_message_has_words_without_a_variable() {
        let i18n = Localizer::embedded();
        for lang in Lang::ALL {
            for slot in interface_slots(&i18n, lang) {
                assert!(
                    !slot.text.contains('{') && !slot.text.trim().is_empty(),
                    "{} in {}: {:?}",
                    slot.file,
                    lang.code(),
                    slot.text
                );
            }
        }
    }
}
