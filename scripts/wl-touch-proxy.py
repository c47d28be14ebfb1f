#!/usr/bin/env python3
"""A finger for a Wayland client when the machine has no touch screen.

Sits between one Wayland client (foot) and the compositor (cage): passes every message
through unchanged, except that it tells the client its seat has a touch screen, keeps the
client's wl_touch to itself, and sends that wl_touch the events a real touch screen would
(down, motion, up, frame) when told to on a control FIFO. Everything else (drawing,
keyboard, wtype's keys) still goes through the compositor.

Usage: wl-touch-proxy.py LISTEN_SOCKET UPSTREAM_SOCKET CONTROL_FIFO [LOG]
  then run the client with WAYLAND_DISPLAY=LISTEN_SOCKET, and write lines to the FIFO:
    down X Y        a finger touches the client's window at pixel X,Y
    motion X Y      the finger moves to X,Y
    up              the finger lifts
    down2 X Y / up2 a second finger (touch id 1)
Coordinates are surface pixels (under cage, screen pixels). Standard library only.
"""
import array
import os
import selectors
import socket
import struct
import sys
import time

listen_path, upstream_path, control_path = sys.argv[1:4]
log = open(sys.argv[4], "a", buffering=1) if len(sys.argv) > 4 else sys.stderr


def say(text):
    log.write("%.3f proxy: %s\n" % (time.monotonic(), text))


def recv(sock):
    fds = array.array("i")
    data, anc, _, _ = sock.recvmsg(65536, socket.CMSG_SPACE(253 * 4))
    for level, kind, payload in anc:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            fds.frombytes(payload[: len(payload) - (len(payload) % 4)])
    return data, list(fds)


def send(sock, data, fds):
    if fds:
        sock.sendmsg([data], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
        for fd in fds:
            os.close(fd)
    else:
        sock.sendall(data)


def messages(buf):
    """Split off the complete messages at the start of buf: (list, rest)."""
    out = []
    while len(buf) >= 8:
        size = struct.unpack_from("<I", buf, 4)[0] >> 16
        if size < 8 or len(buf) < size:
            break
        out.append(bytes(buf[:size]))
        buf = buf[size:]
    return out, buf


def wl_string(msg, at):
    n = struct.unpack_from("<I", msg, at)[0]
    s = msg[at + 4 : at + 4 + n - 1].decode()
    return s, at + 4 + ((n + 3) & ~3)


class Connection:
    def __init__(self, client):
        self.client = client
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.connect(upstream_path)
        self.cbuf = b""
        self.sbuf = b""
        self.sfds = []
        self.registry = None
        self.binds = {}  # object id -> interface name
        self.touch = None  # the client's wl_touch id, kept here
        self.main_surface = None
        self.serial = 0x7F000000

    # client -> compositor
    def from_client(self):
        data, fds = recv(self.client)
        if not data:
            return False
        msgs, self.cbuf = messages(self.cbuf + data)
        out = b""
        for m in msgs:
            obj, szop = struct.unpack_from("<II", m, 0)
            op = szop & 0xFFFF
            kind = self.binds.get(obj)
            if obj == 1 and op == 1:
                self.registry = struct.unpack_from("<I", m, 8)[0]
            elif obj == self.registry and op == 0:
                iface, at = wl_string(m, 12)
                new_id = struct.unpack_from("<I", m, at + 4)[0]
                self.binds[new_id] = iface
            elif kind == "xdg_wm_base" and op == 2:
                self.main_surface = struct.unpack_from("<I", m, 12)[0]
                say("window surface %d" % self.main_surface)
            elif kind == "wl_seat" and op == 2:
                self.touch = struct.unpack_from("<I", m, 8)[0]
                say("the client took wl_touch %d" % self.touch)
                # The compositor has no touch screen: the wl_touch stays here. The
                # compositor still needs an object with that id (a client's new ids must
                # not leave gaps), so it gets an unused wl_region instead.
                compositor = next(i for i, n in self.binds.items() if n == "wl_compositor")
                m = struct.pack("<III", compositor, 12 << 16 | 1, self.touch)
            elif obj == self.touch and self.touch is not None:
                continue  # wl_touch.release: the wl_region stays
            out += m
        if out or fds:
            send(self.server, out, fds)
        return True

    # compositor -> client
    def from_server(self):
        data, fds = recv(self.server)
        if not data:
            return False
        self.sfds += fds
        msgs, self.sbuf = messages(self.sbuf + data)
        out = b""
        for m in msgs:
            obj, szop = struct.unpack_from("<II", m, 0)
            if self.binds.get(obj) == "wl_seat" and szop & 0xFFFF == 0:
                caps = struct.unpack_from("<I", m, 8)[0] | 4  # + WL_SEAT_CAPABILITY_TOUCH
                m = m[:8] + struct.pack("<I", caps)
                say("seat capabilities %d" % caps)
            out += m
        if out:
            send(self.client, out, self.sfds)
            self.sfds = []
        return True

    def event(self, op, fmt, *args):
        body = struct.pack("<" + fmt, *args)
        self.client.sendall(struct.pack("<II", self.touch, (8 + len(body)) << 16 | op) + body)

    def command(self, line):
        parts = line.split()
        if not parts or self.touch is None or self.main_surface is None:
            say("ignored (no wl_touch yet): %s" % line)
            return
        now = int(time.monotonic() * 1000) & 0xFFFFFFFF
        self.serial += 1
        verb, touch_id = parts[0], 0
        if verb.endswith("2"):
            verb, touch_id = verb[:-1], 1
        if verb == "down":
            x, y = (int(float(v) * 256) for v in parts[1:3])
            self.event(0, "IIIiii", self.serial, now, self.main_surface, touch_id, x, y)
        elif verb == "motion":
            x, y = (int(float(v) * 256) for v in parts[1:3])
            self.event(2, "Iiii", now, touch_id, x, y)
        elif verb == "up":
            self.event(1, "IIi", self.serial, now, touch_id)
        else:
            say("unknown: %s" % line)
            return
        self.event(3, "")  # frame
        say(line)


def main():
    if os.path.exists(listen_path):
        os.unlink(listen_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(listen_path)
    listener.listen(4)
    if not os.path.exists(control_path):
        os.mkfifo(control_path)
    control = os.open(control_path, os.O_RDWR | os.O_NONBLOCK)
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, "listen")
    sel.register(control, selectors.EVENT_READ, "control")
    conns = []
    pending = b""
    say("listening on %s" % listen_path)
    while True:
        for key, _ in sel.select():
            what = key.data
            if what == "listen":
                client, _ = listener.accept()
                c = Connection(client)
                conns.append(c)
                sel.register(client, selectors.EVENT_READ, ("client", c))
                sel.register(c.server, selectors.EVENT_READ, ("server", c))
            elif what == "control":
                pending += os.read(control, 4096)
                while b"\n" in pending:
                    line, pending = pending.split(b"\n", 1)
                    for c in conns:
                        if c.touch is not None:
                            c.command(line.decode())
            else:
                side, c = what
                try:
                    alive = c.from_client() if side == "client" else c.from_server()
                except OSError:
                    alive = False
                if not alive:
                    for s in (c.client, c.server):
                        try:
                            sel.unregister(s)
                        except (KeyError, ValueError):
                            pass
                        s.close()
                    conns.remove(c)


main()
