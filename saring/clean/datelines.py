"""Datelines: the place and outlet a news article's lead opens with ("JAKARTA, KOMPAS.com -",
"Liputan6.com, Jakarta -", "TEMPO.CO, Jakarta -"), as a table of the outlets' styles.

Used to cut a dateline from a summary's sentence (``saring.stories``) and to tell an
article's lead from a headline on a page that arrives as text (``saring.clean.textpage``).
It does not find datelines inside a sentence.
"""

from __future__ import annotations

import re

_DASH = r"\s*[-–—]{1,2}\s*"
_PLACE = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"  # "Jakarta", "Tel Aviv", "Washington D.C"
# Datelines as the crawl's outlets write them, one row per style (tested one by one in
# tests/test_stories.py with a sentence of each): (style, pattern of the dateline to cut).
DATELINES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        # "Liputan6.com, Jakarta -Harga ...", "Liputan6.com, Tel Aviv -Israel ..."
        ("liputan6, place, dash", rf"^Liputan6\.com\s*,\s*{_PLACE}{_DASH}"),
        # the dash lost: "Liputan6.com, JakartaKita semua ...", "Liputan6.com, Ogan IlirPT ..."
        (
            "liputan6, place glued",
            r"^Liputan6\.com\s*,\s*(?:[A-Z][a-z]+\s+){0,3}[A-Z][a-z]+(?=[A-Z0-9\"“'‘])",
        ),
        # "TEMPO.CO, Jakarta - ...", "TEMPO.CO,Jakarta-Harga ..."
        ("tempo", rf"^TEMPO\.CO\s*,\s*{_PLACE}{_DASH}"),
        # "JAKARTA, KOMPAS.com -Remaja ...", "KOMPAS.com –Anda ...", "KLATEN, KOMPAS com- ..."
        ("kompas", rf"^(?:{_PLACE}\s*,\s*)?KOMPAS\.?\s?com{_DASH}"),
        # "REPUBLIKA.CO.ID, JAKARTA -- ...", "REPUBLIKA.CO.ID,TEHERAN – ..."
        ("republika", rf"^REPUBLIKA\.CO\.ID\s*,\s*{_PLACE}{_DASH}"),
        # ANTARA, the national news agency, and the outlets that reprint it: "Jakarta (ANTARA
        # News) - ...", "Surabaya (ANTARA) - ..." (no outlet of the crawl; IndoSum's articles)
        ("antara", rf"^{_PLACE}\s*\((?:ANTARA|Antara)(?:\s?News)?\){_DASH}"),
        # okezone and the wires: a place in capitals, "JAKARTA- ...", "PALERMO– ...", "MOSKOW - "
        # (a space on one side of the dash: "TEKA-teki", "COVID-19" are words)
        (
            "place in capitals",
            r"^[A-Z][A-Z.]+(?:\s+[A-Z][A-Z.]+){0,3}(?:\s*\([^)]{1,40}\))?"
            r"(?:\s+[-–—]{1,2}\s*|[-–—]{1,2}\s+)(?=[A-Z0-9\"“'‘])",
        ),
    )
)
# Any other outlet: up to four words with a news domain or "place, outlet", then a dash
# ("Jakarta, Aktual.com – ", "KIBLAT.NET, Aleppo – ", "Bojonegoro, Warta Harian – ").
_DATELINE = re.compile(
    r"^(?P<p>(?:[A-Z][\w.&]*[,.]?\s+){0,3}[A-Z][\w.&]*\s*(?:\([^)]{1,40}\)\s*)?)[-–—]{1,2}\s*"
    r"(?=[A-Z\"'“])"
)
_DOMAIN = re.compile(r"\w\.(?:com|co\.id|net|id)\b", re.IGNORECASE)


def strip_dateline(sentence: str) -> str:
    """``sentence`` without the dateline it opens with, if any: one of the outlets' styles
    (``DATELINES``), or a place and an outlet ("Bojonegoro, Warta Harian – "), or words with a
    news domain."""
    for _name, pattern in DATELINES:
        m = pattern.match(sentence)
        if m and m.end() < len(sentence):
            return sentence[m.end() :]
    m = _DATELINE.match(sentence)
    p = m.group("p") if m else ""
    # a news domain, or "place, outlet"; not a hyphenated name after a word
    # ("Perundungan IEU-Surabaya", "Bertajuk TAC-2025") nor a word doubled by a hyphen after
    # a comma ("IHSG Terkoreksi, Saham-Saham Ini ...": a headline of the crawl)
    if m and (_DOMAIN.search(p) or ("," in p and not _doubled(p, sentence[m.end() :]))):
        return sentence[m.end() :]
    return sentence


def _doubled(before: str, after: str) -> bool:
    """Whether a hyphen glued between ``before`` and ``after`` doubles a word ("Saham-Saham",
    "anak-anak"): a plural, not a dateline's dash."""
    if not before[-1:].isalnum():
        return False
    word = before.split()[-1]
    return after[: len(word)].casefold() == word.casefold()


def opens_with_dateline(line: str) -> bool:
    """Whether ``line`` opens with a dateline and has words after it."""
    rest = strip_dateline(line)
    return rest != line and any(c.isalpha() for c in rest)
