# Học số — the kiosk's words in English, for volunteers and visitors.
# Every message here must also be in locales/vi/hocso.ftl.

app-name = Học số
app-tagline = Learning to use a smartphone

## Welcome
welcome-start = Touch the screen to start
# The language button: the name of the other language.
welcome-language = Tiếng Việt

## Who are you
who-title = Welcome! Is this your first time here, or do you have a code?
who-new = This is my first time
who-returning = I have a code
name-title = What would you like to be called?
name-example = For example: Mrs Hanh, Uncle Tu. Without accents is fine too.
name-note = Just a name to call you by: no ID or phone number.
code-given-title = Your code is
code-given-note = Write this code on your card. Next time, type it to carry on.
code-title = Type your 4-digit code
code-not-found = Code { $code } was not found. Check your card, or ask a volunteer.
    .spoken = That code was not found. Check your card, or ask a volunteer.

## Lesson menu
menu-title = Which lesson would you like?
menu-greeting = Hello, { $name }!
    .spoken = Hello!
menu-minutes = { $minutes } min
menu-empty = There are no lessons yet. Please ask a volunteer.
status-new = New
status-in-progress = In progress
status-mastered = Mastered
status-review = Review due

## Steps
step-counter = Step { $n }/{ $total }
feedback-right = That's right!
feedback-wrong = Not quite. Please try again.
feedback-hint = Hint:
step-continue = Continue
step-call-volunteer = Call a volunteer
step-volunteer-called = A volunteer is called. Please wait a moment.
step-volunteer-moment = That is fine. Touch the button below to get help.
order-tap-how = Touch the steps in the order they happen.
order-take-back = Your order (touch one again to take it out):
order-pool = Not placed yet:
order-pool-empty = All placed. Touch “Check”.
order-check = Check
order-check-waiting = Check (once all are placed)
order-kept = { $count ->
    [0] Not quite. Please start again from the first step.
    [1] Not quite. The first one is right; please go on.
   *[other] Not quite. The first { $count } are right; please go on.
}
    .spoken = Not quite. The steps in the right place stay in the list; please go on.
leave-question = Go back to the previous step?
leave-question-lesson = Stop this lesson and go back to the list?
leave-detail = This step will start again from the beginning.
leave-yes = Go back
leave-no = Stay
type-placeholder = Type here
keypad-delete = Delete
keypad-ok = OK
# The pretend phone's letter keyboard: Shift (an arrow, as on phones), the keys that
# switch to digits and marks and back, and the space bar.
keyboard-shift = ↑
keyboard-symbols = ?123
keyboard-letters = ABC
keyboard-space = space
scan-how = When your phone opens the page, touch Continue (or press Enter).
scan-too-small = The screen is too small for the QR code. Ask a volunteer to make the text smaller.
phone-on = On
phone-off = Off

## Summary
summary-title = You finished the lesson!
summary-first-try = Right first time: { $count ->
    [one] 1 step
   *[other] { $count } steps
}
summary-saved = Your progress is saved.
summary-back = Back to the lessons

## Key bar
key-continue = Continue
key-tap = Tap
key-choose = Choose
key-check = Check
key-back = Back
key-replay = Listen again
key-help = Help
key-phone = See the phone
key-qr = See the QR code
key-change-learner = Leave
key-text = See the instructions
key-words = Hard words
# On a word's explanation: the step's next marked word.
word-next = Next hard word

## Help
help-title = Help
help-touch = You can touch the screen directly.
help-enter = Enter: continue, or tap the selection.
help-back = Esc or Backspace: go back.
help-replay = Space: listen again.
help-words = F4: explain an underlined word.
help-move = Arrows, Tab: move the selection, or show what is hidden.
help-digits = Number keys: choose an answer.
help-language = F2: switch language (for volunteers).
help-quit = Ctrl+C: quit (volunteers).
help-close = Touch the screen or press any key to close.
help-close-short = Touch or press a key to close.

## Other
too-small = The screen is too small. Please ask a volunteer.
preview-broken = The lesson has problems. Fix them and save the file to see it again:

## Age (optional)
age-title = Which age group are you in?
age-note = Optional. The ward only uses it to count learners by age group.
age-under-60 = Under 60
age-60-69 = 60 to 69
age-70-79 = 70 to 79
age-80-plus = 80 or over
age-skip = I'd rather not say

## Resume
resume-title = Last time you were on the lesson «{ $lesson }», at step { $n }.
    .spoken = Last time you stopped in the middle of a lesson.
resume-continue = Carry on from there
resume-menu = Choose another lesson

