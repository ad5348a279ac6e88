"""Export any ledger (台账) to a styled .xlsx for a period, with the county template's column mapping."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from fireoffice.db.models import AppSetting, StationProfile
from fireoffice.exchange.xlsx_stream import write_ledger
from fireoffice.exchange.xlsx_units import Column
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, StorageError, ValidationError
from fireoffice.services.ledger_complaints import SOURCE as COMPLAINTS_SOURCE
from fireoffice.services.ledger_sources import SOURCES, Col, Source
from fireoffice.services.permissions import require
from fireoffice.services.unit_export import Cancelled, ExportResult, export_errors

SOURCES.setdefault(COMPLAINTS_SOURCE.kind, COMPLAINTS_SOURCE)  # 举报投诉台账 (services/ledger_complaints.py)
# The names of ../shared/cli.md, in the order the 台账统计 page offers them.
KINDS = ("units", "inspections", "hazards", "documents", "penalties", "interviews", "trainings", "publicity",
         "complaints", "stats")
TITLES = {"complaints": "举报投诉台账", "stats": "统计月报", **{k: s.title for k, s in SOURCES.items()}}
SETTING = "ledger_template.{kind}"


@dataclass(frozen=True)
class Period:
    first: date | None = None
    last: date | None = None

    def __post_init__(self) -> None:
        if self.first and self.last and self.first > self.last:
            raise ValidationError("统计期间", "开始日期不能晚于结束日期")

    def text(self) -> str:
        if not self.first and not self.last:
            return "全部"
        return f"{self.first.isoformat() if self.first else '……'} 至 {self.last.isoformat() if self.last else '今'}"


def template(ctx: ServiceContext, kind: str) -> list[tuple[str, str]]:
    """The columns in the county's order and wording: (key, heading); the default when none is saved."""
    source = _source(kind)
    with ctx.db.read() as s:
        row = s.get(AppSetting, SETTING.format(kind=kind))
    saved = json.loads(row.value) if row is not None else None
    keys = {c.key for c in source.columns}
    if saved and any(k in keys for k, _h in saved):
        return [(k, h) for k, h in saved if k in keys]  # a column dropped by a later version is skipped
    return [(c.key, c.label) for c in source.columns]


def save_template(ctx: ServiceContext, kind: str, mapping: list[tuple[str, str]] | None) -> None:
    """Save the county template (a subset of the columns, reordered and renamed); None restores the default."""
    require(ctx, "station.edit")
    source = _source(kind)
    keys = {c.key for c in source.columns}
    if mapping is not None:
        if not mapping:
            raise ValidationError("列设置", "至少保留一列")
        for key, heading in mapping:
            if key not in keys:
                raise ValidationError("列设置", f"{source.title}没有“{key}”这一列")
            if not str(heading).strip():
                raise ValidationError("列设置", "列标题不能为空")
    with ctx.db.write() as s:
        name = SETTING.format(kind=kind)
        row = s.get(AppSetting, name)
        value = json.dumps(mapping, ensure_ascii=False) if mapping is not None else "null"
        if row is None:
            s.add(AppSetting(key=name, value=value))
        else:
            row.value = value
        audit.record(s, ctx.actor.username, "修改台账模板", "app_setting", name, None, mapping)


def exportable() -> tuple[str, ...]:
    """The kinds that can be exported now (举报投诉台账 once the complaints register has registered its source)."""
    return tuple(k for k in KINDS if k in SOURCES or k == "stats")


def _source(kind: str) -> Source:
    if kind not in SOURCES:
        raise ValidationError("台账", f"没有可设置列的台账“{kind}”")
    return SOURCES[kind]


def _station_name(ctx: ServiceContext) -> str:
    with ctx.db.read() as s:
        return s.execute(select(StationProfile.name).order_by(StationProfile.id).limit(1)).scalar() or ""


def layout(ctx: ServiceContext, kind: str) -> tuple[Source, list[int], list[Column]]:
    """The source, the indexes of the saved template's columns in a source row, and the sheet's columns."""
    source = _source(kind)
    mapping = template(ctx, kind)
    index = {c.key: i for i, c in enumerate(source.columns)}
    picks = [index[k] for k, _ in mapping]
    cols = [source.columns[i] for i in picks]
    return source, picks, [Column(heading, c.width, c.kind) for c, (_, heading) in zip(cols, mapping, strict=True)]


def export_ledger(ctx: ServiceContext, kind: str, path: Path | str, period: Period = Period(),
                  progress: Callable[[int, int], bool] | None = None) -> ExportResult:
    """Write one ledger of ../shared/cli.md's KINDs; `progress` returning False cancels and leaves no file."""
    require(ctx, "export")
    if kind not in KINDS:
        raise ValidationError("台账", f"没有“{kind}”台账，可选：{'、'.join(KINDS)}")
    if kind == "complaints" and kind not in SOURCES:
        raise ServiceError("举报投诉台账暂不能导出：本系统还没有举报投诉登记（只有举报投诉核查检查记录，见检查台账）。")
    if kind == "stats":
        from fireoffice.services import stats_monthly

        return stats_monthly.export_report(ctx, path, period, progress)
    source, picks, columns = layout(ctx, kind)
    cols = [source.columns[i] for i in picks]
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise StorageError(f"文件夹不存在：{path.parent}")
    station = _station_name(ctx)
    sums = [0] * len(cols)
    count = [0]

    def rows(session):
        for row in source.rows(session, period.first, period.last):
            out = [row[i] for i in picks]
            for j, c in enumerate(cols):
                if c.total and out[j]:
                    sums[j] += out[j]
            count[0] += 1
            yield out

    def totals() -> list:
        line: list = [sums[j] if c.total else None for j, c in enumerate(cols)]
        line[0] = f"合计 {count[0]:,} 条"
        return line

    title = f"{station}{source.title}"
    if source.as_of_end and period.last is not None:
        title += f"（截至 {period.last.isoformat()} 在册）"
    tick = None if progress is None else (lambda done: progress(done, 0))
    with ctx.db.read() as s:
        note = f"　{source.note(s, period.first, period.last)}" if source.note is not None else ""
        subtitle = f"统计期间（{source.period_field}）：{period.text()}{note}　导出日期：{date.today().isoformat()}"
        with export_errors(path):
            n = write_ledger(path, title, subtitle, columns, rows(s), tick, sheet=source.title, totals=totals)
    return ExportResult(path, n)


__all__ = ["KINDS", "TITLES", "Period", "Col", "Cancelled", "export_ledger", "exportable", "template", "save_template"]
