"""签到表 PDF: every font embedded, names printed, continuation pages with the header repeated, page numbers."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from fireoffice.printing import interview_docs, sign_in_sheet
from fireoffice.printing.sign_in_sheet import SheetRow, SignInSheet

pytestmark = pytest.mark.skipif(shutil.which("pdffonts") is None or shutil.which("pdftotext") is None,
                                reason="poppler-utils（pdffonts、pdftotext）未安装")


def _sheet(n: int, **changes) -> SignInSheet:
    rows = tuple(SheetRow(f"东城街道测试单位{i:03d}号店", f"张喆{i}" if i % 4 else "", "消防安全责任人",
                          f"1391234{i:04d}") for i in range(1, n + 1))
    base = dict(issuer="东城街道消防工作所", title="消防安全培训签到表", number="PX-2026-007",
                info=(("主题", "冬春火灾防控培训"), ("时间", "2026年3月2日 09:00—11:00"), ("地点", "街道办三楼会议室"),
                      ("授课人", "王建国")), rows=rows, summary=f"应到 {n} 人　实到＿＿人")
    base.update(changes)
    return SignInSheet(**base)


def _write(tmp_path, data: bytes, name: str = "sheet.pdf"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def fonts_of(path) -> list[tuple[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    return [(r[0], r[-5]) for r in rows]  # (name, emb)


def pages_text(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def test_one_page_sheet(tmp_path):
    path = _write(tmp_path, sign_in_sheet.render(_sheet(6)))
    fonts = fonts_of(path)
    assert fonts and all(emb == "yes" for _n, emb in fonts), fonts
    assert not any("Helvetica" in name for name, _e in fonts)
    pages = pages_text(path)
    assert len(pages) == 1
    text = pages[0]
    for words in ("东城街道消防工作所", "消防安全培训签到表", "PX-2026-007", "冬春火灾防控培训", "签名", "联系电话",
                  "东城街道测试单位006号店", "张喆1", "13912340003", "第1页", "共1页", "记录人"):
        assert words in text.replace(" ", ""), words
    numbers = [int(m) for m in re.findall(r"^\s*(\d{1,2})\s", text, re.M)]
    assert numbers[:11] == list(range(1, 12))  # 6 people + 5 blank lines for walk-ins


def test_long_sheet_continues_with_header_and_page_numbers(tmp_path):
    path = _write(tmp_path, sign_in_sheet.render(_sheet(70)))
    pages = pages_text(path)
    assert len(pages) >= 3
    total = len(pages)
    for n, text in enumerate(pages, 1):
        squashed = text.replace(" ", "")
        assert f"第{n}页" in squashed and f"共{total}页" in squashed
        assert "单位名称" in text and "签名" in text  # the table header on every page
        if n > 1:
            assert "消防安全培训签到表（续）" in squashed and "PX-2026-007" in squashed
    every = "".join(pages).replace(" ", "")
    assert all(f"东城街道测试单位{i:03d}号店" in every for i in range(1, 71))
    assert "记录人" in pages[-1] and "记录人" not in pages[0]


def test_interview_documents_embed_fonts(tmp_path):
    notice = interview_docs.Notice("东城街道消防工作所", "临东消约字〔2026〕第001号", "东城街道王记火锅店", "王喆",
                                   "消防安全责任人", "受到行政处罚", "2026年3月2日 09:00", "所会议室", "", "营业执照复印件",
                                   "李四", "0358-4421119", None)
    for name, data in (("n.pdf", interview_docs.notices_pdf([notice, notice])),
                       ("p.pdf", interview_docs.pledges_pdf([interview_docs.Pledge("东城街道消防工作所", "王记火锅店",
                                                                                    "解放路12号", "王喆")]))):
        path = _write(tmp_path, data, name)
        assert all(emb == "yes" for _n, emb in fonts_of(path))
        pages = pages_text(path)
        assert "第1页" not in pages[0].replace(" ", "")  # one-page forms per unit carry no running count
    assert len(pages_text(tmp_path / "n.pdf")) == 2
