#!/usr/bin/env bash
# The kiosk as Debian 13 ("trixie") runs it (cage 0.2, foot 1.21, wlroots 0.18), in a
# chroot on any Debian machine with no screen: wlroots' headless output at any panel
# resolution, hocso started by the shipped launcher (assets/kiosk/hocso-kiosk) with the
# shipped foot.ini and hocso.toml, keys typed with wtype, the picture taken with grim.
#
# Usage (as root: it builds and enters the chroot; the kiosk itself runs as "nobody",
# since foot refuses root):
#   scripts/kiosk-chroot.sh setup
#       Build the chroot if it is not there (debootstrap, about a minute, then the
#       packages), and mount /proc, /dev, /dev/pts and a tmpfs on /dev/shm in it.
#   scripts/kiosk-chroot.sh shot WxH OUT.png [-k 'WTYPE ARGS' | -t 'TOUCH']... [-w SECONDS] [-- HOCSO ARGS...]
#       Start the kiosk on a WxH panel, run hocso with HOCSO ARGS (default: none, the
#       welcome screen) instead of `--kiosk`, type each -k with wtype (one call each,
#       e.g. -k 2 types "2", -k '-k Return' presses Enter, -k '-M ctrl -k v -m ctrl'),
#       wait -w seconds (default 1) after each, and save the screen as OUT.png.
#       hocso runs with the kiosk's hocso.toml (a fresh data folder, the PIN 2468).
#       -t gives foot a finger (scripts/wl-touch-proxy.py, since the headless output
#       has no touch screen): 'down X Y', 'motion X Y', 'up' (screen pixels), 'sleep S'.
#   scripts/kiosk-chroot.sh probe WxH [-t 'TOUCH']...
#       The same finger, but foot runs a probe instead of hocso: it turns on mouse
#       reporting as hocso does (1000, 1002, 1003, 1015, 1006) and prints every byte
#       foot sends it, with the time, beside each touch event.
#   scripts/kiosk-chroot.sh grid WxH [FONT_SIZE]
#       Print the grid foot gives on a WxH panel (rows, columns, cell size in pixels)
#       with the launcher's text size for that width, or with FONT_SIZE.
#   scripts/kiosk-chroot.sh down
#       Unmount what setup mounted.
#
# Settings: KIOSK_CHROOT (default /work/trixie), KIOSK_MIRROR (default
# http://deb.debian.org/debian), HOCSO_BIN (default target/release/hocso, built with
# `cargo build --release` when absent).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
chroot_dir=${KIOSK_CHROOT:-/work/trixie}
mirror=${KIOSK_MIRROR:-http://deb.debian.org/debian}
packages="cage foot grim wtype wlr-randr fonts-noto-mono fonts-dejavu-core alsa-utils xwayland bash procps python3-minimal"

die() {
  echo "kiosk-chroot: $*" >&2
  exit 1
}

[ "$(id -u)" -eq 0 ] || die "run as root (it enters a chroot)"

mount_all() {
  local d=$chroot_dir
  mountpoint -q "$d/proc" || mount -t proc proc "$d/proc"
  mountpoint -q "$d/dev" || mount --bind /dev "$d/dev"
  # foot: "failed to open PTY" without it
  mountpoint -q "$d/dev/pts" || mount --bind /dev/pts "$d/dev/pts"
  # cage: exits 230, "no monitors available", without it
  mountpoint -q "$d/dev/shm" || mount -t tmpfs -o mode=1777 tmpfs "$d/dev/shm"
}

umount_all() {
  local d=$chroot_dir m
  for m in dev/shm dev/pts dev proc; do
    if mountpoint -q "$d/$m"; then umount "$d/$m"; fi
  done
}

setup() {
  if [ ! -x "$chroot_dir/usr/bin/apt-get" ]; then
    command -v debootstrap >/dev/null || apt-get install -y debootstrap
    debootstrap --variant=minbase trixie "$chroot_dir" "$mirror"
  fi
  mount_all
  local p missing=
  for p in cage foot grim wtype wlr-randr; do
    [ -x "$chroot_dir/usr/bin/$p" ] || missing=1
  done
  if [ -n "$missing" ] || [ ! -d "$chroot_dir/usr/share/fonts/truetype/noto" ]; then
    # shellcheck disable=SC2086 # a list of packages
    chroot "$chroot_dir" env DEBIAN_FRONTEND=noninteractive sh -c \
      "apt-get update && apt-get install -y --no-install-recommends $packages"
  fi
  chroot "$chroot_dir" dpkg-query -W cage foot grim libwlroots-0.18
}

hocso_bin() {
  local bin=${HOCSO_BIN:-$root/target/release/hocso}
  if [ ! -x "$bin" ]; then
    [ -z "${HOCSO_BIN:-}" ] || die "not a program: $bin"
    (cd "$root" && cargo build --release --quiet)
  fi
  echo "$bin"
}

# prepare_work: a folder inside the chroot with everything the kiosk reads, as on a
# kiosk (/opt/hocso, /etc/hocso, /var/lib/hocso), owned so that "nobody" can use it.
# Sets $work (path inside the chroot) and $host_work (the same folder seen from here).
prepare_work() {
  host_work=$(mktemp -d "$chroot_dir/tmp/kiosk.XXXXXX")
  work=${host_work#"$chroot_dir"}
  mkdir -p "$host_work"/{bin,etc,data,cache,run}
  cp "$(hocso_bin)" "$host_work/bin/hocso-real"
  cp "$root/assets/kiosk/hocso-kiosk" "$host_work/bin/hocso-kiosk"
  cp -r "$root/lessons" "$host_work/lessons"
  if [ -d "$root/assets/audio" ]; then
    mkdir -p "$host_work/assets" && cp -r "$root/assets/audio" "$host_work/assets/audio"
  fi
  cp "$root/assets/kiosk/foot.ini" "$host_work/etc/foot.ini"
  sed -e "s|^lessons = .*|lessons = \"$work/lessons\"|" \
    -e "s|^data = .*|data = \"$work/data\"|" \
    "$root/assets/kiosk/hocso.toml" >"$host_work/etc/hocso.toml"
  chmod -R a+rX "$host_work"
  chown -R nobody:nogroup "$host_work/data" "$host_work/cache" "$host_work/run" "$host_work/etc/hocso.toml"
  chmod 0600 "$host_work/etc/hocso.toml"
  chmod 0700 "$host_work/data" "$host_work/cache" "$host_work/run"
}

as_nobody() {
  chroot --userspec=nobody:nogroup "$chroot_dir" env -i PATH=/usr/bin:/bin HOME="$work" \
    LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/run" XDG_CACHE_HOME="$work/cache" "$@"
}

# run_session WxH: start the launcher under cage on a headless WxH output, run
# $host_work/steps.sh (as nobody, with WAYLAND_DISPLAY set) once hocso has drawn, then
# end the session. The launcher works the text size out from HOCSO_PANEL_WIDTH, as it
# would from the panel's mode on a real kiosk.
run_session() {
  local size=$1 width=${1%x*} height=${1#*x}
  cat >"$host_work/session.sh" <<EOF
#!/bin/sh
cd "$work"
export PATH="${session_path:-}/usr/bin:/bin"
export WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman WLR_HEADLESS_OUTPUTS=1
export HOCSO_BIN="$work/bin/hocso" HOCSO_CONFIG="$work/etc/hocso.toml" HOCSO_FOOT_INI="$work/etc/foot.ini"
export HOCSO_PANEL_WIDTH=$width ${HOCSO_FONT_SIZE:+HOCSO_FONT_SIZE=$HOCSO_FONT_SIZE}
setsid "$work/bin/hocso-kiosk" >"$work/run/kiosk.log" 2>&1 &
group=\$!
tries=0
until [ -S "$work/run/wayland-0" ] || [ \$tries -ge 100 ]; do sleep 0.1; tries=\$((tries + 1)); done
export WAYLAND_DISPLAY=wayland-0
# The headless output starts at 1280x720; make it the panel's size.
wlr-randr --output HEADLESS-1 --custom-mode ${width}x${height} || echo "wlr-randr failed" >&2
sleep 3
status=0
sh "$work/steps.sh" || status=\$?
kill -TERM -\$group 2>/dev/null
wait \$group 2>/dev/null
exit \$status
EOF
  chmod 0755 "$host_work/session.sh"
  [ -n "$width" ] && [ -n "$height" ] && [ "$size" != "$width" ] || die "not a size: $size (e.g. 1366x768)"
  if ! as_nobody "$work/session.sh"; then
    echo "kiosk-chroot: the session failed; the launcher said:" >&2
    cat "$host_work/run/kiosk.log" >&2
    return 1
  fi
}

# The hocso the launcher runs: the real one, with these arguments instead of --kiosk.
write_wrapper() {
  {
    echo '#!/bin/sh'
    printf 'exec %q --config %q' "$work/bin/hocso-real" "$work/etc/hocso.toml"
    local a
    for a in "$@"; do printf ' %q' "$a"; done
    echo
  } >"$host_work/bin/hocso"
  chmod 0755 "$host_work/bin/hocso"
}

shot() {
  [ $# -ge 2 ] || die "usage: shot WxH OUT.png [-k 'WTYPE ARGS']... [-w SECONDS] [-- HOCSO ARGS...]"
  local size=$1 out=$2 wait=1 k
  shift 2
  local -a keys=()
  local touch=
  while [ $# -gt 0 ]; do
    case "$1" in
      -k) keys+=("k:$2"); shift 2 ;;
      -t) keys+=("t:$2"); touch=1; shift 2 ;;
      -w) wait=$2; shift 2 ;;
      --) shift; break ;;
      *) die "unknown option: $1" ;;
    esac
  done
  mount_all
  prepare_work
  trap 'rm -rf "$host_work"' RETURN
  echo 2468 | as_nobody "$work/bin/hocso-real" --config "$work/etc/hocso.toml" volunteer set-pin >/dev/null
  write_wrapper "$@"
  [ -z "$touch" ] || add_finger
  {
    echo 'set -e'
    for k in "${keys[@]}"; do
      case "$k" in
        k:*) echo "wtype ${k#k:}" ;;
        t:*) touch_step "${k#t:}"; continue ;;
      esac
      echo "sleep $wait"
    done
    [ -z "$touch" ] || echo "sleep $wait"
    echo "grim '$work/run/shot.png'"
  } >"$host_work/steps.sh"
  run_session "$size"
  mkdir -p "$(dirname "$out")"
  cp "$host_work/run/shot.png" "$out"
  echo "$out"
}

