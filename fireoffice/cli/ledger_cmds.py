"""`fireoffice ledger export KIND FILE [--from D] [--to D]` — any ledger (台账) or the monthly report as .xlsx."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from fireoffice.cli.common import EXIT_OK, open_context
from fireoffice.services import ledgers


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 YYYY-MM-DD：{text}") from None


def register(sub) -> None:
    ledger = sub.add_parser("ledger", help="台账和统计报表").add_subparsers(dest="ledger_command", required=True)
    p = ledger.add_parser("export", help="导出台账 .xlsx")
    p.add_argument("kind", choices=ledgers.KINDS, help="台账种类（stats 为 --to 所在月份的统计月报，默认本月）")
    p.add_argument("file", type=Path)
    p.add_argument("--from", dest="first", type=_day, help="开始日期 YYYY-MM-DD（含）")
    p.add_argument("--to", dest="last", type=_day,
                   help="结束日期 YYYY-MM-DD（含）；units 为该日期末在册的单位，--from 起新列管的标为“本期新增”")
    p.set_defaults(handler=run_export)


def run_export(args) -> int:
    ctx = open_context(args)
    period = ledgers.Period(args.first, args.last)
    result = ledgers.export_ledger(ctx, args.kind, args.file, period)
    print(f"已导出{ledgers.TITLES[args.kind]} {result.rows} 行到 {result.path}", file=sys.stdout)
    return EXIT_OK
