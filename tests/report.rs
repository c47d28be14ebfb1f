//! `hocso report`: the ward's figures, checked against a small kiosk's history worked out
//! by hand, and `report merge` checked against the report of the kiosks' data together.

mod support;

use std::path::Path;

use hocso::lesson::{Catalogue, CheckOptions};
use hocso::report::{BandRow, Counts, DayRow, LessonRow, Report, StepRow, date};
use hocso::store::{AgeBand, Attempt, LessonEnd, SqliteStore, Store, day_of, day_start};
use support::hocso;

/// Seconds since the epoch at `hour`:`minute` in Vietnam on `day` (YYYY-MM-DD).
fn at(day: &str, hour: i64, minute: i64) -> i64 {
    day_start(date::parse(day).expect("a date")) + hour * 3_600 + minute * 60
}

fn answer(
    store: &mut SqliteStore,
    learner: &str,
    lesson: &str,
    step: &str,
    how: (bool, bool, bool),
    now: i64,
) {
    let (right, first_try, assisted) = how;
    store
        .record_attempt(
            &Attempt {
                learner: learner.into(),
                lesson: lesson.into(),
                step: step.into(),
                answer: "x".into(),
                right,
                first_try,
                hint_used: false,
                assisted,
                millis: 2_000,
            },
            now,
        )
        .expect("saved");
}

const L1: &str = "vneid-cai-dat";
const L2: &str = "vietqr-thanh-toan";
// (right, first try, assisted)
const RIGHT_FIRST: (bool, bool, bool) = (true, true, false);
const WRONG_FIRST: (bool, bool, bool) = (false, true, false);
const RIGHT_AGAIN: (bool, bool, bool) = (true, false, false);
const HELPED: (bool, bool, bool) = (true, true, true);

/// Bà Hạnh (70–79) and Ông Tư (80+) come for the first time on the 20th.
fn first_part(store: &mut SqliteStore) {
    let d1 = "2026-11-20";
    let a = store
        .create_learner("Bà Hạnh", Some(AgeBand::Seventies), at(d1, 9, 0))
        .unwrap()
        .code;
    let b = store
        .create_learner("Ông Tư", Some(AgeBand::EightyPlus), at(d1, 10, 0))
        .unwrap()
        .code;
    let s = store.start_session(&a, "k", at(d1, 9, 0)).unwrap();
    answer(store, &a, L1, "s1", RIGHT_FIRST, at(d1, 9, 5));
    answer(store, &a, L1, "s2", WRONG_FIRST, at(d1, 9, 6));
    answer(store, &a, L1, "s2", RIGHT_AGAIN, at(d1, 9, 7));
    store
        .record_lesson_end(&a, L1, LessonEnd::Mastered, &[1, 3, 7], at(d1, 9, 8))
        .unwrap();
    store.end_session(s, at(d1, 9, 10)).unwrap();

    store.start_session(&b, "k", at(d1, 10, 0)).unwrap();
    answer(store, &b, L1, "s1", WRONG_FIRST, at(d1, 10, 5));
    store
        .record_needs_help(&b, L1, "s1", at(d1, 10, 6))
        .unwrap();
    answer(store, &b, L1, "s1", RIGHT_AGAIN, at(d1, 10, 7));
    answer(store, &b, L1, "s2", HELPED, at(d1, 10, 8));
    store
        .record_lesson_end(&b, L1, LessonEnd::NotYet, &[1, 3, 7], at(d1, 10, 9))
        .unwrap();

    // Bà Hạnh comes back on the 21st, at 23:30 in Vietnam (16:30 UTC: still the 21st).
    let d2 = "2026-11-21";
    store.start_session(&a, "k", at(d2, 23, 30)).unwrap();
    answer(store, &a, L2, "s1", RIGHT_FIRST, at(d2, 23, 35));
    store
        .record_lesson_end(&a, L2, LessonEnd::Mastered, &[1, 3, 7], at(d2, 23, 40))
        .unwrap();
}

