//! Answering the step on screen rightly, as a learner who knows it would (keys and clicks).

use hocso::app::{Model, right_answer, update};

pub fn right(model: &mut Model) {
    for msg in right_answer(model) {
        let _ = update(model, msg);
    }
}
