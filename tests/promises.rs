//! Promises the kiosk makes that nothing else would notice breaking: every answer synced
//! to disk before it counts (a power cut loses nothing), an erased learner gone from the
//! files at once, ALSA's chatter kept off the screen, narration that stops when asked,
//! files only the kiosk's user can read, and names free of control characters.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use hocso::app::{Effect, Key, Model, Msg, Size, update};
use hocso::i18n::Lang;
use hocso::store::{SqliteStore, Store};
use rusqlite::{Connection, OpenFlags};
use support::fixture;
use support::sound::{SPEAKER_BYTES_PER_SECOND, SPEAKER_HEADER, alsa_to_file, sound_seconds, tone};
use support::tmux::Tmux;

/// The tutor at 58×15 on `lessons` and the data folder `data`, its log kept for failures,
/// once the welcome screen shows.
fn tutor(env: &[(&str, &str)], lessons: &Path, data: &Path) -> Tmux {
    let mut tmux = Tmux::start_with_env(env, 58, 15, &tutor_args(lessons, data));
    tmux.log = Some(data.join("hocso.log"));
    tmux.wait_for("Chạm vào màn hình");
    tmux
}

fn tutor_args<'a>(lessons: &'a Path, data: &'a Path) -> [&'a str; 4] {
    [
        "--lessons",
        lessons.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]
}

/// Waits until `ok` holds; panics saying `what` never happened after 30 s.
fn wait_until(what: &str, ok: impl Fn() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} never happened"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

// 1. Durability against a power cut: SQLite syncs every commit (synchronous = FULL; in
//    WAL mode NORMAL syncs only at checkpoints, and a power cut loses the answers after
//    the last one).

#[test]
fn the_database_syncs_every_commit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let fresh = SqliteStore::open(&path).unwrap();
    let synchronous: i64 = fresh
        .connection()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(synchronous, 2, "PRAGMA synchronous (2 is FULL)");
    drop(fresh);
    // Opened again, as the kiosk opens it at every start.
    let opened = SqliteStore::open_or_recover(&path, 0).unwrap().store;
    let synchronous: i64 = opened
        .connection()
        .query_row("PRAGMA synchronous", [], |r| r.get(0))
        .unwrap();
    assert_eq!(synchronous, 2, "PRAGMA synchronous (2 is FULL)");
}

