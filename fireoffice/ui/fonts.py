"""Make sure Chinese text renders: use a system CJK font, else load the bundled WenQuanYi Micro Hei."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fireoffice.paths import resources_dir

log = logging.getLogger(__name__)

# In order of preference: what Chinese offices have on Windows, then common Linux fonts.
PREFERRED = ["Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
             "WenQuanYi Micro Hei", "PingFang SC", "SimHei", "SimSun"]
BUNDLED = "wqy-microhei.ttc"


def _has_cjk(family: str) -> bool:
    return QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)


def choose_cjk_family() -> str:
    families = set(QFontDatabase.families())
    for family in PREFERRED:
        if family in families and _has_cjk(family):
            return family
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED))
    loaded = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if loaded:
        log.info("no system CJK font; using bundled %s", loaded[0])
        return loaded[0]
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    log.warning("no CJK font available at all")
    return QApplication.font().family()


def apply_ui_font(app: QApplication, point_size: float = 10.0) -> str:
    family = choose_cjk_family()
    font = QFont(family)
    font.setPointSizeF(point_size)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return family
