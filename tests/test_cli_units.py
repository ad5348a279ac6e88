"""`fireoffice units …`: exit codes (0 done, 1 refused, 2 usage), JSON shapes, messages naming row and field."""

from __future__ import annotations

import json

import openpyxl
import pytest

from fireoffice.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def make(path, rows):
    wb = openpyxl.Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return str(path)


@pytest.fixture
def target(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert run(capsys, "--db", db, "db", "upgrade")[0] == 0
    return db


GOOD = [["单位名称", "地址", "统一社会信用代码", "责任人电话"],
        ["老王火锅店", "解放路12号", "91141124956866773H", "13912345678"],
        ["惠民超市", "柳林村村口", None, "0358-4421119"]]


def test_import_json_then_search_and_export(capsys, tmp_path, target):
    path = make(tmp_path / "u.xlsx", GOOD)
    code, out, err = run(capsys, "--db", target, "units", "import", path, "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "imported": 2, "updated": 0, "skipped": 0, "errors": [], "merged": 0,
                               "refused": 0, "dry_run": False, "header_row": 1, "rows": 2}
    code, out, _ = run(capsys, "--db", target, "units", "import", path, "--json", "--on-duplicate", "skip")
    assert json.loads(out)["skipped"] == 2
    code, out, _ = run(capsys, "--db", target, "units", "search", "hgd", "--json")
    hits = json.loads(out)
    assert code == 0 and [h["name"] for h in hits] == ["老王火锅店"]
    assert set(hits[0]) == {"uid", "name", "address", "uscc"} and hits[0]["uscc"] == "91141124956866773H"
    code, out, _ = run(capsys, "--db", target, "units", "search", "4421119")
    assert code == 0 and out.startswith("惠民超市\t柳林村村口")
    code, out, _ = run(capsys, "--db", target, "units", "search", "没有这家", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", target, "units", "export", str(tmp_path / "out.xlsx"))
    assert code == 0 and "2 家" in out and (tmp_path / "out.xlsx").exists()
    code, out, _ = run(capsys, "--db", target, "units", "template", str(tmp_path / "t.xlsx"))
    assert code == 0 and (tmp_path / "t.xlsx").exists()


def test_refused_import_exits_1_naming_row_and_field(capsys, tmp_path, target):
    rows = [*GOOD, ["坏单位", "某路", "91141124956866773A", "abcdefg"]]
    path = make(tmp_path / "bad.xlsx", rows)
    code, out, err = run(capsys, "--db", target, "units", "import", path)
    assert code == 1 and out == ""
    assert "第 4 行 统一社会信用代码：" in err and "第 4 行 消防安全责任人电话：" in err
    assert "没有导入任何单位" in err and "Traceback" not in err
    code, out, err = run(capsys, "--db", target, "units", "import", path, "--json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False and doc["imported"] == 0
    assert {(e["row"], e["field"]) for e in doc["errors"]} == {(4, "统一社会信用代码"), (4, "消防安全责任人电话")}
    code, out, err = run(capsys, "--db", target, "units", "import", path, "--dry-run", "--valid-only", "--json")
    assert code == 0 and json.loads(out)["imported"] == 2 and json.loads(out)["dry_run"] is True
    code, out, err = run(capsys, "--db", target, "units", "import", path, "--valid-only")
    assert code == 0 and "已导入 2 家" in out and "不符合要求 1 行" in out and "第 4 行" in err


def test_file_level_refusals(capsys, tmp_path, target):
    text = tmp_path / "list.xlsx"
    text.write_text("单位名称,地址\n甲,一路\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", target, "units", "import", str(text))
    assert code == 1 and "文件：" in err and "文本文件" in err and err.count("\n") == 1
    code, out, err = run(capsys, "--db", target, "units", "import", str(text), "--json")
    doc = json.loads(out)
    assert code == 1 and doc["ok"] is False and doc["errors"][0]["row"] is None
    assert doc["errors"][0]["field"] == "文件"


def test_usage_errors_exit_2(capsys, target):
    for argv in (["units", "import"], ["units", "search", "x", "--limit", "0"],
                 ["units", "import", "f.xlsx", "--on-duplicate", "replace"]):
        with pytest.raises(SystemExit) as ex:
            main(["--db", target, *argv])
        assert ex.value.code == 2
    capsys.readouterr()
