"""Enforcement document PDFs: embedded TrueType only, A4, title/number/unit in the text, text inside the 版心."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date

import pytest

from fireoffice.printing.documents import MissingGlyphs, calibration, common
from fireoffice.services import documents, documents_flow, documents_pdf
from fireoffice.services.errors import ValidationError
from tests.printing.test_draw_pdf import assert_fonts_embedded, pdf_text
from tests.services.doc_helpers import HEAD, world

MM = 72 / 25.4
BASE = {"inspected_on": "2026-01-30", "facts": "二层东侧安全出口被纸箱堵塞", "party_kind": "单位",
        "article_code": "60-1-3/单位", "penalty_kind": "罚款", "fine": 8000, "place": "后门"}
FIELDS = {
    "复查意见书": {"rechecked_on": "2026-02-09", "trigger": "期限届满", "notice_no": "临东消限字〔2026〕第001号",
              "conclusion": "经复查，上述违法行为已全部改正。"},
    "延期整改通知书": {"decision": "同意", "applied_on": "2026-02-01", "notice_no": "临东消限字〔2026〕第001号",
                "reason": "消防设施需厂家更换", "new_deadline": "2026-03-01"},
    "临时查封决定书": {"grounds": "安全出口严重堵塞", "scope": "二层歌舞厅", "period_days": 15,
                "collective": "所长办公会集体研究决定", "inspected_on": date.today().isoformat()},
    "重大火灾隐患限期整改通知书": {"determination": "集体讨论"},
    "解除临时查封决定书": {"seal_no": f"临东消封字〔{date.today().year}〕第001号", "released_on": date.today().isoformat(),
                  "reason": "隐患已消除"},
    "行政处罚告知笔录": {"notified_at": f"{date.today().isoformat()}T00:00", "notified_person": "店主甲",
                 "relation": "法定代表人", "hearing_applies": "是", "response": "放弃陈述、申辩和听证", "signature": "已签名"},
    "行政处罚决定书": {"filed_on": date.today().isoformat()},
    "当场处罚决定书": {"party_kind": "个人", "article_code": "60-1-3/个人", "fine": 200},
    "案件移送书": {"reason": "不在赋权范围内"},
    "举报投诉核查记录": {"received_at": "2026-01-29T09:30", "source": "12345", "content": "后门堵塞",
                  "checked_at": "2026-01-30T10:00", "result": "属实"},
}


def issue(w, kind: str) -> str:
    items = kind in ("责令立即改正通知书", "责令限期改正通知书", "重大火灾隐患限期整改通知书", "复查意见书", "消防监督检查记录")
    # a decision follows a 告知 (here a signed 告知笔录 in which the party waived 陈述、申辩 and 听证)
    ref = issue(w, "行政处罚告知笔录") if kind == "行政处罚决定书" else None
    doc = documents.create_draft(w.ctx, kind, inspection_uid=w.inspection if items else None,
                                 unit_uid=None if items else w.unit, fields={**BASE, **FIELDS.get(kind, {})},
                                 ref_uid=ref)
    documents.update_draft(w.ctx, doc.uid, officer_uids=w.pair())
    documents_flow.submit(w.ctx, doc.uid)
    return documents_flow.issue(w.as_(HEAD), doc.uid).uid


@pytest.fixture
def w(ctx):
    return world(ctx, mode="赋权")


def _bboxes(pdf: bytes, tmp_path) -> list[tuple[float, float, float, float, str]]:
    path = tmp_path / "bbox.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), word) for a, b, c, d, word in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
@pytest.mark.parametrize("kind", ["责令限期改正通知书", "复查意见书", "行政处罚决定书", "临时查封决定书", "案件移送书"])
def test_issued_pdf_is_a4_embedded_and_in_the_type_area(w, kind, tmp_path):
    pdf = documents_pdf.preview(w.ctx, issue(w, kind))
    assert_fonts_embedded(pdf, tmp_path)
    assert b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
    text = re.sub(r"\s+", "", pdf_text(pdf, tmp_path))
    info = documents.find_by_number(w.ctx, re.search(r"临东消\S+?号", text).group(0))
    assert info.title in text and info.number in text and "吴喆记火锅店000" in text
    assert "东城街道办事处" in text  # 赋权: issued in the township's own name
    left, top, right, bottom = 28 * MM, 37 * MM, (28 + 156) * MM, (37 + 225) * MM
    for x0, y0, x1, y1, word in _bboxes(pdf, tmp_path):
        if re.fullmatch(r"—|\d+", word) and y0 > bottom:  # the page number sits below the 版心 by design
            continue
        assert left - 1 <= x0 and x1 <= right + 1 and top - 1 <= y0 and y1 <= bottom + 1, word


def test_penalty_decision_prints_articles_amount_and_remedies(w, tmp_path):
    text = re.sub(r"\s+", "", pdf_text(documents_pdf.preview(w.ctx, issue(w, "行政处罚决定书")), tmp_path))
    assert "人民币捌仟元整（¥8,000.00）" in text and "第六十条第一款" in text
    assert "60日内" in text and "6个月内" in text and "15日内" in text


def test_voided_document_is_stamped(w, tmp_path):
    uid = issue(w, "责令限期改正通知书")
    documents_flow.void(w.as_(HEAD), uid, "单位名称填写错误")
    path = tmp_path / "void.pdf"
    path.write_bytes(documents_pdf.preview(w.ctx, uid))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "作废原因：单位名称填写错误" in text and "作" in text and "废" in text


def test_every_type_renders(w):
    for kind in documents.TYPES:
        assert documents_pdf.preview(w.ctx, issue(w, kind))[:4] == b"%PDF", kind


def test_overflow_items_go_to_an_attached_page(tmp_path):
    items = tuple({"text": f"第{n}处疏散指示标志损坏", "deadline": "2026-02-06"} for n in range(1, 10))
    src = common.Source("责令限期改正通知书", "责令限期改正通知书", "临东消限字〔2026〕第009号", "临县消防救援大队",
                        "吴喆记火锅店", {"inspected_on": "2026-01-30"}, items)
    from fireoffice.printing.documents import render

    text = pdf_text(render("notice", src), tmp_path)
    assert "详见附页" in text and "附页" in text and "第9处疏散指示标志损坏" in text


def test_missing_character_is_refused_naming_it(w):
    with pytest.raises(MissingGlyphs, match="𠀀"):
        common.check_glyphs(["𠀀记小吃店"])
    doc = documents.create_draft(w.ctx, "责令限期改正通知书", inspection_uid=w.inspection,
                                 fields={"addressee": "𠀀记小吃店"})
    with pytest.raises(ValidationError, match="𠀀"):
        documents_pdf.preview(w.ctx, doc.uid)


def test_calibration_page_embeds_fonts(tmp_path):
    pdf = calibration.render((1.5, -2.0))
    assert_fonts_embedded(pdf, tmp_path)
    assert "+1.5 mm" in pdf_text(pdf, tmp_path)


def test_emergency_seal_prints_the_collective_decision_and_the_oral_approval(tmp_path):
    from fireoffice.printing.documents import render

    fields = {**FIELDS["临时查封决定书"], "emergency": "是", "sealed_at": "2026-03-02T14:05",
              "oral_approver": "王所长"}
    src = common.Source("临时查封决定书", "临时查封决定书", "临东消封字〔2026〕第002号", "临县消防救援大队",
                        "吴喆记火锅店", fields, ())
    text = re.sub(r"\s+", "", pdf_text(render("notice", src), tmp_path))
    assert "经本单位负责人集体研究（所长办公会集体研究决定）" in text
    assert "经本单位负责人王所长口头批准，已于2026年3月2日14时05分当场实施临时查封" in text


def test_a_field_that_ends_its_own_sentence_prints_one_full_stop(tmp_path):
    from fireoffice.printing.documents import render

    fields = {**FIELDS["临时查封决定书"], "facts": "两个安全出口均被杂物堵塞。"}
    src = common.Source("临时查封决定书", "临时查封决定书", "临东消封字〔2026〕第003号", "临县消防救援大队",
                        "吴喆记火锅店", fields, ())
    text = re.sub(r"\s+", "", pdf_text(render("notice", src), tmp_path))
    assert "均被杂物堵塞。根据" in text and "。。" not in text
