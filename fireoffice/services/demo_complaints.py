"""Demo 举报投诉 register: a few dozen complaints in every state (some overdue), inside the demo transaction.

Complaints behind the demo's 举报投诉核查 inspections are verified by that inspection and its officers; the
others are verified by a random pair. The newest ones are still 待核查 — some already past their deadline.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import Complaint, ComplaintOfficer, Inspection, InspectionOfficer, Unit, User
from fireoffice.services import audit, complaints, numbering, officers, workdays
from fireoffice.services.inspections import as_local, to_utc

SOURCE_WEIGHTS = {"12345": 45, "119": 15, "来信": 8, "来访": 12, "网络": 20}
TEXTS = {
    "占用、堵塞、封闭疏散通道或安全出口": ("后门安全出口被货物堵死，晚上还上了锁", "二楼楼梯间堆满纸箱，过不去人",
                                   "营业时间安全出口用铁链锁着"),
    "其他妨碍安全疏散的行为": ("窗户装了防盗网，焊死了打不开", "疏散指示灯不亮，走廊里很暗"),
    "擅自停用、损坏消防设施": ("消火栓箱里的水带被拿走了", "烟感报警器被拆下来扔在一边", "灭火器过期好几年没换"),
    "占用、堵塞消防车通道": ("小区消防车通道天天停满私家车", "门前消防车道被摊位占了"),
    "违规用火、用电、用气": ("店里私拉电线，插线板串在一起用", "后厨液化气罐放在灶台旁边", "装修时在店里电焊，没人看着"),
    "电动自行车违规停放、充电": ("楼道里有人给电动车充电，线从窗户拉下来", "电动车停在一楼门厅里充电"),
    "人员住宿与生产经营场所混合（三合一）": ("作坊楼上住着工人，楼下就是生产车间", "小超市晚上店员住在货架后面"),
    "其他消防安全违法行为": ("店员不会用灭火器，也没有培训过", "仓库里堆着很多油漆稀料"),
}
FINDINGS = {"属实": "现场核查，举报反映的问题存在", "部分属实": "现场核查，举报反映的问题部分存在",
            "不属实": "现场核查，未发现举报反映的问题"}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = "建国秀英丽华志强海燕明军桂兰玉梅俊杰红霞德胜"


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _mobile(rng: random.Random) -> str:
    return rng.choice(["13", "15", "18"]) + f"{rng.randint(0, 999999999):09d}"


class _Gen:
    def __init__(self, s: Session, seed: int, today: date, actor: str):
        self.s, self.today, self.actor = s, today, actor
        self.rng = random.Random(f"demo-complaints-{seed}")
        self.cal = workdays.load_calendar(s)
        self.staff = sorted(officers.enforcers(s, today), key=lambda u: u.id)
        self.now = datetime.now(timezone.utc).replace(second=0, microsecond=0)

    def clamp(self, at: datetime, not_before: datetime) -> datetime:
        """Never in the future of the demo's "now", never before what it follows."""
        return max(min(at, self.now - timedelta(minutes=20)), not_before).replace(second=0, microsecond=0)

    def unit_ids(self) -> list[int]:
        ids = self.s.execute(select(Unit.id).where(Unit.archived.is_(False)).order_by(Unit.id)).scalars().all()
        return list(ids)

    def complaint(self, received, unit: Unit | None, category: str | None = None) -> dict:
        rng = self.rng
        category = category or rng.choice(list(complaints.CATEGORIES))
        anonymous = rng.random() < 0.25
        name = "" if anonymous else rng.choice(SURNAMES) + rng.choice(GIVEN[::2]) + rng.choice(GIVEN[1::2])
        d = complaints.compute_deadline(self.cal, received, category)
        source = rng.choices(list(SOURCE_WEIGHTS), list(SOURCE_WEIGHTS.values()))[0]
        return {"uid": _uid(rng), "received_at": received, "source": source,
                "source_ref": f"GD{received:%Y%m%d}{rng.randint(100, 999)}" if source == "12345" else "",
                "anonymous": anonymous, "complainant_name": name,
                "complainant_contact": "" if anonymous else _mobile(rng),
                "unit_id": unit.id if unit else None, "reported_name": "" if unit else f"{rng.choice(SURNAMES)}记无证作坊",
                "reported_address": "" if unit else f"东城街道北关村{rng.randint(1, 90)}号",
                "content": rng.choice(TEXTS[category]), "category": category, "urgent": complaints.CATEGORIES[category],
                "due_at": d.due_at, "due_on": d.due, "deadline_rule": d.rule, "deadline_calendar": d.calendar_version,
                "status": "待核查", "created_by": self.actor, "created_at": received, "updated_at": received}

    def verify(self, row: dict, at: datetime, pair: list[User], inspection_id: int | None) -> None:
        rng = self.rng
        result = rng.choices(complaints.RESULTS, [55, 25, 20])[0]
        handling = "不予处理" if result == "不属实" else rng.choice(("当场改正", "当场改正", "责令改正", "立案查处"))
        doc_no = (f"临东消{'限' if handling == '责令改正' else '罚决'}字〔{at.year}〕第{rng.randint(1, 300):03d}号"
                  if handling in complaints.NEEDS_DOC_NO else "")
        row.update(verified_at=at, result=result, findings=FINDINGS[result] + ("，已当场改正。" if handling == "当场改正"
                                                                                 else "。"),
                   handling=handling, doc_no=doc_no, inspection_id=inspection_id, status="已核查", updated_at=at)
        row["_pair"] = pair

    def notify(self, row: dict, at: datetime) -> None:
        if row["anonymous"]:
            row.update(unable_reason="匿名举报，未留联系方式", status="已告知", updated_at=at)
        else:
            row.update(notified_at=at, notify_method=self.rng.choice(("电话", "电话", "短信", "平台回复")),
                       status="已告知", updated_at=at)

    def run(self) -> int:
        if len(self.staff) < 2:
            return 0
        rng, rows = self.rng, []
        units = self.unit_ids()
        # 1. complaints behind the year's 举报投诉核查 inspections, all closed
        checks = self.s.execute(select(Inspection).where(Inspection.inspection_type == complaints.INSPECTION_TYPE)
                                .order_by(Inspection.started_at).limit(18)).scalars().all()
        for insp in checks:
            started = as_local(insp.started_at).astimezone(timezone.utc)
            ended = as_local(insp.ended_at).astimezone(timezone.utc)
            received = started - timedelta(hours=rng.randint(2, 40), minutes=rng.choice((0, 10, 25, 40)))
            unit = self.s.get(Unit, insp.unit_id)
            row = self.complaint(received.replace(second=0, microsecond=0), unit)
            pair_ids = self.s.execute(select(InspectionOfficer.user_id).where(
                InspectionOfficer.inspection_id == insp.id).order_by(InspectionOfficer.position)).scalars().all()
            pair = [self.s.get(User, i) for i in pair_ids]
            self.verify(row, started, pair, insp.id)
            self.notify(row, self.clamp(ended + timedelta(hours=rng.randint(2, 30)), started))
            row.update(status="已办结", closed_at=self.clamp(row["updated_at"] + timedelta(hours=1), row["updated_at"]),
                       closed_by=self.actor)
            rows.append(row)
        # 2. the rest of the year and the last weeks, in every state
        plan = ["已办结"] * 12 + ["已告知"] * 3 + ["已核查"] * 4 + ["待核查"] * 9
        for n, target in enumerate(plan):
            if target == "待核查":  # counted back from now in hours: the older ones are overdue
                hours = (2, 5, 20, 30, 50, 75, 120, 170, 260)[n % 9]
                received = self.now - timedelta(hours=hours, minutes=rng.choice((5, 20, 35, 50)))
            else:  # office hours some days back
                back = rng.randint(15, 330) if target == "已办结" else rng.randint(4, 14)
                received = to_utc(datetime.combine(self.today - timedelta(days=back),
                                                   time(rng.randint(8, 19), rng.choice((5, 20, 35, 50)))))
            unit = self.s.get(Unit, rng.choice(units)) if units and rng.random() < 0.85 else None
            row = self.complaint(received, unit, BLOCKED if target == "待核查" and n % 3 == 0 else None)
            if target != "待核查":
                late = rng.random() < 0.12
                at = row["due_at"] + timedelta(hours=rng.randint(2, 30)) if late else min(
                    received + timedelta(hours=rng.randint(2, 20)), row["due_at"] - timedelta(minutes=30))
                self.verify(row, self.clamp(max(at, received + timedelta(minutes=40)), received),
                            rng.sample(self.staff, 2), None)
                if target in ("已告知", "已办结"):
                    self.notify(row, self.clamp(row["verified_at"] + timedelta(hours=rng.randint(3, 48)),
                                                row["verified_at"]))
                if target == "已办结":
                    row.update(status="已办结", closed_at=self.clamp(row["updated_at"] + timedelta(hours=2), row["updated_at"]),
                               closed_by=self.actor)
            rows.append(row)
        rows.sort(key=lambda r: r["received_at"])
        for row in rows:
            pair = row.pop("_pair", [])
            year = as_local(row["received_at"]).year
            row["complaint_no"] = f"JB-{year}-{numbering.allocate(self.s, '', complaints.NUMBER_TYPE, year):03d}"
            c = Complaint(**row)
            self.s.add(c)
            self.s.flush()
            for pos, user in enumerate(pair):
                self.s.add(ComplaintOfficer(uid=_uid(rng), complaint_id=c.id, user_id=user.id, position=pos,
                                            name=user.display_name, cert_no=user.cert_no,
                                            created_at=c.updated_at, updated_at=c.updated_at))
        self.s.flush()
        audit.record(self.s, self.actor, "生成举报投诉演示数据", "database", "", after={"complaints": len(rows)})
        return len(rows)


BLOCKED = "占用、堵塞、封闭疏散通道或安全出口"


def fill(s: Session, seed: int, today: date, actor: str) -> int:
    return _Gen(s, seed, today, actor).run()
