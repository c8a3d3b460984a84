"""The content model: which units of a page are its article, learned from gold text.

Two boosted-tree stages per kind of page (HTML, text; and HTML that prints its paragraphs
outside <p>, ``ContentModel.html_no_p``). The first scores each unit from its own
measures and its neighbours' (``extract.features``); the second scores it again from those and the
first stage's scores around it, so that a short subheading between paragraphs stays and a
prose-like teaser list after the article goes. The trees are trained by
``benchmarks/train_content_model.py`` from the gold pages in ../shared and shipped as one small
``.npz`` file; this module only reads that file and walks the trees with NumPy. It does not
clean the text it selects (that is ``saring.clean``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from saring.extract.features import box_sums, window_means
from saring.extract.units import LEVELS

MODEL_FILE = Path(__file__).with_name("data") / "content-model-v1.npz"
# The second stage's extra columns: the first stage's score at these offsets, and its mean over
# the units before and after.
SCORE_OFFSETS = (-3, -2, -1, 0, 1, 2, 3)
SCORE_WINDOWS = (5, 15)
SCORE_BOXES = LEVELS[:3]  # HTML: the mean score under the block elements this far above


def stage2_names(html: bool) -> tuple[str, ...]:
    wins = tuple(f"score_{side}_{w}" for w in SCORE_WINDOWS for side in ("before", "after"))
    in_boxes = tuple(f"score_box{k}" for k in SCORE_BOXES) if html else ()
    return (
        *(f"score@{o:+d}" for o in SCORE_OFFSETS),
        *wins,
        "score_rank",
        "score_of_max",
        *in_boxes,
    )


def stage2_columns(p1: np.ndarray, boxes: np.ndarray | None = None, chars=None) -> np.ndarray:
    """The columns ``stage2_names`` from first-stage probabilities (-1 past the page's ends);
    with ``boxes`` (HTML), also the first-stage score under each block above a unit, weighted
    by the units' ``chars``."""
    n = len(p1)
    cols = []
    for o in SCORE_OFFSETS:
        s = np.full(n, -1.0)
        if o >= 0:
            s[: max(n - o, 0)] = p1[o:]
        else:
            s[-o:] = p1[:o]
        cols.append(s)
    for w in SCORE_WINDOWS:
        cols.extend(window_means(p1, w))
    order = np.argsort(-p1, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n) / max(n - 1, 1)
    cols.append(rank)
    cols.append(p1 / max(p1.max(), 1e-6) if n else p1)
    if boxes is not None:
        b = boxes[:, : len(SCORE_BOXES)]
        cols.extend((box_sums(p1 * chars, b) / np.maximum(box_sums(chars, b), 1.0)).T)
    return np.column_stack(cols) if n else np.zeros((0, len(stage2_names(boxes is not None))))


@dataclass(frozen=True)
class Trees:
    """A boosted tree ensemble as flat arrays. A leaf points to itself with an infinite
    threshold, so every row takes ``depth`` steps; the raw score is ``baseline`` plus the
    leaves' values."""

    feature: np.ndarray  # int32, per node
    threshold: np.ndarray  # float64, per node: go left when x <= threshold
    left: np.ndarray  # int32, per node (global node numbers)
    right: np.ndarray
    value: np.ndarray  # float64, per node (leaves only matter)
    roots: np.ndarray  # int32, per tree
    depth: int
    baseline: float

    def raw(self, X: np.ndarray) -> np.ndarray:
        n, f = X.shape
        if n == 0:
            return np.zeros(0)
        flat = np.ascontiguousarray(X, dtype=np.float64).ravel()
        base = (np.arange(n, dtype=np.int64) * f)[:, None]
        children = self._children()
        idx = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        for _ in range(self.depth):
            right = flat[base + self.feature[idx]] > self.threshold[idx]
            idx = children[2 * idx + right]
        return self.baseline + self.value[idx].sum(axis=1)

    def _children(self) -> np.ndarray:
        """Each node's left and right child side by side (``[2 * node + went_right]``)."""
        kids = self.__dict__.get("_kids")
        if kids is None:
            kids = np.column_stack([self.left, self.right]).ravel()
            object.__setattr__(self, "_kids", kids)
        return kids

    def proba(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(X)))

    @classmethod
    def from_sklearn(cls, clf) -> Trees:
        """The trees of a fitted binary ``HistGradientBoostingClassifier`` (numeric features,
        no missing values): node numbers made global, leaves pointing to themselves. Used by
        the training script; reading the model never needs scikit-learn."""
        parts = []
        offset = 0
        for (pred,) in clf._predictors:
            nodes = pred.nodes
            leaf = nodes["is_leaf"].astype(bool)
            own = np.arange(len(nodes))
            parts.append(
                (
                    np.where(leaf, 0, nodes["feature_idx"]),
                    np.where(leaf, np.inf, nodes["num_threshold"]),
                    offset + np.where(leaf, own, nodes["left"]),
                    offset + np.where(leaf, own, nodes["right"]),
                    np.where(leaf, nodes["value"], 0.0),
                    offset,
                    int(nodes["depth"].max()),
                )
            )
            offset += len(nodes)
        return cls(
            feature=np.concatenate([p[0] for p in parts]).astype(np.int32),
            threshold=np.concatenate([p[1] for p in parts]).astype(np.float64),
            left=np.concatenate([p[2] for p in parts]).astype(np.int32),
            right=np.concatenate([p[3] for p in parts]).astype(np.int32),
            value=np.concatenate([p[4] for p in parts]).astype(np.float64),
            roots=np.array([p[5] for p in parts], dtype=np.int32),
            depth=max(p[6] for p in parts),
            baseline=float(np.ravel(clf._baseline_prediction)[0]),
        )

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        return {
            f"{prefix}feature": self.feature,
            f"{prefix}threshold": self.threshold,
            f"{prefix}left": self.left,
            f"{prefix}right": self.right,
            f"{prefix}value": self.value,
            f"{prefix}roots": self.roots,
            f"{prefix}meta": np.array([self.depth, self.baseline]),
        }

    @classmethod
    def from_arrays(cls, z, prefix: str) -> Trees:
        depth, baseline = z[f"{prefix}meta"]
        return cls(
            feature=z[f"{prefix}feature"].astype(np.int64),
            threshold=z[f"{prefix}threshold"],
            left=z[f"{prefix}left"].astype(np.int64),
            right=z[f"{prefix}right"].astype(np.int64),
            value=z[f"{prefix}value"],
            roots=z[f"{prefix}roots"].astype(np.int64),
            depth=int(depth),
            baseline=float(baseline),
        )


