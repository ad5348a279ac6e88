"""Validation and normalisation of unit fields, shared by the form (create/update) and the importer."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.cn import uscc as uscc_mod
from stdnum.exceptions import InvalidChecksum, InvalidLength

from fireoffice.db.models import ClassificationRule, ClassificationRuleSet, Grid, Village
from fireoffice.exchange.xlsx_read import clean_text
from fireoffice.services.errors import Conflict, ValidationError
from fireoffice.services.unit_fields import ALIASES, BY_KEY, FIELDS, NINE_SMALL_TYPES, FieldSpec

TRUE_WORDS = frozenset({"是", "有", "y", "yes", "true", "1", "√", "✓", "✔", "☑", "已配备", "已设置", "设置"})
FALSE_WORDS = frozenset({"否", "无", "n", "no", "false", "0", "×", "✗", "✘", "没有", "未配备", "未设置", "不是"})
_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0(?:10|2\d)|0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,6}))?")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_SERVICE = re.compile(r"[48]00-?\d{3}-?\d{4}")
_PHONE_SPLIT = re.compile(r"[/、,，;；]")
_PHONE_JUNK = re.compile(r"[\s()（）]")
_NUMBER_UNITS = re.compile(r"(平方米|平米|㎡|m²|m2|米|m|人|张|床|个|具|层|间|座|位|台)$", re.I)
_DATE_TEXT = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")
_EXCEL_EPOCH = date(1899, 12, 30)


class Bad(ValueError):
    """A value refused by a parser; the message names what is wrong, the caller adds the field."""


class DuplicateUnit(Conflict):
    """A unit with the same USCC, or the same name and address, exists: the UI offers to open it."""

    def __init__(self, field: str, existing_uid: str, existing_name: str, existing_address: str,
                 archived: bool = False, row: int | None = None):
        what = "统一社会信用代码" if field == "统一社会信用代码" else "名称和地址"
        state = "（已归档）" if archived else ""
        super().__init__(f"已有{what}相同的单位“{existing_name}”{state}（{existing_address}），请打开该单位查看或修改。")
        self.field = field
        self.existing_uid = existing_uid
        self.existing_name = existing_name
        self.archived = archived
        self.row = row

    def __str__(self) -> str:
        return (f"第 {self.row} 行 " if self.row else "") + f"{self.field}：{self.message}"


@dataclass
class Vocab:
    """Names the validator resolves against: villages, grids, categories and rule versions."""

    villages: dict[str, int] = field(default_factory=dict)
    village_names: dict[int, str] = field(default_factory=dict)
    grids: dict[int, tuple[int, str]] = field(default_factory=dict)  # id → (village id, name)
    grids_by_name: dict[str, list[int]] = field(default_factory=dict)
    nine_small_types: tuple[str, ...] = NINE_SMALL_TYPES
    rule_sets: frozenset[str] = frozenset()


def load_vocab(session: Session) -> Vocab:
    vocab = Vocab()
    for vid, name in session.execute(select(Village.id, Village.name)):
        vocab.villages[name] = vid
        vocab.village_names[vid] = name
    for gid, vid, name in session.execute(select(Grid.id, Grid.village_id, Grid.name)):
        vocab.grids[gid] = (vid, name)
        vocab.grids_by_name.setdefault(name, []).append(gid)
    extra = session.execute(select(ClassificationRule.category).where(ClassificationRule.kind == "九小")
                            .distinct()).scalars()
    vocab.nine_small_types = tuple(dict.fromkeys([*NINE_SMALL_TYPES, *extra]))
    vocab.rule_sets = frozenset(session.execute(select(ClassificationRuleSet.name)).scalars())
    return vocab


def _show(raw: Any) -> str:
    text = str(raw)
    return text if len(text) <= 30 else text[:30] + "…"


def _text(spec: FieldSpec, raw: Any, vocab: Vocab) -> str:
    if raw is None:
        return ""
    if isinstance(raw, str):
        value = clean_text(raw)
    elif isinstance(raw, bool):
        value = "是" if raw else "否"
    elif isinstance(raw, float) and raw.is_integer():
        value = str(int(raw))
    elif isinstance(raw, (date, datetime)):
        value = raw.isoformat()
    else:
        value = str(raw)
    if spec.max_len and len(value) > spec.max_len:
        raise Bad(f"不能超过 {spec.max_len} 个字（现有 {len(value)} 个）")
    return value


def _number(spec: FieldSpec, raw: Any, vocab: Vocab, integer: bool) -> int | float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, (bool, date, datetime)):
        raise Bad(f"“{_show(raw)}”应为数字")
    if isinstance(raw, str):
        text = _NUMBER_UNITS.sub("", clean_text(raw).replace(",", "").replace("，", "")).strip()
        try:
            raw = float(text)
        except ValueError:
            raise Bad(f"“{_show(raw)}”应为数字") from None
    value = float(raw)
    if value != value or value in (float("inf"), float("-inf")):
        raise Bad("应为数字")
    if value < 0:
        raise Bad(f"不能为负数（现为 {_show(raw)}）")
    if integer:
        if not value.is_integer():
            raise Bad(f"应为整数（现为 {_show(raw)}）")
        value = int(value)
    if spec.min_value and value < spec.min_value or spec.max_value is not None and value > spec.max_value:
        raise Bad(f"应在 {spec.min_value:g} 到 {spec.max_value:g} 之间（现为 {_show(raw)}）")
    return value


def _bool(spec: FieldSpec, raw: Any, vocab: Vocab) -> bool:
    if raw is None or raw == "":
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    word = clean_text(str(raw)).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise Bad(f"“{_show(raw)}”应填“是”或“否”")


def excel_serial_to_date(serial: float) -> date:
    # Excel's day 60 is the non-existent 1900-02-29; realistic dates (after March 1900) are unaffected.
    if not 61 <= serial <= 2958465:
        raise Bad(f"“{serial:g}”不是有效日期，请写成 2024-03-05")
    return _EXCEL_EPOCH + timedelta(days=int(serial))


def _date(spec: FieldSpec, raw: Any, vocab: Vocab) -> date | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, datetime):
        value = raw.date()
    elif isinstance(raw, date):
        value = raw
    elif isinstance(raw, bool):
        raise Bad(f"“{_show(raw)}”不是有效日期，请写成 2024-03-05")
    elif isinstance(raw, (int, float)):
        value = excel_serial_to_date(raw)
    else:
        text = clean_text(str(raw))
        m = _DATE_TEXT.fullmatch(text)
        if m is None and re.fullmatch(r"\d{8}", text):
            m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
        if m is None and re.fullmatch(r"\d{5}(\.0+)?", text):
            return excel_serial_to_date(float(text))
        if m is None:
            raise Bad(f"“{_show(raw)}”不是有效日期，请写成 2024-03-05")
        try:
            value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise Bad(f"“{_show(raw)}”不是有效日期，请写成 2024-03-05") from None
    if value.year < 1950 or value > date.today() + timedelta(days=1):
        raise Bad(f"“{value.isoformat()}”不在合理范围内（1950 年至今天）")
    return value


def normalize_phone(raw: Any) -> str:
    """Mobile as 11 digits; landline as 0358-4421119[-ext]; several numbers joined by “/”."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if type(raw) is str and _MOBILE.fullmatch(raw):  # the common case, already clean
        return raw
    out = []
    for part in _PHONE_SPLIT.split(clean_text(str(raw))):
        text = _PHONE_JUNK.sub("", part).replace("－", "-").replace("—", "-")
        if not text:
            continue
        if text.startswith("+86"):
            text = text[3:].lstrip("-")
        if _MOBILE.fullmatch(text) or _LOCAL.fullmatch(text) or _SERVICE.fullmatch(text):
            out.append(text)
            continue
        m = _LANDLINE.fullmatch(text)
        if m is None:
            raise Bad(f"“{_show(part)}”不是有效的电话号码：手机号应为 11 位数字（如 13912345678），"
                      "固定电话应带区号（如 0358-4421119）")
        out.append(f"{m.group(1)}-{m.group(2)}" + (f"-{m.group(3)}" if m.group(3) else ""))
    return "/".join(out)


