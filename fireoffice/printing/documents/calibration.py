"""Calibration page for pre-printed form paper: the 版心 outline, corner marks and mm rulers at the offsets."""

from __future__ import annotations

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from fireoffice.printing import fonts, layout
from fireoffice.printing.linebreak import break_lines


def render(offset_mm: tuple[float, float] = (0.0, 0.0)) -> bytes:
    """Print on plain paper, lay it on a form sheet against the light, measure, enter the offsets, repeat."""
    fonts.register_fonts()
    out = BytesIO()
    c = Canvas(out, pagesize=A4, pageCompression=1)
    c.setTitle("套打校准页")
    dx, dy = offset_mm[0] * mm, offset_mm[1] * mm
    x0, y0 = layout.LEFT + dx, layout.PAGE_H - layout.TOP - layout.BODY_H - dy
    c.setLineWidth(0.4)
    c.rect(x0, y0, layout.BODY_W, layout.BODY_H)
    for x, y in ((x0, y0), (x0 + layout.BODY_W, y0), (x0, y0 + layout.BODY_H), (x0 + layout.BODY_W, y0 + layout.BODY_H)):
        c.line(x - 6 * mm, y, x + 6 * mm, y)
        c.line(x, y - 6 * mm, x, y + 6 * mm)
    top = y0 + layout.BODY_H
    c.setFont(fonts.HEI, 6)
    for n in range(0, 157):  # mm ticks along the top edge of the 版心, longer every 5 and 10 mm, numbered every 10
        size = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(x0 + n * mm, top, x0 + n * mm, top - size * mm)
        if n % 10 == 0 and n:
            c.drawCentredString(x0 + n * mm, top - 6.5 * mm, str(n))
    for n in range(0, 226):
        size = 4 if n % 10 == 0 else 2.5 if n % 5 == 0 else 1.5
        c.line(x0, top - n * mm, x0 + size * mm, top - n * mm)
        if n % 10 == 0 and n:
            c.drawString(x0 + 5 * mm, top - n * mm - 2, str(n))
    c.setFont(fonts.HEI, 14)
    c.drawCentredString(x0 + layout.BODY_W / 2, top - 40 * mm, "套打校准页")
    lines = (f"当前偏移：向右 {offset_mm[0]:+.1f} mm，向下 {offset_mm[1]:+.1f} mm",
             "版心应为 156 × 225 mm，距纸张上边 37 mm、左边 28 mm；四角的十字标出版心的角。",
             "将本页与预印文书纸重叠对光，量出版心左上角的偏差，填入“打印设置”的偏移后重新打印本页核对。")
    y = top - 60 * mm
    width = layout.BODY_W - 24 * mm
    for text in lines:  # wrapped with the document line breaker (禁则) inside the 版心
        for line, _w, _wrapped in break_lines(text, fonts.HEI, 11, width):
            c.setFont(fonts.HEI, 11)
            c.drawString(x0 + 12 * mm, y, line)
            y -= 6 * mm
        y -= 2 * mm
    c.showPage()
    c.save()
    return out.getvalue()
