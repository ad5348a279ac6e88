"""What goes into the PyInstaller bundle, and what stays out. Used by fireoffice.spec and the tests.

Plain Python (no PyInstaller import), so tests/test_installer.py checks it without building anything.

Layout inside the bundle (PyInstaller puts data beside the frozen modules, in `_internal/`):

    fireoffice/resources/{translations,fonts,icons}   where fireoffice.paths.resources_dir() looks first
    fireoffice/db/migrations/{env.py,script.py.mako,versions/*.py}   read by Alembic at run time
    licenses/                                         third-party licences (written by write_licenses)
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
import shutil
import sys
from functools import cache
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "fireoffice"
RESOURCES = ROOT / "resources"
MIGRATIONS = PACKAGE / "db" / "migrations"
LICENSE_TEXTS = Path(__file__).resolve().parent / "licenses"
APP_NAME = "fireoffice"

# --- Qt -----------------------------------------------------------------------------------------------
# The app imports QtCore/QtGui/QtWidgets; QtSvg draws the SVG icons (through Qt's plugins). QtCharts,
# QtPrintSupport and QtPdf are kept ready for statistics charts and printing, so adding them later needs
# no change here. Everything else in PySide6-Addons stays out, QtNetwork included (the app is offline;
# PostgreSQL goes through psycopg).
QT_KEEP = ["QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtPrintSupport", "QtCharts",
           "QtPdf", "QtPdfWidgets"]
QT_EXCLUDE = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender", "QtAsyncio",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDataVisualization", "QtDesigner",
    "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation", "QtMultimedia",
    "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtPositioning", "QtQml", "QtQmlFeatures",
    "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml",
    "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]
# Shared libraries and plugins of excluded modules that hooks may still drag in, and the platform plugins
# of embedded devices (eglfs, linuxfb, vnc …): a desktop app needs xcb, wayland, offscreen and minimal.
QT_FILE_EXCLUDE = re.compile(
    r"(Qt6?(WebEngine|3D|Quick|Qml|Multimedia|Designer|Bluetooth|Nfc|Positioning|Location|Sensors|SerialPort"
    r"|SerialBus|RemoteObjects|Scxml|StateMachine|TextToSpeech|SpatialAudio|DataVisualization|Graphs|Test"
    r"|HttpServer|WebSockets|WebChannel|WebView|VirtualKeyboard|ShaderTools|Sql|Network|EglFs)"
    r"|/qml/|/plugins/(qmltooling|multimedia|sceneparsers|renderers|renderplugins|geometryloaders"
    r"|position|sensors|texttospeech|canbus|sqldrivers|webview|designer|assetimporters|geoservices"
    r"|scxmldatamodel|tls|networkinformation|egldeviceintegrations|generic)/"
    r"|/plugins/platforms/(lib)?q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl|direct2d)\.)",
    re.I,
)
# Qt's own translations (dialog buttons and the like): the app ships zh_CN, source strings are English.
QT_TRANSLATIONS_KEEP = ("_zh_CN.qm", "_en.qm")

# --- Python packages ----------------------------------------------------------------------------------
# Test and development tools that must never end up in a station's PC, even if something imports them.
PYTHON_EXCLUDE = [
    "pytest", "_pytest", "pytestqt", "pytest_timeout", "hypothesis", "ruff", "importlinter", "grimp",
    "PyInstaller", "pip", "setuptools", "pkg_resources", "wheel", "tkinter", "_tkinter", "IPython",
    "rich", "pygments", "markdown_it", "sqlalchemy.testing", "alembic.testing", "faker.sphinx",
    # reached only through reportlab → doctest → pdb (which copes without it); would add libreadline.
    "readline",
    # Pillow (reportlab's images) without its Tk/Qt bridges and the AVIF codec (~5 MB of libraries).
    "PIL.ImageTk", "PIL._imagingtk", "PIL.ImageQt", "PIL.AvifImagePlugin", "PIL._avif",
]
# Faker (demo data) ships ~90 locales; the app asks for zh_CN and falls back to en_US / en.
FAKER_LOCALES_KEEP = {"zh_CN", "en_US", "en"}


def hidden_imports() -> list[str]:
    """Modules imported by name at run time, which PyInstaller's static analysis cannot see."""
    names = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts  # data, read by Alembic (below)
    )
    # cli/__init__.py imports command modules and ui/pages the pages by name; env.py and the migration
    # files (data files) import these:
    names += ["alembic.op", "alembic.context", "alembic.runtime.migration", "alembic.runtime.environment",
              "alembic.ddl.sqlite", "alembic.ddl.postgresql", "alembic.script", "alembic.command",
              "sqlalchemy.dialects.sqlite", "sqlalchemy.dialects.postgresql"]
    names += [f"PySide6.{m}" for m in QT_KEEP if _importable(f"PySide6.{m}")]
    names += [m for m in ("psycopg", "psycopg_binary") if _importable(m)]
    return names


