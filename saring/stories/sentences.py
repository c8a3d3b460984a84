"""Indonesian sentence splitting for extractive summaries.

Splits one paragraph (a line of clean text) into sentences at ``.``, ``!``, ``?`` or ``...``
followed by space and a capital, a digit or an opening quote. Does not split after an
abbreviation (``Dr.``, ``H.``, ``No.``, ``Jl.``, ``Rp.``, an initial such as ``M.``), inside a
number (``Rp1.000``, ``10.30 WIB``, ``17.08.1945``: no space follows), or inside a quotation
(``"Kami siap. Semua lancar," kata dia.`` is one sentence: a summary must not cut a quote in
half). Never joins lines. NLTK's punkt and spaCy's sentencizer know no Indonesian abbreviations
and split inside quotations, hence our own rules.
"""

from __future__ import annotations

import re
from importlib import resources


def _abbreviations() -> frozenset[str]:
    text = resources.files("saring.stories").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(
        w for line in text.splitlines() if not line.startswith("#") for w in line.split()
    )


# Words written with a period that does not end a sentence (``data/abbreviations.txt``).
ABBREVIATIONS = _abbreviations()
# A candidate end: terminal punctuation, then closing quotes or brackets, then white space.
_END = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"'“‘«(\[]?)(\S)")


def _word_before(text: str, end: int) -> str:
    """The word that the period at ``end`` closes (letters, digits and inner periods)."""
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    return text[start:end].strip(".-")


def open_quote(text: str) -> bool:
    """Whether a quotation is open at the end of ``text``: more “ than ”, or an odd number of
    straight double quotes. (Single quotes are not counted: ’ is also an apostrophe.)"""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, stripped; the paragraph itself when it has one."""
    text = paragraph.strip()
    # A quotation left open at the end of the paragraph (it goes on in the next one) would keep
    # the rest of the paragraph in one sentence: then quotes are not followed.
    quotes = not open_quote(text)
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        nxt = _NEXT.match(text, end)
        if not nxt:
            continue
        opener, first = nxt.groups()
        if not (first.isupper() or first.isdigit() or opener):
            continue  # "kata dia. lalu ..." or an abbreviation followed by a name in lower case
        core = m.group(0).rstrip("\"'”’»)]")
        if core == ".":
            word = _word_before(text, m.start())
            if word.casefold() in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        piece = text[start:end]
        if quotes and open_quote(piece):
            continue  # inside a quotation: the sentence goes on to the attribution
        out.append(piece.strip())
        start = end
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


def sentences(text: str) -> list[str]:
    """Every sentence of a clean text, paragraph by paragraph (one paragraph per line)."""
    return [s for line in text.split("\n") for s in split_sentences(line)]
