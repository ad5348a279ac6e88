"""Demo training: a year of sessions with attendance, deterministic by seed, inside the demo's one transaction.

Shaped on the seed reports: a 约谈培训 of every registered unit (village by village), one-to-one warning
interviews of up to 13 penalised units with numbered notices, a weekly video 约谈调度 of key units, monthly
trainings, drills, 《安全生产一周一警示》 film sessions and publicity handing out 18万余份 materials.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fireoffice.db.base import new_uid
from fireoffice.db.models import (
    Hazard,
    InterviewHazard,
    InterviewRecord,
    StationProfile,
    TrainingAttendee,
    TrainingSession,
    Unit,
    User,
    Village,
)
from fireoffice.services import audit, numbering, training
from fireoffice.services.training_interviews import DEFAULT_DOCUMENTS, NOTICE_TYPE
from fireoffice.services.training_proposals import PENALTY_ESCALATIONS

TOPICS = ("冬春火灾防控", "电动自行车消防安全", "九小场所消防安全管理", "餐饮场所燃气使用安全", "消防设施维护保养",
          "夏季用电安全", "人员密集场所疏散逃生", "消防安全责任制与“一懂三会”", "高层建筑消防安全", "节前消防安全",
          "仓储场所消防安全", "微型消防站建设")
MATERIALS = (35000, 28000, 26000, 24000, 22000, 20000, 15600, 11200)  # 181,800 份: "18万余份"
COMMITMENTS = "当场表态：立即组织整改，三日内清理疏散通道，落实每日防火巡查，整改完成后书面报告并申请复查。"


@dataclass(frozen=True)
class DemoTraining:
    sessions: int
    attendees: int
    interviews: int


@dataclass
class _Spec:
    kind: str
    topic: str
    held_on: date
    units: list  # Unit rows to invite
    place: str = "东城街道消防工作所会议室"
    video_link: str = ""
    scope: str = ""
    reason: str = ""
    attend: float = 0.9
    audience: int = 0
    materials: int = 0
    hazards: dict = field(default_factory=dict)  # unit id → hazard rows (一对一)
    cancelled: str = ""


class _Gen:
    def __init__(self, s: Session, seed: int, today: date, actor: str):
        self.s, self.today, self.actor = s, today, actor
        self.rng = random.Random(f"demo-training-{seed}")
        # Plain rows of the few columns needed: a 100,000-unit demo must not build 100,000 ORM objects.
        self.units = s.execute(select(Unit.id, Unit.name, Unit.village_id, Unit.is_key_unit, Unit.nine_small_type,
                                      Unit.resp_person, Unit.resp_phone, Unit.mgr_person, Unit.mgr_phone)
                               .where(Unit.archived.is_(False)).order_by(Unit.id)).all()
        self.villages = s.execute(select(Village).order_by(Village.id)).scalars().all()
        officers = [u.display_name for u in s.execute(select(User).where(User.role.in_(("所长", "执法人员")))
                                                      .order_by(User.id)).scalars()]
        self.officers = officers or ["王建国"]
        self.issuer = s.execute(select(StationProfile.issuer_code).limit(1)).scalar() or "临东"
        self.start = today - timedelta(days=364)
        self.attendees = self.interviews = 0

    def day(self, offset: int) -> date:
        return min(self.start + timedelta(days=offset), self.today)

    def specs(self) -> list[_Spec]:
        rng, out = self.rng, []
        by_village: dict[int, list] = {}
        for u in self.units:
            by_village.setdefault(u.village_id, []).append(u)
        step = 330 // max(1, len(self.villages))
        for i, v in enumerate(self.villages):  # 约谈培训 of the whole register, village by village
            out.append(_Spec("集中约谈", f"{v.name}列管单位消防安全约谈培训", self.day(10 + i * step),
                             by_village.get(v.id, []), place=f"{v.name}党群服务中心", scope="全部列管单位",
                             reason="落实消防安全主体责任，开展约谈培训", attend=0.93))
        out += self.one_to_one()
        keys = [u for u in self.units if u.is_key_unit]
        for week in range(0, 52, 1 if len(keys) <= 40 else 2):  # 每周约谈调度, by video
            group = keys[(week * 20) % max(1, len(keys)):][:20] or keys[:20]
            if group:
                out.append(_Spec("视频约谈", "重点单位每周消防安全约谈调度", self.day(4 + week * 7), group, place="",
                                 video_link="腾讯会议 318-226-119", scope="重点单位", reason="每周约谈调度",
                                 attend=0.95))
        small = [u for u in self.units if u.nine_small_type]
        for m in range(12):
            group = rng.sample(small, min(len(small), rng.randint(30, 70))) if small else []
            out.append(_Spec("集中培训", f"{TOPICS[m]}培训", self.day(20 + m * 29), group, scope="九小场所",
                             attend=0.85))
        for n in range(3):
            out.append(_Spec("应急演练", ("灭火和应急疏散演练", "燃气泄漏处置演练", "电动车火灾处置演练")[n],
                             self.day(60 + n * 110), keys[n * 3:n * 3 + 3] or self.units[:2], attend=1.0,
                             audience=rng.randint(60, 240), place="演练单位现场"))
        for n in range(4):
            out.append(_Spec("警示教育观影", "《安全生产一周一警示》警示教育片观影", self.day(45 + n * 90),
                             rng.sample(self.units, min(len(self.units), 25)), attend=0.8, audience=rng.randint(20, 60)))
        squares = [f"{v.name}文化广场" for v in self.villages] or ["街道文化广场"]
        for n, amount in enumerate(MATERIALS):
            topic = ("119消防宣传月", "安全生产月", "消防宣传进社区", "消防宣传进校园")[n % 4] + "宣传活动"
            out.append(_Spec("宣传活动", topic, self.day(30 + n * 42), [], place=squares[n % len(squares)],
                             audience=rng.randint(800, 5000), materials=amount))
        out.append(_Spec("集中培训", "消防控制室值班操作培训", self.today + timedelta(days=14), keys[:15], attend=0))
        out.append(_Spec("集中培训", "消防安全管理人培训", self.day(200), small[:10], attend=0,
                         cancelled="与专项检查时间冲突，改期举行"))
        return [x for x in out if x.held_on <= self.today or x.attend == 0]

    def one_to_one(self) -> list[_Spec]:
        rows = self.s.execute(select(Hazard).where(Hazard.escalation.in_(PENALTY_ESCALATIONS),
                                                   Hazard.escalated_on >= self.start)
                              .order_by(Hazard.escalated_on, Hazard.id)).scalars().all()
        by_unit: dict[int, list] = {}
        for h in rows:
            by_unit.setdefault(h.unit_id, []).append(h)
        units = {u.id: u for u in self.units}
        chosen = [(units[uid], hs) for uid, hs in by_unit.items() if uid in units][:13]
        # Units without hazard history in the demo stand for cases penalised outside it (seed: 13 units).
        others = [u for u in self.units if u.id not in by_unit]
        chosen += [(u, []) for u in self.rng.sample(others, min(len(others), max(0, 13 - len(chosen))))]
        out = []
        for n, (unit, hs) in enumerate(chosen):
            held = min(hs[0].escalated_on + timedelta(days=5), self.today) if hs else self.day(40 + n * 23)
            reason = "受到行政处罚" + (f"（隐患 {hs[0].hazard_no} 逾期未改）" if hs else "")
            out.append(_Spec("一对一警示约谈", f"{unit.name}一对一警示约谈", held, [unit], reason=reason, attend=1.0,
                             hazards={unit.id: hs}))
        return out

    def run(self) -> DemoTraining:
        specs = sorted(self.specs(), key=lambda x: x.held_on)
        for spec in specs:
            self.session(spec)
        return DemoTraining(len(specs), self.attendees, self.interviews)

    def session(self, spec: _Spec) -> None:
        rng, s = self.rng, self.s
        seq = numbering.allocate(s, "", training.SESSION_NO_TYPE, spec.held_on.year)
        start = time(rng.choice((9, 9, 10, 14, 15)), rng.choice((0, 30)))
        row = TrainingSession(session_no=f"PX-{spec.held_on.year}-{seq:03d}", kind=spec.kind, topic=spec.topic,
                              held_on=spec.held_on, start_time=start, end_time=time(start.hour + 1, start.minute),
                              place=spec.place, video_link=spec.video_link, trainer="、".join(rng.sample(
                                  self.officers, min(2, len(self.officers)))), organizer="东城街道消防工作所",
                              scope=spec.scope, reason=spec.reason, audience_count=spec.audience,
                              materials_count=spec.materials, materials_note="宣传册、折页、挂图、宣传袋" if spec.materials
                              else "", cancelled=bool(spec.cancelled), cancel_reason=spec.cancelled,
                              created_by=self.actor)
        s.add(row)
        s.flush()
        when = datetime.combine(spec.held_on, start, tzinfo=timezone.utc)
        rows = []
        for n, u in enumerate(spec.units, 1):
            resp = spec.kind in training.INTERVIEW_KINDS
            name = (u.resp_person if resp else u.mgr_person) or u.resp_person or u.mgr_person
            r = rng.random()
            status = "实到" if r < spec.attend else ("请假" if r < spec.attend + (1 - spec.attend) / 2 else "缺席")
            rows.append({"uid": new_uid(), "created_at": when, "updated_at": when, "session_id": row.id, "seq": n,
                         "unit_id": u.id, "unit_name": u.name, "person_name": name,
                         "position": "消防安全责任人" if name == u.resp_person else "消防安全管理人",
                         "phone": u.resp_phone if name == u.resp_person else u.mgr_phone, "source": "邀请",
                         "status": status if spec.attend and not spec.cancelled else "未签到",
                         "checked_at": when if status == "实到" and spec.attend else None, "note": ""})
        if rows:
            s.execute(insert(TrainingAttendee.__table__), rows)
            self.attendees += len(rows)
        if spec.kind in training.INTERVIEW_KINDS:
            self.records(row, spec, rows)

    def records(self, row: TrainingSession, spec: _Spec, attendees: list[dict]) -> None:
        one = spec.kind == "一对一警示约谈"
        present = {a["unit_id"] for a in attendees if a["status"] == "实到"}
        records = []
        for u in spec.units:
            rec = {"uid": new_uid(), "created_at": row.created_at, "updated_at": row.created_at, "session_id": row.id,
                   "unit_id": u.id, "reason": spec.reason, "interviewee": u.resp_person,
                   "interviewee_position": "消防安全责任人", "interviewee_phone": u.resp_phone,
                   "documents_to_bring": DEFAULT_DOCUMENTS if one else "", "problems": "",
                   "commitments": COMMITMENTS if u.id in present and one else "",
                   "rectify_by": row.held_on + timedelta(days=15) if one else None,
                   "pledge_signed": u.id in present and (one or self.rng.random() < 0.9), "recorded_by": self.actor,
                   "notice_no": "", "notice_year": None, "notice_seq": None, "notice_issued_on": None}
            if one:  # a numbered 约谈通知书, served a few days before
                issued = row.held_on - timedelta(days=3)
                seq = numbering.allocate(self.s, self.issuer, NOTICE_TYPE, issued.year)
                rec.update(notice_no=numbering.render(numbering.template_for(self.s, NOTICE_TYPE), self.issuer,
                                                      numbering.TYPE_CODES[NOTICE_TYPE], issued.year, seq),
                           notice_year=issued.year, notice_seq=seq, notice_issued_on=issued)
            records.append(rec)
        if not records:
            return
        self.s.execute(insert(InterviewRecord.__table__), records)
        self.interviews += len(records)
        links = [(rec["uid"], h.id) for rec, u in zip(records, spec.units, strict=True) for h in spec.hazards.get(u.id, [])]
        if links:
            ids = dict(self.s.execute(select(InterviewRecord.uid, InterviewRecord.id).where(
                InterviewRecord.uid.in_([uid for uid, _h in links]))).all())
            self.s.execute(insert(InterviewHazard.__table__), [{"interview_id": ids[uid], "hazard_id": h} for uid, h in links])


def fill(session: Session, seed: int, today: date, actor: str) -> DemoTraining:
    result = _Gen(session, seed, today, actor).run()
    audit.record(session, actor, "生成培训约谈演示数据", "database", "",
                 after={"sessions": result.sessions, "attendees": result.attendees, "interviews": result.interviews})
    return result
