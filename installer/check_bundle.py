"""Check a built one-folder bundle: everything the app reads at run time is there, nothing excluded crept in.

    python installer/check_bundle.py dist/fireoffice

Run by build_linux.sh and build_windows.ps1 right after PyInstaller; exit 1 with the list of problems.
Prints the bundle size and its largest parts.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle  # noqa: E402

# Anything matching these must not be in the bundle (QtWebEngine & co., test tools).
FORBIDDEN = re.compile(
    r"(WebEngine|Qt6?3D|Qt6?Quick|Qt6?Qml|Qt6?Multimedia|/qml/|QtDesigner|Qt6?Designer|"
    r"(^|/)(_?pytest|pytestqt|hypothesis|ruff|importlinter|grimp|PyInstaller|tkinter|_tkinter)(/|\.|$))",
    re.I,
)


def contents_dir(root: Path) -> Path:
    """PyInstaller ≥ 6 puts everything but the executables in _internal/."""
    inside = root / "_internal"
    return inside if inside.is_dir() else root


def required_files(windows: bool) -> list[str]:
    """Paths (relative to the contents folder) that the app opens at run time."""
    paths = [f"{dest}/{src.name}" for src, dest in bundle.data_files()]
    paths.append("licenses/README.txt")
    qt = "PySide6/" if windows else "PySide6/Qt/"
    plugins = f"{qt}plugins"
    lib = "" if windows else "lib"
    ext = "dll" if windows else "so"
    paths += [f"{plugins}/iconengines/{lib}qsvgicon.{ext}",  # the SVG icons
              f"{plugins}/imageformats/{lib}qsvg.{ext}"]
    paths += [f"{plugins}/platforms/qwindows.dll"] if windows else [f"{plugins}/platforms/libqxcb.so",
                                                                   f"{plugins}/platforms/libqwayland.so",
                                                                   f"{plugins}/platforms/libqoffscreen.so"]
    return paths


def problems(root: Path, windows: bool | None = None) -> list[str]:
    if windows is None:
        windows = (root / "fireoffice.exe").exists()
    found: list[str] = []
    exes = ["fireoffice.exe", "fireoffice-gui.exe"] if windows else ["fireoffice"]
    found += [f"missing executable {e}" for e in exes if not (root / e).is_file()]
    inside = contents_dir(root)
    found += [f"missing {p}" for p in required_files(windows) if not (inside / p).is_file()]
    source_versions = sorted(p.name for p in (bundle.MIGRATIONS / "versions").glob("*.py"))
    bundled_dir = inside / "fireoffice" / "db" / "migrations" / "versions"
    bundled_versions = sorted(p.name for p in bundled_dir.glob("*.py")) if bundled_dir.is_dir() else []
    if bundled_versions != source_versions:
        found.append(f"migrations differ from the source: bundled {bundled_versions}, source {source_versions}")
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if FORBIDDEN.search(rel):
            found.append(f"excluded component in the bundle: {rel}")
    return found


def size_report(root: Path, top: int = 8) -> str:
    sizes: dict[str, int] = {}
    total = 0
    inside = contents_dir(root)
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size = path.stat().st_size
            total += size
            if path.parent == root:
                key = f"{path.name} (executable)"
            else:
                rel = path.relative_to(inside if inside in path.parents else root).parts
                key = "/".join(rel[:2]) if rel[0] == "PySide6" else rel[0]
            sizes[key] = sizes.get(key, 0) + size
    biggest = sorted(sizes.items(), key=lambda kv: -kv[1])[:top]
    parts = ", ".join(f"{k} {v / 2**20:.1f}" for k, v in biggest)
    return f"bundle {root}: {total / 2**20:.1f} MB in total; largest (MB): {parts}"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    root = Path(argv[0])
    found = problems(root)
    for line in found:
        print(f"bundle check: {line}", file=sys.stderr)
    print(size_report(root))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
