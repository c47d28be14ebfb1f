//! Touches into taps: the rules every touch follows before it means anything to the
//! tutor. A learner with shaky hands touches twice, slides, or touches just as the screen
//! changes; here one intent becomes at most one tap.
//!
//! Pure: no terminal, no clock. The runtime stamps each touch with monotonic milliseconds,
//! hit-tests it on the last frame drawn (and on the frame before the screen last changed),
//! and tells the layer when a frame with different targets was drawn.
//!
//! The rules:
//! - a touch acts when the finger lifts, on the target it went down on; lifted elsewhere
//!   (slid off), it does nothing;
//! - a touch that went down within `settle` of the screen changing does nothing, unless it
//!   is on a target meant to be touched again that was already there (a key, ▲, ▼);
//! - after a tap, another touch within `repeat` does nothing, and neither does a touch near
//!   the last one within twice `repeat` (a double or triple tap is one intent); targets
//!   meant to be touched again drop only a bounce: the same target within half `repeat`;
//! - a target that takes several taps (the volunteer's way in) acts on the last of them,
//!   each within twice `repeat` of the one before.
//!
//! On the kiosk, foot sends a touch as a press and a release together when the finger
//! lifts (a still finger held long is the same tap), so holding cannot be told from
//! tapping; a slide of a cell or more within foot's `long-press-delay` becomes wheel
//! events and no press at all (the kiosk's foot.ini sets that delay to 0, so a slide is a
//! press, drag and release, judged here).

/// What the layer needs to know of a target.
pub trait Tappable: Copy + PartialEq + std::fmt::Debug {
    /// Meant to be touched again and again (a key, ▲, ▼): only a bounce is dropped.
    fn repeats(&self) -> bool;
    /// Taps in a row it takes to act (the volunteer's way in takes several).
    fn taps_needed(&self) -> u32 {
        1
    }
}

/// Timings, in milliseconds (the kiosk's configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// After the screen changes, touches that went down this soon do nothing.
    pub settle: u64,
    /// After a tap, touches this soon do nothing (near the last touch: twice as long).
    pub repeat: u64,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            settle: 400,
            repeat: 500,
        }
    }
}

impl Timing {
    /// No filtering by time at all (tests of other things that click at once).
    pub fn none() -> Timing {
        Timing {
            settle: 0,
            repeat: 0,
        }
    }
}

/// Where a touch is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// The finger went down.
    Down,
    /// The finger moved while down.
    Drag,
    /// The finger lifted.
    Up,
    /// The touch ended without a lift the tutor can trust (the terminal turned it into a
    /// scroll, say).
    Lost,
}

/// One touch event, stamped and hit-tested by the runtime.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Touch<T> {
    pub phase: Phase,
    /// Column and row.
    pub cell: (u16, u16),
    /// The target there on the frame on screen.
    pub hit: Option<T>,
    /// The target there before the screen last changed.
    pub was: Option<T>,
    /// Milliseconds on the runtime's monotonic clock.
    pub at: u64,
}

/// Why a touch did nothing, for the log and for tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// Lifted off the target it went down on.
    SlidOff,
    /// Went down just after the screen changed.
    Settling,
    /// Came too soon after a tap, or near the last touch too soon.
    Repeat,
    /// The screen changed while the finger was down.
    ScreenChanged,
    /// One of the taps a target takes, not yet the last.
    MoreTaps,
    /// The terminal lost the touch.
    Lost,
}

/// What a touch came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<T> {
    /// Not finished yet, or on nothing.
    Nothing,
    Tap(T),
    Dropped(Dropped),
}

#[derive(Debug, Clone, Copy)]
struct Press<T> {
    target: Option<T>,
    was: Option<T>,
    cell: (u16, u16),
    at: u64,
    page: u64,
}

#[derive(Debug, Clone, Copy)]
struct Landed<T> {
    target: Option<T>,
    at: u64,
}

