"""A fast search key: exactly unit_text.build_search_text's output, ~9× quicker for bulk imports."""

# pypinyin spends its time converting each segmented word, not segmenting. Names in one township repeat the
# same words (街道, 火锅店, 便利店 …), so converting each word once and caching it gives exactly lazy_pinyin's
# output (same segmenter rules, same converter) at a fraction of the cost: 11 s → 1.2 s for 100,000 units.
# tests/services/test_units_text.py checks the two stay identical.

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from itertools import repeat

from pypinyin import Style
from pypinyin.constants import PHRASES_DICT, RE_HANS
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin
from pypinyin.seg import mmseg

# lazy_pinyin() builds exactly this converter on every call (pypinyin.core.lazy_pinyin).
_PINYIN = Pinyin(UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False))
_SPACES = re.compile(r"\s+")
# pypinyin's simpleseg splits text into runs of Chinese / other characters one character at a time with
# RE_HANS; one regex over the same character class finds the same runs several times faster.
_HAN_CLASS = RE_HANS.pattern.removeprefix("^(?:[").removesuffix("])+$")
_RUNS = re.compile(f"[{_HAN_CLASS}]+|[^{_HAN_CLASS}]+")
_HAN = re.compile(f"[{_HAN_CLASS}]")
_FULL_WIDTH = re.compile("[\u3000\uff01-\uff5e]")


_PREFIXES = getattr(getattr(mmseg.seg, "_prefix_set", None), "_set", None)
_FAST_SEG = (RE_HANS.pattern.startswith("^(?:[") and RE_HANS.pattern.endswith("])+$")
             and isinstance(_PREFIXES, set) and getattr(mmseg.seg, "_no_non_phrases", None) is True)


def _cut(run: str) -> list[str]:
    """mmseg.Seg.cut (forward maximum matching, no_non_phrases=True) on its prefix set, without the
    method call per character that makes the original the slowest step of an import."""
    out: list[str] = []
    prefixes, phrases = _PREFIXES, PHRASES_DICT
    remain = run
    while remain:
        last, i, n = 0, 0, len(remain)
        while i < n:
            i += 1
            word = remain[:i]
            if word not in prefixes:
                break
            if word in phrases:
                last = i
        else:  # the whole rest is a prefix of some phrase
            if last:
                out.append(remain[:last])
                remain = remain[last:]
                continue
            out.extend(remain)  # no phrase in it: one character at a time, as pypinyin does
            break
        if last:
            out.append(remain[:last])
            remain = remain[last:]
        else:
            out.append(remain[0])
            remain = remain[1:]
    return out


def _segments(text: str) -> list[str]:
    """The words lazy_pinyin converts, as pypinyin.seg.simpleseg.seg cuts them (mmseg on Chinese runs)."""
    if not _FAST_SEG:  # a pypinyin release with another pattern: stay exact, just slower
        return _PINYIN.seg(text)
    out: list[str] = []
    for run in _RUNS.findall(text):
        if _HAN.match(run):
            out.extend(_cut(run))
        else:
            out.append(run)
    return out


def _keep(chars: str) -> list[str]:
    return list(chars)


@lru_cache(maxsize=200_000)
def _word_keys(word: str) -> tuple[str, str]:
    conv = _PINYIN._converter
    full = "".join(p for ps in conv.convert(word, Style.NORMAL, False, _keep, strict=True) for p in ps)
    short = "".join(p for ps in conv.convert(word, Style.FIRST_LETTER, False, _keep, strict=True) for p in ps)
    return full, short


def _converted_as_is(sample: str) -> bool:
    conv = _PINYIN._converter
    return all("".join(p for ps in conv.convert(sample, style, False, _keep, strict=True) for p in ps) == sample
               for style in (Style.NORMAL, Style.FIRST_LETTER))


# Text without Chinese characters has no pinyin: lazy_pinyin hands it to the errors callback (_keep, one
# item per character) and returns it unchanged in every style. Checked once here against the installed
# pypinyin; then such runs (“（2店）”'s “（2”, unique numbers in names) skip the converter.
_OTHER_AS_IS = _FAST_SEG and _converted_as_is("（9a-Z ）")


