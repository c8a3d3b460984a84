"""Cut a page into the units the content model judges: text blocks of an HTML tree, or lines of a
page that arrives as text.

An HTML unit is the text between two block boundaries (``<p>``, ``<div>``, ``<li>``, ``<br>``,
...), with what the markup says about it: its tag, the share of its text inside links, the tags
above it and how far up the nearest class or id naming a page part ("comment", "related",
"article", ...) is. A text unit is one line (hard-wrapped lines re-joined, Markdown links and
list markers reduced to their text). This module measures nothing and decides nothing: that is
``extract.features`` and ``extract.content``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np

from saring.extract.words import frequent_words, language_of

# Class and id names that say what a part of a page is, grouped; a class or id token (split on
# anything but letters, lower case) that starts with one of these belongs to the group. The
# names are the usual ones of content management systems and front-end frameworks in several
# languages; what each group means for the article is learned, not set here.
KEYWORD_GROUPS: dict[str, tuple[str, ...]] = {
    "article": ("article", "artikel", "articulo", "story", "post", "entry", "berita", "news"),
    "content": (
        "content",
        "body",
        "text",
        "main",
        "inhalt",
        "cuerpo",
        "contenido",
        "texto",
        "detail",
        "prose",
        "rich",
        "isi",
        "paragraph",
        "copy",
        "read",
    ),
    "comment": ("comment", "kommentar", "komentar", "disqus", "discuss", "reply", "respond"),
    "footer": ("foot", "bottom", "copyright", "legal", "colophon"),
    "header": ("head", "masthead", "topbar", "brand", "logo"),
    "nav": ("nav", "menu", "breadcrumb", "pagination", "pager", "crumb", "skip"),
    "side": ("side", "aside", "rail", "widget", "sticky"),
    "related": (
        "related",
        "recommend",
        "more",
        "teaser",
        "popular",
        "trending",
        "also",
        "terkait",
        "lainnya",
        "further",
        "next",
        "prev",
        "similar",
        "most",
        "latest",
        "weitere",
        "mehr",
        "outbrain",
        "taboola",
    ),
    "share": (
        "share",
        "social",
        "sharing",
        "follow",
        "facebook",
        "twitter",
        "whatsapp",
        "tweet",
        "pinterest",
        "linkedin",
        "email",
        "mail",
        "print",
    ),
    "ad": (
        "ad",
        "ads",
        "advert",
        "sponsor",
        "promo",
        "banner",
        "commercial",
        "dfp",
        "gpt",
        "iklan",
        "anzeige",
        "werbung",
        "partner",
        "affiliate",
        "paid",
    ),
    "subscribe": (
        "newsletter",
        "subscri",
        "signup",
        "login",
        "register",
        "paywall",
        "premium",
        "abo",
        "account",
        "user",
        "member",
        "regwall",
        "plus",
    ),
    "caption": (
        "caption",
        "credit",
        "legend",
        "photo",
        "image",
        "img",
        "gallery",
        "media",
        "video",
        "figure",
        "picture",
        "foto",
        "bild",
        "slide",
        "player",
        "embed",
    ),
    "byline": (
        "byline",
        "author",
        "writer",
        "reporter",
        "penulis",
        "editor",
        "autor",
        "contributor",
        "bio",
        "profile",
    ),
    "meta": (
        "meta",
        "date",
        "time",
        "publish",
        "stamp",
        "info",
        "tag",
        "label",
        "categor",
        "rubrik",
        "kicker",
        "topic",
        "keyword",
        "source",
    ),
    "title": ("title", "headline", "heading", "judul", "hl"),
    "lead": (
        "lead",
        "intro",
        "summary",
        "standfirst",
        "dek",
        "abstract",
        "excerpt",
        "description",
        "sub",
        "deck",
    ),
    "quote": ("quote", "blockquote", "pullquote", "cite"),
    "hidden": (
        "hidden",
        "hide",
        "invisible",
        "sr",
        "visually",
        "offscreen",
        "modal",
        "popup",
        "overlay",
        "cookie",
        "consent",
        "gdpr",
        "dialog",
        "notification",
        "alert",
    ),
    "list": ("list", "item", "card", "tile", "grid", "box", "module", "block", "feed", "col"),
    "button": ("btn", "button", "icon", "toggle", "control", "tool", "action", "link"),
}
GROUPS = tuple(KEYWORD_GROUPS)
FAR = 30  # the distance given when no element above carries the group's name
LEVELS = (1, 2, 3, 4, 6)  # block elements above a unit whose subtrees are measured

# Tags whose presence above a unit is recorded (one bit each).
ANCESTOR_TAGS = (
    "article",
    "main",
    "section",
    "aside",
    "nav",
    "header",
    "footer",
    "form",
    "figure",
    "ul",
    "ol",
    "table",
    "blockquote",
    "a",
    "button",
    "label",
    "time",
    "address",
    "dl",
    "strong",
    "em",
)
_TAG_BIT = {t: 1 << i for i, t in enumerate(ANCESTOR_TAGS)}
_TAG_BIT["b"] = _TAG_BIT["strong"]
_TAG_BIT["i"] = _TAG_BIT["em"]
_TAG_BIT["figcaption"] = _TAG_BIT["figure"]

# The tag of the block a unit comes from (its innermost block element), as a small number.
BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "span",
    "a",
    "figcaption",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "ul",
    "ol",
    "table",
    "tr",
    "form",
    "main",
    "body",
    "address",
    "caption",
    "summary",
    "details",
    "legend",
    "center",
    "figure",
    "br",
)
BLOCK_INDEX = {t: i + 1 for i, t in enumerate(BLOCK_TAGS)}  # 0: any other tag

# A table cell is not a block of its own: a row's cells make one unit ("1 Kyle Busch 2000"), as
# flatteners print a row on one line; a cell that holds blocks still holds them.
_CELLS = frozenset({"td", "th"})
_BLOCKS = frozenset(BLOCK_TAGS) - {"span", "a", "br"} - _CELLS | {
    "html",
    "hr",
    "fieldset",
    "dialog",
    "tbody",
    "thead",
    "tfoot",
    "option",
    "menu",
    "hgroup",
    "noframes",
    "frameset",
    "frame",
    "iframe",
    "img",
    "picture",
    "video",
    "audio",
    "source",
}
_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "select",
        "textarea",
        "input",
        "object",
        "embed",
        "canvas",
        "iframe",
        "button",
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_NAME_TOKEN = re.compile(r"[a-z]+")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Unit:
    """One unit of a page: its text and, for HTML, what the markup says about it."""

    text: str
    tag: int = 0  # BLOCK_INDEX of the block it comes from (0: text line or other tag)
    link_chars: int = 0  # characters inside links (HTML <a>, Markdown [text](url))
    links: int = 0
    depth: int = 0  # elements above it
    ancestors: int = 0  # bits of ANCESTOR_TAGS present above it
    names: list[int] = field(default_factory=list)  # per GROUPS: levels up to the nearest name
    hidden: bool = False  # inside an element marked hidden (attribute or inline style)
    marker: int = 0  # text lines: 0 none, 1 list bullet, 2 heading "#", 3 quote ">", 4 table "|"
    indent: int = 0  # text lines: leading spaces
    blank_before: bool = False  # text lines: a blank line stands before it
    # HTML: for the block elements LEVELS above the unit's own, the units their subtrees hold
    # (first, last + 1), so that a unit can be measured by the prose around it in the markup
    boxes: list[tuple[int, int]] = field(default_factory=list)


def _group_pattern(prefixes: tuple[str, ...]) -> re.Pattern:
    # a name of more than two letters is a prefix ("comment" -> "comments", "commentlist");
    # a short one must be the whole token or its plural ("ad", "ads"; not "adventure")
    long = [p for p in prefixes if len(p) > 2]
    short = [p for p in prefixes if len(p) <= 2]
    alts = [f"(?:{'|'.join(long)})"] if long else []
    alts += [f"(?:{'|'.join(short)})s?$"] if short else []
    return re.compile("|".join(alts))


_GROUP_PATTERNS = tuple(_group_pattern(p) for p in KEYWORD_GROUPS.values())


@lru_cache(maxsize=16384)
def _token_groups(token: str) -> tuple[int, ...]:
    return tuple(g for g, pat in enumerate(_GROUP_PATTERNS) if pat.match(token))


@lru_cache(maxsize=16384)
def name_groups(names: str) -> tuple[int, ...]:
    """Indices of the GROUPS named by a class/id string ("article-body sidebar" -> article,
    content, side)."""
    found: set[int] = set()
    for token in _NAME_TOKEN.findall(names.lower()):
        found.update(_token_groups(token))
    return tuple(sorted(found))


class _Walk:
    """State of one walk over a tree: the open elements and the text gathered so far."""

    def __init__(self):
        self.units: list[Unit] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.links = 0
        self.in_link = 0
        self.link_serial = 0  # the last <a href> opened
        self.open_links: list[int] = []
        self.counted_link = -1  # the last link counted for the current unit
        self.hidden = 0
        self.depth = 0
        self.nearest = [-FAR] * len(GROUPS)  # depth of the nearest element naming each group
        self.masks = [0]
        self.block_tags = ["body"]
        self.snapshot: tuple | None = None  # depth, tags above, names, boxes, hidden
        self.spans: list[list[int]] = []  # per block element: [first unit, last unit + 1]
        self.open_blocks: list[int] = []  # indices into spans of the open block elements

    def add(self, text: str) -> None:
        if text.isspace():  # white space between two inline elements still parts two words
            if self.parts:
                self.parts.append(" ")
            return
        if self.snapshot is None:
            d = self.depth
            ob = self.open_blocks
            boxes = [ob[-1 - k] if k < len(ob) else -1 for k in LEVELS]
            # the depths of the nearest names; made distances for all units at once at the end
            self.snapshot = (d, self.masks[-1], tuple(self.nearest), boxes, self.hidden > 0)
        self.parts.append(text)
        if self.in_link:
            self.link_chars += len(text.strip())
            if self.open_links and self.open_links[-1] != self.counted_link:
                self.counted_link = self.open_links[-1]
                self.links += 1

    def flush(self) -> None:
        if self.snapshot is not None:
            text = _SPACE.sub(" ", "".join(self.parts)).strip()
            if text:
                d, mask, names, boxes, hidden = self.snapshot
                self.units.append(
                    Unit(
                        text,
                        tag=BLOCK_INDEX.get(self.block_tags[-1], 0),
                        link_chars=min(self.link_chars, len(text)),
                        links=self.links,
                        depth=d,
                        ancestors=mask,
                        names=names,
                        hidden=hidden,
                        boxes=boxes,  # indices into spans until the walk ends
                    )
                )
        self.parts = []
        self.link_chars = 0
        self.links = 0
        self.counted_link = -1
        self.snapshot = None


def html_units(tree) -> list[Unit]:
    """The text blocks of an lxml HTML tree, in document order."""
    body = tree.find("body") if tree.tag == "html" else tree
    if body is None:
        body = tree
    w = _Walk()
    _visit(w, body, "body")
    w.flush()
    units = w.units
    if units:
        n = len(units)
        depth = np.array([u.depth for u in units])
        names = np.minimum(depth[:, None] - np.array([u.names for u in units]), FAR)
        spans = np.array([*w.spans, [0, n]])  # the last: no block that far up, the whole page
        boxes = spans[np.array([u.boxes for u in units])]
        for u, row, box in zip(units, names.tolist(), boxes.tolist(), strict=True):
            u.names = row
            u.boxes = box
    return units


def _visit(w: _Walk, el, tag: str) -> None:
    """Walk ``el`` (a non-skipped element) and its subtree; its tail is the caller's."""
    block = tag in _BLOCKS
    if block or tag == "br":
        w.flush()
    elif tag in _CELLS and w.parts:
        w.parts.append(" ")
    w.depth += 1
    attrib = el.attrib
    changed = None
    hidden = False
    is_link = tag == "a"
    if attrib:
        names = attrib.get("class")
        ident = attrib.get("id")
        if ident:
            names = f"{names} {ident}" if names else ident
        if names:
            changed = []
            nearest = w.nearest
            for g in name_groups(names):
                changed.append((g, nearest[g]))
                nearest[g] = w.depth
        style = attrib.get("style")
        hidden = "hidden" in attrib or bool(style and _HIDDEN_STYLE.search(style))
        if is_link and "href" in attrib:
            w.link_serial += 1
            w.open_links.append(w.link_serial)
        else:
            is_link = False  # an <a> without href (an anchor) is not a link
    else:
        is_link = False
    w.hidden += hidden
    w.masks.append(w.masks[-1] | _TAG_BIT.get(tag, 0))
    if block:
        w.block_tags.append(tag)
        w.open_blocks.append(len(w.spans))
        w.spans.append([len(w.units), len(w.units)])
    if is_link:
        w.in_link += 1
    text = el.text
    if text:
        w.add(text)
    for child in el:
        ctag = child.tag
        if isinstance(ctag, str) and ctag not in _SKIP:
            _visit(w, child, ctag)
        tail = child.tail
        if tail:
            w.add(tail)
    if is_link:
        w.in_link -= 1
        w.open_links.pop()
    if block:
        w.flush()
        w.block_tags.pop()
        w.spans[w.open_blocks.pop()][1] = len(w.units)
    if changed:
        nearest = w.nearest
        for g, before in reversed(changed):
            nearest[g] = before
    w.hidden -= hidden
    w.masks.pop()
    w.depth -= 1


