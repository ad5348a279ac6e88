"""Demo inspections and hazards: a year of plans, 双随机 draws, records and hazards in every state (some overdue),
deterministic by seed, written with Core inserts inside the demo's single transaction."""

from __future__ import annotations

import hashlib
import random
import struct
import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from fireoffice.db.base import new_uid
from fireoffice.db.models import (
    ChecklistResult,
    Grid,
    Inspection,
    InspectionOfficer,
    InspectionPlan,
    OfficerConflict,
    Photo,
    PlanVisit,
    Unit,
    User,
)
from fireoffice.services import audit, checklists, draws, officers, plans, workdays
from fireoffice.services.demo_hazard_life import HazardLife
from fireoffice.services.demo_hazard_texts import FAILURES, HAZARD_TEXTS, OUTCOME_WEIGHTS, PEOPLE_PRESENT
from fireoffice.services.errors import ServiceError
from fireoffice.services.inspections import to_utc

MAX_INSPECTIONS = 1200  # keeps a 100,000-unit demo quick: a sample of units is inspected
PLAN_NAMES = {"日常": "日常检查", "专项": "冬春火灾防控专项检查", "节前": "节前检查", "夜查": "夜查", "举报核查": "举报核查",
              "复查": "隐患复查"}
TYPE_OF_PLAN = {"日常": "日常检查", "专项": "专项检查", "节前": "节前检查", "夜查": "夜查", "举报核查": "举报投诉核查",
                "双随机": "双随机抽查"}


@dataclass(frozen=True)
class DemoInspections:
    inspections: int
    hazards: int
    draws: int


