//! One step being done: what is focused, what was tried, what the learner has been told.
//! Pure: every answer returns an [`Outcome`] for `update` to act on.

use crate::lesson::{InputMethod, LocalText, Step, Task, nfc};
use crate::typing::keyboard::{self, KeyboardKey, Layer, Press};

/// What the learner is told after an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Feedback {
    /// Right; the step's own words if it has them.
    Right(Option<LocalText>),
    /// Wrong; the words for that answer, or the step's, if any.
    Wrong(Option<LocalText>),
    /// `order`, wrong: the first `kept` items were right and stay in the list.
    OrderKept(usize),
}

/// The result of one answer.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Outcome {
    /// Nothing to grade (an explain step, or a key that only moves).
    Nothing,
    Right {
        answer: String,
        first_try: bool,
        hint_used: bool,
    },
    Wrong {
        answer: String,
        /// The first try this time the step was shown.
        first_try: bool,
        hint_used: bool,
        needs_volunteer: bool,
    },
}

/// The state of the step on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct StepState {
    /// The focus a key moved (a phone element, an option, an order item or the order's
    /// Check button, after the items): none until a key moves it, so nothing is lit or
    /// submitted that the learner did not pick.
    pub focus: Option<usize>,
    /// Wrong answers already tried on this showing (indices into the options or the
    /// phone's tappables): touched again, they count no new miss.
    pub tried: Vec<usize>,
    /// The learner touched "Gọi tình nguyện viên" on this showing.
    pub called: bool,
    /// "Go back?" is on screen: the learner had started this step.
    pub leaving: bool,
    /// Wrong answers so far.
    pub misses: u32,
    /// The hint is on screen.
    pub hint: bool,
    /// The right target is marked.
    pub highlight: bool,
    /// The volunteer panel is on screen.
    pub needs_volunteer: bool,
    pub feedback: Option<Feedback>,
    /// The answer (an option, or a thing on the phone, by index) whose own words the
    /// feedback shows, if they are its own: what the voice reads them from.
    pub own_words: Option<usize>,
    /// Answered right: Enter moves on.
    pub solved: bool,
    /// `order`: every item (indices into the lesson's right order), shuffled, in the
    /// order the pool shows them; an item placed leaves the pool and comes back to its
    /// own place in it.
    pub pool: Vec<usize>,
    /// `order`: the numbered list the learner has made so far.
    pub placed: Vec<usize>,
    /// `type`: what has been typed.
    pub input: String,
    /// `type` of words: the keys the phone's keyboard shows.
    pub keyboard: Layer,
    /// Where nothing takes the focus: how the text's view, and the phone's screen, were
    /// moved with ▲ and ▼.
    pub scroll_text: ViewScroll,
    pub scroll_picture: ViewScroll,
    /// Paged layout: the picture's page is showing rather than the text's.
    pub show_picture: bool,
    /// Shown again in the same run after a first try: no new first try.
    pub retry: bool,
}

/// A view with nothing to focus, moved with ▲ and ▼: by `rows` from where it would be,
/// the last touch up (the view then reaches from its top) or down (to its bottom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ViewScroll {
    pub rows: i16,
    pub up: bool,
}

/// How far ▲ and ▼ move a view with nothing to focus (more than any screen holds).
const MAX_SCROLL: i16 = 100;

impl ViewScroll {
    /// One touch of ▼ (`down`) or ▲.
    pub fn moved(&mut self, down: bool) {
        self.rows = (self.rows + if down { 1 } else { -1 }).clamp(-MAX_SCROLL, MAX_SCROLL);
        self.up = !down;
    }
}

/// Misses before the hint shows, and before the right answer is marked.
const HINT_AFTER: u32 = 2;
const HIGHLIGHT_AFTER: u32 = 3;

impl StepState {
    /// A fresh state for `step`; `seed` varies the order step's shuffle per lesson.
    pub fn new(step: &Step, seed: &str) -> StepState {
        let pool = match &step.task {
            Task::Order { items } => shuffled(items.len(), &format!("{seed}/{}", step.id)),
            _ => Vec::new(),
        };
        StepState {
            focus: None,
            tried: Vec::new(),
            called: false,
            leaving: false,
            misses: 0,
            hint: false,
            highlight: false,
            needs_volunteer: false,
            feedback: None,
            own_words: None,
            solved: false,
            pool,
            placed: Vec::new(),
            input: String::new(),
            keyboard: Layer::Letters,
            scroll_text: ViewScroll::default(),
            scroll_picture: ViewScroll::default(),
            show_picture: false,
            retry: false,
        }
    }

