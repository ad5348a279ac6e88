"""Entry point: `python -m fireoffice` runs the CLI; with no command it starts the GUI."""

from __future__ import annotations

import sys

from fireoffice.cli import main


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
