"""Login accounts: argon2 password hashes, lockout after repeated failures, change and reset, deactivate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from fireoffice.db.models import User
from fireoffice.services import audit
from fireoffice.services.context import Actor, ServiceContext
from fireoffice.services.errors import Conflict, NotFound, PermissionDenied, ValidationError
from fireoffice.services.permissions import OWNER_ROLE, ROLES, require

MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 6


@dataclass(frozen=True)
class UserInfo:
    uid: str
    username: str
    display_name: str
    role: str
    active: bool
    has_password: bool
    locked_until: datetime | None


def _hasher():
    from argon2 import PasswordHasher  # imported on use: start-up does not pay for it

    return PasswordHasher()


def _info(u: User) -> UserInfo:
    return UserInfo(u.uid, u.username, u.display_name, u.role, u.active, bool(u.password_hash), u.locked_until)


def _aware(at: datetime | None) -> datetime | None:
    return at.replace(tzinfo=timezone.utc) if at is not None and at.tzinfo is None else at


def _check_password(password: str, field: str = "密码") -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(field, f"至少 {MIN_PASSWORD} 个字符")
    if len(password) > 200:
        raise ValidationError(field, "太长（最多 200 个字符）")


def login_required(ctx: ServiceContext) -> bool:
    """True once at least one active account has a password: from then on people log in."""
    with ctx.db.read() as s:
        return s.execute(select(func.count(User.id)).where(User.active.is_(True), User.password_hash != "")
                         ).scalar_one() > 0


def actor_for(user: UserInfo) -> Actor:
    return Actor(username=user.username, display_name=user.display_name, role=user.role)


def list_users(ctx: ServiceContext, include_inactive: bool = True) -> list[UserInfo]:
    with ctx.db.read() as s:
        q = select(User).order_by(User.username)
        if not include_inactive:
            q = q.where(User.active.is_(True))
        return [_info(u) for u in s.execute(q).scalars()]


def _may_manage(ctx: ServiceContext) -> None:
    """Anyone may create the first account of an empty database; after that only who holds users.manage."""
    if ctx.actor.role == OWNER_ROLE:
        if not login_required(ctx):
            return
        raise PermissionDenied("此数据库已设置登录账户：请先以管理员身份登录，再管理用户。")
    require(ctx, "users.manage")


def create_user(ctx: ServiceContext, username: str, role: str, password: str = "",
                display_name: str = "") -> UserInfo:
    username, display_name = username.strip(), (display_name or username).strip()
    if not username:
        raise ValidationError("用户名", "不能为空")
    if len(username) > 40 or any(c.isspace() for c in username):
        raise ValidationError("用户名", "不能有空格，最多 40 个字符")
    if role not in ROLES:
        raise ValidationError("角色", "只能是 " + "、".join(ROLES))
    if len(display_name) > 40:
        raise ValidationError("姓名", "最多 40 个字符")
    if password:
        _check_password(password)
    _may_manage(ctx)
    hashed = _hasher().hash(password) if password else ""
    with ctx.db.write() as s:
        if s.execute(select(User.id).where(User.username == username)).scalar() is not None:
            raise ValidationError("用户名", f"“{username}”已被使用")
        user = User(username=username, display_name=display_name, role=role, password_hash=hashed)
        s.add(user)
        s.flush()
        audit.record(s, ctx.actor.username, "新增用户", "user_account", user.uid, None,
                     {"username": username, "name": display_name, "role": role, "password": bool(password)})
        return _info(user)


def _user(s, username: str) -> User:
    user = s.execute(select(User).where(User.username == username.strip())).scalar()
    if user is None:
        raise NotFound(f"没有用户“{username}”。")
    return user


def authenticate(ctx: ServiceContext, username: str, password: str) -> UserInfo:
    """Check a password; 5 failures in a row lock the account for 15 minutes. Refusals never say which
    half was wrong."""
    from argon2.exceptions import InvalidHashError, VerificationError

    wrong = PermissionDenied("用户名或密码不正确。")
    now = datetime.now(timezone.utc)
    with ctx.db.write() as s:
        user = s.execute(select(User).where(User.username == username.strip())).scalar()
        if user is None or not user.active or not user.password_hash:
            raise wrong
        locked = _aware(user.locked_until)
        if locked is not None and locked > now:
            minutes = max(1, int((locked - now).total_seconds() // 60) + 1)
            raise PermissionDenied(f"密码错误次数过多，账户已锁定，请 {minutes} 分钟后再试，或请管理员重置密码。")
        try:
            _hasher().verify(user.password_hash, password)
            ok = True
        except (VerificationError, InvalidHashError):
            ok = False
        if ok:
            if user.failed_logins or user.locked_until:
                user.failed_logins, user.locked_until = 0, None
            audit.record(s, user.username, "登录", "user_account", user.uid)
            return _info(user)
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until, user.failed_logins = now + timedelta(minutes=LOCK_MINUTES), 0
            audit.record(s, user.username, "登录失败锁定", "user_account", user.uid)
    # committed: the failure count survives the refusal
    raise wrong


def change_password(ctx: ServiceContext, old: str, new: str) -> None:
    """The logged-in user changes their own password."""
    _check_password(new, "新密码")
    authenticate(ctx, ctx.actor.username, old)
    hashed = _hasher().hash(new)
    with ctx.db.write() as s:
        user = _user(s, ctx.actor.username)
        user.password_hash = hashed
        audit.record(s, ctx.actor.username, "修改密码", "user_account", user.uid)


def reset_password(ctx: ServiceContext, username: str, new: str) -> None:
    """An administrator sets a new password (and lifts a lockout)."""
    _check_password(new, "新密码")
    _may_manage(ctx)
    hashed = _hasher().hash(new)
    with ctx.db.write() as s:
        user = _user(s, username)
        user.password_hash, user.failed_logins, user.locked_until = hashed, 0, None
        audit.record(s, ctx.actor.username, "重置密码", "user_account", user.uid)


def set_active(ctx: ServiceContext, username: str, active: bool) -> UserInfo:
    """Deactivate (never delete: their name stays on the records they signed) or reactivate."""
    _may_manage(ctx)
    with ctx.db.write() as s:
        user = _user(s, username)
        if not active and user.username == ctx.actor.username:
            raise Conflict("不能停用自己正在使用的账户。")
        if not active and user.role == "管理员" and user.password_hash:
            others = s.execute(select(func.count(User.id)).where(
                User.role == "管理员", User.active.is_(True), User.password_hash != "", User.id != user.id)
            ).scalar_one()
            if others == 0:
                raise Conflict("这是最后一个可登录的管理员账户，不能停用。")
        before = user.active
        user.active = active
        audit.record(s, ctx.actor.username, "启用用户" if active else "停用用户", "user_account", user.uid,
                     {"active": before}, {"active": active})
        return _info(user)
