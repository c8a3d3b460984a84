"""Training the content model (``saring/extract/content.py``) from pages with gold text.

A unit is labelled content when it is in the gold text: most of its word 4-grams are (units of
four words or more), or its words appear there in a row and it stands between the first and the
last such unit (shorter ones: a subheading, not a menu word that the article happens to use).
Units weigh by their number of words, as the score counts words, and each page weighs the same,
as the score is a mean over pages (leave-site-out F1 +0.002 on both sets against words alone).
A second HTML model, for pages that print their paragraphs outside <p>, also trains on each
page with its <p> renamed <div>. The second stage learns from first-stage scores made by models
that did not see the unit's site (inner folds by site), so that it learns how reliable those
scores are on an unseen site.

Used by ``train_content_model.py`` (the bundled model, all pages) and ``bench_extract.py`` (one
model per fold, each scored on the sites it did not see).
"""

from __future__ import annotations

import re
import warnings
import zlib
from dataclasses import dataclass, replace

import numpy as np
from extract_gold import FLATTENERS, FOLDS, GoldPage, flattened, p_as_div

from saring.clean.repeats import flattened_copies, fold, repeated_lines
from saring.extract.content import PathModel, Trees, stage2_columns
from saring.extract.features import PageContext, boxes, features
from saring.extract.units import Unit, html_units, text_units

_TOKEN = re.compile(r"\w+")
SHORT = 4  # units of fewer words are labelled by their words in a row
PAGE_WEIGHT = 600.0  # the sum of a page's unit weights (about a page's words: leaf sizes as before)
# The boosted trees' settings (sklearn's HistGradientBoostingClassifier); early stopping off and
# no subsampling, so the same data give the same trees.
PARAMS = {
    "max_iter": 150,
    "learning_rate": 0.1,
    "max_depth": 6,
    "max_leaf_nodes": 31,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}


def unit_labels(texts: list[str], gold: str) -> np.ndarray:
    toks = [_TOKEN.findall(t.lower()) for t in texts]
    g = _TOKEN.findall(gold.lower())
    shingles = {tuple(g[i : i + 4]) for i in range(len(g) - 3)}
    joined = f" {' '.join(g)} "
    labels = np.zeros(len(texts), dtype=bool)
    long_hits = []
    for i, t in enumerate(toks):
        if len(t) >= SHORT:
            grams = [tuple(t[j : j + 4]) for j in range(len(t) - 3)]
            if sum(s in shingles for s in grams) >= 0.5 * len(grams):
                labels[i] = True
                long_hits.append(i)
    if not long_hits:
        return labels
    first, last = long_hits[0], long_hits[-1]
    for i in range(first, last + 1):
        t = toks[i]
        if t and len(t) < SHORT and f" {' '.join(t)} " in joined:
            labels[i] = True
    return labels


@dataclass
class PageRows:
    key: str
    site: str
    fold: int
    units: list[Unit]
    X: np.ndarray
    y: np.ndarray
    weight: np.ndarray
    boxes: np.ndarray | None  # HTML: features.boxes
    chars: np.ndarray


def html_rows(page: GoldPage) -> PageRows:
    from trafilatura.utils import load_html

    from saring.extract.meta import page_metadata

    tree = load_html(page.html)
    units = html_units(tree) if tree is not None else []
    title = page_metadata(tree, page.url).title if tree is not None else None
    return _rows(page, units, PageContext(title=title), html=True)


def restyled_rows(pages, rows: list[PageRows]) -> list[PageRows]:
    """The training pages of ``ContentModel.html_no_p``: ``rows`` (``html_rows`` of ``pages``)
    and every page again with its <p> renamed <div> (``p_as_div``), so that the model learns
    the article from more than the tag."""
    out = list(rows)
    for p in pages:
        r = html_rows(replace(p, html=p_as_div(p.html)))
        r.key = f"p-as-div|{r.key}"
        out.append(r)
    return out


