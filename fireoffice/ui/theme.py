"""One look for the whole app: Fusion, a restrained palette, a small style sheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = "#b03a2e"       # fire red, used sparingly: selection, primary buttons
NAV_BG = "#26323f"
NAV_FG = "#d6dde5"
PAGE_BG = "#f4f6f8"
BORDER = "#d5dbe1"
BANNER_BG = "#fff4d6"
BANNER_FG = "#7a5200"

STYLE_SHEET = f"""
QListWidget#navigation {{
    background: {NAV_BG}; color: {NAV_FG}; border: none; outline: 0; padding-top: 8px;
}}
QListWidget#navigation::item {{ padding-left: 14px; border-left: 3px solid transparent; }}
QListWidget#navigation::item:selected {{
    background: #34455a; color: white; border-left: 3px solid {ACCENT};
}}
QListWidget#navigation::item:hover:!selected {{ background: #2e3c4c; }}
QLabel#navTitle {{ background: {NAV_BG}; color: white; font-weight: bold; padding: 14px 12px 6px 14px; }}
QWidget#page {{ background: {PAGE_BG}; }}
QLabel#pageTitle {{ font-size: 16pt; font-weight: bold; color: #1f2933; }}
QLabel#pageSubtitle {{ color: #52606d; }}
QFrame#card {{ background: white; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#cardFigure {{ font-size: 20pt; font-weight: bold; color: #1f2933; }}
QLabel#cardLabel {{ color: #52606d; }}
QFrame#demoBanner {{ background: {BANNER_BG}; border-bottom: 1px solid #f0d48a; }}
QFrame#demoBanner QLabel {{ color: {BANNER_FG}; }}
QPushButton#primary {{
    background: {ACCENT}; color: white; border: 1px solid #922f25; border-radius: 4px; padding: 5px 14px;
}}
QPushButton#primary:hover {{ background: #c0443a; }}
QPushButton#primary:disabled {{ background: #d9a39d; border-color: #d9a39d; }}
QTableView {{ gridline-color: #e4e7eb; selection-background-color: #f3d9d6; selection-color: #1f2933; }}
QHeaderView::section {{ background: #eef1f4; padding: 4px 6px; border: none;
    border-right: 1px solid {BORDER}; border-bottom: 1px solid {BORDER}; }}
QLabel[role="error"] {{ color: #b03a2e; }}
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAGE_BG))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#f3d9d6"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
