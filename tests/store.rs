//! Progress on disk: what is saved is what comes back, across upgrades, a busy database,
//! a full disk and a damaged file; and an erased learner leaves nothing behind.

mod support;

use std::path::Path;
use std::time::Duration;

use hocso::mastery::{FirstTry, Leitner};
use hocso::store::{
    AgeBand, Attempt, LessonEnd, Place, RunKind, SCHEMA_VERSION, Sound, SqliteStore, Store,
    StoreError,
};
use rusqlite::Connection;
use support::fixture;

fn attempt(learner: &str, step: &str, right: bool, first_try: bool) -> Attempt {
    Attempt {
        learner: learner.into(),
        lesson: "vneid-cai-dat".into(),
        step: step.into(),
        answer: "ch-play".into(),
        right,
        first_try,
        hint_used: false,
        assisted: false,
        millis: 1200,
    }
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn what_is_saved_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let learner = store
        .create_learner("Bà Hạnh", Some(AgeBand::Seventies), 100)
        .unwrap();
    assert_eq!(learner.code.len(), 4);
    let session = store.start_session(&learner.code, "phuong-1", 100).unwrap();
    store
        .record_attempt(&attempt(&learner.code, "a", false, true), 101)
        .unwrap();
    store
        .record_attempt(&attempt(&learner.code, "a", true, false), 102)
        .unwrap();
    store
        .record_attempt(&attempt(&learner.code, "b", true, true), 103)
        .unwrap();
    store
        .record_needs_help(&learner.code, "vneid-cai-dat", "a", 104)
        .unwrap();
    store
        .record_lesson_end(&learner.code, "vietqr", LessonEnd::Mastered, &[1, 3], 200)
        .unwrap();
    let place = Place {
        lesson: "vneid-cai-dat".into(),
        kind: RunKind::Practice,
        plan: vec!["a".into(), "b".into()],
        step: "b".into(),
    };
    store.save_place(&learner.code, Some(&place), 105).unwrap();
    store.end_session(session, 300).unwrap();
    drop(store);

    // Reopened, as after a restart.
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store.find_learner(&learner.code).unwrap(),
        Some(learner.clone())
    );
    let p = store.progress(&learner.code).unwrap();
    let miss = FirstTry {
        right: false,
        hint_used: false,
        assisted: false,
    };
    let clean = FirstTry {
        right: true,
        hint_used: false,
        assisted: false,
    };
    assert_eq!(
        p.first_tries("vneid-cai-dat", "a"),
        [miss],
        "only first tries count"
    );
    assert_eq!(p.first_tries("vneid-cai-dat", "b"), [clean]);
    assert!(p.started.contains("vneid-cai-dat"));
    assert_eq!(
        p.lessons["vietqr"].leitner,
        Some(Leitner {
            box_index: 0,
            due: 200 + 86_400
        })
    );
    assert_eq!(p.place, Some(place));
    let conn = store.connection();
    let (ended, attempts_in_session): (Option<i64>, i64) = conn
        .query_row(
            "SELECT ended_at, (SELECT count(*) FROM attempts WHERE session = sessions.id) FROM sessions",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((ended, attempts_in_session), (Some(300), 3));
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    assert!(matches!(
        SqliteStore::open(&path)
            .unwrap()
            .record_attempt(&attempt("0000", "a", true, true), 1),
        Err(StoreError::NoSuchLearner(_))
    ));
}

