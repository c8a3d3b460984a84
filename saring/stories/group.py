"""Group articles into stories: one event told by several outlets over a few days.

TF-IDF vectors of the title (weighted apart) and the lead of each article, then one pass in
publication order: an article joins the most similar story still open (its centroid, with the
similarity decayed by the time since the story's last article) when that similarity reaches the
threshold, and opens a new story otherwise; then stories with close centroids are joined. A
story is only its summed vector and the time of its last article, so a later batch is attached
to stories made earlier (``fixed``: how a store's open stories grow). Does not label or
summarise.
Written here because no library groups news events: topic models and plain clustering join every
article of one topic (a war, a league) into one group.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
from scipy import sparse
from sklearn.preprocessing import normalize as l2

from saring.clean.rules import function_words
from saring.dedup.normalize import normalize


@dataclass(frozen=True)
class StoryConfig:
    """Story grouping.

    Parameters
    ----------
    enabled : group the kept documents into stories (``story_id``, ``stories.parquet``).
    threshold : cosine similarity (after time decay) an article needs to join a story.
    title_weight : how many times the title's words count against the lead's.
    lead_words : content words of the body read (the lead tells the event; later paragraphs
        wander: 60 scored better than 30, 120, 250 or the whole text on the development set).
    half_life_hours : time after which a story's pull has halved.
    window_days : a story takes no article more than this after its last one.
    batch : articles compared with the open stories at a time (in publication order); within a
        batch, those that join no story are grouped among themselves.
    merge : after the pass, stories whose centroids reach this cosine (and whose last articles
        are within the window) are joined: the parts of one event the pass kept apart (the
        preview, the meeting and the deals of one state visit). 0 turns it off.
    merge_words : content words of the body the merge compares (the parts of one event told
        from different angles share names and facts after the lead: at 150, the four seed
        outlets join; the development set scores 0.845 against 0.855 at 60).
    merge_candidates : the merge compares only stories that share one of their this many
        heaviest words, then computes their true cosine; 0 compares every pair in the window.
        At 20 the stories equal those of the full comparison on the crawl copies and on a dense
        synthetic stream (10 missed one pair of the crawl's 239); 100,000 dense articles are
        grouped in 132 s instead of 290 (``benchmarks/bench_stories.py --dense --exact``).
    """

    enabled: bool = True
    threshold: float = 0.3
    title_weight: int = 3
    lead_words: int = 60
    half_life_hours: float = 48.0
    window_days: float = 4.0
    batch: int = 64
    merge: float = 0.4
    merge_words: int = 150
    merge_candidates: int = 20


@dataclass
class Article:
    id: str
    title: str
    text: str
    published: datetime | None


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


def documents(articles: list[Article], cfg: StoryConfig, leads: list[int]) -> list[list[list[str]]]:
    """For each lead length in ``leads``, each article's words: its title's
    ``cfg.title_weight`` times, then the first ``lead`` content words of its body. Each
    article is tokenised once."""
    stop = function_words("id")
    out: list[list[list[str]]] = [[] for _ in leads]
    for a in articles:
        title = tokens(a.title or "", stop) * cfg.title_weight
        words = _body_tokens(a.text or "", max(leads), stop)
        for k, lead in enumerate(leads):
            out[k].append(title + words[:lead])
    return out


@cache
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of content words in a bundled news corpus (IndoSum's 3,463 dev
    articles, ``data/background_df.tsv.gz``): (number of articles, word -> articles holding it)."""
    path = Path(__file__).parent / "data" / "background_df.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return int(rows[0][1]), {w: int(n) for w, n in rows[1:]}


def vectors(docs: list[list[str]]) -> sparse.csr_matrix:
    """Unit TF-IDF rows (sublinear tf). A word's document frequency counts the batch and the
    bundled background together: a small batch (the five seeds) cannot tell from itself that
    Aleppo is a rare word, and a large one still weighs its own news of the day."""
    flat = pa.array([w for doc in docs for w in doc], pa.string()).dictionary_encode()
    vocab = flat.dictionary.to_pylist()  # each word once, in order of first use
    ids = flat.indices.to_numpy().astype(np.int64)
    rows = np.repeat(np.arange(len(docs), dtype=np.int64), [len(d) for d in docs])
    # each (row, word) pair counted at once: a coo matrix sums its repeats on conversion
    tf = sparse.coo_matrix((np.ones(len(ids)), (rows, ids)), shape=(len(docs), len(vocab))).tocsr()
    tf.data = 1.0 + np.log(tf.data)
    n_bg, df_bg = background()
    df = np.bincount(tf.indices, minlength=len(vocab)).astype(float)
    df += np.fromiter((df_bg.get(w, 0) for w in vocab), dtype=float, count=len(vocab))
    idf = np.log((1.0 + len(docs) + n_bg) / (1.0 + df)) + 1.0
    return l2(tf @ sparse.diags(idf)).tocsr()


def _hours(t: datetime | None) -> float | None:
    return None if t is None else t.timestamp() / 3600.0


def _top_words(cent: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """A 0/1 matrix marking each row's ``k`` heaviest words."""
    row = np.repeat(np.arange(cent.shape[0]), np.diff(cent.indptr))
    order = np.lexsort((-cent.data, row))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order)) - cent.indptr[row[order]]
    top = cent.copy()
    top.data = (rank < k).astype(float)
    top.eliminate_zeros()
    return top


