"""Every ledger opens in a real spreadsheet program: LibreOffice converts it headless (skipped without it)."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from fireoffice.services import demo, ledgers

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装：跳过真实表格程序的检查")
def test_libreoffice_converts_every_ledger(ctx, tmp_path):
    demo.fill_demo(ctx, units=80, seed=2)
    books = []
    for kind in ledgers.exportable():
        books.append(ledgers.export_ledger(ctx, kind, tmp_path / f"{kind}.xlsx"))
    out = tmp_path / "csv"
    done = subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out), *[str(b.path) for b in books]],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    for book in books:
        with open(out / (book.path.stem + ".csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        body = [r for r in rows[3:] if r and not r[0].startswith("合计 ")]  # the totals line
        assert len(body) == book.rows, book.path.name
