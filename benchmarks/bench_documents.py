"""1,000 enforcement notices through the document printer, next to raw reportlab drawing the same strings."""

from __future__ import annotations

import time
from io import BytesIO
from pathlib import Path

N = 1000
BLOCK = 50


def _sources():
    from fireoffice.printing.documents import Source

    for n in range(1, N + 1):
        items = tuple({"text": f"第{k}处安全出口被杂物堵塞（二层东侧）", "deadline": f"2026-02-{k + 1:02d}"}
                      for k in range(1, 4))
        yield Source("责令限期改正通知书", "责令限期改正通知书", f"临东消限字〔2026〕第{n:04d}号", "临县消防救援大队",
                     f"东城街道吴喆记火锅店{n:04d}", {"inspected_on": "2026-01-30"}, items,
                     (("张执法", "晋消执001"), ("李执法", "晋消执002")))


def _raw(strings_per_page: list[list[str]], font: str) -> bytes:
    """The floor: the same strings in the same embedded font on the canvas, no layout at all."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = BytesIO()
    c = Canvas(out, pagesize=A4)
    for page in strings_per_page:
        c.setFont(font, 16)
        y = 750
        for s in page:
            c.drawString(80, y, s)
            y -= 29
        c.showPage()
    c.save()
    return out.getvalue()


def _ours(sources) -> None:
    from fireoffice.printing import documents

    # The bundled font for body and title, as the baseline draws with (a station PC may have 仿宋/小标宋).
    opts = documents.PrintOptions(body_font="bundled", title_font="bundled")
    for src in sources:
        documents.render("notice", src, opts)


def _baseline(sources) -> None:
    from fireoffice.printing import documents, fonts
    from fireoffice.printing.documents import common

    for src in sources:
        body = documents.compose("notice", src)
        texts = common.strings(src, body)
        # Every string of the notice twice (正本 and 存档), cut into 27-character lines, 22 lines (the 版心) a page:
        # three pages, where ours prints five (存根 table, labels, signature blocks, page numbers).
        lines = [t[i:i + 27] for t in texts for i in range(0, len(t), 27)] * 2
        _raw([lines[i:i + 22] for i in range(0, len(lines), 22)], fonts.HEI)


def run(workdir: Path, db_path: Path) -> list[tuple[str, float, str, float, float | None]]:
    from fireoffice.printing import fonts

    fonts.register_fonts()
    sources = list(_sources())
    ours = raw = 0.0
    # Alternate in blocks so both sides run under the same load: the machine is shared, and timing all of one
    # side and then all of the other turned a change in background load into a change of the ratio.
    for n in range(0, N, BLOCK):
        block = sources[n:n + BLOCK]
        start = time.perf_counter()
        _ours(block)
        ours += time.perf_counter() - start
        start = time.perf_counter()
        _baseline(block)
        raw += time.perf_counter() - start
    return [("documents: 1,000 notices (s)", ours, "raw reportlab, same strings and font (s)", raw, 1.5)]


if __name__ == "__main__":
    for row in run(Path("."), Path("unused")):
        print(row, f"ratio {row[1] / row[3]:.2f}")
