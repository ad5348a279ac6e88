"""A rotating log file in the data folder; the crash dialog and CLI point users at it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from fireoffice import paths

_configured: Path | None = None


def setup_logging(level: int = logging.INFO) -> Path:
    global _configured
    if _configured is not None:
        return _configured
    log_file = paths.log_dir() / "fireoffice.log"
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    _configured = log_file
    return log_file


def log_file_path() -> Path:
    return paths.log_dir() / "fireoffice.log"
