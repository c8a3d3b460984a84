"""The one document model and output contract shared by every stage.

Defines the statuses, the reason strings, the raw-record schema that readers produce, and the
schema of ``documents.parquet``. It holds no logic beyond small helpers that build those values.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pyarrow as pa

from saring.filters.quality import SIGNALS

KEPT = "kept"
DUPLICATE = "duplicate"
FILTERED = "filtered"
FAILED = "failed"
STATUSES = (KEPT, DUPLICATE, FILTERED, FAILED)

# Reason prefixes. A reason is "<prefix>" or "<prefix>: <detail for a person>".
EXACT_DUPLICATE = "exact_duplicate"
NEAR_DUPLICATE = "near_duplicate"
EXTRACT_FAILED = "extract_failed"
EXTRACT_TIMEOUT = "extract_timeout"
READ_ERROR = "read_error"
EMPTY_INPUT = "empty_input"
BINARY_CONTENT = "binary_content"
UNSURE_ENCODING = "unsure_encoding"  # no charset declared, and every guess looks garbled
TOO_LARGE = "too_large"
NOT_A_PAGE = "not_a_page"  # e.g. a WARC response that is an image or a PDF
MISSING_CONTENT = "missing_content"
EMPTY_AFTER_CLEANING = "empty_after_cleaning"  # every line was furniture: status filtered
NO_ARTICLE = "no_article"  # not one line of prose (a listing of headlines): status filtered
INTERNAL_ERROR = "internal_error"

# Reasons recorded for a line or paragraph taken out of a document (the ``removed`` column).
REPEATED_PARAGRAPH = "repeated_paragraph"
ADVERTISEMENT = "advertisement"  # an ad slot's label (the furniture table's reason)
FLATTENED_COPY = "flattened_copy"  # a line that is the page's other lines glued together


# Filter reasons carry the rule in their code: "lang:ms: identified as ms (0.98)",
# "quality:top_2gram_frac: 0.21 > 0.2".
LANG = "lang"
QUALITY = "quality"
RULE_FAMILIES = (LANG, QUALITY)


def reason_family(reason: str | None) -> str | None:
    """The reason's first word: ``"quality:words: 12 < 50"`` -> ``"quality"``,
    ``"read_error: truncated gzip"`` -> ``"read_error"``."""
    return None if reason is None else reason.split(":", 1)[0].strip()


def reason_code(reason: str | None) -> str | None:
    """The machine part of a reason: ``"read_error: truncated gzip"`` -> ``"read_error"``,
    ``"quality:words: 12 < 50"`` -> ``"quality:words"``."""
    if reason is None:
        return None
    head, _, rest = reason.partition(":")
    if head in RULE_FAMILIES and rest and not rest.startswith(" "):
        return f"{head}:{rest.split(':', 1)[0].strip()}"
    return head.strip()


def make_id(key: str, locator: str | None) -> str:
    """Stable document id: 16 hex chars of BLAKE2b over the input key and the record locator.

    ``key`` names the file independently of where the data set lives (see ``readers.inputs``), and
    ``locator`` the record inside it (``line=12``, ``row=3``, ``offset=4096``), so the same input
    gives the same id on every run, on any machine and in any number of partitions.
    """
    raw = key if not locator else f"{key}#{locator}"
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


@dataclass
class RawRecord:
    """One input document as a reader found it, before any decoding or extraction.

    Exactly one of ``raw`` (undecoded bytes, for files and WARC records) and ``raw_text`` (text that
    arrived as a string, for JSONL/CSV/Parquet fields) is set, unless ``error`` says why neither is.
    ``fmt`` is ``"html"`` or ``"text"``: which path the document takes.
    """

    id: str
    order: str
    source: str
    fmt: str
    raw: bytes | None = None
    raw_text: str | None = None
    charset: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    date_raw: str | None = None
    bytes_in: int = 0
    error: str | None = None

    def as_row(self) -> dict:
        return {f: getattr(self, f) for f in RAW_FIELDS}


RECORD_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("order", pa.string()),
        ("source", pa.string()),
        ("fmt", pa.string()),
        ("raw", pa.large_binary()),
        ("raw_text", pa.large_string()),
        ("charset", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("site", pa.string()),
        ("date_raw", pa.string()),
        ("bytes_in", pa.int64()),
        ("error", pa.string()),
    ]
)
RAW_FIELDS = tuple(RECORD_SCHEMA.names)
# What the input source hands the engine: the record, plus the seconds spent reading it.
RAW_SCHEMA = RECORD_SCHEMA.append(pa.field("t_read", pa.float64()))

# The quality measures of a text (saring.filters.quality.SIGNALS), null for failed documents.
SIGNALS_TYPE = pa.struct([(name, pa.float64()) for name in SIGNALS])
# ``at``: how many lines of the final text came before the removed piece (null: not known)
REMOVED_TYPE = pa.list_(
    pa.struct([("text", pa.string()), ("reason", pa.string()), ("at", pa.int32())])
)

# documents.parquet: one row per input document, in input order.
DOCUMENTS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("site", pa.string()),
        ("title", pa.string()),
        ("author", pa.string()),
        ("published", pa.timestamp("us", tz="UTC")),
        ("format", pa.string()),
        ("encoding", pa.string()),
        ("text", pa.large_string()),
        ("status", pa.string()),
        ("reason", pa.string()),
        ("dup_of", pa.string()),
        ("dup_cluster", pa.string()),
        ("story_id", pa.string()),
        ("bytes_in", pa.int64()),
        ("chars_in", pa.int64()),
        ("chars_out", pa.int64()),
        ("removed", REMOVED_TYPE),
        ("lang", pa.string()),
        ("lang_score", pa.float64()),
        ("signals", SIGNALS_TYPE),
    ]
)


@dataclass
class Removed:
    """A piece of text taken out of a document, and why."""

    text: str
    reason: str
    at: int | None = None  # how many lines of the final text come before it

    def as_dict(self) -> dict:
        return {"text": self.text, "reason": self.reason, "at": self.at}


@dataclass
class Processed:
    """What the per-document stages make of one raw record (before deduplication)."""

    status: str = KEPT
    reason: str | None = None
    text: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    published: object = None  # datetime (aware, UTC) or None
    encoding: str | None = None
    fmt: str | None = None  # the path it took: "html" or "text"
    chars_in: int | None = None
    removed: list[Removed] = field(default_factory=list)
    norm: str | None = None  # normalised text, the input of exact and near dedup
    exact_hash: str | None = None
    lang: str | None = None
    lang_score: float | None = None
    signals: dict[str, float] | None = None
    seconds: dict[str, float] = field(default_factory=dict)
    # the page's units in order (``saring extract --explain``): text, the reason it went (None:
    # kept) and the content model's score (None where the model did not judge it)
    explain: list[tuple[str, str | None, float | None]] = field(default_factory=list)
    explain_reader: str | None = None  # HTML: what chose the text (``Extracted.reader``)

    @property
    def chars_out(self) -> int:
        return len(self.text) if self.text else 0
