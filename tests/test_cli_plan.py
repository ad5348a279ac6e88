"""`fireoffice plan draw|verify|publish|kit`: the JSON shape, exit codes 0/1/2, plain Chinese refusals."""

from __future__ import annotations

import json
import sqlite3

import pytest

from fireoffice.cli import main

MONTH = "2031-06"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    target = tmp_path_factory.mktemp("plan") / "demo.sqlite"
    assert main(["--db", str(target), "demo", "--units", "200", "--seed", "11"]) == 0
    return target


@pytest.fixture
def target(demo_db, tmp_path):
    copy = tmp_path / "d.sqlite"
    with sqlite3.connect(demo_db) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    with sqlite3.connect(copy) as conn:  # the draws below use a month far from the demo's own (around today)
        conn.execute("UPDATE user_account SET cert_valid_until = '2035-12-31' WHERE cert_no != ''")
    return str(copy)


def test_draw_json_shape_then_verify(capsys, target):
    code, out, err = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "8", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert {"seed", "pool_hash", "units"} <= set(data)
    assert len(data["seed"]) == 32 and len(data["pool_hash"]) == 64
    assert len(data["units"]) >= 8
    for unit in data["units"]:
        assert set(unit) == {"uid", "name", "officers"}
        assert len(unit["officers"]) == 2 and all(isinstance(o, str) and o for o in unit["officers"])
    code, out, err = run(capsys, "--db", target, "plan", "verify", data["draw_id"])
    assert code == 0 and "核对无误" in out and err == ""


def test_verify_names_what_was_changed(capsys, target):
    code, out, _ = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--ratio", "0.05",
                       "--seed", "公开摇号", "--json")
    draw_id = json.loads(out)["draw_id"]
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE inspection_draw SET seed = 'another' WHERE uid = ?", (draw_id,))
    code, out, err = run(capsys, "--db", target, "plan", "verify", draw_id[:8])
    assert code == 1 and "随机种子" in err and "审计日志" in err and "Traceback" not in err


def test_usage_errors_exit_2(capsys, target):
    for argv in (["plan", "draw", "--month", MONTH],
                 ["plan", "draw", "--month", MONTH, "--count", "3", "--ratio", "0.1"],
                 ["plan", "draw", "--month", MONTH, "--count", "x"]):
        with pytest.raises(SystemExit) as ex:
            main(["--db", target, *argv])
        assert ex.value.code == 2
    capsys.readouterr()


def test_refusals_exit_1_in_plain_chinese(capsys, target):
    code, _, err = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "3",
                       "--category", "重点单位", "--risk", "低")
    assert code == 1 and "抽查对象" in err and "没有可抽取的单位" in err
    code, _, err = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "100000")
    assert code == 1 and "抽取数量" in err
    code, _, err = run(capsys, "--db", target, "plan", "draw", "--month", "2031/06", "--count", "3")
    assert code == 1 and "月份" in err
    assert run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "3")[0] == 0
    code, _, err = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "3")
    assert code == 1 and "已经抽取过" in err
    code, _, err = run(capsys, "--db", target, "plan", "verify", "ffffffff")
    assert code == 1 and "没有找到" in err
    assert "Traceback" not in err


def test_publish_and_field_kit(capsys, target, tmp_path):
    code, out, _ = run(capsys, "--db", target, "plan", "draw", "--month", MONTH, "--count", "4", "--json")
    draw_id = json.loads(out)["draw_id"]
    for name, extra in (("list.pdf", ()), ("list.xlsx", ()), ("results.pdf", ("--results",))):
        code, out, err = run(capsys, "--db", target, "plan", "publish", draw_id, str(tmp_path / name), *extra)
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "list.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "--db", target, "plan", "publish", draw_id, str(tmp_path / "list.doc"))
    assert code == 1 and ".pdf" in err
    with sqlite3.connect(target) as conn:
        plan_uid = conn.execute("SELECT p.uid FROM inspection_plan p JOIN inspection_draw d ON d.plan_id = p.id "
                                "WHERE d.uid = ?", (draw_id,)).fetchone()[0]
    code, out, err = run(capsys, "--db", target, "plan", "kit", plan_uid, str(tmp_path / "kit.pdf"))
    assert code == 0 and (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF")


def test_demo_draws_verify(capsys, target):
    with sqlite3.connect(target) as conn:
        ids = [r[0] for r in conn.execute("SELECT uid FROM inspection_draw")]
    assert len(ids) == 3  # the demo's last three months
    for draw_id in ids:
        code, out, err = run(capsys, "--db", target, "plan", "verify", draw_id)
        assert code == 0, err
