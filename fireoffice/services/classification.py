"""Classification as data: versioned 九小/重点 rule sets and the category suggested for a unit."""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from fireoffice.db.models import ClassificationRule, ClassificationRuleSet, Unit
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict, NotFound, ValidationError
from fireoffice.services.permissions import require

KINDS = ("重点", "九小")
METRICS = {
    "area": "面积（经营面积，未填时用建筑面积）",
    "building_area": "建筑面积",
    "business_area": "使用/经营面积",
    "beds": "床位数",
    "seats": "座位数（就餐人数）",
    "staff": "员工人数",
    "residents": "住宿人数",
    "floors_above": "地上层数",
    "building_height": "建筑高度",
}
OPS = {"<": operator.lt, "<=": operator.le, ">=": operator.ge, ">": operator.gt}
_OP_TEXT = {"<": "<", "<=": "≤", ">=": "≥", ">": ">"}


@dataclass(frozen=True)
class Rule:
    kind: str
    category: str
    use_natures: tuple[str, ...]
    metric: str
    op: str
    threshold: float
    keywords: tuple[str, ...] = ()
    note: str = ""

    def describe(self) -> str:
        where = "、".join(self.use_natures) or "任何使用性质"
        if self.keywords:
            where += f"（名称含{'/'.join(self.keywords)}）"
        return f"{where} {METRICS.get(self.metric, self.metric)}{_OP_TEXT.get(self.op, self.op)}{self.threshold:g}"


@dataclass(frozen=True)
class RuleSet:
    uid: str
    name: str
    note: str
    active: bool
    created_at: datetime
    created_by: str
    rules: tuple[Rule, ...]
    units_using: int = 0


@dataclass(frozen=True)
class Suggestion:
    """What the rules suggest; the user confirms, and `rule_set` is stored on the unit."""

    rule_set: str
    nine_small_type: str
    is_key_unit: bool
    key_unit_category: str
    key_unit_basis: str
    reasons: tuple[str, ...]
    missing: tuple[str, ...]  # figures that would let a rule decide (e.g. 床位数)


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace("，", "、").replace(",", "、").split("、") if p.strip())


def _rule(row: ClassificationRule) -> Rule:
    return Rule(row.kind, row.category, _split(row.use_natures), row.metric, row.op, row.threshold,
                _split(row.keywords), row.note)


def _info(session: Session, row: ClassificationRuleSet) -> RuleSet:
    using = session.execute(select(func.count()).select_from(Unit)
                            .where(Unit.classification_rule == row.name)).scalar_one()
    return RuleSet(row.uid, row.name, row.note, row.active, row.created_at, row.created_by,
                   tuple(_rule(r) for r in row.rules), using)


def _query():
    return select(ClassificationRuleSet).options(selectinload(ClassificationRuleSet.rules))


def active_rule_set(ctx: ServiceContext) -> RuleSet:
    with ctx.db.read() as s:
        row = s.execute(_query().where(ClassificationRuleSet.active.is_(True))
                        .order_by(ClassificationRuleSet.id.desc()).limit(1)).scalar()
        if row is None:
            raise NotFound("没有启用的分类规则。请在“分类规则”中启用一个版本。")
        return _info(s, row)


def list_rule_sets(ctx: ServiceContext) -> list[RuleSet]:
    with ctx.db.read() as s:
        return [_info(s, r) for r in s.execute(_query().order_by(ClassificationRuleSet.id)).scalars()]


def get_rule_set(ctx: ServiceContext, name: str) -> RuleSet:
    with ctx.db.read() as s:
        row = s.execute(_query().where(ClassificationRuleSet.name == name)).scalar()
        if row is None:
            raise NotFound(f"没有名为“{name}”的分类规则版本")
        return _info(s, row)


def _validate_rules(rules: Sequence[Rule]) -> None:
    if not rules:
        raise ValidationError("规则", "至少要有一条规则")
    for i, r in enumerate(rules, 1):
        if r.kind not in KINDS:
            raise ValidationError("类型", "只能是 重点 或 九小", row=i)
        if not r.category.strip() or len(r.category) > 60:
            raise ValidationError("类别", "不能为空，且不超过 60 个字", row=i)
        if r.metric not in METRICS:
            raise ValidationError("指标", "只能是：" + "、".join(METRICS.values()), row=i)
        if r.op not in OPS:
            raise ValidationError("比较", "只能是 <、<=、>=、>", row=i)
        if not isinstance(r.threshold, (int, float)) or r.threshold < 0:
            raise ValidationError("门槛", "应为不小于 0 的数字", row=i)
        if len("、".join(r.use_natures)) > 200 or len("、".join(r.keywords)) > 200 or len(r.note) > 200:
            raise ValidationError("使用性质", "使用性质、名称关键词和说明各不超过 200 个字", row=i)


