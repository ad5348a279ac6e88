"""A 100,000-row ledger (列管单位台账) next to pandas `DataFrame.to_excel` and xlsxwriter constant_memory
writing the same cells, each in a fresh process (honest peak memory).

The baselines get the cells ready-made (the ledger's own rows, computed before their clock starts); our figure
includes the query, the conversions, the styling and the totals row. pandas is the `bench` extra
(`pip install -e .[bench]`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from benchmarks.bench_units import _CHILD_PRELUDE, _child

OURS = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services import ledgers
from fireoffice.services.context import ServiceContext
db = Database.open(sys.argv[1])
started = time.perf_counter()
result = ledgers.export_ledger(ServiceContext(db), "units", sys.argv[2])
done(time.perf_counter() - started, rows=result.rows)
"""

_CELLS = _CHILD_PRELUDE + """
from fireoffice.db.session import Database
from fireoffice.services.ledger_sources import SOURCES
source = SOURCES["units"]
labels = [c.label for c in source.columns]
with Database.open(sys.argv[1]).read() as s:
    rows = list(source.rows(s, None, None))
"""

XLSXWRITER = _CELLS + """
import xlsxwriter
started = time.perf_counter()
wb = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
ws = wb.add_worksheet()
ws.write_row(0, 0, labels)
for r, row in enumerate(rows, 1):
    ws.write_row(r, 0, row)
wb.close()
done(time.perf_counter() - started, rows=len(rows))
"""

PANDAS = _CELLS + """
import pandas
frame = pandas.DataFrame(rows, columns=labels)
started = time.perf_counter()
frame.to_excel(sys.argv[2], index=False)
probe = pandas.ExcelWriter(sys.argv[2] + ".probe.xlsx")  # which engine to_excel chose (xlsxwriter if installed)
engine = probe.engine
probe.close()
done(time.perf_counter() - started, rows=len(rows), engine=engine)
"""


def run(workdir: Path, db_path: Path) -> list[tuple]:
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise SystemExit("bench_ledgers needs pandas for its baseline: .venv/bin/pip install -e .[bench]") from None
    db = Path(workdir) / "ledgers-bench.sqlite"
    shutil.copyfile(db_path, db)  # the database under test is never written
    _upgrade(db)
    ours = _child(OURS, str(db), str(workdir / "ledger-ours.xlsx"))
    base = _child(XLSXWRITER, str(db), str(workdir / "ledger-xlsxwriter.xlsx"))
    frame = _child(PANDAS, str(db), str(workdir / "ledger-pandas.xlsx"))
    n = ours["rows"]
    return [
        (f"ledger export {n:,} rows (s)", ours["seconds"], "xlsxwriter constant_memory, same cells (s)",
         base["seconds"], 1.3),
        (f"ledger export {n:,} rows (s)", ours["seconds"], f"pandas to_excel ({frame['engine']}) (s)",
         frame["seconds"], 0.5),
        ("ledger export peak memory (MB)", ours["peak_mb"], "goal (MB)", 150.0, 1.0),
        ("xlsxwriter baseline peak (MB)", base["peak_mb"], "pandas baseline peak (MB)", frame["peak_mb"], None),
    ]


def _upgrade(path: Path) -> None:
    from fireoffice.services import database

    db = database.open_database(str(path))
    database.upgrade(db)
    db.dispose()