@dataclass(frozen=True)
class PathModel:
    """The two stages for one kind of page, and the score from which a unit is content."""

    first: Trees
    second: Trees
    threshold: float = 0.5

    def scores(self, X: np.ndarray, boxes: np.ndarray | None = None, chars=None) -> np.ndarray:
        p1 = self.first.proba(X)
        return self.second.proba(np.hstack([X, stage2_columns(p1, boxes, chars)]))


# A page with less of its prose in <p> than this is read by ``ContentModel.html_no_p``.
P_SHARE = 0.5


@dataclass(frozen=True)
class ContentModel:
    html: PathModel
    text: PathModel
    names_html: tuple[str, ...]
    names_text: tuple[str, ...]
    version: str
    # HTML pages that print their paragraphs in other elements than <p> (<div><span> on
    # CSS-in-JS sites, text split by <br><br>): trained on the pages and on the pages with every
    # <p> renamed <div>. ``html`` leans on the tag; on the gold pages restyled so, it lost up to
    # whole articles (leave-site-out, ``bench_extract.py``'s restyled tables).
    html_no_p: PathModel | None = None

    def html_for(self, X: np.ndarray) -> PathModel:
        """The HTML model for a page measured as ``X`` (``features(..., html=True)``):
        ``html_no_p`` when less than P_SHARE of the page's prose is in <p> (a page with no
        prose at all says nothing about its markup: ``html``)."""
        if self.html_no_p is None or not len(X):
            return self.html
        names = self.names_html
        chars = np.expm1(X[:, names.index("log_chars")]) * X[:, names.index("prose")]
        in_p = chars[X[:, names.index("tag_p")] > 0].sum()
        if not chars.sum() or in_p >= P_SHARE * chars.sum():
            return self.html
        return self.html_no_p

    def _paths(self) -> list[tuple[str, PathModel]]:
        paths = [("html", self.html), ("text", self.text)]
        if self.html_no_p is not None:
            paths.append(("html_no_p", self.html_no_p))
        return paths

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {}
        for kind, pm in self._paths():
            arrays.update(pm.first.arrays(f"{kind}_1_"))
            arrays.update(pm.second.arrays(f"{kind}_2_"))
            arrays[f"{kind}_threshold"] = np.array([pm.threshold])
        arrays["names_html"] = np.array(self.names_html)
        arrays["names_text"] = np.array(self.names_text)
        arrays["version"] = np.array([self.version])
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> ContentModel:
        with np.load(path, allow_pickle=False) as z:
            kinds = {
                kind: PathModel(
                    Trees.from_arrays(z, f"{kind}_1_"),
                    Trees.from_arrays(z, f"{kind}_2_"),
                    float(z[f"{kind}_threshold"][0]),
                )
                for kind in ("html", "text", "html_no_p")
                if f"{kind}_threshold" in z
            }
            return cls(
                html=kinds["html"],
                text=kinds["text"],
                names_html=tuple(str(s) for s in z["names_html"]),
                names_text=tuple(str(s) for s in z["names_text"]),
                version=str(z["version"][0]),
                html_no_p=kinds.get("html_no_p"),
            )


