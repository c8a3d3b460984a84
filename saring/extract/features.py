"""Measure every unit of a page (``extract.units``) into one row of numbers for the content model.

The measures are those that mean the same on every site and in every language: length, the share
of text in links, punctuation and sentence ends, the share of the language's most frequent words,
digits and dates, capitals, where the unit stands against the page's title and its longest run
of prose, how often the text recurs on the page; for text lines the furniture table's verdict and
the headings above that open a page's tail; for HTML the tag, the class/id names above it and
the prose the elements above it hold; then the same measures of the neighbouring units. Nothing
here knows a site or a page of the training data.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from saring.clean.rules import FurnitureRules, default_rules
from saring.extract.units import ANCESTOR_TAGS, BLOCK_INDEX, GROUPS, LEVELS, Unit
from saring.extract.words import frequent_words, language_of
from saring.scripts import SENTENCE_ENDERS, find_words

_SEPARATORS = re.compile(r"[|•·»/›]|\s-\s")
_CLOSERS = "\"”’'»)] \t"
_ENDERS = frozenset(SENTENCE_ENDERS)
_DATE = re.compile(
    r"\d{1,2}[:.]\d{2}\b|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\b\d{1,2}\.?\s+[^\W\d_]{3,9}\.?\s+\d{4}|"
    r"\b[^\W\d_]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\b(19|20)\d\d\b"
)

# Headings, list items, table cells and the like, grouped for the model (one column each).
_TAG_COLUMNS = {
    "p": ("p",),
    "div": ("div", "section", "article", "main", "body", "center"),
    "li": ("li", "dd", "dt"),
    "heading": ("h1", "h2", "h3", "h4", "h5", "h6"),
    "cell": ("td", "th", "tr", "table", "caption"),
    "figcaption": ("figcaption", "figure"),
    "quote": ("blockquote", "pre"),
    "chrome": (
        "header",
        "footer",
        "aside",
        "nav",
        "form",
        "address",
        "summary",
        "details",
        "legend",
        "ul",
        "ol",
    ),
}
_TAG_COLUMN = np.zeros(len(BLOCK_INDEX) + 1, dtype=np.int64)
for _col, (_name, _tags) in enumerate(_TAG_COLUMNS.items(), start=1):
    for _t in _tags:
        _TAG_COLUMN[BLOCK_INDEX[_t]] = _col
_HEADING_LEVEL = {BLOCK_INDEX[f"h{i}"]: i for i in range(1, 7)}

# One unit's own measures (``_measure``), in this order.
OWN = (
    "log_chars",
    "log_words",
    "link_share",
    "log_links",
    "ends_sentence",
    "ends_colon",
    "log_sentence_ends",
    "punct_share",
    "digit_share",
    "capital_words",
    "all_caps",
    "function_words",
    "log_function_words",
    "mean_word_len",
    "has_date",
    "cjk_share",
    "separators",
    "starts_lower",
    "copyright",
    "furniture_line",
    "furniture_tail",
    "furniture_strip",
    "repeats_on_page",
    "prose",
)
_O = {n: i for i, n in enumerate(OWN)}
# Measures of the unit in its page (``_page_measures``).
PLACE = (
    "position",
    "chars_before",
    "prose_before",
    "in_main_run",
    "to_main_run",
    "is_title",
    "to_title",
    "after_title",
    "page_log_words",
    "page_log_units",
    "share_of_page",
    "tails_above",
    "since_tail",
)
BOX_MEASURES = (
    "prose_share",
    "prose_density",
    "log_units",
    "has_title",
    "link_density",
    "of_best",
)
HTML_ONLY = (
    *(f"tag_{t}" for t in _TAG_COLUMNS),
    "heading_level",
    "log_depth",
    "hidden",
    *(f"under_{t}" for t in ANCESTOR_TAGS),
    *(f"name_{g}" for g in GROUPS),
    *(f"box{k}_{m}" for k in LEVELS for m in BOX_MEASURES),
)
TEXT_ONLY = (
    "marker_bullet",
    "marker_heading",
    "marker_quote",
    "marker_table",
    "log_indent",
    "blank_before",
)
# Neighbours' measures: these of OWN, for the units at these offsets.
NEIGHBOUR_OWN = ("log_words", "link_share", "ends_sentence", "function_words", "prose")
OFFSETS = (-2, -1, 1, 2)
WINDOW = 5  # prose share of the 5 units before and the 5 after


def feature_names(html: bool) -> tuple[str, ...]:
    """The columns of ``features(..., html=html)``."""
    neighbours = tuple(f"{n}@{o:+d}" for o in OFFSETS for n in NEIGHBOUR_OWN)
    own_kind = HTML_ONLY if html else TEXT_ONLY
    return (*OWN, *PLACE, *own_kind, *neighbours, "prose_before_5", "prose_after_5")


def page_language(units: list[Unit], sample_words: int = 300) -> str | None:
    """The language whose list of frequent words covers most of the page's longer units (a vote
    over at most ``sample_words`` words), or None with no vote."""
    return language_of((u.text for u in units), sample_words)


@dataclass
class PageContext:
    """What the measures of a unit need to know about its page."""

    title: str | None = None
    lang: str | None = None
    rules: FurnitureRules | None = None


_UNSET = object()
_ENDER_CODES = np.array([ord(c) for c in SENTENCE_ENDERS], dtype=np.uint32)
_CLOSER_CODES = np.array([ord(c) for c in "\"”’'»)]"], dtype=np.uint32)
_MARKS = re.compile(r"©|\(c\)|copyright", re.I)
# bits of _char_table: what a character is
_LETTER, _UPPER, _DIGIT_BIT, _PUNCT_BIT, _SPACE_BIT, _CJK_BIT = 1, 2, 4, 8, 16, 32


@lru_cache(maxsize=1)
def _char_table() -> np.ndarray:
    """One byte per code point of the Basic Multilingual Plane saying what the character is
    (the bits above), from the Unicode categories; characters past it count as symbols."""
    import unicodedata

    table = np.zeros(0x10000, dtype=np.uint8)
    for cp in range(0x10000):
        cat = unicodedata.category(chr(cp))
        bits = 0
        if cat[0] in "LM":  # a combining mark is part of its word (Devanagari vowel signs)
            bits |= _LETTER | (_UPPER if cat == "Lu" else 0)
        elif cat == "Nd":
            bits |= _DIGIT_BIT
        elif cat[0] in "PS":
            bits |= _PUNCT_BIT
        elif cat[0] == "Z" or chr(cp).isspace():
            bits |= _SPACE_BIT
        if 0x3040 <= cp <= 0x30FF or 0x3400 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF:
            bits |= _CJK_BIT
        table[cp] = bits
    return table


def _per_unit(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Sums of ``flags`` over each unit's characters (units start at ``starts``)."""
    return np.add.reduceat(flags.astype(np.int64), starts) if len(starts) else np.zeros(0)


