"""Group articles into stories: one event told by several outlets over a few days.

TF-IDF vectors of the title (weighted apart) and the lead of each article (its words counting
less the later they come: the inverted pyramid puts the event first), compared with the
articles published within a few days (the similarity decayed by the time between them). Each
article's nearest articles make its profile, and two articles whose profiles are close are
joined: shared nearest neighbours (Jarvis and Patrick, 1973), which adapts to how crowded a
topic is (inside a war every article shares words with every other; the reactions to one
decision share few), where one similarity threshold for all topics does not. Stories are the
connected groups; then the event steps of ``saring.stories.events``. A later batch is attached
to stories made earlier (``fixed``: how a store's open stories grow). A large batch's bodies
can stay on disk, read through a memory map (``BodyWriter``). Does not label or summarise.
Written here because no library groups news events: topic models and plain clustering join every
article of one topic (a war, a league) into one group.
"""

from __future__ import annotations

import math
import os
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from itertools import islice
from pathlib import Path

import numpy as np
import pyarrow as pa
from scipy import sparse

from saring.clean.rules import function_words
from saring.dedup.normalize import words
from saring.memory import give_back
from saring.stories.background import background
from saring.stories.events import (
    EventRules,
    NameCounts,
    _first_of,
    attach_named,
    leads,
    named,
    split_topics,
    unglue,
)
from saring.stories.settings import StoryConfig
from saring.stories.wordbytes import LETTER, Numbering, classes, runs, spellings


@dataclass
class Article:
    id: str
    title: str
    text: str
    published: datetime | None
    site: str = ""


class Bodies:
    """The articles' bodies held as one Arrow string array (UTF-8, no Python object each) and
    made Python strings a chunk at a time: a million 3 KB bodies as Python strings were some
    6 GB, most of them two bytes a character (one curly quote makes a string so). Article
    ``i``'s body is ``array[at[i]]``; a null is an empty body.

    With ``path`` (``BodyWriter``), the array is read through a memory map of that Arrow file
    (3 GB for a million bodies), opened again after every ``MAPPED`` characters read, so the
    pages read stay the kernel's cache, not this process's memory (read out of order, and two
    or three bytes a character, up to about twice ``MAPPED`` bytes stay mapped)."""

    MAPPED = 1 << 28

    def __init__(self, array: pa.ChunkedArray, at: np.ndarray, path: Path | None = None) -> None:
        self.path, self.read = path, 0
        self.chunks = array.chunks
        sizes = np.array([len(c) for c in self.chunks], np.int64)
        at = np.asarray(at, np.int64)
        ends = np.cumsum(sizes)
        # each body's chunk and place in it: ChunkedArray.take copied every chunk for each call
        self.chunk_of = np.searchsorted(ends, at, side="right")
        self.place = at - (ends - sizes)[self.chunk_of]

    def __len__(self) -> int:
        return len(self.place)

    def _reading(self, n: int) -> None:
        self.read += n
        if self.path is not None and self.read > self.MAPPED:
            self.chunks, self.read = None, 0  # the old map goes with the last of its buffers
            self.chunks = _mapped(self.path).chunks

    def body(self, i: int) -> str:
        """Article ``i``'s body."""
        text = self.chunks[int(self.chunk_of[i])][int(self.place[i])].as_py() or ""
        self._reading(len(text))
        return text

    def texts(self, lo: int, hi: int) -> list[str]:
        """The bodies of articles ``lo`` to ``hi``."""
        chunks = self.chunks
        out = [
            chunks[c][k].as_py() or ""
            for c, k in zip(self.chunk_of[lo:hi].tolist(), self.place[lo:hi].tolist(), strict=True)
        ]
        self._reading(sum(map(len, out)))
        return out