def excludes() -> list[str]:
    return [f"PySide6.{m}" for m in QT_EXCLUDE] + PYTHON_EXCLUDE


def _importable(name: str) -> bool:
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None
    except ImportError:
        return False


def data_files() -> list[tuple[Path, str]]:
    """(source file, folder inside the bundle): migrations and resources, each file listed explicitly."""
    files: list[tuple[Path, str]] = []
    for path in sorted(MIGRATIONS.iterdir()):
        if path.is_file() and path.suffix in (".py", ".mako", ".ini"):
            files.append((path, "fireoffice/db/migrations"))
    files += [(p, "fireoffice/db/migrations/versions") for p in sorted((MIGRATIONS / "versions").glob("*.py"))]
    files += [(p, "fireoffice/resources/translations") for p in sorted(RESOURCES.glob("translations/*.qm"))]
    files += [(p, "fireoffice/resources/fonts") for p in sorted((RESOURCES / "fonts").iterdir()) if p.is_file()]
    # The app draws its icons from SVG; app.ico / app-<N>.png are for the installers, not the bundle.
    files += [(p, "fireoffice/resources/icons") for p in sorted(RESOURCES.glob("icons/*.svg"))]
    return files


@cache
def faker_locales() -> tuple[frozenset[str], frozenset[str]]:
    """(every locale the installed Faker has, the ones to keep); both empty without Faker (nothing pruned).

    Kept: FAKER_LOCALES_KEEP plus each provider's default_locale, which Faker falls back to when a provider
    has no zh_CN version.
    """
    try:
        from importlib import import_module

        from faker.config import AVAILABLE_LOCALES, PROVIDERS
    except ImportError:
        return frozenset(), frozenset()
    defaults = {getattr(import_module(p), "default_locale", None) for p in PROVIDERS}
    return frozenset(AVAILABLE_LOCALES), frozenset(FAKER_LOCALES_KEEP | (defaults - {None}))


def _unwanted_faker_locale(parts: list[str]) -> bool:
    """faker.providers.<provider>[.<locale>] — True when <locale> is one Faker has but the app does not use."""
    if parts[:2] != ["faker", "providers"]:
        return False
    every, keep = faker_locales()
    return any(p in every and p not in keep for p in parts[2:4])


def keep_module(name: str) -> bool:
    """False for Python modules that must not be bundled (filter for Analysis.pure)."""
    if any(name == x or name.startswith(x + ".") for x in excludes()):
        return False
    return not _unwanted_faker_locale(name.split("."))


# Linux: libraries the build machine's distribution provides (X11/xcb, OpenGL, GLib, fontconfig, CUPS,
# OpenSSL …) are not bundled; the .deb depends on their packages instead (build_linux.sh computes them with
# dpkg-shlibdeps). A copy bundled from one distribution release breaks against another's drivers and
# desktop (GTK theme plugin, GL). Python's own library (libpython) always goes in.
_SYSTEM_LIB_DIR = re.compile(r"^/(usr/)?lib(32|64)?(/[a-z0-9_]+-linux-gnu[a-z0-9_]*)?$")


def is_system_library(source: str) -> bool:
    path = PurePosixPath(source)
    return (bool(_SYSTEM_LIB_DIR.match(str(path.parent))) and path.name.startswith("lib")
            and not path.name.startswith("libpython"))