/// Cô Lan (age not given) first came on the 10th, before the period, and again on the 21st.
fn second_part(store: &mut SqliteStore) {
    let d0 = "2026-11-10";
    let c = store
        .create_learner("Cô Lan", None, at(d0, 8, 0))
        .unwrap()
        .code;
    store.start_session(&c, "k", at(d0, 8, 0)).unwrap();
    answer(store, &c, L1, "s1", WRONG_FIRST, at(d0, 8, 5));
    let d2 = "2026-11-21";
    store.start_session(&c, "k", at(d2, 7, 0)).unwrap();
    answer(store, &c, L1, "s1", RIGHT_FIRST, at(d2, 7, 5));
    store.record_needs_help(&c, L1, "s2", at(d2, 7, 6)).unwrap();
    store
        .record_lesson_end(&c, L1, LessonEnd::ReviewFailed, &[1, 3, 7], at(d2, 7, 9))
        .unwrap();
    // The 22nd is after the period.
    store
        .start_session(&c, "k", at("2026-11-22", 0, 10))
        .unwrap();
    answer(store, &c, L1, "s1", RIGHT_FIRST, at("2026-11-22", 0, 15));
}

fn period() -> (i64, i64) {
    (
        date::parse("2026-11-20").unwrap(),
        date::parse("2026-11-21").unwrap(),
    )
}

fn report_of(path: &Path, kiosk: &str, with_names: bool) -> Report {
    let store = SqliteStore::open(path).unwrap();
    let (from, to) = period();
    Report::build(
        kiosk,
        "Phường Cửa Nam",
        from,
        to,
        &store.report_rows(from, to, with_names).unwrap(),
        with_names,
    )
}

#[test]
fn figures_match_the_history_worked_out_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    first_part(&mut store);
    second_part(&mut store);
    drop(store);
    let report = report_of(&path, "Cửa Nam 1", false);

    let day1 = Counts {
        sessions: 2,
        learners: 2,
        new_learners: 2,
        returning_learners: 0,
        lessons_started: 2,
        lessons_mastered: 1,
        reviews_passed: 0,
        reviews_failed: 0,
        needs_help: 1,
        answers: 6,
        assisted: 1,
    };
    let day2 = Counts {
        sessions: 2,
        learners: 2,
        new_learners: 0,
        returning_learners: 2,
        // Bà Hạnh begins the VietQR lesson; Cô Lan began hers on the 10th.
        lessons_started: 1,
        lessons_mastered: 1,
        reviews_passed: 0,
        reviews_failed: 1,
        needs_help: 1,
        answers: 2,
        assisted: 0,
    };
    assert_eq!(
        report.days,
        vec![
            DayRow {
                date: "2026-11-20".into(),
                counts: day1
            },
            DayRow {
                date: "2026-11-21".into(),
                counts: day2
            },
        ]
    );
    assert_eq!(
        report.totals,
        Counts {
            sessions: 4,
            // Bà Hạnh on both days is one learner.
            learners: 3,
            new_learners: 2,
            returning_learners: 1,
            lessons_started: 3,
            lessons_mastered: 2,
            reviews_passed: 0,
            reviews_failed: 1,
            needs_help: 2,
            answers: 8,
            assisted: 1,
        }
    );
    let band = |band: &str, learners, new_learners, sessions| BandRow {
        band: band.into(),
        learners,
        new_learners,
        sessions,
    };
    assert_eq!(
        report.age_bands,
        vec![
            band("70-79", 1, 1, 2),
            band("80+", 1, 1, 1),
            band("not-given", 1, 0, 1)
        ]
    );
    assert_eq!(
        report.lessons,
        vec![
            LessonRow {
                lesson: L2.into(),
                started: 1,
                mastered: 1,
                reviews_passed: 0,
                reviews_failed: 0
            },
            LessonRow {
                lesson: L1.into(),
                started: 2,
                mastered: 1,
                reviews_passed: 0,
                reviews_failed: 1
            },
        ]
    );
    let step = |lesson: &str, step: &str, answers, assisted, first_tries, first_right| StepRow {
        lesson: lesson.into(),
        step: step.into(),
        answers,
        assisted,
        first_tries,
        first_right,
    };
    assert_eq!(
        report.steps,
        vec![
            step(L2, "s1", 1, 0, 1, 1),
            // Right first time for Bà Hạnh and Cô Lan, wrong for Ông Tư.
            step(L1, "s1", 4, 0, 3, 2),
            // Ông Tư's helped answer is not a first try of his own.
            step(L1, "s2", 3, 1, 1, 0),
        ]
    );
    assert_eq!(report.steps[1].success(), Some(67));
    assert_eq!(
        (report.from.as_str(), report.to.as_str()),
        ("2026-11-20", "2026-11-21")
    );
    assert!(report.names.is_none());
}

