# Học số — lời của máy. Mỗi câu ở đây cũng phải có trong locales/en/hocso.ftl.
# Xưng hô: gọi người học là "bác"; câu ngắn, nhẹ nhàng.

app-name = Học số
app-tagline = Tập dùng điện thoại thông minh

## Màn hình chào
welcome-start = Chạm vào màn hình để bắt đầu
# Nút đổi ngôn ngữ: ghi tên của ngôn ngữ kia.
welcome-language = English

## Bác là ai
who-title = Chào bác! Bác học ở đây lần đầu, hay đã có mã số?
who-new = Bác học lần đầu
who-returning = Bác đã có mã số
name-title = Bác muốn được gọi là gì?
name-example = Ví dụ: Bà Hạnh, Chú Tư. Viết không dấu cũng được: Ba Hanh.
name-note = Chỉ cần tên gọi, không cần số căn cước hay số điện thoại.
code-given-title = Mã số của bác là
code-given-note = Bác hãy ghi mã số này vào thẻ. Lần sau, bác nhập mã số để học tiếp.
code-title = Bác nhập mã số 4 chữ số ghi trên thẻ
code-not-found = Không tìm thấy mã số { $code }. Bác xem lại thẻ, hoặc nhờ tình nguyện viên giúp nhé.
    .spoken = Không tìm thấy mã số này. Bác xem lại thẻ, hoặc nhờ tình nguyện viên giúp nhé.

## Danh sách bài
menu-title = Bác muốn học bài nào?
menu-greeting = Chào { $name }!
    .spoken = Chào bác!
menu-minutes = { $minutes } phút
menu-empty = Chưa có bài học nào. Bác nhờ tình nguyện viên giúp nhé.
status-new = Mới
status-in-progress = Đang học
status-mastered = Đã thuộc bài
status-review = Cần ôn lại

## Các bước
step-counter = Bước { $n }/{ $total }
feedback-right = Đúng rồi! Bác làm tốt lắm.
feedback-wrong = Chưa đúng. Bác thử lại nhé.
feedback-hint = Gợi ý:
step-continue = Tiếp tục
step-call-volunteer = Gọi tình nguyện viên
step-volunteer-called = Đã gọi tình nguyện viên. Bác chờ một chút nhé.
step-volunteer-moment = Không sao cả. Bác chạm nút dưới đây để được giúp.
order-tap-how = Bác chạm từng việc, theo thứ tự xảy ra.
order-take-back = Thứ tự bác đã xếp (chạm lại để bỏ ra):
order-pool = Các việc chưa xếp:
order-pool-empty = Đã xếp hết. Bác chạm “Kiểm tra”.
order-check = Kiểm tra
order-check-waiting = Kiểm tra (khi đã xếp hết)
order-kept = { $count ->
    [0] Chưa đúng. Bác xếp lại từ việc đầu tiên nhé.
    [1] Chưa đúng. Việc đầu đã đúng, bác xếp tiếp nhé.
   *[other] Chưa đúng. { $count } việc đầu đã đúng, bác xếp tiếp nhé.
}
    .spoken = Chưa đúng. Những việc đã xếp đúng vẫn được giữ lại, bác xếp tiếp nhé.
leave-question = Bác muốn quay lại bước trước?
leave-question-lesson = Bác muốn dừng bài này, về danh sách bài học?
leave-detail = Bước này sẽ làm lại từ đầu.
leave-yes = Quay lại
leave-no = Ở lại
type-placeholder = Gõ vào đây
keypad-delete = Xóa
keypad-ok = OK
# The pretend phone's letter keyboard: Shift (an arrow, as on phones), the keys that
# switch to digits and marks and back, and the space bar.
keyboard-shift = ↑
keyboard-symbols = ?123
keyboard-letters = ABC
keyboard-space = dấu cách
scan-how = Khi điện thoại của bác mở được trang, bác chạm Tiếp tục (hoặc nhấn Enter).
scan-too-small = Màn hình nhỏ quá, không hiện được mã QR. Bác nhờ tình nguyện viên thu nhỏ chữ trên màn hình nhé.
phone-on = Bật
phone-off = Tắt

