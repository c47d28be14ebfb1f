# Lời của dòng lệnh: những gì `hocso …` in ra cho tình nguyện viên và người soạn bài, kể
# cả lỗi. Không bao giờ hiện trên màn hình của người học. Mỗi `$file` là một đường dẫn.

## Lỗi, dù đến từ đâu

cli-error = hocso: { $message }
cli-no-data = Máy này chưa lưu tiến độ học nào (chưa có tệp { $file }).
cli-opening = không mở được { $file }
cli-reading = không đọc được { $file }
cli-writing = không ghi được { $file }
cli-creating = không tạo được { $file }
cli-reading-locales = không đọc được lời trong --locales { $folder }
cli-io-not-found = không có tệp hay thư mục này
cli-io-permission = không có quyền
cli-io-exists = đã có rồi
cli-io-other = { $error }
cli-store-codes-exhausted = đã hết mã số để cấp cho người học mới
cli-store-no-learner = không có người học nào có mã số { $code }
cli-store-busy = cơ sở dữ liệu đang bận (một chương trình khác đang dùng)
cli-store-full = ổ đĩa đã đầy
cli-store-io = không đọc hay ghi được ổ đĩa: { $why }
cli-store-read-only = cơ sở dữ liệu chỉ đọc được, không ghi được: { $why }
cli-store-corrupt = tệp cơ sở dữ liệu bị hỏng: { $why }
cli-store-too-new = cơ sở dữ liệu do một bản hocso mới hơn tạo ra (phiên bản { $found }; bản này chỉ biết đến { $known })
cli-store-not-writable = người dùng { $user } không ghi được vào { $file } (tệp thuộc về { $owner }): hãy giao thư mục cho người dùng của máy học (sudo chown -R { $user }: { $folder }), và chạy các lệnh hocso bằng người dùng đó (sudo -u { $user } hocso …)

## hocso volunteer set-pin

cli-pin-new = Mã PIN mới của tình nguyện viên (từ 4 đến 8 chữ số):{" "}
cli-pin-again = Nhập lại mã PIN đó:{" "}
cli-pin-shape = Mã PIN gồm từ 4 đến 8 chữ số.
cli-pin-mismatch = Hai lần nhập không giống nhau; chưa thay đổi gì.
cli-pin-reading = không đọc được mã PIN
cli-pin-terminal = không ẩn được mã PIN khi gõ
cli-pin-set = Đã đặt mã PIN tình nguyện viên (chỉ lưu dạng mã băm Argon2id, trong { $file }).

## hocso learners forget

cli-no-learner = Không có người học nào có mã số { $code }.
cli-forget-confirm = Xóa hẳn người học { $code } ({ $name }) cùng mọi điều đã ghi về người này? Việc này không thể hoàn tác. Gõ lại mã số để xác nhận (hoặc thêm --yes):{" "}
cli-forget-nothing = Chưa xóa gì.
cli-forget-done = Đã xóa người học { $code } ({ $name }) cùng mọi điều đã ghi về người này ({ $answers } câu trả lời). Báo cáo của phường vẫn đếm những câu trả lời ấy, không kèm tên; người học này và các lượt học của họ thì không còn được đếm.

## hocso report

cli-report-bad-date = { $flag } { $text } không phải là ngày: hãy viết theo dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD), ví dụ 2026-11-30
cli-report-from-after-to = ngày --from { $from } ở sau ngày --to { $to }: không có gì để báo cáo
cli-report-from-after-today = ngày --from { $from } ở sau hôm nay ({ $to }; xem --to): không có gì để báo cáo
cli-report-writing = không ghi được báo cáo
cli-merge-nothing = không có báo cáo nào để gộp
cli-merge-not-a-report = { $file } không phải là báo cáo của hocso: { $why }
cli-merge-wrong-format = định dạng của tệp là “{ $format }”, không phải “hocso-report”
cli-merge-version = { $file } là báo cáo phiên bản { $version }; bản hocso này chỉ đọc phiên bản 1 (hãy làm lại báo cáo bằng bản hocso này)
cli-merge-twice = máy học “{ $kiosk }” có mặt trong hai báo cáo: người học của máy ấy sẽ bị đếm hai lần (hãy đặt cho mỗi máy một kiosk_name riêng trong tệp cấu hình; với một máy, hãy làm một báo cáo cho cả khoảng thời gian)
cli-merge-periods = các báo cáo tính những khoảng thời gian khác nhau ({ $first } và { $other }): hãy làm tất cả với cùng --from và --to

