"""`fireoffice training sheet|list|stats` — sign-in sheets and figures of training and 约谈 from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fireoffice.cli.common import EXIT_OK, open_context, print_json, year_arg


def register(sub) -> None:
    group = sub.add_parser("training", help="培训、约谈、演练和宣传活动").add_subparsers(
        dest="training_command", required=True)
    p = group.add_parser("sheet", help="生成签到表 PDF")
    p.add_argument("session", help="活动编号（如 PX-2026-007）")
    p.add_argument("file", type=Path, help="要写入的 .pdf 文件")
    p.add_argument("--xlsx", action="store_true", help="生成可填写的 Excel 签到表，而不是 PDF")
    p.set_defaults(handler=run_sheet)
    p = group.add_parser("list", help="列出活动")
    p.add_argument("--year", type=year_arg, help="年份（默认全部）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_list)
    p = group.add_parser("stats", help="场次、人次、覆盖率（按月和类型）")
    p.add_argument("--year", type=year_arg, default=date.today().year, help="年份（默认今年）")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(handler=run_stats)


def run_sheet(args) -> int:
    from fireoffice.services import training, training_print, training_signin

    ctx = open_context(args)
    info = training.find_session(ctx, args.session)
    if args.xlsx:
        path = training_signin.export_sign_in_xlsx(ctx, info.uid, args.file)
    else:
        path = training_print.save(training_print.sign_in_sheet_pdf(ctx, info.uid), args.file)
    print(f"已生成 {info.session_no}（{info.topic}）的签到表：{path}")
    return EXIT_OK


def run_list(args) -> int:
    from fireoffice.services import training

    ctx = open_context(args)
    rows = training.list_sessions(ctx, year=args.year)
    if args.json:
        print_json([{"number": r.session_no, "uid": r.uid, "type": r.kind, "topic": r.topic,
                     "date": r.held_on.isoformat(), "status": r.status_text(), "invited": r.invited,
                     "present": r.present, "units": r.units, "people": r.people} for r in rows])
    elif not rows:
        print("没有培训、约谈或宣传活动。")
    else:
        for r in rows:
            print(f"{r.session_no}\t{r.held_on}\t{r.kind}\t{r.topic}\t应到 {r.invited}\t实到 {r.present}\t{r.status_text()}")
    return EXIT_OK


def run_stats(args) -> int:
    from fireoffice.services import training_stats
    from fireoffice.services.training_stats import percent

    ctx = open_context(args)
    st = training_stats.statistics(ctx, args.year)

    def row(r) -> dict:
        return {"label": r.label, "sessions": r.sessions, "people": r.people, "units": r.units,
                "coverage": None if r.coverage is None else round(r.coverage, 4)}

    if args.json:
        print_json({"year": st.year, "as_of": st.as_of.isoformat(), "register": st.register, "total": row(st.total),
                    "months": [{**row(r), "cumulative_units": r.cumulative_units,
                                "cumulative_coverage": None if r.cumulative_coverage is None
                                else round(r.cumulative_coverage, 4)} for r in st.months],
                    "by_type": [row(r) for r in st.by_kind],
                    "interviews": {"units": st.interview_units, "people": st.interview_people,
                                   "one_to_one": st.one_to_one, "pledges": st.pledges},
                    "publicity": {"activities": st.publicity_activities, "audience": st.publicity_audience,
                                  "materials": st.publicity_materials}})
        return EXIT_OK
    print(f"{st.year} 年（截至 {st.as_of}），列管单位 {st.register} 家")
    print("月份\t场次\t人次\t单位\t本月覆盖率\t累计覆盖率")
    for r in st.months:
        print(f"{r.label}\t{r.sessions}\t{r.people}\t{r.units}\t{percent(r.coverage)}\t{percent(r.cumulative_coverage)}")
    print(f"全年\t{st.total.sessions}\t{st.total.people}\t{st.total.units}\t{percent(st.total.coverage)}")
    print(f"约谈：{st.interview_units} 家单位、{st.interview_people} 人次，一对一警示约谈 {st.one_to_one} 家，"
          f"签订承诺书 {st.pledges} 份")
    print(f"宣传：活动 {st.publicity_activities} 次，受众 {st.publicity_audience} 人次，"
          f"发放宣传品 {st.publicity_materials} 份")
    return EXIT_OK
