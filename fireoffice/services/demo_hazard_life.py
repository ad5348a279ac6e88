"""Demo hazards and their life so far: deadlines from the real calendar, then 延期 / 复查 / 销号 / 逾期 / 升级 /
移送 events up to today, 重大 determinations and scheduled 复查 visits — every state of the closed loop."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import insert, select, update

from fireoffice.db.base import new_uid
from fireoffice.db.models import (
    Hazard,
    HazardEvent,
    HazardExtension,
    HazardRecheck,
    MajorHazardDetermination,
    PlanVisit,
    StationProfile,
)
from fireoffice.services import workdays
from fireoffice.services.demo_hazard_texts import DEADLINE_DAYS, EXTENSION_REASONS

if TYPE_CHECKING:
    from fireoffice.services.demo_inspections import _Gen

EXPERTS = ("张立新", "刘振华", "陈国强", "赵文静", "孙海波", "周建平", "吴晓东")
# The first hazards take these paths so even a small demo shows every state; the rest are drawn by weight.
FORCED_OLD = ["移送", "逾期升级", "证据销号", "复查超期", "逾期未改", "重新限期"]
FORCED_NEW = ["延期待批", "延期同意", "延期不同意", "申请复查"]
OLD_PATHS = (["销号", "证据销号", "逾期未改", "逾期升级", "重新限期", "移送", "复查超期", "待复查"],
             [60, 6, 5, 6, 3, 3, 8, 9])
NEW_PATHS = (["无", "延期待批", "延期同意", "延期不同意", "申请复查"], [70, 5, 6, 4, 15])


class HazardLife:
    def __init__(self, gen: _Gen):
        self.g, self.cal, self.today = gen, gen.cal, gen.today
        self.count = 0
        self.events: list[dict] = []
        self.rechecks: list[dict] = []
        self.extensions: list[dict] = []
        self.made: list[dict] = []
        self.forced_old, self.forced_new = list(FORCED_OLD), list(FORCED_NEW)
        self.issuer = gen.s.execute(select(StationProfile.issuer_code).limit(1)).scalar() or "临东"

    @property
    def rng(self):
        return self.g.rng  # the generator switches streams between phases

    def wd(self, day: date, n: int) -> date:
        return workdays.add_workdays(self.cal, day, n)

    def day_between(self, lo: date, hi: date) -> date:
        return lo + timedelta(days=self.rng.randint(0, max(0, (hi - lo).days)))

    # --- one hazard ----------------------------------------------------------------------------------------
    def create(self, unit, item, text: str, place: str, day: date, inspection_id: int) -> int:
        immediate = self.rng.random() < 0.1
        if immediate:
            deadline, rule = day, "责令立即改正：当场改正"
        else:
            d = workdays.period(self.cal, day, self.rng.choice(DEADLINE_DAYS), "days")
            deadline, rule = d.due, d.rule
        no = self.g.next_no("YH", day.year)
        h = {"hazard_no": f"YH-{day.year}-{no:06d}", "unit_id": unit.id, "inspection_id": inspection_id,
             "item_code": item.code, "found_on": day, "source": "检查", "category": item.hazard_category,
             "description": text, "location": place, "legal_basis": item.legal_basis, "severity": "一般",
             "major_stage": "", "handling": "责令立即改正" if immediate else "责令限期改正", "state": "待整改",
             "deadline": deadline, "deadline_rule": rule, "deadline_calendar": self.cal.version,
             "notice_due": None if immediate else self.wd(day, 3), "recheck_due": self.wd(deadline, 3),
             "recheck_rule": workdays.RULES["recheck_deadline"].label, "responsible_person": unit.resp_person,
             "created_by": self.g.actor, "created_at": self.g.at(day, 17), "updated_at": self.g.at(day, 17)}
        # No invented notice numbers: only documents issued through the register carry one (demo_documents).
        events, rechecks, extensions = [("登记", "", "待整改", day, "检查发现")], [], []
        self.simulate(h, events, rechecks, extensions)
        hazard_id = self.g.add(Hazard, **h)
        self.count += 1
        for action, frm, to, on, note in events:
            self.events.append({"uid": new_uid(), "hazard_id": hazard_id, "on_day": on, "action": action,
                                "from_state": frm, "to_state": to, "actor": self.g.actor, "note": note,
                                "ref_uid": "", "created_at": self.g.at(on, 12), "updated_at": self.g.at(on, 12)})
        for row in rechecks + extensions:
            row.update(uid=new_uid(), hazard_id=hazard_id)
        self.rechecks += rechecks
        self.extensions += extensions
        if self.rng.random() < 0.3:
            self.g.photo(f"{h['hazard_no']}-before", "整改前", hazard_id=hazard_id, inspection_id=inspection_id)
        if h.get("close_basis") == "证据审批":
            self.g.photo(f"{h['hazard_no']}-after", "整改后", hazard_id=hazard_id)
        self.made.append({"id": hazard_id, **{k: h.get(k) for k in ("found_on", "state", "deadline", "closed_on")}})
        return hazard_id

    def simulate(self, h: dict, events: list, rechecks: list, extensions: list) -> None:
        def step(action: str, to: str, on: date, note: str = "", **changes) -> None:
            events.append((action, h["state"], to, on, note))
            h["state"] = to
            h.update(changes)

        def recheck(on: date, result: str, trigger: str = "期限届满") -> None:
            a, b = self.g.pair()
            rechecks.append({"rechecked_on": on, "officer1_id": a.id, "officer2_id": b.id, "trigger": trigger,
                             "result": result, "note": "", "opinion_no": "", "created_at": self.g.at(on, 15),
                             "updated_at": self.g.at(on, 15)})
            if result == "已改正":
                step("复查合格", "已销号", on, f"复查人：{a.display_name}、{b.display_name}", closed_on=on,
                     close_basis="复查")
            else:
                step("复查不合格", "逾期未改" if on > h["deadline"] else "待整改", on, result)

        found, today = h["found_on"], self.today
        if h["deadline"] >= today:
            path = self.forced_new.pop(0) if self.forced_new else self.rng.choices(*NEW_PATHS)[0]
            applied = self.day_between(found, min(h["deadline"], today - timedelta(days=1)))
            if applied < found:
                return
            if path.startswith("延期"):
                ext = {"applied_on": applied, "reason": self.rng.choice(EXTENSION_REASONS),
                       "requested_deadline": h["deadline"] + timedelta(days=15), "decision_due": self.wd(applied, 3),
                       "decision": "待审批", "decided_by": "", "refusal_reason": "", "doc_no": ""}
                step("申请延期", "待整改", applied, ext["reason"])
                decided = min(applied + timedelta(days=1), today)
                if path == "延期同意":
                    new = ext["requested_deadline"]
                    ext.update(decision="同意", decided_on=decided, decided_by=self.g.actor, new_deadline=new)
                    step("同意延期", "待整改", decided, f"延期至 {new}", deadline=new, recheck_due=self.wd(new, 3),
                         deadline_rule=f"同意延期（原期限 {h['deadline']}）")
                elif path == "延期不同意":
                    ext.update(decision="不同意", decided_on=decided, decided_by=self.g.actor,
                               refusal_reason="所述理由不影响按期整改")
                    step("不同意延期", "待整改", decided, ext["refusal_reason"])
                extensions.append(ext)
            elif path == "申请复查":
                step("申请复查", "待复查", applied, "单位申请复查", applied_on=applied, recheck_due=self.wd(applied, 3),
                     recheck_rule=workdays.RULES["recheck_application"].label)
                if h["recheck_due"] < today and self.rng.random() < 0.6:
                    recheck(self.day_between(applied + timedelta(days=1), h["recheck_due"]), "已改正", "当事人申请")
            return
        self.expired(h, step, recheck)

    def expired(self, h: dict, step, recheck) -> None:
        today = self.today
        path = self.forced_old.pop(0) if self.forced_old else self.rng.choices(*OLD_PATHS)[0]
        if path in ("复查超期", "待复查", "逾期未改") and h["recheck_due"] < today - timedelta(days=45):
            path = "销号" if path != "逾期未改" else "逾期升级"  # nothing stays unhandled for months
        expiry = h["deadline"] + timedelta(days=1)
        step("期限届满", "待复查", expiry, f"整改期限 {h['deadline']} 已届满，待复查")
        if expiry >= today or path in ("待复查",) or (path == "复查超期" and h["recheck_due"] < today):
            return  # not yet rechecked (overdue in red once recheck_due has passed)
        on = self.day_between(expiry, min(h["recheck_due"], today - timedelta(days=1)))
        if path in ("销号", "复查超期"):
            recheck(on, "已改正")
        elif path == "证据销号":
            step("证据销号", "已销号", on, "所长批准（整改后照片）", closed_on=on, close_basis="证据审批",
                 approved_by=self.g.head.display_name if self.g.head else "所长")
        elif path == "移送":
            step("移送", "已移送", on, "不属本所赋权事项，移送消防救援大队")
        else:
            recheck(on, self.rng.choice(["未改正", "部分改正"]))
            later = on + timedelta(days=self.rng.randint(1, 6))
            if path in ("逾期升级", "重新限期") and later < today:
                kind = self.rng.choice(["处罚", "约谈", "处罚"])
                step("升级处置", "逾期未改", later, kind, escalation=kind, escalated_on=later)
                if path == "重新限期":
                    new = later + timedelta(days=15)
                    step("重新限期", "待整改", later, "处罚后责令重新限期改正", deadline=new,
                         recheck_due=self.wd(new, 3), deadline_rule="重新限期（指定日期）")
                    if new < today:
                        step("期限届满", "待复查", new + timedelta(days=1), f"整改期限 {new} 已届满，待复查")

    # --- after all inspections -----------------------------------------------------------------------------
    def flush(self) -> None:
        for model, rows in ((HazardEvent, self.events), (HazardRecheck, self.rechecks),
                            (HazardExtension, self.extensions)):
            if rows:
                self.g.s.execute(insert(model), rows)

    def majors(self) -> None:
        today = self.today
        fresh = [m for m in self.made if m["state"] == "待整改"]
        open_old = [m for m in self.made if m["state"] in ("待整改", "待复查", "逾期未改")
                    and m["found_on"] <= today - timedelta(days=20)]
        closed = [m for m in self.made if m["state"] == "已销号" and m["found_on"] <= today - timedelta(days=40)
                  and m["closed_on"] and m["found_on"] + timedelta(days=10) <= m["closed_on"] <= today]
        if fresh:
            self.set_major(fresh[-1], "拟判定")
        if open_old:
            self.set_major(open_old[0], "挂牌督办", people=(self.g.head, *self.g.staff[:2]))
        if closed:
            self.set_major(closed[0], "已销案", experts=True)

    def set_major(self, m: dict, stage: str, people=(), experts: bool = False) -> None:
        s = self.g.s
        s.execute(update(Hazard).where(Hazard.id == m["id"]).values(severity="重大", major_stage=stage))
        if stage == "拟判定":
            return
        found = m["found_on"]
        names = list(EXPERTS) if experts else [p.display_name for p in people if p is not None]
        if len(names) < 3:
            names += list(EXPERTS[: 3 - len(names)])
        steps = [("判定", found + timedelta(days=2)), ("报政府", found + timedelta(days=4)),
                 ("挂牌督办", found + timedelta(days=8))]
        closed_case = None
        if stage == "已销案":
            closed_case = min(m["closed_on"] + timedelta(days=1), self.today)
            steps.append(("销案", closed_case))
        self.g.add(MajorHazardDetermination, hazard_id=m["id"], method="综合判定",
                   mode="专家论证" if experts else "集体讨论", participants="、".join(names),
                   participant_count=len(names), votes_for=len(names), conclusion="构成", concluded_on=steps[0][1],
                   measures="限期整改并落实临时防范措施，每日巡查，整改期间不得营业的部位予以停用",
                   reported_on=steps[1][1], report_doc_no=f"{self.issuer}消报〔{found.year}〕{m['id']}号",
                   supervised_on=steps[2][1], supervisor="县人民政府", case_closed_on=closed_case)
        for action, on in steps:
            self.events.append({"uid": new_uid(), "hazard_id": m["id"], "on_day": on, "action": action,
                                "from_state": m["state"], "to_state": m["state"], "actor": self.g.actor,
                                "note": f"重大火灾隐患{action}", "ref_uid": "", "created_at": self.g.at(on, 11),
                                "updated_at": self.g.at(on, 11)})

    def schedule_rechecks(self) -> None:
        """About half of the hazards waiting for 复查 already have a planned 复查 visit."""
        waiting = [m for m in self.made if m["state"] == "待复查"]
        s = self.g.s
        for m in waiting[::2]:
            h = s.get(Hazard, m["id"])
            planned = max(h.recheck_due or self.today, self.today - timedelta(days=2))
            plan_id = self.g.plan("复查", planned)
            visit_id = self.g.visit(plan_id, h.unit_id, self.g.pair(), planned, "待检查", self.g.record_no(planned))
            s.execute(update(PlanVisit).where(PlanVisit.id == visit_id).values(source="复查"))
            h.recheck_visit_id = visit_id