def tiny_png(label: str) -> bytes:
    """A valid 8×8 grey PNG whose text chunk makes it unique (a stand-in for a phone photo)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([160] * 8) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + chunk(b"tEXt", b"Comment\x00" + label.encode("utf-8")) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def fill(session: Session, seed: int, today: date, actor: str) -> DemoInspections:
    return _Gen(session, seed, today, actor).run()


class _Gen:
    def __init__(self, s: Session, seed: int, today: date, actor: str):
        self.s, self.today, self.actor = s, today, actor
        self.seed = seed
        self.rng = random.Random(f"demo-inspections-{seed}")
        self.cal = workdays.load_calendar(s)
        self.staff = sorted(officers.enforcers(s, today), key=lambda u: u.id)  # uids are random: order by id
        self.head = s.execute(select(User).where(User.role == "所长").limit(1)).scalar()
        version = checklists.active_version_row(s)
        self.version_id, self.items = version.id, [checklists.item_info(i) for i in version.items]
        self.seq: dict[tuple[str, int], int] = {}
        self.plans: dict[tuple[str, date], int] = {}
        self.life = HazardLife(self)
        self.inspections = 0

    # --- helpers -------------------------------------------------------------------------------------------
    def next_no(self, kind: str, year: int) -> int:
        key = (kind, year)
        self.seq[key] = self.seq.get(key, 0) + 1
        return self.seq[key]

    def record_no(self, day: date) -> str:
        return f"JC{day.year}-{self.next_no('JC', day.year):05d}"

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return to_utc(datetime.combine(day, time(hour, minute)))

    def pair(self) -> list[User]:
        return self.rng.sample(self.staff, 2)

    def add(self, model, **values) -> int:
        values.setdefault("uid", new_uid())
        return self.s.execute(insert(model).values(**values)).inserted_primary_key[0]

    def workdays_in(self, first: date, last: date) -> list[date]:
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        return [d for d in days if self.cal.is_workday(d) and d < self.today]

    def in_month(self, day: date) -> date:
        """Clamp a planned date into the current month (the plan's period)."""
        first = self.today.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return min(max(day, first), last)

    def photo(self, label: str, phase: str, **owner) -> None:
        data = tiny_png(label)
        self.add(Photo, sha256=hashlib.sha256(data).hexdigest(), mime="image/png", size=len(data),
                 original_name=f"{label}.png", data=data, phase=phase, created_by=self.actor, **owner)

    # --- plans and visits ----------------------------------------------------------------------------------
    def plan(self, ptype: str, day: date) -> int:
        first = day.replace(day=1)
        if ptype == "专项":  # one winter-spring campaign, November to March
            year = day.year if day.month >= 11 else day.year - 1
            first, last, campaign = date(year, 11, 1), date(year + 1, 3, 31), "冬春火灾防控"
        else:
            last, campaign = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1), ""
        key = (ptype, first)
        if key not in self.plans:
            name = (f"{first.year}—{last.year}年度{PLAN_NAMES[ptype]}" if ptype == "专项"
                    else f"{first.year}年{first.month}月{PLAN_NAMES[ptype]}")
            self.plans[key] = self.add(InspectionPlan, name=name, plan_type=ptype, campaign=campaign,
                                       period_start=first, period_end=last,
                                       status="已完成" if last < self.today else "进行中", created_by=self.actor)
        return self.plans[key]

    def visit(self, plan_id: int, unit_id: int, pair: list[User], planned: date | None, status: str,
              record_no: str, attempts: int = 0, outcome: str = "") -> int:
        seq = self.next_no("visit", plan_id)
        return self.add(PlanVisit, plan_id=plan_id, unit_id=unit_id, sequence=seq, planned_date=planned,
                        officer1_id=pair[0].id, officer2_id=pair[1].id, status=status, attempts=attempts,
                        last_outcome=outcome, source="手工", record_no=record_no)

    # --- one inspection ------------------------------------------------------------------------------------
    def inspect(self, unit: Unit, itype: str, day: date, outcome: str, pair: list[User], plan_id: int | None,
                visit_id: int | None, record_no: str, counts: bool) -> int:
        night = itype == "夜查"
        start = self.at(day, self.rng.randint(20, 22) if night else self.rng.randint(8, 16), self.rng.choice((0, 15, 30, 45)))
        end = start + timedelta(minutes=self.rng.randint(15, 70) if outcome == "完成" else 5)
        tags = checklists.unit_venue_tags(unit)
        inspection_id = self.add(
            Inspection, record_no=record_no, unit_id=unit.id, plan_id=plan_id, plan_visit_id=visit_id,
            inspection_type=itype, is_enforcement=True, counts_for_random=counts, started_at=start, ended_at=end,
            outcome=outcome, people_present=self.rng.choice(PEOPLE_PRESENT) if outcome == "完成" else "",
            unit_rep=unit.mgr_person if outcome == "完成" else "", checklist_version_id=self.version_id,
            venue_tags="、".join(tags), created_by=self.actor, created_at=end, updated_at=end)
        self.s.execute(insert(InspectionOfficer), [
            {"uid": new_uid(), "inspection_id": inspection_id, "user_id": u.id, "position": n, "name": u.display_name,
             "role": u.role, "cert_no": u.cert_no, "created_at": end, "updated_at": end} for n, u in enumerate(pair)])
        self.inspections += 1
        if outcome == "完成":
            self.results(unit, inspection_id, checklists.select_items(self.items, tags), day, end)
        return inspection_id

    def results(self, unit: Unit, inspection_id: int, items, day: date, at: datetime) -> None:
        failing_pool = [i for i in items if i.code in HAZARD_TEXTS]
        failing = {i.code for i in self.rng.sample(failing_pool, min(len(failing_pool), self.rng.choice(FAILURES)))}
        rows = []
        for n, item in enumerate(items, 1):
            row = {"uid": new_uid(), "inspection_id": inspection_id, "item_id": item.id, "position": n,
                   "code": item.code, "section": item.section, "text": item.text, "legal_basis": item.legal_basis,
                   "result": "符合", "note": "", "location": "", "corrected_on_spot": False, "hazard_id": None,
                   "created_at": at, "updated_at": at}
            if item.code in failing:
                text, place = self.rng.choice(HAZARD_TEXTS[item.code])
                row.update(result="不符合", location=place)
                if item.on_spot_fixable and self.rng.random() < 0.45:
                    row.update(corrected_on_spot=True, note=f"已当场改正，口头责令改正。{text}")
                else:
                    row["hazard_id"] = self.life.create(unit, item, text, place, day, inspection_id)
            elif item.venues and self.rng.random() < 0.08:
                row["result"] = "不涉及"
            rows.append(row)
        self.s.execute(insert(ChecklistResult), rows)

    def visit_and_inspect(self, unit: Unit, ptype: str, day: date) -> None:
        plan_id, pair = self.plan(ptype, day), self.pair()
        outcome = self.rng.choices([o for o, _ in OUTCOME_WEIGHTS], [w for _, w in OUTCOME_WEIGHTS])[0]
        first_no = self.record_no(day)
        visit_id = self.visit(plan_id, unit.id, pair, day, "待检查", first_no)
        self.inspect(unit, TYPE_OF_PLAN[ptype], day, outcome, pair, plan_id, visit_id, first_no, False)
        if outcome == "完成":
            self.s.execute(update(PlanVisit).where(PlanVisit.id == visit_id).values(status="已完成", last_outcome="完成"))
            return
        later = self.workdays_in(day + timedelta(days=2), day + timedelta(days=12))
        again = self.record_no(later[0] if later else day)
        if later:  # found closed: a second visit finds it open; otherwise it stays queued
            self.inspect(unit, TYPE_OF_PLAN[ptype], later[0], "完成", pair, plan_id, visit_id, again, False)
        self.s.execute(update(PlanVisit).where(PlanVisit.id == visit_id).values(
            status="已完成" if later else "待检查", attempts=1, last_outcome="完成" if later else outcome,
            record_no=again))

    # --- the year ------------------------------------------------------------------------------------------
    def months(self) -> list[date]:
        first = self.today.replace(day=1)
        out = [first]
        for _ in range(11):
            out.insert(0, (out[0] - timedelta(days=1)).replace(day=1))
        return out

    def sample_units(self) -> list[Unit]:
        ids = list(self.s.execute(select(Unit.id).where(Unit.archived.is_(False), Unit.status == "营业")
                                  .order_by(Unit.id)).scalars())
        n = min(MAX_INSPECTIONS, max(30, len(ids) // 3), len(ids))
        chosen = sorted(self.rng.sample(ids, n))
        rows: list[Unit] = []
        for i in range(0, len(chosen), 900):
            rows += self.s.execute(select(Unit).where(Unit.id.in_(chosen[i:i + 900]))).scalars().all()
        return sorted(rows, key=lambda u: u.id)

    def run(self) -> DemoInspections:
        if len(self.staff) < 2:
            return DemoInspections(0, 0, 0)
        units = self.sample_units()
        months = self.months()
        weights = [1.0] * (len(months) - 2) + [1.5, 2.5]  # recent months are busier (and still open)
        for unit in units:
            month = self.rng.choices(months, weights)[0]
            days = self.workdays_in(month, (month + timedelta(days=32)).replace(day=1) - timedelta(days=1))
            if not days:
                continue
            day = self.rng.choice(days)
            ptype = self.rng.choices(["日常", "专项", "节前", "夜查", "举报核查"], [62, 15, 10, 7, 6])[0]
            if ptype == "专项" and day.month not in (11, 12, 1, 2, 3):
                ptype = "日常"
            if ptype == "节前" and day.month not in (1, 2, 9):
                ptype = "日常"
            self.visit_and_inspect(unit, ptype, day)
        self.open_visits(units)
        self.life.majors()
        self.life.schedule_rechecks()
        # Draws last, each with its own random stream: pools are ordered by uid, and uids differ from run to run,
        # so whatever a draw picks must not disturb the rest of the (seeded, repeatable) demo.
        made = 0
        for month in months[-3:]:
            self.rng = random.Random(f"demo-draw-{self.seed}-{month}")
            made += self.draw(month, units)
        self.life.flush()
        audit.record(self.s, self.actor, "生成演示检查数据", "database", "", after={
            "inspections": self.inspections, "hazards": self.life.count, "draws": made})
        return DemoInspections(self.inspections, self.life.count, made)

    def draw(self, month: date, units: list[Unit]) -> int:
        """A real 双随机 draw (replayable) over one grid; past months are inspected, this month partly."""
        grids = sorted({u.grid_id for u in units if u.grid_id})
        if not grids:
            return 0
        grid_uids = list(self.s.execute(select(Grid.uid).where(Grid.id.in_(grids)).order_by(Grid.id)).scalars())
        self.rng.shuffle(grid_uids)
        pools = {g: draws.unit_pool(self.s, draws.DrawParams(month="", count=1, grid_uids=(g,)))
                 for g in grid_uids[:8]}
        grid_uid = max(pools, key=lambda g: len(pools[g]))
        if len(pools[grid_uid]) < 3:
            return 0
        if month == self.months()[-3]:  # one declared conflict, so the draw has a recusal to honour
            self.add(OfficerConflict, user_id=self.staff[0].id, unit_id=pools[grid_uid][0][0], kind="亲属",
                     description="配偶的兄弟经营该店", declared_on=month - timedelta(days=20))
        params = draws.DrawParams(month=month.strftime("%Y-%m"), grid_uids=(grid_uid,),
                                  count=min(self.rng.randint(6, 12), len(pools[grid_uid])))
        try:
            with self.s.begin_nested():  # a refused draw leaves nothing behind
                result = draws.draw_in_session(self.s, self.actor, params, f"{self.rng.getrandbits(128):032x}",
                                               "演示生成")
        except ServiceError:
            return 0
        top = plans.allocate_record_nos(self.s, month.year, 1)[0]  # the draw reserved numbers of its own
        self.seq[("JC", month.year)] = int(top.rsplit("-", 1)[1]) - 1
        last = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        days = self.workdays_in(month, last)
        visits = self.s.execute(select(PlanVisit).join(Unit).join(InspectionPlan).where(
            InspectionPlan.uid == result.plan_uid).order_by(PlanVisit.sequence)).scalars().all()
        for n, v in enumerate(visits):
            done = days and (last < self.today or n % 2 == 0)
            v.planned_date = days[n % len(days)] if done else self.in_month(self.today + timedelta(days=n % 9 - 2))
            if done:
                unit = self.s.get(Unit, v.unit_id)
                pair = [self.s.get(User, v.officer1_id), self.s.get(User, v.officer2_id)]
                self.inspect(unit, "双随机抽查", v.planned_date, "完成", pair, v.plan_id, v.id, v.record_no, True)
                v.status, v.last_outcome = "已完成", "完成"
        self.s.flush()
        return 1

    def open_visits(self, units: list[Unit]) -> None:
        """This month's open 日常 visits: some overdue, some today, some this week, for the home page."""
        plan_id = self.plan("日常", self.today)
        for n, unit in enumerate(self.rng.sample(units, min(10, len(units)))):
            planned = self.in_month(self.today + timedelta(days=(-3, -1, 0, 0, 1, 2, 3, 5, 8, 12)[n]))
            self.visit(plan_id, unit.id, self.pair(), planned, "待检查", self.record_no(self.today))
