"""Where ``saring run`` spends CPU that a plain loop over the same per-document function does not.

    .venv/bin/python benchmarks/profile_warc.py [--records 1500] [--only loop,traf,run]
        [--workers 1] [--crawl] [--prof DIR]

On the WARC of make_warc.py (or its first ``--records`` records, written to a temporary file), or
with ``--crawl`` on the three CSVs of ../shared's June 2025 crawl (their columns mapped):

- loop: one process, saring's own reader (``readers.formats.read_file``: fastwarc, the HTTP
  head, the record dict) and ``process.process_record`` on each record, nothing else. Reading and
  processing are timed apart (CPU seconds).
- traf: bench_warc.py's loop (fastwarc and ``trafilatura.extract`` on each 2xx HTML body).
- run: ``saring.cli.main(["run", ..., "--workers", "1"])`` in this process
  (SARING_NO_FORK=1), under cProfile (the driver's thread); the per-document UDF's and the
  reader's CPU are added up per thread (``time.thread_time``) by wrapping them, since Daft calls
  them from its own threads, which cProfile does not see.

Prints CPU and wall seconds of each, the run's phase_seconds, and the driver's top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gzip
import io
import json
import os
import pstats
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from shared_data import CRAWL, CRAWL_DAYS, crawl_config, crawl_options

HERE = Path(__file__).resolve().parent
WARC = HERE / ".cache" / "warc" / "news.warc.gz"
CRAWL_MODE = False  # --crawl


def subset(src: Path, n: int, dst: Path) -> int:
    """The first records of ``src`` (gzip per record) up to its ``n``-th response record."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    responses = 0
    with open(src, "rb") as fh, open(dst, "wb") as out:
        for rec in ArchiveIterator(fh, parse_http=False):
            buf = io.BytesIO()
            rec.write(buf)
            out.write(gzip.compress(buf.getvalue(), mtime=0))
            responses += rec.record_type == WarcRecordType.response
            if responses >= n:
                break
    return responses


