"""Two processes on one SQLite file, two connections on PostgreSQL: numbers are never shared or skipped."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import date

import pytest
from sqlalchemy import select

from fireoffice.db import migrate
from fireoffice.db.models import EnforcementDocument
from fireoffice.db.session import Database
from fireoffice.services import documents_flow, documents_register
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import Conflict
from tests.services.doc_helpers import HEAD, pending_notice, world

N = 12


def _issue_all(url: str, uids: list[str], out) -> None:
    """Both workers try every document: each one is issued exactly once, the other gets a clear Conflict."""
    db = Database.open(url)
    ctx = ServiceContext(db, HEAD)
    issued, refused = 0, 0
    for uid in uids:
        try:
            documents_flow.issue(ctx, uid)
            issued += 1
        except Conflict:
            refused += 1
    db.dispose()
    out.put((issued, refused))


def _numbers(ctx) -> list[int]:
    with ctx.db.read() as s:
        return sorted(s.execute(select(EnforcementDocument.seq).where(EnforcementDocument.seq.is_not(None))).scalars())


def _prepare(ctx) -> list[str]:
    w = world(ctx)
    return [pending_notice(w) for _ in range(N)]


def test_two_processes_on_one_sqlite_file(ctx, db):
    uids = _prepare(ctx)
    mp = multiprocessing.get_context("spawn")
    out = mp.Queue()
    procs = [mp.Process(target=_issue_all, args=(db.url, order, out)) for order in (uids, list(reversed(uids)))]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    results = [out.get(timeout=5) for _ in procs]
    assert sum(r[0] for r in results) == N and sum(r[1] for r in results) == N
    assert _numbers(ctx) == list(range(1, N + 1))
    assert documents_register.gaps(ctx, date.today().year) == []


@pytest.mark.postgres
def test_two_connections_on_postgresql(pg_url):
    pg = Database.open(pg_url)
    migrate.upgrade(pg.engine)
    ctx = ServiceContext(pg, HEAD)
    uids = _prepare(ctx)
    other = Database.open(pg_url)
    import queue

    out: queue.Queue = queue.Queue()
    threads = [threading.Thread(target=_issue_all, args=(pg_url, order, out)) for order in (uids, uids[::-1])]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    results = [out.get(timeout=5) for _ in threads]
    assert sum(r[0] for r in results) == N
    assert _numbers(ctx) == list(range(1, N + 1))
    assert documents_register.gaps(ctx, date.today().year) == []
    other.dispose()
    pg.dispose()
