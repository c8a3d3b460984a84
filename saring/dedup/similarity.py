"""True Jaccard similarity of two texts' word n-gram sets: the quantity MinHash estimates.

Texts are in ``normalize``'s normal form (words joined by single spaces). The shingles are those
Daft's ``minhash`` hashes: every run of ``n`` consecutive words, or the whole text when it has
fewer than ``n`` words. Used to verify LSH candidate pairs and to score the dedup benchmark.
"""

from __future__ import annotations


def shingles(norm: str, n: int = 5) -> set[str]:
    if not norm:
        return set()
    words = norm.split(" ")
    if len(words) <= n:
        return {norm}
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def jaccard(a: str, b: str, n: int = 5) -> float:
    """|A ∩ B| / |A ∪ B| of the two normal forms' n-gram sets (0.0 when both are empty)."""
    sa, sb = shingles(a, n), shingles(b, n)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0