/// Fails, saying what is wrong, if strace is missing or may not trace here: CI installs it
/// (.ci/run), and a test that skipped itself would defend nothing.
fn require_strace() {
    match Command::new("strace")
        .args(["-f", "-e", "trace=fsync", "-o", "/dev/null", "true"])
        .output()
    {
        Err(e) => panic!(
            "strace is needed to watch the tutor sync answers to disk ({e}): apt-get install strace"
        ),
        Ok(out) => assert!(
            out.status.success(),
            "strace cannot trace here: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

#[test]
fn each_answer_is_synced_to_disk_before_the_screen_confirms_it() {
    require_strace();
    const ANSWERS: usize = 10;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let trace = dir.path().join("syncs.txt");
    let lessons = fixture("kill/lessons");
    let mut tmux = Tmux::start_under(
        &[
            "strace",
            "-f",
            "-y",
            "-e",
            "trace=fsync,fdatasync",
            "-o",
            trace.to_str().unwrap(),
        ],
        &[],
        58,
        15,
        &tutor_args(&lessons, &data),
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux.wait_for("Chạm vào màn hình");
    tmux.sign_in(None);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["1"]);
    for k in 1..=ANSWERS {
        tmux.wait_until(&format!("question {k}"), |s| {
            s.contains(&format!("Câu {k}:")) && !s.contains("✓ Đúng rồi!")
        });
        tmux.keys(&["1"]);
        tmux.wait_until(&format!("question {k} confirmed"), |s| {
            s.contains(&format!("Câu {k}:")) && s.contains("✓ Đúng rồi!")
        });
        tmux.keys(&["Enter"]);
    }
    tmux.keys(&["C-c"]);
    tmux.wait_for_exit();

    let saved: i64 = Connection::open(data.join("hocso.db"))
        .unwrap()
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(saved, ANSWERS as i64, "answers in the database");
    // `-y` names each synced file: `fdatasync(5</…/hocso.db-wal>) = 0`. In WAL mode a
    // commit is on disk once the write-ahead log is synced; with synchronous = NORMAL
    // that happens only at checkpoints (here: when the tutor closes).
    let trace = std::fs::read_to_string(&trace).unwrap();
    let log_syncs = trace
        .lines()
        .filter(|l| l.contains("sync(") && l.contains("/hocso.db-wal>"))
        .count();
    eprintln!("the write-ahead log was synced {log_syncs} times for {ANSWERS} answers");
    assert!(
        log_syncs >= ANSWERS,
        "{ANSWERS} answers saved, but the write-ahead log was synced {log_syncs} times: \
         a power cut would lose answers the screen confirmed\n{trace}"
    );
}

// 2. Erasing a learner leaves no copy of their name in the files, at once, while the
//    kiosk (and a report reading beside it) still has the database open.

fn holds(file: &Path, needle: &str) -> bool {
    std::fs::read(file)
        .is_ok_and(|bytes| bytes.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[test]
fn an_erased_name_is_gone_from_the_files_while_they_are_open() {
    // The name's row only in the write-ahead log, or already copied into the database's
    // own file by a checkpoint.
    let mut still = Vec::new();
    for checkpointed in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hocso.db");
        let wal = dir.path().join("hocso.db-wal");
        let name = "Bà Quỳnh Xuyến Zephyrine";
        let mut store = SqliteStore::open(&path).unwrap();
        let gone = store.create_learner(name, None, 100).unwrap();
        let kept = store.create_learner("Ông Ba", None, 101).unwrap();
        let session = store.start_session(&gone.code, "k", 102).unwrap();
        store.end_session(session, 103).unwrap();
        if checkpointed {
            store
                .connection()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
                .unwrap();
            store.start_session(&kept.code, "k", 104).unwrap();
        }
        // A report reading the same database from another connection.
        let reader = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let learners: i64 = reader
            .query_row("SELECT count(*) FROM learners", [], |r| r.get(0))
            .unwrap();
        assert_eq!(learners, 2);
        let where_it_was = if checkpointed { &path } else { &wal };
        assert!(
            holds(where_it_was, name),
            "the name is in {} before it is erased",
            where_it_was.display()
        );

        store.forget_learner(&gone.code).unwrap().expect("erased");
        for file in [&path, &wal] {
            if holds(file, name) {
                still.push(format!(
                    "the erased name is still in {} (its row {})",
                    file.display(),
                    if checkpointed {
                        "copied into the database's file before"
                    } else {
                        "only in the write-ahead log before"
                    }
                ));
            }
        }
        let learners: i64 = reader
            .query_row("SELECT count(*) FROM learners", [], |r| r.get(0))
            .unwrap();
        assert_eq!(learners, 1, "the report sees the learner gone");
    }
    assert!(still.is_empty(), "{}", still.join("\n"));
}

// 3. ALSA's own messages go to the log, never over the screen.

#[test]
fn alsa_messages_go_to_the_log_not_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    // A default device over a PCM that does not exist: alsa-lib prints
    // "ALSA lib pcm.c:…(snd_pcm_open_noupdate) Unknown PCM hocso_no_such_pcm" on stderr.
    let conf = dir.path().join("broken.conf");
    std::fs::write(
        &conf,
        "pcm.!default { type plug; slave.pcm \"hocso_no_such_pcm\" }\n",
    )
    .unwrap();
    let alsa = format!("/usr/share/alsa/alsa.conf:{}", conf.display());
    let data = dir.path().join("data");
    let log = data.join("hocso.log");
    let tmux = tutor(
        &[("ALSA_CONFIG_PATH", &alsa)],
        &fixture("kill/lessons"),
        &data,
    );
    let welcome = tmux.wait_for("máy không có âm thanh");
    let on_screen = |s: &str| s.contains("ALSA") || s.contains("hocso_no_such_pcm");
    wait_until("ALSA's message, in the log or on the screen", || {
        on_screen(&tmux.screen())
            || std::fs::read_to_string(&log).is_ok_and(|l| l.contains("hocso_no_such_pcm"))
    });
    for screen in [welcome, tmux.screen()] {
        assert!(!on_screen(&screen), "ALSA wrote over the screen:\n{screen}");
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("ALSA lib"),
        "ALSA's lines in the log:\n{text}"
    );
    tmux.keys(&["C-c"]);
}

// 4. Leaving a step stops its narration (the effect `StopNarration`, and the narrator's
//    `stop`): a long recording does not play on over the menu.

#[test]
fn leaving_a_step_stops_its_long_narration() {
    let dir = tempfile::tempdir().unwrap();
    let lessons = dir.path().join("content/lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    std::fs::copy(
        fixture("e2e/lessons/cham-va-chon.toml"),
        lessons.join("cham-va-chon.toml"),
    )
    .unwrap();
    let audio = dir.path().join("content/assets/audio/cham-va-chon");
    std::fs::create_dir_all(&audio).unwrap();
    // Ten minutes: the speaker is still busy with it long after the step is left.
    tone(&audio.join("gioi-thieu.wav"), 600, 440.0);
    let wav = dir.path().join("speaker.wav");
    let alsa = alsa_to_file(dir.path(), &wav);
    let data = dir.path().join("data");
    let log = data.join("hocso.log");
    let tmux = tutor(&[("ALSA_CONFIG_PATH", &alsa)], &lessons, &data);
    tmux.sign_in(None);
    tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["1"]);
    tmux.wait_for("Mình tập chạm vào điện thoại nhé.");
    let speaker = || std::fs::read(&wav).unwrap_or_default();
    let sound_so_far = || sound_seconds(speaker().get(SPEAKER_HEADER..).unwrap_or_default());
    wait_until("the step's recording heard", || sound_so_far() > 1.0);

    // Back to the menu: nothing else is played there.
    tmux.keys(&["BSpace"]);
    tmux.wait_for("Bác muốn học bài nào?");
    // The device goes on taking samples (silence, once nothing plays): let it take ten
    // more seconds' worth, then listen to the last three.
    let left_at = speaker().len();
    wait_until("ten seconds more at the speaker", || {
        speaker().len() >= left_at + 10 * SPEAKER_BYTES_PER_SECOND
    });
    let heard = speaker();
    let tail = &heard[heard.len() - 3 * SPEAKER_BYTES_PER_SECOND..];
    let log_text = std::fs::read_to_string(&log).unwrap_or_default();
    assert_eq!(
        sound_seconds(tail),
        0.0,
        "the recording plays on over the menu (three seconds of sound, seven seconds after \
         leaving the step)\n{log_text}"
    );
    let total = sound_seconds(heard.get(SPEAKER_HEADER..).unwrap_or_default());
    assert!(
        total < 300.0,
        "{total:.1} s of the ten-minute recording was heard after leaving its step"
    );
    tmux.keys(&["C-c"]);
}

// 5. The data folder is the kiosk user's alone (0700), and so are the log and the
//    database (0600): they name learners and the steps they found hard.

fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// What is readable by others in `data` once the tutor has started on it.
fn too_open_after_start(data: &Path) -> Vec<String> {
    let tmux = tutor(&[], &fixture("kill/lessons"), data);
    wait_until("the database created", || data.join("hocso.db").exists());
    let mut wanted = vec![
        (data.to_owned(), 0o700),
        (data.join("hocso.log"), 0o600),
        (data.join("hocso.db"), 0o600),
    ];
    for beside in ["hocso.db-wal", "hocso.db-shm"] {
        if data.join(beside).exists() {
            wanted.push((data.join(beside), 0o600));
        }
    }
    let found = wanted
        .into_iter()
        .filter(|(path, want)| mode(path) != *want)
        .map(|(path, want)| format!("{} is {:o}, not {want:o}", path.display(), mode(&path)))
        .collect();
    tmux.keys(&["C-c"]);
    tmux.wait_for_exit();
    found
}

#[test]
fn a_fresh_data_folder_is_the_kiosk_users_alone() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let too_open = too_open_after_start(&data);
    assert!(too_open.is_empty(), "{}", too_open.join("\n"));
}

#[test]
fn an_existing_data_folder_readable_by_all_is_closed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    drop(SqliteStore::open(&data.join("hocso.db")).unwrap());
    std::fs::write(data.join("hocso.log"), "an old line\n").unwrap();
    for (path, mode) in [
        (data.clone(), 0o755),
        (data.join("hocso.log"), 0o644),
        (data.join("hocso.db"), 0o644),
    ] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let too_open = too_open_after_start(&data);
    assert!(too_open.is_empty(), "{}", too_open.join("\n"));
}

