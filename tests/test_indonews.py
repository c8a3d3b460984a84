"""The real Indonesian crawl in ../shared: every row out, re-crawled identical bodies marked."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import replace

import pyarrow.parquet as pq

from saring.config import RunConfig
from saring.pipeline import run
from tests.conftest import INDONEWS, need_shared

DAYS = [
    "scrapping_news_2025-06-18.csv",
    "scrapping_news_2025-06-19.csv",
    "scrapping_news_2025-06-20.csv",
]
COLUMNS = {
    "text_col": "isi_berita",
    "title_col": "judul",
    "date_col": "tanggal_publikasi",
    "site_col": "sumber",
}


def test_three_days_every_row_out_and_recrawls_are_exact_duplicates(tmp_path):
    need_shared(INDONEWS)
    cfg = RunConfig()
    cfg = replace(cfg, reader=replace(cfg.reader, **COLUMNS))
    out = tmp_path / "out"
    stats = run([str(INDONEWS / d) for d in DAYS], out, cfg, log=lambda _m: None)

    source_rows = []
    for day in DAYS:
        with open(INDONEWS / day, encoding="utf-8-sig", newline="") as fh:
            source_rows += list(csv.DictReader(fh))
    n_in = len(source_rows)
    table = pq.read_table(out / "documents.parquet").to_pylist()
    assert n_in == 5774 == len(table) == stats["documents"]["in"]
    assert stats["documents"]["by_status"]["failed"] == 0

    # Every row whose body repeats an earlier crawl of the same URL is an exact duplicate that
    # points at a kept document, except bodies that are not articles: nothing but furniture
    # ("SCROLL TO CONTINUE WITH CONTENT": empty_after_cleaning), one line of a paywalled teaser
    # (tempo.co: no_article) or a teaser of a few sentences (quality:words and friends). Those
    # are filtered before duplicates are looked for, and every crawl of them is filtered alike.
    by_id = {r["id"]: r for r in table}
    raw_bodies = [row["isi_berita"] for row in source_rows]
    seen: dict[str, set[str]] = defaultdict(set)
    recrawls = empty = 0
    for r, raw in zip(table, raw_bodies, strict=True):  # input order: day by day, row by row
        if raw in seen[r["url"]]:
            recrawls += 1
            if r["status"] == "filtered":
                empty += 1
                assert r["reason"].split(":")[0] in (
                    "empty_after_cleaning",
                    "no_article",
                    "quality",
                ), r["source"]
            else:
                assert r["reason"] == "exact_duplicate", r["source"]
                assert by_id[r["dup_of"]]["status"] == "kept"
        seen[r["url"]].add(raw)
    assert recrawls == 2044
    reasons = stats["documents"]["by_reason"]
    assert reasons["empty_after_cleaning"] == 11  # 4 URLs: 4 first crawls, 7 re-crawls
    filtered_urls = {r["url"] for r in table if r["status"] == "filtered"}
    assert empty == stats["documents"]["by_status"]["filtered"] - len(filtered_urls)
    # Every printed date, in the crawl's six styles, parses (three tempo.co rows have none).
    undated = [r["tanggal_publikasi"] for r in source_rows if not r["tanggal_publikasi"].strip()]
    assert sum(r["published"] is None for r in table) == len(undated) == 3
    assert {r["site"] for r in table} == {
        "liputan6.com",
        "detik.com",
        "okezone.com",
        "tempo.co",
        "kompas.com",
        "republika.co.id",
    }
