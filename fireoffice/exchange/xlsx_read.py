"""Read a table from a spreadsheet with python-calamine: find the header row, map columns, normalise cells."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

import python_calamine as calamine

from fireoffice.exchange import xlsx_probe
from fireoffice.exchange.xlsx_probe import SpreadsheetError

__all__ = ["SpreadsheetError", "SheetTable", "read_table", "clean_text", "normalize_header", "MAX_DATA_ROWS"]

MAX_DATA_ROWS = 200_000
HEADER_SCAN_ROWS = 30
# Cells that mean "nothing here" in township lists.
EMPTY_MARKS = frozenset({"—", "——", "-", "--", "－", "/", "／", "\\", "无", "暂无", "null", "none", "n/a", "na", "空"})
# Footer lines under a table (signatures, totals, notes) are not units.
FOOTER_WORDS = ("填表", "制表", "审核", "合计", "总计", "注：", "注:", "说明：", "说明:", "统计人", "负责人签字")
EXAMPLE_MARK = "（示例）"
IGNORED_HEADERS = frozenset({"序号", "编号", "no", "no.", "#", "行号"})

# Full-width ASCII letters/digits and the ideographic space; full-width punctuation such as （） stays.
_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F) if chr(cp - 0xFEE0).isalnum()}
_HALF[0x3000] = 0x20
_HALF.update({0x00A0: 0x20, 0x200B: None, 0xFEFF: None})
_SPACES = re.compile(r"\s+")
_BRACKETS = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_HEADER_JUNK = re.compile(r"[\s*※:：/、\\\-_.·]")
_PHONE_SUFFIX = re.compile(r"(联系电话|电话号码|手机号码|手机号|手机|联系方式|电话)$")
# A character clean_text would change: any whitespace, or one that the half-width table folds or drops.
_UNCLEAN = re.compile("[\\s" + "".join(re.escape(chr(cp)) for cp in sorted(_HALF)) + "]")
CHUNK = 1000  # rows normalised together, column by column


def clean_text(text: str) -> str:
    """Full-width digits and letters to half-width, spaces trimmed and collapsed to one."""
    if not text.isascii():  # ASCII text (phones, codes, figures) has nothing to fold
        text = text.translate(_HALF)
    if "\n" in text or "  " in text or "\t" in text or "\r" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()


def normalize_cell(value: Any) -> Any:
    """One cell as plain data: None for empty or "—"/"无", integral floats as int, midnight datetimes as date."""
    if value is None or value == "":
        return None
    if type(value) is str:
        text = clean_text(value)
        if len(text) <= 4 and (not text or text.lower() in EMPTY_MARKS):
            return None
        return text
    if isinstance(value, float):
        return int(value) if value.is_integer() and abs(value) < 1e15 else value
    if isinstance(value, datetime) and value.hour == value.minute == value.second == 0:
        return value.date()
    return value


def normalize_column(cells: Sequence[Any]) -> list[Any]:
    """[normalize_cell(v) for v in cells], computed once per distinct value: a column repeats its values
    (villages, categories, 是/否), and text with nothing to fold (most of it) is only checked, in one pass."""
    types = set(map(type, cells))
    if types == {str}:
        distinct = set(cells)
        if not _UNCLEAN.search("\x00".join(distinct)):  # clean_text would return each value unchanged
            # then normalize_cell only empties "" and the marks ("—", "无", "N/A" …): the rest stays as is
            empty = dict.fromkeys([v for v in distinct if len(v) <= 4 and (not v or v.lower() in EMPTY_MARKS)])
            return list(map(empty.get, cells, cells)) if empty else list(cells)
    elif bool in types and (int in types or float in types):
        return list(map(normalize_cell, cells))  # True == 1 == 1.0 as dict keys: no shared cache
    else:
        distinct = set(cells)
    cache = {v: normalize_cell(v) for v in distinct}
    return list(map(cache.__getitem__, cells))


def normalize_header(text: Any) -> str:
    """Header text folded for matching: NFKC, no spaces, marks or bracketed units, lower case."""
    if text is None or text == "":
        return ""
    text = unicodedata.normalize("NFKC", str(text)).lower()
    text = _BRACKETS.sub("", text) or text
    return _HEADER_JUNK.sub("", text)


def _header_forms(text: str) -> list[str]:
    """A header and its variants: 责任人姓名 → 责任人, 责任人联系电话 → 责任人电话."""
    forms = [text]
    if text.endswith("姓名") and len(text) > 2:
        forms.append(text[:-2])
    phone = _PHONE_SUFFIX.sub("电话", text)
    if phone != text:
        forms.append(phone)
    return forms


@dataclass
class SheetTable:
    """What the importer needs: where the header is, how columns map to fields, and the data rows."""

    sheet_name: str
    header_row: int  # 1-based, as Excel shows it
    headers: list[str]  # display text per column (parent and child header joined)
    mapping: dict[int, str]  # column index (0-based) → field key
    unknown_headers: list[tuple[int, str]]
    keys: list[str] = field(default_factory=list)  # field keys in column order, as in each row's values
    # (sheet row, values aligned with `keys`, None where empty); tuples keep 200,000 rows small.
    rows: list[tuple[int, tuple]] = field(default_factory=list)
    formula_gaps: list[tuple[int, str]] = field(default_factory=list)  # (sheet row, key) formula without value
    skipped_rows: int = 0  # blank, footer and example rows


class _Matcher:
    def __init__(self, synonyms: Mapping[str, Sequence[str]]):
        self.lookup: dict[str, str] = {}
        for key, names in synonyms.items():
            for name in names:
                self.lookup.setdefault(normalize_header(name), key)

    def match(self, parent: str, child: str) -> str | None:
        candidates = []
        if parent and child:
            candidates.append(parent + child)
        candidates.append(child or parent)
        for text in candidates:
            for form in _header_forms(normalize_header(text)):
                key = self.lookup.get(form)
                if key:
                    return key
        return None


def _fill_merged(row: list, merged: list, r: int) -> list:
    """A parent header merged across columns applies to each of them."""
    filled = list(row)
    for (r0, c0), (r1, c1) in merged:
        if r0 <= r <= r1 and c0 < len(filled):
            for c in range(c0, min(c1 + 1, len(filled))):
                if filled[c] in ("", None):
                    filled[c] = row[c0] if r == r0 else filled[c]
    return filled


def _map_row(matcher: _Matcher, parent: list, child: list) -> tuple[dict[int, str], list[str]]:
    mapping: dict[int, str] = {}
    headers: list[str] = []
    used: set[str] = set()
    for c in range(max(len(parent), len(child))):
        p = str(parent[c]).strip() if c < len(parent) and parent[c] not in ("", None) else ""
        ch = str(child[c]).strip() if c < len(child) and child[c] not in ("", None) else ""
        headers.append(p + ch if p and ch and p != ch else (ch or p))
        key = matcher.match(p if p != ch else "", ch)
        if key and key not in used:  # the first column of a field wins
            mapping[c] = key
            used.add(key)
    return mapping, headers


def detect_header(rows: list[list], merged: list, matcher: _Matcher) -> tuple[int, dict[int, str], list[str]]:
    """The row (0-based, within `rows`) that maps the most distinct fields; a row above may be its parent."""
    best = (0, -1, {}, [])
    for r in range(min(HEADER_SCAN_ROWS, len(rows))):
        child = _fill_merged(rows[r], merged, r)
        parents = [[]] if r == 0 else [[], _fill_merged(rows[r - 1], merged, r - 1)]
        for parent in parents:
            mapping, headers = _map_row(matcher, parent, child)
            if len(mapping) > best[0]:
                best = (len(mapping), r, mapping, headers)
    if best[0] < 2:
        raise SpreadsheetError(
            f"没有找到表头：前 {HEADER_SCAN_ROWS} 行里没有一行包含“单位名称”“详细地址”“统一社会信用代码”等列名。"
            "请检查是否选错了文件，或在表格第一行写上列名。")
    return best[1], best[2], best[3]


def read_table(path: Path | str, synonyms: Mapping[str, Sequence[str]], *, header_row: int | None = None,
               mapping: Mapping[int, str | None] | None = None, max_rows: int = MAX_DATA_ROWS,
               name_key: str = "name", cancelled: Callable[[], bool] | None = None) -> SheetTable:
    """Read the first sheet that has a recognisable header.

    `synonyms` maps each field key to its accepted header names. `header_row` (1-based) and `mapping`
    (column index → key, None to ignore) override the detection, as chosen in the mapping dialog.
    """
    path = Path(path)
    probe = xlsx_probe.probe(path, max_rows, background=True)  # formula scan alongside calamine
    matcher = _Matcher(synonyms)
    try:
        with path.open("rb") as handle:
            book = calamine.CalamineWorkbook.from_filelike(handle)
        names = [m.name for m in book.sheets_metadata if m.visible == calamine.SheetVisibleEnum.Visible]
        last_error: SpreadsheetError | None = None
        for sheet_name in names or book.sheet_names:
            sheet = book.get_sheet_by_name(sheet_name)
            if sheet.height - 1 > max_rows + HEADER_SCAN_ROWS:
                raise SpreadsheetError(xlsx_probe.too_many_rows(sheet.height - 1, max_rows))
            try:
                return _read_sheet(sheet, probe, matcher, header_row, mapping, max_rows, name_key, cancelled)
            except SpreadsheetError as error:
                if header_row is not None or "没有找到表头" not in error.message:
                    raise
                last_error = error
        raise last_error or SpreadsheetError("文件里没有工作表。")
    except calamine.PasswordError as error:
        raise SpreadsheetError("文件设置了打开密码，无法读取。请在 Excel 中取消密码后另存，再导入。") from error
    except calamine.CalamineError as error:
        raise SpreadsheetError(f"文件已损坏或不是有效的 Excel 表格，无法读取（{error}）。") from error


def _read_sheet(sheet, probe, matcher, header_row, mapping, max_rows, name_key, cancelled) -> SheetTable:
    start_row, start_col = sheet.start or (0, 0)
    rows_iter = sheet.iter_rows()
    head: list[list] = []
    for row in rows_iter:
        head.append(list(row))
        if len(head) >= HEADER_SCAN_ROWS:
            break
    merged = [((r0 - start_row, c0 - start_col), (r1 - start_row, c1 - start_col))
              for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
    if header_row is None:
        h, found, headers = detect_header(head, merged, matcher)
    else:
        h = header_row - 1 - start_row
        if not 0 <= h < len(head):
            raise SpreadsheetError(f"表头行 {header_row} 不在表格前 {HEADER_SCAN_ROWS} 行内。")
        parent = _fill_merged(head[h - 1], merged, h - 1) if h > 0 else []
        found, headers = _map_row(matcher, parent, _fill_merged(head[h], merged, h))
    if mapping is not None:
        found = {int(c): k for c, k in mapping.items() if k}
    unknown = [(c, t) for c, t in enumerate(headers)
               if t and c not in found and normalize_header(t) not in IGNORED_HEADERS]
    table = SheetTable(sheet.name, start_row + h + 1, headers, dict(found), unknown)
    cols = sorted(found.items())
    table.keys = [k for _c, k in cols]
    col_index = [c for c, _k in cols]
    name_at = table.keys.index(name_key) if name_key in table.keys else None
    gaps = probe.gaps()
    data = head[h + 1:]
    sheet_row = start_row + h + 1  # 1-based number of the header row; incremented before each data row
    width = len(col_index)
    pick = itemgetter(*col_index) if width > 1 else (lambda r: (r[col_index[0]],)) if width else (lambda r: ())
    need = max(col_index) + 1 if col_index else 0

    def chunks():
        block = data
        while True:
            block += list(islice(rows_iter, CHUNK - len(block)))
            if not block:
                return
            yield block
            block = []

    rows = table.rows
    for block in chunks():
        if width == 0:
            values_list = [()] * len(block)
        else:
            cells = [pick(r) if len(r) >= need else tuple(r[c] if c < len(r) else None for c in col_index)
                     for r in block]
            columns = [normalize_column(col) for col in zip(*cells, strict=True)]
            values_list = list(zip(*columns, strict=True))
            # The usual block: no formula gaps, every row has two or more cells filled (so it is neither
            # blank nor a footer line) and no name starts with the example mark: all rows are data.
            if (not gaps and max(map(tuple.count, values_list, repeat(None))) < width - 1
                    and (name_at is None or not any(type(v) is str and v.startswith(EXAMPLE_MARK)
                                                    for v in columns[name_at]))):
                before = len(rows)
                rows.extend(zip(range(sheet_row + 1, sheet_row + 1 + len(block)), values_list, strict=True))
                sheet_row += len(block)
                # as if appended one by one: the limit, and a cancel check at every 5,000th row
                for at_rows in range((before // 5000 + 1) * 5000, len(rows) + 1, 5000):
                    if at_rows > max_rows:
                        break
                    if cancelled is not None and cancelled():
                        del rows[at_rows:]
                        return table
                if len(rows) > max_rows:
                    raise SpreadsheetError(xlsx_probe.too_many_rows(max_rows + 1, max_rows, at_least=True))
                continue
        for values in values_list:
            sheet_row += 1
            if gaps:
                filled = [v for v in values if v is not None]
                for i, (c, key) in enumerate(cols):
                    if values[i] is None and (sheet_row, c + start_col) in gaps:
                        table.formula_gaps.append((sheet_row, key))
                        filled.append(key)
                empty = not filled
                single = filled[0] if len(filled) == 1 else None
            else:
                empties = values.count(None)
                empty = empties == width
                single = next(v for v in values if v is not None) if empties == width - 1 else None
            if (empty or isinstance(single, str) and single.startswith(FOOTER_WORDS)
                    or name_at is not None and str(values[name_at] or "").startswith(EXAMPLE_MARK)):
                table.skipped_rows += 1
                continue
            rows.append((sheet_row, values))
            if len(rows) > max_rows:
                raise SpreadsheetError(xlsx_probe.too_many_rows(len(rows), max_rows, at_least=True))
            if cancelled is not None and len(rows) % 5000 == 0 and cancelled():
                return table
    return table
    return table
