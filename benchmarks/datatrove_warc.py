"""datatrove's pipeline for the benchmark WARC, run by bench_warc.py with datatrove's own Python.

    benchmarks/.cache/dt-venv/bin/python benchmarks/datatrove_warc.py SHARD_DIR WORK_DIR [--tasks 2]

Never imported by saring and not one of its dependencies: it runs in a separate virtualenv
(``python3 -m venv benchmarks/.cache/dt-venv && benchmarks/.cache/dt-venv/bin/pip install
'datatrove[processing]' warcio faust-cchardet python-magic orjson lxml_html_clean spacy
py3langid``; ``bench_warc.py --setup`` does it).

The stages, each a ``LocalPipelineExecutor`` run one after another (tasks=2, workers=2, except the
cluster stage, which is one task by design):

1. WarcReader (the two shard files: datatrove hands whole files to tasks) -> Trafilatura
   (favour_precision, its default; timeout raised from 1 s to 30 s so that a loaded machine drops
   no page) -> language identification (py3langid in a LambdaFilter that labels and keeps every
   document, as saring does by default; datatrove's LanguageFilter downloads its fastText model
   at run time and this machine reaches no model host) -> GopherQualityFilter (its defaults, less
   the English stop-word rule, which would drop every non-English page; spaCy's rule-based English
   tokenizer, datatrove's choice for ``en``) -> JsonlWriter (the kept documents);
2. JsonlReader -> MinhashDedupSignature (5-grams, 14 buckets x 8 hashes, its defaults);
3. MinhashDedupBuckets (14 tasks); 4. MinhashDedupCluster (1 task);
5. JsonlReader (stage 1's documents) -> MinhashDedupFilter -> JsonlWriter (the output).

As in datatrove's own MinHash example, the filtered documents are written and read again: a
writer in the middle of stage 1, before the signature step, left truncated .jsonl.gz files
(stage 5 then read 1,865 of 3,654 documents).

Prints one JSON line: seconds per stage and documents kept.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def langid_label(doc) -> bool:
    import py3langid

    lang, score = py3langid.classify(doc.text)
    doc.metadata["language"] = lang
    doc.metadata["language_score"] = float(score)
    return True


def main() -> None:
    from datatrove.executor.local import LocalPipelineExecutor
    from datatrove.pipeline.dedup import (
        MinhashDedupBuckets,
        MinhashDedupCluster,
        MinhashDedupFilter,
        MinhashDedupSignature,
    )
    from datatrove.pipeline.dedup.minhash import MinhashConfig
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.filters import GopherQualityFilter, LambdaFilter
    from datatrove.pipeline.readers import JsonlReader, WarcReader
    from datatrove.pipeline.writers import JsonlWriter

    ap = argparse.ArgumentParser()
    ap.add_argument("shards")
    ap.add_argument("work")
    ap.add_argument("--tasks", type=int, default=2)
    a = ap.parse_args()
    w = Path(a.work)
    cfg = MinhashConfig()
    n = a.tasks

    def ex(pipeline, tasks, name):
        return LocalPipelineExecutor(
            pipeline=pipeline,
            tasks=tasks,
            workers=min(n, tasks),
            logging_dir=str(w / "logs" / name),
        )

    stages = {
        "read, extract, filter, write": ex(
            [
                WarcReader(a.shards, glob_pattern="*.warc.gz"),
                Trafilatura(timeout=30),
                LambdaFilter(langid_label),
                GopherQualityFilter(min_stop_words=None),
                JsonlWriter(str(w / "filtered")),
            ],
            n,
            "s1",
        ),
        "signatures": ex(
            [
                JsonlReader(str(w / "filtered")),
                MinhashDedupSignature(output_folder=str(w / "signatures"), config=cfg),
            ],
            n,
            "s2",
        ),
        "buckets": ex(
            [
                MinhashDedupBuckets(
                    input_folder=str(w / "signatures"), output_folder=str(w / "buckets"), config=cfg
                )
            ],
            cfg.num_buckets,
            "s3",
        ),
        "cluster": ex(
            [
                MinhashDedupCluster(
                    input_folder=str(w / "buckets"), output_folder=str(w / "remove_ids"), config=cfg
                )
            ],
            1,
            "s4",
        ),
        "filter duplicates, write": ex(
            [
                JsonlReader(str(w / "filtered")),
                MinhashDedupFilter(input_folder=str(w / "remove_ids")),
                JsonlWriter(str(w / "output")),
            ],
            n,
            "s5",
        ),
    }
    seconds = {}
    for name, stage in stages.items():
        t = time.perf_counter()
        stage.run()
        seconds[name] = round(time.perf_counter() - t, 2)

    def written(stage: str) -> int:  # documents taken by the stage's JsonlWriter
        steps = json.loads((w / "logs" / stage / "stats.json").read_text())
        return [x["stats"].get("total", 0) for x in steps if "WRITER" in x["name"]][-1]

    print(
        json.dumps(
            {
                "stage_seconds": seconds,
                "kept_before_dedup": written("s1"),
                "read_by_dedup_filter": json.loads((w / "logs/s5/stats.json").read_text())[0][
                    "stats"
                ]["documents"]["total"],
                "kept": written("s5"),
            }
        )
    )


if __name__ == "__main__":
    main()
