#!/usr/bin/env bash
# Set up (first time only) and run everything that checks fireoffice: ruff, import-linter, translations, pytest.
# Extra arguments go to pytest, e.g. ./run-tests.sh -k units
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
need_system_packages $TEST_PACKAGES
make_venv "test,postgresql"
export QT_QPA_PLATFORM=offscreen
echo "==> ruff";            .venv/bin/ruff check fireoffice tests benchmarks installer
echo "==> import-linter";   out=$(.venv/bin/lint-imports --no-cache 2>&1) || { echo "$out"; exit 1; }; echo "layers kept"
echo "==> translations";    .venv/bin/python installer/build_translations.py --check && echo "zh_CN complete"
echo "==> pytest";          exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
