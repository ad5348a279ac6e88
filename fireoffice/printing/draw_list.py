"""双随机 抽查名单 and 结果公示 as PDF: a titled table with the draw's seed and hashes so readers can re-check it."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

from fireoffice.printing import layout
from fireoffice.printing.fonts import HEI, font_for, missing_chars, register_fonts


@dataclass(frozen=True)
class DrawSheet:
    """Plain data for one list: the services fill it, this module only draws it."""

    issuer: str  # the station, printed on the top line
    title: str
    info: tuple[tuple[str, str], ...]  # (label, value) lines under the title: seed, hashes, counts …
    columns: tuple[str, ...]
    widths_mm: tuple[float, ...]  # sum ≤ 156 (the 版心 width)
    rows: tuple[tuple[str, ...], ...]
    footer: str = ""
    date_line: str = ""  # e.g. 2026年3月2日, right-aligned under the table


def _cell(text: str, style, fonts_pref: str) -> Paragraph:
    # A rare character missing from 仿宋 falls back to 黑体 for that cell rather than printing a box.
    font = font_for(text, fonts_pref)
    if font != style.fontName:
        style = style.clone(style.name + "_hei", fontName=font)
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def render(sheet: DrawSheet) -> bytes:
    if abs(sum(sheet.widths_mm) - 156) > 0.5 or len(sheet.widths_mm) != len(sheet.columns):
        raise ValueError("column widths must fill the 156 mm 版心 and match the columns")
    fonts = register_fonts()
    st = layout.styles(fonts, body_size=11)
    story: list = [Paragraph(escape(sheet.issuer), st["header"]), Spacer(1, 3 * mm),
                   Paragraph(escape(sheet.title), st["title"]), Spacer(1, 2 * mm)]
    for label, value in sheet.info:
        story.append(_cell(f"{label}：{value}", st["small"], fonts.fangsong))
    story.append(Spacer(1, 4 * mm))
    data = [[Paragraph(escape(c), st["head_c"]) for c in sheet.columns]]
    for row in sheet.rows:
        data.append([_cell(v, st["cell_c"] if i == 0 else st["cell"], fonts.fangsong) for i, v in enumerate(row)])
    if not sheet.rows:
        data.append([_cell("（无）", st["cell_c"], fonts.fangsong)] + [""] * (len(sheet.columns) - 1))
    table = LongTable(data, colWidths=[w * mm for w in sheet.widths_mm], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    story.append(table)
    if sheet.date_line:
        story += [Spacer(1, 8 * mm), Paragraph(escape(sheet.issuer), st["number"]),
                  Paragraph(escape(sheet.date_line), st["number"])]
    if sheet.footer:
        story += [Spacer(1, 6 * mm), _cell(sheet.footer, st["small"], fonts.fangsong)]
    return layout.build(story, sheet.title)


def sheet_missing_chars(sheet: DrawSheet) -> list[str]:
    """Characters no embedded font can print (even 黑体): the caller warns before the list is published."""
    text = "".join([sheet.issuer, sheet.title, sheet.footer, *(v for r in sheet.rows for v in r),
                    *(label + value for label, value in sheet.info)])
    return missing_chars(text, HEI)
