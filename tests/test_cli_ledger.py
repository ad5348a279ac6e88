"""`fireoffice ledger export` and `exchange export|import`: exit codes, JSON shape, refusals in plain words."""

from __future__ import annotations

import json

import pytest
from python_calamine import CalamineWorkbook

from fireoffice.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ledger_and_exchange_round_trip(capsys, tmp_path):
    station = str(tmp_path / "station.sqlite")
    county = str(tmp_path / "county.sqlite")
    assert run(capsys, "--db", station, "demo", "--units", "60", "--seed", "3")[0] == 0
    assert run(capsys, "--db", station, "station", "set", "--name", "东城街道消防工作所")[0] == 0
    out = tmp_path / "h.xlsx"
    code, text, _ = run(capsys, "--db", station, "ledger", "export", "hazards", str(out), "--from", "2020-01-01",
                        "--to", "2099-12-31")
    assert code == 0 and "隐患整改台账" in text
    assert CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()[-1][0].startswith("合计")
    code, text, _ = run(capsys, "--db", station, "ledger", "export", "complaints", str(tmp_path / "c.xlsx"))
    assert code == 0 and "举报投诉台账" in text
    sheet = CalamineWorkbook.from_path(str(tmp_path / "c.xlsx")).get_sheet_by_index(0).to_python()
    assert sheet[2][0] == "受理编号" and sheet[-1][0].startswith("合计") and len(sheet) > 10
    with pytest.raises(SystemExit) as usage:
        run(capsys, "--db", station, "ledger", "export", "hazards", str(out), "--from", "2026-13-01")
    assert usage.value.code == 2
    code, _, err = run(capsys, "--db", station, "ledger", "export", "hazards", str(out), "--from", "2026-02-01",
                       "--to", "2026-01-01")
    assert code == 1 and "开始日期" in err
    pkg = tmp_path / "p.zip"
    assert run(capsys, "--db", station, "exchange", "export", str(pkg), "--since", "2000-01-01")[0] == 0
    assert run(capsys, "--db", county, "db", "upgrade")[0] == 0
    code, text, _ = run(capsys, "--db", county, "exchange", "import", str(pkg), "--json")
    first = json.loads(text)
    assert code == 0 and first["ok"] and first["inserted"] > 0 and first["updated"] == 0
    code, text, _ = run(capsys, "--db", county, "exchange", "import", str(pkg), "--json")
    again = json.loads(text)
    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, first["inserted"])
    broken = tmp_path / "broken.zip"
    broken.write_bytes(pkg.read_bytes()[:1000])
    code, text, err = run(capsys, "--db", county, "exchange", "import", str(broken), "--json")
    assert code == 1 and json.loads(text)["ok"] is False and "没有导入任何数据" in err
    code, _, err = run(capsys, "--db", county, "exchange", "import", str(broken))
    assert code == 1 and "不完整" in err
