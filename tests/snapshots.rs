//! Every screen and every step kind, drawn at the sizes that matter (40×12, the smallest;
//! 58×15, a kiosk at a large font; 80×24) and compared with the committed snapshots.
//! Snapshots hold characters; the theme's colours are tested for contrast separately.

mod support;

use hocso::app::{
    Key, KeyboardKey, KeypadKey, LearnerDetail, Model, Msg, PanelData, PanelItem, Screen, Size,
    Target, update, volunteer,
};
use hocso::i18n::Lang;
use hocso::lesson::{Catalogue, CheckOptions, Task};
use hocso::mastery::Leitner;
use hocso::store::{AgeBand, LearnerRow, LessonRecord, Note, Place, RunKind};
use support::fixture;
use support::screen::render;

const SIZES: [(u16, u16); 3] = [(40, 12), (58, 15), (80, 24)];

fn base() -> Model {
    let catalogue = Catalogue::load_dir(&fixture("tutor/lessons"), &CheckOptions::default());
    assert!(
        catalogue.problems.iter().all(|p| !p.is_error()),
        "{:#?}",
        catalogue.problems
    );
    let mut model = support::generate::signed_in(catalogue.lessons);
    model.settings.narration = true;
    model
}

/// Sends `msgs` (closing the page of a wrong answer's words first, as she would). On a
/// choice step, a touch on `Target::Choice(i)` means option `i` as
/// written and a digit key its number as written: each is sent where this showing put
/// that option (options are shuffled).
fn send(model: &mut Model, msgs: &[Msg]) {
    for msg in msgs {
        // On a short screen a wrong answer's words come on a page of their own: read,
        // and closed with a touch, before the next thing she does.
        if model.told_page_open() {
            let _ = update(model, Msg::Click(Target::CloseTold));
        }
        let place = |i: usize| {
            let (_, step, run) = model.run()?;
            matches!(step.task, Task::Choice { .. })
                .then(|| run.state.shown_at(step, i))
                .flatten()
        };
        let msg = match msg {
            Msg::Click(Target::Choice(i)) => Msg::Click(Target::Choice(place(*i).unwrap_or(*i))),
            Msg::Key(Key::Char(c @ '1'..='9')) => match place(*c as usize - '1' as usize) {
                Some(at) => Msg::Key(Key::Char(char::from(b'1' + at as u8))),
                None => msg.clone(),
            },
            _ => msg.clone(),
        };
        let _ = update(model, msg);
    }
}

fn key(k: Key) -> Msg {
    Msg::Key(k)
}

/// The model at step `id`, after `msgs`.
fn step(id: &str, size: Size, msgs: &[Msg]) -> Model {
    let mut model = base();
    model.size = size;
    let lesson = model
        .lessons
        .iter()
        .position(|l| l.id == "tap-luyen")
        .unwrap();
    model.screen = Screen::Menu { focus: lesson };
    // As a volunteer's arrow key would: show the focus, then choose it.
    model.focus_shown = true;
    send(&mut model, &[key(Key::Enter)]);
    while model.run().map(|(_, s, _)| s.id.as_str()) != Some(id) {
        let before = model.run().map(|(_, _, r)| r.step());
        // Skip ahead: solve whatever is on screen, then continue.
        support::answer::right(&mut model);
        send(
            &mut model,
            &[Msg::Resize(Size::new(80, 24)), key(Key::Enter)],
        );
        assert_ne!(
            before,
            model.run().map(|(_, _, r)| r.step()),
            "stuck before {id}"
        );
    }
    send(&mut model, &[Msg::Resize(size)]);
    send(&mut model, msgs);
    model
}

