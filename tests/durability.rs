//! Progress survives what happens to kiosks: the process killed at any moment (SIGKILL,
//! a pulled plug), a restart in the middle of a lesson, a damaged database file.

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use support::fixture;
use support::questions::{fresh_question, saved};
use support::tmux::Tmux;

fn start(data: &Path) -> Tmux {
    let lessons = fixture("kill/lessons");
    let mut tmux = Tmux::start(
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux.wait_for("Chạm vào màn hình");
    tmux
}

#[test]
fn every_acknowledged_answer_survives_a_kill_at_any_moment() {
    let rounds: usize = std::env::var("HOCSO_KILL_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let mut seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("kill test seed: {seed} (rounds: {rounds})");
    let mut random = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut acknowledged: HashMap<String, usize> = HashMap::new();
    let mut code: Option<String> = None;
    for round in 0..rounds {
        let tmux = start(data);
        code = Some(tmux.sign_in(code.as_deref()));
        for _ in 0..random(4) {
            let k = fresh_question(&tmux);
            tmux.keys(&["1"]);
            tmux.wait_until("the answer acknowledged", |s| {
                s.contains("✓ Đúng rồi!") && s.contains(&format!("Câu {k}:"))
            });
            *acknowledged.entry(format!("cau-{k}")).or_default() += 1;
            tmux.keys(&["Enter"]);
        }
        // An answer in flight, and the plug pulled at a random moment around it.
        tmux.keys(&["1"]);
        std::thread::sleep(Duration::from_micros(random(20_000)));
        tmux.kill();

        let (counts, integrity) = saved(data);
        assert_eq!(integrity, "ok", "round {round}");
        for (step, n) in &acknowledged {
            let have = counts.get(step).copied().unwrap_or(0);
            assert!(
                have >= *n,
                "round {round}: {step} answered right {n} times on screen, {have} in the database"
            );
        }
    }
    let total: usize = acknowledged.values().sum();
    eprintln!("{rounds} kills, {total} acknowledged answers, all saved");
    assert!(
        total > rounds / 2,
        "the test answered enough to mean something"
    );
}

#[test]
fn a_learner_resumes_at_the_exact_step_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let tmux = start(data);
    let code = tmux.sign_in(None);
    // From the menu into the lesson (fresh_question presses Enter there).
    for k in 1..=3 {
        assert_eq!(fresh_question(&tmux), k);
        tmux.keys(&["1"]);
        tmux.wait_for("✓ Đúng rồi!");
        tmux.keys(&["Enter"]);
    }
    tmux.wait_until("question 4", |s| s.contains("Câu 4:"));
    tmux.kill();

    let tmux = start(data);
    tmux.sign_in(Some(&code));
    let screen = tmux.wait_for("Học tiếp chỗ đó");
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        words.contains("«Mười hai câu hỏi», đến bước 4."),
        "{screen}"
    );
    tmux.keys(&["1"]);
    let screen = tmux.wait_until("question 4", |s| s.contains("Câu 4:"));
    assert!(screen.contains("Bước 4/12"), "{screen}");
}

#[test]
fn a_damaged_database_is_moved_aside_and_the_volunteer_told() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let garbage = b"SQLite format 3\0 but then nothing a database would hold".repeat(40);
    std::fs::write(data.join("hocso.db"), &garbage).unwrap();
    let tmux = start(data);
    let screen = tmux.wait_for("Tình nguyện viên");
    assert!(screen.contains("dữ liệu cũ bị hỏng"), "{screen}");
    let aside: Vec<_> = std::fs::read_dir(data)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("hocso.db.damaged-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(aside[0].path()).unwrap(),
        garbage,
        "kept as it was"
    );
    // The tutor works on a fresh database.
    let code = tmux.sign_in(None);
    assert_eq!(code.len(), 4);
    let log = std::fs::read_to_string(data.join("hocso.log")).unwrap();
    assert!(log.contains("database damaged"), "{log}");
}
