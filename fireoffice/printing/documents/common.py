"""Shared blocks of every enforcement form: header, number, addressee, items, signatures, 签收, 存根, 附页, 作废."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer

from fireoffice.printing import fonts, layout

BODY, TITLE, LEADING = 16, 22, 28.9  # 三号 body, 二号 title, 22 lines in the 225 mm 版心 (domain.md §9.1)
MAX_FACE_ITEMS = 6  # more violations than this go to a 附页, as the forms say "此栏不够，可另附页"
TITLE_FILES = fonts.TITLE[1]
ROLES = ("fangsong", "songti", "kaiti", "heiti")  # body-font roles; titles may also use "xiaobiaosong"


class MissingGlyphs(ValueError):
    """Characters no embedded font can print; the message names them."""

    def __init__(self, chars: list[str]):
        self.chars = chars
        super().__init__("、".join(chars))


@dataclass(frozen=True)
class PrintOptions:
    body_font: str = "fangsong"  # a FontSet role, chosen in settings
    title_font: str = "xiaobiaosong"  # 方正小标宋 when installed, else 黑体
    offset_mm: tuple[float, float] = (0.0, 0.0)  # right, down: pre-printed form paper


@dataclass(frozen=True)
class Body:
    """What a family module composes from the document's fields; common.render lays it out."""

    intro: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # numbered violations, printed "1．…"
    outro: tuple[str, ...] = ()
    stub: tuple[tuple[str, str], ...] = ()  # 存根 rows (label, value)
    signers: bool = True  # 执法人员 signature lines
    receipt: str = "被通知单位（场所）签收"  # '' where the form has no 签收 block


@dataclass(frozen=True)
class Source:
    doc_type: str
    title: str
    number: str
    issuer: str  # the issuing authority printed on top and at the seal
    addressee: str
    fields: dict
    items: tuple[dict, ...] = ()  # {"text", "deadline" (ISO), "basis", "result"}
    officers: tuple[tuple[str, str], ...] = ()  # (name, 执法证号)
    issued_on: date | None = None
    review_body: str = ""  # 复议机关
    stub: bool = True
    voided: bool = False
    void_reason: str = ""
    corrects: str = ""  # the number this document corrects
    extra: dict = field(default_factory=dict)


