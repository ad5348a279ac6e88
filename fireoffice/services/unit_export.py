"""Export the register (or the filtered list) to a styled .xlsx, and write the import template."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from fireoffice.db.models import Grid, StationProfile, Unit, Village
from fireoffice.exchange.xlsx_read import EXAMPLE_MARK
from fireoffice.exchange.xlsx_stream import write_ledger
from fireoffice.exchange.xlsx_units import Column, ExportCancelled, write_template
from fireoffice.services import privacy
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, StorageError
from fireoffice.services.unit_fields import FIELDS, GAS_TYPES, LEDGER_KEYS, USE_NATURES, FieldSpec
from fireoffice.services.unit_query import UnitQuery, apply_filters, apply_order
from fireoffice.services.unit_validation import load_vocab

WIDTHS = {"name": 36, "short_name": 16, "address": 40, "uscc": 22, "notes": 30, "key_unit_basis": 30,
          "fire_approval": 24, "village_id": 14, "grid_id": 18, "nine_small_type": 16, "key_unit_category": 16}
KIND_WIDTHS = {"phone": 15, "bool": 9, "date": 12, "int": 10, "float": 12, "choice": 10}
EXAMPLE = {
    "name": EXAMPLE_MARK + "东城街道老王火锅店", "short_name": "老王火锅", "uscc": "92141124MA0L2K3X4W",
    "unit_type": "个体工商户", "address": "东城街道东关社区解放路12号", "legal_rep": "王小明",
    "legal_rep_phone": "13912345678", "resp_person": "王小明", "resp_phone": "13912345678",
    "mgr_person": "李娟", "mgr_phone": "0358-4421119", "building_area": 180, "business_area": 160,
    "floors_above": 2, "floors_below": 0, "use_nature": "餐饮", "nine_small_type": "小餐饮场所",
    "is_key_unit": "否", "is_crowded": "是", "seats": 60, "staff": 6, "extinguishers": 6,
    "gas_type": "瓶装液化石油气", "has_gas_detector": "是", "status": "营业", "risk_level": "一般",
    "registered_on": date(2024, 3, 5),
}
INSTRUCTIONS = ("红色列名为必填。第 4 行是示例（单位名称以“（示例）”开头），导入时自动跳过，可以直接在下面填写。"
                "日期写成 2024-03-05；“是/否”和类别可从下拉列表选择；电话写手机号或带区号的固定电话；"
                "统一社会信用代码为 18 位。标题行、空行可以保留，列的顺序可以调整。")


class Cancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导出，没有生成文件。")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int


@contextmanager
def export_errors(path: Path) -> Iterator[None]:
    """What a spreadsheet writer raises, said to the clerk: cancelled, file open in Excel, disk or folder."""
    try:
        yield
    except ExportCancelled:
        raise Cancelled() from None
    except PermissionError as error:
        raise StorageError(f"无法写入 {path}：文件可能正被 Excel 等程序打开，请关闭后再导出。") from error
    except OSError as error:
        raise StorageError(f"无法写入 {path}：{error.strerror or error}") from error


def _column(spec: FieldSpec, choices: tuple[str, ...] = ()) -> Column:
    kind = {"int": "number", "float": "number", "date": "date"}.get(spec.kind, "text")
    width = WIDTHS.get(spec.key) or KIND_WIDTHS.get(spec.kind) or max(10, min(24, len(spec.label) * 2 + 2))
    return Column(spec.label, width, kind, spec.required, choices)


def _rows(session, specs: Sequence[FieldSpec], q: UnitQuery, mask_id=None) -> Iterator[list]:
    villages = dict(session.execute(select(Village.id, Village.name)).all())
    grids = dict(session.execute(select(Grid.id, Grid.name)).all())
    convert = []
    for spec in specs:
        if spec.key == "village_id":
            convert.append(villages.get)
        elif spec.key == "grid_id":
            convert.append(grids.get)
        elif spec.kind == "bool":
            convert.append(lambda v: "是" if v else "否")
        elif spec.key == "uscc" and mask_id is not None:  # a 个体户's 身份证号, for roles that may not see it
            convert.append(lambda v: mask_id(v or ""))
        else:
            convert.append(None)
    mapped = [(i, c) for i, c in enumerate(convert) if c is not None]
    stmt = apply_order(apply_filters(select(*[getattr(Unit, s.key) for s in specs]), q), q)
    for row in session.execute(stmt, execution_options={"yield_per": 2000}):
        out = list(row)
        for i, conv in mapped:
            out[i] = conv(out[i])
        yield out


def export_units(ctx: ServiceContext, path: Path | str, query: UnitQuery | None = None, *,
                 all_columns: bool = False, progress: Callable[[int, int], bool] | None = None) -> ExportResult:
    """Write the units matching `query` (default: the whole active register) as 列管单位台账.

    The ledger columns by default, every field with `all_columns` (re-importable either way).
    `progress(done, total)` returning False cancels and leaves no file.
    """
    q = UnitQuery(sort="name") if query is None else query
    specs = list(FIELDS) if all_columns else [s for s in FIELDS if s.key in LEDGER_KEYS]
    path = Path(path).expanduser()
    if not path.parent.is_dir():
        raise StorageError(f"文件夹不存在：{path.parent}")
    with ctx.db.read() as s:
        total = s.execute(apply_filters(select(func.count(Unit.id)), q)).scalar_one()
        station = s.execute(select(StationProfile.name).order_by(StationProfile.id).limit(1)).scalar() or ""
        title = f"{station}列管单位台账" if station else "列管单位台账"
        subtitle = f"导出日期：{date.today().isoformat()}　共 {total:,} 家"
        tick = None if progress is None else (lambda done: progress(done, total))
        masker = None if privacy.sees_identity(ctx) else privacy.mask_id_number
        with export_errors(path):
            n = write_ledger(path, title, subtitle, [_column(sp) for sp in specs], _rows(s, specs, q, masker), tick,
                             sheet="列管单位台账")
    return ExportResult(path, n)


def write_import_template(ctx: ServiceContext, path: Path | str) -> Path:
    """The .xlsx a station fills in: every field, an example row, drop-down lists for categories."""
    with ctx.db.read() as s:
        vocab = load_vocab(s)
    yes_no = ("是", "否")
    lists = {"village_id": tuple(vocab.villages), "grid_id": tuple(vocab.grids_by_name),
             "nine_small_type": vocab.nine_small_types, "use_nature": USE_NATURES, "gas_type": GAS_TYPES}
    columns = []
    for spec in FIELDS:
        choices = lists.get(spec.key) or (yes_no if spec.kind == "bool" else spec.choices)
        columns.append(_column(spec, tuple(choices)))
    example = [EXAMPLE.get(spec.key) for spec in FIELDS]
    path = Path(path).expanduser()
    try:
        return write_template(path, "列管单位导入模板", INSTRUCTIONS, columns, example)
    except OSError as error:
        raise StorageError(f"无法写入 {path}：{error.strerror or error}") from error
