"""UI test fixtures: the app configured as in production, per-PC settings kept in a temporary folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from fireoffice.ui import app as app_module


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    yield


@pytest.fixture
def app(qapp):
    return app_module.create_application()
