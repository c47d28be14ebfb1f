//! The pretend phone's letter keyboard, for `type` steps of words (plain text, Telex or
//! VNI) and for a new learner's name: laid out as on a phone, so a learner at a kiosk with
//! only a touch screen types on it, and learns where the keys are on their own phone.
//! Which keys there are, and what each does, is decided here; the view only draws them,
//! and `hocso check` asks here whether an answer can be typed.

/// Which keys the keyboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layer {
    #[default]
    Letters,
    /// Shift was touched: the next letter is a capital, then back to small letters.
    Capitals,
    /// Digits and punctuation.
    Symbols,
}

/// A key of the letter keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyboardKey {
    /// A letter (shown and typed as a capital on [`Layer::Capitals`]), digit or mark.
    Char(char),
    Shift,
    /// Letters ⇄ digits and punctuation.
    Switch,
    Space,
    Delete,
    Ok,
}

/// The rows of letters, and of digits and marks.
pub const LETTERS: [&str; 3] = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
pub const SYMBOLS: [&str; 3] = ["1234567890", "@#$%&*-+()", ".,?!'\"/:_"];

/// The keys row by row: three rows of characters (the third of letters led by Shift, the
/// third ended by Delete, as on a phone), then Switch, Space and OK, on every layer.
pub fn rows(layer: Layer) -> Vec<Vec<KeyboardKey>> {
    let chars = if layer == Layer::Symbols {
        SYMBOLS
    } else {
        LETTERS
    };
    let mut rows: Vec<Vec<KeyboardKey>> = chars
        .iter()
        .map(|row| row.chars().map(KeyboardKey::Char).collect())
        .collect();
    if layer != Layer::Symbols {
        rows[2].insert(0, KeyboardKey::Shift);
    }
    rows[2].push(KeyboardKey::Delete);
    rows.push(vec![
        KeyboardKey::Switch,
        KeyboardKey::Space,
        KeyboardKey::Ok,
    ]);
    rows
}

/// Whether `c` can be typed on the keyboard (a capital with Shift).
pub fn on_keyboard(c: char) -> bool {
    c == ' '
        || LETTERS
            .iter()
            .chain(&SYMBOLS)
            .any(|row| row.contains(c.to_ascii_lowercase()))
}

/// Whether `key` is on the keyboard while it shows `layer` (a touch on a key that has just
/// changed, before the screen was drawn again, types nothing).
pub fn shows(layer: Layer, key: KeyboardKey) -> bool {
    rows(layer).iter().flatten().any(|&k| k == key)
}

/// What touching a key does to the text being typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    Type(char),
    Delete,
    /// OK: the text is finished.
    Done,
    /// Shift or Switch (the keyboard changed), or a key not shown.
    Nothing,
}

/// Touches `key` on a keyboard showing `*layer`: the layer it shows next, and what the
/// text gets. A key the keyboard does not show (it changed before the screen was drawn
/// again) does nothing.
pub fn press(layer: &mut Layer, key: KeyboardKey) -> Press {
    if !shows(*layer, key) {
        return Press::Nothing;
    }
    let was = *layer;
    *layer = was.after(key);
    match key {
        KeyboardKey::Char(c) => Press::Type(was.typed(c)),
        KeyboardKey::Space => Press::Type(' '),
        KeyboardKey::Delete => Press::Delete,
        KeyboardKey::Ok => Press::Done,
        KeyboardKey::Shift | KeyboardKey::Switch => Press::Nothing,
    }
}

impl Layer {
    /// What the character key `c` types on this layer.
    pub fn typed(self, c: char) -> char {
        if self == Layer::Capitals {
            c.to_ascii_uppercase()
        } else {
            c
        }
    }

    /// The layer after `key` is touched.
    pub fn after(self, key: KeyboardKey) -> Layer {
        match (self, key) {
            (Layer::Letters, KeyboardKey::Shift) => Layer::Capitals,
            (Layer::Capitals, KeyboardKey::Shift | KeyboardKey::Char(_)) => Layer::Letters,
            (Layer::Symbols, KeyboardKey::Switch) => Layer::Letters,
            (_, KeyboardKey::Switch) => Layer::Symbols,
            (layer, _) => layer,
        }
    }
}