## Xong bài
summary-title = Bác đã học xong bài!
summary-first-try = Làm đúng ngay: { $count } bước
summary-saved = Kết quả học của bác đã được lưu lại.
summary-back = Về danh sách bài

## Thanh phím
key-continue = Tiếp tục
key-tap = Chạm
key-choose = Chọn
key-check = Kiểm tra
key-back = Quay lại
key-replay = Nghe lại
key-help = Giúp tôi
key-phone = Xem điện thoại
key-qr = Xem mã QR
key-change-learner = Ra về
key-text = Xem hướng dẫn
key-words = Từ khó
# On a word's explanation: the step's next marked word.
word-next = Từ khó tiếp theo

## Trợ giúp
help-title = Trợ giúp
help-touch = Bác có thể chạm thẳng vào màn hình.
help-enter = Enter: tiếp tục, chạm chỗ đang chọn.
help-back = Esc hoặc Backspace: quay lại.
help-replay = Phím cách (Space): nghe lại.
help-words = F4: giải thích từ gạch chân.
help-move = Mũi tên, Tab: chuyển chỗ chọn, hoặc xem phần bị khuất.
help-digits = Phím số: chọn câu trả lời.
help-language = F2: đổi ngôn ngữ (tình nguyện viên).
help-quit = Ctrl+C: thoát (tình nguyện viên).
help-close = Bác chạm vào màn hình hoặc nhấn phím bất kỳ để đóng.
help-close-short = Chạm hoặc nhấn phím bất kỳ để đóng.

## Khác
too-small = Màn hình nhỏ quá. Bác nhờ tình nguyện viên giúp nhé.
preview-broken = Bài học đang có lỗi. Sửa rồi lưu tệp để xem lại:

## Tuổi (không bắt buộc)
age-title = Bác thuộc nhóm tuổi nào?
age-note = Không bắt buộc. Phường chỉ dùng để đếm số người học theo nhóm tuổi.
age-under-60 = Dưới 60 tuổi
age-60-69 = Từ 60 đến 69 tuổi
age-70-79 = Từ 70 đến 79 tuổi
age-80-plus = Từ 80 tuổi trở lên
age-skip = Tôi không muốn nói

## Học tiếp
resume-title = Lần trước bác đang học bài «{ $lesson }», đến bước { $n }.
    .spoken = Lần trước bác đang học dở một bài.
resume-continue = Học tiếp chỗ đó
resume-menu = Chọn bài khác

## Kết quả ôn và thuộc bài
summary-mastered = Bác đã thuộc bài này! Mấy hôm nữa mình ôn lại cho nhớ lâu nhé.
summary-review-passed = Bác vẫn nhớ bài rất tốt!
summary-review-failed = Bác quên một chút rồi. Mình tập lại các bước này nhé:
summary-not-yet = Các bước này bác tập thêm vài lần nữa là thuộc:
summary-practise = Tập lại các bước này

## Cho tình nguyện viên
notice-moved-aside = Tình nguyện viên: dữ liệu cũ bị hỏng nên đã được cất sang tệp { $file }; máy đã bắt đầu dữ liệu mới.
notice-saving-delayed = Tình nguyện viên: còn { $n } câu trả lời chưa lưu được (ổ đĩa đầy, bị lỗi hoặc đang bận). Máy vẫn giữ và sẽ lưu lại; người học cứ học tiếp.
# Dấu ở đầu mọi màn hình khi còn câu trả lời chờ lưu (dành cho tình nguyện viên).
header-unsaved = { $n } chưa lưu


## Âm thanh (nút ở góc trên)
sound-loud = ♪ To
sound-quiet = ♪ Nhỏ
sound-off = ♪ Tắt
sound-none = ♪ Không có
notice-no-sound = Tình nguyện viên: máy không có âm thanh (không tìm thấy loa), nên bài học không đọc thành tiếng.

## Nhóm bài trong danh sách
topic-dien-thoai = Làm quen với điện thoại
topic-vneid = VNeID
topic-thanh-toan = Trả tiền bằng điện thoại
topic-an-toan = Phòng lừa đảo
topic-zalo = Zalo
topic-dich-vu-cong = Dịch vụ công

