"""`fireoffice training …`: sheet PDF and xlsx, list and stats JSON; exit codes 0 done, 1 refused, 2 usage."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fireoffice.cli import main
from fireoffice.db.session import Database
from fireoffice.services import training_invite
from fireoffice.services.context import ServiceContext
from tests.services.test_training import make_session, make_units


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def target(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", db, "db", "upgrade")[0] == 0
    return db


@pytest.fixture
def sessions(target):
    database = Database.open(target)
    ctx = ServiceContext(db=database)
    uids = make_units(ctx, 3)
    full = make_session(ctx, topic="冬春火灾防控培训")
    training_invite.invite_units(ctx, full.uid, uids)
    empty = make_session(ctx, topic="还没邀请单位的培训")
    database.dispose()
    return full, empty


def test_sheet_writes_a_pdf(capsys, tmp_path, target, sessions):
    full, _empty = sessions
    out_file = tmp_path / "签到表.pdf"
    code, out, err = run(capsys, "--db", target, "training", "sheet", full.session_no, str(out_file))
    assert code == 0, err
    assert full.session_no in out and out_file.read_bytes().startswith(b"%PDF")
    code, out, err = run(capsys, "--db", target, "training", "sheet", full.session_no, str(tmp_path / "s.xlsx"),
                         "--xlsx")
    assert code == 0 and (tmp_path / "s.xlsx").stat().st_size > 0


def test_sheet_refusals_exit_1(capsys, tmp_path, target, sessions):
    _full, empty = sessions
    code, out, err = run(capsys, "--db", target, "training", "sheet", "PX-1999-001", str(tmp_path / "x.pdf"))
    assert code == 1 and "PX-1999-001" in err and out == ""
    code, _out, err = run(capsys, "--db", target, "training", "sheet", empty.session_no, str(tmp_path / "x.pdf"))
    assert code == 1 and "还没有邀请" in err and not (tmp_path / "x.pdf").exists()
    code, _out, err = run(capsys, "--db", target, "training", "sheet", empty.session_no,
                          str(tmp_path / "missing" / "x.pdf"))
    assert code == 1


@pytest.mark.parametrize("argv", [("training", "sheet", "PX-1"), ("training", "stats", "--year", "twenty"),
                                  ("training",)])
def test_usage_errors_exit_2(capsys, target, argv):
    with pytest.raises(SystemExit) as exc:
        main(["--db", target, *argv])
    assert exc.value.code == 2 and "用法错误" in capsys.readouterr().err


def test_list_and_stats_json(capsys, target, sessions):
    full, empty = sessions
    code, out, _err = run(capsys, "--db", target, "training", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and {r["number"] for r in rows} == {full.session_no, empty.session_no}
    assert set(rows[0]) >= {"number", "uid", "type", "topic", "date", "status", "invited", "present", "units"}
    code, out, _err = run(capsys, "--db", target, "training", "stats", "--year", str(full.held_on.year), "--json")
    stats = json.loads(out)
    assert code == 0 and stats["register"] == 3 and len(stats["months"]) == 12
    assert stats["total"]["sessions"] == 2 and stats["total"]["units"] == 0
    assert set(stats["interviews"]) == {"units", "people", "one_to_one", "pledges"}
    code, out, _err = run(capsys, "--db", target, "training", "stats")
    assert code == 0 and f"{date.today().year} 年" in out
