//! One module per subcommand. These are the only places that print.

pub mod card;
pub mod check;
pub mod learners;
pub mod narrate;
pub mod new;
pub mod schema;
pub mod tutor;

use std::path::PathBuf;

/// The lessons shipped with hocso: `lessons/` in the working folder when there is one
/// (a checkout, or a kiosk's install folder), else the source tree's.
pub fn bundled_lessons_dir() -> PathBuf {
    let here = PathBuf::from("lessons");
    if here.is_dir() {
        here
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons")
    }
}

/// Where progress and the log live: `--data`, else the user's data folder.
pub fn data_dir(cli: &crate::cli::Cli) -> PathBuf {
    cli.data.clone().unwrap_or_else(|| {
        directories::ProjectDirs::from("vn", "hocso", "hocso")
            .map(|d| d.data_dir().to_owned())
            .unwrap_or_else(|| PathBuf::from(".hocso"))
    })
}
