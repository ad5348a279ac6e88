"""Where fireoffice keeps its files: the per-user data folder, the default database, logs and backups."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_log_path

from fireoffice import APP_NAME

PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The per-user data folder (overridable with FIREOFFICE_DATA_DIR, e.g. for tests)."""
    override = os.environ.get("FIREOFFICE_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_target() -> str:
    """FIREOFFICE_DB if set, else fireoffice.sqlite in the data folder."""
    return os.environ.get("FIREOFFICE_DB") or str(data_dir() / "fireoffice.sqlite")


def log_dir() -> Path:
    override = os.environ.get("FIREOFFICE_DATA_DIR")
    path = Path(override) / "logs" if override else user_log_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """resources/ ships inside the package when installed, beside it in a checkout."""
    inside = PACKAGE_DIR / "resources"
    return inside if inside.is_dir() else PACKAGE_DIR.parent / "resources"
