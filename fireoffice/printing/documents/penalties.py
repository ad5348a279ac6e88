"""Penalty family bodies: 行政处罚告知书, 行政处罚决定书 and 当场处罚决定书 (行政处罚法 Art. 44, 59, 51–52)."""

from __future__ import annotations

from fireoffice.printing.documents.common import Body, Source


def party(src: Source) -> str:
    """当事人 line of every penalty document: name, credit code or 身份证号, legal representative, address."""
    f = src.fields
    parts = [f"当事人：{src.addressee}"]
    if f.get("party_id"):
        parts.append(f"{'统一社会信用代码' if f.get('party_kind') == '单位' else '身份证号'}：{f['party_id']}")
    if f.get("legal_rep") and f.get("party_kind") == "单位":
        parts.append(f"法定代表人（负责人）：{f['legal_rep']}")
    if f.get("address"):
        parts.append(f"地址：{f['address']}")
    return "；".join(parts) + "。"


def penalty_text(src: Source) -> str:
    x = src.extra
    if src.fields.get("penalty_kind") == "警告":
        return "警告"
    return f"罚款{x.get('amount_text', '')}"


def compose(src: Source) -> Body:
    f, x = src.fields, src.extra
    basis = f"违反了{x.get('violated_article', '')}的规定，依据{x.get('penalty_article', '')}"
    stub = (("违法条款", x.get("violated_article", "")), ("处罚", penalty_text(src)))
    if src.doc_type == "行政处罚告知书":
        intro = (party(src), f"经查，{f.get('facts', '')}。", f"以上事实有{f.get('evidence') or '现场检查记录、照片'}等证据证实。",
                 f"你（单位）的上述行为{basis}，我单位拟对你（单位）作出如下行政处罚：{penalty_text(src)}。",
                 x.get("rights", ""))
        return Body(intro, (), (), stub, receipt="当事人签收（陈述、申辩或听证意见）")
    if src.doc_type == "行政处罚决定书":
        heard = f.get("statement") or "当事人在法定期限内未提出陈述、申辩和听证要求"
        intro = (party(src), f"经查，{f.get('facts', '')}。", f"以上事实有{f.get('evidence') or '现场检查记录、照片'}等证据证实。",
                 f"我单位已于处罚前告知当事人拟作出处罚的事实、理由、依据及依法享有的权利"
                 f"{('（' + f['notice_no'] + '）') if f.get('notice_no') else ''}。{heard}。",
                 f"当事人的上述行为{basis}，决定给予当事人如下行政处罚：{penalty_text(src)}。")
        outro = ((x.get("payment", ""),) if f.get("penalty_kind") == "罚款" else ()) + (x.get("remedies", ""),)
        return Body(intro, (), outro, stub, receipt="被处罚人签收")
    if src.doc_type == "当场处罚决定书":
        intro = (party(src), f"违法地点：{f.get('place', '')}。违法事实：{f.get('facts', '')}。",
                 f"以上行为{basis}，根据《中华人民共和国行政处罚法》第五十一条的规定，当场决定给予：{penalty_text(src)}。")
        outro = ((x.get("payment", ""),) if f.get("penalty_kind") == "罚款" else ()) + (x.get("remedies", ""),)
        return Body(intro, (), outro, stub, receipt="被处罚人签名")
    raise KeyError(src.doc_type)