class ThreadCpu:
    """CPU seconds spent inside wrapped functions, summed over the threads that call them."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()

    def wrap(self, name: str, fn):
        @functools.wraps(fn)
        def timed(*a, **kw):
            t = time.thread_time()
            try:
                return fn(*a, **kw)
            finally:
                with self.lock:
                    self.seconds[name] += time.thread_time() - t
                    self.calls[name] += 1
                    if len(a) > 1 and hasattr(a[1], "__len__"):  # a batch UDF: its rows
                        self.calls[name + "_rows"] += len(a[1])

        return timed

    def wrap_iter(self, name: str, gen_fn):
        """A generator function whose every step is timed (reading runs lazily, step by step)."""

        @functools.wraps(gen_fn)
        def timed(*a, **kw):
            it = gen_fn(*a, **kw)
            while True:
                t = time.thread_time()
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    with self.lock:
                        self.seconds[name] += time.thread_time() - t
                yield item

        return timed


def loop(paths: list[str]) -> dict:
    from saring.config import RunConfig
    from saring.process import process_record
    from saring.readers.formats import read_file
    from saring.readers.inputs import resolve_inputs

    cfg = crawl_config() if CRAWL_MODE else RunConfig()
    files, _ = resolve_inputs(paths, None)
    c0, w0 = time.process_time(), time.perf_counter()
    read = proc = 0.0
    n = kept = 0
    for f in files:
        it = read_file(f, cfg.reader)
        while True:
            t = time.process_time()
            rec = next(it, None)
            read += time.process_time() - t
            if rec is None:
                break
            t = time.process_time()
            out = process_record(rec.as_row(), cfg)
            proc += time.process_time() - t
            n += 1
            kept += out.processed.status == "kept"
    return {
        "docs": n,
        "kept_before_dedup": kept,
        "cpu_s": time.process_time() - c0,
        "wall_s": time.perf_counter() - w0,
        "read_cpu_s": read,
        "process_record_cpu_s": proc,
    }


def traf(paths: list[str]) -> dict:
    """bench_warc.py's loop: fastwarc and ``trafilatura.extract`` on each 2xx HTML body."""
    import trafilatura
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    c0, w0 = time.process_time(), time.perf_counter()
    n = pages = 0
    with open(paths[0], "rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response):
            n += 1
            body = rec.reader.read()
            ctype = rec.http_headers.get("Content-Type", "")
            if 200 <= rec.http_headers.status_code < 300 and "html" in ctype.lower():
                pages += 1
                trafilatura.extract(body)
    return {
        "docs": n,
        "pages": pages,
        "cpu_s": time.process_time() - c0,
        "wall_s": time.perf_counter() - w0,
    }


def run(paths: list[str], prof_dir: Path | None, workers: int) -> dict:
    os.environ["SARING_NO_FORK"] = "1"
    import saring.pipeline as pl
    import saring.readers.source as src
    from saring.cli import main

    cpu = ThreadCpu()
    pl.process_record = cpu.wrap("process_record", pl.process_record)
    pl.DocumentProcessor.__call__ = cpu.wrap("udf_batch", pl.DocumentProcessor.__call__)
    pl.SiteLineStripper.__call__ = cpu.wrap("site_stripper_batch", pl.SiteLineStripper.__call__)
    src.read_file = cpu.wrap_iter("read_file", src.read_file)
    src.FileTask._batch = cpu.wrap("reader_to_arrow", src.FileTask._batch)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        argv = ["run", *paths, "-o", str(out), "--workers", str(workers), "--no-report", "-q"]
        argv += crawl_options() if CRAWL_MODE else []
        prof = cProfile.Profile()
        c0, w0, t0 = time.process_time(), time.perf_counter(), os.times()
        prof.enable()
        rc = main(argv)
        prof.disable()
        t1 = os.times()
        res = {
            "rc": rc,
            "cpu_s": time.process_time() - c0,
            "wall_s": time.perf_counter() - w0,
            "children_cpu_s": (t1.children_user + t1.children_system)
            - (t0.children_user + t0.children_system),
        }
        stats = json.loads((out / "stats.json").read_text())
    res["phase_seconds"] = stats["timing"]["phase_seconds"]
    res["docs"] = stats["documents"]["in"]
    res["thread_cpu_s"] = {k: round(v, 2) for k, v in cpu.seconds.items()}
    res["calls"] = dict(cpu.calls)
    udf_self = cpu.seconds["udf_batch"] - cpu.seconds["process_record"]
    res["udf_outside_process_record_cpu_s"] = round(udf_self, 2)
    if prof_dir is not None:
        prof_dir.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(str(prof_dir / f"run_{'crawl' if CRAWL_MODE else 'warc'}_w{workers}.prof"))
    s = io.StringIO()
    pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
    res["driver_top"] = s.getvalue()
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warc", type=Path, default=WARC)
    ap.add_argument("--records", type=int, default=0, help="first N response records (0: all)")
    ap.add_argument("--only", default="loop,run")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--prof", type=Path, default=None, help="write the cProfile files here")
    ap.add_argument("--crawl", action="store_true", help="the crawl's CSVs instead of the WARC")
    a = ap.parse_args()
    global CRAWL_MODE
    CRAWL_MODE = a.crawl
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(CRAWL / d) for d in CRAWL_DAYS] if a.crawl else [str(a.warc)]
        if a.records:
            paths = [str(Path(tmp) / "subset.warc.gz")]
            got = subset(a.warc, a.records, Path(paths[0]))
            print(f"subset: {got} response records", file=sys.stderr)
        for name in a.only.split(","):
            todo = {"loop": loop, "traf": traf}.get(name)
            res = todo(paths) if todo else run(paths, a.prof, a.workers)
            top = res.pop("driver_top", None)
            print(name, json.dumps(res, default=str), flush=True)
            if top:
                print(top)


if __name__ == "__main__":
    main()
