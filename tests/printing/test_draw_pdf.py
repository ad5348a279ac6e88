"""双随机 lists and the field kit as PDF: embedded TrueType fonts only, real text (pdftotext), GB/T 9704 page."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO

import pytest

from fireoffice.printing import draw_list, field_kit, fonts
from fireoffice.services import draw_publish, draws
from tests.services.insp_helpers import make_officers, make_units

NAMES = ("东城街道吴喆记火锅店", "东城街道惠民便利店", "柳林村王氏五金店")


def _sheet(rows=NAMES) -> draw_list.DrawSheet:
    return draw_list.DrawSheet(
        "东城街道消防工作所", "2026年3月“双随机、一公开”消防监督抽查名单", (("随机种子", "ab12"), ("名录总哈希", "f" * 64)),
        ("序号", "单位名称", "地址", "检查人员", "备注"), (10, 48, 50, 30, 18),
        tuple((str(n), name, "东城街道人民路1号", "张执法、李执法", "") for n, name in enumerate(rows, 1)),
        "复核方法：……", "2026年3月2日")


def assert_fonts_embedded(pdf: bytes, tmp_path) -> None:
    if shutil.which("pdffonts"):
        path = tmp_path / "check.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows, out
        for row in rows:  # columns: name type encoding emb sub uni …
            assert re.search(r"\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row), row
            assert "TrueType" in row
    assert b"/FontFile2" in pdf
    assert b"/Helvetica" not in pdf and b"/BaseFont /STSong" not in pdf


def pdf_text(pdf: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) not installed")
    path = tmp_path / "text.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_draw_list_pdf_embeds_fonts_and_contains_names(tmp_path):
    pdf = draw_list.render(_sheet())
    assert pdf.startswith(b"%PDF")
    assert_fonts_embedded(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    for name in NAMES:  # 喆 is outside GB2312: it must still print
        assert name in text
    assert "双随机、一公开" in text and re.search(r"—\s*1\s*—", text)


def test_page_is_a4_and_long_lists_run_on(tmp_path):
    pdf = draw_list.render(_sheet(tuple(f"测试单位{i:03d}" for i in range(60))))
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    if shutil.which("pdftotext"):
        text = pdf_text(pdf, tmp_path)
        assert re.search(r"—\s*2\s*—", text) and "测试单位059" in text  # the table runs on with its header repeated
        assert text.count("单位名称") >= 2


def test_missing_characters_are_reported():
    assert fonts.missing_chars("东城喆记") == []
    assert fonts.missing_chars("单位\U00020000号") == ["\U00020000"]
    sheet = _sheet(("𠀀记小吃店",))
    assert draw_list.sheet_missing_chars(sheet) == ["𠀀"]
    assert fonts.font_for("东城", fonts.HEI) == fonts.HEI


def test_widths_must_fill_the_body():
    bad = _sheet()
    with pytest.raises(ValueError):
        draw_list.render(draw_list.DrawSheet(bad.issuer, bad.title, bad.info, bad.columns, (10, 10, 10, 10, 10),
                                             bad.rows))


def test_canvas_default_font_is_embedded():
    from reportlab import rl_config

    fonts.register_fonts()
    assert rl_config.canvas_basefontname == fonts.HEI


def test_service_lists_and_field_kit(ctx, tmp_path):
    units = make_units(ctx, 12, prefix="东城街道喆记小吃")
    make_officers(ctx)
    result = draws.draw(ctx, draws.DrawParams(month="2026-03", count=4), seed="公开")
    pdf = draw_publish.draw_list_pdf(ctx, result.uid)
    assert_fonts_embedded(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    assert all(u.name in text for u in result.units)
    assert result.seed in text and result.pool_hash[:32] in text.replace("\n", "")
    results = draw_publish.results_pdf(ctx, result.uid)
    assert "尚未检查" in pdf_text(results, tmp_path)
    kit = draw_publish.field_kit_pdf(ctx, result.plan_uid)
    assert_fonts_embedded(kit, tmp_path)
    kit_text = pdf_text(kit, tmp_path)
    assert kit_text.count("消防监督检查记录（现场用）") == 4 and "JC2026-00001" in kit_text
    assert kit_text.count("\f") == 4  # one page per planned unit
    assert len(units) == 12


def test_xlsx_lists_open_and_keep_text(ctx):
    from openpyxl import load_workbook

    make_units(ctx, 5)
    make_officers(ctx)
    result = draws.draw(ctx, draws.DrawParams(month="2026-03", count=3), seed="公开")
    book = load_workbook(BytesIO(draw_publish.draw_list_xlsx(ctx, result.uid)))
    sheet = book["抽查名单"]
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert sheet["A1"].value.endswith("抽查名单")
    assert any(str(v).startswith("随机种子：公开") for v in values)
    assert {u.name for u in result.units} <= set(values)
    assert "结果公示" in load_workbook(BytesIO(draw_publish.results_xlsx(ctx, result.uid))).sheetnames


def test_field_kit_direct_render(tmp_path):
    page = field_kit.KitPage("东城街道消防工作所", "JC2026-00009", "3月日常检查", "日常检查", "东城街道喆记火锅店",
                             "人民路1号", "吴喆 13800000000", "李四", "张执法（晋消执001）", "2026-03-03",
                             "消防监督检查表 第1版",
                             (field_kit.KitItem("G10", "疏散", "疏散通道、安全出口畅通", True),),
                             ("YH-2026-000001 二层：应急照明灯不亮（期限 2026-03-09）",))
    pdf = field_kit.render([page])
    assert_fonts_embedded(pdf, tmp_path)
    text = pdf_text(pdf, tmp_path)
    assert "JC2026-00009" in text and "东城街道喆记火锅店" in text and "复查：YH-2026-000001" in text
