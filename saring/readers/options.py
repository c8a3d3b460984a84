"""How readers map table columns to document fields, and the per-document size limit."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReaderOptions:
    """Reader settings.

    Parameters
    ----------
    text_col, html_col : column (or JSON key) holding extracted text / raw HTML. A row with a
        non-empty HTML value goes through HTML extraction; otherwise its text is cleaned as text.
    url_col, title_col, date_col, author_col, site_col : optional metadata columns; missing
        columns are simply absent metadata.
    max_bytes : documents larger than this (in bytes, after decompression) are not read and get
        ``status=failed, reason=too_large``. News articles are rarely above 2 MB of HTML.
    """

    text_col: str = "text"
    html_col: str = "html"
    url_col: str = "url"
    title_col: str = "title"
    date_col: str = "date"
    author_col: str = "author"
    site_col: str = "site"
    max_bytes: int = 8 * 1024 * 1024
