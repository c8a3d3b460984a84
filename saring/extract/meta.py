"""A page's title, author, publication date, site name and address, from what the page declares:
JSON-LD, ``<meta>`` tags, ``<time datetime>``, ``<title>``, ``<link rel=canonical>``.

Written here because trafilatura's metadata pass (htmldate's extensive date search, author
heuristics) costs about a third of extraction time on news pages (benchmarks/bench_extract.py),
while news pages declare these fields in their markup (249 of 257 fundus pages and 161 of 181
article-extraction-benchmark pages declare a date). It reads the tree and never changes it;
htmldate stays the fallback for pages that declare no date (``extract.html``).
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

_ARTICLE_TYPES = re.compile(r"article|posting|report|newsarticle|webpage", re.I)
_DATE_KEYS = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "dcterms.date",
    "date",
    "article.published",
    "content_publishdate",
    "datecreated",
    "article:modified_time",
    "og:updated_time",
)
_AUTHOR_KEYS = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "byl",
)
_TITLE_KEYS = ("og:title", "twitter:title", "headline", "dc.title", "parsely-title", "title")
_SITE_KEYS = ("og:site_name", "application-name", "publisher", "twitter:site")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|\D)")
_TITLE_SEP = re.compile(r"\s+[|–—•·»:-]\s+|\s+-\s+")


@dataclass
class PageMeta:
    title: str | None = None
    author: str | None = None
    date: str | None = None  # as the page prints it; saring.extract.dates parses it
    site: str | None = None
    url: str | None = None


def site_of(url: str | None) -> str | None:
    """The site of a URL: its registered domain (``news.detik.com`` -> ``detik.com``), or, where
    the public suffix list knows no such domain (a new or private suffix, an address, a host
    name), the host itself without ``www.`` and port."""
    if not url:
        return None
    from urllib.parse import urlsplit

    from courlan import extract_domain

    domain = extract_domain(url)
    if domain:
        return domain
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host or not re.fullmatch(r"[\w.-]+|[0-9a-f:]+", host):
        return None  # "not a url", "a b"
    return host.removeprefix("www.")


# An entity left in a value: JSON-LD that a CMS escaped twice ("Kohberger&#8217;s",
# "zerst&ouml;ren"); only whole entities, so "AT&T" and "R&D" stay as written.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = str(text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    text = " ".join(text.split())
    return text or None


def _names(value) -> list[str]:
    """Author names from a JSON-LD author value (a string, an object, or a list of either)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _json_ld(tree) -> dict:
    """The first article-like object in the page's JSON-LD blocks (``@graph`` included)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = " ".join(kind) if isinstance(kind, list) else str(kind or "")
                if _ARTICLE_TYPES.search(kinds) and (
                    item.get("headline") or item.get("datePublished")
                ):
                    return item
                if "@graph" in item:
                    stack.extend(
                        item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]]
                    )
    return {}


def _title_from_tag(text: str | None) -> str | None:
    """``<title>`` without the site name that pages append: the longest part between
    separators ("Judul berita - Situs" -> "Judul berita")."""
    text = _clean(text)
    if not text:
        return None
    parts = [p for p in _TITLE_SEP.split(text) if p.strip()]
    return max(parts, key=len).strip() if len(parts) > 1 else text


def page_metadata(tree, url: str | None = None) -> PageMeta:
    """Everything the page declares about itself; fields it does not declare are ``None``."""
    metas: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in metas:
            metas[key] = content
    ld = _json_ld(tree)
    meta = PageMeta()

    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = url or _clean(canonical[0] if canonical else None) or _clean(metas.get("og:url"))

    meta.title = _clean(ld.get("headline")) or next(
        (_clean(metas[k]) for k in _TITLE_KEYS if metas.get(k)), None
    )
    if not meta.title:
        h1 = tree.xpath("//h1")
        meta.title = _clean(h1[0].text_content()) if len(h1) == 1 else None
    if not meta.title:
        meta.title = _title_from_tag(tree.findtext(".//title"))

    names = [n for n in _names(ld.get("author")) if n.strip()]
    if not names:
        names = [
            metas[k]
            for k in _AUTHOR_KEYS
            if metas.get(k) and not metas[k].startswith(("http://", "https://"))
        ][:1]
    if not names:
        names = _marked_author(tree)
    meta.author = _clean(", ".join(dict.fromkeys(n.strip() for n in names))) if names else None
    if meta.author and meta.author.lower().startswith("by "):
        meta.author = meta.author[3:].strip() or None

    meta.date = _clean(ld.get("datePublished") or ld.get("dateCreated")) or next(
        (_clean(metas[k]) for k in _DATE_KEYS if metas.get(k)), None
    )
    if not meta.date:
        times = tree.xpath("//time[@itemprop='datePublished']/@datetime | //time/@datetime")
        meta.date = _clean(times[0]) if times else None
    if not meta.date and meta.url:
        m = _URL_DATE.search(meta.url)
        meta.date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}" if m else None

    publisher = ld.get("publisher")
    meta.site = (_clean(publisher.get("name")) if isinstance(publisher, dict) else None) or next(
        (_clean(metas[k]) for k in _SITE_KEYS if metas.get(k)), None
    )
    meta.title = _without_site(meta.title, meta.site, meta.url)
    return meta


_BYLINE_WORD = re.compile(r"^(?:by|oleh)(?:\s+|$)", re.I)
_NOT_A_NAME = re.compile(r"admin\b|^(?:foto|photo|sumber|source)\b", re.I)


def _marked_author(tree) -> list[str]:
    """The author the markup marks where no metadata names one: schema.org's
    ``itemprop="author"`` (its ``name`` inside where there is one), else a ``rel="author"``
    link; a short name only ("by Tom Rogan", "Oleh Budi" -> the name), not a byline box, a
    photo credit or WordPress's "admin"."""
    has = "contains(concat(' ', normalize-space(@{0}), ' '), ' author ')"
    for path in (
        f"//*[{has.format('itemprop')}]//*[@itemprop='name']",
        f"//*[{has.format('itemprop')}]",
        f"//a[{has.format('rel')}]",
    ):
        for el in tree.xpath(path)[:1]:
            name = _BYLINE_WORD.sub("", _clean(el.get("content") or el.text_content()) or "")
            if (
                name
                and len(name) <= 60
                and len(name.split()) <= 6
                and not name.startswith("http")
                and not _NOT_A_NAME.search(name)
            ):
                return [name]
    return []


