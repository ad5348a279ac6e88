"""Demo enforcement documents in every state (草稿, 待审批, 已签发, 已送达, 已作废), inside the demo transaction;
the penalty decision follows a 行政处罚告知笔录 and its 陈述申辩/听证 window."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Hazard, Inspection, InspectionOfficer, ServiceRecord, Unit
from fireoffice.services import audit, documents, documents_flow, workdays
from fireoffice.services.errors import ServiceError
from fireoffice.services.inspections import to_utc

# (type, target status); issued ones are dated a day after their inspection, as a station would.
PLAN = (("责令限期改正通知书", "已送达"), ("责令限期改正通知书", "已送达"), ("责令限期改正通知书", "已签发"),
        ("责令限期改正通知书", "已作废"), ("责令立即改正通知书", "已签发"), ("行政处罚决定书", "已签发"),
        ("复查意见书", "已签发"), ("责令限期改正通知书", "待审批"), ("行政告诫书", "待审批"),
        ("责令限期改正通知书", "草稿"), ("临时查封决定书", "草稿"))


def _inspections(s: Session, n: int) -> list[Inspection]:
    """Completed inspections with hazards, oldest first, so issue dates and numbers rise together."""
    ids = s.execute(select(Hazard.inspection_id).where(Hazard.inspection_id.is_not(None)).distinct()).scalars().all()
    rows = s.execute(select(Inspection).where(Inspection.id.in_(ids)).order_by(Inspection.started_at)).scalars().all()
    return rows[-n:] if len(rows) > n else rows


def _fields(kind: str, insp: Inspection, unit: Unit) -> dict:
    day = insp.started_at.date().isoformat()
    if kind == "行政处罚决定书":
        return {"party_kind": "单位", "article_code": "60-1-3/单位", "penalty_kind": "罚款", "fine": 5000,
                "facts": "占用、堵塞疏散通道，经责令改正逾期未改", "evidence": "现场检查记录、照片、询问笔录"}
    if kind == "复查意见书":
        return {"rechecked_on": day, "trigger": "期限届满", "notice_no": "（见原通知书）", "conclusion": "经复查，已全部改正。"}
    if kind == "行政告诫书":
        return {"facts": "疏散指示标志损坏，已当场改正"}
    if kind == "临时查封决定书":
        return {"facts": "安全出口被封闭", "grounds": "安全出口严重堵塞", "scope": f"{unit.name}营业场所", "period_days": 15,
                "collective": "所长办公会集体研究，同意临时查封", "emergency": "否"}
    return {}


def _notice_record(s: Session, actor: str, insp: Inspection, unit: Unit, pair: list[int], on: date,
                   now: datetime) -> tuple[object, date] | None:
    """The 行政处罚告知笔录 a demo decision follows: told in person on `on`, signed, issued the same day."""
    told = min(datetime.combine(on, time(10, 30)), now - timedelta(minutes=1))
    fields = {**_fields("行政处罚决定书", insp, unit), "filed_on": insp.started_at.date().isoformat(),
              "notified_at": told.strftime("%Y-%m-%dT%H:%M"), "hearing_applies": "是", "response": "要求陈述、申辩",
              "statement": "当事人称通道内货物系临时堆放，已当场清理，请求从轻处罚", "signature": "已签名"}
    doc = documents.insert_draft(s, actor, "行政处罚告知笔录", inspection_uid=insp.uid, fields=fields)
    doc.officer1_id, doc.officer2_id = (list(pair) + [None, None])[:2]
    doc.status = "待审批"
    try:
        with s.begin_nested():
            documents_flow.issue_in(s, actor, doc, told.date(), told)
    except ServiceError:
        return None
    return doc, told.date()


def fill(s: Session, seed: int, today: date, actor: str) -> int:
    rng = random.Random(seed + 5)
    now = datetime.now()
    made = 0
    for (kind, target), insp in zip(PLAN, _inspections(s, len(PLAN)), strict=False):
        unit = s.get(Unit, insp.unit_id)
        doc = documents.insert_draft(s, actor, kind, inspection_uid=insp.uid, fields=_fields(kind, insp, unit))
        pair = s.execute(select(InspectionOfficer.user_id).where(InspectionOfficer.inspection_id == insp.id)
                         .order_by(InspectionOfficer.position)).scalars().all()[:2]
        doc.officer1_id, doc.officer2_id = (list(pair) + [None, None])[:2]
        made += 1
        if target == "草稿":
            continue
        doc.status = "待审批"
        if target == "待审批":
            continue
        on = min(insp.started_at.date() + timedelta(days=1), today)
        if kind == "行政处罚决定书":  # 告知 first (a 告知笔录); the decision after the 5-working-day window
            told = _notice_record(s, actor, insp, unit, pair, on, now)
            made += 1
            if told is None:
                continue
            notice, told_on = told
            doc.ref_document_id = notice.id
            doc.fields = {**doc.fields, "notice_no": notice.number, "filed_on": notice.fields["filed_on"],
                          "statement": "当事人陈述货物系临时堆放，经复核，违法事实清楚，不予采纳"}
            on = workdays.add_workdays(workdays.load_calendar(s), told_on, 5) + timedelta(days=1)
            if on > today:  # the window is still running: the decision waits for the head
                continue
        try:
            with s.begin_nested():  # a refusal rolls back to here, so no number is spent
                documents_flow.issue_in(s, actor, doc, on)
        except ServiceError:  # e.g. an officer's 执法证 had expired by then: it stays pending
            continue
        if target == "已送达":
            at = datetime.combine(on, time(9 + rng.randint(0, 7), rng.choice((0, 15, 30, 45))))
            method = rng.choice(("直接", "留置"))
            s.add(ServiceRecord(document_id=doc.id, method=method, served_at=to_utc(at), deemed_on=on,
                                place=unit.address, recipient=unit.resp_person or "负责人", relation="消防安全责任人",
                                witness="社区网格员" if method == "留置" else "", server="执法人员", created_by=actor))
            doc.status, doc.served_on = "已送达", on
        elif target == "已作废":
            documents_flow.void_in(s, actor, doc, "单位名称填写错误，已重新制作")
    audit.record(s, actor, "生成执法文书演示数据", "database", "", after={"documents": made})
    s.flush()
    return made
