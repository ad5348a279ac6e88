"""`docs list` and `docs pdf`: JSON shape of ../shared/cli.md, archived PDF written, unknown number exits 1."""

from __future__ import annotations

import json

from fireoffice.cli import main
from tests.services.doc_helpers import issued_notice, pending_notice, world


def test_docs_list_and_pdf(ctx, db, capsys, tmp_path):
    w = world(ctx)
    issued_notice(w)
    pending_notice(w)  # no number: not in the register listing
    capsys.readouterr()
    assert main(["--db", db.url.removeprefix("sqlite:///"), "docs", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and set(rows[0]) == {"number", "type", "status", "unit", "issued_at"}
    assert rows[0]["number"] == "临东消限字〔2026〕第001号" and rows[0]["status"] == "已签发"
    out = tmp_path / "n.pdf"
    assert main(["--db", db.url.removeprefix("sqlite:///"), "docs", "pdf", rows[0]["number"], str(out)]) == 0
    assert out.read_bytes()[:4] == b"%PDF"
    assert main(["--db", db.url.removeprefix("sqlite:///"), "docs", "pdf", "没有这个号", str(out)]) == 1
    assert "没有文号" in capsys.readouterr().err


def test_docs_pdf_prints_an_interview_notice_by_its_number(ctx, db, capsys, tmp_path):
    from sqlalchemy import select

    from fireoffice.db.models import InterviewRecord
    from fireoffice.services import demo, documents_pdf
    from fireoffice.services.context import Actor, ServiceContext

    demo.fill_demo(ctx, units=60, seed=2)
    with ctx.db.read() as s:
        number = s.execute(select(InterviewRecord.notice_no).where(InterviewRecord.notice_no != "")).scalars().first()
    assert number, "the demo has numbered 约谈通知书"
    out = tmp_path / "约谈.pdf"
    assert main(["--db", db.url.removeprefix("sqlite:///"), "docs", "pdf", number, str(out)]) == 0
    assert out.read_bytes()[:4] == b"%PDF"
    # a reprint is a read: a county viewer may have it too, and nothing is numbered anew
    viewer = ServiceContext(ctx.db, Actor("county", "县局查看", "只读"))
    assert documents_pdf.pdf_by_number(viewer, number)[:4] == b"%PDF"