#[test]
fn erasing_a_learner_keeps_the_anonymous_step_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    second_part(&mut store);
    let code = store.find_learners("Lan", 1).unwrap()[0].code.clone();
    store.forget_learner(&code).unwrap();
    drop(store);
    let report = report_of(&path, "k", true);
    assert_eq!(report.totals.learners, 0);
    assert_eq!(report.totals.sessions, 0);
    assert_eq!(report.totals.answers, 1);
    assert_eq!(report.names, Some(vec![]));
}

/// The report's figures agree with one another: the totals are the days added up, the
/// age bands add up to the learners and sessions, the lessons to the lessons mastered,
/// the steps to the answers.
fn assert_consistent(report: &Report) {
    let t = &report.totals;
    let days = report.days.iter().fold(Counts::default(), |mut sum, d| {
        let c = &d.counts;
        sum.sessions += c.sessions;
        sum.new_learners += c.new_learners;
        sum.lessons_started += c.lessons_started;
        sum.lessons_mastered += c.lessons_mastered;
        sum.reviews_passed += c.reviews_passed;
        sum.reviews_failed += c.reviews_failed;
        sum.needs_help += c.needs_help;
        sum.answers += c.answers;
        sum.assisted += c.assisted;
        sum
    });
    assert_eq!(
        (
            days.sessions,
            days.new_learners,
            days.lessons_started,
            days.lessons_mastered,
            days.reviews_passed,
            days.reviews_failed,
            days.needs_help,
            days.answers,
            days.assisted
        ),
        (
            t.sessions,
            t.new_learners,
            t.lessons_started,
            t.lessons_mastered,
            t.reviews_passed,
            t.reviews_failed,
            t.needs_help,
            t.answers,
            t.assisted
        ),
        "the days add up to the totals: {report:#?}"
    );
    assert_eq!(t.learners, t.new_learners + t.returning_learners);
    let bands = |f: fn(&BandRow) -> u64| report.age_bands.iter().map(f).sum::<u64>();
    assert_eq!(bands(|b| b.learners), t.learners, "{report:#?}");
    assert_eq!(bands(|b| b.new_learners), t.new_learners, "{report:#?}");
    assert_eq!(bands(|b| b.sessions), t.sessions, "{report:#?}");
    let lessons = |f: fn(&LessonRow) -> u64| report.lessons.iter().map(f).sum::<u64>();
    assert_eq!(lessons(|l| l.started), t.lessons_started);
    assert_eq!(lessons(|l| l.mastered), t.lessons_mastered);
    assert_eq!(lessons(|l| l.reviews_failed), t.reviews_failed);
    let steps = |f: fn(&StepRow) -> u64| report.steps.iter().map(f).sum::<u64>();
    assert_eq!(steps(|s| s.answers), t.answers, "{report:#?}");
    assert_eq!(steps(|s| s.assisted), t.assisted, "{report:#?}");
}

/// What the volunteer panel shows for `day` (its "today"), through the store function it
/// calls.
fn panel_figures(path: &Path, day: &str) -> hocso::store::Figures {
    let store = SqliteStore::open(path).unwrap();
    let day = date::parse(day).unwrap();
    store.figures(day_start(day), day_start(day + 1)).unwrap()
}

/// The report of `day` alone, as `hocso report --from DAY --to DAY` makes it.
fn report_of_day(path: &Path, day: &str) -> Report {
    let store = SqliteStore::open(path).unwrap();
    let day = date::parse(day).unwrap();
    Report::build(
        "k",
        "",
        day,
        day,
        &store.report_rows(day, day, false).unwrap(),
        false,
    )
}

/// The panel's figures are the report's totals for the same day.
fn assert_panel_agrees(path: &Path, day: &str) {
    let panel = panel_figures(path, day);
    let report = report_of_day(path, day);
    assert_consistent(&report);
    let t = report.totals;
    assert_eq!(
        (
            panel.sessions,
            panel.learners,
            panel.new_learners,
            panel.answers,
            panel.assisted,
            panel.lessons_mastered,
            panel.needs_help
        ),
        (
            t.sessions,
            t.learners,
            t.new_learners,
            t.answers,
            t.assisted,
            t.lessons_mastered,
            t.needs_help
        ),
        "the panel's figures for {day} and the report's"
    );
}

