//! Shaky hands: every step of every bundled lesson, at the kiosk's sizes, done by a finger
//! that misses its aim, touches twice, and touches again just as the screen changes. The
//! touches go through the runtime's real gesture layer and hit map, with a clock the test
//! moves, as foot sends them (press and lift; a wobble between the two is a drag).
//!
//! Each touch is aimed at a random point of its target, then moved by up to a third of a
//! cell sideways and of a row up or down (a cell is 22×51 px on the 15.6" panel). Each
//! intended touch is a single tap, a double tap (80–150 ms apart) or a triple tap (0.7 s
//! apart; keys, which are meant to be touched again and again, get single and double taps
//! only), and after a touch that changed the screen the finger often lands again within
//! 0.3 s. What must never happen, counted as unintended actions: a touch that lands on a
//! neighbour instead of nothing, an action done twice, an answer saved that was not
//! touched, a miss counted twice, a screen left that was not asked for.
//!
//! Seeded and reproducible; `HOCSO_SHAKY_SEED=N` walks with other seeds.

mod support;

use hocso::app::{
    BarKey, EnterMeaning, KeyboardKey, KeypadKey, Msg, Screen, Size, Target, keyboard,
};
use hocso::gesture::Timing;
use hocso::i18n::{Lang, Localizer};
use hocso::lesson::{Catalogue, CheckOptions, InputMethod, Lesson, Task};
use hocso::store::{MemoryStore, Store};
use hocso::tui::Tutor;
use hocso::typing::{telex_keys, vni_keys};
use hocso::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use support::root;

/// A cell of the kiosk's font, in pixels (foot, Noto Sans Mono 28, 1366×768).
const CELL: (i64, i64) = (22, 51);

/// The kiosk's sizes: 1280×720, the 15.6" and the 21.5" panels.
const SIZES: [(u16, u16); 3] = [(58, 14), (62, 15), (87, 21)];

/// A small, reproducible generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A whole number in `from..to`.
    fn range(&mut self, from: i64, to: i64) -> i64 {
        from + (self.next() % (to - from).max(1) as u64) as i64
    }
}

/// The finger, the kiosk, and the clock.
struct Finger {
    tutor: Tutor<MemoryStore>,
    terminal: Terminal<TestBackend>,
    size: (u16, u16),
    now: u64,
    rng: Rng,
    /// Where the walk is, for messages.
    place: String,
    /// Unintended actions, described.
    unintended: Vec<String>,
    touches: usize,
}

/// How an intended touch is made.
#[derive(Debug, Clone, Copy)]
enum Pattern {
    Single,
    Double,
    Triple,
}

impl Finger {
    fn draw(&mut self) {
        let mut hits = ui::HitMap::default();
        let (model, i18n) = (&self.tutor.model, &self.tutor.i18n);
        self.terminal
            .draw(|frame| hits = ui::draw(frame, model, i18n))
            .unwrap();
        self.tutor.drawn(hits, self.now);
    }

