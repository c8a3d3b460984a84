"""Rebuild the bundled content model, ``saring/extract/data/content-model-v1.npz``.

    .venv/bin/python benchmarks/train_content_model.py [--out PATH]

Trains on every page with gold text in ../shared/data (``extract_gold``): the HTML model on the
pages' text blocks, the model for pages without <p> on those and on the pages with every <p>
renamed <div>, the text model on the same pages flattened by each of the four flatteners
(blocks, html2text, inscriptis, resiliparse), so that it knows several shapes of crawled text,
each page whole and cropped around its article (as crawls that extracted it roughly leave it).
Deterministic: the same data and library versions give the same file (the trees are fitted
without subsampling or early stopping, and the file is written without timestamps). How well it
does on sites it never saw is ``bench_extract.py``'s job, with one model per fold.
"""

from __future__ import annotations

import argparse
import hashlib
import time
import warnings
from pathlib import Path

from content_training import fit_path, html_rows, restyled_rows, text_training_rows
from extract_gold import gold_pages
from shared_data import AEB, FUNDUS

from saring.extract.content import MODEL_FILE, ContentModel, column_names

VERSION = "content-model-v1"


def build() -> ContentModel:
    pages = gold_pages()
    t = time.time()
    rows = [html_rows(p) for p in pages]
    html = fit_path(rows)
    print(f"html model: {len(pages)} pages, {time.time() - t:.0f} s", flush=True)
    t = time.time()
    html_no_p = fit_path(restyled_rows(pages, rows))
    print(f"html model for pages without <p>: {time.time() - t:.0f} s", flush=True)
    t = time.time()
    rows = text_training_rows(pages)
    text = fit_path(rows)
    print(f"text model: {len(rows)} flattened pages, {time.time() - t:.0f} s", flush=True)
    return ContentModel(
        html=html,
        text=text,
        names_html=column_names(True),
        names_text=column_names(False),
        version=VERSION,
        html_no_p=html_no_p,
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    a = ap.parse_args()
    for path in (AEB, FUNDUS):
        if not path.exists():
            raise SystemExit(f"{path} is absent: the model is trained from ../shared/data")
    warnings.simplefilter("ignore")
    model = build()
    tmp = a.out.with_suffix(".tmp")
    model.save(tmp)
    tmp.replace(a.out)
    digest = hashlib.sha256(a.out.read_bytes()).hexdigest()[:16]
    print(f"{a.out}: {a.out.stat().st_size / 1024:.0f} KiB, sha256 {digest}")


if __name__ == "__main__":
    main()
