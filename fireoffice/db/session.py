"""Engine and sessions: SQLite pragmas (WAL, foreign keys, FULL sync, busy timeout) or PostgreSQL, same code."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from fireoffice.db import seals

BUSY_TIMEOUT_MS = 10_000


class DatabaseTargetError(Exception):
    """The --db target cannot be used (missing folder, bad URL); the message is for the user."""


def resolve_url(target: str) -> str:
    """A SQLAlchemy URL as given, or a file path turned into an absolute sqlite URL."""
    if "://" in target:
        try:
            make_url(target)
        except Exception as exc:  # sqlalchemy raises ArgumentError with an English text
            raise DatabaseTargetError(f"数据库地址无法识别：{target}") from exc
        return target
    path = Path(target).expanduser().resolve()
    if not path.parent.is_dir():
        raise DatabaseTargetError(f"数据库所在文件夹不存在：{path.parent}")
    if path.is_dir():
        raise DatabaseTargetError(f"数据库路径是一个文件夹，不是文件：{path}")
    return f"sqlite:///{path}"


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001 - DBAPI objects
        # Let SQLAlchemy's "begin" event issue BEGIN itself so writers can take the lock up front.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):  # noqa: ANN001
        # Writers take the write lock at BEGIN (no deadlock on lock upgrade); readers stay deferred
        # so a long import never blocks the screens that only read.
        immediate = conn.get_execution_options().get("fo_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, **kwargs) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kwargs)
        _sqlite_setup(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True, **kwargs)
    seals.install(engine)
    return engine


@dataclass
class Database:
    """One database: an engine plus read and write session factories."""

    url: str
    engine: Engine
    # Set by services.database.open_database: turns a driver failure (disk full, read-only, locked) into
    # the services' StorageError with a plain message. The db layer does not know the services' errors.
    translate_error: Callable[[BaseException], Exception] | None = None

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except sa_exc.OperationalError as error:
            if self.translate_error is None:
                raise
            raise self.translate_error(error) from error

    @classmethod
    def open(cls, target: str) -> Database:
        url = resolve_url(target)
        return cls(url=url, engine=make_engine(url))

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.engine.url.database) if self.is_sqlite and self.engine.url.database else None

    def display_name(self) -> str:
        if self.is_sqlite:
            return str(self.sqlite_path)
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._translated(), Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back everything on any exception."""
        engine = self.engine.execution_options(fo_write=True) if self.is_sqlite else self.engine
        maker = sessionmaker(engine, expire_on_commit=False)
        with self._translated(), maker() as session, session.begin():
            seals.start(session)
            try:
                yield session
                seals.finish(session)  # move the row seals (db/seals.py) in the same transaction
            finally:
                seals.stop(session)

    def dispose(self) -> None:
        self.engine.dispose()
