"""Extractive summaries: a few sentences drawn from all the articles of a story.

Sentences (``sentences``) are scored by their TF-IDF cosine with the story's centroid plus a
bonus for coming early in their article (news puts the event first); they are taken best
first, skipping any sentence too close to one already taken (so no fact is said twice), and
given back in story order (earliest article first, then place in the article), each with the id
of its article. Does not write new text. Our own because the summarisers in Python libraries
(sumy, gensim's old one) bring English tokenisers and no sentence sources.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np

from saring.clean.datelines import DATELINES, strip_dateline  # noqa: F401 (DATELINES: the table, re-exported)
from saring.clean.rules import function_words
from saring.stories.group import tokens
from saring.stories.sentences import sentences
from saring.stories.settings import SummaryConfig

_ENDS = re.compile(r"[.!?…][\"'”’)]*$")
# An outlet's name still opening a sentence once its dateline is cut: the place glued to a
# word in lower case ("Liputan6.com, Jakartasensual ..."), where no rule can tell where the
# place ends. Such a sentence is not used in a summary.
_OUTLET_LEFT = re.compile(r"^(?:Liputan6\.com|TEMPO\.CO|KOMPAS\.?\s?com|REPUBLIKA\.CO\.ID)\b")


def _tfidf(words: list[list[str]]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors as dicts: sublinear tf, smoothed idf, as scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` computes them, without its per-call cost (a story's
    few sentences took 2 ms there, most of the stories phase)."""
    counts = [Counter(w) for w in words]
    df = Counter(t for c in counts for t in c)
    n = len(counts)
    idf = {t: math.log((1 + n) / (1 + d)) + 1 for t, d in df.items()}
    out = []
    for c in counts:
        v = {t: (1 + math.log(k)) * idf[t] for t, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({t: x / norm for t, x in v.items()})
    return out


@dataclass(frozen=True)
class Sentence:
    text: str
    source: str  # the id of the article it comes from
    rank: int  # the article's place in the story
    position: int  # the sentence's place among its article's usable sentences


def _usable(s: str, least: int, most: int) -> bool:
    """Whether ``s`` can stand in a summary: not an outlet's credit, ended as a sentence (a line
    with no final punctuation is a headline or a caption), of ``least`` to ``most`` words."""
    return not _OUTLET_LEFT.match(s) and bool(_ENDS.search(s)) and least <= len(s.split()) <= most


def _lead_cut(articles: list[tuple[str, str]], cfg: SummaryConfig) -> list[Sentence]:
    """A story none of whose sentences can be used (one glued sentence of 70 words: "...tarif
    resiprokal.“Tingkat ketidakpastian..."): its first article's first sentence, cut to
    ``max_words`` words, so that no story goes without a summary."""
    for rank, (doc_id, text) in enumerate(articles):
        for s in sentences(text or ""):
            s = strip_dateline(s)
            words = s.split()
            if _usable(s, cfg.min_words, math.inf):  # the main path's checks but the length's
                cut = " ".join(words[: cfg.max_words]) + (
                    " …" if len(words) > cfg.max_words else ""
                )
                return [Sentence(cut, doc_id, rank, 0)]
    return []


def summarize(articles: list[tuple[str, str]], cfg: SummaryConfig | None = None) -> list[Sentence]:
    """The summary of the articles ``(id, text)``, given in story order (earliest first)."""
    cfg = cfg or SummaryConfig()
    stop = function_words("id")
    pool: list[Sentence] = []
    words: list[list[str]] = []
    for rank, (doc_id, text) in enumerate(articles):
        pos = 0
        for s in sentences(text or ""):
            s = strip_dateline(s) if pos == 0 else s  # before its first usable sentence
            if not _usable(s, cfg.min_words, cfg.max_words):
                continue
            w = tokens(s, stop)
            if w:
                pool.append(Sentence(s, doc_id, rank, pos))
                words.append(w)
                pos += 1
    if not pool:
        return _lead_cut(articles, cfg)
    vecs = _tfidf(words)
    centroid: Counter = Counter()
    for v in vecs:
        centroid.update(v)
    norm = math.sqrt(sum(c * c for c in centroid.values())) or 1.0
    cosine = np.array([sum(x * centroid[t] for t, x in v.items()) / norm for v in vecs])
    score = cosine + cfg.lead_bonus / (1 + np.array([s.position for s in pool]))
    chosen: list[int] = []
    sets = [set(w) for w in words]
    for i in np.argsort(-score, kind="stable"):
        if any(len(sets[i] & sets[j]) / len(sets[i] | sets[j]) > cfg.max_overlap for j in chosen):
            continue
        chosen.append(int(i))
        if len(chosen) == cfg.sentences:
            break
    return sorted((pool[i] for i in chosen), key=lambda s: (s.rank, s.position))
