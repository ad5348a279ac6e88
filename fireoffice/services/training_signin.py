"""Sign-in spreadsheets of a session: export one to fill, read a filled one back into the attendance.

Reading is one transaction: every line is matched (record number, else unit + name, else the unit's blank
line), people not invited become walk-ins (签到表导入), repeated lines are merged and reported — nothing is
dropped silently, and a refusal (a future session, an unreadable file) leaves the attendance untouched.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select

from fireoffice.db.base import utcnow
from fireoffice.db.models import TrainingAttendee
from fireoffice.exchange import xlsx_attendance
from fireoffice.exchange.xlsx_read import SpreadsheetError
from fireoffice.services import audit, training
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import StorageError, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.training_attendance import check_can_sign, fold, list_attendees, match_unit, next_seq
from fireoffice.services.training_print import session_lines, sheet_title


@dataclass
class SignInReport:
    present: int = 0
    leave: int = 0
    absent: int = 0
    unchanged: int = 0
    walk_ins: int = 0
    names_filled: int = 0  # a blank invited line got the name written on site
    merged: int = 0  # the same person twice in the file
    problems: list[ValidationError] = field(default_factory=list)  # lines left out, with row and reason
    dry_run: bool = False

    def text(self) -> str:
        verb = "检查完成（未写入）：" if self.dry_run else "已读入签到表："
        parts = [f"实到 {self.present} 人", f"请假 {self.leave} 人", f"缺席 {self.absent} 人"]
        if self.walk_ins:
            parts.append(f"其中未邀请、按现场补录登记 {self.walk_ins} 人")
        if self.names_filled:
            parts.append(f"补填姓名 {self.names_filled} 人")
        if self.merged:
            parts.append(f"表内重复 {self.merged} 行已合并")
        if self.problems:
            parts.append(f"{len(self.problems)} 行未能读入（见下）")
        return verb + "，".join(parts) + "。"


def export_sign_in_xlsx(ctx: ServiceContext, session_uid: str, path: Path | str) -> Path:
    info = training.get_session(ctx, session_uid)
    people = [xlsx_attendance.SheetPerson(a.uid, a.unit_name, a.person_name, a.position, a.phone,
                                          {"实到": "√", "请假": "请假", "缺席": "缺席"}.get(a.status, ""))
              for a in list_attendees(ctx, session_uid)]
    try:
        return xlsx_attendance.write_sheet(Path(path), f"{sheet_title(info)}（{info.session_no}）",
                                           session_lines(info), people)
    except OSError as error:
        raise StorageError(f"无法写入文件 {path}：{error.strerror or error}。请换一个文件夹或关闭正在打开它的程序。") from error


def _match(rows: list[TrainingAttendee], line: xlsx_attendance.SheetLine) -> TrainingAttendee | None:
    if line.key:
        for a in rows:
            if a.uid == line.key:
                return a
    unit, name = fold(line.unit), fold(line.name)
    same_unit = [a for a in rows if unit and fold(a.unit_name) == unit]
    if name:
        for a in (same_unit or rows):
            if fold(a.person_name) == name and (not unit or fold(a.unit_name) == unit):
                return a
        blank = [a for a in same_unit if not a.person_name]
        return blank[0] if blank else None
    return same_unit[0] if len(same_unit) == 1 else None


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back after the report is complete."""


def import_sign_in(ctx: ServiceContext, session_uid: str, path: Path | str, blank_as_absent: bool = False,
                   dry_run: bool = False, today: date | None = None) -> SignInReport:
    """Apply a filled sheet. `blank_as_absent`: invited people with no mark become 缺席 (after the session)."""
    require(ctx, "training.edit")
    try:
        lines = xlsx_attendance.read_sheet(Path(path))
    except SpreadsheetError as error:
        raise ValidationError("签到表", error.message) from None
    except OSError as error:
        raise StorageError(f"无法读取文件 {path}：{error.strerror or error}") from error
    report = SignInReport(dry_run=dry_run)
    with contextlib.suppress(_DryRun):
        _apply(ctx, session_uid, lines, report, blank_as_absent, dry_run, today, Path(path).name)
    return report


def _apply(ctx: ServiceContext, session_uid: str, lines: list[xlsx_attendance.SheetLine], report: SignInReport,
           blank_as_absent: bool, dry_run: bool, today: date | None, file_name: str) -> None:
    with ctx.db.write() as s:
        sess = training.load(s, session_uid)
        check_can_sign(sess, "实到", today)
        rows = s.execute(select(TrainingAttendee).where(TrainingAttendee.session_id == sess.id)
                         .order_by(TrainingAttendee.seq)).scalars().all()
        seen: dict[int, int] = {}  # attendee id → sheet row
        changes = []
        for line in lines:
            a = _match(rows, line)
            if a is None and not line.name:
                report.problems.append(ValidationError("姓名", "没有姓名，也对不上名单中的人员", line.row))
                continue
            if a is not None and a.id in seen:
                report.merged += 1
                report.problems.append(ValidationError("姓名", f"与第 {seen[a.id]} 行是同一人，已合并", line.row))
                continue
            if line.mark and line.status is None:
                report.problems.append(ValidationError("签到", f"看不懂签到标记“{line.mark}”，请填 √、请假 或 缺席",
                                                       line.row))
                continue
            if a is None:  # not invited: a walk-in, recorded as such
                unit = match_unit(s, None, line.unit)
                a = TrainingAttendee(session_id=sess.id, seq=next_seq(s, sess.id), unit_id=unit.id if unit else None,
                                     unit_name=unit.name if unit else line.unit[:120], person_name=line.name[:40],
                                     position=line.position[:40], phone=line.phone[:30], source="签到表导入",
                                     status="未签到", note=line.note[:200])
                s.add(a)
                s.flush()
                rows.append(a)
                report.walk_ins += 1
                status = line.status or "实到"  # written on the sheet means came, unless marked otherwise
            elif a.source != "邀请":  # a walk-in's own line: written there means came, as when first read
                status = line.status or "实到"
            else:
                status = line.status or ("缺席" if blank_as_absent else None)
                if line.name and not a.person_name:
                    a.person_name = line.name[:40]
                    report.names_filled += 1
            seen[a.id] = line.row
            if status is None or status == a.status:
                report.unchanged += 1
                continue
            changes.append((a.uid, a.status, status))
            a.status, a.checked_at = status, utcnow() if status == "实到" else None
        if blank_as_absent:
            for a in rows:
                if a.id not in seen and a.status == "未签到":
                    changes.append((a.uid, a.status, "缺席"))
                    a.status = "缺席"
        for a in rows:
            report.present += a.status == "实到"
            report.leave += a.status == "请假"
            report.absent += a.status == "缺席"
        audit.record(s, ctx.actor.username, "读入签到表", "training_session", sess.uid, None,
                     {"file": file_name, "changes": changes, "walk_ins": report.walk_ins})
        if dry_run:
            raise _DryRun()  # the same checks and counts, then roll everything back
