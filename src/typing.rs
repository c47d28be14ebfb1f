//! Vietnamese typing as a phone keyboard does it: Telex ("Vieejt" → "Việt") and VNI
//! ("Vie65t" → "Việt"), word by word, the tone key anywhere in the word. And a
//! comparison that ignores where a keyboard puts the tone mark ("hoà" or "hòa").

pub mod keyboard;

use unicode_normalization::UnicodeNormalization;

/// The five tone marks, as combining characters: sắc, huyền, hỏi, ngã, nặng.
const TONES: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Method {
    Telex,
    Vni,
}

/// Whether `c` may go into text a person types at the kiosk (a name, a search, a note, an
/// answer): not a control character (C0, DEL, C1, among them ESC and the newlines), and not
/// an invisible formatting mark (the bidi controls that reorder text on screen, such as
/// U+202E, zero-width characters, the line and paragraph separators, the byte-order
/// mark). No Vietnamese letter needs one; each could hide or disguise what is stored and
/// shown.
pub fn typeable(c: char) -> bool {
    !c.is_control()
        && !matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
        )
}

/// Telex keys turned into Vietnamese: aa â, ee ê, oo ô, aw ă, ow ơ, uw ư, w ư, dd đ;
/// s f r x j the tones, z takes the tone off; a key pressed twice undoes itself.
pub fn telex(keys: &str) -> String {
    convert(keys, Method::Telex)
}

/// VNI keys turned into Vietnamese: 1–5 the tones, 0 takes the tone off, 6 â ê ô,
/// 7 ơ ư, 8 ă, 9 đ.
pub fn vni(keys: &str) -> String {
    convert(keys, Method::Vni)
}

/// Keys turned into Vietnamese by Telex and VNI at once, as a phone keyboard set to both
/// does: "Bacs", "Ba1c" and "Bác" all read "Bác". For the volunteers' fields (notes,
/// searches, names), where nobody chose a method and the kiosk has no input method of its
/// own. A digit after a word's vowel is a VNI key ("A1" reads "Á"); numbers on their own
/// ("bước 2", "4821") stay as typed.
pub fn vietnamese(keys: &str) -> String {
    vni(&telex(keys))
}

/// Takes the last letter off the text that `keys` read as through `read`: keys are taken
/// off until one letter fewer reads; if that takes a mark off the letter before too ("Ùa"
/// → "U"), the keys become the text as it read without its last letter.
pub fn delete_letter(keys: &mut String, read: impl Fn(&str) -> String) {
    let mut wanted: Vec<char> = read(keys).chars().collect();
    wanted.pop();
    let wanted: String = wanted.into_iter().collect();
    while keys.pop().is_some() {
        let now = read(keys);
        if now.chars().count() <= wanted.chars().count() {
            if now != wanted {
                *keys = wanted;
            }
            return;
        }
    }
}

/// The Telex keys that type the Vietnamese `text` on a phone: each letter with its shape
/// keys (â aa, ă aw, ơ ow, ư uw, đ dd), and each word's tone key at its end, where most
/// people press it ("Việt" → "Vieetj"). For most words `telex` of the result is `text`
/// again; not for a few ("thuở": Telex makes every "uow" ươ) nor for foreign words
/// ("Facebook"), which `hocso check` points out.
pub fn telex_keys(text: &str) -> String {
    keys_for(text, Method::Telex)
}

/// The VNI keys that type `text`: each letter with its mark digit after it (6 â ê ô,
/// 7 ơ ư, 8 ă, 9 đ), and each word's tone digit (1–5) at its end ("Việt" → "Vie6t5").
pub fn vni_keys(text: &str) -> String {
    keys_for(text, Method::Vni)
}

fn keys_for(text: &str, method: Method) -> String {
    let (circumflex, breve, horn, stroke, tones) = match method {
        Method::Telex => (None, 'w', 'w', 'd', ['s', 'f', 'r', 'x', 'j']),
        Method::Vni => (Some('6'), '8', '7', '9', ['1', '2', '3', '4', '5']),
    };
    let tone_key = |mark: char| tones[TONES.iter().position(|&t| t == mark).unwrap_or(0)];
    let mut out = String::new();
    let mut tone = None;
    for c in text.nfd() {
        match c {
            // Telex doubles the vowel; VNI types 6.
            '\u{302}' => match circumflex {
                Some(key) => out.push(key),
                None => {
                    if let Some(base) = out.chars().last() {
                        out.push(base.to_ascii_lowercase());
                    }
                }
            },
            '\u{306}' => out.push(breve),
            '\u{31b}' => out.push(horn),
            _ if TONES.contains(&c) => tone = Some(c),
            'đ' | 'Đ' => {
                out.push(if c == 'Đ' { 'D' } else { 'd' });
                out.push(if method == Method::Telex && c == 'Đ' {
                    'D'
                } else {
                    stroke
                });
            }
            _ if c.is_alphanumeric() => out.push(c),
            _ => {
                out.extend(tone.take().map(tone_key));
                out.push(c);
            }
        }
    }
    out.extend(tone.map(tone_key));
    out
}

