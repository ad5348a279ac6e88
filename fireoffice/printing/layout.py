"""A4 page geometry of GB/T 9704 (天头 37 mm, 订口 28 mm, 版心 156×225 mm) and shared paragraph styles."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from fireoffice.printing.fonts import FontSet, register_fonts
from fireoffice.printing.linebreak import ascent, break_lines, text_width

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


def _joined(lines: tuple[tuple[str, float, bool], ...]) -> str:
    """The text of broken lines again: wrapped lines run on, a hard break stays a "\\n"."""
    text = "".join(t + ("" if wrapped else "\n") for t, _w, wrapped in lines)
    return text[:-1] if text.endswith("\n") and not lines[-1][2] else text


class TextBlock(Flowable):
    """Plain text in one embedded font, broken by `linebreak` (禁则) and drawn line by line.

    Takes the layout parameters of a ParagraphStyle (font, size, leading, indents, alignment, space before and
    after) but no markup: document fields are printed verbatim. Much cheaper than a Paragraph (no markup parser,
    widths read from a per-font table), and it splits across frames and pages like one. TA_JUSTIFY (and TA_LEFT,
    the body default) spread a wrapped line's slack over its gaps so the right edge stays straight.
    """

    def __init__(self, text: str, style: ParagraphStyle, font_name: str | None = None, first: bool = True):
        super().__init__()
        self.text, self.style, self.first = text, style, first
        self.font = font_name or style.fontName
        self._cache: tuple[float, tuple[tuple[str, float, bool], ...]] | None = None

    def _lines(self, avail: float) -> tuple[tuple[str, float, bool], ...]:
        if self._cache is None or self._cache[0] != avail:
            st = self.style
            inner = avail - st.leftIndent - st.rightIndent
            first = inner - (st.firstLineIndent if self.first else 0)
            self._cache = (avail, break_lines(self.text, self.font, st.fontSize, first, inner))
        return self._cache[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.style.leading * len(self._lines(avail_width))
        return self.width, self.height

    def minWidth(self) -> float:  # noqa: N802 - reportlab's Table asks for it by this name
        st = self.style
        return max((text_width(ch, self.font, st.fontSize) for ch in self.text), default=0) + st.leftIndent + \
            st.rightIndent

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._lines(avail_width)
        # Called only when the whole block did not fit, so leave at least one line for the next frame.
        fit = min(int((avail_height + 1e-6) // self.style.leading), len(lines) - 1)
        if fit <= 0:
            return []
        head = TextBlock(_joined(lines[:fit]), self.style, self.font, self.first)
        head._cache = (avail_width, lines[:fit])
        tail = TextBlock(_joined(lines[fit:]), self.style, self.font, first=False)
        tail.spaceBefore_ = 0
        head.spaceAfter_ = 0
        return [head, tail]

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab API
        return getattr(self, "spaceBefore_", self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab API
        return getattr(self, "spaceAfter_", self.style.spaceAfter)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        # One self-contained text object placed absolutely: no save/translate/restore per block.
        self._paint(canvas, self._hAlignAdjust(x, _sW), y)

    def draw(self) -> None:
        self._paint(self.canv, 0.0, 0.0)

    def _paint(self, canvas: Canvas, x0: float, y0: float) -> None:
        st = self.style
        size = st.fontSize
        inner = self.width - st.leftIndent - st.rightIndent
        y = y0 + self.height - ascent(self.font) * 0.001 * size
        runs: list[tuple[float | None, float, float, str]] = []  # (x, y, char spacing, text)
        for n, (line, width, wrapped) in enumerate(self._lines(self.width)):
            indent = st.firstLineIndent if n == 0 and self.first else 0
            room = inner - indent
            x = x0 + st.leftIndent + indent
            if st.alignment == TA_CENTER:
                x += (room - width) / 2
            elif st.alignment == TA_RIGHT:
                x += room - width
            elif wrapped and len(line) > 1 and st.alignment in (TA_JUSTIFY, TA_LEFT) and room > width:
                # Spread the slack over the gaps between characters: with that char spacing (Tc) the pen ends
                # flush with the right edge after all but the last character, which is then set without it, so
                # its box (what text extraction reports) ends exactly at the edge too.
                runs += [(x, y, (room - width) / (len(line) - 1), line[:-1]), (None, y, 0.0, line[-1])]
                y -= st.leading
                continue
            runs.append((x, y, 0.0, line))
            y -= st.leading
        canvas.addLiteral(text_operators(canvas, self.font, size, runs))


def text_operators(canvas: Canvas, font_name: str, size: float,
                   runs: list[tuple[float | None, float, float, str]]) -> str:
    """One BT…ET block for runs of (x, y, char spacing, text) in one embedded TrueType font; x None continues
    where the previous run ended. The subset/Tf/Tj sequence reportlab's text object writes, without its
    per-call overhead (font lookup, shaping checks, minimal-float formatting) that dominated document time."""
    font = pdfmetrics.getFont(font_name)
    doc = canvas._doc  # noqa: SLF001 - the dynamic-font API takes the PDF document (ttfonts docs)
    code, subset_now, spacing_now = ["BT"], -1, 0.0
    for x, y, spacing, text in runs:
        if spacing != spacing_now:
            code.append(f"{spacing:.3f} Tc")
            spacing_now = spacing
        if x is not None:
            code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm")
        for subset, chunk in font.splitString(text, doc):
            if subset != subset_now:
                code.append(f"{font.getSubsetInternalName(subset, doc)} {size:g} Tf")
                subset_now = subset
            code.append(f"({escapePDF(chunk)}) Tj")
    if spacing_now:
        code.append("0 Tc")
    code.append("ET")
    return " ".join(code)


class RuledTable(Flowable):
    """Rows of TextBlock cells in fixed-width columns, ruled all round: the 存根 and similar label/value grids.

    Does what those forms need of reportlab's Table (top-aligned cells, a grid, padding) at a fraction of its
    cost; it moves whole to the next page when it does not fit (these grids are a few rows).
    """

    def __init__(self, rows: list[list[TextBlock]], col_widths: tuple[float, ...], line_width: float = 0.5,
                 pad_x: float = 6.0, pad_y: float = 3.0):
        super().__init__()
        self.rows, self.col_widths, self.line_width = rows, col_widths, line_width
        self.pad_x, self.pad_y = pad_x, pad_y  # reportlab Table's default cell padding
        self.width = sum(col_widths)
        self.heights: list[float] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.heights = [max(cell.wrap(w - 2 * self.pad_x, 1e6)[1] for cell, w in zip(row, self.col_widths, strict=True))
                        + 2 * self.pad_y for row in self.rows]
        self.height = sum(self.heights)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        x = self._hAlignAdjust(x, _sW)
        top = y + self.height
        path = canvas.beginPath()
        for edge in (top, *(top - sum(self.heights[:n + 1]) for n in range(len(self.heights)))):
            path.moveTo(x, edge)
            path.lineTo(x + self.width, edge)
        left = x
        for w in (0, *self.col_widths):
            left += w
            path.moveTo(left, top)
            path.lineTo(left, y)
        canvas.saveState()
        canvas.setLineWidth(self.line_width)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
        row_top = top
        for row, height in zip(self.rows, self.heights, strict=True):
            left = x
            for cell, w in zip(row, self.col_widths, strict=True):
                cell.drawOn(canvas, left + self.pad_x, row_top - self.pad_y - cell.height)
                left += w
            row_top -= height

    def draw(self) -> None:
        self.drawOn(self.canv, 0.0, 0.0)


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
