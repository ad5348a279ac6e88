"""Spreadsheet import: header detection, normalisation, refusals by row and field, duplicates, all-or-nothing."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from fireoffice.db.models import AuditEvent, Unit, UnitPersonHistory, Village
from fireoffice.services import audit, unit_import, units
from fireoffice.services.errors import ValidationError
from fireoffice.services.unit_import import ImportCancelled

USCC_A = "91141124956866773H"
USCC_B = "92141124MA0L2K3X4W"


def make_xlsx(path: Path, rows: list[list], merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def unit_count(ctx) -> int:
    with ctx.db.read() as s:
        return s.execute(select(func.count()).select_from(Unit)).scalar_one()


def get(ctx, name: str) -> Unit:
    with ctx.db.read() as s:
        return s.execute(select(Unit).where(Unit.name == name)).scalar_one()


HEADER = ["序号", "单位名称", "统一社会信用代码", "地址", "责任人", "联系电话", "建筑面积（㎡）", "列管日期"]


def sheet(tmp_path, *data, name="units.xlsx", header=HEADER):
    rows = [["东城街道列管单位台账"], ["填报单位：东城街道消防所", None, None, "日期：2024年3月"], header, *data]
    return make_xlsx(tmp_path / name, rows, merges=("A1:H1",))


def test_import_finds_header_under_title_and_normalises(ctx, tmp_path):
    path = sheet(tmp_path,
                 [1, "老王火锅店", "９１１４１１２４９５６８６６７７３ｈ", "解放路  12号", " 王小明 ", 13912345678, "120", 45356],
                 [2, "惠民超市", None, "柳林村村口", "李娟", "0358 4421119", "—", date(2023, 1, 2)],
                 [None, "填表人：张三"])
    a = unit_import.analyse_file(path)
    assert a.header_row == 3 and a.data_rows == 2 and a.missing_required == []
    assert a.mapping == {1: "name", 2: "uscc", 3: "address", 4: "resp_person", 5: "legal_rep_phone",
                         6: "building_area", 7: "registered_on"}
    assert a.unknown_headers == []  # 序号 is known to be ignorable
    report = unit_import.import_units(ctx, path)
    assert report.ok and (report.imported, report.updated, report.skipped) == (2, 0, 0)
    wang = get(ctx, "老王火锅店")
    assert wang.uscc == USCC_A and wang.address == "解放路 12号" and wang.resp_person == "王小明"
    assert wang.legal_rep_phone == "13912345678" and wang.building_area == 120.0
    assert wang.registered_on == date(2024, 3, 5) and wang.source == "表格导入" and wang.status == "营业"
    assert "laowanghuoguodian" in wang.search_text and "lwhgd" in wang.search_text
    shop = get(ctx, "惠民超市")
    assert shop.building_area is None and shop.legal_rep_phone == "0358-4421119"
    with ctx.db.read() as s:
        assert audit.verify(s).ok
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "导入单位")).scalar_one()
        assert "units.xlsx" in event.after


def test_two_level_header_with_merged_parent(ctx, tmp_path):
    path = make_xlsx(tmp_path / "two.xlsx", [
        ["单位名称", "地址", "消防安全责任人", None, "消防安全管理人", None],
        [None, None, "姓名", "联系电话", "姓名", "手机"],
        ["甲商店", "一路1号", "张三", "13912345678", "李四", "13800000000"],
    ], merges=("A1:A2", "B1:B2", "C1:D1", "E1:F1"))
    a = unit_import.analyse_file(path)
    assert a.header_row == 2
    assert a.mapping == {0: "name", 1: "address", 2: "resp_person", 3: "resp_phone", 4: "mgr_person",
                         5: "mgr_phone"}
    assert unit_import.import_units(ctx, path).imported == 1
    row = get(ctx, "甲商店")
    assert (row.resp_person, row.resp_phone, row.mgr_person, row.mgr_phone) == \
        ("张三", "13912345678", "李四", "13800000000")


def bad_rows(tmp_path):
    return sheet(tmp_path,
                 [1, "老王火锅店", "91141124956866773A", "解放路12号", "王小明", "13912345678", 120, None],
                 [2, "惠民超市", None, "柳林村村口", "李娟", "abcdefg", 80, None],
                 [3, "好运来超市", None, "", "赵强", None, -5, None],
                 [4, "新华书店", USCC_B, "新华路1号", "钱多", None, 60, None])


def test_one_refused_row_blocks_everything_and_every_error_is_listed(ctx, tmp_path):
    report = unit_import.import_units(ctx, bad_rows(tmp_path))
    assert not report.ok and report.imported == 0 and unit_count(ctx) == 0
    assert report.refused == 3
    found = {(e.row, e.field) for e in report.errors}
    assert found == {(4, "统一社会信用代码"), (5, "法定代表人电话"), (6, "详细地址"), (6, "建筑面积（㎡）")}
    uscc = next(e for e in report.errors if e.field == "统一社会信用代码")
    assert "校验位不正确" in uscc.message and str(uscc).startswith("第 4 行 统一社会信用代码：")
    phone = next(e for e in report.errors if e.row == 5)
    assert "abcdefg" in phone.message and "电话号码" in phone.message
    assert report.to_json()["errors"][0] == {"row": 4, "field": "统一社会信用代码", "message": uscc.message}


def test_valid_only_imports_the_good_rows(ctx, tmp_path):
    report = unit_import.import_units(ctx, bad_rows(tmp_path), valid_only=True)
    assert report.ok and report.imported == 1 and report.refused == 3 and len(report.errors) == 4
    assert unit_count(ctx) == 1 and get(ctx, "新华书店").uscc == USCC_B


def test_dry_run_writes_nothing(ctx, tmp_path):
    path = sheet(tmp_path, [1, "甲", None, "一路", None, None, None, None], [2, "乙", None, "二路", None, None, None, None])
    report = unit_import.import_units(ctx, path, dry_run=True)
    assert report.ok and report.dry_run and report.imported == 2 and unit_count(ctx) == 0
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == 0


def dup_file(tmp_path):
    return sheet(tmp_path,
                 [1, "老王火锅店", USCC_A, "解放路12号", "王小明", None, 120, None],
                 [2, "老王火锅店（新）", USCC_A, "解放路14号", None, "13912345678", None, None],  # same USCC
                 [3, "惠民超市", None, "柳林村村口", "李娟", None, None, None],
                 [4, "惠民 超市", None, "柳林村 村口", "赵强", None, None, None])  # same name + address


def test_duplicates_within_the_file_skip_or_merge(ctx, tmp_path):
    report = unit_import.import_units(ctx, dup_file(tmp_path))
    assert (report.imported, report.skipped, report.merged) == (2, 2, 0)
    assert {(d.row, d.same_as_row, d.field, d.action) for d in report.duplicates} == \
        {(5, 4, "统一社会信用代码", "跳过"), (7, 6, "单位名称", "跳过")}
    assert get(ctx, "惠民超市").resp_person == "李娟"


def test_duplicates_within_the_file_merge_on_update(ctx, tmp_path):
    report = unit_import.import_units(ctx, dup_file(tmp_path), on_duplicate="update")
    assert (report.imported, report.skipped, report.merged) == (2, 0, 2)
    wang = get(ctx, "老王火锅店（新）")  # the later row's filled cells win
    assert wang.address == "解放路14号" and wang.legal_rep_phone == "13912345678" and wang.building_area == 120
    assert get(ctx, "惠民 超市").resp_person == "赵强"


def test_duplicates_against_the_register_skip_or_update(ctx, tmp_path):
    existing = units.create_unit(ctx, {"name": "老王火锅店", "address": "解放路12号", "uscc": USCC_A,
                                       "resp_person": "王大明", "notes": "保留"})
    path = sheet(tmp_path, [1, "老王火锅店", USCC_A, "解放路12号", "王小明", None, 150, None],
                 [2, "新店", None, "新路", None, None, None, None])
    skip = unit_import.import_units(ctx, path)
    assert (skip.imported, skip.updated, skip.skipped) == (1, 0, 1)
    assert skip.duplicates[0].existing_uid == existing.uid
    assert get(ctx, "老王火锅店").resp_person == "王大明"
    update = unit_import.import_units(ctx, path, on_duplicate="update")
    assert (update.imported, update.updated, update.skipped) == (0, 1, 1)  # 新店 now exists, unchanged
    row = get(ctx, "老王火锅店")
    assert row.resp_person == "王小明" and row.building_area == 150 and row.notes == "保留"
    assert "王小明" in row.search_text and "王大明" not in row.search_text
    assert [h.name for h in units.person_history(ctx, existing.uid) if h.role == "消防安全责任人"] == \
        ["王大明", "王小明"]
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(AuditEvent)
                         .where(AuditEvent.action == "导入更新单位")).scalar_one() == 1
        assert audit.verify(s).ok


@pytest.mark.parametrize("stop_at", ["validating", "writing", "end"])
def test_cancel_leaves_nothing(ctx, tmp_path, stop_at):
    rows = [[i, f"单位{i}", None, f"路{i}号", None, None, None, None] for i in range(2500)]
    path = sheet(tmp_path, *rows)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        if stop_at == "validating" and 0 < done < total // 2:
            return False
        if stop_at == "writing" and total // 2 < done < total:
            return False
        return not (stop_at == "end" and done == total)

    with pytest.raises(ImportCancelled):
        unit_import.import_units(ctx, path, progress=progress)
    assert unit_count(ctx) == 0
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == 0
    assert calls[0] == (0, 0)


def test_mapping_override_for_unknown_headers(ctx, tmp_path):
    path = make_xlsx(tmp_path / "m.xlsx", [["店名", "所在位置", "店主"], ["甲店", "一路1号", "张三"]])
    with pytest.raises(ValidationError) as err:
        unit_import.analyse_file(path)
    assert err.value.field == "文件" and "没有找到表头" in err.value.message
    a = unit_import.analyse_file(path, header_row=1)
    assert a.mapping == {} and [h for _c, h in a.unknown_headers] == ["店名", "所在位置", "店主"]
    assert a.missing_required == ["单位名称", "详细地址"]
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, path, header_row=1)
    assert err.value.field == "表头" and "单位名称" in err.value.message
    report = unit_import.import_units(ctx, path, header_row=1, mapping={0: "name", 1: "address", 2: "legal_rep"})
    assert report.imported == 1 and get(ctx, "甲店").legal_rep == "张三"
    with pytest.raises(ValidationError):
        unit_import.import_units(ctx, path, header_row=1, mapping={0: "no_such_field"})


def test_village_names_resolve_and_unknown_village_is_refused(ctx, tmp_path):
    with ctx.db.write() as s:
        s.add(Village(name="东关社区"))
    path = make_xlsx(tmp_path / "v.xlsx", [["单位名称", "地址", "所属社区"], ["甲", "一路", "东关社区"],
                                            ["乙", "二路", "西山村"]])
    report = unit_import.import_units(ctx, path)
    assert not report.ok and report.errors[0].row == 3 and report.errors[0].field == "所属村（社区）"
    assert "西山村" in report.errors[0].message


def test_formula_without_saved_value_is_named(ctx, tmp_path):
    path = make_xlsx(tmp_path / "f.xlsx", [["单位名称", "地址", "床位数"], ["甲", "一路", "=1+2"],
                                            ["乙", "二路", 4]])
    report = unit_import.import_units(ctx, path)
    assert not report.ok and [(e.row, e.field) for e in report.errors] == [(2, "床位数")]
    assert "公式" in report.errors[0].message and unit_count(ctx) == 0


def test_formula_with_saved_value_is_used(ctx, tmp_path):
    path = make_xlsx(tmp_path / "f.xlsx", [["单位名称", "地址", "床位数"], ["甲", "一路", "=1+2"]])
    with zipfile.ZipFile(path) as zf:  # emulate Excel, which saves the result next to the formula
        files = {n: zf.read(n) for n in zf.namelist()}
    files["xl/worksheets/sheet1.xml"] = files["xl/worksheets/sheet1.xml"].replace(b"<v />", b"<v>3</v>") \
        .replace(b"<v></v>", b"<v>3</v>")
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in files.items():
            zf.writestr(n, data)
    assert unit_import.import_units(ctx, path).ok and get(ctx, "甲").beds == 3


@pytest.mark.parametrize(("content", "words"), [
    (b"", "是空的"),
    ("单位名称,地址\n甲,一路\n".encode(), "文本文件"),
    (bytes(range(256)) * 20, "不是 Excel 表格"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le"), "密码"),
])
def test_files_that_are_not_usable_spreadsheets(ctx, tmp_path, content, words):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, path)
    assert err.value.field == "文件" and words in err.value.message
    assert unit_count(ctx) == 0


def test_corrupt_xlsx(ctx, tmp_path):
    good = sheet(tmp_path, [1, "甲", None, "一路", None, None, None, None])
    data = good.read_bytes()
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, broken)
    assert "损坏" in err.value.message
    zipped = tmp_path / "other.xlsx"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, zipped)
    assert "不是 Excel 表格" in err.value.message


def test_missing_file(ctx, tmp_path):
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, tmp_path / "nope.xlsx")
    assert "不存在" in err.value.message


def test_too_many_rows_refused(ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(unit_import, "MAX_DATA_ROWS", 50)
    path = sheet(tmp_path, *[[i, f"单位{i}", None, f"路{i}", None, None, None, None] for i in range(60)])
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, path)
    assert "上限 50 行" in err.value.message and "拆分" in err.value.message
    assert unit_count(ctx) == 0


def test_a_million_row_sheet_is_refused_before_parsing(ctx, tmp_path):
    path = make_xlsx(tmp_path / "big.xlsx", [["单位名称", "地址"], ["甲", "一路"]])
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    xml = files["xl/worksheets/sheet1.xml"]
    files["xl/worksheets/sheet1.xml"] = xml.replace(b'<dimension ref="A1:B2"', b'<dimension ref="A1:B1000001"')
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in files.items():
            zf.writestr(n, data)
    with pytest.raises(ValidationError) as err:
        unit_import.import_units(ctx, path)
    assert "1,000,000 行" in err.value.message


def test_bad_on_duplicate_value(ctx, tmp_path):
    with pytest.raises(ValidationError):
        unit_import.import_units(ctx, tmp_path / "x.xlsx", on_duplicate="replace")


def test_person_history_not_written_for_new_units(ctx, tmp_path):
    unit_import.import_units(ctx, sheet(tmp_path, [1, "甲", None, "一路", "张三", None, None, None]))
    with ctx.db.read() as s:
        assert s.execute(select(func.count()).select_from(UnitPersonHistory)).scalar_one() == 0
