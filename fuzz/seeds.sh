#!/usr/bin/env bash
# Builds the seed corpora in fuzz/corpus/<target>/ from the files hocso ships and tests
# with: lessons and lesson fixtures, the Fluent files, the README's sample hocso.toml
# and a few configurations, and some Telex/VNI key sequences. Safe to run again: seeds
# are named after their source, so nothing is duplicated and found inputs are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
mkdir -p "$corpus"/{lesson,fluent,config,typing}

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

# Key sequences as a learner types them; \b is backspace.
i=0
for keys in 'Vieejt Nam' 'Haf Nooij' 'dduwowcj nguwowif' 'camr own' 'quyeen giuwax' \
    'basz bass' 'khoer khoong' 'Vie65t Nam' 'Ha2 No65i' 'd9u7o7c5 ngu7o7i2' 'ca3m o7n' \
    'VIEEJT NAM' 'tieesng\b\bs' 'aa\baw\bow w' '0912 345 678' 'uwow uow uwo'; do
    printf '%b' "$keys" > "$corpus/typing/seed-$i"
    i=$((i + 1))
done
for t in lesson fluent config typing; do
    printf '%s: %s seeds\n' "$t" "$(find "$corpus/$t" -type f | wc -l)"
done
