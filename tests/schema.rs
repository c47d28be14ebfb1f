//! The committed JSON Schema matches the lesson types, and lessons validate against it.

mod support;

use hocso::lesson::schema::{SCHEMA_PATH, lesson_schema_json};
use support::{fixture, generate, root};

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(SCHEMA_PATH)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("the committed schema is a valid JSON Schema")
}

fn as_json(toml_text: &str) -> serde_json::Value {
    toml::from_str(toml_text).expect("valid TOML")
}

#[test]
fn committed_schema_matches_the_types() {
    let committed = std::fs::read_to_string(root().join(SCHEMA_PATH)).unwrap();
    assert!(
        committed == lesson_schema_json(),
        "schema/lesson.schema.json is stale: run `cargo run -- schema > {SCHEMA_PATH}`"
    );
}

#[test]
fn bundled_and_generated_lessons_validate_against_the_schema() {
    let validator = validator();
    let mut checked = 0;
    for entry in std::fs::read_dir(root().join("lessons")).unwrap() {
        let path = entry.unwrap().path();
        // The glossary lives beside the lessons and is not one.
        let glossary = path.ends_with(hocso::lesson::glossary::FILE);
        if path.extension().is_some_and(|e| e == "toml") && !glossary {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("#:schema ../schema/lesson.schema.json\n"),
                "{}: the first line points editors at the schema",
                path.display()
            );
            let errors: Vec<String> = validator
                .iter_errors(&as_json(&text))
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 2, "the bundled lessons were found");
    let good = std::fs::read_to_string(fixture("good/mau.toml")).unwrap();
    assert!(validator.is_valid(&as_json(&good)));
    for (_, text) in generate::lessons(3) {
        assert!(validator.is_valid(&as_json(&text)));
    }
}

#[test]
fn the_schema_rejects_what_the_checker_rejects() {
    let validator = validator();
    for name in [
        "unknown-field",
        "unknown-step-field",
        "wrong-type",
        "unknown-value",
        "missing-field",
        "missing-kind-field",
        "invalid-id",
    ] {
        let text = std::fs::read_to_string(fixture(&format!("problems/{name}.toml"))).unwrap();
        assert!(
            !validator.is_valid(&as_json(&text)),
            "{name} should not validate"
        );
    }
}

/// An editor marks a misspelt language key at once, as `hocso check` does: a text table
/// has `vi` and `en` only.
#[test]
fn the_schema_marks_a_misspelt_language_key() {
    let validator = validator();
    let good = std::fs::read_to_string(fixture("good/mau.toml")).unwrap();
    let with = |title: &str| good.replace("title = \"Bài mẫu\"", title);
    assert!(validator.is_valid(&as_json(&with(
        "title = { vi = \"Bài mẫu\", en = \"A sample\" }"
    ))));
    for key in ["eng", "vn", "en-US"] {
        let text = with(&format!(
            "title = {{ vi = \"Bài mẫu\", \"{key}\" = \"A sample\" }}"
        ));
        assert!(
            !validator.is_valid(&as_json(&text)),
            "{key} should not validate"
        );
    }
}
