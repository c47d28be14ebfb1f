#!/usr/bin/env bash
# Runs the fuzz targets one after another, niced, each for the given time:
#   fuzz/run.sh --time SECONDS [TARGET…]     (all targets by default)
# Each target's libFuzzer output goes to fuzz/logs/<target>.log; a line per target sums
# it up. Inputs that crash, time out or run slowly land in fuzz/artifacts/<target>/.
# Needs cargo-fuzz; on stable Rust it runs with RUSTC_BOOTSTRAP=1. SANITIZER=none turns
# AddressSanitizer off (the crate has no unsafe code of its own).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

seconds=""
targets=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time) seconds="$2"; shift 2 ;;
        --time=*) seconds="${1#--time=}"; shift ;;
        -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
        *) targets+=("$1"); shift ;;
    esac
done
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
    echo "usage: fuzz/run.sh --time SECONDS [TARGET…]" >&2
    exit 2
fi
[ ${#targets[@]} -gt 0 ] || targets=(lesson check_paths fluent config typing)

export RUSTC_BOOTSTRAP=1
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_odr_violation=0}"
sanitizer="${SANITIZER:-address}"
# An input that takes longer than this (seconds) is a finding: hocso must stay fast on
# any file. Lessons are at most 1 MiB; typed answers are short.
timeout="${TIMEOUT:-10}"
max_len() {
    case "$1" in
        typing) echo 512 ;;
        # Several small lessons: one file's checks are the `lesson` target's work.
        check_paths) echo 16384 ;;
        *) echo 65536 ;;
    esac
}

mkdir -p logs
for t in "${targets[@]}"; do
    [ -d "corpus/$t" ] || { ./seeds.sh >/dev/null; break; }
done
for t in "${targets[@]}"; do
    nice -n 10 cargo fuzz build --sanitizer "$sanitizer" "$t" >/dev/null 2>logs/build.log || {
        cat logs/build.log >&2
        exit 1
    }
done
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    before=$(find "artifacts/$t" -type f | wc -l)
    start=$SECONDS
    set +e
    nice -n 10 cargo fuzz run --sanitizer "$sanitizer" "$t" "corpus/$t" -- \
        -max_total_time="$seconds" -timeout="$timeout" -max_len="$(max_len "$t")" \
        -rss_limit_mb=2048 -print_final_stats=1 >"logs/$t.log" 2>&1
    rc=$?
    set -e
    took=$((SECONDS - start))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "logs/$t.log" | grep -o '[0-9]*$' | tail -1)
    size=$(find "corpus/$t" -type f | wc -l)
    found=$(($(find "artifacts/$t" -type f | wc -l) - before))
    printf '%-11s %5ss  %10s execs  %6s exec/s  corpus %5s  crashes %s%s\n' \
        "$t" "$took" "${execs:-?}" "${rate:-?}" "$size" "$found" \
        "$([ "$rc" -ne 0 ] && echo "  (exit $rc, see fuzz/logs/$t.log)")"
    [ "$rc" -eq 0 ] || status=1
done
exit $status
