"""The 举报投诉 flow, the overdue list and the ledger on a real PostgreSQL server (timestamptz comparisons)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fireoffice.db import migrate
from fireoffice.db.session import Database
from fireoffice.services import complaint_queries, complaints, ledgers
from fireoffice.services.complaints import ComplaintInput, NotificationInput, VerificationInput
from fireoffice.services.context import Actor, ServiceContext
from tests.services.insp_helpers import make_officers, make_units

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_ctx(pg_url):
    db = Database.open(pg_url)
    migrate.upgrade(db.engine)
    yield ServiceContext(db=db, actor=Actor(username="tester", display_name="测试员"))
    db.dispose()


def test_complaint_flow_on_postgresql(pg_ctx, tmp_path):
    ctx = pg_ctx
    units = make_units(ctx, 2)
    people = make_officers(ctx)
    now = datetime(2026, 2, 10, 12, 0)
    urgent = complaints.register_complaint(ctx, ComplaintInput(
        received_at=datetime(2026, 1, 30, 9, 15), source="119", category="擅自停用、损坏消防设施",
        content="商场喷淋系统被关闭", complainant_name="王五", complainant_contact="13812345678",
        unit_uid=units[0]), now=now)
    assert urgent.due_at - urgent.received_at == timedelta(hours=24)
    normal = complaints.register_complaint(ctx, ComplaintInput(
        received_at=datetime(2026, 2, 9, 10, 0), source="网络", category="其他消防安全违法行为",
        content="仓库堆放大量油漆", anonymous=True, reported_name="某仓库"), now=now)
    assert [r.uid for r in complaints.overdue_complaints(ctx, now=now)] == [urgent.uid]
    done = complaints.record_verification(ctx, urgent.uid, VerificationInput(
        verified_at=datetime(2026, 1, 31, 8, 0), result="属实", findings="喷淋阀门被关闭，已当场开启",
        officer_uids=(people["张执法"], people["李执法"]), handling="当场改正"), now=now)
    assert done.status == "已核查" and not done.verified_late
    complaints.record_notification(ctx, urgent.uid, NotificationInput(datetime(2026, 1, 31, 10, 0), "电话"), now=now)
    assert complaints.close_complaint(ctx, urgent.uid, now=now).status == "已办结"
    assert complaint_queries.complaint_counts(ctx, now=now)["逾期"] == 0
    assert complaint_queries.list_complaints(ctx, now=now).total == 2 and normal.anonymous
    assert ledgers.export_ledger(ctx, "complaints", tmp_path / "c.xlsx").rows == 2
