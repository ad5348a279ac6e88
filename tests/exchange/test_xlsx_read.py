"""Reading tables with calamine: header row under titles, merged two-level headers, cell normalisation."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from fireoffice.exchange import xlsx_read
from fireoffice.exchange.xlsx_read import SpreadsheetError, normalize_cell, normalize_header, read_table

SYN = {"name": ("单位名称", "名称", "场所名称"), "address": ("详细地址", "地址"),
       "resp_person": ("消防安全责任人", "责任人"), "resp_phone": ("消防安全责任人电话", "责任人电话"),
       "area": ("建筑面积（㎡）", "面积")}


def make(path: Path, rows, merges=(), hidden_first=False) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    if hidden_first:
        ws.title = "选项"
        ws.append(["单位名称", "地址"])
        ws.sheet_state = "hidden"
        ws = wb.create_sheet("数据")
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path


@pytest.mark.parametrize(("raw", "value"), [
    ("", None), ("  ", None), ("—", None), ("无", None), ("N/A", None), ("--", None),
    (" ＡＢＣ１２３ ", "ABC123"), ("解放路　 12号", "解放路 12号"), ("老王（2店）", "老王（2店）"),
    ("a\nb", "a b"), (12.0, 12), (12.5, 12.5), (True, True),
    (datetime(2024, 3, 5), date(2024, 3, 5)), (datetime(2024, 3, 5, 8, 30), datetime(2024, 3, 5, 8, 30)),
])
def test_normalize_cell(raw, value):
    assert normalize_cell(raw) == value


def test_normalize_header_drops_marks_and_units():
    assert normalize_header("*建筑面积（㎡）") == normalize_header("建筑面积") == "建筑面积"
    assert normalize_header(" 单位 名称： ") == "单位名称"
    assert normalize_header("使用/经营面积(m2)") == "使用经营面积"


def test_header_found_below_title_rows(tmp_path):
    path = make(tmp_path / "a.xlsx", [["某街道列管单位台账"], [], ["序号", "名称", "地址", "责任人", "备注栏"],
                                      [1, "甲", "一路", "张三", "x"], [], [2, "乙", "二路", None, None],
                                      ["制表人：李四"]], merges=("A1:E1",))
    t = read_table(path, SYN)
    assert t.header_row == 3 and t.mapping == {1: "name", 2: "address", 3: "resp_person"}
    assert t.keys == ["name", "address", "resp_person"]
    assert t.unknown_headers == [(4, "备注栏")]
    assert t.rows == [(4, ("甲", "一路", "张三")), (6, ("乙", "二路", None))]
    assert t.skipped_rows == 2  # the blank row and the footer


def test_two_level_header(tmp_path):
    path = make(tmp_path / "b.xlsx", [["单位名称", "地址", "消防安全责任人", None], [None, None, "姓名", "联系电话"],
                                      ["甲", "一路", "张三", "139"]], merges=("A1:A2", "B1:B2", "C1:D1"))
    t = read_table(path, SYN)
    assert t.header_row == 2 and t.mapping == {0: "name", 1: "address", 2: "resp_person", 3: "resp_phone"}
    assert t.headers[3] == "消防安全责任人联系电话"
    assert t.rows == [(3, ("甲", "一路", "张三", "139"))]  # text stays text


def test_first_column_of_a_field_wins_and_hidden_sheets_are_skipped(tmp_path):
    path = make(tmp_path / "c.xlsx", [["名称", "场所名称", "地址"], ["甲", "甲2", "一路"]], hidden_first=True)
    t = read_table(path, SYN)
    assert t.sheet_name == "数据" and t.mapping == {0: "name", 2: "address"}
    assert t.unknown_headers == [(1, "场所名称")]


def test_explicit_header_row_and_mapping(tmp_path):
    path = make(tmp_path / "d.xlsx", [["x", "y"], ["甲", "一路"]])
    with pytest.raises(SpreadsheetError, match="没有找到表头"):
        read_table(path, SYN)
    t = read_table(path, SYN, header_row=1, mapping={0: "name", 1: "address"})
    assert t.rows == [(2, ("甲", "一路"))]
    t = read_table(path, SYN, header_row=1, mapping={0: "name", 1: None})
    assert t.keys == ["name"]
    with pytest.raises(SpreadsheetError, match="表头行 40"):
        read_table(path, SYN, header_row=40)


def test_example_rows_are_skipped(tmp_path):
    path = make(tmp_path / "e.xlsx", [["单位名称", "地址"], [xlsx_read.EXAMPLE_MARK + "甲", "一路"], ["乙", "二路"]])
    assert [v for _r, v in read_table(path, SYN).rows] == [("乙", "二路")]


def test_row_limit_while_reading(tmp_path):
    path = make(tmp_path / "f.xlsx", [["单位名称", "地址"]] + [[f"单位{i}", "路"] for i in range(30)])
    with pytest.raises(SpreadsheetError, match="上限 10 行"):
        read_table(path, SYN, max_rows=10)
    assert len(read_table(path, SYN, max_rows=30).rows) == 30


def test_formula_gaps_are_reported_by_row_and_field(tmp_path):
    path = make(tmp_path / "g.xlsx", [["单位名称", "地址", "面积"], ["甲", "=B3", "=10*2"], ["乙", "二路", 5]])
    t = read_table(path, SYN)
    assert sorted(t.formula_gaps) == [(2, "address"), (2, "area")]


def test_cancel_while_reading(tmp_path):
    path = make(tmp_path / "h.xlsx", [["单位名称", "地址"]] + [[f"单位{i}", "路"] for i in range(12000)])
    t = read_table(path, SYN, cancelled=lambda: True)
    assert len(t.rows) == 5000  # stops at the first check