    /// How many things focus moves between.
    pub fn focusable(step: &Step) -> usize {
        match &step.task {
            Task::Tap { screen, .. } => screen.tappables().count(),
            Task::Choice { options } => options.len(),
            Task::Order { items } => items.len() + 1,
            _ => 0,
        }
    }

    /// An arrow or Tab: the first press shows the focus (on the first thing), the next
    /// ones move it, round the end.
    pub fn move_focus(&mut self, step: &Step, forward: bool) {
        let n = StepState::focusable(step);
        if n == 0 {
            return;
        }
        self.focus = Some(match self.focus {
            None => 0,
            Some(f) if forward => (f + 1) % n,
            Some(f) => (f + n - 1) % n,
        });
        // The view follows the focus.
        self.scroll_text = ViewScroll::default();
        self.scroll_picture = ViewScroll::default();
    }

    /// Moves a focus one place, without wrapping round: what the ▲/▼ buttons of a long
    /// list do once a key has shown the focus (before that they move the view).
    pub fn scroll_focus(&mut self, step: &Step, down: bool) {
        let n = StepState::focusable(step);
        if let Some(f) = self.focus
            && n > 0
        {
            self.focus = Some(if down {
                (f + 1).min(n - 1)
            } else {
                f.saturating_sub(1)
            });
        }
    }

    /// The learner has done something on this step that going back would undo.
    pub fn started(&self) -> bool {
        self.solved || self.misses > 0 || !self.input.is_empty() || !self.placed.is_empty()
    }

