//! The monkey: random keys, touches anywhere, resizes from 1×1 to 300×100, language
//! switches and sound toggles, fed to the real runtime (`update`, its effects on an
//! in-memory store) and drawn into a test terminal after every event, over every bundled
//! lesson. After each event: nothing panicked, every focus points at something that
//! exists, nothing was drawn or made touchable outside the screen, and what the store
//! saved agrees with what the tutor believes.
//!
//! Seeded and reproducible. `cargo test` runs a short walk; the full one is
//! `HOCSO_MONKEY_EVENTS=100000 cargo test --release --test monkey`, and
//! `HOCSO_MONKEY_SEED=N` replays one seed.

mod support;

use hocso::app::{
    Key, Model, Msg, PanelView, Screen, Size, StepState, Target, right_answer, volunteer::items,
};
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions};
use hocso::store::{MemoryStore, Store};
use hocso::tui::Tutor;
use hocso::ui::{self, HitMap};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// A small, fast, reproducible generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
}

const KEYS: &[Key] = &[
    Key::Enter,
    Key::Enter,
    Key::Esc,
    Key::Backspace,
    Key::Up,
    Key::Down,
    Key::Left,
    Key::Right,
    Key::Tab,
    Key::BackTab,
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('9'),
    Key::Char('0'),
    Key::Char(' '),
    Key::Char('?'),
    Key::Char('a'),
    Key::Char('e'),
    Key::Char('w'),
    Key::Char('s'),
    Key::Char('j'),
    Key::Char('ă'),
    Key::Char('Đ'),
    Key::F(1),
    Key::F(5),
    Key::F(6),
    Key::F(7),
    Key::F(8),
    Key::F(9),
    Key::Volunteer,
    Key::Quit,
];

/// One random event, given what the last frame made touchable; now and then, the moves
/// of a learner who knows the step, so the walk gets deep into lessons too.
fn event(rng: &mut Rng, model: &Model, hits: &HitMap) -> Vec<Msg> {
    let size = model.size;
    // A volunteer who knows the PIN, now and then.
    if matches!(model.screen, Screen::Pin { .. }) && rng.below(10) == 0 {
        let mut moves: Vec<Msg> = "2468".chars().map(|c| Msg::Key(Key::Char(c))).collect();
        moves.push(Msg::Key(Key::Enter));
        return moves;
    }
    let one = match rng.below(100) {
        // (More often than a learner who knows nothing would: nothing is chosen for her,
        // so random keys and touches alone seldom finish a lesson.)
        0..15 => {
            let mut moves = right_answer(model);
            moves.push(Msg::Key(Key::Enter));
            return moves;
        }
        15..50 => Msg::Key(rng.pick(KEYS)),
        // A touch anywhere on the screen: what is there, if anything.
        50..85 => {
            let (x, y) = (
                rng.below(u64::from(size.width)) as u16,
                rng.below(u64::from(size.height)) as u16,
            );
            match hits.at(x, y) {
                // The volunteer's corner takes three quick taps (the gesture layer counts
                // them); a monkey's touch there seldom makes three.
                Some(Target::Volunteer) if rng.below(20) != 0 => Msg::Key(Key::Enter),
                Some(target) => Msg::Click(target),
                None => Msg::Key(Key::Enter),
            }
        }
        85..89 => Msg::Resize(Size::new(
            1 + rng.below(300) as u16,
            1 + rng.below(100) as u16,
        )),
        // Back to a usual kiosk size, so most of the walk is on screens one can use.
        89..92 => Msg::Resize(rng.pick(&[Size::new(40, 12), Size::new(58, 15), Size::new(80, 24)])),
        92..94 => Msg::Key(Key::F(2)),
        94..96 => Msg::Key(Key::F(3)),
        96..97 => Msg::SoundAvailable(rng.below(2) == 0),
        _ => Msg::Tick {
            now: 1_800_000_000 + rng.below(1_000) as i64,
            idle: rng.pick(&[0, 5, 179, 185, 209, 215]),
        },
    };
    vec![one]
}

