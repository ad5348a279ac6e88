"""`fireoffice user add|passwd|list` — login accounts (password from FIREOFFICE_NEW_PASSWORD or a prompt)."""

from __future__ import annotations

import os

from fireoffice.cli.common import EXIT_OK, open_context, password_from_env_or_prompt, print_json
from fireoffice.services import users
from fireoffice.services.permissions import ROLES


def register(sub) -> None:
    u = sub.add_parser("user", help="登录账户：新增、改密码、列表").add_subparsers(dest="user_command", required=True)
    add = u.add_parser("add", help="新增用户（空数据库的第一个用户无需登录）")
    add.add_argument("name", help="用户名")
    add.add_argument("--role", required=True, choices=ROLES, help="角色")
    add.add_argument("--display-name", default="", help="姓名（默认同用户名）")
    add.add_argument("--no-password", action="store_true", help="不设密码（只登记人员，不能登录）")
    add.set_defaults(handler=add_user)
    pw = u.add_parser("passwd", help="修改自己的密码，或（管理员）重置他人密码")
    pw.add_argument("name", help="用户名")
    pw.set_defaults(handler=passwd)
    ls = u.add_parser("list", help="列出用户")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=list_users)


def _new_password(ctx, args) -> str:
    """FIREOFFICE_NEW_PASSWORD; for the first account (nobody logged in) also FIREOFFICE_PASSWORD; else a prompt."""
    if "FIREOFFICE_NEW_PASSWORD" in os.environ:
        return os.environ["FIREOFFICE_NEW_PASSWORD"]
    env = "FIREOFFICE_PASSWORD" if not users.login_required(ctx) else "FIREOFFICE_NEW_PASSWORD"
    first = password_from_env_or_prompt(env, f"{args.name} 的新密码：")
    if env == "FIREOFFICE_PASSWORD" and env in os.environ:
        return first
    again = password_from_env_or_prompt("FIREOFFICE_NEW_PASSWORD", "再输入一次：")
    if again != first:
        from fireoffice.services.errors import ValidationError

        raise ValidationError("密码", "两次输入的密码不一致")
    return first


def add_user(args) -> int:
    ctx = open_context(args)
    password = "" if args.no_password else _new_password(ctx, args)
    info = users.create_user(ctx, args.name, args.role, password, args.display_name)
    print(f"已新增用户 {info.username}（{info.role}）" + ("" if password else "，未设密码"))
    return EXIT_OK


def passwd(args) -> int:
    ctx = open_context(args)
    new = _new_password(ctx, args)
    if getattr(args, "login_password", None) is not None and args.name == ctx.actor.username:
        users.change_password(ctx, args.login_password, new)
    else:
        users.reset_password(ctx, args.name, new)
    print(f"已设置 {args.name} 的新密码。")
    return EXIT_OK


def list_users(args) -> int:
    ctx = open_context(args)
    rows = users.list_users(ctx)
    if args.json:
        print_json([{"username": u.username, "name": u.display_name, "role": u.role, "active": u.active,
                     "password": u.has_password} for u in rows])
        return EXIT_OK
    for u in rows:
        state = "" if u.active else "（已停用）"
        print(f"{u.username}\t{u.display_name}\t{u.role}\t{'有密码' if u.has_password else '无密码'}{state}")
    return EXIT_OK
