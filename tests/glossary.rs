//! The glossary: hard words marked in a step's text, explained by a touch or F4 (and
//! heard), closed back to the step as it was; drawn at the sizes that matter; and
//! checked by `hocso check`.

mod support;

use std::sync::Arc;

use hocso::app::{Effect, Key, Model, Msg, Screen, Settings, Size, Speech, Target, update};
use hocso::lesson::{Catalogue, CheckOptions, Glossary, Lesson, Step, Task};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use support::screen::render;
use support::{check_json, fixture, position_of, root};

fn bundled() -> (Vec<Lesson>, Glossary) {
    let catalogue = Catalogue::load_dir(&root().join("lessons"), &CheckOptions::default());
    assert!(!catalogue.glossary.is_empty(), "the bundled glossary loads");
    (catalogue.lessons, catalogue.glossary)
}

/// The first step of the bundled lessons that `pick` accepts and whose text marks at
/// least two glossary words.
fn step_with_words(pick: impl Fn(&Step) -> bool) -> (Lesson, String, Glossary) {
    let (lessons, glossary) = bundled();
    for lesson in lessons {
        for step in &lesson.steps {
            if pick(step) && glossary.marks(step.text.get("vi"), "vi").len() >= 2 {
                let id = step.id.clone();
                return (lesson, id, glossary);
            }
        }
    }
    panic!("no bundled step with two hard words");
}

/// The tutor at that step, at `size`, with sound.
fn at(lesson: &Lesson, step: &str, glossary: &Glossary, size: Size) -> Model {
    let settings = Settings {
        narration: true,
        ..Settings::default()
    };
    let (mut model, _) = Model::preview(lesson.clone(), Some(step), String::new(), size, settings);
    model.glossary = Arc::new(glossary.clone());
    model
}