/// Every focus points at something on its screen.
fn focus_is_inside(model: &Model) -> Result<(), String> {
    let ok = match &model.screen {
        Screen::Who { focus } | Screen::Resume { focus } => *focus < 2,
        Screen::Age { focus, .. } => *focus < hocso::app::AGE_ANSWERS,
        Screen::Menu { focus } => *focus < model.lessons.len().max(1),
        Screen::Summary { summary, focus } => *focus < hocso::app::summary_answers(summary),
        Screen::Panel(panel) => {
            let n = items(model).len();
            panel.focus < n.max(1)
                && match &panel.view {
                    PanelView::Lesson { lesson, .. } => *lesson < model.lessons.len(),
                    _ => true,
                }
        }
        Screen::Lesson(run) => {
            let Some((lesson, step, _)) = model.run() else {
                return Err("a lesson run on no step".into());
            };
            let n = StepState::focusable(step);
            run.pos < run.plan.len()
                && run.plan.iter().all(|i| *i < lesson.steps.len())
                && run.state.focus.is_none_or(|f| f < n)
                && run.state.placed.len() <= run.state.pool.len()
                && run.state.placed.iter().all(|i| run.state.pool.contains(i))
        }
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("focus outside its screen: {:?}", model.screen))
    }
}

/// What the store saved for the learner on screen is what the tutor counts on.
fn saved_agrees(tutor: &Tutor<MemoryStore>) -> Result<(), String> {
    let Some(learner) = &tutor.model.learner else {
        return Ok(());
    };
    let stored = tutor
        .store
        .progress(&learner.code)
        .map_err(|e| e.to_string())?;
    let model = &tutor.model.progress;
    if stored.history != model.history || stored.started != model.started {
        return Err(format!(
            "the store and the tutor disagree for {}: stored {:?} / model {:?}",
            learner.code, stored.history, model.history
        ));
    }
    Ok(())
}

/// Draws, and checks that everything drawn and touchable is inside the screen.
fn draw(
    terminal: &mut Terminal<TestBackend>,
    model: &Model,
    i18n: &Localizer,
) -> Result<HitMap, String> {
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = ui::draw(frame, model, i18n))
        .map_err(|e| e.to_string())?;
    let area = Rect::new(0, 0, model.size.width, model.size.height);
    if *terminal.backend().buffer().area() != area {
        return Err(format!(
            "drawn over {:?} on a {area:?} screen",
            terminal.backend().buffer().area()
        ));
    }
    for (rect, target) in hits.regions() {
        if rect.intersection(area) != *rect {
            return Err(format!(
                "{target:?} touchable at {rect:?}, off the {area:?} screen"
            ));
        }
    }
    Ok(hits)
}

/// The kind of screen, for the walk's tally.
fn kind(model: &Model) -> &'static str {
    if model.idle_left.is_some() {
        return "still-there";
    }
    match &model.screen {
        Screen::Welcome => "welcome",
        Screen::Who { .. } | Screen::Name { .. } | Screen::Age { .. } => "sign-in",
        Screen::CodeGiven | Screen::Code { .. } | Screen::Resume { .. } => "code",
        Screen::Menu { .. } => "menu",
        Screen::Lesson(_) if model.guided.is_some() => "guided-step",
        Screen::Lesson(_) => "step",
        Screen::Summary { .. } => "summary",
        Screen::Broken { .. } => "broken",
        Screen::Pin { .. } => "pin",
        Screen::Panel(_) => "panel",
        Screen::GuidedEnd { .. } => "guided-end",
    }
}

