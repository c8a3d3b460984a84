"""``saring run`` on a Common Crawl style WARC, against a plain loop and datatrove, in one run.

    .venv/bin/python benchmarks/make_warc.py          # once: benchmarks/.cache/warc/
    .venv/bin/python benchmarks/bench_warc.py --setup # once: datatrove in its own virtualenv
    .venv/bin/python benchmarks/bench_warc.py [--repeat 3] [--only saring,w1,loop,datatrove]
        [--before TREE]   # also "before": saring run from another checkout (a git worktree)

Each contender runs as a fresh process (start-up, imports and all outputs included), ``--repeat``
times in turn, and the table gives the median wall time; docs/s divides the WARC's 5,474 response
records (every document a reader sees) by it.

- saring: ``saring run news.warc.gz -o OUT -q`` (default workers: the CPU count, 2 here) and with
  ``--workers 1``; the first run's documents.parquet is checked: one row per response record, and
  the statuses and reasons of the HTTP errors, images and PDFs.
- loop: one Python process that reads the WARC with fastwarc (response records only, HTTP status
  and Content-Type from fastwarc's parse of the HTTP head, 2xx text/html kept) and calls
  ``trafilatura.extract`` on each body, one after another: no cleaning, no language or quality
  filter, no dedup, nothing written.
- prloop: profile_warc.py's loop: saring's own reader and ``process.process_record`` on each
  record in one process (the per-document work of saring run, without the engine).
- before: ``saring run`` as the default, from the checkout named by ``--before``.
- datatrove: ``datatrove_warc.py`` in benchmarks/.cache/dt-venv (not a saring dependency) on the
  same records split into two files (datatrove hands whole files to its tasks): WarcReader,
  Trafilatura, a py3langid language label, GopherQualityFilter, JsonlWriter, and the four MinHash
  stages, LocalPipelineExecutor with tasks=2, workers=2.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench_run import machine

HERE = Path(__file__).resolve().parent
WARC = HERE / ".cache" / "warc" / "news.warc.gz"
SHARDS = WARC.parent / "shards"
DT_VENV = HERE / ".cache" / "dt-venv"
DT_PY = DT_VENV / "bin" / "python"
DT_PACKAGES = [
    "datatrove[processing]==0.10.1",
    "warcio",
    "faust-cchardet",
    "python-magic",
    "orjson",
    "lxml_html_clean",
    "spacy",
    "py3langid",
]

LOOP = """
import sys, time
t0 = time.perf_counter()
import trafilatura
from fastwarc.warc import ArchiveIterator, WarcRecordType
n = pages = 0
with open(sys.argv[1], "rb") as fh:
    for rec in ArchiveIterator(fh, record_types=WarcRecordType.response):
        n += 1
        body = rec.reader.read()  # fastwarc has parsed the HTTP head
        status = rec.http_headers.status_code
        ctype = rec.http_headers.get("Content-Type", "")
        if 200 <= status < 300 and "html" in ctype.lower():
            pages += 1
            trafilatura.extract(body)
