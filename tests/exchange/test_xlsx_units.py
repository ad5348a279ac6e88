"""Styled register export (streamed SpreadsheetML, constant memory) and the import template (openpyxl, drop-downs)."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest

from fireoffice.exchange.xlsx_stream import write_ledger as write_register
from fireoffice.exchange.xlsx_units import Column, ExportCancelled, write_template

COLS = [Column("单位名称", 30), Column("建筑面积（㎡）", 12, "number"), Column("列管日期", 12, "date"),
        Column("重点单位", 8)]


def test_register_layout(tmp_path):
    path = tmp_path / "r.xlsx"
    rows = [["甲", 120.5, date(2024, 3, 5), "是"], ["乙", None, None, "否"]]
    assert write_register(path, "东城街道消防所列管单位台账", "导出日期：2024-03-05", COLS, iter(rows)) == 2
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "东城街道消防所列管单位台账" and "A1:D1" in ws.merged_cells
    assert [c.value for c in ws[3]] == ["单位名称", "建筑面积（㎡）", "列管日期", "重点单位"]
    assert ws["A3"].font.b
    assert ws.freeze_panes == "B4" and ws.auto_filter.ref == "A3:D5"
    assert ws["B4"].value == 120.5 and ws["C4"].value.date() == date(2024, 3, 5)
    assert ws["C4"].number_format.replace("\\", "") == "yyyy-mm-dd" and ws["B5"].value is None
    assert ws.column_dimensions["A"].width == pytest.approx(30, abs=1)
    assert not (tmp_path / "r.xlsx.part").exists()


def test_cancel_leaves_no_file(tmp_path):
    path = tmp_path / "c.xlsx"
    rows = ([f"单位{i}", i, None, "否"] for i in range(5000))
    with pytest.raises(ExportCancelled):
        write_register(path, "t", "s", COLS, rows, progress=lambda n: n < 2000)
    assert list(tmp_path.iterdir()) == []


def test_template_has_required_marks_example_and_dropdowns(tmp_path):
    cols = [Column("单位名称", 30, required=True), Column("九小场所类别", 16, choices=("小商店", "小餐饮场所")),
            Column("列管日期", 12, "date")]
    path = write_template(tmp_path / "t.xlsx", "列管单位导入模板", "说明", cols, ["（示例）甲", "小商店", date(2024, 3, 5)])
    wb = openpyxl.load_workbook(path)
    ws = wb["列管单位"]
    assert [c.value for c in ws[3]] == ["单位名称", "九小场所类别", "列管日期"]
    assert ws["A3"].font.color.rgb.endswith("C00000") and ws["A4"].value == "（示例）甲"
    assert wb["选项"].sheet_state == "hidden" and [c.value for c in wb["选项"]["A"]] == ["九小场所类别", "小商店",
                                                                                          "小餐饮场所"]
    dv = ws.data_validations.dataValidation
    assert len(dv) == 1 and dv[0].type == "list" and "选项" in dv[0].formula1 and "B4" in str(dv[0].sqref)
