"""Entry script of the frozen app (fireoffice.spec).

fireoffice / fireoffice.exe: the command line — no command starts the GUI, like `fireoffice` from pip.
fireoffice-gui.exe (Windows only, no console window): the GUI, for the Start-menu and desktop shortcuts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def run() -> int:
    # A windowed Windows executable has no console: give print() and logging somewhere harmless to write.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app
    if Path(sys.executable).stem.lower().endswith("-gui"):
        from fireoffice.__main__ import gui_main

        return gui_main()
    from fireoffice.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
