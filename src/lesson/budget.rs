//! Reading budgets: how much a learner is asked to read on one screen.
//!
//! A learner of 70 reads the kiosk's large text slowly, often twice, while the voice reads
//! it to her. Past about 45 syllables an explanation no longer fits one screen at the
//! kiosk's size (58×14 cells) and has to scroll; a question she answers, or a hint she
//! reads after a miss, must be shorter still. Vietnamese writes one syllable a word, so the
//! count is of the words of the Vietnamese text.

/// The most syllables a step's texts should have, in Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadingBudget {
    /// An `explain` step's text.
    pub explain: usize,
    /// A practice step's text: its question or instruction.
    pub question: usize,
    /// A practice step's hint.
    pub hint: usize,
}

impl ReadingBudget {
    /// The budgets every lesson has, unless its `[budget]` table says otherwise.
    pub const DEFAULT: ReadingBudget = ReadingBudget {
        explain: 45,
        question: 30,
        hint: 20,
    };

    /// The most a lesson may raise a budget to, with its reason: twice the default. A
    /// reason may stretch a budget for one lesson; it does not remove it.
    pub const MAX: ReadingBudget = ReadingBudget {
        explain: 90,
        question: 60,
        hint: 40,
    };
}

impl Default for ReadingBudget {
    fn default() -> Self {
        ReadingBudget::DEFAULT
    }
}

/// The syllables of a Vietnamese text: its words (separated by blanks) that hold a letter
/// or a digit. Punctuation on its own ("•", "-", "—", "…", "→") is not read, so it does
/// not count; a number ("123456", "20.000.000") or a name ("VNeID") is one word.
pub fn syllables(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_the_words_that_hold_a_letter_or_a_digit() {
        assert_eq!(syllables("Chạm vào nút Cài đặt."), 5);
        assert_eq!(syllables(""), 0);
        assert_eq!(syllables("  \n "), 0);
        // Bullets and dashes on their own are not read.
        assert_eq!(
            syllables("Ba điều:\n• Không đưa mã OTP.\n• Không bấm link lạ."),
            10
        );
        assert_eq!(syllables("VNeID — ứng dụng - của Bộ Công an …"), 7);
        // Numbers and names are a word each; punctuation stuck to a word is part of it.
        assert_eq!(syllables("Nhập 123456, rồi chạm OK (nút xanh)."), 7);
        assert_eq!(syllables("Trên 20.000.000 đồng"), 3);
    }

    #[test]
    fn the_default_budgets_are_those_the_format_documents() {
        let b = ReadingBudget::default();
        assert_eq!((b.explain, b.question, b.hint), (45, 30, 20));
        let max = ReadingBudget::MAX;
        assert_eq!(
            (max.explain, max.question, max.hint),
            (2 * b.explain, 2 * b.question, 2 * b.hint)
        );
    }
}
