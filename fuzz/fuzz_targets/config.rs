//! The kiosk configuration (`hocso.toml`) parsed from arbitrary text, its diagnostics
//! rendered, and what `hocso config show` prints read back to the same settings.

#![no_main]

use std::path::{Path, PathBuf};

use annotate_snippets::Renderer;
use hocso::config::{Config, Defaults};
use libfuzzer_sys::fuzz_target;

fn defaults() -> Defaults {
    Defaults {
        kiosk_name: "kiosk".to_owned(),
        lessons: PathBuf::from("/usr/share/hocso/lessons"),
        data: PathBuf::from("/var/lib/hocso"),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("hocso.toml");
    let (config, problems) = Config::parse(path, text, defaults());
    for d in &problems {
        assert!(d.span.end <= text.len(), "{d:?}");
        let _ = d.render(Some(text), &Renderer::plain());
        let _ = d.render(Some(text), &Renderer::styled());
        let _ = d.to_json();
    }
    // The effective settings, written out as TOML, read back the same and cleanly.
    let shown: String = config
        .entries()
        .iter()
        .map(|(key, value, _)| format!("{key} = {value}\n"))
        .collect();
    let (again, problems) = Config::parse(path, &shown, defaults());
    assert!(problems.is_empty(), "{shown}\n{problems:?}");
    for ((key, a, _), (_, b, _)) in config.entries().iter().zip(again.entries().iter()) {
        assert_eq!(a, b, "{key} changed on the way back\n{shown}");
    }
});
