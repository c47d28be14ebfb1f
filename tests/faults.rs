//! Faults a kiosk meets, on the real binary in a real terminal: a full disk, I/O errors
//! and a full disk injected into every database write (strace), shutdown and Ctrl+C while
//! answers wait, a kill while the journal is being replayed, a panic with the log's disk
//! full, files that are links, a database another user owns. For each: every answer the
//! screen confirmed is in the database once the fault clears, and the process never
//! hangs.
//!
//! The full-disk tests mount a small tmpfs and the "another user" test switches user: they
//! need root (CI runs as root) and say so when skipped.

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use hocso::store::journal::{Ids, Journal, Pending};
use hocso::store::{Attempt, SqliteStore, Store, Write};
use rusqlite::Connection;
use support::fixture;
use support::questions::{answer_right, saved};
use support::tmux::Tmux;

fn is_root() -> bool {
    rustix::process::getuid().is_root()
}

/// A filesystem of `bytes`, its own, unmounted when dropped.
struct SmallDisk {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl SmallDisk {
    /// None (and why, on standard error) where this machine does not let the tests mount
    /// one: not root, or a container without the right to mount.
    fn new(bytes: u64) -> Option<SmallDisk> {
        if !is_root() {
            eprintln!("skipped: mounting a small disk needs root (CI runs as root)");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(&path)
            .output()
            .unwrap();
        if !out.status.success() {
            eprintln!(
                "skipped: this machine cannot mount a tmpfs: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            return None;
        }
        Some(SmallDisk { _dir: dir, path })
    }

    /// Fills what is left with one file.
    fn fill(&self) {
        use std::io::Write as _;
        let mut file = std::fs::File::create(self.path.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// A private runtime folder, as a login session has (the journal's fallback).
fn runtime_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    dir
}

/// The tutor on the twelve questions, with its data in `data`, behind `wrapper`; its exit
/// status goes to `status`.
fn tutor(wrapper: &str, env: &[(&str, &str)], data: &Path, status: &Path) -> Tmux {
    let _ = std::fs::remove_file(status);
    let lessons = fixture("kill/lessons");
    let mut tmux = Tmux::start_wrapped(
        wrapper,
        env,
        58,
        15,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
        status,
    );
    tmux.log = Some(data.join("hocso.log"));
    tmux.wait_for("Chạm vào màn hình");
    tmux
}

/// hocso's exit status, once it has ended; panics if it does not end in time.
fn exit_status(status: &Path, within: Duration) -> i32 {
    let start = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(status)
            && let Ok(code) = text.trim().parse()
        {
            return code;
        }
        assert!(
            start.elapsed() < within,
            "hocso did not end within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn assert_all_saved(data: &Path, confirmed: &HashMap<String, usize>) {
    let (counts, integrity) = saved(data);
    assert_eq!(integrity, "ok");
    for (step, n) in confirmed {
        let have = counts.get(step).copied().unwrap_or(0);
        assert_eq!(
            have, *n,
            "{step}: confirmed {n} times on screen, {have} in the database"
        );
    }
}

/// Answers `n` questions right, each confirmed on screen; counts them by step.
fn answer(tmux: &Tmux, n: usize, confirmed: &mut HashMap<String, usize>) {
    for _ in 0..n {
        let step = answer_right(tmux);
        *confirmed.entry(step).or_default() += 1;
        tmux.keys(&["Enter"]);
    }
}

/// The process ids of hocso binaries whose environment holds `marker`.
fn hocso_pids(marker: &str) -> Vec<String> {
    let needle = format!("HOCSO_FAULT_RUN={marker}");
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|pid| pid.chars().all(|c| c.is_ascii_digit()))
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            let env = std::fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            exe.ends_with("hocso") && env.split(|b| *b == 0).any(|v| v == needle.as_bytes())
        })
        .collect()
}

fn signal(marker: &str, name: &str) {
    let pids = hocso_pids(marker);
    assert_eq!(pids.len(), 1, "one hocso running: {pids:?}");
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pids[0]])
        .status()
        .expect("kill (procps) is installed");
    assert!(status.success());
}

/// Where the journal is, if anywhere.
fn journals(data: &Path, run: &Path) -> Vec<PathBuf> {
    [data, run]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten())
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pending"))
        .collect()
}

