#!/bin/sh
# A screenshot of hocso as the kiosk shows it: the shipped launcher (hocso-kiosk), foot
# configuration (foot.ini) and hocso configuration (hocso.toml), under cage with no
# screen (wlroots' headless output, 1280×720), taken with grim.
#
# Usage: assets/kiosk/screenshot.sh HOCSO_BINARY OUTPUT.png
# Example: assets/kiosk/screenshot.sh target/release/hocso docs/screenshots/kiosk-welcome.png
#
# Needs: apt install cage xwayland foot grim fonts-noto-mono fonts-dejavu-core
# foot refuses to run as root: run as root, the script runs the kiosk as the user
# "nobody"; run as another user, it runs it as that user.
#
# The kiosk starts from an empty data folder with the volunteer PIN already set, so the
# screenshot shows the welcome screen. A hocso without --kiosk and --config (older
# than the kiosk mode) runs in foot under cage without the launcher.

set -eu

if [ $# -ne 2 ]; then
    echo "usage: $0 HOCSO_BINARY OUTPUT.png" >&2
    exit 64
fi
bin=$1
out=$2
kiosk_dir=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$kiosk_dir/../.." && pwd)
for program in cage foot grim; do
    command -v "$program" >/dev/null || {
        echo "$program is not installed: apt install cage xwayland foot grim fonts-noto-mono fonts-dejavu-core" >&2
        exit 69
    }
done
[ -x "$bin" ] || {
    echo "not a program: $bin" >&2
    exit 66
}

# Everything the kiosk reads is copied into a folder the kiosk's user can read.
work=$(mktemp -d /tmp/hocso-kiosk-shot.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/opt/bin" "$work/etc" "$work/data" "$work/cache" "$work/run"
cp "$bin" "$work/opt/bin/hocso"
cp "$kiosk_dir/hocso-kiosk" "$work/opt/bin/hocso-kiosk"
cp -r "$root/lessons" "$work/opt/lessons"
cp "$kiosk_dir/foot.ini" "$work/etc/foot.ini"
# The shipped hocso.toml, with this folder's lessons and data. (A machine without a sound
# card shows the volunteers' "no sound" notice on the welcome screen.)
sed -e "s|^lessons = .*|lessons = \"$work/opt/lessons\"|" \
    -e "s|^data = .*|data = \"$work/data\"|" \
    "$kiosk_dir/hocso.toml" >"$work/etc/hocso.toml"
chmod 0755 "$work" "$work/opt" "$work/opt/bin" "$work/etc"
chmod -R a+rX "$work/opt" "$work/etc"

if [ "$(id -u)" -eq 0 ]; then
    user=nobody
    chown "$user" "$work/data" "$work/cache" "$work/run" "$work/etc/hocso.toml"
    as_user() { runuser -u "$user" -- "$@"; }
else
    as_user() { "$@"; }
fi
# As on a kiosk: hocso.toml and the data folder are the kiosk user's alone.
chmod 0600 "$work/etc/hocso.toml"
chmod 0700 "$work/data" "$work/cache" "$work/run"

if "$bin" --help | grep -q -- '--kiosk'; then
    echo 2468 | as_user env HOME="$work" "$work/opt/bin/hocso" --config "$work/etc/hocso.toml" volunteer set-pin
    kiosk="\"$work/opt/bin/hocso-kiosk\""
else
    echo "note: $bin has no --kiosk: running it in foot under cage without the launcher" >&2
    kiosk="cage -- foot --config \"$work/etc/foot.ini\" \"$work/opt/bin/hocso\" --lessons \"$work/opt/lessons\" --data \"$work/data\""
fi

# Runs as the kiosk's user: start the kiosk in its own process group, wait for its
# Wayland socket and for hocso to draw, take the picture, then end that group.
cat >"$work/shot.sh" <<EOF
#!/bin/sh
cd "$work"
setsid sh -c 'exec $kiosk' >"$work/run/kiosk.log" 2>&1 &
group=\$!
tries=0
until [ -S "$work/run/wayland-0" ] || [ \$tries -ge 100 ]; do sleep 0.1; tries=\$((tries + 1)); done
sleep 4
WAYLAND_DISPLAY=wayland-0 grim "$work/run/shot.png"
status=\$?
kill -TERM -\$group 2>/dev/null
wait \$group 2>/dev/null
exit \$status
EOF
chmod 0755 "$work/shot.sh"

if ! as_user env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$work/run" XDG_CACHE_HOME="$work/cache" \
    HOCSO_CONFIG="$work/etc/hocso.toml" HOCSO_FOOT_INI="$work/etc/foot.ini" \
    HOCSO_BIN="$work/opt/bin/hocso" \
    WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_HEADLESS_OUTPUTS=1 \
    "$work/shot.sh"; then
    echo "no screenshot; the kiosk said:" >&2
    cat "$work/run/kiosk.log" >&2
    exit 1
fi
mkdir -p "$(dirname "$out")"
cp "$work/run/shot.png" "$out"
echo "$out"