/// Every state worth seeing, at one size.
fn states(size: Size) -> Vec<(&'static str, Model)> {
    let mut out = Vec::new();
    let mut welcome = base();
    welcome.learner = None;
    out.push(("welcome", welcome.clone()));
    let mut who = welcome.clone();
    who.screen = Screen::Who { focus: 1 };
    out.push(("who", who));
    let mut name = welcome.clone();
    name.screen = Screen::Name {
        name: "Baf Hajnh".into(),
        telex: true,
        keyboard: hocso::app::KeyboardLayer::Letters,
    };
    out.push(("name", name));
    let mut given = base();
    given.screen = Screen::CodeGiven;
    out.push(("code-given", given));
    let mut code = welcome.clone();
    code.screen = Screen::Code {
        code: String::new(),
        not_found: None,
    };
    send(
        &mut code,
        &[
            Msg::Click(Target::Keypad(KeypadKey::Digit(4))),
            key(Key::Char('8')),
        ],
    );
    out.push(("code", code.clone()));
    send(
        &mut code,
        &[Msg::LearnerFound {
            code: "4899".into(),
            found: None,
            now: 0,
        }],
    );
    out.push(("code-not-found", code));
    // "mau" is due for review (so first), "tap-luyen" started.
    let mut menu = base();
    menu.progress.started.insert("tap-luyen".to_owned());
    menu.progress.lessons.insert(
        "mau".to_owned(),
        LessonRecord {
            leitner: Some(Leitner {
                box_index: 1,
                due: 0,
            }),
            mastered_at: Some(0),
        },
    );
    menu.screen = Screen::Menu { focus: 1 };
    out.push(("menu", menu.clone()));
    let mut leaving = menu.clone();
    leaving.asking_sign_out = true;
    out.push(("sign-out", leaving));
    let mut code6 = welcome.clone();
    code6.screen = Screen::Code {
        code: "257211".into(),
        not_found: None,
    };
    out.push(("code-six-digits", code6));
    let mut age = welcome.clone();
    age.screen = Screen::Age {
        name: "Bà Hạnh".into(),
        telex: true,
        focus: 4,
    };
    out.push(("age", age));
    let mut resume = base();
    resume.progress.place = Some(Place {
        lesson: "tap-luyen".into(),
        kind: RunKind::Full,
        plan: resume.lessons[1]
            .steps
            .iter()
            .map(|s| s.id.clone())
            .collect(),
        step: "otp".into(),
    });
    resume.screen = Screen::Resume { focus: 0 };
    out.push(("resume", resume));

    out.push(("explain", step("gioi-thieu", size, &[])));
    out.push(("tap", step("cham-zalo", size, &[])));
    out.push((
        "tap-right",
        step("cham-zalo", size, &[Msg::Click(Target::Phone(1))]),
    ));
    let misses = [
        Msg::Click(Target::Phone(0)),
        Msg::Click(Target::Phone(3)),
        Msg::Click(Target::Phone(2)),
    ];
    out.push(("tap-wrong", step("cham-zalo", size, &misses[..1])));
    out.push(("tap-volunteer", step("cham-zalo", size, &misses)));
    out.push(("choice", step("otp", size, &[])));
    out.push((
        "choice-wrong-hint",
        step("otp", size, &[key(Key::Char('1')), key(Key::Char('3'))]),
    ));
    out.push(("order", step("thu-tu", size, &[])));
    out.push((
        "order-half",
        step("thu-tu", size, &[Msg::Click(Target::OrderItem(1))]),
    ));
    out.push((
        "type-keypad",
        step("nhap-ma", size, &[key(Key::Char('2')), key(Key::Char('4'))]),
    ));
    out.push((
        "type-text",
        step(
            "go-ten",
            size,
            &[
                key(Key::Char('V')),
                key(Key::Char('N')),
                key(Key::Char('e')),
            ],
        ),
    ));
    // The phone's keyboard, touched: Shift lit for a capital, then digits and marks. (Enter
    // first: on a small screen it brings up the phone; elsewhere, with nothing typed, it
    // does nothing.)
    let keyboard = |k| Msg::Click(Target::Keyboard(k));
    out.push((
        "type-keyboard-capitals",
        step(
            "go-ten",
            size,
            &[key(Key::Enter), keyboard(KeyboardKey::Shift)],
        ),
    ));
    out.push((
        "type-keyboard-symbols",
        step(
            "go-ten",
            size,
            &[
                key(Key::Enter),
                keyboard(KeyboardKey::Char('v')),
                keyboard(KeyboardKey::Switch),
                keyboard(KeyboardKey::Char('#')),
            ],
        ),
    ));
    out.push(("scan", step("quet", size, &[])));
    // Answered on a large screen, the summary then shown at this size.
    let mut summary = step("quet", Size::new(80, 24), &[key(Key::Enter)]);
    send(&mut summary, &[key(Key::Enter), Msg::Resize(size)]);
    assert!(
        matches!(summary.screen, Screen::Summary { .. }),
        "{:?}",
        summary.screen
    );
    out.push(("summary", summary));
    out.push(("help", step("otp", size, &[key(Key::Char('?'))])));
    out.extend(volunteer_states(size));
    out
}

