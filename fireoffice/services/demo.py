"""Realistic, deterministic demo data for an empty database (`fireoffice demo`, first start)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import delete, func, insert, select

from fireoffice.db.base import Base
from fireoffice.db.models import ClassificationRuleSet, Grid, StationProfile, Unit, User, Village
from fireoffice.services import audit, demo_complaints, demo_documents, demo_inspections, demo_training
from fireoffice.services.context import ServiceContext
from fireoffice.services.demo_names import (
    GAS,
    KEY_UNITS,
    KINDS,
    RISK,
    SIGN_PREFIX,
    STATUSES,
    STREETS,
    UNIT_TYPES_SMALL,
    VILLAGES,
)
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.permissions import require
from fireoffice.services.unit_pinyin import search_columns

TOWNSHIP = "东城街道"
DIVISION = "141124"  # a county-level division code, used inside demo USCCs
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
MAX_UNITS = 1_000_000


@dataclass(frozen=True)
class DemoResult:
    units: int
    villages: int
    grids: int
    users: int


def _org_code(rng: random.Random) -> str:
    """A 9-character organisation code with its GB 11714 check character."""
    body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(c) * w for c, w in zip(body, _ORG_WEIGHTS, strict=True))
    check = 11 - total % 11
    return body + ("X" if check == 10 else "0" if check == 11 else str(check))


def make_uscc(rng: random.Random, individual: bool) -> str:
    from stdnum.cn import uscc as uscc_mod

    head = ("92" if individual else "91") + DIVISION + _org_code(rng)
    return head + uscc_mod.calc_check_digit(head)


def _mobile(rng: random.Random) -> str:
    return rng.choice(["13", "15", "18", "17", "19"]) + str(rng.randint(0, 9)) + f"{rng.randint(0, 99999999):08d}"


def database_is_empty(ctx: ServiceContext) -> bool:
    with ctx.db.read() as s:
        units = s.execute(select(func.count()).select_from(Unit)).scalar_one()
        configured = s.execute(select(func.count()).select_from(StationProfile)
                               .where(StationProfile.configured.is_(True))).scalar_one()
    return units == 0 and configured == 0


def _people(fake, rng: random.Random) -> dict:
    owner = fake.name()
    mgr = owner if rng.random() < 0.6 else fake.name()
    return {
        "legal_rep": owner, "legal_rep_phone": _mobile(rng),
        "resp_person": owner, "resp_phone": _mobile(rng),
        "mgr_person": mgr, "mgr_phone": _mobile(rng),
    }


def _rand(rng: random.Random, spec: dict, key: str) -> int | None:
    return rng.randint(*spec[key]) if key in spec else None


def _unit_row(i: int, rng: random.Random, fake, villages: list[tuple[int, str]],
              grids: dict[int, list[int]], used_names: set[str], today: date) -> dict:
    key = rng.random() < 0.03
    if key:
        spec = rng.choice(KEY_UNITS)
        word, nine, use = spec["word"], "", spec["use"]
    else:
        spec = rng.choices(KINDS, weights=[k["share"] for k in KINDS])[0]
        word, nine, use = rng.choice(spec["words"]), spec["nine"], spec["use"]
    village_id, village_name = rng.choice(villages)
    surname = fake.last_name()
    style = rng.random()
    if key:
        core = f"{TOWNSHIP}{village_name}{word}"
    elif style < 0.5:
        core = f"{TOWNSHIP}{surname}记{word}"
    elif style < 0.8:
        core = f"{TOWNSHIP}{rng.choice(SIGN_PREFIX)}{word}"
    else:
        core = f"{village_name}{surname}氏{word}"
    name, n = core, 1
    while name in used_names:
        n += 1
        name = f"{core}（{n}店）" if n < 20 else f"{core}（{i}）"
    used_names.add(name)
    individual = not key and rng.choice(UNIT_TYPES_SMALL) == "个体工商户"
    address = f"{TOWNSHIP}{village_name}{rng.choice(STREETS)}{rng.randint(1, 300)}号"
    people = _people(fake, rng)
    area = float(rng.randint(*spec["area"]))
    floors_above = rng.randint(1, 3) if not key else rng.randint(3, 12)
    row = {
        "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "name": name, "short_name": word if rng.random() < 0.3 else "",
        "uscc": make_uscc(rng, individual) if rng.random() < 0.97 else "",
        "unit_type": "个体工商户" if individual else ("事业单位" if use in ("医疗", "教学", "养老") and key else "企业"),
        "address": address, "township": TOWNSHIP, "village_id": village_id,
        "grid_id": rng.choice(grids[village_id]),
        **people,
        "building_area": area, "business_area": round(area * rng.uniform(0.6, 1.0)),
        "floors_above": floors_above, "floors_below": 1 if rng.random() < 0.05 else 0,
        "building_height": round(floors_above * 3.3, 1),
        "use_nature": use, "nine_small_type": nine,
        "is_key_unit": key, "key_unit_category": spec.get("cat", "") if key else "",
        "key_unit_basis": "省级消防安全重点单位界定标准（2024年）" if key else "",
        "is_crowded": key or use in ("餐饮", "公共娱乐", "住宿", "商场"),
        "is_multi_business": rng.random() < 0.03, "is_three_in_one": rng.random() < 0.04,
        "is_high_rise": floors_above * 3.3 > 24, "is_underground": False,
        "beds": _rand(rng, spec, "beds"), "seats": _rand(rng, spec, "seats"), "staff": _rand(rng, spec, "staff"),
        "has_auto_alarm": key, "has_sprinkler": key and rng.random() < 0.8, "has_hydrant": key,
        "has_control_room": key and rng.random() < 0.7, "extinguishers": max(2, int(area // 50) * 2),
        "gas_type": rng.choice(GAS) if use in ("餐饮", "住宿") else "无",
        "ebike_parking": rng.choice(["", "", "室外集中停放", "无"]),
        "status": rng.choice(STATUSES), "risk_level": "较高" if key else rng.choice(RISK),
        "registered_on": today - timedelta(days=rng.randint(30, 2000)), "source": rng.choice(
            ["网格采集", "市场监管导入", "自主申报"]),
        "notes": "", "archived": False,
    }
    row.update(search_columns(row))
    return row


def fill_demo(ctx: ServiceContext, units: int = 2000, seed: int = 20261125,
              progress: Callable[[int, int], bool] | None = None) -> DemoResult:
    """Fill an empty database; refuses a database that already has units or a configured station.

    `progress(done, total)` may return False to cancel: the transaction is then rolled back whole.
    """
    if units < 0 or units > MAX_UNITS:
        raise ValidationError("单位数", f"应在 0 到 {MAX_UNITS} 之间")
    if not database_is_empty(ctx):
        raise Conflict("数据库中已有数据，演示数据只能填入空数据库。请用 --db 指定一个新文件。")
    from faker import Faker  # heavy; only needed when demo data is generated

    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    today = date.today()
    now = datetime.now(timezone.utc)
    with ctx.db.write() as s:
        station = StationProfile(
            name=f"{TOWNSHIP}消防工作所", level="消防所", township=TOWNSHIP, county="临县",
            parent_center="临县消防安全管理中心", brigade="临县消防救援大队", issuer_code="临东",
            enforcement_mode="委托", head_name="王建国", phone="0358-4421119",
            address=f"{TOWNSHIP}府前街1号", is_demo=True, demo_created_on=today, configured=True)
        s.add(station)
        village_rows = [Village(name=n, kind=k) for n, k in VILLAGES]
        s.add_all(village_rows)
        s.flush()
        grids: dict[int, list[int]] = {}
        n_grids = 0
        for v in village_rows:
            for g in range(1, rng.randint(2, 4) + 1):
                grid = Grid(village_id=v.id, name=f"{v.name}第{g}网格", worker_name=fake.name(),
                            worker_phone=_mobile(rng))
                s.add(grid)
                s.flush()
                grids.setdefault(v.id, []).append(grid.id)
                n_grids += 1
        users = [
            User(username="admin", display_name="系统管理员", role="管理员"),
            User(username="wangjg", display_name="王建国", role="所长", cert_no="晋消执1411240001",
                 cert_valid_until=date(today.year + 3, 12, 31), phone=_mobile(rng)),
        ]
        for i in range(3):
            name = fake.name()
            users.append(User(username=f"officer{i + 1}", display_name=name, role="执法人员",
                              cert_no=f"晋消执14112400{i + 2:02d}", phone=_mobile(rng),
                              cert_valid_until=date(today.year + rng.randint(0, 3), 12, 31)))
        for i in range(3):
            users.append(User(username=f"assist{i + 1}", display_name=fake.name(), role="协管员",
                              phone=_mobile(rng)))
        s.add_all(users)
        villages = [(v.id, v.name) for v in village_rows]
        # The categories below were chosen by hand, as a clerk confirming the active rules would.
        rule_set = s.execute(select(ClassificationRuleSet.name).where(ClassificationRuleSet.active.is_(True))
                             ).scalar() or ""
        used: set[str] = set()
        batch: list[dict] = []
        for i in range(units):
            row = _unit_row(i, rng, fake, villages, grids, used, today)
            row["created_at"] = row["updated_at"] = now
            row["classification_rule"] = rule_set
            batch.append(row)
            if len(batch) == 2000 or i == units - 1:
                s.execute(insert(Unit), batch)
                batch = []
                if progress is not None and progress(i + 1, units) is False:
                    raise Conflict("已取消，未写入任何演示数据。")
        audit.record(s, ctx.actor.username, "生成演示数据", "database", "",
                     after={"units": units, "seed": seed, "villages": len(villages), "grids": n_grids})
        demo_inspections.fill(s, seed, today, ctx.actor.username)  # a year of inspections and hazards
        demo_training.fill(s, seed, today, ctx.actor.username)  # a year of training, 约谈 and publicity
        demo_documents.fill(s, seed, today, ctx.actor.username)  # enforcement documents in every state
        demo_complaints.fill(s, seed, today, ctx.actor.username)  # 举报投诉 in every state, some overdue
        return DemoResult(units=units, villages=len(villages), grids=n_grids, users=len(users))


def clear_demo(ctx: ServiceContext) -> None:
    """Remove all demo data so the station starts clean; refused unless the data is marked as demo.

    Reference tables seeded by migrations (classification rules, checklists, frequency rules, calendars)
    declare `info={"reference_data": True}` and are kept.
    """
    require(ctx, "demo.clear")
    with ctx.db.write() as s:
        station = s.execute(select(StationProfile).limit(1)).scalar()
        if station is None or not station.is_demo:
            raise Conflict("当前数据不是演示数据，不能清空。")
        for table in reversed(Base.metadata.sorted_tables):
            if not table.info.get("reference_data"):
                s.execute(delete(table))
        audit.record(s, ctx.actor.username, "清空演示数据", "database")
