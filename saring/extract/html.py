"""Pull the article and its metadata out of one HTML page.

The article is chosen among the page's text blocks by the content model (``extract.content``,
learned from gold text of many sites); trafilatura remains as ``method="trafilatura"``.
Returns plain text (one paragraph per line) plus title, author, date text and site; it does no
Indonesian-specific cleaning (that is ``saring.clean``) and never raises for a bad page: the
caller gets an :class:`ExtractError` with a reason it can record.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from itertools import pairwise

from saring.extract.meta import page_metadata, site_of
from saring.extract.nesting import PARSER_DEPTH, flatten, too_deep
from saring.model import EXTRACT_FAILED, EXTRACT_TIMEOUT
from saring.timelimit import TimeUp, reset, time_limit

# Ask htmldate for the time and zone too, not just the day, and read the page's own metadata
# before its URL: a date in the URL path (/2025/06/17/) has no time and would win otherwise.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "deferred_url_extractor": True,
}
# htmldate's answer when all it found is a year ("Copyright 2025" in a footer): no date
_YEAR_ONLY = re.compile(r"\d{4}-01-01T00:00:00")


# A page's start: an XML declaration or comments, then the doctype or the html/head/body tag.
# A comment may not hold "-->": else each run of comments splits every way (WordPress's
# "<!-- wp:paragraph -->" blocks took seconds, then hours).
_PAGE_START = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--(?:(?!-->).){0,2000}-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body)\b",
    re.I | re.S,
)
# Tags of the elements an article's markup is made of.
_TAG = re.compile(
    r"</?(?:p|div|br|span|a|li|ul|ol|h[1-6]|table|tr|td|th|strong|em|b|i|u|img|section|article"
    r"|figure|figcaption|blockquote|header|footer|nav|main|script|style|meta|link)\b[^<>]{0,1000}>",
    re.I,
)
MARKUP_TAGS = 4  # a text with at least this many tags,
MARKUP_DENSITY = 2.0  # and this many per 100 words, is markup (a prose paragraph: about 4)


def is_markup(text: str) -> bool:
    """Whether ``text``, which arrived as text, is HTML: a page (a doctype or an ``<html>`` tag
    first) or a fragment of tagged paragraphs. Scrapers often store the page's HTML in a
    "content" column; a page quoting some HTML has a few tags in thousands of words (a fundus
    page flattened: 0.3 per 100 words; the crawl's 5,774 bodies: none)."""
    if "<" not in text:
        return False
    if _PAGE_START.match(text, 0, 4096):
        return True
    head = text[:100_000]
    tags = len(_TAG.findall(head))
    return tags >= MARKUP_TAGS and tags * 100 >= MARKUP_DENSITY * len(head.split())


def no_result_within(seconds: float) -> str:
    return f"no result within {seconds:g} s (--extract-timeout)"


class ExtractError(ValueError):
    """Why a page gave no article; ``meta``: what its markup said of it where it was read (a
    failed row still names its title and address)."""

    def __init__(self, reason: str, meta=None):
        super().__init__(reason)
        self.reason = reason
        self.meta = meta


@dataclass
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None
    # the content model's units in page order: (text, score, reason it went or None)
    units: list[tuple[str, float, str | None]] | None = None
    reader: str | None = None  # what chose the text, in words (``saring extract --explain``)


METHODS = ("model", "trafilatura")
COPY_CHARS = 500  # a kept block this long printed again is a copy (``without_copies``)
RUN_CHARS = 80  # two paragraphs this long printed again side by side are a copy


@dataclass(frozen=True)
class HtmlExtractor:
    """The article of an HTML page, with the settings saring uses.

    Parameters
    ----------
    method : ``"model"`` (the content model judges every text block of the page; measured on
        sites it was not trained on in docs/benchmarks.md) or ``"trafilatura"``.
    threshold : with ``method="model"``: the score from which a block is article (none: the
        one the model was trained with). Lower keeps more.
    fallback_chars : with ``method="model"``: when the blocks the model keeps hold fewer
        characters than this, trafilatura extracts the page too and its text is taken if it is
        longer (a safety net for a page whose article the model misses; 1 of the 438 benchmark
        pages, where it costs as much as trafilatura extracting the page). 0: never.
    unsure_share, sure_score : with ``method="model"``: when more than ``unsure_share`` of the
        characters the model keeps were scored under ``sure_score``, the model is unsure of the
        page, and trafilatura's precision mode extracts it too; its text is taken when it holds
        ``fallback_chars`` or more (chosen leaving sites out, among the settings that send at
        most a tenth of the pages to trafilatura, so that the path stays within trafilatura's
        time: 9% of the benchmark's pages; docs/benchmarks.md). None: never.
    favor : with ``method="trafilatura"``: ``"balanced"`` (its default), ``"precision"`` (drop
        more doubtful blocks) or ``"recall"`` (keep more).
    include_tables : with ``method="trafilatura"``: keep the text of tables in the article
        (the model judges table cells as any other block).
    include_comments : with ``method="trafilatura"``: keep readers' comments (off).
    timeout : seconds one page may take; a page that takes longer gets
        ``reason=extract_timeout`` (none: no limit).
    model : a ``ContentModel`` to use instead of the bundled one (the benchmark's fold models).
    """

    method: str = "model"
    threshold: float | None = None
    fallback_chars: int = 200
    unsure_share: float | None = 0.3
    sure_score: float = 0.9
    favor: str = "balanced"
    include_tables: bool = True
    include_comments: bool = False
    timeout: float | None = 30.0
    model: object = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, not {self.method!r}")

    def __call__(self, html: str, url: str | None = None) -> Extracted:
        from trafilatura.utils import load_html

        if "<" not in html:
            raise ExtractError(f"{EXTRACT_FAILED}: no HTML markup in the page")
        try:
            with warnings.catch_warnings(), time_limit(self.timeout):
                warnings.simplefilter("ignore")
                tree = load_html(html)
                flattened = tree is not None and too_deep(tree)
                if flattened:  # the parser dropped what lies deeper: read it flattened
                    tree = load_html(flatten(html))
                if tree is None:
                    raise ExtractError(f"{EXTRACT_FAILED}: the page could not be parsed as HTML")
                # The page's own metadata first: trafilatura's metadata pass is the slow part.
                meta = page_metadata(tree, url)
                whole = bool(_PAGE_START.match(html, 0, 4096))
                date = meta.date or _htmldate(tree, meta.url, extensive=whole)
                units, reader = None, "trafilatura"
                if self.method == "model":
                    text, units, reader, unsure = self._model(tree, meta.title)
                    text, units, reader = self._second_opinion(
                        tree, meta.url, text, units, reader, unsure
                    )
                else:
                    text = self._trafilatura(tree, meta.url)
        except ExtractError:
            raise
        except TimeUp:
            reset()
            raise ExtractError(f"{EXTRACT_TIMEOUT}: {no_result_within(self.timeout)}") from None
        except Exception as e:  # lxml and trafilatura raise many kinds on broken pages
            raise ExtractError(f"{EXTRACT_FAILED}: {type(e).__name__}: {e}") from e
        if not (text or "").strip():
            deep = (
                f" (its elements nest deeper than the HTML parser's limit of {PARSER_DEPTH}; "
                "read again with the deepest ones flattened)"
            )
            raise ExtractError(
                f"{EXTRACT_FAILED}: no article text found in the page{deep * flattened}", meta
            )
        return Extracted(
            text=text,
            title=meta.title,
            author=meta.author,
            date=date,
            site=site_of(meta.url) or meta.site,
            url=meta.url,
            units=units,
            reader=reader,
        )

    def _second_opinion(
        self, tree, url: str | None, text: str, units: list, reader: str, unsure: float
    ) -> tuple[str, list | None, str]:
        """The model's text, or trafilatura's where the model may have failed: when it keeps
        too little for an article (trafilatura's text taken if longer), or when it is unsure
        of much of what it keeps (trafilatura's precision mode taken if not too short)."""
        if len(text) < self.fallback_chars:
            other = self._trafilatura(tree, url)
            if len(other or "") > len(text):
                return other, None, f"trafilatura ({reader} kept {len(text)} characters)"
            return text, units, reader
        if self.unsure_share is None or unsure <= self.unsure_share:
            return text, units, reader
        other = self._trafilatura(tree, url, precision=True)
        if len(other or "") < self.fallback_chars:
            return text, units, reader
        why = f"{reader} scored {unsure:.0%} of what it kept under {self.sure_score}"
        return other, None, f"trafilatura, precision mode ({why})"

    def _unsure(self, chars, scores, keep) -> float:
        """The share of the characters the model keeps that it scored under ``sure_score``."""
        total = chars[keep].sum()
        return float(chars[keep & (scores < self.sure_score)].sum() / total) if total else 0.0

    def _trafilatura(self, tree, url: str | None, precision: bool = False) -> str | None:
        import trafilatura

        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            favor_precision=precision or self.favor == "precision",
            favor_recall=not precision and self.favor == "recall",
            include_comments=self.include_comments,
            include_tables=self.include_tables,
            with_metadata=False,
        )
        return doc.text if doc is not None else None

    def _model(self, tree, title: str | None) -> tuple[str, list, str, float]:
        """The content model's choice among the page's text blocks: the article's text (a
        long block printed twice once: ``without_copies``), every block with its score and
        reason, which of the model's HTML halves read the page, and the share of what the model
        chose that it is unsure of (the list items an article announces, kept whatever their
        score, aside)."""
        import numpy as np

        from saring.extract.content import default_model, select
        from saring.extract.features import PageContext, boxes, features
        from saring.extract.lists import keep_announced_lists, list_items
        from saring.extract.units import html_units

        units = html_units(tree)
        X = features(units, PageContext(title=title), html=True)
        whole = self.model or default_model()
        model = whole.html_for(X)
        no_p = model is whole.html_no_p
        reader = "the content model for pages without <p>" if no_p else "the content model"
        chars = np.array([len(u.text) for u in units], dtype=np.float64)
        scores = model.scores(X, boxes(units), chars)
        chosen = select(scores, model.threshold if self.threshold is None else self.threshold)
        unsure = self._unsure(chars, scores, chosen.keep)
        keep_announced_lists(chosen, [u.text for u in units], list_items(units))
        kept = [u.text for u, keep in zip(units, chosen.keep.tolist(), strict=True) if keep]
        explained = [
            (u.text, float(s), r)
            for u, s, r in zip(units, scores.tolist(), chosen.reasons, strict=True)
        ]
        return "\n".join(without_copies(kept)), explained, reader, unsure


