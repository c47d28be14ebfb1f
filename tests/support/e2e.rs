//! The e2e fixture's lesson (tests/fixtures/e2e), driven through the runtime.

use hocso::app::{Key, Msg};
use hocso::store::Store;
use hocso::tui::Tutor;

/// Signs a new learner in through the screens and opens the lesson at its tap step.
pub fn to_the_tap_step<S: Store>(t: &mut Tutor<S>) -> String {
    for msg in [Msg::Key(Key::Enter), Msg::Key(Key::Char('1'))] {
        t.dispatch(msg);
    }
    for c in "Bà Hạnh".chars() {
        t.dispatch(Msg::Key(Key::Char(c)));
    }
    for msg in [
        Msg::Key(Key::Enter),
        Msg::Key(Key::Char('5')),
        Msg::Key(Key::Enter),
        Msg::Key(Key::Char('1')),
        Msg::Key(Key::Enter),
    ] {
        t.dispatch(msg);
    }
    assert_eq!(
        t.model.run().map(|(_, s, _)| s.id.as_str()),
        Some("cham-zalo")
    );
    t.model.learner.clone().unwrap().code
}
