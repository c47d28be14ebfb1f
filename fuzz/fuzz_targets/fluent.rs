//! Interface messages overridden by an arbitrary Fluent text (as a ward's `--locales`
//! folder would), then every message formatted, with and without arguments.

#![no_main]

use std::sync::OnceLock;

use hocso::i18n::{Lang, Localizer};
use libfuzzer_sys::fuzz_target;

/// Message ids the text seems to define: `id = …` at the start of a line.
fn defined_ids(text: &str) -> Vec<&str> {
    text.lines()
        .filter_map(|line| line.split_once('='))
        .map(|(id, _)| id.trim_end())
        .filter(|id| {
            id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let texts = [
        (Lang::Vi, "vi/fuzz.ftl".to_owned(), text.to_owned()),
        (Lang::En, "en/fuzz.ftl".to_owned(), text.to_owned()),
    ];
    let Ok(localizer) = Localizer::with_override_texts(texts) else {
        return;
    };
    let args = [
        ("name", "Bà Hạnh".into()),
        ("code", "4821".into()),
        ("n", 1.into()),
        ("total", 8.into()),
        ("count", 2.into()),
        ("minutes", 5.into()),
        ("file", "x.toml".into()),
    ];
    static EMBEDDED_IDS: OnceLock<Vec<String>> = OnceLock::new();
    let embedded = EMBEDDED_IDS.get_or_init(|| {
        let mut ids: Vec<String> = Localizer::ids(Lang::Vi).into_iter().collect();
        ids.sort();
        ids
    });
    let mut ids = embedded.clone();
    ids.extend(defined_ids(text).into_iter().map(str::to_owned));
    for lang in Lang::ALL {
        for id in &ids {
            let plain = localizer.text(lang, id);
            let with = localizer.text_with(lang, id, &args);
            let _ = localizer.get(lang, id);
            for shown in [plain, with] {
                assert!(!shown.contains(['\u{2068}', '\u{2069}']), "{id}: {shown:?}");
            }
        }
    }
});
