//! One module per subcommand. These are the only places that print.

pub mod catalogue;
pub mod check;
pub mod new;
pub mod schema;

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
