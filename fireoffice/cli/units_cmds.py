"""`fireoffice units import|export|search|template` — the unit register from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fireoffice.cli.common import EXIT_OK, EXIT_REFUSED, open_context, print_json
from fireoffice.services import unit_export, unit_import, unit_query
from fireoffice.services.errors import ValidationError

MAX_ERRORS_SHOWN = 50


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def register(sub) -> None:
    units = sub.add_parser("units", help="列管单位台账").add_subparsers(dest="units_command", required=True)
    p = units.add_parser("import", help="从 Excel 表格导入单位")
    p.add_argument("file", type=Path, help=".xlsx / .xls / .ods 文件")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--on-duplicate", choices=unit_import.ON_DUPLICATE, default="skip",
                   help="与台账或文件中已有单位重复时：skip 跳过（默认），update 用表格内容更新")
    p.add_argument("--valid-only", action="store_true", help="只导入符合要求的行（默认有一行不符合就全部不导入）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_import)
    p = units.add_parser("export", help="导出列管单位台账 .xlsx")
    p.add_argument("file", type=Path)
    p.add_argument("--all-columns", action="store_true", help="导出全部字段（默认台账常用列）")
    p.add_argument("--include-archived", action="store_true", help="包括已归档的单位")
    p.set_defaults(handler=run_export)
    p = units.add_parser("search", help="快速查找单位（名称、地址、信用代码、人员、电话、拼音）")
    p.add_argument("text")
    p.add_argument("--limit", type=_positive, default=20, help="最多显示多少家（默认 20）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_search)
    p = units.add_parser("template", help="生成导入模板 .xlsx")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=run_template)


def _progress_printer(label: str):
    def progress(done: int, total: int) -> bool:
        if sys.stderr.isatty() and total:
            print(f"\r{label} {done * 100 // total}%", end="", file=sys.stderr)
        return True
    return progress


def run_import(args) -> int:
    ctx = open_context(args)
    try:
        report = unit_import.import_units(ctx, args.file, on_duplicate=args.on_duplicate,
                                          valid_only=args.valid_only, dry_run=args.dry_run,
                                          progress=_progress_printer("导入"))
    except ValidationError as error:
        if not args.json:
            raise
        print(str(error), file=sys.stderr)
        print_json({"ok": False, "imported": 0, "updated": 0, "skipped": 0,
                    "errors": [{"row": error.row, "field": error.field, "message": error.message}]})
        return EXIT_REFUSED
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for error in report.errors[:MAX_ERRORS_SHOWN]:
        print(str(error), file=sys.stderr)
    if len(report.errors) > MAX_ERRORS_SHOWN:
        print(f"……另有 {len(report.errors) - MAX_ERRORS_SHOWN} 处问题未列出（用 --json 查看全部）", file=sys.stderr)
    if args.json:
        print_json(report.to_json())
    if not report.ok:
        print(f"有 {report.refused} 行不符合要求，没有导入任何单位。请改正后重新导入，"
              "或加 --valid-only 只导入符合要求的行。", file=sys.stderr)
        return EXIT_REFUSED
    if not args.json:
        verb = "检查完成（未写入）：可导入" if args.dry_run else "已导入"
        print(f"{verb} {report.imported} 家，更新 {report.updated} 家，跳过重复 {report.skipped} 家"
              + (f"，合并文件内重复 {report.merged} 行" if report.merged else "")
              + (f"，不符合要求 {report.refused} 行" if report.refused else "") + "。")
    return EXIT_OK


def run_export(args) -> int:
    ctx = open_context(args)
    query = unit_query.UnitQuery(include_archived=args.include_archived)
    result = unit_export.export_units(ctx, args.file, query, all_columns=args.all_columns,
                                      progress=_progress_printer("导出"))
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"已导出 {result.rows} 家单位到 {result.path}")
    return EXIT_OK


def run_search(args) -> int:
    ctx = open_context(args)
    rows = unit_query.search(ctx, args.text, limit=args.limit)
    if args.json:
        print_json([{"uid": r.uid, "name": r.name, "address": r.address, "uscc": r.uscc} for r in rows])
    elif not rows:
        print("没有找到匹配的单位。")
    else:
        for r in rows:
            print(f"{r.name}\t{r.address}\t{r.uscc}")
    return EXIT_OK


def run_template(args) -> int:
    ctx = open_context(args)
    path = unit_export.write_import_template(ctx, args.file)
    print(f"已生成导入模板：{path}")
    return EXIT_OK