/// A walk of `events` events from `seed`, lesson after lesson; the screens it saw and the
/// answers it gave.
fn walk(
    seed: u64,
    events: usize,
    lessons: &[hocso::lesson::Lesson],
) -> Result<(std::collections::BTreeMap<&'static str, usize>, usize), String> {
    let mut seen = std::collections::BTreeMap::new();
    let mut rng = Rng(seed.max(1));
    let mut model = Model::new(lessons.to_vec(), Lang::Vi, Size::new(58, 15));
    model.settings.narration = true;
    model.settings.idle = hocso::kiosk::IdlePolicy {
        timeout: 180,
        warning: 30,
    };
    let mut store = MemoryStore::default();
    // Half the walks are a locked-down kiosk with a PIN.
    if seed.is_multiple_of(2) {
        model.settings.locked_down = true;
        model.pin_set = true;
        store
            .set_pin_hash(&hocso::kiosk::hash_pin("2468").unwrap())
            .unwrap();
    }
    let mut tutor = Tutor::new(model, Localizer::embedded(), store);
    let mut terminal = Terminal::new(TestBackend::new(58, 15)).unwrap();
    let mut hits = draw(&mut terminal, &tutor.model, &tutor.i18n)?;
    let per_lesson = (events / lessons.len()).max(1);
    for i in 0..events {
        // Each lesson in turn: a new learner opens it from the menu.
        if i % per_lesson == 0 {
            let lesson = (i / per_lesson) % lessons.len();
            let learner = tutor
                .store
                .create_learner(&format!("Khỉ {i}"), None, 0)
                .unwrap();
            tutor.dispatch(Msg::LearnerCreated { learner, now: 0 });
            tutor.dispatch(Msg::Key(Key::Enter));
            if let Some(pos) = tutor.model.menu().iter().position(|&l| l == lesson) {
                tutor.dispatch(Msg::Click(Target::Lesson(pos)));
            }
        }
        let msgs = event(&mut rng, &tutor.model, &hits);
        let shown = format!("{msgs:?}");
        for msg in msgs {
            tutor.dispatch(msg);
        }
        let size = tutor.model.size;
        if *terminal.backend().buffer().area() != Rect::new(0, 0, size.width, size.height) {
            terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
        }
        let checked = draw(&mut terminal, &tutor.model, &tutor.i18n)
            .and_then(|h| {
                hits = h;
                focus_is_inside(&tutor.model)
            })
            .and_then(|()| saved_agrees(&tutor));
        if let Err(why) = checked {
            return Err(format!("event {i} ({shown}): {why}"));
        }
        *seen.entry(kind(&tutor.model)).or_insert(0) += 1;
    }
    Ok((seen, tutor.store.attempts.len()))
}

#[test]
fn a_monkey_at_the_kiosk_breaks_nothing() {
    let catalogue = Catalogue::load_dir(&support::root().join("lessons"), &CheckOptions::default());
    assert!(catalogue.lessons.len() >= 16);
    let events: usize = std::env::var("HOCSO_MONKEY_EVENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let seeds: Vec<u64> = match std::env::var("HOCSO_MONKEY_SEED") {
        Ok(seed) => vec![seed.parse().expect("a number")],
        Err(_) => vec![1, 2],
    };
    for seed in seeds {
        let lessons = catalogue.lessons.clone();
        let result = std::panic::catch_unwind(|| walk(seed, events, &lessons));
        match result {
            Ok(Ok((seen, answers))) => {
                eprintln!(
                    "seed {seed}: {events} events, {answers} answers saved, every check held; screens: {seen:?}"
                );
                // A walk that never reached the steps or the panel would prove little.
                for screen in ["step", "summary", "panel", "menu"] {
                    assert!(
                        seen.contains_key(screen),
                        "seed {seed} never saw {screen}: {seen:?}"
                    );
                }
                assert!(answers > 0, "seed {seed} never answered");
            }
            Ok(Err(why)) => panic!(
                "seed {seed} failed (replay: HOCSO_MONKEY_SEED={seed} HOCSO_MONKEY_EVENTS={events}): {why}"
            ),
            Err(panic) => {
                eprintln!(
                    "seed {seed} panicked (replay: HOCSO_MONKEY_SEED={seed} HOCSO_MONKEY_EVENTS={events})"
                );
                std::panic::resume_unwind(panic);
            }
        }
    }
}
