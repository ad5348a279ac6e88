"""A penalty decision issued this year puts the unit on the 约谈 proposals and forces it into 双随机 draws."""

from __future__ import annotations

from datetime import date

from fireoffice.db.models import Unit
from fireoffice.services import documents_flow, training_proposals
from fireoffice.services.draws import DrawParams, forced_unit_ids
from fireoffice.services.penalised import penalty_documents
from tests.services.doc_helpers import HEAD, decision_after, notice_record, world

FACTS = {"facts": "二层东侧安全出口被纸箱堵塞", "party_kind": "单位", "article_code": "60-1-3/单位",
         "penalty_kind": "罚款", "fine": 5000}


def _issue_decision(w) -> str:
    # a decision follows its 告知: here a signed 告知笔录 in which the party waived 陈述、申辩 and 听证
    uid = decision_after(w, notice_record(w, response="放弃陈述、申辩和听证"), **FACTS)
    documents_flow.submit(w.ctx, uid)
    return documents_flow.issue(w.as_(HEAD), uid).number


def test_issued_decision_counts_and_drafts_do_not(ctx):
    w = world(ctx)
    today = date.today()
    with ctx.db.read() as s:
        assert penalty_documents(s, date(today.year, 1, 1), today) == {}
    number = _issue_decision(w)
    with ctx.db.read() as s:
        found = penalty_documents(s, date(today.year, 1, 1), today)
        unit_id = s.query(Unit.id).filter(Unit.uid == w.unit).scalar()
        proposals = training_proposals.penalised_this_year(s, today.year)
        next_month = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
        forced = forced_unit_ids(s, DrawParams(month=f"{next_month:%Y-%m}", count=1, force_penalised=True),
                                 next_month)
    assert found == {unit_id: [number]}
    assert [p.unit_uid for p in proposals] == [w.unit] and number in proposals[0].reason
    assert unit_id in forced
