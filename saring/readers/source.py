"""The input files as a Daft data source: one task per file (per row group for Parquet).

Each task streams its records as Arrow batches, so a file larger than memory is read a batch at a
time, and on Ray the tasks run on the workers. Parsing itself is ``readers.formats``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

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


class FileTask(DataSourceTask):
    def __init__(
        self,
        file: InputFile,
        opts: ReaderOptions,
        row_groups: list[int] | None,
        batch_rows: int,
        batch_bytes: int,
        counts: str | None = None,
    ):
        self.file = file
        self.opts = opts
        self.row_groups = row_groups
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.counts = counts

    @property
    def schema(self) -> Schema:
        return _SCHEMA

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
        t = time.perf_counter()
        for rec in read_file(self.file, self.opts, self.row_groups):
            rows.append(rec.as_row())
            size += len(rec.raw or b"") + len(rec.raw_text or "")
            if len(rows) >= self.batch_rows or size >= self.batch_bytes:
                yield self._batch(rows, time.perf_counter() - t)
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
    ):
        self.files = files
        self.opts = opts
        self.batch_rows = batch_rows
        self.batch_bytes = batch_bytes
        self.counts = counts  # a progress.CountFile: documents read, tasks planned and done

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
                yield FileTask(f, self.opts, groups, self.batch_rows, self.batch_bytes, self.counts)
        CountFile.add(self.counts, "tasks", planned)