# Text pages: list markers as flatteners print them ("* ", "- ", "• ", "1. "), Markdown headings
# and quotes, table rows; Markdown images and links.
_BULLET = re.compile(r"^(?:[*+\-•◦▪·–]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^#{1,6}\s+")
_QUOTE = re.compile(r"^>\s*")
# a target's characters: html2text escapes the brackets of a URL ("url\\(%23clip\\)")
_MD_TARGET = r"(?:[^()\s\\]|\\.|\([^()]*\))"
_MD_IMAGE = re.compile(rf"!\[[^\]]*\]\((?:{_MD_TARGET}|\s)*\)")  # a title may follow the target
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|(?<!\w)[*_])(?=\S)(.+?)(?<=\S)\1(?!\w)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
# a link's target that a wrap broke after a hyphen ("(https://www.post-" / "gazette.com/...)"),
# up to eight times (an inline SVG's data URI)
_MD_CUT_TARGET = re.compile(rf"(\]\({_MD_TARGET}*)\n(?={_MD_TARGET}*(?:\n{_MD_TARGET}*){{0,7}}\))")
# a link's title that a wrap broke at one of its spaces ('[佐賀県](http://www.asahi.com/area/saga/
# "佐賀県' / 'のトピックスを開く")：神埼市'): the paragraph goes on after the link
_MD_CUT_TITLE = re.compile(rf'(\]\({_MD_TARGET}*\s+"[^"\n]{{0,200}})\n(?=[^"\n]{{0,200}}"\))')
# a link whose text a line break cuts ("[Europa" / "Clipper](https://...)", html2text's wrap
# or a paragraph's own line breaks): up to three lines of text before the target
_MD_CUT_LINK = re.compile(
    r"\[([^\[\]\n]{0,200}(?:\n[^\[\]\n]{0,200}){1,2})\]\(((?:[^()\s]|\([^()]*\))*)(\s+\"[^\"]*\")?\)"
)