def _matches(pattern: re.Pattern, texts: list[str], max_chars: int) -> np.ndarray:
    """How many matches of ``pattern`` each unit of at most ``max_chars`` holds (0 for longer
    ones: the measure is about short lines, and a pattern run over a whole page of prose is
    the slow part of measuring it)."""
    return np.array([len(pattern.findall(t)) if len(t) <= max_chars else 0 for t in texts])


def _char_measures(texts: list[str], out: np.ndarray) -> None:
    """The OWN columns that count characters, for every unit at once: the page's code points
    are classed with ``_char_table`` and summed per unit (units joined by NUL, which no class
    counts); dates, separators and copyright marks are looked for in short units only."""
    page = "\x00".join(texts) + "\x00"
    length = np.array([len(t) for t in texts], dtype=np.float64)
    starts = np.concatenate([[0], np.cumsum(length + 1)[:-1]]).astype(np.int64)
    cp = np.frombuffer(page.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    bits = np.where(cp < 0x10000, _char_table()[np.minimum(cp, 0xFFFF)], _PUNCT_BIT)
    bits = bits.astype(np.int64)
    word = (bits & (_LETTER | _DIGIT_BIT)) > 0
    word_start = word & ~np.concatenate([[False], word[:-1]])
    after = np.concatenate([cp[1:], [0]])
    ends_here = ((np.concatenate([bits[1:], [0]]) & _SPACE_BIT) > 0) | (after == 0)
    sentence_end = np.isin(cp, _ENDER_CODES) & (ends_here | np.isin(after, _CLOSER_CODES))
    n_words = np.maximum(_per_unit(word_start, starts), 1)
    out[:, _O["log_chars"]] = np.log1p(length)
    out[:, _O["log_sentence_ends"]] = np.log1p(_per_unit(sentence_end, starts))
    out[:, _O["punct_share"]] = _per_unit((bits & _PUNCT_BIT) > 0, starts) / length
    out[:, _O["digit_share"]] = _per_unit((bits & _DIGIT_BIT) > 0, starts) / length
    caps = _per_unit(word_start & ((bits & _UPPER) > 0), starts)
    out[:, _O["capital_words"]] = caps / n_words
    spaces = _per_unit((bits & _SPACE_BIT) > 0, starts)
    out[:, _O["mean_word_len"]] = (length - spaces) / n_words
    out[:, _O["cjk_share"]] = _per_unit((bits & _CJK_BIT) > 0, starts) / length
    out[:, _O["has_date"]] = _matches(_DATE, texts, 119) > 0
    out[:, _O["separators"]] = _matches(_SEPARATORS, texts, 399)
    out[:, _O["copyright"]] = _matches(_MARKS, texts, 399) > 0


def _own_measures(
    texts: list[str], fw: frozenset[str], rules: FurnitureRules, actions: list | None
) -> np.ndarray:
    """OWN for every unit (link_share, log_links, repeats_on_page filled in by the caller):
    characters counted for the whole page at once (``_char_measures``), words and the
    furniture table unit by unit. ``actions``: the furniture table's verdict per unit, when the
    caller has it (None: ask the table)."""
    n = len(texts)
    out = np.zeros((n, len(OWN)))
    if not n:
        return out
    _char_measures(texts, out)
    words_fw = np.zeros((n, 2))
    for i, t in enumerate(texts):
        low = t.lower()
        words = find_words(low)
        words_fw[i] = len(words), sum(map(fw.__contains__, words)) if fw else 0
        tail = t.rstrip(_CLOSERS)
        out[i, _O["ends_sentence"]] = tail[-1:] in _ENDERS
        out[i, _O["ends_colon"]] = tail[-1:] == ":"
        out[i, _O["starts_lower"]] = t[:1].islower()
        out[i, _O["all_caps"]] = t.isupper()
        action = actions[i] if actions is not None else _UNSET
        if action is _UNSET:
            hit = rules.match_flat(t, low, words) if len(words) <= 40 else None
            action = hit.rule.action if hit is not None else None
        if action is not None:
            out[i, _O[f"furniture_{action}"]] = 1.0
    n_words, n_fw = words_fw[:, 0], words_fw[:, 1]
    out[:, _O["log_words"]] = np.log1p(n_words)
    out[:, _O["function_words"]] = np.where(n_words > 0, n_fw / np.maximum(n_words, 1), 0.0)
    out[:, _O["log_function_words"]] = np.log1p(n_fw)
    cjk_prose = (out[:, _O["cjk_share"]] > 0.5) & (out[:, _O["log_chars"]] >= np.log1p(30))
    out[:, _O["prose"]] = ((n_words >= 7) | cjk_prose) & (out[:, _O["ends_sentence"]] > 0)
    return out


def _main_run(prose: np.ndarray, chars: np.ndarray) -> tuple[int, int]:
    """The run of units with the most prose: the maximum-sum stretch where a prose unit counts
    its length and any other unit costs 20 plus half its length (Kadane's algorithm)."""
    gain = np.where(prose > 0, chars, -(20 + 0.5 * chars))
    best, best_span = -math.inf, (0, -1)
    run, start = 0.0, 0
    for i, g in enumerate(gain.tolist()):
        if run <= 0:
            run, start = g, i
        else:
            run += g
        if run > best:
            best, best_span = run, (start, i)
    return best_span


def _title_index(texts: list[str], title: str | None) -> int | None:
    """The unit that is the page's title: the first whose words are (almost) the title's."""
    if not title:
        return None
    want = set(find_words(title.lower()))
    if not want:
        return None
    for i, t in enumerate(texts):
        if len(t) > 3 * len(title) + 20:
            continue
        got = set(find_words(t.lower()))
        if got and len(want & got) >= 0.8 * max(len(want), len(got)):
            return i
    return None


def _page_measures(own: np.ndarray, texts: list[str], t: int | None) -> np.ndarray:
    n = len(texts)
    chars = np.exp(own[:, _O["log_chars"]]) - 1
    words = np.exp(own[:, _O["log_words"]]) - 1
    prose = own[:, _O["prose"]]
    total = max(chars.sum(), 1.0)
    prose_chars = chars * prose
    start, end = _main_run(prose, chars)
    idx = np.arange(n)
    to_run = np.where(idx < start, idx - start, np.where(idx > end, idx - end, 0))
    out = np.zeros((n, len(PLACE)), dtype=np.float64)
    out[:, 0] = idx / max(n - 1, 1)
    out[:, 1] = (np.cumsum(chars) - chars) / total
    out[:, 2] = (np.cumsum(prose_chars) - prose_chars) / max(prose_chars.sum(), 1.0)
    out[:, 3] = (idx >= start) & (idx <= end)
    out[:, 4] = np.clip(to_run, -50, 50)
    if t is not None:
        out[t, 5] = 1.0
        out[:, 6] = np.clip(idx - t, -50, 50)
        out[:, 7] = idx > t
    else:
        out[:, 6] = -60.0
        out[:, 7] = 0.5
    out[:, 8] = math.log1p(words.sum())
    out[:, 9] = math.log1p(n)
    out[:, 10] = chars / total
    # the furniture table's headings that open a page's tail ("Berita Lainnya", "Related
    # articles", "Comments") above the unit, and how many units ago the last one stood
    tail = own[:, _O["furniture_tail"]] > 0
    above = np.cumsum(tail) - tail
    out[:, 11] = np.minimum(above, 3)
    last = np.maximum.accumulate(np.where(tail, idx, -1))
    last_above = np.concatenate([[-1], last[:-1]])
    out[:, 12] = np.where(last_above >= 0, np.minimum(idx - last_above, 50), 60)
    return out


def boxes(units: list[Unit]) -> np.ndarray:
    """(units, LEVELS, 2): the units under each block element above a unit, as [first, end)."""
    n = len(units)
    if not n or not units[0].boxes:
        return np.zeros((n, len(LEVELS), 2), dtype=np.int64)
    return np.array([u.boxes for u in units], dtype=np.int64).reshape(n, len(LEVELS), 2)


def box_sums(values: np.ndarray, b: np.ndarray) -> np.ndarray:
    """(units, LEVELS): the sum of ``values`` over the units under each block above a unit."""
    c = np.concatenate([[0.0], np.cumsum(values)])
    return c[b[:, :, 1]] - c[b[:, :, 0]]


def _box_measures(
    b: np.ndarray, chars: np.ndarray, prose: np.ndarray, links: np.ndarray, title: int | None
) -> np.ndarray:
    """Per level (BOX_MEASURES): the share of the page's prose under the block, the share of
    the block's text that is prose, the log of how many units the block holds (readability's
    idea: the article is the container with the most prose), whether the block holds the title
    (1), does not (0) or no title was found (0.5) (a second article loaded below the first does
    not), the share of the block's text in links, and the block's prose against the most any
    block at that level holds."""
    prose_chars = chars * prose
    under_prose = box_sums(prose_chars, b)
    under_chars = np.maximum(box_sums(chars, b), 1.0)
    out = np.empty((len(chars), len(LEVELS), len(BOX_MEASURES)))
    out[:, :, 0] = under_prose / max(prose_chars.sum(), 1.0)
    out[:, :, 1] = under_prose / under_chars
    out[:, :, 2] = np.log1p(b[:, :, 1] - b[:, :, 0])
    out[:, :, 3] = 0.5 if title is None else (b[:, :, 0] <= title) & (title < b[:, :, 1])
    out[:, :, 4] = box_sums(links, b) / under_chars
    best = under_prose.max(axis=0) if len(chars) else 1.0
    out[:, :, 5] = under_prose / np.maximum(best, 1.0)
    return out.reshape(len(chars), len(BOX_MEASURES) * len(LEVELS))


def _html_measures(
    units: list[Unit], chars: np.ndarray, prose: np.ndarray, title: int | None
) -> np.ndarray:
    n = len(units)
    tags = np.fromiter((u.tag for u in units), dtype=np.int64, count=n)
    out = np.zeros((n, len(HTML_ONLY)), dtype=np.float64)
    k = len(_TAG_COLUMNS)
    cols = _TAG_COLUMN[tags]
    rows = np.nonzero(cols)[0]
    out[rows, cols[rows] - 1] = 1.0
    out[:, k] = [_HEADING_LEVEL.get(t, 0) for t in tags.tolist()]
    out[:, k + 1] = np.log1p([u.depth for u in units])
    out[:, k + 2] = [u.hidden for u in units]
    masks = np.fromiter((u.ancestors for u in units), dtype=np.int64, count=n)
    bits = (masks[:, None] >> np.arange(len(ANCESTOR_TAGS))) & 1
    out[:, k + 3 : k + 3 + len(ANCESTOR_TAGS)] = bits
    start = k + 3 + len(ANCESTOR_TAGS)
    if n:
        out[:, start : start + len(GROUPS)] = [u.names for u in units]
    links = np.array([u.link_chars for u in units], dtype=np.float64)
    out[:, start + len(GROUPS) :] = _box_measures(boxes(units), chars, prose, links, title)
    return out


def _text_measures(units: list[Unit]) -> np.ndarray:
    out = np.zeros((len(units), len(TEXT_ONLY)), dtype=np.float64)
    for i, u in enumerate(units):
        if u.marker:
            out[i, u.marker - 1] = 1.0
        out[i, 4] = math.log1p(u.indent)
        out[i, 5] = u.blank_before
    return out


def _shift(a: np.ndarray, offset: int, fill: float = 0.0) -> np.ndarray:
    """``a`` moved so that row i holds row i + offset (``fill`` past either end)."""
    out = np.full_like(a, fill)
    if offset > 0:
        out[:-offset] = a[offset:]
    elif offset < 0:
        out[-offset:] = a[:offset]
    else:
        out[:] = a
    return out


def window_means(x: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Mean of ``x`` over the ``width`` rows before each row and over the ``width`` after (fewer
    at the ends; 0 where there are none)."""
    c = np.concatenate([[0.0], np.cumsum(x)])
    n = len(x)
    idx = np.arange(n)
    lo = np.maximum(idx - width, 0)
    hi = np.minimum(idx + 1 + width, n)
    before = (c[idx] - c[lo]) / np.maximum(idx - lo, 1)
    after = (c[hi] - c[idx + 1]) / np.maximum(hi - idx - 1, 1)
    return before, after


def features(
    units: list[Unit], ctx: PageContext, *, html: bool, actions: list[str | None] | None = None
) -> np.ndarray:
    """One row of ``feature_names(html)`` per unit. ``actions``: the furniture table's action
    for each unit ("line", "strip", "tail" or None) when the caller has matched it already."""
    rules = ctx.rules or default_rules()
    lang = ctx.lang or page_language(units)
    fw = frequent_words(lang)
    texts = [u.text for u in units]
    if html:
        # HTML blocks are not matched against the furniture table: the class and id names
        # above them tell the model the same (leave-site-out F1 unchanged without it, and it
        # cost 3 ms a page); the table still cleans the text the model keeps
        actions = [None] * len(units)
    own = _own_measures(texts, fw, rules, actions)
    chars = np.array([len(t) for t in texts], dtype=np.float64)
    own[:, _O["link_share"]] = [u.link_chars for u in units] / np.maximum(chars, 1)
    own[:, _O["log_links"]] = np.log1p([u.links for u in units])
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    own[:, _O["repeats_on_page"]] = [counts[t] - 1 for t in texts]
    # a unit mostly in links is not prose, however it ends
    own[:, _O["prose"]] *= own[:, _O["link_share"]] < 0.5
    title = _title_index(texts, ctx.title)
    place = _page_measures(own, texts, title)
    if html:
        kind = _html_measures(units, chars, own[:, _O["prose"]], title)
    else:
        kind = _text_measures(units)
    cols = [_O[n] for n in NEIGHBOUR_OWN]
    neighbours = [_shift(own[:, cols], o, -1.0) for o in OFFSETS]
    before, after = window_means(own[:, _O["prose"]], WINDOW)
    return np.hstack([own, place, kind, *neighbours, before[:, None], after[:, None]])
