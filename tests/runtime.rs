//! The runtime carrying out effects against a real database: every answer is on disk
//! before the screen moves on; writes that must wait (a busy database) wait in order,
//! the volunteer is told, and nothing is lost.

mod support;

use std::time::Duration;

use hocso::app::{Key, Model, Msg, Notice, Size, Target};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions};
use hocso::store::SqliteStore;
use hocso::tui::Tutor;
use rusqlite::{Connection, TransactionBehavior};
use support::e2e::to_the_tap_step;
use support::fixture;

fn tutor(path: &std::path::Path) -> Tutor<SqliteStore> {
    let catalogue = Catalogue::load_dir(&fixture("e2e/lessons"), &CheckOptions::default());
    let mut store = SqliteStore::open(path).unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let model = Model::new(catalogue.lessons, Lang::Vi, Size::new(80, 24));
    Tutor::new(model, Localizer::embedded(), store)
}

fn attempts(path: &std::path::Path) -> Vec<(String, bool)> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT step, right FROM attempts ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn an_answer_is_on_disk_when_the_screen_moves_on() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut t = tutor(&path);
    to_the_tap_step(&mut t);
    let code = t.model.learner.clone().unwrap().code;
    t.dispatch(Msg::Click(Target::Phone(0))); // YouTube: wrong
    t.dispatch(Msg::Click(Target::Phone(1))); // Zalo: right
    // Another connection (another process) sees both, committed.
    assert_eq!(
        attempts(&path),
        [
            ("cham-zalo".to_owned(), false),
            ("cham-zalo".to_owned(), true)
        ]
    );
    // And where the learner is, to resume there.
    let place: String = Connection::open(&path)
        .unwrap()
        .query_row("SELECT step FROM places WHERE learner = ?1", [&code], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(place, "cham-zalo");
    let sessions: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sessions WHERE learner = ?1 AND ended_at IS NULL",
            [&code],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(sessions, 1, "a session is open while the learner is here");
    t.dispatch(Msg::Key(Key::Quit));
    let ended: i64 = Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(ended, 1, "quitting ends the session");
}

#[test]
fn writes_wait_while_the_database_is_busy_and_are_saved_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hocso.db");
    let mut t = tutor(&path);
    to_the_tap_step(&mut t);

    let mut report = Connection::open(&path).unwrap();
    let lock = report
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .unwrap();
    t.dispatch(Msg::Click(Target::Phone(0)));
    t.dispatch(Msg::Click(Target::Phone(1)));
    assert!(t.waiting() >= 2, "both answers wait");
    assert!(
        t.model.notices.contains(&Notice::SavingDelayed),
        "the volunteer is told"
    );
    // The learner is not held up.
    assert!(t.model.run().unwrap().2.state.solved);
    t.retry();
    assert!(t.waiting() >= 2, "still busy");
    lock.commit().unwrap();

    t.retry();
    assert_eq!(t.waiting(), 0);
    assert!(t.model.notices.is_empty());
    assert_eq!(
        attempts(&path),
        [
            ("cham-zalo".to_owned(), false),
            ("cham-zalo".to_owned(), true)
        ],
        "in order"
    );
}

#[test]
fn the_arrow_keys_move_a_view_that_has_nothing_to_focus() {
    use hocso::app::Settings;
    use hocso::tui::Tutor;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent};
    let lesson = Catalogue::load_dir(&support::root().join("lessons"), &CheckOptions::default())
        .lessons
        .into_iter()
        .find(|l| l.id == "lua-dao-qr-gia")
        .unwrap();
    let (model, _) = Model::preview(
        lesson,
        Some("ve-nha"),
        String::new(),
        Size::new(40, 12),
        Settings::default(),
    );
    let dir = tempfile::tempdir().unwrap();
    let store = SqliteStore::open(&dir.path().join("hocso.db")).unwrap();
    let mut t = Tutor::new(model, Localizer::embedded(), store);
    let key = |code| Event::Key(KeyEvent::from(code));
    // The closing step's text is longer than a 40×12 screen: ▼ is drawn, and ↓ does what
    // it does; with nothing above, ↑ stays a key.
    let (screen, hits) = support::screen::render(&t.model, 40, 12);
    t.hits = hits;
    let down = Target::Scroll {
        down: true,
        picture: false,
    };
    assert!(t.hits.find(down).is_some(), "no ▼ on\n{screen}");
    assert_eq!(t.translate(key(KeyCode::Down)), Some(Msg::Click(down)));
    assert_eq!(t.translate(key(KeyCode::Up)), Some(Msg::Key(Key::Up)));
    // Each ↓ shows a line not shown before, until the end; then ↓ is a key again.
    let up = Target::Scroll {
        down: false,
        picture: false,
    };
    let mut seen: Vec<String> = screen
        .lines()
        .map(|l| l.replace(['▲', '▼'], "").trim().to_owned())
        .collect();
    let mut steps = 0;
    let mut before = screen.clone();
    let mut stale = 0;
    while t.translate(key(KeyCode::Down)) == Some(Msg::Click(down)) {
        t.dispatch(Msg::Click(down));
        let (moved, hits) = support::screen::render(&t.model, 40, 12);
        let new: Vec<String> = moved
            .lines()
            .map(|l| l.replace(['▲', '▼'], "").trim().to_owned())
            .filter(|l| !l.is_empty() && !seen.contains(l))
            .collect();
        // A new line, or (between the step's buttons) a new blank row; at most once, a
        // ▼ that leaves its own row for a blank one looks the same.
        stale = if new.is_empty() && moved == before {
            stale + 1
        } else {
            0
        };
        assert!(stale <= 1, "↓ {steps} showed nothing new:\n{moved}");
        before = moved.clone();
        seen.extend(new);
        assert!(hits.find(up).is_some());
        t.hits = hits;
        steps += 1;
        assert!(steps < 20, "never reached the end");
    }
    assert!(steps >= 1);
    assert_eq!(t.translate(key(KeyCode::Down)), Some(Msg::Key(Key::Down)));
    assert_eq!(t.translate(key(KeyCode::Up)), Some(Msg::Click(up)));
}

