"""The per-document phase's Daft UDF: ``process.process_record`` over a batch of raw records,
flattened into the staging row type (``PROCESSED_TYPE``). Apart from ``saring.pipeline`` so that
a worker process imports only what the per-document work needs, not dedup, stories, report and
store (with the story settings moved out of the grouping too, a worker's imports took 486-531 ms
instead of 721-727 ms). Holds no plan.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict

import daft
import pyarrow as pa
from daft import DataType as DT

from saring.clean.siterepeats import line_hashes
from saring.config import RunConfig
from saring.model import (
    EXTRACT_TIMEOUT,
    INTERNAL_ERROR,
    KEPT,
    SIGNALS_TYPE,
    make_id,
    reason_code,
)
from saring.process import process_record, rank_key, ranked_as, word_count
from saring.progress import CountFile

REMOVED_TYPE = DT.list(DT.struct({"text": DT.string(), "reason": DT.string(), "at": DT.int32()}))
SIGNALS_DT = DT.from_arrow_type(SIGNALS_TYPE)
PROCESSED_TYPE = DT.struct(
    {
        "status": DT.string(),
        "reason": DT.string(),
        "stage": DT.string(),
        "text": DT.string(),
        "title": DT.string(),
        "author": DT.string(),
        "site": DT.string(),
        "url": DT.string(),
        "published": DT.timestamp("us", "UTC"),
        "encoding": DT.string(),
        "fmt": DT.string(),
        "chars_in": DT.int64(),
        "chars_out": DT.int64(),
        "removed": REMOVED_TYPE,
        "norm": DT.string(),
        "exact_hash": DT.string(),
        "rank": DT.string(),
        "t_decode": DT.float64(),
        "t_extract": DT.float64(),
        "t_clean": DT.float64(),
        "t_filter": DT.float64(),
        "lang": DT.string(),
        "lang_score": DT.float64(),
        "signals": SIGNALS_DT,
        "line_hashes": DT.list(DT.int64()),
        "reused": DT.bool(),  # the row of an identical earlier record (``Reused``)
        "key": DT.binary(),  # ``record_key``: what a store keeps to know a record again
        "new_id": DT.string(),  # the id a changed record takes (``DocumentProcessor.row``)
    }
)
RAW_ARGS = (
    "id",
    "order",
    "fmt",
    "raw",
    "raw_text",
    "charset",
    "url",
    "title",
    "author",
    "site",
    "date_raw",
    "error",
)
TIMERS = ("t_read", "t_decode", "t_extract", "t_clean", "t_filter")


def processed_row(row: dict, cfg: RunConfig) -> dict:
    """One staging row: ``process_record``'s outcome flattened into ``PROCESSED_TYPE``'s fields."""
    out = process_record(row, cfg)
    p = out.processed
    return {
        "status": p.status,
        "reason": p.reason,
        "stage": out.stage,
        "text": p.text,
        "title": p.title,
        "author": p.author,
        "site": p.site,
        "url": p.url,
        "published": p.published,
        "encoding": p.encoding,
        "fmt": p.fmt,
        "chars_in": p.chars_in,
        "chars_out": p.chars_out,
        "removed": [r.as_dict() for r in p.removed],
        "norm": p.norm,
        "exact_hash": p.exact_hash,
        "rank": rank_key(word_count(p.norm), p.published, row["order"], row["id"]),
        "t_decode": p.seconds.get("decode", 0.0),
        "t_extract": p.seconds.get("extract", 0.0),
        "t_clean": p.seconds.get("clean", 0.0),
        "t_filter": p.seconds.get("filter", 0.0),
        "lang": p.lang,
        "lang_score": p.lang_score,
        "signals": p.signals,
        # only the per-site pass reads them
        "line_hashes": line_hashes(p.text) if p.status == KEPT and cfg.clean.site.enabled else None,
        "reused": False,
    }


# what process_record reads of a record: every field but the id and the input order
KEYED = tuple(f for f in RAW_ARGS if f not in ("id", "order"))
_REUSE_CHARS = 32 << 20  # characters a worker's remembered rows may hold in all (``_size``)
# outcomes that another try may not repeat: a copy is processed again
_NOT_REMEMBERED = (EXTRACT_TIMEOUT, INTERNAL_ERROR)


def record_key(record: dict) -> bytes:
    """A digest of the fields ``process_record`` reads: two records with the same key get the
    same row but for their id, order and rank."""
    h = hashlib.blake2b(digest_size=16)
    for name in KEYED:
        v = record[name]
        if v is None:  # apart from "": a length comes first otherwise
            h.update(b"N")
            continue
        b = v if isinstance(v, bytes) else str(v).encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.digest()


class Reused:
    """The staging rows of the last ``rows`` records a worker processed, by ``record_key``: a
    record met again (a page crawled twice, a feed read on two days: 2,036 of the shared crawl's
    5,774 rows repeat an earlier row field for field) takes its row, with its own id, order and
    rank, instead of being processed again. Its stage timers are 0, since nothing ran. Each
    worker remembers its own records, so a copy is caught when the worker that processed the
    first one meets it."""

    def __init__(self, rows: int):
        self.rows = rows
        self.kept: OrderedDict[bytes, dict] = OrderedDict()
        self.chars = 0
        self.lock = threading.Lock()  # with one worker, Daft may call from several threads

    def row(self, record: dict, cfg: RunConfig, key: bytes | None = None) -> dict:
        if self.rows <= 0:
            return processed_row(record, cfg)
        key = key or record_key(record)
        with self.lock:
            known = self.kept.get(key)
            if known is not None:
                self.kept.move_to_end(key)
        if known is not None:
            return {
                **known,
                **dict.fromkeys(TIMERS[1:], 0.0),
                "reused": True,
                "rank": ranked_as(known["rank"], record["order"], record["id"]),
            }
        row = processed_row(record, cfg)
        self._remember(key, row)
        return row

    def _remember(self, key: bytes, row: dict) -> None:
        size = _size(row)
        if size > _REUSE_CHARS // 8 or reason_code(row["reason"]) in _NOT_REMEMBERED:
            return
        with self.lock:
            old = self.kept.pop(key, None)  # two threads that met the same record
            if old is not None:
                self.chars -= _size(old)
            self.kept[key] = row
            self.chars += size
            while self.kept and (len(self.kept) > self.rows or self.chars > _REUSE_CHARS):
                self.chars -= _size(self.kept.popitem(last=False)[1])


def _size(row: dict) -> int:
    """About the memory a remembered row holds, in characters: its texts, a line hash as 8,
    and a fixed cost for the row and for each removed piece."""
    removed = sum(100 + len(r["text"] or "") for r in row["removed"])
    texts = len(row["text"] or "") + len(row["norm"] or "")
    return 1000 + texts + removed + 8 * len(row["line_hashes"] or ())


class DocumentProcessor:
    """The Daft UDF around ``process_record``: one instance per worker process, called with a
    batch of raw records (one Series per field of ``RAW_ARGS``). A batch UDF that returns Arrow
    costs less per document than a row UDF returning Python dicts (measured in bench_run.py)."""

    def __init__(self, cfg: RunConfig, stored=None, counts: str | None = None):
        self.cfg = cfg
        # what a store holds already (``store.Stored``): the same record is not processed again
        self.stored = stored
        self.counts = counts  # the run's progress.CountFile, where it is on this machine
        self.arrow_type = PROCESSED_TYPE.to_arrow_dtype()
        self.reused = Reused(cfg.reuse)
        # the extractors' own warnings ("discarding data: None") say what the row's reason says;
        # from a worker process the engine printed them on the user's standard output
        for name in ("trafilatura", "readability", "htmldate", "courlan"):
            logging.getLogger(name).setLevel(logging.ERROR)

    @daft.method.batch(return_dtype=PROCESSED_TYPE)
    def __call__(self, *columns: daft.Series) -> pa.Array:
        values = [c.to_pylist() for c in columns]
        records = zip(*values, strict=True)
        rows = [self.row(dict(zip(RAW_ARGS, record, strict=True))) for record in records]
        CountFile.add(self.counts, "processed", len(rows))
        return pa.array(rows, type=self.arrow_type)

    def row(self, record: dict) -> dict:
        """The staging row of one record. A record the store holds (``store.Stored.holds``: at
        its place, or elsewhere in its file) is marked stored. One whose place held another
        record (a file that kept its name while its rows changed: a ``news.csv`` written anew
        each day) is another document, processed under an id of its own (``new_id``: its old id
        and its key)."""
        key = record_key(record)
        doc_id = record["id"]
        if self.stored:
            held = self.stored.holds(doc_id, key, int(record["order"].split(":", 1)[0]))
            if held is None:  # its place held another record: another document
                record = {**record, "id": make_id(doc_id, key.hex())}
                held = self.stored.holds(record["id"], key, -1)
            if held:
                return {"status": STORED, "fmt": record["fmt"], "key": key}
        row = self.reused.row(record, self.cfg, key)
        return {**row, "key": key, "new_id": record["id"] if record["id"] != doc_id else None}


# the staging status of a document a store already holds; such rows are dropped after phase 1
STORED = "stored"
