"""What tells one event from another of its kind: the names a batch writes, and the rules that
keep groups of articles apart (different subjects, different days of one column).
Used by ``saring.stories.group``; the checks run only inside groups where one could refuse.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from saring.stories.group import Article, StoryConfig

_WORD = re.compile(r"\w+")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "GhazalidanAlyssa": a link's words run together
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")
# a word of three letters or more whose three characters before hold a sentence's end
_AFTER_END = re.compile(r"[.!?:\"“”]\s{0,2}(\w{3,})")
# UTF-8 bytes as letter classes (a: a-z, A: A-Z), for a quick look for glued words
_CASES = (
    bytes(
        ord("a") if chr(c).islower() else ord("A") if chr(c).isupper() else ord(" ")
        for c in range(128)
    )
    + b" " * 128
)
# ASCII bytes that are no word character parted; other bytes are read again as text
_WORD_BYTES = bytes(c if c >= 128 or chr(c).isalnum() or c == ord("_") else 32 for c in range(256))


def unglue(text: str) -> str:
    """``text`` with a space where a link ran two words together ("GhazalidanAlyssa"): as
    ``_GLUED.sub(" ", text)``, found by a byte scan some 10 times quicker than the expression."""
    raw = text.encode("utf-8", "surrogatepass")
    cases = raw.translate(_CASES)
    at = cases.find(b"aAa")
    if at < 0:
        return text
    cuts = []
    while at >= 0:
        cuts.append(at + 1)
        at = cases.find(b"aAa", at + 1)
    if not text.isascii():  # byte places to character places
        cuts = [len(raw[:c].decode("utf-8", "surrogatepass")) for c in cuts]
    return " ".join(text[i:j] for i, j in zip([0, *cuts], [*cuts, len(text)], strict=True))


def leads(articles: list[Article], cfg: StoryConfig) -> list[str]:
    """The first ``12 * cfg.lead_words`` characters of each body, unglued: where names are read."""
    return [unglue((a.text or "")[: 12 * cfg.lead_words]) for a in articles]


def names(articles: list[Article], cfg: StoryConfig, lead_texts: list[str] | None = None):
    """The words the batch writes as names: capitalised inside a sentence (not its first
    word) in at least ``cfg.name_ratio`` of their uses in the leads, and used twice or more.
    Titles are not read (headlines capitalise every word). Counted over all leads at once:
    words by a byte split, the ones after a sentence's end by an expression anchored on it."""
    lead_texts = leads(articles, cfg) if lead_texts is None else lead_texts
    joined = "\n\n\n".join(lead_texts)  # no sentence's end within three characters of a lead
    forms = Counter(joined.encode("utf-8", "surrogatepass").translate(_WORD_BYTES).split())
    not_caps = Counter(_AFTER_END.findall(joined))  # a capital there starts a sentence
    for lead in lead_texts:  # nor is a lead's first word a name's evidence
        m = _WORD.search(lead)
        if (
            m
            and len(m[0]) > 2
            and not _SENTENCE_END.search(lead[max(0, m.start() - 3) : m.start()])
        ):
            not_caps[m[0]] += 1
    uses: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    for raw, n in forms.items():
        words = (
            (raw.decode(),)
            if raw.isascii()
            else _WORD.findall(raw.decode("utf-8", "surrogatepass"))
        )
        for w in words:
            if len(w) > 2 and not w.isdigit():
                uses[w.lower()] += n
                if w[0].isupper():
                    caps[w.lower()] += n
    for w, n in not_caps.items():
        if w[0].isupper() and not w.isdigit():
            caps[w.lower()] -= n
    return frozenset(w for w, n in uses.items() if n >= 2 and caps[w] >= cfg.name_ratio * n)


# days and months: capitalised, but no subject of their own
_CALENDAR = frozenset(
    (
        *("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari"),
        *("februari", "maret", "april", "mei", "juni", "juli", "agustus", "september"),
        *("oktober", "november", "desember"),
    )
)


_TITLE_DATE = re.compile(
    r"\b(\d{1,2} (?:januari|februari|maret|april|mei|juni|juli|agustus|september|oktober"
    r"|november|desember))\b"
)


