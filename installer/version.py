"""Print the version every installer carries: fireoffice.__version__, read from this checkout.

    python installer/version.py

build_linux.sh, build_windows.ps1 and fireoffice.spec all take the version from here, so it is set in one
place (fireoffice/__init__.py) and never repeated in the installer files.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def app_version() -> str:
    """fireoffice.__version__ of the checkout this file belongs to (not whatever is installed)."""
    sys.path.insert(0, str(ROOT))
    try:
        import fireoffice
    finally:
        sys.path.remove(str(ROOT))
    if Path(fireoffice.__file__).resolve().parent != ROOT / "fireoffice":
        raise SystemExit(f"imported fireoffice from {fireoffice.__file__}, not from {ROOT}")
    return fireoffice.__version__


if __name__ == "__main__":
    print(app_version())