def without_copies(
    texts: list[str], min_chars: int = COPY_CHARS, run_chars: int = RUN_CHARS
) -> list[str]:
    """The kept blocks with the later copies of a body taken out: a block of ``min_chars``
    characters or more printed again, or a block of ``run_chars`` or more that stands next to
    the same neighbour of ``run_chars`` or more as an earlier copy (two paragraphs printed
    again in the same order: a newsletter's copy of the article, a print version, with a
    headline or "Baca juga" between the copies). A shorter block that recurs stays, and so
    does a long one that recurs alone: a meal plan's rows, an interview's recurring question,
    a shop link under each product are the article (the gold of both benchmarks keeps them);
    a copy printed right after its original is cleaning's to remove (``clean.repeats``)."""
    long = [len(t) >= run_chars for t in texts]
    pairs = list(pairwise(texts))
    first_pair: dict[tuple[str, str], int] = {}
    for i, pair in enumerate(pairs):
        if long[i] and long[i + 1]:
            first_pair.setdefault(pair, i)

    def copied(i: int) -> bool:  # block i belongs to a pair printed earlier
        before = i > 0 and first_pair.get(pairs[i - 1], i - 1) < i - 1
        after = i < len(pairs) and first_pair.get(pairs[i], i) < i
        return before or after

    seen: set[str] = set()
    out = []
    for i, text in enumerate(texts):
        if text in seen and (len(text) >= min_chars or (long[i] and copied(i))):
            continue
        seen.add(text)
        out.append(text)
    return out


