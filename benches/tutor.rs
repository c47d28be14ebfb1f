//! The tutor's speed: start-up to the first frame with the bundled lessons; one key press
//! (update, then a redraw through ratatui's diff) on every screen kind at 80×24; and a key
//! press on the lesson menu as the catalogue grows.

#[path = "../tests/support/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hocso::app::{
    Key, KeyboardLayer, Model, Msg, PanelData, Screen, Size, Target, right_answer, update,
};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions, Lesson};
use hocso::store::LearnerRow;
use hocso::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn lessons_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons"))
}

fn fixture_lessons() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tutor/lessons")
}

/// Everything start-up does before the terminal shows the welcome screen.
fn first_frame(c: &mut Criterion) {
    c.bench_function("start_to_first_frame_58x15", |b| {
        b.iter(|| {
            let catalogue = Catalogue::load_dir(lessons_dir(), &CheckOptions::default());
            let i18n = Localizer::embedded();
            let model = Model::new(catalogue.lessons, Lang::Vi, Size::new(58, 15));
            let mut terminal = Terminal::new(TestBackend::new(58, 15)).expect("a test terminal");
            terminal
                .draw(|f| drop(ui::draw(f, &model, &i18n)))
                .expect("drawn");
            terminal
        })
    });
}

/// A signed-in learner's model over `lessons`, at 80×24, on the lesson menu.
fn signed_in(lessons: Vec<Lesson>) -> Model {
    let mut model = generate::signed_in(lessons);
    model.screen = Screen::Menu { focus: 0 };
    model
}

/// The fixture lesson "tap-luyen" (every step kind), opened and answered up to step `id`.
fn at_step(id: &str) -> Model {
    let lessons = Catalogue::load_dir(&fixture_lessons(), &CheckOptions::default()).lessons;
    let mut model = signed_in(lessons);
    let lesson = model
        .lessons
        .iter()
        .position(|l| l.id == "tap-luyen")
        .expect("the fixture lesson");
    model.screen = Screen::Menu { focus: lesson };
    // As after a volunteer's arrow key: the focus shows, and Enter opens it.
    model.focus_shown = true;
    let _ = update(&mut model, Msg::Key(Key::Enter));
    while model.run().map(|(_, s, _)| s.id.as_str()) != Some(id) {
        let before = model.run().map(|(_, _, r)| r.step());
        for msg in right_answer(&model) {
            let _ = update(&mut model, msg);
        }
        let _ = update(&mut model, Msg::Key(Key::Enter));
        assert_ne!(
            before,
            model.run().map(|(_, _, r)| r.step()),
            "stuck before {id}"
        );
    }
    model
}

