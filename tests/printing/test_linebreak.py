"""Line breaking of document bodies: 禁则 (no closing punctuation at a line start, no opening one at a line end),
Latin runs kept whole, and the same rules in the rendered PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from fireoffice.printing import fonts, layout, linebreak
from fireoffice.printing.documents import common
from tests.printing.test_draw_pdf import assert_fonts_embedded

SIZE = 16.0
CLOSING = "，。、；：？！）》」』”’"
OPENING = "（《「『“‘"


@pytest.fixture(scope="module")
def hei() -> str:
    fonts.register_fonts()
    return fonts.HEI


def _width(hei: str, chars: int) -> float:
    return linebreak.text_width("国" * chars, hei, SIZE) + 0.001  # room for exactly `chars` ideographs


def test_naive_break_would_start_a_line_with_a_comma_and_does_not(hei):
    text = "根据消防法第五十三条的规定" + "，" + "我单位对你单位进行了检查。"
    width = _width(hei, 13)  # a greedy breaker fills 13 characters and starts line 2 with "，"
    assert linebreak.tokens(text)[13] == "，"
    lines = [t for t, _w, _wrapped in linebreak.break_lines(text, hei, SIZE, width)]
    assert "".join(lines) == text
    assert all(line[0] not in CLOSING for line in lines), lines
    assert lines[0].endswith("规") and lines[1].startswith("定，")  # 推出: "定" carried over with the comma


@pytest.mark.parametrize("closing", list(CLOSING))
def test_no_line_starts_with_any_closing_mark(hei, closing):
    text = ("一二三四五六七八九十" + closing) * 6
    for chars in range(4, 12):
        lines = [t for t, _w, _wrapped in linebreak.break_lines(text, hei, SIZE, _width(hei, chars))]
        assert "".join(lines) == text
        assert all(line[0] not in CLOSING for line in lines[1:]), (chars, lines)


@pytest.mark.parametrize("opening", list(OPENING))
def test_no_line_ends_with_an_opening_mark(hei, opening):
    text = ("一二三四五六七八九" + opening + "甲乙") * 6
    for chars in range(4, 12):
        lines = [t for t, _w, _wrapped in linebreak.break_lines(text, hei, SIZE, _width(hei, chars))]
        assert "".join(lines) == text
        assert all(line[-1] not in OPENING for line in lines[:-1]), (chars, lines)


def test_lines_never_exceed_the_width_and_latin_runs_stay_whole(hei):
    text = "罚款人民币捌仟元整（¥8,000.00），文号临东消限字〔2026〕第0001号。" * 3
    width = _width(hei, 9)
    lines = linebreak.break_lines(text, hei, SIZE, width)
    for line, w, _wrapped in lines:
        assert w <= width + 0.01 and abs(w - linebreak.text_width(line, hei, SIZE)) < 0.01
    joined = "|".join(t for t, _w, _wrapped in lines)
    assert "8,000.00" in joined and "2026" in joined and "0001" in joined
    assert not any(t.endswith("¥") for t, _w, _wrapped in lines)


def test_a_long_number_is_cut_rather_than_leaving_a_wide_gap(hei):
    text = "统一社会信用代码：91140000MA0XXXXX1X；地址：人民路1号"
    lines = [t for t, _w, _wrapped in linebreak.break_lines(text, hei, SIZE, _width(hei, 14))]
    assert "".join(lines) == text
    assert lines[0].startswith("统一社会信用代码：9114")  # the 18-character code starts on the first line


def test_first_line_indent_hard_breaks_and_blanks(hei):
    lines = linebreak.break_lines("甲乙丙丁戊己庚辛\n壬癸", hei, SIZE, _width(hei, 3), _width(hei, 5))
    assert [t for t, _w, _wrapped in lines] == ["甲乙丙", "丁戊己庚辛", "壬癸"]
    assert [wrapped for _t, _w, wrapped in lines] == [True, False, False]
    blanks = linebreak.break_lines("签收：＿＿＿　　　年　月　日", hei, SIZE, _width(hei, 7))
    assert [t for t, _w, _wrapped in blanks] == ["签收：＿＿＿", "年　月　日"]  # no line starts with a blank


def test_a_run_wider_than_the_line_is_cut(hei):
    lines = [t for t, _w, _wrapped in linebreak.break_lines("ABCDEFGHIJKLMNOPQRSTUVWXYZ", hei, SIZE, 60)]
    assert "".join(lines) == "ABCDEFGHIJKLMNOPQRSTUVWXYZ" and len(lines) > 1


def test_text_block_splits_across_pages_without_losing_text(hei):
    style = common.doc_styles(common.PrintOptions())["para"]
    text = "改正期间，你单位（场所）应当采取措施，确保消防安全。" * 12
    block = layout.TextBlock(text, style)
    _w, height = block.wrap(layout.BODY_W, 10_000)
    head, tail = block.split(layout.BODY_W, height / 2)
    h1, h2 = head.wrap(layout.BODY_W, 10_000)[1], tail.wrap(layout.BODY_W, 10_000)[1]
    assert h1 + h2 == pytest.approx(height)
    assert head.text + tail.text == text
    assert block.split(layout.BODY_W, style.leading / 2) == []


def test_ruled_table_rows_grow_with_their_tallest_cell(hei):
    st = common.doc_styles(common.PrintOptions())["cell"]
    short = [[common.para("文号", st), common.para("临东消限字〔2026〕第001号", st)]]
    text = "安全出口被杂物堵塞，疏散通道不畅通。" * 4
    tall = [[common.para("违法行为", st), common.para(text, st)]]
    lines = len(linebreak.break_lines(text, hei, st.fontSize, 300 - 2 * 6))  # inside the cell padding
    assert lines > 1
    one = layout.RuledTable(short, (100, 300)).wrap(400, 800)[1]
    both = layout.RuledTable(short + tall, (100, 300))
    assert both.wrap(400, 800) == (400, pytest.approx(one + lines * st.leading + 2 * 3))
    assert both.split(400, 10) == []  # too short a space: the grid moves whole to the next page


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_rendered_paragraph_has_no_line_starting_with_closing_punctuation(tmp_path, hei):
    st = common.doc_styles(common.PrintOptions())
    lead = "根据中华人民共和国消防法第五十三条的规定我单位于二〇二六年一月三十日对你单位进行检查"
    first_line = int((layout.BODY_W - 2 * common.BODY) // linebreak.text_width("国", hei, common.BODY))
    text = lead[:first_line] + "，发现存在下列消防安全违法行为：安全出口被堵塞，疏散通道不畅通。" * 3
    assert linebreak.tokens(text)[first_line] == "，"  # the greedy break would start line 2 with it
    pdf = layout.build([common.para(text, st["para"]), common.para("（" + "封" * 26 + "（三）", st["left"])], "禁则")
    assert_fonts_embedded(pdf, tmp_path)
    path = tmp_path / "n.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in out.splitlines() if line.strip() and "—" not in line]
    assert len(lines) >= 5 and "".join(lines[:-2]) == text
    assert [line for line in lines if line[0] in CLOSING] == []
    assert [line for line in lines if line[-1] in OPENING] == []
