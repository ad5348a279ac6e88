"""Paper field kit: for each planned unit, its checklist with the record number, to fill in on site and key
back quickly (the number finds the planned visit; the item codes match the entry form)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from fireoffice.printing import layout
from fireoffice.printing.fonts import HEI, font_for, register_fonts

OUTCOMES = "□完成 □锁门 □停业 □找不到 □装修 □空置 □搬迁"


@dataclass(frozen=True)
class KitItem:
    code: str
    section: str
    text: str
    on_spot_fixable: bool


@dataclass(frozen=True)
class KitPage:
    issuer: str
    record_no: str
    plan_name: str
    inspection_type: str
    unit_name: str
    address: str
    resp: str  # 消防安全责任人 and phone
    mgr: str  # 消防安全管理人 and phone
    officers: str
    planned_date: str
    checklist: str  # template and version
    items: tuple[KitItem, ...]
    open_hazards: tuple[str, ...] = ()  # for a 复查: the hazards to look at again


class _Current(Flowable):
    """Zero-size marker: tells the page decoration which record the page belongs to."""

    def __init__(self, record_no: str):
        super().__init__()
        self.record_no = record_no

    def wrap(self, *_args):
        return 0, 0

    def draw(self) -> None:
        self.canv._fo_record_no = self.record_no


def _margin_number(canvas: Canvas, _doc) -> None:
    number = getattr(canvas, "_fo_record_no", "")
    if number:
        canvas.saveState()
        canvas.setFont(register_fonts().heiti, 9)
        canvas.drawRightString(layout.LEFT + layout.BODY_W, layout.PAGE_H - layout.TOP + 6 * mm, f"编号 {number}")
        canvas.restoreState()


def _p(text: str, style, pref: str) -> Paragraph:
    font = font_for(text, pref)
    if font != style.fontName:
        style = style.clone(style.name + "_hei", fontName=font)
    return Paragraph(escape(text), style)


def _header(page: KitPage, st, fonts) -> list:
    rows = [
        ("被检查单位", page.unit_name, "检查类型", page.inspection_type),
        ("地址", page.address, "计划日期", page.planned_date or "____年__月__日"),
        ("消防安全责任人", page.resp, "消防安全管理人", page.mgr),
        ("检查人员", page.officers or "", "检查时间", "__月__日__时__分至__时__分"),
        ("检查情况", OUTCOMES, "在场人员", ""),
    ]
    data = [[_p(a, st["head_c"], fonts.heiti), _p(b, st["cell"], fonts.fangsong),
             _p(c, st["head_c"], fonts.heiti), _p(d, st["cell"], fonts.fangsong)] for a, b, c, d in rows]
    table = Table(data, colWidths=[20 * mm, 66 * mm, 20 * mm, 50 * mm])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return [_p(f"{page.issuer}　{page.plan_name}", st["header"], fonts.heiti),
            Paragraph("消防监督检查记录（现场用）", st["title"]),
            Paragraph(f"编号：{escape(page.record_no)}", st["number"]), Spacer(1, 1 * mm), table]


def _items(page: KitPage, st, fonts) -> Table:
    heads = ("编号", "检查内容", "符合", "不符合", "不涉及", "当场\n改正")
    data = [[Paragraph(h.replace("\n", "<br/>"), st["head_c"]) for h in heads]]
    for item in page.items:
        data.append([_p(item.code, st["cell_c"], fonts.fangsong), _p(item.text, st["cell"], fonts.fangsong),
                     "□", "□", "□", "□" if item.on_spot_fixable else "—"])
    table = Table(data, colWidths=[10 * mm, 106 * mm, 9 * mm, 10.5 * mm, 10.5 * mm, 10 * mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
        ("FONTSIZE", (2, 1), (5, -1), 11), ("ALIGN", (2, 1), (5, -1), "CENTER"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _problems(st, fonts) -> Table:
    """Room to write each 不符合 item: its code, the specific problem and where (keyed back as a hazard)."""
    hint = "发现的问题（写明编号、具体问题和部位，如“G10 二层东侧安全出口被货物堵塞”；当场改正的注明）："
    table = Table([[_p(hint, st["small"], fonts.fangsong)]] + [[""]] * 2, colWidths=[156 * mm],
                  rowHeights=[None] + [6.5 * mm] * 2)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
                               ("LINEBELOW", (0, 1), (-1, -2), 0.3, colors.grey)]))
    return table


def render(pages: Sequence[KitPage]) -> bytes:
    """One record per unit, each starting on a new page; the record number heads every page of it."""
    if not pages:
        raise ValueError("no pages")
    fonts = register_fonts()
    st = layout.styles(fonts, body_size=9.5)
    st["title"] = st["title"].clone("kit_title", fontSize=14, leading=17, spaceAfter=0)
    story: list = []
    for n, page in enumerate(pages):
        if n:
            story.append(PageBreak())
        story += [_Current(page.record_no), *_header(page, st, fonts)]
        story += [Spacer(1, 1.5 * mm), _items(page, st, fonts)]
        if page.open_hazards:
            story.append(Spacer(1, 2 * mm))
            story += [_p("复查：" + line, st["small"], fonts.fangsong) for line in page.open_hazards]
        story.append(KeepTogether([
            Spacer(1, 1.5 * mm), _problems(st, fonts), Spacer(1, 3 * mm),
            _p("检查人员签名：____________ ____________　　被检查单位人员签名：____________（拒签的由见证人签名）",
               st["body"], fonts.fangsong)]))
    return layout.build(story, "消防监督检查记录（现场用）", on_page_end=_margin_number)
