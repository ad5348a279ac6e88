"""The fast search key must equal unit_text.build_search_text (demo data and imports stay searchable alike)."""

from __future__ import annotations

import random

import pytest

from fireoffice.services import demo_names, unit_pinyin, unit_text

SAMPLES = [
    ("中国银行重庆分行", "长乐便利店", "厦门朝阳路3号", "", ("乐乐", "", ""), ("", "", "")),
    ("ＫＴＶ（２店）", "", "  东关  社区 ", "91141124956866773H", (), ()),
    ("老王火锅店（2店）", "老王", "解放路12号", "", ("王小明",), ("13912345678",)),
    ("〇一二三", "a\tb\nc", "", "", (), ()),
    ("𠀀和平饭店", "x", "y", "z", (), ()),
    ("", "", "", "", (), ()),
    ("行长重地", "", "", "", (), ()),
    ("Café 咖啡屋", "", "", "", ("Σοφία",), ()),
]


@pytest.mark.parametrize("args", SAMPLES)
def test_same_output_as_unit_text(args):
    assert unit_pinyin.build_search_text(*args) == unit_text.build_search_text(*args)


def test_same_output_on_many_realistic_names():
    rng = random.Random(3)
    words = [w for k in demo_names.KINDS for w in k["words"]] + [k["word"] for k in demo_names.KEY_UNITS]
    for _ in range(3000):
        name = rng.choice(demo_names.VILLAGES)[0] + rng.choice(demo_names.SIGN_PREFIX) + rng.choice(words)
        short = rng.choice(["", rng.choice(words)])
        address = rng.choice(demo_names.STREETS) + f"{rng.randint(1, 300)}号"
        args = (name, short, address, "", ("张三",), ("13912345678",))
        assert unit_pinyin.build_search_text(*args) == unit_text.build_search_text(*args), name


def test_pinyin_keys_and_dedupe_key():
    assert unit_pinyin.pinyin_keys("火锅店") == ("huoguodian", "hgd")
    assert unit_pinyin.pinyin_keys("") == ("", "")
    assert unit_pinyin.dedupe_key("老王（2店）", " 解放路 ") == unit_text.normalize_name("老王（2店）") + "|" + \
        unit_text.normalize_name(" 解放路 ")
    assert unit_pinyin.normalize_name(" ＡＢ c（） ") == unit_text.normalize_name(" ＡＢ c（） ") == "abc()"
