"""Near duplicates as a Daft plan: MinHash signatures and LSH bands, the buckets that hold several
documents, candidate pairs, their verification by true Jaccard, connected components.

Signatures, band hashes, the bucket group-by and the verification join run in Daft, on the local
runner or on Ray; only buckets with two or more members reach the driver, where ``lsh`` makes
pairs and components. It does not choose which documents take part (the caller passes kept,
non-exact-duplicate documents) and does not decide statuses (the pipeline does).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import daft
import numpy as np
import pyarrow as pa
from daft import DataType as DT
from daft import col
from daft.functions import slice as daft_slice

from saring.config import DedupConfig
from saring.dedup.lsh import band_expressions, bucket_pairs, components, optimal_bands
from saring.dedup.normalize import normalize
from saring.dedup.similarity import jaccard
from saring.engine import udf_class

# The weight of false positives in ``optimal_bands``. Without verification a false positive is a
# wrong verdict, so both errors weigh the same (datasketch's default: 9 x 13 for 0.8 and 128,
# which finds only 69% of pairs at Jaccard 0.85). With verification a false positive costs one
# comparison, so missed pairs weigh 19 times more: 16 x 8, which finds 99.4% at 0.85.
FP_WEIGHT = {False: 0.5, True: 0.05}


def bands_rows(cfg: DedupConfig) -> tuple[int, int]:
    """The configured bands and rows, or the optimal ones for the threshold (see FP_WEIGHT)."""
    if cfg.bands and cfg.rows:
        if cfg.bands * cfg.rows > cfg.num_perm:
            raise ValueError(
                f"bands x rows ({cfg.bands} x {cfg.rows}) exceeds num_perm ({cfg.num_perm})"
            )
        return cfg.bands, cfg.rows
    return optimal_bands(cfg.threshold, cfg.num_perm, FP_WEIGHT[cfg.verify])


def add_bands(df: daft.DataFrame, norm: daft.Expression, cfg: DedupConfig) -> daft.DataFrame:
    """Add ``bands``: one UInt64 bucket hash per band of the MinHash signature of ``norm``."""
    b, r = bands_rows(cfg)
    # fill_null: Daft 0.7.26's list slice fails ("Need at least 1 series to perform concat")
    # on a batch whose signatures are all null, e.g. a batch of failed documents.
    sig = norm.fill_null("").minhash(num_hashes=cfg.num_perm, ngram_size=cfg.ngram, seed=cfg.seed)
    return df.with_column("bands", daft.functions.to_list(*band_expressions(sig, b, r)))


def buckets(df: daft.DataFrame, key: str, bands: int | None = None) -> list[list[str]]:
    """The members (``key`` values) of every bucket that holds two or more documents.

    With ``bands`` (how many ``bands`` hold), the bands are grouped ``BANDS_AT_ONCE`` at a time:
    every band exploded at once made one group-by of 16 rows a document (1,000,000 documents:
    16 million keys and hashes). The buckets are the same: each band's hashes are seeded with
    its number, so no bucket spans two bands."""
    step = BANDS_AT_ONCE if bands else 1
    found = []
    for lo in range(0, bands or 1, step):
        band = daft_slice(col("bands"), lo, lo + step) if bands else col("bands")
        found.append(
            df.select(key, band.alias("bands"))
            .explode("bands")
            .groupby("bands")
            .agg(col(key).list_agg().alias("members"), col(key).count().alias("n"))
            .where(col("n") > 1)
            .select("members")
            .to_arrow()
        )
    return [m for t in found if t.num_rows for m in t.column("members").to_pylist()]


BANDS_AT_ONCE = 4


class _Normalizer:
    @daft.method.batch(return_dtype=DT.string())
    def __call__(self, text: daft.Series) -> pa.Array:
        return pa.array(
            [None if t is None else normalize(t) for t in text.to_pylist()], pa.string()
        )


def normalized(text: daft.Expression, workers: int = 1) -> daft.Expression:
    """``normalize`` as a Daft expression, for texts that do not come with their normal form;
    with ``workers`` > 1 it runs in that many processes (it is pure Python, bound by the GIL)."""
    return udf_class(_Normalizer, workers)()(text)


@daft.func(return_dtype=DT.float64())
def _pair_jaccard(a: str, b: str, n: int) -> float:
    return jaccard(normalize(a), normalize(b), n)


def pair_similarity(
    df: daft.DataFrame, key: str, text: str, keys: np.ndarray, a: np.ndarray, b: np.ndarray, n: int
) -> np.ndarray:
    """True Jaccard of each pair ``(keys[a[i]], keys[b[i]])``, computed in Daft: the pairs are
    joined to both documents' texts, which are normalised again (so raw text works too)."""
    if not len(a):
        return np.zeros(0)
    pairs = daft.from_arrow(
        pa.table(
            {
                "pair": np.arange(len(a)),
                "ka": pa.array(keys[a].tolist(), pa.string()),
                "kb": pa.array(keys[b].tolist(), pa.string()),
            }
        )
    )
    texts = df.select(col(key).alias("k"), col(text).alias("t"))
    joined = (
        pairs.join(texts, left_on="ka", right_on="k")
        .with_column_renamed("t", "ta")
        .join(texts, left_on="kb", right_on="k")
        .with_column_renamed("t", "tb")
        .select("pair", _pair_jaccard(col("ta"), col("tb"), n).alias("j"))
        .to_arrow()
    )
    out = np.full(len(a), np.nan)
    out[joined.column("pair").to_numpy()] = joined.column("j").to_numpy()
    return out