// 6. A learner's name never holds control characters: no escape sequence, bidi override,
//    C1 control or newline reaches the database or the screen.

/// What could hide in a name: ESC (and a whole colour sequence), a bidi override that
/// turns the rest of the line round, bidi isolates and marks, C1 controls (CSI, NEL),
/// newlines of every kind, a zero-width space, a byte-order mark, DEL and a tab.
const HOSTILE: [char; 20] = [
    '\u{1b}', '\u{202E}', '\u{202D}', '\u{202A}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
    '\u{200E}', '\u{200F}', '\u{061C}', '\u{9B}', '\u{85}', '\n', '\r', '\u{2028}', '\u{2029}',
    '\u{200B}', '\u{FEFF}', '\u{7F}',
];

fn is_hostile(c: char) -> bool {
    c.is_control() || HOSTILE.contains(&c)
}

#[test]
fn a_name_typed_with_control_characters_is_stored_without_them() {
    let mut model = Model::new(Vec::new(), Lang::Vi, Size::new(58, 15));
    let mut press = |key: Key| update(&mut model, Msg::Key(key));
    press(Key::Enter);
    press(Key::Char('1'));
    for c in "Bà".chars() {
        press(Key::Char(c));
    }
    for c in HOSTILE {
        press(Key::Char(c));
    }
    for c in " Hạnh\u{1b}[31m".chars() {
        press(Key::Char(c));
    }
    press(Key::Enter);
    let effects = press(Key::Char('5'));
    let name = effects
        .iter()
        .find_map(|e| match e {
            Effect::CreateLearner { name, .. } => Some(name.clone()),
            _ => None,
        })
        .expect("a learner created");
    assert!(!name.chars().any(is_hostile), "{name:?}");
    assert_eq!(name, "Bà Hạnh[31m");
}

