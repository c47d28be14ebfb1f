//! Signing in: the welcome screen, new or returning, a new learner's name, age and code,
//! and a returning learner's code on the keypad.

use super::nav::{pick_among, volume};
use super::{Effect, Key, KeyboardLayer, KeypadKey, Model, Press, Screen, Target, keyboard};
use crate::i18n::Lang;
use crate::store::{AgeBand, Learner, Progress};

/// The answers of the age-band question: the four bands, then "rather not say".
pub const AGE_ANSWERS: usize = AgeBand::ALL.len() + 1;

/// A name as it reads from the keys typed for it: with `telex` (a learner who started in
/// Vietnamese), Telex and VNI turn them into Vietnamese as a phone's keyboard does ("Baf
/// Hajnh" or "Ba2 Ha5nh" → "Bà Hạnh"; letters from a Vietnamese input method stay as they
/// are); without, they stay as typed.
pub fn typed_name(keys: &str, telex: bool) -> String {
    if telex {
        crate::typing::vietnamese(keys)
    } else {
        crate::lesson::nfc(keys)
    }
}

/// Deletes the last letter of the name typed with `keys` as it reads: keys are taken off
/// until one letter fewer reads; if that takes a mark off the letter before too ("Ùa" →
/// "U"), the name is kept as it read without its last letter.
fn delete_letter(keys: &mut String, telex: bool) {
    let mut wanted: Vec<char> = typed_name(keys, telex).chars().collect();
    wanted.pop();
    let wanted: String = wanted.into_iter().collect();
    while keys.pop().is_some() {
        let now = typed_name(keys, telex);
        if now.chars().count() <= wanted.chars().count() {
            if now != wanted {
                *keys = wanted;
            }
            return;
        }
    }
}

/// The longest name, in letters as they read.
const NAME_LETTERS: usize = 30;

