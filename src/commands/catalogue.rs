use std::path::Path;
use std::process::ExitCode;

use crate::lesson::{Catalogue, CheckOptions};

/// `hocso` with no subcommand, until the kiosk tutor opens here: the loaded catalogue.
pub fn run(lessons: &Path) -> anyhow::Result<ExitCode> {
    let catalogue = Catalogue::load_dir(lessons, &CheckOptions::default());
    println!(
        "{} lessons in {}",
        catalogue.lessons.len(),
        lessons.display()
    );
    for lesson in &catalogue.lessons {
        println!(
            "  {:<28} {:>2} steps  {}",
            lesson.id,
            lesson.steps.len(),
            lesson.title.get("vi")
        );
    }
    let mut broken: Vec<&Path> = catalogue
        .problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_path())
        .collect();
    broken.dedup();
    if !broken.is_empty() {
        println!(
            "{} files have problems (broken ones are skipped); run `hocso check` to see them",
            broken.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}
