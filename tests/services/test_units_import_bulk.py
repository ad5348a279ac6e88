"""The bulk import path (column-wise checks, bulk keys, incremental row seal) gives exactly what the
row-by-row functions give, and the database verifies after an import."""

from __future__ import annotations

import gc
import sqlite3
import uuid
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import select

from fireoffice.db import seals
from fireoffice.db.models import Grid, Unit, Village
from fireoffice.exchange.xlsx_read import normalize_cell, normalize_column
from fireoffice.services import audit, database, unit_import, unit_pinyin, unit_text, units
from fireoffice.services.unit_fields import FIELDS
from fireoffice.services.unit_import_write import new_uids
from fireoffice.services.unit_validation import ColumnCleaner, Refused, Vocab, clean_values

VOCAB = Vocab(villages={"东关社区": 1, "柳林村": 2}, village_names={1: "东关社区", 2: "柳林村"},
              grids={10: (1, "第1网格"), 20: (2, "第1网格"), 21: (2, "柳林第2网格")},
              grids_by_name={"第1网格": [10, 20], "柳林第2网格": [21]}, rule_sets=frozenset({"默认"}))

CELLS = ["", " ", "—", "无", "N/A", "null", "NULL", "Na", "  甲  ", "ＡＢＣ１２３", "a\nb", "解放路　 12号", "老王（2店）",
         "是", "否", "13912345678", "0358 4421119", "91141124956866773H", "91141124956866773A", "91141124956866773h",
         "９１１４１１２４９５６８６６７７３Ｈ", "110108000000016", "2024-03-05", "20240305", "45356", "12", "12.5", "-3",
         "个体", "小餐饮场所", "高风险", "东关社区", "第1网格", "柳林第2网格", "x" * 130, "乙" * 201,
         12.0, 12.5, -1.0, 0.0, 1.0, 45356.0, 1e16, True, False, date(2023, 1, 2), datetime(2024, 3, 5),
         datetime(2024, 3, 5, 8, 30), None]


def test_normalize_column_equals_normalize_cell():
    for column in (CELLS, [c for c in CELLS if isinstance(c, str)], ["甲", "乙", "丙丁"] * 5, [1.0, True, 2.5],
                   ["无", "无", "—", "ok"], [c for c in CELLS if isinstance(c, str) and c.strip() == c]):
        assert normalize_column(column) == [normalize_cell(v) for v in column]


def _per_cell(key, cells):
    """What clean_values (partial, trusted text) gives for each cell alone."""
    out = []
    for v in cells:
        if v is None:
            out.append(None)
            continue
        clean, errors = clean_values({key: v}, VOCAB, partial=True, trusted_text=True)
        parse_errors = [e for e in errors if e.message != "不能为空"]
        out.append(("refused", parse_errors[0].message) if parse_errors
                   else ("ok", clean[key], type(clean[key])))  # True == 1: the type too
    return out


@pytest.mark.parametrize("spec", FIELDS, ids=lambda f: f.key)
def test_column_cleaner_equals_clean_values(spec):
    cells = [normalize_cell(v) for v in CELLS]
    cleaner = ColumnCleaner(VOCAB)
    for block in (cells, cells[::-1], [v for v in cells if not isinstance(v, bool)] * 2):
        got, any_refused = cleaner.clean(spec.key, block)  # the second and third blocks come from the cache
        seen = [None if raw is None else ("refused", v.message) if type(v) is Refused else ("ok", v, type(v))
                for raw, v in zip(block, got, strict=True)]
        assert seen == _per_cell(spec.key, block)
        assert any_refused == any(type(v) is Refused for v in got)


def test_uscc_fast_path_keeps_the_message():
    got, refused = ColumnCleaner(VOCAB).clean("uscc", ["91141124956866773A", "91141124956866773H"])
    assert refused and got[1] == "91141124956866773H"
    assert "校验位不正确" in got[0].message and "“H”" in got[0].message