class EventRules:
    """What keeps two groups of articles apart when their profiles are close: different
    subjects, or different days of one column.

    - Subjects: a group's core is the names (``names``) that half its titles or more hold.
      Two groups are kept apart when each has a subject the other lacks: a core name of the
      smaller one that no title of the larger holds, and a core name of the larger one that
      the smaller one's titles and leads never say (Raung is not named where Semeru erupts;
      PSG-Botafogo and Seattle-Atletico share only the tournament; two companies' dividends).
      A wedding's guests come and go in its titles, but every article names the couple.
    - Columns: two articles of one site on different days whose titles, less their numbers,
      share ``cfg.column_overlap`` of their words ("IHSG Hari Ini 19 Juni 2025 Ditutup ...")
      are a recurring column, never one story, nor through other articles. Nor are groups
      whose titles name days and no day in common ("IHSG Hari Ini 19 Juni 2025 ...").

    A group is known by its root article; its state is made when it first grows."""

    def __init__(self, articles, docs, name_words, hours, cfg: StoryConfig) -> None:
        self.cfg = cfg
        self.docs = docs
        self.titled = [
            frozenset(w for w in title if w in name_words and w not in _CALENDAR)
            for title, _ in docs
        ]
        self.day = [
            frozenset(_TITLE_DATE.findall(t.lower())) if _DIGIT.search(t) else _NONE
            for t in (a.title or "" for a in articles)
        ]
        self.blocked: dict[int, set[int]] = {}
        for x, y in _column_pairs(articles, docs, hours, cfg):
            self.blocked.setdefault(x, set()).add(y)
            self.blocked.setdefault(y, set()).add(x)
        self.subject: dict[int, Counter[str]] = {}
        self.members: dict[int, set[int]] = {}
        self.dates: dict[int, frozenset[str]] = {}
        self.words: dict[int, set[str]] = {}  # ``said``, kept until the group grows

    def contested(self, comp: np.ndarray) -> np.ndarray:
        """For each connected group ``comp`` of the joined pairs, may a rule refuse a join in
        it: two different title subjects, two different title days or a column's two issues.
        Elsewhere the pairs join as they come, with no rule to check."""
        out = _several(comp, _ids(self.titled)) | _several(comp, _ids(self.day))
        for x, ys in self.blocked.items():
            if any(comp[y] == comp[x] for y in ys):
                out[comp[x]] = True
        return out

    def size(self, r: int) -> int:
        return len(self.members.get(r, (r,)))

    def _subject(self, r: int) -> Counter[str]:
        return self.subject.get(r) or Counter(self.titled[r])

    def core(self, r: int) -> set[str]:
        need = self.size(r) / 2
        return {w for w, n in self._subject(r).items() if n >= need}

    def said(self, r: int) -> set[str]:
        """Every word of the titles and leads of the group of root ``r``."""
        if r not in self.words:
            docs = self.docs
            self.words[r] = {w for i in self.members.get(r, (r,)) for part in docs[i] for w in part}
        return self.words[r]

    def allowed(self, x: int, y: int) -> bool:
        """May the groups of roots ``x`` and ``y`` join?"""
        small, large = (x, y) if self.size(x) <= self.size(y) else (y, x)
        if small in self.blocked and not self.blocked[small].isdisjoint(
            self.members.get(large, (large,))
        ):
            return False
        d_s, d_l = self.dates.get(small, self.day[small]), self.dates.get(large, self.day[large])
        if d_s and d_l and not d_s & d_l:
            return False  # "IHSG Hari Ini 19 Juni 2025 ..." and "... 20 Juni 2025 ..."
        core_s, core_l = self.core(small), self.core(large)
        if not (core_s and core_l):
            return True
        named = self._subject(large)
        if all(w in named for w in core_s):
            return True
        said = self.said(small)
        return all(w in said for w in core_l)

    def merge(self, keep: int, gone: int) -> None:
        self.subject[keep] = self._subject(keep) + self._subject(gone)
        self.dates[keep] = self.dates.get(keep, self.day[keep]) | self.dates.pop(
            gone, self.day[gone]
        )
        self.members[keep] = self.members.get(keep, {keep}) | self.members.pop(gone, {gone})
        self.subject.pop(gone, None)
        self.words.pop(keep, None)
        self.words.pop(gone, None)
        if gone in self.blocked:  # the articles a column keeps from the group
            self.blocked[keep] = self.blocked.get(keep, set()) | self.blocked.pop(gone)


_NONE: frozenset[str] = frozenset()


def _ids(sets: list[frozenset[str]]) -> np.ndarray:
    """Each set as a number, the same for equal sets; 0 for the empty set."""
    number: dict[frozenset[str], int] = {_NONE: 0}
    return np.fromiter((number.setdefault(s, len(number)) for s in sets), np.int64, len(sets))


def _several(comp: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """For each group of ``comp``, does it hold two different non-zero ``ids``."""
    has = ids > 0
    pairs = np.unique(comp[has] * (ids.max() + 1) + ids[has])
    return np.bincount(pairs // (ids.max() + 1), minlength=comp.max() + 1) >= 2


def _column_pairs(articles, docs, hours, cfg: StoryConfig):
    """Pairs of one site's articles on different days (UTC+7) whose titles share
    ``cfg.column_overlap`` of their content words: a recurring column's issues."""
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, (title, _lead) in enumerate(docs):
        if title and articles[i].site and not math.isnan(hours[i]):
            buckets.setdefault((articles[i].site, title[0]), []).append(i)
    window = cfg.window_days * 24
    for ids in buckets.values():
        ids.sort(key=lambda i: hours[i])
        for k, x in enumerate(ids):
            tx = set(docs[x][0])
            for y in ids[k + 1 :]:
                if hours[y] - hours[x] > window:
                    break
                if (hours[x] + 7) // 24 == (hours[y] + 7) // 24:
                    continue
                ty = set(docs[y][0])
                if len(tx & ty) >= cfg.column_overlap * len(tx | ty):
                    yield x, y