class BodyWriter:
    """Bodies taken as they are read (``add``, in order), kept in memory or, with ``path``,
    written to an Arrow file there as they come; ``bodies`` gives them as ``Bodies``. A
    context manager: the file is closed on leaving, whatever happened."""

    _SCHEMA = pa.schema([("text", pa.large_string())])

    def __init__(self, path: Path | None = None) -> None:
        self.path, self.arrays = path, []
        if path is not None:
            self.sink = pa.OSFile(str(path), "wb")
            self.out = pa.ipc.new_file(self.sink, self._SCHEMA)

    def add(self, array: pa.Array) -> None:
        array = array.cast(pa.large_string())
        if self.path is None:
            self.arrays.append(array)
        else:
            self.out.write_batch(pa.record_batch([array], schema=self._SCHEMA))

    def close(self) -> None:
        if self.path is not None and not self.sink.closed:
            self.out.close()
            self.sink.close()

    def __enter__(self) -> BodyWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def bodies(self, at: np.ndarray) -> Bodies:
        """The bodies added, article ``i``'s the ``at[i]``-th of them."""
        if self.path is None:
            return Bodies(pa.chunked_array(self.arrays, pa.large_string()), at)
        self.close()
        return Bodies(_mapped(self.path), at, self.path)


def _mapped(path: Path) -> pa.ChunkedArray:
    """The ``text`` column of the Arrow file at ``path``, read through a memory map."""
    with pa.memory_map(str(path)) as source:
        return pa.ipc.open_file(source).read_all().column("text")


def _chunk(articles: list[Article], bodies: Bodies | None, lo: int) -> list[Article]:
    """Articles ``lo`` to ``lo + _CHUNK``, with their bodies when ``bodies`` holds them."""
    part = articles[lo : lo + _CHUNK]
    if bodies is None:
        return part
    texts = bodies.texts(lo, lo + len(part))
    return [
        Article(a.id, a.title, t, a.published, a.site) for a, t in zip(part, texts, strict=True)
    ]


def tokens(text: str, stop: frozenset[str]) -> list[str]:
    """The content words of ``text``: normalised words of three characters or more, not all
    digits, not in ``stop``."""
    return [w for w in words(text) if len(w) > 2 and not w.isdigit() and w not in stop]


class Documents:
    """The content words of each article's title and lead (``documents``), numbered: ``ids``
    holds each title's words then its lead's, article after article, as places in ``vocab``
    (each word once, in order of first use)."""

    def __init__(self, vocab: list[str], ids, title_sizes, lead_sizes) -> None:
        # int32 where the words allow it: 1,000,000 leads are some 120 million words
        self.vocab = vocab
        self.ids = ids if isinstance(ids, np.ndarray) else np.asarray(ids, np.int64)
        self.title_sizes = np.asarray(title_sizes, np.int64)
        self.lead_sizes = np.asarray(lead_sizes, np.int64)
        self.sizes = self.title_sizes + self.lead_sizes
        self.starts = np.cumsum(self.sizes) - self.sizes

    @classmethod
    def of(cls, pairs: list[tuple[list[str], list[str]]]) -> Documents:
        """From each article's (title words, lead words)."""
        number: dict[str, int] = {}
        ids = [number.setdefault(w, len(number)) for t, lead in pairs for w in (*t, *lead)]
        return cls(list(number), ids, [len(t) for t, _ in pairs], [len(x) for _, x in pairs])

    def __len__(self) -> int:
        return len(self.sizes)

    def __getitem__(self, i: int) -> tuple[list[str], list[str]]:
        """Article ``i``'s (title words, lead words)."""
        at, n = int(self.starts[i]), int(self.title_sizes[i])
        words = [self.vocab[j] for j in self.ids[at : at + int(self.sizes[i])].tolist()]
        return words[:n], words[n:]

    def __iter__(self) -> Iterator[tuple[list[str], list[str]]]:
        return (self[i] for i in range(len(self)))

    @cached_property
    def titles(self) -> list[list[str]]:
        """Each article's title words."""
        place = np.arange(len(self.ids)) - np.repeat(self.starts, self.sizes)
        in_title = place < np.repeat(self.title_sizes, self.sizes)
        words = iter(np.array(self.vocab, dtype=object)[self.ids[in_title]].tolist())
        return [list(islice(words, n)) for n in self.title_sizes.tolist()]


_CHUNK = 16384  # articles whose words are found at a time (memory: some 50 MB a chunk)


