"""Penalty articles and fines: the editable article table, range checks, 当场处罚 limits, amounts in capitals."""

from __future__ import annotations

from dataclasses import dataclass

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

    def range_text(self) -> str:
        fine = f"{self.min_fine:,}–{self.max_fine:,} 元" if self.min_fine else f"{self.max_fine:,} 元以下"
        return f"警告或罚款 {fine}" if self.warning_allowed else f"罚款 {fine}"


def _info(a: PenaltyArticle) -> ArticleInfo:
    return ArticleInfo(a.code, a.party_kind, a.violation, a.violated_article, a.penalty_article, a.warning_allowed,
                       a.min_fine, a.max_fine, a.extra)


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


def update_article(ctx: ServiceContext, code: str, min_fine: int, max_fine: int, warning_allowed: bool) -> ArticleInfo:
    """The table is editable (a province may add its own items); ranges stay sane."""
    require(ctx, "station.edit")
    if min_fine < 0 or max_fine < min_fine:
        raise ValidationError("罚款幅度", "下限不能为负，上限不能小于下限")
    with ctx.db.write() as s:
        row = s.execute(select(PenaltyArticle).where(PenaltyArticle.code == code)).scalar()
        if row is None:
            raise NotFound(f"没有找到条款“{code}”。")
        before = {"min": row.min_fine, "max": row.max_fine, "warning": row.warning_allowed}
        row.min_fine, row.max_fine, row.warning_allowed = min_fine, max_fine, warning_allowed
        audit.record(s, ctx.actor.username, "修改处罚条款", "penalty_article", code, before,
                     {"min": min_fine, "max": max_fine, "warning": warning_allowed})
        return _info(row)


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
