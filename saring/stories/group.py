"""Group articles into stories: one event told by several outlets over a few days.

TF-IDF vectors of the title (weighted apart) and the lead of each article (its words counting
less the later they come: the inverted pyramid puts the event first), compared with the
articles published within a few days (the similarity decayed by the time between them). Each
article's nearest articles make its profile, and two articles whose profiles are close are
joined: shared nearest neighbours (Jarvis and Patrick, 1973), which adapts to how crowded a
topic is (inside a war every article shares words with every other; the reactions to one
decision share few), where one similarity threshold for all topics does not. Stories are the
connected groups. A later batch is attached to stories made earlier (``fixed``: how a store's
open stories grow). Does not label or summarise.
Written here because no library groups news events: topic models and plain clustering join every
article of one topic (a war, a league) into one group.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
from scipy import sparse

from saring.clean.rules import function_words
from saring.dedup.normalize import normalize


@dataclass(frozen=True)
class StoryConfig:
    """Story grouping.

    Parameters
    ----------
    enabled : group the kept documents into stories (``story_id``, ``stories.parquet``).
    threshold : cosine of two articles' neighbour profiles at which they join one story (0.65,
        chosen with ``name_weight`` on the tuned-on part of the extended development set;
        without the event rules 0.75 was best).
    neighbours : how many nearest articles make an article's profile.
    self_weight : an article's own weight in its profile, against a neighbour at similarity 1
        (below 1, two articles are judged more by the neighbours they share than by each other).
    floor : similarity (after time decay) below which an article is no one's neighbour.
    title_weight : how much a title word counts against the first word of the lead.
    lead_words : content words of the body read.
    lead_decay : the position in the lead at which a word counts half as much as the first
        (the lead tells the event, later paragraphs wander; 0: every lead word counts the same).
        With 120 words and 40 the development set scores 0.909, with 60 words counted the same
        0.888 at best.
    name_weight : how much more a name counts than another word (1: names are not told apart).
        A name is a word the batch's leads write with a capital letter inside a sentence
        (Raung, Ghazali, BIRD, Botafogo) at least ``name_ratio`` of the times they use it:
        what tells one event from another of its kind, where the beat's words (erupsi,
        dividen, gunung) are common nouns.
    events : two articles that each name in their title a subject the other never names
        (Raung and Semeru; PSG-Botafogo and Seattle-Atletico; two companies' dividends) are
        not joined directly, whatever their neighbours share.
    half_life_hours : time after which the similarity of two articles has halved.
    window_days : articles further apart than this are never neighbours.
    block : articles compared with their window at a time (memory: ``block`` x the articles
        of the window, as floats).
    """

    enabled: bool = True
    threshold: float = 0.65
    neighbours: int = 20
    self_weight: float = 0.7
    floor: float = 0.1
    title_weight: int = 3
    lead_words: int = 120
    lead_decay: float = 40.0
    name_weight: float = 1.5
    name_ratio: float = 0.7
    events: bool = True
    column_overlap: float = 0.6
    half_life_hours: float = 48.0
    window_days: float = 4.0
    block: int = 256


@dataclass
class Article:
    id: str
    title: str
    text: str
    published: datetime | None
    site: str = ""


def tokens(text: str, stop: frozenset[str]) -> list[str]:
    return [w for w in normalize(text).split() if len(w) > 2 and not w.isdigit() and w not in stop]


def _body_tokens(text: str, need: int, stop: frozenset[str]) -> list[str]:
    """The first ``need`` content words of ``text``, normalising only as much of it as that
    takes (a 100-word lead is in the first 1,500 characters or so; the rest is never read)."""
    size = 12 * need
    while True:
        words = tokens(text[:size], stop)
        if len(words) > need or size >= len(text):
            return words[:need]  # the word cut at ``size`` is past the ones kept
        size *= 4


def documents(articles: list[Article], cfg: StoryConfig) -> list[tuple[list[str], list[str]]]:
    """Each article's words: (its title's content words, the first ``cfg.lead_words`` content
    words of its body)."""
    stop = function_words("id")
    unglue = (lambda t: _GLUED.sub(" ", t)) if cfg.events else (lambda t: t)
    return [
        (tokens(a.title or "", stop), _body_tokens(unglue(a.text or ""), cfg.lead_words, stop))
        for a in articles
    ]


_WORD = re.compile(r"\w+")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "GhazalidanAlyssa": a link's words run together
_SENTENCE_END = re.compile(r"[.!?:\"“”]\s*$")


def names(articles: list[Article], cfg: StoryConfig) -> frozenset[str]:
    """The words the batch writes as names: capitalised inside a sentence (not its first
    word) in at least ``cfg.name_ratio`` of their uses in the leads, and used twice or more.
    Titles are not read (headlines capitalise every word)."""
    caps: Counter[str] = Counter()
    uses: Counter[str] = Counter()
    for a in articles:
        lead = _GLUED.sub(" ", (a.text or "")[: 12 * cfg.lead_words])
        prev = ""
        for m in _WORD.finditer(lead):
            w = m.group()
            if not w.isdigit() and len(w) > 2:
                key = w.lower()
                uses[key] += 1
                gap = lead[max(0, m.start() - 3) : m.start()]
                if w[0].isupper() and prev and not _SENTENCE_END.search(gap):
                    caps[key] += 1
            prev = w
    return frozenset(w for w, n in uses.items() if n >= 2 and caps[w] >= cfg.name_ratio * n)


@cache
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of content words in a bundled news corpus (IndoSum's 3,463 dev
    articles, ``data/background_df.tsv.gz``): (number of articles, word -> articles holding it)."""
    path = Path(__file__).parent / "data" / "background_df.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return int(rows[0][1]), {w: int(n) for w, n in rows[1:]}