#[test]
fn a_name_pasted_with_control_characters_reaches_neither_database_nor_screen() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let tmux = tutor(&[], &fixture("kill/lessons"), &data);
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác học lần đầu");
    tmux.keys(&["1"]);
    tmux.wait_for("Bác muốn được gọi là gì?");
    // As a terminal would send them, pasted or from a hostile keyboard; a newline or a
    // carriage return is Enter, so they come last.
    tmux.literal("Bà \u{202E}Hạnh\u{2066}\u{200F}\u{9B}31m\u{85}\u{2028}\u{200B}\u{FEFF}Tư");
    tmux.literal("\u{1b}[31mĐỏ");
    let typed = tmux.wait_for("Đỏ");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Bác thuộc nhóm tuổi nào?");
    tmux.keys(&["5"]);
    let given = tmux.wait_for("Mã số của bác là");
    tmux.keys(&["Enter"]);
    let menu = tmux.wait_for("Bác muốn học bài nào?");
    tmux.keys(&["C-c"]);
    tmux.wait_for_exit();

    for screen in [&typed, &given, &menu] {
        let shown = screen.lines().flat_map(str::chars).any(is_hostile);
        assert!(!shown, "{screen:?}");
    }
    let names: Vec<String> = Connection::open(data.join("hocso.db"))
        .unwrap()
        .prepare("SELECT name FROM learners")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(names.len(), 1);
    assert!(!names[0].chars().any(is_hostile), "{:?}", names[0]);
    assert!(names[0].starts_with("Bà Hạnh"), "{:?}", names[0]);
}
