"""Scores for extracted text against gold text, as the benchmarks we report on define them.

``shingle_scores`` is the article-extraction-benchmark's metric (scrapinghub): ``\\w+`` tokens,
4-gram shingle counts, per-page precision and recall normalised per page and averaged over pages,
F1 from the two averages. ``token_f1`` is a plain bag-of-tokens F1 for single texts (the seeds).
It reads no data set itself except the seed gold (``seed_gold``).
"""

from __future__ import annotations

import json
import re
import statistics
from collections import Counter
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)
SEED_GOLD = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "seeds_gold" / "gold.json"


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def _shingles(text: str | None, n: int = 4) -> Counter:
    t = tokens(text)
    return Counter(tuple(t[i : i + n]) for i in range(max(1, len(t) - n + 1)) if t[i : i + n])


def page_counts(gold: str | None, pred: str | None, n: int = 4) -> tuple[float, float, float]:
    """(tp, fp, fn) of shingles for one page, normalised to sum to 1 (as the benchmark does)."""
    a, b = _shingles(gold, n), _shingles(pred, n)
    tp = sum((a & b).values())
    fp = sum((b - a).values())
    fn = sum((a - b).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def shingle_scores(pages: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision, recall and F1 over pages of ``page_counts``, the benchmark's way."""

    def precision(tp, fp, fn):
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp, fp, fn):
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    p = statistics.mean(precision(*x) for x in pages if x[0] + x[1] > 0)
    r = statistics.mean(recall(*x) for x in pages if x[0] + x[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def token_f1(gold: str, pred: str) -> dict[str, float]:
    """Bag-of-tokens precision, recall and F1 of ``pred`` against ``gold`` (case kept)."""
    a, b = Counter(tokens(gold)), Counter(tokens(pred))
    tp = sum((a & b).values())
    p = tp / sum(b.values()) if b else 0.0
    r = tp / sum(a.values()) if a else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def seed_gold(seeds_dir: str | Path, spec: str | Path = SEED_GOLD) -> dict[str, str]:
    """Gold text per seed file, built from the seed files and the line choice in ``gold.json``
    (see benchmarks/data/seeds_gold/README.md)."""
    out = {}
    for name, choice in json.loads(Path(spec).read_text(encoding="utf-8")).items():
        lines = (Path(seeds_dir) / name).read_text(encoding="utf-8").split("\n")
        picked = [lines[i].strip() for i in choice["lines"]]
        cut = choice.get("cut_from_last")
        if cut:
            if not picked[-1].endswith(cut):
                raise ValueError(f"{name}: the last gold line does not end with {cut!r}")
            picked[-1] = picked[-1][: -len(cut)].rstrip()
        out[name] = "\n\n".join(picked)
    return out
