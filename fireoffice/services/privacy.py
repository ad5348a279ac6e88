"""Masking of 身份证号, phone numbers and complainants' identities unless the role needs to see them."""

from __future__ import annotations

import re
from collections.abc import Callable

from fireoffice.services.context import ServiceContext
from fireoffice.services.permissions import OWNER_ROLE, PERMISSIONS, allowed

VIEW_PERMISSION = "privacy.view_id_numbers"
# Who sees personal identifiers in full: those who act on them (enforcement, case handling) — the permission
# table's holders plus the single-user owner.
SEES_IDENTITY = frozenset({OWNER_ROLE, *PERMISSIONS[VIEW_PERMISSION][1]})
# 18-digit 居民身份证号: area code, a plausible birth date, sequence and check digit — the date part keeps an
# all-digit 统一社会信用代码 or a long order number from being taken for an identity number.
_ID = re.compile(r"(?<![0-9A-Za-z])([1-9]\d{5})((?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))"
                 r"(\d{3}[0-9Xx])(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d)(\d{4})(\d{4})(?![0-9])")


def sees_identity(ctx: ServiceContext) -> bool:
    return allowed(ctx, VIEW_PERMISSION)


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


def id_masker(ctx: ServiceContext) -> Callable[[str], str]:
    """One permission check for a whole list or export: returns the function to apply to each value."""
    return (lambda v: v) if sees_identity(ctx) else mask_id_number


def is_masked(value: str) -> bool:
    return "*" in (value or "")


def complainant(ctx: ServiceContext, name: str, phone: str = "") -> tuple[str, str]:
    """A complainant's name and phone as this role may see them."""
    if sees_identity(ctx):
        return name, phone
    return mask_name(name), mask_phone(phone)


def text(ctx: ServiceContext, value: str) -> str:
    """Free text (notes, exports): identity numbers and mobiles masked for roles that do not need them."""
    return value if sees_identity(ctx) else mask_phone(mask_id_number(value))


# Record fields that hold a person's 身份证号 (a unit's party_id is its 统一社会信用代码 and stays readable).
ID_FIELDS = ("party_id", "id_number", "id_card")


def fields(ctx: ServiceContext, values: dict) -> dict:
    """A record's field values as this role may see them: 身份证号 fields and numbers inside text masked.

    For read-only screens and exports only — an editor must never save a masked value back. Legal documents'
    PDFs print the full number (they are the legal record) and do not go through here.
    """
    if sees_identity(ctx):
        return dict(values)
    out = {}
    for key, value in values.items():
        if isinstance(value, str):
            out[key] = mask_id_number(value) if key in ID_FIELDS else mask_phone(mask_id_number(value))
        else:
            out[key] = value
    return out
