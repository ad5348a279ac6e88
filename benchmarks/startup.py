"""Process start → usable main window on a big database, next to a bare PySide6 window (goal ≤ 2×)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 760); w.show()
QTimer.singleShot(0, lambda: (print("READY shown", flush=True), app.quit()))
app.exec()
"""

# The real entry path (fireoffice.cli → gui), with a listener that reports "shown" and "data".
APP = """
import sys
import fireoffice.cli
from PySide6.QtWidgets import QApplication
from fireoffice.ui import app as appmod
def ready(what):
    print("READY " + what, flush=True)
    if what == "data":
        QApplication.instance().quit()
appmod.run(sys.argv[1], ready=ready)
"""


def _time_process(code: str, *args: str) -> dict[str, float]:
    """Seconds from process start to each READY line (a bare window prints only "READY shown")."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}
    for line in proc.stdout:
        if line.startswith("READY"):
            marks[line.split()[1]] = time.perf_counter() - started
    proc.wait(timeout=60)
    if "shown" not in marks:
        raise RuntimeError("the window never appeared")
    return marks


def run(workdir: Path, db_path: Path, repeats: int = 5) -> list[tuple[str, float, str, float, float]]:
    _time_process(BARE)  # warm the file cache for both
    _time_process(APP, str(db_path))
    bare = statistics.median(_time_process(BARE)["shown"] for _ in range(repeats))
    runs = [_time_process(APP, str(db_path)) for _ in range(repeats)]
    shown = statistics.median(r["shown"] for r in runs)
    data = statistics.median(r["data"] for r in runs)
    return [
        ("start → main window shown (s)", shown, "bare PySide6 window (s)", bare, 2.0),
        ("start → home page with figures (s)", data, "bare PySide6 window (s)", bare, None),
    ]
