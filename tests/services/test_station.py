"""Station profile service: validation with Chinese field names, audit event per change."""

from __future__ import annotations

import pytest

from fireoffice.services import audit, station
from fireoffice.services.errors import ValidationError


def test_new_database_has_no_profile(ctx):
    assert station.get_station(ctx) is None


def test_update_creates_and_marks_configured(ctx):
    info = station.update_station(ctx, {"name": " 东城街道消防工作所 ", "enforcement_mode": "赋权",
                                        "issuer_code": "临东"})
    assert info.name == "东城街道消防工作所"
    assert info.configured and info.enforcement_mode == "赋权"
    assert station.get_station(ctx) == info


@pytest.mark.parametrize(("changes", "field"), [
    ({"name": ""}, "单位名称"),
    ({"name": "x", "enforcement_mode": "授权"}, "执法方式"),
    ({"name": "x", "issuer_code": "临 东"}, "文书机关代字"),
    ({"name": "名" * 101}, "单位名称"),
    ({"name": "x", "level": "大队"}, "机构级别"),
])
def test_refusals_name_the_field_and_write_nothing(ctx, changes, field):
    with pytest.raises(ValidationError) as err:
        station.update_station(ctx, changes)
    assert err.value.field == field
    assert station.get_station(ctx) is None


def test_each_change_is_audited_in_a_valid_chain(ctx):
    station.update_station(ctx, {"name": "甲所"})
    station.update_station(ctx, {"head_name": "王建国"})
    with ctx.db.read() as s:
        report = audit.verify(s)
    assert report.ok and report.events == 2
