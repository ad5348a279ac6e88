"""Alembic is the only way the schema changes: one head, empty → head, round trip, models == migrations."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from fireoffice.db import migrate, models  # noqa: F401
from fireoffice.db.base import Base
from fireoffice.db.session import Database


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request, tmp_path):
    if request.param == "sqlite":
        database = Database.open(str(tmp_path / "empty.sqlite"))
    else:
        database = Database.open(request.getfixturevalue("pg_url"))
    yield database
    database.dispose()


def _diff(database: Database) -> list:
    with database.engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)


def test_exactly_one_head():
    assert len(migrate.all_heads()) == 1


def test_upgrade_from_empty_creates_every_table(empty_db):
    assert migrate.current_revision(empty_db.engine) is None
    migrate.upgrade(empty_db.engine)
    assert migrate.current_revision(empty_db.engine) == migrate.head_revision()
    tables = set(inspect(empty_db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_models_match_migrations(empty_db):
    migrate.upgrade(empty_db.engine)
    assert _diff(empty_db) == []


def test_downgrade_upgrade_round_trip(empty_db):
    migrate.upgrade(empty_db.engine)
    migrate.downgrade(empty_db.engine, "base")
    assert migrate.current_revision(empty_db.engine) is None
    leftover = set(inspect(empty_db.engine).get_table_names()) - {"alembic_version"}
    assert leftover == set()
    migrate.upgrade(empty_db.engine)
    assert _diff(empty_db) == []


def test_each_step_round_trips_on_sqlite(tmp_path):
    """Every single revision downgrades and upgrades again (not only base ↔ head)."""
    database = Database.open(str(tmp_path / "steps.sqlite"))
    migrate.upgrade(database.engine)
    revisions = sorted(migrate.known_revisions())
    for rev in reversed(revisions):
        migrate.downgrade(database.engine, "-1")
        migrate.upgrade(database.engine, revision=rev)
        migrate.downgrade(database.engine, "-1")
    assert migrate.current_revision(database.engine) is None
    migrate.upgrade(database.engine)
    assert migrate.current_revision(database.engine) == migrate.head_revision()


def test_sqlite_file_behind_is_backed_up_first(tmp_path, monkeypatch):
    database = Database.open(str(tmp_path / "old.sqlite"))
    made = migrate.upgrade(database.engine, backup_dir=tmp_path / "bk")
    assert made is None  # a new database has nothing to lose
    # Pretend a newer release is installed: the file is now "behind".
    monkeypatch.setattr(migrate, "head_revision", lambda: "ffffffffffff")
    made = migrate.upgrade(database.engine, backup_dir=tmp_path / "bk")
    assert made is not None and made.exists() and made.stat().st_size > 0
    copy = Database.open(str(made))
    assert set(inspect(copy.engine).get_table_names()) >= set(Base.metadata.tables)
    copy.dispose()


def test_light_revision_reader_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert migrate.all_heads() == sorted(script.get_heads())
    assert migrate.known_revisions() == {r.revision for r in script.walk_revisions()}
