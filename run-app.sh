#!/usr/bin/env bash
# Set up (first time only) and start fireoffice on the embedded SQLite database in your data folder.
# Extra arguments go to fireoffice, e.g. ./run-app.sh --db /path/to/other.sqlite
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
need_system_packages $APP_PACKAGES
make_venv "postgresql"
exec .venv/bin/fireoffice "$@"
