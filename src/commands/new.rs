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
# Write the lesson's own text wherever «SỬA» stands ("sửa": edit), and remove the mark:
# `hocso check` warns (placeholder-left) at each one left. Watch it with `hocso preview`.
format_version = 1
id = "{id}"
topic = "{topic}"
title = { vi = "«SỬA» Tên bài học", en = "«SỬA» Lesson title" }
summary = { vi = "«SỬA» Học xong bài này, bác sẽ biết làm một việc mới.", en = "«SỬA» After this lesson you will know how to do something new." }
minutes = 5
prerequisites = []

[mastery]
rule = "in_a_row"
n = 2

[[steps]]
id = "gioi-thieu"
kind = "explain"
text = { vi = "«SỬA» Vì sao việc này có ích cho bác.", en = "«SỬA» Why this is useful." }

[[steps]]
id = "cham-nut"
kind = "tap"
text = { vi = "«SỬA» Chạm vào nút Tiếp tục.", en = "«SỬA» Tap the Continue button." }
target = "tiep-tuc"
hint = { vi = "«SỬA» Nút Tiếp tục ở cuối màn hình.", en = "«SỬA» The Continue button is at the bottom of the screen." }

[steps.screen]
title = { vi = "«SỬA» Màn hình tập", en = "«SỬA» Practice screen" }

[[steps.screen.elements]]
kind = "text"
label = { vi = "«SỬA» Đây là màn hình để tập.", en = "«SỬA» This is a practice screen." }

[[steps.screen.elements]]
id = "tiep-tuc"
kind = "button"
label = { vi = "«SỬA» Tiếp tục", en = "«SỬA» Continue" }

[[steps]]
id = "cau-hoi"
kind = "choice"
text = { vi = "«SỬA» Câu hỏi?", en = "«SỬA» The question?" }
hint = { vi = "«SỬA» Một gợi ý.", en = "«SỬA» A hint." }

# The kiosk says "Đúng rồi!" first: a right answer's feedback says only why.
[[steps.options]]
text = { vi = "«SỬA» Câu trả lời đúng", en = "«SỬA» The right answer" }
correct = true
feedback = { vi = "«SỬA» Vì sao câu này đúng.", en = "«SỬA» Why this is right." }

[[steps.options]]
text = { vi = "«SỬA» Một câu trả lời sai", en = "«SỬA» A wrong answer" }
feedback = { vi = "«SỬA» Chưa đúng: vì sao.", en = "«SỬA» Not quite: why." }
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{CheckOptions, PLACEHOLDER, parse_lesson};

    /// Every text of the scaffold is a placeholder the checker finds, one warning each,
    /// at its own line; with the marks removed, the lesson is clean.
    #[test]
    fn every_scaffold_text_is_a_placeholder_the_checker_finds() {
        let text = scaffold("zalo-goi-video", "zalo");
        let options = CheckOptions {
            narration: false,
            ..CheckOptions::default()
        };
        let parsed = parse_lesson(std::path::Path::new("x.toml"), &text, &options);
        assert!(parsed.lesson.is_some(), "{:#?}", parsed.diagnostics);
        let mut lines: Vec<usize> = parsed
            .diagnostics
            .iter()
            .map(|d| {
                assert_eq!(d.code, "placeholder-left", "{d:#?}");
                assert_eq!(&text[d.span.clone()], PLACEHOLDER);
                d.start.line
            })
            .collect();
        lines.sort_unstable();
        let marked: Vec<usize> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains(PLACEHOLDER) && !l.starts_with('#'))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(lines, marked);

        let written = text.replace(&format!("{PLACEHOLDER} "), "");
        let parsed = parse_lesson(std::path::Path::new("x.toml"), &written, &options);
        assert_eq!(parsed.diagnostics, []);
    }
}
