"""How saring hands its Python per-document classes to Daft."""

from __future__ import annotations

import daft


def udf_class(cls: type, workers: int):
    """``cls`` (a class with a ``daft.method.batch`` ``__call__``) as a Daft UDF class, run in
    ``workers`` processes, or with one worker in saring's own process.

    Daft 0.7.26 runs a class given ``max_concurrency`` in a process of its own even with
    ``use_process=False``, so one worker is named by leaving ``max_concurrency`` out: a worker
    process costs its start, its imports and model loads (1 to 2.5 s of CPU) and a copy of every
    batch each way, which is more than one worker saves (measured in profile_warc.py)."""
    if workers > 1:
        return daft.cls(cls, max_concurrency=workers, use_process=True)
    return daft.cls(cls, use_process=False)
