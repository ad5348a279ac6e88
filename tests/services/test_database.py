"""Open, check, back up and restore: clear one-line refusals, never a traceback, nothing lost."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from fireoffice.services import database, demo, station
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError


def test_missing_folder_is_refused_plainly():
    with pytest.raises(StorageError, match="文件夹不存在"):
        database.open_database("/no/such/dir/x.sqlite")


def test_non_database_file_is_refused_plainly(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("this is not sqlite" * 100)
    db = database.open_database(str(bad))
    with pytest.raises(StorageError, match="不是有效的数据库文件"):
        database.check(db)
    with pytest.raises(StorageError, match="不是有效的数据库文件"):
        database.upgrade(db)


def test_check_of_missing_file_does_not_create_it(tmp_path):
    db = database.open_database(str(tmp_path / "none.sqlite"))
    with pytest.raises(StorageError, match="不存在"):
        database.check(db)
    assert not (tmp_path / "none.sqlite").exists()


def test_check_passes_then_finds_tampering(ctx):
    station.update_station(ctx, {"name": "甲所"})
    assert database.check(ctx.db).ok
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET after='{}'"))
    result = database.check(ctx.db)
    assert not result.ok and "审计记录" in result.problems[0]


def test_database_newer_than_app_is_refused(ctx):
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='zz_future'"))
    with pytest.raises(StorageError, match="更新版本"):
        database.upgrade(ctx.db)


def test_backup_and_restore_round_trip(ctx, tmp_path):
    demo.fill_demo(ctx, units=30, seed=1)
    dest = database.backup(ctx.db, tmp_path / "copy.sqlite")
    assert sqlite3.connect(dest).execute("select count(*) from unit").fetchone()[0] == 30
    with ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE unit SET name = '改坏了' WHERE id > 10"))
    safety = database.restore(ctx.db, dest)
    assert safety is not None and safety.exists()
    changed = "select count(*) from unit where name = '改坏了'"
    with ctx.db.engine.connect() as conn:
        assert conn.execute(text(changed)).scalar() == 0
        assert conn.execute(text("select count(*) from unit")).scalar() == 30
    assert sqlite3.connect(safety).execute(changed).fetchone()[0] == 20


def test_restore_refuses_foreign_files(ctx, tmp_path):
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("create table x(a)")
    with pytest.raises(StorageError, match="不是 fireoffice"):
        database.restore(ctx.db, other)
    text_file = tmp_path / "t.sqlite"
    text_file.write_text("hello" * 1000)
    with pytest.raises(StorageError):
        database.restore(ctx.db, text_file)
    with pytest.raises(StorageError, match="不存在"):
        database.restore(ctx.db, tmp_path / "missing.sqlite")


def test_sqlite_pragmas_are_set(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_write_rolls_back_whole_transaction(ctx):
    with pytest.raises(RuntimeError), ctx.db.write() as s:
        s.execute(text("INSERT INTO village (uid, name, kind, created_at, updated_at) "
                       "VALUES ('u1', '甲村', '村', '2026-01-01', '2026-01-01')"))
        raise RuntimeError("boom")
    with ctx.db.read() as s:
        assert s.execute(text("select count(*) from village")).scalar() == 0


@pytest.mark.postgres
def test_postgres_through_the_same_services(pg_url):
    db = database.open_database(pg_url)
    database.upgrade(db)
    ctx = ServiceContext(db=db)
    demo.fill_demo(ctx, units=50, seed=3)
    station.update_station(ctx, {"head_name": "李所长"})
    result = database.check(db)
    assert result.ok, result.problems
    db.dispose()
