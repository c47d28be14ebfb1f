#!/usr/bin/env bash
# Touches on the kiosk, end to end from foot's touch input to what the program reads:
# Debian 13's cage + foot started by the shipped launcher (with its foot options), in the
# chroot of scripts/kiosk-chroot.sh, a finger given to foot by scripts/wl-touch-proxy.py
# (this machine has no touch screen, /dev/input or /dev/uinput).
#   1. a probe in place of hocso prints the bytes foot sends for each kind of touch;
#   2. a tap on answer 3 of a choice step, in hocso, and the screen after it
#      (docs/screenshots/kiosk-touch-tap-1366.png).
# Usage (as root): scripts/kiosk-touch-check.sh   (about 20 s once the chroot exists)
set -euo pipefail
cd "$(dirname "$0")/.."
k=scripts/kiosk-chroot.sh
"$k" setup >/dev/null

# 1366x768 at size 28: cells are 22x51 px, the grid starts at (1,1) px; pixel (100,120)
# is column 5, row 3.
scenario() {
  local name=$1
  shift
  echo "--- $name"
  "$k" probe 1366x768 "$@"
}
scenario "tap (150 ms)" -t 'down 100 120' -t 'sleep 0.15' -t up
scenario "long press (1 s), finger still" -t 'down 100 120' -t 'sleep 1' -t up
scenario "tap with a 6 px wobble" -t 'down 100 120' -t 'sleep 0.05' -t 'motion 106 121' -t 'sleep 0.05' -t up
scenario "slide 80 px down, quickly" -t 'down 100 120' -t 'sleep 0.05' -t 'motion 100 160' -t 'sleep 0.05' -t 'motion 100 200' -t 'sleep 0.05' -t up
scenario "slide off sideways after 600 ms" -t 'down 300 300' -t 'sleep 0.6' -t 'motion 350 300' -t 'sleep 0.1' -t 'motion 400 300' -t 'sleep 0.1' -t up
scenario "a second finger during a tap" -t 'down 100 120' -t 'sleep 0.05' -t 'down2 600 400' -t 'sleep 0.05' -t up2 -t 'sleep 0.05' -t up
scenario "double tap" -t 'down 100 120' -t 'sleep 0.08' -t up -t 'sleep 0.12' -t 'down 102 121' -t 'sleep 0.08' -t up

echo "--- hocso: a tap on answer 3 (Cay#Xanh58, row 8)"
"$k" shot 1366x768 docs/screenshots/kiosk-touch-tap-1366.png \
  -t 'down 250 385' -t 'sleep 0.12' -t up -- preview lessons/vneid-kich-hoat.toml --step mat-khau
