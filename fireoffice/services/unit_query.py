"""The register list: quick search, filters, sorting and paging in SQL — never all units in memory."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from fireoffice.db.models import Grid, Unit, Village
from fireoffice.services import privacy
from fireoffice.services.context import ServiceContext
from fireoffice.services.unit_fields import NINE_SMALL_TYPES, RISK_LEVELS, STATUSES
from fireoffice.services.unit_text import search_key

FLAGS = {"is_key_unit": "重点单位", "is_crowded": "人员密集场所", "is_multi_business": "多业态混合场所",
         "is_three_in_one": "三合一场所", "is_high_rise": "高层建筑", "is_underground": "地下/半地下场所",
         "has_flammables": "涉及易燃易爆"}
ANY_NINE_SMALL = "*"
_RISK_ORDER = case({level: i for i, level in enumerate(RISK_LEVELS)}, value=Unit.risk_level, else_=len(RISK_LEVELS))
SORT_COLUMNS = {
    "name": Unit.name, "short_name": Unit.short_name, "address": Unit.address, "uscc": Unit.uscc,
    "use_nature": Unit.use_nature, "nine_small_type": Unit.nine_small_type, "is_key_unit": Unit.is_key_unit,
    "resp_person": Unit.resp_person, "resp_phone": Unit.resp_phone, "village_name": Village.name,
    "grid_name": Grid.name, "risk_level": _RISK_ORDER, "status": Unit.status, "registered_on": Unit.registered_on,
    "updated_at": Unit.updated_at, "created_at": Unit.created_at,
}
# Columns of the register page, in order: (UnitRow attribute, header).
COLUMNS = (("name", "单位名称"), ("address", "详细地址"), ("uscc", "统一社会信用代码"), ("use_nature", "使用性质"),
           ("nine_small_type", "九小场所类别"), ("is_key_unit", "重点单位"), ("resp_person", "消防安全责任人"),
           ("resp_phone", "责任人电话"), ("village_name", "所属村（社区）"), ("grid_name", "所属网格"),
           ("risk_level", "风险等级"), ("status", "列管状态"), ("registered_on", "列管日期"))


@dataclass(frozen=True)
class UnitQuery:
    """What the register page shows. Empty/None filters mean “all”."""

    text: str = ""  # quick search: words separated by spaces must all match
    nine_small_type: str | None = None  # a category, "*" any 九小 place, "" none
    key_unit: bool | None = None
    flags: tuple[str, ...] = ()  # keys of FLAGS that must be true
    village_id: int | None = None
    grid_id: int | None = None
    risk_level: str | None = None
    status: str | None = None
    include_archived: bool = False
    archived_only: bool = False
    sort: str = "name"
    descending: bool = False
    offset: int = 0
    limit: int = 200

    def page(self, offset: int, limit: int | None = None) -> UnitQuery:
        return replace(self, offset=offset, limit=self.limit if limit is None else limit)


@dataclass(frozen=True)
class UnitRow:
    id: int
    uid: str
    name: str
    address: str
    uscc: str
    use_nature: str
    nine_small_type: str
    is_key_unit: bool
    resp_person: str
    resp_phone: str
    village_name: str
    grid_name: str
    risk_level: str
    status: str
    registered_on: date | None
    archived: bool


@dataclass(frozen=True)
class UnitCounts:
    total: int  # units in the register (not archived, unless archived ones are shown)
    filtered: int

    def text(self) -> str:
        if self.filtered == self.total:
            return f"共 {self.total:,} 家"
        return f"共 {self.total:,} 家 / 筛选出 {self.filtered:,} 家"


@dataclass(frozen=True)
class FilterOptions:
    villages: list[tuple[int, str]]
    grids: list[tuple[int, int, str]]  # (grid id, village id, name)
    nine_small_types: list[str]
    risk_levels: list[str]
    statuses: list[str]
    flags: dict[str, str]


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_conditions(column, text: str) -> list:
    conds = []
    for word in text.split():
        key = search_key(word)
        if key:
            conds.append(column.like(f"%{_escape_like(key)}%", escape="\\"))
    return conds


def _has_other_filters(q: UnitQuery) -> bool:
    return bool(q.flags) or any(v is not None for v in (
        q.nine_small_type, q.key_unit, q.village_id, q.grid_id, q.risk_level, q.status))


def apply_filters(query: Select, q: UnitQuery, *, text_subquery: bool = True) -> Select:
    """WHERE clauses for q. The text match runs as `id IN (SELECT id … search_text LIKE …)` so SQLite reads
    the narrow covering index ix_unit_search (~25 ms on 100,000 units) instead of the wide table (~100 ms);
    a bare count may match inline, where the planner picks the same index by itself."""
    archived = None
    if q.archived_only:
        archived = Unit.archived.is_(True)
    elif not q.include_archived:
        archived = Unit.archived.is_(False)
    if archived is not None:
        query = query.where(archived)
    if q.text.split():
        if text_subquery:
            inner = Unit.__table__.alias("hit")
            match = select(inner.c.id).where(*_text_conditions(inner.c.search_text, q.text))
            if q.archived_only or not q.include_archived:
                match = match.where(inner.c.archived.is_(bool(q.archived_only)))
            query = query.where(Unit.id.in_(match))
        else:
            query = query.where(*_text_conditions(Unit.search_text, q.text))
    if q.nine_small_type == ANY_NINE_SMALL:
        query = query.where(Unit.nine_small_type != "")
    elif q.nine_small_type is not None:
        query = query.where(Unit.nine_small_type == q.nine_small_type)
    if q.key_unit is not None:
        query = query.where(Unit.is_key_unit.is_(q.key_unit))
    for flag in q.flags:
        if flag not in FLAGS:
            raise ValueError(f"unknown flag {flag}")
        query = query.where(getattr(Unit, flag).is_(True))
    for column, value in ((Unit.village_id, q.village_id), (Unit.grid_id, q.grid_id),
                          (Unit.risk_level, q.risk_level), (Unit.status, q.status)):
        if value is not None:
            query = query.where(column == value)
    return query


def count_statement(q: UnitQuery) -> Select:
    """The COUNT behind “筛选出 N 家” (exposed for benchmarks)."""
    return apply_filters(select(func.count(Unit.id)), q, text_subquery=_has_other_filters(q))


def apply_order(query: Select, q: UnitQuery) -> Select:
    column = SORT_COLUMNS.get(q.sort, Unit.name)
    if q.sort == "village_name":
        query = query.outerjoin(Village, Village.id == Unit.village_id)
    elif q.sort == "grid_name":
        query = query.outerjoin(Grid, Grid.id == Unit.grid_id)
    # The id tie-break keeps pages stable; with (archived, name) indexed SQLite walks the index, no sort.
    if q.descending:
        return query.order_by(column.desc(), Unit.id.desc())
    return query.order_by(column, Unit.id)


_ROW_COLUMNS = (Unit.id, Unit.uid, Unit.name, Unit.address, Unit.uscc, Unit.use_nature, Unit.nine_small_type,
                Unit.is_key_unit, Unit.resp_person, Unit.resp_phone, Unit.village_id, Unit.grid_id,
                Unit.risk_level, Unit.status, Unit.registered_on, Unit.archived)


def page_statement(q: UnitQuery) -> Select:
    """The SELECT behind one page (exposed so benchmarks can run the same SQL directly)."""
    return apply_order(apply_filters(select(*_ROW_COLUMNS), q), q).offset(max(q.offset, 0)).limit(max(q.limit, 0))


def _names(session: Session) -> tuple[dict[int, str], dict[int, str]]:
    # Villages and grids are a few dozen rows: a dict beats a join on every page.
    villages = dict(session.execute(select(Village.id, Village.name)).all())
    grids = dict(session.execute(select(Grid.id, Grid.name)).all())
    return villages, grids


def _rows(session: Session, result) -> list[UnitRow]:
    villages, grids = _names(session)
    return [UnitRow(r.id, r.uid, r.name, r.address, r.uscc, r.use_nature, r.nine_small_type, r.is_key_unit,
                    r.resp_person, r.resp_phone, villages.get(r.village_id, ""), grids.get(r.grid_id, ""),
                    r.risk_level, r.status, r.registered_on, r.archived) for r in result]


def list_units(ctx: ServiceContext, q: UnitQuery) -> list[UnitRow]:
    """One page of rows (q.offset, q.limit), filtered and sorted in SQL."""
    with ctx.db.read() as s:
        return _masked(ctx, _rows(s, s.execute(page_statement(q))))


def count_units(ctx: ServiceContext, q: UnitQuery) -> int:
    with ctx.db.read() as s:
        return s.execute(count_statement(q)).scalar_one()


def count_all(ctx: ServiceContext, include_archived: bool = False) -> int:
    with ctx.db.read() as s:
        query = select(func.count(Unit.id))
        if not include_archived:
            query = query.where(Unit.archived.is_(False))
        return s.execute(query).scalar_one()


def _filtered(q: UnitQuery) -> bool:
    return bool(q.text.split()) or _has_other_filters(q)


def counts(ctx: ServiceContext, q: UnitQuery, filtered: int | None = None) -> UnitCounts:
    """For the status line “共 12,345 家 / 筛选出 321 家”.

    A caller that already holds the matching ids (list_ids) passes `filtered=len(ids)`: one query less.
    """
    base = UnitQuery(include_archived=q.include_archived, archived_only=q.archived_only)
    with ctx.db.read() as s:
        total = s.execute(apply_filters(select(func.count(Unit.id)), base)).scalar_one()
        if filtered is None:
            filtered = s.execute(count_statement(q)).scalar_one() if _filtered(q) else total
    return UnitCounts(total, filtered)


def list_ids(ctx: ServiceContext, q: UnitQuery) -> list[int]:
    """All matching ids in display order (a model may keep only ids and fetch rows lazily)."""
    with ctx.db.read() as s:
        return list(s.execute(apply_order(apply_filters(select(Unit.id), q), q)).scalars())


def rows_by_ids(ctx: ServiceContext, ids: list[int]) -> list[UnitRow]:
    """Rows for these ids, in the order given (missing ids are left out)."""
    with ctx.db.read() as s:
        found = {r.id: r for r in _rows(s, s.execute(select(*_ROW_COLUMNS).where(Unit.id.in_(ids))))}
    return _masked(ctx, [found[i] for i in ids if i in found])


def _masked(ctx: ServiceContext, rows: list[UnitRow]) -> list[UnitRow]:
    """A 个体户 registered under its owner's 身份证号: masked for roles without privacy.view_id_numbers."""
    mask = privacy.id_masker(ctx)
    return [replace(r, uscc=mask(r.uscc)) if r.uscc else r for r in rows]


