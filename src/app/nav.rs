//! Moves shared by the screens: choosing among answers, the sound button, replaying the
//! step, signing out.

use super::{Effect, Key, Model, Msg, Screen, Target};
use crate::store::{Progress, Sound};

/// Narration's loudness for a setting: 0 when off.
pub(super) fn volume(sound: Sound) -> u8 {
    if sound.on { sound.volume } else { 0 }
}

/// The sound button (or F3): loud, quieter, off, loud again; kept for the learner.
pub(super) fn cycle_sound(model: &mut Model) -> Vec<Effect> {
    model.sound = model.sound.next();
    let mut effects = vec![Effect::SetVolume(volume(model.sound))];
    if !model.sound.on {
        effects.push(Effect::StopNarration);
    }
    if let Some(learner) = &model.learner {
        effects.push(Effect::SaveSound {
            learner: learner.code.clone(),
            sound: model.sound,
        });
    }
    effects
}

/// Moves a focus among `count` answers; digits choose directly. Returns the chosen answer.
pub(super) fn choose_among(focus: &mut usize, count: usize, key: Key) -> Option<usize> {
    match key {
        Key::Up | Key::Left | Key::BackTab => *focus = (*focus + count - 1) % count,
        Key::Down | Key::Right | Key::Tab => *focus = (*focus + 1) % count,
        Key::Char(c @ '1'..='9') if usize::from(c as u8 - b'1') < count => {
            return Some(usize::from(c as u8 - b'1'));
        }
        Key::Enter => return Some(*focus),
        _ => {}
    }
    None
}

/// [`choose_among`] on a learner's screen, where nothing is chosen before she chooses:
/// the first arrow key shows the focus where it is, and Enter chooses only a focus that
/// shows (`shown`).
pub(super) fn pick_among(
    shown: &mut bool,
    focus: &mut usize,
    count: usize,
    key: Key,
) -> Option<usize> {
    match key {
        Key::Up | Key::Down | Key::Left | Key::Right | Key::Tab | Key::BackTab if !*shown => {
            *shown = true;
            None
        }
        Key::Enter if !*shown => None,
        _ => choose_among(focus, count, key),
    }
}

pub(super) fn sign_out(model: &mut Model) -> Vec<Effect> {
    model.guided = None;
    model.asking_sign_out = false;
    model.learner = None;
    model.progress = Progress::default();
    model.screen = Screen::Welcome;
    vec![Effect::StopNarration, Effect::SignedOut]
}

/// Asks before signing out: "change learner?".
pub(super) fn ask_sign_out(model: &mut Model) -> Vec<Effect> {
    model.asking_sign_out = true;
    Vec::new()
}

/// A key or touch while "change learner?" is asked: only a clear yes signs out.
pub(super) fn answer_sign_out(model: &mut Model, msg: &Msg) -> Vec<Effect> {
    let yes = match msg {
        Msg::Click(Target::SignOut(yes)) => Some(*yes),
        Msg::Key(Key::Char('1')) => Some(true),
        Msg::Key(Key::Char('2') | Key::Esc | Key::Backspace) => Some(false),
        _ => None,
    };
    match yes {
        Some(true) => {
            model.asking_sign_out = false;
            sign_out(model)
        }
        Some(false) => {
            model.asking_sign_out = false;
            Vec::new()
        }
        None => Vec::new(),
    }
}
