"""`fireoffice plan draw|verify|publish|kit` — 双随机 draws, their proof, the published lists and field kits."""

from __future__ import annotations

import sys
from pathlib import Path

from fireoffice.cli.common import EXIT_OK, EXIT_REFUSED, open_context, print_json

CATEGORIES = ("重点单位", "人员密集场所", "九小场所", "其他")
RISKS = ("高", "较高", "一般", "低")


def register(sub) -> None:
    plan = sub.add_parser("plan", help="检查计划与双随机抽查").add_subparsers(dest="plan_command", required=True)
    d = plan.add_parser("draw", help="双随机抽取（随机种子来自系统密码学随机源，抽取记录可复核）")
    d.add_argument("--month", required=True, help="抽查月份 YYYY-MM")
    how = d.add_mutually_exclusive_group(required=True)
    how.add_argument("--count", type=int, help="抽取家数")
    how.add_argument("--ratio", type=float, help="抽取比例，如 0.05")
    d.add_argument("--seed", help="指定随机种子（仅用于复现；记录为“人工指定”）")
    d.add_argument("--category", action="append", choices=CATEGORIES, help="单位类别（可重复）")
    d.add_argument("--risk", action="append", choices=RISKS, help="风险等级（可重复）")
    d.add_argument("--grid", action="append", help="网格编号 uid（可重复）")
    d.add_argument("--no-force", action="store_true", help="不强制纳入近12个月受处罚、有未销号重大隐患的单位")
    d.add_argument("--json", action="store_true", help="输出 JSON")
    d.set_defaults(handler=draw)
    v = plan.add_parser("verify", help="按种子重放一次抽取并核对")
    v.add_argument("draw_id", metavar="DRAW_ID", help="抽取编号（完整或前 6 位以上）")
    v.add_argument("--json", action="store_true", help="输出 JSON")
    v.set_defaults(handler=verify)
    p = plan.add_parser("publish", help="导出抽查名单或结果公示（.pdf 或 .xlsx）")
    p.add_argument("draw_id", metavar="DRAW_ID")
    p.add_argument("file", metavar="FILE", help="输出文件，扩展名 .pdf 或 .xlsx")
    p.add_argument("--results", action="store_true", help="导出结果公示（默认导出抽查名单）")
    p.set_defaults(handler=publish)
    k = plan.add_parser("kit", help="打印计划的现场检查表（每家一页，带检查记录编号）")
    k.add_argument("plan_id", metavar="PLAN_ID", help="计划 uid")
    k.add_argument("file", metavar="FILE", help="输出 PDF 文件")
    k.set_defaults(handler=kit)


def draw(args) -> int:
    from fireoffice.services import draws

    ctx = open_context(args)
    params = draws.DrawParams(month=args.month, count=args.count, ratio=args.ratio,
                              categories=tuple(args.category or ()), risk_levels=tuple(args.risk or ()),
                              grid_uids=tuple(args.grid or ()), force_penalised=not args.no_force,
                              force_major=not args.no_force)
    result = draws.draw(ctx, params, seed=args.seed)
    for warning in result.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    if args.json:
        print_json({"draw_id": result.uid, "seed": result.seed, "pool_hash": result.pool_hash,
                    "units": [{"uid": u.uid, "name": u.name, "officers": list(u.officers)} for u in result.units]})
        return EXIT_OK
    print(f"抽取编号：{result.uid}")
    print(f"随机种子：{result.seed}（{result.seed_source}）")
    print(f"名录哈希：{result.pool_hash}")
    print(f"从 {result.pool_size} 家中抽取 {len(result.units)} 家，执法人员 {result.officer_count} 名：")
    for n, u in enumerate(result.units, 1):
        mark = "（强制纳入）" if u.forced else ""
        print(f"{n:>4}. {u.name}{mark}  {'、'.join(u.officers)}")
    return EXIT_OK


def verify(args) -> int:
    from fireoffice.services import draw_verify

    report = draw_verify.verify(open_context(args), args.draw_id)
    if args.json:
        print_json({"ok": report.ok, "draw_id": report.draw_uid, "seed": report.seed,
                    "pool_hash": report.pool_hash, "units": report.units, "problems": list(report.problems)})
    elif report.ok:
        print(f"核对无误：抽取 {report.draw_uid} 按种子 {report.seed} 重放，{report.units} 家单位及检查人员与记录一致"
              f"{'（该抽取已作废）' if report.status != '有效' else ''}。")
    if not report.ok:
        for problem in report.problems:
            print(f"不一致：{problem}", file=sys.stderr)
        return EXIT_REFUSED
    return EXIT_OK


def publish(args) -> int:
    from fireoffice.services import draw_publish

    target = Path(args.file)
    suffix = target.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        print("输出文件的扩展名应为 .pdf 或 .xlsx", file=sys.stderr)
        return EXIT_REFUSED
    ctx = open_context(args)
    if suffix == ".pdf":
        data = (draw_publish.results_pdf if args.results else draw_publish.draw_list_pdf)(ctx, args.draw_id)
    else:
        data = (draw_publish.results_xlsx if args.results else draw_publish.draw_list_xlsx)(ctx, args.draw_id)
    return _write(target, data, "已导出")


def kit(args) -> int:
    from fireoffice.services import draw_publish

    data = draw_publish.field_kit_pdf(open_context(args), args.plan_id)
    return _write(Path(args.file), data, "已导出现场检查表")


def _write(target: Path, data: bytes, done: str) -> int:
    try:
        target.write_bytes(data)
    except OSError as exc:  # missing folder, file open in another program, disk full
        print(f"无法写入 {target}：{exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{done}：{target}")
    return EXIT_OK