def _merge(
    labels: np.ndarray, sums, last: np.ndarray, cfg: StoryConfig, n_fixed: int = 0
) -> np.ndarray:
    """Join stories whose centroids reach ``cfg.merge`` and whose latest articles are within the
    window of each other: the parts of one event the pass kept apart. Stories are compared in
    blocks of neighbours in time, never all with all. Stories numbered below ``n_fixed`` (made
    earlier) are never joined with each other, and a joined group takes its smallest number."""
    from scipy.sparse.csgraph import connected_components

    n = sums.shape[0]
    cent = l2(sums).tocsr()
    window = cfg.window_days * 24
    t = np.where(np.isnan(last), -np.inf, last)
    by_time = np.argsort(t, kind="stable")
    undated = np.flatnonzero(np.isnan(last))
    rows, cols, sims = [], [], []
    # candidate pairs share one of their heaviest words; 0 compares every pair in the window
    top = _top_words(cent, cfg.merge_candidates) if cfg.merge_candidates else cent
    for start in range(0, n, 2048):
        block = by_time[start : start + 2048]
        lo, hi = t[block].min(), t[block].max()
        near = by_time[
            np.searchsorted(t[by_time], lo - window) : np.searchsorted(
                t[by_time], hi + window, side="right"
            )
        ]
        cand = np.union1d(near, undated)
        pair = (top[block] @ top[cand].T).tocoo()
        a, b = block[pair.row], cand[pair.col]
        # an undated story (its time is -inf) is within the window of every story
        dated = np.isfinite(t[a]) & np.isfinite(t[b])
        gap = np.abs(np.where(dated, t[a], 0.0) - np.where(dated, t[b], 0.0))
        keep = (a < b) & (gap <= window)
        a, b = a[keep], b[keep]
        if cfg.merge_candidates:  # true cosines, a bounded number of pairs at a time
            sim = np.concatenate(
                [np.zeros(0)]
                + [
                    np.asarray(
                        cent[a[k : k + 65536]].multiply(cent[b[k : k + 65536]]).sum(1)
                    ).ravel()
                    for k in range(0, len(a), 65536)
                ]
            )
        else:
            sim = pair.data[keep]
        ok = sim >= cfg.merge
        rows.append(a[ok])
        cols.append(b[ok])
        sims.append(sim[ok])
    r, c = np.concatenate(rows), np.concatenate(cols)
    if not n_fixed:
        graph = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, n))
        _, comp = connected_components(graph, directed=False)
        return comp[labels]
    # closest pairs first; a join that would put two earlier stories together is refused
    root = np.arange(n)

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for k in np.argsort(-np.concatenate(sims), kind="stable"):
        x, y = find(int(r[k])), find(int(c[k]))
        if x != y and not (x < n_fixed and y < n_fixed):
            root[max(x, y)] = min(x, y)  # the smaller number: the earlier story, if any
    return np.array([find(int(v)) for v in labels])