def documents(
    articles: list[Article],
    cfg: StoryConfig,
    lead_texts: list[str] | None = None,
    bodies: Bodies | None = None,
) -> Documents:
    """Each article's words: its title's content words (``tokens``), and the first
    ``cfg.lead_words`` content words of its body (with ``cfg.events``, words a link ran
    together parted first). ``lead_texts``: the bodies' beginnings, unglued, as
    ``events.leads`` reads them. The words are found as bytes (``wordbytes``) and numbered
    by Arrow, not made one Python object each; each distinct word is judged once.
    ``bodies``: the bodies, when the articles do not hold them (``Bodies``)."""
    judge, numbering = _Judge(function_words("id")), Numbering()
    firsts = lead_texts if cfg.events and lead_texts else None
    parts = [
        _numbered_words(
            _chunk(articles, bodies, i), firsts and firsts[i : i + _CHUNK], cfg, judge, numbering
        )
        for i in range(0, len(articles), _CHUNK)
    ]
    return _documents(numbering, parts)


def words_and_names(
    articles: list[Article], cfg: StoryConfig, bodies: Bodies | None = None
) -> tuple[Documents, frozenset]:
    """``documents`` and ``events.names`` in one pass over chunks of articles: each chunk's
    leads are made, read by both and let go (1,000,000 leads held at once were 2 GB)."""
    judge, numbering, counts = _Judge(function_words("id")), Numbering(), NameCounts()
    parts = []
    for i in range(0, len(articles), _CHUNK):
        chunk = _chunk(articles, bodies, i)
        lead_texts = leads(chunk, cfg)
        parts.append(
            _numbered_words(chunk, lead_texts if cfg.events else None, cfg, judge, numbering)
        )
        counts.add(lead_texts)
    return _documents(numbering, parts), named(*counts.counts(), cfg)


def _numbered_words(articles, lead_texts, cfg, judge, numbering):
    """``_chunk_words`` of one chunk, its words numbered (and let go)."""
    words, n_title, n_lead = _chunk_words(articles, lead_texts, cfg, judge)
    ids = numbering.add(words)
    return ids.astype(np.int32) if len(numbering) < 2**31 else ids, n_title, n_lead


def _documents(numbering: Numbering, parts: list) -> Documents:
    if not parts:
        return Documents([], [], [], [])
    return Documents(
        [w.decode("utf-8", "surrogatepass") for w in numbering.forms()],
        *(np.concatenate([p[k] for p in parts]) for k in range(3)),
    )


def _chunk_words(
    articles: list[Article], leads: list[str] | None, cfg: StoryConfig, judge: _Judge
) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """``documents`` of some articles: their words (UTF-8, in order: each title's, then its
    lead's), and how many each title and lead has. A lead is read from a prefix of the body
    (``12 * need`` characters, ``leads``), four times longer while it holds ``need`` content
    words or fewer and is not the whole body (the word cut at its end is past the ones kept)."""
    need, n = cfg.lead_words, len(articles)
    bodies = [a.text or "" for a in articles]
    words, of = _content_words([a.title or "" for a in articles], judge)
    pieces, owners = [words], [2 * of]  # 2 i: article i's title, 2 i + 1: its lead
    size, pending = 12 * need, np.arange(n)
    texts = leads if leads is not None else [_prefix(b, size, cfg.events) for b in bodies]
    while len(pending):
        words, of = _content_words(texts, judge)
        whole = np.fromiter((len(bodies[i]) <= size for i in pending.tolist()), bool, len(pending))
        first = np.searchsorted(of, np.arange(len(pending) + 1))  # each text's first word
        done = (np.diff(first) > need) | whole
        keep = done[of] & (np.arange(len(of)) - first[of] < need)
        pieces.append(words.filter(pa.array(keep)))
        owners.append(2 * pending[of[keep]] + 1)
        pending, size = pending[~done], size * 4
        texts = [_prefix(bodies[i], size, cfg.events) for i in pending.tolist()]
    owner = np.concatenate(owners)
    order = np.argsort(owner, kind="stable")
    sizes = np.bincount(owner, minlength=2 * n)
    return pa.concat_arrays(pieces).take(pa.array(order)), sizes[0::2], sizes[1::2]


def _prefix(text: str, size: int, parted: bool) -> str:
    return unglue(text[:size]) if parted else text[:size]