def _phone(spec: FieldSpec, raw: Any, vocab: Vocab) -> str:
    value = normalize_phone(raw)
    if len(value) > 30:
        raise Bad("电话号码太长（最多 30 个字符），请只保留一到两个号码")
    return value


_USCC_SEPARATORS = re.compile(r"[\s\-]")
_REG_NO = re.compile(r"\d{15}")
# The form uscc_mod.validate accepts before it compares the check character: 8 digits, then 10 characters
# of GB 32100's alphabet (0-9 and the capitals without I, O, S, V, Z).
_USCC_FORM = re.compile(r"[0-9]{8}[0-9A-HJ-NPQRTUWXY]{10}")


def _uscc(spec: FieldSpec, raw: Any, vocab: Vocab) -> str:
    if raw is None or raw == "":
        return ""
    text = str(int(raw) if isinstance(raw, float) else raw)
    if not (len(text) == 18 and text.isalnum() and text.isascii()):
        text = _USCC_SEPARATORS.sub("", clean_text(text))
    text = text.upper()
    if _REG_NO.fullmatch(text):
        return text  # the 15-digit 注册号 of units registered before 2015
    if _USCC_FORM.fullmatch(text):
        # Exactly what uscc_mod.validate does for this form (compact() leaves it unchanged), without its
        # two passes of character cleaning: compare the GB 32100 check character stdnum calculates.
        right = uscc_mod.calc_check_digit(text[:17])
        if text[17] == right:
            return text
        raise Bad(f"“{text}”校验位不正确：按 GB 32100 计算，第 18 位应为“{right}”，请核对")
    try:
        return uscc_mod.validate(text)
    except InvalidLength:
        raise Bad(f"“{_show(raw)}”应为 18 位统一社会信用代码（或 15 位注册号），现有 {len(text)} 位") from None
    except InvalidChecksum:
        right = uscc_mod.calc_check_digit(text[:17])
        raise Bad(f"“{text}”校验位不正确：按 GB 32100 计算，第 18 位应为“{right}”，请核对") from None
    except ValueError:
        raise Bad(f"“{_show(raw)}”格式不正确：前 8 位应为数字，其余为数字或大写字母（不用 I、O、S、V、Z）") from None