/// What volunteers see: the PIN prompt, the panel, a guided step and its end, and the
/// idle timeout's question.
fn volunteer_states(size: Size) -> Vec<(&'static str, Model)> {
    let mut out = Vec::new();
    let mut pin = base();
    pin.size = size;
    pin.learner = None;
    pin.pin_set = true;
    send(
        &mut pin,
        &[
            key(Key::Volunteer),
            key(Key::Char('1')),
            key(Key::Char('2')),
        ],
    );
    out.push(("pin", pin.clone()));
    send(
        &mut pin,
        &[
            key(Key::Char('3')),
            key(Key::Char('4')),
            key(Key::Enter),
            Msg::PinChecked {
                right: false,
                now: 1_000_000,
            },
        ],
    );
    out.push(("pin-wrong", pin.clone()));
    send(
        &mut pin,
        &[Msg::PinChecked {
            right: true,
            now: 1_000_001,
        }],
    );
    out.push(("panel", pin.clone()));
    let row = LearnerRow {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: Some(AgeBand::Seventies),
        last_visit: Some(1_795_282_200),
        mastered: 1,
    };
    let mut learner = pin.clone();
    send(
        &mut learner,
        &[
            Msg::Click(Target::Answer(0)),
            Msg::Panel(PanelData::Learners(vec![row.clone()])),
        ],
    );
    out.push(("panel-learners", learner.clone()));
    send(
        &mut learner,
        &[Msg::Panel(PanelData::Learner(Some(Box::new(
            LearnerDetail {
                learner: row,
                progress: Default::default(),
                notes: vec![Note {
                    at: 1_795_282_200,
                    text: "Bà cần tập nhập mã OTP".into(),
                }],
            },
        ))))],
    );
    out.push(("panel-learner", learner.clone()));
    let forget = volunteer::items(&learner)
        .iter()
        .position(|i| *i == PanelItem::Forget)
        .unwrap();
    send(&mut learner, &[Msg::Click(Target::Answer(forget))]);
    out.push(("panel-confirm", learner));
    let mut guided = step("cham-zalo", size, &[]);
    guided.guided = Some(Default::default());
    out.push(("guided-tap", guided.clone()));
    send(
        &mut guided,
        &[key(Key::F(9)), key(Key::Char('G')), key(Key::Char('h'))],
    );
    out.push(("guided-end", guided));
    let mut idle = step("otp", size, &[]);
    send(
        &mut idle,
        &[Msg::Tick {
            now: 1_000_000,
            idle: 200,
        }],
    );
    out.push(("still-there", idle));
    out
}

#[test]
fn every_screen_at_every_size() {
    for (width, height) in SIZES {
        for (name, model) in states(Size::new(width, height)) {
            let (text, _) = render(&model, width, height);
            insta::assert_snapshot!(format!("{name}@{width}x{height}"), text);
        }
    }
}

