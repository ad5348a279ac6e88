"""送达回证 (proof of service, domain.md §3.4 J): a ruled form, blank fields left to fill in by hand."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from fireoffice.printing import layout
from fireoffice.printing.documents.common import PrintOptions, check_glyphs, doc_styles, para
from fireoffice.printing.fonts import HEI


@dataclass(frozen=True)
class Receipt:
    issuer: str
    doc_title: str
    doc_number: str
    addressee: str
    served_at: str = ""  # 2026年3月2日 10时05分; '' prints a blank to fill in
    place: str = ""
    method: str = ""
    recipient: str = ""
    relation: str = ""
    witness: str = ""
    server: str = ""
    note: str = ""


def render(r: Receipt, opts: PrintOptions = PrintOptions()) -> bytes:
    rows = [("送达文书名称", r.doc_title), ("送达文书文号", r.doc_number), ("受送达人", r.addressee),
            ("送达时间", r.served_at or "　　年　　月　　日　　时　　分"), ("送达地点", r.place),
            ("送达方式", r.method or "直接 / 留置 / 邮寄 / 电子 / 委托 / 公告"),
            ("收件人签名或盖章", r.recipient + (f"（{r.relation}）" if r.relation else "")),
            ("见证人签名", r.witness), ("送达人签名", r.server), ("备注", r.note)]
    check_glyphs([r.issuer, *(v for _k, v in rows)])
    st = doc_styles(opts)
    table = Table([[para(k, st["cell"]), para(v, st["cell"])] for k, v in rows], colWidths=(42 * mm, 114 * mm),
                  rowHeights=[18 * mm] * len(rows))
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("FONTNAME", (0, 0), (-1, -1), HEI)]))
    story = [para(r.issuer, st["issuer"]), para("送达回证", st["title"]), Spacer(1, 6 * mm), table]
    dx, dy = opts.offset_mm
    return layout.build(story, f"送达回证 {r.doc_number}", offset=(dx * mm, dy * mm))