def wrap_width(lines: list[str]) -> int | None:
    """The width a text was hard-wrapped at (html2text wraps at 78), or None when its lines were
    not wrapped. A wrapped text has many lines a little shorter than the width, few a little
    longer: the widths from 40 to 120 that show that step (at least 5 lines and an eighth of
    the lines of 40 characters or more end within 8 of it; links and table rows may make up to
    40% longer; long lines of Markdown links are not counted), and of the four best of them the
    one whose line breaks fit a wrap at that width best (``_break_counts``)."""
    counts = [0] * 141
    n = 0
    for s in lines:
        if len(s) > 121 and "](" in s:  # a Markdown link or image line: html2text leaves it whole
            continue
        if len(s) >= 40:
            counts[min(len(s), 140)] += 1
            n += 1
    if n < 5 or n - sum(counts[40:122]) > 0.4 * n:  # most lines longer than any width
        return None
    upto = [0]  # upto[k]: lines of 40 characters or more shorter than k
    for c in counts:
        upto.append(upto[-1] + c)
    scored = []
    for width in range(40, 121):
        near = upto[width + 1] - upto[width - 8]
        over = upto[width + 5] - upto[width + 1]
        score = near - 3 * over
        if near >= max(5, n / 8) and n - upto[width + 1] <= 0.4 * n and score > 0:
            scored.append((-score, width))
    # lines of links run past the width (a long URL is not broken), so the best step may sit a
    # character or two off: of the best-scored widths, the one whose breaks fit best wins (a
    # width too narrow explains fewer breaks, one too wide misses some)
    best, best_fit = None, 0
    for _, width in sorted(scored)[:4]:
        fits, misses = _break_counts(lines, width)
        if fits >= 5 and misses <= fits / 10 and fits - 10 * misses > best_fit:
            best, best_fit = width, fits - 10 * misses
    return best


