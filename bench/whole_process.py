#!/usr/bin/env python3
"""hocso as a whole process, side by side with GNU Typist, in pseudo-terminals.

In one run, on the same machine and at the same terminal size (80×24 unless --size says
otherwise), this measures:

* the time from starting the program (just before fork and exec) to its first complete
  screen, for hocso on the bundled lessons and for GNU Typist on its bundled
  `gtypist.typ`: median and worst of RUNS runs each, taken alternately so both see the
  same machine;
* the peak resident memory of each (VmHWM from /proc/PID/status after it ran for
  SETTLE seconds past its first screen, so hocso's sound device probe is included);
* the bytes hocso writes to the terminal for one key press on a step screen (a choice
  step of the first bundled lesson): moving the selection, and a wrong answer;
* growth: hocso's first screen and memory with 10, 100 and 1,000 generated lessons
  (the generator of tests/support/generate.rs, read from that file).

What "first complete screen" means, for each program:

* hocso (ratatui): the frame that holds the key bar "Trợ giúp" (the bottom row, drawn
  last: ratatui writes changed cells row by row), up to the frame's end, where ratatui
  hides the cursor (ESC [ ? 2 5 l).
* gtypist (ncurses): its series menu, whose bottom row "Use arrowed keys … ESCAPE to go
  back" is the last text it writes (ncurses draws the final "k" in the last column
  separately, after ESC [ ? 7 l).

Each program gets one warm-up run first (not counted): it fills the page cache and
creates hocso's database in its fresh data folder, as on a kiosk that has started once.
HOME and XDG folders point into a temporary folder, so no user configuration is read.

Targets (the script exits 1 when one misses): first screen within 3× GNU Typist's
median in the same run; resident memory under 20 MB with the bundled lessons; under
1,024 bytes written per key press on a step screen.

Usage (Python 3 standard library only; Linux):

    cargo build --release && sudo apt-get install -y gtypist
    python3 bench/whole_process.py [--runs 20] [--size 80x24] [--settle 1.0]
"""

import argparse
import os
import pty
import re
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
import fcntl

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
HOCSO = os.path.join(ROOT, "target", "release", "hocso")
LESSONS = os.path.join(ROOT, "lessons")
GTYPIST_SCRIPT = "/usr/share/gtypist/gtypist.typ"

HOCSO_MARK = re.compile("Trợ giúp".encode() + rb".*?\x1b\[\?25l", re.S)
GTYPIST_MARK = re.compile(rb"ESCAPE to go bac")

FIRST_SCREEN_FACTOR = 3.0
RSS_LIMIT_KB = 20 * 1024
KEY_BYTES_LIMIT = 1024
GROWTH = (10, 100, 1000)


class Session:
    """A program in a pseudo-terminal of `size` (columns, rows), timed from fork."""

    def __init__(self, argv, size, env):
        cols, rows = size
        self.start = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            # The size is set before exec, so the program never sees a 0×0 terminal.
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            try:
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.out = bytearray()
        self.exited = False

    def read(self, timeout):
        """Reads what arrives within `timeout` seconds; False when nothing did."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.out += data
        return True

    def until(self, mark, timeout=10.0):
        """Seconds from fork until `mark` (a compiled pattern) is in the output."""
        deadline = time.perf_counter() + timeout
        while not mark.search(self.out):
            if time.perf_counter() > deadline or not self.read(deadline - time.perf_counter()):
                tail = bytes(self.out[-300:])
                raise RuntimeError(f"{mark.pattern!r} never appeared; last output: {tail!r}")
        return time.perf_counter() - self.start

    def quiet(self, still=0.5, timeout=10.0):
        """Reads until nothing has arrived for `still` seconds; the bytes read."""
        before = len(self.out)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and self.read(still):
            pass
        return len(self.out) - before

    def press(self, keys, still=0.5):
        os.write(self.fd, keys)
        return self.quiet(still)

    def settle(self, seconds):
        deadline = time.perf_counter() + seconds
        while time.perf_counter() < deadline:
            self.read(deadline - time.perf_counter())

    def peak_rss(self):
        """The program's peak resident memory so far, in KB (VmHWM). Not ru_maxrss: on
        Linux that keeps the forking Python's own peak across exec."""
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        raise RuntimeError("no VmHWM")

    def stop(self, keys=None):
        """Ends the program (by `keys`, else SIGTERM)."""
        if keys:
            os.write(self.fd, keys)
            deadline = time.perf_counter() + 5
            while time.perf_counter() < deadline:
                done, _, usage = os.wait4(self.pid, os.WNOHANG)
                if done:
                    self.exited = True
                    break
                self.read(0.05)
        if not self.exited:
            os.kill(self.pid, signal.SIGTERM)
            while self.read(0.05):
                pass
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def environment(home):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
    }
    return env


