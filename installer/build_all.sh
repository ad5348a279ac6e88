#!/usr/bin/env bash
# One command for every installer that can be built on Linux, smoke-tested:
#
#   installer/build_all.sh
#
#   1. icons         resources/icons/app.ico + app-<N>.png from app.svg          (installer/make_icons.py)
#   2. translations  .ts/.qm rebuilt if stale                                    (installer/build_translations.py)
#   3. bundle + .deb dist/fireoffice/, dist/fireoffice_<version>_<arch>.deb       (installer/build_linux.sh)
#   4. smoke test    install the .deb here, CLI + GUI screenshot, remove it       (installer/smoke_test_linux.sh)
#
# Steps 1–2 write committed files; they come out unchanged unless app.svg or the UI strings changed
# (then commit them). The smoke test needs root; as another user run the rest with
# `installer/build_linux.sh` and the smoke test with `sudo installer/smoke_test_linux.sh`.
# The Windows setup is built on Windows: installer\build_windows.ps1 (PyInstaller + Inno Setup).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
need_system_packages $APP_PACKAGES
make_venv "build,postgresql"

echo "==> icons"
.venv/bin/python installer/make_icons.py
echo "==> translations"
# Rebuilt only when stale (lupdate rewrites the .ts even when nothing changed).
if ! .venv/bin/python installer/build_translations.py --check; then
    .venv/bin/python installer/build_translations.py
    .venv/bin/python installer/build_translations.py --check \
        || echo "WARNING: untranslated strings show in English until translated (see above)" >&2
else
    echo "up to date"
fi

if [ "$(id -u)" = 0 ]; then
    installer/build_linux.sh --smoke
else
    installer/build_linux.sh
    echo "==> smoke test skipped (needs root): sudo installer/smoke_test_linux.sh"
fi

version="$(.venv/bin/python installer/version.py)"
deb="dist/fireoffice_${version}_$(dpkg --print-architecture).deb"
cat <<EOF

Artifacts (fireoffice $version):
  $deb  $(du -h "$deb" | cut -f1)   Linux package: sudo apt install ./$(basename "$deb")
  dist/fireoffice/  $(du -sh dist/fireoffice | cut -f1)   the one-folder bundle inside it
  dist/smoke/screenshot.png               the GUI as the smoke test saw it
Windows setup: build it on Windows 10/11 with Python 3.11+ and Inno Setup 6:
  powershell -ExecutionPolicy Bypass -File installer\\build_windows.ps1
  (PyInstaller, then iscc /DAppVersion=$version installer\\fireoffice.iss → dist\\fireoffice-$version-setup.exe)
EOF
