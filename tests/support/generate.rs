//! Generated lessons for tests and benchmarks: valid, bilingual, every step kind; and the
//! learner they are taken by.

use std::fmt::Write;

use hocso::app::{Model, Size};
use hocso::i18n::Lang;
use hocso::lesson::Lesson;
use hocso::store::Learner;

/// A model over `lessons` at 80×24, in Vietnamese, with Bà Hạnh (code 4821) signed in at a
/// fixed time. The screen is still the welcome: callers put the learner where they need.
pub fn signed_in(lessons: Vec<Lesson>) -> Model {
    let mut model = Model::new(lessons, Lang::Vi, Size::new(80, 24));
    model.learner = Some(Learner {
        code: "4821".into(),
        name: "Bà Hạnh".into(),
        age_band: None,
        sound: Default::default(),
    });
    model.now = 1_000_000;
    model
}

/// A valid lesson with `id`, recommending `prerequisites`, with one step of each kind
/// (scan excepted) and a tap screen of a few elements.
pub fn lesson_toml(id: &str, prerequisites: &[String]) -> String {
    let prereqs = prerequisites
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let mut s = String::new();
    write!(
        s,
        r#"format_version = 1
id = "{id}"
topic = "tap-luyen"
title = {{ vi = "Bài tập số {id}", en = "Practice lesson {id}" }}
summary = {{ vi = "Một bài tập để đo tốc độ.", en = "A lesson to measure speed." }}
minutes = 5
prerequisites = [{prereqs}]

[mastery]
rule = "in_a_row"
n = 2

[[steps]]
id = "gioi-thieu"
kind = "explain"
text = {{ vi = "Bài này giúp bác làm quen với điện thoại.", en = "This lesson helps you get to know the phone." }}

[[steps]]
id = "cham-nut"
kind = "tap"
text = {{ vi = "Chạm vào nút Tiếp tục.", en = "Tap the Continue button." }}
hint = {{ vi = "Nút ở cuối màn hình.", en = "The button is at the bottom." }}
target = "tiep-tuc"

[steps.screen]
title = {{ vi = "Ứng dụng", en = "App" }}

[[steps.screen.elements]]
kind = "text"
label = {{ vi = "Màn hình tập.", en = "Practice screen." }}

[[steps.screen.elements]]
id = "quay-lai"
kind = "button"
label = {{ vi = "Quay lại", en = "Back" }}
feedback = {{ vi = "Nút này đưa bác về trước.", en = "This goes back." }}

[[steps.screen.elements]]
id = "tiep-tuc"
kind = "button"
label = {{ vi = "Tiếp tục", en = "Continue" }}

[[steps]]
id = "cau-hoi"
kind = "choice"
text = {{ vi = "Ai được biết mã OTP của bác?", en = "Who may know your OTP code?" }}
hint = {{ vi = "Mã OTP là bí mật.", en = "An OTP code is secret." }}

[[steps.options]]
text = {{ vi = "Chỉ mình bác", en = "Only you" }}
correct = true
feedback = {{ vi = "Đúng vậy.", en = "That's right." }}

[[steps.options]]
text = {{ vi = "Người gọi tự xưng công an", en = "A caller who says he is police" }}
feedback = {{ vi = "Công an không bao giờ hỏi mã OTP.", en = "Police never ask for an OTP." }}

[[steps]]
id = "sap-xep"
kind = "order"
text = {{ vi = "Xếp các bước theo thứ tự.", en = "Put the steps in order." }}
hint = {{ vi = "Mở ứng dụng trước.", en = "Open the app first." }}
items = [
  {{ vi = "Mở ứng dụng", en = "Open the app" }},
  {{ vi = "Đăng nhập", en = "Log in" }},
  {{ vi = "Thoát", en = "Log out" }},
]

[[steps]]
id = "nhap-so"
kind = "type"
text = {{ vi = "Nhập số 123456. Số này chỉ để tập.", en = "Type 123456. This number is only for practice." }}
hint = {{ vi = "Chạm từng số trên bàn phím.", en = "Tap each digit on the keypad." }}
answer = "123456"
input = "digits"
field = "ma"

[steps.screen]

[[steps.screen.elements]]
id = "ma"
kind = "field"
label = {{ vi = "Mã", en = "Code" }}
"#
    )
    .expect("writing to a String");
    s
}

/// `count` lessons, each recommending up to two earlier ones.
pub fn lessons(count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|i| {
            let id = format!("bai-{i:05}");
            let prereqs: Vec<String> = [i.checked_sub(1), i.checked_sub(7)]
                .into_iter()
                .flatten()
                .map(|j| format!("bai-{j:05}"))
                .collect();
            let text = lesson_toml(&id, &prereqs);
            (id, text)
        })
        .collect()
}
