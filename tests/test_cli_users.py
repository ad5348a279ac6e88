"""CLI accounts: the first user without login, then --user + FIREOFFICE_PASSWORD, roles as in the GUI,
`audit verify` exit codes, and file-level commands (db check/backup) that need no login."""

from __future__ import annotations

import json
import sqlite3

import pytest

from fireoffice.cli import main


@pytest.fixture
def target(tmp_path, monkeypatch) -> str:
    monkeypatch.delenv("FIREOFFICE_PASSWORD", raising=False)
    monkeypatch.delenv("FIREOFFICE_NEW_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)  # never prompt in tests
    return str(tmp_path / "u.sqlite")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _with_admin(capsys, monkeypatch, target):
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "secret123")
    code, out, err = run(capsys, "--db", target, "user", "add", "admin", "--role", "管理员", "--display-name", "王管理")
    assert code == 0, err
    assert "admin" in out


def test_first_user_then_login_required(capsys, monkeypatch, target):
    _with_admin(capsys, monkeypatch, target)
    monkeypatch.delenv("FIREOFFICE_PASSWORD")
    code, _, err = run(capsys, "--db", target, "station", "set", "--name", "东城街道消防工作所")
    assert code == 1 and "--user" in err
    code, _, err = run(capsys, "--db", target, "--user", "admin", "station", "set", "--name", "x")
    assert code == 1 and "FIREOFFICE_PASSWORD" in err  # no terminal to ask on
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "wrong")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "station", "set", "--name", "x")
    assert code == 1 and "不正确" in err and "Traceback" not in err
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "secret123")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "station", "set", "--name", "东城街道消防工作所")
    assert code == 0, err


def test_roles_are_checked_as_in_the_gui(capsys, monkeypatch, target):
    _with_admin(capsys, monkeypatch, target)
    monkeypatch.setenv("FIREOFFICE_NEW_PASSWORD", "gridpass1")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "user", "add", "grid", "--role", "网格员")
    assert code == 0, err
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "gridpass1")
    code, _, err = run(capsys, "--db", target, "--user", "grid", "station", "set", "--name", "别的所")
    assert code == 1 and "网格员" in err and "无权" in err
    code, _, err = run(capsys, "--db", target, "--user", "grid", "user", "add", "evil", "--role", "管理员")
    assert code == 1 and "无权" in err
    code, out, _ = run(capsys, "--db", target, "--user", "grid", "user", "list", "--json")
    assert code == 0 and {u["username"] for u in json.loads(out)} == {"admin", "grid"}


def test_passwd_own_and_admin_reset(capsys, monkeypatch, target):
    _with_admin(capsys, monkeypatch, target)
    monkeypatch.setenv("FIREOFFICE_NEW_PASSWORD", "newsecret1")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "user", "passwd", "admin")
    assert code == 0, err
    code, _, _ = run(capsys, "--db", target, "--user", "admin", "user", "list")
    assert code == 1  # the old password no longer works
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "newsecret1")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "user", "list")
    assert code == 0, err


def test_audit_verify_names_the_first_broken_event(capsys, monkeypatch, target):
    _with_admin(capsys, monkeypatch, target)
    run(capsys, "--db", target, "--user", "admin", "station", "set", "--name", "东城街道消防工作所")
    code, out, _ = run(capsys, "--db", target, "audit", "verify")
    assert code == 0 and "完整" in out
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE station_profile SET name = '别的所'")
    code, out, _ = run(capsys, "--db", target, "audit", "verify", "--json")
    report = json.loads(out)
    assert code == 1 and not report["ok"] and "审计记录 #" in report["problem"] and "station_profile" in report["problem"]
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE station_profile SET name = '东城街道消防工作所'")
        conn.execute("UPDATE audit_event SET actor = 'someone' WHERE id = 1")
    code, out, _ = run(capsys, "--db", target, "audit", "verify")
    assert code == 1 and "审计记录 #1" in out


def test_file_commands_need_no_login(capsys, monkeypatch, target, tmp_path):
    _with_admin(capsys, monkeypatch, target)
    monkeypatch.delenv("FIREOFFICE_PASSWORD")
    assert run(capsys, "--db", target, "db", "check")[0] == 0
    assert run(capsys, "--db", target, "db", "backup", str(tmp_path / "b.sqlite"))[0] == 0


def test_restore_needs_the_right_once_accounts_exist(capsys, monkeypatch, target, tmp_path):
    _with_admin(capsys, monkeypatch, target)
    backup = str(tmp_path / "b.sqlite")
    assert run(capsys, "--db", target, "db", "backup", backup)[0] == 0
    monkeypatch.setenv("FIREOFFICE_NEW_PASSWORD", "clerkpass1")
    assert run(capsys, "--db", target, "--user", "admin", "user", "add", "clerk", "--role", "文员")[0] == 0
    monkeypatch.delenv("FIREOFFICE_PASSWORD")
    code, _, err = run(capsys, "--db", target, "db", "restore", backup)
    assert code == 1 and "--user" in err
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "clerkpass1")
    code, _, err = run(capsys, "--db", target, "--user", "clerk", "db", "restore", backup)
    assert code == 1 and "无权" in err
    monkeypatch.setenv("FIREOFFICE_PASSWORD", "secret123")
    code, _, err = run(capsys, "--db", target, "--user", "admin", "db", "restore", backup)
    assert code == 0, err
