//! Answering the step on screen rightly, as a learner who knows it would (keys and clicks).

use hocso::app::{Key, Model, Msg, Target, update};
use hocso::lesson::Task;

pub fn right(model: &mut Model) {
    let (_, step, run) = model.run().unwrap();
    let msgs: Vec<Msg> = match &step.task {
        Task::Tap { screen, target } => {
            vec![Msg::Click(Target::Phone(
                screen
                    .tappables()
                    .position(|t| t.id() == Some(target.as_str()))
                    .unwrap(),
            ))]
        }
        Task::Choice { options } => vec![Msg::Click(Target::Choice(
            options.iter().position(|o| o.correct).unwrap(),
        ))],
        Task::Order { .. } => {
            let mut arrangement = run.state.arrangement.clone();
            let mut msgs = Vec::new();
            for position in 0..arrangement.len() {
                let from = arrangement.iter().position(|&i| i == position).unwrap();
                if from != position {
                    msgs.push(Msg::Click(Target::OrderItem(from)));
                    msgs.push(Msg::Click(Target::OrderItem(position)));
                    arrangement.swap(from, position);
                }
            }
            msgs.push(Msg::Click(Target::OrderDone));
            msgs
        }
        Task::Type { answer, .. } => {
            // Clear what is there, then type the answer (as finished letters: Telex and VNI
            // pass them through unchanged).
            let mut msgs: Vec<Msg> = (0..40).map(|_| Msg::Key(Key::Backspace)).collect();
            msgs.extend(answer.chars().map(|c| Msg::Key(Key::Char(c))));
            msgs.push(Msg::Key(Key::Enter));
            msgs
        }
        Task::Scan { .. } => vec![Msg::Key(Key::Enter)],
        Task::Explain { .. } => vec![],
    };
    for msg in msgs {
        let _ = update(model, msg);
    }
}