def _break_counts(lines: list[str], width: int) -> tuple[int, int]:
    """Of the nearly full lines that another line follows, how many end where the next line's
    first word would not have fitted at ``width`` and how many do not. A text wrapped at
    ``width`` has nine fits in ten or more, a text that was not wrapped seldom does."""
    fits = misses = 0
    prev = 0
    for line in lines:
        s = _quoted(line.strip())
        if s and width - 25 <= prev <= width and not _BULLET.match(s) and not _HEADING.match(s):
            if prev + 1 + len(s.split(" ", 1)[0]) > width:
                fits += 1
            else:
                misses += 1
        prev = len(line.rstrip()) if s else 0
    return fits, misses


def _quoted(s: str) -> str:
    """A stripped line without html2text's quote marker ("> "), which a wrapped quote repeats
    on every line: the line's first word is what follows it, and a lone ">" is a blank line
    inside the quote. Seen on a fundus page quoting tweets, whose quote lines made the wrap
    look like no wrap."""
    return s[2:] if s.startswith("> ") else "" if s == ">" else s


def _unwrap(lines: list[str], width: int) -> list[str]:
    """Lines a wrap at ``width`` broke, joined again: a line continues the one above when the
    line above (as printed) is nearly full and the next line's first word would not have fitted
    after it."""
    out: list[str] = []
    last = 0  # the printed length of the line above
    for line in lines:
        stripped = line.strip()
        s = _quoted(stripped)
        quote = s != stripped  # a quote's line continues only a quote's line
        if (
            s
            and out
            and width - 25 <= last <= width
            and last + 1 + len(s.split(" ", 1)[0]) > width
            and not _BULLET.match(s)
            and not _HEADING.match(s)
            and quote == out[-1].lstrip().startswith(">")
        ):
            # a wrap breaks long words after a hyphen ("all-" / "company", a URL): no space there
            glue = "" if out[-1][-1:] == "-" and out[-1][-2:-1].isalnum() else " "
            out[-1] = f"{out[-1]}{glue}{s}"
        else:
            out.append(line.rstrip())
        last = len(line.rstrip()) if s else 0
    return out