def _content_words(texts: list[str], judge: _Judge) -> tuple[pa.Array, np.ndarray]:
    """The content words of ``texts`` (``tokens``: words of their NFKC, case folded form,
    runs of letters and digits), as UTF-8, and the text each is from."""
    norm = [unicodedata.normalize("NFKC", t).casefold() for t in texts]
    parts = [t.encode("utf-8", "surrogatepass") for t in norm]
    raw = b"\n".join(parts)
    letter = (classes(raw) == LETTER) & (np.frombuffer(raw, np.uint8) != ord("_"))
    starts, ends = runs(letter)
    words = spellings(raw, letter, starts, ends)
    sizes = np.fromiter(map(len, parts), np.int64, len(parts))
    first = np.searchsorted(starts, np.cumsum(sizes + 1) - sizes - 1)  # each text's first word
    of = np.repeat(np.arange(len(texts)), np.diff(first, append=len(starts)))
    coded = words.dictionary_encode()
    good = judge(coded.dictionary)[coded.indices.to_numpy()]
    return words.filter(pa.array(good)), of[good]


class _Judge(dict):
    """A spelling (UTF-8) -> whether it is a content word (``tokens``); each judged once."""

    def __init__(self, stop: frozenset[str]) -> None:
        super().__init__()
        self.stop = stop

    def __missing__(self, raw: bytes) -> bool:
        w = raw.decode("utf-8", "surrogatepass")
        self[raw] = good = len(w) > 2 and not w.isdigit() and w not in self.stop
        return good

    def __call__(self, forms: pa.Array) -> np.ndarray:
        return np.fromiter(map(self.__getitem__, forms.to_pylist()), bool, len(forms))


def vectors(
    docs: Documents, cfg: StoryConfig, name_words: frozenset[str] = frozenset(), dtype=np.float64
) -> sparse.csr_matrix:
    """Unit TF-IDF rows of the articles' words (``documents``). A title word counts
    ``cfg.title_weight``, the lead's words less and less along the lead (``cfg.lead_decay``); a
    word's summed weight w counts 1 + log(w) when it is 1 or more (sublinear tf), w below. A
    word's document frequency counts the batch and the bundled background together: a small
    batch (the five seeds) cannot tell from itself that Aleppo is a rare word, and a large one
    still weighs its own news. ``dtype``: the values' type, each block cast to it as it is made
    (float32: the matrix of the whole batch is not held in float64 first)."""
    vocab = docs.vocab
    is_name = None
    if name_words and cfg.name_weight != 1.0:
        is_name = np.fromiter((w in name_words for w in vocab), dtype=bool, count=len(vocab))
    blocks = [
        _weights(docs, cfg, is_name, lo, min(lo + _ROWS, len(docs)))
        for lo in range(0, len(docs), _ROWS)
    ]
    if not blocks:
        return sparse.csr_matrix((0, len(vocab)), dtype=dtype)
    df = sum(np.bincount(b.indices, minlength=len(vocab)) for b in blocks).astype(float)
    n_bg, df_bg = background()
    df += np.fromiter((df_bg.get(w, 0) for w in vocab), dtype=float, count=len(vocab))
    idf = sparse.diags(np.log((1.0 + len(docs) + n_bg) / (1.0 + df)) + 1.0)
    for k, tf in enumerate(blocks):  # each block replaced by its rows' vectors in turn
        tf.data = np.where(tf.data >= 1.0, 1.0 + np.log(np.maximum(tf.data, 1.0)), tf.data)
        blocks[k] = l2(tf @ idf).tocsr().astype(dtype, copy=False)
    del tf
    return sparse.vstack(blocks, format="csr")


# articles weighed at a time: the arrays of one value per word of every lead (1,000,000
# articles: some 130 million words, a dozen float and int arrays) took GBs at once; each row's
# vector depends on its own weights and the words' document frequency only
_ROWS = 32768


