//! The ward's report over a year at a busy kiosk: 100,000 learners, 500,000 sessions and
//! 5 million answers (target: under 1 s), and how it grows with the data.
//!
//! The databases are built once under the target folder and kept; building the largest
//! takes a few minutes. `HOCSO_BENCH_SIZES=big` measures only the largest.

use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use hocso::report::{Report, date};
use hocso::store::SqliteStore;
use rusqlite::Connection;

/// Learners, sessions and answers, as a kiosk might hold them after a year.
const SIZES: [(i64, i64, i64); 3] = [
    (1_000, 5_000, 50_000),
    (10_000, 50_000, 500_000),
    (100_000, 500_000, 5_000_000),
];

/// The year the data runs over: 2026, in Vietnam.
fn year() -> (i64, i64) {
    (
        date::parse("2026-01-01").expect("a date"),
        date::parse("2026-12-31").expect("a date"),
    )
}

/// A kiosk's database with `learners`, `sessions` and `answers` spread over the year.
/// Learners come for the first time in its first weeks, and again all year.
pub fn database(learners: i64, sessions: i64, answers: i64) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-report");
    let path = dir.join(format!("v3-{learners}-{sessions}-{answers}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("a folder");
    let partial = dir.join("partial.db");
    let _ = std::fs::remove_file(&partial);
    drop(SqliteStore::open(&partial).expect("created"));
    let start = hocso::store::day_start(year().0);
    let year_secs = 364 * 86_400;
    let conn = Connection::open(&partial).expect("opened");
    // Answers go in through the same trigger the kiosk's answers do.
    conn.execute_batch(&format!(
        "PRAGMA synchronous = OFF;
         BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {learners} - 1)
         INSERT INTO learners (code, name, created_at, age_band)
         SELECT 100000 + i, 'Học viên ' || i, {start} + i * ({year_secs} / {learners} / 8),
                CASE i % 5 WHEN 0 THEN 'under-60' WHEN 1 THEN '60-69' WHEN 2 THEN '70-79'
                           WHEN 3 THEN '80+' ELSE NULL END
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions} - 1)
         INSERT INTO sessions (learner, kiosk, started_at, ended_at)
         SELECT 100000 + i % {learners}, 'k', {start} + i * ({year_secs} / {sessions}),
                {start} + i * ({year_secs} / {sessions}) + 900
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {answers} - 1)
         INSERT INTO attempts (learner, lesson, step, at, answer, right, first_try, hint_used, assisted, millis)
         SELECT 100000 + (i / 10) % {learners}, 'bai-' || ((i / 10) % 8), 'buoc-' || (i % 8),
                {start} + i * ({year_secs} / {answers}), 'x', (i * 7) % 3 > 0, i % 2, 0, i % 50 = 0, 1000
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions} / 2 - 1)
         INSERT INTO lesson_events (learner, lesson, outcome, at)
         SELECT 100000 + i % {learners}, 'bai-' || (i % 8),
                CASE i % 4 WHEN 0 THEN 'mastered' WHEN 1 THEN 'not-yet' WHEN 2 THEN 'review-passed'
                           ELSE 'review-failed' END,
                {start} + i * ({year_secs} / ({sessions} / 2))
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {sessions} / 10 - 1)
         INSERT INTO needs_help (learner, lesson, step, at)
         SELECT 100000 + i % {learners}, 'bai-' || (i % 8), 'buoc-' || (i % 8),
                {start} + i * ({year_secs} / ({sessions} / 10))
         FROM n;
         COMMIT;"
    ))
    .expect("filled");
    drop(conn);
    std::fs::rename(&partial, &path).expect("kept");
    path
}

fn report(c: &mut Criterion) {
    let only_big = std::env::var("HOCSO_BENCH_SIZES").is_ok_and(|s| s == "big");
    let (from, to) = year();
    let mut group = c.benchmark_group("report_over_a_year");
    group.sample_size(10);
    for (learners, sessions, answers) in SIZES {
        if only_big && learners < 100_000 {
            continue;
        }
        let path = database(learners, sessions, answers);
        let store = SqliteStore::open(&path).expect("opened");
        group.bench_function(format!("{learners}_learners_{answers}_answers"), |b| {
            b.iter(|| {
                let rows = store.report_rows(from, to, false).expect("read");
                let report = Report::build("k", "", from, to, &rows, false);
                serde_json::to_string(&report).expect("written")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