def column_names(html: bool) -> tuple[str, ...]:
    """The columns a path's model reads: the units' measures, then the second stage's."""
    from saring.extract.features import feature_names

    return (*feature_names(html), *stage2_names(html))


@lru_cache(maxsize=1)
def default_model() -> ContentModel:
    """The bundled model, read once per process (per worker)."""
    model = ContentModel.load(MODEL_FILE)
    for html in (True, False):
        want = column_names(html)
        have = model.names_html if html else model.names_text
        if have != want:
            raise RuntimeError(
                f"{MODEL_FILE.name} was trained on other features than saring computes; "
                "rebuild it with benchmarks/train_content_model.py"
            )
    return model


BEFORE = "before_article"
AFTER = "after_article"
INSIDE = "boilerplate"  # a unit between article units that the model judged not to be article


@dataclass
class Selection:
    """Which units are the article, each unit's score, and why each other unit went."""

    keep: np.ndarray  # bool per unit
    scores: np.ndarray
    reasons: list[str | None]


def select(scores: np.ndarray, threshold: float) -> Selection:
    """The units scoring at least ``threshold``. When none does, the units scoring at least
    half the page's best score: a page whose article the model doubts (a one-paragraph post
    among menus) still gives its likeliest text rather than none. Units that go are named
    by where they stand: before the article, after it, or inside it."""
    keep = scores >= threshold
    if len(scores) and not keep.any():
        keep = scores >= 0.5 * scores.max()
    kept = np.flatnonzero(keep)
    first, last = (kept[0], kept[-1]) if len(kept) else (len(scores), -1)
    reasons: list[str | None] = []
    for i, k in enumerate(keep.tolist()):
        if k:
            reasons.append(None)
        else:
            reasons.append(BEFORE if i < first else AFTER if i > last else INSIDE)
    return Selection(keep, scores, reasons)