def _weights(docs: Documents, cfg: StoryConfig, is_name, lo: int, hi: int) -> sparse.csr_matrix:
    """Articles ``lo`` to ``hi``: each word's weight summed per article (``vectors``, before
    the sublinear step); words of weight 0 dropped. Rows are independent, so the blocks stacked
    equal the matrix made at once, bit for bit."""
    sizes, n_title = docs.sizes[lo:hi], docs.title_sizes[lo:hi]
    start = int(docs.starts[lo])
    ids = docs.ids[start : start + int(sizes.sum())]
    rows = np.repeat(np.arange(hi - lo, dtype=np.int64), sizes)
    # a word's place in its lead (negative in the title)
    at = np.arange(len(ids)) - np.repeat(np.cumsum(sizes) - sizes + n_title, sizes)
    along = 1.0 / (1.0 + np.maximum(at, 0) / cfg.lead_decay) if cfg.lead_decay > 0 else 1.0
    weight = np.where(at < 0, float(cfg.title_weight), along)
    if is_name is not None:
        weight = weight * np.where(is_name[ids], cfg.name_weight, 1.0)
    # each (row, word) pair summed at once: a coo matrix adds its repeats on conversion
    shape = (hi - lo, len(docs.vocab))
    tf = sparse.coo_matrix((weight, (rows, ids)), shape=shape).tocsr()
    tf.eliminate_zeros()  # a title weight of 0
    return tf


def _hours(t: datetime | None) -> float:
    """Hours since the epoch; NaN for an undated article."""
    return math.nan if t is None else t.timestamp() / 3600.0


def l2(x: sparse.spmatrix) -> sparse.csr_matrix:
    """Rows scaled to unit length, bit for bit as scikit-learn's ``normalize`` does it (each
    row's squares summed in order in double precision, the values divided in double and stored
    in the matrix's type; empty rows left alone), without importing scikit-learn: that import
    was a second of every small run."""
    x = sparse.csr_matrix(x, copy=True)
    lengths = np.diff(x.indptr)
    starts = x.indptr[:-1]
    squares = (x.data * x.data).astype(np.float64)
    sums = np.zeros(x.shape[0], dtype=np.float64)
    for k in range(int(lengths.max(initial=0))):  # the k-th value of every row that has one
        has = lengths > k
        sums[has] += squares[starts[has] + k]
    norms = np.sqrt(sums)
    norms[sums == 0.0] = 1.0
    row = np.repeat(np.arange(x.shape[0]), lengths)
    x.data = (x.data.astype(np.float64) / norms[row]).astype(x.data.dtype)
    return x


def _profiles(x: sparse.csr_matrix, hours: np.ndarray, cfg: StoryConfig) -> sparse.csr_matrix:
    """Each article's neighbour profile, as a unit row: its decayed similarity to its
    ``cfg.neighbours`` nearest articles within the window (those at ``cfg.floor`` or more), and
    ``cfg.self_weight`` to itself. Articles are taken in blocks in time order, each compared
    only with the articles of its window, so the cost follows the articles per day, not the
    whole stream; ``cfg.threads`` blocks at once (each block's rows are its own: the same
    profile with any number of threads).
    Undated articles feel no decay and are in every article's window."""
    n = x.shape[0]
    # single precision: the products are most of the time, and the hours are counted from the
    # first article, so they stay exact to a minute or so
    x = x.astype(np.float32, copy=False)
    t0 = np.nanmin(hours) if (~np.isnan(hours)).any() else 0.0
    hours = (hours - t0).astype(np.float32)
    dated = np.flatnonzero(~np.isnan(hours))
    dated = dated[np.argsort(hours[dated], kind="stable")]
    window = _Window(x, hours, dated, hours[dated], np.flatnonzero(np.isnan(hours)), cfg)
    in_order = np.concatenate([dated, window.undated])
    blocks = [in_order[start : start + cfg.block] for start in range(0, n, cfg.block)]
    threads = cfg.threads or min(4, os.cpu_count() or 1)
    if threads > 1 and len(blocks) > 1:
        with ThreadPoolExecutor(threads) as pool:
            parts = list(pool.map(window.nearest, blocks))
    else:
        parts = [window.nearest(block) for block in blocks]
    rows, cols, vals = zip(*parts, strict=True)
    profile = sparse.csr_matrix(
        (np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)
    )
    return l2(profile).tocsr()


