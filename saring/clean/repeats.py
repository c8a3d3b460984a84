"""Remove paragraphs that a document prints more than once, keeping the first copy.

Pages repeat blocks when a template renders a caption twice or a crawler captures a body twice
(seed 003 prints four paragraphs twice, seed 004 its photo caption). Compares lines after folding
case and white space. It does not judge whether a line is boilerplate; that is other cleaning.
"""

from __future__ import annotations

import re

from saring.model import REPEATED_PARAGRAPH, Removed

_MANY_BLANKS = re.compile(r"\n{3,}")


def _fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def tidy(text: str) -> str:
    """Strip trailing space on each line and leave at most one blank line between blocks."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def remove_repeated_paragraphs(text: str, min_chars: int = 20) -> tuple[str, list[Removed]]:
    """Drop every line that repeats an earlier line of at least ``min_chars`` characters.

    Short repeated lines (a lone "A" of a font-size widget, "***") are left for the boilerplate
    rules: repeating them is normal and dropping the copies would not make them go away.
    Returns the new text and one :class:`Removed` per dropped line.
    """
    seen: set[str] = set()
    kept: list[str] = []
    removed: list[Removed] = []
    for line in text.split("\n"):
        key = _fold(line)
        if len(key) >= min_chars:
            if key in seen:
                removed.append(Removed(line.strip(), REPEATED_PARAGRAPH))
                continue
            seen.add(key)
        kept.append(line)
    if not removed:
        return text, removed
    return tidy("\n".join(kept)), removed
