"""The 双随机 draw algorithm "fo-draw-v1": pure, deterministic from the seed, independent of Python's `random`.

Anyone holding the seed and the stored ordered pools can replay it with this file alone (or re-implement it):
random integers come from SHA-256("<seed>|<stream>|<counter>") read as four big-endian 64-bit words, reduced by
rejection sampling; units are drawn by a partial Fisher–Yates shuffle, officer pairs one unit at a time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence

ALGORITHM = "fo-draw-v1"
_WORD = 2**64


def canonical(obj) -> str:
    """The exact text that is stored and hashed (sorted keys, no spaces, UTF-8)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Stream:
    """Uniform random integers derived from the seed; one named stream per purpose."""

    def __init__(self, seed: str, name: str):
        self._seed, self._name = seed, name
        self._words = self._generate()

    def _generate(self) -> Iterator[int]:
        counter = 0
        while True:
            block = hashlib.sha256(f"{self._seed}|{self._name}|{counter}".encode()).digest()
            counter += 1
            for i in range(0, 32, 8):
                yield int.from_bytes(block[i:i + 8], "big")

    def below(self, n: int) -> int:
        """Uniform in [0, n): reject the top sliver of 64-bit values so no result is favoured."""
        if n <= 0:
            raise ValueError("n must be positive")
        limit = (_WORD // n) * n
        while True:
            word = next(self._words)
            if word < limit:
                return word % n


def select_units(seed: str, pool: Sequence[str], forced: Sequence[str], count: int) -> list[tuple[str, bool]]:
    """Forced units first (in pool order), then count − forced drawn from the rest: [(uid, forced)]."""
    forced_set = set(forced)
    first = [u for u in pool if u in forced_set]
    rest = [u for u in pool if u not in forced_set]
    k = max(0, min(count - len(first), len(rest)))
    stream = Stream(seed, "units")
    for i in range(k):
        j = i + stream.below(len(rest) - i)
        rest[i], rest[j] = rest[j], rest[i]
    return [(u, True) for u in first] + [(u, False) for u in rest[:k]]


class NotEnoughOfficers(Exception):
    def __init__(self, unit_uid: str, available: int):
        super().__init__(unit_uid)
        self.unit_uid, self.available = unit_uid, available


def pair_officers(seed: str, units: Sequence[str], officers: Sequence[str],
                  exclusions: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """A random pair of distinct officers for each unit, skipping (unit, officer) recusal pairs."""
    stream = Stream(seed, "officers")
    pairs = []
    for unit in units:
        eligible = [o for o in officers if (unit, o) not in exclusions]
        if len(eligible) < 2:
            raise NotEnoughOfficers(unit, len(eligible))
        first = eligible.pop(stream.below(len(eligible)))
        second = eligible[stream.below(len(eligible))]
        pairs.append((first, second))
    return pairs


def pool_hash(unit_pool: Sequence[str], forced: Sequence[str], officer_pool: Sequence[str],
              exclusions: Sequence[Sequence[str]], count: int) -> str:
    """One fingerprint of everything the draw depended on except the seed; publishable before the draw."""
    return sha256_text(canonical({"algorithm": ALGORITHM, "units": list(unit_pool), "forced": list(forced),
                                  "officers": list(officer_pool), "exclusions": [list(e) for e in exclusions],
                                  "count": count}))


def run(seed: str, unit_pool: Sequence[str], forced: Sequence[str], officer_pool: Sequence[str],
        exclusions: Sequence[Sequence[str]], count: int) -> list[dict]:
    """The whole draw: [{"unit": uid, "forced": bool, "officers": [uid, uid]}], in draw order."""
    chosen = select_units(seed, unit_pool, forced, count)
    excluded = {(u, o) for u, o in exclusions}
    pairs = pair_officers(seed, [u for u, _ in chosen], officer_pool, excluded)
    return [{"unit": u, "forced": f, "officers": list(p)} for (u, f), p in zip(chosen, pairs, strict=True)]
