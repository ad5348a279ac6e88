"""Penalty articles and fines: the editable article table, range checks, 当场处罚 limits, amounts in capitals."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from fireoffice.db.models import PenaltyArticle
from fireoffice.services import audit
from fireoffice.services.context import ServiceContext
from fireoffice.services.errors import NotFound, ValidationError
from fireoffice.services.permissions import require

# 行政处罚法 Art. 51 (2021): simple procedure only for a warning or up to these fines.
ON_THE_SPOT_LIMIT = {"个人": 200, "单位": 3000}
HEARING_WORKDAYS = 5  # Art. 64: 听证 requested within 5 (working) days of the 告知
PAYMENT_DAYS = 15  # Art. 67
REVIEW_DAYS = 60  # 行政复议法
LITIGATION_MONTHS = 6  # 行政诉讼法 Art. 46


@dataclass(frozen=True)
class ArticleInfo:
    code: str
    party_kind: str
    violation: str
    violated_article: str
    penalty_article: str
    warning_allowed: bool
    min_fine: int
    max_fine: int
    extra: str
    active: bool = True

    def range_text(self) -> str:
        fine = f"{self.min_fine:,}–{self.max_fine:,} 元" if self.min_fine else f"{self.max_fine:,} 元以下"
        return f"警告或罚款 {fine}" if self.warning_allowed else f"罚款 {fine}"


def _info(a: PenaltyArticle) -> ArticleInfo:
    return ArticleInfo(a.code, a.party_kind, a.violation, a.violated_article, a.penalty_article, a.warning_allowed,
                       a.min_fine, a.max_fine, a.extra, a.active)


def list_articles(ctx: ServiceContext, party_kind: str | None = None) -> list[ArticleInfo]:
    with ctx.db.read() as s:
        return articles(s, party_kind)


def articles(session: Session, party_kind: str | None = None) -> list[ArticleInfo]:
    q = select(PenaltyArticle).where(PenaltyArticle.active.is_(True)).order_by(PenaltyArticle.id)
    if party_kind:
        q = q.where(PenaltyArticle.party_kind == party_kind)
    return [_info(a) for a in session.execute(q).scalars()]


def article(session: Session, code: str) -> ArticleInfo:
    row = session.execute(select(PenaltyArticle).where(PenaltyArticle.code == code)).scalar()
    if row is None or not row.active:
        raise ValidationError("违法条款", f"条款表中没有“{code}”，请从列表中选择")
    return _info(row)


def all_articles(ctx: ServiceContext) -> list[ArticleInfo]:
    """The whole table for 打印设置, deactivated rows included (they stay for documents that cite them)."""
    with ctx.db.read() as s:
        return [_info(a) for a in s.execute(select(PenaltyArticle).order_by(PenaltyArticle.id)).scalars()]


PARTY_KINDS = ("单位", "个人")
_TEXT_LIMITS = (("code", "条款编码", 20), ("violation", "违法行为", 200), ("violated_article", "违法条款", 200),
                ("penalty_article", "处罚条款", 200))


def _validated(a: ArticleInfo) -> ArticleInfo:
    """Trimmed copy of `a`, or ValidationError naming the field (the dialog puts it next to that field)."""
    values = {}
    for attr, label, limit in _TEXT_LIMITS:
        text = (getattr(a, attr) or "").strip()
        if not text:
            raise ValidationError(label, "不能为空")
        if len(text) > limit:
            raise ValidationError(label, f"不能超过 {limit} 个字")
        values[attr] = text
    if a.party_kind not in PARTY_KINDS:
        raise ValidationError("当事人", "只能是 单位 或 个人")
    for label, value in (("最低罚款（元）", a.min_fine), ("最高罚款（元）", a.max_fine)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(label, "请填写整数金额（元）")
        if value < 0:
            raise ValidationError(label, "不能为负数")
    if a.max_fine < a.min_fine:
        raise ValidationError("最高罚款（元）", "不能小于最低罚款")
    if a.max_fine == 0 and not a.warning_allowed:
        raise ValidationError("最高罚款（元）", "既不设警告也不设罚款的条款无法使用：请填写罚款幅度或允许警告")
    extra = (a.extra or "").strip()
    if len(extra) > 100:
        raise ValidationError("并处/其他", "不能超过 100 个字")
    return replace(a, **values, extra=extra, warning_allowed=bool(a.warning_allowed))


def _audit_view(a: ArticleInfo) -> dict:
    return asdict(a)


def add_article(ctx: ServiceContext, art: ArticleInfo) -> ArticleInfo:
    """A new row of the table (a province may add its own items); the code must be new."""
    require(ctx, "station.edit")
    art = replace(_validated(art), active=True)
    with ctx.db.write() as s:
        if s.execute(select(PenaltyArticle.id).where(PenaltyArticle.code == art.code)).first():
            raise ValidationError("条款编码", f"编码“{art.code}”已经存在")
        s.add(PenaltyArticle(code=art.code, party_kind=art.party_kind, violation=art.violation,
                             violated_article=art.violated_article, penalty_article=art.penalty_article,
                             warning_allowed=art.warning_allowed, min_fine=art.min_fine, max_fine=art.max_fine,
                             extra=art.extra, active=True))
        audit.record(s, ctx.actor.username, "新增处罚条款", "penalty_article", art.code, None, _audit_view(art))
    return art


def edit_article(ctx: ServiceContext, art: ArticleInfo) -> ArticleInfo:
    """Change the texts and fine range of the row with `art.code` (the code itself is what documents cite)."""
    require(ctx, "station.edit")
    art = _validated(art)
    with ctx.db.write() as s:
        row = s.execute(select(PenaltyArticle).where(PenaltyArticle.code == art.code)).scalar()
        if row is None:
            raise NotFound(f"没有找到条款“{art.code}”。")
        before = _info(row)
        for attr in ("party_kind", "violation", "violated_article", "penalty_article", "warning_allowed", "min_fine",
                     "max_fine", "extra"):
            setattr(row, attr, getattr(art, attr))
        after = _info(row)
        if after != before:
            audit.record(s, ctx.actor.username, "修改处罚条款", "penalty_article", art.code, _audit_view(before),
                         _audit_view(after))
        return after


def set_article_active(ctx: ServiceContext, code: str, active: bool) -> ArticleInfo:
    """Deactivate (or restore) a row: it leaves the choice lists; issued documents keep their archived PDF."""
    require(ctx, "station.edit")
    with ctx.db.write() as s:
        row = s.execute(select(PenaltyArticle).where(PenaltyArticle.code == code)).scalar()
        if row is None:
            raise NotFound(f"没有找到条款“{code}”。")
        if row.active != active:
            row.active = active
            audit.record(s, ctx.actor.username, "启用处罚条款" if active else "停用处罚条款", "penalty_article", code,
                         {"active": not active}, {"active": active})
        return _info(row)


def update_article(ctx: ServiceContext, code: str, min_fine: int, max_fine: int, warning_allowed: bool) -> ArticleInfo:
    """Only the fine range of a row (kept for existing callers); see `edit_article`."""
    with ctx.db.read() as s:
        row = s.execute(select(PenaltyArticle).where(PenaltyArticle.code == code)).scalar()
        if row is None:
            raise NotFound(f"没有找到条款“{code}”。")
        current = _info(row)
    return edit_article(ctx, replace(current, min_fine=min_fine, max_fine=max_fine, warning_allowed=warning_allowed))


def check_penalty(art: ArticleInfo, party_kind: str, kind: str, fine: int | None, on_the_spot: bool = False) -> None:
    """Refuse a penalty the article does not allow, naming the range."""
    if party_kind != art.party_kind:
        raise ValidationError("违法条款", f"“{art.code}”适用于{art.party_kind}，当事人是{party_kind}")
    if kind == "警告":
        if not art.warning_allowed:
            raise ValidationError("处罚种类", f"{art.penalty_article}不设警告，应处{art.range_text()}")
        if fine:
            raise ValidationError("罚款金额（元）", "警告不并处罚款，请清空金额")
    elif kind == "罚款":
        if fine is None or fine <= 0:
            raise ValidationError("罚款金额（元）", "请填写罚款金额")
        if not art.min_fine <= fine <= art.max_fine:
            raise ValidationError("罚款金额（元）", f"{fine:,} 元超出{art.penalty_article}规定的幅度：{art.range_text()}")
    else:
        raise ValidationError("处罚种类", "只能是 罚款 或 警告")
    if on_the_spot and kind == "罚款" and fine > ON_THE_SPOT_LIMIT[party_kind]:
        raise ValidationError("罚款金额（元）", f"当场处罚对{party_kind}罚款不得超过 {ON_THE_SPOT_LIMIT[party_kind]:,} 元"
                              "（行政处罚法第五十一条），请按普通程序办理")


def capitals(amount: int) -> str:
    """5000 → 伍仟元整 (the form prints figures and capitals side by side)."""
    import cn2an

    return cn2an.an2cn(amount, "rmb")


def amount_text(amount: int) -> str:
    return f"人民币{capitals(amount)}（¥{amount:,}.00）"


def rights_text() -> str:
    return (f"你（单位）有权进行陈述和申辩；对拟作出的处罚，有权要求举行听证，要求听证的应当在收到本告知书之日起"
            f"{HEARING_WORKDAYS}个工作日内提出。逾期未提出陈述、申辩或者听证要求的，视为放弃上述权利。")


def remedies_text(review_body: str) -> str:
    return (f"如不服本决定，可以在收到本决定书之日起{REVIEW_DAYS}日内向{review_body}申请行政复议，"
            f"或者在{LITIGATION_MONTHS}个月内依法向人民法院提起行政诉讼。")


def payment_text(bank: str) -> str:
    where = bank or "指定银行"
    return (f"被处罚人应当自收到本决定书之日起{PAYMENT_DAYS}日内，到{where}缴纳罚款。"
            "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。")
