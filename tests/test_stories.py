"""Story grouping on the bundled examples: one event from two outlets together, others apart."""

import random

import pyarrow.parquet as pq
import pytest

from saring.pipeline import run
from saring.stories.group import Article, StoryConfig, group
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> list[Article]:
    out = tmp_path_factory.mktemp("stories") / "out"
    run([str(EXAMPLES)], out, log=lambda _m: None)
    rows = pq.read_table(out / "documents.parquet").to_pylist()
    return [
        Article(r["source"].split("examples/", 1)[1], r["title"] or "", r["text"], r["published"])
        for r in rows
        if r["status"] == "kept"
    ]


def partition(arts: list[Article], cfg: StoryConfig | None = None) -> set[frozenset[str]]:
    stories: dict[int, set[str]] = {}
    for a, s in zip(arts, group(arts, cfg), strict=True):
        stories.setdefault(s, set()).add(a.id)
    return {frozenset(v) for v in stories.values()}


def test_one_flood_from_two_outlets_is_one_story_and_other_events_stay_apart(articles):
    stories = partition(articles)
    flood = {
        "pages/kabarnusantara-bengawan-solo-meluap.html",
        "text/wartaharian-banjir-bojonegoro.txt",
    }
    assert frozenset(flood) in stories
    # every other story is one article: a football match, rice prices, a verdict, a festival ...
    assert all(len(s) == 1 for s in stories if s != frozenset(flood))
    assert len(stories) == len(articles) - 1


def test_same_stories_whatever_the_input_order(articles):
    shuffled = list(articles)
    random.Random(4).shuffle(shuffled)
    assert partition(shuffled) == partition(articles)


def test_undated_articles_are_grouped_without_a_time_penalty(articles):
    undated = [Article(a.id, a.title, a.text, None) for a in articles]
    assert partition(undated) == partition(articles)


def test_a_high_threshold_makes_every_article_its_own_story(articles):
    assert all(len(s) == 1 for s in partition(articles, StoryConfig(threshold=0.99, merge=0)))
