"""`fireoffice db upgrade|check|backup|restore`."""

from __future__ import annotations

from pathlib import Path

from fireoffice.cli.common import EXIT_OK, EXIT_REFUSED, db_target, print_json
from fireoffice.services import database


def register(sub) -> None:
    db = sub.add_parser("db", help="数据库：升级、检查、备份、恢复").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="创建或升级到最新结构（已有 SQLite 文件先备份）").set_defaults(handler=upgrade)
    check_p = db.add_parser("check", help="检查完整性、外键、审计链")
    check_p.add_argument("--json", action="store_true")
    check_p.set_defaults(handler=check)
    backup_p = db.add_parser("backup", help="在线备份到文件")
    backup_p.add_argument("file")
    backup_p.set_defaults(handler=backup)
    restore_p = db.add_parser("restore", help="从备份恢复（先备份当前数据库）")
    restore_p.add_argument("file")
    restore_p.set_defaults(handler=restore)


def upgrade(args) -> int:
    db = database.open_database(db_target(args))
    made = database.upgrade(db)
    if made:
        print(f"升级前已备份到：{made}")
    print(f"数据库已是最新结构：{db.display_name()}")
    return EXIT_OK


def check(args) -> int:
    db = database.open_database(db_target(args))
    result = database.check(db)
    if args.json:
        print_json({"ok": result.ok, "problems": result.problems})
    elif result.ok:
        print(f"检查通过：{db.display_name()}")
    else:
        for problem in result.problems:
            print(problem)
    return EXIT_OK if result.ok else EXIT_REFUSED


def backup(args) -> int:
    db = database.open_database(db_target(args))
    dest = database.backup(db, Path(args.file))
    print(f"已备份到：{dest}")
    return EXIT_OK


def _require_restore_right(db, args) -> None:
    """Once the current database has accounts with passwords, only who holds database.restore may replace it."""
    from fireoffice.cli.common import login
    from fireoffice.services import users
    from fireoffice.services.context import ServiceContext
    from fireoffice.services.permissions import require

    if db.sqlite_path is not None and not db.sqlite_path.exists():
        return
    if not database.schema_state(db).at_head:
        return
    ctx = ServiceContext(db=db)
    if users.login_required(ctx):
        require(login(ctx, args), "database.restore")


def restore(args) -> int:
    db = database.open_database(db_target(args))
    _require_restore_right(db, args)
    safety = database.restore(db, Path(args.file))
    if safety:
        print(f"恢复前的数据库已备份到：{safety}")
    print(f"已从 {args.file} 恢复。")
    return EXIT_OK
