"""Update resources/translations/*.ts from the UI sources (pyside6-lupdate) and build .qm (pyside6-lrelease).

    python installer/build_translations.py            # lupdate + lrelease
    python installer/build_translations.py --fill F   # also fill unfinished entries from a TSV: source<TAB>translation
    python installer/build_translations.py --check    # exit 1 if any string is untranslated or the .qm is stale
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ["zh_CN"]


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        raise SystemExit(f"{name} not found: pip install PySide6-Essentials")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "fireoffice" / "ui").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", "-locations", "none",
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    tree = ET.parse(ts)
    out = []
    for context in tree.getroot().iter("context"):
        ctx = context.findtext("name")
        for message in context.iter("message"):
            tr = message.find("translation")
            if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip():
                out.append((ctx, message.findtext("source")))
    return out


def fill(ts: Path, table: Path) -> int:
    pairs = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if "\t" in line and not line.startswith("#"):
            src, dst = line.split("\t", 1)
            pairs[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")
    tree = ET.parse(ts)
    count = 0
    for message in tree.getroot().iter("message"):
        src = message.findtext("source")
        tr = message.find("translation")
        if src in pairs and tr is not None and (tr.get("type") == "unfinished" or not tr.text):
            tr.text = pairs[src]
            tr.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fill", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    status = 0
    for lang in LANGUAGES:
        ts, qm = TS_DIR / f"fireoffice_{lang}.ts", TS_DIR / f"fireoffice_{lang}.qm"
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(copy)
                missing = unfinished(copy)
                fresh = Path(tmp) / qm.name
                lrelease(copy, fresh)
                if missing:
                    print(f"{lang}: {len(missing)} untranslated strings, e.g. {missing[:5]}")
                    status = 1
                if not qm.exists() or fresh.read_bytes() != qm.read_bytes():
                    print(f"{lang}: {qm.name} is stale; run python installer/build_translations.py")
                    status = 1
            continue
        lupdate(ts)
        if args.fill:
            print(f"{lang}: filled {fill(ts, args.fill)} strings")
        lrelease(ts, qm)
        left = unfinished(ts)
        print(f"{lang}: {qm.relative_to(ROOT)} built; {len(left)} untranslated")
        for ctx, src in left:
            print(f"  [{ctx}] {src!r}")
    return status


if __name__ == "__main__":
    sys.exit(main())
