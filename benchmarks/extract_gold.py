"""Pages with gold article text, their sites and folds, the flatteners, and the peers' outputs.

Used by ``bench_extract.py`` (leave-site-out scores) and ``train_content_model.py`` (the bundled
model). Every page of ../shared/data that comes with gold text is here: article-extraction-
benchmark (181 English pages) and fundus-multilingual (257 pages, 40 countries). A page's site is
its address's registered domain; a site's fold is a hash of its name, so a site is always in one
fold and a model scored on a fold never saw its sites.

The same pages restyled (``RESTYLERS``: paragraphs as ``<div><span>`` or split by ``<br><br>``)
measure the HTML path on markup that names no paragraph; ``p_as_div`` is the restyling the
model for such pages trains on.

The peers' outputs and the flattened pages are cached under ``benchmarks/.cache/`` (keyed by the
tool's version, and by the restyler's code for restyled pages): they take minutes to make.
"""

from __future__ import annotations

import gzip
import html as htmlmod
import inspect
import json
import re
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from shared_data import AEB, FUNDUS

from saring.readers.decode import decode_bytes

CACHE = Path(__file__).resolve().parent / ".cache" / "extract"
FOLDS = 5


@dataclass
class GoldPage:
    key: str  # "aeb/<id>" or "fundus/<cc>/<file>"
    corpus: str  # "aeb" or "fundus"
    html: str  # decoded
    gold: str
    url: str | None
    site: str  # registered domain
    lang: str  # of the gold text (py3langid)
    fold: int


def site_of(url: str | None, fallback: str) -> str:
    from courlan import extract_domain

    return (extract_domain(url) if url else None) or fallback


def fold_of(site: str) -> int:
    return zlib.crc32(site.encode("utf-8")) % FOLDS


@lru_cache(maxsize=1)
def gold_pages() -> tuple[GoldPage, ...]:
    """Every page with gold text, in a fixed order (aeb first, then fundus)."""
    import py3langid

    pages = []
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(gold.items()):
        raw = gzip.decompress((AEB / "html" / f"{key}.html.gz").read_bytes())
        pages.append(("aeb", f"aeb/{key}", raw, item["articleBody"], item.get("url"), key))
    for line in (FUNDUS / "gold_manifest.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        raw = gzip.decompress((FUNDUS / "test_data" / item["html"]).read_bytes())
        pages.append(
            (
                "fundus",
                f"fundus/{item['html']}",
                raw,
                item["body_text"],
                item.get("url"),
                item["publisher"],
            )
        )
    out = []
    for corpus, key, raw, body, url, fallback in pages:
        text, _ = decode_bytes(raw, html=True)
        site = site_of(url, fallback)
        lang = py3langid.classify(body)[0]
        out.append(GoldPage(key, corpus, text, body, url, site, lang, fold_of(site)))
    return tuple(out)


# -- flatteners: how crawls turn a page into text ----------------------------------------------

_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "caption",
        "legend",
        "option",
    ]
)
_DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")


def _visible_root(html: str):
    """The page's tree without scripts, styles and other invisible parts; None when lxml
    cannot parse it."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:
        return None
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    return root


def flatten_blocks(html: str) -> str:
    """Every visible text block of the page on a line of its own (the shape of seed 000): block
    elements start a line, scripts and styles go, blank lines between blocks."""
    root = _visible_root(html)
    if root is None:
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n\n".join(line for line in lines if line)


def flatten_html2text(html: str) -> str:
    """html2text's Markdown with its defaults (lines wrapped at 78, links as [text](url))."""
    import html2text

    return html2text.html2text(html)


def flatten_inscriptis(html: str) -> str:
    """inscriptis's layout-keeping text with its defaults."""
    import inscriptis

    return inscriptis.get_text(html)


def flatten_resiliparse(html: str) -> str:
    """resiliparse's whole-page plain text (main_content off), as Common Crawl pipelines make it."""
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=False)


FLATTENERS: dict[str, Callable[[str], str]] = {
    "blocks": flatten_blocks,
    "html2text": flatten_html2text,
    "inscriptis": flatten_inscriptis,
    "resiliparse": flatten_resiliparse,
}


def flatten_lines(html: str) -> str:
    """``flatten_blocks`` with no blank line between blocks: one block a line, as seed 003 and
    the June 2025 crawl's bodies arrive."""
    return "\n".join(line for line in flatten_blocks(html).split("\n") if line)


