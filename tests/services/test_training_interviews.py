"""约谈: proposals from the hazard records, records linked to the unit's hazards, numbered notices, printouts."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from fireoffice.db.models import Hazard, Unit
from fireoffice.services import training_interviews, training_invite, training_print, training_proposals
from fireoffice.services.errors import ValidationError
from fireoffice.services.training_interviews import InterviewInput
from tests.services.test_training import make_session, make_units, setup_station

TODAY = date.today()


def add_hazard(ctx, unit_uid: str, no: str, found: date, deadline: date, state: str = "待整改",
               category: str = "疏散通道", item: str = "", escalation: str = "", escalated_on: date | None = None) -> int:
    with ctx.db.write() as s:
        unit_id = s.execute(select(Unit.id).where(Unit.uid == unit_uid)).scalar_one()
        h = Hazard(hazard_no=no, unit_id=unit_id, found_on=found, description="二层东侧安全出口被货物堵塞",
                   location="二层东侧", category=category, item_code=item, state=state, deadline=deadline,
                   escalation=escalation, escalated_on=escalated_on)
        s.add(h)
        s.flush()
        return h.id


def pdf_text(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) 未安装")
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_proposals_from_hazards(ctx):
    uids = make_units(ctx, 4)
    add_hazard(ctx, uids[0], "YH-1", TODAY - timedelta(days=60), TODAY - timedelta(days=10), state="逾期未改",
               escalation="处罚", escalated_on=TODAY - timedelta(days=5))
    add_hazard(ctx, uids[1], "YH-2", TODAY - timedelta(days=30), TODAY - timedelta(days=1))  # 待整改, past deadline
    add_hazard(ctx, uids[2], "YH-3", TODAY - timedelta(days=200), TODAY - timedelta(days=190), state="已销号",
               item="A1")
    add_hazard(ctx, uids[2], "YH-4", TODAY - timedelta(days=20), TODAY + timedelta(days=10), item="A1")
    add_hazard(ctx, uids[3], "YH-5", TODAY - timedelta(days=5), TODAY + timedelta(days=10))  # not late, once
    lists = {p.key: p for p in training_proposals.proposals(ctx, today=TODAY)}
    penalised = lists["penalised"].items
    assert [p.unit_uid for p in penalised] == [uids[0]] and "处罚" in penalised[0].reason
    assert {p.unit_uid for p in lists["overdue"].items} == {uids[0], uids[1]}
    repeat = lists["repeat"].items
    assert [p.unit_uid for p in repeat] == [uids[2]] and repeat[0].hazard_nos == ("YH-3", "YH-4")
    assert "2 次" in repeat[0].reason


def test_one_to_one_interview_from_a_proposal(ctx, tmp_path):
    setup_station(ctx)
    uids = make_units(ctx, 2)
    hid = add_hazard(ctx, uids[0], "YH-2026-000001", TODAY - timedelta(days=40), TODAY - timedelta(days=10),
                     state="逾期未改", escalation="处罚", escalated_on=TODAY - timedelta(days=3))
    other = add_hazard(ctx, uids[1], "YH-2026-000002", TODAY - timedelta(days=40), TODAY - timedelta(days=10))
    info = make_session(ctx, kind="一对一警示约谈", held_on=TODAY + timedelta(days=3), reason="受到行政处罚")
    proposal = next(p for p in training_proposals.proposals(ctx, info.uid)[0].items)
    result = training_invite.invite_units(ctx, info.uid, [proposal.unit_uid],
                                          reasons={proposal.unit_uid: (proposal.reason, proposal.hazard_ids)})
    assert result.interviews_added == 1
    assert training_proposals.proposals(ctx, info.uid)[0].items[0].invited
    record = training_interviews.list_interviews(ctx, info.uid)[0]
    assert record.interviewee == "责任人1" and "处罚" in record.reason
    assert [h.hazard_no for h in record.hazards] == ["YH-2026-000001"]
    offered = training_interviews.unit_hazards(ctx, record.uid)
    assert [(h.hazard_no, h.linked) for h in offered] == [("YH-2026-000001", True)]

    with pytest.raises(ValidationError, match="自己的隐患"):
        training_interviews.update_interview(ctx, record.uid, InterviewInput(hazard_uids=(_uid(ctx, other),)))
    with pytest.raises(ValidationError, match="不能早于约谈日期"):
        training_interviews.update_interview(ctx, record.uid, InterviewInput(rectify_by=TODAY))
    saved = training_interviews.update_interview(ctx, record.uid, InterviewInput(
        reason=record.reason, interviewee="责任人1", interviewee_position="消防安全责任人",
        problems="消防控制室无人值守", commitments="三日内清理安全出口", rectify_by=TODAY + timedelta(days=18),
        pledge_signed=True, hazard_uids=(_uid(ctx, hid),)))
    assert saved.pledge_signed and saved.commitments == "三日内清理安全出口"

    notices = training_print.notices_pdf(ctx, info.uid, issued_on=TODAY)
    number = f"临东消约字〔{TODAY.year}〕第001号"
    assert training_interviews.get_interview(ctx, record.uid).notice_no == number
    text = pdf_text(notices, tmp_path)
    assert "约谈通知书" in text and number in text and "东城街道消防工作所" in text and "柳林村测试单位1号店" in text
    training_print.notices_pdf(ctx, info.uid, issued_on=TODAY)  # a reprint keeps its number
    assert training_interviews.get_interview(ctx, record.uid).notice_no == number
    text = pdf_text(training_print.records_pdf(ctx, info.uid), tmp_path)
    for words in ("消防安全约谈记录", "YH-2026-000001", "三日内清理安全出口", "消防控制室无人值守", "■是"):
        assert words in text.replace(" ", "")
    text = pdf_text(training_print.pledges_pdf(ctx, info.uid), tmp_path)
    assert "消防安全承诺书" in text and "柳林村测试单位1号店" in text


def _uid(ctx, hazard_id: int) -> str:
    with ctx.db.read() as s:
        return s.get(Hazard, hazard_id).uid


def test_notice_rules(ctx):
    uids = make_units(ctx, 2)
    info = make_session(ctx, kind="集中约谈", held_on=TODAY - timedelta(days=2), reason="专项行动")
    with pytest.raises(ValidationError, match="还没有被约谈单位"):
        training_print.notices_pdf(ctx, info.uid)
    training_invite.invite_units(ctx, info.uid, uids)
    with pytest.raises(ValidationError, match="文书机关代字"):
        training_print.notices_pdf(ctx, info.uid, issued_on=TODAY - timedelta(days=5))
    setup_station(ctx)
    with pytest.raises(ValidationError, match="之前"):
        training_print.notices_pdf(ctx, info.uid, issued_on=TODAY)
    records = training_interviews.list_interviews(ctx, info.uid)
    training_print.notices_pdf(ctx, info.uid, [records[1].uid], issued_on=TODAY - timedelta(days=5))
    training_print.notices_pdf(ctx, info.uid, issued_on=TODAY - timedelta(days=5))
    numbers = [r.notice_no for r in training_interviews.list_interviews(ctx, info.uid)]
    year = (TODAY - timedelta(days=5)).year
    assert numbers == [f"临东消约字〔{year}〕第002号", f"临东消约字〔{year}〕第001号"]
