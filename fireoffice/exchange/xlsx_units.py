"""Spreadsheet pieces of the unit register: the shared Column spec and the import template (openpyxl, drop-downs)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
