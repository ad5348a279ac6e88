"""Ledgers and the monthly report: every kind read back with python-calamine holds exactly the database's rows."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlalchemy import text

from fireoffice.services import ledgers, stats_monthly
from fireoffice.services.context import Actor
from fireoffice.services.errors import PermissionDenied, ValidationError

EXPECTED = {
    "units": "select count(*) from unit where not archived",
    "inspections": "select count(*) from inspection",
    "hazards": "select count(*) from hazard",
    "documents": "select count(*) from enforcement_document where number is not null",
    "penalties": "select count(*) from enforcement_document where number is not null "
                 "and doc_type in ('行政处罚决定书', '当场处罚决定书')",
    "interviews": "select count(*) from interview_record r join training_session t on t.id = r.session_id "
                  "where not t.cancelled",
    "trainings": "select count(*) from training_session where not cancelled "
                 "and kind not in ('集中约谈', '一对一警示约谈', '视频约谈', '宣传活动')",
    "publicity": "select count(*) from training_session where not cancelled and kind = '宣传活动'",
}


def _scalar(ctx, sql: str, **params) -> int:
    with ctx.db.read() as s:
        return s.execute(text(sql), params).scalar_one()


def _data_rows(path) -> list[list]:
    """Rows below the header (row 3), without the 合计 line."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    body = rows[3:]
    if body and str(body[-1][0]).startswith("合计"):
        body = body[:-1]
    return body


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_every_ledger_holds_the_database_rows(demo_ctx, tmp_path, kind):
    expected = _scalar(demo_ctx, EXPECTED[kind])
    assert expected > 0
    result = ledgers.export_ledger(demo_ctx, kind, tmp_path / f"{kind}.xlsx")
    assert result.rows == expected
    assert len(_data_rows(result.path)) == expected
    ws = openpyxl.load_workbook(result.path).active
    assert ws["A1"].value.startswith("东城街道消防工作所") and ws["A1"].value.endswith(ledgers.TITLES[kind])
    assert ws.freeze_panes in ("B4",) and ws.auto_filter.ref
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0  # one page wide


def test_totals_and_period_filter(demo_ctx, tmp_path):
    first, last = date(2026, 1, 1), date(2026, 6, 30)
    expected = _scalar(demo_ctx, "select count(*) from hazard where found_on between :a and :b", a=first, b=last)
    closed = _scalar(demo_ctx, "select count(*) from hazard where found_on between :a and :b and state = '已销号'",
                     a=first, b=last)
    result = ledgers.export_ledger(demo_ctx, "hazards", tmp_path / "h.xlsx", ledgers.Period(first, last))
    rows = CalamineWorkbook.from_path(str(result.path)).get_sheet_by_index(0).to_python()
    assert "2026-01-01 至 2026-06-30" in rows[1][0]
    assert result.rows == expected == len(rows) - 4
    header, total = rows[2], rows[-1]
    assert total[0] == f"合计 {expected:,} 条" and total[header.index("已销号")] == closed
    assert all(first <= r[header.index("发现日期")] <= last for r in rows[3:-1])
    fines = _scalar(demo_ctx, "select count(*) from enforcement_document where doc_type = '行政处罚决定书' "
                              "and number is not null")
    pen = CalamineWorkbook.from_path(str(ledgers.export_ledger(demo_ctx, "penalties", tmp_path / "p.xlsx").path))
    assert fines and pen.get_sheet_by_index(0).to_python()[-1][0] == f"合计 {fines} 条"
    with pytest.raises(ValidationError):
        ledgers.Period(last, first)


def test_county_template_orders_and_renames_columns(demo_ctx, tmp_path):
    ledgers.save_template(demo_ctx, "hazards", [("state", "整改状态"), ("hazard_no", "编号"), ("unit", "单位名称")])
    assert ledgers.template(demo_ctx, "hazards")[0] == ("state", "整改状态")
    path = ledgers.export_ledger(demo_ctx, "hazards", tmp_path / "t.xlsx").path
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[2] == ["整改状态", "编号", "单位名称"]
    with pytest.raises(ValidationError):
        ledgers.save_template(demo_ctx, "hazards", [("nonsense", "x")])
    ledgers.save_template(demo_ctx, "hazards", None)
    assert ledgers.template(demo_ctx, "hazards")[0] == ("hazard_no", "隐患编号")


def test_refusals(demo_ctx, tmp_path):
    demo_ctx.actor = Actor("grid", "网格员甲", "网格员")
    with pytest.raises(PermissionDenied):
        ledgers.export_ledger(demo_ctx, "hazards", tmp_path / "h.xlsx")