## Thẻ mang về nhà (hocso card)
card-steps = Các bước
card-careful = Cẩn thận
card-safe = Nên làm:
card-practice = Các con số trong bài chỉ để tập, không phải số thật.
card-help = Cần giúp? Bác hỏi Tổ công nghệ số cộng đồng ở phường, hoặc Trung tâm Phục vụ hành chính công.

## Tình nguyện viên (học viên không thấy các câu này, trừ nút nhỏ ở màn hình chào)
notice-problems = Có { $count } sự cố khi khởi động: xem bảng tình nguyện viên.
help-kiosk = Máy đang ở chế độ công cộng: chỉ tình nguyện viên thoát được.

pin-title-open = Nhập mã PIN tình nguyện viên
pin-title-choose = Lần đầu dùng máy: chọn mã PIN tình nguyện viên (4 đến 8 chữ số)
pin-title-again = Nhập lại mã PIN vừa chọn
pin-wrong = Sai mã PIN. Còn { $left } lần thử.
pin-locked = Nhập sai quá nhiều lần. Bảng đã khóa, thử lại sau { $minutes } phút.
pin-shape = Mã PIN gồm 4 đến 8 chữ số.
pin-mismatch = Hai lần nhập không giống nhau. Xin chọn lại.
pin-checking = Đang kiểm tra…

panel-title = Bảng tình nguyện viên
panel-kiosk = Máy: { $kiosk }
panel-learners = Học viên: tìm, xem tiến độ, hướng dẫn kèm
panel-help-calls = Ai đang cần giúp ({ $count })
panel-figures = Số liệu hôm nay
panel-problems = Sự cố khi khởi động ({ $count })
panel-language = Đổi ngôn ngữ (đang dùng: Tiếng Việt)
panel-narration-on = Đọc to: đang bật (chọn để tắt)
panel-narration-off = Đọc to: đang tắt (chọn để bật)
panel-narration-none = Đọc to: máy không có loa hay tai nghe, chưa phát được tiếng
panel-record = Thu âm giọng đọc (phòng thu)
# One line on the panel's first page: how many of the texts a learner hears are read by
# a person of the ward, by the machine's draft, by a recording of an older text, or not at all.
panel-coverage = Giọng đọc: người thật { $person }/{ $total } · bản máy { $drafts } · cũ { $stale } · thiếu { $missing }
panel-lock = Khóa máy, về màn hình chào
panel-quit = Thoát chương trình

panel-search-title = Tìm học viên theo tên hoặc mã số
panel-search = Tìm: { $query }
panel-no-learners = Không có học viên nào khớp.
panel-learner-row = { $name } · { $code } · { $mastered } bài đã thuộc · { $last }
panel-never = chưa học lần nào
panel-age = Nhóm tuổi: { $band }
panel-age-unknown = Nhóm tuổi: không cho biết
panel-note = Ghi chú { $when }: { $text }
panel-reset-learner = Cho học lại mọi bài từ đầu
panel-forget = Xóa hẳn học viên này
panel-lesson-for = Học viên: { $name } · { $code }
panel-guide = Hướng dẫn kèm bài này
panel-reset-lesson = Cho học lại bài này từ đầu
panel-guide-start-left-off = Hướng dẫn kèm sẽ mở ở bước { $n } ({ $step }): chỗ { $name } đang học dở.
panel-guide-start-stuck = Hướng dẫn kèm sẽ mở ở bước { $n } ({ $step }): bước { $name } hay nhầm nhất.
panel-guide-start-not-yet = Hướng dẫn kèm sẽ mở ở bước { $n } ({ $step }): bước đầu tiên { $name } chưa thuộc.
panel-guide-start-beginning = Hướng dẫn kèm sẽ mở từ bước 1.

confirm-reset-lesson = Cho { $name } học lại bài “{ $lesson }” từ đầu? Các câu đã trả lời vẫn được giữ cho số liệu của phường.
confirm-reset-learner = Cho { $name } học lại mọi bài từ đầu? Các câu đã trả lời vẫn được giữ cho số liệu của phường.
confirm-forget = Xóa hẳn { $name } ({ $code }) và mọi điều đã ghi về người này? Không lấy lại được.
confirm-quit = Thoát chương trình Học số? Máy sẽ không còn sẵn sàng cho người học.
confirm-no = Không, quay lại
confirm-yes = Có, làm ngay

