"""Frequency rules (documented defaults, editable), the due/overdue list and the monthly workload planner."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from fireoffice.db.models import FrequencyRule, Unit, User
from fireoffice.services import frequency, inspections
from fireoffice.services.errors import NotFound, ValidationError
from tests.services.insp_helpers import all_pass, count, make_officers, make_units


def test_default_rules_cover_every_category_and_risk(ctx):
    rules = frequency.list_rules(ctx)
    assert count(ctx, FrequencyRule) == 16 and len(rules) == 16
    assert [(r.category, r.risk_level) for r in rules[:4]] == [("重点单位", r) for r in frequency.RISK_LEVELS]
    key_high = rules[0]
    assert key_high.interval_months == 1 and key_high.visit_minutes == 90 and "每年至少" in key_high.basis
    assert {r.category for r in rules} == set(frequency.CATEGORIES)


def test_rule_update_validated_and_audited(ctx):
    with pytest.raises(ValidationError) as ex:
        frequency.update_rule(ctx, "九小场所", "一般", 0, 30, 15)
    assert ex.value.field == "检查周期（月）"
    with pytest.raises(NotFound):
        frequency.update_rule(ctx, "九小场所", "极高", 3, 30, 15)
    info = frequency.update_rule(ctx, "九小场所", "一般", 4, 25, 10, "县中心2026年要求")
    assert (info.interval_months, info.visit_minutes, info.travel_minutes, info.basis) == (4, 25, 10, "县中心2026年要求")


def test_category_precedence():
    assert frequency.category_of(True, True, "小商店") == "重点单位"
    assert frequency.category_of(False, True, "小餐饮场所") == "人员密集场所"
    assert frequency.category_of(False, False, "小商店") == "九小场所"
    assert frequency.category_of(False, False, "") == "其他"


def test_due_and_overdue(ctx):
    people = make_officers(ctx)
    fresh, never, closed = (make_units(ctx, 1, prefix=p)[0] for p in ("近期已查", "从未检查", "已停业"))
    with ctx.db.write() as s:
        s.execute(update(Unit).where(Unit.uid == closed).values(status="停业"))
        s.execute(update(Unit).where(Unit.uid == never).values(registered_on=date(2025, 3, 10)))
    inspections.create_inspection(ctx, all_pass(ctx, fresh, officers=(people["张执法"], people["李执法"])))
    rows = frequency.due_units(ctx, on=date(2026, 3, 1), until=date(2026, 12, 31))
    by_name = {r.name: r for r in rows}
    assert "已停业000" not in by_name
    assert by_name["从未检查000"].due_on == date(2025, 9, 10) and by_name["从未检查000"].last_inspected is None
    assert by_name["近期已查000"].due_on == date(2026, 7, 30)  # 九小场所 × 一般: every 6 months
    assert by_name["近期已查000"].last_inspected == date(2026, 1, 30)
    overdue = frequency.due_units(ctx, on=date(2026, 3, 1), overdue_only=True)
    assert [r.name for r in overdue] == ["从未检查000"] and overdue[0].overdue_days == 172


def test_monthly_workload_against_officer_time(ctx):
    make_officers(ctx)  # 张/李/王 + 刘所长 hold valid 执法证: 4 enforcers
    make_units(ctx, 40, registered_on=date(2025, 1, 1))  # all overdue: due every 6 months
    plan = frequency.monthly_workload(ctx, "2026-10", field_hours_per_day=4.0)
    assert plan.workdays == 18  # October 2026: 国庆 1–7 off, Saturday 10-10 worked
    assert plan.officers == 4 and plan.capacity_minutes == 18 * 4 * 4 * 60
    nine = next(line for line in plan.lines if "九小场所" in line.label)
    assert nine.visits == 40 and nine.minutes_each == 45 and nine.officer_minutes == 40 * 45 * 2
    assert plan.feasible and "可以完成" in plan.message
    with ctx.db.write() as s:  # only two officers left, working two hours a day outside
        s.execute(update(User).where(User.display_name.in_(["王执法", "刘所长"])).values(active=False))
    tight = frequency.monthly_workload(ctx, "2026-10", field_hours_per_day=1.0)
    assert tight.capacity_minutes == 18 * 2 * 60 and not tight.feasible and "缺口" in tight.message
    with pytest.raises(ValidationError):
        frequency.monthly_workload(ctx, "2026/10")


def test_due_dates_in_sql_match_the_month_rule_at_month_ends(ctx):
    """The due day is computed in SQL (sorting and paging 100,000 units); it must equal workdays.add_months."""
    from fireoffice.services import workdays

    days = [date(2024, 1, 31), date(2024, 2, 29), date(2025, 8, 31), date(2025, 3, 30), date(2025, 12, 31),
            date(2025, 10, 15), date(2023, 5, 31)]
    for n, day in enumerate(days):
        make_units(ctx, 1, prefix=f"月末{n}", registered_on=day)
    rows = {r.name: r for r in frequency.due_units(ctx, on=date(2026, 3, 1), until=date(2027, 12, 31))}
    cal = workdays.WorkCalendar()
    for n, day in enumerate(days):
        assert rows[f"月末{n}000"].due_on == workdays.add_months(cal, day, 6, roll=False), day


def test_due_page_sorted_filtered_and_paged_in_sql(ctx):
    make_units(ctx, 25, prefix="甲", registered_on=date(2025, 1, 1))
    make_units(ctx, 5, prefix="乙", registered_on=date(2025, 1, 1), risk_level="高")
    q = frequency.DueQuery(on=date(2026, 3, 1), mode="overdue", sort="name", limit=10)
    first = frequency.due_page(ctx, q)
    assert first.total == 30 and [r.name for r in first.rows] == [f"乙{i:03d}" for i in range(5)] + [
        f"甲{i:03d}" for i in range(5)]  # 乙 (U+4E59) sorts before 甲 (U+7532)
    third = frequency.due_page(ctx, frequency.DueQuery(on=date(2026, 3, 1), mode="overdue", sort="name",
                                                       offset=20, limit=10))
    assert len(third.rows) == 10 and not {r.uid for r in third.rows} & {r.uid for r in first.rows}
    high = frequency.due_page(ctx, frequency.DueQuery(on=date(2026, 3, 1), risk_level="高"))
    assert high.total == 5 and all(r.interval_months == 2 for r in high.rows)
    ids = frequency.due_ids(ctx, frequency.DueQuery(on=date(2026, 3, 1), sort="name", descending=True))
    rows = frequency.due_rows_by_ids(ctx, ids[:3], date(2026, 3, 1))
    assert [r.name for r in rows] == sorted((r.name for r in frequency.due_units(ctx, on=date(2026, 3, 1))),
                                            reverse=True)[:3]
    assert frequency.due_page(ctx, frequency.DueQuery(on=date(2026, 3, 1), offset=500, limit=10)).total == 30
    with pytest.raises(ValidationError):
        frequency.due_page(ctx, frequency.DueQuery(sort="DROP TABLE"))