def vectors(
    docs: list[tuple[list[str], list[str]]],
    cfg: StoryConfig,
    name_words: frozenset[str] = frozenset(),
) -> sparse.csr_matrix:
    """Unit TF-IDF rows of (title, lead) word lists. A title word counts ``cfg.title_weight``,
    the lead's words less and less along the lead (``cfg.lead_decay``); a word's summed weight
    w counts 1 + log(w) when it is 1 or more (sublinear tf), w below. A word's document frequency
    counts the batch and the bundled background together: a small batch (the five seeds) cannot
    tell from itself that Aleppo is a rare word, and a large one still weighs its own news."""
    words = [w for title, lead in docs for w in (*title, *lead)]
    flat = pa.array(words, pa.string()).dictionary_encode()
    vocab = flat.dictionary.to_pylist()  # each word once, in order of first use
    ids = flat.indices.to_numpy().astype(np.int64)
    n_title = np.array([len(title) for title, _lead in docs], dtype=np.int64)
    sizes = n_title + np.array([len(lead) for _title, lead in docs], dtype=np.int64)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), sizes)
    # a word's place in its lead (negative in the title)
    at = np.arange(len(ids)) - np.repeat(np.cumsum(sizes) - sizes + n_title, sizes)
    along = 1.0 / (1.0 + np.maximum(at, 0) / cfg.lead_decay) if cfg.lead_decay > 0 else 1.0
    weight = np.where(at < 0, float(cfg.title_weight), along)
    if name_words and cfg.name_weight != 1.0:
        is_name = np.fromiter((w in name_words for w in vocab), dtype=bool, count=len(vocab))
        weight = weight * np.where(is_name[ids], cfg.name_weight, 1.0)
    # each (row, word) pair summed at once: a coo matrix adds its repeats on conversion
    shape = (len(docs), len(vocab))
    tf = sparse.coo_matrix((weight, (rows, ids)), shape=shape).tocsr()
    tf.eliminate_zeros()  # a title weight of 0
    tf.data = np.where(tf.data >= 1.0, 1.0 + np.log(np.maximum(tf.data, 1.0)), tf.data)
    n_bg, df_bg = background()
    df = np.bincount(tf.indices, minlength=len(vocab)).astype(float)
    df += np.fromiter((df_bg.get(w, 0) for w in vocab), dtype=float, count=len(vocab))
    idf = np.log((1.0 + len(docs) + n_bg) / (1.0 + df)) + 1.0
    return l2(tf @ sparse.diags(idf)).tocsr()


def _hours(t: datetime | None) -> float:
    """Hours since the epoch; NaN for an undated article."""
    return math.nan if t is None else t.timestamp() / 3600.0


def l2(x: sparse.spmatrix) -> sparse.spmatrix:
    """Rows scaled to unit length (scikit-learn's ``normalize``, imported here: it costs a
    second of start-up that ``saring --help`` does not need)."""
    from sklearn.preprocessing import normalize

    return normalize(x)