## hocso card, hocso new

cli-card-no-lesson = Không có bài học “{ $lesson }” trong { $folder } (xem `hocso check`).
cli-wrote = Đã ghi { $file }.
cli-new-bad-id = { $what } “{ $id }” không dùng được làm mã: hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang đơn, ví dụ “zalo-goi-video”
cli-new-lesson-id = Mã bài học
cli-new-topic = Chủ đề
cli-new-exists = { $file } (không bao giờ ghi đè lên một bài học đã có)
cli-new-next = Tiếp theo: sửa tệp này, rồi chạy `hocso check { $file }`.

## hocso config show

cli-config-no-file = (chưa có tệp này: dùng các giá trị mặc định)
cli-origin-default = mặc định
cli-origin-command-line = dòng lệnh
cli-origin-failed-closed = { $place }, không hiểu được: máy khóa cho đến khi sửa xong
cli-config-problems = { $count } chỗ cần xem lại trong { $file }: mục cài đặt nào bị lỗi thì giữ giá trị mặc định.

## hocso record, hocso voice

cli-no-language = không có ngôn ngữ “{ $language }”
cli-broken-lessons = { $count } tệp bài học có lỗi nên được bỏ qua (xem `hocso check`).
cli-record-no-lesson = không có bài học nào có mã { $lesson } trong { $folder }
cli-record-kept = Số bản ghi âm đã giữ: { $count } (nhật ký: { $log }).

## hocso (chương trình học)

cli-tutor-stopped = chương trình học đã dừng (nhật ký: { $log })
cli-tutor-unsaved-kept = { $count } câu trả lời chưa lưu được vào cơ sở dữ liệu: chúng được giữ trong tệp dự phòng (journal) bên cạnh cơ sở dữ liệu, và sẽ được lưu khi mở máy lần sau.
cli-tutor-unsaved-lost = { $count } câu trả lời không lưu được: cả cơ sở dữ liệu lẫn tệp dự phòng (journal) đều không nhận được (xem nhật ký).

## hocso report --format csv: tên các cột (các giá trị thì giống nhau ở mọi ngôn ngữ)

report-csv-table = bảng
report-csv-date = ngày
report-csv-band = độ tuổi
report-csv-lesson = bài học
report-csv-step = bước
report-csv-learner = người học
report-csv-measure = chỉ số
report-csv-value = giá trị

## hocso report: người học đã bị xóa được đếm thế nào (dưới bảng tổng cộng)

report-erased-note = Người học đã bị xóa (bằng lệnh `hocso learners forget`) không còn được tính trong các mục “{ report-learners }”, “{ report-new-learners }”, “{ report-returning-learners }”, “{ report-sessions }” và “{ report-needs-help }”, cũng không có trong bảng theo độ tuổi: những điều ấy đã bị xóa cùng họ. Câu trả lời, bài học và từng bước của họ thì vẫn được đếm, không kèm tên. Vì thế, sau khi xóa một người học, số câu trả lời có thể nhiều hơn số mà các lượt học cho thấy.

## hocso check: các dòng tổng kết (phần mô tả từng lỗi vẫn bằng tiếng Anh)

cli-check-rewrote = đã viết lại { $file } theo chuẩn Unicode NFC
cli-check-summary = đã kiểm tra { $files } tệp: { $lessons } bài học dùng được, { $errors } lỗi, { $warnings } cảnh báo

## hocso voice export, hocso voice import