def test_monthly_report_is_computed_from_records(demo_ctx):
    today = date.today()
    report = stats_monthly.monthly_report(demo_ctx, today.year, today.month, "grid")
    assert report.areas[-1] == stats_monthly.TOTAL
    ytd_found = _scalar(demo_ctx, "select count(*) from hazard where found_on between :a and :b",
                        a=date(today.year, 1, 1), b=today.replace(day=28) if today.month == 2 else today)
    total = report.cell("合计", "hazards")
    assert total.ytd >= ytd_found > 0
    # per grid figures add up to the total, and each figure is exactly its drill-down
    grids = [a for a in report.areas if a != "合计"]
    assert sum(report.cell(a, "hazards").ytd for a in grids) == total.ytd
    for area in grids[:5] + ["合计"]:
        for key in ("inspections", "hazards", "closed", "interviews"):
            rows = stats_monthly.records(demo_ctx, today.year, today.month, "grid", area, key, "ytd")
            assert len(rows) == report.cell(area, key).ytd
    closed, found = report.cell("合计", "closed").ytd, report.cell("合计", "hazards").ytd
    assert report.cell("合计", "rectify_rate").ytd == round(closed / found * 100, 1)
    assert report.cell("合计", "fines").ytd == sum(
        r.value for r in stats_monthly.records(demo_ctx, today.year, today.month, "grid", "合计", "fines", "ytd"))
    by_town = stats_monthly.monthly_report(demo_ctx, today.year, today.month, "township")
    assert by_town.cell("合计", "hazards") == total
    assert stats_monthly.Cell(12, 30, 10).yoy == "+20.0%" and stats_monthly.Cell(1, 1, 0).yoy == "—"


def test_stats_ledger(demo_ctx, tmp_path):
    result = ledgers.export_ledger(demo_ctx, "stats", tmp_path / "s.xlsx")
    rows = CalamineWorkbook.from_path(str(result.path)).get_sheet_by_index(0).to_python()
    assert "统计月报" in rows[0][0] and rows[2][1] == "列管单位数·本月" and rows[-1][0] == "合计"
    assert rows[-1][1] == _scalar(demo_ctx, EXPECTED["units"])


def test_units_ledger_is_the_register_at_the_period_end(demo_ctx, tmp_path):
    first, last = date(2025, 1, 1), date(2025, 12, 31)
    with demo_ctx.db.write() as s:  # one unit removed in the period, one after it, one registered after it
        ids = [r[0] for r in s.execute(text("select id from unit where not archived order by id limit 3"))]
        s.execute(text("update unit set registered_on = '2025-03-01' where id in (:a, :b)"), {"a": ids[0], "b": ids[1]})
        s.execute(text("update unit set archived = 1, archived_at = '2025-06-01 00:00:00' where id = :a"),
                  {"a": ids[0]})
        s.execute(text("update unit set archived = 1, archived_at = '2026-02-01 00:00:00' where id = :b"),
                  {"b": ids[1]})
        s.execute(text("update unit set registered_on = '2026-02-01' where id = :c"), {"c": ids[2]})
    at_end = _scalar(demo_ctx, "select count(*) from unit where "
                               "coalesce(registered_on, date(created_at)) <= '2025-12-31' and "
                               "(not archived or archived_at >= '2026-01-01')")
    added = _scalar(demo_ctx, "select count(*) from unit where coalesce(registered_on, date(created_at)) "
                              "between '2025-01-01' and '2025-12-31' and (not archived or archived_at >= '2026-01-01')")
    assert 0 < added < at_end
    result = ledgers.export_ledger(demo_ctx, "units", tmp_path / "u.xlsx", ledgers.Period(first, last))
    rows = CalamineWorkbook.from_path(str(result.path)).get_sheet_by_index(0).to_python()
    assert "截至 2025-12-31 在册" in rows[0][0] and f"本期新增 {added:,} 家" in rows[1][0]
    assert result.rows == at_end == len(rows) - 4
    header, body = rows[2], rows[3:-1]
    names = {r[header.index("单位名称")] for r in body}
    with demo_ctx.db.read() as s:
        a, b, c = (s.execute(text("select name from unit where id = :i"), {"i": i}).scalar_one() for i in ids)
    assert a not in names and b in names and c not in names
    assert rows[-1][header.index("本期新增")] == added
    assert sum(1 for r in body if r[header.index("本期新增")] == 1) == added
    # no period: today's register, nothing marked as added
    now = ledgers.export_ledger(demo_ctx, "units", tmp_path / "n.xlsx")
    assert now.rows == _scalar(demo_ctx, EXPECTED["units"])
