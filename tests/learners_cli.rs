//! `hocso learners forget CODE`: a learner erased from the kiosk for good.

mod support;

use hocso::store::{Attempt, SqliteStore, Store};
use support::hocso;

#[test]
fn forget_erases_a_learner_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    let learner = store.create_learner("Bà Hạnh", None, 1).unwrap();
    let kept = store.create_learner("Ông Tư", None, 1).unwrap();
    for _ in 0..3 {
        let a = Attempt {
            learner: learner.code.clone(),
            lesson: "vneid-cai-dat".into(),
            step: "mo-ch-play".into(),
            answer: "ch-play".into(),
            right: true,
            first_try: true,
            hint_used: false,
            assisted: false,
            millis: 10,
        };
        store.record_attempt(&a, 2).unwrap();
    }
    drop(store);
    let data = dir.path().to_str().unwrap();

    // Asked, and not answered (no terminal): nothing is erased.
    let out = hocso(&[
        "--lang",
        "en",
        "--data",
        data,
        "learners",
        "forget",
        &learner.code,
    ]);
    assert_eq!(out.status.code(), Some(1));
    let asked = String::from_utf8_lossy(&out.stderr);
    assert!(
        asked.contains("Type the code again") && asked.contains("Nothing erased"),
        "{asked}"
    );
    let store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    assert!(store.find_learner(&learner.code).unwrap().is_some());
    drop(store);
    // The code typed again confirms.
    let out = support::hocso_with_stdin(
        &[
            "--lang",
            "en",
            "--data",
            data,
            "learners",
            "forget",
            &learner.code,
        ],
        &format!("{}\n", learner.code),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(
        said.contains(&format!("Erased learner {} (Bà Hạnh)", learner.code))
            && said.contains("(3 answers)"),
        "{said}"
    );

    let store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    assert!(store.find_learner(&learner.code).unwrap().is_none());
    assert!(store.find_learner(&kept.code).unwrap().is_some());
    drop(store);

    let out = hocso(&[
        "--lang",
        "en",
        "--data",
        data,
        "learners",
        "forget",
        &learner.code,
        "--yes",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No learner has the code"));
    // --yes erases without asking.
    let out = hocso(&["--data", data, "learners", "forget", &kept.code, "--yes"]);
    assert_eq!(out.status.code(), Some(0));
    let store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    assert!(store.find_learner(&kept.code).unwrap().is_none());
}
