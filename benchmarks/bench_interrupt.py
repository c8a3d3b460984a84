"""Stopping a run, over and over (issue 18): every moment of tests/test_interrupt.py (a signal
during imports, right after reading starts, mid-extraction, SIGTERM, near dedup, stories,
writing), ``--rounds`` times in a row, with how long each stop took.

    python benchmarks/bench_interrupt.py [--rounds 20]

A stop passes when tests/test_interrupt.py's checks hold: exit 130 (143), within 5 s of the
signal, the one line last, no traceback, no process of the run left, no partial folder, no OUT.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_run import machine  # noqa: E402

from tests.test_interrupt import MOMENTS, WORKERS, check_stopped, make_crawl, stop_run  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=20)
    a = ap.parse_args()
    print(f"# {machine()}")
    times: dict[str, list[float]] = {m: [] for m in MOMENTS}
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        crawl = make_crawl(Path(tmp) / "pages")
        for r in range(1, a.rounds + 1):
            for moment, (after, delay, sig) in MOMENTS.items():
                out = Path(tmp) / f"out-{r}-{moment}"
                s = stop_run([str(crawl), "-o", str(out), *WORKERS], after, delay, sig)
                try:
                    check_stopped(s, sig, out)
                    assert not out.exists(), "OUT was written"
                except AssertionError as e:
                    failures.append(f"round {r}, {moment}: {str(e).splitlines()[0]}")
                times[moment].append(s.seconds)
                print(f"round {r:2d}  {moment:<20} exit {s.rc}  stop took {s.seconds:.2f} s")
    print("\n| moment | stops | passed | median (s) | slowest (s) |")
    print("|---|---|---|---|---|")
    for moment, ts in times.items():
        failed = sum(1 for f in failures if f", {moment}:" in f)
        print(
            f"| {moment} | {len(ts)} | {len(ts) - failed} | {statistics.median(ts):.2f} | "
            f"{max(ts):.2f} |"
        )
    for f in failures:
        print("FAILED", f)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
