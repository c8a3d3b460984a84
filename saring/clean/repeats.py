"""Remove paragraphs that a page prints twice, keeping the first copy.

Pages repeat blocks when a template renders a caption twice or a crawler captures a body twice:
seed 003 prints four paragraphs twice in a row, seed 004 its photo caption, and 33 republika.co.id
pages of the shared crawl open with the whole article flattened into one line (words glued where
links were) before the same article in paragraphs (``flattened_copies``). Only a copy printed
right after its original goes: an interview asks each guest the same question and a meal plan
repeats its rows with other lines between, and those repeats are the article (the extraction
benchmarks' gold keeps them). Lines are compared with case and white space folded; whether a
line is boilerplate is not judged here.
"""

from __future__ import annotations

import re

from saring.model import FLATTENED_COPY, REPEATED_PARAGRAPH, Removed

_MANY_BLANKS = re.compile(r"\n{3,}")


def fold(line: str) -> str:
    return " ".join(line.split()).casefold()


def tidy(text: str) -> str:
    """Strip trailing space on each line and leave at most one blank line between blocks."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _MANY_BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def repeated_lines(keys: list[str | None], min_chars: int = 20) -> set[int]:
    """Indices of the lines that a page prints twice in a row.

    ``keys`` are the folded lines (``fold``), ``None`` for blank lines. Each line that equals
    an earlier one gets the distance to that copy, counted in non-blank lines; a run of
    consecutive lines with the same distance ``d`` is a copy printed right after its original
    (A B C D A B C D, or a caption A A) when the run is at least ``d`` lines long, and it goes
    if one of its lines has at least ``min_chars`` characters. Repeats with other lines between
    them (an interview's recurring question, a meal plan's daily rows) are content and stay.
    """
    order = [i for i, k in enumerate(keys) if k]  # non-blank lines, in order
    first: dict[str, int] = {}
    distance: list[int | None] = []
    for n, i in enumerate(order):
        d = n - first[keys[i]] if keys[i] in first else None
        first.setdefault(keys[i], n)
        distance.append(d)
    drop: set[int] = set()
    n = 0
    while n < len(order):
        d = distance[n]
        m = n
        while d is not None and m + 1 < len(order) and distance[m + 1] == d:
            m += 1
        run = order[n : m + 1]
        if d is not None and len(run) >= d and any(len(keys[i]) >= min_chars for i in run):
            drop.update(run)
        n = m + 1
    return drop


def flattened_copies(keys: list[str | None], min_chars: int = 200) -> set[int]:
    """Indices of lines that are other lines of the page glued together: a line of at least
    ``min_chars`` characters that, white space removed, contains at least two other lines of
    40 characters or more (white space removed too, since flattening glues words together),
    and those lines make up at least half of it. The paragraphs stay and the glued copy goes.
    ``keys`` are the folded lines (``fold``), ``None`` for blank lines."""
    # a folded line's only white space is single spaces
    squeezed = {i: k.replace(" ", "") for i, k in enumerate(keys) if k}
    parts = {i: s for i, s in squeezed.items() if len(s) >= _PART}
    blobs = [i for i, blob in squeezed.items() if len(blob) >= min_chars]
    # every pair where that is little work (a news article's lines), else through anchors
    anchors = _anchors(parts) if len(blobs) * len(parts) > _PAIRS else None
    drop: set[int] = set()
    for i in blobs:
        blob = squeezed[i]
        near = _anchored(blob, anchors) if anchors is not None else list(parts)
        inside = [len(parts[j]) for j in near if j != i and j not in drop and parts[j] in blob]
        if len(inside) >= 2 and sum(inside) >= len(blob) / 2:
            drop.add(i)
    return drop


# The lines that may lie inside a long line, found without testing every pair (a 1 MB text of
# 5,000 lines took 3.8 s that way): a part of _PART characters or more that stands at offset o
# of a line covers a position q, a multiple of _STEP, in [o, o + _STEP), where the line's next
# _KEY characters are the part's at an offset under _STEP. So each part is indexed by its
# _STEP first such keys, and a line looks up its keys at every _STEP-th position.
_PART, _STEP, _KEY = 40, 16, 24
_PAIRS = 2500  # lines x parts above which the anchors pay (measured on the crawl's bodies)


def _anchors(parts: dict[int, str]) -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for j, s in parts.items():
        for key in {s[o : o + _KEY] for o in range(_STEP)}:
            index.setdefault(key, []).append(j)
    return index


def _anchored(blob: str, anchors: dict[str, list[int]]) -> list[int]:
    """The parts that may lie inside ``blob`` (every one that does, in line order)."""
    found: set[int] = set()
    for q in range(0, len(blob) - _KEY + 1, _STEP):
        found.update(anchors.get(blob[q : q + _KEY], ()))
    return sorted(found)


def remove_repeated_paragraphs(text: str, min_chars: int = 20) -> tuple[str, list[Removed]]:
    """Drop the lines ``repeated_lines`` names. Returns the new text and one :class:`Removed`
    per dropped line."""
    lines = text.split("\n")
    keys = [fold(line) or None for line in lines]
    flat = flattened_copies(keys)
    drop = repeated_lines(keys, min_chars) | flat
    if not drop:
        return text, []
    removed = [
        Removed(
            lines[i].strip(),
            FLATTENED_COPY if i in flat else REPEATED_PARAGRAPH,
            sum(1 for j in range(i) if keys[j] and j not in drop),
        )
        for i in sorted(drop)
    ]
    kept = [line for i, line in enumerate(lines) if i not in drop]
    return tidy("\n".join(kept)), removed
