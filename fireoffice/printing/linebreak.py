"""Chinese line breaking with 禁则 (GB/T 15834 line-start/line-end rules) and cached glyph widths.

A line never starts with closing punctuation (，。、；：？！）》」』”’ …) and never ends with an opening one
(（《「『“‘ …); runs of Latin letters and digits (文号 numbers, amounts, dates) stay whole; "——" and "……" are
not split. When the greedy break would violate a rule the break moves back (推出: the last character(s) go to
the next line), so nothing hangs past the right edge and the caller may justify the line to the full width.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from reportlab.pdfbase import pdfmetrics

# Closing punctuation: full-width and the ASCII forms that turn up in typed text.
NO_LINE_START = frozenset("，。、；：？！）》」』〕】〉〗〙｝］”’…—·～%‰℃,.;:?!)]}>")
# Opening punctuation: never the last character of a line.
NO_LINE_END = frozenset("（《「『〔【〈〖〘｛［“‘([{<¥$＄￥")
SPACES = frozenset(" \u3000")
LONG_RUN = 8  # Latin/digit runs longer than this may be cut at a line end rather than leave a wide gap
NO_SPLIT_PAIRS = frozenset("—…")  # 破折号 and 省略号 are two characters that stay together
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/%_\-]*[A-Za-z0-9%]|[A-Za-z0-9]|.", re.S)


@cache
def char_widths(font_name: str) -> tuple[dict[int, int], int]:
    """(code point → advance in 1/1000 em, default advance) of a registered TrueType font, read once."""
    face = pdfmetrics.getFont(font_name).face
    return face.charWidths, face.defaultWidth


@cache
def ascent(font_name: str) -> float:
    """Ascent in 1/1000 em: where the first baseline sits below the top of a block."""
    return pdfmetrics.getFont(font_name).face.ascent


class _Widths(dict):
    """token → width in points at one font and size, filled on first use (a document repeats its characters)."""

    def __init__(self, font_name: str, size: float):
        super().__init__()
        self.table, self.default = char_widths(font_name)
        self.scale = 0.001 * size

    def __missing__(self, token: str) -> float:
        get, default = self.table.get, self.default
        width = self[token] = self.scale * sum(get(ord(ch), default) for ch in token)
        return width


@cache
def _widths(font_name: str, size: float) -> _Widths:
    return _Widths(font_name, size)


def text_width(text: str, font_name: str, size: float) -> float:
    widths = _widths(font_name, size)
    return sum(widths[ch] for ch in text)


def tokens(text: str) -> list[str]:
    """Break units: one CJK character or punctuation mark each, a Latin/digit run as one."""
    return _TOKEN.findall(text)


def _allowed(toks: list[str], at: int) -> bool:
    """May a line break fall before toks[at]?"""
    before, after = toks[at - 1], toks[at]
    if after[0] in NO_LINE_START or before[-1] in NO_LINE_END:
        return False
    return not (before[-1] == after[0] and after[0] in NO_SPLIT_PAIRS)


@lru_cache(maxsize=4096)
def break_lines(text: str, font_name: str, size: float, first_width: float,
                width: float | None = None) -> tuple[tuple[str, float, bool], ...]:
    """Lines of `text` as (text, width in points, ends_by_wrap). `first_width` is for the first line,
    `width` for the others. "\\n" forces a break; a Latin run wider than a line is cut by characters.

    Cached: the 正本 and 存档 copies, and the fixed sentences every notice shares, are broken once."""
    width = first_width if width is None else width
    cache = _widths(font_name, size)
    out: list[tuple[str, float, bool]] = []
    for hard in text.split("\n"):
        toks = tokens(hard)
        tw = [cache[t] for t in toks]
        start, n = 0, len(toks)
        if n == 0:
            out.append(("", 0.0, False))
            continue
        while start < n:
            avail = (first_width if not out else width) + 0.01
            end, used = start, 0.0
            while end < n and used + tw[end] <= avail:
                used += tw[end]
                end += 1
            if end == start:  # one token wider than the line: cut it into characters
                if len(toks[start]) > 1:
                    chars = list(toks[start])
                    toks[start:start + 1] = chars
                    tw[start:start + 1] = [cache[ch] for ch in chars]
                    n = len(toks)
                    continue
                end = start + 1
            elif end < n and len(toks[end]) > LONG_RUN and avail - used > avail / 10:
                # A long number (信用代码, 身份证号) moved whole would leave a wide gap: cut it here.
                chars = list(toks[end])
                toks[end:end + 1] = chars
                tw[end:end + 1] = [cache[ch] for ch in chars]
                n = len(toks)
                continue
            elif end < n:
                fit = end
                while end > start + 1 and not _allowed(toks, end):
                    end -= 1  # 推出: carry the offending character(s) to the next line
                if end == start + 1 and not _allowed(toks, end):
                    end = fit  # nothing but punctuation on the line: keep the greedy break
            stop = end
            while stop > start + 1 and toks[stop - 1] in SPACES and end < n:
                stop -= 1  # blanks at a wrapped line's end take no room
            while end < n and toks[end] in SPACES:
                end += 1  # nor do they start the next line
            out.append(("".join(toks[start:stop]), sum(tw[start:stop]), end < n))
            start = end
    return tuple(out)