/// A key on the welcome, who, name, age or code screens.
pub(super) fn key(model: &mut Model, key: Key) -> Vec<Effect> {
    match &mut model.screen {
        Screen::Welcome => match key {
            Key::Enter => {
                // Someone new may be at the kiosk: no name from before.
                model.name_draft = None;
                model.screen = Screen::Who { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Who { focus } => match key {
            Key::Esc | Key::Backspace => {
                model.name_draft = None;
                model.screen = Screen::Welcome;
                Vec::new()
            }
            _ => match pick_among(&mut model.focus_shown, focus, 2, key) {
                Some(0) => click(model, Target::WhoNew),
                Some(_) => click(model, Target::WhoReturning),
                None => Vec::new(),
            },
        },
        Screen::Name { name, telex, .. } => match key {
            // Thirty letters as they read; the keys for them may be more (Telex).
            Key::Char(c) if crate::typing::typeable(c) && name.chars().count() < 60 => {
                name.push(c);
                if typed_name(name, *telex).chars().count() > NAME_LETTERS {
                    name.pop();
                }
                Vec::new()
            }
            // In a field, Backspace only deletes (a letter as it reads: "Hạnh" → "Hạn",
            // not the Telex key that put the dot on it); Esc goes back.
            Key::Backspace => {
                delete_letter(name, *telex);
                Vec::new()
            }
            Key::Enter => {
                if !typed_name(name, *telex).trim().is_empty() {
                    model.screen = Screen::Age {
                        name: name.clone(),
                        telex: *telex,
                        focus: 0,
                    };
                }
                Vec::new()
            }
            Key::Esc => {
                // A name half typed is kept: "Bác học lần đầu" again brings it back.
                model.name_draft = Some((name.clone(), *telex));
                model.screen = Screen::Who { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Age { name, telex, focus } => match key {
            Key::Esc | Key::Backspace => {
                model.screen = Screen::Name {
                    name: name.clone(),
                    telex: *telex,
                    keyboard: KeyboardLayer::Letters,
                };
                Vec::new()
            }
            _ => match pick_among(&mut model.focus_shown, focus, AGE_ANSWERS, key) {
                Some(i) => click(model, Target::Answer(i)),
                None => Vec::new(),
            },
        },
        Screen::CodeGiven => match key {
            Key::Enter => {
                model.screen = Screen::Menu { focus: 0 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        Screen::Code { .. } => match key {
            Key::Char(c) if c.is_ascii_digit() => keypad(model, KeypadKey::Digit(c as u8 - b'0')),
            Key::Backspace => keypad(model, KeypadKey::Delete),
            Key::Enter => keypad(model, KeypadKey::Ok),
            Key::Esc => {
                model.screen = Screen::Who { focus: 1 };
                Vec::new()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// A click or touch on the welcome, who, name, age or code screens.
pub(super) fn click(model: &mut Model, target: Target) -> Vec<Effect> {
    match (&mut model.screen, target) {
        // ▼ and ▲ turn the page: to the last answer, or back to the first (the view
        // follows, lit or not).
        (Screen::Age { focus, .. }, Target::More { down }) => {
            *focus = if down { AGE_ANSWERS - 1 } else { 0 };
            Vec::new()
        }
        (Screen::Welcome, Target::Start) => super::key_press(model, Key::Enter),
        (Screen::Who { .. }, Target::WhoNew) => {
            let (name, telex) = model
                .name_draft
                .take()
                .unwrap_or_else(|| (String::new(), model.lang == Lang::Vi));
            model.screen = Screen::Name {
                name,
                telex,
                keyboard: KeyboardLayer::Letters,
            };
            Vec::new()
        }
        (Screen::Name { keyboard, .. }, Target::Keyboard(key)) => {
            match keyboard::press(keyboard, key) {
                Press::Type(c) => super::key_press(model, Key::Char(c)),
                Press::Delete => super::key_press(model, Key::Backspace),
                Press::Done => super::key_press(model, Key::Enter),
                Press::Nothing => Vec::new(),
            }
        }
        (Screen::Who { .. }, Target::WhoReturning) => {
            model.screen = Screen::Code {
                code: String::new(),
                not_found: None,
            };
            Vec::new()
        }
        (Screen::Age { name, telex, .. }, Target::Answer(i)) if i < AGE_ANSWERS => {
            let name: String = typed_name(name, *telex)
                .chars()
                .take(NAME_LETTERS)
                .collect();
            vec![Effect::CreateLearner {
                name: name.trim().to_owned(),
                age_band: AgeBand::ALL.get(i).copied(),
            }]
        }
        (Screen::CodeGiven, Target::Start) => super::key_press(model, Key::Enter),
        (Screen::Code { .. }, Target::Keypad(key)) => keypad(model, key),
        _ => Vec::new(),
    }
}

/// The store made a new learner; `now` is the time.
pub(super) fn learner_created(model: &mut Model, learner: Learner, now: i64) -> Vec<Effect> {
    model.sound = learner.sound;
    model.learner = Some(learner);
    model.progress = Progress::default();
    model.now = now;
    model.screen = Screen::CodeGiven;
    vec![Effect::SetVolume(volume(model.sound))]
}

/// The store looked up a code.
pub(super) fn learner_found(
    model: &mut Model,
    code: String,
    found: Option<(Learner, Box<Progress>)>,
    now: i64,
) -> Vec<Effect> {
    match found {
        Some((learner, progress)) => {
            model.sound = learner.sound;
            model.learner = Some(learner);
            model.progress = *progress;
            model.now = now;
            model.screen = if model.resumable().is_some() {
                Screen::Resume { focus: 0 }
            } else {
                Screen::Menu { focus: 0 }
            };
            return vec![Effect::SetVolume(volume(model.sound))];
        }
        None => {
            model.screen = Screen::Code {
                code: String::new(),
                not_found: Some(code),
            }
        }
    }
    Vec::new()
}

/// The keypad of the code screen.
fn keypad(model: &mut Model, key: KeypadKey) -> Vec<Effect> {
    let Screen::Code { code, not_found } = &mut model.screen else {
        return Vec::new();
    };
    match key {
        // Codes are four digits; a kiosk with thousands of learners hands out longer ones.
        KeypadKey::Digit(d) if code.len() < 6 => {
            code.push(char::from(b'0' + d));
            *not_found = None;
        }
        KeypadKey::Delete => {
            code.pop();
        }
        KeypadKey::Ok if code.len() >= 4 => {
            return vec![Effect::FindLearner { code: code.clone() }];
        }
        _ => {}
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each Xóa takes one letter off the name as it reads, whatever keys typed it.
    #[test]
    fn delete_takes_off_a_letter_as_it_reads() {
        let mut keys = "Uaf Hajnh".to_owned();
        let mut seen = vec![typed_name(&keys, true)];
        while !keys.is_empty() {
            delete_letter(&mut keys, true);
            seen.push(typed_name(&keys, true));
        }
        let counts: Vec<usize> = seen.iter().map(|s| s.chars().count()).collect();
        assert_eq!(counts, [7, 6, 5, 4, 3, 2, 1, 0], "{seen:?}");
        assert_eq!(seen[1], "Ùa Hạn");
        assert_eq!(seen[3], "Ùa H");
        assert_eq!(seen[5], "Ùa");
        assert_eq!(seen[6], "Ù");
        let mut plain = "Mai".to_owned();
        delete_letter(&mut plain, false);
        assert_eq!(plain, "Ma");
    }
}