#[test]
fn after_an_erasure_the_report_agrees_with_itself_and_with_the_panel() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    first_part(&mut store);
    second_part(&mut store);
    let tu = store.find_learners("Ông Tư", 1).unwrap()[0].code.clone();
    drop(store);
    for day in ["2026-11-20", "2026-11-21"] {
        assert_panel_agrees(&path, day);
    }
    let before = report_of(&path, "k", false);
    assert_consistent(&before);

    // Ông Tư is erased: he, his session and his call for help go; his three answers stay
    // in the step counts, without his name, and are still counted.
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.forget_learner(&tu).unwrap().unwrap().attempts, 3);
    drop(store);
    let after = report_of(&path, "k", false);
    assert_consistent(&after);
    assert_eq!(after.totals.learners, before.totals.learners - 1);
    assert_eq!(after.totals.sessions, before.totals.sessions - 1);
    assert_eq!(after.totals.needs_help, before.totals.needs_help - 1);
    assert_eq!(after.totals.answers, before.totals.answers);
    assert_eq!(after.totals.assisted, before.totals.assisted);
    assert_eq!(after.totals.lessons_started, before.totals.lessons_started);
    for day in ["2026-11-20", "2026-11-21"] {
        assert_panel_agrees(&path, day);
    }
    let panel = panel_figures(&path, "2026-11-20");
    assert_eq!((panel.learners, panel.sessions, panel.answers), (1, 1, 6));

    // The report says how erased learners are counted.
    let config = dir.path().join("hocso.toml");
    std::fs::write(&config, "language = \"vi\"\n").unwrap();
    let md = cli_report(
        dir.path(),
        &config,
        &["--from", "2026-11-20", "--to", "2026-11-21"],
    );
    assert!(
        md.contains("Người học đã bị xóa (bằng lệnh `hocso learners forget`) không còn được tính")
            && md.contains(
                "Câu trả lời, bài học và từng bước của họ thì vẫn được đếm, không kèm tên."
            ),
        "{md}"
    );
}

#[test]
fn a_day_is_a_day_in_vietnam() {
    // 23:30 in Hà Nội on the 21st is 16:30 UTC on the 21st; 00:10 on the 22nd is 17:10
    // UTC on the 21st, and belongs to the 22nd.
    assert_eq!(date::format(day_of(at("2026-11-21", 23, 30))), "2026-11-21");
    assert_eq!(date::format(day_of(at("2026-11-22", 0, 10))), "2026-11-22");
    assert_eq!(at("2026-11-22", 0, 10) % 86_400, 17 * 3_600 + 10 * 60);
}

#[test]
fn the_report_of_two_kiosks_merged_is_the_report_of_their_data_together() {
    let dir = tempfile::tempdir().unwrap();
    let (x, y, both) = (
        dir.path().join("x.db"),
        dir.path().join("y.db"),
        dir.path().join("both.db"),
    );
    first_part(&mut SqliteStore::open(&x).unwrap());
    second_part(&mut SqliteStore::open(&y).unwrap());
    let mut together = SqliteStore::open(&both).unwrap();
    first_part(&mut together);
    second_part(&mut together);
    drop(together);

    let merged =
        Report::merge(&[report_of(&x, "x", true), report_of(&y, "y", true)], true).unwrap();
    let mut whole = report_of(&both, "x", true);
    assert_eq!(merged.kiosks, vec!["x", "y"]);
    assert_eq!(merged.wards, vec!["Phường Cửa Nam"]);
    whole.kiosks = merged.kiosks.clone();
    // Names carry their kiosk; in the data together they all carry one.
    let names = |r: &Report| {
        let mut n: Vec<(String, u64, u64)> = r
            .names
            .iter()
            .flatten()
            .map(|n| (n.name.clone(), n.sessions, n.lessons_mastered))
            .collect();
        n.sort();
        n
    };
    assert_eq!(names(&merged), names(&whole));
    assert_eq!(names(&merged).len(), 3);
    let (mut merged, mut whole) = (merged, whole);
    merged.names = None;
    whole.names = None;
    assert_eq!(merged, whole);

    // The same kiosk twice would count its learners twice.
    let twice = Report::merge(
        &[report_of(&x, "x", false), report_of(&x, "x", false)],
        false,
    );
    assert!(twice.unwrap_err().to_string().contains("“x”"));

    // Names are left out unless asked for, even when a report carries them.
    let anonymous = Report::merge(&[report_of(&x, "x", true), report_of(&y, "y", true)], false);
    assert_eq!(anonymous.unwrap().names, None);

    // Figures of different periods do not add up to either.
    let mut october = report_of(&y, "y", false);
    october.from = "2026-10-01".into();
    let refused = Report::merge(&[report_of(&x, "x", false), october], false).unwrap_err();
    assert!(refused.to_string().contains("2026-10-01"), "{refused}");
}

