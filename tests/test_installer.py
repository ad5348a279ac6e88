"""The installer sources, checked without building anything (the build itself: installer/build_all.sh).

Inno Setup script, PyInstaller spec and bundle contents, icons, the .desktop entry, the .deb layout, and that
every build script takes the version from fireoffice.__version__.
"""

from __future__ import annotations

import configparser
import re
import shutil
import stat
import struct
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest

import fireoffice
from fireoffice import paths
from fireoffice.db import migrate

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
ICONS = ROOT / "resources" / "icons"
ISS = INSTALLER / "fireoffice.iss"
SPEC = INSTALLER / "fireoffice.spec"
DESKTOP = INSTALLER / "linux" / "fireoffice.desktop"
ICO_SIZES = {16, 24, 32, 48, 64, 128, 256}
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(INSTALLER))
import build_deb  # noqa: E402
import bundle  # noqa: E402
import check_bundle  # noqa: E402
import launcher  # noqa: E402
import make_icons  # noqa: E402
import version  # noqa: E402

sys.path.remove(str(INSTALLER))


# --- version --------------------------------------------------------------------------------------------

def test_version_script_prints_the_package_version():
    out = subprocess.run([sys.executable, str(INSTALLER / "version.py")], check=True, capture_output=True,
                         text=True).stdout.strip()
    assert out == fireoffice.__version__ == version.app_version()


def test_build_scripts_read_the_version_instead_of_repeating_it():
    scripts = ["build_linux.sh", "build_all.sh", "smoke_test_linux.sh", "build_windows.ps1"]
    for name in scripts:
        text = (INSTALLER / name).read_text(encoding="utf-8")
        assert re.search(r"installer[/\\]version\.py", text), f"{name} does not use installer/version.py"
    assert "app_version()" in SPEC.read_text(encoding="utf-8")
    assert build_deb.app_version is version.app_version
    literal = re.compile(rf"(?<![\d.]){re.escape(fireoffice.__version__)}(?![\d.])")
    for path in [*INSTALLER.glob("*.sh"), *INSTALLER.glob("*.ps1"), ISS, SPEC, DESKTOP]:
        assert not literal.search(path.read_text(encoding="utf-8-sig")), f"{path.name} hard-codes the version"


# --- Inno Setup -------------------------------------------------------------------------------------------

def iss_text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def iss_defines(text: str) -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.M))


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1].lower()
            sections.setdefault(current, [])
        elif current:
            sections[current].append(line)
    return sections


def iss_setup(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections(text)["setup"])


def iss_entries(text: str, section: str) -> list[dict[str, str]]:
    """Parameter lines (Name: "x"; Flags: y) as dicts."""
    out = []
    for line in iss_sections(text).get(section, []):
        params = re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
        out.append({k.lower(): v.strip().strip('"') for k, v in params})
    return out


def expand(value: str, defines: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda m: defines[m.group(1)], value)


def iss_path(value: str) -> Path:
    """A path in the .iss (relative to its folder, Windows separators) on this machine."""
    return (INSTALLER / Path(*PureWindowsPath(value).parts)).resolve()


def test_iss_is_utf8_with_bom():
    # Inno Setup reads a script with Chinese text correctly only as UTF-8 with a byte order mark.
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")


def test_iss_installs_per_user_outside_the_data_folder():
    setup = iss_setup(iss_text())
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    target = setup["DefaultDirName"].lower()
    assert target.startswith(("{localappdata}\\programs\\", "{userpf}\\", "{autopf}\\"))
    # The data folder (%LOCALAPPDATA%\fireoffice, platformdirs) is not the program folder.
    assert target != "{localappdata}\\fireoffice"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])


def test_iss_uninstall_keeps_the_data_folder():
    text = iss_text()
    sections = iss_sections(text)
    assert "uninstalldelete" not in sections
    for entry in iss_entries(text, "installdelete"):
        assert entry["name"].startswith("{app}\\"), entry
    assert "never deleted" in text.lower()  # said so in a comment


def test_iss_version_comes_from_the_build_script():
    text = iss_text()
    setup = iss_setup(text)
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    assert re.search(r"#ifndef AppVersion\s*\n\s*#error", text)
    ps1 = (INSTALLER / "build_windows.ps1").read_text(encoding="utf-8")
    assert "/DAppVersion=$version" in ps1 and "installer\\fireoffice.iss" in ps1


