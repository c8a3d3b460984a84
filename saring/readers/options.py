"""How readers map table columns to document fields, and the per-document size limit.

A table is mapped by the column names it has (:meth:`ReaderOptions.for_columns`): a name the
user gave wins where the table has it, else the first of the common names it holds. No I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import lru_cache

# The fields that name a column, in the order they choose (a column serves one field only).
COLUMN_FIELDS = (
    "html_col",
    "text_col",
    "url_col",
    "title_col",
    "date_col",
    "author_col",
    "site_col",
)

# Names tried, in this order and regardless of case, for a field whose column the table lacks:
# the documented default first, then what crawlers and Indonesian data sets call it.
COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "text_col": (
        "text", "content", "isi_berita", "isi", "body", "body_text", "article", "article_text",
        "berita", "konten", "artikel", "full_text", "fulltext", "maintext", "main_text",
    ),
    "html_col": ("html", "raw_html", "html_content", "content_html", "page_html", "source_html"),
    "url_col": ("url", "link", "source_url", "article_url", "uri", "href", "permalink", "tautan"),
    "title_col": ("title", "judul", "headline", "judul_berita", "heading"),
    "date_col": (
        "date", "tanggal", "published", "tanggal_publikasi", "published_at", "publish_date",
        "date_published", "datepublished", "pubdate", "pub_date", "publication_date",
        "tanggal_terbit", "waktu", "datetime",
    ),
    "author_col": ("author", "penulis", "authors", "byline", "writer", "reporter", "creator"),
    "site_col": ("site", "sumber", "outlet", "publisher", "media", "site_name", "sitename"),
}  # fmt: skip


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

    A table without a named column is read through the first of ``COMMON_NAMES`` it has (see
    :meth:`for_columns`); an empty name turns a field off.
    """

    text_col: str = "text"
    html_col: str = "html"
    url_col: str = "url"
    title_col: str = "title"
    date_col: str = "date"
    author_col: str = "author"
    site_col: str = "site"
    max_bytes: int = 8 * 1024 * 1024

    def given(self, name: str) -> bool:
        """Whether the column field ``name`` was set to something other than its default."""
        return getattr(self, name) != _DEFAULTS[name]

    def for_columns(self, columns: Iterable[str]) -> ReaderOptions:
        """These options with every column field set to a column the table has: the name given
        where the table has it (``a.b`` where it has ``a``), else the first common name it holds
        (case aside). A field with no such column keeps its name (absent metadata)."""
        return _mapped(self, tuple(columns))

    def mapping(self, columns: Iterable[str]) -> dict[str, str]:
        """Field (``text``, ``title``, ...) -> the column of ``columns`` that fills it."""
        cols = list(columns)
        mapped = self.for_columns(cols)
        out = {}
        for name in COLUMN_FIELDS:
            col = getattr(mapped, name)
            if col and (col in cols or col.split(".", 1)[0] in cols):
                out[name.removesuffix("_col")] = col
        return out

    def has_text(self, columns: Iterable[str]) -> bool:
        """Whether a table of ``columns`` has a column of text or of HTML."""
        found = self.mapping(columns)
        return "text" in found or "html" in found

    def text_names(self) -> list[str]:
        """Every name a text or HTML column may have here: the given ones, then common ones."""
        names = [n for n in (self.text_col, self.html_col) if n]
        for field in ("text_col", "html_col"):
            if getattr(self, field):
                names += [c for c in COMMON_NAMES[field] if c not in names]
        return names


_DEFAULTS = {f.name: f.default for f in fields(ReaderOptions)}


@lru_cache(maxsize=1024)
def _mapped(opts: ReaderOptions, columns: tuple[str, ...]) -> ReaderOptions:
    present = set(columns)
    folded: dict[str, str] = {}
    for c in columns:
        folded.setdefault(c.casefold(), c)

    def here(col: str) -> bool:  # ``a.b``: the field of the struct or object column ``a``
        return col in present or col.split(".", 1)[0] in present

    # a column the user named is that field's before any field looks for its usual names
    # (--title-col content: the text was taken from "content" too)
    fields = [(name, getattr(opts, name)) for name in COLUMN_FIELDS if getattr(opts, name)]
    named = {
        name: given if here(given) else folded[given.casefold()]
        for name, given in fields
        if opts.given(name) and (here(given) or given.casefold() in folded)
    }
    taken = set(named.values())
    chosen: dict[str, str] = {}
    for name, given in fields:  # a field set to "" is turned off
        if name in named:
            col = named[name]
        elif here(given) and given not in taken:
            col = given
        else:
            col = next(
                (
                    folded[c.casefold()]
                    for c in (given, *COMMON_NAMES[name])
                    if c.casefold() in folded and folded[c.casefold()] not in taken
                ),
                None,
            )
        if col is not None:
            taken.add(col)
            if col != given:
                chosen[name] = col
    return replace(opts, **chosen) if chosen else opts
