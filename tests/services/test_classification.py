"""Classification rules as versioned data: the seeded defaults, suggestions, new versions, activation."""

from __future__ import annotations

import pytest

from fireoffice.services import audit, classification, units
from fireoffice.services.classification import Rule
from fireoffice.services.errors import Conflict, NotFound, ValidationError


def test_defaults_are_seeded_and_active(ctx):
    active = classification.active_rule_set(ctx)
    assert active.active and active.units_using == 0
    nine = {r.category for r in active.rules if r.kind == "九小"}
    assert {"小商店", "小餐饮场所", "小旅馆", "小歌舞娱乐场所", "小网吧", "小美容洗浴场所", "小医院",
            "小学校或幼儿园", "小生产加工企业"} <= nine
    seats = next(r for r in active.rules if r.category == "小餐饮场所")
    assert (seats.metric, seats.op, seats.threshold) == ("seats", "<", 100)
    assert [s.name for s in classification.list_rule_sets(ctx)] == [active.name]


@pytest.mark.parametrize(("values", "nine", "key"), [
    ({"use_nature": "餐饮", "seats": 60}, "小餐饮场所", ""),
    ({"use_nature": "餐饮", "seats": 100}, "", ""),  # the threshold itself is not small
    ({"use_nature": "餐饮", "seats": 320}, "", "宾馆、饭店"),
    ({"use_nature": "商店", "business_area": 120, "building_area": 900}, "小商店", ""),  # area: business first
    ({"use_nature": "商店", "building_area": 280}, "小商店", ""),
    ({"use_nature": "住宿", "beds": 49}, "小旅馆", ""),
    ({"use_nature": "住宿", "beds": 50}, "", "宾馆、饭店"),
    ({"use_nature": "休闲健身", "name": "星际网咖", "building_area": 150}, "小网吧", ""),
    ({"use_nature": "休闲健身", "name": "玉足足浴", "building_area": 150}, "小美容洗浴场所", ""),
    ({"use_nature": "医疗", "beds": 60}, "", "医院"),
    ({"use_nature": "生产加工", "staff": 20}, "小生产加工企业", ""),
    ({"use_nature": "办公", "staff": 20}, "", ""),
])
def test_suggestions_from_default_rules(ctx, values, nine, key):
    s = classification.suggest_for(ctx, values)
    assert s.nine_small_type == nine and s.key_unit_category == key and s.is_key_unit == bool(key)
    assert s.rule_set == classification.active_rule_set(ctx).name
    if key:
        assert s.key_unit_basis.startswith(s.rule_set)
    if nine or key:
        assert "→" in s.reasons[0]


def test_missing_figures_are_named(ctx):
    s = classification.suggest_for(ctx, {"use_nature": "餐饮"})
    assert s.nine_small_type == "" and "座位数（就餐人数）" in s.missing


def test_new_version_activation_and_units_keep_their_version(ctx):
    old = classification.active_rule_set(ctx)
    unit = units.create_unit(ctx, {"name": "甲餐馆", "address": "乙路1号", "use_nature": "餐饮", "seats": 150,
                                   "classification_rule": old.name})
    assert unit.values["classification_rule"] == old.name
    zhengzhou = [Rule("九小", "小餐饮场所", ("餐饮",), "area", "<", 100, note="郑州：<100㎡")]
    new = classification.save_rule_set(ctx, "郑州 2023", zhengzhou, note="郑州市九小场所标准")
    assert new.active and not classification.get_rule_set(ctx, old.name).active
    assert classification.active_rule_set(ctx).name == "郑州 2023"
    assert classification.suggest_for(ctx, {"use_nature": "餐饮", "business_area": 80}).nine_small_type == "小餐饮场所"
    assert classification.get_rule_set(ctx, old.name).units_using == 1
    with pytest.raises(Conflict):
        classification.save_rule_set(ctx, "郑州 2023", zhengzhou)
    with pytest.raises(Conflict):  # units refer to it
        classification.delete_rule_set(ctx, old.name)
    with pytest.raises(Conflict):  # active
        classification.delete_rule_set(ctx, "郑州 2023")
    classification.activate_rule_set(ctx, old.name)
    classification.delete_rule_set(ctx, "郑州 2023")
    with pytest.raises(NotFound):
        classification.get_rule_set(ctx, "郑州 2023")
    with ctx.db.read() as s:
        assert audit.verify(s).ok


@pytest.mark.parametrize(("rule", "field"), [
    (Rule("大型", "x", (), "area", "<", 1), "类型"),
    (Rule("九小", "", (), "area", "<", 1), "类别"),
    (Rule("九小", "x", (), "volume", "<", 1), "指标"),
    (Rule("九小", "x", (), "area", "=", 1), "比较"),
    (Rule("九小", "x", (), "area", "<", -1), "门槛"),
])
def test_rule_validation_names_field_and_rule_number(ctx, rule, field):
    good = Rule("九小", "小商店", ("商店",), "area", "<", 300)
    with pytest.raises(ValidationError) as err:
        classification.save_rule_set(ctx, "新版本", [good, rule])
    assert err.value.field == field and err.value.row == 2
    assert [s.name for s in classification.list_rule_sets(ctx)] != ["新版本"]


def test_empty_name_or_rules_refused(ctx):
    with pytest.raises(ValidationError):
        classification.save_rule_set(ctx, " ", [Rule("九小", "x", (), "area", "<", 1)])
    with pytest.raises(ValidationError):
        classification.save_rule_set(ctx, "空", [])