def _profiles(x: sparse.csr_matrix, hours: np.ndarray, cfg: StoryConfig) -> sparse.csr_matrix:
    """Each article's neighbour profile, as a unit row: its decayed similarity to its
    ``cfg.neighbours`` nearest articles within the window (those at ``cfg.floor`` or more), and
    ``cfg.self_weight`` to itself. Articles are taken in blocks in time order, each compared
    only with the articles of its window, so the cost follows the articles per day, not the
    whole stream.
    Undated articles feel no decay and are in every article's window."""
    n = x.shape[0]
    # single precision: the products are most of the time, and the hours are counted from the
    # first article, so they stay exact to a minute or so
    x = x.astype(np.float32)
    t0 = np.nanmin(hours) if (~np.isnan(hours)).any() else 0.0
    hours = (hours - t0).astype(np.float32)
    decay = math.log(2) / cfg.half_life_hours
    window = cfg.window_days * 24
    dated = np.flatnonzero(~np.isnan(hours))
    dated = dated[np.argsort(hours[dated], kind="stable")]
    undated = np.flatnonzero(np.isnan(hours))
    t_sorted = hours[dated]
    in_order = np.concatenate([dated, undated])
    rows, cols, vals = [], [], []
    for start in range(0, n, cfg.block):
        block = in_order[start : start + cfg.block]
        tb = hours[block]
        if np.isnan(tb).all():
            cand = np.arange(n)
        else:
            lo = np.searchsorted(t_sorted, np.nanmin(tb) - window)
            hi = np.searchsorted(t_sorted, np.nanmax(tb) + window, side="right")
            cand = np.concatenate([dated[lo:hi], undated])
        sim = (x[block] @ x[cand].T).toarray()
        gap = np.nan_to_num(np.abs(tb[:, None] - hours[cand][None, :]), nan=0.0)
        sim *= np.exp(-decay * gap)
        sim[gap > window] = 0.0
        # itself always (even with no content word, or many copies closer than its weight)
        sim[block[:, None] == cand[None, :]] = np.inf
        k = min(cfg.neighbours + 1, len(cand))  # itself and its neighbours
        top = np.argpartition(-sim, k - 1, axis=1)[:, :k]
        best = np.take_along_axis(sim, top, axis=1)
        itself = np.isinf(best)
        best[itself] = cfg.self_weight
        keep = itself | (best >= max(cfg.floor, 1e-12))
        rows.append(np.repeat(block, k)[keep.ravel()])
        cols.append(cand[top][keep])
        vals.append(best[keep])
    profile = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )
    return l2(profile).tocsr()


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


