"""Fuzzing (hypothesis, bounded) the 举报投诉 inputs: each call succeeds or refuses naming the field, writing nothing."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fireoffice.services import complaints
from fireoffice.services.complaints import ComplaintInput, NotificationInput, VerificationInput
from fireoffice.services.errors import ServiceError, ValidationError
from tests.services.insp_helpers import audit_count, make_officers, make_units

FUZZ = settings(max_examples=40, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
moment = st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1))
NOW = datetime(2026, 2, 10, 12, 0)


def _call(ctx, fn):
    before = audit_count(ctx)
    try:
        return fn()
    except ValidationError as error:
        assert error.field, error
    except ServiceError as error:
        assert str(error)
    assert audit_count(ctx) == before
    return None


@pytest.fixture
def world(ctx):
    unit = make_units(ctx, 1)[0]
    people = make_officers(ctx)
    info = complaints.register_complaint(ctx, ComplaintInput(
        received_at=datetime(2026, 1, 30, 9, 0), source="12345", category="其他消防安全违法行为",
        content="仓库堆放油漆稀料", complainant_name="张三", unit_uid=unit), now=NOW)
    return unit, people, info.uid


@FUZZ
@given(received=moment, source=st.sampled_from([*complaints.SOURCES, "", "微信"]),
       category=st.sampled_from([*complaints.CATEGORIES, "", "x"]), content=text, name=text, contact=text,
       anonymous=st.booleans(), with_unit=st.booleans(), reported=text)
def test_intake_inputs(ctx, world, received, source, category, content, name, contact, anonymous, with_unit,
                       reported):
    data = ComplaintInput(received_at=received, source=source, category=category, content=content,
                          complainant_name=name, complainant_contact=contact, anonymous=anonymous,
                          unit_uid=world[0] if with_unit else None, reported_name=reported)
    info = _call(ctx, lambda: complaints.register_complaint(ctx, data, now=NOW))
    if info is not None:
        assert info.due_at > info.received_at and info.status == "待核查"


@FUZZ
@given(at=moment, result=st.sampled_from([*complaints.RESULTS, "", "x"]), findings=text,
       handling=st.sampled_from([*complaints.HANDLINGS, "", "x"]), doc_no=text, officers=st.integers(0, 4),
       told=st.one_of(st.none(), moment), method=st.sampled_from([*complaints.NOTIFY_METHODS, "", "x"]),
       reason=text)
def test_verification_and_notification_inputs(ctx, world, at, result, findings, handling, doc_no, officers, told,
                                              method, reason):
    _unit, people, uid = world
    staff = tuple(list(people.values())[:officers])
    _call(ctx, lambda: complaints.record_verification(ctx, uid, VerificationInput(
        verified_at=at, result=result, findings=findings, officer_uids=staff, handling=handling, doc_no=doc_no),
        now=NOW))
    _call(ctx, lambda: complaints.record_notification(ctx, uid, NotificationInput(
        notified_at=told, method=method, unable_reason=reason), now=NOW))
    _call(ctx, lambda: complaints.close_complaint(ctx, uid, now=NOW))