/// A narrator that remembers what it was asked to do.
#[derive(Clone, Default)]
struct Heard(std::sync::Arc<std::sync::Mutex<Vec<String>>>);

impl hocso::audio::Narrator for Heard {
    fn play_all(&mut self, files: &[std::path::PathBuf]) {
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            self.0.lock().unwrap().push(format!("play {name}"));
        }
    }
    fn stop(&mut self) {
        self.0.lock().unwrap().push("stop".into());
    }
    fn set_volume(&mut self, _volume: f32) {}
    fn preload(&mut self, _file: &std::path::Path) {}
    fn events(&mut self) -> Vec<hocso::audio::AudioEvent> {
        Vec::new()
    }
}

#[test]
fn the_help_says_aloud_what_to_do_on_this_screen_and_stops_when_closed() {
    let dir = tempfile::tempdir().unwrap();
    let ui = dir.path().join("assets/audio/ui");
    std::fs::create_dir_all(&ui).unwrap();
    std::fs::write(ui.join("help-on-tap.ogg"), b"a recording").unwrap();
    let mut t = tutor(&dir.path().join("hocso.db"));
    t.content_root = dir.path().to_owned();
    let heard = Heard::default();
    t.narrator = Box::new(heard.clone());
    t.model.settings.narration = true;
    to_the_tap_step(&mut t);
    heard.0.lock().unwrap().clear();

    t.dispatch(Msg::Click(Target::Bar(hocso::app::BarKey::Help)));
    assert!(t.model.help_open);
    assert_eq!(*heard.0.lock().unwrap(), ["play help-on-tap.ogg"]);
    t.dispatch(Msg::Key(Key::Enter));
    assert!(!t.model.help_open);
    assert_eq!(heard.0.lock().unwrap().last().unwrap(), "stop");

    // With narration off for her, the help is only read.
    heard.0.lock().unwrap().clear();
    t.dispatch(Msg::Key(Key::F(3)));
    t.dispatch(Msg::Key(Key::F(3)));
    assert!(!t.model.sound.on, "{:?}", t.model.sound);
    heard.0.lock().unwrap().clear();
    t.dispatch(Msg::Key(Key::F(1)));
    assert!(t.model.help_open);
    assert!(
        heard
            .0
            .lock()
            .unwrap()
            .iter()
            .all(|h| !h.starts_with("play"))
    );
}

#[test]
fn what_is_said_plays_in_the_screens_order_and_a_missing_recording_is_skipped() {
    use hocso::app::{Effect, Narration, Speech};
    use hocso::audio::Clip;
    let dir = tempfile::tempdir().unwrap();
    let audio = dir.path().join("assets/audio");
    std::fs::create_dir_all(audio.join("ui")).unwrap();
    std::fs::create_dir_all(audio.join("cham-va-chon")).unwrap();
    for file in [
        "ui/feedback-hint.ogg",
        "ui/feedback-right.ogg",
        "ui/help-on-tap.ogg",
        "ui/help-close.ogg",
        "cham-va-chon/cham-zalo.hint.ogg",
    ] {
        std::fs::write(audio.join(file), b"a recording").unwrap();
    }
    let mut t = tutor(&dir.path().join("hocso.db"));
    t.content_root = dir.path().to_owned();
    let heard = Heard::default();
    t.narrator = Box::new(heard.clone());
    t.model.settings.narration = true;
    to_the_tap_step(&mut t);
    heard.0.lock().unwrap().clear();

    let words = |id| Speech::Words { id, locale: "vi" };
    let hint = Speech::Lesson(Narration {
        lesson: "cham-va-chon".into(),
        step: "cham-zalo".into(),
        clip: Clip::Hint,
        locale: "vi",
        file: None,
    });
    t.perform_all(vec![Effect::Say(vec![
        words("feedback-hint"),
        hint,
        // No recording of these words yet: skipped, the next one follows.
        words("step-volunteer-moment"),
        words("feedback-right"),
    ])]);
    assert_eq!(
        *heard.0.lock().unwrap(),
        [
            "play feedback-hint.ogg",
            "play cham-zalo.hint.ogg",
            "play feedback-right.ogg"
        ]
    );

    // The help on a step: what to do here, (no recording of "ask the volunteer"), how to
    // close it, one after another.
    heard.0.lock().unwrap().clear();
    t.dispatch(Msg::Key(Key::F(1)));
    assert_eq!(
        *heard.0.lock().unwrap(),
        ["play help-on-tap.ogg", "play help-close.ogg"]
    );

    // Nothing recorded of what is said: what played stops.
    heard.0.lock().unwrap().clear();
    t.perform_all(vec![Effect::Say(vec![words("idle-title")])]);
    assert_eq!(*heard.0.lock().unwrap(), ["stop"]);
}
