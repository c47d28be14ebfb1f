//! When practice has stuck: pure rules over a step's history of first tries, and the
//! Leitner boxes that bring a mastered lesson back for review. No I/O, no clock: the
//! caller says what time it is.
//!
//! Only the *first* try of each time a step is shown counts. A right answer reached after
//! a wrong try or a hint is "corrected": it moves the learner on but counts as a miss
//! here. An answer given while a volunteer helped ("assisted") never counts, either way.

use crate::lesson::MasteryRule;

/// The first try at a step, each time it was shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FirstTry {
    pub right: bool,
    pub hint_used: bool,
    pub assisted: bool,
}

impl FirstTry {
    /// Right, with no hint and no help: the only kind that builds mastery.
    pub fn clean(self) -> bool {
        self.right && !self.hint_used && !self.assisted
    }
}

/// Whether a step with this history (oldest first) is mastered under `rule`.
pub fn step_mastered(rule: MasteryRule, history: &[FirstTry]) -> bool {
    // Assisted answers neither build nor break mastery: they are left out.
    let own: Vec<FirstTry> = history.iter().copied().filter(|t| !t.assisted).collect();
    match rule {
        MasteryRule::InARow { n } => {
            let n = n.max(1) as usize;
            own.len() >= n && own[own.len() - n..].iter().all(|t| t.clean())
        }
        MasteryRule::MOfN { m, n } => {
            let n = n.max(1) as usize;
            let recent = &own[own.len().saturating_sub(n)..];
            recent.iter().filter(|t| t.clean()).count() >= m.max(1) as usize
        }
        MasteryRule::All => own.last().is_some_and(|t| t.clean()),
    }
}

/// A mastered lesson's place in the Leitner boxes: which box (0 is the first) and when it
/// is next due (seconds since the Unix epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leitner {
    pub box_index: usize,
    pub due: i64,
}

const DAY: i64 = 24 * 60 * 60;

/// The schedule of a lesson just mastered: the first box.
pub fn first_box(intervals: &[u32], now: i64) -> Leitner {
    Leitner {
        box_index: 0,
        due: now + DAY * i64::from(intervals.first().copied().unwrap_or(1)),
    }
}