def keep_binary(dest: str, source: str, platform: str = sys.platform) -> bool:
    """False for collected shared libraries that are not needed or come from the system (Linux)."""
    if platform.startswith("linux") and is_system_library(source):
        return False
    return keep_file(dest)


def keep_file(dest: str) -> bool:
    """False for collected files (binaries or data, by their path inside the bundle) that are not needed."""
    path = str(PurePosixPath(*Path(dest).parts))
    if QT_FILE_EXCLUDE.search("/" + path):
        return False
    if "/Qt/translations/" in path or "/Qt6/translations/" in path or path.startswith("PySide6/translations/"):
        return path.endswith(QT_TRANSLATIONS_KEEP)
    if path.startswith("faker/providers/"):
        # Faker finds providers and locales by globbing */__init__.py on disk; the code is in the archive.
        return path.endswith("__init__.py") and not _unwanted_faker_locale(path.split("/"))
    return True


# --- licences -----------------------------------------------------------------------------------------
_LICENSE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.I)
QT_NOTE = """\
PySide6 / shiboken6 {version} and the Qt {version} libraries they bundle are used under the GNU Lesser General
Public License version 3 (LGPL-3.0.txt, which supplements GPL-3.0.txt). They are shipped as separate,
unmodified shared libraries in this folder's parent, so they can be replaced with compatible builds.
Source code: https://download.qt.io/official_releases/QtForPython/ and https://download.qt.io/official_releases/qt/
Third-party code inside Qt: https://doc.qt.io/qt-6/licenses-used-in-qt.html
"""


def runtime_distributions(extras: tuple[str, ...] = ("postgresql",)) -> list[metadata.Distribution]:
    """fireoffice's installed run-time dependencies (plus the given extras), transitively."""
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, tuple[str, ...]]] = [(APP_NAME, extras)]
    while todo:
        name, wanted = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker and not any(req.marker.evaluate({"extra": e}) for e in (*wanted, "")):
                continue
            todo.append((req.name, tuple(req.extras)))
    return sorted((d for k, d in seen.items() if k != APP_NAME), key=lambda d: d.metadata["Name"].lower())


def _license_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    text = (meta.get("License-Expression") or meta.get("License") or "").strip()
    if text and len(text) <= 80 and "\n" not in text:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License")]
    return ", ".join(classifiers) or (text.splitlines()[0][:80] if text else "see the files in its folder")


def write_licenses(dest: Path) -> list[Path]:
    """Copy the licence texts of everything bundled into dest/, with an index (README.txt)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    index = ["fireoffice — third-party components and their licences", "=" * 56, ""]
    for dist in runtime_distributions():
        name, version = dist.metadata["Name"], dist.version
        index.append(f"{name} {version}: {_license_of(dist)}")
        for file in dist.files or []:
            if ".dist-info" in str(file) and _LICENSE_FILE.search(file.name):
                target = dest / name / file.name
                target.parent.mkdir(exist_ok=True)
                target.write_bytes(Path(dist.locate_file(file)).read_bytes())
        if name.lower().startswith(("pyside6", "shiboken6")):
            (dest / name).mkdir(exist_ok=True)
            (dest / name / "NOTICE.txt").write_text(QT_NOTE.format(version=version), encoding="utf-8")
    python_license = _python_license()
    index.append(f"Python {sys.version.split()[0]}: PSF-2.0")
    if python_license:
        (dest / "Python").mkdir()
        shutil.copyfile(python_license, dest / "Python" / "LICENSE.txt")
    index.append("WenQuanYi Micro Hei: Apache-2.0 or GPL-3.0+ with font exception"
                 " (fireoffice/resources/fonts/wqy-microhei.LICENSE.txt)")
    for text in sorted(LICENSE_TEXTS.glob("*.txt")):
        shutil.copyfile(text, dest / text.name)
    index += ["", "Full licence texts: LGPL-3.0.txt, GPL-3.0.txt and the files in each folder."]
    (dest / "README.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    return sorted(p for p in dest.rglob("*") if p.is_file())


def _python_license() -> Path | None:
    base = Path(sys.base_prefix)
    candidates = [base / "LICENSE.txt",  # python.org on Windows
                  base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"]
    return next((p for p in candidates if p.is_file()), None)
