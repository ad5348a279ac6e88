"""Working-day arithmetic (domain.md §10): holiday/调休 calendar, period rules, and deadlines that remember both.

Precedence for one day: the station's `calendar_override` row, else chinese-calendar for the years it knows,
else Monday–Friday with a warning. An unknown year never raises: a deadline computed across it carries the
warning so the page can show it next to the date.
"""

from __future__ import annotations

import calendar as _calendar
import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import CalendarOverride
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.permissions import require

HOLIDAY = "HOLIDAY"
ADJUSTED_WORKDAY = "ADJUSTED_WORKDAY"
OVERRIDE_KINDS = {HOLIDAY: "法定节假日（放假）", ADJUSTED_WORKDAY: "调休上班"}


def _builtin_years() -> tuple[int, int] | None:
    try:
        from chinese_calendar import constants
    except ImportError:  # packaging mistake: fall back to overrides + weekdays, with warnings
        return None
    years = [d.year for d in constants.holidays]
    return (min(years), max(years)) if years else None


def _builtin_version() -> str:
    try:
        import chinese_calendar
    except ImportError:
        return "无内置日历"
    return f"chinese-calendar {chinese_calendar.__version__}"


@dataclass(frozen=True)
class WorkCalendar:
    """An immutable snapshot of the calendar: build once per service call, then compute many deadlines."""

    overrides: dict[date, str] = field(default_factory=dict)

    @cached_property
    def builtin_years(self) -> tuple[int, int] | None:
        return _builtin_years()

    @cached_property
    def override_years(self) -> frozenset[int]:
        return frozenset(d.year for d in self.overrides)

    @cached_property
    def version(self) -> str:
        """Names the data a deadline was computed with, so an audit can tell which calendar was in force."""
        digest = hashlib.sha256(
            "|".join(f"{d.isoformat()}={k}" for d, k in sorted(self.overrides.items())).encode()).hexdigest()
        return f"{_builtin_version()}; 本地调整 {len(self.overrides)} 天 #{digest[:8]}"

    def knows_year(self, year: int) -> bool:
        years = self.builtin_years
        return (years is not None and years[0] <= year <= years[1]) or year in self.override_years

    def is_workday(self, day: date) -> bool:
        kind = self.overrides.get(day)
        if kind is not None:
            return kind == ADJUSTED_WORKDAY
        years = self.builtin_years
        if years is not None and years[0] <= day.year <= years[1]:
            import chinese_calendar

            return chinese_calendar.is_workday(day)
        return day.weekday() < 5

    def next_workday(self, day: date) -> date:
        """The day itself when it is a workday, else the first workday after it."""
        while not self.is_workday(day):
            day += timedelta(days=1)
        return day

    def unknown_years(self, start: date, end: date) -> list[int]:
        return [y for y in range(start.year, end.year + 1) if not self.knows_year(y)]


def unknown_year_warning(years: list[int]) -> str:
    shown = "、".join(str(y) for y in years)
    return (f"{shown} 年的节假日安排尚未录入，期限暂按周一至周五为工作日计算；"
            "请在“设置 → 节假日”中按国务院办公厅通知补录。")


def load_calendar(session: Session) -> WorkCalendar:
    rows = session.execute(select(CalendarOverride.day, CalendarOverride.kind)).all()
    return WorkCalendar({d: k for d, k in rows})


def get_calendar(ctx: ServiceContext) -> WorkCalendar:
    with ctx.db.read() as s:
        return load_calendar(s)


# --- period arithmetic -------------------------------------------------------------------------------------

def add_workdays(cal: WorkCalendar, start: date, n: int) -> date:
    """The n-th workday after `start`; the start day itself is never counted (民事诉讼法 Art. 82)."""
    if n < 0:
        raise ValidationError("工作日数", "不能为负数")
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if cal.is_workday(day):
            counted += 1
    return day


def add_natural_days(cal: WorkCalendar, start: date, n: int) -> date:
    """start + n days; a last day that falls on a rest day moves to the next workday."""
    if n < 0:
        raise ValidationError("天数", "不能为负数")
    return cal.next_workday(start + timedelta(days=n))


def add_months(cal: WorkCalendar, start: date, m: int, roll: bool = True) -> date:
    """The corresponding day m months later (or that month's last day, 民法典 Art. 201–203), rolled to a workday."""
    if m < 0:
        raise ValidationError("月数", "不能为负数")
    month_index = start.month - 1 + m
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = date(year, month, min(start.day, _calendar.monthrange(year, month)[1]))
    return cal.next_workday(day) if roll else day


# --- deadline rules ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    code: str
    label: str  # stored with each deadline, readable in the ledger
    unit: str  # workdays / days / months / hours
    amount: int


RULES: dict[str, Rule] = {r.code: r for r in (
    Rule("notice", "责令限期改正通知书：检查之日起3个工作日内送达", "workdays", 3),
    Rule("recheck_deadline", "复查：整改期限届满之日起3个工作日内", "workdays", 3),
    Rule("recheck_application", "复查：收到复查申请之日起3个工作日内", "workdays", 3),
    Rule("extension_decision", "延期申请：收到申请之日起3个工作日内决定", "workdays", 3),
    Rule("complaint_urgent", "举报核查（堵塞疏散通道、安全出口或消防设施失效）：24小时内", "hours", 24),
    Rule("complaint", "举报核查：3个工作日内", "workdays", 3),
    Rule("publish_results", "双随机抽查结果：20个工作日内公示", "workdays", 20),
)}


