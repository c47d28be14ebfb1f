//! What one key press costs the terminal: on a step screen at 80×24, every key a learner
//! presses there (moving the selection, typing, a wrong answer) makes ratatui write under
//! 1 KB, counted where crossterm writes it. A kiosk's terminal may be a slow serial or
//! remote line; a full redraw per key would be ~10 KB.

#[path = "support/generate.rs"]
#[allow(dead_code)]
mod generate;

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use hocso::app::{Key, Model, Msg, Screen, Size, StepState, Target, right_answer, update};
use hocso::i18n::Localizer;
use hocso::lesson::{Catalogue, CheckOptions, Step, Task};
use hocso::ui;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

const LIMIT: usize = 1024;

/// A terminal that keeps every byte written to it.
#[derive(Clone, Default)]
struct Wire(Rc<RefCell<Vec<u8>>>);

impl Write for Wire {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Wire {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

struct Kiosk {
    model: Model,
    terminal: Terminal<CrosstermBackend<Wire>>,
    wire: Wire,
    i18n: Localizer,
}

impl Kiosk {
    fn new(model: Model) -> Kiosk {
        let wire = Wire::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(wire.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)),
            },
        )
        .expect("a terminal over a byte buffer");
        let mut kiosk = Kiosk {
            model,
            terminal,
            wire,
            i18n: Localizer::embedded(),
        };
        kiosk.draw();
        kiosk
    }

    /// Draws as the runtime does after every event; the bytes written.
    fn draw(&mut self) -> Vec<u8> {
        let (model, i18n) = (&self.model, &self.i18n);
        self.terminal
            .draw(|f| drop(ui::draw(f, model, i18n)))
            .expect("drawn");
        self.wire.take()
    }

    fn press(&mut self, key: Key) -> Vec<u8> {
        let _ = update(&mut self.model, Msg::Key(key));
        self.draw()
    }
}

fn bundled() -> Model {
    generate::signed_in(
        Catalogue::load_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons"),
            &CheckOptions::default(),
        )
        .lessons,
    )
}

/// The keys a learner presses on a step of this kind before answering it rightly: the
/// selection moves, letters are typed, a wrong answer is given.
fn learner_keys(step: &Step, state: &StepState) -> Vec<Key> {
    match &step.task {
        Task::Tap { .. } => vec![Key::Tab, Key::Tab, Key::BackTab],
        Task::Choice { options } => {
            let mut keys = vec![Key::Down, Key::Up];
            // A wrong option's digit, where this showing put it.
            if let Some(wrong) = options.iter().position(|o| !o.correct) {
                let at = state.shown_at(step, wrong).unwrap();
                keys.push(Key::Char(char::from(b'1' + at as u8)));
            }
            keys
        }
        Task::Order { .. } => vec![Key::Down, Key::Down, Key::Up],
        Task::Type { answer, .. } => {
            let first = answer.chars().next().unwrap_or('1');
            // A letter typed, then checked too early: a wrong answer.
            vec![Key::Char(first), Key::Enter]
        }
        Task::Explain { .. } | Task::Scan { .. } => Vec::new(),
    }
}

/// Every practice step of every bundled lesson: each key the learner presses there is
/// drawn with under 1 KB, and a key that changes the screen writes something.
#[test]
fn a_key_press_on_a_step_screen_writes_under_a_kilobyte() {
    let mut kiosk = Kiosk::new(bundled());
    let lessons = kiosk.model.lessons.len();
    let mut presses = 0;
    let mut largest = (0, String::new());
    for lesson in 0..lessons {
        kiosk.model.screen = Screen::Menu { focus: 0 };
        kiosk.model.size = Size::new(80, 24);
        let at = kiosk.model.menu().iter().position(|&i| i == lesson);
        let _ = update(
            &mut kiosk.model,
            Msg::Click(Target::Lesson(at.expect("every lesson is in the menu"))),
        );
        kiosk.draw();
        let mut seen = std::collections::HashSet::new();
        for _ in 0..200 {
            let Some((l, step, run)) = kiosk.model.run() else {
                break;
            };
            let where_ = format!("{} / {} (#{})", l.id, step.id, run.step());
            let first_visit = seen.insert(step.id.clone());
            let keys = if first_visit {
                learner_keys(step, &run.state)
            } else {
                Vec::new()
            };
            for key in keys {
                let before = kiosk.model.screen.clone();
                let bytes = kiosk.press(key);
                presses += 1;
                assert!(
                    bytes.len() < LIMIT,
                    "{where_}: {key:?} wrote {} bytes: {}",
                    bytes.len(),
                    String::from_utf8_lossy(&bytes)
                );
                if kiosk.model.screen != before {
                    assert!(!bytes.is_empty(), "{where_}: {key:?} changed nothing drawn");
                }
                if bytes.len() > largest.0 {
                    largest = (bytes.len(), format!("{where_}: {key:?}"));
                }
            }
            for msg in right_answer(&kiosk.model) {
                let _ = update(&mut kiosk.model, msg);
            }
            kiosk.draw();
            kiosk.press(Key::Enter);
        }
        assert!(
            matches!(kiosk.model.screen, Screen::Summary { .. }),
            "lesson {lesson} did not end: {:?}",
            kiosk.model.screen
        );
    }
    assert!(presses > 100, "only {presses} key presses tried");
    println!(
        "{presses} key presses on step screens; the largest wrote {} bytes ({})",
        largest.0, largest.1
    );
}

/// A wrong answer's feedback reaches the terminal within the same kilobyte: the words are
/// there, written once.
#[test]
fn a_wrong_answer_writes_its_feedback_and_little_else() {
    let mut kiosk = Kiosk::new(bundled());
    let lesson = kiosk
        .model
        .lessons
        .iter()
        .position(|l| l.id == "dien-thoai-co-ban")
        .expect("the first bundled lesson");
    let focus = kiosk
        .model
        .menu()
        .iter()
        .position(|&i| i == lesson)
        .unwrap();
    kiosk.model.screen = Screen::Menu { focus };
    // A volunteer's arrow key shows the focus; Enter opens it.
    kiosk.model.focus_shown = true;
    kiosk.press(Key::Enter);
    while kiosk
        .model
        .run()
        .is_some_and(|(_, s, _)| s.id != "bat-man-hinh")
    {
        kiosk.press(Key::Enter);
    }
    // "Giữ nút nguồn thật lâu": wrong.
    let (_, step, run) = kiosk.model.run().unwrap();
    let at = run.state.shown_at(step, 1).unwrap();
    let bytes = kiosk.press(Key::Char(char::from(b'1' + at as u8)));
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Chưa đúng ạ"), "{text}");
    assert!(bytes.len() < LIMIT, "{} bytes: {text}", bytes.len());
    // Drawn again with nothing changed: nothing but the frame's end is written.
    let again = kiosk.draw();
    assert!(again.len() < 32, "{}", String::from_utf8_lossy(&again));
}