def flatten_text_nodes(html: str) -> str:
    """Every text node of the body on a line of its own, as BeautifulSoup's
    ``get_text("\\n", strip=True)`` writes it (a link or a bold word inside a sentence breaks
    the line)."""
    root = _visible_root(html)
    if root is None:
        return ""
    body = root.find("body")
    nodes = (body if body is not None else root).itertext()
    return "\n".join(" ".join(t.split()) for t in nodes if t.strip())


def flatten_text_content(html: str) -> str:
    """lxml's ``text_content()``: the page's text with the source's own line breaks only."""
    root = _visible_root(html)
    if root is None:
        return ""
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


# flatteners the content model is never trained on: they say how it does on text shaped in a way
# it has not seen (bench_extract.py scores them; content_training.py does not read them)
UNSEEN_FLATTENERS: dict[str, Callable[[str], str]] = {
    "lines": flatten_lines,
    "text-nodes": flatten_text_nodes,
    "text-content": flatten_text_content,
}


# -- the same pages in other markup ----------------------------------------------------------------
# Sites built with CSS-in-JS frameworks (kumparan among Indonesia's outlets) print a paragraph as
# a <div> of <span>s, older templates as text split by <br><br>: no <p> names the article. The
# HTML path is measured on the gold pages restyled so (``RESTYLERS``, never trained on);
# ``content_training`` trains on a third restyling, ``p_as_div``.


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")


def _tree(html: str):
    """The page's lxml tree (an XML declaration, which lxml refuses in a str, left out), or
    None for a page lxml cannot parse."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml.etree.ParserError):
        return None


def _serialised(root, html: str) -> str:
    import lxml.html

    return html if root is None else lxml.html.tostring(root, encoding="unicode")


def p_as_div(html: str) -> str:
    """Every <p> renamed <div>, its attributes kept (the training restyling)."""
    root = _tree(html)
    for el in root.iter("p") if root is not None else ():
        el.tag = "div"
    return _serialised(root, html)


_KEPT = ("style", "hidden", "aria-hidden")  # attributes that say whether a block is seen


def restyle_div_span(html: str) -> str:
    """Every <p> and <h2>-<h6> as ``<div class="sc-N"><span>...</span></div>``, with the
    machine-made class names of a CSS-in-JS site (what hides a block is kept)."""
    import lxml.html

    root = _tree(html)
    blocks = root.iter("p", "h2", "h3", "h4", "h5", "h6") if root is not None else ()
    for i, el in enumerate(list(blocks)):
        span = lxml.html.Element("span")
        span.text, el.text = el.text, None
        span.extend(list(el))
        for name in [a for a in el.attrib if a not in _KEPT]:
            del el.attrib[name]
        el.tag = "div"
        el.set("class", f"sc-{zlib.crc32(str(i % 7).encode()):x}")
        el.append(span)
    return _serialised(root, html)


def restyle_br(html: str) -> str:
    """Every run of two or more sibling <p> merged into one <div>, the paragraphs split by
    ``<br><br>``."""
    import lxml.html

    root = _tree(html)
    if root is None:
        return html
    runs: list[list] = []
    for p in root.iter("p"):
        if runs and runs[-1][-1].getnext() is p and not (runs[-1][-1].tail or "").strip():
            runs[-1].append(p)
        else:
            runs.append([p])
    for run in (r for r in runs if len(r) > 1):
        div = lxml.html.Element("div")
        run[0].addprevious(div)
        for i, p in enumerate(run):
            if i:
                div.extend([lxml.html.Element("br"), lxml.html.Element("br")])
                div[-1].tail = p.text
            else:
                div.text = p.text
            div.extend(list(p))
            div.tail = p.tail
            p.getparent().remove(p)
    return _serialised(root, html)


RESTYLERS: dict[str, Callable[[str], str]] = {
    "div-span": restyle_div_span,
    "br": restyle_br,
}

# -- the peers ------------------------------------------------------------------------------------

# py3langid codes -> jusText stop list names (jusText needs the page's language)
_JUSTEXT_LANG = {
    "en": "English",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal",
    "nn": "Norwegian_Nynorsk",
    "sv": "Swedish",
    "da": "Danish",
    "pl": "Polish",
    "cs": "Czech",
    "tr": "Turkish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "lt": "Lithuanian",
    "is": "Icelandic",
    "vi": "Vietnamese",
    "ko": "Korean",
    "he": "Hebrew",
    "id": "Indonesian",
    "ms": "Malay",
    "lb": "Luxembourgish",
    "af": "Afrikaans",
    "sw": "Swahili",
    "hi": "Hindi",
    "ca": "Catalan",
    "gl": "Galician",
    "fi": "Finnish",
    "hu": "Hungarian",
    "ro": "Romanian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "el": "Greek",
    "ar": "Arabic",
    "fa": "Persian",
}


def _stoplist(text: str):
    import justext
    import py3langid

    lang = py3langid.classify(text[:5000])[0]
    name = _JUSTEXT_LANG.get(lang, "English")
    return justext.get_stoplist(name) if name in justext.get_stoplists() else frozenset()


def trafilatura_default(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def trafilatura_precision(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False, favor_precision=True) or ""


def readability(html: str) -> str:
    from readability import Document

    try:
        return flatten_blocks(Document(html).summary(html_partial=True))
    except Exception:
        return ""


def resiliparse_main(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True)


def justext_html(html: str) -> str:
    import justext

    try:
        paragraphs = justext.justext(html, _stoplist(flatten_blocks(html)))
    except Exception:
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


HTML_PEERS: dict[str, Callable[[str], str]] = {
    "trafilatura": trafilatura_default,
    "trafilatura-precision": trafilatura_precision,
    "readability": readability,
    "resiliparse": resiliparse_main,
    "justext": justext_html,
}

_TERMINAL = re.compile(r"[.!?…。！？][\"”’'»)\]]*$")


def c4_lines(lines: list[str]) -> str:
    """C4's line rules: keep lines of at least 5 words that end in terminal punctuation and hold
    neither "javascript" nor "lorem ipsum" nor a curly bracket."""
    keep = []
    for line in lines:
        low = line.lower()
        if (
            len(line.split()) >= 5
            and _TERMINAL.search(line.rstrip())
            and "javascript" not in low
            and "lorem ipsum" not in low
            and "{" not in line
        ):
            keep.append(line)
    return "\n".join(keep)


def justext_lines(lines: list[str]) -> str:
    """jusText over the lines, each given to it as a paragraph."""
    import justext

    if not lines:
        return ""
    page = "<html><body>" + "".join(f"<p>{htmlmod.escape(s)}</p>" for s in lines) + "</body></html>"
    try:
        paragraphs = justext.justext(page, _stoplist("\n".join(lines)))
    except Exception:
        return ""
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


TEXT_PEERS: dict[str, Callable[[list[str]], str]] = {"c4": c4_lines, "justext": justext_lines}


def _version(name: str) -> str:
    from importlib.metadata import version

    dist = {
        "trafilatura": "trafilatura",
        "trafilatura-precision": "trafilatura",
        "readability": "readability-lxml",
        "resiliparse": "resiliparse",
        "justext": "justext",
        "html2text": "html2text",
        "inscriptis": "inscriptis",
        "blocks": "lxml",
        "lines": "lxml",
        "text-nodes": "lxml",
        "text-content": "lxml",
    }.get(name)
    return version(dist) if dist else "1"


@lru_cache(maxsize=1)
def _pages_digest() -> str:
    """A digest of the decoded pages: a change to saring's decoding invalidates the cache."""
    crc = 0
    for p in gold_pages():
        crc = zlib.crc32(p.html.encode("utf-8", "surrogatepass"), crc)
    return f"{crc:08x}"


