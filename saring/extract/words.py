"""The bundled lists of each language's most frequent words (jusText's stop lists, first 150
words of each; ``data/function_words.tsv.gz``) and the page language they vote for. Used by the
measures of a unit and by the text units' re-joining of cut sentences; knows no page.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from saring.scripts import find_words

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def word_lists() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]], list[tuple[str, ...]]]:
    """(languages, word -> languages whose list holds it, each list, most frequent first)."""
    langs: list[str] = []
    lists: list[tuple[str, ...]] = []
    raw = gzip.decompress((DATA / "function_words.tsv.gz").read_bytes()).decode("utf-8")
    for line in raw.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        lang, words = line.split("\t")
        langs.append(lang)
        lists.append(tuple(words.split()))
    index: dict[str, list[int]] = {}
    for i, words in enumerate(lists):
        for w in set(words):
            index.setdefault(w, []).append(i)
    return tuple(langs), {w: tuple(v) for w, v in index.items()}, lists


def language_of(texts: Iterable[str], sample_words: int = 300) -> str | None:
    """The language whose list of frequent words covers most of the 20 longest ``texts`` (a
    vote over at most ``sample_words`` words), or None with no vote."""
    langs, index, _ = word_lists()
    votes = [0] * len(langs)
    seen = 0
    for text in sorted(texts, key=lambda t: -len(t))[:20]:
        for w in find_words(text.lower()):
            for i in index.get(w, ()):
                votes[i] += 1
            seen += 1
        if seen >= sample_words:
            break
    best = max(range(len(votes)), key=votes.__getitem__) if votes else 0
    return langs[best] if votes and votes[best] else None


@lru_cache(maxsize=64)
def frequent_words(lang: str | None, n: int = 150) -> frozenset[str]:
    """The ``n`` most frequent words of ``lang`` (none for an unknown language)."""
    langs, _, lists = word_lists()
    return frozenset(lists[langs.index(lang)][:n]) if lang in langs else frozenset()
