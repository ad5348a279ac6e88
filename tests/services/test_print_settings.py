"""打印设置: font choices from what was found, offsets, the calibration page, and the penalty article table."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from fireoffice.db.models import AuditEvent
from fireoffice.printing import fonts
from fireoffice.printing.documents import PrintOptions, Source, render
from fireoffice.services import documents_pdf, penalties, print_settings
from fireoffice.services.context import Actor
from fireoffice.services.errors import NotFound, PermissionDenied, ValidationError
from tests.printing.test_draw_pdf import assert_fonts_embedded, pdf_text

MM = 72 / 25.4
READER = Actor("reader", "只读员", "只读")


def _events(ctx, entity: str) -> list[AuditEvent]:
    with ctx.db.read() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)).scalars()
        return [(e.action, e.entity_uid, e.before, e.after) for e in rows]


@pytest.fixture
def with_fangsong(monkeypatch):
    """As on a station PC with 仿宋_GB2312 installed (this test machine has none of the official fonts)."""
    real = fonts.installed()
    monkeypatch.setattr(fonts, "installed", lambda: {**real, "fangsong": Path("C:/Windows/Fonts/仿宋_GB2312.ttf")})


@pytest.fixture
def bare_pc(monkeypatch):
    """A PC with none of the official fonts: only the bundled one can be chosen."""
    monkeypatch.setattr(fonts, "installed", lambda: {})


def test_choices_list_found_fonts_and_always_the_bundled_one(with_fangsong):
    body = print_settings.font_choices("body")
    assert [c.key for c in body][-1] == "bundled" and body[-1].file == ""
    assert ("fangsong", "仿宋") in [(c.key, c.label) for c in body]
    assert body[0].file.endswith("仿宋_GB2312.ttf")
    title = [c.key for c in print_settings.font_choices("title")]
    assert "bundled" in title and "kaiti" not in title  # 楷体 is not a title font


def test_defaults_when_nothing_saved(ctx):
    saved = print_settings.get_settings(ctx)
    assert (saved.offset_x_mm, saved.offset_y_mm) == (0.0, 0.0)
    assert saved.body_font in {c.key for c in print_settings.font_choices("body")}


def test_saved_settings_round_trip_are_audited_and_reach_the_renderer(ctx, with_fangsong):
    saved = print_settings.save_settings(ctx, "fangsong", "bundled", 1.25, -2)
    assert saved == print_settings.PrintSettings("fangsong", "bundled", 1.2, -2.0)
    assert print_settings.get_settings(ctx) == saved
    with ctx.db.read() as s:
        opts = documents_pdf.print_options(s)
    assert opts == PrintOptions(body_font="fangsong", title_font="bundled", offset_mm=(1.2, -2.0))
    action, key, before, after = _events(ctx, "app_setting")[-1]
    assert action == "修改文书打印设置" and key == documents_pdf.PRINT_SETTING
    assert json.loads(after)["offset_mm"] == [1.2, -2.0] and before in ("", "null")


@pytest.mark.parametrize(("body", "title", "x", "y", "field"), [
    ("kaiti", "bundled", 0, 0, "正文字体"),  # not installed
    ("nonsense", "bundled", 0, 0, "正文字体"),
    ("bundled", "xiaobiaosong", 0, 0, "标题字体"),
    ("bundled", "bundled", 20.5, 0, "左右偏移"),
    ("bundled", "bundled", 0, -21, "上下偏移"),
    ("bundled", "bundled", float("nan"), 0, "左右偏移"),
])
def test_bad_settings_are_refused_naming_the_field(ctx, bare_pc, body, title, x, y, field):
    with pytest.raises(ValidationError) as error:
        print_settings.save_settings(ctx, body, title, x, y)
    assert error.value.field == field
    assert _events(ctx, "app_setting") == []


def test_settings_need_the_station_edit_permission(ctx):
    with pytest.raises(PermissionDenied):
        print_settings.save_settings(replace(ctx, actor=READER), "bundled", "bundled", 0, 0)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_calibration_page_uses_the_saved_offsets_unless_given(ctx, tmp_path):
    print_settings.save_settings(ctx, "bundled", "bundled", 3, 1.5)
    pdf = print_settings.calibration_pdf(ctx)
    assert_fonts_embedded(pdf, tmp_path)
    assert "向右 +3.0 mm，向下 +1.5 mm" in pdf_text(pdf, tmp_path).replace("\n", "")
    assert "向右 -4.0 mm" in pdf_text(print_settings.calibration_pdf(ctx, -4, 0), tmp_path)
    with pytest.raises(ValidationError):
        print_settings.calibration_pdf(ctx, 25, 0)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_offset_moves_the_printed_text_by_that_many_mm(tmp_path):
    src = Source("责令立即改正通知书", "责令立即改正通知书", "临东消立字〔2026〕第001号", "东城街道消防工作所",
                 "吴喆记火锅店", {"inspected_on": "2026-01-30"}, ({"text": "安全出口堵塞"},), stub=False)

    def position(opts: PrintOptions) -> tuple[float, float]:
        path = tmp_path / "o.pdf"
        path.write_bytes(render("notice", src, opts))
        html = subprocess.run(["pdftotext", "-f", "1", "-l", "1", "-bbox", str(path), "-"], capture_output=True,
                              text=True, check=True).stdout
        x, y = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">吴喆记火锅店', html).groups()
        return float(x), float(y)

    x0, y0 = position(PrintOptions())
    x1, y1 = position(PrintOptions(offset_mm=(5.0, -3.0)))
    assert x1 - x0 == pytest.approx(5 * MM, abs=0.2) and y1 - y0 == pytest.approx(-3 * MM, abs=0.2)


ART = penalties.ArticleInfo("省-12/单位", "单位", "占用防火间距", "《XX省消防条例》第十二条", "《XX省消防条例》第四十条",
                            False, 1000, 10000, "")


def test_article_can_be_added_edited_and_deactivated_with_audit(ctx):
    added = penalties.add_article(ctx, replace(ART, violation="  占用防火间距 "))
    assert added.violation == "占用防火间距" and added.active
    assert "省-12/单位" in [a.code for a in penalties.list_articles(ctx, "单位")]
    edited = penalties.edit_article(ctx, replace(ART, max_fine=20000, warning_allowed=True))
    assert (edited.max_fine, edited.warning_allowed) == (20000, True)
    off = penalties.set_article_active(ctx, ART.code, False)
    assert not off.active
    assert ART.code not in [a.code for a in penalties.list_articles(ctx)]
    assert ART.code in [a.code for a in penalties.all_articles(ctx) if not a.active]
    with ctx.db.read() as s, pytest.raises(ValidationError, match="省-12"):
        penalties.article(s, ART.code)  # no new document can cite it
    penalties.set_article_active(ctx, ART.code, True)
    events = _events(ctx, "penalty_article")
    assert [e[0] for e in events] == ["新增处罚条款", "修改处罚条款", "停用处罚条款", "启用处罚条款"]
    assert json.loads(events[1][2])["max_fine"] == 10000 and json.loads(events[1][3])["max_fine"] == 20000


@pytest.mark.parametrize(("changes", "field"), [
    ({"min_fine": -1}, "最低罚款（元）"),
    ({"min_fine": 5000, "max_fine": 4000}, "最高罚款（元）"),
    ({"max_fine": 0, "min_fine": 0}, "最高罚款（元）"),  # neither warning nor fine
    ({"min_fine": 1.5}, "最低罚款（元）"),
    ({"violated_article": " "}, "违法条款"),
    ({"party_kind": "法人"}, "当事人"),
    ({"code": "x" * 21}, "条款编码"),
])
def test_bad_articles_are_refused_naming_the_field(ctx, changes, field):
    with pytest.raises(ValidationError) as error:
        penalties.add_article(ctx, replace(ART, **changes))
    assert error.value.field == field
    assert _events(ctx, "penalty_article") == []


def test_duplicate_code_unknown_code_and_permission(ctx):
    existing = penalties.all_articles(ctx)[0]
    with pytest.raises(ValidationError, match="已经存在"):
        penalties.add_article(ctx, replace(ART, code=existing.code))
    with pytest.raises(NotFound):
        penalties.edit_article(ctx, replace(ART, code="没有这条"))
    with pytest.raises(PermissionDenied):
        penalties.add_article(replace(ctx, actor=READER), ART)
    with pytest.raises(PermissionDenied):
        penalties.set_article_active(replace(ctx, actor=READER), existing.code, False)


def test_range_edit_through_the_old_entry_point_is_validated(ctx):
    code = penalties.all_articles(ctx)[0].code
    with pytest.raises(ValidationError):
        penalties.update_article(ctx, code, 100, 50, False)
    assert penalties.update_article(ctx, code, 100, 500, True).max_fine == 500