print(n, pages, time.perf_counter() - t0)
"""


CPU: dict[str, list[float]] = {}  # CPU seconds of each contender's process tree, per run


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd: list[str], **kw) -> tuple[float, str]:
    """Wall seconds and standard output of ``cmd``; its CPU seconds (and its children's, once
    waited for) are put last in ``CPU["last"]``."""
    t, c = time.perf_counter(), _children_cpu()
    p = subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)
    CPU.setdefault("last", []).append(_children_cpu() - c)
    return time.perf_counter() - t, p.stdout


def run_saring(extra: list[str], check: bool, tree: Path | None = None) -> tuple[float, dict]:
    env = {**os.environ, "PYTHONPATH": str(tree)} if tree else None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        wall, _ = timed(
            [sys.executable, "-m", "saring", "run", str(WARC), "-o", str(out), "-q", *extra],
            env=env,
            cwd=tree,
        )
        stats = json.loads((out / "stats.json").read_text())
        if check:
            stats["_check"] = check_outputs(out)
        return wall, stats


def check_outputs(out: Path) -> dict:
    """Rows per status, and the status/reason of each kind of record that is not an article."""
    import pyarrow.parquet as pq

    t = pq.read_table(out / "documents.parquet").to_pylist()
    by = Counter(r["status"] for r in t)
    reasons = Counter(
        (r["status"], (r.get("reason") or "")[:60])
        for r in t
        if r["status"] not in ("kept",) and r.get("reason")
    )
    return {"rows": len(t), "status": dict(by), "reasons": reasons.most_common(14)}


def run_loop() -> tuple[float, str]:
    return timed([sys.executable, "-c", LOOP, str(WARC)])


def run_prloop() -> tuple[float, str]:
    cmd = [sys.executable, str(HERE / "profile_warc.py"), "--only", "loop", "--warc", str(WARC)]
    wall, out = timed(cmd)
    return wall, out.strip().splitlines()[-1]


def run_datatrove() -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        wall, out = timed([str(DT_PY), str(HERE / "datatrove_warc.py"), str(SHARDS), tmp])
        return wall, json.loads(out.strip().splitlines()[-1])


def setup() -> None:
    if not DT_PY.exists():
        subprocess.run(["python3", "-m", "venv", str(DT_VENV)], check=True)
    subprocess.run([str(DT_PY), "-m", "pip", "install", "-q", *DT_PACKAGES], check=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="saring,w1,loop,datatrove")
    ap.add_argument("--setup", action="store_true", help="make datatrove's virtualenv and exit")
    ap.add_argument("--before", type=Path, default=None, help="another checkout, for 'before'")
    a = ap.parse_args()
    if a.setup:
        setup()
        return
    if not WARC.exists():
        sys.exit(f"skipped: {WARC} is absent; run benchmarks/make_warc.py first")
    want = a.only.split(",")
    if "datatrove" in want and not DT_PY.exists():
        sys.exit(f"{DT_PY} is absent; run benchmarks/bench_warc.py --setup first")
    print(f"machine: {machine()}; date {time.strftime('%Y-%m-%d %H:%M')}; repeats {a.repeat}")
    cases = {
        "saring": ("saring run (default: 2 workers)", lambda k: run_saring([], k == 0)),
        "w1": ("saring run --workers 1", lambda k: run_saring(["--workers", "1"], False)),
        "w2": ("saring run --workers 2", lambda k: run_saring(["--workers", "2"], False)),
        "before": ("saring run, before (2 workers)", lambda k: run_saring([], False, a.before)),
        "loop": ("fastwarc + trafilatura.extract loop", lambda k: run_loop()),
        "prloop": ("saring reader + process_record loop", lambda k: run_prloop()),
        "datatrove": ("datatrove, tasks=2 workers=2", lambda k: run_datatrove()),
    }
    results: dict[str, list] = {k: [] for k in want}
    for k in range(a.repeat):  # in turn, so that the machine's load falls on all alike
        for name in want:
            wall, info = cases[name][1](k)
            results[name].append((wall, info))
            CPU.setdefault(name, []).append(CPU["last"][-1])
            keys = ("timing", "documents", "_check")
            brief = {x: info[x] for x in keys if x in info} if "timing" in info else info
            print(f"  {name} #{k + 1}: {wall:.1f} s {brief}", file=sys.stderr, flush=True)
    n = 5474
    if "saring" in results:
        n = results["saring"][0][1]["documents"]["in"]
    med = {name: statistics.median(w for w, _ in r) for name, r in results.items()}
    print(f"\n{n} documents (response records)\n")
    cpu = {name: statistics.median(CPU[name]) for name in results}
    print("| pipeline | median wall (s) | runs (s) | docs/s | saring / this | CPU s (runs) |")
    print("|---|---|---|---|---|---|")
    for name, r in results.items():
        ratio = f"{med[name] / med['saring']:.2f}x" if "saring" in med else ""
        runs = ", ".join(f"{w:.1f}" for w, _ in r)
        cpus = f"{cpu[name]:.1f} ({', '.join(f'{c:.1f}' for c in CPU[name])})"
        print(
            f"| {cases[name][0]} | {med[name]:.1f} | {runs} | {n / med[name]:.1f} | {ratio} "
            f"| {cpus} |"
        )
    for name in ("saring", "before", "w1", "w2"):
        if name in results:
            s = results[name][0][1]
            print(f"\n{name}: phase_seconds {s['timing']['phase_seconds']}")
            print(f"{name}: documents {s['documents']}")
            if "_check" in s:
                print(f"{name}: outputs {json.dumps(s['_check'], ensure_ascii=False)}")
    if "loop" in results:
        print(f"\nloop: records, html pages, seconds in-process: {results['loop'][0][1].strip()}")
    if "prloop" in results:
        print(f"prloop: {results['prloop'][0][1]}")
    if "datatrove" in results:
        for _, info in results["datatrove"]:
            print(f"datatrove: {json.dumps(info)}")


if __name__ == "__main__":
    main()
