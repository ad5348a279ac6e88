"""Shared helpers of the CLI commands: exit codes, opening the database, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from fireoffice import paths

if TYPE_CHECKING:
    from fireoffice.services.context import ServiceContext

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def db_target(args) -> str:
    return args.db or paths.default_db_target()


def open_context(args, upgrade: bool = True) -> ServiceContext:
    """Open the --db database, migrating it to head first (as the app does on start)."""
    from fireoffice.services import database
    from fireoffice.services.context import Actor, ServiceContext

    db = database.open_database(db_target(args))
    if upgrade:
        database.upgrade(db)
    ctx = ServiceContext(db=db, actor=Actor(username=args.user or "cli", display_name=args.user or "命令行"))
    return login(ctx, args)


def password_from_env_or_prompt(env: str, prompt: str) -> str:
    """The password in `env`, else asked on the terminal; refused when there is no terminal to ask on."""
    import getpass
    import os

    from fireoffice.services.errors import PermissionDenied

    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise PermissionDenied(f"需要密码：请设置环境变量 {env}，或在终端中运行以便输入密码。")
    return getpass.getpass(prompt)


def login(ctx: ServiceContext, args) -> ServiceContext:
    """Once accounts with passwords exist, act as --user with that user's role (cli.md); else as 本机."""
    from fireoffice.services import users
    from fireoffice.services.errors import PermissionDenied

    if not users.login_required(ctx):
        return ctx
    if not args.user:
        raise PermissionDenied("此数据库已设置登录账户：请用 --user 用户名 指定操作人（密码取自 FIREOFFICE_PASSWORD 或提示输入）。")
    password = password_from_env_or_prompt("FIREOFFICE_PASSWORD", f"{args.user} 的密码：")
    info = users.authenticate(ctx, args.user, password)
    ctx.actor = users.actor_for(info)
    args.login_password = password
    return ctx


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def year_arg(text: str) -> int:
    """argparse type for --year: a four-digit year between 2000 and 2099, refused in plain Chinese."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"年份应为四位数字：{text}") from None
    if not 2000 <= value <= 2099:
        raise argparse.ArgumentTypeError(f"年份应在 2000 到 2099 之间：{text}")
    return value
