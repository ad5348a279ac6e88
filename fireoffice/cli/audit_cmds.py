"""`fireoffice audit verify` — walk the audit chain and the row seals; exit 1 naming the first broken event."""

from __future__ import annotations

from fireoffice.cli.common import EXIT_OK, EXIT_REFUSED, db_target, print_json
from fireoffice.services import database


def register(sub) -> None:
    a = sub.add_parser("audit", help="审计记录").add_subparsers(dest="audit_command", required=True)
    v = a.add_parser("verify", help="校验审计链和记录是否在程序之外被改动")
    v.add_argument("--json", action="store_true")
    v.set_defaults(handler=verify)


def verify(args) -> int:
    # Works on the file itself, like `db check`: a county inspector can verify without an account.
    db = database.open_database(db_target(args))
    report = database.verify_audit(db)
    if args.json:
        print_json({"ok": report.ok, "events": report.events, "problem": report.problem})
    elif report.ok:
        print(f"审计链完整：共 {report.events} 条记录，数据与审计记录一致。")
    else:
        print(report.problem)
    return EXIT_OK if report.ok else EXIT_REFUSED
