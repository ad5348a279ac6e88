"""Unit register figures next to baselines measured in the same run: quick search, xlsx import, xlsx export.

Each heavy task runs in a fresh process (cold caches, honest peak memory from ru_maxrss).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

SEARCHES = [("1 字", "火"), ("2 字", "火锅"), ("3 字", "火锅店"), ("4 字", "东关社区"), ("拼音首字母", "hgd"),
            ("全拼", "huoguo")]
REPEATS = 30

_CHILD_PRELUDE = """
import contextlib, json, resource, sys, time
def peak_mb():
    # VmHWM starts afresh at exec; ru_maxrss would include the parent's size inherited at fork.
    with contextlib.suppress(OSError), open("/proc/self/status") as f:  # no /proc (macOS): ru_maxrss below
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
def done(seconds, **extra):
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), **extra}))
"""

IMPORT = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services import unit_import
from fireoffice.services.context import ServiceContext
db = Database.open(sys.argv[1])
started = time.perf_counter()
report = unit_import.import_units(ServiceContext(db), sys.argv[2])
done(time.perf_counter() - started, imported=report.imported, ok=report.ok)
"""

IMPORT_BASELINE = _CHILD_PRELUDE + """
import sqlite3, uuid
import python_calamine
started = time.perf_counter()
book = python_calamine.CalamineWorkbook.from_path(sys.argv[2])
rows = book.get_sheet_by_index(0).to_python()
header = [str(h) for h in rows[2]]
con = sqlite3.connect(sys.argv[1])
info = [r for r in con.execute("PRAGMA table_info(unit)") if r[1] != "id"]
columns = [r[1] for r in info]
texts = {r[1] for r in info if r[2].startswith(("VARCHAR", "TEXT"))}
mapping = json.loads(sys.argv[3])  # header label → column, as the importer maps them
where = {col: header.index(label) for label, col in mapping.items() if label in header}
fixed = {"created_at": "2026-01-01 00:00:00.000000", "updated_at": "2026-01-01 00:00:00.000000"}
def value(row, col):
    if col in ("village_id", "grid_id"):
        return None  # names in the sheet; the importer looks the ids up
    if col in where:
        v = row[where[col]]
        if v == "":
            return "" if col in texts else None
        return v.isoformat() if hasattr(v, "isoformat") else v
    if col == "uid":
        return str(uuid.uuid4())
    return fixed.get(col, 0 if col.startswith(("is_", "has_")) or col == "archived" else "")
data = [tuple(value(r, c) for c in columns) for r in rows[3:]]
con.executemany(f"INSERT INTO unit ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", data)
con.commit()
done(time.perf_counter() - started, imported=len(data))
"""

EXPORT = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services import unit_export
from fireoffice.services.context import ServiceContext
db = Database.open(sys.argv[1])
started = time.perf_counter()
result = unit_export.export_units(ServiceContext(db), sys.argv[2])
done(time.perf_counter() - started, rows=result.rows)
"""

EXPORT_BASELINE = _CHILD_PRELUDE + """
import sqlite3, xlsxwriter
columns = json.loads(sys.argv[3])
con = sqlite3.connect(sys.argv[1])
rows = con.execute(f"SELECT {', '.join(columns)} FROM unit WHERE archived = 0 ORDER BY name, id").fetchall()
started = time.perf_counter()
wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
ws = wb.add_worksheet()
ws.write_row(0, 0, columns)
for r, row in enumerate(rows, 1):
    ws.write_row(r, 0, row)
wb.close()
done(time.perf_counter() - started, rows=len(rows))
"""


def _child(code: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def search_figures(db_path: Path) -> list[tuple]:
    """Per keystroke the register page asks for the count and the first page: timed through the service,
    next to the same two SQL statements run directly with sqlite3."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from fireoffice.db.session import Database
    from fireoffice.services import unit_query
    from fireoffice.services.context import ServiceContext
    from fireoffice.services.unit_query import UnitQuery

    ctx = ServiceContext(Database.open(str(db_path)))
    raw = sqlite3.connect(str(db_path))
    out = []
    for label, text in SEARCHES:
        q = UnitQuery(text=text, limit=200)
        page_sql = str(unit_query.page_statement(q).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))
        count_sql = str(unit_query.count_statement(q).compile(
            dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}))
        ours, base = [], []
        for _ in range(REPEATS):
            t = time.perf_counter()
            unit_query.counts(ctx, q)
            unit_query.list_units(ctx, q)
            ours.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            raw.execute("SELECT count(id) FROM unit WHERE archived = 0").fetchone()
            raw.execute(count_sql).fetchone()
            raw.execute(page_sql).fetchall()
            base.append((time.perf_counter() - t) * 1000)
        out.append((f"search {label} “{text}” median (ms)", statistics.median(ours),
                    "same SQL via sqlite3 median (ms)", statistics.median(base), 1.5))
        out.append((f"search {label} “{text}” p95 (ms)", _percentile(ours, 0.95),
                    "same SQL via sqlite3 p95 (ms)", _percentile(base, 0.95), None))
    ctx.db.dispose()
    raw.close()
    return out


