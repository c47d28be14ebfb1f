//! Telex and VNI typing on arbitrary key sequences, as the type step feeds them: a key
//! adds a character, backspace takes the last one off, and the field shows the whole
//! input converted after every key.

#![no_main]

use hocso::typing::{telex, tone_free, vni};
use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;

fn check(input: &str, convert: fn(&str) -> String) {
    let shown = convert(input);
    assert!(is_nfc(&shown), "{input:?} → {shown:?} is not NFC");
    // Each key makes at most one letter; a word's tone adds one mark (NFC may expand a
    // few characters, never by much).
    assert!(
        shown.chars().count() <= 3 * input.chars().count() + 3,
        "{input:?} → {shown:?}"
    );
    let free = tone_free(&shown);
    assert_eq!(
        tone_free(&free),
        free,
        "tone_free is not idempotent on {shown:?}"
    );
    // Words are converted on their own: a space splits the conversion.
    if let Some((a, b)) = input.split_once(' ') {
        let joined = format!("{} {}", convert(a), convert(b));
        let joined: String =
            unicode_normalization::UnicodeNormalization::nfc(joined.as_str()).collect();
        assert_eq!(shown, joined, "{input:?}: words are not independent");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut input = String::new();
    for c in text.chars() {
        match c {
            '\u{8}' | '\u{7f}' => {
                input.pop();
            }
            c if c.is_control() => {}
            c => input.push(c),
        }
        check(&input, telex);
        check(&input, vni);
    }
    // Capitals type the same letters, in capitals.
    if input.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
        let upper = input.to_ascii_uppercase();
        for convert in [telex as fn(&str) -> String, vni] {
            let lower_shown = convert(&input);
            let upper_shown = convert(&upper);
            assert_eq!(
                upper_shown,
                lower_shown.to_uppercase(),
                "{upper:?} is not {input:?} in capitals"
            );
        }
    }
});