/// Every screen kind, with keys that change what it shows and keep it on screen
/// (pressed in turn, one per iteration).
fn screens() -> Vec<(&'static str, Model, Vec<Key>)> {
    let lessons = Catalogue::load_dir(lessons_dir(), &CheckOptions::default()).lessons;
    let mut welcome = signed_in(lessons.clone());
    welcome.learner = None;
    welcome.screen = Screen::Welcome;
    let mut who = welcome.clone();
    who.screen = Screen::Who { focus: 0 };
    let mut name = welcome.clone();
    name.screen = Screen::Name {
        name: "Bà Hạnh".into(),
        telex: true,
        keyboard: KeyboardLayer::Letters,
    };
    let mut code = welcome.clone();
    code.screen = Screen::Code {
        code: "48".into(),
        not_found: None,
    };
    let menu = signed_in(lessons);
    let mut summary = at_step("quet");
    let _ = update(&mut summary, Msg::Key(Key::Enter));
    let _ = update(&mut summary, Msg::Key(Key::Enter));
    assert!(
        matches!(summary.screen, Screen::Summary { .. }),
        "{:?}",
        summary.screen
    );
    // The volunteer panel, after the PIN, on its list of learners.
    let mut panel = welcome.clone();
    panel.pin_set = true;
    for msg in [
        Msg::Key(Key::Volunteer),
        Msg::Key(Key::Char('1')),
        Msg::Key(Key::Char('2')),
        Msg::Key(Key::Char('3')),
        Msg::Key(Key::Char('4')),
        Msg::Key(Key::Enter),
        Msg::PinChecked {
            right: true,
            now: 1_000_001,
        },
        Msg::Click(Target::Answer(0)),
        Msg::Panel(PanelData::Learners(
            (0..30)
                .map(|i| LearnerRow {
                    code: format!("{}", 4000 + i),
                    name: format!("Học viên {i}"),
                    age_band: None,
                    last_visit: Some(1_795_282_200),
                    mastered: i % 4,
                })
                .collect(),
        )),
    ] {
        let _ = update(&mut panel, msg);
    }
    assert!(
        matches!(panel.screen, Screen::Panel(_)),
        "{:?}",
        panel.screen
    );
    let typing = [Key::Char('1'), Key::Backspace].to_vec();
    vec![
        ("welcome", welcome, vec![Key::F(2)]),
        ("sign_in_who", who, vec![Key::Tab]),
        ("sign_in_name", name, vec![Key::Char('a'), Key::Backspace]),
        ("sign_in_code", code, typing.clone()),
        ("menu", menu, vec![Key::Down]),
        ("step_explain", at_step("gioi-thieu"), vec![Key::F(2)]),
        ("step_tap", at_step("cham-zalo"), vec![Key::Tab]),
        ("step_choice", at_step("otp"), vec![Key::Down]),
        ("step_order", at_step("thu-tu"), vec![Key::Down]),
        ("step_type", at_step("nhap-ma"), typing),
        ("step_scan", at_step("quet"), vec![Key::F(2)]),
        ("summary", summary, vec![Key::Down]),
        ("volunteer_panel", panel, vec![Key::Down]),
    ]
}

/// One key press on each screen kind at 80×24: `update`, then a full redraw (ratatui
/// draws into its buffer and diffs it with the last frame).
fn key_press_each_screen(c: &mut Criterion) {
    let i18n = Localizer::embedded();
    let mut group = c.benchmark_group("key_press_update_and_draw_80x24");
    for (name, mut model, keys) in screens() {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        terminal
            .draw(|f| drop(ui::draw(f, &model, &i18n)))
            .expect("drawn");
        let screen = std::mem::discriminant(&model.screen);
        let mut turn = 0;
        group.bench_function(name, |b| {
            b.iter(|| {
                let effects = update(&mut model, Msg::Key(keys[turn % keys.len()]));
                turn += 1;
                terminal
                    .draw(|f| drop(ui::draw(f, &model, &i18n)))
                    .expect("drawn");
                effects
            })
        });
        assert_eq!(
            screen,
            std::mem::discriminant(&model.screen),
            "{name}: the keys left the screen"
        );
    }
    group.finish();
}

/// A key press on the lesson menu (the focus moves down) as the catalogue grows.
fn menu_key_press_growth(c: &mut Criterion) {
    let i18n = Localizer::embedded();
    let mut group = c.benchmark_group("menu_key_press_80x24_by_lessons");
    group.sample_size(20);
    for count in [100, 1_000, 10_000] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for (id, text) in generate::lessons(count) {
            std::fs::write(dir.path().join(format!("{id}.toml")), text).expect("written");
        }
        let lessons = Catalogue::load_dir(dir.path(), &CheckOptions::default()).lessons;
        assert_eq!(lessons.len(), count);
        let mut model = signed_in(lessons);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |b, _| {
            b.iter(|| {
                let effects = update(&mut model, Msg::Key(Key::Down));
                terminal
                    .draw(|f| drop(ui::draw(f, &model, &i18n)))
                    .expect("drawn");
                effects
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    first_frame,
    key_press_each_screen,
    menu_key_press_growth
);
criterion_main!(benches);
