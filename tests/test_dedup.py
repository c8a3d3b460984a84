"""Normal form, true Jaccard, LSH parameters, candidate pairs, components, the Daft plan."""

import daft
import numpy as np
import pytest

from saring.config import DedupConfig
from saring.dedup import near as near_module
from saring.dedup.lsh import bucket_pairs, collision_probability, components, optimal_bands
from saring.dedup.near import add_bands, bands_rows, buckets, near_duplicates
from saring.dedup.normalize import normalize, text_hash
from saring.dedup.similarity import jaccard, shingles
from saring.process import rank_key, rerank


def test_normalize_folds_case_punctuation_width_and_space():
    assert normalize("Rusia  Tutup—Pintu!\n“Negosiasi” ＡＳ") == "rusia tutup pintu negosiasi as"
    assert normalize("Rp13.800/kg") == "rp13 800 kg"
    assert normalize("*** —— !!!") == ""
    # ASCII text takes a faster path: the same words as the general one
    assert normalize("Snake_case, A-B  c!\n(ANTARA) 10.5%") == "snake case a b c antara 10 5"
    assert normalize("Snake_case, A-B  c!\n(ANTARA) 10.5% — é") == "snake case a b c antara 10 5 é"


def test_text_hash_equal_only_for_equal_normal_forms():
    assert text_hash(normalize("Harga  beras NAIK.")) == text_hash(normalize("harga beras naik"))
    assert text_hash(normalize("harga beras naik")) != text_hash(normalize("harga beras turun"))


@pytest.mark.parametrize(
    ("threshold", "num_perm", "expected"),
    # The same choices datasketch's _optimal_param makes for these settings.
    [(0.8, 128, (9, 13)), (0.7, 256, (25, 10)), (0.5, 128, (25, 5))],
)
def test_optimal_bands(threshold, num_perm, expected):
    assert optimal_bands(threshold, num_perm) == expected


def test_optimal_bands_rejects_nonsense():
    with pytest.raises(ValueError):
        optimal_bands(1.5, 128)


def test_shingles_are_word_five_grams_or_the_whole_short_text():
    assert shingles("a b c d e f") == {"a b c d e", "b c d e f"}
    assert shingles("a b c") == {"a b c"}
    assert shingles("") == set()
    assert jaccard("a b c d e f", "a b c d e g") == pytest.approx(1 / 3)
    assert jaccard("a b c d e f", "a b c d e f") == 1.0


def test_daft_minhash_estimates_our_jaccard():
    """The shingles ``jaccard`` counts are the ones Daft's minhash hashes: with 1,024
    permutations the estimate is within a few hundredths of the true value."""
    rng = np.random.default_rng(3)
    vocab = np.array([f"kata{i}" for i in range(2000)])
    base = rng.choice(vocab, 300)
    pairs = []
    for k in (0, 10, 25, 50):
        edited = base.copy()
        edited[rng.choice(300, k, replace=False)] = "ganti"
        pairs.append((" ".join(base), " ".join(edited)))
    df = daft.from_pydict({"a": [p[0] for p in pairs], "b": [p[1] for p in pairs]})
    sig = {c: daft.col(c).minhash(num_hashes=1024, ngram_size=5, seed=1) for c in "ab"}
    got = df.select(sig["a"].alias("sa"), sig["b"].alias("sb")).to_pydict()
    for (a, b), sa, sb in zip(pairs, got["sa"], got["sb"], strict=True):
        estimate = np.mean(np.array(sa) == np.array(sb))
        assert abs(estimate - jaccard(a, b)) < 0.05


def test_default_bands_find_pairs_above_the_threshold_and_few_far_below():
    """With verification, bands are chosen so that almost every pair at Jaccard 0.85 shares a
    bucket (the issue asks for recall 0.97 there); without it, the balanced choice."""
    b, r = bands_rows(DedupConfig())
    assert (b, r) == (16, 8)
    assert collision_probability(0.85, b, r) > 0.99
    assert collision_probability(0.3, b, r) < 0.01
    assert bands_rows(DedupConfig(verify=False)) == (9, 13)
    assert bands_rows(DedupConfig(bands=4, rows=20)) == (4, 20)
    with pytest.raises(ValueError):
        bands_rows(DedupConfig(bands=20, rows=20))


def test_bucket_pairs_once_each_and_window_bounds_large_buckets():
    keys, a, b = bucket_pairs([["c", "b"], ["b", "c"], ["c", "d"], ["x"]])
    assert keys.tolist() == ["b", "c", "d"]
    assert sorted(zip(keys[a].tolist(), keys[b].tolist(), strict=True)) == [("b", "c"), ("c", "d")]
    big = [f"k{i:03d}" for i in range(100)]
    keys, a, b = bucket_pairs([big], window=3)
    assert len(a) == 99 + 98 + 97  # each member with the next three
    assert (a < b).all() and (b - a <= 3).all()
    assert len(bucket_pairs([big], window=200)[1]) == 100 * 99 // 2


