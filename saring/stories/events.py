"""What tells one event from another of its kind: the names a batch writes; the rules that
keep groups of articles apart (different subjects, different days of one column), checked only
inside groups where one could refuse; and the two steps after the joins that read the names in
titles (a small group naming one story's own subject joins it, a topic's group is cut).
Used by ``saring.stories.group``; finds no neighbours and compares no texts itself.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from saring.stories.background import background
from saring.stories.wordbytes import (
    END,
    ENDS,
    LETTER,
    SPACE,
    WIDE,
    Numbering,
    classes,
    runs,
    spellings,
)

if TYPE_CHECKING:
    from saring.stories.group import Article, StoryConfig

_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "GhazalidanAlyssa": a link's words run together
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(f"[{ENDS}]\\s*$")
# UTF-8 bytes as letter classes (a: a-z, A: A-Z), for a quick look for glued words
_CASES = (
    bytes(
        ord("a") if chr(c).islower() else ord("A") if chr(c).isupper() else ord(" ")
        for c in range(128)
    )
    + b" " * 128
)
_CONTINUATION = bytes(range(0x80, 0xC0))  # a character's bytes after its first
_CHUNK = 16384  # leads whose words are found at a time (memory: some 25 MB a chunk)


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
    Titles are not read (headlines capitalise every word)."""
    lead_texts = leads(articles, cfg) if lead_texts is None else lead_texts
    return named(*name_counts(lead_texts), cfg)


def named(uses: Counter[str], caps: Counter[str], cfg: StoryConfig) -> frozenset[str]:
    """``names`` from the counts of ``name_counts``."""
    return frozenset(w for w, n in uses.items() if n >= 2 and caps[w] >= cfg.name_ratio * n)


def name_counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """How often ``texts`` use each word (``\\w+``, lower case, three characters or more, not
    all digits), and how often capitalised neither at a text's start nor after a sentence's
    end (``wordbytes.ENDS`` and up to two spaces). The words are found and counted as bytes
    in NumPy and Arrow (``wordbytes``), not one Python object each."""
    counts = NameCounts()
    for i in range(0, len(texts), _CHUNK):  # a chunk's words let go once counted
        counts.add(texts[i : i + _CHUNK])
    return counts.counts()


class NameCounts:
    """``name_counts`` of texts given a chunk at a time (the same counts however cut)."""

    def __init__(self) -> None:
        self.numbering = Numbering()
        self.found, self.opened = np.zeros(0, np.int64), np.zeros(0, np.int64)

    def add(self, texts: list[str]) -> None:
        words, opening = _spellings(texts)
        ids = self.numbering.add(words)
        n = len(self.numbering)
        self.found = _added(self.found, np.bincount(ids, minlength=n))
        self.opened = _added(self.opened, np.bincount(ids[opening], minlength=n))

    def counts(self) -> tuple[Counter[str], Counter[str]]:
        uses: Counter[str] = Counter()
        caps: Counter[str] = Counter()
        forms = self.numbering.forms()
        for raw, n, n_opening in zip(forms, self.found.tolist(), self.opened.tolist(), strict=True):
            w = raw.decode("utf-8", "surrogatepass")
            if len(w) > 2 and not w.isdigit():
                uses[w.lower()] += n
                if w[0].isupper():
                    caps[w.lower()] += n - n_opening
        return uses, caps


