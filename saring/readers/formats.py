"""Read the documents of one input file as :class:`RawRecord` values, one per document.

Every supported format lives here: page files (.html/.txt, optionally .gz), JSONL, CSV, Parquet
and WARC (through fastwarc). A reader never raises for bad content: an unreadable document, a
broken JSON line or a corrupt WARC record becomes a record with ``error`` set, and reading goes on
where it can. Decoding bytes to text and extraction happen later, per document, in parallel.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import lzma
import re
import time
import zlib
from collections import Counter
from collections.abc import Callable, Generator, Iterator
from datetime import UTC, datetime
from typing import Any

import pyarrow.parquet as pq

from saring.model import (
    EMPTY_INPUT,
    MISSING_CONTENT,
    NOT_A_PAGE,
    READ_ERROR,
    TOO_LARGE,
    RawRecord,
    make_id,
)
from saring.readers.decode import DecodeError, stream_codec, undeclared
from saring.readers.inputs import InputFile, open_input, split_codec
from saring.readers.jsonvalues import json_items
from saring.readers.options import ReaderOptions

_STREAM_ERRORS = (EOFError, zlib.error, gzip.BadGzipFile, lzma.LZMAError, OSError)
csv.field_size_limit(2**31 - 1)


def order_key(file_order: int, index: int) -> str:
    """A string that sorts documents in input order: file position, then position in the file."""
    return f"{file_order:07d}:{index:013d}"


def _mb(n: int) -> str:
    """A size as the limits are written: MB, or KB and bytes below a tenth of a MB."""
    if n >= 104_858:
        return f"{n / 1_048_576:.1f} MB"
    return f"{n / 1024:.1f} KB" if n >= 1024 else f"{n} bytes"


def _too_large(size: int, opts: ReaderOptions) -> str:
    return f"{TOO_LARGE}: {_mb(size)} is over the {_mb(opts.max_bytes)} limit (--max-bytes)"


def _stream_error(e: BaseException, f: InputFile) -> str:
    corrupt = EOFError | zlib.error | gzip.BadGzipFile | lzma.LZMAError
    # pyarrow's zstd stream says "Truncated compressed stream" as an OSError
    if isinstance(e, corrupt) or (f.compressed and "compressed" in str(e).lower()):
        return f"{f.compressed or 'compressed'} data is truncated or corrupt ({e})"
    return f"{type(e).__name__}: {e}"


def _named(f: InputFile, suffix: str) -> bool:
    """Whether the file's name ends in ``suffix`` before its compression suffix."""
    return split_codec(f.path)[0].endswith(suffix)


class _Maker:
    """Builds records of one file: ids from the file key plus a locator, order keys, source."""

    def __init__(self, f: InputFile, fmt: str | None = None):
        self.f = f
        self.fmt = fmt or f.fmt

    def __call__(self, locator: str | None, index: int, **fields: Any) -> RawRecord:
        source = self.f.name if locator is None else f"{self.f.name}#{locator}"
        fields.setdefault("fmt", self.fmt)
        return RawRecord(
            id=make_id(self.f.key, locator),
            order=order_key(self.f.order, index),
            source=source,
            **fields,
        )


# ---------------------------------------------------------------------------- page files


def read_page(f: InputFile, opts: ReaderOptions) -> Iterator[RawRecord]:
    """One ``.html``/``.htm``/``.txt`` file (optionally ``.gz``) is one document."""
    make = _Maker(f)
    if not f.compressed and f.size > opts.max_bytes:
        yield make(None, 0, bytes_in=f.size, error=_too_large(f.size, opts))
        return
    try:
        with open_input(f) as fh:
            data = fh.read(opts.max_bytes + 1)
    except _STREAM_ERRORS as e:
        yield make(None, 0, bytes_in=f.size, error=f"{READ_ERROR}: {_stream_error(e, f)}")
        return
    if len(data) > opts.max_bytes:
        yield make(None, 0, bytes_in=len(data), error=_too_large(len(data), opts) + " (unpacked)")
        return
    yield make(None, 0, raw=data, bytes_in=len(data))


# ---------------------------------------------------------------------------- table rows


def _lookup(row: dict, name: str | None) -> Any:
    """A field by name; for JSON, ``a.b`` also reaches into nested objects."""
    if not name:
        return None
    if name in row:
        return row[name]
    if "." in name:
        value: Any = row
        for part in name.split("."):
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value
    return None


_EPOCH = re.compile(r"\d{10}(?:\d{3})?(?:\.\d+)?")
_EPOCH_FROM = 631_152_000  # 1990-01-01: no news table holds older Unix times


def _date_meta(value: Any) -> str | None:
    """A table's date as text for ``parse_date``; a Unix time (seconds, or milliseconds with 13
    digits, as a number or as digits, as APIs and scrapers store it) as its UTC time, where it
    falls between 1990 and tomorrow (2025061804 is an hour written as digits, not 2034)."""
    if isinstance(value, bool):
        return _meta(value)
    if isinstance(value, (int, float)) or (
        isinstance(value, str) and _EPOCH.fullmatch(value.strip())
    ):
        try:
            seconds = float(value)
        except (OverflowError, ValueError):  # a JSON integer of 400 digits
            return _meta(value)
        seconds = seconds / 1000 if seconds >= 1e11 else seconds
        if _EPOCH_FROM <= seconds <= time.time() + 86_400:
            return datetime.fromtimestamp(seconds, UTC).isoformat()
    return _meta(value)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _meta(value: Any, first: bool = False) -> str | None:
    """A metadata value as text. A list (authors as APIs give them) is its values joined with
    commas, or with ``first`` (an address) its first value; an object is its ``name`` (JSON-LD's
    author); neither is ever written out as Python prints it."""
    if isinstance(value, list | tuple):
        values = [v for v in (_meta(v) for v in value) if v]
        return (values[0] if first else ", ".join(values)) if values else None
    if isinstance(value, dict):
        return _meta(value.get("name"))
    if value is None:
        return None
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    text = text.strip()
    return text or None