def text_rows(page: GoldPage, flattener: str, crop: bool = False) -> PageRows:
    """The page flattened, its paragraphs printed twice left out as the text path leaves them
    out before the model looks. ``crop``: only the article and a few lines on either side (0,
    1, 3 or 8, chosen by a hash of the page), as a crawl that extracted the article roughly
    leaves it: the article then opens the text, which a whole page never does."""
    units = text_units(flattened(flattener)[page.key])
    keys = [fold(u.text) for u in units]
    copies = repeated_lines(keys) | flattened_copies(keys)
    units = [u for i, u in enumerate(units) if i not in copies]
    if crop:
        y = np.flatnonzero(unit_labels([u.text for u in units], page.gold))
        if len(y):
            h = zlib.crc32(f"{flattener}|{page.key}".encode())
            before, after = (0, 1, 3, 8)[h % 4], (0, 1, 3, 8)[(h >> 4) % 4]
            units = units[max(0, y[0] - before) : y[-1] + 1 + after]
    return _rows(page, units, PageContext(), html=False)


def text_training_rows(pages) -> list[PageRows]:
    """The text model's training pages: every page flattened by every flattener, whole and
    cropped around its article."""
    rows = []
    for name in FLATTENERS:
        for p in pages:
            for crop in (False, True):
                r = text_rows(p, name, crop)
                r.key = f"{name}|{'crop|' * crop}{r.key}"
                rows.append(r)
    return rows


def _rows(page: GoldPage, units: list[Unit], ctx: PageContext, *, html: bool) -> PageRows:
    X = features(units, ctx, html=html)
    texts = [u.text for u in units]
    y = unit_labels(texts, page.gold)
    # a unit weighs its words, and every page the same in all (the score is a mean over pages)
    w = np.array([len(_TOKEN.findall(t)) + 1.0 for t in texts])
    w *= PAGE_WEIGHT / max(w.sum(), 1.0)
    chars = np.array([len(t) for t in texts], dtype=np.float64)
    return PageRows(
        page.key, page.site, page.fold, units, X, y, w, boxes(units) if html else None, chars
    )


def _fit(X: np.ndarray, y: np.ndarray, w: np.ndarray) -> Trees:
    from sklearn.ensemble import HistGradientBoostingClassifier

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clf = HistGradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=w)
    return Trees.from_sklearn(clf)


def _stack(rows: list[PageRows]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.vstack([r.X for r in rows]),
        np.concatenate([r.y for r in rows]),
        np.concatenate([r.weight for r in rows]),
    )


def fit_path(rows: list[PageRows], threshold: float = 0.5) -> PathModel:
    """Both stages on ``rows``; the second learns from first-stage scores made out of fold (the
    pages' sites split into folds again)."""
    rows = [r for r in rows if len(r.y)]
    X, y, w = _stack(rows)
    first = _fit(X, y, w)
    inner = sorted({r.fold for r in rows})
    scores: dict[str, np.ndarray] = {}
    for f in inner:
        train = [r for r in rows if r.fold != f]
        model = _fit(*_stack(train))
        for r in rows:
            if r.fold == f:
                scores[r.key] = model.proba(r.X)
    X2 = np.vstack(
        [np.hstack([r.X, stage2_columns(scores[r.key], r.boxes, r.chars)]) for r in rows]
    )
    second = _fit(X2, y, w)
    return PathModel(first, second, threshold)


def refold(rows: list[PageRows], held_out: int) -> list[PageRows]:
    """The rows of the other folds, their sites split again into FOLDS - 1 inner folds."""
    out = []
    for r in rows:
        if r.fold == held_out:
            continue
        inner = zlib.crc32(f"inner:{r.site}".encode()) % (FOLDS - 1)
        out.append(PageRows(r.key, r.site, inner, r.units, r.X, r.y, r.weight, r.boxes, r.chars))
    return out
