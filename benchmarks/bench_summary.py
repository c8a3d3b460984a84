"""Single-document summaries on IndoSum dev: ROUGE-1, ROUGE-2 and ROUGE-L F1 against the
reference summaries, with LEAD-3 (the first three sentences, split by saring) in the same run.

    python benchmarks/bench_summary.py [--articles 3463] [--skip 1000] [--sweep]

The lead bonus was chosen with ``--articles 1000 --sweep`` on the first 1,000 articles; the
figures reported are on the other 2,463 (``--skip 1000``).

ROUGE here: lower-cased tokens (words and punctuation marks apart, as IndoSum tokenises), no
stemming, no stopword removal; ROUGE-N from clipped n-gram counts; ROUGE-L from the longest
common subsequence of the whole summary and the whole reference (not the per-sentence union of
the original ROUGE-L), so the figures are close to, not identical with, ROUGE-1.5.5's.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import replace

from shared_data import INDOSUM, indosum_items

from saring.stories.sentences import sentences
from saring.stories.summary import SummaryConfig, summarize

_TOKEN = re.compile(r"\w+|[^\w\s]")


def toks(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def rouge_n(cand: list[str], ref: list[str], n: int) -> float:
    c = Counter(tuple(cand[i : i + n]) for i in range(len(cand) - n + 1))
    r = Counter(tuple(ref[i : i + n]) for i in range(len(ref) - n + 1))
    hit = sum((c & r).values())
    if not hit:
        return 0.0
    p, rec = hit / sum(c.values()), hit / sum(r.values())
    return 2 * p * rec / (p + rec)


def rouge_l(cand: list[str], ref: list[str]) -> float:
    prev = [0] * (len(ref) + 1)
    for a in cand:
        cur = [0]
        for j, b in enumerate(ref):
            cur.append(prev[j] + 1 if a == b else max(prev[j + 1], cur[j]))
        prev = cur
    lcs = prev[-1]
    if not lcs:
        return 0.0
    p, r = lcs / len(cand), lcs / len(ref)
    return 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=3463)
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N articles")
    ap.add_argument("--sweep", action="store_true", help="also score other lead bonuses")
    args = ap.parse_args()
    if not INDOSUM.exists():
        raise SystemExit(f"{INDOSUM} is absent")
    items = indosum_items(args.articles)[args.skip :]
    systems = {
        "LEAD-3 (saring's sentence splitter)": lambda t: sentences(t)[:3],
        "saring summary (3 sentences)": lambda t: [s.text for s in summarize([("a", t)])],
    }
    if args.sweep:
        for b in (0.0, 0.25, 1.0, 2.0):
            cfg = replace(SummaryConfig(), lead_bonus=b)
            systems[f"lead_bonus {b}"] = lambda t, c=cfg: [s.text for s in summarize([("a", t)], c)]
    print(f"{len(items)} IndoSum dev articles")
    print("| system | ROUGE-1 F | ROUGE-2 F | ROUGE-L F |")
    print("|---|---|---|---|")
    for name, fn in systems.items():
        r1 = r2 = rl = 0.0
        for item in items:
            cand = toks(" ".join(fn(item["text"])))
            ref = [t.casefold() for t in item["summary"]]
            r1 += rouge_n(cand, ref, 1)
            r2 += rouge_n(cand, ref, 2)
            rl += rouge_l(cand, ref)
        n = len(items)
        print(
            f"| {name} | {100 * r1 / n:.2f} | {100 * r2 / n:.2f} | {100 * rl / n:.2f} |", flush=True
        )


if __name__ == "__main__":
    main()
