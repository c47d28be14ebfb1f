//! Progress on disk: committing one answer with full durability (target: under 5 ms),
//! and opening a kiosk's database of 100,000 learners and 5 million answers, then showing
//! a learner's menu (target: under 50 ms); both again at 1,000 and 10,000 learners.

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hocso::app::{Model, Msg, Size, update};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions};
use hocso::store::{Attempt, SqliteStore, Store};
use hocso::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rusqlite::Connection;

const LEARNERS: i64 = 100_000;

fn commit_one_answer(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut store = SqliteStore::open(&dir.path().join("hocso.db")).expect("opened");
    let learner = store.create_learner("Bà Hạnh", None, 0).expect("created");
    let attempt = Attempt {
        learner: learner.code,
        lesson: "vneid-cai-dat".into(),
        step: "mo-ch-play".into(),
        answer: "ch-play".into(),
        right: true,
        first_try: true,
        hint_used: false,
        assisted: false,
        millis: 3200,
    };
    c.bench_function("commit_one_answer_synchronous_full", |b| {
        b.iter(|| store.record_attempt(&attempt, 1).expect("saved"))
    });
}

/// A database as a busy ward's kiosk might hold after years, built once and kept.
fn big_database() -> PathBuf {
    database_of(LEARNERS)
}

fn open_and_show_menu(c: &mut Criterion) {
    let path = big_database();
    let lessons = Catalogue::load_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons")),
        &CheckOptions::default(),
    )
    .lessons;
    let i18n = Localizer::embedded();
    c.bench_function("open_100k_learners_5m_answers_and_show_menu", |b| {
        b.iter(|| open_and_draw_menu(&path, "150001", &lessons, &i18n))
    });
}

/// What a learner signing in costs: opening the database, reading their progress and
/// drawing their menu at 58×15.
fn open_and_draw_menu(
    path: &Path,
    code: &str,
    lessons: &[hocso::lesson::Lesson],
    i18n: &Localizer,
) -> Terminal<TestBackend> {
    let store = SqliteStore::open(path).expect("opened");
    let learner = store.find_learner(code).expect("read").expect("there");
    let progress = store.progress(&learner.code).expect("read");
    let mut model = Model::new(lessons.to_vec(), Lang::Vi, Size::new(58, 15));
    let _ = update(
        &mut model,
        Msg::LearnerFound {
            code: learner.code.clone(),
            found: Some((learner, Box::new(progress))),
            now: 0,
        },
    );
    let mut terminal = Terminal::new(TestBackend::new(58, 15)).expect("a test terminal");
    terminal
        .draw(|f| drop(ui::draw(f, &model, i18n)))
        .expect("drawn");
    terminal
}

/// A kiosk's database with `learners` learners and 50 answers each, shaped like
/// `big_database` (which is the 100,000-learner one), built once and kept.
fn database_of(learners: i64) -> PathBuf {
    let attempts = learners * 50;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-store");
    let name = if learners == LEARNERS {
        "big.db".to_owned()
    } else {
        format!("learners-{learners}.db")
    };
    let path = dir.join(&name);
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("a folder");
    let partial = dir.join(format!("{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    drop(SqliteStore::open(&partial).expect("created"));
    let conn = Connection::open(&partial).expect("opened");
    conn.execute_batch(&format!(
        "PRAGMA synchronous = OFF;
         BEGIN;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {learners} - 1)
         INSERT INTO learners (code, name, created_at) SELECT 100000 + i, 'Học viên ' || i, i FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {attempts} - 1)
         INSERT INTO attempts (learner, lesson, step, at, answer, right, first_try, hint_used, assisted, millis)
         SELECT 100000 + i % {learners},
                CASE i % 2 WHEN 0 THEN 'vneid-cai-dat' ELSE 'vietqr-thanh-toan' END,
                'buoc-' || ((i / {learners}) % 8), i, 'x', (i * 7) % 3 > 0, 1, 0, 0, 1000
         FROM n;
         WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {learners} - 1)
         INSERT INTO lesson_state (learner, lesson, box, next_review, mastered_at)
         SELECT 100000 + i, 'vietqr-thanh-toan', i % 5, i, 0 FROM n WHERE i % 3 = 0;
         COMMIT;"
    ))
    .expect("filled");
    drop(conn);
    std::fs::rename(&partial, &path).expect("kept");
    path
}

/// How opening the database and showing a learner's menu, and committing an answer, grow
/// with the kiosk's learners (50 answers each): 1,000, 10,000 and 100,000.
fn growth_with_learners(c: &mut Criterion) {
    let lessons = Catalogue::load_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons")),
        &CheckOptions::default(),
    )
    .lessons;
    let i18n = Localizer::embedded();
    let mut menu = c.benchmark_group("open_and_show_menu_by_learners");
    for learners in [1_000, 10_000, LEARNERS] {
        let path = database_of(learners);
        let code = (100_000 + learners / 2).to_string();
        menu.bench_with_input(BenchmarkId::from_parameter(learners), &learners, |b, _| {
            b.iter(|| open_and_draw_menu(&path, &code, &lessons, &i18n))
        });
    }
    menu.finish();
    let mut commit = c.benchmark_group("commit_one_answer_by_learners");
    for learners in [1_000, 10_000, LEARNERS] {
        // A copy, so the kept database stays as built.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("a folder");
        let path = dir.path().join("hocso.db");
        std::fs::copy(database_of(learners), &path).expect("copied");
        let mut store = SqliteStore::open(&path).expect("opened");
        let attempt = Attempt {
            learner: (100_000 + learners / 2).to_string(),
            lesson: "vneid-cai-dat".into(),
            step: "mo-ch-play".into(),
            answer: "ch-play".into(),
            right: true,
            first_try: true,
            hint_used: false,
            assisted: false,
            millis: 3200,
        };
        commit.bench_with_input(BenchmarkId::from_parameter(learners), &learners, |b, _| {
            b.iter(|| store.record_attempt(&attempt, 1).expect("saved"))
        });
    }
    commit.finish();
}

criterion_group!(benches, commit_one_answer, open_and_show_menu);
criterion_group!(growth, growth_with_learners);
criterion_main!(benches, growth);