fn convert(keys: &str, method: Method) -> String {
    let mut out = String::new();
    let mut word = String::new();
    for c in keys.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            out.push_str(&convert_word(&word, method));
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&convert_word(&word, method));
    out.nfc().collect()
}

/// One word: letters (with their shape marks) and one tone.
fn convert_word(keys: &str, method: Method) -> String {
    let mut letters: Vec<char> = Vec::new();
    let mut tone: Option<usize> = None;
    for key in keys.chars() {
        let lower = key.to_ascii_lowercase();
        let tone_key = match (method, lower) {
            (Method::Telex, 's') => Some(Some(0)),
            (Method::Telex, 'f') => Some(Some(1)),
            (Method::Telex, 'r') => Some(Some(2)),
            (Method::Telex, 'x') => Some(Some(3)),
            (Method::Telex, 'j') => Some(Some(4)),
            (Method::Telex, 'z') | (Method::Vni, '0') => Some(None),
            (Method::Vni, '1'..='5') => Some(Some(lower as usize - '1' as usize)),
            _ => None,
        };
        if let Some(new) = tone_key
            && letters.iter().any(|c| is_vowel(*c))
        {
            match (new, tone) {
                // The same tone again: undo it and keep the key as a letter.
                (Some(t), Some(old)) if t == old => {
                    tone = None;
                    letters.push(key);
                }
                (None, None) => letters.push(key),
                _ => tone = new,
            }
            continue;
        }
        if shape(&mut letters, key, lower, method) {
            continue;
        }
        letters.push(key);
    }
    // As phone keyboards do: "ưo" before another letter is "ươ" (người, được).
    for i in 0..letters.len().saturating_sub(2) {
        if base_vowel(letters[i]) == 'ư' && letters[i + 1].eq_ignore_ascii_case(&'o') {
            letters[i + 1] = apply(letters[i + 1], Mark::Horn);
        }
    }
    let word: String = letters.iter().collect();
    match tone {
        Some(t) => place_tone(&word, TONES[t]),
        None => word,
    }
}

/// Applies a shape key (â ê ô ă ơ ư đ) to the letters so far; false if it is a letter.
fn shape(letters: &mut Vec<char>, key: char, lower: char, method: Method) -> bool {
    let (targets, mark): (&[char], Mark) = match (method, lower) {
        (Method::Telex, 'a' | 'e' | 'o') => (&[lower], Mark::Hat),
        (Method::Telex, 'w') => (&['u', 'o', 'a'], Mark::Horn),
        (Method::Telex, 'd') => (&['d'], Mark::Bar),
        (Method::Vni, '6') => (&['a', 'e', 'o'], Mark::Hat),
        (Method::Vni, '7') => (&['u', 'o'], Mark::Horn),
        (Method::Vni, '8') => (&['a'], Mark::Horn),
        (Method::Vni, '9') => (&['d'], Mark::Bar),
        _ => return false,
    };
    // "uo" with a horn: both (ươ).
    if mark == Mark::Horn
        && let Some(i) = find_pair(letters, 'u', 'o')
    {
        letters[i] = apply(letters[i], Mark::Horn);
        letters[i + 1] = apply(letters[i + 1], Mark::Horn);
        return true;
    }
    // An unmarked letter that can take the mark: the one just doubled for Telex's â ê ô,
    // the first d for đ, else the last fitting vowel (ư for u, ơ for o, ă for a).
    let found = match (method, mark) {
        (Method::Telex, Mark::Hat) => letters
            .iter()
            .rposition(|c| c.to_ascii_lowercase() == lower)
            .filter(|&i| in_last_vowels(letters, i)),
        (_, Mark::Bar) => letters.iter().position(|c| c.eq_ignore_ascii_case(&'d')),
        _ => targets
            .iter()
            .find_map(|t| letters.iter().rposition(|c| c.to_ascii_lowercase() == *t)),
    };
    if let Some(i) = found {
        letters[i] = apply(letters[i], mark);
        return true;
    }
    // Undo: nothing left to mark, and the mark is there (the key pressed twice).
    let undo = letters
        .iter()
        .rposition(|c| marked(*c, mark).is_some_and(|base| targets.contains(&base)));
    if let Some(i) = undo
        && (method == Method::Vni || mark != Mark::Hat || base_of(letters[i]) == lower)
    {
        let base = marked(letters[i], mark).unwrap_or(lower);
        letters[i] = with_case(base, letters[i].is_uppercase());
        if method == Method::Telex {
            letters.push(key);
        }
        return true;
    }
    // A lone w is ư.
    if method == Method::Telex && lower == 'w' {
        letters.push(if key.is_uppercase() { 'Ư' } else { 'ư' });
        return true;
    }
    false
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Hat,
    Horn,
    Bar,
}