def test_bulk_keys_equal_the_per_unit_ones():
    texts = ["", "ΑΣ", "Σ", "ＡＢ c（）", "老王火锅店（2店）", "a\u0301\x01b", "＝\u0338", "ﬁ㎡", "  东关  社区 "]
    assert unit_pinyin.normalize_names(texts) == [unit_pinyin.normalize_name(t) for t in texts]
    assert unit_pinyin.normalize_names(["a\x00b", "C"]) == ["a\x00b", "c"]  # a NUL in a text: per text
    names = ["老王火锅店（2店）", "东城街道王记日杂店", "ＫＴＶ（２店）", "行长重地", "〇一二三", "Café 咖啡屋", "火锅店", "火锅"]
    shorts = ["老王", "", "", "", "a\tb", "", "火锅", ""]
    rows = [(n, s, f"解放路{i}号", "", ("张三", "", "李四"), ("13912345678", "", ""))
            for i, (n, s) in enumerate(zip(names, shorts, strict=True))]
    expected = [unit_pinyin.search_columns({"name": n, "short_name": s, "address": a, "uscc": u,
                                            "legal_rep": p[0], "resp_person": p[1], "mgr_person": p[2],
                                            "legal_rep_phone": ph[0], "resp_phone": ph[1], "mgr_phone": ph[2]})
                for n, s, a, u, p, ph in rows]
    got = unit_pinyin.search_texts([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows],
                                   [r[3] for r in rows], list(zip(*[r[4] for r in rows], strict=True)),
                                   list(zip(*[r[5] for r in rows], strict=True)))
    assert got == [e["search_text"] for e in expected]
    assert unit_pinyin.dedupe_keys(names, [r[2] for r in rows]) == [e["name_norm"] for e in expected]
    for name in names * 2:  # the second time from the remembered endings
        assert unit_pinyin.pinyin_keys(name) == unit_text.pinyin_keys(name)


def test_new_uids_are_uuid4_strings():
    found = new_uids(500)
    assert len(set(found)) == 500
    for text in found:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 4 and parsed.variant == uuid.RFC_4122


def _sheet(path, rows, header=("单位名称", "地址", "统一社会信用代码", "所属网格", "重点单位", "九小场所", "床位数")):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


@pytest.fixture
def places(ctx):
    with ctx.db.write() as s:
        east, west = Village(name="东关社区"), Village(name="柳林村")
        s.add_all([east, west])
        s.flush()
        s.add_all([Grid(village_id=east.id, name="第1网格"), Grid(village_id=west.id, name="第1网格"),
                   Grid(village_id=west.id, name="柳林第2网格")])
    with ctx.db.read() as s:
        return {name: vid for vid, name in s.execute(select(Village.id, Village.name))}


def test_grid_gives_the_village_and_seals_follow_a_big_import(ctx, places, tmp_path):
    units.create_unit(ctx, {"name": "老店", "address": "老路1号"})
    rows = [(f"单位{i:05d}", f"路{i}号", None, "柳林第2网格" if i % 2 else None, "否", "小商店", i % 7)
            for i in range(3500)]
    report = unit_import.import_units(ctx, _sheet(tmp_path / "big.xlsx", rows))
    assert report.ok and report.imported == 3500
    with ctx.db.read() as s:
        got = {r.name: (r.village_id, r.grid_id, r.beds, r.is_key_unit, r.nine_small_type)
               for r in s.execute(select(Unit)).scalars()}
        grid = s.execute(select(Grid.id).where(Grid.name == "柳林第2网格")).scalar_one()
        assert audit.verify(s).ok
    assert got["单位00001"] == (places["柳林村"], grid, 1, False, "小商店")
    assert got["单位00002"] == (None, None, 2, False, "小商店")
    assert database.check(ctx.db).ok
    ctx.db.dispose()
    with sqlite3.connect(ctx.db.sqlite_path) as conn:  # a raw edit of an imported row
        conn.execute("UPDATE unit SET beds = 99 WHERE name = '单位03333'")
    ctx.db.dispose()
    with ctx.db.read() as s:
        problem = audit.verify(s).problem
    assert "(unit)" in problem and "改动" in problem


