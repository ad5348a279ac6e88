"""Locked (submitted) months of the 统计月报: a snapshot of every figure, verified on read, and the amendments.

Locking stores the month's full report — every row and column, per township and per grid — as a JSON snapshot
with its SHA-256 (domain.md §11 "Lock each month after submission"). A locked month shows the figures as
submitted; whatever differs when recomputed from today's records is listed as an amendment (更正: submitted →
current), and each amendment drills down to the records behind the figure that were created or changed after
the lock. A snapshot whose hash no longer matches (edited outside the app) is reported, never shown as
submitted. Unlocking needs a reason; locking and unlocking are audited.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.base import utcnow
from fireoffice.db.models import StatsMonthLock
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.stats_metrics import utc
from fireoffice.services.stats_monthly import (
    BY,
    SPANS,
    TOTAL,
    Cell,
    DrillRow,
    Report,
    compute,
    records,
    spans,
)

PERMISSION = "stats.submit"
SNAPSHOT_VERSION = 1
MAX_NOTE = 500


@dataclass(frozen=True)
class LockInfo:
    period: str  # "YYYY-MM"
    locked_at: datetime  # aware UTC
    locked_by: str
    note: str
    sha256: str


@dataclass(frozen=True)
class Amendment:
    """One figure that differs from the submitted report (更正)."""

    area: str
    key: str
    label: str
    span: str  # month / ytd / last_year
    submitted: float
    current: float


@dataclass(frozen=True)
class MonthView:
    """What the statistics page shows for a month."""

    report: Report  # the submitted figures when locked and intact, otherwise today's
    current: Report
    lock: LockInfo | None
    intact: bool  # False: the snapshot does not match its hash
    problem: str
    amendments: tuple[Amendment, ...]

    @property
    def locked(self) -> bool:
        return self.lock is not None


def period_of(year: int, month: int) -> str:
    spans(year, month)  # validates
    return f"{year:04d}-{month:02d}"


def digest(snapshot: dict[str, Any]) -> str:
    text = json.dumps(snapshot, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(at: datetime) -> str:
    return utc(at).astimezone(timezone.utc).isoformat(timespec="microseconds")


def _report_json(report: Report) -> dict[str, Any]:
    return {
        "areas": list(report.areas),
        "columns": [list(c) for c in report.columns],
        "cells": {area: {key: [c.month, c.ytd, c.last_year] for (a, key), c in report.cells.items() if a == area}
                  for area in report.areas},
    }


def _report_of(data: dict[str, Any], year: int, month: int, by: str) -> Report:
    cells = {(area, key): Cell(*(float(v) for v in values))
             for area, row in data["cells"].items() for key, values in row.items()}
    return Report(year, month, by, tuple(data["areas"]), tuple(tuple(c) for c in data["columns"]), cells)


def _info(row: StatsMonthLock) -> LockInfo:
    return LockInfo(row.period, utc(row.locked_at), row.locked_by, row.note, row.snapshot_sha256)


def _row(s: Session, period: str) -> StatsMonthLock | None:
    return s.execute(select(StatsMonthLock).where(StatsMonthLock.period == period)).scalar_one_or_none()


def lock_month(ctx: ServiceContext, year: int, month: int, note: str = "") -> LockInfo:
    """Freeze the month as submitted: both breakdowns, every figure, hashed; audited."""
    require(ctx, PERMISSION)
    period = period_of(year, month)
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError("备注", f"不超过 {MAX_NOTE} 字")
    if date(year, month, 1) > date.today():
        raise ValidationError("统计月份", f"{period} 还没有到，不能锁定")
    with ctx.db.write() as s:
        if _row(s, period) is not None:
            raise Conflict(f"{period} 月报已经锁定。如需更正，先填写原因解锁。")
        locked_at = utcnow()
        reports = compute(s, year, month, BY)  # inside the write: nothing changes between figures and lock
        snapshot = {"version": SNAPSHOT_VERSION, "period": period, "locked_at": _iso(locked_at),
                    "locked_by": ctx.actor.username, "reports": {by: _report_json(r) for by, r in reports.items()}}
        sha = digest(snapshot)
        row = StatsMonthLock(period=period, locked_at=locked_at, locked_by=ctx.actor.username, snapshot=snapshot,
                             snapshot_sha256=sha, note=note)
        s.add(row)
        s.flush()
        totals = {key: reports["township"].cell(TOTAL, key).month for key, _label in reports["township"].columns}
        audit.record(s, ctx.actor.username, "锁定统计月报", "stats_month_lock", period, None,
                     {"period": period, "snapshot_sha256": sha, "note": note, "本月合计": totals})
        return LockInfo(period, locked_at, row.locked_by, note, sha)


def unlock_month(ctx: ServiceContext, year: int, month: int, reason: str) -> None:
    """Reopen a submitted month; the reason and the snapshot's hash go into the audit log."""
    require(ctx, PERMISSION)
    period = period_of(year, month)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("解锁原因", "请写明为什么解锁（例如：更正后重新上报）")
    if len(reason) > MAX_NOTE:
        raise ValidationError("解锁原因", f"不超过 {MAX_NOTE} 字")
    with ctx.db.write() as s:
        row = _row(s, period)
        if row is None:
            raise NotFound(f"{period} 月报没有锁定。")
        before = {"period": period, "locked_at": _iso(row.locked_at), "locked_by": row.locked_by,
                  "snapshot_sha256": row.snapshot_sha256, "note": row.note}
        s.delete(row)
        s.flush()
        audit.record(s, ctx.actor.username, "解锁统计月报", "stats_month_lock", period, before, {"reason": reason})


