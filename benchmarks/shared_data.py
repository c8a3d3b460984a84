"""Where the benchmarks find ../shared, and how the shared Indonesian crawl's columns map.

Imported by the benchmark scripts (run as ``python benchmarks/NAME.py``, which puts this
folder on the import path); it reads data only when a function is called.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from saring.config import RunConfig

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEEDS = SHARED / "seeds"
AEB = DATA / "article-extraction-benchmark"
FUNDUS = DATA / "fundus-multilingual"
INDOSUM = DATA / "indosum-dev"
CRAWL = DATA / "indonews-crawl-2025-06"
CRAWL_DAYS = [
    "scrapping_news_2025-06-18.csv",
    "scrapping_news_2025-06-19.csv",
    "scrapping_news_2025-06-20.csv",
]
# The crawl's CSV columns, as ReaderOptions fields.
CRAWL_COLUMNS = {
    "text_col": "isi_berita",
    "title_col": "judul",
    "date_col": "tanggal_publikasi",
    "site_col": "sumber",
}


def crawl_config(cfg: RunConfig | None = None) -> RunConfig:
    """``cfg`` (default: the defaults) reading the crawl's columns."""
    cfg = cfg or RunConfig()
    return replace(cfg, reader=replace(cfg.reader, **CRAWL_COLUMNS))


def crawl_options() -> list[str]:
    """The same mapping as ``saring run`` options: ``--text-col isi_berita ...``."""
    return [x for k, v in CRAWL_COLUMNS.items() for x in (f"--{k.replace('_', '-')}", v)]


def indosum_dev() -> Iterator[dict]:
    """The distinct IndoSum dev articles (its JSON objects, tokenised), folds in order; an id met
    in an earlier fold is skipped."""
    seen: set[str] = set()
    for path in sorted(INDOSUM.glob("dev.0*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["id"] not in seen:
                seen.add(item["id"])
                yield item


def detokenize(paragraph: list[list[str]], closers: str = ".,:;!?)", openers: str = "(") -> str:
    """An IndoSum paragraph (sentences of tokens) as text: tokens joined by spaces, the space
    before each of ``closers`` and after each of ``openers`` taken out."""
    text = " ".join(" ".join(s) for s in paragraph)
    text = re.sub(f" ([{re.escape(closers)}])", r"\1", text)
    for o in openers:
        text = text.replace(f"{o} ", o)
    return text


def indosum_items(n: int = 1000) -> list[dict]:
    """The first ``n`` distinct IndoSum dev articles: ``text`` (paragraphs on lines, punctuation
    rejoined) and ``summary`` (the reference summary's tokens)."""
    out: list[dict] = []
    for item in itertools.islice(indosum_dev(), n):
        # IndoSum is tokenised: put punctuation back against its word
        text = "\n".join(detokenize(p) for p in item["paragraphs"])
        out.append(
            {"id": item["id"], "text": text, "summary": [t for s in item["summary"] for t in s]}
        )
    return out


def indosum_articles(n: int = 1000) -> list[str]:
    """The texts of ``indosum_items(n)``."""
    return [item["text"] for item in indosum_items(n)]
