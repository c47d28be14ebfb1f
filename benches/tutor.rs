//! The tutor's speed: start-up to the first frame with the bundled lessons (target: under
//! 30 ms), and one key press on a step screen at 80×24, update and draw (target: under
//! 1 ms).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use hocso::app::{Key, Model, Msg, Screen, Size, update};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions};
use hocso::store::Learner;
use hocso::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn lessons_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/lessons"))
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

/// A key press on a tap step (focus moves), through `update` and a full redraw.
fn key_press(c: &mut Criterion) {
    let catalogue = Catalogue::load_dir(lessons_dir(), &CheckOptions::default());
    let i18n = Localizer::embedded();
    let mut model = Model::new(catalogue.lessons, Lang::Vi, Size::new(80, 24));
    model.learner = Some(Learner {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    });
    model.screen = Screen::Menu { focus: 0 };
    let _ = update(&mut model, Msg::Key(Key::Enter));
    // On to the first practice step.
    while model.run().is_some_and(|(_, s, _)| !s.is_practice()) {
        let _ = update(&mut model, Msg::Key(Key::Enter));
    }
    assert!(
        model.run().is_some_and(|(_, s, _)| s.is_practice()),
        "on a practice step"
    );
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a test terminal");
    c.bench_function("key_press_update_and_draw_80x24", |b| {
        b.iter(|| {
            let effects = update(&mut model, Msg::Key(Key::Tab));
            terminal
                .draw(|f| drop(ui::draw(f, &model, &i18n)))
                .expect("drawn");
            effects
        })
    });
}

criterion_group!(benches, first_frame, key_press);
criterion_main!(benches);