def test_iss_speaks_chinese():
    text = iss_text()
    languages = iss_entries(text, "languages")
    assert len(languages) == 1
    assert expand(languages[0]["messagesfile"], iss_defines(text)).endswith("ChineseSimplified.isl")
    assert iss_setup(text)["ShowLanguageDialog"] == "no"


def test_iss_shortcuts_start_the_windowed_executable():
    text = iss_text()
    defines = iss_defines(text)
    icons = iss_entries(text, "icons")
    start_menu = [i for i in icons if i["name"].startswith(("{autoprograms}", "{group}", "{userprograms}"))]
    desktop = [i for i in icons if i["name"].startswith(("{autodesktop}", "{userdesktop}"))]
    assert len(start_menu) == 1 and "tasks" not in start_menu[0]
    assert len(desktop) == 1 and desktop[0]["tasks"] == "desktopicon"
    assert [t["name"] for t in iss_entries(text, "tasks")] == ["desktopicon"]
    gui = defines["GuiExe"]
    assert gui == "fireoffice-gui.exe"
    for shortcut in start_menu + desktop:
        assert expand(shortcut["filename"], defines) == "{app}\\" + gui
    assert 'executable("fireoffice-gui", console=False)' in SPEC.read_text(encoding="utf-8")


def test_iss_references_only_files_that_exist():
    text = iss_text()
    defines = iss_defines(text)
    setup = iss_setup(text)
    referenced = [setup[key] for key in ("SetupIconFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile",
                                         "WizardImageFile", "WizardSmallImageFile") if key in setup]
    referenced += [e["messagesfile"] for e in iss_entries(text, "languages")]
    referenced += [e["source"] for e in iss_entries(text, "files")]
    bundle_dir = iss_path(defines["BundleDir"])
    # The bundle is PyInstaller's output (built first by build_windows.ps1): the spec's COLLECT name under
    # the --distpath the script passes.
    assert bundle_dir == ROOT / "dist" / bundle.APP_NAME
    assert '"--distpath", "dist"' in (INSTALLER / "build_windows.ps1").read_text(encoding="utf-8")
    assert "name=bundle.APP_NAME" in SPEC.read_text(encoding="utf-8")
    assert iss_path(expand(setup["OutputDir"], defines)) == ROOT / "dist"
    checked = 0
    for value in referenced:
        value = expand(value, defines)
        if value.startswith("compiler:"):
            continue  # in Inno Setup's own folder
        path = iss_path(value.split("*")[0].rstrip("\\"))
        if path == bundle_dir:
            continue
        assert path.exists(), f"{value} (→ {path}) does not exist"
        checked += 1
    assert checked >= 1
    assert iss_path(setup["SetupIconFile"]) == ICONS / "app.ico"


def test_windows_script_is_ascii():
    # Windows PowerShell 5.1 reads a .ps1 without a byte order mark in the ANSI code page.
    (INSTALLER / "build_windows.ps1").read_bytes().decode("ascii")


# --- PyInstaller spec and bundle contents -------------------------------------------------------------------

def test_spec_takes_its_contents_from_bundle_py():
    spec = SPEC.read_text(encoding="utf-8")
    for call in ("bundle.data_files()", "bundle.hidden_imports()", "bundle.excludes()", "bundle.write_licenses(",
                 "bundle.keep_module(", "bundle.keep_binary(", "bundle.keep_file(", "launcher.py"):
        assert call in spec, call
    assert "exclude_binaries=True" in spec  # one-folder bundle
    compile(spec, str(SPEC), "exec")


