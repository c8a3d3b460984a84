"""Stories of one run: story ids for the kept documents, and one row per story with its label,
keywords, sites, time span and summary (``STORIES_SCHEMA``).

Takes plain dicts of the kept (canonical) documents and returns plain values; the pipeline
joins the ids back and gives duplicates their canonical document's story. Holds no engine.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime

import pyarrow as pa

from saring.clean.rules import function_words
from saring.stories.group import Article, Bodies, StoryConfig, group, tokens
from saring.stories.sentences import sentences
from saring.stories.summary import Sentence, SummaryConfig, strip_dateline, summarize

STORIES_SCHEMA = pa.schema(
    [
        ("story_id", pa.string()),  # the id of the story's earliest article
        ("label", pa.string()),
        ("keywords", pa.list_(pa.string())),
        ("size", pa.int64()),  # kept articles; duplicates are not counted
        ("sites", pa.list_(pa.string())),
        ("first_published", pa.timestamp("us", tz="UTC")),
        ("last_published", pa.timestamp("us", tz="UTC")),
        ("summary", pa.list_(pa.string())),
        ("summary_sources", pa.list_(pa.string())),  # the article id of each summary sentence
    ]
)


def story_counts(stories: list[dict]) -> dict:
    """stats.json's story counts, from each story's ``size`` and ``sites``."""
    sizes = [s["size"] for s in stories]
    return {
        "stories": len(sizes),
        "with_several_documents": sum(1 for n in sizes if n > 1),
        "with_several_sites": sum(1 for s in stories if len(s.get("sites") or []) > 1),
        "largest": max(sizes, default=0),
    }


def _keywords(title_words: list[set[str]], order: list[str], n: int = 5) -> list[str]:
    """The content words found in the most titles of the story (first seen first on ties);
    ``order`` lists the words in the order they were first seen."""
    counts = Counter({w: sum(w in t for t in title_words) for w in order})
    return [w for w, c in counts.most_common(n) if c > 1 or len(title_words) == 1]


def _opening(text: str, limit: int = 160) -> str:
    """The first sentence of ``text`` without its dateline, cut at a word before ``limit``
    characters: what stands for the title of an article that has none."""
    first = next(iter(sentences(text)), "")
    first = strip_dateline(first).strip()
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + " …"


def label_and_keywords(
    ms: list[dict], stop: frozenset[str], text_of: Callable[[int], str] | None = None
) -> tuple[str, list[str]]:
    """A story's label and keywords from its members ``ms`` (earliest first). The label is the
    title holding the most keywords (the earliest on ties); an untitled article counts by its
    first sentence, which is the label only when no member has a title. The keywords are the
    words in the most titles, or the label's own words when no word is in two titles.
    ``text_of(k)``: member k's body, when the members do not hold it."""
    titles = [(d.get("title") or "").strip() for d in ms]
    if text_of is None:
        text_of = lambda k: ms[k].get("text") or ""  # noqa: E731
    heads = [t or _opening(text_of(k)) for k, t in enumerate(titles)]
    words = [tokens(h, stop) for h in heads]
    keys = _keywords([set(w) for w in words], list(dict.fromkeys(x for w in words for x in w)))
    titled = [i for i, t in enumerate(titles) if t] or list(range(len(ms)))
    best = max(titled, key=lambda i: sum(k in words[i] for k in keys))
    return heads[best], keys or list(dict.fromkeys(words[best]))[:5]


def _grouped(
    docs: list[dict], cfg: StoryConfig, prior: dict[str, str], bodies: Bodies | None
) -> tuple[list[int], dict[int, str]]:
    """``group``'s story number of each document, and the earlier story id of the numbers
    that stand for a store's stories (``prior``)."""
    arts = [
        Article(
            d["id"], d.get("title") or "", d.get("text") or "", d["published"], d.get("site") or ""
        )
        for d in docs
    ]
    number = {sid: k for k, sid in enumerate(dict.fromkeys(prior.values()))}
    fixed = [number[prior[d["id"]]] if d["id"] in prior else None for d in docs]
    labels = group(arts, cfg, fixed if prior else None, bodies)
    return labels, {k: sid for sid, k in number.items()}


