"""A4 page geometry of GB/T 9704 (天头 37 mm, 订口 28 mm, 版心 156×225 mm) and shared paragraph styles."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from fireoffice.printing.fonts import FontSet, register_fonts

TOP, LEFT, BODY_W, BODY_H = 37 * mm, 28 * mm, 156 * mm, 225 * mm
PAGE_W, PAGE_H = A4


def styles(fonts: FontSet, body_size: float = 10.5) -> dict[str, ParagraphStyle]:
    """Every style names an embedded font (a reportlab default would pull in non-embedded Helvetica)."""
    base = {"wordWrap": "CJK", "leading": body_size * 1.45}
    return {
        "title": ParagraphStyle("title", fontName=fonts.heiti, fontSize=18, leading=26, alignment=TA_CENTER,
                                spaceAfter=6, wordWrap="CJK"),
        "header": ParagraphStyle("header", fontName=fonts.heiti, fontSize=12, leading=16, alignment=TA_CENTER,
                                 wordWrap="CJK"),
        "number": ParagraphStyle("number", fontName=fonts.heiti, fontSize=11, leading=15, alignment=TA_RIGHT),
        "body": ParagraphStyle("body", fontName=fonts.fangsong, fontSize=body_size, **base),
        "small": ParagraphStyle("small", fontName=fonts.fangsong, fontSize=body_size - 2,
                                leading=(body_size - 2) * 1.4, wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=fonts.fangsong, fontSize=body_size - 1.5,
                               leading=(body_size - 1.5) * 1.35, alignment=TA_LEFT, wordWrap="CJK"),
        "cell_c": ParagraphStyle("cell_c", fontName=fonts.fangsong, fontSize=body_size - 1.5,
                                 leading=(body_size - 1.5) * 1.35, alignment=TA_CENTER, wordWrap="CJK"),
        "head_c": ParagraphStyle("head_c", fontName=fonts.heiti, fontSize=body_size - 1.5,
                                 leading=(body_size - 1.5) * 1.35, alignment=TA_CENTER, wordWrap="CJK"),
    }


def page_number(canvas: Canvas, doc, font: str) -> None:
    """GB/T 9704 page number "— n —" below the 版心, outer side (right on odd pages, left on even)."""
    canvas.saveState()
    canvas.setFont(font, 11)
    text = f"— {doc.page} —"
    y = PAGE_H - TOP - BODY_H - 10 * mm
    if doc.page % 2:
        canvas.drawRightString(LEFT + BODY_W - 4 * mm, y, text)
    else:
        canvas.drawString(LEFT + 4 * mm, y, text)
    canvas.restoreState()


def build(story: list, title: str, on_page_end: Callable[[Canvas, object], None] | None = None,
          author: str = "fireoffice", offset: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """Lay the story out on A4 with the GB/T 9704 版心 and return the PDF bytes.

    `offset` (points, right and down) shifts the 版心 to meet the fields of pre-printed form paper.
    """
    fonts = register_fonts()
    out = BytesIO()
    dx, dy = offset
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=LEFT, rightMargin=PAGE_W - LEFT - BODY_W, topMargin=TOP,
                          bottomMargin=PAGE_H - TOP - BODY_H, title=title, author=author, creator="fireoffice")
    frame = Frame(LEFT + dx, PAGE_H - TOP - BODY_H - dy, BODY_W, BODY_H, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")

    def decorate(canvas: Canvas, d) -> None:
        # After the page's flowables, so callbacks can print what the page turned out to contain.
        if on_page_end is not None:
            on_page_end(canvas, d)
        page_number(canvas, d, fonts.songti)

    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame], onPageEnd=decorate)])
    doc.build(story)
    return out.getvalue()