def record_from_row(
    row: dict,
    make: Callable[..., RawRecord],
    locator: str,
    index: int,
    opts: ReaderOptions,
    encoding: str | None = None,
) -> RawRecord:
    """A record from one table row / JSON object, picking HTML over text when both are there.
    ``encoding``: how the file's text was decoded, noted on a text value's record."""
    meta = {
        "url": _meta(_lookup(row, opts.url_col), first=True),
        "title": _meta(_lookup(row, opts.title_col)),
        "author": _meta(_lookup(row, opts.author_col)),
        "site": _meta(_lookup(row, opts.site_col)),
        "date_raw": _date_meta(_lookup(row, opts.date_col)),
    }
    html = _lookup(row, opts.html_col)
    text = _lookup(row, opts.text_col)
    for fmt, value, col in (("html", html, opts.html_col), ("text", text, opts.text_col)):
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if isinstance(value, bytes):
            size = len(value)
            if size > opts.max_bytes:
                return make(
                    locator, index, fmt=fmt, bytes_in=size, error=_too_large(size, opts), **meta
                )
            return make(locator, index, fmt=fmt, raw=value, bytes_in=size, **meta)
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            value = "\n\n".join(value)  # the article as a list of paragraphs
        if not isinstance(value, str):
            what = _a(type(value).__name__)
            return make(
                locator,
                index,
                fmt=fmt,
                error=f"{MISSING_CONTENT}: field {col!r} holds {what}, not text",
                **meta,
            )
        size = len(value.encode("utf-8", "surrogatepass"))
        if size > opts.max_bytes:
            return make(
                locator, index, fmt=fmt, bytes_in=size, error=_too_large(size, opts), **meta
            )
        return make(
            locator, index, fmt=fmt, raw_text=value, bytes_in=size, charset=encoding, **meta
        )
    names = " or ".join(repr(c) for c in (opts.html_col, opts.text_col) if c)
    return make(locator, index, fmt="text", error=f"{EMPTY_INPUT}: no {names} value", **meta)


def read_jsonl(f: InputFile, opts: ReaderOptions) -> Iterator[RawRecord]:
    """One JSON object per line. Blank lines are not documents; a broken line is a failed one.
    A ``.json`` file may also be Scrapy's feed (an array, an item a line, commas after them:
    read as lines), or a JSON text of another shape (a pretty-printed array, jq's pretty
    objects, json.dump's one line): that is parsed whole (``_json_document``)."""
    make = _Maker(f, "text")
    if _json_named(f) and not _reads_as_lines(f, opts):
        yield from _json_document(f, opts, make)
    else:
        yield from _json_lines(f, opts, make)


