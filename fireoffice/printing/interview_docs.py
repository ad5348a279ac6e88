"""约谈通知书, 约谈记录 and 消防安全承诺书 as A4 PDFs (domain.md §3.4 K, §9): fill-in forms in the GB/T 9704 版心.

Several units print into one PDF, one unit per page (PageBreak between), as a batch is printed and sealed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from fireoffice.printing import layout
from fireoffice.printing.fonts import HEI, register_fonts
from fireoffice.printing.training_common import build, cn_date, para

BODY_SIZE = 14  # 4号: a one-page notice stays on one page with a long 事由


@dataclass(frozen=True)
class Notice:
    issuer: str  # the station (also the seal line)
    number: str  # 临东消约字〔2026〕第001号
    unit_name: str
    interviewee: str
    position: str
    reason: str
    when: str  # 2026年3月2日 09:00
    place: str
    video_link: str
    documents: str
    contact: str
    contact_phone: str
    issued_on: date | None


@dataclass(frozen=True)
class RecordDoc:
    issuer: str
    notice_no: str
    when: str
    place: str
    kind: str  # 集中约谈 / 一对一警示约谈 / 视频约谈
    officers: str  # 约谈人
    unit_name: str
    address: str
    interviewee: str
    position: str
    phone: str
    reason: str
    problems: tuple[str, ...]  # one line per hazard or problem
    commitments: str
    rectify_by: date | None
    pledge_signed: bool


@dataclass(frozen=True)
class Pledge:
    issuer: str
    unit_name: str
    address: str
    resp_person: str
    dated: date | None = None  # None: left blank, dated by hand when signed


def _styles():
    fonts = register_fonts()
    st = layout.styles(fonts, body_size=BODY_SIZE)
    st["indent"] = st["body"].clone("indent", firstLineIndent=2 * BODY_SIZE, leading=BODY_SIZE * 1.75)
    st["right"] = st["body"].clone("right", alignment=2, leading=BODY_SIZE * 1.75)
    return st


def _pages(docs: Sequence, one) -> list:
    story: list = []
    for n, doc in enumerate(docs):
        if n:
            story.append(PageBreak())
        story += one(doc)
    return story


def _notice(n: Notice, st) -> list:
    place = f"视频约谈（会议链接/会议号：{n.video_link}）" if n.video_link else n.place
    if n.video_link and n.place:
        place += f"；或到{n.place}参加"
    person = f"{n.position}{n.interviewee}" if n.interviewee else "消防安全责任人或消防安全管理人"
    lines = [
        f"因你单位{n.reason or '存在消防安全问题'}，为督促你单位落实消防安全主体责任、及时消除火灾隐患，"
        f"根据《中华人民共和国消防法》等有关规定，{n.issuer}决定对你单位进行消防安全约谈。现将有关事项通知如下：",
        f"一、约谈时间：{n.when}。", f"二、约谈地点：{place}。",
        f"三、参加人员：你单位{person}。本人确实不能参加的，应由熟悉本单位消防安全工作的负责人持书面委托参加。",
        f"四、需携带材料：{n.documents or '无'}。",
        f"五、联系人：{n.contact or '＿＿＿＿'}，联系电话：{n.contact_phone or '＿＿＿＿＿＿'}。",
        "请准时参加。",
    ]
    story = [para(n.issuer, st["header"]), Spacer(1, 4 * mm), para("约谈通知书", st["title"]),
             para(n.number, st["number"]), Spacer(1, 4 * mm), para(f"{n.unit_name}：", st["body"])]
    story += [para(text, st["indent"]) for text in lines]
    story += [Spacer(1, 12 * mm), para(f"{n.issuer}（印章）　　", st["right"]),
              para(cn_date(n.issued_on) + "　　　　", st["right"]), Spacer(1, 14 * mm),
              para("被约谈单位签收：＿＿＿＿＿＿＿＿　　签收日期：　　年　　月　　日", st["body"])]
    return story


def notices_pdf(notices: Sequence[Notice]) -> bytes:
    st = _styles()
    return build(_pages(notices, lambda n: _notice(n, st)), "约谈通知书", numbered=False)


def _record(r: RecordDoc, st) -> list:
    cell, label = st["cell"], st["head_c"]
    tick = lambda on: "■" if on else "□"  # noqa: E731 - the font has no ☑
    kinds = "　".join(f"{tick(k == r.kind)}{k}" for k in ("集中约谈", "一对一警示约谈", "视频约谈"))
    problems = "\n".join(f"{i}. {p}" for i, p in enumerate(r.problems, 1)) or "（无）"
    rows = [
        [para("约谈时间", label), para(r.when, cell), para("约谈地点", label), para(r.place, cell)],
        [para("约谈类型", label), para(kinds, cell), "", ""],
        [para("约谈人", label), para(r.officers, cell), "", ""],
        [para("被约谈单位", label), para(r.unit_name, cell), "", ""],
        [para("单位地址", label), para(r.address, cell), "", ""],
        [para("被约谈人", label), para(r.interviewee, cell), para("职务", label), para(r.position, cell)],
        [para("联系电话", label), para(r.phone, cell), para("通知书文号", label), para(r.notice_no, cell)],
        [para("约谈事由", label), para(r.reason, cell), "", ""],
        [para("通报的问题及隐患", label), para(problems, cell), "", ""],
        [para("单位表态及整改措施", label), para(r.commitments or "", cell), "", ""],
        [para("整改期限", label), para(cn_date(r.rectify_by, "—"), cell), para("签订承诺书", label),
         para(f"{tick(r.pledge_signed)}是　{tick(not r.pledge_signed)}否", cell)],
        [para("约谈人签名", label), "", para("被约谈人签名", label), ""],
    ]
    spans = [("SPAN", (1, i), (3, i)) for i in (1, 2, 3, 4, 7, 8, 9)]
    heights = [10 * mm] * len(rows)
    heights[8], heights[9], heights[11] = 40 * mm, 40 * mm, 16 * mm
    table = Table(rows, colWidths=[26 * mm, 60 * mm, 24 * mm, 46 * mm], minRowHeights=heights)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("FONTNAME", (0, 0), (-1, -1), HEI),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *spans]))
    return [para(r.issuer, st["header"]), Spacer(1, 3 * mm), para("消防安全约谈记录", st["title"]),
            Spacer(1, 3 * mm), table, Spacer(1, 4 * mm),
            para("记录人（签名）：＿＿＿＿＿＿　　　　　　　　记录日期：　　年　　月　　日", st["cell"])]


def records_pdf(records: Sequence[RecordDoc]) -> bytes:
    st = layout.styles(register_fonts(), body_size=12)
    return build(_pages(records, lambda r: _record(r, st)), "消防安全约谈记录", numbered=False)


PLEDGES = (
    "整改隐患。对检查发现和本单位自查发现的火灾隐患，按期整改到位；整改期间落实防范措施，确保安全。",
    "落实责任。明确消防安全责任人、管理人，健全消防安全制度和操作规程，每日防火巡查，每月至少自查一次。",
    "确保安全。保持疏散通道、安全出口畅通，消防设施、器材完好有效；不违规住人，不违规用火、用电、用气，"
    "不在室内、楼道停放电动自行车或为其充电。",
    "组织员工参加消防安全培训，做到“一懂三会”，每半年至少组织一次灭火和应急疏散演练。",
    "自觉接受消防监督检查和社会监督；违反本承诺的，愿依法承担相应责任。",
)
_NUMS = "一二三四五六七八九十"


def _pledge(p: Pledge, st) -> list:
    story = [Spacer(1, 6 * mm), para("消防安全承诺书", st["title"]), Spacer(1, 6 * mm),
             para(f"为落实消防安全主体责任，预防和减少火灾事故，本单位（场所）{p.unit_name}"
                  f"{'（地址：' + p.address + '）' if p.address else ''}向{p.issuer}郑重承诺：", st["indent"])]
    story += [para(f"{_NUMS[i]}、{text}", st["indent"]) for i, text in enumerate(PLEDGES)]
    story += [para(f"本承诺书一式两份，承诺单位和{p.issuer}各执一份。", st["indent"]), Spacer(1, 14 * mm),
              para(f"承诺单位（盖章）：{p.unit_name}", st["body"]),
              para(f"消防安全责任人（签字）：＿＿＿＿＿＿＿＿{'（' + p.resp_person + '）' if p.resp_person else ''}",
                   st["body"]),
              para(f"日期：{cn_date(p.dated)}", st["body"])]
    return story


def pledges_pdf(pledges: Sequence[Pledge]) -> bytes:
    st = _styles()
    return build(_pages(pledges, lambda p: _pledge(p, st)), "消防安全承诺书", numbered=False)
