"""The `fireoffice` command line (../shared/cli.md): exit 0 done, 1 refused, 2 usage error."""

from __future__ import annotations

import argparse
import logging
import sys

from fireoffice import __version__
from fireoffice.cli import db_cmds, demo_cmds, gui_cmds, station_cmds
from fireoffice.cli.common import EXIT_INTERNAL, EXIT_REFUSED
from fireoffice.logs import log_file_path, setup_logging
from fireoffice.services.errors import ServiceError

log = logging.getLogger(__name__)

MODULES = [gui_cmds, db_cmds, station_cmds, demo_cmds]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(2, f"用法错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="fireoffice", description="消防所业务管理系统（不带命令时启动图形界面）")
    parser.add_argument("--version", action="version", version=f"fireoffice {__version__}")
    parser.add_argument("--db", help="数据库：SQLite 文件路径或 SQLAlchemy 地址（默认 FIREOFFICE_DB 或数据文件夹）")
    parser.add_argument("--user", help="操作人用户名（密码取自 FIREOFFICE_PASSWORD 或提示输入）")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in MODULES:
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging()
    handler = getattr(args, "handler", None) or gui_cmds.run_gui
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