def _other_keys(run: str) -> tuple[str, str]:
    """_word_keys of a run without Chinese characters."""
    return (run, run) if _OTHER_AS_IS else _word_keys(run)


_TAILS: dict[str, tuple[str, str]] = {}  # the keys of a Chinese run's last few characters, as cut from there
TAIL_MAX = 10  # names repeat their endings (王记日杂店, 火锅店): remembered up to this length
TAILS_LIMIT = 100_000  # then forgotten: at most ~20 MB


def _run_keys(run: str) -> tuple[str, str]:
    """The joined (full, initials) of a run of Chinese characters as _cut segments it.

    Forward maximum matching from a word's start looks only at the text from there on, so the keys of
    the run from any word start on are those of that ending alone: short endings are remembered, and a
    name that ends like an earlier one is only cut up to there.
    """
    n = len(run)
    if n <= TAIL_MAX:
        hit = _TAILS.get(run)
        if hit is not None:
            return hit
    prefixes, phrases = _PREFIXES, PHRASES_DICT
    words: list[tuple[int, str, bool]] = []  # (start, word, whether cutting reached this start)
    tail = ("", "")
    pos = 0
    while pos < n:
        if pos and n - pos <= TAIL_MAX:
            found = _TAILS.get(run[pos:])
            if found is not None:
                tail = found
                break
        last, end = 0, pos
        while end < n:
            end += 1
            word = run[pos:end]
            if word not in prefixes:
                break
            if word in phrases:
                last = end - pos
        else:  # the whole rest is a prefix of some phrase
            if not last:  # no phrase in it: one character at a time, as pypinyin does
                words += [(i, run[i], i == pos) for i in range(pos, n)]
                break
        step = last or 1
        words.append((pos, run[pos:pos + step], True))
        pos += step
    if len(_TAILS) > TAILS_LIMIT:
        _TAILS.clear()
    full, short = tail
    for start, word, reached in reversed(words):
        f, s = _word_keys(word)
        full, short = f + full, s + short
        if reached and n - start <= TAIL_MAX:
            _TAILS[run[start:]] = (full, short)
    return full, short


@lru_cache(maxsize=100_000)
def _rest_keys(text: str) -> tuple[str, str]:
    keys = [_run_keys(run) if _HAN.match(run) else _other_keys(run) for run in _RUNS.findall(text)]
    return "".join([k[0] for k in keys]), "".join([k[1] for k in keys])


def pinyin_keys(text: str) -> tuple[str, str]:
    """('huoguodian', 'hgd') for 火锅店, identical to unit_text.pinyin_keys."""
    if not _FAST_SEG:
        segments = _segments(text)
        if not segments:
            return "", ""
        full, short = zip(*map(_word_keys, segments), strict=True)
        return _SPACES.sub("", "".join(full).lower()), _SPACES.sub("", "".join(short).lower())
    first = _RUNS.match(text)
    if first is None:
        return "", ""
    run = first.group()
    full, short = _run_keys(run) if _HAN.match(run) else _other_keys(run)
    if first.end() < len(text):
        # Each run is converted on its own, so the rest of the text (“（2店）”) has keys of its own.
        rest = _rest_keys(text[first.end():])
        full, short = full + rest[0], short + rest[1]
    # str.split() splits at exactly the characters \s matches: the same as _SPACES.sub("", …)
    return "".join(full.lower().split()), "".join(short.lower().split())