/// The gesture layer's memory: the finger down, the last touches, the screen's changes.
#[derive(Debug, Clone)]
pub struct Gestures<T> {
    pub timing: Timing,
    press: Option<Press<T>>,
    /// The last touch, on a target or not, tapped or dropped.
    last_touch: Option<Landed<T>>,
    /// A burst of touches at one spot, started by a tap on a target that does not repeat
    /// (where and when its latest touch was): the rest of a double or triple tap.
    burst: Option<((u16, u16), u64)>,
    /// When the last tap on a target that does not repeat happened.
    last_tap: Option<u64>,
    /// A target that takes several taps: which, how many so far, the last one's time.
    taps: Option<(T, u32, u64)>,
    /// Which screen is showing (counts changes), and since when.
    page: u64,
    changed_at: Option<u64>,
}

/// How near (columns, rows) a touch is to the last one to count as the same spot.
const NEAR: (u16, u16) = (4, 2);

impl<T: Tappable> Gestures<T> {
    pub fn new(timing: Timing) -> Gestures<T> {
        Gestures {
            timing,
            press: None,
            last_touch: None,
            burst: None,
            last_tap: None,
            taps: None,
            page: 0,
            changed_at: None,
        }
    }

    /// A frame was drawn at `at`; `changed`: its targets differ from the frame before.
    pub fn shown(&mut self, changed: bool, at: u64) {
        if changed {
            self.page += 1;
            self.changed_at = Some(at);
        }
    }

    /// Whether a finger is down.
    pub fn pressed(&self) -> bool {
        self.press.is_some()
    }

    /// Takes in one touch event.
    pub fn touch(&mut self, touch: Touch<T>) -> Verdict<T> {
        match touch.phase {
            Phase::Down => {
                // A press without a lift before it was lost on the way: forget it.
                self.press = Some(Press {
                    target: touch.hit,
                    was: touch.was,
                    cell: touch.cell,
                    at: touch.at,
                    page: self.page,
                });
                Verdict::Nothing
            }
            // Sliding is judged where the finger lifts: off and back on still taps.
            Phase::Drag => Verdict::Nothing,
            Phase::Lost => match self.press.take() {
                Some(_) => Verdict::Dropped(Dropped::Lost),
                None => Verdict::Nothing,
            },
            Phase::Up => match self.press.take() {
                Some(press) => self.lifted(press, touch),
                None => Verdict::Nothing,
            },
        }
    }

    fn lifted(&mut self, press: Press<T>, up: Touch<T>) -> Verdict<T> {
        let verdict = self.verdict(&press, up);
        // Every touch counts for what follows, whatever it did: a touch that landed in a
        // gap is still part of the double tap it belongs to.
        self.last_touch = Some(Landed {
            target: press.target,
            at: press.at,
        });
        match verdict {
            Verdict::Tap(t) if !t.repeats() => {
                self.last_tap = Some(press.at);
                self.burst = Some((press.cell, press.at));
            }
            _ if self.in_burst(&press) => self.burst = Some((press.cell, press.at)),
            _ => {}
        }
        verdict
    }

    /// Whether `press` continues the burst of touches after a tap: near its last touch,
    /// and soon.
    fn in_burst(&self, press: &Press<T>) -> bool {
        self.burst.is_some_and(|(cell, at)| {
            press.at.saturating_sub(at) < 2 * self.timing.repeat
                && cell.0.abs_diff(press.cell.0) <= NEAR.0
                && cell.1.abs_diff(press.cell.1) <= NEAR.1
        })
    }

    fn verdict(&mut self, press: &Press<T>, up: Touch<T>) -> Verdict<T> {
        let Some(target) = press.target else {
            return Verdict::Nothing;
        };
        if up.hit != Some(target) {
            return Verdict::Dropped(Dropped::SlidOff);
        }
        if press.page != self.page {
            return Verdict::Dropped(Dropped::ScreenChanged);
        }
        let needed = target.taps_needed();
        if needed > 1 {
            let gap = 2 * self.timing.repeat;
            let count = match self.taps {
                Some((t, n, at)) if t == target && press.at.saturating_sub(at) <= gap => n + 1,
                _ => 1,
            };
            if count < needed {
                self.taps = Some((target, count, press.at));
                return Verdict::Dropped(Dropped::MoreTaps);
            }
            self.taps = None;
            return Verdict::Tap(target);
        }
        self.taps = None;
        self.judge(target, press)
    }

