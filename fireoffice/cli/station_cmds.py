"""`fireoffice station set …` — the station profile."""

from __future__ import annotations

from fireoffice.cli.common import EXIT_OK, open_context
from fireoffice.services import station

OPTIONS = {
    "name": "单位名称（如 东城街道消防工作所）",
    "township": "乡镇（街道）",
    "county": "县（市、区）",
    "parent_center": "上级消防安全管理中心",
    "brigade": "消防救援大队",
    "issuer_code": "文书机关代字",
    "head": "所长姓名",
    "phone": "联系电话",
    "address": "地址",
}


def register(sub) -> None:
    st = sub.add_parser("station", help="站点资料").add_subparsers(dest="station_command", required=True)
    p = st.add_parser("set", help="设置站点资料")
    for key, help_text in OPTIONS.items():
        p.add_argument("--" + key.replace("_", "-"), dest=key, help=help_text)
    p.add_argument("--mode", choices=station.ENFORCEMENT_MODES, help="执法方式")
    p.set_defaults(handler=set_station)
    show = st.add_parser("show", help="显示站点资料")
    show.set_defaults(handler=show_station)


def set_station(args) -> int:
    ctx = open_context(args)
    changes = {k: getattr(args, k) for k in OPTIONS if getattr(args, k) is not None and k != "head"}
    if args.head is not None:
        changes["head_name"] = args.head
    if args.mode is not None:
        changes["enforcement_mode"] = args.mode
    current = station.get_station(ctx)
    has_name = bool(changes.get("name") or (current and current.name))
    info = station.update_station(ctx, changes, mark_configured=has_name)
    print(f"已保存站点资料：{info.name or '（未命名）'}，执法方式 {info.enforcement_mode}")
    return EXIT_OK


def show_station(args) -> int:
    ctx = open_context(args)
    info = station.get_station(ctx)
    if info is None:
        print("尚未设置站点资料（fireoffice station set --name …）")
        return EXIT_OK
    for label, value in [("单位名称", info.name), ("乡镇（街道）", info.township), ("县", info.county),
                         ("上级中心", info.parent_center), ("大队", info.brigade),
                         ("机关代字", info.issuer_code), ("执法方式", info.enforcement_mode),
                         ("所长", info.head_name)]:
        print(f"{label}：{value}")
    return EXIT_OK