cli-voice-lessons = không đọc được thư mục bài học { $folder }
cli-voice-exported = đã xuất { $people } bản ghi âm giọng người, từ { $folders } thư mục, vào { $target }
cli-voice-exported-drafts = đã xuất { $people } bản ghi âm giọng người và { $drafts } bản nháp, từ { $folders } thư mục, vào { $target }
cli-voice-not-empty = { $folder } không trống: hãy xuất vào một thư mục mới hoặc trống
cli-voice-not-a-package = { $file } không phải là thư mục hay tệp .tar
cli-voice-refused = không nhận cả gói { $file }, chưa lấy vào bản ghi nào
cli-voice-unlisted = không có tên trong danh sách: { $clip } (danh sách manifest của gói không nhắc đến)
cli-voice-unknown = không dùng được: { $clip } (máy này không có lời nào ứng với bản ghi này)
cli-voice-stale = đã cũ: { $clip } (lời đọc đã thay đổi từ khi ghi âm)
cli-voice-kept = giữ bản ở đây: { $clip } (ở đây đã có giọng người thật; --replace sẽ lấy bản của gói)
cli-voice-stale-taken = đã cũ: { $clip } (lấy vào vì có --stale; hãy ghi âm lại)
cli-voice-imported = giọng đọc: đã lấy vào { $imported }, { $stale }, giữ nguyên { $kept }, { $unknown } bản không có lời tương ứng{ $unlisted }
cli-voice-stale-imported = { $count } bản cũ đã lấy vào
cli-voice-stale-skipped = { $count } bản cũ bỏ qua
cli-voice-unlisted-count = , { $count } không có trong danh sách manifest

## Lỗi trong hocso.toml (hocso config show, và bảng tình nguyện viên)

cli-config-syntax-help = chừng nào chưa đọc được tệp, máy vẫn khóa
cli-config-unknown-key = `{ $key }` không phải là một mục cài đặt của hocso.toml
cli-config-did-you-mean-kiosk = có phải định viết `kiosk`? chừng nào chưa viết đúng, máy vẫn khóa
cli-config-did-you-mean = có phải định viết `{ $key }`?
cli-config-settings-are = các mục cài đặt là: { $keys }
cli-config-unreadable = không đọc được tệp: { $error }; chừng nào chưa đọc được, máy vẫn khóa
cli-config-open-to-others = người dùng khác có thể đọc tệp này (quyền { $mode })
cli-config-wrong-type = `{ $key }` phải là { $wanted }, không phải { $found }
cli-config-want-text = chữ đặt trong ngoặc kép
cli-config-want-bool = true hoặc false
cli-config-want-number = một số nguyên
cli-config-want-days = một danh sách số ngày
cli-config-type-string = chữ
cli-config-type-integer = số nguyên
cli-config-type-float = số thập phân
cli-config-type-boolean = true hay false
cli-config-type-datetime = ngày giờ
cli-config-type-array = danh sách
cli-config-type-table = bảng
cli-config-example = ví dụ: { $key } = { $example }
cli-config-empty = `{ $key }` đang để trống
cli-config-empty-name = hãy đặt tên, hoặc bỏ dòng này đi
cli-config-empty-folder = hãy ghi một thư mục, hoặc bỏ dòng này đi
cli-config-language = hocso không có ngôn ngữ `{ $value }`
cli-config-languages = các ngôn ngữ là "vi" và "en"
cli-config-voice = `{ $value }` không phải là giọng tiếng Việt của espeak-ng
cli-config-voices = các giọng là: { $voices }
cli-config-kiosk = `kiosk` phải là true hoặc false, không phải { $found }: chừng nào chưa sửa, máy vẫn khóa
cli-config-range = `{ $key }` phải từ { $min } đến { $max }, không phải { $value }
cli-config-range-help = hãy chọn một số trong khoảng ấy
cli-config-days = số ngày ôn lại phải là số nguyên dương, tăng dần

## hocso narrate (lời báo của chương trình đọc về từng bản ghi giữ nguyên như nó nói)

cli-narrate-no-words = giao diện không có lời bằng ngôn ngữ { $language }
cli-narrate-done = lời đọc: { $drafted } bản nháp mới, { $unchanged } không đổi, giữ nguyên { $kept } bản ghi âm giọng người{ $pruned }{ $failed }
cli-narrate-pruned = , xóa { $count } bản nháp của những lời không còn nữa
cli-narrate-failed = , { $count } bản không làm được
