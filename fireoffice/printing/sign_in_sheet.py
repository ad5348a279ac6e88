"""签到表 PDF: title, session data, a table of unit / name / position / phone with an empty signature column;
continuation pages repeat the table header and say "（续）"; every page is numbered "第 n 页 共 m 页".
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, Spacer, Table, TableStyle

from fireoffice.printing import layout
from fireoffice.printing.fonts import HEI, register_fonts
from fireoffice.printing.training_common import build, para

COLUMNS = ("序号", "单位名称", "姓名", "职务", "联系电话", "签名")
WIDTHS_MM = (10, 50, 19, 26, 25, 26)  # fills the 156 mm 版心
ROW_HEIGHT_MM = 9  # room for a handwritten signature


@dataclass(frozen=True)
class SheetRow:
    unit: str
    name: str
    position: str
    phone: str


@dataclass(frozen=True)
class SignInSheet:
    """Plain data for one sheet: the services fill it, this module only draws it."""

    issuer: str  # the station, on the top line
    title: str  # 消防安全培训签到表, 约谈签到表 …
    number: str  # the session's 编号
    info: tuple[tuple[str, str], ...]  # (label, value): 主题, 时间, 地点, 授课人 …
    rows: tuple[SheetRow, ...]
    blank_rows: int = 5  # empty lines for people added on the spot
    summary: str = ""  # e.g. 应到 24 人　实到 ____ 人 …


def _info_table(sheet: SignInSheet, st) -> Table:
    rows = [[para(f"{label}：", st["cell"], HEI), para(value, st["cell"])] for label, value in sheet.info]
    table = Table(rows, colWidths=[26 * mm, 130 * mm])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), HEI), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _people_table(sheet: SignInSheet, st) -> LongTable:
    data: list[list] = [[Paragraph(c, st["head_c"]) for c in COLUMNS]]
    for n, r in enumerate(sheet.rows, 1):
        data.append([para(str(n), st["cell_c"]), para(r.unit, st["cell"]), para(r.name, st["cell_c"]),
                     para(r.position, st["cell_c"]), para(r.phone, st["cell_c"]), ""])
    for n in range(len(sheet.rows) + 1, len(sheet.rows) + 1 + sheet.blank_rows):
        data.append([para(str(n), st["cell_c"]), "", "", "", "", ""])
    table = LongTable(data, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1,
                      minRowHeights=[8 * mm] + [ROW_HEIGHT_MM * mm] * (len(data) - 1))
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def render(sheet: SignInSheet) -> bytes:
    fonts = register_fonts()
    st = layout.styles(fonts, body_size=11)
    story: list = [para(sheet.issuer, st["header"]), Spacer(1, 2 * mm), para(sheet.title, st["title"])]
    if sheet.number:
        story.append(para(f"编号：{sheet.number}", st["number"]))
    story += [Spacer(1, 2 * mm), _info_table(sheet, st), Spacer(1, 3 * mm), _people_table(sheet, st),
              Spacer(1, 4 * mm)]
    if sheet.summary:
        story.append(para(sheet.summary, st["body"]))
    story.append(para("记录人（签名）：＿＿＿＿＿＿　　　　负责人（签名）：＿＿＿＿＿＿", st["body"]))

    def decorate(canvas, page: int, total: int) -> None:
        if page == 1:
            return
        canvas.saveState()  # a loose continuation page still says what it belongs to
        canvas.setFont(fonts.heiti, 10.5)
        canvas.drawString(layout.LEFT, layout.PAGE_H - layout.TOP + 6 * mm,
                          f"{sheet.title}（续）　{sheet.number}")
        canvas.restoreState()

    return build(story, sheet.title, decorate)
