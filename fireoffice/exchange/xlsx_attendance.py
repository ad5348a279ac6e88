"""Sign-in spreadsheets: write one for a session (to fill on a laptop or print), read a filled one back.

The written sheet carries each line's record number in a narrow last column so a filled copy matches back
exactly; a sheet typed from scratch is matched by unit and name instead (the service decides).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.datavalidation import DataValidation

from fireoffice.exchange.xlsx_read import SpreadsheetError, read_table

HEADERS = ("序号", "单位名称", "姓名", "职务", "联系电话", "签到", "备注", "记录编号")
WIDTHS = (6, 40, 12, 18, 15, 10, 20, 12)
MARK_CHOICES = ("√", "请假", "缺席")
SYNONYMS = {
    "unit": ("单位名称", "单位", "工作单位", "所在单位", "被约谈单位", "参训单位"),
    "name": ("姓名", "参加人", "参训人员", "参会人员", "被约谈人", "人员姓名"),
    "position": ("职务", "岗位", "职位", "职务岗位"),
    "phone": ("联系电话", "电话", "手机", "手机号码"),
    "mark": ("签到", "签名", "签到情况", "是否到会", "到会情况", "出勤", "出勤情况", "签到签名"),
    "note": ("备注", "说明"),
    "key": ("记录编号",),
}
PRESENT = {"√", "✓", "✔", "v", "是", "到", "已到", "实到", "出席", "参加", "已参加", "签到", "已签到", "1", "y",
           "yes", "○", "o", "到会", "已到会"}
LEAVE = {"请假", "假", "事假", "病假", "已请假"}
ABSENT = {"缺席", "缺", "未到", "否", "×", "x", "0", "n", "no", "旷会", "未参加", "未到会"}


@dataclass(frozen=True)
class SheetLine:
    row: int  # as Excel shows it
    key: str  # the record number written by write_sheet, '' when typed by hand
    unit: str
    name: str
    position: str
    phone: str
    mark: str  # what the cell said
    status: str | None  # 实到 / 请假 / 缺席, None when the mark is empty
    note: str


@dataclass(frozen=True)
class SheetPerson:
    key: str
    unit: str
    name: str
    position: str
    phone: str
    mark: str = ""


def status_of(mark: str, signature_column: bool = True) -> str | None:
    """√ / 到 → 实到, 请假 → 请假, 缺席 / × → 缺席; a name written in a 签名 column also counts as 实到."""
    text = mark.strip().lower()
    if not text:
        return None
    if text in LEAVE or "假" in text:
        return "请假"
    if text in ABSENT or text.startswith(("缺", "未")):
        return "缺席"
    if text in PRESENT or signature_column:
        return "实到"
    return None


def write_sheet(path: Path, title: str, info: Sequence[tuple[str, str]], people: Sequence[SheetPerson],
                blank_rows: int = 10) -> Path:
    """A printable, fillable sheet; written to a temporary name first so a failure leaves no broken file."""
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "签到表"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS) - 1)
    ws.cell(1, 1, title).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    for i, (label, value) in enumerate(info, 2):
        ws.cell(i, 1, f"{label}：{value}")
        ws.merge_cells(start_row=i, start_column=1, end_row=i, end_column=len(HEADERS) - 1)
    head = len(info) + 3
    for c, (text, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = ws.cell(head, c, text)
        cell.font, cell.border = Font(bold=True), box
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    rows = [(p.unit, p.name, p.position, p.phone, p.mark, "", p.key) for p in people]
    rows += [("", "", "", "", "", "", "")] * blank_rows
    for n, values in enumerate(rows, 1):
        r = head + n
        for c, value in enumerate((n, *values), 1):
            cell = ws.cell(r, c, value if value != "" else None)
            cell.border = box
            cell.alignment = Alignment(vertical="center", wrap_text=c == 2)
        ws.cell(r, 5).number_format = "@"  # phones stay text
        ws.cell(r, 8).font = Font(color="808080", size=8)
    marks = DataValidation(type="list", formula1='"' + ",".join(MARK_CHOICES) + '"', allow_blank=True)
    marks.error, marks.prompt = "请填 √、请假 或 缺席", "√ 实到，请假，缺席；留空表示未登记"
    ws.add_data_validation(marks)
    marks.add(f"F{head + 1}:F{head + len(rows)}")
    ws.freeze_panes = ws.cell(head + 1, 1)
    ws.print_title_rows = f"{head}:{head}"
    ws.page_setup.paperSize, ws.page_setup.orientation = ws.PAPERSIZE_A4, "portrait"
    ws.page_setup.fitToWidth, ws.sheet_properties.pageSetUpPr.fitToPage = 1, True
    ws.page_setup.fitToHeight = 0
    part = path.with_name(path.name + ".part")
    try:
        wb.save(part)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)
    return path


def read_sheet(path: Path) -> list[SheetLine]:
    """The lines of a filled sign-in sheet (blank lines left out), with each mark read as a status."""
    try:
        table = read_table(path, SYNONYMS, name_key="name")
    except SpreadsheetError as error:
        if "没有找到表头" in error.message:
            raise SpreadsheetError("没有找到签到表的表头：表格前 30 行里应有“单位名称”“姓名”“签到”等列名。"
                                   "请检查是否选错了文件。") from None
        raise
    if "name" not in table.keys and "key" not in table.keys:
        raise SpreadsheetError("签到表里没有“姓名”列，无法知道谁到会。")
    signature = any(h in ("签名", "签到签名") for h in table.headers)
    lines = []
    for row, values in table.rows:
        v = dict(zip(table.keys, values, strict=True))
        text = {k: "" if v.get(k) is None else str(v[k]).strip() for k in SYNONYMS}
        if not (text["name"] or text["mark"] or text["key"]):
            continue  # a blank line left for walk-ins, or only the printed 序号 and unit
        lines.append(SheetLine(row, text["key"], text["unit"], text["name"], text["position"], text["phone"],
                               text["mark"], status_of(text["mark"], signature), text["note"]))
    return lines
