use std::process::ExitCode;

use crate::lesson::schema::lesson_schema_json;

/// `hocso schema`: prints the lesson JSON Schema.
pub fn run() -> anyhow::Result<ExitCode> {
    // The schema ends with a newline of its own.
    super::say!("{}", lesson_schema_json().trim_end());
    Ok(ExitCode::SUCCESS)
}
