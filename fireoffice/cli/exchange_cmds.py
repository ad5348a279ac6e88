"""`fireoffice exchange export FILE [--since D]` / `exchange import FILE [--json]` — the county package."""

from __future__ import annotations

import sys
from pathlib import Path

from fireoffice.cli.common import EXIT_OK, EXIT_REFUSED, open_context, print_json
from fireoffice.cli.ledger_cmds import _day


def register(sub) -> None:
    ex = sub.add_parser("exchange", help="与县级中心交换数据包").add_subparsers(dest="exchange_command", required=True)
    p = ex.add_parser("export", help="导出县级数据包 .zip")
    p.add_argument("file", type=Path)
    p.add_argument("--since", type=_day, help="只导出该日（含）以后变动的记录 YYYY-MM-DD")
    p.set_defaults(handler=run_export)
    p = ex.add_parser("import", help="校验并合并一个站的数据包")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_import)


def run_export(args) -> int:
    from fireoffice.services import exchange_package

    ctx = open_context(args)
    result = exchange_package.export_package(ctx, args.file, args.since)
    print(f"已导出数据包 {result.path}：{result.records} 条记录，{len(result.counts)} 张表")
    return EXIT_OK


def run_import(args) -> int:
    from fireoffice.services import exchange_import
    from fireoffice.services.errors import ServiceError

    ctx = open_context(args)
    try:
        result = exchange_import.import_package(ctx, args.file)
    except ServiceError as error:
        if not args.json:
            raise
        print(str(error), file=sys.stderr)
        print_json({"ok": False, "inserted": 0, "updated": 0, "unchanged": 0, "error": str(error)})
        return EXIT_REFUSED
    if args.json:
        print_json(result.to_json())
    else:
        print(f"已导入 {result.station} 的数据包：新增 {result.inserted} 条，更新 {result.updated} 条，"
              f"未变 {result.unchanged} 条" + (f"（其中 {result.older} 条本库已有更新的版本）" if result.older else ""))
        if not result.audit_ok:
            print(f"注意：该站的审计链核验未通过：{result.audit_note}", file=sys.stderr)
    return EXIT_OK
