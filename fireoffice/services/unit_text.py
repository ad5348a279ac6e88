"""Text normalisation and the search key of a unit (names, people, phones, full pinyin and initials)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and spaces to half-width (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", text or "").strip()


def normalize_name(text: str) -> str:
    """For duplicate detection: half-width, no spaces at all, lower case, unified brackets."""
    text = to_halfwidth(text).lower()
    text = text.replace("（", "(").replace("）", ")")
    return _SPACES.sub("", text)


def pinyin_keys(text: str) -> tuple[str, str]:
    """('huoguodian', 'hgd') for 火锅店; other characters pass through lower-cased."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take ~0.2 s to load: not at app start

    syllables = lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars))
    initials = lazy_pinyin(text, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    full = "".join(syllables).lower()
    short = "".join(initials).lower()
    return _SPACES.sub("", full), _SPACES.sub("", short)


def build_search_text(name: str, short_name: str = "", address: str = "", uscc: str = "",
                      people: tuple[str, ...] = (), phones: tuple[str, ...] = ()) -> str:
    """One lower-case string that LIKE '%q%' searches: every visible key plus pinyin of the names."""
    full, initials = pinyin_keys(name)
    parts = [name, short_name, address, uscc, *people, *phones, full, initials]
    if short_name:
        parts += list(pinyin_keys(short_name))
    return "|".join(normalize_name(p) for p in parts if p)


def search_key(query: str) -> str:
    """The user's query folded the same way as build_search_text."""
    return normalize_name(query)
