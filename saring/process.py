"""The per-document stages, composed: decode, extract (HTML), clean, filter, the dedup key.

``process_record`` maps one raw record to what those stages make of it, never raising: any
failure becomes ``status=failed`` with a reason, and the stage where the document left is
recorded. It knows nothing of Daft; the pipeline calls it from a UDF, tests call it directly.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from saring.clean import clean_page
from saring.clean.textpage import is_date_line
from saring.config import RunConfig
from saring.dedup.normalize import normalize, text_hash
from saring.extract.byline import BYLINE, line_meta
from saring.extract.dates import parse_date, parse_tz
from saring.extract.html import ExtractError, is_markup, no_result_within
from saring.extract.meta import site_of
from saring.filters import judge
from saring.model import (
    EMPTY_AFTER_CLEANING,
    EMPTY_INPUT,
    EXTRACT_FAILED,
    EXTRACT_TIMEOUT,
    FAILED,
    FILTERED,
    INTERNAL_ERROR,
    KEPT,
    NO_ARTICLE,
    NOT_A_PAGE,
    REPEATED_PARAGRAPH,
    RULE_FAMILIES,
    Processed,
    Removed,
    reason_family,
)
from saring.readers.decode import DecodeError, decode_bytes, nul_note, without_nul
from saring.readers.mojibake import noted, repair
from saring.timelimit import TimeUp, reset, time_limit

# Stages in the order a document passes them; ``stage`` says where a document left.
STAGES = ("read", "decode", "extract", "clean", "filter", "exact_dedup", "near_dedup")
# Reasons that judge the content (status filtered) rather than report a failure.
_FILTERED = (NOT_A_PAGE, EMPTY_AFTER_CLEANING, NO_ARTICLE, *RULE_FAMILIES)


@dataclass
class Outcome:
    processed: Processed
    stage: str  # the stage where the document left, or "filter" for one that went through


def empty_after_cleaning(reasons) -> str:
    """The reason for a text that cleaning emptied, naming what its lines were."""
    return f"{EMPTY_AFTER_CLEANING}: every line was furniture ({', '.join(sorted(set(reasons)))})"


def explained(cleaned, units) -> list[tuple[str, str | None, float | None]]:
    """The page unit by unit for ``--explain``. A text page: its lines with the content model's
    scores. An HTML page (``units``: the extractor's blocks with score and reason): the blocks
    the model dropped, and for the blocks it kept, the lines cleaning made of them."""
    lines = cleaned.lines
    if units is None:
        scores = cleaned.scores
        if scores is not None and len(scores) == len(lines):
            return [(t, r, s) for (t, r), s in zip(lines, scores, strict=True)]
        return [(t, r, None) for t, r in lines]
    out: list[tuple[str, str | None, float | None]] = []
    queue = list(lines)
    seen: set[str] = set()
    for text, score, reason in units:
        if reason is not None:
            out.append((text, reason, score))
        elif text in seen:
            out.append((text, REPEATED_PARAGRAPH, score))
        elif not queue:  # no cleaning step listed the lines (--html-cleaning none)
            seen.add(text)
            out.append((text, None, score))
        else:
            seen.add(text)
            line, why = queue.pop(0)
            out.append((line, why, score))
            # a "strip" rule made two entries of the block: what stayed and what it cut off
            if line != text and queue and queue[0][1] is not None and queue[0][0] in text:
                line, why = queue.pop(0)
                out.append((line, why, score))
    out.extend((t, r, None) for t, r in queue)
    return out


def _leave(p: Processed, stage: str, reason: str) -> Outcome:
    """The document leaves at ``stage``: ``filtered`` when the reason judges its content (its
    text stays, for a person to check), ``failed`` when it could not be processed (no text)."""
    p.status = FILTERED if reason_family(reason) in _FILTERED else FAILED
    p.reason = reason
    if p.status == FAILED:
        p.text = None
    p.norm = None
    return Outcome(p, stage)


def process_record(row: dict, cfg: RunConfig) -> Outcome:
    """Run the per-document stages on one raw record (a dict of ``model.RAW_FIELDS``)."""
    p = Processed(
        url=row.get("url"), title=row.get("title"), author=row.get("author"), site=row.get("site")
    )
    try:
        return _process(row, cfg, p)
    except Exception as e:  # a bug of ours must cost one document, not the run
        return _leave(p, "extract", f"{INTERNAL_ERROR}: {type(e).__name__}: {e}")


def _decoded(row: dict, p: Processed, is_html: bool) -> tuple[str, str | None]:
    """The document's text, its decoding noted in ``p.encoding``; or why there is none."""
    if row.get("raw_text") is not None:
        # a table's text: ``charset`` says how the reader decoded its file ("utf-8")
        content, nul = without_nul(row["raw_text"])
        notes = [n for n in (row.get("charset"), nul_note(nul) if nul else None) if n]
        p.encoding = f"{notes[0]} ({notes[1]})" if len(notes) == 2 else (notes or [None])[0]
        return content, None if content.strip() else f"{EMPTY_INPUT}: only whitespace"
    try:
        content, p.encoding = decode_bytes(
            row.get("raw") or b"", declared=row.get("charset"), html=is_html
        )
    except DecodeError as e:
        return "", e.reason
    return content, None


def _repair_metadata(p: Processed, repaired: bool) -> None:
    """Mojibake in the title and author repaired; any repair (``repaired``: in the text) said
    in the ``encoding`` column."""
    for name in ("title", "author"):
        value, changed = repair(getattr(p, name))
        setattr(p, name, value)
        repaired = repaired or changed
    if repaired:
        p.encoding = noted(p.encoding)


def _metadata_from_lines(
    p: Processed, cleaned, date_text: str | None, tz: str, around: tuple[list, str | None]
) -> None:
    """The author and date from lines cleaning removed (a byline, the date line), and on the
    HTML path from the units the extractor left out just around the article (``around``),
    where the table and the page gave none that can be read. A date without its time of day
    (htmldate's, a table's) takes the time a date line prints for the same day."""
    removed, date_line = around
    lines = line_meta([*cleaned.removed, *removed], cleaned.date_text or date_line)
    p.author = p.author or lines.author
    texts = (date_text, cleaned.date_text, date_line, lines.date_text)
    dates = (d for d in (parse_date(t, tz) for t in texts if t) if d is not None)
    p.published = next(dates, None)  # the others are parsed only for a date at midnight
    zone = parse_tz(tz)
    if p.published is not None and _midnight(p.published, zone):
        day = p.published.astimezone(zone).date()
        timed = (d for d in dates if d.astimezone(zone).date() == day)
        p.published = next((d for d in timed if not _midnight(d, zone)), p.published)


def _midnight(d, zone) -> bool:
    local = d.astimezone(zone)
    return (local.hour, local.minute, local.second) == (0, 0, 0)


# units the extractor left out this close to the article may be its byline or date line
AROUND_UNITS = 6


def _around(units: list | None, rules) -> tuple[list[Removed], str | None]:
    """The bylines (as the furniture table names them) among the units the extractor left out
    just before and after the article, and the last date line before it: on the HTML path the
    model drops them before cleaning could read them ("Senin, 16 Juni 2025 15:12 WIB | Budi
    Santoso" above the paragraphs gave no author and lost its time)."""
    kept = [i for i, (_, _, reason) in enumerate(units or []) if reason is None]
    if not kept:
        return [], None
    before = [u[0] for u in units[max(0, kept[0] - AROUND_UNITS) : kept[0]]]
    after = [u[0] for u in units[kept[-1] + 1 : kept[-1] + 1 + AROUND_UNITS]]
    bylines = []
    for text in before + after:
        hit = rules.match(text)
        if hit is not None and hit.rule.reason == BYLINE:
            bylines.append(Removed(text, BYLINE, None))
    date_line = next((t for t in reversed(before) if is_date_line(t)), None)
    return bylines, date_line


def _process(row: dict, cfg: RunConfig, p: Processed) -> Outcome:
    p.fmt = row["fmt"]
    if row.get("error"):
        return _leave(p, "read", row["error"])

    t0 = time.perf_counter()
    content, why = _decoded(row, p, p.fmt == "html")
    if why is not None:
        return _leave(p, "decode", why)
    if p.fmt == "text" and is_markup(content):
        # HTML that arrived as text (a table's "content" column, a page saved as .txt); its
        # bytes are read again as a page's, whose <meta> may name the charset
        p.fmt = "html"
        if row.get("raw_text") is None:
            content, _why = _decoded(row, p, True)
    elif p.fmt == "html" and "<" not in content:
        p.fmt = "text"  # no markup at all: a text file named .html
    is_html = p.fmt == "html"
    p.chars_in = len(content)
    content, repaired = (content, False) if is_html else repair(content)
    p.seconds["decode"] = time.perf_counter() - t0

    # Extraction and cleaning under one time limit: on a page that arrives as text the
    # content model's pass over its lines is the extraction (an 8 MB text takes a minute).
    timeout = cfg.extractor.timeout
    try:
        with time_limit(timeout):
            left = _article(row, cfg, p, content, repaired, is_html)
    except TimeUp:
        reset()
        return _leave(p, "clean", f"{EXTRACT_TIMEOUT}: {no_result_within(timeout)}")
    return left or _filtered(p, cfg)


def _article(
    row: dict, cfg: RunConfig, p: Processed, content: str, repaired: bool, is_html: bool
) -> Outcome | None:
    """Extract (HTML) and clean: the article's text and metadata in ``p``; an outcome only
    when the document leaves here."""
    t1 = time.perf_counter()
    date_text = row.get("date_raw")
    if is_html:
        try:
            ex = cfg.extractor(content, url=p.url)
        except ExtractError as e:
            p.seconds["extract"] = time.perf_counter() - t1
            if e.meta is not None:  # the page was read: which article failed
                p.title, p.url = p.title or e.meta.title, p.url or e.meta.url
                p.site = p.site or site_of(e.meta.url) or e.meta.site
            return _leave(p, "extract", e.reason)
        text, repaired = repair(ex.text)
        p.title = p.title or ex.title
        p.author = p.author or ex.author
        p.url = p.url or ex.url
        p.site = p.site or ex.site
        date_text = date_text or ex.date
    else:
        text = content
    _repair_metadata(p, repaired)
    t2 = time.perf_counter()
    p.seconds["extract"] = t2 - t1

    if not p.site and p.url:
        p.site = site_of(p.url)

    cleaned = clean_page(text, cfg.clean, html=is_html, title=p.title)
    p.title = p.title or cleaned.title
    around = _around(ex.units, cfg.clean.classifier.rules) if is_html else ([], None)
    _metadata_from_lines(p, cleaned, date_text, cfg.default_tz, around)
    p.removed = cleaned.removed
    p.explain = explained(cleaned, ex.units if is_html else None)
    p.explain_reader = ex.reader if is_html else None
    p.text = cleaned.text
    p.norm = normalize(p.text)
    p.seconds["clean"] = time.perf_counter() - t2
    if not p.norm:
        if p.removed:
            return _leave(p, "clean", empty_after_cleaning(r.reason for r in p.removed))
        code = EXTRACT_FAILED if is_html else EMPTY_INPUT
        return _leave(p, "clean", f"{code}: no words in the text")
    if not cleaned.has_prose:
        n = sum(1 for line in p.text.split("\n") if line.strip())
        return _leave(
            p,
            "clean",
            f"{NO_ARTICLE}: not one paragraph of prose in {n} line{'s' * (n != 1)} "
            "(a listing of headlines or a stub)",
        )
    return None


def _filtered(p: Processed, cfg: RunConfig) -> Outcome:
    """The language and quality filters on the clean text; a text that passes is kept."""
    t = time.perf_counter()
    verdict = judge(p.text, cfg.filters)
    p.lang, p.lang_score, p.signals = verdict.lang, verdict.lang_score, verdict.signals
    p.seconds["filter"] = time.perf_counter() - t
    if verdict.reason:
        return _leave(p, "filter", verdict.reason)
    p.exact_hash = text_hash(p.norm)
    p.status = KEPT
    return Outcome(p, "filter")


def rank_key(words: int, published, order: str, doc_id: str) -> str:
    """The canonical-document rule as one sortable string: the longest text first (most words in
    the normal form), then the earliest publication date (undated after all dated ones), then
    input order, then id. The smallest key in a duplicate cluster is its canonical document."""
    pub = published.strftime("%Y-%m-%dT%H:%M:%S") if published is not None else "~"
    return f"{_MAX_WORDS - min(words, _MAX_WORDS):09d}|{pub}|{order}|{doc_id}"


def ranked_as(rank: str, order: str, doc_id: str) -> str:
    """``rank`` of a document for another record with the same text (its ``order`` and id)."""
    words, pub, _ = rank.split("|", 2)
    return f"{words}|{pub}|{order}|{doc_id}"


def rerank(rank: str, words: int) -> str:
    """``rank`` for the same document after its text changed to ``words`` words."""
    return f"{_MAX_WORDS - min(words, _MAX_WORDS):09d}|{rank.split('|', 1)[1]}"


def word_count(norm: str | None) -> int:
    return norm.count(" ") + 1 if norm else 0


_MAX_WORDS = 999_999_999