def test_refusals_in_a_block_keep_their_order(ctx, places, tmp_path):
    rows = [(f"单位{i}", f"路{i}", None, None, "否", None, 1) for i in range(1500)]
    rows[3] = ("甲", "", "91141124956866773A", "第1网格", "是", "小商店", -1)  # parse errors, then required
    rows[1200] = ("乙", "二路", None, "第1网格", "否", None, None)  # grid in two villages
    rows[1201] = ("丙", "三路", None, None, "是", "小商店", None)  # key unit and 九小 at once
    report = unit_import.import_units(ctx, _sheet(tmp_path / "bad.xlsx", rows))
    assert not report.ok and report.refused == 3
    assert [(e.row, e.field) for e in report.errors] == [
        (5, "统一社会信用代码"), (5, "床位数"), (5, "详细地址"), (1202, "所属网格"), (1203, "九小场所类别")]
    report = unit_import.import_units(ctx, _sheet(tmp_path / "bad.xlsx", rows), valid_only=True)
    assert report.ok and report.imported == 1497


def test_cycle_collector_runs_again_after_an_import(ctx, tmp_path):
    assert gc.isenabled()
    unit_import.import_units(ctx, _sheet(tmp_path / "a.xlsx", [("甲", "一路", None, None, None, None, None)]))
    assert gc.isenabled()
    with pytest.raises(unit_import.ValidationError):
        unit_import.import_units(ctx, tmp_path / "missing.xlsx")
    assert gc.isenabled()


def test_bulk_insert_falls_back_when_values_would_change(ctx):
    """A value SQLite would store differently (True as 1, a date-like number as a number) cannot be hashed
    ahead: the seal is then recomputed from the table, and stays right."""
    template = units.create_unit(ctx, {"name": "模板", "address": "模板路"})
    with ctx.db.read() as s:
        row = s.connection().exec_driver_sql("SELECT * FROM unit WHERE uid = ?", (template.uid,)).one()
    for change in ({}, {"is_key_unit": True}, {"registered_on": "20240305"}, {"building_area": 5}):
        with ctx.db.write() as s:
            bulk = seals.BulkInsert.open(s, "unit")
            values = dict(zip(bulk.columns, row, strict=True))
            values.update(id=bulk.next_id(), uid=str(uuid.uuid4()), name=f"批量{change}", **change)
            tracker = s.info["fo_seal"]
            bulk.insert([seals.Same(values[c]) for c in bulk.columns], 1)
            assert (not change) == ("unit" in tracker.added) and (not change) != ("unit" in tracker.whole)
        assert database.check(ctx.db).ok, change


def test_read_table_blocks_keep_row_numbers_and_skips(tmp_path):
    from fireoffice.exchange import xlsx_probe
    from fireoffice.exchange.xlsx_read import EXAMPLE_MARK, read_table

    rows = [(f"单位{i}", f"路{i}", None, None, None, None, None) for i in range(2600)]
    rows[0] = (EXAMPLE_MARK + "甲", "一路", None, None, None, None, None)
    rows[1500] = (None,) * 7  # blank line inside the second block
    rows.append(("制表人：张三",) + (None,) * 6)
    path = _sheet(tmp_path / "blocks.xlsx", rows)
    table = read_table(path, unit_import.synonyms())
    assert table.skipped_rows == 3 and len(table.rows) == 2598
    assert (table.rows[0][0], table.rows[0][1][:2]) == (3, ("单位1", "路1"))
    assert (table.rows[-1][0], table.rows[-1][1][:2]) == (2601, ("单位2599", "路2599"))
    assert [r for r, _v in table.rows[1497:1500]] == [1500, 1501, 1503]  # sheet row 1502 is blank
    probe = xlsx_probe.probe(path, 10_000, background=True)
    assert probe.gaps() == xlsx_probe.probe(path, 10_000).formula_gaps == set()
