"""The `fireoffice` command line (../shared/cli.md): exit 0 done, 1 refused, 2 usage error, 3 internal error.

Command modules are imported only when the parser is built, so starting the GUI does not pay for them.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from fireoffice import __version__
from fireoffice.cli.common import EXIT_INTERNAL, EXIT_REFUSED
from fireoffice.logs import log_file_path, setup_logging
from fireoffice.services.errors import ServiceError

log = logging.getLogger(__name__)

# Each module in fireoffice/cli/ has register(subparsers); add new command groups here.
COMMAND_MODULES = ["gui_cmds", "db_cmds", "station_cmds", "demo_cmds", "units_cmds", "plan_cmds", "training_cmds",
                   "user_cmds", "audit_cmds", "docs_cmds", "ledger_cmds", "exchange_cmds"]
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--user")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"用法错误：{message}\n")


def _base_parser() -> tuple[argparse.ArgumentParser, argparse._SubParsersAction]:
    parser = _Parser(prog="fireoffice", description="消防所业务管理系统（不带命令时启动图形界面）")
    parser.add_argument("--version", action="version", version=f"fireoffice {__version__}")
    parser.add_argument("--db", help="数据库：SQLite 文件路径或 SQLAlchemy 地址（默认 FIREOFFICE_DB 或数据文件夹）")
    parser.add_argument("--user", help="操作人用户名（密码取自 FIREOFFICE_PASSWORD 或提示输入）")
    return parser, parser.add_subparsers(dest="command", parser_class=_Parser)


def build_parser(modules: list[str] | None = None) -> argparse.ArgumentParser:
    parser, sub = _base_parser()
    for name in modules or COMMAND_MODULES:
        importlib.import_module(f"fireoffice.cli.{name}").register(sub)
    return parser


def wants_gui(argv: list[str]) -> bool:
    """True when no command (or `gui`) follows the global options."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in GLOBAL_OPTIONS_WITH_VALUE:
            i += 2
            continue
        if any(token.startswith(opt + "=") for opt in GLOBAL_OPTIONS_WITH_VALUE):
            i += 1
            continue
        return token == "gui"
    return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(["gui_cmds"] if wants_gui(argv) else None)
    args = parser.parse_args(argv)
    setup_logging()
    handler = getattr(args, "handler", None)
    if handler is None:
        from fireoffice.cli.gui_cmds import run_gui as handler
    try:
        return int(handler(args) or 0)
    except ServiceError as error:
        print(str(error), file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_REFUSED
    except Exception:  # a bug, not a user's mistake: log it, say where the report is
        log.exception("unexpected error in command %s", args.command)
        print(f"内部错误，详情已写入日志：{log_file_path()}", file=sys.stderr)
        return EXIT_INTERNAL