panel-help-title = Ai đang cần giúp
panel-help-none = Không ai đang chờ giúp.
panel-help-how = Giúp xong, chọn tên người đó để ghi là đã giúp.
panel-help-row = { $name } · { $code } · { $lesson }, bước { $step } · lúc { $when }

panel-figures-title = Số liệu hôm nay
panel-figures-reading = Đang đọc số liệu…
panel-figures-error = Không đọc được số liệu: { $error }
figures-sessions = Lượt học: { $count }
figures-learners = Học viên: { $count } (mới: { $new })
figures-answers = Câu trả lời: { $count } (có tình nguyện viên giúp: { $assisted })
figures-mastered = Bài đã thuộc: { $count }
figures-help = Lần cần giúp: { $count }
figures-erased = Người học đã xóa vẫn được đếm trong câu trả lời và bài đã thuộc (không kèm tên), nhưng không còn trong lượt học, học viên và lần cần giúp.

panel-problems-title = Sự cố khi khởi động
panel-problems-none = Không có sự cố nào.

guided-label = Hướng dẫn kèm
guided-previous = F5 Bước trước
guided-next = F6 Bước sau
guided-reveal = F7 Hiện đáp án
guided-helped = F8 Đã giúp ({ $count })
guided-end = F9 Kết thúc
guided-end-title = Buổi học hôm nay đã xong
guided-end-home = { $name } tập thêm ở nhà, bài “{ $lesson }”:
guided-end-nothing = Bác đã làm được mọi bước của bài này. Khi máy nhắc ôn lại, bác học lại một lượt nhé!
guided-end-note = Ghi chú cho tình nguyện viên lần sau (Enter để lưu và kết thúc):

idle-title = Bác vẫn đang học chứ?
idle-touch = Chạm vào màn hình hoặc nhấn phím bất kỳ để học tiếp.
idle-left = Còn { $seconds } giây nữa máy sẽ về màn hình chào.
guided-previous-short = F5 ← Trước
guided-next-short = F6 Sau →
guided-reveal-short = F7 Đáp án
guided-helped-short = F8 Giúp ({ $count })
guided-end-short = F9 Xong
guided-end-more = (và { $count } bước nữa, xem trên thẻ bài học)
guided-end-step = Bước { $n }: { $text }

## The ward's report (hocso report)
report-title = Báo cáo Học số
report-wards = Phường, xã: { $wards }
report-kiosks = Điểm học: { $kiosks }
report-period = Từ ngày { $from } đến hết ngày { $to }
report-nothing = Trong thời gian này chưa có ai học.
report-totals = Tổng cộng
report-measure = Chỉ số
report-value = Số lượng
report-sessions = Lượt học
report-learners = Học viên
report-new-learners = Học viên mới
report-returning-learners = Học viên quay lại
report-lessons-started = Bài bắt đầu học
report-lessons-mastered = Bài đã thuộc
report-reviews-passed = Lần ôn đạt
report-reviews-failed = Lần ôn chưa đạt
report-needs-help = Lần cần giúp
report-answers = Câu trả lời
report-assisted = Câu trả lời có người giúp
report-by-day = Theo ngày
report-date = Ngày
report-by-band = Theo độ tuổi
report-band = Độ tuổi
report-band-under-60 = Dưới 60
report-band-60-69 = 60–69
report-band-70-79 = 70–79
report-band-80 = Từ 80 trở lên
report-band-not-given = Chưa cho biết
report-by-lesson = Theo bài học
report-lesson = Bài học
report-by-step = Từng bước: làm đúng ngay lần đầu
report-steps-help = Chỉ tính lần thử đầu tiên không có người giúp. Bước nào có tỉ lệ đúng ngay dưới { $percent }% (khi đã có ít nhất { $tries } lần thử) được đánh dấu ⚠: có thể bước ấy quá khó hoặc lời hướng dẫn chưa rõ.
report-step = Bước
report-first-tries = Lần thử đầu
report-first-right = Đúng ngay
report-success = Tỉ lệ đúng
report-names = Học viên theo tên
report-names-warning = Báo cáo này có tên học viên: chỉ dùng trong nhóm tình nguyện viên, không gửi ra ngoài.
report-kiosk = Điểm học
report-name = Tên

