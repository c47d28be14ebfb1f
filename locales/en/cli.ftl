# The command line's words: what `hocso …` prints for volunteers and authors, and its
# errors. Never on a learner's screen. Each `$file` is a path.

## Errors, wherever they come from

cli-error = hocso: { $message }
cli-no-data = No progress is saved here yet ({ $file } does not exist).
cli-opening = cannot open { $file }
cli-reading = cannot read { $file }
cli-writing = cannot write { $file }
cli-creating = cannot create { $file }
cli-reading-locales = cannot read the words in --locales { $folder }
cli-io-not-found = no such file or folder
cli-io-permission = permission denied
cli-io-exists = it already exists
cli-io-other = { $error }
cli-store-codes-exhausted = every learner code is taken
cli-store-no-learner = no learner has the code { $code }
cli-store-busy = the database is busy (another program is using it)
cli-store-full = the disk is full
cli-store-io = the disk could not be read or written: { $why }
cli-store-read-only = the database is read-only: { $why }
cli-store-corrupt = the database file is damaged: { $why }
cli-store-too-new = the database is from a newer hocso (version { $found }; this one knows { $known })
cli-store-not-writable = { $file } cannot be written by the user { $user } (it belongs to { $owner }): give the folder to the kiosk's user (sudo chown -R { $user }: { $folder }), and run hocso's commands as that user (sudo -u { $user } hocso …)

## hocso volunteer set-pin

cli-pin-new = New volunteer PIN (4 to 8 digits):{" "}
cli-pin-again = The same PIN again:{" "}
cli-pin-shape = A PIN is 4 to 8 digits.
cli-pin-mismatch = The two PINs differ; nothing was changed.
cli-pin-reading = cannot read the PIN
cli-pin-terminal = cannot hide the PIN as it is typed
cli-pin-set = The volunteer PIN is set (only its Argon2id hash is kept, in { $file }).

## hocso learners forget

cli-no-learner = No learner has the code { $code }.
cli-forget-confirm = Erase learner { $code } ({ $name }) and everything recorded about them, for good? It cannot be undone. Type the code again to confirm (or add --yes):{" "}
cli-forget-nothing = Nothing erased.
cli-forget-done = Erased learner { $code } ({ $name }) and everything recorded about them ({ $answers } answers). The ward's report still counts those answers, without a name; it no longer counts the learner or their sessions.

## hocso report

cli-report-bad-date = { $flag } { $text } is not a date: write it as YYYY-MM-DD, e.g. 2026-11-30
cli-report-from-after-to = --from { $from } is after --to { $to }: nothing to report
cli-report-from-after-today = --from { $from } is after today ({ $to }; see --to): nothing to report
cli-report-writing = cannot write the report
cli-merge-nothing = no reports to merge
cli-merge-not-a-report = { $file } is not a hocso report: { $why }
cli-merge-wrong-format = its format is “{ $format }”, not “hocso-report”
cli-merge-version = { $file } is a report of version { $version }; this hocso reads version 1 (make it again with this hocso)
cli-merge-twice = the kiosk “{ $kiosk }” is in two of the reports: its learners would count twice (give each kiosk its own kiosk_name in its configuration; for one kiosk, make one report over the whole period)
cli-merge-periods = the reports cover different periods ({ $first } and { $other }): make them all with the same --from and --to

## hocso card, hocso new

cli-card-no-lesson = There is no lesson “{ $lesson }” in { $folder } (see `hocso check`).
cli-wrote = Wrote { $file }.
cli-new-bad-id = { $what } “{ $id }” is not a valid id: use lowercase letters without accents, digits and single hyphens, e.g. “zalo-goi-video”
cli-new-lesson-id = the lesson id
cli-new-topic = the topic
cli-new-exists = { $file } (an existing lesson is never overwritten)
cli-new-next = Next: edit it, then run `hocso check { $file }`.

## hocso config show

cli-config-no-file = (no such file: the defaults hold)
cli-origin-default = default
cli-origin-command-line = command line
cli-origin-failed-closed = { $place }, not understood: locked down until it is fixed
cli-config-problems = { $count ->
    [one] 1 problem in { $file }: a setting in error keeps its default.
   *[other] { $count } problems in { $file }: settings in error keep their defaults.
}

## hocso record, hocso voice

cli-no-language = there is no language “{ $language }”
cli-broken-lessons = { $count ->
    [one] 1 lesson file has errors and is skipped (see `hocso check`).
   *[other] { $count } lesson files have errors and are skipped (see `hocso check`).
}
cli-record-no-lesson = there is no lesson with the id { $lesson } in { $folder }
cli-record-kept = Recordings kept: { $count } (the log: { $log }).

## hocso (the tutor)

