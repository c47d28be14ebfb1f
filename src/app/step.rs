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
    /// `choice`: the options (indices into the step's, as written) in the order shown;
    /// a digit, a click and the focus name a place in this order.
    pub options: Vec<usize>,
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
    /// On a short screen, what a wrong answer was told is on a page over the step (see
    /// [`crate::app::Model::told_on_a_page`]), until a touch or a key closes it.
    pub told_page: bool,
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
    /// A fresh showing of `step`: its options (or order items) in the order `seed` picks
    /// (as written when the step says `shuffle = false`), never the order `last` shown
    /// before when there are three or more, and an order step never already solved.
    pub fn new(step: &Step, seed: u64, last: Option<&[usize]>) -> StepState {
        let (options, pool) = match &step.task {
            Task::Choice { options } if step.shuffle => {
                (fresh_order(options.len(), seed, last, false), Vec::new())
            }
            Task::Choice { options } => ((0..options.len()).collect(), Vec::new()),
            Task::Order { items } if step.shuffle => {
                (Vec::new(), fresh_order(items.len(), seed, last, true))
            }
            // The same wrong order every time, from the step alone.
            Task::Order { items } => (
                Vec::new(),
                fresh_order(items.len(), text_seed(&step.id), None, true),
            ),
            _ => (Vec::new(), Vec::new()),
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
            options,
            pool,
            placed: Vec::new(),
            input: String::new(),
            keyboard: Layer::Letters,
            scroll_text: ViewScroll::default(),
            scroll_picture: ViewScroll::default(),
            show_picture: false,
            retry: false,
            told_page: false,
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

    /// `choice`: the option (its index as written) shown at place `shown`.
    pub fn option_at(&self, step: &Step, shown: usize) -> Option<usize> {
        let Task::Choice { options } = &step.task else {
            return None;
        };
        if self.options.len() == options.len() {
            self.options.get(shown).copied()
        } else {
            (shown < options.len()).then_some(shown)
        }
    }

    /// `choice`: the options as written, in the order shown.
    pub fn shown_options(&self, step: &Step) -> Vec<usize> {
        let n = StepState::focusable(step);
        (0..n).filter_map(|at| self.option_at(step, at)).collect()
    }

    /// `choice`: where option `option` (its index as written) is shown.
    pub fn shown_at(&self, step: &Step, option: usize) -> Option<usize> {
        self.shown_options(step).iter().position(|&i| i == option)
    }

    /// Chooses the option shown at place `shown`. What is recorded, tried and said back
    /// is the option itself (its number as written), wherever it was shown.
    pub fn choose(&mut self, step: &Step, shown: usize, help_after: u32) -> Outcome {
        let Task::Choice { options } = &step.task else {
            return Outcome::Nothing;
        };
        let Some(index) = self.option_at(step, shown) else {
            return Outcome::Nothing;
        };
        let option = &options[index];
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

/// A seed from a text (FNV-1a): the same text, the same seed.
pub fn text_seed(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// A shuffle of `0..n` (Fisher–Yates, xorshift), the same for the same `seed`.
pub fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // splitmix64 spreads close seeds apart, and xorshift needs a state that is not zero.
    let mut state = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    state = (state ^ (state >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    state = (state ^ (state >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    state = (state ^ (state >> 31)) | 1;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let j = (state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

/// An order of `0..n` for a new showing: not `last` (when there are three or more, so
/// another order exists that is not the right one), and not `0..n` itself when
/// `unsolved` (an order step must not start solved).
fn fresh_order(n: usize, seed: u64, last: Option<&[usize]>, unsolved: bool) -> Vec<usize> {
    let solved = |o: &[usize]| o.iter().enumerate().all(|(pos, i)| pos == *i);
    let fits =
        |o: &[usize]| (n < 2 || !unsolved || !solved(o)) && (n < 3 || last.is_none_or(|l| l != o));
    let mut order = Vec::new();
    for k in 0..32 {
        order = shuffled(n, seed.wrapping_add(k));
        if fits(&order) {
            return order;
        }
    }
    // Unlucky: turn the last order (or the right one) round by one place, or two.
    let base = last
        .filter(|l| l.len() == n)
        .map_or(order, <[usize]>::to_vec);
    for turn in 1..n.max(1) {
        let mut turned = base.clone();
        turned.rotate_left(turn);
        if fits(&turned) {
            return turned;
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_permutation(order: &[usize], n: usize) -> bool {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        sorted == (0..n).collect::<Vec<_>>()
    }

    #[test]
    fn shuffles_are_stable_permutations() {
        for n in 0..8 {
            for seed in [0, 1, 2, 42, u64::MAX] {
                let s = shuffled(n, seed);
                assert_eq!(s, shuffled(n, seed));
                assert!(is_permutation(&s, n), "n={n} seed={seed}");
            }
        }
    }

    #[test]
    fn a_new_showing_never_repeats_the_last_order_of_three_or_more() {
        for n in 3..7 {
            let mut last: Option<Vec<usize>> = None;
            let mut seen = std::collections::HashSet::new();
            for seed in 0..200 {
                let order = fresh_order(n, seed, last.as_deref(), false);
                assert!(is_permutation(&order, n));
                assert_ne!(Some(&order), last.as_ref(), "n={n} seed={seed}");
                seen.insert(order.clone());
                last = Some(order);
            }
            // The options really move: many orders come up, not two.
            assert!(seen.len() >= 6, "n={n}: {} orders", seen.len());
        }
    }

    #[test]
    fn an_order_step_never_starts_solved() {
        for n in 2..7 {
            let mut last: Option<Vec<usize>> = None;
            for seed in 0..200 {
                let order = fresh_order(n, seed, last.as_deref(), true);
                assert!(is_permutation(&order, n));
                assert!(order.iter().enumerate().any(|(p, i)| p != *i), "n={n}");
                if n >= 3 {
                    assert_ne!(Some(&order), last.as_ref(), "n={n} seed={seed}");
                }
                last = Some(order);
            }
        }
        assert_eq!(fresh_order(1, 7, None, true), [0]);
        assert!(fresh_order(0, 7, None, true).is_empty());
    }
}
