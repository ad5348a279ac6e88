"""Embedded TrueType CJK fonts for every PDF: the bundled WenQuanYi Micro Hei (黑体, always available) plus the
station's own 仿宋/宋体/楷体 when installed; and a check that a text's characters exist in a font.

reportlab embeds TrueType only and never falls back per glyph, so a missing character would print as a box:
callers check names with `missing_chars` and fall back to 黑体 for that text (`font_for`).
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from fireoffice.paths import resources_dir

log = logging.getLogger(__name__)

HEI = "FO-Hei"  # reportlab names stay ASCII; roles map to them
BUNDLED = "wqy-microhei.ttc"
# role → (reportlab name, candidate file names in the system font folders, subfont index for .ttc)
OPTIONAL: dict[str, tuple[str, tuple[str, ...], int]] = {
    "fangsong": ("FO-FangSong", ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "fs_gb2312.ttf", "SIMFANG.TTF",
                                 "simfang.ttf", "STFANGSO.TTF"), 0),
    "songti": ("FO-Song", ("simsun.ttc", "SIMSUN.TTC", "simsun.ttf", "STSONG.TTF"), 0),
    "kaiti": ("FO-Kai", ("楷体_GB2312.ttf", "KAITI_GB2312.TTF", "simkai.ttf", "SIMKAI.TTF", "STKAITI.TTF",
                         "LXGWWenKai-Regular.ttf"), 0),
    "heiti": ("FO-SimHei", ("simhei.ttf", "SIMHEI.TTF"), 0),
}
TITLE = ("FO-XiaoBiaoSong", ("方正小标宋简体.ttf", "FZXBSJW.TTF", "方正小标宋_GBK.ttf", "FZXBSK.TTF"), 0)
BUNDLED_ROLE = "bundled"  # the print-settings value that always means the bundled 文泉驿微米黑
LABELS = {"fangsong": "仿宋", "songti": "宋体", "kaiti": "楷体", "heiti": "黑体", "xiaobiaosong": "方正小标宋",
          BUNDLED_ROLE: "文泉驿微米黑（内置）"}
_found: dict[str, Path] = {}  # role → the station's font file that registered, filled once per process


@dataclass(frozen=True)
class FontSet:
    """Which reportlab font name to use for each role; every name is an embedded TrueType font."""

    heiti: str
    fangsong: str
    songti: str
    kaiti: str

    def names(self) -> set[str]:
        return {self.heiti, self.fangsong, self.songti, self.kaiti}


def font_dirs() -> list[Path]:
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        dirs += [windir / "Fonts", Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts"]
    elif sys.platform == "darwin":
        dirs += [Path("/Library/Fonts"), Path.home() / "Library" / "Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
                 Path.home() / ".local" / "share" / "fonts"]
    extra = os.environ.get("FIREOFFICE_FONT_DIR")  # a station may drop its licensed fonts here
    if extra:
        dirs.insert(0, Path(extra))
    return [d for d in dirs if d.is_dir()]


def _find(names: tuple[str, ...]) -> Path | None:
    wanted = {n.lower() for n in names}
    for folder in font_dirs():
        for root, _dirs, files in os.walk(folder):
            for f in files:
                if f.lower() in wanted:
                    return Path(root) / f
    return None


def _register(name: str, path: Path, index: int = 0) -> bool:
    try:
        # asciiReadable=False: the first subset is not reserved for ASCII, so a page of Chinese fits one
        # 255-glyph subset instead of two (each subset is a font program to cut, compress and embed per PDF);
        # text stays extractable through the ToUnicode map.
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index, asciiReadable=False))
        return True
    except Exception as exc:  # CFF outlines, damaged files: skip, 黑体 remains
        log.warning("font %s not usable for PDF: %s", path, exc)
        return False


@cache
def register_fonts() -> FontSet:
    """Register once per process; also make the embedded 黑体 the canvas default (no stray Helvetica)."""
    bundled = resources_dir() / "fonts" / BUNDLED
    if not _register(HEI, bundled, 0):
        raise RuntimeError(f"内置字体无法加载：{bundled}")
    rl_config.canvas_basefontname = HEI
    # Streams stay binary (Flate only): ASCII85 armour makes every PDF ~25% bigger (they are archived in the
    # database) and costs as much time as compressing them; nothing that reads these PDFs needs 7-bit files.
    rl_config.useA85 = 0
    found = {}
    for role, (name, files, index) in OPTIONAL.items():
        path = _find(files)
        found[role] = name if path is not None and _register(name, path, index) else HEI
        if found[role] != HEI:
            _found[role] = path
    return FontSet(heiti=found["heiti"], fangsong=found["fangsong"], songti=found["songti"], kaiti=found["kaiti"])


@cache
def title_font() -> str:
    """方正小标宋 when the station has it, else 黑体; looked up once (an unknown getFont scans AFM files)."""
    register_fonts()
    name, files, index = TITLE
    path = _find(files)
    if path is not None and _register(name, path, index):
        _found["xiaobiaosong"] = path
        return name
    return HEI


def installed() -> dict[str, Path]:
    """The station's own fonts that were found and embed cleanly: role → file (the print-settings choices)."""
    register_fonts()
    title_font()
    return dict(_found)


def role_font(role: str, fallback: str) -> str:
    """The reportlab font name printing uses for a print-settings role; `fallback` for an unknown role."""
    fs = register_fonts()
    if role == BUNDLED_ROLE:
        return HEI
    if role == "xiaobiaosong":
        return title_font()
    return getattr(fs, role) if role in OPTIONAL else fallback


def missing_chars(text: str, font_name: str = HEI) -> list[str]:
    """Characters of `text` the font has no glyph for (spaces and line breaks ignored), in order, once each."""
    register_fonts()
    cmap = pdfmetrics.getFont(font_name).face.charToGlyph
    out: list[str] = []
    for ch in text:
        if ch not in "\n\r\t " and ord(ch) not in cmap and ch not in out:
            out.append(ch)
    return out


def font_for(text: str, preferred: str) -> str:
    """The preferred font when it has every character of `text`, else 黑体 (GBK coverage)."""
    return preferred if preferred == HEI or not missing_chars(text, preferred) else HEI
