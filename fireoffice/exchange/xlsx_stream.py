"""Every styled export (unit register, ledgers, 统计月报) as SpreadsheetML streamed row by row into the zip.

Title and subtitle rows, frozen header, widths, date formats, autofilter, a bold 合计 row, A4 landscape fitted to
one page wide, the header repeated on every page — in constant memory. Written by hand because no maintained
writer meets the ledger goal (≤ 0.5× pandas `to_excel`): xlsxwriter constant_memory itself measured 0.53×
pandas here (benchmarks/bench_ledgers.py), while this writer skips the per-cell bookkeeping of a general-purpose
library. Strings are inline, so there is no shared-string table to hold. Checked by LibreOffice conversion and
calamine/openpyxl read-back in the tests.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from fireoffice.exchange.xlsx_units import HEADER_FILL, Column, ExportCancelled

# Styles (cellXfs): 0 plain, 1 title, 2 subtitle, 3 header, 4 date, 5 date and time, 6 total.
_TITLE, _SUB, _HEAD, _DATE, _TIME, _TOTAL = 1, 2, 3, 4, 5, 6
_EPOCH = datetime(1899, 12, 30)
_EPOCH_DAY = _EPOCH.date().toordinal()
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_ESCAPE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FLUSH = 500  # rows per write into the zip stream


def _letters(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _text(value: str) -> str:
    if _NEEDS_ESCAPE.search(value):
        value = escape(_BAD_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value))
    if value[:1].isspace() or value[-1:].isspace():
        return f'<is><t xml:space="preserve">{value}</t></is>'
    return f"<is><t>{value}</t></is>"


def _serial(value: date | datetime) -> str:
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - _EPOCH
        return repr(delta.days + delta.seconds / 86400 + delta.microseconds / 86_400_000_000)
    return str(value.toordinal() - _EPOCH_DAY)


def _cell_writers(columns: Sequence[Column]) -> list[Callable[[str, Any], str]]:
    writers = []
    for col in columns:
        if col.kind in ("date", "datetime"):
            style = _DATE if col.kind == "date" else _TIME

            def write(ref: str, v: Any, style: int = style) -> str:
                if isinstance(v, (date, datetime)):
                    return f'<c r="{ref}" s="{style}"><v>{_serial(v)}</v></c>'
                return f'<c r="{ref}" t="inlineStr">{_text(str(v))}</c>'
        elif col.kind == "number":
            def write(ref: str, v: Any) -> str:
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    return f'<c r="{ref}"><v>{v!r}</v></c>'
                return f'<c r="{ref}" t="inlineStr">{_text(str(v))}</c>'
        else:
            def write(ref: str, v: Any) -> str:
                return f'<c r="{ref}" t="inlineStr">{_text(v if isinstance(v, str) else str(v))}</c>'
        writers.append(write)
    return writers


def write_ledger(path: Path, title: str, subtitle: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]],
                 progress: Callable[[int], bool] | None = None, *, sheet: str = "台账",
                 totals: Callable[[], Sequence[Any]] | None = None) -> int:
    """Returns the data rows written; `totals()`, called after the last row, gives a bold 合计 row (None cells
    stay empty); `progress(rows)` returning False cancels (ExportCancelled, no file left); written under a
    temporary name, then moved into place, so a failed export never leaves a broken file under `path`."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    letters = [_letters(c) for c in range(len(columns))]
    last = letters[-1]
    writers = _cell_writers(columns)
    n = 0
    try:
        with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            for name, body in _fixed_parts(sheet).items():
                z.writestr(name, body)
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
                head = [
                    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
                    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
                    '<pane xSplit="1" ySplit="3" topLeftCell="B4" activePane="bottomRight" state="frozen"/>'
                    '<selection pane="topRight"/><selection pane="bottomLeft"/>'
                    '<selection pane="bottomRight" activeCell="B4" sqref="B4"/></sheetView></sheetViews>'
                    '<sheetFormatPr defaultRowHeight="15"/><cols>']
                for c, col in enumerate(columns, 1):
                    head.append(f'<col min="{c}" max="{c}" width="{col.width + 0.71:.2f}" customWidth="1"/>')
                head.append('</cols><sheetData>')
                head.append(f'<row r="1" ht="28" customHeight="1"><c r="A1" s="{_TITLE}" t="inlineStr">'
                            f'{_text(title)}</c>'
                            + "".join(f'<c r="{x}1" s="{_TITLE}"/>' for x in letters[1:]) + '</row>')
                head.append(f'<row r="2"><c r="A2" s="{_SUB}" t="inlineStr">{_text(subtitle)}</c>'
                            + "".join(f'<c r="{x}2" s="{_SUB}"/>' for x in letters[1:]) + '</row>')
                head.append('<row r="3" ht="30" customHeight="1">' + "".join(
                    f'<c r="{x}3" s="{_HEAD}" t="inlineStr">{_text(col.label)}</c>'
                    for x, col in zip(letters, columns, strict=True)) + '</row>')
                out.write("".join(head).encode("utf-8"))
                buf: list[str] = []
                r = 3
                for values in rows:
                    r += 1
                    n += 1
                    rs = str(r)
                    cells = [writers[c](letters[c] + rs, v) for c, v in enumerate(values)
                             if v is not None and v != ""]
                    buf.append(f'<row r="{rs}">{"".join(cells)}</row>')
                    if len(buf) >= FLUSH:
                        out.write("".join(buf).encode("utf-8"))
                        buf.clear()
                        if progress is not None and n % 2000 == 0 and progress(n) is False:
                            raise ExportCancelled()
                if totals is not None:
                    rs = str(r + 1)
                    cells = []
                    for c, v in enumerate(totals()):
                        if v is None or v == "":
                            continue
                        if isinstance(v, (int, float)) and not isinstance(v, bool):
                            cells.append(f'<c r="{letters[c]}{rs}" s="{_TOTAL}"><v>{v!r}</v></c>')
                        else:
                            cells.append(f'<c r="{letters[c]}{rs}" s="{_TOTAL}" t="inlineStr">{_text(str(v))}</c>')
                    buf.append(f'<row r="{rs}">{"".join(cells)}</row>')
                filter_end = max(r, 3)
                buf.append(
                    f'</sheetData><autoFilter ref="A3:{last}{filter_end}"/>'
                    f'<mergeCells count="2"><mergeCell ref="A1:{last}1"/><mergeCell ref="A2:{last}2"/></mergeCells>'
                    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
                    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
                    '</worksheet>')
                out.write("".join(buf).encode("utf-8"))
            z.writestr("xl/workbook.xml", _workbook(sheet, last, filter_end))
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    os.replace(part, path)
    return n


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def _workbook(sheet: str, last: str, filter_end: int) -> str:
    name = escape(sheet, {'"': "&quot;"})
    q = escape(_quoted(sheet))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<bookViews><workbookView/></bookViews>'
            f'<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
            '<definedNames>'
            f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">{q}!$A$3:${last}${filter_end}'
            '</definedName>'
            f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{q}!$3:$3</definedName>'
            '</definedNames><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>')


def _fixed_parts(sheet: str) -> dict[str, str]:
    x = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": x + (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            '</Types>'),
        "_rels/.rels": x + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/_rels/workbook.xml.rels": x + (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": x + (
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
            '<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>'
            '<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="16"/><name val="Calibri"/><family val="2"/></font>'
            '<font><sz val="10"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="3"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill>'
            f'<fill><patternFill patternType="solid"><fgColor rgb="FF{HEADER_FILL}"/><bgColor indexed="64"/>'
            '</patternFill></fill></fills>'
            '<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>'
            '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
            '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>'
            '</border><border><left/><right/><top style="thin"><color auto="1"/></top><bottom/><diagonal/>'
            '</border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
            '<alignment horizontal="center" vertical="center"/></xf>'
            '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">'
            '<alignment horizontal="right"/></xf>'
            '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
            'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/>'
            '</xf>'
            '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
            '<xf numFmtId="0" fontId="3" fillId="0" borderId="2" xfId="0" applyFont="1" applyBorder="1"/>'
            '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>'),
    }