cli-tutor-stopped = the tutor stopped (the log: { $log })
cli-tutor-unsaved-kept = { $count } answers could not be saved yet: they are kept in the journal beside the database and saved at the next start.
cli-tutor-unsaved-lost = { $count } answers could not be saved: neither the database nor the journal could take them (see the log).

## hocso report --format csv: the column headers (the values stay the same in every language)

report-csv-table = table
report-csv-date = date
report-csv-band = band
report-csv-lesson = lesson
report-csv-step = step
report-csv-learner = learner
report-csv-measure = measure
report-csv-value = value

## hocso report: how learners erased since are counted (under the totals)

report-erased-note = Learners erased since (with `hocso learners forget`) are not counted in “{ report-learners }”, “{ report-new-learners }”, “{ report-returning-learners }”, “{ report-sessions }” or “{ report-needs-help }”, nor by age: those were erased with them. Their answers, lessons and steps are still counted, without a name. So after an erasure there can be more answers than the sessions account for.

## hocso check: its summary lines (each problem itself stays in English)

cli-check-rewrote = rewrote { $file } in Unicode NFC
cli-check-summary = checked { $files } { $files ->
        [one] file
       *[other] files
    }: { $lessons } { $lessons ->
        [one] lesson
       *[other] lessons
    } ready, { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }

## hocso voice export, hocso voice import

cli-voice-lessons = cannot read the lesson folder { $folder }
cli-voice-exported = exported { $people } recordings by people, from { $folders } folders, to { $target }
cli-voice-exported-drafts = exported { $people } recordings by people and { $drafts } drafts, from { $folders } folders, to { $target }
cli-voice-not-empty = { $folder } is not empty: export into a new or empty folder
cli-voice-not-a-package = { $file } is not a folder or a .tar file
cli-voice-refused = { $file } is refused as a whole, nothing was taken in
cli-voice-unlisted = unlisted: { $clip } (not in the package's manifest)
cli-voice-unknown = unknown: { $clip } (no such text on this kiosk)
cli-voice-stale = stale: { $clip } (its text has changed since it was recorded)
cli-voice-kept = kept: { $clip } (a person's recording is here; --replace takes the package's)
cli-voice-stale-taken = stale: { $clip } (taken in with --stale; record it again)
cli-voice-imported = voice: { $imported } imported, { $stale }, { $kept } kept, { $unknown } unknown slots{ $unlisted }
cli-voice-stale-imported = { $count } stale taken in
cli-voice-stale-skipped = { $count } stale skipped
cli-voice-unlisted-count = , { $count } not in a manifest

## hocso.toml's problems (hocso config show, and the volunteer panel)

cli-config-syntax-help = until the file reads, the kiosk stays locked down
cli-config-unknown-key = `{ $key }` is not a setting of hocso.toml
cli-config-did-you-mean-kiosk = did you mean `kiosk`? until it is spelt right, the kiosk stays locked down
cli-config-did-you-mean = did you mean `{ $key }`?
cli-config-settings-are = the settings are: { $keys }
cli-config-unreadable = cannot read the file: { $error }; until it reads, the kiosk stays locked down
cli-config-open-to-others = other users may read this file (mode { $mode })
cli-config-wrong-type = `{ $key }` must be { $wanted }, not { $found }
cli-config-want-text = text in quotes
cli-config-want-bool = true or false
cli-config-want-number = a whole number
cli-config-want-days = a list of days
cli-config-type-string = a string
cli-config-type-integer = an integer
cli-config-type-float = a float
cli-config-type-boolean = a boolean
cli-config-type-datetime = a datetime
cli-config-type-array = an array
cli-config-type-table = a table
cli-config-example = for example: { $key } = { $example }
cli-config-empty = `{ $key }` is empty
cli-config-empty-name = give it a name, or leave it out
cli-config-empty-folder = give a folder, or leave it out
cli-config-language = hocso does not speak `{ $value }`
cli-config-languages = the languages are "vi" and "en"
cli-config-voice = `{ $value }` is not a Vietnamese voice of espeak-ng
cli-config-voices = the voices are: { $voices }
cli-config-kiosk = `kiosk` must be true or false, not { $found }: until it is, the kiosk stays locked down
cli-config-range = `{ $key }` must be between { $min } and { $max }, not { $value }
cli-config-range-help = choose a number in that range
cli-config-days = review intervals must be whole days, positive and increasing

## hocso narrate (what the engine says about a clip stays as it says it)

cli-narrate-no-words = the interface has no words in { $language }
cli-narrate-done = narration: { $drafted } drafted, { $unchanged } unchanged, { $kept } recordings by people kept as they are{ $pruned }{ $failed }
cli-narrate-pruned = , { $count } drafts of texts that are gone removed
cli-narrate-failed = , { $count } failed