def normalize_name(text: str) -> str:
    """unit_text.normalize_name without its regex: NFKC, lower case, no whitespace (same output)."""
    if text.isascii():
        return "".join(text.lower().split())
    # NFKC already turns （） into (), as unit_text.normalize_name's explicit replace does.
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def build_search_text(name: str, short_name: str = "", address: str = "", uscc: str = "",
                      people: tuple[str, ...] = (), phones: tuple[str, ...] = ()) -> str:
    """Same contract and output as unit_text.build_search_text."""
    full, initials = pinyin_keys(name)
    parts = [name, short_name, address, uscc, *people, *phones, full, initials]
    if short_name:
        parts += list(pinyin_keys(short_name))
    # One normalisation of the joined text: "|" is stable under NFKC and has no case, so this equals
    # unit_text's part-by-part normalisation at a twelfth of the calls.
    return normalize_name("|".join([p for p in parts if p]))


SEARCH_TEXT_MAX = 800  # keeps an ix_unit_search entry under PostgreSQL's B-tree row limit (2704 bytes)


def search_columns(values: dict, name_norm: str | None = None) -> dict:
    """name_norm (duplicate key) and search_text for a unit's column values."""
    name, address = values.get("name") or "", values.get("address") or ""
    return {
        "name_norm": name_norm if name_norm is not None else dedupe_key(name, address),
        "search_text": build_search_text(
            name, values.get("short_name") or "", address, values.get("uscc") or "",
            (values.get("legal_rep") or "", values.get("resp_person") or "", values.get("mgr_person") or ""),
            (values.get("legal_rep_phone") or "", values.get("resp_phone") or "", values.get("mgr_phone") or ""),
        )[:SEARCH_TEXT_MAX],
    }


def dedupe_key(name: str, address: str) -> str:
    """Same normalised name and address = the same unit (as the demo data writes it)."""
    return normalize_name(name + "|" + address)  # "|" is stable under NFKC: same as two calls


def normalize_names(texts: Sequence[str]) -> list[str]:
    """[normalize_name(t) for t in texts] in three passes over one joined string.

    NUL separates the texts: a starter that composes with nothing under NFKC, has no case (and is not
    case-ignorable, so it ends a final-sigma context) and is not whitespace; each text normalises exactly
    as it would alone. A text that itself contains NUL (not possible from xlsx) takes the slow path.
    """
    if not texts:
        return []
    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:
        return [normalize_name(t) for t in texts]
    if not joined.isascii():
        # Full-width forms such as （） fail NFKC's quick check and send the whole text down the slow path.
        # Replacing them by their decomposition first changes nothing in the result (NFKC composes the
        # same decomposed text); what remains is usually normalised already, which is quick to check.
        for char in set(_FULL_WIDTH.findall(joined)):
            joined = joined.replace(char, unicodedata.normalize("NFKD", char))
        if not unicodedata.is_normalized("NFKC", joined):
            joined = unicodedata.normalize("NFKC", joined)
    return "".join(joined.lower().split()).split("\x00")


def dedupe_keys(names: Iterable[str], addresses: Iterable[str]) -> list[str]:
    """[dedupe_key(n, a) for n, a in zip(names, addresses)]."""
    return normalize_names(list(map("|".join, zip(names, addresses, strict=True))))


def search_texts(names: Iterable[str], short_names: Iterable[str], addresses: Iterable[str],
                 usccs: Iterable[str], people: Sequence[Iterable[str]], phones: Sequence[Iterable[str]]) -> list[str]:
    """search_columns(...)["search_text"] for many units: the same parts, joined and normalised in bulk."""
    names, short_names = list(names), list(short_names)
    fulls, initials = zip(*map(pinyin_keys, names), strict=True) if names else ((), ())
    shorts = {s: pinyin_keys(s) for s in set(short_names) if s}  # 招牌名 repeat; each converted once
    short_full = map({s: k[0] for s, k in shorts.items()}.get, short_names, repeat(""))
    short_initials = map({s: k[1] for s, k in shorts.items()}.get, short_names, repeat(""))
    parts = zip(names, short_names, addresses, usccs, *people, *phones, fulls, initials, short_full,
                short_initials, strict=False)  # repeat() columns for fields the file does not have
    texts = normalize_names(list(map("|".join, map(partial(filter, None), parts))))
    return [t if len(t) <= SEARCH_TEXT_MAX else t[:SEARCH_TEXT_MAX] for t in texts]
