//! `hocso voice export` and `import`: a ward's recordings reach another kiosk, where the
//! tutor finds them; a changed text makes exactly that clip stale; a package that names
//! anything outside its folders is refused whole; a draft never replaces a person; the
//! tutor plays an imported voice (ALSA playing into a file, as in tests/narration.rs).

mod support;

use std::path::{Path, PathBuf};

use hocso::audio::manifest::{Entry, Manifest, Voice, text_hash};
use hocso::audio::{Clip, resolve};
use support::{fixture, hocso_in};

const LESSON: &str = "cham-va-chon";

/// A content folder with the fixture lesson and no recordings.
fn kiosk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        dir.path().join("lessons/cham-va-chon.toml"),
    )
    .unwrap();
    dir
}

fn folder(dir: &Path) -> PathBuf {
    dir.join("assets/audio").join(LESSON)
}

fn person(name: &str) -> Voice {
    Voice::Person {
        name: Some(name.into()),
        date: "2026-12-06".into(),
    }
}

fn draft() -> Voice {
    Voice::Draft {
        engine: "espeak-ng".into(),
        voice: "vi@130".into(),
    }
}

/// Puts `bytes` at `file` of the lesson's folder, recorded by `voice` reading `text`.
fn record(dir: &Path, file: &str, text: &str, voice: Voice, bytes: &[u8]) {
    let folder = folder(dir);
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join(file), bytes).unwrap();
    let mut manifest = Manifest::load(&folder);
    manifest.clips.insert(
        file.into(),
        Entry {
            text: text_hash(text),
            voice,
        },
    );
    manifest.save(&folder).unwrap();
}

fn tone() -> Vec<u8> {
    std::fs::read(fixture("audio/tone.ogg")).unwrap()
}