/// The terms whose explanation `effects` ask to hear.
fn heard_terms(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Say(s) => Some(s),
            _ => None,
        })
        .flatten()
        .filter_map(|s| match s {
            Speech::Term { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

/// A touch at the middle of what the screen draws for `target`: what the hit map finds
/// there, sent as the runtime sends it.
fn touch(model: &mut Model, target: Target, width: u16, height: u16) -> Vec<Effect> {
    let (screen, hits) = render(model, width, height);
    let rect = hits
        .find(target)
        .unwrap_or_else(|| panic!("{target:?} is not on screen:\n{screen}"));
    let (x, y) = (rect.x + rect.width / 2, rect.y + rect.height / 2);
    let found = hits.at(x, y).expect("something is there");
    assert_eq!(found, target, "the touch lands on it:\n{screen}");
    update(model, Msg::Click(found))
}

#[test]
fn a_hard_word_opens_by_touch_and_by_key_is_heard_and_closes_to_the_step_as_it_was() {
    let (lesson, id, glossary) = step_with_words(|s| matches!(s.task, Task::Choice { .. }));
    let step = lesson.step(&id).unwrap();
    let marks = glossary.marks(step.text.get("vi"), "vi");
    let first = glossary.terms[marks[0].term].id.clone();
    let second = glossary.terms[marks[1].term].id.clone();
    for (w, h) in [(58, 14), (62, 15), (87, 21)] {
        let mut model = at(&lesson, &id, &glossary, Size::new(w, h));
        // One wrong answer first: what she did on the step must survive the glossary.
        let wrong = match &step.task {
            Task::Choice { options } => options.iter().position(|o| !o.correct).unwrap(),
            _ => unreachable!(),
        };
        let Screen::Lesson(run) = &model.screen else {
            panic!("a step")
        };
        let place = run.state.shown_at(step, wrong).unwrap();
        update(&mut model, Msg::Click(Target::Choice(place)));
        // On the smallest screen its words came on a page of their own: read, closed.
        if model.told_page_open() {
            update(&mut model, Msg::Click(Target::CloseTold));
        }
        let before = model.screen.clone();

        // By touch: the word in the text, then the next word's button, then anywhere.
        let said = touch(&mut model, Target::Word(0), w, h);
        assert_eq!(heard_terms(&said), vec![first.clone()], "at {w}×{h}");
        assert_eq!(
            model.open_word().map(|t| t.id.as_str()),
            Some(first.as_str())
        );
        let said = touch(&mut model, Target::NextWord, w, h);
        assert_eq!(heard_terms(&said), vec![second.clone()], "at {w}×{h}");
        let said = touch(&mut model, Target::CloseWord, w, h);
        assert!(said.contains(&Effect::StopNarration));
        assert!(model.word.is_none());
        assert_eq!(model.screen, before, "the step as it was, at {w}×{h}");

        // By key: F4 opens the first word, F4 again the next; any other key closes, and
        // does nothing else (Esc does not ask to leave the lesson).
        let said = update(&mut model, Msg::Key(Key::F(4)));
        assert_eq!(heard_terms(&said), vec![first.clone()]);
        let said = update(&mut model, Msg::Key(Key::F(4)));
        assert_eq!(heard_terms(&said), vec![second.clone()]);
        update(&mut model, Msg::Key(Key::Esc));
        assert!(model.word.is_none());
        assert_eq!(model.screen, before, "the step as it was, at {w}×{h}");
        // And the bar's button does what F4 does.
        let said = touch(&mut model, Target::Bar(hocso::app::BarKey::Words), w, h);
        assert_eq!(heard_terms(&said), vec![first.clone()]);
        update(&mut model, Msg::Key(Key::Enter));
        assert_eq!(model.screen, before, "Enter only closed it");
    }
}

#[test]
fn a_step_without_hard_words_has_no_words_button_and_f4_does_nothing() {
    let (lessons, glossary) = bundled();
    let (lesson, step) = lessons
        .iter()
        .flat_map(|l| l.steps.iter().map(move |s| (l, s)))
        .find(|(_, s)| glossary.marks(s.text.get("vi"), "vi").is_empty())
        .expect("a plain step");
    let mut model = at(lesson, &step.id, &glossary, Size::new(58, 14));
    let before = model.screen.clone();
    assert!(!model.bar().contains(&hocso::app::BarKey::Words));
    assert!(update(&mut model, Msg::Key(Key::F(4))).is_empty());
    assert_eq!((model.word, &model.screen), (None, &before));
}

/// The screen as text, then each run of marked (underlined) cells by row: snapshots hold
/// characters, and the marks are what this test is about.
fn picture(model: &Model, width: u16, height: u16) -> String {
    let (text, _) = render(model, width, height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let i18n = hocso::i18n::Localizer::embedded();
    terminal
        .draw(|frame| {
            hocso::ui::draw(frame, model, &i18n);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut marked = String::new();
    for y in 0..height {
        let mut runs: Vec<String> = Vec::new();
        let mut run = String::new();
        for x in 0..width {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        if !runs.is_empty() {
            marked.push_str(&format!("row {y}: {}\n", runs.join(" | ")));
        }
    }
    format!("{text}--- marked\n{marked}")
}

#[test]
fn marked_words_and_an_open_explanation_at_each_size() {
    let (lesson, id, glossary) = step_with_words(|s| matches!(s.task, Task::Choice { .. }));
    for (w, h) in [(40, 12), (58, 14), (80, 24)] {
        let mut model = at(&lesson, &id, &glossary, Size::new(w, h));
        let step = picture(&model, w, h);
        assert!(
            step.contains("row "),
            "words are marked at {w}×{h}:\n{step}"
        );
        insta::assert_snapshot!(format!("step-with-words@{w}x{h}"), step);
        update(&mut model, Msg::Key(Key::F(4)));
        let open = picture(&model, w, h);
        insta::assert_snapshot!(format!("explanation@{w}x{h}"), open);
    }
}

#[test]
fn check_reports_a_broken_glossary_at_its_line_and_words_a_lesson_leaves_unexplained() {
    let dir = fixture("glossary/lessons");
    let (code, report) = check_json(&[dir.to_str().unwrap()]);
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    let find = |code: &str| {
        diagnostics
            .iter()
            .filter(|d| d["code"] == code)
            .collect::<Vec<_>>()
    };
    // The glossary's own slip: a term without Vietnamese, an error at its line.
    let glossary_text = std::fs::read_to_string(dir.join("glossary.toml")).unwrap();
    let missing: Vec<_> = find("missing-locale")
        .into_iter()
        .filter(|d| d["file"].as_str().unwrap().ends_with("glossary.toml"))
        .collect();
    assert_eq!(missing.len(), 1, "{report:#}");
    let (line, _) = position_of(&glossary_text, "word = { en = \"PIN\" }", 0);
    assert_eq!(missing[0]["line"], line, "{report:#}");
    assert_eq!(code, 1, "an error in the glossary fails the check");
    // "CCCD" is explained nowhere; "OTP" is; "VNPT" is a name; "NGUYEN VAN AN" is a
    // name written in capitals.
    let lesson_text = std::fs::read_to_string(dir.join("the-can-cuoc.toml")).unwrap();
    let unexplained = find("unexplained-term");
    let words: Vec<&str> = unexplained
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(unexplained.len(), 1, "{words:?}");
    assert!(words[0].contains("CCCD"), "{words:?}");
    // In the option that says it, not in the comment at the top.
    let (line, column) = position_of(&lesson_text, "CCCD", 1);
    assert_eq!(
        (&unexplained[0]["line"], &unexplained[0]["column"]),
        (&line.into(), &column.into())
    );
    assert_eq!(unexplained[0]["severity"], "warning");
}

#[test]
fn check_counts_the_glossarys_recordings_with_the_rest() {
    let (_, glossary) = bundled();
    let out = support::hocso(&["check", "lessons"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.starts_with("glossary: "))
        .unwrap_or_else(|| panic!("no glossary line:\n{text}"));
    let total = glossary.terms.len();
    assert!(
        line.contains(&format!(" of {total}, ")),
        "{line} (the glossary has {total} terms)"
    );
}
