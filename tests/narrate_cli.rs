//! `hocso narrate`: drafts made once, again only where the text changed, never over a
//! person's recording; engines run without a shell; a clear word when tools are missing.
//! Needs espeak-ng and sox (the README's test command installs them).

mod support;

use std::path::Path;

use support::{fixture, hocso_in};

/// A content folder with one lesson; returns its folder.
fn content() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        dir.path().join("lessons/cham-va-chon.toml"),
    )
    .unwrap();
    dir
}

fn narrate(dir: &Path, extra: &[&str]) -> String {
    let mut args = vec!["narrate"];
    args.extend_from_slice(extra);
    args.push("lessons");
    let out = hocso_in(dir, &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn audio(dir: &Path, file: &str) -> std::path::PathBuf {
    dir.join("assets/audio/cham-va-chon").join(file)
}

#[test]
fn drafts_are_made_once_and_again_only_where_the_text_changed() {
    let dir = content();
    // Three steps; hints on two; the tap step has no right/wrong words but YouTube on
    // its phone has its own feedback; the choice's first answer has feedback, and its two answers each a clip: 9 clips.
    assert!(narrate(dir.path(), &[]).contains("9 drafted, 0 unchanged"));
    for file in [
        "gioi-thieu.ogg",
        "cham-zalo.ogg",
        "cham-zalo.hint.ogg",
        "cham-zalo.tap-youtube.ogg",
        "hoi-otp.ogg",
        "hoi-otp.hint.ogg",
        "hoi-otp.option-1.ogg",
    ] {
        let bytes = std::fs::read(audio(dir.path(), file)).unwrap();
        assert!(bytes.starts_with(b"OggS") && bytes.len() > 2_000, "{file}");
        assert_eq!(
            manifest_drafts(dir.path())[file]["by"],
            "draft",
            "{file} is marked a draft"
        );
    }
    assert!(narrate(dir.path(), &[]).contains("0 drafted, 9 unchanged"));

    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace("Chạm vào biểu tượng Zalo.", "Bác chạm vào biểu tượng Zalo."),
    )
    .unwrap();
    let out = hocso_in(
        dir.path(),
        &["check", "--format", "json", "--verbose", "lessons"],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lesson_report = &report["narration"]["lessons"][0];
    assert_eq!(lesson_report["stale"], 1, "{report:#}");
    assert_eq!(lesson_report["drafts"], 8, "{report:#}");
    let stale: Vec<_> = lesson_report["clips"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "stale-draft")
        .collect();
    assert_eq!(stale.len(), 1, "{report:#}");
    assert_eq!(stale[0]["clip"], "cham-va-chon/cham-zalo.ogg");

    assert!(narrate(dir.path(), &[]).contains("1 drafted, 8 unchanged"));
    let out = hocso_in(dir.path(), &["check", "--deny-warnings", "lessons"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_persons_recording_is_kept_even_when_its_text_changed() {
    let dir = content();
    narrate(dir.path(), &[]);
    // A volunteer recorded the hint in the studio: the manifest says so.
    let hint = audio(dir.path(), "cham-zalo.hint.ogg");
    std::fs::copy(fixture("audio/tone.ogg"), &hint).unwrap();
    let manifest = audio(dir.path(), "manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    m["clips"]["cham-zalo.hint.ogg"]["by"] = "person".into();
    m["clips"]["cham-zalo.hint.ogg"]["date"] = "2026-12-06".into();
    m["clips"]["cham-zalo.hint.ogg"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| ["by", "date", "text"].contains(&k.as_str()));
    std::fs::write(&manifest, m.to_string()).unwrap();
    // Then the author changed the hint: the recording is stale, and still a person's.
    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    std::fs::write(
        &lesson,
        text.replace("Zalo ở hàng đầu tiên.", "Zalo ở hàng trên cùng."),
    )
    .unwrap();
    let said = narrate(dir.path(), &["--force"]);
    assert!(
        said.contains("8 drafted") && said.contains("1 recordings by people kept"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&hint).unwrap(),
        std::fs::read(fixture("audio/tone.ogg")).unwrap()
    );
    assert_eq!(
        manifest_drafts(dir.path())["cham-zalo.hint.ogg"]["by"],
        "person"
    );
    // A person's WAV beside the step's draft: no new draft is made over it.
    std::fs::copy(fixture("audio/tone.wav"), audio(dir.path(), "hoi-otp.wav")).unwrap();
    let said = narrate(dir.path(), &["--force"]);
    assert!(
        said.contains("7 drafted") && said.contains("2 recordings by people kept"),
        "{said}"
    );
    // The check counts it as what it is, a person's voice (the tutor plays it, not the
    // draft beside it).
    let out = hocso_in(dir.path(), &["check", "lessons"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("lesson cham-va-chon: person's voice 1 of 9, drafts 7, stale 1, missing 0"),
        "{said}"
    );
}

#[test]
fn the_interface_words_are_drafted_with_interface() {
    let dir = content();
    let said = narrate(dir.path(), &["--interface"]);
    let ui = dir.path().join("assets/audio/ui");
    let drafted: usize = said
        .split("narration: ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let files = std::fs::read_dir(&ui)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ogg")
        })
        .count();
    assert_eq!(drafted, 9 + files, "{said}");
    assert!(ui.join("help-on-welcome.ogg").is_file());
    let out = hocso_in(dir.path(), &["check", "lessons"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&format!(
            "narration: person's voice: 0 of {drafted}, drafts: {drafted}, stale: 0, missing: 0"
        )),
        "{said}"
    );
}

#[test]
fn a_persons_recording_survives_force_and_a_draft_does_not() {
    let dir = content();
    narrate(dir.path(), &[]);
    let person = audio(dir.path(), "gioi-thieu.ogg");
    // A volunteer recorded the first step: their file replaces the draft, and is not in
    // the manifest.
    std::fs::copy(fixture("audio/tone.ogg"), &person).unwrap();
    let manifest = audio(dir.path(), "manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    m["clips"].as_object_mut().unwrap().remove("gioi-thieu.ogg");
    std::fs::write(&manifest, m.to_string()).unwrap();
    let draft_before = std::fs::read(audio(dir.path(), "hoi-otp.ogg")).unwrap();
    std::fs::write(audio(dir.path(), "hoi-otp.ogg"), b"stale").unwrap();

    let said = narrate(dir.path(), &["--force"]);
    assert!(
        said.contains("8 drafted") && said.contains("1 recordings by people kept"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&person).unwrap(),
        std::fs::read(fixture("audio/tone.ogg")).unwrap()
    );
    let redrafted = std::fs::read(audio(dir.path(), "hoi-otp.ogg")).unwrap();
    assert!(
        redrafted.starts_with(b"OggS") && redrafted.len() * 2 > draft_before.len(),
        "the draft is made again"
    );
}

#[test]
fn lesson_text_never_reaches_a_shell() {
    let dir = content();
    let marker = dir.path().join("pwned");
    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let hostile = format!(
        "Bác đọc $(touch {0}) và `touch {0}` và \\\"; touch {0}; \\\" nhé.",
        marker.display()
    );
    std::fs::write(
        &lesson,
        text.replace("Mình tập chạm vào điện thoại nhé.", &hostile),
    )
    .unwrap();
    // An engine of our own: espeak-ng with the text as one argument.
    narrate(
        dir.path(),
        &["--engine", "espeak-ng -v vi -w {out} -- {text}"],
    );
    assert!(audio(dir.path(), "gioi-thieu.ogg").exists());
    assert!(!marker.exists(), "the text was run as a command");
}

#[test]
fn missing_tools_are_named_with_their_package() {
    let dir = content();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["narrate", "lessons"])
        .current_dir(dir.path())
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("espeak-ng and sox not installed")
            && said.contains("apt-get install espeak-ng sox"),
        "{said}"
    );
}

/// Runs `hocso narrate` in `dir` with `extra` arguments and `env`; returns the output
/// whatever its status.
fn narrate_with(dir: &Path, extra: &[&str], env: &[(&str, &Path)]) -> std::process::Output {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_hocso"));
    command
        .arg("narrate")
        .args(extra)
        .arg("lessons")
        .current_dir(dir);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

/// A text-to-speech engine of our own, for `--engine '<script> {out} -- {text}'`: it
/// writes down each text it was given (one a line, after the `--`) and, for the first
/// `good` calls, a real WAV at `{out}`; after those it writes nothing and still says it
/// succeeded.
fn fake_engine(dir: &Path, good: usize) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("fake-engine");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nout=\"$1\"; shift\n[ \"$1\" = \"--\" ] && shift\n\
             n=$(cat '{count}' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '{count}'\n\
             printf '%s\\n' \"$1\" >> '{said}'\n\
             if [ $n -le {good} ]; then cp '{wav}' \"$out\"; fi\nexit 0\n",
            count = dir.join("engine-calls").display(),
            said = dir.join("engine-texts").display(),
            wav = fixture("audio/tone.wav").display(),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

fn manifest_drafts(dir: &Path) -> serde_json::Map<String, serde_json::Value> {
    let text = std::fs::read_to_string(audio(dir, "manifest.json")).unwrap_or_default();
    serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|m| m["clips"].as_object().cloned())
        .unwrap_or_default()
}

#[test]
fn the_work_folder_is_private_and_fresh_not_a_planted_one() {
    use std::os::unix::fs::symlink;
    let dir = content();
    let tmp = dir.path().join("tmp");
    let victim = dir.path().join("victim");
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::create_dir_all(&victim).unwrap();
    std::fs::write(victim.join("draft.wav"), b"precious").unwrap();
    // Someone else made `hocso-narrate-<pid>` for every process id hocso may get: each a
    // link to a folder of theirs.
    let read = |p: &str| -> u64 { std::fs::read_to_string(p).unwrap().trim().parse().unwrap() };
    let (last, max) = (
        read("/proc/sys/kernel/ns_last_pid"),
        read("/proc/sys/kernel/pid_max"),
    );
    let pids: Vec<u64> = if max <= 65_536 {
        (1..=max).collect()
    } else {
        (last + 1..last + 20_000).map(|p| p % max).collect()
    };
    for pid in pids {
        symlink(&victim, tmp.join(format!("hocso-narrate-{pid}"))).unwrap();
    }
    let engine = fake_engine(dir.path(), usize::MAX >> 1);
    let template = format!("{} {{out}} -- {{text}}", engine.display());
    let out = narrate_with(dir.path(), &["--engine", &template], &[("TMPDIR", &tmp)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(audio(dir.path(), "gioi-thieu.ogg").exists());
    let mut left: Vec<_> = std::fs::read_dir(&victim)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["draft.wav"],
        "hocso wrote into someone else's folder"
    );
    assert!(
        std::fs::read(victim.join("draft.wav")).unwrap() == b"precious",
        "hocso overwrote a file in someone else's folder"
    );
    // Its own work folder is gone when it is done.
    let own = std::fs::read_dir(&tmp)
        .unwrap()
        .filter(|e| !e.as_ref().unwrap().file_type().unwrap().is_symlink())
        .count();
    assert_eq!(own, 0, "the work folder is left behind");
    // A draft can be read as any file made there (the kiosk's user plays it).
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let plain = dir.path().join("plain");
    std::fs::write(&plain, b"").unwrap();
    assert_eq!(mode(&audio(dir.path(), "gioi-thieu.ogg")), mode(&plain));
}

#[test]
fn a_clip_the_engine_did_not_write_is_never_saved_from_the_last_one() {
    let dir = content();
    // The engine makes the first clip, then writes nothing and says all went well.
    let engine = fake_engine(dir.path(), 1);
    let template = format!("{} {{out}} -- {{text}}", engine.display());
    let out = narrate_with(dir.path(), &["--engine", &template], &[]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(said.contains("cham-va-chon/cham-zalo.ogg"), "{said}");
    assert!(said.contains("wrote no audio"), "{said}");
    assert!(audio(dir.path(), "gioi-thieu.ogg").exists());
    for file in ["cham-zalo.ogg", "cham-zalo.hint.ogg", "hoi-otp.ogg"] {
        assert!(
            !audio(dir.path(), file).exists(),
            "{file} was saved with another clip's audio"
        );
    }
    let drafts = manifest_drafts(dir.path());
    assert!(drafts.contains_key("gioi-thieu.ogg"), "{drafts:?}");
    assert_eq!(
        drafts.len(),
        1,
        "the manifest claims clips never made: {drafts:?}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("1 drafted") && stdout.contains("8 failed"),
        "{stdout}"
    );
}

#[test]
fn a_text_starting_with_a_dash_is_never_read_as_an_option() {
    let dir = content();
    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let dashed = "-v en Mình tập chạm vào điện thoại nhé.";
    std::fs::write(
        &lesson,
        text.replace("Mình tập chạm vào điện thoại nhé.", dashed),
    )
    .unwrap();

    // A template where the text could be read as an option is refused, and says why.
    let out = narrate_with(
        dir.path(),
        &["--engine", "espeak-ng -v vi -w {out} {text}"],
        &[],
    );
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("`--`") && said.contains("-- {text}"),
        "the refusal explains: {said}"
    );
    assert!(!audio(dir.path(), "gioi-thieu.ogg").exists());

    // After `--`, it is text: espeak-ng reads it (with `-v en` read as an option, it
    // fails: that voice does not exist).
    narrate(
        dir.path(),
        &["--engine", "espeak-ng -v vi -w {out} -- {text}"],
    );
    let bytes = std::fs::read(audio(dir.path(), "gioi-thieu.ogg")).unwrap();
    assert!(bytes.starts_with(b"OggS") && bytes.len() > 2_000);

    // The text reaches the engine whole, as one word after `--`.
    let engine = fake_engine(dir.path(), usize::MAX >> 1);
    let template = format!("{} {{out}} -- {{text}}", engine.display());
    narrate(dir.path(), &["--force", "--engine", &template]);
    let texts = std::fs::read_to_string(dir.path().join("engine-texts")).unwrap();
    assert!(texts.lines().any(|l| l == dashed), "{texts}");

    // Without `{text}`, the text goes to the engine's standard input.
    narrate(
        dir.path(),
        &["--force", "--engine", "espeak-ng -v vi -w {out} --stdin"],
    );
    let again = std::fs::read(audio(dir.path(), "gioi-thieu.ogg")).unwrap();
    assert!(again.starts_with(b"OggS") && again.len() > 2_000);
}

/// A step taken out of a lesson takes its drafts with it; a person's recording of it
/// stays (a ward may want it back).
#[test]
fn drafts_of_texts_that_are_gone_are_removed_and_a_persons_stay() {
    let dir = content();
    narrate(dir.path(), &[]);
    assert!(audio(dir.path(), "hoi-otp.ogg").exists());
    // A volunteer recorded the second step; its draft entry goes, as the studio does.
    let manifest = audio(dir.path(), "manifest.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    m["clips"]["cham-zalo.ogg"]["by"] = "person".into();
    m["clips"]["cham-zalo.ogg"]["date"] = "2026-12-06".into();
    std::fs::write(&manifest, m.to_string()).unwrap();
    // The lesson loses its last step, and the second.
    let lesson = dir.path().join("lessons/cham-va-chon.toml");
    let text = std::fs::read_to_string(&lesson).unwrap();
    let cut = text.find("[[steps]]\nid = \"hoi-otp\"").unwrap();
    let text = text[..cut].to_owned();
    let from = text.find("[[steps]]\nid = \"cham-zalo\"").unwrap();
    let kept_steps = text[..from].to_owned();
    std::fs::write(&lesson, kept_steps).unwrap();
    let said = narrate(dir.path(), &[]);
    assert!(
        said.contains("drafts of texts that are gone removed"),
        "{said}"
    );
    assert!(!audio(dir.path(), "hoi-otp.ogg").exists(), "{said}");
    assert!(audio(dir.path(), "gioi-thieu.ogg").exists());
    assert!(
        audio(dir.path(), "cham-zalo.ogg").exists(),
        "a person's recording stays"
    );
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    assert!(m["clips"].get("hoi-otp.ogg").is_none(), "{m:#}");
    assert!(m["clips"].get("cham-zalo.ogg").is_some(), "{m:#}");
}
