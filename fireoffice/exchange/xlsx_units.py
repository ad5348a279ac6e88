"""Styled spreadsheets of the unit register: the export (xlsxwriter, constant memory) and the import template."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

HEADER_FILL = "DDEBF7"
TEMPLATE_ROWS = 5000  # rows below the header that carry the drop-down lists


class ExportCancelled(Exception):
    """Raised inside the writer when progress() says stop; the partial file is removed."""


@dataclass(frozen=True)
class Column:
    label: str
    width: float = 12
    kind: str = "text"  # text, number, date, datetime (naive local)
    required: bool = False
    choices: tuple[str, ...] = ()  # a drop-down list in the template
    note: str = ""  # a comment on the template header


def write_register(path: Path, title: str, subtitle: str, columns: Sequence[Column], rows: Iterable[Sequence[Any]],
                   progress: Callable[[int], bool] | None = None, *, sheet: str = "列管单位台账",
                   totals: Callable[[], Sequence[Any]] | None = None) -> int:
    """Title, subtitle, frozen header, widths and autofilter; rows streamed in constant memory.

    Any ledger uses it (`sheet` names the worksheet); `totals()`, called after the last row, gives a bold
    合计 row below the data (None cells stay empty). A4 landscape, fitted to one page wide, header repeated.
    `progress(rows_written)` returning False cancels: the partial file is removed, ExportCancelled raised.
    Written to a temporary name first, so a failed export never leaves a broken file under `path`.
    """
    path = Path(path)
    part = path.with_name(path.name + ".part")
    wb = xlsxwriter.Workbook(str(part), {"constant_memory": True, "strings_to_numbers": False,
                                         "strings_to_formulas": False, "strings_to_urls": False})
    n = 0
    try:
        ws = wb.add_worksheet(sheet[:31])
        title_fmt = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
        sub_fmt = wb.add_format({"font_size": 10, "align": "right"})
        head_fmt = wb.add_format({"bold": True, "bg_color": "#" + HEADER_FILL, "border": 1, "text_wrap": True,
                                  "align": "center", "valign": "vcenter"})
        date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
        time_fmt = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
        total_fmt = wb.add_format({"bold": True, "top": 1})
        last = len(columns) - 1
        for c, col in enumerate(columns):
            ws.set_column(c, c, col.width)
        ws.set_row(0, 28)
        ws.merge_range(0, 0, 0, last, title, title_fmt)
        ws.merge_range(1, 0, 1, last, subtitle, sub_fmt)
        ws.set_row(2, 30)
        for c, col in enumerate(columns):
            ws.write_string(2, c, col.label, head_fmt)
        writers = []
        for col in columns:
            if col.kind == "date":
                writers.append(lambda r, c, v: ws.write_datetime(r, c, v, date_fmt))
            elif col.kind == "datetime":
                writers.append(lambda r, c, v: ws.write_datetime(r, c, v, time_fmt))
            elif col.kind == "number":
                writers.append(ws.write_number)
            else:
                writers.append(ws.write_string)
        r = 2
        for values in rows:
            r += 1
            for c, value in enumerate(values):
                if value is not None and value != "":
                    writers[c](r, c, value)
            n += 1
            if progress is not None and n % 2000 == 0 and progress(n) is False:
                raise ExportCancelled()
        ws.freeze_panes(3, 1)
        ws.autofilter(2, 0, max(r, 3), last)
        if totals is not None:
            for c, value in enumerate(totals()):
                if value is not None and value != "":
                    ws.write(r + 1, c, value, total_fmt)
        ws.set_paper(9)  # A4
        ws.set_landscape()
        ws.repeat_rows(2)
        ws.fit_to_pages(1, 0)
    except BaseException:
        wb.close()
        part.unlink(missing_ok=True)
        raise
    wb.close()
    os.replace(part, path)
    return n


def write_template(path: Path, title: str, instructions: str, columns: Sequence[Column],
                   example: Sequence[Any]) -> Path:
    """The import template: title, instructions, header (required in red), one example row, drop-down lists."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "列管单位"
    options = wb.create_sheet("选项")
    options.sheet_state = "hidden"
    last = get_column_letter(len(columns))
    ws.merge_cells(f"A1:{last}1")
    ws["A1"] = title
    ws["A1"].font = Font(bold=True, size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(f"A2:{last}2")
    ws["A2"] = instructions
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 48
    thin = Side(style="thin", color="999999")
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    lists = 0
    for c, col in enumerate(columns, 1):
        letter = get_column_letter(c)
        cell = ws.cell(row=3, column=c, value=col.label)
        cell.font = Font(bold=True, color="C00000" if col.required else "000000")
        cell.fill = fill
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        if col.note:
            cell.comment = Comment(col.note, "fireoffice")
        ws.column_dimensions[letter].width = col.width
        if c <= len(example):
            ws.cell(row=4, column=c, value=example[c - 1])
            if col.kind == "date":
                ws.cell(row=4, column=c).number_format = "yyyy-mm-dd"
        if col.choices:
            # Lists live on a hidden sheet: an inline list is limited to 255 characters.
            lists += 1
            opt_col = get_column_letter(lists)
            options.cell(row=1, column=lists, value=col.label)
            for i, choice in enumerate(col.choices, 2):
                options.cell(row=i, column=lists, value=choice)
            dv = DataValidation(type="list", formula1=f"=选项!${opt_col}$2:${opt_col}${len(col.choices) + 1}",
                                allow_blank=True, showErrorMessage=True, errorTitle=col.label,
                                error=f"请从下拉列表中选择{col.label}")
            dv.add(f"{letter}4:{letter}{TEMPLATE_ROWS + 3}")
            ws.add_data_validation(dv)
    ws.row_dimensions[3].height = 32
    ws.freeze_panes = "B4"
    wb.save(path)
    return path
