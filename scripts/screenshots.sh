#!/usr/bin/env bash
# Screenshots of the tutor in real terminal emulators, for the README:
# - xterm with Noto Sans Mono at size 28 under a virtual X display (welcome, a tap step);
# - the kiosk's own terminal, foot (Noto Sans Mono 28) under cage, headless (a scan step),
#   decoded with zbarimg to prove a phone camera can read the QR code off the screen.
#   (foot draws block characters itself; xterm takes them from the font, whose half
#   blocks do not fill the cell, so a QR code in xterm shows seams.)
#
# Needs: apt-get install xvfb xterm x11-apps imagemagick fonts-noto-mono zbar-tools \
#                        cage foot grim xwayland
# Usage: scripts/screenshots.sh [OUT_DIR]   (default: docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
cargo build --release --quiet
bin=$PWD/target/release/hocso
data=$(mktemp -d)
display=:97
Xvfb "$display" -screen 0 1600x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$data"' EXIT
sleep 1

# shot NAME ARGS…: runs hocso with ARGS in xterm and saves NAME.png.
shot() {
  local name=$1
  shift
  DISPLAY=$display xterm -fa 'Noto Sans Mono' -fs 28 -geometry 62x16+0+0 \
    -bg '#0B1622' -fg '#F2F2EC' -xrm 'XTerm*forceBoxChars: true' -e "$bin" --data "$data" "$@" &
  local term=$!
  sleep 2
  xwd -root -display "$display" | /usr/bin/convert xwd:- -crop 1600x900+0+0 -bordercolor black -border 1 -trim +repage "$out/$name.png"
  kill "$term" 2>/dev/null || true
  wait "$term" 2>/dev/null || true
  echo "$out/$name.png"
}

shot welcome
shot tap preview lessons/vneid-cai-dat.toml --step mo-ch-play

# The kiosk's terminal: foot under cage, as an unprivileged user (foot refuses root).
if command -v cage >/dev/null && command -v foot >/dev/null && command -v grim >/dev/null; then
  kiosk=$(mktemp -d)
  cp -r lessons "$kiosk/"
  cp "$bin" "$kiosk/hocso"
  cat > "$kiosk/foot.ini" <<'INI'
font=Noto Sans Mono:size=28
[colors]
background=0B1622
foreground=F2F2EC
INI
  mkdir -p "$kiosk/run" && chmod -R a+rwX "$kiosk" && chmod 700 "$kiosk/run" && chown nobody "$kiosk/run"
  runuser -u nobody -- env -i PATH=/usr/bin:/bin HOME="$kiosk" XDG_RUNTIME_DIR="$kiosk/run" \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman \
    sh -c "cd '$kiosk'; cage -s -- foot -c foot.ini ./hocso --data run/data preview lessons/vietqr-thanh-toan.toml --step tap-quet >run/cage.log 2>&1 & pid=\$!; sleep 3; WAYLAND_DISPLAY=\$(ls run | grep -E '^wayland-[0-9]+\$' | head -1) grim run/scan.png; kill \$pid"
  cp "$kiosk/run/scan.png" "$out/scan-foot.png"
  rm -rf "$kiosk"
  echo "$out/scan-foot.png"
  if command -v zbarimg >/dev/null; then
    echo "QR code read from the screenshot: $(zbarimg --quiet --raw "$out/scan-foot.png" 2>/dev/null)"
  fi
fi
