#!/usr/bin/env bash
# Smoke-test the .deb on this machine: install it, run the command line on a fresh database, start the GUI
# under a virtual screen and take a screenshot, then remove the package again.
#
#   installer/smoke_test_linux.sh [dist/fireoffice_<version>_amd64.deb] [--keep]
#
# Needs root (dpkg -i / dpkg -r) and xvfb-run + ImageMagick's `import` for the screenshot. --keep leaves the
# package installed. Results go to dist/smoke/: screenshot.png (look at it), gui.log, the app's log file.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=0
deb=""
for arg in "$@"; do
    case "$arg" in
        --keep) keep=1 ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) deb="$arg" ;;
    esac
done
version="$(.venv/bin/python installer/version.py)"
arch="$(dpkg --print-architecture)"
deb="${deb:-dist/fireoffice_${version}_${arch}.deb}"
out="dist/smoke"

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }
step() { echo "==> $*"; }

[ -f "$deb" ] || fail "no package $deb (run installer/build_linux.sh first)"
[ "$(id -u)" = 0 ] || fail "run as root (it installs and removes the package): sudo $0 $*"
for tool in xvfb-run xwininfo import identify; do
    command -v "$tool" >/dev/null || fail "$tool not found: apt-get install xvfb xauth x11-utils imagemagick"
done
if dpkg-query -W -f='${Status}' fireoffice 2>/dev/null | grep -q "install ok installed"; then
    fail "fireoffice $(dpkg-query -W -f='${Version}' fireoffice) is already installed here; remove it first" \
         "(this test installs and then removes the package)"
fi

rm -rf "$out"
mkdir -p "$out"
data="$(mktemp -d)"
cleanup() {
    rm -rf "$data"
    if [ "$keep" = 0 ] && dpkg-query -W fireoffice >/dev/null 2>&1; then
        step "dpkg -r fireoffice"
        dpkg -r fireoffice >/dev/null
        [ ! -e /opt/fireoffice ] && [ ! -e /usr/bin/fireoffice ] || echo "WARNING: files left after dpkg -r" >&2
    fi
}
trap cleanup EXIT

step "dpkg -i $deb"
if ! dpkg -i "$deb"; then
    # Missing dependencies: let apt fetch them (the package stays half-configured until then).
    apt-get install -f -y -q
fi
[ "$(dpkg-query -W -f='${Status}' fireoffice)" = "install ok installed" ] || fail "package not installed"
[ -x /usr/bin/fireoffice ] || fail "/usr/bin/fireoffice missing"
[ -f /usr/share/icons/hicolor/256x256/apps/fireoffice.png ] || fail "hicolor icon missing"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/fireoffice.desktop || fail "invalid .desktop entry"
    echo "fireoffice.desktop: valid"
fi

step "fireoffice --version"
got="$(fireoffice --version)"
echo "$got"
[ "$got" = "fireoffice $version" ] || fail "expected 'fireoffice $version', got '$got'"

export FIREOFFICE_DATA_DIR="$data"
# Qt settings (window geometry) and caches go to the throwaway folder too, not to this user's home.
export XDG_CONFIG_HOME="$data/config" XDG_CACHE_HOME="$data/cache"
db="$data/x.sqlite"
step "fireoffice --db $db db upgrade   (fresh database)"
fireoffice --db "$db" db upgrade
head="$(.venv/bin/python -c 'from fireoffice.db.migrate import head_revision; print(head_revision())')"
at="$(.venv/bin/python -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("SELECT version_num FROM alembic_version").fetchone()[0])' "$db")"
echo "schema revision: $at (source head: $head)"
[ "$at" = "$head" ] || fail "database at revision $at, the source's head is $head (migrations missing from the bundle, or the .deb is older than this checkout)"
step "fireoffice --db $db db check"
fireoffice --db "$db" db check
step "fireoffice --db $db demo --units 500   (Faker, pinyin, stdnum in the bundle)"
fireoffice --db "$db" demo --units 500
fireoffice --db "$db" db check

step "GUI under xvfb-run for 10 s (fresh data folder: demo data, then the main window)"
gui_data="$data/gui"
mkdir -p "$gui_data"
FIREOFFICE_DATA_DIR="$gui_data" xvfb-run -a -s "-screen 0 1366x768x24" bash -c '
    fireoffice > "$1/gui.log" 2>&1 &
    pid=$!
    sleep 10
    if ! kill -0 "$pid" 2>/dev/null; then wait "$pid"; echo "GUI exited early with status $?" >&2; exit 1; fi
    xwininfo -root -tree 2>/dev/null | grep -F "(\"fireoffice\" \"fireoffice\")" > "$1/windows.txt" || true
    import -window root "$1/screenshot.png"
    kill "$pid"; wait "$pid" 2>/dev/null || true
' _ "$out" || { cat "$out/gui.log" >&2; fail "the GUI did not stay up"; }
cp "$gui_data/logs/fireoffice.log" "$out/fireoffice.log" 2>/dev/null || true
[ -s "$out/fireoffice.log" ] || fail "the GUI wrote no log file"
if grep -E " (ERROR|CRITICAL) |Traceback" "$out/fireoffice.log" >&2; then
    fail "errors in the app log ($out/fireoffice.log)"
fi
colours="$(identify -format '%k' "$out/screenshot.png")"
[ "$colours" -gt 50 ] || fail "screenshot has only $colours colours: blank screen?"
title="$(sed -n 's/^ *0x[0-9a-f]* "\([^"]*\)".*/\1/p' "$out/windows.txt" | grep -F "消防所业务管理系统" | head -1)"
[ -n "$title" ] || fail "no main window titled …消防所业务管理系统 (windows: $(cat "$out/windows.txt"))"
echo "main window: \"$title\" (WM_CLASS fireoffice, matches StartupWMClass in the .desktop entry)"
echo "screenshot: $out/screenshot.png ($(identify -format '%wx%h' "$out/screenshot.png"), $colours colours)"
echo "SMOKE TEST PASSED: fireoffice $version ($deb)"
