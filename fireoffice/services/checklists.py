"""Checklists by venue: the common core plus venue items; editable by saving a new version, never in place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from fireoffice.db.models import ChecklistItem, ChecklistTemplate, ChecklistVersion, Unit
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound, ValidationError
from fireoffice.services.permissions import require

# Tags an item can be limited to: the unit's 使用性质 plus flags of the register (domain.md §4).
VENUE_TAGS = ("餐饮", "商店", "商场", "市场", "住宿", "公共娱乐", "休闲健身", "医疗", "养老", "教学", "生产加工",
              "其他", "易燃易爆", "重点单位", "人员密集", "九小场所", "三合一", "高层", "地下", "燃气", "瓶装液化气")
HAZARD_CATEGORIES = ("疏散", "设施", "电气", "燃气", "电动车", "住人", "分隔", "管理", "装修", "动火", "其他")
SEVERITIES = ("一般", "重大")


@dataclass(frozen=True)
class ItemInfo:
    code: str
    section: str
    text: str
    legal_basis: str = ""
    venues: tuple[str, ...] = ()
    hazard_category: str = "其他"
    default_severity: str = "一般"
    on_spot_fixable: bool = False
    id: int | None = None  # set for stored items; an input for save_version leaves it empty


ItemInput = ItemInfo


@dataclass(frozen=True)
class VersionInfo:
    uid: str
    template_uid: str
    template_name: str
    version_no: int
    active: bool
    note: str
    items: tuple[ItemInfo, ...] = field(default=())


def unit_venue_tags(unit: Unit) -> tuple[str, ...]:
    tags = [unit.use_nature] if unit.use_nature in VENUE_TAGS else []
    flags = (("重点单位", unit.is_key_unit), ("人员密集", unit.is_crowded), ("九小场所", bool(unit.nine_small_type)),
             ("三合一", unit.is_three_in_one), ("高层", unit.is_high_rise), ("地下", unit.is_underground),
             ("易燃易爆", unit.has_flammables), ("燃气", unit.gas_type not in ("", "无")),
             ("瓶装液化气", "液化" in unit.gas_type))
    return tuple(tags + [tag for tag, on in flags if on])


def select_items(items: Iterable[ItemInfo], tags: Iterable[str]) -> list[ItemInfo]:
    """The core (items without venues) plus the items whose venues meet the unit's tags, in template order."""
    tags = set(tags)
    return [i for i in items if not i.venues or tags.intersection(i.venues)]


def item_info(row: ChecklistItem) -> ItemInfo:
    venues = tuple(v for v in row.venues.split("、") if v)
    return ItemInfo(row.code, row.section, row.text, row.legal_basis, venues, row.hazard_category,
                    row.default_severity, row.on_spot_fixable, row.id)


def _version_info(row: ChecklistVersion, with_items: bool = True) -> VersionInfo:
    items = tuple(item_info(i) for i in row.items) if with_items else ()
    return VersionInfo(row.uid, row.template.uid, row.template.name, row.version_no, row.active, row.note, items)


def active_version_row(session: Session, template_uid: str | None = None) -> ChecklistVersion:
    q = select(ChecklistVersion).join(ChecklistTemplate).where(ChecklistVersion.active.is_(True))
    q = q.where(ChecklistTemplate.uid == template_uid) if template_uid else q.order_by(ChecklistTemplate.id)
    row = session.execute(q.limit(1)).scalar()
    if row is None:
        raise NotFound("没有可用的检查表，请先在“检查表”中建立并启用一个版本。")
    return row


def list_templates(ctx: ServiceContext) -> list[VersionInfo]:
    """Each template with its active version (items left out: call active_version for them)."""
    with ctx.db.read() as s:
        rows = s.execute(select(ChecklistVersion).join(ChecklistTemplate).where(ChecklistVersion.active.is_(True))
                         .order_by(ChecklistTemplate.id)).scalars().all()
        return [_version_info(r, with_items=False) for r in rows]


def active_version(ctx: ServiceContext, template_uid: str | None = None) -> VersionInfo:
    with ctx.db.read() as s:
        return _version_info(active_version_row(s, template_uid))


def version_history(ctx: ServiceContext, template_uid: str) -> list[VersionInfo]:
    with ctx.db.read() as s:
        rows = s.execute(select(ChecklistVersion).join(ChecklistTemplate).where(ChecklistTemplate.uid == template_uid)
                         .order_by(ChecklistVersion.version_no)).scalars().all()
        return [_version_info(r, with_items=False) for r in rows]


def items_for_unit(ctx: ServiceContext, unit_uid: str,
                   template_uid: str | None = None) -> tuple[VersionInfo, list[ItemInfo], tuple[str, ...]]:
    """The checklist for one unit: (version, its items for the unit's venue, the venue tags used)."""
    with ctx.db.read() as s:
        unit = s.execute(select(Unit).where(Unit.uid == unit_uid)).scalar()
        if unit is None:
            raise NotFound("没有找到这家单位（可能已被删除）。")
        version = _version_info(active_version_row(s, template_uid))
        tags = unit_venue_tags(unit)
        return version, select_items(version.items, tags), tags


def validate_items(items: Sequence[ItemInfo]) -> None:
    if not items:
        raise ValidationError("检查项目", "检查表至少要有一项")
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        code = item.code.strip()
        if not code:
            raise ValidationError("编号", "不能为空", row=n)
        if code in seen:
            raise ValidationError("编号", f"“{code}”重复", row=n)
        seen.add(code)
        if not item.text.strip():
            raise ValidationError("检查内容", "不能为空", row=n)
        if not item.section.strip():
            raise ValidationError("类别", "不能为空", row=n)
        if item.default_severity not in SEVERITIES:
            raise ValidationError("默认等级", "只能是 一般 或 重大", row=n)
        if item.hazard_category not in HAZARD_CATEGORIES:
            raise ValidationError("隐患类别", "只能是 " + "、".join(HAZARD_CATEGORIES), row=n)
        unknown = [v for v in item.venues if v not in VENUE_TAGS]
        if unknown:
            raise ValidationError("适用场所", f"不认识：{'、'.join(unknown)}", row=n)


def save_version(ctx: ServiceContext, template_uid: str, items: Sequence[ItemInfo], note: str = "") -> VersionInfo:
    """Save the edited items as the template's next version and make it the active one."""
    require(ctx, "rules.edit")
    validate_items(items)
    with ctx.db.write() as s:
        template = s.execute(select(ChecklistTemplate).where(ChecklistTemplate.uid == template_uid)).scalar()
        if template is None:
            raise NotFound("没有找到这张检查表。")
        last = s.execute(select(func.max(ChecklistVersion.version_no))
                         .where(ChecklistVersion.template_id == template.id)).scalar() or 0
        s.execute(update(ChecklistVersion).where(ChecklistVersion.template_id == template.id).values(active=False))
        version = ChecklistVersion(template_id=template.id, version_no=last + 1, active=True, note=note.strip(),
                                   created_by=ctx.actor.username)
        version.items = [ChecklistItem(position=n, code=i.code.strip(), section=i.section.strip(),
                                       venues="、".join(i.venues), text=i.text.strip(),
                                       legal_basis=i.legal_basis.strip(), hazard_category=i.hazard_category,
                                       default_severity=i.default_severity, on_spot_fixable=i.on_spot_fixable)
                         for n, i in enumerate(items, 1)]
        s.add(version)
        s.flush()
        audit.record(s, ctx.actor.username, "保存检查表新版本", "checklist_version", version.uid, None,
                     {"template": template.name, "version": version.version_no, "items": len(items), "note": note})
        return _version_info(version)
