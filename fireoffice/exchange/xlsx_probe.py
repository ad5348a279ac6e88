"""Look at a file before parsing it: is it a spreadsheet, encrypted, too big, are there formulas without values."""

from __future__ import annotations

import posixpath
import re
import threading
import zipfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]*\d*:?[A-Z]*(\d+)"')
_FORMULA = re.compile(rb"<f[ >/]")
_CELL = re.compile(rb'<c r="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_VALUE = re.compile(rb"<v>[^<]")
_SHEET = re.compile(rb'<sheet [^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship [^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"|'
                  rb'<Relationship [^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


class SpreadsheetError(Exception):
    """The file cannot be read as a table; the message is plain Chinese for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Probe:
    kind: str  # xlsx, xls, ods
    formula_gaps: set[tuple[int, int]] = field(default_factory=set)  # (1-based row, 0-based column)
    pending: Future | None = field(default=None, repr=False)  # the scan for them, still running

    def gaps(self) -> set[tuple[int, int]]:
        """formula_gaps, once the background scan (probe(..., background=True)) has finished."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            try:
                self.formula_gaps |= pending.result()
            except zipfile.BadZipFile as error:
                raise SpreadsheetError("文件" + _BROKEN_ZIP) from error
        return self.formula_gaps


_BROKEN_ZIP = "已损坏（压缩结构不完整），无法读取。请重新导出或另存后再试。"


def too_many_rows(rows: int, limit: int, at_least: bool = False) -> str:
    more = "超过" if at_least else ""
    return (f"表格有{more} {rows:,} 行数据，超过一次导入的上限 {limit:,} 行。"
            "请把文件拆分成几个较小的文件分别导入。")


def _column_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def probe(path: Path, max_rows: int, background: bool = False) -> Probe:
    """What kind of file `path` is; refuses files that are not usable spreadsheets (SpreadsheetError).

    `background`: the scan of an xlsx sheet for formulas without saved values (it inflates the whole sheet,
    ~0.2 s for 100,000 rows) runs in a thread, alongside the caller's own parsing (python-calamine lets
    other threads run while it parses); `Probe.gaps()` waits for it.
    """
    if not path.exists():
        raise SpreadsheetError(f"文件不存在：{path}")
    if path.is_dir():
        raise SpreadsheetError(f"{path} 是文件夹，不是表格文件。")
    with path.open("rb") as handle:
        head = handle.read(8)
    if not head:
        raise SpreadsheetError(f"文件 {path.name} 是空的。")
    if head.startswith(ZIP_MAGIC):
        return _probe_zip(path, max_rows, background)
    if head == OLE_MAGIC:
        if ENCRYPTED_STREAM in path.read_bytes():
            raise SpreadsheetError(f"文件 {path.name} 设置了打开密码，无法读取。请在 Excel 中取消密码后另存，再导入。")
        return Probe("xls")
    sample = path.read_bytes()[:4096]
    try:
        sample.decode("utf-8")
        text = True
    except UnicodeDecodeError:
        text = b"\x00" not in sample
    if text:
        raise SpreadsheetError(f"文件 {path.name} 是文本文件（如 CSV），不是 Excel 表格。"
                               "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入。")
    raise SpreadsheetError(f"文件 {path.name} 不是 Excel 表格（.xlsx、.xls 或 .ods），无法导入。")


def _probe_zip(path: Path, max_rows: int, background: bool = False) -> Probe:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "content.xml" in names and "mimetype" in names:
                return Probe("ods")
            if "xl/workbook.xml" not in names:
                raise SpreadsheetError(f"文件 {path.name} 是压缩包，但不是 Excel 表格，无法导入。")
            result = Probe("xlsx")
            for sheet_path in _sheet_paths(zf):
                if sheet_path not in names:
                    continue
                _check_dimension(zf, sheet_path, max_rows)
                if background:
                    result.pending = _scan_in_background(path, sheet_path)
                else:
                    result.formula_gaps |= _formula_gaps(zf, sheet_path)
                break  # the first sheet is the one imported in practice; others are option lists
            return result
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(f"文件 {path.name} {_BROKEN_ZIP}") from error


def _scan_in_background(path: Path, sheet_path: str) -> Future:
    found: Future = Future()

    def scan() -> None:
        try:
            with zipfile.ZipFile(path) as zf:
                found.set_result(_formula_gaps(zf, sheet_path))
        except BaseException as error:  # handed to whoever asks for the result
            found.set_exception(error)

    threading.Thread(target=scan, name="xlsx-formula-scan", daemon=True).start()
    return found


def _sheet_paths(zf: zipfile.ZipFile) -> list[str]:
    book = zf.read("xl/workbook.xml")
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        return []
    rels = {}
    for m in _REL.finditer(rels_xml):
        rid, target = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        target = target.decode()
        rels[rid] = target.lstrip("/") if target.startswith("/") else posixpath.normpath("xl/" + target)
    return [rels[rid] for _name, rid in _SHEET.findall(book) if rid in rels]


def _check_dimension(zf: zipfile.ZipFile, sheet_path: str, max_rows: int) -> None:
    """Refuse a huge sheet from its declared size, before anything is parsed."""
    with zf.open(sheet_path) as f:
        m = _DIMENSION.search(f.read(4096))
    if m and int(m.group(1)) > max_rows + 100:
        raise SpreadsheetError(too_many_rows(int(m.group(1)) - 1, max_rows))


def _formula_gaps(zf: zipfile.ZipFile, sheet_path: str) -> set[tuple[int, int]]:
    """Cells holding a formula but no saved result (files written by programs, never opened in Excel)."""
    found = False
    tail = b""
    with zf.open(sheet_path) as f:
        while chunk := f.read(1 << 20):
            if _FORMULA.search(tail + chunk):
                found = True
                break
            tail = chunk[-4:]
    if not found:
        return set()
    gaps = set()
    for m in _CELL.finditer(zf.read(sheet_path)):
        body = m.group(3) or b""
        if _FORMULA.search(body) and not _VALUE.search(body):
            gaps.add((int(m.group(2)), _column_index(m.group(1))))
    return gaps
