"""Set-up for the enforcement document tests: a configured station, officers, an inspection with hazards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select

from fireoffice.db.models import StationProfile
from fireoffice.services import documents, documents_flow, inspections
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.inspections import ResultInput
from tests.services.insp_helpers import all_pass, hazard, make_officers, make_units

HEAD = Actor(username="u4", display_name="刘所长", role="所长")
CLERK = Actor(username="u5", display_name="陈协管", role="协管员")


@dataclass
class World:
    ctx: ServiceContext
    people: dict[str, str]
    unit: str
    inspection: str
    hazards: tuple[str, ...]

    def as_(self, actor: Actor) -> ServiceContext:
        return ServiceContext(self.ctx.db, actor)

    def pair(self) -> tuple[str, str]:
        return self.people["张执法"], self.people["李执法"]


def set_station(ctx, mode: str = "委托", issuer_code: str = "临东") -> None:
    with ctx.db.write() as s:
        st = s.execute(select(StationProfile)).scalar() or StationProfile()
        st.name, st.township, st.county, st.brigade = "东城街道消防工作所", "东城街道", "临县", "临县消防救援大队"
        st.issuer_code, st.enforcement_mode, st.configured = issuer_code, mode, True
        s.add(st)


def world(ctx, mode: str = "委托", unit_name: str = "吴喆记火锅店") -> World:
    set_station(ctx, mode)
    people = make_officers(ctx)
    unit = make_units(ctx, 1, prefix=unit_name)[0]
    data = all_pass(ctx, unit, officers=(people["张执法"], people["李执法"]), results=(
        ResultInput("G13", "不符合", hazard=hazard("二层走道应急照明灯不亮", "二层走道", deadline_amount=7)),
        ResultInput("G10", "不符合", hazard=hazard("后门安全出口被纸箱堵塞", "后门", deadline_amount=3))))
    saved = inspections.create_inspection(ctx, data)
    return World(ctx, people, unit, saved.uid, saved.hazard_uids)


def pending_notice(w: World, kind: str = "责令限期改正通知书") -> str:
    doc = documents.create_draft(w.ctx, kind, inspection_uid=w.inspection)
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    documents_flow.submit(w.ctx, doc.uid)
    return doc.uid


def issued_notice(w: World, kind: str = "责令限期改正通知书") -> str:
    uid = pending_notice(w, kind)
    documents_flow.issue(w.as_(HEAD), uid)
    return uid


PENALTY = {"facts": "二层东侧安全出口被纸箱堵塞", "party_kind": "单位", "article_code": "60-1-3/单位",
           "penalty_kind": "罚款", "fine": 8000}


def notice_record(w: World, at: datetime | None = None, issue: bool = True, **fields) -> str:
    """A 行政处罚告知笔录 made at `at` (default an hour ago), signed; issued by the head unless `issue` is False."""
    at = at or datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    values = {**PENALTY, "filed_on": (at.date() - timedelta(days=10)).isoformat(),
              "notified_at": at.strftime("%Y-%m-%dT%H:%M"), "place": "店内", "notified_person": "店主甲",
              "relation": "法定代表人", "hearing_applies": "是", "response": "未当场表示意见", "signature": "已签名"}
    doc = documents.create_draft(w.ctx, "行政处罚告知笔录", unit_uid=w.unit, fields={**values, **fields})
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    if issue:
        documents_flow.submit(w.ctx, doc.uid)
        documents_flow.issue(w.as_(HEAD), doc.uid, on=at.date())
    return doc.uid


def decision_after(w: World, notice_uid: str, **fields) -> str:
    """A 行政处罚决定书 draft that follows the given 告知 (prefilled from it), with the two officers."""
    doc = documents.create_draft(w.ctx, "行政处罚决定书", ref_uid=notice_uid, fields=fields)
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    return doc.uid


def today() -> date:
    return date.today()
