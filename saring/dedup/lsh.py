"""MinHash LSH near-duplicate clustering: bands, candidate buckets, components, canonical choice.

Signatures come from Daft's native ``minhash``; band hashes and the bucket grouping are Daft
expressions, so they run in the engine on any number of partitions. Only the buckets that hold
more than one document come back to the driver, where scipy finds connected components. Does not
verify candidate pairs by their true Jaccard (LSH alone decides).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from scipy.integrate import quad
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components


def _false_positive(threshold: float, b: int, r: int) -> float:
    return quad(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)[0]


def _false_negative(threshold: float, b: int, r: int) -> float:
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


def band_expressions(sig, bands: int, rows: int) -> list:
    """One UInt64 Daft expression per band: a hash of that band's slice of the signature, seeded
    with the band number so equal slices in different bands do not share a bucket."""
    from daft.functions import hash as daft_hash
    from daft.functions import slice as daft_slice

    return [daft_hash(daft_slice(sig, b * rows, (b + 1) * rows), seed=b + 1) for b in range(bands)]


def cluster_buckets(buckets: Iterable[Sequence[str]]) -> dict[str, str]:
    """Connected components over documents that share a bucket.

    ``buckets`` holds, per LSH bucket with two or more members, the members' rank keys
    (``process.rank_key``). Returns ``{rank: canonical rank}`` for every member of a component of
    two or more documents (the canonical maps to itself); the canonical is the smallest rank.
    """
    groups = [list(b) for b in buckets if len(b) > 1]
    if not groups:
        return {}
    flat = np.array([k for g in groups for k in g], dtype=object)
    nodes, inverse = np.unique(flat, return_inverse=True)  # sorted: node 0 has the smallest rank
    sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
    starts = np.repeat(np.cumsum(sizes) - sizes, sizes)
    # A star per bucket: every member linked to the bucket's first member.
    rows, cols = inverse[starts], inverse
    graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(len(nodes),) * 2)
    n, labels = connected_components(graph, directed=False)
    # Nodes are sorted by rank, so a component's smallest node index is its canonical document.
    first = np.full(n, len(nodes), dtype=np.int64)
    np.minimum.at(first, labels, np.arange(len(nodes)))
    member = np.bincount(labels, minlength=n)[labels] > 1
    return dict(zip(nodes[member].tolist(), nodes[first[labels[member]]].tolist(), strict=True))
