"""Notice family bodies: 责令立即/限期改正, 复查意见书, 延期, 重大火灾隐患, 临时查封 (and 解除), 行政告诫书."""

from __future__ import annotations

from fireoffice.printing.documents.common import Body, Source, cn_date, cn_minute

LAW53 = "根据《中华人民共和国消防法》第五十三条的规定"
SAFETY = "改正期间，你单位（场所）应当采取措施，确保消防安全。对消防安全违法行为，将依法予以处罚。"
RECHECK = "你单位（场所）改正完毕后，可以向我单位申请复查。"


def remedies(src: Source) -> str:
    body = src.review_body or "本级人民政府"
    return (f"如不服本通知（决定），可以在收到之日起六十日内向{body}申请行政复议，"
            "或者在六个月内依法向人民法院提起行政诉讼。")


def _items(src: Source) -> tuple[str, ...]:
    # The forms list the violations only; the legal basis is on the 检查记录 and in the case file.
    return tuple(i.get("text", "") for i in src.items)


def _deadline_lines(src: Source) -> tuple[str, ...]:
    """Per-item deadlines, items sharing a date grouped: "对上述第1、3项问题，责令…于…前改正。"."""
    groups: dict[str, list[int]] = {}
    for n, item in enumerate(src.items, 1):
        groups.setdefault(item.get("deadline") or "", []).append(n)
    lines = []
    for deadline, numbers in sorted(groups.items()):
        which = "、".join(str(n) for n in numbers)
        lines.append(f"对上述第{which}项问题，责令你单位（场所）于{cn_date(deadline)}前改正。")
    return tuple(lines)


def _found(src: Source) -> str:
    f = src.fields
    return (f"{LAW53}，我单位于{cn_date(f.get('inspected_on'))}对你单位（场所）进行消防监督检查，"
            f"发现存在下列{len(src.items)}项消防安全违法行为：")


def _stub(src: Source, extra: tuple = ()) -> tuple[tuple[str, str], ...]:
    summary = "；".join(i.get("text", "") for i in src.items)[:120]
    return (("违法行为", summary or src.fields.get("facts", "")[:120]), *extra)


def compose(src: Source) -> Body:
    f, kind = src.fields, src.doc_type
    if kind == "责令限期改正通知书":
        last = max((i.get("deadline") or "" for i in src.items), default="")
        return Body((_found(src),), _items(src), (*_deadline_lines(src), SAFETY, RECHECK, remedies(src)),
                    _stub(src, (("整改期限", cn_date(last) if last else ""),)))
    if kind == "责令立即改正通知书":
        return Body((_found(src),), _items(src), ("责令你单位（场所）对上述违法行为立即改正。", SAFETY, remedies(src)),
                    _stub(src))
    if kind == "重大火灾隐患限期整改通知书":
        intro = (_found(src).replace("消防安全违法行为", "重大火灾隐患"),)
        outro = (f"经{f.get('determination', '')}，上述隐患判定为重大火灾隐患。", *_deadline_lines(src),
                 f"挂牌督办：{f.get('supervision') or '无'}。", SAFETY, remedies(src))
        return Body(intro, _items(src), outro, _stub(src))
    if kind == "复查意见书":
        intro = (f"根据{'你单位申请' if f.get('trigger') == '当事人申请' else '改正期限届满'}，我单位于"
                 f"{cn_date(f.get('rechecked_on'))}对《责令限期改正通知书》（{f.get('notice_no', '')}）所列消防安全违法行为"
                 "进行了复查，复查情况如下：",)
        items = tuple(f"{i.get('text', '')}：{i.get('result') or '＿＿＿＿'}" for i in src.items)
        return Body(intro, items, (f.get("conclusion", ""),), (("复查意见", f.get("conclusion", "")[:120]),))
    if kind == "延期整改通知书":
        head = (f"你单位于{cn_date(f.get('applied_on'))}提出的延期整改申请（原通知书：{f.get('notice_no', '')}）"
                f"收悉。申请理由：{f.get('reason', '')}。")
        if f.get("decision") == "不同意":
            outro = (f"经审查，不同意延期。理由：{f.get('refusal_reason', '')}。请按原通知书规定期限改正。", remedies(src))
        else:
            outro = (f"经审查，同意延期至{cn_date(f.get('new_deadline'))}。延期期间，你单位（场所）应当采取措施，确保消防安全。",)
        return Body((head,), (), outro, (("决定", f.get("decision", "")),))
    if kind == "临时查封决定书":
        decided = f"经本单位负责人集体研究（{f['collective']}），" if f.get("collective") else ""
        emergency = ()
        if f.get("emergency") == "是":  # 当场查封 after oral approval; this decision follows within 24 h
            emergency = (f"因情况紧急，经本单位负责人{f.get('oral_approver', '')}口头批准，已于"
                         f"{cn_minute(f.get('sealed_at'))}当场实施临时查封，现依法补办本决定。",)
        intro = (f"我单位于{cn_date(f.get('inspected_on'))}对你单位（场所）进行消防监督检查，发现：{f.get('facts', '')}。",
                 f"根据《中华人民共和国消防法》第五十四条、《消防监督检查规定》第二十二条，因{f.get('grounds', '')}，"
                 f"{decided}决定对你单位（场所）的{f.get('scope', '')}实施临时查封，期限为{f.get('period_days', '')}日。",
                 *emergency,
                 f"实施方法：{f.get('method') or '张贴封条'}。",)
        outro = ("临时查封期间，你单位应当采取措施消除火灾隐患，隐患消除后可向我单位申请解除临时查封。", remedies(src))
        return Body(intro, (), outro, (("查封范围", f.get("scope", "")), ("期限", f"{f.get('period_days', '')}日")))
    if kind == "解除临时查封决定书":
        intro = (f"我单位于前期作出《临时查封决定书》（{f.get('seal_no', '')}）。因{f.get('reason', '')}，"
                 f"决定自{cn_date(f.get('released_on'))}起解除临时查封。",)
        return Body(intro, (), (), (("原决定书", f.get("seal_no", "")),))
    if kind == "行政告诫书":
        intro = (f"我单位于{cn_date(f.get('inspected_on'))}检查发现，你单位（场所）存在下列违法行为：{f.get('facts', '')}。",
                 f"鉴于该违法行为系初次违法且危害后果轻微并及时改正，根据《中华人民共和国行政处罚法》第三十三条第一款"
                 f"{('及' + f['basis']) if f.get('basis') else ''}的规定，不予行政处罚，现予以告诫。",
                 "请你单位（场所）引以为戒，严格遵守消防法律法规，再次违法的将依法从重处理。")
        return Body(intro, (), (), _stub(src))
    raise KeyError(kind)

