"""Quality signals of a clean text, and the rules that judge them (Gopher and FineWeb style).

``signals`` measures a text (word counts, n-gram repetition, line shapes); ``QualityRules``
holds one threshold per rule and names the first rule a text breaks. Thresholds per language
come from ``data/quality.toml`` and the user's ``saring.toml``; this module reads no files.

The measures follow the published definitions as datatrove implements them (Gopher: Rae et al.
2021, table A1; FineWeb: Penedo et al. 2024), so that FineWeb-2's per-language thresholds mean
the same here: n-gram fractions count characters of the n-grams joined by spaces over the
characters of the whole text, and a repeated n-gram or line counts from its second occurrence.
We wrote our own rather than depend on datatrove: it would bring its pipeline framework for
twenty small functions, and its word tokenizers for Indonesian are whitespace splits anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

import numpy as np

from saring.scripts import SENTENCE_ENDERS, find_words

_TOKEN = re.compile(r"\S+")
_ALPHA_TOKEN = re.compile(r"[^\W\d_]\S*")  # from a token's first letter to its end
_BULLETS = ("•", "●", "○", "▪", "◦", "‣", "⁃", "·", "- ", "* ", "– ", "— ")
# a line that ends a sentence
_END = (*SENTENCE_ENDERS, '"', "”", "'", "’", ")", "»", ":", ";")

TOP_NGRAMS = (2, 3, 4)
DUP_NGRAMS = (5, 6, 7, 8, 9, 10)

# Every signal, in the order of the ``signals`` column. Fractions are of lines, of words or of
# characters as their names say; ``stopwords`` is a count.
SIGNALS = (
    "words",
    "mean_word_length",
    "alpha_words_frac",
    "stopwords",
    "symbol_ratio",
    "bullet_lines_frac",
    "ellipsis_lines_frac",
    "line_punct_frac",
    "short_line_frac",
    "newline_ratio",
    "dup_line_frac",
    "dup_line_char_frac",
    *(f"top_{n}gram_frac" for n in TOP_NGRAMS),
    *(f"dup_{n}gram_frac" for n in DUP_NGRAMS),
)


_MIX = np.uint64(0x9E3779B97F4A7C15)


def _gram_hashes(ids: np.ndarray, n: int) -> np.ndarray:
    """One 64-bit hash per n-gram of the word-id sequence (``len(ids) - n + 1`` of them)."""
    h = np.zeros(len(ids) - n + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(n):
            h = (h * _MIX) ^ ids[k : len(ids) - n + 1 + k]
    return h


def _ngram_fractions(words: list[str], n_chars: int) -> dict[str, float]:
    """``top_<n>gram_frac`` and ``dup_<n>gram_frac`` for every n, with the n-grams hashed in
    NumPy: a text where no n-gram repeats (most articles, for n >= 5) costs one pass.

    top: characters of the most frequent n-gram (its words joined by spaces) times its count,
    when it occurs at least twice. dup: reading left to right, an n-gram met before counts its
    characters and the reading jumps past it (datatrove's definition)."""
    out = {f"top_{n}gram_frac": 0.0 for n in TOP_NGRAMS}
    out.update({f"dup_{n}gram_frac": 0.0 for n in DUP_NGRAMS})
    if len(words) < 2:
        return out
    vocab: dict[str, int] = {}
    ids = np.fromiter((vocab.setdefault(w, len(vocab) + 1) for w in words), np.uint64, len(words))
    lengths = np.fromiter(map(len, words), np.int64, len(words))
    csum = np.concatenate(([0], np.cumsum(lengths)))
    for n in (*TOP_NGRAMS, *DUP_NGRAMS):
        if len(words) < n:
            break
        h = _gram_hashes(ids, n)
        _, first, inverse, counts = np.unique(
            h, return_index=True, return_inverse=True, return_counts=True
        )
        if counts.max() < 2:
            if n >= DUP_NGRAMS[0]:
                break  # no repeated n-gram: no longer one repeats either
            continue
        if n in TOP_NGRAMS:
            # the most frequent n-gram; among equals, the one that occurs first in the text
            start = int(first[counts == counts.max()].min())
            chars = int(csum[start + n] - csum[start]) + n - 1
            out[f"top_{n}gram_frac"] = chars * int(counts.max()) / n_chars
        if n in DUP_NGRAMS:
            seen: set[int] = set()
            dup, i = 0, 0
            for p in np.flatnonzero(counts[inverse] > 1).tolist():
                if p < i:
                    continue
                g = int(inverse[p])
                if g in seen:
                    dup += int(csum[p + n] - csum[p])
                    i = p + n
                else:
                    seen.add(g)
                    i = p + 1
            out[f"dup_{n}gram_frac"] = dup / n_chars
    return out


# Scripts written without spaces between words: Han, kana. Each of their characters counts as a
# word (a Chinese word is one to two characters), so that a Chinese or Japanese article is not
# "18 words" long.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _word_count(text: str, tokens: list[str]) -> int:
    """White-space separated tokens; in a text written mostly in an unspaced script, each of
    its characters one word."""
    if text.isascii():
        return len(tokens)
    unspaced = len(_UNSPACED.findall(text))
    if 2 * unspaced < len(text) - text.count(" "):  # a Chinese name in an Indonesian text
        return len(tokens)
    return sum(1 for t in tokens if not _UNSPACED.search(t)) + unspaced


def signals(text: str, stopwords: frozenset[str] = frozenset()) -> dict[str, float]:
    """Every measure in ``SIGNALS`` for ``text`` (one paragraph per line, as cleaning leaves it).
    ``stopwords`` is the language's list (lower case); without one, ``stopwords`` is None."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    tokens = _TOKEN.findall(text)
    words = find_words(text.casefold())
    n_words, n_lines, n_chars = _word_count(text, tokens), len(lines) or 1, len(text) or 1
    out: dict[str, float] = {
        "words": float(n_words),
        "mean_word_length": sum(map(len, words)) / len(words) if words else 0.0,
        # a token with a letter matches once, from its first letter on
        "alpha_words_frac": len(_ALPHA_TOKEN.findall(text)) / len(tokens) if tokens else 0.0,
        "stopwords": float(sum(1 for w in words if w in stopwords)) if stopwords else None,
        "symbol_ratio": (
            (text.count("#") + text.count("...") + text.count("…")) / n_words if n_words else 0.0
        ),
        "bullet_lines_frac": sum(1 for ln in lines if ln.startswith(_BULLETS)) / n_lines,
        "ellipsis_lines_frac": sum(1 for ln in lines if ln.endswith(("...", "…"))) / n_lines,
        # a text of one or two lines (a headline and a glued body) says nothing about lines
        "line_punct_frac": (
            sum(1 for ln in lines if ln.endswith(_END)) / n_lines if len(lines) >= 3 else None
        ),
        "short_line_frac": sum(1 for ln in lines if len(ln) <= 30) / n_lines,
        "newline_ratio": text.count("\n") / n_words if n_words else 0.0,
    }
    seen: set[str] = set()
    dup_lines = dup_line_chars = 0
    for ln in lines:
        if ln in seen:
            dup_lines += 1
            dup_line_chars += len(ln)
        seen.add(ln)
    out["dup_line_frac"] = dup_lines / n_lines
    out["dup_line_char_frac"] = dup_line_chars / n_chars
    out.update(_ngram_fractions(words, n_chars))
    return {k: (round(v, 4) if v is not None else None) for k, v in out.items()}


@dataclass(frozen=True)
class QualityRules:
    """Thresholds for one language. ``None`` turns a rule off. A text breaks ``min_X`` when its
    signal ``X`` is below the value and ``max_X`` when above; the reason names the signal:
    ``quality:top_2gram_frac``. Rules are checked in the order below and the first broken one
    is the reason; length comes first because a text too short says little about the rest.

    Parameters
    ----------
    min_words, max_words : length in words (white-space separated; a Han or kana character is
        one in a text written mostly in them).
    min_mean_word_length, max_mean_word_length : mean characters per word (letters and digits).
    min_alpha_words_frac : share of words with at least one letter (tables of numbers, code).
    min_stopwords : occurrences of the language's ``stopwords`` (a text that is not prose).
    max_symbol_ratio : "#", "..." and "…" per word (tag lists, truncated teasers).
    max_bullet_lines_frac, max_ellipsis_lines_frac : lines that start with a bullet, that end
        with an ellipsis (lists of links, lists of teasers).
    min_line_punct_frac : lines that end like a sentence (menus, tables, keyword lists).
    max_short_line_frac : lines of 30 characters or fewer.
    max_newline_ratio : line breaks per word.
    max_dup_line_frac, max_dup_line_char_frac : lines that repeat an earlier line, as a share of
        lines and of characters.
    max_top_2gram_frac ... max_top_4gram_frac : characters in the most frequent n-gram (spam,
        keyword stuffing).
    max_dup_5gram_frac ... max_dup_10gram_frac : characters in repeated n-grams.
    stopwords : the language's stop words, lower case.
    """

    min_words: float | None = None
    max_words: float | None = None
    min_mean_word_length: float | None = None
    max_mean_word_length: float | None = None
    min_alpha_words_frac: float | None = None
    min_stopwords: float | None = None
    max_symbol_ratio: float | None = None
    max_bullet_lines_frac: float | None = None
    max_ellipsis_lines_frac: float | None = None
    min_line_punct_frac: float | None = None
    max_short_line_frac: float | None = None
    max_newline_ratio: float | None = None
    max_dup_line_frac: float | None = None
    max_dup_line_char_frac: float | None = None
    max_top_2gram_frac: float | None = None
    max_top_3gram_frac: float | None = None
    max_top_4gram_frac: float | None = None
    max_dup_5gram_frac: float | None = None
    max_dup_6gram_frac: float | None = None
    max_dup_7gram_frac: float | None = None
    max_dup_8gram_frac: float | None = None
    max_dup_9gram_frac: float | None = None
    max_dup_10gram_frac: float | None = None
    stopwords: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "stopwords", tuple(w.casefold() for w in self.stopwords))

    @property
    def stopword_set(self) -> frozenset[str]:
        return frozenset(self.stopwords)

    def first_broken(self, sig: dict[str, float]) -> str | None:
        """``"quality:<signal>: <value> < <threshold>"`` for the first rule ``sig`` breaks."""
        for name, limit in self.thresholds():
            if limit is None:
                continue
            kind, signal = name.split("_", 1)
            value = sig.get(signal)
            if value is None:
                continue
            if kind == "min" and value < limit:
                return f"quality:{signal}: {_fmt(value)} < {_fmt(limit)}"
            if kind == "max" and value > limit:
                return f"quality:{signal}: {_fmt(value)} > {_fmt(limit)}"
        return None

    @classmethod
    def rule_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls) if f.name != "stopwords")

    def thresholds(self) -> list[tuple[str, float | None]]:
        return [(name, getattr(self, name)) for name in self.rule_names()]


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.4g}"
