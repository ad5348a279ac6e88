"""The CLI contract: names, exit codes (0 done, 1 refused, 2 usage), JSON shapes, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fireoffice import __version__
from fireoffice.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as ex:
        main(["--version"])
    assert ex.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_demo_then_check(capsys, tmp_path):
    target = str(tmp_path / "d.sqlite")
    code, out, _ = run(capsys, "--db", target, "demo", "--units", "200", "--seed", "5")
    assert code == 0 and "200" in out
    code, out, _ = run(capsys, "--db", target, "db", "check", "--json")
    assert code == 0
    assert json.loads(out) == {"ok": True, "problems": []}


def test_upgrade_creates_database(capsys, tmp_path):
    target = tmp_path / "new.sqlite"
    code, out, _ = run(capsys, "--db", str(target), "db", "upgrade")
    assert code == 0 and target.exists()


def test_missing_folder_exits_1_with_one_line(capsys):
    code, out, err = run(capsys, "--db", "/no/such/dir/x.sqlite", "db", "check")
    assert code == 1
    assert err.strip().count("\n") == 0 and "文件夹不存在" in err
    assert "Traceback" not in err


def test_corrupt_file_exits_1(capsys, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 500)
    code, _, err = run(capsys, "--db", str(bad), "db", "check", "--json")
    assert code == 1 and "不是有效的数据库文件" in err


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as ex:
        main(["db", "frobnicate"])
    assert ex.value.code == 2


def test_station_set_validates(capsys, tmp_path):
    target = str(tmp_path / "s.sqlite")
    code, _, err = run(capsys, "--db", target, "station", "set", "--name", "")
    assert code == 1 and "单位名称" in err
    code, out, _ = run(capsys, "--db", target, "station", "set", "--name", "西城街道消防所", "--mode", "赋权",
                       "--issuer-code", "临西", "--head", "李四")
    assert code == 0
    code, out, _ = run(capsys, "--db", target, "station", "show")
    assert "西城街道消防所" in out and "赋权" in out and "李四" in out


def test_backup_restore_commands(capsys, tmp_path):
    target = str(tmp_path / "b.sqlite")
    run(capsys, "--db", target, "demo", "--units", "10")
    code, out, _ = run(capsys, "--db", target, "db", "backup", str(tmp_path / "bk.sqlite"))
    assert code == 0
    code, out, _ = run(capsys, "--db", target, "db", "restore", str(tmp_path / "bk.sqlite"))
    assert code == 0
    code, _, err = run(capsys, "--db", target, "db", "restore", str(tmp_path / "nope.sqlite"))
    assert code == 1 and "不存在" in err


def test_gui_without_display_says_what_to_do(tmp_path, monkeypatch):
    env = {"PATH": "/usr/bin:/bin", "FIREOFFICE_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "fireoffice", "--db", str(tmp_path / "g.sqlite")],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert "xvfb-run" in done.stderr and "QT_QPA_PLATFORM=offscreen" in done.stderr
    assert "Traceback" not in done.stderr