def test_data_files_exist_and_land_where_the_app_looks():
    files = bundle.data_files()
    for src, _ in files:
        assert src.is_file(), src
    dests = {(src.relative_to(ROOT).as_posix(), dest) for src, dest in files}
    resources = (paths.PACKAGE_DIR / "resources").relative_to(paths.PACKAGE_DIR.parent).as_posix()
    migrations = migrate.MIGRATIONS_DIR.relative_to(paths.PACKAGE_DIR.parent).as_posix()
    assert resources == "fireoffice/resources" and migrations == "fireoffice/db/migrations"
    expected = {("fireoffice/db/migrations/env.py", migrations),
                ("fireoffice/db/migrations/script.py.mako", migrations),
                ("resources/fonts/wqy-microhei.ttc", f"{resources}/fonts"),
                ("resources/fonts/wqy-microhei.LICENSE.txt", f"{resources}/fonts")}
    expected |= {(p.relative_to(ROOT).as_posix(), f"{migrations}/versions")
                 for p in (migrate.MIGRATIONS_DIR / "versions").glob("*.py")}
    expected |= {(p.relative_to(ROOT).as_posix(), f"{resources}/translations")
                 for p in (ROOT / "resources" / "translations").glob("*.qm")}
    expected |= {(p.relative_to(ROOT).as_posix(), f"{resources}/icons") for p in ICONS.glob("*.svg")}
    assert len(expected) >= 10
    assert expected <= dests, expected - dests
    assert not any(dest.endswith(".ts") or "__pycache__" in src for src, dest in dests)


def test_qt_modules_kept_and_excluded():
    excluded = set(bundle.excludes())
    for name in ("QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"):
        assert f"PySide6.{name}" in excluded
    for name in ("QtCore", "QtGui", "QtWidgets", "QtSvg", "QtCharts", "QtPrintSupport", "QtPdf"):
        assert name in bundle.QT_KEEP and f"PySide6.{name}" not in excluded
    for name in ("pytest", "_pytest", "pytestqt", "hypothesis", "ruff", "importlinter", "PyInstaller"):
        assert name in excluded
    assert bundle.keep_module("PySide6.QtWidgets") and bundle.keep_module("fireoffice.ui.app")
    assert not bundle.keep_module("PySide6.QtWebEngineCore") and not bundle.keep_module("_pytest.python")


def test_hidden_imports_cover_modules_loaded_by_name():
    from fireoffice.cli import COMMAND_MODULES
    from fireoffice.ui.pages import page_specs

    hidden = set(bundle.hidden_imports())
    assert {f"fireoffice.cli.{m}" for m in COMMAND_MODULES} <= hidden
    assert {spec.factory.split(":")[0] for spec in page_specs()} <= hidden
    assert {"fireoffice.db.models", "alembic.op", "alembic.context", "PySide6.QtSvg"} <= hidden
    assert not any("migrations" in name for name in hidden)  # data files, not modules


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/lib/libQt6Charts.so.6", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
    ("PySide6/Qt6Quick.dll", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("PySide6/Qt/qml/QtQuick/qmldir", False),
    ("faker/providers/person/zh_CN/__init__.py", True),
    ("faker/providers/person/__init__.py", True),
    ("faker/providers/person/de_DE/__init__.py", False),
    ("faker/providers/person/zh_CN/something.py", False),  # code is in the archive
    ("fireoffice/resources/translations/fireoffice_zh_CN.qm", True),
])
def test_keep_file(dest, kept):
    assert bundle.keep_file(dest) is kept


def test_faker_keeps_zh_cn_and_its_fallbacks():
    every, keep = bundle.faker_locales()
    if not every:
        pytest.skip("Faker not installed")
    assert {"zh_CN", "en_US"} <= keep < every
    assert bundle.keep_module("faker.providers.person.zh_CN")
    assert bundle.keep_module("faker.providers.sbn.sbn")  # a module, not a locale
    assert not bundle.keep_module("faker.providers.person.de_DE")


