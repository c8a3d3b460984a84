"""Write ``saring/stories/data/background_df.tsv.gz``: how many IndoSum dev articles hold each
content word, the background that story grouping's IDF starts from.

    python benchmarks/make_story_background.py

Reads ``../shared/data/indosum-dev`` (CC BY-SA 4.0; the table is a derived work under the same
licence, and says so in its header). Words in fewer than two articles are left out: an unseen
word gets the highest weight anyway.
"""

from __future__ import annotations

import gzip
from collections import Counter

from shared_data import ROOT, indosum_articles

from saring.clean.rules import function_words
from saring.stories.group import tokens

OUT = ROOT / "saring" / "stories" / "data" / "background_df.tsv.gz"


def main() -> None:
    stop = function_words("id")
    texts = indosum_articles(10**6)
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(tokens(text, stop)))
    rows = sorted((w, n) for w, n in df.items() if n >= 2)
    head = [
        "# Document frequencies of content words in the IndoSum dev folds (Kurniawan and",
        "# Louvan 2018, https://github.com/kata-ai/indosum), 2016-2018 Indonesian news.",
        "# Licence: CC BY-SA 4.0, as IndoSum. Made by benchmarks/make_story_background.py.",
        f"documents\t{len(texts)}",
    ]
    body = "\n".join(head + [f"{w}\t{n}" for w, n in rows]) + "\n"
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(body)
    print(f"{OUT.relative_to(ROOT)}: {len(texts)} articles, {len(rows)} words")


if __name__ == "__main__":
    main()
