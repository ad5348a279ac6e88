"""The station profile: read it, change it (with validation and an audit event)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date

from sqlalchemy import select

from fireoffice.db.models import StationProfile
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import ValidationError
from fireoffice.services.permissions import require

ENFORCEMENT_MODES = ("赋权", "委托", "无权")
LEVELS = ("消防所", "消防工作站", "消防安全管理中心")

# Field → (Chinese label, max length); the labels are used in refusals.
TEXT_FIELDS = {
    "name": ("单位名称", 100),
    "level": ("机构级别", 20),
    "township": ("乡镇（街道）", 60),
    "county": ("县（市、区）", 60),
    "parent_center": ("上级消防安全管理中心", 100),
    "brigade": ("消防救援大队", 100),
    "issuer_code": ("文书机关代字", 20),
    "enforcement_mode": ("执法方式", 10),
    "head_name": ("所长", 40),
    "phone": ("联系电话", 40),
    "address": ("地址", 200),
}


@dataclass(frozen=True)
class StationInfo:
    uid: str
    name: str
    level: str
    township: str
    county: str
    parent_center: str
    brigade: str
    issuer_code: str
    enforcement_mode: str
    head_name: str
    phone: str
    address: str
    is_demo: bool
    demo_created_on: date | None
    configured: bool


def _info(row: StationProfile) -> StationInfo:
    return StationInfo(**{f.name: getattr(row, f.name) for f in fields(StationInfo)})


def _get_or_create(session) -> StationProfile:
    row = session.execute(select(StationProfile).order_by(StationProfile.id).limit(1)).scalar()
    if row is None:
        row = StationProfile()
        session.add(row)
        session.flush()
    return row


def get_station(ctx: ServiceContext) -> StationInfo | None:
    with ctx.db.read() as s:
        row = s.execute(select(StationProfile).order_by(StationProfile.id).limit(1)).scalar()
        return _info(row) if row else None


def validate_changes(changes: dict) -> dict:
    clean: dict = {}
    for key, value in changes.items():
        if key not in TEXT_FIELDS:
            raise ValidationError(key, "不是站点资料的字段")
        label, limit = TEXT_FIELDS[key]
        if value is not None and not isinstance(value, str):
            raise ValidationError(label, "应为文字")
        value = (value or "").strip()
        if len(value) > limit:
            raise ValidationError(label, f"不能超过 {limit} 个字")
        clean[key] = value
    if "name" in clean and not clean["name"]:
        raise ValidationError("单位名称", "不能为空")
    if "enforcement_mode" in clean and clean["enforcement_mode"] not in ENFORCEMENT_MODES:
        raise ValidationError("执法方式", "只能是 赋权、委托 或 无权")
    if "level" in clean and clean["level"] not in LEVELS:
        raise ValidationError("机构级别", "只能是 " + "、".join(LEVELS))
    if "issuer_code" in clean and any(c.isspace() for c in clean["issuer_code"]):
        raise ValidationError("文书机关代字", "不能包含空格")
    return clean


def update_station(ctx: ServiceContext, changes: dict, mark_configured: bool = True) -> StationInfo:
    """Change the profile in one transaction; the first complete save marks the station configured."""
    require(ctx, "station.edit")
    clean = validate_changes(changes)
    with ctx.db.write() as s:
        row = _get_or_create(s)
        before = asdict(_info(row))
        for key, value in clean.items():
            setattr(row, key, value)
        if mark_configured:
            if not row.name:
                raise ValidationError("单位名称", "不能为空")
            row.configured = True
        s.flush()
        info = _info(row)
        audit.record(s, ctx.actor.username, "修改站点资料", "station_profile", row.uid,
                     before, asdict(info))
        return info
