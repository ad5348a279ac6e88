"""Field validation shared by the form and the importer: codes, phones, numbers, dates, choices, places."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fireoffice.services.errors import ValidationError
from fireoffice.services.unit_validation import (
    Vocab,
    check_consistency,
    clean_values,
    excel_serial_to_date,
    normalize_phone,
    validate_unit,
)

VOCAB = Vocab(villages={"东关社区": 1, "柳林村": 2}, village_names={1: "东关社区", 2: "柳林村"},
              grids={10: (1, "第1网格"), 20: (2, "第1网格"), 21: (2, "柳林第2网格")},
              grids_by_name={"第1网格": [10, 20], "柳林第2网格": [21]}, rule_sets=frozenset({"默认"}))


def clean(**values):
    base = {"name": "甲", "address": "乙"}
    base.update(values)
    result, errors = clean_values(base, VOCAB)
    return result, errors


def one_error(**values) -> ValidationError:
    _result, errors = clean(**values)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize(("raw", "stored"), [
    ("91141124956866773H", "91141124956866773H"),
    ("91141124956866773h", "91141124956866773H"),
    (" 9114 1124-9568 6677 3H ", "91141124956866773H"),
    ("９１１４１１２４９５６８６６７７３Ｈ", "91141124956866773H"),  # full-width
    ("110108000000016", "110108000000016"),  # 15-digit 注册号 before 2015
    (None, ""),
])
def test_uscc_accepted_forms(raw, stored):
    result, errors = clean(uscc=raw)
    assert not errors and result["uscc"] == stored


def test_uscc_wrong_check_character_names_the_right_one():
    err = one_error(uscc="91141124956866773A")
    assert err.field == "统一社会信用代码"
    assert "校验位不正确" in err.message and "“H”" in err.message


@pytest.mark.parametrize(("raw", "words"), [("9114112495686677", "现有 16 位"), ("9114112495686677IO", "格式不正确")])
def test_uscc_length_and_format(raw, words):
    assert words in one_error(uscc=raw).message


@pytest.mark.parametrize(("raw", "stored"), [
    ("13912345678", "13912345678"),
    (13912345678, "13912345678"),
    (13912345678.0, "13912345678"),
    ("139 1234 5678", "13912345678"),
    ("+86 13912345678", "13912345678"),
    ("１３９１２３４５６７８", "13912345678"),
    ("0358-4421119", "0358-4421119"),
    ("03584421119", "0358-4421119"),
    ("(0358)4421119", "0358-4421119"),
    ("010-62345678-123", "010-62345678-123"),
    ("4421119", "4421119"),
    ("13912345678/0358-4421119", "13912345678/0358-4421119"),
    ("400-123-4567", "400-123-4567"),
])
def test_phone_forms(raw, stored):
    assert normalize_phone(raw) == stored


@pytest.mark.parametrize("raw", ["abcdefg", "1391234567", "12345", "电话没有", "139123456789"])
def test_phone_refused_with_field(raw):
    err = one_error(resp_phone=raw)
    assert err.field == "消防安全责任人电话" and "不是有效的电话号码" in err.message


@pytest.mark.parametrize(("raw", "stored"), [("120", 120.0), ("1,200.5", 1200.5), ("120㎡", 120.0),
                                             ("120 平方米", 120.0), (80, 80.0), ("８０", 80.0), (None, None)])
def test_area_forms(raw, stored):
    result, errors = clean(building_area=raw)
    assert not errors and result["building_area"] == stored


@pytest.mark.parametrize(("field", "raw", "words"), [
    ("building_area", "-5", "不能为负数"), ("building_area", "很大", "应为数字"), ("beds", "3.5", "应为整数"),
    ("floors_above", 500, "之间"), ("longitude", 20, "之间"), ("seats", True, "应为数字"),
])
def test_number_refusals(field, raw, words):
    assert words in one_error(**{field: raw}).message


@pytest.mark.parametrize(("raw", "stored"), [
    (date(2024, 3, 5), date(2024, 3, 5)), (datetime(2024, 3, 5, 10, 0), date(2024, 3, 5)),
    (45356, date(2024, 3, 5)), (45356.0, date(2024, 3, 5)), ("45356", date(2024, 3, 5)),
    ("2024-03-05", date(2024, 3, 5)), ("2024/3/5", date(2024, 3, 5)), ("2024.3.5", date(2024, 3, 5)),
    ("2024年3月5日", date(2024, 3, 5)), ("20240305", date(2024, 3, 5)), ("2024-03-05 00:00:00", date(2024, 3, 5)),
])
def test_dates_including_excel_serials(raw, stored):
    result, errors = clean(registered_on=raw)
    assert not errors and result["registered_on"] == stored


@pytest.mark.parametrize("raw", ["2024-02-30", "昨天", "3000-01-01", 5])
def test_bad_dates(raw):
    assert one_error(registered_on=raw).field == "列管日期"


def test_excel_serial_epoch():
    assert excel_serial_to_date(45356) == date(2024, 3, 5) and excel_serial_to_date(61) == date(1900, 3, 1)


@pytest.mark.parametrize(("raw", "stored"), [("是", True), ("有", True), ("√", True), ("Y", True), (1, True),
                                             ("否", False), ("无", False), ("×", False), (None, False)])
def test_booleans(raw, stored):
    result, errors = clean(has_sprinkler=raw)
    assert not errors and result["has_sprinkler"] is stored


def test_boolean_refusal():
    assert "是" in one_error(has_sprinkler="也许").message


def test_choices_and_aliases():
    result, errors = clean(status="在管", risk_level="高风险", unit_type="个体户", nine_small_type="小餐饮场所")
    assert not errors
    assert (result["status"], result["risk_level"], result["unit_type"]) == ("营业", "高", "个体工商户")
    err = one_error(nine_small_type="小饭馆")
    assert err.field == "九小场所类别" and "小餐饮场所" in err.message


def test_text_is_trimmed_folded_and_limited():
    result, errors = clean(name="  ＡＢＣ  超市  ", short_name="x" * 80)
    assert not errors and result["name"] == "ABC 超市"
    assert "不能超过 80 个字" in one_error(short_name="x" * 81).message


def test_required_fields_and_unknown_keys():
    _r, errors = clean_values({"name": "", "bogus": 1}, VOCAB)
    fields = {e.field for e in errors}
    assert fields == {"单位名称", "详细地址", "bogus"}


def test_all_errors_of_a_row_are_collected_with_the_row_number():
    _r, errors = clean_values({"name": "甲", "address": "乙", "uscc": "1", "resp_phone": "x", "beds": "-1"},
                              VOCAB, row=7)
    assert [e.field for e in errors] == ["统一社会信用代码", "消防安全责任人电话", "床位数"]
    assert all(e.row == 7 for e in errors)
    assert str(errors[0]).startswith("第 7 行 统一社会信用代码：")


def test_villages_and_grids_by_name():
    result, errors = clean(village_id="柳林村", grid_id="柳林第2网格")
    assert not errors and (result["village_id"], result["grid_id"]) == (2, 21)
    assert "没有名为“西山村”的村（社区）" in one_error(village_id="西山村").message
    # A grid name used in two villages needs the village.
    result, errors = clean(grid_id="第1网格")
    assert not errors
    problems = check_consistency(result, VOCAB)
    assert problems and "请同时填写所属村" in problems[0].message
    result, _ = clean(grid_id="第1网格", village_id="柳林村")
    assert check_consistency(result, VOCAB) == [] and result["grid_id"] == 20


def test_validate_unit_partial_checks_only_changes():
    current, _ = clean()
    changes = validate_unit({"beds": "12"}, VOCAB, current=current)
    assert changes == {"beds": 12}
    with pytest.raises(ValidationError) as err:
        validate_unit({"classification_rule": "不存在的版本"}, VOCAB, current=current)
    assert err.value.field == "分类规则版本"