@dataclass
class _Window:
    """What ``_profiles`` compares a block of articles with: the articles of its window."""

    x: sparse.csr_matrix
    hours: np.ndarray
    dated: np.ndarray  # in time order
    t_sorted: np.ndarray  # their hours
    undated: np.ndarray
    cfg: StoryConfig

    def nearest(self, block: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row, column, value) of the neighbours of each article of ``block``: its decayed
        similarity to the nearest articles of its window, ``self_weight`` to itself. SciPy's
        product and most NumPy steps here let go of the GIL, so blocks can run in threads."""
        cfg, hours = self.cfg, self.hours
        window = cfg.window_days * 24
        tb = hours[block]
        if np.isnan(tb).all():
            cand = np.arange(self.x.shape[0])
        else:
            lo = np.searchsorted(self.t_sorted, np.nanmin(tb) - window)
            hi = np.searchsorted(self.t_sorted, np.nanmax(tb) + window, side="right")
            cand = np.concatenate([self.dated[lo:hi], self.undated])
        sim = (self.x[block] @ self.x[cand].T).toarray()
        gap = np.nan_to_num(np.abs(tb[:, None] - hours[cand][None, :]), nan=0.0)
        sim *= np.exp(-(math.log(2) / cfg.half_life_hours) * gap)
        sim[gap > window] = 0.0
        # itself always (even with no content word, or many copies closer than its weight)
        sim[block[:, None] == cand[None, :]] = np.inf
        k = min(cfg.neighbours + 1, len(cand))  # itself and its neighbours
        at, near, best = _nearest(sim, k, max(cfg.floor, 1e-12))
        best[np.isinf(best)] = cfg.self_weight
        return block[at], cand[near], best


def _nearest(sim: np.ndarray, k: int, floor: float):
    """The ``k`` largest values of each row of ``sim`` that are ``floor`` or more, as (row,
    column, value). A row with ``k`` such values or fewer keeps them all: only the rows with
    more are partitioned (which of equal values a partition keeps is its own choice, so it
    is asked the same question as always, for the rows where it matters)."""
    above = sim >= floor
    many = np.count_nonzero(above, axis=1) > k
    at, near = np.nonzero(above & ~many[:, None])
    rows = np.flatnonzero(many)
    top = np.argpartition(-sim[rows], k - 1, axis=1)[:, :k]
    keep = np.take_along_axis(above[rows], top, axis=1)
    at = np.concatenate([at, np.repeat(rows, k)[keep.ravel()]])
    near = np.concatenate([near, top[keep]])
    return at, near, sim[at, near]


def _join(
    pairs: tuple[np.ndarray, np.ndarray, np.ndarray],
    known: np.ndarray,
    n_fixed: int,
    rules: EventRules | None = None,
) -> np.ndarray:
    """A story key for each article from the joined ``pairs`` (a, b, similarity): connected
    groups. With ``n_fixed`` earlier stories (``known`` >= 0), their articles start joined,
    pairs are taken closest first, and a join that would put two earlier stories together is
    refused; a group holding an earlier story takes its number. So are the joins the event
    ``rules`` refuse. Pairs are taken one by one only inside the connected groups where a
    join could be refused (``_contested``); the others are their connected groups."""
    from scipy.sparse.csgraph import connected_components

    a, b, sim = pairs
    n = len(known)
    fixed = np.flatnonzero(known >= 0)
    # each earlier story's articles tied to its first one
    _stories, first = np.unique(known[fixed], return_index=True)
    tie = fixed[first][np.searchsorted(_stories, known[fixed])]
    graph = sparse.coo_matrix(
        (np.ones(len(a) + len(fixed)), (np.concatenate([a, tie]), np.concatenate([b, fixed]))),
        shape=(n, n),
    )
    n_comp, comp = connected_components(graph, directed=False)
    if not n_fixed and rules is None:
        return comp
    contested = _contested(comp, n_comp, known, rules)
    key = np.full(n_comp, -1, dtype=np.int64)  # the earlier story a group holds, or -1
    np.maximum.at(key, comp, known)
    free = key < 0  # else a group's first article stands for it
    key[free] = n_fixed + _first_of(comp, n_comp)[free]
    labels = key[comp]
    inside = np.flatnonzero(contested[comp])
    if len(inside):
        pick = np.flatnonzero(contested[comp[a]])
        order = pick[np.argsort(-sim[pick], kind="stable")]
        labels[inside] = _join_in_order(a[order], b[order], known, n_fixed, inside, rules)
    return labels


def _contested(
    comp: np.ndarray, n_comp: int, known: np.ndarray, rules: EventRules | None
) -> np.ndarray:
    """The groups where a join could be refused: two earlier stories, or a rule."""
    has = known >= 0
    stories = np.unique(comp[has] * (known.max() + 1) + known[has]) // max(1, known.max() + 1)
    out = np.bincount(stories, minlength=n_comp) >= 2
    return out | rules.contested(comp) if rules is not None else out


def _join_in_order(a, b, known, n_fixed, inside, rules) -> np.ndarray:
    """Story keys of the articles ``inside``: the pairs (``a``, ``b``) joined in their order,
    the earlier stories first, unless two earlier stories or the ``rules`` would meet."""
    ins = inside.tolist()
    root = dict(zip(ins, ins, strict=True))
    story = dict(zip(ins, known[inside].tolist(), strict=True))  # a root's earlier story

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
    for i in inside[known[inside] >= 0].tolist():
        j = first_of.setdefault(int(known[i]), i)
        x, y = find(j), find(i)
        if x != y:
            union(x, y)
    for p, q in zip(a.tolist(), b.tolist(), strict=True):
        x, y = find(p), find(q)
        if x == y or (story[x] >= 0 and story[y] >= 0):
            continue
        if rules is not None and not rules.allowed(x, y):
            continue
        union(x, y)
    roots = [find(i) for i in ins]
    return np.array([story[r] if story[r] >= 0 else n_fixed + r for r in roots], dtype=np.int64)


def group(
    articles: list[Article],
    cfg: StoryConfig | None = None,
    fixed: list[int | None] | None = None,
    bodies: Bodies | None = None,
) -> list[int]:
    """The story number of each article (0, 1, ...: in order of each story's first article).

    ``fixed``: a story number (0, 1, ...) for the articles that already belong to a story made
    earlier, None for the new ones. New articles join those stories or make new ones (numbered
    after the largest fixed one), the fixed articles keep their numbers, and two fixed stories
    are never joined. That is how a new batch is attached to the stories of a store without
    grouping the archive again.

    ``bodies``: the articles' bodies, when the articles themselves do not hold them
    (``Bodies``: a large batch's bodies as Arrow strings)."""
    cfg = cfg or StoryConfig()
    if not articles:
        return []
    fixed = fixed or [None] * len(articles)
    known = np.array([-1 if f is None else f for f in fixed], dtype=np.int64)
    n_fixed = int(known.max()) + 1 if (known >= 0).any() else 0
    if cfg.events or cfg.name_weight != 1.0:
        docs, found = words_and_names(articles, cfg, bodies)
    else:
        docs, found = documents(articles, cfg, bodies=bodies), frozenset()
    give_back()  # the words found as Arrow arrays: the matrices below are NumPy's
    hours = np.array([_hours(a.published) for a in articles])
    if len(docs.ids):
        profile = _profiles(vectors(docs, cfg, found, np.float32), hours, cfg)
        shared = sparse.triu(profile @ profile.T, k=1).tocoo()
        keep = shared.data >= cfg.threshold
        pairs = (shared.row[keep], shared.col[keep], shared.data[keep])
    else:  # no content word anywhere (numbers, symbols): every article alone
        pairs = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0))
    if cfg.events and len(pairs[0]):
        rules = EventRules(articles, docs, found, hours, cfg)
        labels = _join(pairs, known, n_fixed, rules)
        labels = attach_named(labels, rules, hours, known, cfg)
        labels = split_topics(labels, pairs, rules, hours, known, cfg)
    else:
        labels = _join(pairs, known, n_fixed)
    # number stories in order of their first article (undated last); fixed stories keep theirs
    undated, when = np.isnan(hours).tolist(), np.nan_to_num(hours).tolist()  # Python values,
    keys = list(zip(undated, when, [a.id for a in articles], strict=True))  # not NumPy scalars
    order = sorted(np.flatnonzero(known < 0).tolist(), key=keys.__getitem__)
    first = {k: k for k in range(n_fixed)}
    keyed = labels.tolist()
    for i in order:
        first.setdefault(keyed[i], len(first))
    return [first[v] for v in keyed]