@dataclass(frozen=True)
class Deadline:
    due: date
    due_at: datetime | None  # only for hour-based rules
    rule: str
    calendar_version: str
    warnings: tuple[str, ...] = ()


def deadline(cal: WorkCalendar, rule_code: str, start: date | datetime) -> Deadline:
    """Apply a named rule; the result remembers the rule text and the calendar version."""
    rule = RULES.get(rule_code)
    if rule is None:
        raise ValidationError("期限规则", f"未知的期限规则：{rule_code}")
    if rule.unit == "hours":
        if not isinstance(start, datetime):
            raise ValidationError("受理时间", "按小时计算的期限需要具体到时分")
        due_at = start + timedelta(hours=rule.amount)
        return Deadline(due_at.date(), due_at, rule.label, cal.version)
    day = start.date() if isinstance(start, datetime) else start
    return period(cal, day, rule.amount, rule.unit, rule.label)


def period(cal: WorkCalendar, start: date, amount: int, unit: str, label: str = "") -> Deadline:
    """A free period (e.g. the 整改期限 an officer chose), with its rule text and calendar version."""
    if unit == "workdays":
        due, text = add_workdays(cal, start, amount), f"{amount}个工作日（起算日不计）"
    elif unit == "days":
        due, text = add_natural_days(cal, start, amount), f"{amount}日（末日为休息日的顺延）"
    elif unit == "months":
        due, text = add_months(cal, start, amount), f"{amount}个月（对应日，末日为休息日的顺延）"
    else:
        raise ValidationError("期限单位", "只能是 工作日、日 或 月")
    missing = cal.unknown_years(start, due)
    warnings = (unknown_year_warning(missing),) if missing else ()
    return Deadline(due, None, label or text, cal.version, warnings)


def calendar_warnings(cal: WorkCalendar, today: date) -> list[str]:
    """From 1 December, remind the station when next year's holidays are not yet known."""
    warnings = []
    if not cal.knows_year(today.year):
        warnings.append(unknown_year_warning([today.year]))
    if today.month == 12 and not cal.knows_year(today.year + 1):
        warnings.append(unknown_year_warning([today.year + 1]))
    return warnings


# --- the editable override table ---------------------------------------------------------------------------

@dataclass(frozen=True)
class OverrideInfo:
    uid: str
    day: date
    kind: str
    name: str
    source_notice: str


def list_overrides(ctx: ServiceContext, year: int | None = None) -> list[OverrideInfo]:
    with ctx.db.read() as s:
        q = select(CalendarOverride).order_by(CalendarOverride.day)
        if year is not None:
            q = q.where(CalendarOverride.day >= date(year, 1, 1), CalendarOverride.day <= date(year, 12, 31))
        return [OverrideInfo(r.uid, r.day, r.kind, r.name, r.source_notice) for r in s.execute(q).scalars()]


def set_overrides(ctx: ServiceContext, days: list[tuple[date, str, str]], source_notice: str) -> int:
    """Add or replace days from one 国务院办公厅 notice: (day, HOLIDAY|ADJUSTED_WORKDAY, name). Returns count."""
    require(ctx, "rules.edit")
    notice = (source_notice or "").strip()
    if not notice:
        raise ValidationError("通知文号", "请填写国务院办公厅通知的文号，便于日后核对")
    if not days:
        raise ValidationError("日期", "没有要录入的日期")
    for day, kind, _name in days:
        if kind not in OVERRIDE_KINDS:
            raise ValidationError("类型", f"{day}：只能是 放假 或 调休上班")
    with ctx.db.write() as s:
        for day, kind, name in days:
            row = s.execute(select(CalendarOverride).where(CalendarOverride.day == day)).scalar()
            before = {"kind": row.kind, "name": row.name, "source_notice": row.source_notice} if row else None
            if row is None:
                row = CalendarOverride(day=day, created_by=ctx.actor.username)
                s.add(row)
            row.kind, row.name, row.source_notice = kind, (name or "").strip(), notice
            s.flush()
            audit.record(s, ctx.actor.username, "设置节假日", "calendar_override", row.uid, before,
                         {"day": day.isoformat(), "kind": kind, "name": row.name, "source_notice": notice})
    return len(days)


def remove_override(ctx: ServiceContext, day: date) -> None:
    require(ctx, "rules.edit")
    with ctx.db.write() as s:
        row = s.execute(select(CalendarOverride).where(CalendarOverride.day == day)).scalar()
        if row is None:
            raise Conflict(f"{day} 没有本地调整，无需删除。")
        audit.record(s, ctx.actor.username, "删除节假日调整", "calendar_override", row.uid,
                     {"day": day.isoformat(), "kind": row.kind, "source_notice": row.source_notice}, None)
        s.delete(row)
