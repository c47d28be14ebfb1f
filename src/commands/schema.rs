use std::process::ExitCode;

use crate::lesson::schema::lesson_schema_json;

/// `hocso schema`: prints the lesson JSON Schema.
pub fn run() -> anyhow::Result<ExitCode> {
    print!("{}", lesson_schema_json());
    Ok(ExitCode::SUCCESS)
}
