"""County import of a 100,000-unit station package next to a raw `executemany` of the same rows; re-import.

The station database is copied (and migrated) first; its package is exported once, then imported into a fresh
county database in a fresh process, imported again (nothing changes), and the baseline reads the same package
and inserts the same exchange_record rows with sqlite3 `executemany` into another fresh county database.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.bench_units import _CHILD_PRELUDE, _child

EXPORT = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services import exchange_package
from fireoffice.services.context import ServiceContext
db = Database.open(sys.argv[1])
started = time.perf_counter()
result = exchange_package.export_package(ServiceContext(db), sys.argv[2])
done(time.perf_counter() - started, records=result.records)
"""

IMPORT = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services import exchange_import
from fireoffice.services.context import ServiceContext
db = Database.open(sys.argv[1])
started = time.perf_counter()
r = exchange_import.import_package(ServiceContext(db), sys.argv[2])
done(time.perf_counter() - started, inserted=r.inserted, unchanged=r.unchanged, audit_ok=r.audit_ok)
"""

BASELINE = _CHILD_PRELUDE + """
import hashlib, sqlite3, zipfile
started = time.perf_counter()
con = sqlite3.connect(sys.argv[1])
con.execute("INSERT INTO exchange_station (station_uid, name, township, county, issuer_code, package_created_at, "
            "package_sha256, audit_head, counts, imported_at, created_at, updated_at) "
            "VALUES ('s', '', '', '', '', '', '', '', '{}', '2026-01-01', '2026-01-01', '2026-01-01')")
sid = con.execute("SELECT id FROM exchange_station").fetchone()[0]
z = zipfile.ZipFile(sys.argv[2])
manifest = json.loads(z.read("manifest.json"))
n = 0
for table, name in manifest["tables"].items():
    rows = []
    with z.open(name) as f:
        for line in f:
            line = line.rstrip(b"\\n")
            rec = json.loads(line)
            rows.append((sid, table, rec.get("_uid") or rec["uid"], rec.get("_updated") or "",
                         hashlib.sha256(line).hexdigest(), line.decode()))
    con.executemany("INSERT INTO exchange_record (station_id, table_name, uid, updated_at, sha256, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)", rows)
    n += len(rows)
con.commit()
done(time.perf_counter() - started, inserted=n)
"""


def _fresh(path: Path, source: Path | None = None) -> Path:
    from fireoffice.services import database

    if source is not None:
        shutil.copyfile(source, path)
    db = database.open_database(str(path))
    database.upgrade(db)
    db.dispose()
    return path


def run(workdir: Path, db_path: Path) -> list[tuple]:
    workdir = Path(workdir)
    station = _fresh(workdir / "exchange-station.sqlite", Path(db_path))  # the database under test stays as is
    package = workdir / "station-package.zip"
    exported = _child(EXPORT, str(station), str(package))
    county = _fresh(workdir / "county.sqlite")
    first = _child(IMPORT, str(county), str(package))
    again = _child(IMPORT, str(county), str(package))
    base = _child(BASELINE, str(_fresh(workdir / "county-baseline.sqlite")), str(package))
    if first["inserted"] != base["inserted"] or again["inserted"] or not first["audit_ok"]:
        raise RuntimeError(f"import figures disagree: {first}, {again}, {base}")
    n = first["inserted"]
    size = package.stat().st_size / 1e6
    return [
        (f"county import {n:,} records (s)", first["seconds"], "raw executemany of the same rows (s)",
         base["seconds"], 2.0),
        ("re-import of the same package (s)", again["seconds"], "first import (s)", first["seconds"], 0.2),
        (f"station package export, {size:.0f} MB (s)", exported["seconds"], "first import (s)", first["seconds"],
         None),
        ("county import peak memory (MB)", first["peak_mb"], "baseline peak (MB)", base["peak_mb"], None),
    ]
