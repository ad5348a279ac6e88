"""Load the shipped translation (zh_CN by default) from resources/translations."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from fireoffice.paths import resources_dir

log = logging.getLogger(__name__)
DEFAULT_LANGUAGE = "zh_CN"


def install_translators(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """App strings plus Qt's own (dialog buttons and the like); keep references alive on the app."""
    language = language or os.environ.get("FIREOFFICE_LANG") or DEFAULT_LANGUAGE
    installed: list[QTranslator] = []
    if language.startswith("en"):
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    qm = resources_dir() / "translations" / f"fireoffice_{language}.qm"
    # Load from memory, not a memory-mapped file: rewriting the .qm (a rebuild, an update) while the app
    # runs would otherwise crash it with SIGBUS. Qt does not copy the buffer, so the translator keeps it.
    ours.qm_data = qm.read_bytes() if qm.exists() else b""
    if ours.qm_data and ours.load(ours.qm_data):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation for %s not found; showing source strings", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{base}_{language}", qt_dir):
            app.installTranslator(qt)
            installed.append(qt)
            break
    return installed