def _json_lines(
    f: InputFile, opts: ReaderOptions, make: Callable[..., RawRecord]
) -> Iterator[RawRecord]:
    """The objects of a JSON lines file, one record a line (``line=N``). In a ``.json`` file a
    line that is only ``[`` or ``]`` is no document, and a comma after an object is dropped
    (Scrapy's feed)."""
    feed = _json_named(f)
    lineno = 0
    count = 0
    try:
        with open_input(f) as fh:
            for line in fh:
                lineno += 1
                if not line.strip():
                    continue
                if feed and line.strip() in (b"[", b"]"):
                    continue
                count += 1
                loc = f"line={lineno}"
                if feed:
                    line = _feed_line(line)
                if len(line) > opts.max_bytes:
                    yield make(loc, lineno, bytes_in=len(line), error=_too_large(len(line), opts))
                    continue
                yield _json_line_record(line, lineno, make, opts)
    except _STREAM_ERRORS as e:
        count += 1
        yield make(
            f"line={lineno + 1}",
            lineno + 1,
            bytes_in=0,
            error=f"{READ_ERROR}: stopped after line {lineno}: {_stream_error(e, f)}",
        )
    if count == 0:
        yield make(None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: no JSON lines in the file")


def _json_line_record(
    line: bytes, lineno: int, make: Callable[..., RawRecord], opts: ReaderOptions
) -> RawRecord:
    """The record of one JSON line: its object, or why it gives none."""
    loc, note = f"line={lineno}", "utf-8"
    try:
        try:
            obj = json.loads(line)
        except UnicodeDecodeError:  # a legacy encoding: decoded as a text file is
            obj, note = _legacy_json_line(line)
    except DecodeError as e:
        return make(loc, lineno, bytes_in=len(line), error=e.reason)
    except (ValueError, RecursionError) as e:
        error = f"{READ_ERROR}: invalid JSON on line {lineno}: {e}"
        return make(loc, lineno, bytes_in=len(line), error=error)
    return _json_object(obj, loc, lineno, f"line {lineno}", make, opts, note, len(line))


# a JSON escape of a line break or tab (not an escaped backslash before an n, r or t)
_BREAK_ESCAPE = re.compile(rb"(?<!\\)((?:\\\\)*)\\([nrt])")
_BREAKS = {b"n": b"\n", b"r": b"\r", b"t": b"\t"}


def _legacy_json_line(line: bytes) -> tuple[Any, str]:
    """A JSON line that is not UTF-8, decoded as the same text in a file would be: its escaped
    line breaks are made breaks first (``strict=False`` reads them back). Judged as written, an
    escape glued to the quote that opens a paragraph (backslash, n, byte 0x93) reads as a
    letter before a quote, which windows-1252 text does not hold, and the quotes became U+FFFD."""
    text, note = undeclared(_unescaped_breaks(line))
    return json.loads(text, strict=False), note


def _unescaped_breaks(data: bytes) -> bytes:
    """JSON's escaped line breaks and tabs made the characters (``strict=False`` reads them)."""
    return _BREAK_ESCAPE.sub(lambda m: m.group(1) + _BREAKS[m.group(2)], data)


def _json_kind(obj: Any) -> str:
    """The JSON name of a parsed value's type ("array", "null"), for messages."""
    if obj is None or isinstance(obj, bool):
        return json.dumps(obj)
    names = {list: "array", str: "string", int: "number", float: "number", dict: "object"}
    return names.get(type(obj), type(obj).__name__)


def _json_named(f: InputFile) -> bool:
    """Whether the file's name ends in ``.json``: such a file may hold JSON of any shape;
    ``.jsonl`` and ``.ndjson`` are JSON lines."""
    return _named(f, ".json")


def _feed_line(line: bytes) -> bytes:
    """A line of Scrapy's feed as a JSON object: a comma after it dropped, and a bracket glued
    to it ("[{...},", "{...}]") where the array opens or closes on its line."""
    s = line.strip()
    s = s[:-1] if s.endswith(b",") else s
    s = s[1:] if s.startswith(b"[{") else s
    return s[:-1] if s.endswith(b"}]") else s


def _is_object_line(line: bytes) -> bool:
    try:
        return isinstance(json.loads(_feed_line(line).decode("utf-8", "replace")), dict)
    except (ValueError, RecursionError):
        return False


def _reads_as_lines(f: InputFile, opts: ReaderOptions, look: int = 20) -> bool:
    """Whether a ``.json`` file is JSON lines or a feed of one object a line: half or more of
    its first ``look`` lines that are not ``[`` or ``]`` are each a whole object (so a broken
    or legacy-encoded line among them does not change how the file is read). A file that is
    one line longer than ``--max-bytes`` is json.dump's array, parsed whole."""
    lines: list[bytes] = []
    try:
        with open_input(f) as fh:
            while len(lines) < look and (line := fh.readline(opts.max_bytes + 1)):
                if line.strip() in (b"", b"[", b"]"):
                    continue
                if len(line) > opts.max_bytes and not line.endswith(b"\n"):
                    while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                        pass  # an object over the limit: its line is judged by its start
                    if not rest and not lines:
                        return False
                    line = b"{}" if line.lstrip().startswith(b"{") else b""
                lines.append(line)
    except _STREAM_ERRORS:  # judged by the lines before the break (none: parsed whole)
        if not lines:
            return False
    whole = sum(_is_object_line(ln) for ln in lines)
    return not lines or 2 * whole >= len(lines)


# a .json file that is not one object a line is parsed whole, up to this many bytes
JSON_DOCUMENT_LIMIT = 256 * 1024 * 1024


def _json_document(
    f: InputFile, opts: ReaderOptions, make: Callable[..., RawRecord]
) -> Iterator[RawRecord]:
    """The objects of a JSON text parsed whole (``jsonvalues.json_items``), one record each
    (``item=N``). Where the JSON breaks, or a compressed file is cut short, one failed record
    says so and stands for the rest; the objects before it are read."""
    try:
        text, note, broken = _json_text(f)
    except DecodeError as e:
        yield make(None, 0, bytes_in=f.size, error=e.reason)
        return
    if text is None:
        error = (
            f"{TOO_LARGE}: a .json file over {_mb(JSON_DOCUMENT_LIMIT)} that is not one object "
            "a line; write it as JSON lines (.jsonl)"
        )
        yield make(None, 0, bytes_in=f.size, error=error)
        return
    count = 0
    why = _stream_error(broken, f) if broken is not None else None
    try:
        for obj, line in json_items(text):
            count += 1
            where = f"item {count} (line {line})"
            yield _json_object(obj, f"item={count}", count, where, make, opts, note)
    except (ValueError, RecursionError) as e:
        why = why or f"invalid JSON: {e}"
    if why is not None:
        count += 1
        yield make(
            f"item={count}",
            count,
            bytes_in=0,
            error=f"{READ_ERROR}: stopped at item {count}: {why}",
        )
    elif count == 0:
        yield make(None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: no JSON objects in the file")


def _json_text(f: InputFile) -> tuple[str | None, str, BaseException | None]:
    """The whole file as text, its encoding note, and the error that cut a compressed file
    short (its text is what came before). ``None`` for the text past ``JSON_DOCUMENT_LIMIT``.
    UTF-8, else decoded as a text file is (``_legacy_json_line``'s judgement)."""
    chunks: list[bytes] = []
    size, broken = 0, None
    try:
        with open_input(f) as fh:
            while size <= JSON_DOCUMENT_LIMIT and (chunk := fh.read(1 << 16)):
                chunks.append(chunk)
                size += len(chunk)
    except _STREAM_ERRORS as e:
        broken = e
    if size > JSON_DOCUMENT_LIMIT:
        return None, "", None
    data = b"".join(chunks)
    try:
        return data.decode("utf-8-sig"), "utf-8", broken
    except UnicodeDecodeError as e:
        if broken is not None and e.start >= len(data) - 3:  # a character the cut split
            return data[: e.start].decode("utf-8-sig"), "utf-8", broken
    return (*undeclared(_unescaped_breaks(data)), broken)


def _json_object(
    obj: Any,
    loc: str,
    index: int,
    where: str,
    make: Callable[..., RawRecord],
    opts: ReaderOptions,
    note: str,
    size: int = 0,
) -> RawRecord:
    """The record of a JSON value read from a file (``where`` names it in the message): an
    object's, or why a value of another kind gives none."""
    if not isinstance(obj, dict):
        error = f"{READ_ERROR}: {where} is a JSON {_json_kind(obj)}, not an object"
        return make(loc, index, bytes_in=size, error=error)
    return record_from_row(obj, make, loc, index, opts.for_columns(obj), note)


def _csv_codec(f: InputFile) -> tuple[str, str, str | None, str]:
    """How to read a CSV (``decode.stream_codec`` of its first megabyte): (codec, the note its
    rows get, the reason every row fails when no guess looks right, the delimiter)."""
    try:
        with open_input(f) as fh:
            head = fh.read(1 << 20)
    except _STREAM_ERRORS:
        return "utf-8-sig", "utf-8", None, ","
    codec, note, refused = stream_codec(head)
    tsv = _named(f, ".tsv")
    return codec, note, refused, _delimiter(head.decode(codec, "replace"), "\t" if tsv else ",")


DELIMITERS = ",;\t|"


def _delimiter(head: str, default: str = ",") -> str:
    """The delimiter of a CSV whose text begins with ``head``: the one of ``DELIMITERS`` its
    header row holds most often outside quotes (``default`` on a tie: a comma, a tab for a
    .tsv). Excel writes ``;`` where the decimal mark is a comma (Indonesian and most European
    settings)."""
    header = re.sub(r'"[^"]*"', "", head.split("\n", 1)[0])
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[default] else default


class _Lines:
    """The lines of a text stream, keeping those of the row the CSV reader is reading."""

    def __init__(self, lines: Iterator[str]):
        self.lines = lines
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self.lines)
        self.taken.append(line)
        return line

    def row(self) -> list[str]:
        """The lines of the row just read; the next row's start afresh."""
        taken, self.taken = self.taken, []
        return taken


def _runaway(fields: list[str], width: int, row_lines: list[str], sep: str = ",") -> int | None:
    """Where a quote left open begins: the index of the field that swallowed the lines after
    it, as a field whose further lines parse as whole rows (``width`` fields),
    half of them at least, does, in a row (its ``lines``) that a strict reading refuses: the
    quote is closed by the file's end or by the opening quote of a later field. ``None`` when
    no field looks so (a quoted body with commas is closed where it ends). With two columns
    any line with a comma would look like a row: there only a quote the file's end closes."""
    try:
        list(csv.reader(row_lines, strict=True, delimiter=sep))
        return None  # read first: cheaper than the look at the fields, and most rows pass
    except csv.Error as e:
        to_end = "unexpected end of data" in str(e)
    if width < 3 and not to_end:
        return None
    for k, value in enumerate(fields):
        lines = [line for line in value.splitlines()[1:] if line.strip()]
        # a line with fewer commas than a row has separators is no row, and is not parsed
        rowlike = sum(
            1
            for line in lines
            if line.count(sep) >= width - 1
            and len(next(csv.reader([line], delimiter=sep), [])) == width
        )
        if rowlike and 2 * rowlike >= len(lines):
            return k
    return None


def _unique_names(header: list[str]) -> list[str]:
    """A CSV header's names, stripped, a repeated one numbered as pandas numbers it ("text",
    "text.1"), so that the first column of a name is the one read (a dict of the row kept the
    last, and an article in the first ``text`` column was lost to what the second held)."""
    seen: Counter[str] = Counter()
    names = []
    for h in (h.strip() for h in header):
        names.append(f"{h}.{seen[h]}" if seen[h] else h)
        seen[h] += 1
    return names


def read_csv(f: InputFile, opts: ReaderOptions) -> Iterator[RawRecord]:
    """A CSV with a header row; quoted fields may span lines. A row whose field count differs
    from the header's is a failed document (its columns cannot be trusted). A quote left open
    swallows the rows after it into one field: that row fails, and the lines after its
    opening line are read again as rows."""
    make = _Maker(f, "text")
    codec, note, refused, sep = _csv_codec(f)
    rowno = 0
    try:
        with open_input(f) as raw:
            lines = _Lines(io.TextIOWrapper(raw, encoding=codec, errors="replace", newline=""))
            reader = csv.reader(lines, delimiter=sep)
            header = next(reader, None)
            if header is None:
                yield make(None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: the CSV file is empty")
                return
            header = _unique_names(header)
            opts = opts.for_columns(header)
            lines.row()
            while (fields := next(reader, None)) is not None:
                taken = lines.row()
                if not fields:  # blank line between rows
                    continue
                rowno += 1
                loc = f"row={rowno}"
                size = sum(len(x) for x in fields)
                k = _runaway(fields, len(header), taken, sep)
                error = refused
                if k is not None:
                    start = sum(x.count("\n") for x in fields[:k]) + 1
                    error = (
                        f"{READ_ERROR}: row {rowno} opens a quote that is never closed (field "
                        f"{k + 1}); the {len(taken) - start} lines after it are read as rows again"
                    )
                    lines = _Lines(itertools.chain(taken[start:], lines.lines))
                    reader = csv.reader(lines, delimiter=sep)
                elif len(fields) != len(header):
                    error = (
                        f"{READ_ERROR}: row {rowno} has {len(fields)} fields, the header has "
                        f"{len(header)}"
                    )
                if error:
                    yield make(loc, rowno, bytes_in=size, error=error)
                    continue
                row = dict(zip(header, fields, strict=True))
                yield record_from_row(row, make, loc, rowno, opts, note)
    except (csv.Error, *_STREAM_ERRORS) as e:
        rowno += 1
        yield make(
            f"row={rowno}",
            rowno,
            bytes_in=0,
            error=f"{READ_ERROR}: stopped before row {rowno}: {_stream_error(e, f)}",
        )
        return
    if rowno == 0:
        yield make(None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: the CSV file has no rows")


def _has_text(obj: dict, opts: ReaderOptions) -> bool:
    mapped = opts.for_columns(obj)
    return any(_lookup(obj, c) is not None for c in (mapped.text_col, mapped.html_col) if c)


def _jsonl_columns(f: InputFile, opts: ReaderOptions) -> tuple[bool, list[str] | None]:
    """Whether any object of the file has a text or HTML key, and the keys of the first object
    that has one (else of the first object). Only lines that hold one of the names a text key
    may have (its last part, as a JSON string, case aside) are parsed after the first."""
    if _json_named(f) and not _reads_as_lines(f, opts):
        return _json_document_columns(f, opts)
    feed = _json_named(f)
    needles = [json.dumps(c.rsplit(".", 1)[-1].casefold()).encode() for c in opts.text_names()]
    first: list[str] | None = None
    with open_input(f) as fh:
        for line in fh:
            low = line.lower()
            if first is not None and not any(n in low for n in needles):
                continue
            try:
                obj = json.loads(_feed_line(line) if feed else line)
            except (ValueError, RecursionError):
                continue
            if not isinstance(obj, dict):
                continue
            if first is None:
                first = list(obj)
            if _has_text(obj, opts):
                return True, list(obj)
    return False, first


def _json_document_columns(
    f: InputFile, opts: ReaderOptions, look: int = 1000, head: int = 4 << 20
) -> tuple[bool, list[str] | None]:
    """``_jsonl_columns`` of a JSON text, from its first ``look`` objects in its first ``head``
    bytes (the reader parses the whole file once; planning reads no more than this). ``None``
    for the columns when those objects end before the file and none of them has a text key:
    the reader then tells, document by document."""
    first: list[str] | None = None
    try:
        with open_input(f) as fh:
            text = fh.read(head).decode("utf-8-sig", "replace")
        for obj, _line in itertools.islice(json_items(text), look):
            if isinstance(obj, dict):
                if _has_text(obj, opts):
                    return True, list(obj)
                first = first or list(obj)
    except (ValueError, RecursionError, *_STREAM_ERRORS):  # cut at ``head``, or broken
        return True, None
    return False, first


def table_columns(f: InputFile, opts: ReaderOptions) -> tuple[bool, list[str] | None]:
    """Whether a table file has a column of text or HTML as ``opts`` maps it (a CSV's whole
    header, a Parquet schema, any object of a JSONL file), and the columns it has; ``None``
    when it has no header or object to tell."""
    if f.fmt == "jsonl":
        return _jsonl_columns(f, opts)
    if f.fmt == "parquet":
        columns = pq.ParquetFile(f.path).schema_arrow.names
    elif f.fmt == "arrow":
        columns = _arrow_reader(f).schema.names
    else:
        with open_input(f) as raw:
            codec, _note, _refused, sep = _csv_codec(f)
            text = io.TextIOWrapper(raw, encoding=codec, errors="replace", newline="")
            header = next(csv.reader(text, delimiter=sep), None)
        if not header:
            return False, None
        columns = _unique_names(header)
    return opts.has_text(columns), columns


def _columns_read(names: list[str], opts: ReaderOptions) -> list[str]:
    """The columns of a schema that ``opts`` (mapped to it) reads; ``a.b`` names a field of the
    struct column ``a`` (rows hold it as a dict)."""
    wanted = {
        opts.text_col,
        opts.html_col,
        opts.url_col,
        opts.title_col,
        opts.date_col,
        opts.author_col,
        opts.site_col,
    } - {None, ""}
    structs = {w.split(".", 1)[0] for w in wanted}
    return [c for c in names if c in wanted or c in structs]


def _arrow_reader(f: InputFile):
    """An Arrow IPC reader of the file: the file format (Feather 2) or the stream format (what
    Hugging Face datasets' ``save_to_disk`` and cache write), memory-mapped."""
    import pyarrow as pa

    source = pa.memory_map(f.path)
    try:
        return pa.ipc.open_file(source)
    except pa.ArrowInvalid:
        return pa.ipc.open_stream(source)


def _arrow_batches(reader) -> Iterator:
    if hasattr(reader, "num_record_batches"):  # the file format
        return (reader.get_batch(i) for i in range(reader.num_record_batches))
    return iter(reader)


def read_arrow(f: InputFile, opts: ReaderOptions) -> Iterator[RawRecord]:
    """Rows of an Arrow IPC file (``.arrow``, ``.feather``), a batch at a time."""
    make = _Maker(f, "text")
    index = 0
    try:
        reader = _arrow_reader(f)
        opts = opts.for_columns(reader.schema.names)
        columns = _columns_read(reader.schema.names, opts)
        for batch in _arrow_batches(reader):
            for row in batch.select(columns).to_pylist():
                index += 1
                yield record_from_row(row, make, f"row={index}", index, opts, "utf-8")
    except Exception as e:  # a corrupt file: report it and go on with the run
        index += 1
        error = f"{READ_ERROR}: cannot read Arrow from row {index}: {type(e).__name__}: {e}"
        yield make(f"row={index}", index, bytes_in=0, error=error)
        return
    if index == 0:
        yield make(None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: the Arrow file has no rows")


def read_parquet(
    f: InputFile, opts: ReaderOptions, row_groups: list[int] | None = None
) -> Iterator[RawRecord]:
    """Rows of a Parquet file (or of some of its row groups), a batch at a time."""
    make = _Maker(f, "text")
    index = 0
    try:
        pf = pq.ParquetFile(f.path)
        meta = pf.metadata
        groups = list(range(meta.num_row_groups)) if row_groups is None else row_groups
        opts = opts.for_columns(pf.schema_arrow.names)
        columns = _columns_read(pf.schema_arrow.names, opts)
        if row_groups is None and meta.num_rows == 0:
            yield make(
                None, 0, bytes_in=f.size, error=f"{EMPTY_INPUT}: the Parquet file has no rows"
            )
            return
        for g in groups:
            index = sum(meta.row_group(i).num_rows for i in range(g))  # rows before this group
            for batch in pf.iter_batches(batch_size=256, row_groups=[g], columns=columns):
                for row in batch.to_pylist():
                    index += 1
                    yield record_from_row(row, make, f"row={index}", index, opts, "utf-8")
    except Exception as e:  # a corrupt file or row group: report it and go on with the run
        index += 1
        yield make(
            f"row={index}",
            index,
            bytes_in=0,
            error=f"{READ_ERROR}: cannot read Parquet from row {index}: {_stream_error(e, f)}",
        )


# ---------------------------------------------------------------------------- WARC

_HTTP_STATUS = re.compile(rb"^HTTP/\d(?:\.\d)?\s+(\d{3})")
_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


def _parse_http(block: bytes) -> tuple[int | None, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a raw HTTP response block."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    if not sep:
        return None, {}, block
    lines = head.decode("iso-8859-1").splitlines()
    m = _HTTP_STATUS.match(lines[0].encode("iso-8859-1")) if lines else None
    headers = {}
    for line in lines[1:]:
        name, colon, value = line.partition(":")
        if colon:
            headers[name.strip().lower()] = value.strip()
    return (int(m.group(1)) if m else None), headers, body


_CHUNK_SIZE = re.compile(rb"[0-9a-fA-F]{1,16}")


def _dechunked(body: bytes) -> bytes | None:
    """A body sent with ``Transfer-Encoding: chunked``, its chunks joined; what its chunks hold
    where the record was cut short (``WARC-Truncated``); None where it is not chunked."""
    out, pos = [], 0
    while pos < len(body):
        eol = body.find(b"\n", pos)
        if eol < 0:  # a one-line body the archiver decoded, the header kept
            return None if pos == 0 else b"".join(out)
        size = body[pos:eol].split(b";", 1)[0].strip()
        if not _CHUNK_SIZE.fullmatch(size):
            return None if pos == 0 else b"".join(out)
        n = int(size, 16)
        if n == 0:
            break
        out.append(body[eol + 1 : eol + 1 + n])
        pos = eol + 1 + n
        pos += 2 if body[pos : pos + 2] == b"\r\n" else 1 if body[pos : pos + 1] == b"\n" else 0
    return b"".join(out)


def _gunzip(body: bytes, limit: int) -> bytes:
    """Every gzip member of ``body`` (some servers send several), at most ``limit`` + 1 bytes;
    a broken member after the first ends it with what came before."""
    out, rest, total = [], body, 0
    while rest[:2] == b"\x1f\x8b" and total <= limit:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = d.decompress(rest, limit + 1 - total)
        except zlib.error:
            if not out:
                raise
            break
        out.append(part)
        total += len(part)
        rest = d.unused_data
    return b"".join(out)


def _inflated(body: bytes, coding: str, limit: int) -> bytes:
    """``body`` decompressed from ``coding`` (gzip, deflate, br), at most ``limit`` + 1 bytes
    (a larger result is refused by the caller); raises where it cannot be."""
    if coding in ("gzip", "x-gzip"):
        if body[:2] != b"\x1f\x8b":
            raise ValueError("not gzip data")
        return _gunzip(body, limit)
    if coding == "deflate":  # zlib-wrapped as the RFC says, or raw as some servers send it
        try:
            return zlib.decompressobj().decompress(body, limit + 1)
        except zlib.error:
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, limit + 1)
    if coding == "br":  # brotli comes with fastwarc; 1.2 and later can stop at a size
        import brotli

        return brotli.Decompressor().process(body, output_buffer_limit=limit + 1)
    raise ValueError("unknown content coding")


def _http_body(headers: dict[str, str], body: bytes, limit: int) -> bytes:
    """The body as the server meant it: chunks joined, content codings (gzip, deflate, br)
    undone, as crawlers that archive the raw response (wget, Heritrix) store it. A body that
    does not decode so is kept as stored: archivers that decoded it often kept the header, and
    what is not text is refused when it is decoded."""
    if "chunked" in headers.get("transfer-encoding", "").lower():
        joined = _dechunked(body)
        body = body if joined is None else joined
    codings = [c.strip().lower() for c in headers.get("content-encoding", "").split(",")]
    for coding in reversed([c for c in codings if c and c != "identity"]):
        try:
            body = _inflated(body, coding, limit)
        except Exception:  # zlib.error, brotli.error, an old brotli, an unknown coding
            break
    return body


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    return m.group(1) if m else None


def read_warc(f: InputFile, opts: ReaderOptions) -> Iterator[RawRecord]:
    """``response``, ``resource`` and ``conversion`` records of a WARC file (optionally gzip
    per record). Conversion records are what Common Crawl's WET files hold: the text of a page,
    menus and footers included, read as a text document.

    fastwarc stops at the first record it cannot parse; this reader then reports the bad stretch
    as one failed document and resumes at the next record boundary it can find, so one bad record
    does not lose the rest of the file. In a plain (not gzip) file each record's Content-Length
    is checked against the bytes (``_Frames``): a record whose length is not a number, or does
    not end where the record ends, is one failed document and reading resumes at the next
    ``WARC/1.`` header. A record whose body is shorter than its declared length (a truncated
    file) is a failed document too.
    """
    scan = _WarcScan(f, opts)
    yield from scan.records()
    if scan.count == 0:
        yield scan.make(
            None,
            0,
            bytes_in=f.size,
            error=f"{EMPTY_INPUT}: no response, resource or conversion records in the WARC file",
        )


class _WarcScan:
    """One pass over a WARC file: fastwarc's records, restarted after a bad stretch or a record
    whose framing is broken. ``count``: the documents yielded."""

    def __init__(self, f: InputFile, opts: ReaderOptions):
        self.f = f
        self.opts = opts
        self.make = _Maker(f, "html")
        self.marker = b"\x1f\x8b" if f.compressed else b"WARC/1."
        self.count = 0
        self.last_good = -1  # offset of the last record parsed
        self.bad: tuple[int, BaseException] | None = None  # (last good record, first error)

    def records(self) -> Iterator[RawRecord]:
        start: int | None = 0
        with open(self.f.path, "rb") as fh, _Frames(self.f) as frames:
            while start is not None and start < self.f.size:
                fh.seek(start)
                start = yield from self._from(fh, start, frames)
        if self.bad is not None:
            self.count += 1
            yield _bad_stretch(self.make, *self.bad, None)

    def _from(self, fh, start: int, frames: _Frames) -> Generator[RawRecord, None, int | None]:
        """The records from ``start``; returns where to resume (``None``: the end)."""
        from fastwarc.warc import ArchiveIterator, WarcRecordType

        records = iter(ArchiveIterator(fh, parse_http=False))
        while True:
            # Only fastwarc's own parsing is guarded: a fault in our code is not a bad record.
            try:
                rec = next(records)
            except StopIteration:
                return None
            except Exception as e:  # fastwarc raises OSError("Invalid WARC header") and others
                if self.bad is None:
                    self.bad = (self.last_good, e)
                # Resume at the next record boundary after the point where parsing failed.
                return _find_next(self.f.path, self.marker, max(start, self.bad[0]) + 1)
            pos = rec.stream_pos if rec.stream_pos >= start else start + rec.stream_pos
            if self.bad is not None:
                self.count += 1
                yield _bad_stretch(self.make, *self.bad, pos)
                self.bad = None
            self.last_good = pos
            wanted = rec.record_type in (
                WarcRecordType.response,
                WarcRecordType.resource,
                WarcRecordType.conversion,
            )
            broken = frames.check(pos)
            if broken is not None:
                why, resume = broken
                if wanted:
                    self.count += 1
                    url = rec.headers.get("WARC-Target-URI")
                    error = f"{READ_ERROR}: WARC record with a bad Content-Length: {why}"
                    yield self.make(f"offset={pos}", pos, url=url, bytes_in=0, error=error)
                return resume
            if wanted:
                self.count += 1
                yield _warc_record(rec, pos, self.make, self.opts)


_LENGTH = re.compile(rb"^content-length:[ \t]*(.*?)[ \t]*$", re.I | re.M)


class _Frames:
    """Checks that a record of a plain WARC file ends where its Content-Length says: there the
    file ends or the next record begins. fastwarc trusts the length, so a wrong one would
    swallow the records after it or cut one record in two. gzip files (a member per record)
    are not checked."""

    def __init__(self, f: InputFile):
        self.f = f
        self.fh = None if f.compressed else open(f.path, "rb")  # noqa: SIM115 (closed in __exit__)

    def __enter__(self) -> _Frames:
        return self

    def __exit__(self, *exc) -> None:
        if self.fh is not None:
            self.fh.close()

    def check(self, pos: int) -> tuple[str, int | None] | None:
        """``None`` for a sound record at ``pos``, else (why, where to resume or ``None``)."""
        if self.fh is None:
            return None
        self.fh.seek(pos)
        head = self.fh.read(1 << 14)
        end_of_head = head.find(b"\r\n\r\n")
        m = _LENGTH.search(head, 0, max(end_of_head, 0))
        if end_of_head < 0 or m is None:
            return None  # fastwarc parsed it; nothing sure to say
        start = pos + end_of_head + 4
        value = m.group(1).rstrip(b"\r")
        if not value.isdigit():
            shown = value[:40].decode("latin-1")
            resume = _find_next(self.f.path, b"WARC/1.", start)
            return f"{shown!r} is not a number of bytes", resume
        end = start + int(value)
        if end <= self.f.size and self._ends_record(end):
            return None
        nxt = _find_next(self.f.path, b"\nWARC/1.", start, stop=min(end, self.f.size))
        if nxt is not None:
            return f"{int(value)} bytes runs over the next record (at byte {nxt + 1})", nxt + 1
        if end > self.f.size:
            return None  # the file is cut short: the reader reports it as truncated
        resume = _find_next(self.f.path, b"WARC/1.", end)
        return f"{int(value)} bytes does not end where the record ends", resume

    def _ends_record(self, end: int) -> bool:
        """Whether the record's end mark (two line ends), the next record or the end of the
        file comes at ``end``; what follows the end mark is not this record's concern."""
        self.fh.seek(end)
        after = self.fh.read(64)
        rest = after.lstrip(b"\r\n")
        return (
            after.startswith(b"\r\n\r\n")
            or rest.startswith(b"WARC/")
            or (not rest and end + len(after) >= self.f.size)
        )


def _bad_stretch(
    make: Callable[..., RawRecord], after: int, error: BaseException, resumed: int | None
) -> RawRecord:
    """The failed document that stands for an unparseable stretch of a WARC file."""
    where = "at the start of the file" if after < 0 else f"after the record at byte {after}"
    to = f"resumed at byte {resumed}" if resumed is not None else "nothing readable after it"
    return make(
        f"bad_after={after}",
        after + 1,
        bytes_in=0,
        error=f"{READ_ERROR}: bad WARC data {where} ({error}); {to}",
    )


def _find_next(
    path: str, marker: bytes, start: int, chunk: int = 1 << 20, stop: int | None = None
) -> int | None:
    """Byte offset of the next ``marker`` at or after ``start`` (and before ``stop``) in the
    file, or ``None``."""
    with open(path, "rb") as fh:
        fh.seek(start)
        offset = start
        tail = b""
        while stop is None or offset < stop:
            want = chunk if stop is None else min(chunk, stop + len(marker) - 1 - offset)
            buf = fh.read(want)
            if not buf:
                return None
            hay = tail + buf
            i = hay.find(marker)
            if i >= 0:
                found = offset - len(tail) + i
                return found if stop is None or found < stop else None
            tail = hay[-(len(marker) - 1) :]
            offset += len(buf)
        return None


def _warc_record(
    rec: Any, pos: int, make: Callable[..., RawRecord], opts: ReaderOptions
) -> RawRecord:
    """One response, resource or conversion record. WARC-Date is when the page was fetched, not
    published, so it is not used as the date: the page's own metadata gives that."""
    from fastwarc.warc import WarcRecordType

    url = rec.headers.get("WARC-Target-URI")
    loc = f"offset={pos}"

    def fail(size: int, error: str) -> RawRecord:
        return make(loc, pos, url=url, bytes_in=size, error=error)

    declared = rec.content_length
    block = rec.reader.read(opts.max_bytes + 65536)
    if len(block) > opts.max_bytes:  # past the limit (not a length the file does not hold)
        rec.reader.consume()
        return fail(declared, _too_large(declared, opts))
    if len(block) < declared:
        return fail(
            len(block), f"{READ_ERROR}: WARC record is truncated ({len(block)} of {declared} bytes)"
        )
    if rec.record_type == WarcRecordType.response:
        status, headers, body = _parse_http(block)
        ctype = headers.get("content-type", "")
        if status is not None and not 200 <= status < 300:
            return fail(len(body), f"{NOT_A_PAGE}: HTTP status {status}")
        body = _http_body(headers, body, opts.max_bytes)
        if len(body) > opts.max_bytes:
            return fail(
                len(body),
                f"{TOO_LARGE}: over the {_mb(opts.max_bytes)} limit once "
                "its content encoding is undone (--max-bytes)",
            )
    else:  # resource or conversion record: the block is the document itself
        ctype, body = rec.headers.get("Content-Type", ""), block
    mime = ctype.split(";")[0].strip().lower()
    if mime and not mime.startswith(_TEXT_TYPES):
        return fail(len(body), f"{NOT_A_PAGE}: content type {mime}")
    # a conversion record (WET) is text unless it says otherwise
    untyped = not mime and rec.record_type == WarcRecordType.conversion
    fmt = "text" if mime == "text/plain" or untyped else "html"
    return make(loc, pos, fmt=fmt, url=url, raw=body, bytes_in=len(body), charset=_charset(ctype))


READERS: dict[str, Callable[..., Iterator[RawRecord]]] = {
    "html": read_page,
    "text": read_page,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "parquet": read_parquet,
    "arrow": read_arrow,
    "warc": read_warc,
}


def read_file(
    f: InputFile, opts: ReaderOptions, row_groups: list[int] | None = None
) -> Iterator[RawRecord]:
    """All records of one input file (or of some row groups of a Parquet file).

    Whatever goes wrong beyond the format readers' own handling still ends as one failed record
    for the rest of the file, never as an exception that stops the run.
    """
    if f.problem is not None:  # a named pipe, a broken link: nothing to open
        make = _Maker(f, "html" if f.fmt in ("html", "warc") else "text")
        yield make(None, 0, bytes_in=0, error=f"{READ_ERROR}: {f.problem}")
        return
    last_index = 0
    try:
        if f.fmt == "parquet":
            it = read_parquet(f, opts, row_groups)
        else:
            it = READERS[f.fmt](f, opts)
        for rec in it:
            last_index = int(rec.order.rsplit(":", 1)[1])
            yield rec
    except Exception as e:
        make = _Maker(f)
        yield make(
            f"after={last_index}",
            last_index + 1,
            bytes_in=0,
            error=f"{READ_ERROR}: unexpected error after record {last_index}: "
            f"{type(e).__name__}: {e}",
        )
