"""Fuzzing (hypothesis, bounded): every service input and the spreadsheet importer either succeed or refuse with
a ServiceError naming the field or row — never an uncaught exception, never anything half-written."""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fireoffice.services import classification, hazards, inspections, station, unit_import, units
from fireoffice.services.classification import METRICS, OPS, Rule
from fireoffice.services.errors import ServiceError, ValidationError
from fireoffice.services.unit_fields import FIELDS
from tests.services.insp_helpers import audit_count, hazard, make_officers, make_units

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
scalar = st.one_of(st.none(), text, st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True),
                   st.booleans(), st.dates(date(1800, 1, 1), date(2200, 1, 1)))
_counter = itertools.count()


@contextmanager
def refused_cleanly(ctx):
    """A refusal is a ServiceError naming where; then the audit log (every write adds to it) is unchanged."""
    before = audit_count(ctx)
    try:
        yield
    except ValidationError as error:
        assert error.field or error.row is not None, error
        assert audit_count(ctx) == before
    except ServiceError as error:
        assert str(error)
        assert audit_count(ctx) == before


@FUZZ
@given(changes=st.dictionaries(st.sampled_from([*station.TEXT_FIELDS, "unknown", "configured"]), scalar, max_size=6))
def test_station_update(ctx, changes):
    with refused_cleanly(ctx):
        station.update_station(ctx, changes)


unit_keys = st.sampled_from([f.key for f in FIELDS] + ["bogus"])


@FUZZ
@given(values=st.dictionaries(unit_keys, scalar, max_size=8), name=text, address=text)
def test_create_and_update_unit(ctx, values, name, address):
    values = {"name": name or f"单位{next(_counter)}", "address": address or "东城街道1号", **values}
    with refused_cleanly(ctx):
        created = units.create_unit(ctx, values, allow_duplicate=True)
        with refused_cleanly(ctx):
            units.update_unit(ctx, created.uid, {k: v for k, v in values.items() if k != "name"})


cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60)  # what xlsx can hold
cell = st.one_of(st.none(), cell_text, st.integers(-10**12, 10**12), st.floats(allow_nan=False), st.booleans(),
                 st.dates(date(1900, 3, 1), date(2200, 1, 1)))


@FUZZ
@given(rows=st.lists(st.lists(cell, min_size=0, max_size=5), max_size=12),
       header=st.lists(st.sampled_from(["单位名称", "地址", "统一社会信用代码", "消防安全责任人", "联系电话",
                                        "床位数", "建筑面积", "乱七八糟", ""]), min_size=0, max_size=5))
def test_import_generated_sheets(ctx, tmp_path_factory, header, rows):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append([v.isoformat() if isinstance(v, date) else v for v in row])
    path = tmp_path_factory.mktemp("fuzz") / "sheet.xlsx"
    wb.save(path)
    before = audit_count(ctx)
    try:
        report = unit_import.import_units(ctx, path)
    except ServiceError as error:
        assert str(error)
        assert audit_count(ctx) == before
        return
    for problem in getattr(report, "errors", []):
        assert getattr(problem, "row", None) is not None or getattr(problem, "field", "")


@FUZZ
@given(rules=st.lists(st.builds(Rule, kind=st.sampled_from([*classification.KINDS, "其他"]), category=text,
                                use_natures=st.lists(text, max_size=2).map(tuple),
                                metric=st.sampled_from([*METRICS, "x"]), op=st.sampled_from([*OPS, "=="]),
                                threshold=st.floats(allow_nan=True, allow_infinity=True),
                                keywords=st.lists(text, max_size=2).map(tuple)), max_size=4),
       name=text)
def test_classification_rules(ctx, rules, name):
    with refused_cleanly(ctx):
        classification.save_rule_set(ctx, name, rules, activate=False)


@pytest.fixture
def world(ctx):
    return make_units(ctx, 1)[0], make_officers(ctx)


@FUZZ
@given(description=text, location=text, severity=st.sampled_from(["", "一般", "重大", "x"]),
       amount=st.one_of(st.none(), st.integers(-5, 400)), unit=st.sampled_from(["days", "workdays", "months", "x"]),
       found=st.dates(date(1990, 1, 1), date(2100, 1, 1)))
def test_hazard_inputs(ctx, world, description, location, severity, amount, unit, found):
    with refused_cleanly(ctx):
        hazards.report_hazard(ctx, world[0], hazard(description, location, severity=severity,
                                                    deadline_amount=amount, deadline_unit=unit), found)


@FUZZ
@given(kind=st.sampled_from(["日常检查", "双随机", "x", ""]), minutes=st.integers(-600, 6000),
       officers=st.integers(0, 3), outcome=st.sampled_from(["完成", "未遇", "x"]), summary=text)
def test_inspection_inputs(ctx, world, kind, minutes, officers, outcome, summary):
    unit_uid, people = world
    start = datetime(2026, 1, 30, 9, 0)
    data = inspections.InspectionInput(unit_uid=unit_uid, inspection_type=kind, started_at=start,
                                       ended_at=start + timedelta(minutes=minutes),
                                       officer_uids=tuple(list(people.values())[:officers]), outcome=outcome,
                                       summary=summary)
    with refused_cleanly(ctx):
        inspections.create_inspection(ctx, data)