/// The step screens at the kiosk's sizes: 58×14 (1280×720), 62×15 (15.6" panel), 87×21
/// (21.5" panel).
const KIOSK: [(u16, u16); 3] = [(58, 14), (62, 15), (87, 21)];

/// A step's moments worth seeing at the kiosk's sizes.
fn step_states(size: Size) -> Vec<(&'static str, Model)> {
    let click = Msg::Click;
    let mut out = vec![
        ("explain", step("gioi-thieu", size, &[])),
        ("tap", step("cham-zalo", size, &[])),
        (
            "tap-volunteer",
            step(
                "cham-zalo",
                size,
                &[
                    click(Target::Phone(0)),
                    click(Target::Phone(3)),
                    click(Target::Phone(2)),
                ],
            ),
        ),
        (
            "tap-called",
            step(
                "cham-zalo",
                size,
                &[click(Target::Phone(0)), click(Target::CallVolunteer)],
            ),
        ),
        ("choice", step("otp", size, &[])),
        (
            "choice-wrong",
            step("otp", size, &[click(Target::Choice(0))]),
        ),
        (
            "choice-right",
            step("otp", size, &[click(Target::Choice(1))]),
        ),
        (
            "choice-keyed",
            step("otp", size, &[key(Key::Down), key(Key::Down)]),
        ),
        ("order", step("thu-tu", size, &[])),
        (
            "order-half",
            step("thu-tu", size, &[click(Target::OrderItem(0))]),
        ),
        (
            "order-placed",
            step(
                "thu-tu",
                size,
                &[
                    click(Target::OrderItem(0)),
                    click(Target::OrderItem(2)),
                    click(Target::OrderItem(1)),
                ],
            ),
        ),
        (
            "order-wrong",
            step(
                "thu-tu",
                size,
                &[
                    click(Target::OrderItem(0)),
                    click(Target::OrderItem(2)),
                    click(Target::OrderItem(1)),
                    click(Target::OrderCheck),
                ],
            ),
        ),
        (
            "leave",
            step("otp", size, &[click(Target::Choice(0)), key(Key::Esc)]),
        ),
    ];
    // The fixture's question has two wrong answers, and a wrong answer touched again is
    // no new miss: with the volunteer asked for after two, both tried is the moment.
    let mut volunteer = step("otp", size, &[]);
    volunteer.settings.help_after_misses = 2;
    send(
        &mut volunteer,
        &[click(Target::Choice(0)), click(Target::Choice(2))],
    );
    out.push(("choice-volunteer", volunteer));
    // Answers waiting for a full disk: the header counts them for the volunteer.
    out.push((
        "choice-unsaved",
        step("otp", size, &[click(Target::Choice(1)), Msg::Unsaved(3)]),
    ));
    out
}

#[test]
fn step_screens_at_the_kiosk_sizes() {
    for (width, height) in KIOSK {
        for (name, model) in step_states(Size::new(width, height)) {
            let (text, _) = render(&model, width, height);
            insta::assert_snapshot!(format!("{name}@{width}x{height}"), text);
        }
    }
}

#[test]
fn the_phone_and_the_qr_code_are_one_key_away_on_small_screens() {
    for id in ["cham-zalo", "nhap-ma", "quet"] {
        let model = step(id, Size::new(40, 12), &[key(Key::Enter)]);
        let (text, _) = render(&model, 40, 12);
        insta::assert_snapshot!(format!("{id}-picture@40x12"), text);
    }
}

