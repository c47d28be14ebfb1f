//! The command line speaks the kiosk's language: `language` in hocso.toml, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), with `--lang` over both. Errors included.

mod support;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use hocso::store::{Attempt, SqliteStore, Store};

/// `hocso args` with the locale `locale` (nothing else of the caller's locale leaks in),
/// `input` on its standard input.
fn hocso_with(locale: &str, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(args)
        .current_dir(support::root())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", locale)
        // No configuration of the person running the tests.
        .env("XDG_CONFIG_HOME", "/nonexistent/hocso-tests")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hocso runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().expect("hocso runs")
}

/// Everything a command said, standard output then standard error.
fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A kiosk with a configuration saying `config`, a learner with answers, and its paths.
struct Kiosk {
    dir: tempfile::TempDir,
    code: String,
}

impl Kiosk {
    fn new(config: &str) -> Kiosk {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("hocso.toml");
        std::fs::write(&file, config).unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        let mut store = SqliteStore::open(&data.join("hocso.db")).unwrap();
        let code = store.create_learner("Bà Hạnh", None, 1).unwrap().code;
        for _ in 0..2 {
            let a = Attempt {
                learner: code.clone(),
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
        Kiosk { dir, code }
    }

    fn path(&self, rel: &str) -> String {
        self.dir.path().join(rel).to_str().unwrap().to_owned()
    }

    /// `hocso --config … --data … args`.
    fn run(&self, locale: &str, args: &[&str], input: &str) -> Output {
        let (config, data) = (self.path("hocso.toml"), self.path("data"));
        let mut all = vec!["--config", &config, "--data", &data];
        all.extend_from_slice(args);
        hocso_with(locale, &all, input)
    }
}

/// What the volunteer commands say, and their errors, on a kiosk whose configuration
/// says `language = "vi"`, whatever the locale.
#[test]
fn a_kiosk_set_to_vietnamese_speaks_vietnamese_to_its_volunteers() {
    let kiosk = Kiosk::new("language = \"vi\"\n");
    let code = kiosk.code.clone();
    let c = "C.UTF-8";

    // learners forget: asked, not confirmed; an unknown code; erased.
    let out = kiosk.run(c, &["learners", "forget", &code], "");
    assert_eq!(out.status.code(), Some(1));
    let text = said(&out);
    assert!(
        text.contains(&format!("Xóa hẳn người học {code} (Bà Hạnh)"))
            && text.contains("Gõ lại mã số để xác nhận")
            && text.contains("hocso: Chưa xóa gì."),
        "{text}"
    );
    let out = kiosk.run(c, &["learners", "forget", "0000", "--yes"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said(&out).contains("hocso: Không có người học nào có mã số 0000."),
        "{}",
        said(&out)
    );
    let out = kiosk.run(c, &["learners", "forget", &code], &format!("{code}\n"));
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let text = said(&out);
    assert!(
        text.contains(&format!("Đã xóa người học {code} (Bà Hạnh)"))
            && text.contains("(2 câu trả lời)")
            && text.contains("không kèm tên"),
        "{text}"
    );

    // volunteer set-pin: a wrong PIN, then a good one.
    let out = kiosk.run(c, &["volunteer", "set-pin"], "12\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("hocso: Mã PIN gồm từ 4 đến 8 chữ số."),
        "{}",
        said(&out)
    );
    let out = kiosk.run(c, &["volunteer", "set-pin"], "482193\n");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(
        said(&out).contains("Đã đặt mã PIN tình nguyện viên"),
        "{}",
        said(&out)
    );

    // report: a bad date, a period backwards, a file that is not a report, the CSV's
    // headers (its values stay as they are in every language).
    let out = kiosk.run(c, &["report", "--from", "20/11/2026"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("hocso: --from 20/11/2026 không phải là ngày")
            && said(&out).contains("YYYY-MM-DD"),
        "{}",
        said(&out)
    );
    let out = kiosk.run(
        c,
        &["report", "--from", "2026-11-22", "--to", "2026-11-21"],
        "",
    );
    assert!(
        said(&out).contains("ở sau ngày --to 2026-11-21: không có gì để báo cáo"),
        "{}",
        said(&out)
    );
    let not_a_report = kiosk.path("x.json");
    std::fs::write(&not_a_report, "{\"format\": \"something else\"}").unwrap();
    let out = kiosk.run(c, &["report", "merge", &not_a_report], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains(&format!("{not_a_report} không phải là báo cáo của hocso: ")),
        "{}",
        said(&out)
    );
    let out = kiosk.run(c, &["report", "--format", "csv"], "");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}bảng,ngày,độ tuổi,bài học,bước,người học,chỉ số,giá trị\n")
            && csv.contains(",answers,2\n"),
        "{csv}"
    );

    // card: an unknown lesson; a card written.
    let out = kiosk.run(c, &["card", "khong-co"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        said(&out).contains("hocso: Không có bài học “khong-co”"),
        "{}",
        said(&out)
    );
    let card = kiosk.path("the.html");
    let out = kiosk.run(c, &["card", "vneid-cai-dat", "--out", &card], "");
    assert!(
        said(&out).contains(&format!("Đã ghi {card}.")),
        "{}",
        said(&out)
    );

    // config show: where each value came from.
    let out = kiosk.run(c, &["config", "show"], "");
    let text = said(&out);
    assert!(
        text.lines()
            .any(|l| l.starts_with("voice = ") && l.ends_with("# mặc định")),
        "{text}"
    );
}

/// A store that cannot be opened is said in the volunteer's words too.
#[test]
fn errors_from_the_store_and_the_system_are_in_the_kiosks_language() {
    let kiosk = Kiosk::new("language = \"vi\"\n");
    // A learner command where nothing is saved yet.
    let (config, empty) = (kiosk.path("hocso.toml"), kiosk.path("nowhere"));
    let out = hocso_with(
        "C",
        &[
            "--config", &config, "--data", &empty, "learners", "forget", "1234",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("hocso: Máy này chưa lưu tiến độ học nào"),
        "{}",
        said(&out)
    );
    // A report written where it cannot be (a folder that is not there).
    let card = kiosk.path("no/such/folder/card.html");
    let out = kiosk.run("C", &["card", "vneid-cai-dat", "--out", &card], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains(&format!(
            "hocso: không ghi được {card}: không có tệp hay thư mục này"
        )),
        "{}",
        said(&out)
    );
    // A database from a newer hocso.
    let db = Path::new(&kiosk.path("data")).join("hocso.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 999).unwrap();
    drop(conn);
    let out = kiosk.run("C", &["learners", "forget", "1234", "--yes"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("do một bản hocso mới hơn tạo ra"),
        "{}",
        said(&out)
    );
}

/// `--lang en` wins over the configuration; English is plain and short.
#[test]
fn lang_en_speaks_english_on_a_vietnamese_kiosk() {
    let kiosk = Kiosk::new("language = \"vi\"\n");
    let code = kiosk.code.clone();
    let vi = "vi_VN.UTF-8";
    let out = kiosk.run(vi, &["--lang", "en", "learners", "forget", &code], "");
    let text = said(&out);
    assert!(
        text.contains("Type the code again") && text.contains("hocso: Nothing erased."),
        "{text}"
    );
    let out = kiosk.run(vi, &["--lang", "en", "volunteer", "set-pin"], "12\n");
    assert!(
        said(&out).contains("hocso: A PIN is 4 to 8 digits."),
        "{}",
        said(&out)
    );
    let out = kiosk.run(vi, &["--lang", "en", "report", "--from", "2026-13-01"], "");
    assert!(
        said(&out).contains("hocso: --from 2026-13-01 is not a date"),
        "{}",
        said(&out)
    );
    let out = kiosk.run(vi, &["--lang", "en", "report", "--format", "csv"], "");
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("\u{feff}table,date,band,lesson,step,learner,measure,value\n"),
        "{}",
        said(&out)
    );
}

/// Without a language in the configuration, the locale chooses: `vi…` is Vietnamese,
/// anything else English; `LC_ALL` before `LANG`.
#[test]
fn without_a_configured_language_the_locale_chooses() {
    let kiosk = Kiosk::new("ward = \"Phường Cửa Nam\"\n");
    let forget = ["learners", "forget", "0000", "--yes"];
    let out = kiosk.run("vi_VN.UTF-8", &forget, "");
    assert!(
        said(&out).contains("Không có người học nào có mã số 0000."),
        "{}",
        said(&out)
    );
    let out = kiosk.run("C.UTF-8", &forget, "");
    assert!(
        said(&out).contains("No learner has the code 0000."),
        "{}",
        said(&out)
    );
    let (config, data) = (kiosk.path("hocso.toml"), kiosk.path("data"));
    let out = Command::new(env!("CARGO_BIN_EXE_hocso"))
        .args(["--config", &config, "--data", &data])
        .args(forget)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "vi_VN.UTF-8")
        .output()
        .unwrap();
    assert!(
        said(&out).contains("Không có người học nào có mã số 0000."),
        "{}",
        said(&out)
    );
}

/// `hocso check`'s summary line follows the language; the problems keep their English
/// codes and words.
#[test]
fn checks_summary_follows_the_language() {
    let lesson = support::fixture("good/mau.toml");
    let lesson = lesson.to_str().unwrap();
    let out = hocso_with("vi_VN.UTF-8", &["check", lesson], "");
    let text = said(&out);
    assert!(
        text.contains("đã kiểm tra 1 tệp: 1 bài học dùng được, 0 lỗi,"),
        "{text}"
    );
    let out = hocso_with("vi_VN.UTF-8", &["--lang", "en", "check", lesson], "");
    let text = said(&out);
    assert!(
        text.contains("checked 1 file: 1 lesson ready, 0 errors,"),
        "{text}"
    );
}

/// `hocso voice` says what it did, and why it refuses, in the kiosk's language.
#[test]
fn voice_speaks_the_kiosks_language() {
    let kiosk = Kiosk::new("language = \"vi\"\n");
    let full = kiosk.path("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(Path::new(&full).join("x"), "x").unwrap();
    let out = kiosk.run("C", &["voice", "export", &full], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains(&format!(
            "hocso: {full} không trống: hãy xuất vào một thư mục mới hoặc trống"
        )),
        "{}",
        said(&out)
    );
    let missing = kiosk.path("no-such-package");
    let out = kiosk.run("C", &["voice", "import", &missing], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains(&format!(
            "hocso: không đọc được {missing}: không có tệp hay thư mục này"
        )),
        "{}",
        said(&out)
    );
    let fresh = kiosk.path("fresh");
    let out = kiosk.run("C", &["voice", "export", &fresh], "");
    assert_eq!(out.status.code(), Some(0), "{}", said(&out));
    assert!(
        said(&out).contains("đã xuất ") && said(&out).contains("bản ghi âm giọng người"),
        "{}",
        said(&out)
    );
}

/// `hocso config show` tells a Vietnamese kiosk's volunteer what is wrong in its file in
/// Vietnamese, at the same line and column.
#[test]
fn config_problems_are_told_in_the_kiosks_language() {
    let kiosk = Kiosk::new("language = \"vi\"\nidle_timout_seconds = 60\nkiosk = \"có\"\n");
    let out = kiosk.run("C", &["config", "show"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let file = kiosk.path("hocso.toml");
    for said in [
        format!("{file}:2:1"),
        "`idle_timout_seconds` không phải là một mục cài đặt của hocso.toml".to_owned(),
        "có phải định viết `idle_timeout_seconds`?".to_owned(),
        format!("{file}:3:9"),
        "`kiosk` phải là true hoặc false, không phải chữ: chừng nào chưa sửa, máy vẫn khóa"
            .to_owned(),
        format!("2 chỗ cần xem lại trong {file}"),
    ] {
        assert!(err.contains(&said), "{said} in\n{err}");
    }
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.lines().any(|l| l.starts_with("kiosk = true")
            && l.ends_with(&format!(
                "# {file}:3, không hiểu được: máy khóa cho đến khi sửa xong"
            ))),
        "{shown}"
    );
    // The same file, asked in English.
    let out = kiosk.run("C", &["--lang", "en", "config", "show"], "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`kiosk` must be true or false, not a string")
            && err.contains(&format!("2 problems in {file}")),
        "{err}"
    );
}

/// `hocso record` refuses a lesson it does not have in the kiosk's language.
#[test]
fn record_speaks_the_kiosks_language() {
    let kiosk = Kiosk::new("language = \"vi\"\n");
    let out = kiosk.run("C", &["record", "--lesson", "khong-co"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said(&out).contains("hocso: không có bài học nào có mã khong-co trong"),
        "{}",
        said(&out)
    );
}
