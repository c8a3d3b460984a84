"""Peak memory of a whole ``saring run`` over many crawl-sized text documents (issue 17).

    .venv/bin/python benchmarks/bench_memory.py [--docs 100000 300000 1000000] [--workers 2]

For each N: N synthetic articles of about 3 KB as JSONL (sentences of ../shared's IndoSum dev
articles, shuffled: 7 to 10 paragraphs of two or three sentences; 2% edited copies of an
earlier article, which near dedup finds; 3,333 articles a day, so that the stories phase meets
the same density at every N), then ``saring run FILE -o OUT --no-report`` in a subprocess while
the resident memory of saring and of every process it starts is read from /proc every 0.2 s.
Prints the documents, the seconds, the peak of the whole process tree (the sum over its
processes at one moment) and of its largest process, and the input's size. Linux only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from datetime import datetime, timedelta
from pathlib import Path

from shared_data import ROOT, indosum_articles

from saring.stories.sentences import sentences

PER_DAY = 3333


def write_docs(n: int, path: Path, seed: int = 17) -> None:
    """``n`` articles of about 3 KB as JSONL (id, title, text, date)."""
    rng = random.Random(seed)
    pool = [s for text in indosum_articles(10**6) for s in sentences(text) if len(s.split()) >= 6]
    start = datetime(2025, 1, 1)
    kept: deque[tuple[str, str, str]] = deque(maxlen=1000)  # for edited copies
    with open(path, "w", encoding="utf-8") as f:
        for k in range(n):
            if kept and rng.random() < 0.02:
                title, text, date = rng.choice(kept)
                words = text.split(" ")
                words[rng.randrange(len(words))] = "juga"
                text = " ".join(words)
            else:
                paras = [
                    " ".join(rng.choice(pool) for _ in range(rng.randint(2, 3)))
                    for _ in range(rng.randint(7, 10))
                ]
                title = rng.choice(pool).rstrip(".")[:90]
                text = "\n\n".join(paras)
                day = k // PER_DAY
                date = (start + timedelta(days=day, minutes=rng.randrange(24 * 60))).isoformat()
                kept.append((title, text, date))
            f.write(json.dumps({"id": f"d{k}", "title": title, "text": text, "date": date}) + "\n")


def tree_rss(root: int) -> tuple[int, int]:
    """Resident bytes of process ``root`` and its descendants: their sum and the largest."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(name)
        children.setdefault(int(fields[1]), []).append(pid)  # ppid
        rss[pid] = int(fields[21]) * page  # rss, in pages
    total = largest = 0
    todo = [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        largest = max(largest, rss.get(pid, 0))
        todo.extend(children.get(pid, ()))
    return total, largest


def _log_lines(stream, lines: list[tuple[float, str]]) -> None:
    for line in stream:
        lines.append((time.perf_counter(), line.rstrip()))


def measure(path: Path, out: Path, workers: int) -> dict:
    """Run saring on ``path``; ``phases``: each line of its log (a phase's start) with the peak
    of the process tree from that line to the next."""
    cmd = [sys.executable, "-m", "saring", "run", str(path), "-o", str(out), "--no-report"]
    cmd += ["--workers", str(workers)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = [(t, "start")]
    reader = threading.Thread(target=_log_lines, args=(proc.stderr, lines), daemon=True)
    reader.start()
    peak = peak_one = 0
    samples: list[tuple[float, int]] = []
    while proc.poll() is None:
        total, largest = tree_rss(proc.pid)
        samples.append((time.perf_counter(), total))
        peak, peak_one = max(peak, total), max(peak_one, largest)
        time.sleep(0.2)
    reader.join()
    if proc.returncode:
        raise SystemExit(f"saring run failed ({proc.returncode})")
    phases = []
    for (t0, line), (t1, _) in zip(lines, [*lines[1:], (float("inf"), "")], strict=True):
        during = [m for s, m in samples if t0 <= s < t1]
        if during:
            phases.append((round(t0 - t, 1), line[:70], max(during) / 2**30))
    stats = json.loads((out / "stats.json").read_text())
    return {
        "seconds": time.perf_counter() - t,
        "peak_gib": peak / 2**30,
        "largest_gib": peak_one / 2**30,
        "kept": stats["documents"]["by_status"].get("kept", 0),
        "phases": phases,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[100_000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--phases", action="store_true", help="the peak of each phase of the log")
    args = ap.parse_args()
    print("| documents | input MB | seconds | docs/s | peak RSS, all processes | largest | kept |")
    print("|---|---|---|---|---|---|---|")
    (ROOT / "out").mkdir(exist_ok=True)  # not in a fresh clone
    for n in args.docs:
        with tempfile.TemporaryDirectory(dir=ROOT / "out") as tmp:
            path = Path(tmp) / "docs.jsonl"
            write_docs(n, path)
            r = measure(path, Path(tmp) / "o", args.workers)
            mb = path.stat().st_size / 1e6
            print(
                f"| {n:,} | {mb:,.0f} | {r['seconds']:.0f} | {n / r['seconds']:,.0f} | "
                f"{r['peak_gib']:.2f} GiB | {r['largest_gib']:.2f} GiB | {r['kept']:,} |",
                flush=True,
            )
            if args.phases:
                for at, line, gib in r["phases"]:
                    print(f"    {at:>8.1f} s  {gib:5.2f} GiB  {line}")


if __name__ == "__main__":
    main()
