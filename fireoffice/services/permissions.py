"""Who may do what: the role → permission table, enforced in the services (the UI only hides).

Every service that changes data calls `require(ctx, PERMISSION)` before it writes; the GUI asks `allowed()`
to hide what a role cannot do, and the CLI acts as `--user NAME` with that user's role.
"""

from __future__ import annotations

from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import PermissionDenied

ROLES = ("管理员", "所长", "执法人员", "协管员", "文员", "网格员", "只读")
# The actor when a database has no accounts with passwords yet (one PC, one clerk, or demo data, or the CLI
# in that state): there is nobody to tell apart, so it may do everything. Once accounts exist, people log in.
OWNER_ROLE = "本机"

# permission → (Chinese description used in refusals, roles that hold it)
PERMISSIONS: dict[str, tuple[str, frozenset[str]]] = {
    "station.edit": ("修改站点资料和系统设置", frozenset({"管理员", "所长"})),
    "users.manage": ("管理用户和重置密码", frozenset({"管理员"})),
    "database.backup": ("备份数据库", frozenset({"管理员", "所长", "执法人员", "协管员", "文员"})),
    "database.restore": ("从备份恢复数据库", frozenset({"管理员"})),
    "demo.clear": ("清空演示数据", frozenset({"管理员", "所长"})),
    "units.edit": ("新增和修改单位", frozenset({"管理员", "所长", "执法人员", "协管员", "文员"})),
    "units.import": ("导入单位名单", frozenset({"管理员", "所长", "执法人员", "协管员", "文员"})),
    "units.archive": ("归档或删除单位", frozenset({"管理员", "所长", "执法人员"})),
    "rules.edit": ("修改分类规则、检查频次和节假日", frozenset({"管理员", "所长"})),
    "officers.manage": ("管理执法人员和回避关系", frozenset({"管理员", "所长"})),
    "plans.edit": ("制定检查计划和双随机抽取", frozenset({"所长", "执法人员"})),
    "inspections.edit": ("录入检查记录", frozenset({"所长", "执法人员", "协管员", "文员"})),
    "hazards.report": ("上报隐患", frozenset({"所长", "执法人员", "协管员", "文员", "网格员"})),
    "hazards.manage": ("复查、延期、销号和升级处理隐患", frozenset({"所长", "执法人员"})),
    "hazards.approve": ("批准无复查销号和重大隐患判定", frozenset({"所长"})),
    "documents.draft": ("起草执法文书", frozenset({"所长", "执法人员", "协管员", "文员"})),
    "documents.issue": ("审批、签发和作废执法文书", frozenset({"所长"})),
    "training.edit": ("组织培训、约谈和宣传", frozenset({"所长", "执法人员", "协管员", "文员"})),
    "complaints.view": ("查看举报投诉登记", frozenset({"管理员", "所长", "执法人员", "协管员", "文员", "只读"})),
    "complaints.edit": ("受理、核查、告知和办结举报投诉", frozenset({"所长", "执法人员", "协管员", "文员"})),
    # 举报人保密: only those who verify a complaint and tell the complainant the outcome see who complained.
    "complaints.view_identity": ("查看举报人姓名和联系方式", frozenset({"所长", "执法人员"})),
    "stats.submit": ("上报、锁定和解锁月度统计", frozenset({"管理员", "所长"})),
    "exchange.import": ("导入各站上报数据包", frozenset({"管理员", "只读"})),
    "export": ("导出台账和报表", frozenset({"管理员", "所长", "执法人员", "协管员", "文员", "只读"})),
    "audit.view": ("查看审计记录", frozenset({"管理员", "所长", "只读"})),
    # 身份证号 in full only for those who act on them (case handling); everyone else sees 110105********1234.
    "privacy.view_id_numbers": ("查看完整的身份证号和联系电话", frozenset({"管理员", "所长", "执法人员"})),
}


def allowed(ctx: ServiceContext, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission}")  # a programming error, never a user's
    return ctx.actor.role == OWNER_ROLE or ctx.actor.role in PERMISSIONS[permission][1]


def require(ctx: ServiceContext, permission: str) -> None:
    """Refuse with a plain sentence naming the action and the role."""
    if not allowed(ctx, permission):
        what = PERMISSIONS[permission][0]
        raise PermissionDenied(f"{ctx.actor.display_name}（{ctx.actor.role}）无权{what}。请由有权限的人员操作。")


def role_table() -> list[tuple[str, str, list[str]]]:
    """(permission, description, roles) rows — the README's role table is generated from this."""
    return [(key, desc, [r for r in ROLES if r in roles]) for key, (desc, roles) in PERMISSIONS.items()]
