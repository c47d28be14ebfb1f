//! The lesson loader and checker on arbitrary text, and every diagnostic rendered as
//! `hocso check` prints it (plain, coloured and JSON).

#![no_main]

use std::path::Path;

use annotate_snippets::Renderer;
use hocso::lesson::{CheckOptions, Severity, parse_lesson};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The file need not exist: narration is off, so nothing is read from disk.
    let path = Path::new("lessons/fuzz.toml");
    let options = CheckOptions::default();
    let parsed = parse_lesson(path, text, &options);
    let errors = parsed
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error);
    assert_eq!(
        parsed.lesson.is_some(),
        !errors,
        "a lesson comes back exactly when there are no errors"
    );
    for d in &parsed.diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(d.start.line >= 1 && d.start.column >= 1, "{d:?}");
        assert!(
            (d.start.line, d.start.column) <= (d.end.line, d.end.column),
            "{d:?}"
        );
        let plain = d.render(Some(text), &Renderer::plain());
        assert!(plain.contains(d.code), "{plain}");
        let _ = d.render(Some(text), &Renderer::styled());
        let _ = d.render(None, &Renderer::plain());
        let json = d.to_json();
        assert_eq!(json["line"], d.start.line);
    }
});