def cluster_summary(sizes: dict[str, int]) -> dict:
    """stats.json's ``dedup.clusters``, from the size of each duplicate cluster."""
    hist = Counter(sizes.values())
    return {
        "clusters": len(sizes),
        "documents_in_clusters": sum(sizes.values()),
        "largest_cluster": max(sizes.values(), default=0),
        "cluster_size_histogram": {str(k): hist[k] for k in sorted(hist)},
    }


@dataclass
class NearDuplicates:
    """``canonical`` maps every member of a cluster of two or more documents to its cluster's
    canonical key (the smallest key; the canonical maps to itself). ``info`` goes to stats."""

    canonical: dict[str, str]
    info: dict = field(default_factory=dict)


def near_duplicates(
    df: daft.DataFrame, cfg: DedupConfig, key: str = "rank", text: str = "text"
) -> NearDuplicates:
    """Cluster the documents of ``df`` (columns ``key``, ``bands`` and, to verify, ``text``).

    ``key`` must be unique and sort in the canonical order: the smallest key of a cluster is its
    canonical document. With ``cfg.verify``, a candidate pair joins two documents only when the
    true Jaccard of their n-gram sets reaches ``cfg.threshold``; without it, sharing a bucket is
    enough. The same documents give the same clusters on any partitioning: buckets are hashes of
    the texts alone, pairs and components are computed over keys in sorted order.
    """
    members = buckets(df, key, bands_rows(cfg)[0])
    keys, a, b = bucket_pairs(members, cfg.window)
    info: dict = {
        "buckets_with_several_documents": len(members),
        "candidate_pairs": len(a),
        "verified": cfg.verify,
    }
    if cfg.verify and len(a):
        sim = pair_similarity(df, key, text, keys, a, b, cfg.ngram)
        ok = sim >= cfg.threshold
        info["pairs_verified"] = int(ok.sum())
        info["pairs_rejected"] = int((~ok).sum())
        hist, _ = np.histogram(sim[~ok], bins=10, range=(0.0, 1.0))
        info["rejected_jaccard_histogram"] = {
            f"{i / 10:.1f}-{(i + 1) / 10:.1f}": int(c) for i, c in enumerate(hist) if c
        }
        a, b = a[ok], b[ok]
    canon = components(len(keys), a, b)
    size = np.bincount(canon, minlength=len(keys))[canon]
    member = size > 1
    mapping = dict(zip(keys[member].tolist(), keys[canon[member]].tolist(), strict=True))
    return NearDuplicates(mapping, info)