def _choice(spec: FieldSpec, raw: Any, vocab: Vocab) -> str:
    if raw is None or raw == "":
        return ""
    allowed = vocab.nine_small_types if spec.key == "nine_small_type" else spec.choices
    if raw in allowed:
        return raw
    text = clean_text(str(raw))
    text = ALIASES.get(spec.key, {}).get(text, text)
    if text not in allowed:
        raise Bad(f"“{_show(raw)}”不是可选的值，应为：{'、'.join(allowed)}")
    return text


def _village(spec: FieldSpec, raw: Any, vocab: Vocab) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        if raw not in vocab.village_names:
            raise Bad(f"编号为 {raw} 的村（社区）不存在")
        return raw
    name = clean_text(str(raw))
    if name not in vocab.villages:
        known = "、".join(list(vocab.villages)[:8]) or "（尚未添加任何村、社区）"
        raise Bad(f"没有名为“{_show(name)}”的村（社区）。已有：{known}。请先添加该村（社区），或改正名称")
    return vocab.villages[name]


def _grid(spec: FieldSpec, raw: Any, vocab: Vocab) -> int | str | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        if raw not in vocab.grids:
            raise Bad(f"编号为 {raw} 的网格不存在")
        return raw
    name = clean_text(str(raw))
    ids = vocab.grids_by_name.get(name)
    if not ids:
        raise Bad(f"没有名为“{_show(name)}”的网格，请先添加该网格，或改正名称")
    return ids[0] if len(ids) == 1 else name  # ambiguous: resolved with the village below


def _text_trusted(spec: FieldSpec, raw: Any, vocab: Vocab) -> str:
    """Text already normalised by the spreadsheet reader: only the length is left to check."""
    if type(raw) is not str:
        return _text(spec, raw, vocab)
    if spec.max_len and len(raw) > spec.max_len:
        raise Bad(f"不能超过 {spec.max_len} 个字（现有 {len(raw)} 个）")
    return raw


