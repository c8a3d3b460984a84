"""Changes to the text content model, tried leave-site-out and compared quickly.

    .venv/bin/python benchmarks/content_variants.py [--variant as-is|mass|stage3]
        [--params '{"min_samples_leaf": 100}'] [--page-threshold]

Each variant trains the five fold models again (``bench_extract``'s folds: no page is scored by
a model that saw its site; 10 to 25 minutes on one core) and scores every whole page of the
four flatteners by the units the model keeps, joined, against the gold: the cleaning after the
model is left out, so the figures sit 0.001 to 0.004 from ``bench_extract.py``'s, and a change
is judged against ``as-is`` from this script, not against that table.

- ``mass``: the second stage also reads where the article's mass lies (the share of scored
  characters before and after the unit, its run of high scores against the largest run).
- ``stage3``: a third stage on the second stage's out-of-fold scores around each unit.
- ``--params``: the boosted trees' settings changed (``content_training.PARAMS``).
- ``--page-threshold``: with ``bench_extract``'s cached fold models, the room a per-page
  threshold would give (the best of 0.2-0.8 per page, chosen with the gold) and what a small
  model that picks it from the page's scores, trained leave-site-out, gets of it.
The results of 2026-12-07 are in docs/benchmarks.md (issue 16, twelfth session); none was kept.
"""

from __future__ import annotations

import argparse
import json
import statistics
import warnings
from collections import defaultdict

import content_training as ct
import numpy as np
from bench_extract import f1_of, fold_models
from extract_gold import FOLDS, gold_pages

import saring.extract.content as content
from saring.evaluate import page_counts

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def mass_columns(p1: np.ndarray, boxes=None, chars=None) -> np.ndarray:
    """The second stage's columns, then: the share of the page's scored characters (score x
    characters) before the unit and after it; the mass of its run of units scoring 0.5 or more
    (gaps of up to 2 units bridged; a unit outside any run: the larger run beside it) against
    the largest run's; whether it is in the largest run."""
    base = STAGE2(p1, boxes, chars)
    n = len(p1)
    if n == 0:
        return np.zeros((0, base.shape[1] + 4))
    m = p1 * (np.ones(n) if chars is None else np.asarray(chars, float))
    total = max(m.sum(), 1e-9)
    upto = np.cumsum(m)
    run = np.full(n, -1)
    r, last = -1, -10
    for i in np.flatnonzero(p1 >= 0.5):
        r += i - last > 3
        run[i], last = r, i
    if r < 0:
        share_of_run, largest = np.zeros(n), np.zeros(n)
    else:
        inside = run >= 0
        mass = np.bincount(run[inside], weights=m[inside], minlength=r + 1)
        share = mass / mass.max()
        at = np.arange(n)
        prev = np.maximum.accumulate(np.where(inside, at, -1))
        nxt = np.minimum.accumulate(np.where(inside, at, n)[::-1])[::-1]
        left = np.where(prev >= 0, share[run[np.maximum(prev, 0)]], 0.0)
        right = np.where(nxt < n, share[run[np.minimum(nxt, n - 1)]], 0.0)
        share_of_run = np.where(inside, share[np.maximum(run, 0)], np.maximum(left, right))
        largest = inside & (share[np.maximum(run, 0)] == 1.0)
    return np.hstack(
        [base, np.column_stack([(upto - m) / total, (total - upto) / total, share_of_run, largest])]
    )


STAGE2 = content.stage2_columns


def _fit_rows(rows, X_of):
    return ct._fit(
        np.vstack([X_of[r.key] for r in rows]),
        np.concatenate([r.y for r in rows]),
        np.concatenate([r.weight for r in rows]),
    )


def fit_stage3(rows):
    """``fit_path``, and a third stage trained on second-stage scores made out of fold."""
    pm = ct.fit_path(rows)
    rows = [r for r in rows if len(r.y)]
    inner = sorted({r.fold for r in rows})
    p1 = {}
    for f in inner:
        m = ct._fit(*ct._stack([r for r in rows if r.fold != f]))
        p1.update({r.key: m.proba(r.X) for r in rows if r.fold == f})
    X2 = {r.key: np.hstack([r.X, content.stage2_columns(p1[r.key])]) for r in rows}
    p2 = {}
    for f in inner:
        m = _fit_rows([r for r in rows if r.fold != f], X2)
        p2.update({r.key: m.proba(X2[r.key]) for r in rows if r.fold == f})
    X3 = {r.key: np.hstack([r.X, content.stage2_columns(p2[r.key])]) for r in rows}
    return pm, _fit_rows(rows, X3)


