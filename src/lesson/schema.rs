//! The JSON Schema of lesson files, generated from the types in [`super::file`].
//!
//! Committed as `schema/lesson.schema.json`; each lesson's `#:schema` line points an
//! editor's TOML language server at it for validation and completion.

use serde_json::Value;

use super::file::LessonFile;

/// Where the committed schema lives, relative to the repository.
pub const SCHEMA_PATH: &str = "schema/lesson.schema.json";

/// The schema as committed: pretty JSON with a final newline.
pub fn lesson_schema_json() -> String {
    let mut schema = schemars::schema_for!(LessonFile).to_value();
    drop_null(&mut schema);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    json.push('\n');
    json
}

/// TOML has no null: an optional field is left out, so editors should never offer null.
/// Removes `null` alternatives that schemars adds for `Option`, recursively.
fn drop_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|s| s.get("type").is_none_or(|t| t != "null"));
                if any.len() == 1 {
                    let Some(Value::Object(only)) = any.pop() else {
                        unreachable!("anyOf holds schemas")
                    };
                    map.remove("anyOf");
                    for (k, v) in only {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_offer_no_null() {
        let json = lesson_schema_json();
        assert!(!json.contains("null"), "{json}");
        let schema: Value = serde_json::from_str(&json).unwrap();
        let hint = &schema["$defs"]["StepFile"]["properties"]["hint"];
        assert_eq!(hint["$ref"], "#/$defs/Text", "{hint}");
    }
}