#[test]
fn english_and_the_rest() {
    let mut menu = base();
    menu.screen = Screen::Menu { focus: 0 };
    menu.lang = Lang::En;
    insta::assert_snapshot!("menu-en@58x15", render(&menu, 58, 15).0);
    let tap = step("cham-zalo", Size::new(58, 15), &[key(Key::F(2))]);
    insta::assert_snapshot!("tap-en@58x15", render(&tap, 58, 15).0);
    let mut broken = base();
    broken.preview = Some("lessons/x.toml".into());
    broken.screen = Screen::Broken {
        lines: vec![
            "18:10 no element `tiep-tuk` on this step's screen (did you mean `tiep-tuc`?)".into(),
        ],
        step: None,
    };
    insta::assert_snapshot!("preview-broken@58x15", render(&broken, 58, 15).0);
    for (w, h) in [(20, 6), (39, 12), (1, 1)] {
        let model = step("cham-zalo", Size::new(w, h), &[]);
        insta::assert_snapshot!(format!("too-small@{w}x{h}"), render(&model, w, h).0);
    }
}

#[test]
fn a_touch_on_a_drawn_element_reaches_it() {
    // The hit map says what is where; clicking the centre of Zalo's region taps Zalo.
    for (width, height) in SIZES {
        let mut model = step("cham-zalo", Size::new(width, height), &[]);
        if width == 40 {
            send(&mut model, &[key(Key::Enter)]);
        }
        let (_, hits) = render(&model, width, height);
        let zalo = hits.find(Target::Phone(1)).expect("Zalo drawn");
        let target = hits.at(zalo.x + zalo.width / 2, zalo.y).unwrap();
        send(&mut model, &[Msg::Click(target)]);
        assert!(model.run().unwrap().2.state.solved, "{width}×{height}");
    }
}

/// Short of room (58×14), an order step's "Kiểm tra" shares the last row with the call
/// for a volunteer: a touch on it checks, and the columns between the two are dead.
#[test]
fn at_the_kiosks_size_the_order_check_beside_the_volunteer_button_checks() {
    let placed = [
        Msg::Click(Target::OrderItem(0)),
        Msg::Click(Target::OrderItem(1)),
        Msg::Click(Target::OrderItem(2)),
    ];
    let mut model = step("thu-tu", Size::new(58, 14), &placed);
    let (_, hits) = render(&model, 58, 14);
    let check = hits.find(Target::OrderCheck).expect("Kiểm tra drawn");
    let call = hits.find(Target::CallVolunteer).expect("the call drawn");
    assert_eq!(check.y, call.y, "one row");
    assert!(check.right() + 2 <= call.x, "{check:?} {call:?}");
    assert_eq!(hits.at(check.right(), check.y), None, "a dead gap");
    let target = hits.at(check.x + check.width / 2, check.y).unwrap();
    send(&mut model, &[Msg::Click(target)]);
    assert!(model.run().unwrap().2.state.solved);
}

#[test]
fn no_sound_device_is_news_only_to_a_kiosk_that_reads_aloud() {
    let mut model = base();
    model.learner = None;
    model.screen = Screen::Welcome;
    let _ = update(&mut model, Msg::SoundAvailable(false));
    let warning = "không tìm thấy loa";
    let joined = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined(&render(&model, 80, 24).0).contains(warning));
    model.settings.voice = false;
    assert!(!joined(&render(&model, 80, 24).0).contains(warning));
}

/// The pretend phone's targets and keys at the kiosk's sizes: 1280×720 (58×14), a 15.6"
/// 1366×768 panel (62×15) and a 21.5" 1920×1080 panel at the same font (87×21).
#[test]
fn the_phone_and_its_keys_at_the_kiosks_sizes() {
    const PHONE: [&str; 9] = [
        "tap",
        "tap-volunteer",
        "type-text",
        "type-keyboard-capitals",
        "type-keyboard-symbols",
        "type-keypad",
        "name",
        "code",
        "code-not-found",
    ];
    for (width, height) in [(58, 14), (62, 15), (87, 21)] {
        for (name, model) in states(Size::new(width, height)) {
            if PHONE.contains(&name) {
                let (text, _) = render(&model, width, height);
                insta::assert_snapshot!(format!("{name}@{width}x{height}"), text);
            }
        }
    }
}
