"""Alembic, driven from code: the schema changes only through the migrations shipped in the package."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    return heads[0] if heads else ""


def all_heads() -> list[str]:
    return list(ScriptDirectory.from_config(alembic_config()).get_heads())


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_backup(src: Path, dest: Path) -> Path:
    """A consistent copy of a live SQLite file through the online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(str(src)) as s, sqlite3.connect(str(dest)) as d:
        s.backup(d)
    return dest


def upgrade(engine: Engine, backup_dir: Path | None = None, revision: str = "head") -> Path | None:
    """Migrate to head; an existing SQLite file that is behind is first copied to a timestamped backup."""
    backup_path = None
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if engine.dialect.name == "sqlite" and backup_dir is not None and current and current != target:
        src = Path(engine.url.database)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = sqlite_backup(src, backup_dir / f"{src.stem}-{stamp}-before-{target[:12]}.sqlite")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    return backup_path


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def autogenerate(message: str, rev_id: str | None = None) -> None:
    """Developer helper: write a new migration by diffing the models against a fresh database at head."""
    import tempfile

    from fireoffice.db.session import make_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/autogen.sqlite")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
