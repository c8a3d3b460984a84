"""How much mojibake saring's repair (``saring.readers.mojibake``) finds in the shared crawl, and
whether it harms sound text: every text, title and author field of the crawl's tables (read as
``saring run`` reads them), a seeded sample of the changes to read by hand, and the gold text of
fundus-multilingual (40 countries' clean articles), where any change would be harm. Prints only.

    python benchmarks/bench_mojibake.py [--sample 30] [--seed 18]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from difflib import SequenceMatcher

from shared_data import CRAWL, FUNDUS

from saring.readers.formats import read_file
from saring.readers.inputs import plan_tables, resolve_inputs
from saring.readers.mojibake import repair
from saring.readers.options import ReaderOptions


def _spots(before: str, after: str, width: int = 30, most: int = 3) -> list[tuple[str, str]]:
    """The first ``most`` places where the two texts differ: the old text with ``width``
    characters around it, and what took its place."""
    ops = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out = []
    for op, i1, i2, j1, j2 in ops:
        if op != "equal":
            out.append((repr(before[max(0, i1 - width) : i2 + width]), repr(after[j1:j2])))
    return out[:most]


def crawl_changes() -> tuple[int, list[tuple[str, str, str, str]], float, int, Counter]:
    """Rows read, the changed fields (source, field, before, after), seconds, and the
    characters and fields read."""
    files, _ = resolve_inputs([str(CRAWL)])
    opts = ReaderOptions()
    rows, changed, seconds, chars, fields = 0, [], 0.0, 0, Counter()
    for f in plan_tables(files, opts).files:
        for rec in read_file(f, opts):
            rows += 1
            for field in ("raw_text", "title", "author"):
                value = getattr(rec, field)
                if not value:
                    continue
                chars += len(value)
                fields[field] += 1
                t = time.perf_counter()
                fixed, did = repair(value)
                seconds += time.perf_counter() - t
                if did:
                    changed.append((rec.source.rsplit("/", 1)[-1], field, value, fixed))
    return rows, changed, seconds, chars, fields


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sample", type=int, default=30)
    p.add_argument("--seed", type=int, default=18)
    a = p.parse_args()
    if not CRAWL.exists():
        print(f"{CRAWL} is absent", file=sys.stderr)
        return 1
    rows, changed, seconds, chars, fields = crawl_changes()
    sources = {c[0] for c in changed}
    by_field = Counter(c[1] for c in changed)
    read = ", ".join(f"{k} {n:,} ({by_field[k]} changed)" for k, n in fields.items())
    print(f"crawl fields read: {read}")
    spots = sum(len(_spots(b, f, most=10**6)) for _, _, b, f in changed)
    print(f"crawl: {rows:,} rows, {len(sources):,} changed ({len(changed)} fields, {spots} places)")
    print(f"  repair over {chars / 1e6:.1f} M characters: {seconds:.2f} s")
    sample = random.Random(a.seed).sample(changed, min(a.sample, len(changed)))
    for k, (source, field, before, after) in enumerate(sample, 1):
        print(f"{k:>3}. {source} [{field}]")
        for b, f in _spots(before, after):
            print(f"     {b} : {f}")
    if FUNDUS.exists():
        n = harmed = 0
        for line in (FUNDUS / "gold_manifest.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            for field in ("title", "body_text"):
                n += 1
                harmed += repair(item.get(field) or "")[1]
        print(f"fundus gold: {n} fields of clean text, {harmed} changed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
