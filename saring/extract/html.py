"""Pull the article and its metadata out of one HTML page, with trafilatura.

Returns plain text (one paragraph per line) plus title, author, date text and site; it does no
Indonesian-specific cleaning (that is ``saring.clean``) and never raises for a bad page: the
caller gets an :class:`ExtractError` with a reason it can record.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

from courlan import extract_domain

from saring.model import EXTRACT_FAILED

# Ask htmldate for the time and zone too, not just the day, and read the page's own metadata
# before its URL: a date in the URL path (/2025/06/17/) has no time and would win otherwise.
_DATE_PARAMS = {
    "outputformat": "%Y-%m-%dT%H:%M:%S%z",
    "original_date": True,
    "extensive_search": True,
    "deferred_url_extractor": True,
}


class ExtractError(ValueError):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class HtmlExtractor:
    """trafilatura with the settings saring uses.

    Parameters
    ----------
    favor : ``"balanced"`` (trafilatura's default), ``"precision"`` (drop more doubtful
        blocks) or ``"recall"`` (keep more). Measured per data set in docs/benchmarks.md.
    include_tables : keep the text of tables inside the article.
    include_comments : keep readers' comments; off, since comments are not the article.
    """

    favor: str = "balanced"
    include_tables: bool = True
    include_comments: bool = False

    def __call__(self, html: str, url: str | None = None) -> Extracted:
        import trafilatura

        if "<" not in html:
            raise ExtractError(f"{EXTRACT_FAILED}: no HTML markup in the page")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                doc = trafilatura.bare_extraction(
                    html,
                    url=url,
                    favor_precision=self.favor == "precision",
                    favor_recall=self.favor == "recall",
                    include_comments=self.include_comments,
                    include_tables=self.include_tables,
                    with_metadata=True,
                    date_extraction_params=_DATE_PARAMS,
                )
        except Exception as e:  # lxml and trafilatura raise many kinds on broken pages
            raise ExtractError(f"{EXTRACT_FAILED}: {type(e).__name__}: {e}") from e
        if doc is None or not (doc.text or "").strip():
            raise ExtractError(f"{EXTRACT_FAILED}: no article text found in the page")
        page_url = url or doc.url
        site = extract_domain(page_url) if page_url else None
        return Extracted(
            text=doc.text,
            title=doc.title or None,
            author=doc.author or None,
            date=doc.date or None,
            site=site or doc.hostname or doc.sitename or None,
            url=page_url or None,
        )
