"""Working-day arithmetic: 2026 holidays and 调休, period rules, overrides, unknown years (never a crash)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from fireoffice.db.models import CalendarOverride
from fireoffice.services import workdays
from fireoffice.services.errors import ValidationError
from fireoffice.services.workdays import ADJUSTED_WORKDAY, HOLIDAY, WorkCalendar
from tests.services.insp_helpers import count


@pytest.fixture
def cal(monkeypatch) -> WorkCalendar:
    # Pin the built-in range to what chinese-calendar 1.11 knows, so the test does not change with upgrades.
    monkeypatch.setattr(workdays, "_builtin_years", lambda: (2004, 2026))
    return WorkCalendar()


def test_friday_plus_three_working_days(cal):
    assert workdays.add_workdays(cal, date(2026, 1, 30), 3) == date(2026, 2, 4)


def test_2026_adjusted_workdays_and_holidays(cal):
    assert cal.is_workday(date(2026, 2, 14)) and date(2026, 2, 14).weekday() == 5
    assert cal.is_workday(date(2026, 2, 28)) and date(2026, 2, 28).weekday() == 5
    assert cal.is_workday(date(2026, 1, 4))  # Sunday, worked for 元旦
    assert cal.is_workday(date(2026, 10, 10))  # Saturday after 国庆
    for day in range(1, 8):
        assert not cal.is_workday(date(2026, 10, day))
    assert not cal.is_workday(date(2026, 2, 16))  # 春节
    assert workdays.add_workdays(cal, date(2026, 2, 13), 1) == date(2026, 2, 14)
    assert workdays.add_workdays(cal, date(2026, 2, 13), 2) == date(2026, 2, 24)


def test_start_day_not_counted_and_natural_days_roll(cal):
    assert workdays.add_workdays(cal, date(2026, 3, 2), 0) == date(2026, 3, 2)
    assert workdays.add_workdays(cal, date(2026, 3, 2), 1) == date(2026, 3, 3)
    assert workdays.add_natural_days(cal, date(2026, 9, 28), 3) == date(2026, 10, 8)  # 10-01 is 国庆
    assert workdays.add_natural_days(cal, date(2026, 3, 2), 5) == date(2026, 3, 9)  # Sat 3-7 → Mon 3-9
    assert workdays.add_natural_days(cal, date(2026, 3, 2), 3) == date(2026, 3, 5)


def test_months_use_the_corresponding_day(cal):
    assert workdays.add_months(cal, date(2026, 1, 31), 1) == date(2026, 2, 28)  # a 调休 Saturday: a workday
    assert workdays.add_months(cal, date(2026, 8, 31), 1) == date(2026, 9, 30)
    assert workdays.add_months(cal, date(2025, 12, 15), 2, roll=False) == date(2026, 2, 15)
    assert workdays.add_months(cal, date(2025, 12, 15), 2) == date(2026, 2, 24)  # 春节 → first workday after
    assert workdays.add_months(cal, date(2026, 11, 30), 3, roll=False) == date(2027, 2, 28)


def test_negative_periods_are_refused(cal):
    with pytest.raises(ValidationError) as ex:
        workdays.add_workdays(cal, date(2026, 3, 2), -1)
    assert ex.value.field == "工作日数"


def test_deadline_records_rule_and_calendar_version(cal):
    due = workdays.deadline(cal, "notice", date(2026, 1, 30))
    assert due.due == date(2026, 2, 4)
    assert "3个工作日" in due.rule and "限期改正" in due.rule
    assert due.calendar_version.startswith("chinese-calendar") and "本地调整 0 天" in due.calendar_version
    assert due.warnings == ()
    urgent = workdays.deadline(cal, "complaint_urgent", datetime(2026, 2, 14, 16, 30))
    assert urgent.due_at == datetime(2026, 2, 15, 16, 30) and "24小时" in urgent.rule
    with pytest.raises(ValidationError) as ex:
        workdays.deadline(cal, "complaint_urgent", date(2026, 2, 14))
    assert ex.value.field == "受理时间"
    with pytest.raises(ValidationError):
        workdays.deadline(cal, "no-such-rule", date(2026, 2, 14))


def test_unknown_year_warns_never_crashes(cal):
    assert not cal.knows_year(2035)
    assert workdays.add_workdays(cal, date(2035, 1, 5), 3) == date(2035, 1, 10)  # Fri → Wed, weekdays only
    due = workdays.period(cal, date(2034, 12, 20), 30, "days")
    assert due.due == date(2035, 1, 19)
    assert any("2035" in w and "尚未录入" in w for w in due.warnings)
    assert workdays.calendar_warnings(cal, date(2026, 11, 30)) == []
    december = workdays.calendar_warnings(cal, date(2026, 12, 1))
    assert len(december) == 1 and "2027" in december[0]


def test_overrides_win_and_change_the_version(ctx, monkeypatch):
    monkeypatch.setattr(workdays, "_builtin_years", lambda: (2004, 2026))
    before = workdays.get_calendar(ctx).version
    n = workdays.set_overrides(ctx, [(date(2026, 10, 8), HOLIDAY, "补休"),
                                     (date(2026, 10, 3), ADJUSTED_WORKDAY, "调休上班"),
                                     (date(2027, 1, 1), HOLIDAY, "元旦")], "国办发明电〔2026〕9号")
    assert n == 3
    cal = workdays.get_calendar(ctx)
    assert not cal.is_workday(date(2026, 10, 8)) and cal.is_workday(date(2026, 10, 3))
    assert not cal.is_workday(date(2027, 1, 1)) and cal.knows_year(2027)
    assert workdays.calendar_warnings(cal, date(2026, 12, 1)) == []
    assert cal.version != before and "本地调整 3 天" in cal.version
    assert [o.source_notice for o in workdays.list_overrides(ctx, 2027)] == ["国办发明电〔2026〕9号"]
    workdays.remove_override(ctx, date(2026, 10, 8))
    assert workdays.get_calendar(ctx).is_workday(date(2026, 10, 8))


def test_override_without_notice_is_refused_and_nothing_written(ctx):
    with pytest.raises(ValidationError) as ex:
        workdays.set_overrides(ctx, [(date(2027, 1, 1), HOLIDAY, "元旦")], " ")
    assert ex.value.field == "通知文号"
    with pytest.raises(ValidationError) as ex:
        workdays.set_overrides(ctx, [(date(2027, 1, 1), "WEEKEND", "")], "国办发明电〔2026〕9号")
    assert ex.value.field == "类型"
    assert count(ctx, CalendarOverride) == 0
