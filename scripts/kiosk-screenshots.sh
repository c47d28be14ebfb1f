#!/usr/bin/env bash
# The kiosk's screens as the ward sees them, on both panels the project targets
# (15.6" 1366×768 and 21.5" 1920×1080): Debian 13's cage + foot, the shipped launcher
# (which sizes the text to the panel), foot.ini and hocso.toml, in the chroot that
# scripts/kiosk-chroot.sh builds. Eight pictures, docs/screenshots/kiosk-WHAT-WIDTH.png:
#   choice  a choice step, as it opens
#   order   an order step
#   type    a type step with the letter keyboard
#   help    the same choice step after three wrong answers: "ask a volunteer"
#
# Usage (as root): scripts/kiosk-screenshots.sh [OUT_DIR]   (default: docs/screenshots)
# The first run builds the chroot (a few minutes); after that, about a minute for all
# eight. Set HOCSO_BIN to use another hocso than target/release/hocso.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
kiosk=scripts/kiosk-chroot.sh

# The steps shown. A choice step with three wrong answers, so that three different
# wrong touches make three misses; digits choose options on a choice step.
choice=(lessons/vneid-kich-hoat.toml --step mat-khau)
order=(lessons/dien-thoai-co-ban.toml --step thu-tu)
typing=(lessons/go-tieng-viet.toml --step go-viet)
# The first key is sent twice: the screen may not be listening yet when it first comes,
# and the same wrong answer again counts no new miss.
wrong=(-k 1 -k 1 -k 2 -k 4)

start=$(date +%s)
"$kiosk" setup >/dev/null
for panel in 1366x768 1920x1080; do
  w=${panel%x*}
  "$kiosk" shot "$panel" "$out/kiosk-choice-$w.png" -- preview "${choice[@]}"
  "$kiosk" shot "$panel" "$out/kiosk-order-$w.png" -- preview "${order[@]}"
  "$kiosk" shot "$panel" "$out/kiosk-type-$w.png" -- preview "${typing[@]}"
  "$kiosk" shot "$panel" "$out/kiosk-help-$w.png" "${wrong[@]}" -- preview "${choice[@]}"
done
echo "eight screenshots in $(($(date +%s) - start)) s"