## Mastery and reviews
summary-mastered = You have mastered this lesson! In a few days we will go over it again, so it sticks.
summary-review-passed = You still remember it very well!
summary-review-failed = You have forgotten a little. Let's practise these steps again:
summary-not-yet = Practise these steps a few more times and you will know them:
summary-practise = Practise these steps again

## For volunteers
notice-moved-aside = Volunteer: the old data was damaged, so it was moved to { $file }; a fresh start was made.
notice-saving-delayed = Volunteer: { $n } answers are not saved yet (the disk is full, failing or busy). They are kept and will be saved; learning goes on.
# The header's mark, on every screen, while answers wait to be saved (for the volunteer).
header-unsaved = { $n } not saved


## Sound (the button at the top)
sound-loud = ♪ Loud
sound-quiet = ♪ Quiet
sound-off = ♪ Off
sound-none = ♪ None
notice-no-sound = Volunteer: this kiosk has no sound (no speaker found), so lessons are not read aloud.

## Lesson groups in the menu
topic-dien-thoai = Getting to know the phone
topic-vneid = VNeID
topic-thanh-toan = Paying by phone
topic-an-toan = Avoiding scams
topic-zalo = Zalo
topic-dich-vu-cong = Public services

## Take-home card (hocso card)
card-steps = The steps
card-careful = Be careful
card-safe = What to do:
card-practice = The numbers in the lesson are only for practice, not real ones.
card-help = Need help? Ask the community digital team at your ward, or the Public Administration Service Centre.

## Volunteers (learners never see these, except the small button on the welcome screen)
notice-problems = { $count } problem(s) at start-up: see the volunteer panel.
help-kiosk = This is a public kiosk: only a volunteer can close it.

pin-title-open = Volunteer PIN
pin-title-choose = First start: choose the volunteer PIN (4 to 8 digits)
pin-title-again = Type the new PIN again
pin-wrong = Wrong PIN. { $left } tries left.
pin-locked = Too many wrong tries. The panel is locked; try again in { $minutes } min.
pin-shape = A PIN is 4 to 8 digits.
pin-mismatch = The two PINs differ. Please choose again.
pin-checking = Checking…

panel-title = Volunteer panel
panel-kiosk = Kiosk: { $kiosk }
panel-learners = Learners: find, progress, guided session
panel-help-calls = Who needs help ({ $count })
panel-figures = Today's figures
panel-problems = Problems at start-up ({ $count })
panel-language = Switch language (now: English)
panel-narration-on = Reading aloud: on (choose to turn off)
panel-narration-off = Reading aloud: off (choose to turn on)
panel-narration-none = Reading aloud: no speaker or headphones found, no sound
panel-record = Record the voice (the studio)
# One line on the panel's first page: how many of the texts a learner hears are read by
# a person of the ward, by the machine's draft, by a recording of an older text, or not at all.
panel-coverage = Narration: people { $person }/{ $total } · drafts { $drafts } · stale { $stale } · missing { $missing }
panel-lock = Lock the kiosk, back to the welcome screen
panel-quit = Quit hocso

panel-search-title = Find a learner by name or code
panel-search = Find: { $query }
panel-no-learners = No learner matches.
panel-learner-row = { $name } · { $code } · { $mastered } lessons mastered · { $last }
panel-never = not yet visited
panel-age = Age band: { $band }
panel-age-unknown = Age band: not given
panel-note = Note { $when }: { $text }
panel-reset-learner = Start every lesson afresh
panel-forget = Erase this learner
panel-lesson-for = Learner: { $name } · { $code }
panel-guide = Guide this lesson
panel-reset-lesson = Start this lesson afresh
panel-guide-start-left-off = A guided session opens at step { $n } ({ $step }): where { $name } left off.
panel-guide-start-stuck = A guided session opens at step { $n } ({ $step }): the step { $name } has missed most.
panel-guide-start-not-yet = A guided session opens at step { $n } ({ $step }): the first step { $name } has not yet mastered.
panel-guide-start-beginning = A guided session opens at step 1.

confirm-reset-lesson = Start “{ $lesson }” afresh for { $name }? Their past answers stay in the ward's figures.
confirm-reset-learner = Start every lesson afresh for { $name }? Their past answers stay in the ward's figures.
confirm-forget = Erase { $name } ({ $code }) and everything recorded about them? This cannot be undone.
confirm-quit = Quit hocso? The kiosk will no longer be ready for learners.
confirm-no = No, go back
confirm-yes = Yes, do it

