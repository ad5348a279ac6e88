"""Assemble the .deb for UOS / Kylin / Debian from the PyInstaller bundle (installer/build_linux.sh runs it).

    python installer/build_deb.py [--bundle dist/fireoffice] [--out dist]

Layout of the package:
    /opt/fireoffice/                        the one-folder bundle (fireoffice + _internal/)
    /usr/bin/fireoffice                     wrapper that runs /opt/fireoffice/fireoffice (linux/fireoffice.sh)
    /usr/share/applications/fireoffice.desktop
    /usr/share/icons/hicolor/<N>x<N>/apps/fireoffice.png, scalable/apps/fireoffice.svg
    /usr/share/doc/fireoffice/copyright     where the licences are

Depends is computed, not guessed: dpkg-shlibdeps reads every ELF file in the bundle and names the packages
(with minimum versions) of the system libraries they need: X11/xcb, OpenGL/EGL, fontconfig, libxkbcommon,
GLib, D-Bus, CUPS, OpenSSL … (the bundle leaves these out on purpose, see bundle.py). Plugins whose libraries
are optional (the GTK platform theme) are not counted. The desktop database and icon cache are refreshed by
dpkg triggers, so the package needs no maintainer scripts.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from version import app_version  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ICONS = ROOT / "resources" / "icons"
PACKAGE = "fireoffice"
INSTALL_DIR = "opt/fireoffice"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Needed whatever dpkg-shlibdeps finds: Qt loads libdbus at run time, and these are what Qt's xcb platform
# plugin needs on every Debian-based desktop (also listed by shlibdeps when it sees them linked).
EXTRA_DEPENDS = ["libdbus-1-3", "libgl1", "libegl1", "libfontconfig1", "libxkbcommon0", "libxkbcommon-x11-0",
                 "libxcb-cursor0"]
# The bundle carries WenQuanYi Micro Hei as a fallback; a system CJK font is still nicer (and used by
# other programs that open the exported files).
RECOMMENDS = ["fonts-wqy-microhei | fonts-noto-cjk"]
SUGGESTS = ["libgtk-3-0"]  # native file dialogs through Qt's GTK platform theme
# Plugins whose own dependencies are optional: not installed → Qt skips the plugin.
OPTIONAL_ELF = re.compile(r"/plugins/platformthemes/libqgtk3\.so$")
MAINTAINER = os.environ.get("FIREOFFICE_MAINTAINER", "fireoffice project <fireoffice@localhost>")
DESCRIPTION = """\
消防所业务管理系统 — township fire station office software
 Desktop application for township and street-level fire stations (乡镇/街道消防所):
 the register of supervised units, inspection plans and records, the hazard
 closed loop, numbered enforcement documents, training and interviews, and
 monthly statistics. Works offline with SQLite, or with a PostgreSQL server.
 .
 Self-contained: Python, Qt and all Python libraries are bundled in
 /opt/fireoffice; only common system libraries are taken from the system."""


def dpkg_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True,
                          text=True).stdout.strip()


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as f:
        return f.read(4) == b"\x7fELF"


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if is_elf(p))


def unresolved_libraries(files: list[Path]) -> dict[Path, list[str]]:
    """ELF file → libraries ldd cannot find (bundled libraries count as found)."""
    lib_dirs = sorted({str(f.parent) for f in files if ".so" in f.name})
    env = dict(os.environ, LD_LIBRARY_PATH=os.pathsep.join(lib_dirs))
    missing: dict[Path, list[str]] = {}
    for f in files:
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env).stdout
        names = re.findall(r"^\s*(\S+) => not found", out, re.M)
        if names:
            missing[f] = names
    return missing


def shlib_depends(files: list[Path]) -> list[str]:
    """dpkg-shlibdeps' Depends for these ELF files (bundled libraries are looked up in the bundle)."""
    if not shutil.which("dpkg-shlibdeps"):
        raise SystemExit("dpkg-shlibdeps not found: apt-get install dpkg-dev")
    lib_dirs = sorted({str(f.parent) for f in files if ".so" in f.name})
    with tempfile.TemporaryDirectory() as tmp:
        debian = Path(tmp) / "debian"
        debian.mkdir()
        (debian / "control").write_text(f"Source: {PACKAGE}\n\nPackage: {PACKAGE}\nArchitecture: any\n")
        cmd = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", *(f"-l{d}" for d in lib_dirs),
               *(f"-e{f}" for f in files)]
        result = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True)
    if result.returncode != 0:
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        raise SystemExit("dpkg-shlibdeps failed:\n" + "\n".join(errors[:20]))
    line = next((x for x in result.stdout.splitlines() if x.startswith("shlibs:Depends=")), "")
    return [d.strip() for d in line.removeprefix("shlibs:Depends=").split(",") if d.strip()]


