"""report.html of a 100,000-document run: file size, build time, and how fast it opens in
Debian's Chromium (headless, driven by playwright).

    python benchmarks/bench_report.py [--copies 18]

Two runs over the shared crawl's three daily CSVs copied ``--copies`` times (18: 103,932
documents), each copy a separate file so ids differ:
- "re-crawl": the copies as they are (every text after the first is an exact duplicate, which
  the page stores once);
- "distinct texts": each copy's texts get a few words naming the copy inside their first
  paragraph, so no two texts are equal (near duplicates) and the page must cut texts to stay
  within its budget.
For each: ``saring run`` (default settings, report included), the report's size and build time,
and in Chromium the time from navigation to the first page of the table drawn (the page sets
``data-ready``), then a title search and opening a document.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_run import machine
from shared_data import CRAWL, CRAWL_DAYS, ROOT, crawl_options

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def make_inputs(folder: Path, copies: int, distinct: bool) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    files = []
    for k in range(copies):
        for day in CRAWL_DAYS:
            dst = folder / f"copy{k:02d}-{day}"
            with open(CRAWL / day, newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            if distinct:  # a few words inside the first paragraph, which cleaning keeps
                for r in rows:
                    r["isi_berita"] = (r["isi_berita"] or "").replace(
                        ". ", f". Ini salinan nomor {k}. ", 1
                    )
            with open(dst, "w", newline="", encoding="utf-8") as f:
                w = csv.DictWriter(f, fieldnames=list(rows[0]))
                w.writeheader()
                w.writerows(rows)
            files.append(str(dst))
    return files


def open_in_chromium(path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = b.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        t = time.perf_counter()
        page.goto(path.as_uri(), timeout=120_000)
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        wall = time.perf_counter() - t
        ready_ms = int(page.get_attribute("body", "data-ready-ms"))
        page.click("nav button[data-tab=documents]")
        before = page.inner_text("#doc-count")
        t = time.perf_counter()
        page.fill("#doc-q", "prabowo")
        page.wait_for_function(
            f"document.getElementById('doc-count').textContent !== {json.dumps(before)}"
        )
        search = time.perf_counter() - t
        t = time.perf_counter()
        page.click("#doc-rows tr")
        page.wait_for_selector("#doc-text")
        open_doc = time.perf_counter() - t
        b.close()
    return {
        "ready_ms": ready_ms,
        "wall": wall,
        "search": search,
        "open": open_doc,
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=18)
    ap.add_argument(
        "--page-only",
        action="store_true",
        help="reuse the runs an earlier call left in out/bench_report: build and time the page",
    )
    a = ap.parse_args()
    if not CRAWL.exists():
        raise SystemExit(f"{CRAWL} is absent")
    print(f"machine: {machine()}; date {time.strftime('%Y-%m-%d')}\n")
    print(
        "| run | documents | kept | saring run (s) | report build (s) | report size (MiB) "
        "| texts cut at | Chromium: ready (ms since navigation) | search (s) "
        "| open a document (s) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, distinct in (("re-crawl", False), ("distinct texts", True)):
        with tempfile.TemporaryDirectory() as tmp:
            # kept after the run (out/ is not tracked), to look at or time the page again
            out = ROOT / "out" / "bench_report" / name.replace(" ", "-")
            wall = None
            if not a.page_only:
                files = make_inputs(Path(tmp), a.copies, distinct)
                shutil.rmtree(out, ignore_errors=True)
                t = time.perf_counter()
                cmd = [sys.executable, "-m", "saring", "run", *files, *crawl_options()]
                subprocess.run([*cmd, "-o", str(out), "-q"], check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - t
            stats = json.loads((out / "stats.json").read_text())
            from saring.report import build

            t = time.perf_counter()
            dest = build(out)
            build_s = time.perf_counter() - t
            page = dest.read_text(encoding="utf-8")
            cut = json.loads(page.split('type="application/json">')[1].split("</script>")[0])["cut"]
            size = dest.stat().st_size / 2**20
            c = open_in_chromium(dest)
            docs = stats["documents"]
            run_s = f"{wall:.1f}" if wall else "-"
            print(
                f"| {name} | {docs['in']:,} | {docs['by_status'].get('kept', 0):,} "
                f"| {run_s} | {build_s:.1f} | {size:.1f} | {cut or 'not cut'} "
                f"| {c['ready_ms']:,} | {c['search']:.2f} | {c['open']:.2f} |",
                flush=True,
            )
            if c["errors"]:
                print(f"page errors: {c['errors']}")


if __name__ == "__main__":
    main()