def cached(kind: str, name: str, make: Callable[[GoldPage], str]) -> dict[str, str]:
    """``make(page)`` for every gold page, read from the cache when this tool version made it
    from these pages."""
    path = CACHE / f"{kind}-{name}-{_version(name)}-{_pages_digest()}.json.gz"
    if path.exists():
        return json.loads(gzip.decompress(path.read_bytes()))
    out = {p.key: make(p) for p in gold_pages()}
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(gzip.compress(json.dumps(out).encode("utf-8"), mtime=0))
    tmp.replace(path)
    return out


@cache
def flattened(name: str) -> dict[str, str]:
    """Every gold page flattened by FLATTENERS[name] (or UNSEEN_FLATTENERS[name])."""
    flatten = FLATTENERS.get(name) or UNSEEN_FLATTENERS[name]
    return cached("flat", name, lambda p: flatten(p.html))


def html_peer(name: str, restyle: str | None = None) -> dict[str, str]:
    """The peer's text of every gold page, or of the page restyled by RESTYLERS[restyle]
    (cached under a digest of this module's source: a restyler reads helpers and constants
    beside it, and a change to any of them makes the peers run again)."""
    if restyle is None:
        return cached("html", name, lambda p: HTML_PEERS[name](p.html))
    restyler = RESTYLERS[restyle]
    code = inspect.getsource(sys.modules[__name__])
    kind = f"html-{restyle}-{zlib.crc32(code.encode()):08x}"
    return cached(kind, name, lambda p: HTML_PEERS[name](restyler(p.html)))
