"""Database administration use cases: open, migrate, check, back up and restore."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import text

from fireoffice import paths
from fireoffice.db import migrate
from fireoffice.db.session import Database, DatabaseTargetError
from fireoffice.services import audit
from fireoffice.services.errors import StorageError


def explain_db_error(error: BaseException, where: str) -> str:
    """Turn a driver error into one plain sentence that says what to do."""
    msg = str(getattr(error, "orig", error)).lower()
    if "not a database" in msg or "malformed" in msg or "file is encrypted" in msg:
        return f"{where} 不是有效的数据库文件，或文件已损坏。请选择正确的文件，或从备份恢复。"
    if "locked" in msg or "busy" in msg:
        return f"{where} 正被其他程序占用（数据库已锁定）。请稍后再试，或关闭其他正在使用它的程序。"
    if "disk" in msg and ("full" in msg or "i/o" in msg):
        return f"{where} 所在磁盘已满或无法写入。请清理磁盘空间后再试，已保存的数据不会丢失。"
    if "readonly" in msg or "read-only" in msg or "permission" in msg:
        return f"{where} 无法写入（只读或没有权限）。请检查文件夹权限。"
    if "unable to open" in msg:
        return f"无法打开 {where}。请检查路径和权限。"
    if "connection" in msg or "could not" in msg or "password" in msg:
        return f"无法连接数据库服务器 {where}：{str(getattr(error, 'orig', error)).strip().splitlines()[0]}"
    return f"{where} 出错：{str(getattr(error, 'orig', error)).strip().splitlines()[0]}"


@contextmanager
def storage_errors(db: Database | None, where: str | None = None) -> Iterator[None]:
    name = where or (db.display_name() if db else "数据库")
    try:
        yield
    except (sa_exc.DBAPIError, sqlite3.DatabaseError, OSError) as error:
        raise StorageError(explain_db_error(error, name)) from error


def open_database(target: str) -> Database:
    try:
        db = Database.open(target)
    except DatabaseTargetError as error:
        raise StorageError(str(error)) from error
    db.translate_error = lambda error: StorageError(explain_db_error(error, db.display_name()))
    return db


def require_existing_sqlite(db: Database) -> None:
    path = db.sqlite_path
    if path is not None and not path.exists():
        raise StorageError(f"数据库文件不存在：{path}（先运行 fireoffice db upgrade 创建）")


@dataclass
class SchemaState:
    current: str | None
    head: str

    @property
    def at_head(self) -> bool:
        return self.current == self.head


def schema_state(db: Database) -> SchemaState:
    with storage_errors(db):
        current = migrate.current_revision(db.engine)
    if current is not None and current not in migrate.known_revisions():
        raise StorageError(
            f"数据库 {db.display_name()} 由更新版本的 fireoffice 创建（版本 {current}），请升级本程序后再打开。"
        )
    return SchemaState(current, migrate.head_revision())


def upgrade(db: Database) -> Path | None:
    """Create or migrate to the newest schema; returns the backup made first, if any."""
    schema_state(db)  # refuses a database newer than the app
    with storage_errors(db):
        return migrate.upgrade(db.engine, backup_dir=paths.backup_dir())


@dataclass
class CheckResult:
    ok: bool
    problems: list[str] = field(default_factory=list)


def check(db: Database) -> CheckResult:
    """Integrity, foreign keys, schema version and the audit chain."""
    require_existing_sqlite(db)
    problems: list[str] = []
    with storage_errors(db):
        if db.is_sqlite:
            with db.engine.connect() as conn:
                result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
                if result != ["ok"]:
                    problems += [f"完整性检查：{r}" for r in result[:20]]
                for row in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()[:20]:
                    problems.append(f"外键错误：表 {row[0]} 第 {row[1]} 行引用的 {row[2]} 记录不存在")
        state = schema_state(db)
        if state.current is None:
            problems.append("数据库是空的，还没有建立表结构（运行 fireoffice db upgrade）")
            return CheckResult(False, problems)
        if not state.at_head:
            problems.append(f"数据库结构版本 {state.current} 不是最新的 {state.head}（运行 fireoffice db upgrade）")
            return CheckResult(False, problems)
        with db.read() as s:
            report = audit.verify(s)
        if not report.ok:
            problems.append(report.problem)
    return CheckResult(not problems, problems)


def verify_audit(db: Database) -> audit.ChainReport:
    """The audit chain and the row seals only (`fireoffice audit verify`)."""
    require_existing_sqlite(db)
    state = schema_state(db)
    if not state.at_head:
        raise StorageError(f"{db.display_name()} 的结构不是最新的（运行 fireoffice db upgrade）")
    with storage_errors(db), db.read() as s:
        return audit.verify(s)


def backup(db: Database, dest: Path) -> Path:
    """A consistent online copy (SQLite backup API; pg_dump for PostgreSQL)."""
    dest = Path(dest).expanduser().resolve()
    if not dest.parent.is_dir():
        raise StorageError(f"备份文件所在文件夹不存在：{dest.parent}")
    if db.is_sqlite:
        require_existing_sqlite(db)
        with storage_errors(db, str(dest)):
            migrate.sqlite_backup(db.sqlite_path, dest)
        return dest
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        raise StorageError("本机没有 pg_dump，无法备份 PostgreSQL 数据库。请在服务器上用 pg_dump 备份（见 README）。")
    url = db.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    done = subprocess.run([pg_dump, "--format=custom", "--file", str(dest), url],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise StorageError(f"pg_dump 失败：{done.stderr.strip().splitlines()[-1] if done.stderr else done.returncode}")
    return dest


def _revision_of_file(path: Path) -> str | None:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StorageError(f"{path} 已损坏，不能用来恢复。")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
    except sqlite3.DatabaseError as error:
        if "no such table" in str(error):
            raise StorageError(f"{path} 不是 fireoffice 的数据库，不能用来恢复。") from error
        raise StorageError(explain_db_error(error, str(path))) from error


def restore(db: Database, src: Path) -> Path | None:
    """Replace the current SQLite database with a backup; the current one is backed up first."""
    if not db.is_sqlite:
        raise StorageError("PostgreSQL 数据库请在服务器上用 pg_restore 恢复（见 README）。")
    src = Path(src).expanduser().resolve()
    if not src.is_file():
        raise StorageError(f"备份文件不存在：{src}")
    revision = _revision_of_file(src)
    if revision is None:
        raise StorageError(f"{src} 不是 fireoffice 的数据库，不能用来恢复。")
    if revision not in migrate.known_revisions():
        raise StorageError(f"{src} 来自更新版本的 fireoffice（版本 {revision}），请先升级本程序。")
    safety = None
    target = db.sqlite_path
    if target.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        safety = paths.backup_dir() / f"{target.stem}-{stamp}-before-restore.sqlite"
        with storage_errors(db):
            migrate.sqlite_backup(target, safety)
    db.dispose()
    with storage_errors(db):
        with sqlite3.connect(str(src)) as s, sqlite3.connect(str(target)) as d:
            s.backup(d)
        migrate.upgrade(db.engine, backup_dir=paths.backup_dir())
    return safety


def ping(db: Database) -> None:
    with storage_errors(db), db.engine.connect() as conn:
        conn.execute(text("SELECT 1"))
