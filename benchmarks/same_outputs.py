"""Whether two ``saring run`` output folders hold the same documents and stories.

    .venv/bin/python benchmarks/same_outputs.py OUT_A OUT_B

``documents.parquet``: the same rows in the same order with equal id, status, reason, dup_of,
dup_cluster, story_id, text, title, url, site, published and encoding. ``stories.parquet``: equal
tables, every column. Timings (``stats.json``) are not compared. Exits 1 and names the first
differences when the folders differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

DOC_COLUMNS = (
    "id",
    "status",
    "reason",
    "dup_of",
    "dup_cluster",
    "story_id",
    "text",
    "title",
    "url",
    "site",
    "published",
    "encoding",
)


def differences(a: Path, b: Path, show: int = 5) -> list[str]:
    out: list[str] = []
    da, db = pq.read_table(a / "documents.parquet"), pq.read_table(b / "documents.parquet")
    if da.num_rows != db.num_rows:
        out.append(f"documents: {da.num_rows} rows against {db.num_rows}")
    else:
        for c in DOC_COLUMNS:
            x, y = da.column(c).to_pylist(), db.column(c).to_pylist()
            bad = [i for i, (u, v) in enumerate(zip(x, y, strict=True)) if u != v]
            out += [f"documents.{c} row {i}: {x[i]!r:.80} != {y[i]!r:.80}" for i in bad[:show]]
            if len(bad) > show:
                out.append(f"documents.{c}: {len(bad)} rows differ")
    sa, sb = pq.read_table(a / "stories.parquet"), pq.read_table(b / "stories.parquet")
    if not sa.equals(sb):
        out.append(f"stories.parquet differs ({sa.num_rows} and {sb.num_rows} rows)")
    return out


def main() -> None:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    diff = differences(a, b)
    n = pq.read_metadata(a / "documents.parquet").num_rows
    ns = pq.read_metadata(a / "stories.parquet").num_rows
    if diff:
        print(f"DIFFERENT: {a} and {b}")
        print("\n".join(diff))
        sys.exit(1)
    print(f"same: {n} documents, {ns} stories ({a} = {b})")


if __name__ == "__main__":
    main()