PARSERS: dict[str, Callable[[FieldSpec, Any, Vocab], Any]] = {
    "text": _text, "int": lambda s, r, v: _number(s, r, v, True), "float": lambda s, r, v: _number(s, r, v, False),
    "bool": _bool, "date": _date, "phone": _phone, "uscc": _uscc, "choice": _choice,
    "village": _village, "grid": _grid,
}
_PARSE = {spec.key: PARSERS[spec.kind] for spec in FIELDS}
_PARSE_TRUSTED = {spec.key: _text_trusted if spec.kind == "text" else PARSERS[spec.kind] for spec in FIELDS}
# Missing keys take their empty value without calling a parser: imports touch ~20 of ~60 fields per row.
EMPTY_VALUES: dict[str, Any] = {spec.key: PARSERS[spec.kind](spec, None, Vocab()) for spec in FIELDS}
_REQUIRED = tuple(spec for spec in FIELDS if spec.required)


def clean_values(values: Mapping[str, Any], vocab: Vocab, *, row: int | None = None,
                 partial: bool = False, trusted_text: bool = False) -> tuple[dict[str, Any], list[ValidationError]]:
    """Parse every given field; returns the clean values and every refusal (field label, message, row).

    `partial` (an update) returns only the keys given; otherwise missing keys take their empty value.
    `trusted_text`: strings come from xlsx_read.normalize_cell (already trimmed and folded).
    """
    parsers = _PARSE_TRUSTED if trusted_text else _PARSE
    clean: dict[str, Any] = {} if partial else dict(EMPTY_VALUES)
    errors: list[ValidationError] = []
    refused: set[str] = set()
    for key, raw in values.items():
        spec = BY_KEY.get(key)
        if spec is None:
            if key == "classification_rule":
                rule = clean_text(str(raw or ""))
                if rule and rule not in vocab.rule_sets:
                    errors.append(ValidationError("分类规则版本", f"没有名为“{_show(rule)}”的分类规则版本", row))
                clean[key] = rule
            else:
                errors.append(ValidationError(key, "不是单位台账的字段", row))
            continue
        try:
            clean[key] = parsers[key](spec, raw, vocab)
        except Bad as bad:
            errors.append(ValidationError(spec.label, str(bad), row))
            refused.add(key)
    for spec in _REQUIRED:
        if spec.key not in refused and (not partial or spec.key in values) and not clean.get(spec.key):
            errors.append(ValidationError(spec.label, "不能为空", row))
    return clean, errors