panel-help-title = Who needs help
panel-help-none = Nobody is waiting for help.
panel-help-how = After helping, choose the person to record the help.
panel-help-row = { $name } · { $code } · { $lesson }, step { $step } · at { $when }

panel-figures-title = Today's figures
panel-figures-reading = Reading the figures…
panel-figures-error = The figures cannot be read: { $error }
figures-sessions = Sessions: { $count }
figures-learners = Learners: { $count } (new: { $new })
figures-answers = Answers: { $count } (with a volunteer's help: { $assisted })
figures-mastered = Lessons mastered: { $count }
figures-help = Calls for help: { $count }
figures-erased = Erased learners still count in answers and lessons mastered (without a name), not in sessions, learners or calls for help.

panel-problems-title = Problems at start-up
panel-problems-none = No problems.

guided-label = Guided session
guided-previous = F5 Previous
guided-next = F6 Next
guided-reveal = F7 Show answer
guided-helped = F8 Helped ({ $count })
guided-end = F9 End
guided-end-title = Today's session is over
guided-end-home = { $name } can practise at home, “{ $lesson }”:
guided-end-nothing = Every step of this lesson is done. Come back for the review when the kiosk asks!
guided-end-note = A note for the next volunteer (Enter saves and ends):

idle-title = Are you still there?
idle-touch = Touch the screen or press any key to carry on.
idle-left = In { $seconds } seconds the kiosk returns to the welcome screen.
guided-previous-short = F5 ← Prev
guided-next-short = F6 Next →
guided-reveal-short = F7 Answer
guided-helped-short = F8 Help ({ $count })
guided-end-short = F9 End
guided-end-more = (and { $count } more steps: see the lesson card)
guided-end-step = Step { $n }: { $text }

## The ward's report (hocso report)
report-title = Học số report
report-wards = Wards: { $wards }
report-kiosks = Kiosks: { $kiosks }
report-period = From { $from } to { $to }, both included
report-nothing = Nobody studied in this period.
report-totals = Totals
report-measure = Figure
report-value = Count
report-sessions = Sessions
report-learners = Learners
report-new-learners = New learners
report-returning-learners = Returning learners
report-lessons-started = Lessons started
report-lessons-mastered = Lessons mastered
report-reviews-passed = Reviews passed
report-reviews-failed = Reviews not passed
report-needs-help = Needed help
report-answers = Answers
report-assisted = Answers with help
report-by-day = By day
report-date = Date
report-by-band = By age
report-band = Age
report-band-under-60 = Under 60
report-band-60-69 = 60–69
report-band-70-79 = 70–79
report-band-80 = 80 and over
report-band-not-given = Not given
report-by-lesson = By lesson
report-lesson = Lesson
report-by-step = Step by step: right first time
report-steps-help = Only first tries without help count. Steps right less than { $percent }% of the time (after at least { $tries } tries) are marked ⚠: the step may be too hard or its instructions unclear.
report-step = Step
report-first-tries = First tries
report-first-right = Right first time
report-success = Success
report-names = Learners by name
report-names-warning = This report holds learners' names: keep it within the volunteer team.
report-kiosk = Kiosk
report-name = Name

## Help for each screen: what to do here, in words
help-on-welcome = Touch anywhere on the screen to start learning.
help-on-who = The first time here, touch “This is my first time”. If you have a code on your card, touch “I have a code”.
help-on-name = Touch the letters on the keyboard to write the name you want to be called, then touch OK.
help-on-age = Touch your age group. If you would rather not say, touch the last line.
help-on-code-given = Write this code on your card. Next time, type it to carry on.
help-on-code = Touch the numbers to type the code on your card, then touch OK.
help-on-resume = Touch “Carry on there” to continue the lesson you started, or “Choose another lesson”.
help-on-menu = Touch a lesson's name to learn it. Touch ▼ to see more lessons, ▲ to see the ones above.
help-on-explain = Read or listen to the instructions, then touch “Continue”.
help-on-tap = Touch the right place on the practice phone, as on a real phone.
help-on-choice = Read the question, then touch the answer you think is right.
help-on-order = Touch the steps in the order they happen: what comes first, touch first. Touch a step again to take it back. Then touch “Check”.
help-on-type = Touch the keys on the practice phone's keyboard to type, then touch OK.
help-on-scan = Open the camera on your own phone and point it at the QR code on the screen. When it is scanned, touch “Continue”.
help-on-summary = You have finished this lesson. You can practise again, or go back to the lessons.
help-on-volunteer = This screen is for volunteers.
help-call = If you need help, ask the volunteer beside you.
help-keys-title = For volunteers: the keys
sign-out-title = Finish for today?
sign-out-note = Everything you have learned is saved. Next time, type your code to carry on.
sign-out-yes = Finish and leave
sign-out-stay = Stay and keep learning

## When the learners' data cannot be opened (for volunteers)

startup-not-writable = The learners' data cannot be opened: { $file } belongs to the user "{ $owner }", so hocso (running as "{ $user }") cannot write to it. To fix it: run "sudo chown -R { $user }: { $folder }", and from then on run hocso's commands as "sudo -u { $user } hocso …". Then restart the kiosk. (Ctrl+Q closes this message.)
startup-cannot-open = The learners' data cannot be opened ({ $file }): { $why }. See hocso.log in the same folder. (Ctrl+Q closes this message.)

## Digits read aloud (the code on the card is read digit by digit)
spoken-digit-0 = zero
spoken-digit-1 = one
spoken-digit-2 = two
spoken-digit-3 = three
spoken-digit-4 = four
spoken-digit-5 = five
spoken-digit-6 = six
spoken-digit-7 = seven
spoken-digit-8 = eight
spoken-digit-9 = nine

## Recording studio (hocso record): volunteers read the lessons' words

studio-title = Recording studio
studio-position = { $at }/{ $total }
studio-too-small = The screen is too small. Make the window bigger or the font smaller.
studio-kind-step = the step's text
studio-kind-hint = the hint
studio-kind-right = the words for a right answer
studio-kind-wrong = the words for a wrong answer
studio-kind-option = the words for one answer
studio-kind-tap = the words for a touch on the practice phone
studio-kind-words = the tutor's own words
studio-status-missing = not recorded yet
studio-status-draft = a machine voice for now
studio-status-stale = the text changed: record it again
studio-status-person = recorded
studio-label = { $lesson } · step { $step } · { $kind } ({ $status })
studio-label-words = { $kind } · { $id } ({ $status })
studio-ready = Touch «Record», then read the text above aloud, clearly and slowly. When you finish, stay quiet a moment and recording stops by itself.
studio-opening = Opening the microphone…
studio-recording = Recording: { $seconds } s. It stops by itself when you finish, or touch «Stop».
studio-too-loud = too loud!
studio-processing = Preparing the recording…
studio-saving = Saving the recording…
studio-result = The recording is { $seconds } s long; its volume has been set to match the others.
studio-check-ok = ✓ Good recording: clear, loud enough, no distortion, no noise. Touch «Play» to listen, then «Save».
studio-problem-silent = Nothing was heard. Check that the microphone is plugged in and switched on, then record again.
studio-problem-quiet = The voice is too quiet. Sit closer to the microphone and speak a little louder, then record again.
studio-problem-clipped = The voice is distorted: too loud, or the microphone is too close to your mouth. Move back a little and record again.
studio-problem-noisy = There is a lot of background noise (a fan, traffic, people talking). Find a quieter place or turn off the fan, then record again.
studio-problem-short = The recording is too short for the text ({ $seconds } s): words may be missing, or it was read too fast. Read all of it again, slowly.
studio-problem-long = The recording is too long for the text ({ $seconds } s): there may be extra words or long pauses. Read exactly the text again.
studio-kept = ✓ Saved { $label }. Thank you!
studio-not-kept = ✗ The recording was not saved. Touch «Save» to try again; if it still fails, ask whoever looks after the kiosk to read the log (hocso.log).
studio-not-kept-full = ✗ Not saved: the kiosk's disk is full. Ask whoever looks after the kiosk to free some room, then touch «Save» again; the recording is still here.
studio-no-microphone = The microphone could not be opened. Check that it is plugged in and switched on, then touch «Try again».
studio-finished = That is the end of the list. You saved { $kept } recordings today; the { $left } you skipped are still there for next time. Thank you very much!
studio-nothing = Every text already has a person's recording: nothing to record. Thank you!
studio-leave-question = The last recording is not saved. If you leave now, it is thrown away.
studio-button-record = ● Record
studio-button-stop = ■ Stop
studio-button-play = ▶ Play
studio-button-keep = ✓ Save
studio-button-again = ↺ Again
studio-button-skip = Skip →
studio-button-back = ← Back
studio-button-leave = Leave
studio-button-leave-anyway = Discard, leave
studio-button-stay = Stay
studio-button-retry = Try again

# A step with no name of its own, in lists: named by what it asks.
step-name-tap = Tap { $label }
step-name-scan = Scan the QR code
