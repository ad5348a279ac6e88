"""Accounts: argon2 hashes, login_required, lockout after 5 failures, change and reset, deactivate."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from fireoffice.db.models import User
from fireoffice.services import backups, privacy, users
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import Conflict, PermissionDenied, ValidationError


def test_first_account_needs_no_login_then_login_is_required(ctx):
    assert not users.login_required(ctx)
    users.create_user(ctx, "clerk", "文员")  # no password: still no login
    assert not users.login_required(ctx)
    admin = users.create_user(ctx, "admin", "管理员", "secret123", "王管理")
    assert admin.has_password and users.login_required(ctx)
    with ctx.db.read() as s:
        stored = s.execute(select(User.password_hash).where(User.username == "admin")).scalar_one()
    assert stored.startswith("$argon2") and "secret123" not in stored
    # now the 本机 actor may no longer create accounts: an administrator must log in
    with pytest.raises(PermissionDenied):
        users.create_user(ctx, "intruder", "管理员", "secret123")
    logged = users.authenticate(ctx, "admin", "secret123")
    actor = users.actor_for(logged)
    assert actor == Actor("admin", "王管理", "管理员")
    users.create_user(ServiceContext(ctx.db, actor), "bob", "网格员", "pw12345")


def test_validation_names_the_field(ctx):
    for args, field in [(("", "文员"), "用户名"), (("a b", "文员"), "用户名"), (("x", "超人"), "角色"),
                        (("x", "文员", "123"), "密码")]:
        with pytest.raises(ValidationError) as e:
            users.create_user(ctx, *args)
        assert e.value.field == field
    users.create_user(ctx, "dup", "文员")
    with pytest.raises(ValidationError, match="已被使用"):
        users.create_user(ctx, "dup", "文员")


def _admin(ctx) -> ServiceContext:
    users.create_user(ctx, "admin", "管理员", "secret123")
    return ServiceContext(ctx.db, users.actor_for(users.authenticate(ctx, "admin", "secret123")))


def test_lockout_after_five_failures_and_admin_reset(ctx):
    admin = _admin(ctx)
    users.create_user(admin, "bob", "执法人员", "bobpass1")
    for _ in range(users.MAX_FAILURES):
        with pytest.raises(PermissionDenied, match="不正确"):
            users.authenticate(ctx, "bob", "wrong")
    with pytest.raises(PermissionDenied, match="锁定"):
        users.authenticate(ctx, "bob", "bobpass1")  # even the right password, while locked
    users.reset_password(admin, "bob", "newpass1")
    assert users.authenticate(ctx, "bob", "newpass1").username == "bob"


def test_lock_expires(ctx):
    users.create_user(ctx, "bob", "执法人员", "bobpass1")
    with ctx.db.write() as s:
        s.execute(update(User).values(locked_until=datetime.now(timezone.utc) - timedelta(minutes=1)))
    assert users.authenticate(ctx, "bob", "bobpass1").username == "bob"


def test_unknown_and_inactive_users_get_the_same_refusal(ctx):
    admin = _admin(ctx)
    users.create_user(admin, "old", "文员", "oldpass1")
    users.set_active(admin, "old", False)
    for name, pw in [("old", "oldpass1"), ("nobody", "x"), ("admin", "bad")]:
        with pytest.raises(PermissionDenied, match="用户名或密码不正确"):
            users.authenticate(ctx, name, pw)
    with pytest.raises(Conflict, match="自己"):
        users.set_active(admin, "admin", False)


def test_change_own_password(ctx):
    users.create_user(ctx, "bob", "执法人员", "bobpass1")
    bob = ServiceContext(ctx.db, users.actor_for(users.authenticate(ctx, "bob", "bobpass1")))
    with pytest.raises(PermissionDenied):
        users.change_password(bob, "wrongold", "newpass1")
    with pytest.raises(ValidationError):
        users.change_password(bob, "bobpass1", "short")
    users.change_password(bob, "bobpass1", "newpass1")
    assert users.authenticate(ctx, "bob", "newpass1")
    with pytest.raises(PermissionDenied):
        users.reset_password(bob, "bob", "another1")  # only users.manage resets


def test_daily_backup_once_a_day_keeps_newest_n(ctx, tmp_path):
    from datetime import date

    folder = tmp_path / "backups"
    backups.set_keep_count(ctx, 3)
    for day in range(1, 6):
        assert backups.daily_backup(ctx, date(2026, 3, day), folder) is not None
        assert backups.daily_backup(ctx, date(2026, 3, day), folder) is None  # already done today
    kept = backups.automatic_backups(folder)
    assert [p.name[5:13] for p in kept] == ["20260303", "20260304", "20260305"]
    with pytest.raises(ValidationError):
        backups.set_keep_count(ctx, 0)


def test_privacy_masks_for_roles_that_do_not_need_identity(ctx):
    clerk = ServiceContext(ctx.db, Actor("c", "文员甲", "文员"))
    officer = ServiceContext(ctx.db, Actor("o", "执法甲", "执法人员"))
    idno = "110105199001011234"
    assert privacy.id_number(clerk, idno) == "110105********1234"
    assert privacy.id_number(officer, idno) == idno
    assert privacy.complainant(clerk, "张三丰", "13912345678") == ("张**", "139****5678")
    assert privacy.text(clerk, f"举报人 {idno} 电话13912345678") == "举报人 110105********1234 电话139****5678"