class Refused:
    """A cell value a parser refused (ColumnCleaner's stand-in for ValidationError without a row)."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message


class ColumnCleaner:
    """clean_values(..., partial=True, trusted_text=True) for one column of an import at a time.

    Each distinct cell value is parsed once per import: villages, grids, categories and 是/否 repeat on
    thousands of rows. `clean(key, cells)` gives each cell's clean value (EMPTY_VALUES[key] for an empty
    cell, None) or a Refused. The parsers depend only on the value (and the vocabulary and today's date,
    fixed for the import); True == 1 == 1.0 as dict keys, so each numeric type has its own cache.
    """

    CACHE_LIMIT = 50_000  # per column: unique values (names, codes, phones) stop being remembered

    def __init__(self, vocab: Vocab):
        self.vocab = vocab
        self._caches: dict[tuple[str, type | None], dict[Any, Any]] = {}
        self._refused: dict[tuple[str, type | None], set[Any]] = {}  # raw values that were refused

    def _parse(self, key: str, raw: Any) -> Any:
        try:
            return _PARSE_TRUSTED[key](BY_KEY[key], raw, self.vocab)
        except Bad as bad:
            return Refused(str(bad))

    def clean(self, key: str, cells: Sequence[Any]) -> tuple[list[Any], bool]:
        """(clean value or Refused per cell, whether any cell was refused)."""
        types = set(map(type, cells))
        numeric = types & {bool, int, float}
        if len(numeric) > 1:  # rare: mixed 1 / True / 1.5 in one column
            out = [EMPTY_VALUES[key] if v is None else self._parse(key, v) for v in cells]
            return out, any(type(v) is Refused for v in out)
        spec = BY_KEY[key]
        if spec.kind == "text" and types <= {str, type(None)} and (
                not spec.max_len or max(map(len, filter(None, cells)), default=0) <= spec.max_len):
            # _text_trusted returns text within its length limit unchanged
            return list(map({None: EMPTY_VALUES[key]}.get, cells, cells)), False
        which = (key, numeric.pop() if numeric else None)
        cache = self._caches.setdefault(which, {None: EMPTY_VALUES[key]})
        refused = self._refused.setdefault(which, set())
        distinct = set(cells)
        new = distinct.difference(cache)
        if spec.kind == "uscc" and str in types:
            # an 18-character code already in GB 32100's form: only its check character is left to compare
            # (what _uscc does for it, without the calls around it); anything else, or a wrong check
            # character, goes through _uscc for its message
            ready = [v for v, ok in zip(new, map(_uscc_form, new), strict=True) if ok]
            found = {v: v for v in ready if uscc_mod.calc_check_digit(v[:17]) == v[17]}
            found.update({v: self._parse(key, v) for v in new.difference(found)})
        elif spec.kind == "phone" and str in types:
            # an 11-digit mobile number (the common case) is stored as it is (normalize_phone's fast path)
            mobiles = [v for v, ok in zip(new, map(_mobile, new), strict=True) if ok]
            found = dict(zip(mobiles, mobiles, strict=True))
            found.update({v: self._parse(key, v) for v in new.difference(found)})
        else:
            found = {v: self._parse(key, v) for v in new}
        refused.update(v for v, c in found.items() if type(c) is Refused)
        any_refused = bool(refused) and not refused.isdisjoint(distinct)
        if not found:
            return list(map(cache.__getitem__, cells)), any_refused
        if len(cache) < self.CACHE_LIMIT:
            cache.update(found)
            return list(map(cache.__getitem__, cells)), any_refused
        return list(map(found.get, cells, map(cache.get, cells))), any_refused


def _uscc_form(value: Any) -> bool:
    return type(value) is str and _USCC_FORM.fullmatch(value) is not None


def _mobile(value: Any) -> bool:
    return type(value) is str and _MOBILE.fullmatch(value) is not None


def check_consistency(merged: dict[str, Any], vocab: Vocab, row: int | None = None) -> list[ValidationError]:
    """Rules across fields, checked on the unit as it will be stored (new values over old)."""
    errors = []
    grid, village = merged.get("grid_id"), merged.get("village_id")
    if isinstance(grid, str):  # a grid name found in several villages
        ids = [g for g in vocab.grids_by_name.get(grid, []) if vocab.grids[g][0] == village]
        if len(ids) != 1:
            errors.append(ValidationError("所属网格", f"有多个名为“{grid}”的网格，请同时填写所属村（社区）", row))
        else:
            merged["grid_id"] = grid = ids[0]
    if isinstance(grid, int) and grid in vocab.grids:
        grid_village = vocab.grids[grid][0]
        if village is None:
            merged["village_id"] = grid_village  # the grid says which village
        elif village != grid_village:
            errors.append(ValidationError("所属网格", f"网格“{vocab.grids[grid][1]}”不属于"
                                          f"“{vocab.village_names.get(village, village)}”", row))
    if merged.get("is_key_unit") and merged.get("nine_small_type"):
        errors.append(ValidationError("九小场所类别", "消防安全重点单位不能同时归为九小场所，请二选一", row))
    return errors


def validate_unit(values: Mapping[str, Any], vocab: Vocab, *, current: Mapping[str, Any] | None = None,
                  row: int | None = None) -> dict[str, Any]:
    """Clean values for one unit or raise the first refusal; with `current` only the changes are checked."""
    clean, errors = clean_values(values, vocab, row=row, partial=current is not None)
    if not errors:
        merged = {**(current or {}), **clean}
        errors = check_consistency(merged, vocab, row)
        for key in ("village_id", "grid_id"):
            if key in merged and merged[key] != (current or {}).get(key, None):
                clean[key] = merged[key]
    if errors:
        raise errors[0]
    return clean
