"""MinHash LSH parameters and the graph steps of near-duplicate clustering, in NumPy and scipy.

``optimal_bands`` chooses bands and rows for a threshold; ``bucket_pairs`` turns the LSH buckets
that hold several documents into candidate pairs; ``components`` joins (verified) pairs into
clusters and names each cluster's canonical document. The Daft plan around them is in ``near``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def _false_positive(threshold: float, b: int, r: int) -> float:
    from scipy.integrate import quad  # here: importing it took 0.1 s of every worker's start

    return quad(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)[0]


def _false_negative(threshold: float, b: int, r: int) -> float:
    from scipy.integrate import quad

    return quad(lambda s: 1 - (1 - (1 - s**r) ** b), threshold, 1.0)[0]


@lru_cache(maxsize=64)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5) -> tuple[int, int]:
    """Bands ``b`` and rows ``r`` (``b * r <= num_perm``) that minimise the weighted area of
    false positives below ``threshold`` and false negatives above it, the rule datasketch and
    text-dedup use. For 0.8 and 128 permutations this gives 9 bands of 13 rows."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
    best, best_err = (1, num_perm), float("inf")
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            err = fp_weight * _false_positive(threshold, b, r) + (1 - fp_weight) * _false_negative(
                threshold, b, r
            )
            if err < best_err:
                best, best_err = (b, r), err
    return best


def collision_probability(similarity: float, bands: int, rows: int) -> float:
    """The chance that two documents of this Jaccard similarity share at least one bucket."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def band_expressions(sig, bands: int, rows: int) -> list:
    """One UInt64 Daft expression per band: a hash of that band's slice of the signature, seeded
    with the band number so equal slices in different bands do not share a bucket."""
    from daft.functions import hash as daft_hash
    from daft.functions import slice as daft_slice

    return [daft_hash(daft_slice(sig, b * rows, (b + 1) * rows), seed=b + 1) for b in range(bands)]


def bucket_pairs(
    buckets: Sequence[Sequence[str]], window: int = 32
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs from LSH buckets, each pair once however many buckets it shares.

    ``buckets`` holds each bucket's members as sortable keys (the pipeline's rank keys). Within a
    bucket, members are put in key order and each is paired with the next ``window`` members:
    every pair in a bucket of up to ``window + 1`` documents, and at most ``window`` pairs per
    document in a larger one (a template or a wire story printed hundreds of times), which still
    chains the whole bucket together. Returns ``nodes`` (the distinct keys, sorted) and index
    arrays ``a < b`` into it.
    """
    groups = [b for b in buckets if len(b) > 1]
    if not groups:
        empty = np.zeros(0, dtype=np.int64)
        return np.array([], dtype=object), empty, empty
    flat = np.array([k for g in groups for k in g], dtype=object)
    nodes, index = np.unique(flat, return_inverse=True)
    sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
    bucket = np.repeat(np.arange(len(groups)), sizes)
    order = np.lexsort((index, bucket))
    index, bucket = index[order], bucket[order]
    found = []
    for d in range(1, min(window, int(sizes.max()) - 1) + 1):
        same = bucket[:-d] == bucket[d:]
        found.append(index[:-d][same] * len(nodes) + index[d:][same])
    codes = np.unique(np.concatenate(found))
    return nodes, codes // len(nodes), codes % len(nodes)


def components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For nodes ``0..n-1`` linked by the pairs ``(a[i], b[i])``: each node's canonical node,
    the smallest node of its connected component (nodes are numbered in rank order, so that is
    the component's first-ranked document). A node with no link is its own canonical."""
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    count, labels = connected_components(graph, directed=False)
    first = np.full(count, n, dtype=np.int64)
    np.minimum.at(first, labels, np.arange(n))
    return first[labels]
