use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::cli::NewArgs;
use crate::lesson::is_valid_id;
use crate::lesson::schema::SCHEMA_PATH;

/// `hocso new ID`: a lesson scaffold with an explain, a tap and a choice step, in
/// Vietnamese and English, that passes `hocso check`.
pub fn run(args: &NewArgs, lessons: &Path, words: &super::Words) -> anyhow::Result<ExitCode> {
    for (what, id) in [
        ("cli-new-lesson-id", &args.id),
        ("cli-new-topic", &args.topic),
    ] {
        if !is_valid_id(id) {
            bail!(words.with(
                "cli-new-bad-id",
                &[("what", words.t(what).into()), ("id", id.clone().into())]
            ));
        }
    }
    let dir = args.dir.as_deref().unwrap_or(lessons);
    std::fs::create_dir_all(dir).with_context(|| words.file("cli-creating", dir))?;
    let path = dir.join(format!("{}.toml", args.id));
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| words.file("cli-new-exists", &path))?;
    let text = scaffold(&args.id, &args.topic).replace(SCHEMA_LINE, &schema_line(dir));
    file.write_all(text.as_bytes())?;
    super::say!("{}", words.file("cli-wrote", &path));
    super::say!("{}", words.file("cli-new-next", &path));
    Ok(ExitCode::SUCCESS)
}

const SCHEMA_LINE: &str = "#:schema ../schema/lesson.schema.json";

/// The `#:schema` line for a lesson in `dir`: the schema of the content folder it sits in,
/// else the one hocso was built with.
fn schema_line(dir: &Path) -> String {
    if dir.join("../schema/lesson.schema.json").is_file() || dir.ends_with("lessons") {
        return SCHEMA_LINE.to_owned();
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMA_PATH);
    if built.is_file() {
        format!("#:schema {}", built.display())
    } else {
        SCHEMA_LINE.to_owned()
    }
}

/// The scaffold's text.
pub fn scaffold(id: &str, topic: &str) -> String {
    SCAFFOLD.replace("{id}", id).replace("{topic}", topic)
}

const SCAFFOLD: &str = r#"#:schema ../schema/lesson.schema.json
# A hocso lesson. The format is described in docs/lesson-format.md.
# Check it with `hocso check`, and watch it with `hocso preview`.
format_version = 1
id = "{id}"
topic = "{topic}"
title = { vi = "Tên bài học", en = "Lesson title" }
summary = { vi = "Học xong bài này, bác sẽ biết làm một việc mới.", en = "After this lesson you will know how to do something new." }
minutes = 5
prerequisites = []

[mastery]
rule = "in_a_row"
n = 2

[[steps]]
id = "gioi-thieu"
kind = "explain"
text = { vi = "Viết ở đây vì sao việc này có ích cho bác.", en = "Say here why this is useful." }

[[steps]]
id = "cham-nut"
kind = "tap"
text = { vi = "Chạm vào nút Tiếp tục.", en = "Tap the Continue button." }
target = "tiep-tuc"
hint = { vi = "Nút Tiếp tục ở cuối màn hình.", en = "The Continue button is at the bottom of the screen." }

[steps.screen]
title = { vi = "Màn hình tập", en = "Practice screen" }

[[steps.screen.elements]]
kind = "text"
label = { vi = "Đây là màn hình để tập.", en = "This is a practice screen." }

[[steps.screen.elements]]
id = "tiep-tuc"
kind = "button"
label = { vi = "Tiếp tục", en = "Continue" }

[[steps]]
id = "cau-hoi"
kind = "choice"
text = { vi = "Viết câu hỏi ở đây?", en = "Write the question here?" }
hint = { vi = "Viết gợi ý ở đây.", en = "Write a hint here." }

[[steps.options]]
text = { vi = "Câu trả lời đúng", en = "The right answer" }
correct = true
feedback = { vi = "Đúng rồi, vì …", en = "Right, because …" }

[[steps.options]]
text = { vi = "Một câu trả lời sai", en = "A wrong answer" }
feedback = { vi = "Chưa đúng, vì …", en = "Not quite, because …" }
"#;