/// A ward that recorded the first step and an answer's feedback, and has a draft of the
/// hint of the second.
fn ward() -> tempfile::TempDir {
    let dir = kiosk();
    record(
        dir.path(),
        "gioi-thieu.ogg",
        "Mình tập chạm vào điện thoại nhé.",
        person("Lan"),
        &tone(),
    );
    record(
        dir.path(),
        "hoi-otp.option-1.ogg",
        "Không nên: ai có mã là lấy được tài khoản.",
        person("Lan"),
        &tone(),
    );
    record(
        dir.path(),
        "cham-zalo.hint.ogg",
        "Zalo ở hàng đầu tiên.",
        draft(),
        b"OggS draft",
    );
    dir
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = hocso_in(dir, args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn found(dir: &Path, step: &str, clip: &Clip) -> Option<PathBuf> {
    resolve(dir, LESSON, step, clip, "vi", None)
}

#[test]
fn a_wards_voice_reaches_an_empty_kiosk_where_the_tutor_finds_it() {
    let ward = ward();
    for target in ["voice", "voice.tar"] {
        let (code, said, err) = run(ward.path(), &["voice", "export", target]);
        assert_eq!(code, Some(0), "{err}");
        assert!(said.contains("exported 2 recordings by people"), "{said}");

        let other = kiosk();
        let package = ward.path().join(target);
        let (code, said, err) = run(
            other.path(),
            &["voice", "import", package.to_str().unwrap()],
        );
        assert_eq!(code, Some(0), "{err}");
        assert!(
            said.contains("voice: 2 imported, 0 stale skipped, 0 kept, 0 unknown slots"),
            "{said}"
        );
        let played = found(other.path(), "gioi-thieu", &Clip::Step).expect("the tutor finds it");
        assert_eq!(std::fs::read(played).unwrap(), tone());
        assert!(found(other.path(), "hoi-otp", &Clip::Option(1)).is_some());
        // Drafts stay at home unless asked for.
        assert!(found(other.path(), "cham-zalo", &Clip::Hint).is_none());
        let manifest = Manifest::load(&folder(other.path()));
        assert_eq!(manifest.clips["gioi-thieu.ogg"].voice, person("Lan"));
        let (_, said, _) = run(other.path(), &["check", "lessons"]);
        assert!(
            said.contains(
                "lesson cham-va-chon: person's voice 2 of 9, drafts 0, stale 0, missing 7"
            ),
            "{said}"
        );
        // Nothing of the package's own is left behind in the kiosk's folder.
        let mut names: Vec<String> = std::fs::read_dir(folder(other.path()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["gioi-thieu.ogg", "hoi-otp.option-1.ogg", "manifest.json"]
        );
    }

    // With drafts, the draft goes too.
    let (code, said, _) = run(ward.path(), &["voice", "export", "--with-drafts", "all"]);
    assert_eq!(code, Some(0));
    assert!(
        said.contains("2 recordings by people and 1 drafts"),
        "{said}"
    );
    assert!(
        ward.path()
            .join("all/cham-va-chon/cham-zalo.hint.ogg")
            .is_file()
    );
}

#[test]
fn a_changed_text_makes_exactly_that_clip_stale() {
    let ward = ward();
    run(ward.path(), &["voice", "export", "voice"]);
    let package = ward.path().join("voice");
    let other = kiosk();
    let lesson = other.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace(
            "Mình tập chạm vào điện thoại nhé.",
            "Hôm nay mình tập chạm vào điện thoại nhé.",
        ),
    )
    .unwrap();

    let (code, said, err) = run(
        other.path(),
        &["voice", "import", package.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        said.contains("stale: cham-va-chon/gioi-thieu.ogg"),
        "{said}"
    );
    assert!(
        said.contains("voice: 1 imported, 1 stale skipped, 0 kept, 0 unknown slots"),
        "{said}"
    );
    assert!(found(other.path(), "gioi-thieu", &Clip::Step).is_none());
    assert!(found(other.path(), "hoi-otp", &Clip::Option(1)).is_some());

    // Taken in all the same with --stale: then it is the one stale clip.
    let (_, said, _) = run(
        other.path(),
        &["voice", "import", "--stale", package.to_str().unwrap()],
    );
    assert!(said.contains("1 stale taken in"), "{said}");
    let (_, said, _) = run(other.path(), &["check", "--verbose", "lessons"]);
    assert!(
        said.contains("lesson cham-va-chon: person's voice 1 of 9, drafts 0, stale 1, missing 7"),
        "{said}"
    );
    let stale: Vec<&str> = said.lines().filter(|l| l.contains("stale (")).collect();
    assert_eq!(stale.len(), 1, "{said}");
    assert!(stale[0].ends_with("cham-va-chon/gioi-thieu.ogg"), "{said}");
}

/// A ustar header for a regular file named `name`, as any tar program would write it.
fn tar_entry(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut h = [0u8; 512];
    h[..name.len()].copy_from_slice(name.as_bytes());
    h[100..108].copy_from_slice(b"0000644\0");
    h[124..136].copy_from_slice(format!("{:011o}\0", bytes.len()).as_bytes());
    h[136..148].copy_from_slice(b"00000000000\0");
    h[156] = b'0';
    h[257..263].copy_from_slice(b"ustar\0");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    let mut out = h.to_vec();
    out.extend_from_slice(bytes);
    out.resize(out.len().div_ceil(512) * 512, 0);
    out
}

fn refused(other: &Path, package: &Path) {
    let (code, said, err) = run(other, &["voice", "import", package.to_str().unwrap()]);
    assert_eq!(code, Some(2), "{said}{err}");
    assert!(err.contains("refused as a whole"), "{err}");
    assert!(
        !other.join("assets").exists(),
        "something was written: {:?}",
        std::fs::read_dir(other).unwrap().collect::<Vec<_>>()
    );
    assert!(!other.join("x.ogg").exists() && !other.join("lessons/x.ogg").exists());
}

#[test]
fn a_package_that_reaches_outside_its_folders_is_refused_whole() {
    let ward = ward();
    run(ward.path(), &["voice", "export", "voice"]);
    let good = ward.path().join("voice");

    // A manifest that names `../x.ogg`, beside good clips.
    let other = kiosk();
    let bad = ward.path().join("bad-manifest");
    std::fs::create_dir_all(bad.join(LESSON)).unwrap();
    std::fs::copy(
        good.join(LESSON).join("gioi-thieu.ogg"),
        bad.join(LESSON).join("gioi-thieu.ogg"),
    )
    .unwrap();
    let mut manifest = Manifest::load(&good.join(LESSON));
    let entry = manifest.clips["gioi-thieu.ogg"].clone();
    manifest.clips.insert("../x.ogg".into(), entry);
    manifest.save(&bad.join(LESSON)).unwrap();
    refused(other.path(), &bad);

    // A .tar with an entry at `../x.ogg`, and one at `cham-va-chon/../../x.ogg`.
    for name in ["../x.ogg", "cham-va-chon/../../x.ogg", "/tmp/x.ogg"] {
        let tar = ward.path().join("bad.tar");
        let mut bytes = tar_entry("cham-va-chon/gioi-thieu.ogg", &tone());
        bytes.extend(tar_entry(name, &tone()));
        bytes.extend([0; 1024]);
        std::fs::write(&tar, bytes).unwrap();
        refused(other.path(), &tar);
    }

    // A link in a package folder, to a file outside it.
    let linked = ward.path().join("linked");
    std::fs::create_dir_all(linked.join(LESSON)).unwrap();
    std::os::unix::fs::symlink(
        ward.path().join("lessons/cham-va-chon.toml"),
        linked.join(LESSON).join("cham-zalo.ogg"),
    )
    .unwrap();
    refused(other.path(), &linked);
}

#[test]
fn a_draft_never_replaces_a_person_and_a_person_only_with_replace() {
    // The package: drafts of every clip of the first step and the option, people's of two.
    let ward = ward();
    record(
        ward.path(),
        "cham-zalo.ogg",
        "Chạm vào biểu tượng Zalo.",
        draft(),
        b"OggS draft",
    );
    run(ward.path(), &["voice", "export", "--with-drafts", "p.tar"]);
    let package = ward.path().join("p.tar");

    // Here, Hùng recorded the first step and the Zalo step, and a draft of the hint.
    let other = kiosk();
    record(
        other.path(),
        "gioi-thieu.ogg",
        "Mình tập chạm vào điện thoại nhé.",
        person("Hùng"),
        b"OggS Hung 1",
    );
    record(
        other.path(),
        "cham-zalo.ogg",
        "Chạm vào biểu tượng Zalo.",
        person("Hùng"),
        b"OggS Hung 2",
    );
    record(
        other.path(),
        "cham-zalo.hint.ogg",
        "Zalo ở hàng đầu tiên.",
        draft(),
        b"OggS old draft",
    );
    let (code, said, err) = run(
        other.path(),
        &["voice", "import", package.to_str().unwrap()],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        said.contains("voice: 2 imported, 0 stale skipped, 2 kept, 0 unknown slots"),
        "{said}"
    );
    let here = folder(other.path());
    // Hùng's recording is not replaced by the draft, nor by Lan's without --replace.
    assert_eq!(
        std::fs::read(here.join("cham-zalo.ogg")).unwrap(),
        b"OggS Hung 2"
    );
    assert_eq!(
        std::fs::read(here.join("gioi-thieu.ogg")).unwrap(),
        b"OggS Hung 1"
    );
    // A draft gives way to a draft, and to a person.
    assert_eq!(
        std::fs::read(here.join("cham-zalo.hint.ogg")).unwrap(),
        b"OggS draft"
    );
    assert_eq!(
        std::fs::read(here.join("hoi-otp.option-1.ogg")).unwrap(),
        tone()
    );
    let manifest = Manifest::load(&here);
    assert_eq!(manifest.clips["cham-zalo.ogg"].voice, person("Hùng"));

    let (_, said, _) = run(
        other.path(),
        &["voice", "import", "--replace", package.to_str().unwrap()],
    );
    assert!(said.contains("1 kept"), "{said}");
    assert_eq!(std::fs::read(here.join("gioi-thieu.ogg")).unwrap(), tone());
    assert_eq!(
        std::fs::read(here.join("cham-zalo.ogg")).unwrap(),
        b"OggS Hung 2"
    );
    let manifest = Manifest::load(&here);
    assert_eq!(manifest.clips["gioi-thieu.ogg"].voice, person("Lan"));
}

#[test]
fn the_volunteer_panel_counts_the_imported_voices() {
    use hocso::app::{Model, Msg, Screen, Size, Target};
    use hocso::i18n::{Lang, Localizer};
    use hocso::lesson::{Catalogue, CheckOptions};
    use hocso::store::MemoryStore;
    use hocso::tui::Tutor;

    let ward = ward();
    run(ward.path(), &["voice", "export", "voice"]);
    let other = kiosk();
    let package = ward.path().join("voice");
    run(
        other.path(),
        &["voice", "import", package.to_str().unwrap()],
    );

    let catalogue = Catalogue::load_dir(&other.path().join("lessons"), &CheckOptions::default());
    let model = Model::new(catalogue.lessons, Lang::Vi, Size::new(80, 24));
    let mut t = Tutor::new(model, Localizer::embedded(), MemoryStore::default());
    t.content_root = other.path().to_owned();
    t.dispatch(Msg::Click(Target::Volunteer));
    let Screen::Panel(panel) = &t.model.screen else {
        panic!("the panel is open");
    };
    let counts = panel.coverage.expect("the runtime counted");
    assert_eq!(counts.person, 2);
    assert_eq!(counts.drafts, 0);
    // Every interface word and the lesson's nine clips; only the two are there.
    assert_eq!(counts.missing, counts.total - 2);
    assert!(counts.total > 7);
}

#[test]
fn the_tutor_plays_an_imported_voice() {
    use std::time::{Duration, Instant};
    use support::sound::{alsa_to_file, heard_seconds, tone};
    use support::tmux::Tmux;

    // Lan recorded the first step (a second of tone stands for her voice) as a WAV.
    let ward = kiosk();
    let wav = folder(ward.path()).join("gioi-thieu.wav");
    std::fs::create_dir_all(folder(ward.path())).unwrap();
    tone(&wav, 1, 440.0);
    let mut manifest = Manifest::default();
    manifest.clips.insert(
        "gioi-thieu.wav".into(),
        Entry {
            text: text_hash("Mình tập chạm vào điện thoại nhé."),
            voice: person("Lan"),
        },
    );
    manifest.save(&folder(ward.path())).unwrap();
    let (code, _, err) = run(ward.path(), &["voice", "export", "lan.tar"]);
    assert_eq!(code, Some(0), "{err}");

    let other = kiosk();
    let package = ward.path().join("lan.tar");
    let (_, said, _) = run(
        other.path(),
        &["voice", "import", package.to_str().unwrap()],
    );
    assert!(said.contains("voice: 1 imported"), "{said}");

    let speaker = other.path().join("speaker.wav");
    let data = other.path().join("data");
    let alsa = alsa_to_file(other.path(), &speaker);
    let mut tmux = Tmux::start_with_env(
        &[("ALSA_CONFIG_PATH", &alsa)],
        58,
        15,
        &[
            "--lessons",
            other.path().join("lessons").to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
    );
    let log = data.join("hocso.log");
    tmux.log = Some(log.clone());
    tmux.wait_for("Chạm vào màn hình");
    tmux.sign_in(None);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["1"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
    let start = Instant::now();
    while !std::fs::read_to_string(&log)
        .unwrap_or_default()
        .contains("gioi-thieu.wav latency_ms")
    {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the imported voice never played:\n{}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    let heard = heard_seconds(&speaker);
    assert!(heard >= 0.9, "heard {heard:.2} s of the imported second");
    tmux.keys(&["C-c"]);
}