#[test]
fn a_full_disk_delays_saving_and_ctrl_c_keeps_every_confirmed_answer() {
    let Some(disk) = SmallDisk::new(3 << 20) else {
        return;
    };
    let data = disk.path.join("data");
    let run = runtime_dir();
    let status = run.path().join("status");
    let env = [("XDG_RUNTIME_DIR", run.path().to_str().unwrap())];
    let mut confirmed = HashMap::new();

    let tmux = tutor("", &env, &data, &status);
    let code = tmux.sign_in(None);
    answer(&tmux, 1, &mut confirmed);
    disk.fill();
    answer(&tmux, 5, &mut confirmed);
    let screen = tmux.wait_for("chưa lưu");
    assert!(
        screen.lines().next().unwrap().contains("chưa lưu"),
        "{screen}"
    );
    tmux.keys(&["C-c"]);
    let code_at_exit = exit_status(&status, Duration::from_secs(15));
    assert_eq!(
        code_at_exit, 75,
        "closed with answers kept for the next start"
    );
    assert_eq!(journals(&data, run.path()).len(), 1, "kept in the journal");
    drop(tmux);

    disk.free();
    let tmux = tutor("", &env, &data, &status);
    tmux.keys(&["C-c"]);
    assert_eq!(exit_status(&status, Duration::from_secs(15)), 0);
    assert_all_saved(&data, &confirmed);
    assert!(
        journals(&data, run.path()).is_empty(),
        "the journal is cleared"
    );
    assert!(confirmed.values().sum::<usize>() == 6, "{code}");
    let log = std::fs::read_to_string(data.join("hocso.log")).unwrap();
    assert!(!log.contains("panicked"), "{log}");
}

/// Every database write fails with `errno` (strace), the learner answers, and the kiosk
/// is shut down (SIGTERM); the next start, with the disk well again, saves it all.
fn injected_fault_then_shutdown(errno: &str) {
    let strace = Command::new("strace").arg("-V").output();
    assert!(
        strace.is_ok_and(|o| o.status.success()),
        "strace is installed (apt-get install strace)"
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = runtime_dir();
    let status = run.path().join("status");
    let marker = format!("{errno}-{}", std::process::id());
    let env = [
        ("XDG_RUNTIME_DIR", run.path().to_str().unwrap()),
        ("HOCSO_FAULT_RUN", marker.as_str()),
    ];
    let mut confirmed = HashMap::new();

    let tmux = tutor("", &env, &data, &status);
    let code = tmux.sign_in(None);
    tmux.keys(&["C-c"]);
    assert_eq!(exit_status(&status, Duration::from_secs(15)), 0);
    drop(tmux);

    // SQLite writes each answer into the write-ahead log with pwrite64: every such write
    // fails (-P: that file only; the shared-memory file and the journal write as usual).
    let wal = format!("{}/hocso.db-wal", data.display());
    let wrapper = format!(
        "strace -f -qq -o /dev/null -P '{wal}' -e trace=pwrite64 -e inject=pwrite64:error={errno}"
    );
    let tmux = tutor(&wrapper, &env, &data, &status);
    tmux.sign_in(Some(&code));
    answer(&tmux, 4, &mut confirmed);
    tmux.wait_for("chưa lưu");
    signal(&marker, "TERM");
    assert_eq!(
        exit_status(&status, Duration::from_secs(15)),
        75,
        "{errno}: shut down with answers kept for the next start"
    );
    assert!(saved(&data).0.is_empty(), "{errno}: none could be written");
    drop(tmux);

    let tmux = tutor("", &env, &data, &status);
    tmux.keys(&["C-c"]);
    assert_eq!(exit_status(&status, Duration::from_secs(15)), 0);
    assert_all_saved(&data, &confirmed);
    assert!(journals(&data, run.path()).is_empty());
}

#[test]
fn an_io_error_on_every_write_then_shutdown_loses_no_confirmed_answer() {
    injected_fault_then_shutdown("EIO");
}

#[test]
fn a_full_disk_on_every_write_then_shutdown_loses_no_confirmed_answer() {
    injected_fault_then_shutdown("ENOSPC");
}

#[test]
fn a_kill_while_the_journal_is_replayed_saves_each_answer_once() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let database = data.join("hocso.db");
    let mut store = SqliteStore::open(&database).unwrap();
    let learner = store.create_learner("Bà Hạnh", None, 0).unwrap();
    drop(store);
    let n = 800;
    let mut ids = Ids::default();
    let pending: Vec<Pending> = (0..n)
        .map(|i| Pending {
            id: ids.next(1_700_000_000_000 + i as u128),
            write: Write::Attempt {
                attempt: Attempt {
                    learner: learner.code.clone(),
                    lesson: "muoi-hai-cau".into(),
                    step: format!("cau-{i}"),
                    answer: "Câu trả lời số 1".into(),
                    right: true,
                    first_try: true,
                    hint_used: false,
                    assisted: false,
                    millis: 900,
                },
                at: 1_700_000_000 + i,
            },
            learner: Some(learner.clone()),
            journaled: true,
        })
        .collect();
    let journal = Journal::at(vec![PathBuf::from(format!(
        "{}.pending",
        database.display()
    ))]);
    journal.keep(&pending).unwrap();

    let count = || -> (i64, i64, String) {
        let conn = Connection::open(&database).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        conn.query_row(
            "SELECT count(*), count(DISTINCT step) FROM attempts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, integrity.clone())),
        )
        .unwrap()
    };
    let lessons = fixture("kill/lessons");
    let args = [
        "--lessons",
        lessons.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ];
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("replay kill seed: {seed}");
    let mut mid_replay = 0;
    for round in 0..12 {
        let tmux = Tmux::start(58, 15, &args);
        if round == 0 {
            // The first kill is aimed: as soon as some answers are in, however slow
            // the machine; the later ones fall at random moments.
            let saved = || -> i64 {
                Connection::open(&database)
                    .and_then(|c| c.query_row("SELECT count(*) FROM attempts", [], |r| r.get(0)))
                    .unwrap_or(0)
            };
            let give_up = std::time::Instant::now() + Duration::from_secs(20);
            while saved() == 0 && std::time::Instant::now() < give_up {
                std::thread::sleep(Duration::from_millis(2));
            }
        } else {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            std::thread::sleep(Duration::from_millis(seed % 300));
        }
        tmux.kill();
        let (all, distinct, integrity) = count();
        assert_eq!(integrity, "ok", "round {round}");
        assert_eq!(all, distinct, "round {round}: an answer saved twice");
        if 0 < all && all < n {
            mid_replay += 1;
        }
        if all == n {
            break;
        }
    }
    let tmux = Tmux::start(58, 15, &args);
    tmux.wait_for("Chạm vào màn hình");
    tmux.kill();
    let (all, distinct, _) = count();
    assert_eq!((all, distinct), (n, n), "each answer once");
    assert!(
        !Path::new(&format!("{}.pending", database.display())).exists(),
        "the journal is cleared"
    );
    eprintln!("{mid_replay} kills landed in the middle of the replay");
    assert!(mid_replay >= 1, "a kill landed in the middle of a replay");
}

