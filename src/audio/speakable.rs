//! What a speech engine is given to read for a text: the same words, with the things
//! espeak-ng's Vietnamese voice reads badly rewritten as a Vietnamese speaker says them.
//!
//! Web addresses are read part by part with "chấm" ("dichvucong.gov.vn" → "dịch vụ công
//! chấm gờ o vê chấm vê en"); long numbers (a citizen id, a phone number, a practice
//! code) digit by digit, as people read them out, not as one huge quantity; the
//! abbreviations of the lessons the way people say them ("OTP" → "ô tê pê", "VNeID" →
//! "vê en e ai đi", "QR" → "quy a"); a name in capitals (as a bank app shows it) in small
//! letters, so it is read as a name and not spelled. Zalo, amounts ("150.000 đồng") and
//! years stay as they are: the engine reads those well.
//!
//! Only drafts use this. A clip's manifest keeps the hash of the text itself, so a
//! change of text, not of these rules, is what makes a clip stale.

/// Vietnamese names of the digits.
const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Words the lessons use that the engine reads badly, as people say them (matched
/// without regard to case).
const WORDS: &[(&str, &str)] = &[
    ("otp", "ô tê pê"),
    ("vneid", "vê en e ai đi"),
    ("vssid", "vê ét ét ai đi"),
    ("vietqr", "việt quy a"),
    ("qr", "quy a"),
    ("pin", "pin"),
    ("id", "ai đi"),
    ("faceid", "phây ai đi"),
    ("sim", "sim"),
    ("sms", "ét em ét"),
    ("bhyt", "bê hát y tê"),
    ("bhxh", "bê hát ích hát"),
    ("cccd", "xê xê xê đê"),
    ("cvv", "xê vê vê"),
    ("nfc", "en ép xê"),
    ("ok", "ô kê"),
    ("ch", "xê hát"),
    ("play", "plây"),
    ("app", "áp"),
    ("store", "xto"),
    ("wi-fi", "wai phai"),
    ("wifi", "wai phai"),
    ("etax", "i tắc"),
    ("ihanoi", "ai Hà Nội"),
    ("iphone", "ai phôn"),
    ("android", "an đờ roi"),
    ("bluetooth", "blu tút"),
    ("youtube", "diu túp"),
    ("mobile", "mô bai"),
    ("passcode", "pát cốt"),
    ("telex", "tê lếch"),
    ("vni", "vê en i"),
    ("link", "linh"),
    ("smart", "xmát"),
    ("vietinbank", "việt tin banh"),
    ("mb", "em bê"),
    ("apk", "a pê ca"),
];

/// Parts of web addresses the lessons show, as people say them.
const ADDRESS_PARTS: &[(&str, &str)] = &[
    ("dichvucong", "dịch vụ công"),
    ("tinnhiemmang", "tín nhiệm mạng"),
    ("hotro", "hỗ trợ"),
    ("hoso", "hồ sơ"),
    ("gov", "gờ o vê"),
    ("vn", "vê en"),
    ("com", "com"),
    ("www", "vê kép vê kép vê kép"),
    ("top", "tốp"),
    ("xyz", "ích y dét"),
    ("vneid", "vê en e ai đi"),
    ("apk", "a pê ca"),
];

/// Endings that make a word with dots a web address.
const ADDRESS_ENDINGS: &[&str] = &["vn", "com", "net", "org", "top", "xyz", "info"];

/// `text` as the speech engine should be given it.
pub fn speakable(text: &str) -> String {
    let words: Vec<Word> = text.split(' ').map(Word::new).collect();
    let digits_only = |w: Option<&Word>| {
        w.is_some_and(|w| !w.core.is_empty() && w.core.chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let core = word.core;
        let is_digits = digits_only(Some(word));
        let spoken = if is_digits {
            // A long number, or a group of a number written in groups ("0123 456 789"):
            // digit by digit. A year, or a short number on its own, as a number.
            let year = core.len() == 4 && (core.starts_with("19") || core.starts_with("20"));
            let grouped = core.len() >= 2
                && ((i > 0
                    && digits_only(words.get(i - 1))
                    && !word.before_ends_group(&words[i - 1]))
                    || (digits_only(words.get(i + 1)) && !words[i + 1].before_ends_group(word)));
            if (core.len() >= 4 && !year) || grouped {
                Some(digit_by_digit(core))
            } else {
                None
            }
        } else if is_address(core) {
            Some(address(core))
        } else if let Some(said) = known_word(core) {
            Some(said.to_owned())
        } else if shouted_name(core) {
            Some(core.to_lowercase())
        } else {
            None
        };
        match spoken {
            Some(said) => out.push(format!("{}{said}{}", word.before, word.after)),
            None => out.push(word.whole.to_owned()),
        }
    }
    out.join(" ")
}

/// A word of the text split into the punctuation before it, its core, and after it.
struct Word<'a> {
    whole: &'a str,
    before: &'a str,
    core: &'a str,
    after: &'a str,
}

impl<'a> Word<'a> {
    fn new(whole: &'a str) -> Word<'a> {
        let inner = |c: char| c.is_alphanumeric();
        let start = whole.find(inner).unwrap_or(whole.len());
        let end = whole.rfind(inner).map_or(start, |i| {
            i + whole[i..].chars().next().map_or(0, char::len_utf8)
        });
        let end = end.max(start);
        Word {
            whole,
            before: &whole[..start],
            core: &whole[start..end],
            after: &whole[end..],
        }
    }

    /// Whether punctuation between `previous` and this word separates them (a comma
    /// after a number ends it: "1, 2, 3" are three numbers).
    fn before_ends_group(&self, previous: &Word<'_>) -> bool {
        !previous.after.is_empty() || !self.before.is_empty()
    }
}

fn digit_by_digit(number: &str) -> String {
    number
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_address(word: &str) -> bool {
    let Some((_, ending)) = word.rsplit_once('.') else {
        return false;
    };
    word.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/'))
        && word.chars().any(|c| c.is_ascii_alphabetic())
        && (ADDRESS_ENDINGS.contains(&ending.to_ascii_lowercase().as_str())
            || ending.eq_ignore_ascii_case("apk"))
}

/// A web address part by part: "chấm" for a dot, "gạch ngang" for a hyphen.
fn address(word: &str) -> String {
    word.split('.')
        .map(|label| {
            label
                .split('-')
                .map(|part| {
                    let lower = part.to_ascii_lowercase();
                    ADDRESS_PARTS
                        .iter()
                        .find(|(written, _)| *written == lower)
                        .map_or(lower.clone(), |(_, said)| (*said).to_owned())
                })
                .collect::<Vec<_>>()
                .join(" gạch ngang ")
        })
        .collect::<Vec<_>>()
        .join(" chấm ")
}

fn known_word(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    WORDS
        .iter()
        .find(|(written, _)| *written == lower)
        .map(|(_, said)| *said)
}

/// A name written in capitals, as bank apps show "NGUYEN VAN MINH": three letters or
/// more, all capitals, with a vowel (an abbreviation has none, or is in [`WORDS`]).
fn shouted_name(word: &str) -> bool {
    word.chars().count() >= 3
        && word.chars().all(|c| c.is_uppercase())
        && word.chars().any(|c| "AEIOUY".contains(c))
}

#[cfg(test)]
mod tests {
    use super::speakable;

    #[test]
    fn web_addresses_are_read_part_by_part() {
        assert_eq!(
            speakable("Địa chỉ thật chỉ có một: dichvucong.gov.vn."),
            "Địa chỉ thật chỉ có một: dịch vụ công chấm gờ o vê chấm vê en."
        );
        assert_eq!(
            speakable("Báo cho tinnhiemmang.vn, nhé"),
            "Báo cho tín nhiệm mạng chấm vê en, nhé"
        );
        assert_eq!(
            speakable("“dichvucong-gov.vn.hoso-xyz.com” là giả."),
            "“dịch vụ công gạch ngang gờ o vê chấm vê en chấm hồ sơ gạch ngang ích y dét chấm com” là giả."
        );
    }

    #[test]
    fn long_numbers_are_read_digit_by_digit_and_amounts_and_years_stay() {
        assert_eq!(
            speakable("Số định danh 123456789012 nhé."),
            "Số định danh một hai ba bốn năm sáu bảy tám chín không một hai nhé."
        );
        assert_eq!(
            speakable("Gọi 0123 456 789."),
            "Gọi không một hai ba bốn năm sáu bảy tám chín."
        );
        assert_eq!(speakable("mã 508231"), "mã năm không tám hai ba một");
        assert_eq!(speakable("Năm 2025, bác"), "Năm 2025, bác");
        assert_eq!(speakable("150.000 đồng"), "150.000 đồng");
        assert_eq!(speakable("bấm 1, 2, 3"), "bấm 1, 2, 3");
        assert_eq!(speakable("sau 5 lần"), "sau 5 lần");
    }

    #[test]
    fn the_lessons_abbreviations_are_said_as_people_say_them() {
        assert_eq!(
            speakable("Không ai được hỏi mã OTP của bác."),
            "Không ai được hỏi mã ô tê pê của bác."
        );
        assert_eq!(
            speakable("Mở ứng dụng “VNeID”."),
            "Mở ứng dụng “vê en e ai đi”."
        );
        assert_eq!(speakable("quét mã QR"), "quét mã quy a");
        assert_eq!(speakable("nhập mã PIN"), "nhập mã pin");
        assert_eq!(
            speakable("vào CH Play, tìm VssID"),
            "vào xê hát plây, tìm vê ét ét ai đi"
        );
        assert_eq!(speakable("thẻ BHYT"), "thẻ bê hát y tê");
        assert_eq!(speakable("Wi-Fi nhà bác"), "wai phai nhà bác");
    }

    #[test]
    fn zalo_names_and_plain_vietnamese_stay() {
        assert_eq!(speakable("Mở Zalo."), "Mở Zalo.");
        let plain = "Bác chạm vào nút “Đăng nhập” ở phía trên trang.";
        assert_eq!(speakable(plain), plain);
        assert_eq!(
            speakable("Tên người nhận: NGUYEN VAN MINH."),
            "Tên người nhận: nguyen van minh."
        );
        assert_eq!(speakable(""), "");
        assert_eq!(speakable("  hai  khoảng "), "  hai  khoảng ");
    }
}