def save_rule_set(ctx: ServiceContext, name: str, rules: Sequence[Rule], note: str = "",
                  activate: bool = True) -> RuleSet:
    """Save edited rules as a new version; versions already saved never change (units refer to them)."""
    require(ctx, "rules.edit")
    name = (name or "").strip()
    if not name or len(name) > 60:
        raise ValidationError("版本名称", "不能为空，且不超过 60 个字")
    _validate_rules(rules)
    with ctx.db.write() as s:
        if s.execute(select(ClassificationRuleSet.id).where(ClassificationRuleSet.name == name)).first():
            raise Conflict(f"已有名为“{name}”的规则版本。修改规则请另存为一个新版本名称。")
        if activate:
            s.execute(update(ClassificationRuleSet).values(active=False))
        row = ClassificationRuleSet(name=name, note=note.strip(), active=activate, created_by=ctx.actor.username)
        row.rules = [ClassificationRule(position=i, kind=r.kind, category=r.category.strip(),
                                        use_natures="、".join(r.use_natures), keywords="、".join(r.keywords),
                                        metric=r.metric, op=r.op, threshold=float(r.threshold), note=r.note)
                     for i, r in enumerate(rules, 1)]
        s.add(row)
        s.flush()
        info = _info(s, row)
        audit.record(s, ctx.actor.username, "保存分类规则", "classification_rule_set", row.uid,
                     after={"name": name, "active": activate, "rules": [asdict(r) for r in rules]})
        return info


def activate_rule_set(ctx: ServiceContext, name: str) -> RuleSet:
    require(ctx, "rules.edit")
    with ctx.db.write() as s:
        row = s.execute(_query().where(ClassificationRuleSet.name == name)).scalar()
        if row is None:
            raise NotFound(f"没有名为“{name}”的分类规则版本")
        s.execute(update(ClassificationRuleSet).values(active=False))
        row.active = True
        s.flush()
        audit.record(s, ctx.actor.username, "启用分类规则", "classification_rule_set", row.uid,
                     after={"name": name})
        return _info(s, row)


def delete_rule_set(ctx: ServiceContext, name: str) -> None:
    """Only a version that is not active and that no unit refers to can be deleted."""
    require(ctx, "rules.edit")
    with ctx.db.write() as s:
        row = s.execute(_query().where(ClassificationRuleSet.name == name)).scalar()
        if row is None:
            raise NotFound(f"没有名为“{name}”的分类规则版本")
        info = _info(s, row)
        if info.active:
            raise Conflict("正在使用的规则版本不能删除，请先启用另一个版本。")
        if info.units_using:
            raise Conflict(f"有 {info.units_using} 家单位按此版本分类，不能删除（分类依据需要保留）。")
        audit.record(s, ctx.actor.username, "删除分类规则", "classification_rule_set", row.uid,
                     before={"name": name, "rules": [asdict(r) for r in info.rules]})
        s.delete(row)


def _metric(values: Mapping[str, Any], metric: str) -> float | None:
    if metric == "area":
        value = values.get("business_area")
        if value in (None, ""):
            value = values.get("building_area")
    else:
        value = values.get(metric)
    return None if value in (None, "") else float(value)


def suggest(rule_set: RuleSet, values: Mapping[str, Any]) -> Suggestion:
    """Key-unit criteria first (a key unit is not a 九小 place), then 九小 thresholds, in rule order."""
    use, name = values.get("use_nature") or "", values.get("name") or ""
    missing: list[str] = []
    for kind in KINDS:
        for rule in (r for r in rule_set.rules if r.kind == kind):
            if rule.use_natures and use not in rule.use_natures:
                continue
            if rule.keywords and not any(k in name for k in rule.keywords):
                continue
            figure = _metric(values, rule.metric)
            if figure is None:
                missing.append(METRICS[rule.metric])
                continue
            if OPS[rule.op](figure, rule.threshold):
                reason = f"{rule.describe()}（本单位 {figure:g}）→ {rule.category}"
                basis = f"{rule_set.name}：{rule.note or rule.describe()}"
                if kind == "重点":
                    return Suggestion(rule_set.name, "", True, rule.category, basis[:200], (reason,), ())
                return Suggestion(rule_set.name, rule.category, False, "", "", (reason,), ())
    why = ("按现有数据不属于重点单位或九小场所",) if not missing else ("缺少判断所需的数据",)
    return Suggestion(rule_set.name, "", False, "", "", why, tuple(dict.fromkeys(missing)))


def suggest_for(ctx: ServiceContext, values: Mapping[str, Any]) -> Suggestion:
    """The suggestion under the active rule set, for the unit form's “建议分类” button."""
    return suggest(active_rule_set(ctx), values)