fn apply(c: char, mark: Mark) -> char {
    let upper = c.is_uppercase();
    let base = c.to_ascii_lowercase();
    let marked = match (base, mark) {
        ('a', Mark::Hat) => 'â',
        ('e', Mark::Hat) => 'ê',
        ('o', Mark::Hat) => 'ô',
        ('a', Mark::Horn) => 'ă',
        ('o', Mark::Horn) => 'ơ',
        ('u', Mark::Horn) => 'ư',
        ('d', Mark::Bar) => 'đ',
        _ => return c,
    };
    with_case(marked, upper)
}

/// The plain letter under `c` if `c` carries `mark`.
fn marked(c: char, mark: Mark) -> Option<char> {
    let lower: String = c.to_lowercase().collect();
    match (lower.as_str(), mark) {
        ("â", Mark::Hat) => Some('a'),
        ("ê", Mark::Hat) => Some('e'),
        ("ô", Mark::Hat) => Some('o'),
        ("ă", Mark::Horn) => Some('a'),
        ("ơ", Mark::Horn) => Some('o'),
        ("ư", Mark::Horn) => Some('u'),
        ("đ", Mark::Bar) => Some('d'),
        _ => None,
    }
}

fn base_of(c: char) -> char {
    [Mark::Hat, Mark::Horn, Mark::Bar]
        .into_iter()
        .find_map(|m| marked(c, m))
        .unwrap_or_else(|| c.to_ascii_lowercase())
}