def _empty_copy(db_path: Path, dest: Path) -> Path:
    """A database with the same villages and grids but no units (what an importing station has).

    The emptied tables get the row seals of empty tables (db/seals.py), as the app would have left them,
    so the imported database verifies (`audit verify`) and the importer moves the seal as it does on a
    station's database.
    """
    from fireoffice.db.seals import SEAL_PREFIX

    shutil.copyfile(db_path, dest)
    con = sqlite3.connect(dest)
    for table in ("unit_person_history", "unit", "audit_event"):
        con.execute(f"DELETE FROM {table}")
    empty = {"unit_person_history": {"rows": 0, "sum": "0"}, "unit": {"rows": 0, "sum": "0"},
             "audit_event": {"id": 0, "hash": ""}}
    for table, seal in empty.items():
        con.execute("UPDATE app_setting SET value = ? WHERE key = ?", (json.dumps(seal), SEAL_PREFIX + table))
    con.commit()
    con.execute("VACUUM")
    con.close()
    return dest


def import_export_figures(workdir: Path, db_path: Path) -> list[tuple]:
    from fireoffice.services.unit_fields import BY_KEY, LEDGER_KEYS

    export_path = workdir / "units-export.xlsx"
    ours_export = _child(EXPORT, str(db_path), str(export_path))
    columns = list(LEDGER_KEYS)
    base_export = _child(EXPORT_BASELINE, str(db_path), str(workdir / "baseline-export.xlsx"), json.dumps(columns))
    n = ours_export["rows"]

    mapping = {BY_KEY[k].label: k for k in LEDGER_KEYS}
    ours_import = _child(IMPORT, str(_empty_copy(db_path, workdir / "import-ours.sqlite")), str(export_path))
    base_import = _child(IMPORT_BASELINE, str(_empty_copy(db_path, workdir / "import-base.sqlite")),
                         str(export_path), json.dumps(mapping))
    if not ours_import["ok"]:
        raise RuntimeError("the benchmark import was refused")
    return [
        (f"import {n:,}-row xlsx (s)", ours_import["seconds"], "calamine read + raw executemany (s)",
         base_import["seconds"], 1.5),
        (f"export {n:,} units, {len(columns)} columns (s)", ours_export["seconds"],
         "xlsxwriter constant_memory, same cells (s)", base_export["seconds"], 1.3),
        ("export peak memory (MB, goal ≤150)", ours_export["peak_mb"], "xlsxwriter baseline peak (MB)",
         base_export["peak_mb"], None),
        ("import peak memory (MB)", ours_import["peak_mb"], "baseline import peak (MB)", base_import["peak_mb"], None),
    ]


def _demo_database(workdir: Path, units: int) -> Path:
    from fireoffice.services import database, demo
    from fireoffice.services.context import ServiceContext

    path = workdir / "units-bench.sqlite"
    db = database.open_database(str(path))
    database.upgrade(db)
    demo.fill_demo(ServiceContext(db=db), units=units, seed=1)
    db.dispose()
    return path


def run(workdir: Path, db_path: Path | int | None = None, units: int = 100_000) -> list[tuple]:
    """Figures as (name, value, baseline name, baseline value, goal ratio or None).

    Called by benchmarks/__main__.py as run(workdir, db_path, units); run(workdir, units) builds its own
    demo database.
    """
    if isinstance(db_path, int):
        units, db_path = db_path, None
    if db_path is None:
        db_path = _demo_database(Path(workdir), units)
    return search_figures(Path(db_path)) + import_export_figures(Path(workdir), Path(db_path))


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(sys.argv[1]) if len(sys.argv) > 1 else None
        for row in run(Path(tmp), source if source else 2000):
            name, value, base_name, base, goal = row
            print(f"{name:44} {value:10.3f}   {base_name:44} {base:10.3f} {value / base:6.2f}"
                  + (f"  goal ≤{goal:g}×" if goal else ""))