# add_finger: the launcher finds this "foot" first; it puts the touch proxy between
# foot and cage.
add_finger() {
  cp "$root/scripts/wl-touch-proxy.py" "$host_work/bin/wl-touch-proxy.py"
  cat >"$host_work/bin/foot" <<EOF
#!/bin/sh
case "\$1" in --version | --check-config) exec /usr/bin/foot "\$@" ;; esac
python3 "$work/bin/wl-touch-proxy.py" "$work/run/wl-touch" "$work/run/\$WAYLAND_DISPLAY" "$work/run/touch.fifo" "$work/run/touch.log" &
tries=0
until [ -S "$work/run/wl-touch" ] || [ \$tries -ge 50 ]; do sleep 0.1; tries=\$((tries + 1)); done
WAYLAND_DISPLAY=wl-touch exec /usr/bin/foot "\$@"
EOF
  chmod 0755 "$host_work/bin/foot"
  session_path="$work/bin:"
}

touch_step() {
  case "$1" in
    sleep*) echo "$1" ;;
    *) echo "echo '$1' >'$work/run/touch.fifo'" ;;
  esac
}

probe() {
  [ $# -ge 1 ] || die "usage: probe WxH [-t 'TOUCH']..."
  local size=$1
  shift
  mount_all
  prepare_work
  trap 'rm -rf "$host_work"' RETURN
  add_finger
  cat >"$host_work/bin/hocso" <<EOF
#!/usr/bin/python3
import os, sys, time
log = open("$work/run/touch.log", "a", buffering=1)
os.system("stty raw -echo")
# What crossterm's EnableMouseCapture turns on, as hocso does.
os.write(1, b"\\x1b[?1000h\\x1b[?1002h\\x1b[?1003h\\x1b[?1015h\\x1b[?1006h")
os.write(1, b"touch probe: the bytes foot sends are logged\\r\\n")
while True:
    data = os.read(0, 4096)
    log.write("%.3f probe got: %s\\n" % (time.monotonic(), data.decode("ascii", "backslashreplace").replace("\\x1b", "ESC")))
EOF
  chmod 0755 "$host_work/bin/hocso"
  {
    while [ $# -gt 0 ]; do
      case "$1" in
        -t) touch_step "$2"; shift 2 ;;
        *) die "unknown option: $1" ;;
      esac
    done
    echo "sleep 0.5"
  } >"$host_work/steps.sh"
  run_session "$size"
  grep -v 'proxy: \(listening\|seat capab\|the client took\|window surface\)' "$host_work/run/touch.log"
}