def _without_site(title: str | None, site: str | None, url: str | None = None) -> str | None:
    """Drop a trailing (or leading) " | Site name" that titles often carry: a part that is the
    site's declared name, or a short one that starts or ends with its domain's name ("| TheHill"
    on thehill.com, "- detikNews" on detik.com, "| Republika Online", "- Die Neue Südtiroler
    Tageszeitung" on tageszeitung.it; not "- comwrap auf der DMEXCO 2018" on comwrap.com)."""
    if not title:
        return title
    domain = site_of(url) or ""
    label = _squashed(domain.split(".")[0])
    parts = _TITLE_SEP.split(title)
    if len(parts) > 1:
        if _names_site(parts[-1], site, label):
            return title[: title.rfind(parts[-1])].rstrip(" |–—•·»:-") or title
        if _names_site(parts[0], site, label):
            return title[len(parts[0]) :].lstrip(" |–—•·»:-") or title
    return title


def _squashed(s: str) -> str:
    return re.sub(r"[\W_]+", "", s).casefold()


def _names_site(part: str, site: str | None, label: str) -> bool:
    squashed = _squashed(part)
    if not squashed:
        return False
    if site and squashed == _squashed(site):
        return True
    short = len(part.split()) <= 4
    return short and len(label) >= 5 and (squashed.startswith(label) or squashed.endswith(label))