/// The keys to touch, from `layer`, to type `text`; None if a character of it is on no
/// key (a letter with its marks: Telex and VNI type those as plain keys).
pub fn touches(mut layer: Layer, text: &str) -> Option<Vec<KeyboardKey>> {
    let mut keys = Vec::new();
    let mut press = |key: KeyboardKey, layer: &mut Layer| {
        keys.push(key);
        *layer = layer.after(key);
    };
    for c in text.chars() {
        if c == ' ' {
            press(KeyboardKey::Space, &mut layer);
            continue;
        }
        let key = KeyboardKey::Char(c.to_ascii_lowercase());
        let wanted = if c.is_ascii_lowercase() {
            Layer::Letters
        } else if c.is_ascii_uppercase() {
            Layer::Capitals
        } else if shows(Layer::Symbols, key) {
            Layer::Symbols
        } else {
            return None;
        };
        while layer != wanted {
            let step = match (layer, wanted) {
                (Layer::Letters, Layer::Capitals) => KeyboardKey::Shift,
                (Layer::Capitals, Layer::Letters) => KeyboardKey::Shift,
                _ => KeyboardKey::Switch,
            };
            press(step, &mut layer);
        }
        press(key, &mut layer);
    }
    Some(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What touching `keys` from small letters types.
    fn typed(keys: &[KeyboardKey]) -> String {
        let mut layer = Layer::Letters;
        let mut out = String::new();
        for &key in keys {
            match key {
                KeyboardKey::Char(c) => out.push(layer.typed(c)),
                KeyboardKey::Space => out.push(' '),
                _ => {}
            }
            layer = layer.after(key);
        }
        out
    }

    #[test]
    fn shift_makes_one_capital_and_switch_goes_to_digits_and_back() {
        let mut layer = Layer::Letters.after(KeyboardKey::Shift);
        assert_eq!(layer.typed('c'), 'C');
        layer = layer.after(KeyboardKey::Char('c'));
        assert_eq!(layer, Layer::Letters);
        assert_eq!(layer.typed('c'), 'c');
        layer = layer.after(KeyboardKey::Switch);
        assert_eq!(layer, Layer::Symbols);
        assert_eq!(layer.typed('#'), '#');
        assert_eq!(layer.after(KeyboardKey::Switch), Layer::Letters);
        // Shift touched twice: small letters again.
        assert_eq!(
            Layer::Letters
                .after(KeyboardKey::Shift)
                .after(KeyboardKey::Shift),
            Layer::Letters
        );
    }

    #[test]
    fn a_press_types_as_shown_and_a_key_just_gone_types_nothing() {
        let mut layer = Layer::Letters;
        assert_eq!(press(&mut layer, KeyboardKey::Shift), Press::Nothing);
        assert_eq!(press(&mut layer, KeyboardKey::Char('c')), Press::Type('C'));
        assert_eq!(layer, Layer::Letters);
        assert_eq!(press(&mut layer, KeyboardKey::Switch), Press::Nothing);
        // `q` is not on the digits and marks: a touch from the last frame does nothing.
        assert_eq!(press(&mut layer, KeyboardKey::Char('q')), Press::Nothing);
        assert_eq!(press(&mut layer, KeyboardKey::Shift), Press::Nothing);
        assert_eq!(layer, Layer::Symbols);
        assert_eq!(press(&mut layer, KeyboardKey::Char('#')), Press::Type('#'));
        assert_eq!(press(&mut layer, KeyboardKey::Space), Press::Type(' '));
        assert_eq!(press(&mut layer, KeyboardKey::Delete), Press::Delete);
        assert_eq!(press(&mut layer, KeyboardKey::Ok), Press::Done);
    }

    #[test]
    fn every_letter_digit_and_common_mark_has_a_key_once() {
        for layer in [Layer::Letters, Layer::Symbols] {
            let chars: Vec<char> = rows(layer)
                .iter()
                .flatten()
                .filter_map(|k| match k {
                    KeyboardKey::Char(c) => Some(*c),
                    _ => None,
                })
                .collect();
            let mut unique = chars.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), chars.len(), "{layer:?}");
        }
        for text in [
            "Cay#Xanh58",
            "thue2468",
            "VssID",
            "Vieejt Nam",
            "hoa@mail.vn",
        ] {
            let keys = touches(Layer::Letters, text).unwrap();
            assert_eq!(typed(&keys), text);
        }
        assert_eq!(touches(Layer::Letters, "Việt"), None);
    }
}