def hocso_argv(data, lessons):
    return [HOCSO, "--data", data, "--lessons", lessons]


def gtypist_argv():
    return [shutil.which("gtypist") or "/usr/bin/gtypist", GTYPIST_SCRIPT]


def first_screen(argv, mark, quit_keys, size, env, settle):
    """One start: (seconds to the first complete screen, peak resident KB)."""
    session = Session(argv, size, env)
    try:
        elapsed = session.until(mark)
        session.settle(settle)
        rss = session.peak_rss()
    finally:
        session.stop(quit_keys)
    return elapsed, rss


def expect(session, keys, text):
    """Presses `keys`; the bytes written in answer, which must hold `text`."""
    before = len(session.out)
    written = session.press(keys)
    if text.encode() not in session.out[before:]:
        raise RuntimeError(f"after {keys!r}, no {text!r} on the terminal")
    return written


def key_bytes(size, env, data):
    """Bytes hocso writes for one key press on a step screen, as {what: [bytes, …]}."""
    session = Session(hocso_argv(data, LESSONS), size, env)
    try:
        session.until(HOCSO_MARK)
        session.quiet(0.8)  # the sound device probe may add a notice
        # Welcome → who → new learner → name → age (no answer) → code → menu → lesson 1.
        for keys in (b"\r", b"\r", b"Ba", b"\r", b"\r", b"\r", b"\r"):
            session.press(keys)
        # The first bundled lesson explains twice, then asks a choice (step 3).
        session.press(b"\r")
        expect(session, b"\r", "Giữ nút nguồn thật lâu")  # its second answer
        figures = {"move the selection (↓)": [], "a wrong answer (2)": []}
        for _ in range(4):
            figures["move the selection (↓)"].append(expect(session, b"\x1b[B", "\x1b[?25l"))
        figures["a wrong answer (2)"].append(expect(session, b"2", "Chưa đúng ạ"))
    finally:
        session.stop(b"\x03")
    return figures


def write_lessons(folder, count):
    """`count` generated lessons, exactly as tests/support/generate.rs makes them."""
    source = open(os.path.join(ROOT, "tests", "support", "generate.rs"), encoding="utf-8").read()
    template = re.search(r'r#"(.*?)"#', source, re.S).group(1)
    os.makedirs(folder, exist_ok=True)
    for i in range(count):
        lesson = f"bai-{i:05}"
        prereqs = ", ".join(f'"bai-{j:05}"' for j in (i - 1, i - 7) if j >= 0)
        # Rust's format string and Python's str.format escape braces alike.
        text = template.format(id=lesson, prereqs=prereqs)
        with open(os.path.join(folder, f"{lesson}.toml"), "w", encoding="utf-8") as f:
            f.write(text)


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def mb(kb):
    return f"{kb / 1024:.1f} MB"


