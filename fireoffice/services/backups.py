"""Automatic backups: one a day at start, keeping the newest N (a station setting, default 14)."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from pathlib import Path

from fireoffice import paths
from fireoffice.db.models import AppSetting
from fireoffice.services import audit, database
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError, ValidationError
from fireoffice.services.permissions import require

log = logging.getLogger(__name__)
KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 14
PREFIX = "auto-"


def keep_count(ctx: ServiceContext) -> int:
    with ctx.db.read() as s:
        row = s.get(AppSetting, KEEP_SETTING)
    try:
        return max(1, int(json.loads(row.value))) if row else DEFAULT_KEEP
    except (TypeError, ValueError):
        return DEFAULT_KEEP


def set_keep_count(ctx: ServiceContext, keep: int) -> None:
    require(ctx, "station.edit")
    if not isinstance(keep, int) or not 1 <= keep <= 365:
        raise ValidationError("保留份数", "应在 1 到 365 之间")
    with ctx.db.write() as s:
        row = s.get(AppSetting, KEEP_SETTING)
        before = json.loads(row.value) if row else None
        if row is None:
            row = AppSetting(key=KEEP_SETTING, value="null")
            s.add(row)
        row.value = json.dumps(keep)
        audit.record(s, ctx.actor.username, "修改自动备份份数", "app_setting", KEEP_SETTING, before, keep)


def _suffix(ctx: ServiceContext) -> str:
    return ".sqlite" if ctx.db.is_sqlite else ".dump"


def automatic_backups(folder: Path | None = None) -> list[Path]:
    folder = folder or paths.backup_dir()
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.startswith(PREFIX) and p.suffix in (".sqlite", ".dump"))


def last_backup_day(folder: Path | None = None) -> date | None:
    found = automatic_backups(folder)
    if not found:
        return None
    try:
        return datetime.strptime(found[-1].name[len(PREFIX):len(PREFIX) + 8], "%Y%m%d").date()
    except ValueError:
        return None


def daily_backup(ctx: ServiceContext, today: date | None = None, folder: Path | None = None) -> Path | None:
    """Back up once a day (the first start of the day) and prune to the newest N; None when already done or
    nothing to back up (PostgreSQL without pg_dump is logged, not fatal)."""
    today = today or date.today()
    folder = folder or paths.backup_dir()
    if last_backup_day(folder) == today:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{PREFIX}{today:%Y%m%d}-{datetime.now():%H%M%S}{_suffix(ctx)}"
    try:
        made = database.backup(ctx.db, dest)
    except StorageError:
        if not ctx.db.is_sqlite:
            log.warning("automatic PostgreSQL backup skipped: pg_dump unavailable or failed")
            return None
        raise
    prune(keep_count(ctx), folder)
    return made


def prune(keep: int, folder: Path | None = None) -> list[Path]:
    """Remove automatic backups beyond the newest `keep`; manual backups are never touched."""
    found = automatic_backups(folder)
    removed = found[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def backup_now(ctx: ServiceContext, dest: Path) -> Path:
    """A manual backup by the acting user (settings, File menu)."""
    require(ctx, "database.backup")
    return database.backup(ctx.db, dest)


def restore_from(ctx: ServiceContext, src: Path) -> Path | None:
    """Restore as the acting user; the current database is backed up first (database.restore)."""
    require(ctx, "database.restore")
    return database.restore(ctx.db, src)