def test_components_are_transitive_and_canonical_is_the_smallest_node():
    # 1-2, 2-3, 3-0 make one component; 4-5 another; 6 alone
    canon = components(7, np.array([1, 2, 0, 4]), np.array([2, 3, 3, 5]))
    assert canon.tolist() == [0, 0, 0, 0, 4, 4, 6]


def test_no_pairs_no_clusters():
    keys, a, b = bucket_pairs([])
    assert len(keys) == len(a) == len(b) == 0
    assert bucket_pairs([["only"]])[1].size == 0


def test_rank_puts_the_longest_text_first_then_the_earliest_date():
    from datetime import UTC, datetime

    early, late = datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 6, 2, tzinfo=UTC)
    assert rank_key(500, late, "2", "b") < rank_key(400, early, "1", "a")
    assert rank_key(400, early, "2", "b") < rank_key(400, late, "1", "a")
    assert rank_key(400, late, "1", "a") < rank_key(400, None, "0", "0")
    assert rerank(rank_key(400, late, "1", "a|b"), 10) == rank_key(10, late, "1", "a|b")


def _frame(texts: dict[str, str], cfg: DedupConfig | None = None) -> daft.DataFrame:
    df = daft.from_pydict({"rank": list(texts), "text": list(texts.values())})
    return add_bands(df, daft.col("text"), cfg or DedupConfig())


def test_near_duplicates_verifies_pairs_by_true_jaccard():
    """Two documents that share one long passage and differ elsewhere can share an LSH bucket
    (their signatures agree on a band by chance or by the shared part); verification keeps them
    apart when their true Jaccard is below the threshold. Forced here with 64 bands of one row,
    so that any real overlap makes a candidate pair (at J = 1/3: 1 - (2/3)^64)."""
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(5000)]
    base = " ".join(rng.choice(words, 200))
    copy = base.replace(base.split(" ")[100], "diganti", 1)  # one word changed: J about 0.95
    half = " ".join(base.split(" ")[:100] + list(rng.choice(words, 100)))  # J about 1/3
    texts = {"1|a": base, "2|b": copy, "3|c": half}
    loose = DedupConfig(bands=64, rows=1, num_perm=128)
    df = _frame(texts, loose)
    checked = near_duplicates(df, loose)
    assert checked.canonical == {"1|a": "1|a", "2|b": "1|a"}
    assert checked.info["pairs_rejected"] >= 1
    unchecked = near_duplicates(df, DedupConfig(bands=64, rows=1, verify=False))
    assert unchecked.canonical == {"1|a": "1|a", "2|b": "1|a", "3|c": "1|a"}


def test_near_duplicates_same_clusters_on_any_partitioning():
    rng = np.random.default_rng(1)
    words = [f"w{i}" for i in range(5000)]
    texts = {}
    for i in range(40):
        base = list(rng.choice(words, 150))
        texts[f"{i:03d}|a"] = " ".join(base)
        if i % 4 == 0:
            base[75] = "beda"
            texts[f"{i:03d}|b"] = " ".join(base)
    one = near_duplicates(_frame(texts), DedupConfig())
    # the same documents in the opposite order, in batches of three
    backwards = dict(reversed(texts.items()))
    many = near_duplicates(_frame(backwards).into_batches(3), DedupConfig())
    assert one.canonical == many.canonical
    assert len(one.canonical) == 20  # ten pairs
    assert all(v.endswith("|a") for v in one.canonical.values())


def test_buckets_grouped_a_few_bands_at_a_time_equal_every_band_at_once(monkeypatch):
    # near dedup groups the bands BANDS_AT_ONCE at a time (memory: every band exploded at once
    # was 16 rows a document in one group-by); the buckets are the same
    rng = np.random.default_rng(2)
    words = [f"w{i}" for i in range(3000)]
    texts = {}
    for i in range(60):
        base = list(rng.choice(words, 120))
        texts[f"{i:03d}|a"] = " ".join(base)
        for k in range(i % 3):  # copies with one, two words changed: they share some bands
            base[10 + 30 * k] = "beda"
            texts[f"{i:03d}|{k}"] = " ".join(base)
    cfg = DedupConfig()
    df = _frame(texts, cfg)
    whole = sorted(sorted(m) for m in buckets(df, "rank"))
    assert len(whole) > 60
    for bands_at_once in (1, 3, 4):  # 16 bands: 3 leaves a last group of one
        monkeypatch.setattr(near_module, "BANDS_AT_ONCE", bands_at_once)
        parts = sorted(sorted(m) for m in buckets(df, "rank", bands_rows(cfg)[0]))
        assert parts == whole