def _added(total: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Counts per spelling summed; ``more`` may count spellings ``total`` has not seen."""
    out = more.copy()
    out[: len(total)] += total
    return out


def _spellings(texts: list[str]) -> tuple[pa.Array, np.ndarray]:
    """The words (``\\w+``) of ``texts`` as UTF-8 bytes, and whether each opens its text or
    a sentence (a capital there says nothing of a name)."""
    parts = [t.encode("utf-8", "surrogatepass") for t in texts]
    raw = b"\n\n\n".join(parts)  # no sentence's end within three characters of a text
    cls = classes(raw)
    letter = cls == LETTER
    starts, ends = runs(letter)
    return spellings(raw, letter, starts, ends), _opening(raw, cls, starts, parts)


def _opening(raw: bytes, cls: np.ndarray, starts: np.ndarray, parts: list[bytes]) -> np.ndarray:
    """Whether each word at ``starts`` follows a sentence's end and up to two spaces, or is
    the first of its text (``parts``, joined by three newlines in ``raw``)."""
    # the three bytes before (a word at 0 to 2 is the first text's first word: marked below)
    c1, c2, c3 = cls[starts - 1], cls[starts - 2], cls[starts - 3]
    out = (c1 == END) | (c1 == SPACE) & ((c2 == END) | (c2 == SPACE) & (c3 == END))
    for k in np.flatnonzero((c1 == WIDE) | (c2 == WIDE) | (c3 == WIDE)).tolist():
        before = raw[max(0, starts[k] - 12) : starts[k]].lstrip(_CONTINUATION)  # 3 characters
        out[k] = bool(_SENTENCE_END.search(before.decode("utf-8", "surrogatepass")[-3:]))
    if not len(starts):
        return out
    sizes = np.fromiter(map(len, parts), np.int64, len(parts))
    at = np.cumsum(sizes + 3) - sizes - 3  # where each text begins in ``raw``
    first = np.minimum(np.searchsorted(starts, at), len(starts) - 1)
    out[first[(starts[first] >= at) & (starts[first] < at + sizes)]] = True
    return out


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
      A group with no core (its titles name Antam once and no company twice) is held to all
      its title names, and so is the group it would join: else it takes any company's report.
    - Columns: two articles of one site on different days whose titles, less their numbers,
      share ``cfg.column_overlap`` of their words ("IHSG Hari Ini 19 Juni 2025 Ditutup ...")
      are a recurring column, never one story, nor through other articles. Nor are groups
      whose titles name days and no day in common ("IHSG Hari Ini 19 Juni 2025 ...").

    A group is known by its root article; its state is made when it first grows."""

    def __init__(self, articles, docs, name_words, hours, cfg: StoryConfig) -> None:
        self.cfg = cfg
        self.docs = docs
        subjects = frozenset(name_words) - _CALENDAR
        self.titled = [subjects.intersection(title) for title in docs.titles]
        self.day = [
            frozenset(_TITLE_DATE.findall(t.lower())) if _DIGIT.search(t) else _NONE
            for t in (a.title or "" for a in articles)
        ]
        self.blocked: dict[int, set[int]] = {}
        self.columns = np.array(list(_column_pairs(articles, docs, hours, cfg)), np.int64)
        self.columns = self.columns.reshape(-1, 2)
        for x, y in self.columns.tolist():
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
        if len(self.columns):
            x, y = comp[self.columns[:, 0]], comp[self.columns[:, 1]]
            out[x[x == y]] = True
        return out

    def size(self, r: int) -> int:
        return len(self.members.get(r, (r,)))

    def _subject(self, r: int) -> Counter[str]:
        return self.subject.get(r) or Counter(self.titled[r])

    def core(self, r: int) -> frozenset[str] | set[str]:
        if r not in self.subject:  # one article: its title's names
            return self.titled[r]
        need = self.size(r) / 2
        return {w for w, n in self.subject[r].items() if n >= need}

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
        if not (core_s and core_l):  # titles naming different things: every title name counts
            core_s, core_l = set(self._subject(small)), set(self._subject(large))
            if not (core_s and core_l):
                return True
        named = self.subject.get(large) or self.titled[large]
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
    titles, hours = docs.titles, hours.tolist()
    for i, title in enumerate(titles):
        if title and articles[i].site and not math.isnan(hours[i]):
            buckets.setdefault((articles[i].site, title[0]), []).append(i)
    window = cfg.window_days * 24
    for ids in buckets.values():
        ids.sort(key=lambda i: hours[i])
        words = [set(titles[i]) for i in ids]
        for k, x in enumerate(ids):
            for m in range(k + 1, len(ids)):
                y = ids[m]
                if hours[y] - hours[x] > window:
                    break
                if (hours[x] + 7) // 24 == (hours[y] + 7) // 24:
                    continue
                shared = len(words[k] & words[m])
                if shared >= cfg.column_overlap * (len(words[k]) + len(words[m]) - shared):
                    yield x, y


def attach_named(
    labels: np.ndarray, rules: EventRules, hours: np.ndarray, known: np.ndarray, cfg: StoryConfig
) -> np.ndarray:
    """``labels`` with each small group (``cfg.attach_size`` articles or fewer) moved into the
    larger story whose subject its titles name: one event's many angles ("6 Potret BCL dan Tiko
    Kondangan Nikahan Al Ghazali", "Pinkan Mambo Gak Diundang ke Pernikahan Al Ghazali") share
    the couple's name with the wedding's story but few other words, so their profiles never
    reach it. A story of ``cfg.owner_size`` articles or more owns a name that half its titles or
    more hold and that no other such story has so (``_core``), and that is specific:
    at most ``cfg.name_background_df`` of the background's articles use it (Ghazali, Putin and
    Khamenei; not Rusia, Bali or Thailand). A small group joins the story owning a name of its
    titles when none of its title names is another story's core, the story holds
    ``cfg.owner_share`` of the other titles naming it within its window (``_holds_names``),
    the group lies within that window, and neither a title day nor a column's issue keeps them
    apart. A group holding an earlier story's articles (``known``) is not moved."""
    keys, _of, sizes, members = _groups(labels)
    _n, df_bg = background()
    holders: dict[str, list[int]] = {}
    for g in np.flatnonzero(sizes >= cfg.owner_size).tolist():
        for w in _core(members[g].tolist(), rules):
            holders.setdefault(w, []).append(g)
    owner = {
        w: gs[0]
        for w, gs in holders.items()
        if len(gs) == 1 and df_bg.get(w, 0) <= cfg.name_background_df
    }
    if not owner:
        return labels
    used = _TitleUses(set(owner), rules, hours)
    out = labels.copy()
    grown: dict[int, list[int]] = {}  # a story's articles with those attached to it so far
    for g in np.flatnonzero(sizes <= cfg.attach_size).tolist():
        ids = members[g].tolist()
        said = set().union(*(rules.titled[i] for i in ids))
        targets = {owner[w] for w in said if w in owner}
        if len(targets) != 1 or (known[ids] >= 0).any():
            continue
        t = targets.pop()
        if sizes[t] <= sizes[g] or any(h != t for w in said for h in holders.get(w, ())):
            continue  # a title naming another story's subject too
        subject = [w for w in said if owner.get(w) == t]
        if not _holds_names(members[t], ids, subject, used, _of, rules, hours, cfg):
            continue  # other stories' titles name that subject too
        story = grown.setdefault(t, members[t].tolist())
        if _fits(ids, members[t], story, rules, hours, cfg):
            out[ids] = keys[t]
            story.extend(ids)  # two attached groups are held to each other's days too
    return out


def _holds_names(
    story: np.ndarray,
    ids: list[int],
    subject: list[str],
    used: _TitleUses,
    group_of: np.ndarray,
    rules: EventRules,
    hours: np.ndarray,
    cfg: StoryConfig,
) -> bool:
    """Do the articles ``story`` hold ``cfg.owner_share`` or more of the titles within its
    window, other than those of articles ``ids``, that name each of ``subject`` (counted on
    the groups before any attach: a piece attached earlier still counts as another's)? A
    wedding's couple is named by the wedding's titles; a company (BYD, Danantara) by the
    titles of many of its events, and a small group naming it is no more this story's than
    another's."""
    window = cfg.window_days * 24
    for w in subject:
        mine, near = used.counts(w, story, group_of, hours, window)
        theirs = sum(1 for i in ids if w in rules.titled[i])
        if mine < cfg.owner_share * (near - theirs):
            return False
    return True


def _groups(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[np.ndarray]]:
    """The distinct ``labels``, each article's group (a place among them), each group's size
    and its articles."""
    keys, group_of, sizes = np.unique(labels, return_inverse=True, return_counts=True)
    order = np.argsort(group_of, kind="stable")
    return keys, group_of, sizes, np.split(order, np.cumsum(sizes)[:-1])


def _fits(
    ids: list[int],
    first: np.ndarray,
    story: list[int],
    rules: EventRules,
    hours: np.ndarray,
    cfg: StoryConfig,
) -> bool:
    """May articles ``ids`` join the articles ``story``: within the window of its first
    articles' (``first``; undated articles are near everything), no title day apart from the
    days of ``story``'s titles, no column's issue of it."""
    when, window = hours[first], cfg.window_days * 24
    if not np.isnan(when).all():
        lo, hi = np.nanmin(when) - window, np.nanmax(when) + window
        if any(not lo <= hours[i] <= hi for i in ids if not math.isnan(hours[i])):
            return False
    days = set().union(*(rules.day[j] for j in story))
    mine = set().union(*(rules.day[i] for i in ids))
    if days and mine and not days & mine:
        return False
    members = set(story)
    return all(rules.blocked.get(i, _NONE).isdisjoint(members) for i in ids)


def split_topics(
    labels: np.ndarray,
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    rules: EventRules,
    hours: np.ndarray,
    known: np.ndarray,
    cfg: StoryConfig,
) -> np.ndarray:
    """``labels`` with each topic's group cut into its events. A group of ``cfg.topic_size``
    articles or more whose titles share no specific subject was joined by the beat's
    vocabulary, not by one event: no name half its titles hold, or only names of which it
    holds under ``cfg.topic_share`` of the titles naming them within its window (Iran and
    Israel inside a war; ``hours``: each article's, NaN undated, near everything). Its articles
    are joined again by their ``pairs`` (a, b, profile cosine) at ``cfg.topic_threshold`` or
    more. ``rules`` gives the names each title holds; a group holding an earlier story's
    articles (``known`` >= 0) is left whole."""
    keys, group_of, sizes, members = _groups(labels)
    cores = {}
    for g in np.flatnonzero(sizes >= cfg.topic_size).tolist():
        if not (known[members[g]] >= 0).any():
            cores[g] = _core(members[g].tolist(), rules)
    used = _TitleUses({w for core in cores.values() for w in core}, rules, hours)
    window = cfg.window_days * 24
    cut = np.zeros(len(keys), bool)
    for g, core in cores.items():
        ids = members[g]
        cut[g] = all(used.share(w, ids, group_of, hours, window) < cfg.topic_share for w in core)
    if not cut.any():
        return labels
    a, b, sim = pairs
    keep = cut[group_of[a]] & (group_of[a] == group_of[b]) & (sim >= cfg.topic_threshold)
    n = len(labels)
    graph = sparse.coo_matrix((np.ones(keep.sum()), (a[keep], b[keep])), shape=(n, n))
    n_comp, comp = connected_components(graph, directed=False)
    first = _first_of(comp, n_comp)
    out = labels.copy()
    inside = cut[group_of]
    out[inside] = int(labels.max()) + 1 + first[comp[inside]]  # keys no other group has
    return out


def _first_of(comp: np.ndarray, n_comp: int) -> np.ndarray:
    """The first article of each group."""
    first = np.full(n_comp, len(comp), dtype=np.int64)
    np.minimum.at(first, comp, np.arange(len(comp)))
    return first


def _core(ids: list[int], rules: EventRules) -> set[str]:
    """The names half the titles of articles ``ids`` or more hold."""
    counts = Counter(w for i in ids for w in rules.titled[i])
    return {w for w, n in counts.items() if 2 * n >= len(ids)}


class _TitleUses:
    """The articles whose titles hold each of some ``names``: the dated ones in time order
    (with their hours), and the undated ones."""

    def __init__(self, names: set[str], rules: EventRules, hours: np.ndarray) -> None:
        found: dict[str, list[int]] = {}
        for i, held in enumerate(rules.titled):
            for w in names.intersection(held):
                found.setdefault(w, []).append(i)
        self.dated: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.undated: dict[str, np.ndarray] = {}
        for w, ids in found.items():
            at = np.array(ids, np.int64)
            dated = at[~np.isnan(hours[at])]
            dated = dated[np.argsort(hours[dated], kind="stable")]
            self.dated[w] = (dated, hours[dated])
            self.undated[w] = at[np.isnan(hours[at])]

    def counts(self, w: str, ids: np.ndarray, group_of, hours, window: float) -> tuple[int, int]:
        """(the titles naming ``w`` within ``window`` hours of articles ``ids`` that are titles
        of their group, all those titles); undated titles are near everything, and every title
        is near when ``ids`` are all undated."""
        at, t = self.dated[w]
        when = hours[ids]
        if not np.isnan(when).all():
            lo = np.searchsorted(t, np.nanmin(when) - window)
            hi = np.searchsorted(t, np.nanmax(when) + window, side="right")
            at = at[lo:hi]
        near = np.concatenate([at, self.undated[w]])
        return int(np.count_nonzero(group_of[near] == group_of[ids[0]])), len(near)

    def share(self, w: str, ids: np.ndarray, group_of, hours, window: float) -> float:
        """The share of the titles naming ``w`` near articles ``ids`` (``counts``) that are
        titles of their group."""
        mine, near = self.counts(w, ids, group_of, hours, window)
        return mine / max(1, near)