#[test]
fn the_file_is_the_kiosk_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    SqliteStore::open(&path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

#[test]
fn a_first_version_database_is_upgraded_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let old = Connection::open(&path).unwrap();
    old.execute_batch(&std::fs::read_to_string(fixture("db/v1.sql")).unwrap())
        .unwrap();
    drop(old);

    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.version().unwrap(), SCHEMA_VERSION);
    let learner = store.find_learner("4821").unwrap().unwrap();
    assert_eq!((learner.name.as_str(), learner.age_band), ("Bà Hạnh", None));
    // Version 3's sound setting: on, loud, until the learner changes it.
    assert_eq!(
        learner.sound,
        Sound {
            on: true,
            volume: 100
        }
    );
    store
        .save_sound(
            "4821",
            Sound {
                on: false,
                volume: 60,
            },
        )
        .unwrap();
    assert_eq!(
        store.find_learner("4821").unwrap().unwrap().sound,
        Sound {
            on: false,
            volume: 60
        }
    );
    let p = store.progress("4821").unwrap();
    assert_eq!(p.first_tries("vneid-cai-dat", "thu-tu").len(), 1);
    assert_eq!(p.first_tries("vneid-cai-dat", "mo-ch-play").len(), 1);
    assert_eq!(
        p.lessons["vietqr-thanh-toan"].leitner,
        Some(Leitner {
            box_index: 2,
            due: 1_790_600_000
        })
    );
    assert_eq!(p.place, None);
    // What version 2 added works on the old data.
    let place = Place {
        lesson: "vneid-cai-dat".into(),
        kind: RunKind::Full,
        plan: vec!["mo-ch-play".into()],
        step: "mo-ch-play".into(),
    };
    store.save_place("4821", Some(&place), 1).unwrap();
    assert_eq!(store.progress("4821").unwrap().place, Some(place));
    let help: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM needs_help", [], |r| r.get(0))
        .unwrap();
    assert_eq!(help, 1);
    assert_eq!(integrity(&path), "ok");
}

#[test]
fn a_database_from_a_newer_hocso_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;")
        .unwrap();
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::TooNew {
            found: 99,
            known: SCHEMA_VERSION
        })
    ));
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn a_damaged_file_is_moved_aside_with_a_timestamp_and_a_fresh_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    let opened = SqliteStore::open_or_recover(&path, 1_795_834_923).unwrap();
    let aside = opened.moved_aside.expect("moved aside");
    assert_eq!(
        aside.file_name().unwrap(),
        "hocso.db.damaged-20261128T030203Z"
    );
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        garbage,
        "the old file is kept as it was"
    );
    let mut store = opened.store;
    let learner = store.create_learner("Ông Tư", None, 1).unwrap();
    assert!(store.find_learner(&learner.code).unwrap().is_some());
    assert_eq!(integrity(&path), "ok");
}

#[test]
fn a_busy_database_makes_writes_wait_not_vanish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let learner = store.create_learner("Bà Hạnh", None, 1).unwrap();
    // A report holds the write lock.
    let mut report = Connection::open(&path).unwrap();
    let tx = report
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let result = store.record_attempt(&attempt(&learner.code, "a", true, true), 2);
    assert!(matches!(result, Err(StoreError::Busy)), "{result:?}");
    assert!(result.unwrap_err().is_transient());
    tx.commit().unwrap();
    store
        .record_attempt(&attempt(&learner.code, "a", true, true), 3)
        .unwrap();
    assert_eq!(
        store
            .progress(&learner.code)
            .unwrap()
            .first_tries("vneid-cai-dat", "a")
            .len(),
        1
    );
}

#[test]
fn a_full_disk_loses_nothing_already_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let learner = store.create_learner("Bà Hạnh", None, 1).unwrap();
    store
        .record_attempt(&attempt(&learner.code, "a", true, true), 2)
        .unwrap();
    // No room for another page: as a full disk looks to SQLite.
    let conn = store.connection();
    let pages: i64 = conn
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    conn.query_row(&format!("PRAGMA max_page_count = {pages}"), [], |_| Ok(()))
        .unwrap();
    let mut full = Vec::new();
    for i in 0..200 {
        let mut a = attempt(&learner.code, "b", true, true);
        a.answer = format!("{i}: {}", "x".repeat(500));
        if let Err(e) = store.record_attempt(&a, 3) {
            full.push(e);
            break;
        }
    }
    assert!(matches!(full.as_slice(), [StoreError::Full]), "{full:?}");
    drop(store);
    assert_eq!(integrity(&path), "ok");
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store
            .progress(&learner.code)
            .unwrap()
            .first_tries("vneid-cai-dat", "a")
            .len(),
        1
    );
}

