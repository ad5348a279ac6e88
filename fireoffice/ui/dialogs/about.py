"""About: versions, database, data folder, log file."""

from __future__ import annotations

import platform

import sqlalchemy
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from fireoffice import APP_TITLE_ZH, __version__, paths
from fireoffice.logs import log_file_path
from fireoffice.services.context import ServiceContext


class AboutDialog(QDialog):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About"))
        layout = QVBoxLayout(self)
        rows = [
            (self.tr("Version"), __version__),
            (self.tr("Database"), ctx.db.display_name()),
            (self.tr("Data folder"), str(paths.data_dir())),
            (self.tr("Log file"), str(log_file_path())),
            ("Python", platform.python_version()),
            ("Qt / PySide6", f"{qVersion()} / {pyside_version}"),
            ("SQLAlchemy", sqlalchemy.__version__),
            (self.tr("System"), platform.platform()),
        ]
        html = f"<h2>{APP_TITLE_ZH}</h2><p>fireoffice</p><table cellspacing='6'>"
        html += "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        html += "</table>"
        label = QLabel(html)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