## Trợ giúp theo từng màn hình: nói bằng lời việc cần làm ở đây
help-on-welcome = Bác chạm vào bất kỳ chỗ nào trên màn hình để bắt đầu học.
help-on-who = Lần đầu đến học, bác chạm nút «Bác học lần đầu». Nếu bác đã có mã số trên thẻ, bác chạm nút «Bác đã có mã số».
help-on-name = Bác chạm từng chữ trên bàn phím để viết tên bác muốn được gọi, rồi chạm OK. Viết không dấu cũng được.
help-on-age = Bác chạm vào nhóm tuổi của mình. Không muốn nói thì bác chạm dòng cuối.
help-on-code-given = Bác ghi mã số này vào thẻ. Lần sau đến học, bác nhập mã số này để học tiếp.
help-on-code = Bác chạm các số để nhập mã số trên thẻ của bác, rồi chạm OK.
help-on-resume = Bác chạm «Học tiếp chỗ đó» để học tiếp bài đang dở, hoặc chạm «Chọn bài khác».
help-on-menu = Bác chạm vào tên một bài để học. Chạm nút ▼ để xem thêm bài, nút ▲ để xem lại các bài phía trên.
help-on-explain = Bác đọc hoặc nghe lời hướng dẫn, rồi chạm «Tiếp tục».
help-on-tap = Bác chạm vào đúng chỗ trên chiếc điện thoại tập, như trên điện thoại thật.
help-on-choice = Bác đọc câu hỏi, rồi chạm vào câu trả lời bác thấy đúng.
help-on-order = Bác chạm các việc theo đúng thứ tự: việc làm trước thì chạm trước. Chạm lại một việc để bỏ ra. Xong thì chạm «Kiểm tra».
help-on-type = Bác chạm các phím trên bàn phím của điện thoại tập để gõ, rồi chạm OK.
help-on-scan = Bác mở máy ảnh trên điện thoại của mình và hướng vào mã QR trên màn hình. Quét xong, bác chạm «Tiếp tục».
help-on-summary = Bác đã học xong bài này. Bác có thể tập lại, hoặc quay về danh sách bài.
help-on-volunteer = Màn hình này dành cho tình nguyện viên.
help-call = Cần người giúp, bác cứ hỏi tình nguyện viên ngồi cạnh.
help-keys-title = Dành cho tình nguyện viên: các phím
sign-out-title = Bác muốn nghỉ học hôm nay?
sign-out-note = Những gì bác đã học đều được lưu lại. Lần sau bác nhập mã số để học tiếp.
sign-out-yes = Nghỉ học, ra về
sign-out-stay = Ở lại học tiếp

## Khi máy không mở được dữ liệu học (dành cho tình nguyện viên)

startup-not-writable = Máy chưa mở được dữ liệu học: tệp { $file } thuộc về người dùng «{ $owner }», nên chương trình (chạy bằng người dùng «{ $user }») không ghi vào được. Cách sửa: chạy «sudo chown -R { $user }: { $folder }», và sau này luôn chạy lệnh hocso bằng «sudo -u { $user } hocso …». Sửa xong, tắt và bật lại máy học. (Ctrl+Q để đóng thông báo này.)
startup-cannot-open = Máy chưa mở được dữ liệu học ({ $file }): { $why }. Nhờ tình nguyện viên xem tệp hocso.log trong cùng thư mục. (Ctrl+Q để đóng thông báo này.)

## Chữ số đọc to (mã số trên thẻ được đọc từng số)
spoken-digit-0 = không
spoken-digit-1 = một
spoken-digit-2 = hai
spoken-digit-3 = ba
spoken-digit-4 = bốn
spoken-digit-5 = năm
spoken-digit-6 = sáu
spoken-digit-7 = bảy
spoken-digit-8 = tám
spoken-digit-9 = chín

## Phòng thu (hocso record): tình nguyện viên đọc lời cho bài học

