//! The multi-file check (`check_paths`, what `hocso check` and the kiosk run) on a folder
//! made from the input: files whose names collide, lessons that share an id or name each
//! other as prerequisites, links (to a file, to nothing, in a circle), FIFOs and folders.
//!
//! The input is entries separated by NUL bytes. An entry's first byte chooses its name
//! (`byte % 8`, from [`NAMES`]) and what it is (`byte / 8 % 8`: 0–3 a file holding the
//! rest of the entry, 4 a link to the name the rest's length chooses, 5 a link to
//! nothing, 6 a FIFO, 7 a folder); a name already taken keeps its first entry. When the
//! input's first byte has its top bit set, the entries are checked one by one as
//! `hocso check a.toml b.toml …` does, else the folder is.

#![no_main]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use annotate_snippets::Renderer;
use hocso::lesson::{CheckOptions, check_paths};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 8] = [
    "a.toml", "b.toml", "c.toml", "d.toml", "e.toml", "f.toml", "g.txt", ".h.toml",
];

/// Whether `name` is read as a lesson in a folder.
fn is_lesson_name(name: &str) -> bool {
    name.ends_with(".toml") && !name.starts_with('.')
}

/// Problems that keep the lesson: the bad link between lessons is dropped instead.
const LINK_CODES: [&str; 2] = ["unknown-prerequisite", "prerequisite-cycle"];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    File,
    Link,
    Dangling,
    Fifo,
    Folder,
}

fn make(dir: &Path, data: &[u8]) -> Vec<(&'static str, Kind)> {
    let mut made: Vec<(&'static str, Kind)> = Vec::new();
    for entry in data.split(|b| *b == 0).take(16) {
        let Some((&head, body)) = entry.split_first() else {
            continue;
        };
        let name = NAMES[usize::from(head % 8)];
        if made.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let path = dir.join(name);
        let kind = match head / 8 % 8 {
            0..=3 => {
                std::fs::write(&path, body).unwrap();
                Kind::File
            }
            4 => {
                std::os::unix::fs::symlink(NAMES[body.len() % 8], &path).unwrap();
                Kind::Link
            }
            5 => {
                std::os::unix::fs::symlink("missing.toml", &path).unwrap();
                Kind::Dangling
            }
            6 => {
                rustix::fs::mknodat(
                    rustix::fs::CWD,
                    &path,
                    rustix::fs::FileType::Fifo,
                    rustix::fs::Mode::from_raw_mode(0o600),
                    0,
                )
                .unwrap();
                Kind::Fifo
            }
            _ => {
                std::fs::create_dir(&path).unwrap();
                Kind::Folder
            }
        };
        made.push((name, kind));
    }
    made
}

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().unwrap();
    let made = make(dir.path(), data);
    let one_by_one = data.first().is_some_and(|b| b & 0x80 != 0);
    let paths: Vec<PathBuf> = if one_by_one {
        made.iter().map(|(n, _)| dir.path().join(n)).collect()
    } else {
        vec![dir.path().to_owned()]
    };
    let run = check_paths(&paths, &CheckOptions::default());

    // What each path is: links are judged by what they lead to.
    let kind_of = |name: &str| -> Option<Kind> {
        let mut name = name;
        for _ in 0..8 {
            let (_, kind) = made.iter().find(|(n, _)| *n == name)?;
            match kind {
                Kind::Link => {
                    let target = std::fs::read_link(dir.path().join(name)).ok()?;
                    name = NAMES.iter().find(|n| Path::new(n) == target)?;
                }
                other => return Some(*other),
            }
        }
        None
    };
    let checked: Vec<&str> = made
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| one_by_one || is_lesson_name(n))
        .collect();
    let texts: HashMap<&Path, &str> = run
        .sources
        .iter()
        .filter_map(|s| Some((s.path.as_path(), s.text.as_deref()?)))
        .collect();

    // Every problem is about a path that was checked, and points inside its text (the
    // `lesson` target renders them all; a few are enough here).
    for (i, d) in run.diagnostics.iter().enumerate() {
        let name = d.file.file_name().and_then(|n| n.to_str()).unwrap_or("");
        assert!(
            d.file == dir.path() || checked.contains(&name),
            "a diagnostic about {}: {d:?}",
            d.file.display()
        );
        let text = texts.get(d.file.as_path()).copied().unwrap_or("");
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(d.start.line >= 1 && d.start.column >= 1, "{d:?}");
        assert!(
            (d.start.line, d.start.column) <= (d.end.line, d.end.column),
            "{d:?}"
        );
        if i < 4 {
            let plain = d.render(texts.get(d.file.as_path()).copied(), &Renderer::plain());
            assert!(plain.contains(d.code), "{plain}");
        }
    }
    let errors_in = |path: &Path| -> Vec<&'static str> {
        run.diagnostics
            .iter()
            .filter(|d| d.is_error() && d.file == path)
            .map(|d| d.code)
            .collect()
    };

    // A FIFO, a folder or a link to nothing is an error, never a lesson.
    for name in &checked {
        let path = dir.path().join(name);
        match kind_of(name) {
            Some(Kind::File) => {}
            Some(Kind::Folder) if one_by_one => {}
            _ => assert!(
                !errors_in(&path).is_empty(),
                "{name} is no file, and no error says so: {:#?}",
                run.diagnostics
            ),
        }
    }
    if !one_by_one && checked.is_empty() {
        assert!(
            run.diagnostics.iter().any(|d| d.code == "no-lessons"),
            "an empty folder: {:#?}",
            run.diagnostics
        );
    }

    // A lesson comes only from a file whose only errors are links between lessons (the
    // link is dropped), and every file without an error gives its lesson.
    let mut ids = HashSet::new();
    for lesson in &run.lessons {
        assert!(
            ids.insert(lesson.id.as_str()),
            "two lessons `{}`",
            lesson.id
        );
        let errors = errors_in(&lesson.source);
        assert!(
            errors.iter().all(|c| LINK_CODES.contains(c)),
            "{} loaded with {errors:?}",
            lesson.source.display()
        );
    }
    for source in &run.sources {
        if source.text.is_some() && errors_in(&source.path).is_empty() {
            assert!(
                run.lessons.iter().any(|l| l.source == source.path),
                "{} has no error and no lesson: {:#?}",
                source.path.display(),
                run.diagnostics
            );
        }
    }

    // Learning order: a lesson after the lessons it keeps as prerequisites.
    let place: HashMap<&str, usize> = run
        .lessons
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect();
    for (i, lesson) in run.lessons.iter().enumerate() {
        for p in &lesson.prerequisites {
            if let Some(&j) = place.get(p.as_str()) {
                assert!(j < i, "`{}` comes before its prerequisite `{p}`", lesson.id);
            }
        }
    }
});
