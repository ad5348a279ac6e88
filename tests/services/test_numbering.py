"""Document numbers: gap-free per issuer, type and year; rendered by template; never the same number twice,
even from two writers at once on one SQLite file or one PostgreSQL database."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from fireoffice.db import migrate
from fireoffice.db.models import AuditEvent, DocSequence
from fireoffice.db.session import Database
from fireoffice.services import numbering, station
from fireoffice.services.errors import ValidationError


def _allocate(db: Database, issuer="临东", doc_type="约谈通知书", year=2026) -> int:
    with db.write() as s:
        return numbering.allocate(s, issuer, doc_type, year)


def test_sequences_count_per_issuer_type_and_year(db):
    assert [_allocate(db) for _ in range(3)] == [1, 2, 3]
    assert _allocate(db, year=2027) == 1
    assert _allocate(db, doc_type="责令限期改正通知书") == 1
    assert _allocate(db, issuer="临西") == 1
    assert _allocate(db) == 4
    with db.read() as s:
        assert numbering.peek(s, "临东", "约谈通知书", 2026) == 5
        assert numbering.peek(s, "临东", "约谈通知书", 2030) == 1


def test_a_rolled_back_document_gives_its_number_back(db):
    assert _allocate(db) == 1
    with pytest.raises(RuntimeError), db.write() as s:
        assert numbering.allocate(s, "临东", "约谈通知书", 2026) == 2
        raise RuntimeError("the document could not be saved")
    assert _allocate(db) == 2  # no gap


def test_render_templates():
    assert numbering.render(numbering.FORM_TEMPLATE, "临东", "约", 2026, 7) == "临东消约字〔2026〕第007号"
    assert numbering.render(numbering.GBT9704_TEMPLATE, "临东", "约", 2026, 7) == "临东〔2026〕7号"
    assert numbering.render(numbering.FORM_TEMPLATE, "临东", "约", 2026, 1234) == "临东消约字〔2026〕第1234号"


@pytest.mark.parametrize("template, message", [
    ("{issuer}〔{year}〕号", "{seq}"), ("{org}消{type}字第{seq}号", "org"), ("{issuer〔{year}〕{seq}号", "无法使用"),
    ("{seq:q}", "无法使用"),
])
def test_bad_templates_are_refused(template, message):
    with pytest.raises(ValidationError) as err:
        numbering.check_template(template)
    assert message in str(err.value)


def test_issue_number_uses_station_code_and_template(ctx):
    with ctx.db.write() as s, pytest.raises(ValidationError, match="文书机关代字"):
        numbering.issue_number(s, "tester", "约谈通知书", 2026)
    station.update_station(ctx, {"name": "东城街道消防工作所", "issuer_code": "临东"})
    with ctx.db.write() as s:
        first = numbering.issue_number(s, "tester", "约谈通知书", 2026)
    assert (first.seq, first.type_code, first.text) == (1, "约", "临东消约字〔2026〕第001号")
    numbering.set_template(ctx, "约谈通知书", numbering.GBT9704_TEMPLATE)
    with ctx.db.write() as s:
        assert numbering.issue_number(s, "tester", "约谈通知书", 2026).text == "临东〔2026〕2号"
        assert numbering.template_for(s, "责令限期改正通知书") == numbering.FORM_TEMPLATE
    with ctx.db.read() as s:
        actions = list(s.execute(select(AuditEvent.action)).scalars())
    assert actions.count("分配文号") == 2 and "修改文号格式" in actions


def test_bad_keys_are_refused(db):
    with db.write() as s:
        for issuer, doc_type, year in (("临东", "", 2026), ("临东", "约", 1999), ("临" * 21, "约", 2026)):
            with pytest.raises(ValidationError):
                numbering.allocate(s, issuer, doc_type, year)


def _race(url: str, per_thread: int = 40, threads: int = 2) -> list[int]:
    got: list[int] = []
    lock = threading.Lock()
    errors: list[BaseException] = []
    start = threading.Barrier(threads)

    def worker() -> None:
        database = Database.open(url)  # each writer its own engine and connections, like a second PC
        try:
            start.wait()
            for _ in range(per_thread):
                n = _allocate(database)
                with lock:
                    got.append(n)
        except BaseException as error:  # reported by the test, not lost in the thread
            errors.append(error)
        finally:
            database.dispose()

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert not errors, errors
    return got


def test_two_writers_on_one_sqlite_file_never_share_a_number(db):
    got = _race(db.url)
    assert sorted(got) == list(range(1, 81))
    with db.read() as s:
        assert s.execute(select(DocSequence.last_seq)).scalar_one() == 80


@pytest.mark.postgres
def test_two_writers_on_postgresql_never_share_a_number(pg_url):
    database = Database.open(pg_url)
    migrate.upgrade(database.engine)
    database.dispose()
    got = _race(pg_url, per_thread=30, threads=3)
    assert sorted(got) == list(range(1, 91))


def test_issue_number_with_a_callers_own_code_and_template(db):
    with db.write() as s:
        number = numbering.issue_number(s, "tester", "责令限期改正通知书", 2026, issuer_code="临东", type_code="责改",
                                        template=numbering.GBT9704_TEMPLATE.replace("〔", "消{type}字〔"))
    assert number.text == "临东消责改字〔2026〕1号" and number.seq == 1
