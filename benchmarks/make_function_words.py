"""Build ``saring/extract/data/function_words.tsv.gz``: the most frequent words of every language
that jusText ships a stop list for, the content model's function-word lists.

    .venv/bin/python benchmarks/make_function_words.py

Source: jusText's stop lists (BSD 2-clause; https://github.com/miso-belica/jusText), which are the
most frequent words of each language's Wikipedia, most frequent first. The first ``TOP`` words
that are made of letters only (with their combining marks: the vowel signs of Hindi, Bengali,
Tamil ..., as ``saring.scripts`` counts words) are kept, for every language alike, so that the
share of function words in a line means the same thing whatever the page's language. jusText
is installed with trafilatura; the script reads it, the package never does.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import justext

from saring.scripts import _marks

TOP = 150
OUT = Path(__file__).resolve().parents[1] / "saring" / "extract" / "data" / "function_words.tsv.gz"
_WORD = re.compile(rf"^[^\W\d_]+(?:[{_marks()}]+[^\W\d_]*)*$")


def main() -> None:
    stoplists = Path(justext.__file__).parent / "stoplists"
    lines = ["# language\twords (space separated); source: jusText stop lists, first 150 words"]
    for path in sorted(stoplists.glob("*.txt")):
        words: list[str] = []
        for w in path.read_text(encoding="utf-8").split():
            w = w.lower()
            if _WORD.match(w) and w not in words:
                words.append(w)
            if len(words) == TOP:
                break
        lines.append(f"{path.stem}\t{' '.join(words)}")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime 0: the same lists give the same bytes
    OUT.write_bytes(gzip.compress(data, mtime=0))
    print(f"{OUT}: {len(lines) - 1} languages, {len(data)} bytes before compression")


if __name__ == "__main__":
    main()
