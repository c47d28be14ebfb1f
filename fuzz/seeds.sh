#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from the files hocso ships and tests
# with: lessons and lesson fixtures, the Fluent files, the README's sample hocso.toml
# and a few configurations, and some Telex/VNI key sequences. Safe to run again: seeds
# are named after their source, so nothing is duplicated and found inputs are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
mkdir -p "$corpus"/{lesson,fluent,config,typing,check_paths}

# Copies each file to corpus/<target>/seed-<its path with / as _>.
seed_files() {
    local target="$1"
    shift
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        local rel="${f#"$root"/}"
        cp "$f" "$corpus/$target/seed-${rel//\//_}"
    done
}

shopt -s nullglob globstar
seed_files lesson "$root"/lessons/*.toml "$root"/tests/fixtures/**/*.toml
seed_files fluent "$root"/locales/**/*.ftl
seed_files config "$root"/assets/kiosk/hocso.toml "$root"/tests/fixtures/**/hocso*.toml

# Deep nesting: refused before the Fluent parser can overflow the stack.
printf 'welcome-start = %s1%s\n' "$(printf '{ %.0s' $(seq 300))" "$(printf ' }%.0s' $(seq 300))" > "$corpus/fluent/seed-deep.ftl"
printf 'app-name = { NUMBER(NUMBER(NUMBER($n))) } { $n ->\n    [one] một\n   *[other] { $n } ({ "(" })\n}\n' > "$corpus/fluent/seed-calls.ftl"

# The sample configuration in README.md, and a few short ones.
sed -n '/^```toml$/,/^```$/p' "$root/README.md" | sed '1d;$d' | grep -E '^(kiosk_name|ward|lessons|data|language|kiosk|narration|voice|idle_|help_|review_)' \
    > "$corpus/config/seed-readme.toml" || true
printf 'kiosk_name = "Phường Cửa Nam – máy 1"\nhelp_after_misses = 4\n' > "$corpus/config/seed-show.toml"
printf 'ward = "Phường 1"\nidle_timout_seconds = 60\nkiosk = "có"\n' > "$corpus/config/seed-bad.toml"
printf 'review_intervals_days = [1, 3, 7]\nlanguage = "en"\nvoice = "vi-vn-x-south"\n' > "$corpus/config/seed-days.toml"
printf 'lessons = "../lessons"\ndata = "/var/lib/hocso"\nidle_timeout_seconds = 0\n' > "$corpus/config/seed-paths.toml"

# Folders for the multi-file check: entries separated by NUL bytes, each led by a byte
# that chooses its name (byte % 8: a.toml … f.toml, g.txt, .h.toml) and what it is
# (byte / 8 % 8: 0-3 a file, 4 a link, 5 a link to nothing, 6 a FIFO, 7 a folder).
# Lessons that name each other as prerequisites, a shared id, a circle, and each kind.
entries() {
    local out="$1"
    shift
    : > "$out"
    local first=1 head file
    while [ $# -gt 0 ]; do
        head="$1" file="$2"
        shift 2
        [ -f "$file" ] || continue
        [ $first -eq 1 ] || printf '\0' >> "$out"
        first=0
        printf "\\x$head" >> "$out"
        cat "$file" >> "$out"
    done
}
paths="$corpus/check_paths"
good="$root/tests/fixtures/good/mau.toml"
# A small lesson with its own id and prerequisites: mau.toml renamed.
small() {
    sed -e "s/^id = \"mau\"/id = \"$2\"/" -e "s/^minutes = 5/minutes = 5\nprerequisites = [$3]/" \
        "$good" > "$paths/.$1"
}
small a mot ''
small b hai '"mot"'
small c ba '"hai", "mot"'
small d bon '"ba", "khong-co"'
entries "$paths/seed-chain" 40 "$paths/.a" 41 "$paths/.b" 42 "$paths/.c" 43 "$paths/.d"
small e mot '"ba"'
entries "$paths/seed-cycle" 40 "$paths/.e" 41 "$paths/.b" 42 "$paths/.c"
entries "$paths/seed-same-id" 40 "$paths/.a" 41 "$paths/.a" 42 "$paths/.b"
entries "$paths/seed-broken" 40 "$root/tests/fixtures/mixed/broken.toml" 41 "$paths/.a" \
    42 "$root/tests/fixtures/problems/unknown-prerequisite.toml"
rm -f "$paths"/.[a-e]
# A lesson, a link to it (a link's target is chosen by the length of the rest: 0 is
# a.toml), a link to nothing, a FIFO, a folder, and a link to itself (5: f.toml).
: > "$paths/.none"
printf 'xxxxx' > "$paths/.five"
entries "$paths/seed-kinds" 40 "$good" 61 "$paths/.none" \
    6a "$paths/.none" 73 "$paths/.none" 7c "$paths/.none" 65 "$paths/.five"
# The same, named one by one on the command line (the first byte's top bit).
entries "$paths/seed-kinds-by-name" c0 "$good" 61 "$paths/.none" \
    6a "$paths/.none" 73 "$paths/.none" 7c "$paths/.none" 65 "$paths/.five" \
    42 "$root/tests/fixtures/problems/choice-none.toml"
rm -f "$paths/.none" "$paths/.five"
# Nothing to check: an empty folder, and one with only a note and a hidden file.
: > "$paths/seed-empty"
printf '\x46notes\0\x47hidden' > "$paths/seed-no-lessons"

# Key sequences as a learner types them; \b is backspace.
i=0
for keys in 'Vieejt Nam' 'Haf Nooij' 'dduwowcj nguwowif' 'camr own' 'quyeen giuwax' \
    'basz bass' 'khoer khoong' 'Vie65t Nam' 'Ha2 No65i' 'd9u7o7c5 ngu7o7i2' 'ca3m o7n' \
    'VIEEJT NAM' 'tieesng\b\bs' 'aa\baw\bow w' '0912 345 678' 'uwow uow uwo'; do
    printf '%b' "$keys" > "$corpus/typing/seed-$i"
    i=$((i + 1))
done
for t in lesson fluent config typing check_paths; do
    printf '%s: %s seeds\n' "$t" "$(find "$corpus/$t" -type f | wc -l)"
done