class _EventRules:
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
      whose titles name days and no day in common ("IHSG Hari Ini 19 Juni 2025 ...")."""

    def __init__(self, articles, docs, name_words, hours, cfg: StoryConfig) -> None:
        self.cfg = cfg
        self.subject = [
            Counter({w for w in title if w in name_words and w not in _CALENDAR})
            for title, _ in docs
        ]
        self.size = [1] * len(docs)
        self.blocked: list[set[int]] = [set() for _ in docs]
        for x, y in _column_pairs(articles, docs, hours, cfg):
            self.blocked[x].add(y)
            self.blocked[y].add(x)
        self.members: list[set[int]] = [{i} for i in range(len(docs))]
        self.words = [set(title) | set(lead) for title, lead in docs]
        self.dates = [set(_TITLE_DATE.findall((a.title or "").lower())) for a in articles]

    def core(self, r: int) -> set[str]:
        need = self.size[r] / 2
        return {w for w, n in self.subject[r].items() if n >= need}

    def said(self, r: int) -> set[str]:
        """Every word of the titles and leads of the group of root ``r``."""
        return set().union(*(self.words[i] for i in self.members[r]))

    def allowed(self, x: int, y: int) -> bool:
        """May the groups of roots ``x`` and ``y`` join?"""
        small, large = (x, y) if self.size[x] <= self.size[y] else (y, x)
        if self.blocked[small] & self.members[large]:
            return False
        if self.dates[small] and self.dates[large] and not self.dates[small] & self.dates[large]:
            return False  # "IHSG Hari Ini 19 Juni 2025 ..." and "... 20 Juni 2025 ..."
        core_s, core_l = self.core(small), self.core(large)
        if not (core_s and core_l):
            return True
        named = self.subject[large]
        if all(w in named for w in core_s):
            return True
        said = self.said(small)
        return all(w in said for w in core_l)

    def merge(self, keep: int, gone: int) -> None:
        self.size[keep] += self.size[gone]
        self.subject[keep].update(self.subject[gone])
        self.blocked[keep] |= self.blocked[gone]
        self.dates[keep] |= self.dates[gone]
        self.members[keep] |= self.members[gone]
        self.subject[gone], self.blocked[gone], self.members[gone] = Counter(), set(), set()


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


def _join(
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    known: np.ndarray,
    n_fixed: int,
    rules: _EventRules | None = None,
) -> np.ndarray:
    """A story key for each article from the joined ``pairs`` (a, b, similarity): connected
    groups. With ``n_fixed`` earlier stories (``known`` >= 0), their articles start joined,
    pairs are taken closest first, and a join that would put two earlier stories together is
    refused; a group holding an earlier story takes its number."""
    from scipy.sparse.csgraph import connected_components

    a, b, sim = pairs
    n = len(known)
    if not n_fixed and rules is None:
        graph = sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        return connected_components(graph, directed=False)[1]
    root = np.arange(n)
    story = known.copy()  # the earlier story a root's group holds, or -1

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def union(x: int, y: int) -> None:
        root[y] = x
        story[x] = max(story[x], story[y])
        if rules is not None:
            rules.merge(x, y)

    first_of: dict[int, int] = {}
    for i in np.flatnonzero(known >= 0):
        j = first_of.setdefault(int(known[i]), int(i))
        x, y = find(j), find(int(i))
        if x != y:
            union(x, y)
    for k in np.argsort(-sim, kind="stable"):
        x, y = find(int(a[k])), find(int(b[k]))
        if x == y or (story[x] >= 0 and story[y] >= 0):
            continue
        if rules is not None and not rules.allowed(x, y):
            continue
        union(x, y)
    roots = np.array([find(i) for i in range(n)])
    return np.where(story[roots] >= 0, story[roots], n_fixed + roots)


def group(
    articles: list[Article], cfg: StoryConfig | None = None, fixed: list[int | None] | None = None
) -> list[int]:
    """The story number of each article (0, 1, ...: in order of each story's first article).

    ``fixed``: a story number (0, 1, ...) for the articles that already belong to a story made
    earlier, None for the new ones. New articles join those stories or make new ones (numbered
    after the largest fixed one), the fixed articles keep their numbers, and two fixed stories
    are never joined. That is how a new batch is attached to the stories of a store without
    grouping the archive again."""
    cfg = cfg or StoryConfig()
    if not articles:
        return []
    fixed = fixed or [None] * len(articles)
    known = np.array([-1 if f is None else f for f in fixed], dtype=np.int64)
    n_fixed = int(known.max()) + 1 if (known >= 0).any() else 0
    docs = documents(articles, cfg)
    hours = np.array([_hours(a.published) for a in articles])
    if any(title or lead for title, lead in docs):
        found = names(articles, cfg) if cfg.name_weight != 1.0 else frozenset()
        profile = _profiles(vectors(docs, cfg, found), hours, cfg)
        shared = sparse.triu(profile @ profile.T, k=1).tocoo()
        keep = shared.data >= cfg.threshold
        pairs = (shared.row[keep], shared.col[keep], shared.data[keep])
        if cfg.events:
            found = found or names(articles, cfg)
    else:  # no content word anywhere (numbers, symbols): every article alone
        pairs = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if cfg.events and len(pairs[0]):
        rules = _EventRules(articles, docs, found, hours, cfg)
        labels = _join(pairs, known, n_fixed, rules)
    else:
        labels = _join(pairs, known, n_fixed)
    # number stories in order of their first article (undated last); fixed stories keep theirs
    order = sorted(
        (i for i in range(len(articles)) if known[i] < 0),
        key=lambda i: (np.isnan(hours[i]), np.nan_to_num(hours[i]), articles[i].id),
    )
    first = {k: k for k in range(n_fixed)}
    for i in order:
        first.setdefault(int(labels[i]), len(first))
    return [first[int(v)] for v in labels]