fn cli_report(data: &Path, config: &Path, args: &[&str]) -> String {
    let mut all = vec![
        "--data",
        data.to_str().unwrap(),
        "--config",
        config.to_str().unwrap(),
        "report",
    ];
    all.extend_from_slice(args);
    let out = hocso(&all);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_command_writes_json_csv_and_markdown_and_merges_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (name, fill) in [
        ("x", first_part as fn(&mut SqliteStore)),
        ("y", second_part),
    ] {
        std::fs::create_dir_all(root.join(name)).unwrap();
        fill(&mut SqliteStore::open(&root.join(name).join("hocso.db")).unwrap());
        std::fs::write(
            root.join(format!("{name}.toml")),
            format!("kiosk_name = \"Máy {name}\"\nward = \"Phường Cửa Nam\"\nlanguage = \"vi\"\n"),
        )
        .unwrap();
    }
    let period = ["--from", "2026-11-20", "--to", "2026-11-21"];
    let json = |name: &str| {
        let mut args = period.to_vec();
        args.extend(["--format", "json"]);
        let text = cli_report(&root.join(name), &root.join(format!("{name}.toml")), &args);
        std::fs::write(root.join(format!("{name}.json")), &text).unwrap();
        Report::from_json(&text).unwrap()
    };
    let (x, y) = (json("x"), json("y"));
    assert_eq!(
        x,
        report_of(&root.join("x").join("hocso.db"), "Máy x", false)
    );
    assert_eq!(y.totals.returning_learners, 1);

    let merged = hocso(&[
        "report",
        "merge",
        root.join("x.json").to_str().unwrap(),
        root.join("y.json").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    let merged = Report::from_json(std::str::from_utf8(&merged.stdout).unwrap()).unwrap();
    assert_eq!(merged, Report::merge(&[x, y], false).unwrap());
    assert_eq!(merged.totals.learners, 3);

    let md = cli_report(&root.join("x"), &root.join("x.toml"), &period);
    assert!(md.contains("# Báo cáo Học số"), "{md}");
    assert!(md.contains("Phường, xã: Phường Cửa Nam"), "{md}");
    assert!(
        md.contains("| 20/11/2026 | 2 | 2 | 2 | 0 | 2 | 1 | 0 | 0 | 1 | 6 | 1 |"),
        "{md}"
    );
    assert!(
        !md.contains("Bà Hạnh") && !md.contains("Ông Tư"),
        "names without --with-names:\n{md}"
    );
    let mut named = period.to_vec();
    named.push("--with-names");
    let md = cli_report(&root.join("x"), &root.join("x.toml"), &named);
    assert!(md.contains("Bà Hạnh") && md.contains("Ông Tư"), "{md}");

    let mut csv = period.to_vec();
    csv.extend(["--format", "csv"]);
    let csv = cli_report(&root.join("x"), &root.join("x.toml"), &csv);
    // A byte-order mark first, by which spreadsheets know the text is UTF-8; the
    // headers in the kiosk's language, the values the same in every language.
    assert!(
        csv.starts_with("\u{feff}bảng,ngày,độ tuổi,bài học,bước,người học,chỉ số,giá trị\n"),
        "{csv}"
    );
    assert!(csv.contains("report,,,,,,kiosks,Máy x\n"), "{csv}");
    assert!(csv.contains("report,,,,,,from,2026-11-20\n"), "{csv}");
    assert!(csv.contains("day,2026-11-20,,,,,answers,6\n"), "{csv}");
    assert!(
        csv.contains("step,,,vneid-cai-dat,s1,,first_right,1\n"),
        "{csv}"
    );
}

#[test]
fn bad_dates_and_bad_files_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    let data = dir.path().to_str().unwrap();
    let out = hocso(&[
        "--lang",
        "en",
        "--data",
        data,
        "report",
        "--from",
        "20/11/2026",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
    let out = hocso(&[
        "--lang",
        "en",
        "--data",
        data,
        "report",
        "--from",
        "2026-11-22",
        "--to",
        "2026-11-21",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("after --to"));

    let not_a_report = dir.path().join("x.json");
    std::fs::write(&not_a_report, "{\"format\": \"something else\"}").unwrap();
    let out = hocso(&["report", "merge", not_a_report.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("x.json"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_spreadsheet_never_runs_a_learners_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let now = at("2026-11-20", 9, 0);
    let code = store
        .create_learner("=HYPERLINK(\"x\")", None, now)
        .unwrap()
        .code;
    store.start_session(&code, "k", now).unwrap();
    drop(store);
    let csv = hocso::report::to_csv(
        &report_of(&path, "k", true),
        &hocso::i18n::Localizer::embedded(),
        hocso::i18n::Lang::En,
    )
    .unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
}

#[test]
fn a_kiosk_upgraded_from_schema_4_reports_what_it_recorded_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    first_part(&mut store);
    second_part(&mut store);
    drop(store);
    let counted_as_they_came = report_of(&path, "k", true);

    // The same history as schema 4 kept it: without the counts the report reads.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER attempts_counted;
         DROP TRIGGER lesson_events_counted;
         DROP TRIGGER lesson_starts_counted;
         DROP TABLE step_days;
         DROP TABLE lesson_starts;
         DROP TABLE lesson_days;
         DROP INDEX sessions_by_time;
         CREATE INDEX sessions_by_time ON sessions (started_at);
         DROP INDEX lesson_events_by_time;
         CREATE INDEX lesson_events_by_time ON lesson_events (at);
         DROP TABLE saved_writes;
         PRAGMA user_version = 4;",
    )
    .unwrap();
    drop(conn);
    assert_eq!(report_of(&path, "k", true), counted_as_they_came);
    assert_eq!(counted_as_they_came.totals.answers, 8);
}

#[test]
fn going_through_a_mastered_lesson_again_is_not_mastering_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut store = SqliteStore::open(&path).unwrap();
    let d1 = "2026-11-20";
    let a = store
        .create_learner("Bà Hạnh", None, at(d1, 9, 0))
        .unwrap()
        .code;
    store.start_session(&a, "k", at(d1, 9, 0)).unwrap();
    for minute in [10, 20] {
        store
            .record_lesson_end(&a, L1, LessonEnd::Mastered, &[1, 3, 7], at(d1, 9, minute))
            .unwrap();
    }
    drop(store);
    let report = report_of(&path, "k", true);
    assert_eq!(report.totals.lessons_mastered, 1);
    assert_eq!(report.lessons[0].mastered, 1);
    assert_eq!(report.names.unwrap()[0].lessons_mastered, 1);
}

/// The cells of a Markdown table row: split at the `|` that are not escaped.
fn cells(line: &str) -> usize {
    let mut count = 0_usize;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count.saturating_sub(1)
}

#[test]
fn a_markdown_report_shows_hostile_names_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "![](http://evil.example/t.png)",
        "[bấm vào đây](http://evil.example)",
        "**Bà** _Hạnh_ `x` | y ~~z~~",
        "# Tiêu đề",
        "1. Ông Tư",
        "- Bà Ba",
        "a & b \\ c",
    ];
    let mut store = SqliteStore::open(&data.join("hocso.db")).unwrap();
    let now = at("2026-11-20", 9, 0);
    for name in hostile {
        let code = store.create_learner(name, None, now).unwrap().code;
        let session = store.start_session(&code, "k", now).unwrap();
        answer(
            &mut store,
            &code,
            "cham-va-chon",
            "<b>s1</b>",
            RIGHT_FIRST,
            now + 60,
        );
        store.end_session(session, now + 120).unwrap();
    }
    drop(store);
    // A lesson whose title is hostile too, and a kiosk and ward named by the configuration.
    let lessons = dir.path().join("lessons");
    std::fs::create_dir_all(&lessons).unwrap();
    let lesson = std::fs::read_to_string(support::fixture("e2e/lessons/cham-va-chon.toml"))
        .unwrap()
        .replace(
            "title = { vi = \"Chạm và chọn\"",
            "title = { vi = \"<img src=x onerror=alert(2)> ![](http://evil.example/l.png)\"",
        );
    std::fs::write(lessons.join("cham-va-chon.toml"), lesson).unwrap();
    let config = dir.path().join("hocso.toml");
    std::fs::write(
        &config,
        format!(
            "kiosk_name = \"<script>k()</script>\"\nward = \"![](http://evil.example/w.png)\"\nlanguage = \"vi\"\nlessons = \"{}\"\n",
            lessons.display()
        ),
    )
    .unwrap();
    let md = cli_report(
        &data,
        &config,
        &["--from", "2026-11-20", "--to", "2026-11-20", "--with-names"],
    );
    assert!(md.contains("&lt;script&gt;"), "{md}");
    for live in [
        "<script",
        "<img",
        "<b>",
        "](http",
        "![",
        "**Bà**",
        "\n# Tiêu",
        "\n1. Ông",
    ] {
        assert!(!md.contains(live), "`{live}` is live in:\n{md}");
    }
    // Every row of every table keeps its columns: no name adds a cell.
    let mut width = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            width = None;
            continue;
        }
        let n = cells(line);
        assert_eq!(*width.get_or_insert(n), n, "a row with other cells: {line}");
    }
    // The names are still there, as text a reader sees as typed.
    assert!(
        md.contains("&lt;img src=x onerror=alert\\(1\\)&gt;"),
        "{md}"
    );
    assert!(
        md.contains("\\!\\[\\]\\(http://evil.example/t.png\\)"),
        "{md}"
    );
}