fn with_case(c: char, upper: bool) -> char {
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn find_pair(letters: &[char], first: char, second: char) -> Option<usize> {
    letters.windows(2).rposition(|w| {
        base_of(w[0]) == first && base_of(w[1]) == second && marked(w[1], Mark::Hat).is_none()
    })
}

/// Whether letter `i` is in the word's last group of vowels.
fn in_last_vowels(letters: &[char], i: usize) -> bool {
    letters[i + 1..].iter().all(|c| is_vowel(*c))
        || letters[i + 1..]
            .iter()
            .skip_while(|c| is_vowel(**c))
            .all(|c| !is_vowel(*c))
}

fn is_vowel(c: char) -> bool {
    "aăâeêioôơuưy".contains(base_vowel(c))
}

fn base_vowel(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Puts the tone mark on the right vowel of a word: the vowel with a shape mark (ơ in
/// ươ), else the last of the vowel group when a consonant follows, else the first of two
/// (the second of three). "qu" and "gi" count as consonants.
fn place_tone(word: &str, tone: char) -> String {
    let chars: Vec<char> = word.chars().collect();
    let lower: Vec<char> = chars.iter().map(|c| base_vowel(*c)).collect();
    let mut vowels: Vec<usize> = (0..chars.len()).filter(|&i| is_vowel(chars[i])).collect();
    if vowels.len() > 1 && lower.first() == Some(&'q') && lower.get(1) == Some(&'u') {
        vowels.retain(|&i| i != 1);
    }
    if vowels.len() > 1 && lower.first() == Some(&'g') && lower.get(1) == Some(&'i') {
        vowels.retain(|&i| i != 1);
    }
    let Some(&last) = vowels.last() else {
        return word.to_owned();
    };
    let shaped = vowels
        .iter()
        .rev()
        .find(|&&i| "ăâêôơư".contains(lower[i]))
        .copied();
    let at = match shaped {
        Some(i) => i,
        None if last + 1 < chars.len() => last,
        None if vowels.len() >= 3 => vowels[1],
        None => vowels[0],
    };
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if i == at {
            out.push(tone);
        }
    }
    out.nfc().collect()
}

/// A text with each word's tone mark taken off its vowel and written after the word:
/// two spellings that differ only in where the tone sits compare equal.
pub fn tone_free(text: &str) -> String {
    text.nfc()
        .collect::<String>()
        .split(' ')
        .map(|word| {
            let mut bases = String::new();
            let mut tone = None;
            for c in word.nfd() {
                match TONES.iter().position(|t| *t == c) {
                    Some(t) => tone = Some(t),
                    None => bases.push(c),
                }
            }
            let bases: String = bases.nfc().collect();
            match tone {
                Some(t) => format!("{bases}{}", t + 1),
                None => bases,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (keys, what a phone keyboard shows)
    const TELEX: &[(&str, &str)] = &[
        ("Vieejt", "Việt"),
        ("Vieetj", "Việt"),
        ("Vieejt Nam", "Việt Nam"),
        ("Haf Nooij", "Hà Nội"),
        ("cams", "cám"),
        ("camr own", "cảm ơn"),
        ("awn cowm", "ăn cơm"),
        ("dduwowcj", "được"),
        ("nguwowif", "người"),
        ("nguoiwf", "người"),
        ("tieengs", "tiếng"),
        ("tieesng", "tiếng"),
        ("ddi", "đi"),
        ("ddaau", "đâu"),
        ("baf", "bà"),
        ("ba", "ba"),
        ("bas", "bá"),
        ("bar", "bả"),
        ("bax", "bã"),
        ("baj", "bạ"),
        ("basz", "ba"),
        ("bass", "bas"),
        ("maf", "mà"),
        ("mas", "má"),
        ("maj", "mạ"),
        ("mar", "mả"),
        ("max", "mã"),
        ("hoaf", "hòa"),
        ("hoas", "hóa"),
        ("thuyr", "thủy"),
        ("quas", "quá"),
        ("quyeen", "quyên"),
        ("giaf", "già"),
        ("gias", "giá"),
        ("giuwax", "giữa"),
        ("khoer", "khỏe"),
        ("muaf", "mùa"),
        ("mwa", "mưa"),
        ("muwa", "mưa"),
        ("w", "ư"),
        ("tw", "tư"),
        ("Tuw", "Tư"),
        ("Hanhj", "Hạnh"),
        ("Baf Hanhj", "Bà Hạnh"),
        ("chuts", "chút"),
        ("chaof", "chào"),
        ("baacs", "bấc"),
        ("beenj", "bện"),
        ("coongj", "cộng"),
        ("soos", "số"),
        ("hocj", "học"),
        ("Hocj soos", "Học số"),
        ("ddinhj", "định"),
        ("danh", "danh"),
        ("ddieenj", "điện"),
        ("thoaij", "thoại"),
        ("ungws", "ứng"),
        ("dungj", "dụng"),
        ("caif", "cài"),
        ("ddawtj", "đặt"),
        ("mawtj", "mặt"),
        ("khaaur", "khẩu"),
        ("nhaajp", "nhập"),
        ("maax", "mẫ"),
        ("xacs", "xác"),
        ("nhaanj", "nhận"),
        ("thoong", "thông"),
        ("baos", "báo"),
        ("luwu", "lưu"),
        ("trus", "trú"),
        ("yeeu", "yêu"),
        ("caauf", "cầu"),
        ("gwir", "gửi"),
        ("nguwoif", "người"),
        ("laj", "lạ"),
        ("tinf", "tìn"),
        ("tin", "tin"),
        ("nhawns", "nhắn"),
        ("goij", "gọi"),
        ("vaof", "vào"),
        ("ddaay", "đây"),
        ("aa", "â"),
        ("aaa", "aa"),
        ("ee", "ê"),
        ("oo", "ô"),
        ("ddd", "dd"),
        ("ow", "ơ"),
        ("aw", "ă"),
        ("uw", "ư"),
        ("uww", "uw"),
        ("DDaf", "Đà"),
        ("DDaf Nawngx", "Đà Nẵng"),
        ("Sair Gonf", "Sải Gòn"),
        ("Saif Gonf", "Sài Gòn"),
        ("Huees", "Huế"),
        ("Cần", "Cần"),
        ("Caanf Thow", "Cần Thơ"),
        ("Quangr Ninh", "Quảng Ninh"),
        ("ngheej", "nghệ"),
        ("Ngheej An", "Nghệ An"),
    ];

    const VNI: &[(&str, &str)] = &[
        ("Vie65t", "Việt"),
        ("Vie6t5", "Việt"),
        ("Tie61ng Vie65t", "Tiếng Việt"),
        ("Ha2 No65i", "Hà Nội"),
        ("ca3m o7n", "cảm ơn"),
        ("a8n co7m", "ăn cơm"),
        ("d9u7o7c5", "được"),
        ("ngu7o7i2", "người"),
        ("d9i", "đi"),
        ("ba1", "bá"),
        ("ba10", "ba"),
        ("hoa2", "hòa"),
        ("qua1", "quá"),
        ("gia2", "già"),
        ("mu7a", "mưa"),
        ("Ha5nh", "Hạnh"),
    ];

    #[test]
    fn telex_words_come_out_as_a_phone_writes_them() {
        assert!(
            TELEX.len() + VNI.len() >= 100,
            "{}",
            TELEX.len() + VNI.len()
        );
        let wrong: Vec<String> = TELEX
            .iter()
            .filter(|(keys, want)| tone_free(&telex(keys)) != tone_free(want))
            .map(|(keys, want)| format!("{keys} → {} (want {want})", telex(keys)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_keys_for_a_word_type_that_word() {
        let words: Vec<&str> = TELEX
            .iter()
            .chain(VNI)
            .map(|(_, want)| *want)
            // Keys left as typed ("bass" → "bas": a key pressed twice undoes itself) are
            // not words: a word is what Telex leaves alone.
            .filter(|want| telex(want) == **want)
            .collect();
        assert!(words.len() >= 90, "{}", words.len());
        for (method, keys_of, convert) in [
            (
                "telex",
                telex_keys as fn(&str) -> String,
                telex as fn(&str) -> String,
            ),
            ("vni", vni_keys, vni),
        ] {
            let wrong: Vec<String> = words
                .iter()
                .map(|word| (word, keys_of(word)))
                .filter(|(word, keys)| !keys.is_ascii() || convert(keys) != **word)
                .map(|(word, keys)| format!("{method}: {word} → {keys} → {}", convert(&keys)))
                .collect();
            assert!(wrong.is_empty(), "{wrong:#?}");
        }
        assert_eq!(telex_keys("Việt"), "Vieetj");
        assert_eq!(vni_keys("Việt"), "Vie6t5");
        assert_eq!(telex_keys("Đèn hỏng"), "DDenf hongr");
        assert_eq!(vni_keys("Đèn hỏng"), "D9en2 hong3");
        assert_eq!(telex_keys("người"), "nguwowif");
    }

    #[test]
    fn vni_words_come_out_as_a_phone_writes_them() {
        let wrong: Vec<String> = VNI
            .iter()
            .filter(|(keys, want)| tone_free(&vni(keys)) != tone_free(want))
            .map(|(keys, want)| format!("{keys} → {} (want {want})", vni(keys)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn the_tone_goes_where_a_reader_expects() {
        for (keys, exact) in [
            ("Vieejt", "Việt"),
            ("Haf Nooij", "Hà Nội"),
            ("nguwowif", "người"),
            ("thoaij", "thoại"),
            ("quas", "quá"),
            ("gias", "giá"),
        ] {
            assert_eq!(telex(keys), exact);
        }
    }

    #[test]
    fn tone_placement_does_not_matter_when_comparing() {
        assert_eq!(tone_free("hoà"), tone_free("hòa"));
        assert_eq!(tone_free("thuý"), tone_free("thúy"));
        assert_ne!(tone_free("hòa"), tone_free("hóa"));
        assert_ne!(tone_free("ma"), tone_free("mà"));
    }

    /// The volunteers' fields read Telex and VNI alike, leave Vietnamese typed with an
    /// input method as it is, and keep numbers on their own.
    #[test]
    fn telex_and_vni_together() {
        for (keys, reads) in [
            ("Bacs Lan ddax hocj xong", "Bác Lan đã học xong"),
            ("Ba1c Lan d9a4 ho5c xong", "Bác Lan đã học xong"),
            ("Bác Lan đã học xong", "Bác Lan đã học xong"),
            ("Vieejt Nam", "Việt Nam"),
            ("Vie65t Nam", "Việt Nam"),
            ("bước 2, mã 4821", "bước 2, mã 4821"),
            ("nguwowif", "người"),
            // The volunteers' guide's table (docs/huong-dan-tinh-nguyen-vien.md).
            ("caanf taapj theem", "cần tập thêm"),
            ("ca62n ta65p the6m", "cần tập thêm"),
            ("buwowcs 3", "bước 3"),
            ("bu7o71c 3", "bước 3"),
        ] {
            assert_eq!(vietnamese(keys), reads, "{keys}");
            assert!(unicode_normalization::is_nfc(&vietnamese(keys)));
        }
        let mut keys = "Bacs Lan ddax".to_owned();
        delete_letter(&mut keys, vietnamese);
        assert_eq!(vietnamese(&keys), "Bác Lan đ");
        delete_letter(&mut keys, vietnamese);
        assert_eq!(vietnamese(&keys), "Bác Lan ");
    }
}
