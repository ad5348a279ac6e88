"""PostgreSQL: automatic pg_dump backups rotate to the newest N, and a kept dump restores; the due list's SQL
date arithmetic gives the same days as on SQLite."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import func, select

from fireoffice.db import migrate
from fireoffice.db.models import Unit
from fireoffice.db.session import Database
from fireoffice.services import backups, frequency, workdays
from fireoffice.services.context import Actor, ServiceContext
from tests.services.insp_helpers import make_units

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ctx(pg_url):
    db = Database.open(pg_url)
    migrate.upgrade(db.engine)
    yield ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    db.dispose()


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@pytest.mark.skipif(not (shutil.which("pg_dump") and shutil.which("pg_restore")), reason="pg_dump/pg_restore missing")
def test_daily_pg_dump_keeps_exactly_the_newest_n_and_restores(pg_ctx, pg_server, tmp_path):
    ctx = pg_ctx
    make_units(ctx, 7, prefix="备份单位")
    backups.set_keep_count(ctx, 3)
    folder = tmp_path / "backups"
    folder.mkdir()
    manual = folder / "手工备份.dump"
    manual.write_bytes(b"not touched by rotation")
    days = [date(2026, 3, d) for d in (1, 2, 3, 4, 5, 6)]
    made = [backups.daily_backup(ctx, today=d, folder=folder) for d in days]
    assert all(p is not None and p.suffix == ".dump" for p in made)
    assert backups.daily_backup(ctx, today=days[-1], folder=folder) is None  # once a day
    kept = backups.automatic_backups(folder)
    assert [p.name[len(backups.PREFIX):len(backups.PREFIX) + 8] for p in kept] == ["20260304", "20260305", "20260306"]
    assert kept == made[-3:] and manual.exists()
    newest = kept[-1]
    listing = subprocess.run(["pg_restore", "--list", str(newest)], capture_output=True, text=True)
    assert listing.returncode == 0 and "TABLE DATA public unit " in listing.stdout  # a pg_dump custom archive
    target = pg_server.create_database("restore")
    done = subprocess.run(["pg_restore", "--no-owner", "--exit-on-error", "--dbname", _libpq(target), str(newest)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    restored = Database.open(target)
    try:
        assert migrate.current_revision(restored.engine) == migrate.head_revision()
        with restored.read() as s:
            names = sorted(s.execute(select(Unit.name)).scalars())
            assert names == [f"备份单位{i:03d}" for i in range(7)]
            assert s.execute(select(func.count()).select_from(Unit)).scalar_one() == 7
    finally:
        restored.dispose()


def test_due_dates_on_postgresql_follow_the_month_rule(pg_ctx):
    ctx = pg_ctx
    days = [date(2024, 1, 31), date(2024, 2, 29), date(2025, 8, 31), date(2025, 12, 31), date(2025, 10, 15)]
    for n, day in enumerate(days):
        make_units(ctx, 1, prefix=f"月末{n}", registered_on=day)
    make_units(ctx, 1, prefix="高风险", registered_on=date(2025, 8, 31), risk_level="高")
    rows = {r.name: r for r in frequency.due_units(ctx, on=date(2026, 3, 1), until=date(2027, 12, 31))}
    cal = workdays.WorkCalendar()
    for n, day in enumerate(days):
        assert rows[f"月末{n}000"].due_on == workdays.add_months(cal, day, 6, roll=False), day
    assert rows["高风险000"].due_on == date(2025, 10, 31) and rows["高风险000"].interval_months == 2
    page = frequency.due_page(ctx, frequency.DueQuery(on=date(2026, 3, 1), mode="overdue", sort="due_on",
                                                      descending=True, limit=2))
    assert page.total == sum(1 for r in rows.values() if r.due_on < date(2026, 3, 1))
    assert [r.due_on for r in page.rows] == sorted((r.due_on for r in rows.values() if r.due_on < date(2026, 3, 1)),
                                                   reverse=True)[:2]
