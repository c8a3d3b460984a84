"""The bundled background of story grouping: how many IndoSum dev articles hold each content
word (``data/background_df.tsv.gz``, made by benchmarks/make_story_background.py). A module of
its own so that readers can take its words as a vocabulary without importing the grouping."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path


@cache
def background() -> tuple[int, dict[str, int]]:
    """Document frequencies of content words in a bundled news corpus (IndoSum's 3,463 dev
    articles, ``data/background_df.tsv.gz``): (number of articles, word -> articles holding it)."""
    path = Path(__file__).parent / "data" / "background_df.tsv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return int(rows[0][1]), {w: int(n) for w, n in rows[1:]}