def _story_row(ms: list[dict], sid: str, label: str, keys: list[str]) -> dict:
    """A row of ``stories.parquet`` but its summary, from the members ``ms`` (in order)."""
    dates = [d["published"] for d in ms if d["published"] is not None]
    return {
        "story_id": sid,
        "label": label,
        "keywords": keys,
        "size": len(ms),
        "sites": sorted({d["site"] for d in ms if d.get("site")}),
        "first_published": min(dates) if dates else None,
        "last_published": max(dates) if dates else None,
    }


class _StoryTexts(Sequence):
    """Each story's ``(id, text)`` pairs, for its summary, made when asked for: the bodies
    stay in ``body``'s keeping (``Bodies``) until a chunk of stories is summarised."""

    def __init__(self, stories: list[list[tuple[str, int]]], body: Callable[[int], str]):
        self.stories, self.body = stories, body

    def __len__(self) -> int:
        return len(self.stories)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        return [(doc_id, self.body(i)) for doc_id, i in self.stories[k]]


def build_stories(
    docs: list[dict],
    cfg: StoryConfig | None = None,
    summary: SummaryConfig | None = None,
    prior: dict[str, str] | None = None,
    summarize_all: Callable[[Sequence[list[tuple[str, str]]]], list[list[Sentence]]] | None = None,
    bodies: Bodies | None = None,
) -> tuple[dict[str, str], list[dict]]:
    """``docs``: the kept documents (``id``, ``title``, ``text``, ``published``, ``site``).
    Returns ``{document id: story_id}`` and the rows of ``stories.parquet``.

    ``prior``: {id: story_id} of the documents among ``docs`` that belong to stories made
    earlier (a store's open stories). They keep their stories, which keep their ids; only the
    stories that gain a new document get a row (rebuilt from all their members).

    ``summarize_all``: given each story's ``(id, text)`` pairs in story order, the summary of
    each (``summarize`` with ``summary``); the default is a loop here, and the pipeline passes
    one that runs on its engine. ``bodies``: the documents' texts in ``docs``' order, when
    ``docs`` do not hold them (``group.Bodies``: held as Arrow strings, made Python strings a
    few at a time)."""
    cfg = cfg or StoryConfig()
    prior = prior or {}

    def body(i: int) -> str:
        return bodies.body(i) if bodies is not None else docs[i].get("text") or ""

    labels, earlier = _grouped(docs, cfg, prior, bodies)
    members: dict[int, list[int]] = {}
    for i, g in enumerate(labels):
        members.setdefault(g, []).append(i)
    stop = function_words("id")
    story_of: dict[str, str] = {}
    rows = []
    members_text: list[list[tuple[str, int]]] = []  # each row's (id, place in docs) pairs
    far = datetime.max  # stands in for a missing date; only ever compared with itself
    for g in sorted(members):
        if all(docs[i]["id"] in prior for i in members[g]):
            continue  # an earlier story that gained nothing: its row stands
        order = sorted(
            members[g],
            key=lambda i: (
                docs[i]["published"] is None,
                docs[i]["published"] or far,
                docs[i]["id"],
            ),
        )
        ms = [docs[i] for i in order]
        sid = earlier.get(g, ms[0]["id"])
        for d in ms:
            story_of[d["id"]] = sid
        label, keys = label_and_keywords(ms, stop, lambda k, order=order: body(order[k]))
        members_text.append([(docs[i]["id"], i) for i in order])
        rows.append(_story_row(ms, sid, label, keys))
    texts = _StoryTexts(members_text, body)
    if summarize_all is None:
        summaries = [summarize(m, summary) for m in texts]
    else:
        summaries = summarize_all(texts)
    for row, sents in zip(rows, summaries, strict=True):
        row["summary"] = [s.text for s in sents]
        row["summary_sources"] = [s.source for s in sents]
    return story_of, rows
