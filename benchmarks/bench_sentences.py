"""Sentence splitting against IndoSum's sentence boundaries.

    python benchmarks/bench_sentences.py [--articles 3463]

IndoSum gives each paragraph as sentences of tokens. We detokenise each sentence (punctuation
back against its word, straight quotes alternately opening and closing), join a paragraph's
sentences with one space and split it again. A gold boundary inside a quotation is left out of
the gold: saring keeps a quotation in one sentence by design, IndoSum's tokenizer cuts it.
Reports boundary precision and recall and a sample of the disagreements.
"""

from __future__ import annotations

import argparse
import json
import re

from shared_data import INDOSUM

from saring.stories.sentences import open_quote, split_sentences


def detokenize(tokens: list[str], quote_open: bool) -> tuple[str, bool]:
    out = []
    glue_next = False
    for tok in tokens:
        if tok == '"':
            if quote_open:
                out.append('"')  # closing: against the previous word
                quote_open = False
                continue
            out.append(" " + '"' if out else '"')
            quote_open = True
            glue_next = True
            continue
        if re.fullmatch(r"[.,:;!?)\]%”’]+", tok) or glue_next or not out:
            out.append(tok)
        else:
            out.append(" " + tok)
        glue_next = tok in ("(", "[", "/", "“", "‘")
        if tok == "/" and len(out) > 1:
            out[-1] = "/"
    return "".join(out).strip(), quote_open


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=3463)
    args = ap.parse_args()
    tp = fp = fn = 0
    misses, extras = [], []
    seen = set()
    for path in sorted(INDOSUM.glob("dev.0*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["id"] in seen or len(seen) >= args.articles:
                continue
            seen.add(item["id"])
            for para in item["paragraphs"]:
                sents, q = [], False
                for s in para:
                    text, q = detokenize(s, q)
                    sents.append(text)
                joined = " ".join(sents)
                gold, pos = set(), 0
                for s in sents[:-1]:
                    pos += len(s)
                    if not open_quote(joined[:pos]) or open_quote(joined):
                        gold.add(pos)
                    pos += 1
                got, pos = set(), 0
                ours = split_sentences(joined)
                for s in ours[:-1]:
                    pos = joined.index(s, pos) + len(s)
                    got.add(pos)
                tp += len(gold & got)
                fp += len(got - gold)
                fn += len(gold - got)
                for b in sorted(gold - got)[:1]:
                    misses.append(joined[max(0, b - 60) : b + 40])
                for b in sorted(got - gold)[:1]:
                    extras.append(joined[max(0, b - 60) : b + 40])
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(f"{len(seen)} articles; boundaries: gold {tp + fn}, ours {tp + fp}")
    print(f"precision {p:.4f}, recall {r:.4f}, F1 {2 * p * r / (p + r):.4f}")
    print(f"\nmissed ({len(misses)} paragraphs), first 15:")
    for m in misses[:15]:
        print(f"  ...{m!r}")
    print(f"\nextra ({len(extras)} paragraphs), first 15:")
    for m in extras[:15]:
        print(f"  ...{m!r}")


if __name__ == "__main__":
    main()
