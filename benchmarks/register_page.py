"""Opening the register page on a big database: model set → first paint, next to a plain QTableView."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

# Both children time from "before the model is set" to "the view has painted once", offscreen.
PAGE = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from fireoffice.ui import app as appmod
from fireoffice.ui.pages.units_page import UnitsPage
from fireoffice.ui.state import AppState
app = appmod.create_application()
ctx = appmod.open_context(sys.argv[1])
page = UnitsPage(AppState(ctx)); page.resize(1280, 700); page.show(); app.processEvents()
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "t" not in marks:
            marks["t"] = time.perf_counter()
        return False
marks = {}
watch = Painted(); page.view.viewport().installEventFilter(watch)
started = time.perf_counter()
page.refresh()          # filter combos, SQL id list, counts, model reset
page.view.viewport().update()
while "t" not in marks:
    app.processEvents()
print(json.dumps({"seconds": marks["t"] - started, "rows": page.model.rowCount()}), flush=True)
import os; os._exit(0)  # skip interpreter teardown of live Qt objects
"""

PLAIN = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv[:1])
view = QTableView(); view.resize(1280, 700); view.show(); app.processEvents()
marks = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "t" not in marks:
            marks["t"] = time.perf_counter()
        return False
watch = Painted(); view.viewport().installEventFilter(watch)
started = time.perf_counter()
model = QStandardItemModel(200, 13)
for r in range(200):
    for c in range(13):
        model.setItem(r, c, QStandardItem(f"东城街道单位{r}-{c}"))
view.setModel(model)
view.viewport().update()
while "t" not in marks:
    app.processEvents()
print(json.dumps({"seconds": marks["t"] - started, "rows": 200}), flush=True)
import os; os._exit(0)  # skip interpreter teardown of live Qt objects
"""


def _child(code: str, *args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(workdir: Path, db_path: Path, repeats: int = 5) -> list[tuple]:
    page = statistics.median(_child(PAGE, str(db_path))["seconds"] for _ in range(repeats))
    plain = statistics.median(_child(PLAIN)["seconds"] for _ in range(repeats))
    return [("register page: model set → first paint (s)", page,
             "QTableView, 200 static rows (s)", plain, None)]