#[test]
fn an_erased_learner_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let name = "Cụ Nguyễn Thị Xuyến";
    let gone = store
        .create_learner(name, Some(AgeBand::EightyPlus), 1)
        .unwrap();
    let kept = store.create_learner("Ông Tư", None, 1).unwrap();
    for learner in [&gone, &kept] {
        let session = store.start_session(&learner.code, "phuong-1", 1).unwrap();
        for step in ["a", "b", "c"] {
            store
                .record_attempt(&attempt(&learner.code, step, true, true), 2)
                .unwrap();
        }
        store
            .record_needs_help(&learner.code, "vneid-cai-dat", "a", 3)
            .unwrap();
        store
            .record_lesson_end(&learner.code, "vneid-cai-dat", LessonEnd::Mastered, &[1], 4)
            .unwrap();
        let place = Place {
            lesson: "x".into(),
            kind: RunKind::Full,
            plan: vec!["a".into()],
            step: "a".into(),
        };
        store.save_place(&learner.code, Some(&place), 5).unwrap();
        store.end_session(session, 6).unwrap();
    }
    let forgotten = store.forget_learner(&gone.code).unwrap().unwrap();
    assert_eq!((forgotten.name.as_str(), forgotten.attempts), (name, 3));
    assert_eq!(store.forget_learner(&gone.code).unwrap(), None);
    for table in [
        "learners",
        "sessions",
        "attempts",
        "lesson_state",
        "needs_help",
        "places",
        "lesson_events",
        "lesson_starts",
        "notes",
        "resets",
    ] {
        let left: i64 = store
            .connection()
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE {} = ?1",
                    if table == "learners" {
                        "code"
                    } else {
                        "learner"
                    }
                ),
                [&gone.code],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "{table}");
    }
    assert!(
        store.find_learner(&kept.code).unwrap().is_some(),
        "others are kept"
    );
    drop(store);
    // Not even in the file's free pages or the write-ahead log.
    for file in [path.clone(), dir.path().join("hocso.db-wal")] {
        if let Ok(bytes) = std::fs::read(&file) {
            let found = bytes.windows(name.len()).any(|w| w == name.as_bytes());
            assert!(!found, "the name is still in {}", file.display());
        }
    }
}

#[test]
fn what_the_volunteer_panel_reads_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    let hanh = store.create_learner("Bà Hạnh", None, 100).unwrap();
    let tu = store.create_learner("Chú Tư", None, 200).unwrap();
    store.start_session(&hanh.code, "k", 300).unwrap();

    // Search by name, in any case and with Vietnamese letters, or by the code's start.
    let found = store.find_learners("hạnh", 10).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Bà Hạnh");
    assert_eq!(found[0].last_visit, Some(300));
    assert_eq!(store.find_learners("BÀ", 10).unwrap().len(), 1);
    // Typed without accents, any accents match; with them, only those.
    assert_eq!(store.find_learners("hanh", 10).unwrap()[0].name, "Bà Hạnh");
    assert_eq!(store.find_learners("chu tu", 10).unwrap()[0].name, "Chú Tư");
    assert!(store.find_learners("hành", 10).unwrap().is_empty());
    assert_eq!(
        store.find_learners(&tu.code[..3], 10).unwrap()[0].code,
        tu.code
    );
    // The most recent visitor first; a learner never seen after.
    let all = store.find_learners("", 10).unwrap();
    assert_eq!(
        all.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(),
        [hanh.code.as_str(), tu.code.as_str()]
    );

    // Calls for help, until someone helps.
    store
        .record_needs_help(&tu.code, "vneid-cai-dat", "b", 400)
        .unwrap();
    let calls = store.help_calls().unwrap();
    assert_eq!((calls.len(), calls[0].name.as_str()), (1, "Chú Tư"));
    store.help_given(&tu.code, 410).unwrap();
    assert!(store.help_calls().unwrap().is_empty());

    // Notes, newest first.
    store.add_note(&hanh.code, "Tập lại bước OTP", 500).unwrap();
    store.add_note(&hanh.code, "Đã quen chạm", 600).unwrap();
    let notes = store.notes(&hanh.code).unwrap();
    assert_eq!(notes[0].text, "Đã quen chạm");
    assert_eq!(notes.len(), 2);
}

