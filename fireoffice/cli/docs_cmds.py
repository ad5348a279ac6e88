"""`fireoffice docs list|pdf` — the enforcement document register and archived PDFs from the command line."""

from __future__ import annotations

from pathlib import Path

from fireoffice.cli.common import EXIT_OK, open_context, print_json, year_arg


def register(sub) -> None:
    group = sub.add_parser("docs", help="执法文书台账和 PDF").add_subparsers(dest="docs_command", required=True)
    p = group.add_parser("list", help="列出已编号的执法文书（含作废）")
    p.add_argument("--year", type=year_arg, help="年份（默认全部）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_list)
    p = group.add_parser("pdf", help="从存档导出一份已签发文书的 PDF")
    p.add_argument("number", help="文号，如 临东消限字〔2026〕第001号")
    p.add_argument("file", type=Path, help="要写入的 .pdf 文件")
    p.set_defaults(handler=run_pdf)


def run_list(args) -> int:
    from fireoffice.services import documents_register

    ctx = open_context(args)
    rows = documents_register.cli_rows(ctx, args.year)
    if args.json:
        print_json(rows)
    elif not rows:
        print("没有已编号的执法文书。")
    else:
        for r in rows:
            print(f"{r['number']}\t{r['type']}\t{r['status']}\t{r['unit']}\t{r['issued_at'][:16]}")
    return EXIT_OK


def run_pdf(args) -> int:
    from fireoffice.services import documents_pdf

    ctx = open_context(args)
    path = documents_pdf.save(documents_pdf.pdf_by_number(ctx, args.number), args.file)
    print(f"已写出 {args.number}：{path}")
    return EXIT_OK
