"""Normal form, LSH parameters and connected components."""

import pytest

from saring.dedup.lsh import cluster_buckets, optimal_bands
from saring.dedup.normalize import normalize, text_hash


def test_normalize_folds_case_punctuation_width_and_space():
    assert normalize("Rusia  Tutup—Pintu!\n“Negosiasi” ＡＳ") == "rusia tutup pintu negosiasi as"
    assert normalize("Rp13.800/kg") == "rp13 800 kg"
    assert normalize("*** —— !!!") == ""


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


def test_components_are_transitive_and_canonical_is_smallest_rank():
    mapping = cluster_buckets([["b", "c"], ["c", "d"], ["x", "y"], ["lonely"], ["d", "a"]])
    assert mapping == {"a": "a", "b": "a", "c": "a", "d": "a", "x": "x", "y": "x"}


def test_no_buckets_no_clusters():
    assert cluster_buckets([]) == {}
    assert cluster_buckets([["only"]]) == {}