def _links_per_line(lines: list[str]) -> list[str]:
    """Each Markdown link whose text runs over two or three lines made one link per line, with
    the same target, so that each line loses its part of the target and counts its link text
    (html2text breaks a link's text where it wraps), and a target a wrap broke after a hyphen,
    or a title a wrap broke at a space, made whole again (the lines around it one line: on a
    page of Chinese, Japanese or Korean, whose lines a wrap is not found in, the title's space
    was the paragraph's one break).
    Seen on html2text pages of the gold sets: 115 of 438 kept a target such as
    "Clipper_](https://www.space.com/37282-europa-clipper.html)" as article text."""
    text = "\n".join(lines)
    if "\n" not in text:
        return lines
    for _ in range(8):  # a long target may be broken more than once
        text, n = _MD_CUT_TARGET.subn(r"\1", text)
        if not n:
            break
    for _ in range(2):  # a title broken twice
        text, n = _MD_CUT_TITLE.subn(r"\1 ", text)
        if not n:
            break

    def each(m: re.Match) -> str:
        target = m.group(2) + (m.group(3) or "")
        image = "!" if m.start() and m.string[m.start() - 1] == "!" else ""  # an image's alt
        return f"\n{image}".join(f"[{part}]({target})" for part in m.group(1).split("\n"))

    return _MD_CUT_LINK.sub(each, text).split("\n")


def _one_block_a_line(lines: list[str]) -> bool:
    """Whether a text puts one block on each line rather than separating blocks by blank lines:
    it has no blank line between its first and last line, or blank lines before fewer than 2% of
    its lines (a title set apart, a few breaks in a long page). Each line break there is what a
    blank line is elsewhere. The crawl's bodies and seed 003 have none; the four flatteners the
    model is trained on leave a blank line before 2.9% of a page's lines at the least."""
    filled = [i for i, s in enumerate(lines) if s.strip()]
    gaps = sum(1 for a, b in pairwise(filled) if b > a + 1)  # runs of blank lines between lines
    return len(filled) >= 2 and gaps < 0.02 * (len(filled) - 1)


