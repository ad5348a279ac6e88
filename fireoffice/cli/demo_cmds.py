"""`fireoffice demo [--units N] [--seed S]`."""

from __future__ import annotations

import sys
import time

from fireoffice.cli.common import EXIT_OK, open_context
from fireoffice.services import demo


def register(sub) -> None:
    p = sub.add_parser("demo", help="向空数据库填入演示数据")
    p.add_argument("--units", type=int, default=2000, help="单位数量（默认 2000）")
    p.add_argument("--seed", type=int, default=20261125, help="随机种子（相同种子得到相同数据）")
    p.set_defaults(handler=run)


def run(args) -> int:
    ctx = open_context(args)
    started = time.perf_counter()

    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty():
            print(f"\r已生成 {done}/{total} 家单位", end="", file=sys.stderr)
        return True

    result = demo.fill_demo(ctx, units=args.units, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"演示数据已生成：{result.units} 家单位，{result.villages} 个村（社区），{result.grids} 个网格，"
          f"{result.users} 个用户，用时 {time.perf_counter() - started:.1f} 秒。")
    return EXIT_OK