#[test]
fn a_panic_with_the_logs_disk_full_ends_the_process() {
    let Some(disk) = SmallDisk::new(1 << 20) else {
        return;
    };
    let data = disk.path.join("data");
    let run = runtime_dir();
    let status = run.path().join("status");
    let tmux = tutor("", &[("HOCSO_TEST_PANIC", "1")], &data, &status);
    disk.fill();
    tmux.keys(&["Enter"]);
    let code = exit_status(&status, Duration::from_secs(10));
    assert_eq!(code, 101, "a panic's status, not a hang");
}

#[test]
fn a_log_that_is_a_link_is_refused_and_what_it_points_to_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let target = dir.path().join("someone-elses-file");
    std::fs::write(&target, "keep me\n").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&target, data.join("hocso.log")).unwrap();
    let lessons = fixture("kill/lessons");
    let out = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["--lessons", lessons.to_str().unwrap(), "--data"])
        .arg(&data)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}

#[test]
fn a_database_another_user_owns_is_explained_on_the_screen_with_the_fix() {
    if !is_root() {
        eprintln!("skipped: switching to another user needs root (CI runs as root)");
        return;
    }
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let data = dir.path().join("data");
    // `sudo hocso …` once: the database is root's, in the kiosk user's folder.
    drop(SqliteStore::open(&data.join("hocso.db")).unwrap());
    for file in std::fs::read_dir(&data).unwrap() {
        let file = file.unwrap().path();
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let status = Command::new("chown")
        .args(["nobody:"])
        .arg(&data)
        .status()
        .unwrap();
    assert!(status.success());
    let status_file = dir.path().join("status");
    let wrapper = "setpriv --reuid=nobody --regid=nogroup --clear-groups";
    let lessons = fixture("kill/lessons");
    let tmux = Tmux::start_wrapped(
        wrapper,
        &[],
        87,
        21,
        &[
            "--lessons",
            lessons.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ],
        &status_file,
    );
    let screen = tmux.wait_for("chown");
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Máy chưa mở được dữ liệu học"), "{screen}");
    assert!(words.contains("thuộc về người dùng «root»"), "{screen}");
    assert!(words.contains("sudo chown -R nobody:"), "{screen}");
    tmux.keys(&["C-q"]);
    assert_eq!(exit_status(&status_file, Duration::from_secs(10)), 2);
}