    fn judge(&self, target: T, press: &Press<T>) -> Verdict<T> {
        let t = self.timing;
        let since = |at: u64| press.at.saturating_sub(at);
        // Just after the screen changed, the finger was aimed at the screen before; only a
        // key or arrow that was already there is still what it was aimed at.
        let settling = self
            .changed_at
            .is_some_and(|changed| press.at >= changed && since(changed) < t.settle);
        let unchanged = target.repeats() && press.was == Some(target);
        if settling && !unchanged {
            return Verdict::Dropped(Dropped::Settling);
        }
        // The rest of a double or triple tap on a button, whatever is under it now.
        if self.in_burst(press) {
            return Verdict::Dropped(Dropped::Repeat);
        }
        if target.repeats() {
            let bounce = self
                .last_touch
                .is_some_and(|l| l.target == Some(target) && since(l.at) < t.repeat / 2);
            return if bounce {
                Verdict::Dropped(Dropped::Repeat)
            } else {
                Verdict::Tap(target)
            };
        }
        let after_tap = self.last_tap.is_some_and(|at| since(at) < t.repeat);
        if after_tap {
            Verdict::Dropped(Dropped::Repeat)
        } else {
            Verdict::Tap(target)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum T {
        Button(u8),
        Key(char),
        Secret,
    }

    impl Tappable for T {
        fn repeats(&self) -> bool {
            matches!(self, T::Key(_))
        }
        fn taps_needed(&self) -> u32 {
            if matches!(self, T::Secret) { 3 } else { 1 }
        }
    }

    fn touch(phase: Phase, cell: (u16, u16), hit: Option<T>, at: u64) -> Touch<T> {
        Touch {
            phase,
            cell,
            hit,
            was: hit,
            at,
        }
    }

    /// A tap: down at `at`, up 80 ms later at the same cell.
    fn tap(g: &mut Gestures<T>, cell: (u16, u16), hit: Option<T>, at: u64) -> Verdict<T> {
        assert_eq!(g.touch(touch(Phase::Down, cell, hit, at)), Verdict::Nothing);
        g.touch(touch(Phase::Up, cell, hit, at + 80))
    }

    fn layer() -> Gestures<T> {
        let mut g = Gestures::new(Timing::default());
        g.shown(true, 0);
        g
    }

    #[test]
    fn a_touch_acts_when_the_finger_lifts_on_the_target_it_went_down_on() {
        let mut g = layer();
        let b = Some(T::Button(1));
        assert_eq!(
            g.touch(touch(Phase::Down, (5, 5), b, 1000)),
            Verdict::Nothing
        );
        assert!(g.pressed());
        assert_eq!(
            g.touch(touch(Phase::Drag, (6, 5), b, 1050)),
            Verdict::Nothing
        );
        assert_eq!(
            g.touch(touch(Phase::Up, (6, 5), b, 1100)),
            Verdict::Tap(T::Button(1))
        );
        assert!(!g.pressed());
        // A lift with no press before it (the press was never seen) does nothing.
        assert_eq!(g.touch(touch(Phase::Up, (6, 5), b, 5000)), Verdict::Nothing);
    }

    #[test]
    fn sliding_off_cancels_and_a_touch_on_nothing_is_nothing() {
        let mut g = layer();
        g.touch(touch(Phase::Down, (5, 5), Some(T::Button(1)), 1000));
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 8), Some(T::Button(2)), 1100)),
            Verdict::Dropped(Dropped::SlidOff)
        );
        g.touch(touch(Phase::Down, (5, 5), Some(T::Button(1)), 3000));
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 7), None, 3100)),
            Verdict::Dropped(Dropped::SlidOff)
        );
        // Down on a gap and lifted on a button: the button was never aimed at.
        g.touch(touch(Phase::Down, (5, 6), None, 6000));
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 5), Some(T::Button(1)), 6100)),
            Verdict::Nothing
        );
        // Off and back on before lifting still taps.
        g.touch(touch(Phase::Down, (5, 5), Some(T::Button(1)), 9000));
        g.touch(touch(Phase::Drag, (5, 6), None, 9050));
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 5), Some(T::Button(1)), 9100)),
            Verdict::Tap(T::Button(1))
        );
    }

    #[test]
    fn a_lost_touch_does_nothing() {
        let mut g = layer();
        g.touch(touch(Phase::Down, (5, 5), Some(T::Button(1)), 1000));
        assert_eq!(
            g.touch(touch(Phase::Lost, (5, 5), None, 1050)),
            Verdict::Dropped(Dropped::Lost)
        );
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 5), Some(T::Button(1)), 1100)),
            Verdict::Nothing
        );
    }

    #[test]
    fn double_and_triple_taps_are_one_tap() {
        let b = Some(T::Button(1));
        for gap in [80, 100, 120, 150, 400] {
            let mut g = layer();
            assert_eq!(tap(&mut g, (5, 5), b, 1000), Verdict::Tap(T::Button(1)));
            assert_eq!(
                tap(&mut g, (5, 5), b, 1000 + gap),
                Verdict::Dropped(Dropped::Repeat),
                "{gap} ms"
            );
        }
        // Unhurried taps 0.7 s apart on the same spot: still one intent.
        let mut g = layer();
        assert_eq!(tap(&mut g, (5, 5), b, 1000), Verdict::Tap(T::Button(1)));
        assert_eq!(
            tap(&mut g, (6, 5), b, 1700),
            Verdict::Dropped(Dropped::Repeat)
        );
        assert_eq!(
            tap(&mut g, (5, 6), b, 2400),
            Verdict::Dropped(Dropped::Repeat)
        );
        // A pause, and the same button acts again.
        assert_eq!(tap(&mut g, (5, 5), b, 3500), Verdict::Tap(T::Button(1)));
    }

    #[test]
    fn another_target_soon_after_a_tap_does_nothing_then_works() {
        let mut g = layer();
        assert_eq!(
            tap(&mut g, (5, 2), Some(T::Button(1)), 1000),
            Verdict::Tap(T::Button(1))
        );
        assert_eq!(
            tap(&mut g, (5, 9), Some(T::Button(2)), 1300),
            Verdict::Dropped(Dropped::Repeat)
        );
        // Touched again (the first touch of it did nothing), it acts.
        assert_eq!(
            tap(&mut g, (5, 9), Some(T::Button(2)), 1600),
            Verdict::Tap(T::Button(2))
        );
    }

    #[test]
    fn a_touch_in_a_gap_still_belongs_to_the_double_tap() {
        let mut g = layer();
        let b = Some(T::Button(1));
        assert_eq!(tap(&mut g, (5, 5), b, 1000), Verdict::Tap(T::Button(1)));
        // The second tap of a triple lands in the gap, the third on what came there.
        assert_eq!(tap(&mut g, (5, 6), None, 1700), Verdict::Nothing);
        assert_eq!(
            tap(&mut g, (5, 5), Some(T::Button(7)), 2400),
            Verdict::Dropped(Dropped::Repeat)
        );
        // A first try that landed in a gap starts nothing: the next try acts.
        let mut g = layer();
        assert_eq!(tap(&mut g, (5, 6), None, 1000), Verdict::Nothing);
        assert_eq!(tap(&mut g, (5, 5), b, 1300), Verdict::Tap(T::Button(1)));
    }

    #[test]
    fn a_key_that_came_under_a_triple_tap_does_not_type() {
        let mut g = layer();
        // "Tiếp tục", and the keyboard of the next step appears under the finger.
        assert_eq!(
            tap(&mut g, (10, 12), Some(T::Button(1)), 1000),
            Verdict::Tap(T::Button(1))
        );
        g.shown(true, 1100);
        assert_eq!(
            tap(&mut g, (10, 12), Some(T::Key('c')), 1700),
            Verdict::Dropped(Dropped::Repeat)
        );
        // Once she has read the new screen, the key types.
        assert_eq!(
            tap(&mut g, (10, 12), Some(T::Key('c')), 3200),
            Verdict::Tap(T::Key('c'))
        );
    }

    #[test]
    fn keys_drop_only_a_bounce() {
        let mut g = layer();
        let one = Some(T::Key('1'));
        assert_eq!(tap(&mut g, (3, 3), one, 1000), Verdict::Tap(T::Key('1')));
        assert_eq!(
            tap(&mut g, (3, 3), one, 1120),
            Verdict::Dropped(Dropped::Repeat)
        );
        // Another key at once, and the same key again after a beat, both type.
        assert_eq!(
            tap(&mut g, (7, 3), Some(T::Key('2')), 1200),
            Verdict::Tap(T::Key('2'))
        );
        assert_eq!(tap(&mut g, (3, 3), one, 1500), Verdict::Tap(T::Key('1')));
        assert_eq!(tap(&mut g, (3, 3), one, 2200), Verdict::Tap(T::Key('1')));
    }

    #[test]
    fn a_touch_just_after_the_screen_changed_does_nothing() {
        let mut g = layer();
        g.shown(true, 10_000);
        let b = Some(T::Button(3));
        assert_eq!(
            tap(&mut g, (20, 3), b, 10_100),
            Verdict::Dropped(Dropped::Settling)
        );
        assert_eq!(
            tap(&mut g, (40, 10), Some(T::Button(4)), 10_350),
            Verdict::Dropped(Dropped::Settling)
        );
        // A frame drawn with the same targets is no change.
        g.shown(false, 10_390);
        assert_eq!(tap(&mut g, (20, 3), b, 10_450), Verdict::Tap(T::Button(3)));
    }

    #[test]
    fn a_key_that_was_already_there_works_while_the_screen_settles() {
        let mut g = layer();
        g.shown(true, 10_000);
        let down = T::Key('▼');
        let mut t = touch(Phase::Down, (50, 12), Some(down), 10_100);
        t.was = Some(down);
        g.touch(t);
        assert_eq!(
            g.touch(touch(Phase::Up, (50, 12), Some(down), 10_150)),
            Verdict::Tap(down)
        );
        // Where the key is new, it waits like everything else.
        let mut t = touch(Phase::Down, (10, 12), Some(T::Key('a')), 10_300);
        t.was = Some(T::Button(1));
        g.touch(t);
        assert_eq!(
            g.touch(touch(Phase::Up, (10, 12), Some(T::Key('a')), 10_350)),
            Verdict::Dropped(Dropped::Settling)
        );
    }

    #[test]
    fn the_screen_changing_under_the_finger_cancels() {
        let mut g = layer();
        let b = Some(T::Button(1));
        g.touch(touch(Phase::Down, (5, 5), b, 1000));
        g.shown(true, 1050);
        assert_eq!(
            g.touch(touch(Phase::Up, (5, 5), b, 1100)),
            Verdict::Dropped(Dropped::ScreenChanged)
        );
    }

    #[test]
    fn a_target_that_takes_three_taps_acts_on_the_third() {
        let mut g = layer();
        let s = Some(T::Secret);
        assert_eq!(
            tap(&mut g, (0, 0), s, 1000),
            Verdict::Dropped(Dropped::MoreTaps)
        );
        assert_eq!(
            tap(&mut g, (0, 0), s, 1400),
            Verdict::Dropped(Dropped::MoreTaps)
        );
        assert_eq!(tap(&mut g, (1, 0), s, 1800), Verdict::Tap(T::Secret));
        // Too slow, or with another touch between: the count starts again.
        for at in [5000, 6500, 8000] {
            assert_eq!(
                tap(&mut g, (0, 0), s, at),
                Verdict::Dropped(Dropped::MoreTaps)
            );
        }
        tap(&mut g, (0, 0), s, 10_000);
        tap(&mut g, (0, 0), s, 10_300);
        tap(&mut g, (30, 9), Some(T::Button(1)), 10_600);
        assert_eq!(
            tap(&mut g, (0, 0), s, 11_700),
            Verdict::Dropped(Dropped::MoreTaps)
        );
    }

    #[test]
    fn with_no_timing_every_tap_acts() {
        let mut g = Gestures::new(Timing::none());
        g.shown(true, 1000);
        let b = Some(T::Button(1));
        assert_eq!(tap(&mut g, (5, 5), b, 1000), Verdict::Tap(T::Button(1)));
        assert_eq!(tap(&mut g, (5, 5), b, 1001), Verdict::Tap(T::Button(1)));
    }
}