    fn mouse(&mut self, kind: MouseEventKind, (column, row): (u16, u16)) -> Option<Msg> {
        self.tutor.touch(
            MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            },
            self.now,
        )
    }

    fn cell(&self, (x, y): (i64, i64)) -> (u16, u16) {
        let (w, h) = self.size;
        (
            (x.max(0) / CELL.0).min(i64::from(w) - 1) as u16,
            (y.max(0) / CELL.1).min(i64::from(h) - 1) as u16,
        )
    }

    /// One touch at pixel `at`, held a moment with a small wobble, as foot reports it
    /// (with the kiosk's `long-press-delay=0`): a still finger as a press and a release
    /// together at the lift; a finger that moved into another cell as a press when it
    /// moved, a drag, and a release where it lifted. What it did, if anything (the
    /// runtime then draws again, as it does after every tap).
    fn press(&mut self, at: (i64, i64), held: u64) -> Option<Target> {
        self.touches += 1;
        let down = self.cell(at);
        let wobble = (self.rng.range(-3, 4), self.rng.range(-3, 4));
        let lift = self.cell((at.0 + wobble.0, at.1 + wobble.1));
        if lift == down {
            self.now += held;
            let _ = self.mouse(MouseEventKind::Down(MouseButton::Left), down);
        } else {
            self.now += held / 2;
            let _ = self.mouse(MouseEventKind::Down(MouseButton::Left), down);
            let _ = self.mouse(MouseEventKind::Drag(MouseButton::Left), lift);
            self.now += held / 2;
        }
        let msg = self.mouse(MouseEventKind::Up(MouseButton::Left), lift)?;
        let Msg::Click(target) = msg else {
            return None;
        };
        self.tutor.dispatch(msg);
        self.draw();
        Some(target)
    }

    /// A clean touch at the middle of `rect`, after a pause: finding one's way (the page
    /// buttons, the picture's page), not what is tested.
    fn tap_middle(&mut self, rect: Rect) {
        self.now += 1500;
        let x = (i64::from(rect.x) * 2 + i64::from(rect.width)) * CELL.0 / 2;
        let y = (i64::from(rect.y) * 2 + i64::from(rect.height)) * CELL.1 / 2;
        let _ = self.press((x, y), 60);
    }

    /// Brings `target` on screen as a person would: the picture's page, then ▼, then ▲.
    fn reach(&mut self, target: Target) -> Option<Rect> {
        for turn in 0..60 {
            if let Some(rect) = self.tutor.hits.find(target) {
                return Some(rect);
            }
            // The page of what a wrong answer was told (a short screen): read, then
            // touched to close, as she would.
            if target != Target::CloseTold
                && let Some(rect) = self.tutor.hits.find(Target::CloseTold)
            {
                self.tap_middle(rect);
                continue;
            }
            let hits = &self.tutor.hits;
            let see = Target::Bar(BarKey::Enter(EnterMeaning::SeePicture));
            let down = turn < 25;
            let arrow = [
                Target::More { down },
                Target::Scroll {
                    down,
                    picture: false,
                },
                Target::Scroll {
                    down,
                    picture: true,
                },
            ]
            .into_iter()
            .find_map(|t| hits.find(t));
            match (hits.find(see), arrow) {
                (Some(rect), _) if turn == 0 => self.tap_middle(rect),
                (_, Some(rect)) => self.tap_middle(rect),
                (Some(rect), None) => self.tap_middle(rect),
                (None, None) if down => {}
                (None, None) => return None,
            }
        }
        None
    }

    fn screen(&self) -> String {
        let buffer = self.terminal.backend().buffer();
        (0..buffer.area.height)
            .map(|y| {
                (0..buffer.area.width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Touches `target` with shaky hands until it acts once; counts anything else it did.
    fn intend(&mut self, target: Target) {
        for _ in 0..8 {
            let Some(rect) = self.reach(target) else {
                let screen = self.screen();
                self.unintended
                    .push(format!("{}: {target:?} out of reach\n{screen}", self.place));
                return;
            };
            let pattern = match self.rng.range(0, if typing_key(target) { 2 } else { 3 }) {
                0 => Pattern::Single,
                1 => Pattern::Double,
                _ => Pattern::Triple,
            };
            // Aimed at a random point of the target, then off by up to a third of a cell.
            let aim = (
                self.rng
                    .range(i64::from(rect.x) * CELL.0, i64::from(rect.right()) * CELL.0)
                    + self.rng.range(-CELL.0 / 3, CELL.0 / 3 + 1),
                self.rng.range(
                    i64::from(rect.y) * CELL.1,
                    i64::from(rect.bottom()) * CELL.1,
                ) + self.rng.range(-CELL.1 / 3, CELL.1 / 3 + 1),
            );
            let page = self.tutor.hits.clone();
            let gaps: &[u64] = match pattern {
                Pattern::Single => &[0],
                Pattern::Double => &[0, self.rng.range(80, 151) as u64],
                Pattern::Triple => &[0, 700, 700],
            };
            let mut acted = Vec::new();
            // The gaps are from one tap to the next as the kiosk sees them (foot reports a
            // tap when the finger lifts), the finger's hold included.
            for &gap in gaps {
                let held = if gap == 0 {
                    self.rng.range(30, 140) as u64
                } else {
                    self.rng.range(20, gap as i64 / 2) as u64
                };
                self.now += gap.saturating_sub(held);
                let near = (aim.0 + self.rng.range(-4, 5), aim.1 + self.rng.range(-4, 5));
                acted.extend(self.press(near, held));
            }
            // The screen changed: the finger lands again, within 0.3 s.
            if self.tutor.hits != page && !typing_key(target) && self.rng.range(0, 2) == 0 {
                self.now += self.rng.range(40, 300) as u64;
                acted.extend(self.press(aim, 40));
            }
            self.now += 1500;
            let mine = acted.iter().filter(|t| **t == target).count();
            for other in acted.iter().filter(|t| **t != target) {
                self.unintended.push(format!(
                    "{}: aimed at {target:?} ({pattern:?}), {other:?} acted",
                    self.place
                ));
            }
            if mine > 1 {
                self.unintended.push(format!(
                    "{}: {target:?} acted {mine} times ({pattern:?})",
                    self.place
                ));
            }
            if mine > 0 || !acted.is_empty() {
                return;
            }
            // Landed on nothing (off the edge, into a gap): she tries again.
        }
        self.unintended
            .push(format!("{}: {target:?} never acted", self.place));
    }

    fn misses(&self) -> u32 {
        self.tutor.model.run().map_or(0, |(_, _, r)| r.state.misses)
    }

    fn pos(&self) -> Option<usize> {
        self.tutor.model.run().map(|(_, _, r)| r.pos)
    }
}

/// A key she types with, which she may well touch twice on purpose (a person's view, not
/// the gesture layer's): letters, digits, Xóa, the shift and layer keys, ▲ ▼. Everything
/// else, OK included, gets triple taps too.
fn typing_key(target: Target) -> bool {
    match target {
        Target::Keypad(KeypadKey::Ok) | Target::Keyboard(KeyboardKey::Ok) => false,
        Target::Keypad(_)
        | Target::Keyboard(_)
        | Target::More { .. }
        | Target::Scroll { .. }
        | Target::Page(_) => true,
        _ => false,
    }
}

/// The touches that answer the step on screen rightly, in order.
fn right_touches(task: &Task, layer: hocso::app::KeyboardLayer, shown: &[usize]) -> Vec<Target> {
    match task {
        Task::Tap { screen, target } => screen
            .tappables()
            .position(|t| t.id() == Some(target.as_str()))
            .map(Target::Phone)
            .into_iter()
            .collect(),
        Task::Choice { options } => shown
            .iter()
            .position(|&i| options[i].correct)
            .map(Target::Choice)
            .into_iter()
            .collect(),
        Task::Order { items } => (0..items.len())
            .map(Target::OrderItem)
            .chain([Target::OrderCheck])
            .collect(),
        Task::Type {
            answer,
            input: InputMethod::Digits,
            ..
        } => answer
            .bytes()
            .map(|d| Target::Keypad(KeypadKey::Digit(d - b'0')))
            .chain([Target::Keypad(KeypadKey::Ok)])
            .collect(),
        Task::Type { answer, input, .. } => {
            let keys = match input {
                InputMethod::Telex => telex_keys(answer),
                InputMethod::Vni => vni_keys(answer),
                _ => answer.clone(),
            };
            keyboard::touches(layer, &keys)
                .expect("every answer can be typed")
                .into_iter()
                .chain([KeyboardKey::Ok])
                .map(Target::Keyboard)
                .collect()
        }
        // A scan is confirmed with Tiếp tục (then Tiếp tục goes on).
        Task::Scan { .. } => vec![Target::Continue],
        Task::Explain { .. } => Vec::new(),
    }
}

/// A wrong answer to give first, where the step has one: the touches that give it, and
/// those that clear it away again (a typed answer stays in its field).
fn wrong_touches(task: &Task, shown: &[usize]) -> Option<(Vec<Target>, Vec<Target>)> {
    match task {
        Task::Tap { screen, target } => screen
            .tappables()
            .position(|t| t.id().is_some_and(|id| id != target))
            .map(|i| (vec![Target::Phone(i)], Vec::new())),
        Task::Choice { options } => shown
            .iter()
            .position(|&i| !options[i].correct)
            .map(|at| (vec![Target::Choice(at)], Vec::new())),
        Task::Type {
            answer,
            input: InputMethod::Digits,
            ..
        } => (answer != "9").then(|| {
            (
                vec![
                    Target::Keypad(KeypadKey::Digit(9)),
                    Target::Keypad(KeypadKey::Ok),
                ],
                vec![Target::Keypad(KeypadKey::Delete)],
            )
        }),
        Task::Type { answer, .. } => (answer != "q").then(|| {
            (
                vec![
                    Target::Keyboard(KeyboardKey::Char('q')),
                    Target::Keyboard(KeyboardKey::Ok),
                ],
                vec![Target::Keyboard(KeyboardKey::Delete)],
            )
        }),
        _ => None,
    }
}

/// Walks every step of `lessons` at `size`; the unintended actions, and how many touches.
fn walk(lessons: &[Lesson], size: (u16, u16), seed: u64, timing: Timing) -> (Vec<String>, usize) {
    let (w, h) = size;
    let mut model = hocso::app::Model::new(lessons.to_vec(), Lang::Vi, Size::new(w, h));
    model.settings.narration = true;
    let mut store = MemoryStore::default();
    let learner = store.create_learner("Bà Run Tay", None, 0).unwrap();
    let mut finger = Finger {
        tutor: Tutor::new(model, Localizer::embedded(), store),
        terminal: Terminal::new(TestBackend::new(w, h)).unwrap(),
        size,
        now: 10_000,
        rng: Rng(seed),
        place: String::new(),
        unintended: Vec::new(),
        touches: 0,
    };
    finger.tutor.gestures.timing = timing;
    finger
        .tutor
        .dispatch(Msg::LearnerCreated { learner, now: 0 });
    for (index, lesson) in lessons.iter().enumerate() {
        finger.tutor.model.screen = Screen::Menu { focus: 0 };
        let pos = finger.tutor.model.menu().iter().position(|&l| l == index);
        finger
            .tutor
            .dispatch(Msg::Click(Target::Lesson(pos.unwrap())));
        finger.draw();
        while let Some((_, step, run)) = finger.tutor.model.run() {
            let (step_id, task, practice, pos) = (
                step.id.clone(),
                step.task.clone(),
                step.is_practice(),
                run.pos,
            );
            let layer = run.state.keyboard;
            // Options are touched where this showing put them.
            let shown = run.state.shown_options(step);
            finger.place = format!("{}/{step_id} at {w}×{h}", lesson.id);
            let saved = finger.tutor.store.attempts.len();
            let mut misses = 0;
            // A wrong answer first, now and then: one miss, however shaky the touch.
            if let Some((wrong, clear)) =
                wrong_touches(&task, &shown).filter(|_| finger.rng.range(0, 3) == 0)
            {
                for target in wrong {
                    finger.intend(target);
                }
                misses = 1;
                if finger.misses() != 1 || finger.tutor.store.attempts.len() != saved + 1 {
                    finger.unintended.push(format!(
                        "{}: one wrong touch made {} misses and saved {} answers",
                        finger.place,
                        finger.misses(),
                        finger.tutor.store.attempts.len() - saved
                    ));
                }
                for target in clear {
                    finger.intend(target);
                }
            }
            for target in right_touches(&task, layer, &shown) {
                finger.intend(target);
                if finger.pos() != Some(pos) {
                    finger
                        .unintended
                        .push(format!("{}: {target:?} left the step", finger.place));
                    break;
                }
            }
            if finger.pos() != Some(pos) {
                continue;
            }
            // Explain and scan steps go on with Tiếp tục (a scan's confirms it first);
            // an answered step with the same button.
            finger.intend(Target::Continue);
            let answers = finger.tutor.store.attempts.len() - saved;
            let expected = if practice { misses + 1 } else { 0 };
            if answers != expected {
                finger.unintended.push(format!(
                    "{}: {answers} answers saved, {expected} given",
                    finger.place
                ));
            }
            let moved_on = match finger.tutor.model.run() {
                Some((_, _, run)) => run.pos == pos + 1,
                None => matches!(finger.tutor.model.screen, Screen::Summary { .. }),
            };
            if !moved_on {
                let screen = finger.screen();
                finger.unintended.push(format!(
                    "{}: Tiếp tục did not go on to the next step\n{screen}",
                    finger.place
                ));
                break;
            }
        }
    }
    (finger.unintended, finger.touches)
}

#[test]
fn shaky_hands_do_nothing_they_did_not_mean_on_any_step_at_the_kiosks_sizes() {
    let lessons = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).lessons;
    assert!(lessons.len() >= 16);
    let mut all = Vec::new();
    for (k, size) in SIZES.into_iter().enumerate() {
        let seed = std::env::var("HOCSO_SHAKY_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(7);
        let (unintended, touches) = walk(&lessons, size, seed + k as u64, Timing::default());
        eprintln!(
            "{}×{}: {touches} touches, {} unintended actions",
            size.0,
            size.1,
            unintended.len()
        );
        assert!(touches > 500, "{touches}");
        all.extend(unintended);
    }
    assert!(
        all.is_empty(),
        "{} unintended actions:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_walk_notices_what_it_looks_for() {
    // With the gesture layer's timings off, double taps act twice and touches land on the
    // screen that just came: the same walk must count them.
    let lessons = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default()).lessons;
    let (unintended, _) = walk(&lessons[..4], SIZES[1], 11, Timing::none());
    assert!(
        unintended.len() >= 5,
        "only {} unintended actions seen without the gesture layer's timings",
        unintended.len()
    );
}