#[test]
fn a_markdown_report_names_lessons_and_steps_as_learners_see_them_and_data_keeps_ids() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    let mut store = SqliteStore::open(&data.join("hocso.db")).unwrap();
    let now = at("2026-11-20", 9, 0);
    let code = store.create_learner("Bà Hạnh", None, now).unwrap().code;
    let session = store.start_session(&code, "k", now).unwrap();
    for (step, how) in [
        ("tin-nhan-la", WRONG_FIRST),
        ("mo-ch-play", RIGHT_FIRST),
        ("buoc-cu", RIGHT_FIRST),
    ] {
        answer(&mut store, &code, L1, step, how, now + 60);
    }
    store.end_session(session, now + 120).unwrap();
    drop(store);
    let lessons = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons");
    let config = dir.path().join("hocso.toml");
    std::fs::write(
        &config,
        format!(
            "kiosk_name = \"Máy 1\"\nlanguage = \"vi\"\nlessons = \"{}\"\n",
            lessons.display()
        ),
    )
    .unwrap();
    let catalogue = Catalogue::load_dir(&lessons, &CheckOptions::default());
    let lesson = catalogue.lesson(L1).unwrap();
    let named = |id: &str| {
        let n = lesson.steps.iter().position(|s| s.id == id).unwrap();
        format!(
            "{}. {}",
            n + 1,
            hocso::i18n::Localizer::embedded().step_name(&lesson.steps[n], hocso::i18n::Lang::Vi)
        )
    };
    let title = lesson.title.get("vi");
    let period = ["--from", "2026-11-20", "--to", "2026-11-20"];

    let md = cli_report(&data, &config, &period);
    let steps = md.split("\n## ").find(|s| s.contains("| Bước |")).unwrap();
    for id in ["tin-nhan-la", "mo-ch-play"] {
        let row = format!("| {title} | {} |", named(id));
        assert!(steps.contains(&row), "{row} in\n{steps}");
        assert!(!steps.contains(id), "the id {id} in\n{steps}");
    }
    assert!(named("tin-nhan-la").contains("Tự mở VNeID"), "its own name");
    // A step the lesson no longer has keeps its id: there is no other name for it.
    assert!(steps.contains(&format!("| {title} | buoc-cu |")), "{steps}");

    let mut csv = period.to_vec();
    csv.extend(["--format", "csv"]);
    let csv = cli_report(&data, &config, &csv);
    assert!(
        csv.contains("step,,,vneid-cai-dat,tin-nhan-la,,first_right,0\n"),
        "{csv}"
    );
    let mut json = period.to_vec();
    json.extend(["--format", "json"]);
    let report = Report::from_json(&cli_report(&data, &config, &json)).unwrap();
    assert!(
        report
            .steps
            .iter()
            .any(|s| s.lesson == L1 && s.step == "tin-nhan-la"),
        "{report:?}"
    );
}
