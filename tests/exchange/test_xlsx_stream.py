"""The streamed ledger writer: cells, dates, escaping, totals and print setup read back by openpyxl and calamine."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from fireoffice.exchange.xlsx_stream import write_ledger
from fireoffice.exchange.xlsx_units import Column, ExportCancelled

COLUMNS = [Column("名称", 20), Column("日期", 11, "date"), Column("时间", 16, "datetime"), Column("数量", 8, "number")]


def test_cells_read_back(tmp_path):
    rows = [["A & <B> \"引号\"", date(2026, 3, 5), datetime(2026, 3, 5, 14, 30), 3],
            [" 前后空格 ", None, None, 2.5],
            ["控制\x01字符", date(1999, 12, 31), datetime(2000, 1, 1, 0, 0), None]]
    path = tmp_path / "l.xlsx"
    n = write_ledger(path, "标题 & 台账", "统计期间：全部", COLUMNS, iter(rows), sheet="检查's台账",
                     totals=lambda: ["合计 3 条", None, None, 5.5])
    assert n == 3 and not (tmp_path / "l.xlsx.part").exists()
    got = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert got[0][0] == "标题 & 台账" and got[2] == ["名称", "日期", "时间", "数量"]
    assert got[3] == ["A & <B> \"引号\"", date(2026, 3, 5), datetime(2026, 3, 5, 14, 30), 3]
    assert got[4][0] == " 前后空格 " and got[4][3] == 2.5 and got[4][1] == ""
    assert got[5][0] == "控制\x01字符" and str(got[5][2]).startswith("2000-01-01")  # midnight: a whole day
    assert got[6][0] == "合计 3 条" and got[6][3] == 5.5
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    assert ws.title == "检查's台账" and ws.freeze_panes == "B4" and ws.auto_filter.ref == "A3:D6"
    assert ws["B4"].number_format == "yyyy\\-mm\\-dd" and ws["A6"].font.b is False and ws["A7"].font.b
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$3:$3" and "A1:D1" in {str(r) for r in ws.merged_cells.ranges}


def test_cancel_leaves_no_file(tmp_path):
    rows = ([f"单位{i}", None, None, i] for i in range(10_000))
    with pytest.raises(ExportCancelled):
        write_ledger(tmp_path / "c.xlsx", "t", "s", COLUMNS, rows, progress=lambda done: done < 4000)
    assert list(tmp_path.iterdir()) == []
