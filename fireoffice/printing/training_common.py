"""Shared by the training and 约谈 printouts: the A4 版心 of printing.layout, with "第 n 页 共 m 页" numbering.

Sign-in sheets travel as loose sheets; printing the total on every page shows at once when one is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from fireoffice.printing import layout
from fireoffice.printing.fonts import HEI, font_for, register_fonts

# (canvas, page number, total pages) → draws running headers; called once per page after layout.
Decorator = Callable[[Canvas, int, int], None]


def cn_date(d: date | None, blank: str = "　　年　　月　　日") -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else blank


def para(text: str, style, preferred: str | None = None) -> Paragraph:
    """A paragraph whose font has every character (rare name characters fall back to 黑体)."""
    font = font_for(text, preferred or style.fontName)
    if font != style.fontName:
        style = style.clone(style.name + "_hei", fontName=font)
    # Paragraph collapses whitespace, U+3000 included; blanks such as "　　年　　月　　日" need hard spaces.
    return Paragraph(escape(text).replace("\n", "<br/>").replace("\u3000", "&nbsp;" * 3), style)


def _numbered_canvas(decorate: Decorator | None, font: str | None):
    class NumberedCanvas(Canvas):
        """Holds every page until the end so each can print the total page count."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                page = self._pageNumber
                if decorate is not None:
                    decorate(self, page, total)
                if font is None:
                    super().showPage()
                    continue
                self.saveState()
                self.setFont(font, 10.5)
                self.drawCentredString(layout.LEFT + layout.BODY_W / 2,
                                       layout.PAGE_H - layout.TOP - layout.BODY_H - 10 * mm, f"第 {page} 页　共 {total} 页")
                self.restoreState()
                super().showPage()
            super().save()

    return NumberedCanvas


def build(story: list, title: str, decorate: Decorator | None = None, numbered: bool = True) -> bytes:
    """Lay the story out in the GB/T 9704 版心 on A4 and return the PDF bytes.

    `numbered=False` for batches of one-page forms (a notice per unit), where a running count would mislead.
    """
    fonts = register_fonts()
    out = BytesIO()
    doc = BaseDocTemplate(out, pagesize=A4, leftMargin=layout.LEFT, rightMargin=layout.PAGE_W - layout.LEFT
                          - layout.BODY_W, topMargin=layout.TOP, bottomMargin=layout.PAGE_H - layout.TOP
                          - layout.BODY_H, title=title, author="fireoffice", creator="fireoffice")
    frame = Frame(layout.LEFT, layout.PAGE_H - layout.TOP - layout.BODY_H, layout.BODY_W, layout.BODY_H,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])
    doc.build(story, canvasmaker=_numbered_canvas(decorate, (fonts.songti or HEI) if numbered else None))
    return out.getvalue()