    /// `order`: the items not yet placed, in the pool's order.
    pub fn unplaced(&self) -> impl Iterator<Item = usize> + '_ {
        self.pool
            .iter()
            .copied()
            .filter(|i| !self.placed.contains(i))
    }

    /// `order`: every item is in the list, so it can be checked.
    pub fn all_placed(&self) -> bool {
        !self.pool.is_empty() && self.placed.len() == self.pool.len()
    }

    /// `order`: the item at focus position `f` (the list's items, then the pool's), or
    /// None for the Check button after them.
    pub fn order_item_at(&self, f: usize) -> Option<usize> {
        self.placed
            .get(f)
            .copied()
            .or_else(|| self.unplaced().nth(f.checked_sub(self.placed.len())?))
    }

    /// ▲ or ▼ of a view with nothing to focus: the phone's screen (`picture`) or the text.
    pub fn scroll_view(&mut self, picture: bool, down: bool) {
        let scroll = if picture {
            &mut self.scroll_picture
        } else {
            &mut self.scroll_text
        };
        scroll.rows = (scroll.rows + if down { 1 } else { -1 }).clamp(-MAX_SCROLL, MAX_SCROLL);
        scroll.up = !down;
    }

    /// Small screens: the picture's page, or the text's. Either opens as it would.
    pub fn show_page(&mut self, picture: bool) {
        self.show_picture = picture;
        self.scroll_text = ViewScroll::default();
        self.scroll_picture = ViewScroll::default();
    }

    /// Taps phone element `index` (an index into the screen's tappables).
    pub fn tap(&mut self, step: &Step, index: usize, help_after: u32) -> Outcome {
        let Task::Tap { screen, target } = &step.task else {
            return Outcome::Nothing;
        };
        let Some(tapped) = screen.tappables().nth(index) else {
            return Outcome::Nothing;
        };
        let answer = tapped.id().unwrap_or("?").to_owned();
        if tapped.id() == Some(target.as_str()) {
            self.right(step, answer)
        } else {
            self.wrong_at(step, index, tapped.feedback().cloned(), answer, help_after)
        }
    }

    /// Chooses option `index`.
    pub fn choose(&mut self, step: &Step, index: usize, help_after: u32) -> Outcome {
        let Task::Choice { options } = &step.task else {
            return Outcome::Nothing;
        };
        let Some(option) = options.get(index) else {
            return Outcome::Nothing;
        };
        let answer = format!("{}: {}", index + 1, option.text.get("vi"));
        if option.correct {
            let outcome = self.right(step, answer);
            if let Some(f) = &option.feedback {
                self.feedback = Some(Feedback::Right(Some(f.clone())));
                self.own_words = Some(index);
            }
            outcome
        } else {
            self.wrong_at(step, index, option.feedback.clone(), answer, help_after)
        }
    }

    /// `order`: touches `item` (an index into the right order): from the pool it goes
    /// to the end of the list; from the list it goes back to the pool, and the items
    /// after it close up in their order.
    pub fn touch_item(&mut self, item: usize) {
        if item >= self.pool.len() {
            return;
        }
        match self.placed.iter().position(|&i| i == item) {
            Some(at) => {
                self.placed.remove(at);
            }
            None => self.placed.push(item),
        }
    }

    /// `order`: Enter on the focus: moves the focused item (the focus stays where it is,
    /// on what comes there next), or checks on the Check button.
    pub fn enter_order(&mut self, step: &Step, help_after: u32) -> Outcome {
        let Some(f) = self.focus else {
            return Outcome::Nothing;
        };
        match self.order_item_at(f) {
            Some(item) => {
                self.touch_item(item);
                Outcome::Nothing
            }
            None => self.submit_order(step, help_after),
        }
    }

    /// `order`: the learner checks the list; only once every item is placed. Wrong: the
    /// items right from the start stay, the others go back to the pool.
    pub fn submit_order(&mut self, step: &Step, help_after: u32) -> Outcome {
        if !self.all_placed() {
            return Outcome::Nothing;
        }
        let answer = self
            .placed
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",");
        let kept = self
            .placed
            .iter()
            .enumerate()
            .take_while(|(pos, i)| pos == *i)
            .count();
        if kept == self.placed.len() {
            return self.right(step, answer);
        }
        self.placed.truncate(kept);
        let outcome = self.wrong(step, None, answer, help_after);
        self.feedback = Some(Feedback::OrderKept(kept));
        if let Some(f) = self.focus {
            self.focus = Some(f.min(StepState::focusable(step) - 1));
        }
        outcome
    }

    /// `type`: a typed character (digits only for the keypad).
    pub fn type_char(&mut self, step: &Step, c: char) {
        let Task::Type { input, answer, .. } = &step.task else {
            return;
        };
        // What is typed shows in the field: bring it back into view.
        self.scroll_picture = ViewScroll::default();
        let digits_only = *input == InputMethod::Digits;
        // Room for the answer and a little more; no unbounded input.
        let limit = answer.chars().count() + 16;
        if (!digits_only || c.is_ascii_digit())
            && crate::typing::typeable(c)
            && self.input.chars().count() < limit
        {
            self.input.push(c);
        }
    }

    /// `type` of words: a key of the phone's keyboard touched.
    pub fn press_key(&mut self, step: &Step, key: KeyboardKey, help_after: u32) -> Outcome {
        let Task::Type { input, .. } = &step.task else {
            return Outcome::Nothing;
        };
        if *input == InputMethod::Digits {
            return Outcome::Nothing;
        }
        match keyboard::press(&mut self.keyboard, key) {
            Press::Type(c) => self.type_char(step, c),
            Press::Delete => {
                self.delete_char();
            }
            Press::Done => return self.submit_typed(step, help_after),
            Press::Nothing => {}
        }
        Outcome::Nothing
    }

    pub fn delete_char(&mut self) -> bool {
        self.scroll_picture = ViewScroll::default();
        self.input.pop().is_some()
    }

    /// `type`: what the field shows: the keys as typed, or (Telex, VNI) as a phone's
    /// keyboard turns them into Vietnamese.
    pub fn shown_input(&self, step: &Step) -> String {
        match &step.task {
            Task::Type {
                input: InputMethod::Telex,
                ..
            } => crate::typing::telex(&self.input),
            Task::Type {
                input: InputMethod::Vni,
                ..
            } => crate::typing::vni(&self.input),
            _ => self.input.clone(),
        }
    }

    /// `type`: checks what was typed.
    pub fn submit_typed(&mut self, step: &Step, help_after: u32) -> Outcome {
        let Task::Type {
            answer,
            accept,
            input,
            ..
        } = &step.task
        else {
            return Outcome::Nothing;
        };
        let given = nfc(self.shown_input(step).trim());
        if given.is_empty() {
            return Outcome::Nothing;
        }
        // Keyboards differ on where the tone mark sits ("hoà", "hòa"): either is right.
        let same = |want: &String| match input {
            InputMethod::Telex | InputMethod::Vni => {
                crate::typing::tone_free(&given) == crate::typing::tone_free(want)
            }
            _ => given == *want,
        };
        if same(answer) || accept.iter().any(same) {
            self.right(step, given)
        } else {
            self.wrong(step, None, given, help_after)
        }
    }

    /// `scan`: the learner (or volunteer) confirms the code was scanned.
    pub fn confirm_scan(&mut self, step: &Step) -> Outcome {
        self.right(step, "scanned".to_owned())
    }

    /// The learner touched "Gọi tình nguyện viên": whether to tell the panel (once per
    /// showing, and not again after the misses already did).
    pub fn call_volunteer(&mut self, help_after: u32) -> bool {
        let first = !self.called && self.misses < help_after.max(1);
        self.called = true;
        first
    }

    fn right(&mut self, step: &Step, answer: String) -> Outcome {
        self.solved = true;
        self.focus = None;
        self.needs_volunteer = false;
        self.feedback = Some(Feedback::Right(step.right_feedback.clone()));
        self.own_words = None;
        Outcome::Right {
            answer,
            first_try: self.misses == 0 && !self.retry,
            hint_used: self.hint,
        }
    }

    /// A wrong answer `index` (an option or a tappable): touched again on this showing,
    /// it only says its words again; no new miss, nothing to save.
    fn wrong_at(
        &mut self,
        step: &Step,
        index: usize,
        specific: Option<LocalText>,
        answer: String,
        help_after: u32,
    ) -> Outcome {
        let own = specific.is_some().then_some(index);
        if self.tried.contains(&index) {
            if !self.hint && !self.needs_volunteer {
                self.feedback = Some(Feedback::Wrong(
                    specific.or_else(|| step.wrong_feedback.clone()),
                ));
                self.own_words = own;
            }
            return Outcome::Nothing;
        }
        self.tried.push(index);
        let outcome = self.wrong(step, specific, answer, help_after);
        self.own_words = own;
        outcome
    }

    fn wrong(
        &mut self,
        step: &Step,
        specific: Option<LocalText>,
        answer: String,
        help_after: u32,
    ) -> Outcome {
        let hint_used = self.hint;
        let first_try = self.misses == 0 && !self.retry;
        self.misses += 1;
        self.feedback = Some(Feedback::Wrong(
            specific.or_else(|| step.wrong_feedback.clone()),
        ));
        self.own_words = None;
        if self.misses >= HINT_AFTER {
            self.hint = step.hint.is_some();
        }
        if self.misses >= HIGHLIGHT_AFTER || (self.misses >= HINT_AFTER && step.hint.is_none()) {
            // Only the right answer is marked: no focus beside it.
            self.highlight = true;
            self.focus = None;
        }
        // The volunteer is asked for once, when the count is reached (unless the learner
        // has already called one with the button).
        let needs_volunteer = self.misses == help_after.max(1) && !self.called;
        if self.misses >= help_after.max(1) {
            self.needs_volunteer = true;
        }
        Outcome::Wrong {
            answer,
            first_try,
            hint_used,
            needs_volunteer,
        }
    }
}

/// A shuffle of `0..n` that is never the right order (for n ≥ 2), the same every time for
/// the same `seed`, so a learner who comes back sees the same puzzle.
pub fn shuffled(n: usize, seed: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    if n >= 2 && order.iter().enumerate().all(|(pos, i)| pos == *i) {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shuffles_are_stable_and_never_already_solved() {
        for n in 2..8 {
            for seed in ["a", "b", "vneid/thu-tu", "x/y/z"] {
                let s = shuffled(n, seed);
                assert_eq!(s, shuffled(n, seed));
                let mut sorted = s.clone();
                sorted.sort();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>());
                assert_ne!(s, sorted, "n={n} seed={seed}");
            }
        }
        assert_eq!(shuffled(1, "a"), [0]);
        assert!(shuffled(0, "a").is_empty());
    }
}
