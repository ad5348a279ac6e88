"""Alembic, driven from code: the schema changes only through the migrations shipped in the package.

Reading the revision graph and the database's version is done without importing Alembic (which costs
~0.1 s): app start only pays for Alembic when the database is actually behind.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import datetime
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(.+)$", re.M)


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """revision → its down revisions, read from the migration files."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev:
            graph[rev.group(1)] = tuple(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1))) if down else ()
    return graph


def all_heads() -> list[str]:
    graph = revision_graph()
    parents = {p for downs in graph.values() for p in downs}
    return sorted(rev for rev in graph if rev not in parents)


def head_revision() -> str:
    heads = all_heads()
    return heads[0] if heads else ""


def known_revisions() -> set[str]:
    return set(revision_graph())


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def sqlite_backup(src: Path, dest: Path) -> Path:
    """A consistent copy of a live SQLite file through the online backup API."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")  # a crash mid-copy never leaves a half file as `dest`
    partial.unlink(missing_ok=True)
    with sqlite3.connect(str(src)) as s, sqlite3.connect(str(partial)) as d:
        s.backup(d)
    d.close()
    s.close()
    os.replace(partial, dest)
    return dest


def upgrade(engine: Engine, backup_dir: Path | None = None, revision: str = "head") -> Path | None:
    """Migrate to head; an existing SQLite file that is behind is first copied to a timestamped backup."""
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup_path = None
    if engine.dialect.name == "sqlite" and backup_dir is not None and current:
        src = Path(engine.url.database)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = sqlite_backup(src, backup_dir / f"{src.stem}-{stamp}-before-{target[:12]}.sqlite")
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
        if target == head_revision():
            from fireoffice.db import seals

            seals.seal_all(conn)  # the schema changed: every row's hash did too
    return backup_path


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)


def autogenerate(message: str, rev_id: str | None = None) -> None:
    """Developer helper: write a new migration by diffing the models against a fresh database at head."""
    import tempfile

    from alembic import command

    from fireoffice.db.session import make_engine

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/autogen.sqlite")
        upgrade(engine)
        with engine.begin() as conn:
            command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        engine.dispose()
    revision_graph.cache_clear()
