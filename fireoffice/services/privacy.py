"""Masking of 身份证号, phone numbers and complainants' identities unless the role needs to see them."""

from __future__ import annotations

import re

from fireoffice.services.context import ServiceContext
from fireoffice.services.permissions import OWNER_ROLE

# Who sees personal identifiers in full: those who act on them (enforcement, case handling).
SEES_IDENTITY = frozenset({OWNER_ROLE, "管理员", "所长", "执法人员"})
_ID = re.compile(r"(?<![0-9])([1-9]\d{5})(\d{8})(\d{3}[0-9Xx])(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d)(\d{4})(\d{4})(?![0-9])")


def sees_identity(ctx: ServiceContext) -> bool:
    return ctx.actor.role in SEES_IDENTITY


def mask_id_number(value: str) -> str:
    """110105199001011234 → 110105********1234 (also inside longer text)."""
    return _ID.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), value or "")


def mask_phone(value: str) -> str:
    return _MOBILE.sub(lambda m: m.group(1) + "****" + m.group(3), value or "")


def mask_name(value: str) -> str:
    """张三丰 → 张**: enough to tell complaints apart, not enough to identify the complainant."""
    value = (value or "").strip()
    return value[:1] + "*" * (len(value) - 1) if len(value) > 1 else ("*" if value else "")


def id_number(ctx: ServiceContext, value: str) -> str:
    return value if sees_identity(ctx) else mask_id_number(value)


def complainant(ctx: ServiceContext, name: str, phone: str = "") -> tuple[str, str]:
    """A complainant's name and phone as this role may see them."""
    if sees_identity(ctx):
        return name, phone
    return mask_name(name), mask_phone(phone)


def text(ctx: ServiceContext, value: str) -> str:
    """Free text (notes, exports): identity numbers and mobiles masked for roles that do not need them."""
    return value if sees_identity(ctx) else mask_phone(mask_id_number(value))
