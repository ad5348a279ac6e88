"""Record family bodies: 消防监督检查记录, 举报投诉核查记录 and 案件移送书 (township → 大队)."""

from __future__ import annotations

from fireoffice.printing.documents.common import Body, Source, cn_date, cn_minute


def compose(src: Source) -> Body:
    f = src.fields
    if src.doc_type == "消防监督检查记录":
        intro = (f"检查类型：{f.get('inspection_kind', '')}。检查时间：{cn_date(f.get('inspected_on'))}"
                 f"{f.get('time_range', '')}。", f"地址：{f.get('address', '')}。",
                 f"消防安全责任人：{f.get('resp_person', '')}；消防安全管理人：{f.get('mgr_person', '')}。",
                 f"检查情况：{f.get('summary') or '见下列不符合项'}",)
        items = tuple(i.get("text", "") for i in src.items)
        outro = (f"被检查单位签名人：{f.get('unit_rep') or '＿＿＿＿'}。此记录交被检查单位存档。",)
        return Body(intro, items, outro, (), receipt="被检查单位人员签名")
    if src.doc_type == "举报投诉核查记录":
        intro = (f"受理时间：{cn_minute(f.get('received_at'))}；来源：{f.get('source', '')}；举报人：{f.get('complainant') or '（保密）'}。",
                 f"举报内容：{f.get('content', '')}", f"核查时间：{cn_minute(f.get('checked_at'))}；核查结果：{f.get('result', '')}。",
                 f"处理情况：{f.get('handling') or '无'}", f"告知举报人情况：{f.get('feedback') or '＿＿＿＿'}")
        return Body(intro, (), (), (), receipt="")
    if src.doc_type == "案件移送书":
        intro = (f"{f.get('unit_name', '')}（地址：{f.get('address', '')}）涉嫌消防安全违法：{f.get('facts', '')}。",
                 f"因{f.get('reason') or '该事项不在本乡镇（街道）消防执法赋权范围内'}，根据《中华人民共和国行政处罚法》"
                 "第二十三条、第二十四条的规定，现将该案件移送你单位依法处理。",
                 f"移送材料：{f.get('attachments') or '消防监督检查记录、现场照片'}。")
        return Body(intro, (), (), (("涉案单位", f.get("unit_name", "")),), receipt="接收单位签收")
    raise KeyError(src.doc_type)