# what a line may open with only when it goes on from the line above (a comma, a full stop, a
# closing bracket; the full-width ones of Chinese and Japanese), and what a line that the next
# line goes on from may end with (an opening bracket or quote)
_GOES_ON = frozenset(
    ",.;:!?)]}%\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff01\uff1f\uff09\uff3d\uff5d\u300d\u300f\u3011\u3009\u300b"
)
_OPENS = frozenset("([\u201c\u2018\u00ab\uff08\uff3b\u300c\u300e\u3010\u3008\u300a")


LEAD_WORDS = 30  # a line that ends in one of its language's this many most frequent words ...
_WORD_END = frozenset({"Ll", "Lo", "Lm", "Mn", "Mc"})  # ... ends in one of these, not a capital


def _goes_on(above: str, s: str, lead: Callable[[], frozenset[str]]) -> bool:
    """Whether line ``s`` goes on with the sentence of the line ``above`` (both stripped): it
    opens with a comma, a full stop or a closing bracket; or it opens with a lower-case letter
    and the line above ends in a letter of a word (lower case), a digit or a comma; or the line
    above ends with an opening bracket, or with one of the ``lead()`` words in lower case ("in
    der" / "Premier League", "dan" / "Presiden"; not "Baca Juga", a label). A list item
    never goes on from the line above."""
    if not above or _BULLET.match(s):
        return False
    first, last = s[0], above[-1]
    return (
        (first in _GOES_ON and not s.startswith("..."))
        or (first.islower() and (last.islower() or last.isdigit() or last == ","))
        or last in _OPENS
        # the word as written (mid-sentence: its last letter not a capital); the page's
        # language is found only for a line that may end in one
        or (
            first.isalnum()
            and unicodedata.category(last) in _WORD_END
            and above.rsplit(" ", 1)[-1] in lead()
        )
    )


def _rejoin_fragments(lines: list[str]) -> list[str]:
    """A sentence that inline tags cut into lines made one line again, in a text that puts one
    block a line. A flattener that writes every text node on a line of its own (BeautifulSoup's
    ``get_text("\\n")``) breaks the line before and after each link or bold word: "Pero" /
    "hasta hace unos meses" / "Bruselas se había mostrado...", "in our" / "cost-effectiveness
    estimate for the grant" / ": note that...", "FC Liverpool hat in der" / "Premier League
    das Derby", "（マグニチュード" / "）は6.9と推定される". On the gold pages so flattened, the
    content model, which learnt whole blocks, took the pieces for furniture (mean F1 0.844 /
    0.860 before this, 0.888 / 0.902 after). A line opening in lower case is not joined to a
    line that ends in a capital letter or a full stop, so that a template line ("SCROLL TO
    CONTINUE WITH CONTENT") stays whole for the furniture table; a line opening with a capital
    is joined only after one of the ``LEAD_WORDS`` most frequent words of the page's language
    written in lower case (articles, prepositions, conjunctions: words a heading or a menu
    item seldom ends with)."""
    lead = lru_cache(maxsize=1)(lambda: frequent_words(language_of(lines), LEAD_WORDS))
    out: list[str] = []
    for line in lines:
        s = line.strip()
        above = out[-1].rstrip() if out else ""
        if s and _goes_on(above, s, lead):
            glue = "" if s[0] in _GOES_ON or above[-1] in _OPENS else " "
            out[-1] = f"{above}{glue}{s}"
        else:
            out.append(line)
    return out


# where blocks were glued with nothing between them (lxml's text_content() of minified HTML, a
# crawler that dropped the tags): a sentence's end against a capital ("preferences.Not now"),
# a word against a capitalised word ("nowYes pleaseJump", "HealthBusinessScience")
_GLUED_END = re.compile(r"(?<=[a-z\u00df-\u00ff0-9)\u201d\"][.!?])(?=[^\W\d_])")
_GLUED_CASE = re.compile(r"(?<=[a-z\u00df-\u00ff]{3})(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])")
GLUED_LINE = 1000  # a line this long (or longer) ...
GLUED_MARKS = 3  # ... with this many glued places or more is cut at each of them ...
GLUED_RATE = 6  # ... when its page's long lines glue a word to a capital this often (per 1,000)