def _htmldate(tree, url: str | None, extensive: bool = True) -> str | None:
    """htmldate on a copy of the tree (it prunes the tree it reads), for pages that declare no
    date in their markup. Its search of the free text (``extensive``) is for whole pages, where
    a date line stands above the article; in a fragment of an article's paragraphs (a table's
    HTML column) the dates are the story's events ("promo berlaku mulai 19 Mei 2025"). A year
    alone is no date."""
    from copy import deepcopy

    from htmldate import find_date

    try:
        found = find_date(deepcopy(tree), url=url, extensive_search=extensive, **_DATE_PARAMS)
    except Exception:
        return None
    if found and _YEAR_ONLY.fullmatch(found) and not _new_year_named(tree, url, found[:4]):
        return None
    return found


def _new_year_named(tree, url: str | None, year: str) -> bool:
    """Whether the page or its address prints 1 January of ``year`` as a date (a page really
    dated New Year's Day), not only the year."""
    text = " ".join(tree.itertext())[:200_000] + " " + (url or "")
    months = r"(?:jan|januari|january|janvier|januar|enero|gennaio|janeiro)\w*"
    pattern = (
        rf"\b0?1[./-]0?1[./-]{year}\b|\b{year}[./-]0?1[./-]0?1\b|/{year}/0?1/0?1/"
        rf"|\b0?1\.?\s+{months}\.?,?\s+{year}\b|\b{months}\.?\s+0?1(?:st)?,?\s+{year}\b"
    )
    return re.search(pattern, text, re.I) is not None
