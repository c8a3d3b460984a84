"""The author and date a page prints in lines that cleaning removes: bylines ("Penulis: Arby
Salim", "Reporter: ...", "Editor: ...") and the date line above the article ("Senin, 16 Juni
2025 15:12 WIB | Budi Santoso"). Only read; the caller uses them where metadata gave none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from saring.clean.rules import words_of
from saring.clean.textpage import DATE_PARTS, is_date_line
from saring.model import Removed

BYLINE = "byline"  # the furniture table's reason for these lines

# A byline's label and how much it says who wrote the article: the writer, then the reporter,
# then the editor (named alone, the editor is the person the page credits). Other labels
# ("Sumber:", "Fotografer:") name no author.
_LABEL = re.compile(
    r"^\s*(?P<label>artikel ini ditulis oleh|ditulis oleh|written by|penulis|author|oleh|"
    r"reporter|pewarta|wartawan|kontributor|editor|redaktur|penyunting)\b\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_RANK = {
    **dict.fromkeys(("artikel ini ditulis oleh", "ditulis oleh", "written by", "penulis"), 0),
    **dict.fromkeys(("author", "oleh"), 0),
    **dict.fromkeys(("reporter", "pewarta", "wartawan", "kontributor"), 1),
    **dict.fromkeys(("editor", "redaktur", "penyunting"), 2),
}
# where a name ends: a bar, a slash, another label
_NAME_END = re.compile(
    r"\s*(?:[|•·/]|\s-\s|\b(?:editor|penulis|reporter|pewarta|foto)\b\s*:)", re.I
)
# words that make what stands beside a date a section, not a person ("| Ekonomi")
_SECTIONS = frozenset(
    {
        "berita", "news", "nasional", "internasional", "ekonomi", "bisnis", "finansial",
        "keuangan", "olahraga", "sport", "bola", "sepak", "hiburan", "seleb", "teknologi",
        "tekno", "sains", "politik", "hukum", "daerah", "regional", "metro", "megapolitan",
        "dunia", "global", "gaya", "hidup", "lifestyle", "otomotif", "kesehatan", "health",
        "travel", "wisata", "kuliner", "opini", "utama", "terkini", "populer", "terpopuler",
        "beranda", "home", "foto", "video", "edukasi", "pendidikan", "redaksi",
    }
)  # fmt: skip
_PARTICLES = frozenset({"bin", "binti", "van", "de", "al", "el", "da", "di"})


@dataclass(frozen=True)
class LineMeta:
    author: str | None
    date_text: str | None  # a byline that holds a date ("Reporter: X | Senin, 16 Juni 2025")


def _name(text: str, labelled: bool, fewest: int = 2) -> str | None:
    """``text`` cut at the first separator, when it reads as a person's name: letters, at most
    six words after a label; else ``fewest`` to five capitalised words, none a section's."""
    name = _NAME_END.split(text, maxsplit=1)[0].strip(" \t,;:.-–—()")
    words = name.split()
    if not name or len(name) > 60 or re.search(r"\d|\.\w{2,}\b|@", name):
        return None
    if not 1 <= len(words) <= 6 or not re.search(r"[^\W\d_]", name):
        return None
    if labelled:
        return name
    capitalised = all(w[0].isupper() or w.casefold() in _PARTICLES for w in words)
    if not fewest <= len(words) <= 5 or not capitalised or set(words_of(name)) & _SECTIONS:
        return None
    return name


def _beside_date(line: str) -> str | None:
    """The name a date line prints beside its date, after a bar."""
    parts = [p for p in DATE_PARTS.split(line) if p]
    names = [_name(p, labelled=False) for p in parts if not is_date_line(p)]
    return next((n for n in names if n), None)


def line_meta(removed: Sequence[Removed], date_line: str | None) -> LineMeta:
    """The author (the best-ranked byline, the earlier one on a tie; the name beside the date
    line ranks with a reporter's) and a byline that holds a date, from a page's removed lines
    and the date line above its article (``Cleaned.date_text``)."""
    best: tuple[int, str] | None = None
    if date_line and (name := _beside_date(date_line)):
        best = (1, name)
    dated = None
    for i, r in enumerate(removed):
        if r.reason != BYLINE:
            continue
        m = _LABEL.match(r.text)
        if m is None:
            continue
        if dated is None and any(is_date_line(p) for p in DATE_PARTS.split(r.text) if p):
            dated = r.text
        if m["rest"].strip():
            name = _name(m["rest"], labelled=True)
        else:  # "Artikel ini ditulis oleh:", the name on the next line
            nxt = removed[i + 1].text if i + 1 < len(removed) else ""
            name = _name(nxt, labelled=False, fewest=1)
        rank = _RANK[m["label"].casefold()]
        if name and (best is None or rank < best[0]):
            best = (rank, name)
    return LineMeta(best[1] if best else None, dated)
