"""Shared helpers of the CLI commands: exit codes, opening the database, JSON output."""

from __future__ import annotations

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
    actor = Actor(username=args.user or "cli", display_name=args.user or "命令行", role="管理员")
    return ServiceContext(db=db, actor=actor)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