def describe(times, rss):
    return (
        f"{ms(statistics.median(times)):>10} {ms(max(times)):>10}"
        f" {mb(statistics.median(rss)):>9} {mb(max(rss)):>9}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="starts of each program (20)")
    parser.add_argument("--size", default="80x24", help="terminal columns x rows (80x24)")
    parser.add_argument("--settle", type=float, default=1.0,
                        help="seconds each program runs after its first screen (1.0)")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    for path, hint in ((HOCSO, "cargo build --release"), (GTYPIST_SCRIPT, "apt-get install gtypist")):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: {hint}")

    with tempfile.TemporaryDirectory(prefix="hocso-bench-") as tmp:
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        env = environment(home)
        data = os.path.join(tmp, "data")
        hocso = (hocso_argv(data, LESSONS), HOCSO_MARK, b"\x03")
        gtypist = (gtypist_argv(), GTYPIST_MARK, None)

        # Warm-up, then the two alternately.
        for argv, mark, quit_keys in (hocso, gtypist):
            first_screen(argv, mark, quit_keys, size, env, 0.2)
        results = {"hocso": ([], []), "gtypist": ([], [])}
        for _ in range(args.runs):
            for name, (argv, mark, quit_keys) in (("hocso", hocso), ("gtypist", gtypist)):
                elapsed, rss = first_screen(argv, mark, quit_keys, size, env, args.settle)
                results[name][0].append(elapsed)
                results[name][1].append(rss)

        growth = {}
        for count in GROWTH:
            folder = os.path.join(tmp, f"lessons-{count}")
            write_lessons(folder, count)
            growth_data = os.path.join(tmp, f"data-{count}")
            argv = hocso_argv(growth_data, folder)
            first_screen(argv, HOCSO_MARK, b"\x03", size, env, 0.2)
            times, rss = [], []
            for _ in range(args.runs):
                elapsed, kb = first_screen(argv, HOCSO_MARK, b"\x03", size, env, args.settle)
                times.append(elapsed)
                rss.append(kb)
            growth[count] = (times, rss)

        keys = key_bytes(size, env, data)

    cols, rows = size
    print(f"whole process, {cols}×{rows} pseudo-terminal, {args.runs} runs each "
          f"(after one warm-up), settle {args.settle:.1f} s")
    print()
    print(f"{'program':<36} {'1st screen':>10} {'worst':>10} {'RSS':>9} {'worst':>9}")
    print(f"{'hocso, the 20 bundled lessons':<36} {describe(*results['hocso'])}")
    print(f"{'gtypist 2.9, gtypist.typ':<36} {describe(*results['gtypist'])}")
    print()
    print("growth: hocso with generated lessons")
    print(f"{'lessons':<36} {'1st screen':>10} {'worst':>10} {'RSS':>9} {'worst':>9}")
    for count in GROWTH:
        print(f"{count:<36,} {describe(*growth[count])}")
    print()
    print("bytes hocso writes for one key press on a step screen (a choice step)")
    for what, counts in keys.items():
        print(f"  {what:<34} {', '.join(str(n) for n in counts)} bytes")
    print()

    hocso_median = statistics.median(results["hocso"][0])
    gtypist_median = statistics.median(results["gtypist"][0])
    worst_rss = max(results["hocso"][1])
    worst_key = max(n for counts in keys.values() for n in counts)
    targets = [
        (f"first screen within {FIRST_SCREEN_FACTOR:g}× gtypist's (median)",
         f"{hocso_median / gtypist_median:.2f}×",
         hocso_median <= FIRST_SCREEN_FACTOR * gtypist_median),
        ("resident memory under 20 MB, bundled lessons (worst)", mb(worst_rss),
         worst_rss < RSS_LIMIT_KB),
        ("under 1,024 bytes per key press on a step screen (worst)", f"{worst_key} bytes",
         worst_key < KEY_BYTES_LIMIT),
    ]
    print("targets")
    for what, figure, met in targets:
        print(f"  {'met ' if met else 'MISS'} {what}: {figure}")
    return 0 if all(met for _, _, met in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