def cn_date(d: date | str | None) -> str:
    if d is None or d == "":
        return "　　年　　月　　日"
    if isinstance(d, str):
        d = date.fromisoformat(d[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def cn_minute(value: str | None) -> str:
    """"2026-03-02T14:05" → 2026年3月2日14时05分; a blank line to fill in by hand when unknown."""
    if not value:
        return "　　年　　月　　日　　时　　分"
    text = str(value).replace(" ", "T")
    return f"{cn_date(text[:10])}{int(text[11:13])}时{text[14:16]}分" if len(text) >= 16 else cn_date(text[:10])


def strings(src: Source, body: Body) -> list[str]:
    return [src.title, src.number, src.issuer, src.addressee, *body.intro, *body.items, *body.outro,
            *(v for _k, v in body.stub), *(n + c for n, c in src.officers)]


def check_glyphs(texts: list[str]) -> None:
    """Refuse before printing: reportlab would draw a blank box for a character the font lacks."""
    missing: list[str] = []
    for text in texts:
        for ch in fonts.missing_chars(text or "", fonts.HEI):
            if ch not in missing:
                missing.append(ch)
    if missing:
        raise MissingGlyphs(missing)


def title_font() -> str:
    """方正小标宋 when the station has it, else 黑体 (kept for callers; discovery lives in `fonts`)."""
    return fonts.title_font()


@cache
def doc_styles(opts: PrintOptions) -> dict[str, ParagraphStyle]:
    """Built once per print setting (a batch of 1,000 notices shares them); read-only after that."""
    fs = fonts.register_fonts()
    body = fonts.role_font(opts.body_font, fs.fangsong)
    head = fonts.role_font(opts.title_font, fs.heiti)
    # layout.TextBlock keeps closing punctuation off a line's start by carrying a character over (禁则), never by
    # hanging it past the edge, so lines use the full 版心 width and are justified.
    base = {"fontName": body, "fontSize": BODY, "leading": LEADING, "wordWrap": "CJK", "rightIndent": 0}
    return {
        "issuer": ParagraphStyle("issuer", **{**base, "fontName": fs.heiti}, alignment=TA_CENTER),
        "title": ParagraphStyle("title", fontName=head, fontSize=TITLE, leading=TITLE * 1.5, alignment=TA_CENTER,
                                wordWrap="CJK"),
        "number": ParagraphStyle("number", **{**base, "rightIndent": 0}, alignment=TA_RIGHT),
        "label": ParagraphStyle("label", **{**base, "fontSize": 12, "leading": 16}, alignment=TA_RIGHT),
        "left": ParagraphStyle("left", **base, alignment=TA_LEFT),
        "para": ParagraphStyle("para", **base, firstLineIndent=2 * BODY),
        "item": ParagraphStyle("item", **base, leftIndent=2 * BODY, firstLineIndent=-1 * BODY),
        "right": ParagraphStyle("right", **{**base, "rightIndent": 4 * BODY}, alignment=TA_RIGHT),
        "cell": ParagraphStyle("cell", **{**base, "fontSize": 14, "leading": 20}),
    }


_DOUBLED_STOP = re.compile(r"([。！？；])[。；]+")


def para(text: str, style: ParagraphStyle) -> layout.TextBlock:
    """Plain text (no markup) in the style's font, or 黑体 when that font lacks one of its characters."""
    # Templates end sentences after a field the clerk may already have ended ("…上锁。" + "。"): print one.
    text = _DOUBLED_STOP.sub(r"\1", text or "")
    return layout.TextBlock(text, style, fonts.font_for(text, style.fontName))


def _header(src: Source, st: dict, label: str) -> list:
    return [para(label, st["label"]), para(src.issuer, st["issuer"]), para(src.title, st["title"]),
            para(src.number or "文号：（签发时生成）", st["number"]), Spacer(1, 4 * mm)]


def _signature(src: Source, body: Body, st: dict, receipt: bool) -> list:
    rows = []
    if body.signers:
        names = "　".join(f"{n}（证号：{c}）" for n, c in src.officers) or "＿＿＿＿　＿＿＿＿"
        rows.append(para(f"执法人员（签名）：{names}", st["left"]))
    rows += [Spacer(1, 6 * mm), para(src.issuer, st["right"]), para(cn_date(src.issued_on), st["right"]),
             para("（印章）", st["right"])]
    if receipt and body.receipt:
        rows += [Spacer(1, 6 * mm), para(f"{body.receipt}：＿＿＿＿＿＿　　年　　月　　日", st["left"])]
    return [CondPageBreak(len(rows) * LEADING), KeepTogether(rows)]


def _face(src: Source, body: Body, st: dict, label: str, receipt: bool) -> list:
    story = _header(src, st, label)
    story.append(para(f"{src.addressee}：", st["left"]))
    story += [para(t, st["para"]) for t in body.intro]
    overflow = len(body.items) > MAX_FACE_ITEMS
    if overflow:
        story.append(para(f"（共{len(body.items)}项，详见附页）", st["para"]))
    else:
        story += [para(f"{n}．{t}", st["item"]) for n, t in enumerate(body.items, 1)]
    story += [para(t, st["para"]) for t in body.outro]
    if src.corrects:
        story.append(para(f"本文书更正{src.corrects}，原文书同时作废。", st["para"]))
    story += _signature(src, body, st, receipt)
    if overflow:
        story += [PageBreak(), para(label, st["label"]), para("附页", st["title"]),
                  para(f"{src.title}　{src.number}", st["number"])]
        story += [para(f"{n}．{t}", st["item"]) for n, t in enumerate(body.items, 1)]
    return story


def _stub(src: Source, body: Body, st: dict) -> list:
    rows = [("文号", src.number), ("当事人", src.addressee), *body.stub,
            ("执法人员", "、".join(n for n, _c in src.officers)), ("签发日期", cn_date(src.issued_on))]
    table = layout.RuledTable([[para(k, st["cell"]), para(v, st["cell"])] for k, v in rows], (36 * mm, 120 * mm))
    return [para("存根", st["label"]), para(src.issuer, st["issuer"]), para(f"{src.title}（存根）", st["title"]),
            Spacer(1, 6 * mm), table]


def _void_stamp(src: Source) -> Callable:
    def stamp(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFillColor(colors.Color(0.8, 0, 0, alpha=0.55))
        canvas.setFont(fonts.HEI, 96)
        cx, cy = layout.LEFT + layout.BODY_W / 2, layout.PAGE_H - layout.TOP - layout.BODY_H / 2
        canvas.setFont(fonts.HEI, 12)
        canvas.drawCentredString(cx, cy - 60, f"作废原因：{src.void_reason}"[:40])  # level, so it stays searchable
        canvas.translate(cx, cy)
        canvas.rotate(30)
        canvas.setFont(fonts.HEI, 96)
        canvas.drawCentredString(0, 0, "作废")
        canvas.restoreState()

    return stamp


def render(src: Source, body: Body, opts: PrintOptions = PrintOptions()) -> bytes:
    """存根 (where the form has one), 正本 for the party, 存档 copy with the 签收 block; each from a new page."""
    check_glyphs(strings(src, body))
    st = doc_styles(opts)
    story: list = []
    if src.stub and body.stub:
        story += _stub(src, body, st) + [PageBreak()]
    story += _face(src, body, st, "正本（交当事人）", receipt=False) + [PageBreak()]
    story += _face(src, body, st, "存档", receipt=True)
    dx, dy = opts.offset_mm
    return layout.build(story, f"{src.title} {src.number}".strip(), on_page_end=_void_stamp(src) if src.voided
                        else None, offset=(dx * mm, dy * mm))