/// After a review: all right first time moves the lesson up a box (never past the last);
/// any miss sends it back, no longer mastered (`None`) until the rule is met again.
#[must_use]
pub fn after_review(
    current: Leitner,
    passed: bool,
    intervals: &[u32],
    now: i64,
) -> Option<Leitner> {
    if !passed || intervals.is_empty() {
        return None;
    }
    let box_index = (current.box_index + 1).min(intervals.len() - 1);
    Some(Leitner {
        box_index,
        due: now + DAY * i64::from(intervals[box_index]),
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const CLEAN: FirstTry = FirstTry {
        right: true,
        hint_used: false,
        assisted: false,
    };
    const MISS: FirstTry = FirstTry {
        right: false,
        hint_used: false,
        assisted: false,
    };
    const HINTED: FirstTry = FirstTry {
        right: true,
        hint_used: true,
        assisted: false,
    };
    const HELPED: FirstTry = FirstTry {
        right: true,
        hint_used: false,
        assisted: true,
    };

    fn first_try() -> impl Strategy<Value = FirstTry> {
        (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(right, hint_used, assisted)| {
            FirstTry {
                right,
                hint_used,
                assisted,
            }
        })
    }

    #[test]
    fn examples() {
        let two = MasteryRule::InARow { n: 2 };
        assert!(!step_mastered(two, &[CLEAN]));
        assert!(step_mastered(two, &[MISS, CLEAN, CLEAN]));
        assert!(!step_mastered(two, &[CLEAN, CLEAN, MISS]));
        assert!(!step_mastered(two, &[CLEAN, HINTED]));
        assert!(
            step_mastered(two, &[CLEAN, HELPED, CLEAN]),
            "help neither builds nor breaks"
        );
        assert!(
            !step_mastered(two, &[HELPED, HELPED]),
            "help alone never masters"
        );
        let three_of_four = MasteryRule::MOfN { m: 3, n: 4 };
        assert!(step_mastered(three_of_four, &[CLEAN, MISS, CLEAN, CLEAN]));
        assert!(!step_mastered(
            three_of_four,
            &[CLEAN, MISS, MISS, CLEAN, CLEAN]
        ));
        assert!(step_mastered(MasteryRule::All, &[MISS, CLEAN]));
        assert!(
            !step_mastered(MasteryRule::All, &[CLEAN, MISS]),
            "a miss in review undoes it"
        );
        assert!(!step_mastered(MasteryRule::All, &[]));
    }

    #[test]
    fn boxes_go_up_one_at_a_time_and_back_to_nothing_on_a_miss() {
        let days = [1, 3, 7, 21, 60];
        let b = first_box(&days, 0);
        assert_eq!(
            b,
            Leitner {
                box_index: 0,
                due: DAY
            }
        );
        let b = after_review(b, true, &days, 10 * DAY).unwrap();
        assert_eq!(
            b,
            Leitner {
                box_index: 1,
                due: 13 * DAY
            }
        );
        assert_eq!(after_review(b, false, &days, 20 * DAY), None);
    }

    proptest! {
        /// A hint, a help-free miss or a missing answer among the last n: not mastered.
        #[test]
        fn in_a_row_needs_the_last_n_own_first_tries_clean(history in prop::collection::vec(first_try(), 0..20), n in 1u32..6) {
            let own: Vec<_> = history.iter().filter(|t| !t.assisted).collect();
            let mastered = step_mastered(MasteryRule::InARow { n }, &history);
            let tail_clean = own.len() >= n as usize && own[own.len() - n as usize..].iter().all(|t| t.right && !t.hint_used);
            prop_assert_eq!(mastered, tail_clean);
            if own.iter().rev().take(n as usize).any(|t| t.hint_used || !t.right) {
                prop_assert!(!mastered);
            }
        }

        /// m_of_n is exactly a count over the last n of the learner's own first tries.
        #[test]
        fn m_of_n_matches_a_direct_count(history in prop::collection::vec(first_try(), 0..30), n in 1u32..8, m in 1u32..8) {
            let m = m.min(n);
            let own: Vec<_> = history.iter().filter(|t| !t.assisted).collect();
            let start = own.len().saturating_sub(n as usize);
            let count = own[start..].iter().filter(|t| t.right && !t.hint_used).count();
            prop_assert_eq!(step_mastered(MasteryRule::MOfN { m, n }, &history), count >= m as usize);
        }

        /// Assisted answers never count toward mastery: adding them changes nothing.
        #[test]
        fn assisted_answers_change_nothing(history in prop::collection::vec(first_try(), 0..20), extra in prop::collection::vec(any::<bool>(), 0..5), n in 1u32..5) {
            let mut with_help = history.clone();
            for right in extra {
                with_help.push(FirstTry { right, hint_used: false, assisted: true });
            }
            for rule in [MasteryRule::InARow { n }, MasteryRule::MOfN { m: 1, n }, MasteryRule::All] {
                prop_assert_eq!(step_mastered(rule, &history), step_mastered(rule, &with_help));
            }
        }

        /// However many reviews pass, the box never goes past the last interval, and each
        /// due date is the interval of the box after now.
        #[test]
        fn the_box_never_exceeds_the_last_interval(passes in prop::collection::vec(any::<bool>(), 0..40), intervals in prop::collection::vec(1u32..100, 1..8)) {
            let mut state = Some(first_box(&intervals, 0));
            let mut now = 0;
            for passed in passes {
                now += DAY;
                state = match state {
                    Some(s) => after_review(s, passed, &intervals, now),
                    None => Some(first_box(&intervals, now)),
                };
                if let Some(s) = state {
                    prop_assert!(s.box_index < intervals.len());
                    prop_assert_eq!(s.due, now + DAY * i64::from(intervals[s.box_index]));
                }
            }
        }
    }
}
