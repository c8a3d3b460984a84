"""Every setting of a run, as plain dataclasses with documented defaults.

The CLI builds a :class:`RunConfig`; library users can build one directly. Holds no logic.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from saring.clean import CleanConfig
from saring.extract.html import HtmlExtractor
from saring.filters import FilterConfig
from saring.readers.options import ReaderOptions
from saring.stories.settings import StoryConfig, SummaryConfig


@dataclass(frozen=True)
class DedupConfig:
    """Duplicate detection.

    Parameters
    ----------
    exact : mark documents whose normalised text equals an earlier one's.
    near : mark near copies found by MinHash LSH.
    threshold : the Jaccard similarity of word n-gram sets above which two documents count as
        near copies; bands and rows are chosen for it (``saring.dedup.near.bands_rows``: 16 x 8
        for 0.8 and 128 permutations with ``verify``, 9 x 13 without) unless ``bands`` and
        ``rows`` are given.
    ngram : words per shingle.
    num_perm : MinHash permutations (hash functions) per document.
    seed : MinHash seed; the same seed gives the same clusters on every run.
    verify : join two candidates only when the true Jaccard of their n-gram sets reaches
        ``threshold`` (drops LSH false positives; costs one comparison per candidate pair).
    window : in an LSH bucket, each document is compared with the next ``window`` members in
        canonical order: all pairs in buckets of up to ``window + 1`` documents, a bounded
        number in larger ones.

    The canonical document of a cluster is the one with the longest normalised text (most
    words), then the earliest published (undated last), then the first in input order;
    ``dup_of`` of every other member names it.
    """

    exact: bool = True
    near: bool = True
    threshold: float = 0.8
    ngram: int = 5
    num_perm: int = 128
    bands: int | None = None
    rows: int | None = None
    seed: int = 1
    verify: bool = True
    window: int = 32


@dataclass(frozen=True)
class RunConfig:
    """A whole run.

    Parameters
    ----------
    reader : how inputs are read (column names, size limit).
    extractor : HTML extraction settings.
    dedup : duplicate detection settings.
    format : force one input format for every file instead of telling it from the file name.
    clean : text cleaning settings (``saring.clean.CleanConfig``).
    filters : language and quality filters (``saring.filters.FilterConfig``).
    stories : story grouping (``saring.stories.group.StoryConfig``).
    summary : story summaries (``saring.stories.summary.SummaryConfig``).
    default_tz : zone for dates printed without one (WIB, the zone of most Indonesian sites).
    workers : processes for the per-document stages on the local runner (default: CPU count).
    batch_size : documents handed to a worker at a time.
    in_process_below : inputs whose files weigh less than this many bytes in all are processed
        in saring's own process, whatever ``workers`` says: a worker process starts by importing
        the extractors and loading the models (1 to 2 s), longer than a few megabytes of pages
        take (HTML at about 25 ms a page). 0: always use worker processes.
    reuse : how many records a worker remembers (the last ones it processed, within about 32
        million characters of rows) so that a record met again field for field, id and order
        aside, takes the remembered row instead of being processed again (``perdoc.Reused``: a
        page crawled twice, a feed read on two days). 0: process every record.
    report : write ``report.html`` (the browsable page of the run) with the other outputs.
    store : the store ``saring run`` adds to when no ``--store`` is given (None: a run without
        ``--store`` is a one-shot run into ``-o OUT``).
    runner : ``native`` (Daft's local runner) or ``ray`` (the same plan on a Ray cluster).
    address : the Ray cluster's address (``host:port``) for ``runner = "ray"``; None: Ray's own
        default (``RAY_ADDRESS``, or a cluster started on this machine).
    """

    reader: ReaderOptions = field(default_factory=ReaderOptions)
    extractor: HtmlExtractor = field(default_factory=HtmlExtractor)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    format: str | None = None
    clean: CleanConfig = field(default_factory=CleanConfig)
    filters: FilterConfig = field(default_factory=FilterConfig)
    stories: StoryConfig = field(default_factory=StoryConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    default_tz: str = "+07:00"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    batch_size: int = 64
    in_process_below: int = 4 * 1024 * 1024
    reuse: int = 8192
    report: bool = True
    store: str | None = None
    runner: str = "native"
    address: str | None = None
