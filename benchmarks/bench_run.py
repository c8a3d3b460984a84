"""Whole-run throughput of ``saring run``, with a same-run baseline, on shared data.

    .venv/bin/python benchmarks/bench_run.py [--repeat 3] [--workers N]

Data sets (skipped with a message when ../shared is absent):
- indonews: the three daily CSVs of ../shared/data/indonews-crawl-2025-06 (5,774 rows, text path).
  Baseline: the same per-document function (``process.process_record``) and an exact-duplicate
  dict, in one plain Python loop over the rows, no engine and no near dedup.
- aeb: the 181 HTML pages of ../shared/data/article-extraction-benchmark (HTML path).
  Baseline: plain ``trafilatura.extract`` on each page in one Python loop.

Each data set is run twice: as a user runs it, and with ``engine.reuse=0`` (every record processed,
none taking the row of an identical earlier one: the engine alone; the x10 copies are nine tenths
such records).

Prints a Markdown table with documents per second and the ratio saring / baseline; the machine is
shared and noisy, so each figure is the median of ``--repeat`` runs and only ratios from the same
run should be compared.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_data import AEB as AEB_DIR
from shared_data import CRAWL as INDONEWS
from shared_data import CRAWL_DAYS as DAYS
from shared_data import crawl_config, crawl_options

AEB = AEB_DIR / "html"


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1_048_576:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def saring_run(inputs: list[str], extra: list[str]) -> tuple[float, dict]:
    """Run the CLI in a fresh process (as a user would) and return wall seconds and stats."""
    import json

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "saring", "run", *inputs, "-o", str(out), "-q", *extra],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        wall = time.perf_counter() - t
        stats = json.loads((out / "stats.json").read_text())
        bugs = {k: v for k, v in stats["documents"]["by_reason"].items() if _is_bug(k)}
        if bugs:
            # a document that meets a bug leaves early and makes the run look faster (a model
            # file that no longer fits the code fails every page the model reads)
            raise SystemExit(f"saring run: documents failed on an internal error: {bugs}")
        return wall, stats


def _is_bug(reason: str | None) -> bool:
    from saring.model import INTERNAL_ERROR, reason_family

    return reason_family(reason) == INTERNAL_ERROR


def baseline_indonews(copies: int = 1) -> tuple[float, int]:
    from saring.process import process_record

    cfg = crawl_config()
    t = time.perf_counter()
    seen: dict[str, int] = {}
    n = bugs = 0
    for day in DAYS * copies:
        with open(INDONEWS / day, encoding="utf-8-sig", newline="") as fh:
            for i, row in enumerate(csv.DictReader(fh)):
                rec = {
                    "id": str(i),
                    "order": str(i),
                    "fmt": "text",
                    "raw_text": row["isi_berita"],
                    "title": row["judul"],
                    "site": row["sumber"],
                    "url": row["url"],
                    "date_raw": row["tanggal_publikasi"],
                }
                p = process_record(rec, cfg).processed
                if p.exact_hash:
                    seen.setdefault(p.exact_hash, n)
                bugs += _is_bug(p.reason)
                n += 1
    if bugs:
        raise SystemExit(f"the process_record loop: {bugs} of {n} documents met an internal error")
    return time.perf_counter() - t, n


def baseline_aeb() -> tuple[float, int]:
    import trafilatura

    pages = sorted(AEB.glob("*.html.gz"))
    t = time.perf_counter()
    for p in pages:
        trafilatura.extract(gzip.decompress(p.read_bytes()), with_metadata=True)
    return time.perf_counter() - t, len(pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None)
    a = ap.parse_args()
    extra = ["--workers", str(a.workers)] if a.workers else []
    print(f"machine: {machine()}; date {time.strftime('%Y-%m-%d')}; repeats {a.repeat} (median)\n")
    print(
        "| data | documents | saring run (s) | saring docs/s | baseline | baseline (s) "
        "| baseline docs/s | saring / baseline speed |"
    )
    print("|---|---|---|---|---|---|---|---|")
    cols = crawl_options()
    with tempfile.TemporaryDirectory() as tmp:
        scaled = []
        if INDONEWS.exists():  # ten copies of the crawl, as separate files (ids differ per copy)
            for k in range(10):
                for d in DAYS:
                    dst = Path(tmp) / f"copy{k}-{d}"
                    shutil.copy(INDONEWS / d, dst)
                    scaled.append(str(dst))
        cases = [
            (
                "indonews CSV, 3 days",
                INDONEWS,
                [str(INDONEWS / d) for d in DAYS] + cols,
                "process_record loop, exact dedup only",
                baseline_indonews,
            ),
            (
                "indonews CSV x10 (copies)",
                INDONEWS,
                scaled + cols,
                "process_record loop, exact dedup only",
                lambda: baseline_indonews(10),
            ),
            (
                "article-extraction-benchmark HTML",
                AEB,
                [str(AEB)],
                "trafilatura.extract loop",
                baseline_aeb,
            ),
        ]
        for name, path, args, base_name, base in cases:
            if not path.exists():
                print(f"| {name} | skipped: {path} is absent | | | | | | |")
                continue
            runs = [saring_run(args, extra) for _ in range(a.repeat)]
            # the same run with every record processed: what the engine gives without the rows
            # taken from identical earlier records (perdoc.Reused)
            whole = [saring_run(args, [*extra, "--set", "engine.reuse=0"]) for _ in range(a.repeat)]
            wall = statistics.median(r[0] for r in runs)
            wall0 = statistics.median(r[0] for r in whole)
            n = runs[0][1]["documents"]["in"]
            reused = runs[0][1]["documents"]["reused"]
            bases = [base() for _ in range(a.repeat)]
            bwall = statistics.median(b[0] for b in bases)
            print(
                f"| {name} | {n} | {wall:.2f} | {n / wall:.0f} | {base_name} | {bwall:.2f} | "
                f"{bases[0][1] / bwall:.0f} | {bwall / wall:.2f}x |"
            )
            print(
                f"| {name}, reuse off ({reused} rows reused above) | {n} | {wall0:.2f} | "
                f"{n / wall0:.0f} | {base_name} | {bwall:.2f} | {bases[0][1] / bwall:.0f} | "
                f"{bwall / wall0:.2f}x |"
            )
            phases = runs[0][1]["timing"]["phase_seconds"]
            print(f"|  | phases of one run (s): {phases} | | | | | | |")


if __name__ == "__main__":
    main()
