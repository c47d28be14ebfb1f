//! Learner-facing text: a plain Vietnamese string, or a table of locales.
//!
//! `TextFile` is what a lesson file holds (with spans, for the checker);
//! `LocalText` is what the rest of hocso uses: NFC-normalised, Vietnamese first.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use toml::Spanned;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The language every text must have: hocso is Vietnamese first.
pub const PRIMARY_LOCALE: &str = "vi";

/// A text as written in a lesson file.
#[derive(Debug, Clone)]
pub enum TextFile {
    /// `text = "Chạm vào nút Cài đặt."`: Vietnamese only.
    Plain(String),
    /// `text = { vi = "…", en = "…" }`, each locale with its span (in key order).
    Localized(Vec<(Spanned<String>, Spanned<String>)>),
}

impl TextFile {
    /// Each (locale, text) pair; a plain string is Vietnamese.
    pub fn entries(&self) -> Vec<(&str, &str)> {
        match self {
            TextFile::Plain(s) => vec![(PRIMARY_LOCALE, s.as_str())],
            TextFile::Localized(pairs) => pairs
                .iter()
                .map(|(k, v)| (k.get_ref().as_str(), v.get_ref().as_str()))
                .collect(),
        }
    }

    /// The Vietnamese text of `text`, and where it is written (the `vi` value of a locale
    /// table; a plain string whole). None when a table has no `vi`.
    pub fn vietnamese(text: &Spanned<TextFile>) -> Option<(&str, Range<usize>)> {
        match text.get_ref() {
            TextFile::Plain(s) => Some((s.as_str(), text.span())),
            TextFile::Localized(pairs) => pairs
                .iter()
                .find(|(locale, _)| locale.get_ref() == PRIMARY_LOCALE)
                .map(|(_, value)| (value.get_ref().as_str(), value.span())),
        }
    }

    /// Every value of `text` with where it is written: each locale's, or a plain string
    /// whole.
    pub fn values(text: &Spanned<TextFile>) -> Vec<(&str, Range<usize>)> {
        match text.get_ref() {
            TextFile::Plain(s) => vec![(s.as_str(), text.span())],
            TextFile::Localized(pairs) => pairs
                .iter()
                .map(|(_, value)| (value.get_ref().as_str(), value.span()))
                .collect(),
        }
    }

    /// The normalised text, as hocso uses it.
    pub fn to_local(&self) -> LocalText {
        LocalText(
            self.entries()
                .into_iter()
                .map(|(locale, text)| (locale.to_owned(), nfc(text)))
                .collect(),
        )
    }
}

impl<'de> Deserialize<'de> for TextFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;

        impl<'de> Visitor<'de> for TextVisitor {
            type Value = TextFile;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, or a table of locales such as { vi = \"…\", en = \"…\" }")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<TextFile, E> {
                Ok(TextFile::Plain(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<TextFile, E> {
                Ok(TextFile::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TextFile, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let value = map.next_value::<Spanned<String>>()?;
                    pairs.push((key, value));
                }
                Ok(TextFile::Localized(pairs))
            }
        }

        deserializer.deserialize_any(TextVisitor)
    }
}

impl JsonSchema for TextFile {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Learner-facing text: a Vietnamese string, or a table with `vi` (required) and `en`.",
            "anyOf": [
                { "type": "string", "minLength": 1 },
                {
                    "type": "object",
                    "properties": {
                        "vi": { "type": "string", "minLength": 1, "description": "Vietnamese (required)" },
                        "en": { "type": "string", "minLength": 1, "description": "English" }
                    },
                    "required": ["vi"],
                    // The kiosk shows these two: another key (`eng`, `vn`) is a slip the
                    // editor marks at once, as `hocso check` does.
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// A learner-facing text in one or more locales, NFC-normalised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LocalText(Vec<(String, String)>);

impl LocalText {
    /// A Vietnamese-only text.
    pub fn vi(text: &str) -> Self {
        LocalText(vec![(PRIMARY_LOCALE.to_owned(), nfc(text))])
    }

    /// The text in `locale`, or in Vietnamese when that locale is missing.
    pub fn get(&self, locale: &str) -> &str {
        self.get_exact(locale)
            .or_else(|| self.get_exact(PRIMARY_LOCALE))
            .or_else(|| self.0.first().map(|(_, t)| t.as_str()))
            .unwrap_or("")
    }

    /// The text in `locale` only, with no fallback.
    pub fn get_exact(&self, locale: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l == locale)
            .map(|(_, t)| t.as_str())
    }

    /// The locales this text has.
    pub fn locales(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(l, _)| l.as_str())
    }
}

/// Unicode NFC: the one form hocso stores, draws and compares.
pub fn nfc(text: &str) -> String {
    // Nearly every text is NFC already: the quick check spares composing it again.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text.to_owned()
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Holder {
        text: Spanned<TextFile>,
    }

    #[test]
    fn plain_string_is_vietnamese() {
        let h: Holder = toml::from_str(r#"text = "Xin chào""#).unwrap();
        let local = h.text.get_ref().to_local();
        assert_eq!(local.get("vi"), "Xin chào");
        assert_eq!(local.get("en"), "Xin chào", "falls back to Vietnamese");
        assert_eq!(local.get_exact("en"), None);
    }

    #[test]
    fn table_keeps_each_locale_and_its_span() {
        let src = r#"text = { vi = "Xin chào", en = "Hello" }"#;
        let h: Holder = toml::from_str(src).unwrap();
        let TextFile::Localized(pairs) = h.text.get_ref() else {
            panic!("expected a locale table");
        };
        assert_eq!(pairs.len(), 2);
        let (key, value) = pairs.iter().find(|(k, _)| k.get_ref() == "en").unwrap();
        assert_eq!(&src[key.span()], "en");
        assert_eq!(&src[value.span()], "\"Hello\"");
        assert_eq!(h.text.get_ref().to_local().get("en"), "Hello");
    }

    #[test]
    fn decomposed_text_is_normalised() {
        // "Việt" written with combining marks (NFD).
        let decomposed = "Vie\u{302}\u{323}t";
        let local = LocalText::vi(decomposed);
        assert_eq!(local.get("vi"), "Việt");
        assert_eq!(local.get("vi").chars().count(), 4);
    }

    #[test]
    fn wrong_type_is_an_error_that_says_what_is_expected() {
        let err = toml::from_str::<Holder>("text = 3").err().unwrap();
        assert!(
            err.message().contains("a string, or a table of locales"),
            "{err}"
        );
    }
}