#[test]
fn a_reset_lesson_starts_afresh_but_keeps_its_answers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let l = store.create_learner("Bà Hạnh", None, 100).unwrap();
    for (step, at) in [("a", 101), ("b", 102)] {
        store
            .record_attempt(&attempt(&l.code, step, true, true), at)
            .unwrap();
    }
    store
        .record_lesson_end(&l.code, "vneid-cai-dat", LessonEnd::Mastered, &[1, 3], 103)
        .unwrap();
    let before = store.progress(&l.code).unwrap();
    assert!(before.lessons["vneid-cai-dat"].leitner.is_some());
    assert_eq!(before.first_tries("vneid-cai-dat", "a").len(), 1);

    store.reset(&l.code, Some("vneid-cai-dat"), 200).unwrap();
    let after = store.progress(&l.code).unwrap();
    assert!(!after.lessons.contains_key("vneid-cai-dat"));
    assert!(after.first_tries("vneid-cai-dat", "a").is_empty());
    // New answers count again; the old ones are still there for the ward's figures.
    store
        .record_attempt(&attempt(&l.code, "a", true, true), 201)
        .unwrap();
    assert_eq!(
        store
            .progress(&l.code)
            .unwrap()
            .first_tries("vneid-cai-dat", "a")
            .len(),
        1
    );
    let kept: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM attempts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 3);
    let figures = store.figures(100, 300).unwrap();
    assert_eq!(
        (
            figures.answers,
            figures.lessons_mastered,
            figures.new_learners
        ),
        (3, 1, 1)
    );
    assert_eq!(store.figures(150, 300).unwrap().answers, 1);
}

#[test]
fn hocso_started_many_times_at_once_on_a_new_folder_opens_it_every_time() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hocso.db");
        let start = std::sync::Arc::new(std::sync::Barrier::new(6));
        let openers: Vec<_> = (0..6)
            .map(|_| {
                let path = path.clone();
                let start = start.clone();
                std::thread::spawn(move || {
                    start.wait();
                    SqliteStore::open(&path).map(|s| s.version().unwrap())
                })
            })
            .collect();
        for opener in openers {
            match opener.join().unwrap() {
                Ok(version) => assert_eq!(version, SCHEMA_VERSION, "round {round}"),
                Err(e) => panic!("round {round}: {e}"),
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn a_database_or_a_file_beside_it_that_is_a_link_is_refused_and_what_it_points_to_untouched() {
    use std::os::unix::fs::PermissionsExt;
    for suffix in ["", "-wal", "-shm"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hocso.db");
        let target = dir.path().join("someone-elses-file");
        std::fs::write(&target, "not hocso's").unwrap();
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
        if !suffix.is_empty() {
            drop(SqliteStore::open(&path).unwrap());
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        std::os::unix::fs::symlink(&target, format!("{}{suffix}", path.display())).unwrap();
        match SqliteStore::open(&path) {
            Err(StoreError::Unsafe(why)) => assert!(why.contains("symbolic link"), "{why}"),
            Err(e) => panic!("{suffix}: {e}"),
            Ok(_) => panic!("{suffix}: opened through a link"),
        }
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{suffix}: its mode is left alone");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "not hocso's");
    }
}