def test_linux_system_libraries_are_left_to_the_package_dependencies():
    assert bundle.is_system_library("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    assert bundle.is_system_library("/lib/x86_64-linux-gnu/libssl.so.3")
    assert not bundle.is_system_library("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0")
    assert not bundle.is_system_library("/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so")
    assert not bundle.is_system_library("/work/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6")
    src = "/lib/x86_64-linux-gnu/libX11.so.6"
    assert not bundle.keep_binary("libX11.so.6", src, platform="linux")
    assert bundle.keep_binary("libX11.so.6", src, platform="win32")


def test_licences_cover_the_bundled_packages(tmp_path):
    files = bundle.write_licenses(tmp_path / "licenses")
    names = {p.relative_to(tmp_path / "licenses").as_posix() for p in files}
    assert {"README.txt", "LGPL-3.0.txt", "GPL-3.0.txt"} <= names
    index = (tmp_path / "licenses" / "README.txt").read_text(encoding="utf-8")
    for dist in ("PySide6_Essentials", "SQLAlchemy", "alembic", "reportlab", "Faker", "WenQuanYi"):
        assert dist in index, dist
    assert any(n.startswith("SQLAlchemy/") for n in names)
    assert any(n.startswith("PySide6_Essentials/") for n in names)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (tmp_path / "licenses" / "LGPL-3.0.txt").read_text()


def test_launcher_picks_the_gui_by_executable_name(monkeypatch):
    import fireoffice.__main__ as entry
    import fireoffice.cli as cli

    calls = []
    monkeypatch.setattr(entry, "gui_main", lambda: calls.append("gui") or 0)
    monkeypatch.setattr(cli, "main", lambda: calls.append("cli") or 0)
    monkeypatch.setattr(sys, "executable", r"C:\Users\x\AppData\Local\Programs\fireoffice\fireoffice-gui.exe")
    assert launcher.run() == 0
    monkeypatch.setattr(sys, "executable", "/opt/fireoffice/fireoffice")
    assert launcher.run() == 0
    assert calls == ["gui", "cli"]


def fake_bundle(root: Path, windows: bool = False) -> Path:
    for exe in (["fireoffice.exe", "fireoffice-gui.exe"] if windows else ["fireoffice"]):
        (root / exe).parent.mkdir(parents=True, exist_ok=True)
        (root / exe).write_bytes(b"")
    inside = root / "_internal"
    for rel in check_bundle.required_files(windows):
        (inside / rel).parent.mkdir(parents=True, exist_ok=True)
        (inside / rel).write_bytes(b"x")
    return root


@pytest.mark.parametrize("windows", [False, True])
def test_check_bundle_accepts_a_complete_bundle_and_names_what_is_wrong(tmp_path, windows):
    root = fake_bundle(tmp_path / "fireoffice", windows)
    assert check_bundle.problems(root, windows) == []
    (root / "_internal" / "PySide6" / "Qt6WebEngineCore.dll").write_bytes(b"")
    (root / "_internal" / "_pytest").mkdir()
    first_version = sorted((migrate.MIGRATIONS_DIR / "versions").glob("*.py"))[0].name
    (root / "_internal" / "fireoffice" / "db" / "migrations" / "versions" / first_version).unlink()
    found = "\n".join(check_bundle.problems(root, windows))
    assert "Qt6WebEngineCore" in found and "_pytest" in found and "migrations differ" in found


# --- icons ----------------------------------------------------------------------------------------------

def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_ico_has_every_size():
    data = (ICONS / "app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        w, h, _, _, planes, bpp, length, offset = struct.unpack("<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        w, h = w or 256, h or 256
        assert w == h and bpp == 32 and planes in (0, 1)
        frame = data[offset: offset + length]
        assert len(frame) == length > 0
        if frame.startswith(b"\x89PNG"):
            assert png_size(frame) == (w, h)
        else:  # BMP frame: BITMAPINFOHEADER, height counts the AND mask too
            size, fw, fh, _, fbpp = struct.unpack("<IiiHH", frame[:16])
            assert (size, fw, fh, fbpp) == (40, w, 2 * h, 32)
        sizes.add(w)
    assert sizes == ICO_SIZES


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_sizes(size):
    assert png_size((ICONS / f"app-{size}.png").read_bytes()) == (size, size)


def test_icons_are_drawn_from_the_current_svg(qapp):
    """The committed PNG matches a fresh rendering of app.svg (so nobody forgot make_icons.py)."""
    from PySide6.QtGui import QImage

    committed = QImage(str(ICONS / "app-64.png")).convertToFormat(QImage.Format.Format_ARGB32)
    fresh = make_icons.render(64)
    assert committed.pixelColor(0, 0).alpha() == 0  # transparent corner
    assert committed.pixelColor(32, 32).alpha() == 255  # the flame
    diff = sum(abs(committed.pixelColor(x, y).red() - fresh.pixelColor(x, y).red())
               + abs(committed.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha())
               for x in range(64) for y in range(64))
    assert diff / (64 * 64 * 2 * 255) < 0.01


# --- Linux: .desktop entry, wrapper, .deb layout ---------------------------------------------------------------

def test_desktop_entry_is_valid():
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == entry["Name[zh_CN]"] == fireoffice.APP_TITLE_ZH
    assert entry["Exec"].split()[0] == "fireoffice" == build_deb.PACKAGE  # /usr/bin/fireoffice
    assert entry["Icon"] == "fireoffice"  # hicolor/*/apps/fireoffice.png from build_deb
    assert "Office" in entry["Categories"].split(";") and entry["Categories"].endswith(";")
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == fireoffice.APP_NAME


def test_shell_scripts_parse_and_are_executable():
    for script in [*INSTALLER.glob("*.sh"), INSTALLER / "linux" / "fireoffice.sh"]:
        assert script.stat().st_mode & stat.S_IXUSR, f"{script.name} is not executable"
        shell = "sh" if script.parent.name == "linux" else "bash"  # /usr/bin/fireoffice is POSIX sh
        subprocess.run([shell, "-n", str(script)], check=True)
        assert script.read_text(encoding="utf-8").startswith("#!")


def test_wrapper_runs_the_bundle_and_maps_fcitx_to_ibus(tmp_path):
    wrapper = (INSTALLER / "linux" / "fireoffice.sh").read_text(encoding="utf-8")
    run_bundle = f'exec /{build_deb.INSTALL_DIR}/fireoffice "$@"'
    assert run_bundle in wrapper
    fake = tmp_path / "wrapper.sh"
    fake.write_text(wrapper.replace(run_bundle, 'echo "$@" "$QT_IM_MODULE"'), encoding="utf-8")
    for given, expected in [("fcitx", "ibus"), ("fcitx5", "ibus"), ("", "ibus"), ("ibus", "ibus"),
                            ("compose", "compose")]:
        env = {"PATH": "/usr/bin:/bin", "QT_IM_MODULE": given}
        out = subprocess.run(["sh", str(fake), "db", "check"], env=env, capture_output=True, text=True,
                             check=True).stdout.split()
        assert out == ["db", "check", expected], given


def test_deb_layout(tmp_path):
    fake = tmp_path / "bundle"
    (fake / "_internal").mkdir(parents=True)
    (fake / "fireoffice").write_bytes(b"#!/bin/sh\n")
    (fake / "fireoffice").chmod(0o700)
    (fake / "_internal" / "data.txt").write_text("x")
    root = tmp_path / "root"
    build_deb.stage(fake, root, "9.9.9")
    opt = root / build_deb.INSTALL_DIR
    assert stat.S_IMODE((opt / "fireoffice").stat().st_mode) == 0o755
    assert stat.S_IMODE((opt / "_internal" / "data.txt").stat().st_mode) == 0o644
    usr_bin = root / "usr" / "bin" / "fireoffice"
    assert stat.S_IMODE(usr_bin.stat().st_mode) == 0o755
    assert (root / "usr/share/applications/fireoffice.desktop").read_bytes() == DESKTOP.read_bytes()
    for size in PNG_SIZES:
        icon = root / f"usr/share/icons/hicolor/{size}x{size}/apps/fireoffice.png"
        assert png_size(icon.read_bytes()) == (size, size)
    assert (root / "usr/share/icons/hicolor/scalable/apps/fireoffice.svg").is_file()
    assert "licenses/README.txt" in (root / "usr/share/doc/fireoffice/copyright").read_text(encoding="utf-8")


def test_deb_control_and_depends():
    depends = build_deb.merge_depends(["libc6 (>= 2.35)", "libxcb-cursor0 (>= 0.0.99)", "libgl1"],
                                      build_deb.EXTRA_DEPENDS)
    assert "libxcb-cursor0 (>= 0.0.99)" in depends and "libxcb-cursor0" not in depends
    for name in ("libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0", "libdbus-1-3"):
        assert name in depends
    assert depends == sorted(depends)
    assert build_deb.glibc_floor(depends) == "2.35"
    control = build_deb.control_text(fireoffice.__version__, "amd64", depends, 1234)
    fields = dict(re.findall(r"^(\S+): (.*)$", control, re.M))
    assert fields["Package"] == "fireoffice" and fields["Version"] == fireoffice.__version__
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "1234"
    assert "fonts-wqy-microhei" in fields["Recommends"]
    assert all(line.startswith(" ") for line in control.split("Description: ", 1)[1].splitlines()[1:])