def search(ctx: ServiceContext, text: str, limit: int = 20, include_archived: bool = False) -> list[UnitRow]:
    """Quick search (name, address, USCC, people, phones, pinyin), best names first."""
    return list_units(ctx, UnitQuery(text=text, include_archived=include_archived, limit=limit))


def filter_options(ctx: ServiceContext) -> FilterOptions:
    """Choices for the filter combo boxes: known values plus any other value found in the register."""
    with ctx.db.read() as s:
        villages = [tuple(r) for r in s.execute(select(Village.id, Village.name).order_by(Village.name))]
        grids = [tuple(r) for r in s.execute(select(Grid.id, Grid.village_id, Grid.name).order_by(Grid.name))]
        statuses = list(s.execute(select(Unit.status).distinct()).scalars())
        risks = list(s.execute(select(Unit.risk_level).distinct()).scalars())
        nine = list(s.execute(select(Unit.nine_small_type).distinct().where(Unit.nine_small_type != "")).scalars())
    merge = lambda known, found: list(known) + sorted(v for v in set(found) - set(known) if v)  # noqa: E731
    return FilterOptions(villages, grids, merge(NINE_SMALL_TYPES, nine), merge(RISK_LEVELS, risks),
                         merge(STATUSES, statuses), dict(FLAGS))
