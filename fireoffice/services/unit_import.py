"""Import units from a spreadsheet: analyse the header, validate every row, de-duplicate, write all or nothing."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from operator import is_
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Unit
from fireoffice.exchange.xlsx_read import MAX_DATA_ROWS, SheetTable, SpreadsheetError, read_table
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.unit_fields import BY_KEY, FIELDS, LABELS
from fireoffice.services.unit_import_write import Accepted, write_plan
from fireoffice.services.unit_pinyin import dedupe_keys
from fireoffice.services.unit_validation import ColumnCleaner, Refused, check_consistency, load_vocab

ON_DUPLICATE = ("skip", "update")
REQUIRED = tuple(f for f in FIELDS if f.required)
REQUIRED_KEYS = tuple(f.key for f in REQUIRED)
FORMULA_GAP = "是公式，但文件里没有保存计算结果。请在 Excel 中打开文件并保存一次，或把公式复制为数值后再导入"
Progress = Callable[[int, int], bool]


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导入，没有写入任何数据。")


@dataclass(frozen=True)
class RowError:
    row: int | None  # spreadsheet row as Excel numbers it; None for the file as a whole
    field: str  # Chinese label
    message: str

    def __str__(self) -> str:
        return (f"第 {self.row} 行 " if self.row else "") + f"{self.field}：{self.message}"


@dataclass(frozen=True)
class DuplicateRow:
    row: int
    field: str  # 统一社会信用代码 or 单位名称 (same name and address)
    name: str
    action: str  # 跳过 / 更新 / 合并
    existing_uid: str = ""  # the unit already in the register
    same_as_row: int | None = None  # or the earlier row of the same file


@dataclass(frozen=True)
class FileAnalysis:
    """What the mapping dialog shows: the header found, the column mapping and what is unknown."""

    sheet_name: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]  # column index (0-based) → field key
    unknown_headers: list[tuple[int, str]]
    missing_required: list[str]  # labels of required fields no column maps to
    data_rows: int
    fields: list[tuple[str, str]]  # (key, label) the dialog may map a column to


@dataclass
class ImportReport:
    ok: bool
    dry_run: bool
    imported: int = 0
    updated: int = 0
    skipped: int = 0  # duplicates skipped (and unchanged duplicates under “update”)
    merged: int = 0  # rows merged into an earlier row of the same file (“update”)
    refused: int = 0  # rows with errors
    errors: list[RowError] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)
    header_row: int = 0
    mapping: dict[int, str] = field(default_factory=dict)
    rows: int = 0

    def to_json(self) -> dict[str, Any]:
        """The `units import --json` document (../shared/cli.md), plus a few extra keys."""
        return {"ok": self.ok, "imported": self.imported, "updated": self.updated, "skipped": self.skipped,
                "errors": [{"row": e.row, "field": e.field, "message": e.message} for e in self.errors],
                "merged": self.merged, "refused": self.refused, "dry_run": self.dry_run,
                "header_row": self.header_row, "rows": self.rows}


def synonyms() -> dict[str, tuple[str, ...]]:
    return {f.key: (f.label, *f.synonyms) for f in FIELDS}


def _read(path: Path | str, header_row: int | None, mapping: Mapping[int, str | None] | None,
          cancelled: Callable[[], bool] | None = None) -> SheetTable:
    if mapping is not None:
        unknown = sorted({k for k in mapping.values() if k and k not in BY_KEY})
        if unknown:
            raise ValidationError("列对应关系", f"没有这些字段：{'、'.join(unknown)}")
    try:
        return read_table(path, synonyms(), header_row=header_row, mapping=mapping, max_rows=MAX_DATA_ROWS,
                          cancelled=cancelled)
    except SpreadsheetError as error:
        raise ValidationError("文件", error.message) from error


def analyse_file(path: Path | str, *, header_row: int | None = None,
                 mapping: Mapping[int, str | None] | None = None) -> FileAnalysis:
    table = _read(path, header_row, mapping)
    missing = [LABELS[k] for k in REQUIRED_KEYS if k not in table.mapping.values()]
    return FileAnalysis(table.sheet_name, table.header_row, table.headers, table.mapping, table.unknown_headers,
                        missing, len(table.rows), [(f.key, f.label) for f in FIELDS])


@dataclass
class _Plan:
    accepted: list[Accepted] = field(default_factory=list)
    report: ImportReport = field(default_factory=lambda: ImportReport(ok=False, dry_run=True))


CHUNK = 1000  # rows checked together, column by column
CONSISTENCY_KEYS = ("grid_id", "village_id", "is_key_unit", "nine_small_type")


def _validate(session: Session, table: SheetTable, report: ImportReport,
              tick: Callable[[int], None]) -> tuple[tuple[str, ...], list]:
    """Check every row; valid ones come back as compact tuples over the returned keys.

    A dict of ~60 fields per row cost ~3 KB, 330 MB on 100,000 rows; a tuple over the ~25 mapped
    columns costs ~250 bytes. Each sheet row is dropped once checked so the cells are not held twice.
    The rows are checked a block at a time, column by column, each distinct value parsed once
    (ColumnCleaner): the same refusals, in the same order, as clean_values + check_consistency per row.
    """
    vocab = load_vocab(session)
    cleaner = ColumnCleaner(vocab)
    gaps: dict[int, list[str]] = {}
    for row_no, key in table.formula_gaps:
        gaps.setdefault(row_no, []).append(key)
    keys = tuple(table.keys)
    add_village = "grid_id" in keys and "village_id" not in keys
    out_keys = keys + (("village_id",) if add_village else ())
    at = {k: i for i, k in enumerate(out_keys)}
    required = [(at[spec.key], spec) for spec in REQUIRED if spec.key in at]
    consistency = [at.get(k) for k in CONSISTENCY_KEYS]
    checked: dict[tuple, tuple] = {}  # (grid, village, key unit, nine small) → (errors, grid, village)
    patterns: dict[frozenset, frozenset] = {}  # rows fill the same columns: share one set per pattern
    valid = []
    rows = table.rows
    for start in range(0, len(rows), CHUNK):
        block = rows[start:start + CHUNK]
        rows[start:start + CHUNK] = [None] * len(block)
        if start:
            tick(start)
        raw_cols = list(zip(*[values for _row_no, values in block], strict=True)) if keys else []
        cols, refused = [], []
        for key, col in zip(keys, raw_cols, strict=True):
            clean_col, any_refused = cleaner.clean(key, col)
            cols.append(clean_col)
            refused.append(any_refused)
        if add_village:
            cols.append([None] * len(block))
        # Refusals by row: parse errors in column order, then required cells that cleaned to nothing, then
        # required cells left empty (clean_values, then _validate's own check).
        problems: dict[int, list[ValidationError]] = {}
        for j, key in enumerate(keys):
            if refused[j]:
                label = BY_KEY[key].label
                for i, value in enumerate(cols[j]):
                    if type(value) is Refused:
                        problems.setdefault(i, []).append(ValidationError(label, value.message, block[i][0]))
        for j, spec in required:
            if any(not value for value in set(cols[j]) if type(value) is not Refused):  # or an empty cell
                for i, (raw, value) in enumerate(zip(raw_cols[j], cols[j], strict=True)):
                    if raw is not None and type(value) is not Refused and not value:
                        problems.setdefault(i, []).append(ValidationError(spec.label, "不能为空", block[i][0]))
        for j, spec in required:
            if None in raw_cols[j]:
                for i, raw in enumerate(raw_cols[j]):
                    if raw is None:
                        problems.setdefault(i, []).append(ValidationError(spec.label, "不能为空", block[i][0]))
        quads = None  # the four fields check_consistency looks at, when the file has any of them
        if any(j is not None for j in consistency):
            quads = list(zip(*(cols[j] if j is not None else [None] * len(block) for j in consistency),
                             strict=True))
        # which cells each row filled: rows share a few patterns, told apart by the columns with gaps
        gappy = [j for j, col in enumerate(raw_cols) if None in col]
        always = frozenset(key for j, key in enumerate(keys) if j not in gappy)
        signatures = (list(zip(*[map(is_, raw_cols[j], repeat(None)) for j in gappy], strict=True)) if gappy
                      else [()] * len(block))
        presents: dict[tuple, frozenset] = {}
        for signature in set(signatures):
            filled = always | {keys[j] for j, empty in zip(gappy, signature, strict=True) if not empty}
            filled |= {"village_id"} if "grid_id" in filled else frozenset()
            presents[signature] = patterns.setdefault(filled, filled)
        if quads is not None:
            for quad in set(quads).difference(checked):
                merged = dict(zip(CONSISTENCY_KEYS, quad, strict=True))
                checked[quad] = ([(e.field, e.message) for e in check_consistency(merged, vocab)],
                                 merged["grid_id"], merged["village_id"])
        row_nos = [row_no for row_no, _values in block]
        if (not problems and gaps.keys().isdisjoint(row_nos)
                and (quads is None or not any(checked[quad][0] for quad in set(quads)))):
            # the usual block: every row is valid; a grid named in the file gives its id and village
            if quads is not None and consistency[0] is not None:  # only a grid moves grid / village
                moves = [checked[quad] for quad in quads]
                cols[consistency[0]] = [found[1] for found in moves]
                if consistency[1] is not None:
                    cols[consistency[1]] = [found[2] for found in moves]
            tuples = list(zip(*cols, strict=True)) if cols else [()] * len(block)
            valid.extend(zip(row_nos, tuples, map(presents.__getitem__, signatures), strict=True))
            continue
        tuples = list(zip(*cols, strict=True)) if cols else [()] * len(block)
        for i, row_no in enumerate(row_nos):
            if row_no in gaps:
                report.errors += [RowError(row_no, LABELS[key], FORMULA_GAP) for key in gaps[row_no]]
                report.refused += 1
                continue
            errors = problems.get(i)
            values = tuples[i]
            if not errors and quads is not None:
                quad = quads[i]
                found = checked.get(quad)
                if found is None:
                    merged = dict(zip(CONSISTENCY_KEYS, quad, strict=True))
                    found = checked[quad] = ([(e.field, e.message) for e in check_consistency(merged, vocab)],
                                             merged["grid_id"], merged["village_id"])
                if found[0]:
                    errors = [ValidationError(field_, message, row_no) for field_, message in found[0]]
                elif found[1] != quad[0] or found[2] != quad[1]:  # a grid name resolved, a village filled in
                    moved = list(values)
                    moved[consistency[0]] = found[1]
                    if consistency[1] is not None:
                        moved[consistency[1]] = found[2]
                    values = tuple(moved)
            if errors:
                report.errors += [RowError(row_no, e.field, e.message) for e in errors]
                report.refused += 1
                continue
            valid.append((row_no, values, presents[signatures[i]]))
    return out_keys, valid


def _dedupe(session: Session, keys: tuple[str, ...], valid: list, on_duplicate: str,
            report: ImportReport) -> list[Accepted]:
    by_uscc: dict[str, tuple] = {}
    by_key: dict[str, tuple] = {}
    for uid_row in session.execute(select(Unit.id, Unit.uid, Unit.uscc, Unit.name_norm)):
        if uid_row.uscc:
            by_uscc.setdefault(uid_row.uscc, uid_row)
        by_key.setdefault(uid_row.name_norm, uid_row)
    seen_uscc: dict[str, Accepted] = {}
    seen_key: dict[str, Accepted] = {}
    accepted: list[Accepted] = []
    update = on_duplicate == "update"
    at = {k: i for i, k in enumerate(keys)}
    i_name, i_address, i_uscc = at["name"], at["address"], at.get("uscc")
    # the duplicate keys of all rows at once: one normalisation pass instead of one call per row
    name_keys = dedupe_keys([values[i_name] for _r, values, _p in valid],
                            [values[i_address] for _r, values, _p in valid])
    usccs = [values[i_uscc] for _r, values, _p in valid] if i_uscc is not None else [""] * len(valid)
    # A row whose code and name key no other row (nor the register) has cannot be a duplicate, nor be the
    # first of one: it is simply new. The others go through the checks below, in file order.
    counted = Counter(filter(None, usccs))
    shared_uscc = {u for u, n in counted.items() if n > 1} | (by_uscc.keys() & counted.keys())
    counted = Counter(name_keys)
    shared_key = {k for k, n in counted.items() if n > 1} | (by_key.keys() & counted.keys())
    for (row_no, values, present), key, uscc in zip(valid, name_keys, usccs, strict=True):
        if key not in shared_key and uscc not in shared_uscc:
            accepted.append(Accepted(row_no, keys, values, present, None, key))
            continue
        name = values[i_name]
        first = seen_uscc.get(uscc) if uscc else None
        label = "统一社会信用代码"
        if first is None:
            first, label = seen_key.get(key), "单位名称"
        if first is not None:
            report.duplicates.append(DuplicateRow(row_no, label, name, "合并" if update else "跳过",
                                                  same_as_row=first.row))
            if update:
                first.merge(values, present)
                report.merged += 1
            else:
                report.skipped += 1
            continue
        hit = by_uscc.get(uscc) if uscc else None
        label = "统一社会信用代码"
        if hit is None:
            hit, label = by_key.get(key), "单位名称"
        if hit is not None:
            report.duplicates.append(DuplicateRow(row_no, label, name, "更新" if update else "跳过",
                                                  existing_uid=hit.uid))
            if not update:
                report.skipped += 1
                continue
        # name_norm is kept for the insert: computing it is not free on 100,000 rows.
        entry = Accepted(row_no, keys, values, present, hit.id if hit is not None else None, key)
        accepted.append(entry)
        if uscc:
            seen_uscc[uscc] = entry
        seen_key[key] = entry
    return accepted


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Hold the cycle collector while a file is imported.

    An import allocates millions of tuples, lists and strings and frees none of them until it ends; the
    collector's passes over them (and their cache misses) cost ~0.5 s per 100,000 rows, and would find
    nothing: the import builds no reference cycles. It runs again as soon as the import is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def import_units(ctx: ServiceContext, path: Path | str, *, mapping: Mapping[int, str | None] | None = None,
                 header_row: int | None = None, on_duplicate: str = "skip", valid_only: bool = False,
                 dry_run: bool = False, progress: Progress | None = None) -> ImportReport:
    """Import a unit list in one transaction.

    Any refused row blocks the whole import unless `valid_only`; `dry_run` reports what would happen.
    `progress(done, total)` returning False cancels: nothing is written (total is 0 while reading). File-level problems (not a
    spreadsheet, no header, too many rows) raise ValidationError naming 文件 or 表头.
    """
    with _no_cycle_collection():
        return _import_units(ctx, path, mapping=mapping, header_row=header_row, on_duplicate=on_duplicate,
                             valid_only=valid_only, dry_run=dry_run, progress=progress)


def _import_units(ctx: ServiceContext, path: Path | str, *, mapping: Mapping[int, str | None] | None,
                  header_row: int | None, on_duplicate: str, valid_only: bool, dry_run: bool,
                  progress: Progress | None) -> ImportReport:
    require(ctx, "units.import")
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("重复时", "只能是 skip（跳过）或 update（更新）")

    def tick(done: int, total: int) -> None:
        if progress is not None and progress(done, total) is False:
            raise ImportCancelled()

    # total 0 while the file is read: the dialog shows a busy bar; Cancel still works.
    table = _read(path, header_row, mapping, cancelled=lambda: progress is not None and progress(0, 0) is False)
    tick(0, 0)
    missing = [LABELS[k] for k in REQUIRED_KEYS if k not in table.mapping.values()]
    if missing:
        raise ValidationError("表头", f"第 {table.header_row} 行表头里没有“{'”“'.join(missing)}”列。"
                              "请在列对应关系中指定，或在表格中加上这一列")
    n = len(table.rows)
    total = 2 * n
    report = ImportReport(ok=False, dry_run=dry_run, header_row=table.header_row, mapping=table.mapping, rows=n)
    session_cm = ctx.db.read() if dry_run else ctx.db.write()
    with session_cm as s:
        keys, valid = _validate(s, table, report, lambda i: tick(i, total))
        del table  # the raw cells are no longer needed; keep memory flat on big files
        accepted = _dedupe(s, keys, valid, on_duplicate, report)
        del valid
        report.ok = not report.errors or valid_only
        if dry_run:  # what would happen (with --valid-only when rows are refused)
            report.imported = sum(1 for a in accepted if a.existing_id is None)
            report.updated = len(accepted) - report.imported
            return report
        if not report.ok:
            report.skipped = report.merged = 0
            return report
        counts = write_plan(s, ctx.actor.username, accepted, Path(path).name,
                            lambda done: tick(n + done, total))
        report.imported, report.updated = counts.inserted, counts.updated
        report.skipped += counts.unchanged
        tick(total, total)
    return report
