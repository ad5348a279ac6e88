"""`fireoffice` / `fireoffice gui`: start the desktop app (Qt is imported only when needed)."""

from __future__ import annotations

import os
import sys

from fireoffice.cli.common import EXIT_REFUSED, db_target


def register(sub) -> None:
    sub.add_parser("gui", help="启动图形界面（默认）").set_defaults(handler=run_gui)


def no_display_reason() -> str | None:
    """Qt aborts the process without a display; say what to do instead."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return ("没有可用的图形显示（DISPLAY 未设置），无法打开窗口。\n"
            "请在桌面环境中运行；在服务器上可用：xvfb-run -a fireoffice，"
            "或设置 QT_QPA_PLATFORM=offscreen。")


def run_gui(args) -> int:
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return EXIT_REFUSED
    from fireoffice.ui.app import run  # Qt only from here on

    return run(db_target(args), user=getattr(args, "user", None))