def lock_info(ctx: ServiceContext, year: int, month: int) -> LockInfo | None:
    with ctx.db.read() as s:
        row = _row(s, period_of(year, month))
        return _info(row) if row is not None else None


def locked_months(ctx: ServiceContext) -> list[LockInfo]:
    with ctx.db.read() as s:
        return [_info(r) for r in s.execute(select(StatsMonthLock).order_by(StatsMonthLock.period)).scalars()]


def _verify(row: StatsMonthLock) -> str:
    """'' when the snapshot is the one that was locked; otherwise what is wrong, in plain Chinese."""
    snap = row.snapshot
    if not isinstance(snap, dict) or digest(snap) != row.snapshot_sha256:
        return (f"{row.period} 月报的锁定快照与校验值（SHA-256）不符：快照在软件之外被改动过，"
                "不能作为已上报数字。下面显示按现有记录重新计算的数字；请核对后解锁并重新锁定。")
    if (snap.get("period") != row.period or snap.get("locked_at") != _iso(row.locked_at)
            or snap.get("locked_by") != row.locked_by):
        return (f"{row.period} 月报的锁定记录（月份、锁定时间或锁定人）与快照不一致：记录在软件之外被改动过。"
                "下面显示按现有记录重新计算的数字。")
    if not all(by in snap.get("reports", {}) for by in BY):
        return f"{row.period} 月报的锁定快照不完整。下面显示按现有记录重新计算的数字。"
    return ""


def amendments(submitted: Report, current: Report) -> tuple[Amendment, ...]:
    """Every figure (area × column × span) whose current value differs from the submitted one."""
    labels = dict(current.columns) | dict(submitted.columns)
    keys = [k for k, _ in current.columns] + [k for k, _ in submitted.columns if k not in dict(current.columns)]
    areas = [a for a in current.areas if a != TOTAL] + [a for a in submitted.areas if a not in current.areas]
    areas = sorted(set(areas) - {TOTAL}) + [TOTAL]
    zero = Cell(0.0, 0.0, 0.0)
    out = []
    for area in areas:
        for key in keys:
            was, now = submitted.cells.get((area, key), zero), current.cells.get((area, key), zero)
            for span in SPANS:
                a, b = getattr(was, span), getattr(now, span)
                if abs(a - b) > 1e-9:
                    out.append(Amendment(area, key, labels[key], span, a, b))
    return tuple(out)


def month_view(ctx: ServiceContext, year: int, month: int, by: str = "township") -> MonthView:
    """The month as the statistics page shows it: submitted figures and amendments when locked."""
    period = period_of(year, month)
    with ctx.db.read() as s:
        current = compute(s, year, month, (by,))[by]
        row = _row(s, period)
        if row is None:
            return MonthView(current, current, None, True, "", ())
        info = _info(row)
        problem = _verify(row)
        if problem:
            return MonthView(current, current, info, False, problem, ())
        submitted = _report_of(row.snapshot["reports"][by], year, month, by)
    return MonthView(submitted, current, info, True, "", amendments(submitted, current))


def amendment_records(ctx: ServiceContext, year: int, month: int, by: str, area: str, key: str,
                      span: str = "month") -> list[DrillRow]:
    """The records behind a figure of a locked month that were created or changed after the lock.

    Records deleted since, or moved out of the figure by an edit that left no trace on a record still inside
    it, are not listed here; the audit log holds those changes."""
    info = lock_info(ctx, year, month)
    if info is None:
        raise NotFound(f"{period_of(year, month)} 月报没有锁定。")
    return records(ctx, year, month, by, area, key, span, changed_after=info.locked_at)
