"""双随机 抽查名单 / 结果公示 as .xlsx (plain data in, workbook bytes out), ready to upload or publish."""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO

import xlsxwriter


def write_list(title: str, info: Sequence[tuple[str, str]], columns: Sequence[str],
               rows: Sequence[Sequence[str]], widths: Sequence[float] | None = None,
               sheet_name: str = "名单") -> bytes:
    """One sheet: the title, the info lines (seed, hashes …), then a header row and the rows as text."""
    out = BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False,
                                     "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet(sheet_name[:31])
    title_fmt = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    info_fmt = book.add_format({"font_size": 10, "text_wrap": False})
    head_fmt = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                                "bg_color": "#EBEBEB", "text_wrap": True})
    cell_fmt = book.add_format({"border": 1, "valign": "vcenter", "text_wrap": True, "num_format": "@"})
    last_col = max(len(columns) - 1, 0)
    sheet.merge_range(0, 0, 0, last_col, title, title_fmt)
    sheet.set_row(0, 30)
    row = 1
    for label, value in info:
        sheet.merge_range(row, 0, row, last_col, f"{label}：{value}", info_fmt)
        row += 1
    header_row = row + 1
    for c, name in enumerate(columns):
        sheet.write_string(header_row, c, name, head_fmt)
    for r, values in enumerate(rows, header_row + 1):
        for c, value in enumerate(values):
            # Written as text: a USCC or record number must never turn into a number or a formula.
            sheet.write_string(r, c, "" if value is None else str(value), cell_fmt)
    for c, width in enumerate(widths or [16] * len(columns)):
        sheet.set_column(c, c, width)
    sheet.freeze_panes(header_row + 1, 0)
    sheet.repeat_rows(header_row)
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    book.close()
    return out.getvalue()
