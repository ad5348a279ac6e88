"""行政处罚告知笔录: the 告知 of 行政处罚法 Art. 44 made in person and recorded (domain.md §3.1, §3.4 H).

Same content as the 告知书 — party, facts and evidence, violated and penalty article, the intended penalty, the
rights of 陈述、申辩 and (where the case is in the 听证 range) 听证 — plus when, where and to whom it was told,
what the party answered, and the party's signature or the refusal with a witness.
"""

from __future__ import annotations

from fireoffice.printing.documents.common import Body, Source, cn_minute
from fireoffice.printing.documents.penalties import party, penalty_text

HEARING_WORKDAYS = 5  # 行政处罚法 Art. 64 and 85: 听证 requested within 5 working days of the 告知


def rights(hearing: bool) -> str:
    if hearing:
        return (f"你（单位）有权进行陈述和申辩；对拟作出的处罚，有权要求举行听证。要求听证的，应当在告知之日起"
                f"{HEARING_WORKDAYS}个工作日内提出；逾期未提出陈述、申辩或者听证要求的，视为放弃上述权利。")
    return (f"你（单位）有权进行陈述和申辩，应当在告知之日起{HEARING_WORKDAYS}个工作日内提出；"
            "逾期未提出的，视为放弃上述权利。")


def compose(src: Source) -> Body:
    f, x = src.fields, src.extra
    hearing = f.get("hearing_applies") != "否"
    intro = (
        f"告知时间：{cn_minute(f.get('notified_at'))}。告知地点：{f.get('place', '')}。",
        f"被告知人：{f.get('notified_person', '')}（{f.get('relation', '')}）。",
        party(src),
        "现依照《中华人民共和国行政处罚法》第四十四条的规定，将拟作出行政处罚的内容及事实、理由、依据告知如下：",
        f"经查，{f.get('facts', '')}。以上事实有{f.get('evidence') or '现场检查记录、照片'}等证据证实。",
        f"你（单位）的上述行为违反了{x.get('violated_article', '')}的规定，依据{x.get('penalty_article', '')}，"
        f"拟对你（单位）作出如下行政处罚：{penalty_text(src)}。",
        rights(hearing),
    )
    response = f.get("response") or "未当场表示意见"
    outro = [f"当事人意见：{response}。"]
    if f.get("statement"):
        outro.append(f"陈述、申辩内容：{f['statement'].rstrip('。')}。")
    outro.append("以上笔录已向被告知人宣读（或交其阅读），记录属实。")
    if f.get("signature") == "拒绝签名":
        outro.append(f"当事人拒绝签名。见证人：{f.get('witness') or '＿＿＿＿'}（签名）")
    stub = (("告知时间", cn_minute(f.get("notified_at"))), ("拟处罚", penalty_text(src)), ("当事人意见", response))
    return Body(intro, (), tuple(outro), stub, receipt="被告知人（签名）")