studio-title = Phòng thu
studio-position = { $at }/{ $total }
studio-too-small = Màn hình nhỏ quá. Bạn phóng to cửa sổ hoặc giảm cỡ chữ.
studio-kind-step = lời của bước
studio-kind-hint = lời gợi ý
studio-kind-right = lời khen khi làm đúng
studio-kind-wrong = lời nhắc khi làm sai
studio-kind-option = lời cho một câu trả lời
studio-kind-tap = lời khi chạm trên điện thoại tập
studio-kind-words = lời của máy học
studio-status-missing = chưa có bản thu
studio-status-draft = đang là giọng máy
studio-status-stale = lời đã đổi, cần thu lại
studio-status-person = đã có bản thu
studio-label = { $lesson } · bước { $step } · { $kind } ({ $status })
studio-label-words = { $kind } · { $id } ({ $status })
studio-ready = Bạn chạm «Thu âm» rồi đọc to, rõ, chậm rãi dòng chữ trên. Đọc xong, bạn im lặng một chút, máy sẽ tự dừng.
studio-opening = Đang mở micrô…
studio-recording = Đang thu: { $seconds } giây. Đọc xong, máy tự dừng; hoặc bạn chạm «Dừng».
studio-too-loud = quá to!
studio-processing = Đang xử lý bản thu…
studio-saving = Đang lưu bản thu…
studio-result = Bản thu dài { $seconds } giây; âm lượng đã được chỉnh cho đều với các bản khác.
studio-check-ok = ✓ Bản thu tốt: rõ, đủ to, không rè, không ồn. Bạn chạm «Nghe lại» để nghe thử, rồi «Lưu».
studio-problem-silent = Máy không nghe thấy gì. Bạn kiểm tra micrô đã cắm và đã bật chưa, rồi thu lại.
studio-problem-quiet = Tiếng quá nhỏ. Bạn ngồi gần micrô hơn và nói to hơn một chút, rồi thu lại.
studio-problem-clipped = Tiếng bị rè vì quá to, hoặc micrô để sát miệng quá. Bạn lùi ra xa micrô một chút rồi thu lại.
studio-problem-noisy = Có nhiều tiếng ồn (quạt, xe, người nói chuyện). Bạn tìm chỗ yên tĩnh hơn hoặc tắt quạt, rồi thu lại.
studio-problem-short = Bản thu ngắn quá so với lời cần đọc ({ $seconds } giây): có thể bạn đọc thiếu hoặc đọc nhanh quá. Bạn đọc lại đủ lời, chậm rãi.
studio-problem-long = Bản thu dài quá so với lời cần đọc ({ $seconds } giây): có thể có lời nói thêm hoặc chỗ ngừng lâu. Bạn đọc lại đúng lời.
studio-kept = ✓ Đã lưu bản thu { $label }. Cảm ơn bạn!
studio-not-kept = ✗ Chưa lưu được bản thu. Bạn chạm «Lưu» để thử lại; nếu vẫn không được, bạn nhờ người phụ trách máy xem nhật ký (hocso.log).
studio-not-kept-full = ✗ Chưa lưu được: ổ đĩa của máy đã đầy. Bạn nhờ người phụ trách máy xóa bớt tệp, rồi chạm «Lưu» lại; bản thu vẫn còn đây.
studio-no-microphone = Không mở được micrô. Bạn kiểm tra micrô đã cắm và đã bật chưa, rồi chạm «Thử lại».
studio-finished = Đã hết danh sách. Hôm nay bạn đã lưu { $kept } bản thu; { $left } lời bạn bỏ qua vẫn còn đó cho lần sau. Cảm ơn bạn rất nhiều!
studio-nothing = Mọi lời đều đã có bản thu của người đọc: không còn lời nào cần thu. Cảm ơn bạn!
studio-leave-question = Bản thu vừa rồi chưa được lưu. Nếu thoát bây giờ, bản thu này sẽ bị bỏ.
studio-button-record = ● Thu âm
studio-button-stop = ■ Dừng
studio-button-play = ▶ Nghe lại
studio-button-keep = ✓ Lưu
studio-button-again = ↺ Thu lại
studio-button-skip = Bỏ qua →
studio-button-back = ← Trước
studio-button-leave = Thoát
studio-button-leave-anyway = Bỏ bản thu, thoát
studio-button-stay = Ở lại
studio-button-retry = Thử lại

# A step with no name of its own, in lists: named by what it asks.
step-name-tap = Chạm vào { $label }
step-name-scan = Quét mã QR
