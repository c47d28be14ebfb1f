//! The kiosk's guard: the volunteer PIN (kept only as an Argon2id hash), the lock on the
//! PIN prompt after wrong tries, and the idle timeout that hands a kiosk left alone back
//! to the welcome screen. Pure but for hashing: times come in as arguments.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Wrong PINs in a row before the prompt locks.
pub const MAX_TRIES: u32 = 5;
/// How long the prompt stays locked, in seconds.
pub const LOCK_SECONDS: i64 = 5 * 60;
/// A PIN is this many digits, at least and at most.
pub const PIN_DIGITS: std::ops::RangeInclusive<usize> = 4..=8;

/// Why a PIN cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PinProblem {
    #[error("a PIN is 4 to 8 digits")]
    Shape,
    #[error("the two PINs differ")]
    Mismatch,
}

/// Whether `pin` is 4 to 8 digits.
pub fn check_pin(pin: &str) -> Result<(), PinProblem> {
    if PIN_DIGITS.contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(PinProblem::Shape)
    }
}

/// The PIN's Argon2id hash as a PHC string (`$argon2id$v=19$…`), with a fresh salt.
pub fn hash_pin(pin: &str) -> Result<String, PinProblem> {
    check_pin(pin)?;
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .map(|h| h.to_string())
        // Only a broken parameter set fails here; treat it as a PIN that cannot be kept.
        .map_err(|_| PinProblem::Shape)
}

/// Whether `pin` matches `hash`; a damaged hash matches nothing.
pub fn verify_pin(pin: &str, hash: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => Argon2::default()
            .verify_password(pin.as_bytes(), &parsed)
            .is_ok(),
        Err(e) => {
            tracing::error!("the stored volunteer PIN hash is damaged: {e}");
            false
        }
    }
}

/// The PIN prompt's memory of wrong tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PinGate {
    wrong: u32,
    locked_until: Option<i64>,
}

/// What a PIN try led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum PinOutcome {
    Open,
    /// Wrong; this many tries are left before the lock.
    Wrong {
        left: u32,
    },
    /// Locked until this time (seconds since the epoch).
    Locked {
        until: i64,
    },
}

impl PinGate {
    /// When the prompt opens again, if it is locked at `now`.
    pub fn locked(&self, now: i64) -> Option<i64> {
        self.locked_until.filter(|until| now < *until)
    }

    /// Records a try that was `right` at `now`. While locked, even the right PIN does not
    /// open: the lock is for guessing, and a guesser may guess right.
    pub fn record(&mut self, right: bool, now: i64) -> PinOutcome {
        if let Some(until) = self.locked(now) {
            return PinOutcome::Locked { until };
        }
        if right {
            *self = PinGate::default();
            return PinOutcome::Open;
        }
        self.wrong += 1;
        if self.wrong >= MAX_TRIES {
            self.wrong = 0;
            let until = now + LOCK_SECONDS;
            self.locked_until = Some(until);
            return PinOutcome::Locked { until };
        }
        PinOutcome::Wrong {
            left: MAX_TRIES - self.wrong,
        }
    }
}

/// What the idle clock says about a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idle {
    /// Someone is there.
    Active,
    /// "Still there?": the session ends in this many seconds.
    Warn { left: u64 },
    /// Time is up: back to the welcome screen.
    End,
}

/// The idle timeout: `timeout` seconds without a touch or key, then `warning` seconds of
/// "still there?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdlePolicy {
    pub timeout: u64,
    pub warning: u64,
}

impl Default for IdlePolicy {
    fn default() -> Self {
        IdlePolicy {
            timeout: 180,
            warning: 30,
        }
    }
}

impl IdlePolicy {
    /// Where a session stands after `idle` seconds without input.
    pub fn at(self, idle: u64) -> Idle {
        if idle < self.timeout {
            Idle::Active
        } else if idle < self.timeout + self.warning {
            Idle::Warn {
                left: self.timeout + self.warning - idle,
            }
        } else {
            Idle::End
        }
    }
}

/// Vietnam's offset from UTC (no daylight saving): the kiosk's days are Vietnam's.
pub const VIETNAM_OFFSET: i64 = 7 * 3_600;

/// The Vietnamese day that `now` falls in, as `[start, end)` in seconds since the epoch.
pub fn vietnam_day(now: i64) -> (i64, i64) {
    let start = (now + VIETNAM_OFFSET).div_euclid(86_400) * 86_400 - VIETNAM_OFFSET;
    (start, start + 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_runs_from_midnight_in_vietnam() {
        // 2026-11-22 00:30 in Hà Nội is 2026-11-21 17:30 UTC.
        let half_past_midnight = 1_795_282_200;
        let (start, end) = vietnam_day(half_past_midnight);
        assert_eq!(start, 1_795_280_400);
        assert_eq!(end - start, 86_400);
        assert_eq!(vietnam_day(start), (start, end));
        assert_eq!(vietnam_day(start - 1).1, start);
    }

    #[test]
    fn a_pin_is_four_to_eight_digits() {
        assert_eq!(check_pin("1234"), Ok(()));
        assert_eq!(check_pin("12345678"), Ok(()));
        for bad in ["123", "123456789", "12a4", "", "١٢٣٤"] {
            assert_eq!(check_pin(bad), Err(PinProblem::Shape), "{bad}");
        }
    }

    #[test]
    fn the_hash_is_argon2id_salted_and_verifies_only_the_pin() {
        let hash = hash_pin("2468").unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("2468"));
        assert_ne!(hash, hash_pin("2468").unwrap(), "a fresh salt each time");
        assert!(verify_pin("2468", &hash));
        assert!(!verify_pin("2469", &hash));
        assert!(!verify_pin("2468", "not a hash"));
    }

    #[test]
    fn five_wrong_tries_lock_the_prompt_for_five_minutes() {
        let mut gate = PinGate::default();
        for left in (1..MAX_TRIES).rev() {
            assert_eq!(gate.record(false, 100), PinOutcome::Wrong { left });
        }
        assert_eq!(gate.record(false, 100), PinOutcome::Locked { until: 400 });
        // Locked: even the right PIN waits.
        assert_eq!(gate.record(true, 399), PinOutcome::Locked { until: 400 });
        assert_eq!(gate.locked(399), Some(400));
        assert_eq!(gate.locked(400), None);
        assert_eq!(gate.record(true, 400), PinOutcome::Open);
        // A right PIN clears the count.
        assert_eq!(
            gate.record(false, 500),
            PinOutcome::Wrong {
                left: MAX_TRIES - 1
            }
        );
    }

    #[test]
    fn idle_warns_then_ends() {
        let policy = IdlePolicy {
            timeout: 180,
            warning: 30,
        };
        assert_eq!(policy.at(0), Idle::Active);
        assert_eq!(policy.at(179), Idle::Active);
        assert_eq!(policy.at(180), Idle::Warn { left: 30 });
        assert_eq!(policy.at(209), Idle::Warn { left: 1 });
        assert_eq!(policy.at(210), Idle::End);
    }
}
