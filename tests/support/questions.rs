//! The twelve-question fixture (tests/fixtures/kill): finding the next question not yet
//! answered, whatever screen the tutor is on, and answering it right.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::Connection;

use super::tmux::Tmux;

/// The question number on screen (`Câu 7:` → 7), on a step not yet answered.
pub fn fresh_question(tmux: &Tmux) -> usize {
    // The summary: its title, or (a long list of steps to practise scrolls it away) its
    // answers.
    let summary = |s: &str| {
        s.contains("Bác đã học xong bài")
            || s.contains("Tập lại các bước này")
            || s.contains("Về danh sách bài")
    };
    let screen = tmux.wait_until("a question not yet answered", |s| {
        if summary(s) {
            return true;
        }
        if s.contains("Bác muốn học bài nào?") || s.contains("Học tiếp chỗ đó") {
            return true;
        }
        s.contains("Câu ") && !s.contains("✓ Đúng rồi!")
    });
    let between = [
        "Bác đã học xong bài",
        "Tập lại các bước này",
        "Về danh sách bài",
        "Bác muốn học bài nào?",
        "Học tiếp chỗ đó",
    ];
    if let Some(marker) = between.iter().find(|m| screen.contains(**m)) {
        // The summary (practise again, or back to the menu), the menu, or resume: the
        // first answer goes on into a lesson (nothing is chosen for her: Enter alone does
        // nothing there). Wait for the screen to change before looking again, or a second
        // key would answer the next question.
        tmux.keys(&["1"]);
        tmux.wait_until("the screen to change", |s| !s.contains(marker));
        return fresh_question(tmux);
    }
    question_on(&screen)
}

pub fn question_on(screen: &str) -> usize {
    let at = screen.find("Câu ").expect("a question");
    screen[at + "Câu ".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("its number")
}

/// Answers the next question right and waits for the screen to confirm it; the step's
/// id (`cau-7`). The screen stays on the confirmation.
pub fn answer_right(tmux: &Tmux) -> String {
    let k = fresh_question(tmux);
    tmux.keys(&["1"]);
    tmux.wait_until("the answer confirmed", |s| {
        s.contains("✓ Đúng rồi!") && s.contains(&format!("Câu {k}:"))
    });
    format!("cau-{k}")
}

/// Right answers per step in the database, and whether the file is sound.
pub fn saved(data: &Path) -> (HashMap<String, usize>, String) {
    let conn = Connection::open(data.join("hocso.db")).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    let mut stmt = conn
        .prepare("SELECT step, count(*) FROM attempts WHERE right = 1 GROUP BY step")
        .unwrap();
    let counts = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    (counts, integrity)
}
