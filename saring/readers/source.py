"""The input files as a Daft data source: one task per file (per row group for Parquet).

Each task streams its records as Arrow batches, so a file larger than memory is read a batch at a
time, and on Ray the tasks run on the workers. Parsing itself is ``readers.formats``. Daft drains
a task into a queue with no limit, so on one machine the reader holds itself back (``ahead``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.parquet as pq
from daft.io.source import DataSource, DataSourceTask
from daft.recordbatch import RecordBatch
from daft.schema import Schema

from saring.model import RAW_SCHEMA
from saring.progress import CountFile
from saring.readers.formats import read_file
from saring.readers.inputs import InputFile
from saring.readers.options import ReaderOptions

_SCHEMA = Schema.from_pyarrow_schema(RAW_SCHEMA)
STALL_S = 30.0  # seconds without a processed document after which the reader reads on


@dataclass(frozen=True)
class ReadAhead:
    """How far a task may read past the documents processed: it waits only while both limits
    are reached. ``batches`` bounds memory (a batch is at most ``batch_rows`` documents or
    ``batch_bytes``); ``rows`` keeps enough documents coming for every worker's next batch."""

    batches: int
    rows: int


class FileTask(DataSourceTask):
    def __init__(
        self,
        file: InputFile,
        opts: ReaderOptions,
        row_groups: list[int] | None,
        batch_rows: int,
        batch_bytes: int,
        counts: str | None = None,
        ahead: ReadAhead | None = None,
    ):
        self.file = file
        self.opts = opts
        self.row_groups = row_groups
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.counts = counts
        self.ahead = ahead

    @property
    def schema(self) -> Schema:
        return _SCHEMA

    async def _hold(self, seen: CountFile, ends: list[int]) -> None:
        """Wait while this task has ``self.ahead.batches`` batches unprocessed and the run
        ``self.ahead.rows`` documents read and unprocessed (a batch is done once the documents
        processed reach the documents read when it was made: exact while one task reads, close
        enough for several). Daft 0.7.26 drains a source task into an unbounded queue
        (``daft.io.__internal._drain_async_iter``), so the reader ran ahead of the workers and
        held the input in memory: 1,000,000 JSONL documents of 3 KB were all read when 315,584
        were processed, the driver at 4.3 GiB. Workers that process nothing for ``STALL_S``
        seconds are not waited for, so a wrong count can slow a run, never stop it."""
        last, since = -1, time.monotonic()
        while True:
            got = seen.sums()
            done = got.get("processed", 0)
            ends[:] = [e for e in ends if e > done]
            if len(ends) < self.ahead.batches or got.get("read", 0) - done < self.ahead.rows:
                return
            if done != last:
                last, since = done, time.monotonic()
            elif time.monotonic() - since >= STALL_S:
                return
            await asyncio.sleep(0.05)

    def _batch(self, rows: list[dict], seconds: float) -> RecordBatch:
        CountFile.add(self.counts, "read", len(rows))
        share = seconds / len(rows)
        for row in rows:
            row["t_read"] = share
        arrow = pa.RecordBatch.from_pylist(rows, schema=RAW_SCHEMA)
        return RecordBatch.from_arrow_record_batches([arrow], RAW_SCHEMA)

    async def read(self) -> AsyncIterator[RecordBatch]:
        rows: list[dict] = []
        size = 0
        held = self.counts is not None and self.ahead is not None
        seen, ends = CountFile(self.counts) if held else None, []
        t = time.perf_counter()
        for rec in read_file(self.file, self.opts, self.row_groups):
            rows.append(rec.as_row())
            size += len(rec.raw or b"") + len(rec.raw_text or "")
            if len(rows) >= self.batch_rows or size >= self.batch_bytes:
                seconds = time.perf_counter() - t  # reading, not the wait below
                if held:
                    await self._hold(seen, ends)
                batch = self._batch(rows, seconds)
                if held:  # the documents read, all tasks together, once this batch is done
                    ends.append(seen.sums().get("read", 0))
                yield batch
                rows, size = [], 0
                t = time.perf_counter()
        if rows:
            yield self._batch(rows, time.perf_counter() - t)
        CountFile.add(self.counts, "tasks_read", 1)


class InputSource(DataSource):
    """All documents of the given input files, in the schema ``model.RAW_SCHEMA``."""

    def __init__(
        self,
        files: list[InputFile],
        opts: ReaderOptions,
        batch_rows: int = 2048,
        batch_bytes: int = 32 << 20,
        counts: str | None = None,
        ahead: ReadAhead | None = None,
    ):
        self.files = files
        self.opts = opts
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.counts = counts  # a progress.CountFile: documents read, tasks planned and done
        # how far each task reads past the documents processed (``FileTask._hold``); only with
        # ``counts``, which the pipeline gives on one machine only (Ray: no shared file)
        self.ahead = ahead

    @property
    def name(self) -> str:
        return "saring-inputs"

    @property
    def schema(self) -> Schema:
        return _SCHEMA

    def _row_groups(self, f: InputFile) -> list[list[int] | None]:
        if f.fmt != "parquet":
            return [None]
        try:
            n = pq.ParquetFile(f.path).metadata.num_row_groups
        except Exception:
            return [None]  # the reader reports the broken file as a failed document
        return [[g] for g in range(n)] if n > 1 else [None]

    async def get_tasks(self, pushdowns) -> AsyncIterator[DataSourceTask]:
        planned = 0
        for f in self.files:
            for groups in self._row_groups(f):
                planned += 1
                yield FileTask(
                    f,
                    self.opts,
                    groups,
                    self.batch_rows,
                    self.batch_bytes,
                    self.counts,
                    self.ahead,
                )
        CountFile.add(self.counts, "tasks", planned)