def merge_depends(computed: list[str], extra: list[str]) -> list[str]:
    """computed (versioned) plus extra packages not already named; sorted, one entry per package."""
    by_name = {re.split(r"[\s(]", d, maxsplit=1)[0]: d for d in computed}
    for name in extra:
        by_name.setdefault(name, name)
    return [by_name[n] for n in sorted(by_name)]


def glibc_floor(depends: list[str]) -> str | None:
    match = next((re.search(r"\(>= ([\d.]+)\)", d) for d in depends if d.startswith("libc6 ")), None)
    return match.group(1) if match else None


def control_text(version: str, arch: str, depends: list[str], installed_kb: int) -> str:
    fields = [
        ("Package", PACKAGE),
        ("Version", version),
        ("Architecture", arch),
        ("Maintainer", MAINTAINER),
        ("Installed-Size", str(installed_kb)),
        ("Depends", ", ".join(depends)),
        ("Recommends", ", ".join(RECOMMENDS)),
        ("Suggests", ", ".join(SUGGESTS)),
        ("Section", "misc"),
        ("Priority", "optional"),
        ("Description", DESCRIPTION),
    ]
    return "".join(f"{k}: {v}\n" for k, v in fields)


def copyright_text(version: str) -> str:
    return (f"fireoffice {version} (消防所业务管理系统)\n\n"
            "The program itself: proprietary, all rights reserved.\n\n"
            f"It bundles Python, Qt/PySide6 and Python libraries under their own licences; the index is\n"
            f"/{INSTALL_DIR}/_internal/licenses/README.txt and the full texts are beside it (Qt and PySide6:\n"
            "LGPL-3.0, shipped as replaceable shared libraries). The bundled font WenQuanYi Micro Hei:\n"
            f"/{INSTALL_DIR}/_internal/fireoffice/resources/fonts/wqy-microhei.LICENSE.txt\n")


def stage(bundle: Path, root: Path, version: str) -> None:
    if root.exists():
        shutil.rmtree(root)
    opt = root / INSTALL_DIR
    shutil.copytree(bundle, opt, symlinks=True)
    usr_bin = root / "usr" / "bin"
    usr_bin.mkdir(parents=True)
    shutil.copyfile(HERE / "linux" / "fireoffice.sh", usr_bin / PACKAGE)
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(HERE / "linux" / "fireoffice.desktop", apps / f"{PACKAGE}.desktop")
    hicolor = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / f"{PACKAGE}.png"
        target.parent.mkdir(parents=True)
        shutil.copyfile(ICONS / f"app-{size}.png", target)
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(ICONS / "app.svg", hicolor / "scalable" / "apps" / f"{PACKAGE}.svg")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_text(version), encoding="utf-8")
    # Ownership becomes root:root in the archive (dpkg-deb --root-owner-group); modes are set here.
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        executable = path.is_dir() or path.stat().st_mode & 0o111 or path == usr_bin / PACKAGE
        path.chmod(0o755 if executable else 0o644)


def installed_size_kb(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def build(bundle: Path, out: Path, work: Path) -> Path:
    version = app_version()
    arch = dpkg_architecture()
    if not (bundle / PACKAGE).is_file():
        raise SystemExit(f"no bundle at {bundle}: run pyinstaller installer/fireoffice.spec first")
    files = elf_files(bundle)
    missing = {f: libs for f, libs in unresolved_libraries(files).items()
               if not OPTIONAL_ELF.search(str(f))}
    if missing:
        lines = [f"  {f.relative_to(bundle)}: {', '.join(libs)}" for f, libs in missing.items()]
        raise SystemExit("libraries not found on this machine (install them; the .deb will depend on them):\n"
                         + "\n".join(lines))
    depends = merge_depends(shlib_depends([f for f in files if not OPTIONAL_ELF.search(str(f))]),
                            EXTRA_DEPENDS)
    root = work / f"{PACKAGE}_{version}_{arch}"
    stage(bundle, root, version)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control_text(version, arch, depends, installed_size_kb(root)),
                                             encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)], check=True,
                   stdout=subprocess.DEVNULL)
    floor = glibc_floor(depends)
    print(f"built {deb} ({deb.stat().st_size / 2**20:.1f} MB; installed {installed_size_kb(root) / 1024:.0f} MB)")
    print(f"Depends: {', '.join(depends)}")
    if floor:
        print(f"needs glibc >= {floor} (libc6): build on the oldest distribution you support")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Assemble the fireoffice .deb from the PyInstaller bundle.")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / PACKAGE)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "deb")
    args = parser.parse_args(argv)
    build(args.bundle.resolve(), args.out.resolve(), args.work.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
