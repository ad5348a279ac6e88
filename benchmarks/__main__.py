"""Run every benchmark on a 100,000-unit demo database and print each figure next to its baseline."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def build_database(path: Path, units: int) -> None:
    from fireoffice.services import database, demo
    from fireoffice.services.context import ServiceContext

    db = database.open_database(str(path))
    database.upgrade(db)
    started = time.perf_counter()
    demo.fill_demo(ServiceContext(db=db), units=units, seed=1)
    print(f"(demo database with {units:,} units built in {time.perf_counter() - started:.1f} s)")
    db.dispose()


# Each module has run(workdir, db_path) -> [(figure, value, baseline name, baseline value, goal ratio or None)].
BENCHES = ["startup", "register_page", "bench_documents", "bench_units", "bench_ledgers", "bench_exchange"]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="reuse/keep the demo database at this path")
    parser.add_argument("--only", action="append", choices=BENCHES, help="run just this benchmark (repeatable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fireoffice-bench-") as tmp:
        workdir = Path(tmp)
        os.environ["FIREOFFICE_DATA_DIR"] = str(workdir / "data")
        db_path = args.keep or workdir / "bench.sqlite"
        if not db_path.exists():
            build_database(db_path, args.units)
        rows = []
        for name in args.only or BENCHES:
            module = importlib.import_module(f"benchmarks.{name}")
            if name == "bench_units":
                found = module.run(workdir, db_path, args.units)
            else:
                found = module.run(workdir, db_path)
            rows += [(*r, None) if len(r) == 4 else r for r in found]
        print(f"\n{'figure':44} {'value':>10}   {'baseline':44} {'value':>10} {'ratio':>7}  goal")
        for name, value, base_name, base, goal in rows:
            ratio = value / base if base else float("nan")
            verdict = "" if goal is None else (f"≤{goal:g}× ok" if ratio <= goal else f"≤{goal:g}× MISSED")
            print(f"{name:44} {value:10.4f}   {base_name:44} {base:10.4f} {ratio:7.2f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