def unglue(lines: list[str]) -> list[str]:
    """Long lines whose blocks were glued together, cut where one block meets the next. lxml's
    ``text_content()`` of a page with no line breaks in its source is one line: an Independent
    page read "...in browser preferences.Not nowYes pleaseJump to contentUK Edition..." with
    its article inside, and the model could only keep it all or nothing (leave-site-out mean F1
    on the gold pages so flattened 0.832 / 0.817 before this, 0.860 / 0.863 after).
    Only a page whose menus were glued is cut: its long lines glue a word to a capitalised word
    ``GLUED_RATE`` times per 1,000 characters or more (the long lines of the gold pages so
    flattened: half over 2, a tenth over 30). The crawl's bodies glue whole paragraphs ("...sudah
    diefisiensi.Sebelumnya, tutur dia") and names in italics ("rekamanBocor Alus"), 4.4 times
    at the most in 99 lines of 100; they keep their lines, which the per-site and copy passes
    read as they came. In a page that is cut, a line is cut when it is ``GLUED_LINE``
    characters or longer with ``GLUED_MARKS`` glued places or more. A capital after a full
    stop counts only after a small letter or a digit ("REPUBLIKA.CO.ID" stays whole)."""
    long = [s for s in lines if len(s) >= GLUED_LINE]
    chars = sum(len(s) for s in long)
    if not long or sum(len(_GLUED_CASE.findall(s)) for s in long) * 1000 < GLUED_RATE * chars:
        return lines
    out: list[str] = []
    for line in lines:
        cuts = []
        if len(line) >= GLUED_LINE:
            cuts = sorted(
                {m.start() for m in _GLUED_END.finditer(line)}
                | {m.start() for m in _GLUED_CASE.finditer(line)}
            )
        if len(cuts) < GLUED_MARKS:
            out.append(line)
            continue
        out.extend(line[a:b] for a, b in pairwise([0, *cuts, len(line)]))
    return out


def _tight(lines: list[str]) -> bool:
    """Whether the lines put one block a line (``_one_block_a_line``) or are one line."""
    return _one_block_a_line(lines) or sum(1 for s in lines if s.strip()) == 1


def one_block_a_line(text: str) -> bool:
    """Whether ``text`` puts one block a line (``_one_block_a_line``) or is one line."""
    return _tight(text.splitlines())


def text_units(text: str) -> list[Unit]:
    """The lines of a text page, each with its list or heading marker taken off, Markdown links
    reduced to their text (the characters counted as link text), wrapped lines re-joined."""
    raw = text.splitlines()
    width = wrap_width(raw)
    if width:
        raw = _unwrap(raw, width)
    markdown = "](" in text
    if markdown:
        raw = _links_per_line(raw)
    units: list[Unit] = []
    tight = _tight(raw)
    if tight:
        raw = _rejoin_fragments(unglue(raw))
    blank = False
    for line in raw:
        s = line.strip()
        if not s:
            blank = True
            continue
        indent = len(line) - len(line.lstrip())
        marker = 0
        link_chars = links = 0
        if markdown:
            s = _MD_IMAGE.sub("", s)
            found = _MD_LINK.findall(s)
            if found:
                links = len(found)
                link_chars = sum(len(f.strip()) for f in found)
                s = _MD_LINK.sub(lambda m: m.group(1), s)
            s = _MD_ESCAPE.sub(r"\1", _MD_EMPHASIS.sub(r"\2", s))
        if m := _HEADING.match(s):
            marker, s = 2, s[m.end() :]
        elif m := _BULLET.match(s):
            marker, s = 1, s[m.end() :]
        elif m := _QUOTE.match(s):
            marker, s = 3, s[m.end() :]
        elif s.startswith("|") or s.count(" | ") >= 2:
            marker = 4
        s = _SPACE.sub(" ", s).strip()
        if not s:
            blank = True
            continue
        units.append(
            Unit(
                s,
                link_chars=min(link_chars, len(s)),
                links=links,
                marker=marker,
                indent=indent,
                blank_before=blank,
            )
        )
        blank = tight
    return units