def group(
    articles: list[Article], cfg: StoryConfig | None = None, fixed: list[int | None] | None = None
) -> list[int]:
    """The story number of each article (0, 1, ...: in order of each story's first article).

    ``fixed``: a story number (0, 1, ...) for the articles that already belong to a story made
    earlier, None for the new ones. Those stories are the starting state: new articles join them
    or open new stories (numbered after the largest fixed one), the fixed articles keep their
    numbers, and two fixed stories are never joined. That is how a new batch is attached to the
    stories of a store without grouping the archive again."""
    cfg = cfg or StoryConfig()
    if not articles:
        return []
    fixed = fixed or [None] * len(articles)
    known = np.array([-1 if f is None else f for f in fixed], dtype=np.int64)
    docs, merge_docs = documents(articles, cfg, [cfg.lead_words, cfg.merge_words])
    if not any(docs):  # no content word anywhere (numbers, symbols): every article alone
        start = int(known.max()) + 1 if (known >= 0).any() else 0
        fresh = np.cumsum(known < 0) - 1 + start
        return np.where(known >= 0, known, fresh).tolist()
    x = vectors(docs)
    # Undated articles come last and feel no time decay (their age counts as zero).
    hours = [_hours(a.published) for a in articles]
    order = sorted(
        (i for i in range(len(articles)) if known[i] < 0),
        key=lambda i: (hours[i] is None, hours[i] or 0.0, articles[i].id),
    )
    hours = [np.nan if h is None else h for h in hours]
    decay = math.log(2) / cfg.half_life_hours
    window = cfg.window_days * 24
    labels = known.copy()
    t_all = np.array(hours)
    # Open stories: global number, summed vector, hour of the latest article. A story whose
    # latest article is more than the window before the batch can take no more articles (the
    # pass goes in time order): it is moved to ``closed``, so each batch compares with the open
    # stories only and the cost stays linear in the number of articles. Fixed stories start open.
    ids = np.unique(known[known >= 0])
    n_stories = int(ids.max()) + 1 if len(ids) else 0
    if len(ids):
        rows = np.flatnonzero(known >= 0)
        member = sparse.csr_matrix(
            (np.ones(len(rows)), (np.searchsorted(ids, known[rows]), rows)),
            shape=(len(ids), len(articles)),
        )
        sums = (member @ x).tocsr()
        last = np.full(len(ids), -np.inf)
        np.fmax.at(last, np.searchsorted(ids, known[rows]), np.nan_to_num(t_all[rows], nan=-np.inf))
        last[np.isinf(last)] = np.nan
    else:
        sums = sparse.csr_matrix((0, x.shape[1]))
        last = np.zeros(0)
    closed: list[tuple[np.ndarray, sparse.csr_matrix, np.ndarray]] = []
    for start in range(0, len(order), cfg.batch):
        idx = np.array(order[start : start + cfg.batch])
        xb, tb = x[idx], t_all[idx]
        if np.isnan(tb).all() and closed:  # undated articles: every story is open to them
            ids = np.concatenate([c[0] for c in closed] + [ids])
            sums = sparse.vstack([c[1] for c in closed] + [sums]).tocsr()
            last = np.concatenate([c[2] for c in closed] + [last])
            closed = []
        elif not np.isnan(tb).all():
            gone = last < np.nanmin(tb) - window  # nan (undated stories) stays open
            if gone.any():
                closed.append((ids[gone], sums[np.flatnonzero(gone)], last[gone]))
                keep = np.flatnonzero(~gone)
                ids, sums, last = ids[keep], sums[keep], last[keep]
        if sums.shape[0]:
            norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
            sim = (xb @ sums.T).toarray() / np.maximum(norms, 1e-12)
            age = np.nan_to_num(tb[:, None] - last[None, :], nan=0.0)
            sim *= np.exp(-decay * np.clip(age, 0, None))
            sim[age > window] = 0.0
            best = sim.argmax(axis=1)
            ok = sim[np.arange(len(idx)), best] >= cfg.threshold
        else:
            best = np.zeros(len(idx), dtype=np.int64)
            ok = np.zeros(len(idx), dtype=bool)
        # articles that join no open story: greedy among themselves, in time order
        target = np.where(ok, best, -1)  # row among the open stories
        fresh = np.flatnonzero(~ok)
        n_new = 0
        if len(fresh):
            inner = (xb[fresh] @ xb[fresh].T).toarray()
            gap = np.nan_to_num(np.abs(tb[fresh][:, None] - tb[fresh][None, :]), nan=0.0)
            inner *= np.exp(-decay * gap)
            heads: list[int] = []
            for a in range(len(fresh)):
                if heads:
                    k = max(heads, key=lambda h: inner[a, h])
                    if inner[a, k] >= cfg.threshold:
                        target[fresh[a]] = target[fresh[k]]
                        continue
                target[fresh[a]] = sums.shape[0] + len(heads)
                heads.append(a)
            n_new = len(heads)
        ids = np.concatenate([ids, np.arange(n_stories, n_stories + n_new)])
        n_stories += n_new
        labels[idx] = ids[target]
        n = sums.shape[0] + n_new
        assign = sparse.csr_matrix(
            (np.ones(len(idx)), (target, np.arange(len(idx)))), shape=(n, len(idx))
        )
        grown = sparse.vstack([sums, sparse.csr_matrix((n_new, x.shape[1]))]).tocsr()
        sums = (grown + assign @ xb).tocsr()
        latest = np.full(n, -np.inf)
        np.fmax.at(latest, target, tb)
        last = np.fmax(np.concatenate([last, np.full(n_new, np.nan)]), latest)
        last[np.isinf(last)] = np.nan  # stories of undated articles only
    if cfg.merge and n_stories > 1:
        # the merge reads more of each body than the pass (``merge_words``): parts of one event
        # told from different angles share names and facts further down, not in the lead
        xm = x if cfg.merge_words == cfg.lead_words else vectors(merge_docs)
        member = sparse.csr_matrix(
            (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(n_stories, len(labels))
        )
        t_last = np.full(n_stories, -np.inf)
        np.fmax.at(t_last, labels, np.nan_to_num(t_all, nan=-np.inf))
        t_last[np.isinf(t_last)] = np.nan
        n_fixed = int(known.max()) + 1 if (known >= 0).any() else 0
        labels = _merge(labels, (member @ xm).tocsr(), t_last, cfg, n_fixed)
    # number stories in order of their first article; fixed stories keep their numbers
    n_fixed = int(known.max()) + 1 if (known >= 0).any() else 0
    first = {k: k for k in range(n_fixed)}
    for i in order:
        first.setdefault(int(labels[i]), len(first))
    return [first[int(v)] for v in labels]
