#!/usr/bin/env bash
# Build the Linux installer: the PyInstaller one-folder bundle and a .deb for UOS / Kylin / Debian.
#
#   installer/build_linux.sh            # → dist/fireoffice/ and dist/fireoffice_<version>_<arch>.deb
#   installer/build_linux.sh --smoke    # … then install it here, run it, screenshot the GUI, remove it (root)
#
# The version is fireoffice.__version__ (installer/version.py). Build on the OLDEST distribution you want
# to support: the bundle needs at least the glibc of the machine it was built on (printed at the end, and
# written into the .deb's Depends as libc6 (>= …), so dpkg refuses an older system instead of a crash).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh

smoke=0
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=1 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

# The app's own libraries (Qt's xcb/wayland needs) must be present: dpkg-shlibdeps turns them into Depends.
BUILD_PACKAGES="$APP_PACKAGES libwayland-client0 libwayland-cursor0 libwayland-egl1 dpkg-dev binutils"
SMOKE_PACKAGES="xvfb xauth x11-utils imagemagick desktop-file-utils"
packages="$BUILD_PACKAGES"
if [ "$smoke" = 1 ]; then packages="$packages $SMOKE_PACKAGES"; fi
# shellcheck disable=SC2086
need_system_packages $packages
# shellcheck disable=SC2086
missing="$(missing_packages $BUILD_PACKAGES)"
[ -z "${missing// /}" ] || { echo "missing system packages:$missing" >&2; exit 1; }
make_venv "build,postgresql"

version="$(.venv/bin/python installer/version.py)"
echo "==> fireoffice $version: PyInstaller bundle"
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller installer/fireoffice.spec
.venv/bin/python installer/check_bundle.py dist/fireoffice

echo "==> .deb"
.venv/bin/python installer/build_deb.py --bundle dist/fireoffice --out dist
deb="dist/fireoffice_${version}_$(dpkg --print-architecture).deb"

if [ "$smoke" = 1 ]; then
    echo "==> smoke test"
    installer/smoke_test_linux.sh "$deb"
fi
echo "==> done: dist/fireoffice/ (bundle), $deb"
