#!/usr/bin/env python3
"""Whole-process time from start to the first complete screen, in a pseudo-terminal.

Runs the release binary RUNS times at 58×15 and reports the median and the slowest time
until the welcome screen's last line (the key bar) has been written. Usage:

    cargo build --release && python3 bench/first_frame.py [RUNS]
"""
import os
import pty
import select
import struct
import sys
import tempfile
import time
import fcntl
import termios

BIN = os.path.join(os.path.dirname(__file__), "..", "target", "release", "hocso")
MARK = "Trợ giúp".encode()  # the key bar: drawn last


def once(data_dir):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(BIN, [BIN, "--data", data_dir])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 15, 58, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        if MARK in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"\x03")  # Ctrl+C
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    with tempfile.TemporaryDirectory() as data:
        times = sorted(t for t in (once(data) for _ in range(runs)) if t is not None)
    if not times:
        sys.exit("the first frame never appeared")
    median = times[len(times) // 2] * 1000
    print(f"start to first frame (58x15, bundled lessons): median {median:.1f} ms, "
          f"slowest {times[-1] * 1000:.1f} ms over {len(times)} runs")


if __name__ == "__main__":
    main()
