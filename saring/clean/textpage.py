"""Find the article in a page that is already plain text, line by line, and say why each other
line went; clean the text of an article that the HTML path extracted.

A text page (seed 000 is a whole page flattened to lines) is judged by the content model
(``extract.content``, learned from gold text of many sites, measured on sites it never saw)
rather than by rules written for the pages at hand: C4-style line rules keep related-headline
teasers, which read like prose, and rules fitted to a few sites drop whole articles on others.
The furniture table still names the lines it knows (within the article they go; for the model
its verdict is one measure among others), paragraphs printed twice are caught in the same pass
(the rule of ``clean.repeats``), and lines a site repeats on many pages need the whole corpus
(``clean.siterepeats``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from saring.clean.datelines import opens_with_dateline
from saring.clean.repeats import flattened_copies, repeated_lines
from saring.clean.rules import FurnitureRules, default_rules, function_words, words_of
from saring.extract.units import one_block_a_line, text_units, unglue, wrap_width
from saring.model import ADVERTISEMENT, FLATTENED_COPY, REPEATED_PARAGRAPH, Removed
from saring.scripts import SENTENCE_ENDERS, find_words

_LETTERS = re.compile(r"[^\W\d_]")
# A sentence end, allowing closing quotes and brackets after it: 'kata Lavrov.' / 'berjuang."'
_CLOSERS = "\"”’'»)] \t"
_ENDERS = SENTENCE_ENDERS + ":;"
# Chinese, Japanese and Korean script: a sentence there is one "word" to WORD_RE
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_DATE_BITS = re.compile(
    r"\d{1,4}[/.\-:]\d{1,2}([/.\-:]\d{1,4})?|\b\d+\b|\b(senin|selasa|rabu|kamis|jumat|jum.at|sabtu|"
    r"minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|wib|wita|wit|gmt|utc|"
    r"am|pm|jan\w*|feb\w*|peb\w*|mar\w*|apr\w*|mei|may|jun\w*|jul\w*|agu\w*|agt|aug\w*|sep\w*|"
    r"okt\w*|oct\w*|nov\w*|nop\w*|des\w*|dec\w*|pukul|jam|diperbarui|dipublikasikan|updated|"
    r"published)\b",
    re.I,
)

# A date or time, so that "4. Eurowings" (a list item) is not a date line.
_DATE_TOKEN = re.compile(
    r"\d{1,2}[:.]\d{2}\b|\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\b\d{1,2}\s+(jan|feb|peb|mar|apr|mei|may|jun|"
    r"jul|agu|agt|aug|sep|okt|oct|nov|nop|des|dec)\w*|\b(senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
BEFORE = "before_article"
AFTER = "after_article"
TITLE = "title"  # the page's headline: it becomes the document's title
DATE_LINE = "date_line"
NON_TEXT = "non_text"
COMMENTS = "comments"  # the furniture table's reason for a comment section
# The header a blog or news theme prints above each reader's comment ("joetoronto says:",
# "Alex on September 17, 2018 at 6:34 am said:", WordPress's Indonesian "Budi berkata:"). An
# article may introduce a quote so ("The minister said:"), so a comment section needs two.
_COMMENT_HEADER = re.compile(
    r"^(?:\S+ ){0,3}\S+ (?:says|said|wrote|berkata|menulis)\s*:$"
    r"|^(?:\S+ ){1,4}on \w+ \d{1,2},? \d{4},? at \d{1,2}[:.]\d{2}"
    r"\s*(?:[ap]\.?m\.?)?\s*(?:said\s*:?)?$",
    re.I,
)


@dataclass
class Line:
    text: str
    kind: str = "short"  # body | short | junk | removed | tail
    reason: str | None = None
    words: int = 0
    ends: bool = False  # furniture that closes an article
    source: int = -1  # the line of the text it comes from
    part: bool = False  # the part of a line that a "strip" rule cut off
    score: float | None = None  # the content model's score (text pages)


def _prose_after(lines: list[Line], keep: set[int], i: int) -> bool:
    """Whether the text keeps a paragraph after its line ``i`` (a headline is never the only
    paragraph)."""
    return i < len(lines) and any(lines[j].kind == "body" for j in keep if j > i)


def _known_headline(
    lines: list[Line], keep: set[int], before: list[int], start: int, title: str
) -> int | None:
    """The line that prints the known title: above the article, or its first line when a "?"
    made it prose (never the text's only paragraph)."""
    want = " ".join(title.split()).casefold()
    at = (*before, start) if _prose_after(lines, keep, start) else before
    return next((i for i in at if " ".join(lines[i].text.split()).casefold() == want), None)


LEAD_WORDS = 12  # a dateline line this long is a lead; shorter, it may be a headline


def _dateline_lead(line: Line) -> bool:
    """Whether ``line`` is an article's lead by its dateline: it opens with one ("JUARA.net -
    Musim 2016-2017 akhirnya ...") and has ``LEAD_WORDS`` words or more. A short line that
    reads so is a headline as often ("KPK - Polri Sepakat Usut Kasus Korupsi Bansos")."""
    return line.words >= LEAD_WORDS and opens_with_dateline(line.text)


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+[A-Z]")


def _paragraph(line: Line) -> bool:
    """Whether ``line`` is a paragraph of prose: more than one sentence, the last closed by a
    full stop. No headline is (a detik lead the model doubted, "PT GoTo Gojek Tokopedia Tbk
    (GOTO) menggelar Rapat Umum ... hari ini, Rabu (18/6/2025). Salah satu agendanya adalah
    ...", had become the title); one sentence ending in "." or "..." may be ("Alasannya Bikin
    Geleng Kepala...", "... in the U.S.")."""
    text = line.text.rstrip(_CLOSERS)
    return (
        line.kind == "body"
        and text.endswith(".")
        and not text.endswith("..")
        and bool(_SENTENCE_BREAK.search(text))
    )


def _heading_like(line: Line) -> bool:
    """A line that may be a headline: 3 to 40 words, not a date or a symbol line, not a menu
    (a run of capitalised words without one function word or punctuation mark), not a
    paragraph (``_paragraph``)."""
    if line.kind in ("junk", "blank") or not 3 <= line.words <= 40 or _paragraph(line):
        return False
    if re.search(r"[,:;'\"‘’“”!?-]", line.text):
        return True
    return any(w in _function_words() for w in words_of(line.text))


def _opens_with_lead(lines: list[Line]) -> bool:
    """Whether the text opens with a paragraph of prose that opens with a dateline ("JUARA.net
    - Musim 2016-2017 ...", "Jakarta (ANTARA News) - ..."), as its first line or after one
    heading-like line (its headline): an article body, which the model, trained on whole
    pages, doubts at a text's first line. Prose alone does not say it: whole pages open with
    cookie and browser notices (seven aeb pages, flattened, lost 0.2 to 0.45 F1 when a prose
    first line was enough)."""
    filled = [ln for ln in lines if ln.kind != "blank"][:2]
    for k, ln in enumerate(filled):
        if ln.kind == "body" and _dateline_lead(ln):
            return True
        if k == 0 and not (ln.kind == "short" and _heading_like(ln)):
            return False  # not a headline: a menu, a date, a paragraph without a dateline
    return False


def _question_headline(lines: list[Line], keep: set[int], first: int) -> int | None:
    """The article's first line as its headline when it reads as one and nothing above it
    does: a question or an exclamation of 3 to 20 words, one sentence, before more prose
    ("Bolehkah Bayar Zakat Pakai Saham dan Kripto?"). Its "?" made it prose, so it was kept
    in the text and the page had no title."""
    if not _prose_after(lines, keep, first):
        return None
    text = lines[first].text.strip()
    inner = text[:-1]
    if _dateline_lead(lines[first]):  # "Liputan6.com, JakartaSaksikan ... di Indosiar!"
        return None
    if not (
        3 <= lines[first].words <= 20 and text[-1:] in "?!" and not re.search(r"[.?!] ", inner)
    ):
        return None
    return first


@dataclass
class Cleaned:
    text: str
    title: str | None
    removed: list[Removed] = field(default_factory=list)
    date_text: str | None = None  # the first date line before the article, if any
    has_prose: bool = True  # False: not one line of prose (a listing of headlines, a stub)
    # every non-blank line in page order with the reason it went (None: kept), for --explain
    lines: list[tuple[str, str | None]] = field(default_factory=list)
    scores: list[float | None] | None = None  # per entry of ``lines``: the model's score


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return function_words("id") | function_words("en")


# the bar between a date and what a site prints beside it: "16 Juni 2025 15:12 WIB | Budi Santoso"
DATE_PARTS = re.compile(r"\s*[|•·]\s*")
# a day of the calendar, not a clock time alone ("15:00 WIB | MotoGP – Race" is a schedule's line)
_CALENDAR = re.compile(
    r"\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\b\d{1,2}\s+(jan|feb|peb|mar|apr|mei|may|jun|jul|agu|agt|aug|"
    r"sep|okt|oct|nov|nop|des|dec)\w*",
    re.I,
)


def _only_date(text: str) -> bool:
    return bool(_DATE_TOKEN.search(text)) and len(words_of(_DATE_BITS.sub(" ", text))) <= 1


def is_date_line(text: str) -> bool:
    """A line made of a date, a time, a weekday or a counter and at most one other word
    ("Rabu, 07/12/2016 08:13 0", "Diperbarui 18 Jun 2025, 14:05 WIB"), or such a line with a
    day of the calendar and, beside it after a bar, a few words: a name or a section ("Senin,
    16 Juni 2025 15:12 WIB | Budi Santoso"; not "15:00 WIB | MotoGP – Race")."""
    if len(text) > 80 or not _DATE_TOKEN.search(text):  # a date line is short
        return False
    if _only_date(text):
        return True
    parts = [part for part in DATE_PARTS.split(text) if part]
    dates = [_only_date(part) and bool(_CALENDAR.search(part)) for part in parts]
    return (
        len(parts) > 1
        and any(dates)
        and all(d or len(words_of(part)) <= 6 for part, d in zip(parts, dates, strict=True))
    )


# lines the content model does not see (``TextCleaner._judge``): copies, and the labels of ad
# slots ("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT"), which some sites print between
# every two paragraphs of an article: the model read such paragraphs as a list of teasers
_UNJUDGED = (REPEATED_PARAGRAPH, FLATTENED_COPY, ADVERTISEMENT)


@dataclass(frozen=True)
class TextCleaner:
    """Line classifier for text pages.

    Parameters
    ----------
    rules : the furniture table (default: the bundled ``data/furniture.toml``).
    min_sentence_words : a line with at least this many words, a function word and a sentence
        end is prose ("body"); so is a sentence of twice as many words without a function word
        found (crawls glue words together: "kemenangan atasPachucadiPiala").
    long_line_words : a line this long with two function words is prose even without a sentence
        end (crawls that lost their punctuation). A headline (no sentence end, shorter) is not
        prose, so it can be found as the title.
    max_gap : at most this many short or date lines may stand between two prose lines of one run.
    min_run_lines : a run of prose other than the longest one is kept when it has at least this
        many prose lines (one isolated prose line after the article is a teaser).
    threshold : the content model's score from which a line of a text page is article (none:
        the one the model was trained with).
    edge_threshold : for a text that came with its title (an article a crawler extracted): only
        lines before and after the article scoring below this go. On the shared crawl's 3,715
        bodies the model's own threshold took list items that end articles (airline rankings,
        ticket prices); at 0.05 it takes the lines it is sure of.
    model : a ``ContentModel`` to use instead of the bundled one (the benchmark's fold models).

    ``min_sentence_words`` and ``long_line_words`` say which lines are prose on both paths;
    ``max_gap`` also says when a text page is an article and nothing else (no model needed);
    ``min_run_lines`` applies to the text of an extracted article (``article``) only.
    """

    rules: FurnitureRules = field(default_factory=default_rules)
    min_sentence_words: int = 4
    long_line_words: int = 25
    max_gap: int = 2
    min_run_lines: int = 2
    repeat_min_chars: int = 20
    threshold: float | None = None
    edge_threshold: float = 0.05
    model: object = field(default=None, repr=False, compare=False)

    def classify(self, text: str) -> list[Line]:
        """One :class:`Line` per line of ``text``, with its kind and, for lines that go, its
        reason. A line that repeats an earlier one of at least ``repeat_min_chars`` characters
        (case and white space aside) goes as ``repeated_paragraph``, a line that is other lines
        glued together as ``flattened_copy`` (``clean.repeats``)."""
        fw = _function_words()
        flats = [" ".join(raw.split()) for raw in text.splitlines()]
        lows = [f.casefold() if f else None for f in flats]
        found, hits = self._rule_hits(flats, lows)
        # a copy is judged by what a strip rule leaves of it: a paragraph printed again with a
        # promo glued to its end is still the same paragraph (republika.co.id's last one)
        kept = [
            h.kept.casefold() or None if h is not None and h.rule.action == "strip" else low
            for h, low in zip(hits, lows, strict=True)
        ]
        repeated = repeated_lines(kept, self.repeat_min_chars)
        flattened = flattened_copies(lows)
        lines: list[Line] = []
        for i, flat in enumerate(flats):
            if not flat:
                lines.append(Line("", kind="blank", source=i))
                continue
            line = Line(flat, source=i)
            if i in repeated or i in flattened:
                line.kind = "removed"
                line.reason = FLATTENED_COPY if i in flattened else REPEATED_PARAGRAPH
                lines.append(line)
                continue
            words, hit = found[i], hits[i]
            stripped = None  # the part a "strip" rule cut off, listed after what remains
            if hit is not None:
                if hit.rule.action == "strip":
                    stripped = Line(hit.removed, kind="removed", reason=hit.rule.reason)
                    stripped.ends = hit.rule.ends_article
                    stripped.source, stripped.part = i, True
                    line.text = hit.kept or ""
                    if not line.text:
                        lines.append(stripped)
                        continue
                    words = words_of(line.text)
                else:
                    line.kind = "tail" if hit.rule.action == "tail" else "removed"
                    line.reason = hit.rule.reason
                    line.ends = hit.rule.ends_article
                    lines.append(line)
                    continue
            line.words = len(words)
            if not _LETTERS.search(line.text):
                line.kind, line.reason = "junk", NON_TEXT
            elif is_date_line(line.text):
                line.kind, line.reason = "junk", DATE_LINE
            else:
                n_fw = sum(map(fw.__contains__, words))
                ends = line.text.rstrip(_CLOSERS)[-1:] in _ENDERS
                if (
                    (ends and n_fw >= 1 and len(words) >= self.min_sentence_words)
                    or (ends and len(words) >= 2 * self.min_sentence_words)
                    or (len(words) >= self.long_line_words and n_fw >= 2)
                    or (ends and not flat.isascii() and len(_CJK.findall(flat)) >= 20)
                ):
                    line.kind = "body"
            lines.append(line)
            if stripped is not None:
                lines.append(stripped)
        return lines

    def _rule_hits(self, flats: list[str], lows: list[str | None]) -> tuple[list, list]:
        """Each line's words and the furniture table's hit on it (None: no rule names it)."""
        keywords = self.rules.keywords_in("\n".join(filter(None, lows)))
        found = [find_words(low) if low else [] for low in lows]
        hits = [
            self.rules.match_flat(flat, low, words, keywords) if flat else None
            for flat, low, words in zip(flats, lows, found, strict=True)
        ]
        return found, hits

    def __call__(self, text: str, title: str | None = None) -> Cleaned:
        """Find the article in a page that arrived as text and clean it.

        The page is cut into units (lines; hard-wrapped lines joined, Markdown reduced to its
        text; in a page with one block a line, blocks glued into long lines parted and
        sentences cut at their links joined again) and the content model
        (``extract.content``) judges each; within what it keeps, lines the furniture table
        names and paragraphs printed twice go. A line the model
        drops goes as ``before_article``, ``after_article`` or ``boilerplate`` unless the
        furniture table names it. The headline above the article leaves the text for the
        title: the known ``title`` where the page prints it, else the heading-like line above
        the article that shares most words with it. A text that opens with a lead and its
        dateline (``_opens_with_lead``) is an extracted article, judged as one that came
        with its title."""
        if one_block_a_line(text):  # blocks glued into long lines are parted first
            text = "\n".join(unglue(text.splitlines()))
        lines = self.classify(text)
        plain = "](" not in text and wrap_width(text.splitlines()) is None
        if plain and self._only_article(lines):
            # nothing around the article for the model to tell apart (a crawl's article body):
            # every line the furniture table does not name stays, as the model would keep it
            keep = {
                j
                for j, ln in enumerate(lines)
                if ln.kind in ("body", "short", "junk") and ln.reason != NON_TEXT
            }
        else:
            lines, keep = self._judge(text, fill=title is not None or _opens_with_lead(lines))
        return self._finish(lines, keep, title)

    def _judge(self, text: str, fill: bool) -> tuple[list[Line], set[int]]:
        """The lines of a text page (as ``text_units`` cuts it) and those the content model
        keeps; every other line gets its reason. With ``fill`` (a record that came with its
        title: an extracted article), the model only trims lines that are not prose and that it
        is sure are not article (``edge_threshold``) from the start and the end, and every line
        between stays unless the furniture table names it (a price list, the steps of a
        how-to); a whole page (no title) loses what the model drops anywhere, but for the
        items of a list that a kept line announces (``extract.lists``)."""
        from saring.extract.content import INSIDE, default_model, select
        from saring.extract.features import PageContext, features
        from saring.extract.lists import keep_announced_lists, list_items

        units = text_units(text)
        lines = self.classify("\n".join(u.text for u in units))
        own: dict[int, int] = {}  # unit -> its line (the stripped part when nothing is left)
        for j, ln in enumerate(lines):
            if not ln.part or ln.source not in own:
                own[ln.source] = j
        # paragraphs printed twice are gone before the model looks: it judges the first copy
        # as if it stood alone (as it was trained); so are ad slots' labels, which stand
        # between an article's paragraphs and tell nothing of them
        judged = [own[i] for i in range(len(units)) if lines[own[i]].reason not in _UNJUDGED]
        stripped = {ln.source for ln in lines if ln.part}
        actions = [
            "strip" if lines[j].source in stripped else self._action(lines[j]) for j in judged
        ]
        model = (self.model or default_model()).text
        judged_units = [units[lines[j].source] for j in judged]
        X = features(
            judged_units,
            PageContext(rules=self.rules),
            html=False,
            actions=actions,
        )
        scores = model.scores(X)
        if fill:  # an extracted article: its prose and what stands between stays
            prose = np.array([lines[j].kind == "body" for j in judged], dtype=bool)
            chosen = select(np.where(prose, 1.0, scores), self.edge_threshold)
            inside = np.array([r == INSIDE for r in chosen.reasons], dtype=bool)
            chosen.keep = (
                chosen.keep
                | inside
                | _rest_of_list(chosen.keep, [u.marker == BULLET for u in judged_units])
            )
            chosen.reasons = [
                None if k else r for r, k in zip(chosen.reasons, chosen.keep, strict=True)
            ]
        else:
            chosen = select(scores, model.threshold if self.threshold is None else self.threshold)
            texts = [lines[j].text for j in judged]
            keep_announced_lists(chosen, texts, list_items(judged_units), self.rules)
        keep: set[int] = set()
        for k, j in enumerate(judged):
            ln = lines[j]
            ln.score = float(scores[k])
            if chosen.keep[k] and (ln.kind in ("body", "short") or ln.reason == DATE_LINE):
                keep.add(j)
            elif ln.kind not in ("removed", "tail", "junk"):  # a line no rule names
                ln.reason = chosen.reasons[k] or NON_TEXT
        if not fill:
            _cut_comments(lines, keep)
        return lines, keep

    def _finish(self, lines: list[Line], keep: set[int], title: str | None) -> Cleaned:
        """The page's headline (when ``title`` is unknown) and its date line, both taken from
        the lines above the article's first paragraph, then the cleaned text."""
        first = min((j for j in keep if lines[j].kind == "body"), default=len(lines))
        before = [j for j in range(first) if not lines[j].part]
        date_idx = next((j for j in before if lines[j].reason == DATE_LINE), None)
        if date_idx is not None:
            keep.discard(date_idx)
        if title is None:
            lead = " ".join(lines[j].text for j in sorted(keep) if j >= first)[:600]
            title_idx = self._headline(lines, before, lead)
            if title_idx is None:
                title_idx = _question_headline(lines, keep, first)
        else:  # the known title printed above the article (or as its first line) is its headline
            title_idx = _known_headline(lines, keep, before, first, title)
        if title_idx is not None:
            title = title or lines[title_idx].text
            lines[title_idx].reason = TITLE
            keep.discard(title_idx)
        for j, ln in enumerate(lines):
            if j not in keep and ln.text and ln.reason is None:
                ln.reason = NON_TEXT if ln.kind == "junk" else BEFORE if j < first else AFTER
        result = self._result(lines, keep, title)
        result.date_text = lines[date_idx].text if date_idx is not None else None
        result.has_prose = any(lines[j].kind == "body" for j in keep)
        return result

    def _only_article(self, lines: list[Line]) -> bool:
        """True when the text is an article and nothing else: prose from its first lines to
        its last, with no more than ``max_gap`` other lines together anywhere (a lead that lost
        its full stop, a subheading, a closing schedule line), no line that opens a page's
        tail (related articles, comments), and nothing after furniture that closes an
        article (a byline, share buttons)."""
        gap = 0
        closed = False
        seen_body = False
        for ln in lines:
            if ln.kind == "tail":
                return False
            if ln.kind == "removed":
                closed = closed or (ln.ends and seen_body)
                continue
            if ln.kind not in ("body", "short", "junk"):
                continue
            if closed:
                return False
            seen_body = seen_body or ln.kind == "body"
            gap = 0 if ln.kind == "body" else gap + 1
            if gap > self.max_gap:
                return False
        return seen_body

    @staticmethod
    def _action(line: Line) -> str | None:
        """The furniture table's verdict on a unit's line, as the model reads it (a "strip"
        the caller knows from the line's cut-off part)."""
        if line.part:
            return "strip"
        if line.kind == "tail":
            return "tail"
        if line.kind == "removed" and line.reason not in (REPEATED_PARAGRAPH, FLATTENED_COPY):
            return "line"
        return None

    def article(self, text: str, title: str | None = None) -> Cleaned:
        """Clean the text of an article another step extracted (the HTML path): furniture,
        repeats, and the page's end after the first furniture that closes an article.

        With ``title`` unknown, the text is taken for a whole page flattened to lines: lines
        before the article are its header, and the first heading-like one is the title. With a
        title known from metadata, only furniture and date lines before the first paragraph
        go."""
        lines = self.classify(text)
        self._cut_tail(lines)
        live = [i for i, ln in enumerate(lines) if ln.kind in ("body", "short", "junk")]
        body = [i for i in live if lines[i].kind == "body"]
        if not body:
            # no prose at all (a listing of headlines, a stub): keep what no rule named, and say so
            keep = {i for i in live if lines[i].kind == "short"}
            result = self._result(lines, keep, title)
            result.has_prose = False
            return result

        runs = self._runs(lines, live)
        main = max(
            runs, key=lambda r: sum(len(lines[i].text) for i in r if lines[i].kind == "body")
        )
        kept_runs = [
            r
            for r in runs
            if r is main or sum(lines[i].kind == "body" for i in r) >= self.min_run_lines
        ]
        start = min(r[0] for r in kept_runs)
        end = max(r[-1] for r in kept_runs)
        # After the article, lines go only from the first furniture that closes an article (a
        # byline, share buttons, a comment form) on: what comes before it is the article's end
        # (a schedule, a line-up), what comes after it is the page's.
        closer = next((i for i in range(end + 1, len(lines)) if lines[i].ends), len(lines))
        end = max([end] + [i for i in live if end < i < closer])
        # Inside the article only lines without letters go (dates there are a schedule's).
        keep = {i for i in live if start <= i <= end and lines[i].reason != NON_TEXT}
        before = [i for i in live if i < start]
        if title is None:
            # Treated as a whole page: the header goes, but for the headline found in it.
            title_idx = self._title(lines, before)
            if title_idx is not None:
                keep.add(title_idx)
                title = lines[title_idx].text
        else:
            # The record came with its title, so the text is an extracted article: what stands
            # before the first paragraph is its lead, not a page header. The headline itself
            # (above it, or its first line when a "?" made it prose) is the title, not text.
            keep.update(i for i in before if lines[i].kind != "junk")
            if (i := _known_headline(lines, keep, before, start, title)) is not None:
                keep.discard(i)  # the headline is the title, not text
                lines[i].reason, lines[i].kind = TITLE, "removed"
        date_text = next((lines[i].text for i in before if lines[i].reason == DATE_LINE), None)
        for i in live:
            if i in keep or lines[i].reason == TITLE:
                continue
            ln = lines[i]
            if ln.kind == "junk":
                ln.reason = ln.reason or NON_TEXT
            else:
                ln.reason = BEFORE if i < start else AFTER
            ln.kind = "removed"
        result = self._result(lines, keep, title)
        result.date_text = date_text
        return result

    def rules_only(self, text: str) -> Cleaned:
        """Only the furniture table: named lines go, a tail heading after prose cuts the rest,
        every other line stays."""
        lines = self.classify(text)
        self._cut_tail(lines)
        keep = {i for i, ln in enumerate(lines) if ln.kind in ("body", "short", "junk")}
        return self._result(lines, keep, None)

    @staticmethod
    def _cut_tail(lines: list[Line]) -> None:
        """From a tail heading (related articles, comments) after the first prose line, every
        line goes, with the reason of the last heading above it; earlier tail lines just go."""
        first_body = next((i for i, ln in enumerate(lines) if ln.kind == "body"), len(lines))
        cut_reason = None
        for i, ln in enumerate(lines):
            if ln.kind == "tail":
                ln.kind = "removed"
                if i > first_body:
                    cut_reason = ln.reason
            elif cut_reason is not None and ln.kind in ("body", "short", "junk"):
                ln.kind, ln.reason = "cut", cut_reason

    def _runs(self, lines: list[Line], live: list[int]) -> list[list[int]]:
        """Runs of prose lines; up to ``max_gap`` short or date lines may bridge two prose lines."""
        runs: list[list[int]] = []
        current: list[int] = []
        gap: list[int] = []
        for i in live:
            if lines[i].kind == "body":
                if current and len(gap) <= self.max_gap:
                    current += gap
                elif current:
                    runs.append(current)
                    current = []
                current.append(i)
                gap = []
            elif current:
                gap.append(i)
        if current:
            runs.append(current)
        return runs

    @staticmethod
    def _title(lines: list[Line], before: list[int]) -> int | None:
        """The first heading-like line before the article: 3 to 40 words, not a date, not a menu
        (a run of capitalised words without one function word or punctuation mark)."""
        return next(
            (i for i in before if _heading_like(lines[i]) and not _dateline_lead(lines[i])), None
        )

    @staticmethod
    def _headline(lines: list[Line], before: list[int], lead: str) -> int | None:
        """The line before the article that is its headline: of the heading-like lines (3 to
        40 words, not a date, no rule names it), the one whose words the article's opening
        shares most (a prayer-time bar or a site slogan is heading-like too, but not about the
        article); the first heading-like line when none shares a third of its words."""
        opening = set(words_of(lead))
        best, best_share = None, 0.3
        for i in before:
            ln = lines[i]
            if ln.kind in ("junk", "removed", "tail") or not 3 <= ln.words <= 40:
                continue
            if _dateline_lead(ln) or _paragraph(ln):  # a lead, not a headline
                continue
            words = set(words_of(ln.text))
            share = len(words & opening) / len(words) if words else 0.0
            if share >= best_share:
                best, best_share = i, share
        return best if best is not None else TextCleaner._title(lines, before)

    @staticmethod
    def _result(lines: list[Line], keep: set[int], title: str | None) -> Cleaned:
        out: list[str] = []
        removed: list[Removed] = []
        explained: list[tuple[str, str | None]] = []
        scores: list[float | None] = []
        shown = 0  # non-blank lines kept so far
        for i, ln in enumerate(lines):
            if ln.kind == "blank":
                if out and out[-1] != "":
                    out.append("")
            elif i in keep:
                out.append(ln.text)
                explained.append((ln.text, None))
                scores.append(ln.score)
                shown += 1
            elif ln.text:
                removed.append(Removed(ln.text, ln.reason or NON_TEXT, shown))
                explained.append((ln.text, ln.reason or NON_TEXT))
                scores.append(ln.score)
        while out and out[-1] == "":
            out.pop()
        judged = any(x is not None for x in scores)
        return Cleaned(
            "\n".join(out), title, removed, lines=explained, scores=scores if judged else None
        )


def _cut_comments(lines: list[Line], keep: set[int]) -> None:
    """Readers' comments after the article go as ``comments``, from the first of two comment
    headers after its first paragraph on: prose like the article's, which the model keeps on
    a page flattened to text (the HTML path knows them by their markup)."""
    from saring.extract.content import INSIDE  # the model's reason for a unit amid the article

    first = min((j for j in keep if lines[j].kind == "body"), default=len(lines))
    heads = [
        j
        for j in range(first + 1, len(lines))
        if len(lines[j].text) <= 120 and _COMMENT_HEADER.match(lines[j].text.strip())
    ]
    if len(heads) < 2:
        return
    for j in range(heads[0], len(lines)):  # every line no furniture rule names
        if j in keep or lines[j].reason in (None, AFTER, NON_TEXT, INSIDE):
            keep.discard(j)
            lines[j].kind, lines[j].reason = "removed", COMMENTS


BULLET = 1  # ``Unit.marker`` of a list item


def _rest_of_list(keep: np.ndarray, item: list[bool]) -> np.ndarray:
    """The items of a bulleted list whose first item is kept: a list is read whole, and its
    last items, short and unpunctuated, are the ones the model scores lowest at an article's
    end ("Manfaat jahe pada kesehatan:" / "• Meredakan masuk angin" ... "• Mengurangi nyeri
    sendi", the last one dropped as ``after_article``)."""
    out = np.zeros(len(keep), dtype=bool)
    run_kept = False
    for i, is_item in enumerate(item):
        if not is_item:
            run_kept = False
        elif i == 0 or not item[i - 1]:  # a list's first item
            run_kept = bool(keep[i])
        out[i] = is_item and run_kept
    return out
