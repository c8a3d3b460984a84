"""Words and sentence ends in every script (saring/scripts.py)."""

import re

from saring.scripts import _marks, find_words

# the definition spelled the plain way: one letter or digit, then letters, digits or marks
_REFERENCE = re.compile(rf"[^\W_](?:[^\W_]|[{_marks()}])*")

MIXED = (
    "Presiden Joko Widodo (Jokowi) meresmikan 3 bendungan, 12/6/2025. "
    "राष्ट्रीय स्तर पर क्षेत्र का विकास। ข้อความภาษาไทย ꦲꦏ꧀ꦱꦫꦗꦮ Ａｂｃ１２ "
    "café naïve e\u0301te snake_case __init__ 3\u0301 \u0301lone “kutipan” — Jum’at"
)


def test_hindi_words_keep_their_vowel_signs():
    assert find_words("राष्ट्रीय स्तर पर") == ["राष्ट्रीय", "स्तर", "पर"]


def test_find_words_is_the_plain_definition_on_every_script():
    for text in (MIXED, MIXED.casefold(), "Rabu, 07/12/2016 08:13 WIB", ""):
        assert find_words(text) == _REFERENCE.findall(text)


def test_ascii_fast_path_splits_like_the_unicode_one():
    line = "Kepala BNPB, Letjen TNI Suharyanto_2 mengatakan: 1.200 warga mengungsi (2025)."
    assert line.isascii()
    assert find_words(line) == _REFERENCE.findall(line)
    assert find_words(line)[:3] == ["Kepala", "BNPB", "Letjen"]