grid() {
  [ $# -ge 1 ] || die "usage: grid WxH [FONT_SIZE]"
  local size=$1
  mount_all
  prepare_work
  trap 'rm -rf "$host_work"' RETURN
  # Instead of hocso: wait for the panel's size, then write foot's grid (stty size) and
  # its cell size in pixels (the answer to CSI 16 t: 6;height;width).
  cat >"$host_work/bin/hocso" <<EOF
#!/bin/bash
sleep 2
grid=\$(stty size)
stty -echo -icanon
printf '\\033[16t'
IFS= read -r -d t -t 2 answer || true
echo "\$grid \${answer#*[}" >"$work/run/grid"
sleep 30
EOF
  chmod 0755 "$host_work/bin/hocso"
  echo 'sleep 1; test -s '"$work/run/grid"' || sleep 2' >"$host_work/steps.sh"
  HOCSO_FONT_SIZE=${2:-} run_session "$size"
  local rows cols cell text_size
  read -r rows cols cell <"$host_work/run/grid"
  text_size=$(sed -n 's/^hocso-kiosk: text size \([0-9.]*\).*/\1/p' "$host_work/run/kiosk.log")
  IFS=';' read -r _ cell_h cell_w <<<"$cell"
  echo "$size: size $text_size, ${cols}x${rows} cells, cell ${cell_w}x${cell_h} px"
}

case "${1:-}" in
  setup) setup ;;
  shot) shift; shot "$@" ;;
  grid) shift; grid "$@" ;;
  probe) shift; probe "$@" ;;
  down) umount_all ;;
  *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 64 ;;
esac