def whole_pages(rows):
    return [r for r in rows if "|crop|" not in r.key and len(r.y)]


def kept_f1(r, scores, threshold, gold) -> float:
    keep = content.select(scores, threshold).keep
    text = "\n".join(u.text for u, k in zip(r.units, keep, strict=True) if k)
    return f1_of(page_counts(gold[r.key.split("|")[-1]], text))


def variant_scores(rows, variant: str) -> dict[str, float]:
    gold = {p.key: p.gold for p in gold_pages()}
    out = {}
    for f in range(FOLDS):
        train = ct.refold(rows, f)
        pm, third = fit_stage3(train) if variant == "stage3" else (ct.fit_path(train), None)
        for r in whole_pages(rows):
            if r.fold == f:
                s = pm.scores(r.X, None, r.chars)  # chars: the mass columns' weights
                if third is not None:
                    s = third.proba(np.hstack([r.X, content.stage2_columns(s)]))
                out[r.key] = kept_f1(r, s, pm.threshold, gold)
    return out


def _page_measures(s: np.ndarray, chars: np.ndarray) -> np.ndarray:
    total = chars.sum()
    cols = [np.log1p(len(s)), np.log1p(total)]
    for t in THRESHOLDS:
        cols += [(s >= t).mean(), (chars * (s >= t)).sum() / total]
    band = (s > 0.2) & (s < 0.8)
    quantiles = np.quantile(s, [0.5, 0.75, 0.9, 0.95])
    return np.array([*cols, *quantiles, band.mean(), (chars * band).sum() / total])


def page_threshold(rows) -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor

    models, gold = fold_models(), {p.key: p.gold for p in gold_pages()}
    pages = []
    for r in whole_pages(rows):
        s = models[r.fold].text.scores(r.X)
        fs = np.array([kept_f1(r, s, t, gold) for t in THRESHOLDS])
        pages.append((r.fold, _page_measures(s, r.chars), fs))
    at = THRESHOLDS.index(0.5)
    chosen = []
    for f in range(FOLDS):
        train = [p for p in pages if p[0] != f]
        X = np.array([np.r_[m, t] for _, m, _ in train for t in THRESHOLDS])
        y = np.array([fs[i] - fs[at] for _, _, fs in train for i in range(len(THRESHOLDS))])
        params = {"max_iter": 100, "max_depth": 3, "min_samples_leaf": 40, "random_state": 0}
        reg = HistGradientBoostingRegressor(**params).fit(X, y)
        for fold, m, fs in pages:
            if fold == f:
                gain = reg.predict(np.array([np.r_[m, t] for t in THRESHOLDS]))
                chosen.append(fs[int(np.argmax(gain))] if gain.max() > 0.01 else fs[at])
    print(f"threshold 0.5: {np.mean([fs[at] for _, _, fs in pages]):.4f}")
    print(f"per page, chosen with the gold: {np.mean([fs.max() for _, _, fs in pages]):.4f}")
    print(f"per page, chosen by the page model (leave-site-out): {np.mean(chosen):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variant", choices=["as-is", "mass", "stage3"], default="as-is")
    ap.add_argument("--params", type=json.loads, default={})
    ap.add_argument("--page-threshold", action="store_true")
    a = ap.parse_args()
    warnings.simplefilter("ignore")
    np.seterr(all="ignore")
    rows = ct.text_training_rows(gold_pages())
    if a.page_threshold:
        page_threshold(rows)
        return
    ct.PARAMS.update(a.params)
    if a.variant == "mass":  # both the training and the models' scoring read the new columns
        content.stage2_columns = ct.stage2_columns = mass_columns
    out = variant_scores(rows, a.variant)
    cells = defaultdict(list)
    for key, v in out.items():
        flattener, page = key.split("|")
        cells[(flattener, page.split("/")[0])].append(v)
    for (flattener, corpus), vs in sorted(cells.items()):
        print(f"{flattener} {corpus}: {statistics.mean(vs):.4f} ({len(vs)} pages)")
    print(f"mean of the cells: {statistics.mean(statistics.mean(v) for v in cells.values()):.4f}")


if __name__ == "__main__":
    main()
