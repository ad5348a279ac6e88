"""Crash safety: kill -9 during an import, a large write and a backup, then reopen — integrity ok, nothing
committed lost, nothing half-applied; two processes on one file; a read-only or full disk gives a clear message."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from fireoffice.db.models import Unit
from fireoffice.services import database, units
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError

ROOT = Path(__file__).resolve().parent.parent


def _cli(db: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fireoffice", "--db", str(db), *args], cwd=ROOT,
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _kill_after(proc: subprocess.Popen, seconds: float) -> bool:
    """SIGKILL once `seconds` have passed; False when the process had already finished."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return True


def _healthy(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    opened = database.open_database(str(db))
    result = database.check(opened)  # foreign keys, schema, audit chain and row seals
    opened.dispose()
    assert result.ok, result.problems


def _units(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM unit").fetchone()[0]


@pytest.fixture
def fresh(tmp_path) -> Path:
    path = tmp_path / "crash.sqlite"
    assert subprocess.run([sys.executable, "-m", "fireoffice", "--db", str(path), "db", "upgrade"],
                          cwd=ROOT, capture_output=True).returncode == 0
    ctx = ServiceContext(database.open_database(str(path)))
    units.create_unit(ctx, {"name": "已提交的单位", "address": "东城街道1号"})  # committed before the crash
    ctx.db.dispose()
    return path


@pytest.fixture(scope="module")
def big_sheet(tmp_path_factory) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["单位名称", "地址", "消防安全责任人", "联系电话"])
    for i in range(20_000):
        ws.append([f"测试商店{i:05d}", f"东城街道人民路{i}号", "张三", f"139{i:08d}"])
    path = tmp_path_factory.mktemp("sheet") / "units20000.xlsx"
    wb.save(path)
    return path


def test_kill_during_a_20000_row_import(fresh, big_sheet, tmp_path):
    # the same import run to the end once: how long it takes, and that it imports all rows
    reference = tmp_path / "reference.sqlite"
    reference.write_bytes(fresh.read_bytes())
    start = time.monotonic()
    done = _cli(reference, "units", "import", str(big_sheet))
    assert done.wait(120) == 0, done.stderr.read().decode()
    took = time.monotonic() - start
    assert _units(reference) == 20_001
    for fraction in (0.5, 0.85):
        target = tmp_path / f"killed-{fraction}.sqlite"
        target.write_bytes(fresh.read_bytes())
        _kill_after(_cli(target, "units", "import", str(big_sheet)), took * fraction)
        _healthy(target)
        assert _units(target) in (1, 20_001)  # all or nothing, and the committed unit is still there
        assert "已提交的单位" in {r[0] for r in sqlite3.connect(target).execute("SELECT name FROM unit")}


def test_kill_during_demo_generation(tmp_path):
    target = tmp_path / "demo.sqlite"
    proc = _cli(target, "demo", "--units", "3000")
    killed = _kill_after(proc, 2.5)
    if not target.exists():
        pytest.skip("the process was killed before it created the file")
    _healthy(target)
    count = _units(target)
    assert count in (0, 3000) if killed else count == 3000


def test_kill_during_a_backup(fresh, big_sheet, tmp_path):
    assert _cli(fresh, "units", "import", str(big_sheet)).wait(120) == 0
    dest = tmp_path / "copy.sqlite"
    for delay in (0.3, 0.5, 0.7):
        dest.unlink(missing_ok=True)
        _kill_after(_cli(fresh, "db", "backup", str(dest)), delay)
        _healthy(fresh)
        assert _units(fresh) == 20_001
        if dest.exists():  # a backup file is either complete or absent, never half-written
            _healthy(dest)
            assert _units(dest) == 20_001


WRITER = textwrap.dedent("""
    import sys
    from fireoffice.services import database, units
    from fireoffice.services.context import ServiceContext
    ctx = ServiceContext(database.open_database(sys.argv[1]))
    for i in range(60):
        units.create_unit(ctx, {"name": f"{sys.argv[2]}{i:03d}", "address": "东城街道2号"})
""")


def test_two_processes_on_one_file_serialise(fresh):
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(fresh), name], cwd=ROOT, stderr=subprocess.PIPE)
             for name in ("甲进程单位", "乙进程单位")]
    for p in procs:
        assert p.wait(120) == 0, p.stderr.read().decode()
    assert _units(fresh) == 121
    _healthy(fresh)


def _ctx_with(path: Path, pragma: str) -> ServiceContext:
    db = database.open_database(str(path))
    event.listen(db.engine, "connect", lambda conn, _r: conn.execute(pragma))
    return ServiceContext(db)


def test_read_only_storage_gives_a_clear_message_and_loses_nothing(fresh):
    ctx = _ctx_with(fresh, "PRAGMA query_only = ON")  # as a read-only folder or medium refuses writes
    with pytest.raises(StorageError, match="无法写入"):
        units.create_unit(ctx, {"name": "写不进去", "address": "东城街道3号"})
    ctx.db.dispose()
    assert _units(fresh) == 1
    _healthy(fresh)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(fresh):
    fresh.parent.chmod(0o555)
    try:
        ctx = ServiceContext(database.open_database(str(fresh)))
        with pytest.raises(StorageError):
            units.create_unit(ctx, {"name": "写不进去", "address": "东城街道3号"})
        ctx.db.dispose()
    finally:
        fresh.parent.chmod(0o755)


def test_full_disk_gives_a_clear_message_and_loses_nothing(fresh, big_sheet):
    with sqlite3.connect(fresh) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    ctx = _ctx_with(fresh, f"PRAGMA max_page_count = {pages + 5}")  # SQLITE_FULL after a few pages
    from fireoffice.services import unit_import

    with pytest.raises(StorageError, match="磁盘已满") as full:
        unit_import.import_units(ctx, big_sheet)
    assert "不会丢失" in str(full.value)
    with ctx.db.read() as s:
        assert s.execute(select(func.count(Unit.id))).scalar_one() == 1
    ctx.db.dispose()
    _healthy(fresh)
