"""``saring run`` as a Daft plan: ``run`` is the list of its phases, each a function below it.

1. ``_extract_and_clean`` streams the inputs through the per-document stages
   (``process.process_record`` in a UDF, ``perdoc.DocumentProcessor``: a pool of worker
   processes, or saring's own process for one worker) into a staging Parquet folder.
2. ``_site_lines_and_signatures``: lines a site repeats on many pages, and Daft's native MinHash.
3. ``_deduplicate``: exact and near duplicates with Daft group-bys (only the buckets holding
   several documents reach the driver, for scipy's connected components), then the store.
4. ``_group_stories``: the kept documents into stories.
5. ``_write_outputs``: ``documents.parquet`` (one row per input document, in input order),
   ``stories.parquet``; then ``stats.json`` (``_run_stats``) and the report.

Nothing here assumes one process: the same plan runs on Daft's local runner or on Ray.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from itertools import pairwise
from pathlib import Path

import daft
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from daft import DataType as DT
from daft import col
from daft.exceptions import DaftCoreException

from saring import __version__
from saring.clean.siterepeats import merge_removed, strip_lines
from saring.config import RunConfig
from saring.counts import counted
from saring.dedup.near import add_bands, bands_rows, cluster_summary, near_duplicates
from saring.dedup.normalize import normalize, text_hash
from saring.engine import udf_class
from saring.filters import FilterConfig, judge
from saring.memory import give_back
from saring.model import (
    DOCUMENTS_SCHEMA,
    DUPLICATE,
    EXACT_DUPLICATE,
    FILTERED,
    KEPT,
    NEAR_DUPLICATE,
    RULE_FAMILIES,
    STATUSES,
    reason_code,
    reason_family,
)
from saring.output import AtomicOutputDir, write_json
from saring.perdoc import (
    RAW_ARGS,
    REMOVED_TYPE,
    SIGNALS_DT,
    STORED,
    TIMERS,
    DocumentProcessor,
)
from saring.process import (
    STAGES,
    empty_after_cleaning,
    rerank,
    word_count,
)
from saring.progress import CountFile, Progress
from saring.readers.inputs import TablePlan, plan_tables, real_name, resolve_inputs
from saring.readers.source import InputSource, ReadAhead
from saring.report.page import build as report_html
from saring.store import INDEX_SCHEMA, ORIGINS, ORIGINS_SCHEMA, Store, Stored, fault
from saring.stories.build import STORIES_SCHEMA, build_stories, story_counts
from saring.stories.group import BodyWriter
from saring.stories.summary import Sentence, SummaryConfig, summarize


def local_workers(files, cfg: RunConfig) -> int:
    """The worker processes of the per-document phases: ``cfg.workers``, or one (saring's own
    process) for inputs under ``cfg.in_process_below`` bytes."""
    return cfg.workers if sum(f.size for f in files) >= cfg.in_process_below else 1


READ_AHEAD = 4  # reader batches a task may be ahead of the workers, besides two per worker


def _phase1(
    files,
    cfg: RunConfig,
    work: Path,
    stored: Stored | None = None,
    counts: str | None = None,
    workers: int = 1,
) -> None:
    """Read and run the per-document stages in ``workers`` processes; write one staging row per
    document (``stored``: ids a store already holds, marked and not processed; ``counts``: the
    progress.CountFile that the reader and the workers add to)."""
    # into_batches: without it Daft merges the source's small batches into large morsels and one
    # worker process gets them all (measured: 181 HTML pages took as long on 2 workers as on 1).
    # the reader keeps a few of its batches (2,048 documents or 32 MB each) past the workers,
    # and at least a few of the workers' batches
    ahead = ReadAhead(READ_AHEAD + 2 * workers, 4 * (workers + 1) * cfg.batch_size)
    source = InputSource(files, cfg.reader, counts=counts, ahead=ahead)
    df = source.read().into_batches(cfg.batch_size)
    processor = udf_class(DocumentProcessor, workers)(cfg, stored, counts)
    df = df.with_column("p", processor(*[col(c) for c in RAW_ARGS]))
    df = df.with_column("id", col("p")["new_id"].fill_null(col("id")))  # a stored id, changed
    # "fmt" from the worker: the path the document took (HTML found in a text column is read
    # as HTML)
    df = df.select("id", "order", "source", "bytes_in", "t_read", col("p").unnest())
    if cfg.runner == "ray":
        # on Ray every batch of into_batches is a partition: 100,000 documents made 1,563, and
        # each later shuffle (group-by, join) 1,563 x 1,563 pieces held by the head. A few
        # partitions per CPU of the cluster are written instead.
        import ray

        df = df.into_partitions(max(1, 2 * int(ray.cluster_resources().get("CPU", 1))))
    df.write_parquet(str(work / "docs1"))


_STRIPPED_TYPE = DT.struct(
    {
        "text": DT.string(),
        "norm": DT.string(),
        "removed": REMOVED_TYPE,
        "exact_hash": DT.string(),
        "chars_out": DT.int64(),
        "status": DT.string(),
        "reason": DT.string(),
        "stage": DT.string(),
        "lang": DT.string(),
        "lang_score": DT.float64(),
        "signals": SIGNALS_DT,
        "rank": DT.string(),
    }
)
_STRIPPED_FIELDS = tuple(f.name for f in _STRIPPED_TYPE.to_arrow_dtype())


class SiteLineStripper:
    """The Daft UDF that removes a site's frequent lines from its texts (``clean.siterepeats``)
    and judges the changed texts again (``filters``); ``frequent`` maps a site to the hashes of
    its frequent lines."""

    def __init__(self, frequent: dict[str, frozenset[int]], filters: FilterConfig):
        self.frequent = frequent
        self.filters = filters
        self.arrow_type = _STRIPPED_TYPE.to_arrow_dtype()

    @daft.method.batch(return_dtype=_STRIPPED_TYPE)
    def __call__(self, site, text, removed, lang, lang_score, signals, rank) -> pa.Array:
        out = []
        for s, t, rem, lg, ls, sig, rk in zip(
            site.to_pylist(),
            text.to_pylist(),
            removed.to_pylist(),
            lang.to_pylist(),
            lang_score.to_pylist(),
            signals.to_pylist(),
            rank.to_pylist(),
            strict=True,
        ):
            new, gone = strip_lines(t, self.frequent.get(s, frozenset()))
            norm = normalize(new)
            rem = merge_removed(list(rem or []), gone) if gone else list(rem or [])
            st, rs, sg = KEPT, None, "filter"
            if gone and not norm:
                st, rs, sg = FILTERED, empty_after_cleaning(r["reason"] for r in rem), "clean"
            elif gone:
                v = judge(new, self.filters)
                lg, ls, sig = v.lang, v.lang_score, v.signals
                if v.reason:
                    st, rs = FILTERED, v.reason
            row = (new, norm if st == KEPT else None, rem, text_hash(norm) if st == KEPT else None)
            out.append(
                dict(
                    zip(
                        _STRIPPED_FIELDS,
                        (*row, len(new), st, rs, sg, lg, ls, sig, rerank(rk, word_count(norm))),
                        strict=True,
                    )
                )
            )
        return pa.array(out, type=self.arrow_type)


def _frequent_lines(docs: daft.DataFrame, cfg: RunConfig) -> tuple[dict[str, frozenset[int]], int]:
    """Per site, the lines that occur in at least ``min_texts`` distinct texts and in at least
    ``min_fraction`` of them (counted over distinct texts, so re-crawls count once); and how many
    distinct texts those sites have."""
    sr = cfg.clean.site
    texts = (
        docs.where((col("status") == KEPT) & col("site").not_null())
        .groupby("site", "exact_hash")
        .agg(col("line_hashes").any_value().alias("line_hashes"))
    )
    per_site = texts.groupby("site").agg(col("exact_hash").count().alias("site_texts"))
    counts = (
        texts.explode("line_hashes")
        .groupby("site", "line_hashes")
        .agg(col("exact_hash").count().alias("n"))
        .where(col("n") >= sr.min_texts)
        .join(per_site, on="site")
        .where(col("n") >= col("site_texts") * sr.min_fraction)
        .select("site", "line_hashes", "site_texts")
        .to_arrow()
    )
    frequent: dict[str, set[int]] = {}
    n_texts: dict[str, int] = {}
    for site, h, n in zip(
        *(counts.column(c).to_pylist() for c in counts.column_names), strict=True
    ):
        frequent.setdefault(site, set()).add(h)
        n_texts[site] = n
    return {k: frozenset(v) for k, v in frequent.items()}, sum(n_texts.values())


# Below this many texts to strip, the per-site pass runs in saring's own process: a worker
# process's start (1.3 to 2.5 s of CPU) costs more than it saves (the WARC: 684 documents to
# strip, 0.75 s of CPU in all).
ENGINE_STRIPS = 5_000


def _phase_site_and_signatures(cfg: RunConfig, work: Path, workers: int = 1) -> dict:
    """Remove each site's frequent lines (in ``workers`` processes), then MinHash the final
    texts; writes ``docs``."""
    docs = daft.read_parquet(str(work / "docs1")).where(col("status") != STORED)
    frequent, n_texts = _frequent_lines(docs, cfg) if cfg.clean.site.enabled else ({}, 0)
    if frequent:
        hit = (col("status") == KEPT) & col("site").is_in(list(frequent))
        workers = workers if n_texts >= ENGINE_STRIPS or cfg.runner == "ray" else 1
        stripper = udf_class(SiteLineStripper, workers)(frequent, cfg.filters)
        changed = docs.where(hit.fill_null(False)).with_column(
            "s",
            stripper(
                col("site"),
                col("text"),
                col("removed"),
                col("lang"),
                col("lang_score"),
                col("signals"),
                col("rank"),
            ),
        )
        for field in _STRIPPED_FIELDS:
            changed = changed.with_column(field, col("s").get(field))
        docs = docs.where(~hit.fill_null(False)).concat(
            changed.exclude("s").select(*docs.column_names)
        )
    if cfg.dedup.near:
        docs = add_bands(docs, col("norm"), cfg.dedup)
    docs.exclude("norm", "line_hashes").write_parquet(str(work / "docs"))
    return {
        "enabled": cfg.clean.site.enabled,
        "min_texts": cfg.clean.site.min_texts,
        "min_fraction": cfg.clean.site.min_fraction,
        "sites": len(frequent),
        "lines": sum(len(v) for v in frequent.values()),
    }


_EXACT = pa.schema([("id", pa.string()), ("rank", pa.string()), ("crank", pa.string())])


def _exact(docs: daft.DataFrame) -> pa.Table:
    """(id, rank, crank) for every kept document whose normalised text an earlier-ranked
    document has too; ``crank`` is the rank of that group's canonical document."""
    kept = docs.where(col("status") == KEPT).select("id", "exact_hash", "rank")
    groups = (
        kept.groupby("exact_hash")
        .agg(col("rank").min().alias("crank"), col("id").count().alias("n"))
        .where(col("n") > 1)
    )
    dups = kept.join(groups, on="exact_hash").where(col("rank") != col("crank"))
    return dups.select(*_EXACT.names).to_arrow().cast(_EXACT)


def _near(docs: daft.DataFrame, exact_ids: pa.Array, cfg: RunConfig) -> tuple[dict, dict]:
    """Near-duplicate clusters among kept documents that are not exact duplicates."""
    cands = docs.where(col("status") == KEPT).select("id", "rank", "bands", "text")
    if len(exact_ids):
        drop = daft.from_arrow(pa.table({"id": exact_ids}))
        cands = cands.join(drop, on="id", how="anti")
    found = near_duplicates(cands, cfg.dedup, key="rank", text="text")
    return found.canonical, found.info


_VERDICT = pa.schema(
    [
        ("id", pa.string()),
        ("v_status", pa.string()),
        ("v_reason", pa.string()),
        ("dup_of", pa.string()),
        ("dup_cluster", pa.string()),
    ]
)


def _verdicts(exact: pa.Table, near: dict[str, str]) -> tuple[pa.Table, dict]:
    """One row per document touched by dedup: its status, reason, dup_of and dup_cluster.

    ``dup_of`` is always the final canonical document: an exact copy of a document that is
    itself a near duplicate points at that document's canonical, not at the copy in between.
    """

    def doc_id(rank: str) -> str:
        return rank.split("|", 3)[3]  # ids may hold "|"; the three fields before never do

    rows: dict[str, tuple] = {}
    for rank, canon in near.items():
        if rank == canon:
            rows[doc_id(rank)] = (KEPT, None, None, doc_id(canon))
        else:
            rows[doc_id(rank)] = (DUPLICATE, NEAR_DUPLICATE, doc_id(canon), doc_id(canon))
    sizes: Counter = Counter()
    for rank, crank in zip(
        exact.column("rank").to_pylist(), exact.column("crank").to_pylist(), strict=True
    ):
        final = near.get(crank, crank)
        rows[doc_id(rank)] = (DUPLICATE, EXACT_DUPLICATE, doc_id(final), doc_id(final))
        if doc_id(crank) not in rows:
            rows[doc_id(crank)] = (KEPT, None, None, doc_id(crank))
    for _status, _, _, cluster in rows.values():
        sizes[cluster] += 1
    table = pa.Table.from_pylist(
        [dict(zip(_VERDICT.names, (i, *v), strict=True)) for i, v in rows.items()], schema=_VERDICT
    )
    return table, cluster_summary(sizes)


class _Tally:
    """Counts gathered while the final table streams to disk."""

    def __init__(self):
        self.rows = 0
        self.status: Counter = Counter()
        self.reason: Counter = Counter()
        self.left_at: Counter = Counter()  # (stage, reason code) of documents that left early
        self.formats: Counter = Counter()
        self.removed: Counter = Counter()
        self.changed = 0
        self.seconds: Counter = Counter()
        self.chars_in = 0
        self.chars_out = 0
        self.langs: Counter = Counter()  # every document with text
        self.langs_kept: Counter = Counter()
        self.reused = 0  # rows taken from an identical earlier record (``perdoc.Reused``)

    def add(self, batch: pa.Table) -> None:
        self.rows += batch.num_rows
        d = batch.select(["status", "reason", "stage", "fmt", "lang"]).to_pydict()
        for status, reason, stage, fmt, lang in zip(
            d["status"], d["reason"], d["stage"], d["fmt"], d["lang"], strict=True
        ):
            self.status[status] += 1
            self.formats[fmt] += 1
            if lang:
                self.langs[lang] += 1
                if status == KEPT:
                    self.langs_kept[lang] += 1
            if reason:
                code = reason_code(reason)
                self.reason[code] += 1
                if status == DUPLICATE:
                    stage = "exact_dedup" if code == EXACT_DUPLICATE else "near_dedup"
                self.left_at[(stage, code)] += 1
        self.chars_in += pc.sum(batch.column("chars_in")).as_py() or 0
        self.reused += pc.sum(batch.column("reused").cast(pa.int64())).as_py() or 0
        self.chars_out += pc.sum(batch.column("chars_out")).as_py() or 0
        removed = batch.column("removed")
        self.changed += pc.sum(pc.greater(pc.list_value_length(removed), 0)).as_py() or 0
        flat = pc.list_flatten(removed)
        if len(flat):
            for item in pc.value_counts(pc.struct_field(flat, "reason")).to_pylist():
                self.removed[item["values"]] += item["counts"]
        for t in TIMERS:
            self.seconds[t] += pc.sum(batch.column(t)).as_py() or 0.0

    def stages(self, phase_seconds: dict[str, float]) -> list[dict]:
        out = []
        remaining = self.rows
        cpu = {s: f"t_{s}" for s in ("read", "decode", "extract", "clean", "filter")}
        for stage in STAGES:
            dropped = {code: n for (s, code), n in sorted(self.left_at.items()) if s == stage}
            n_out = remaining - sum(dropped.values())
            entry = {"stage": stage, "in": remaining, "out": n_out, "dropped": dropped}
            if stage in cpu:
                entry["worker_seconds"] = round(self.seconds[cpu[stage]], 3)
            else:
                entry["seconds"] = round(phase_seconds.get(stage, 0.0), 3)
            out.append(entry)
            remaining = n_out
        return out


def use_runner(cfg: RunConfig) -> None:
    """Point Daft at the configured runner: its local runner, or a Ray cluster (``address``).
    Daft takes the choice once per process, before the first plan runs."""
    if cfg.runner != "ray":
        # named, the local runner is taken at once; left to Daft's guess, it costs an import of
        # Ray where Ray is installed (0.6 to 1 s of every run)
        with contextlib.suppress(DaftCoreException):  # a runner was chosen earlier in-process
            daft.set_runner_native()
        return

    import ray

    # Daft draws one progress bar per operator and worker, which Ray copies into our log
    quiet = {"DAFT_PROGRESS_BAR": os.environ.get("DAFT_PROGRESS_BAR", "0")}
    os.environ.update(quiet)
    if not ray.is_initialized():
        ray.init(address=cfg.address, runtime_env={"env_vars": quiet}, logging_level="warning")
    daft.set_runner_ray(noop_if_initialized=True)  # on the cluster ray.init joined


@contextlib.contextmanager
def _one_scan_at_a_time(cfg: RunConfig):
    """The phases after the first read the staged Parquet one scan task at a time: Daft's local
    runner reads up to 8 files at once, ahead of the work on them (phase 2 alone over 1,000,000
    staged documents: 6.1 GiB and 97 s with 8, 2.9 GiB and 52 s with one). Not on Ray, whose
    workers each read their own partitions."""
    if cfg.runner == "ray":
        yield
        return
    with daft.execution_config_ctx(scantask_max_parallel=1):
        yield


def near_keys(d) -> dict:
    """What a document's near-duplicate keys are made with (``dedup.near.bands_rows``)."""
    from saring.dedup.near import bands_rows

    bands, rows = bands_rows(d)
    return {"ngram": d.ngram, "num_perm": d.num_perm, "bands": bands, "rows": rows, "seed": d.seed}


@contextlib.contextmanager
def _staged_run(store: Store, entry: dict):
    with store.begin() as (staging, committed):
        yield staging
        committed.update(entry)


def _deduplicated(docs: daft.DataFrame, verdicts: pa.Table) -> daft.DataFrame:
    """The kept documents that dedup left kept: each cluster's canonical document and every
    document without a copy."""
    dup = verdicts.filter(pc.equal(verdicts.column("v_status"), DUPLICATE)).select(["id"])
    kept = docs.where(col("status") == KEPT)
    return kept.join(daft.from_arrow(dup), on="id", how="anti") if dup.num_rows else kept


def _against_store(
    store: Store, docs: daft.DataFrame, verdicts: pa.Table, cfg: RunConfig
) -> tuple[pa.Table, dict]:
    """The batch's verdicts after its canonical documents are compared with the store's: one
    that copies a stored document becomes its duplicate, and so do the batch's copies of it."""
    canon = _deduplicated(docs, verdicts).select(
        *[c for c in ("id", "exact_hash", "bands", "text") if c in docs.column_names]
    )
    found, info = store.match(canon, cfg)
    if not found:
        return verdicts, info
    rows = {r["id"]: r for r in verdicts.to_pylist()}
    for r in rows.values():
        if r["dup_cluster"] in found:  # a batch cluster whose canonical copies a stored one
            sid = found[r["dup_cluster"]][1]
            if r["v_status"] == DUPLICATE:
                r["dup_of"] = sid
            r["dup_cluster"] = sid
    for doc, (reason, sid) in found.items():
        rows[doc] = {"id": doc, "v_status": DUPLICATE, "v_reason": reason, "dup_of": sid,
                     "dup_cluster": sid}  # fmt: skip
    return pa.Table.from_pylist(list(rows.values()), schema=_VERDICT), info


def _say_tables(tables: TablePlan, say: Callable[[str], None]) -> None:
    """One line per way the tables' columns were mapped, and one for the tables left out."""
    for m in tables.mappings:
        cols = ", ".join(f"{k}={v}" for k, v in m.items() if k not in ("files", "first"))
        more = f" and {counted(m['files'] - 1, 'other table')}" if m["files"] > 1 else ""
        say(f"saring: columns of {m['first']}{more}: {cols}")
    if tables.skipped:
        listed = "; ".join(f"{k} (columns: {', '.join(v[:8])})" for k, v in tables.skipped.items())
        n = counted(len(tables.skipped), "table")
        say(f"saring: warning: left out {n} with no column of text or HTML: {listed}")


def _known_total(files) -> int | None:
    """The documents in ``files`` where that is known before reading: a page is one, a
    Parquet file says how many rows it holds; None where another format makes it unknown."""
    n = 0
    for f in files:
        if f.fmt in ("html", "text"):
            n += 1
        elif f.fmt == "parquet" and not f.compressed:
            try:
                n += pq.ParquetFile(f.path).metadata.num_rows
            except Exception:
                return None
        else:
            return None
    return n


def _documents_done(path: str | None, known: int | None):
    """Phase 1's count for ``progress``: documents processed, of the total known before reading
    or once every input has been read (the reader's and the workers' ``CountFile``)."""
    counts = CountFile(path) if path else None

    def done() -> tuple[int | None, int | None]:
        if counts is None:
            return None, known
        c = counts.sums()
        total = known
        if "tasks" in c and c.get("tasks_read", 0) >= c["tasks"]:
            total = c.get("read", 0)  # every input read: the exact total
        return c.get("processed", 0), total

    return done


@dataclasses.dataclass
class _Run:
    """What the phases of one run share: its settings and inputs, the folder it writes, the
    documents a store already holds, and how long each phase took."""

    cfg: RunConfig
    show: Progress
    skipped: list
    tables: TablePlan
    staging: Path
    store: Store | None
    command: list[str] | None
    started: datetime
    t_start: float
    stored: Stored | None = None
    workers: int = 1
    phase: dict[str, float] = dataclasses.field(default_factory=dict)

    @property
    def files(self) -> list:
        return self.tables.files

    @property
    def work(self) -> Path:
        return self.staging / "_work"

    @contextlib.contextmanager
    def timed(self, name: str):
        """Times the phase ``name``; what it freed is given back before the next one starts."""
        t = time.perf_counter()
        yield
        give_back()
        self.phase[name] = time.perf_counter() - t


def run(
    inputs: list[str],
    out: str | Path | None,
    cfg: RunConfig | None = None,
    log: Callable[[str], None] | None = None,
    command: list[str] | None = None,
    store: str | Path | None = None,
    progress: Progress | None = None,
) -> dict:
    """Run the whole pipeline on ``inputs`` and write the outputs to ``out``. Returns the stats.
    ``progress`` tells the phases and counts (``saring.progress``); by default a line per phase
    goes to ``log`` (standard error when None).

    With ``store``, the documents the store does not hold yet are added to it as one run (see
    ``saring.store``): deduplicated against it, joined to its open stories. ``out`` is then
    ignored (``store.export`` writes the outputs of the whole store).

    Raises ``readers.inputs.InputError`` or ``output.OutputError`` (before any work starts) for
    inputs or an output folder that cannot be used at all; bad documents never raise.
    """
    cfg = cfg or RunConfig()
    show = progress or Progress(log)
    use_runner(cfg)
    started, t_start = datetime.now(UTC), time.perf_counter()
    show.phase("finding the inputs", "")  # said only if it takes a while (a big folder)
    files, skipped = resolve_inputs(list(inputs), cfg.format)
    tables = plan_tables(files, cfg.reader)
    _say_tables(tables, show.log)
    st = Store(store) if store is not None else None
    entry: dict = {}
    if st is not None:
        entry["near_keys"] = near_keys(cfg.dedup) if cfg.dedup.near else None
        if cfg.dedup.near:
            st.check_near_keys(entry["near_keys"])
            if blind := st.runs_without_near():
                show.log(
                    f"saring: warning: {counted(blind, 'run')} of the store ran without "
                    "near-duplicate detection; near copies of their documents are not found "
                    "(exact ones are)"
                )
    with _staged_run(st, entry) if st is not None else AtomicOutputDir(out) as staging:
        r = _Run(cfg, show, skipped, tables, staging, st, command, started, t_start)
        n_stored = _extract_and_clean(r)
        with _one_scan_at_a_time(cfg):
            site_info = _site_lines_and_signatures(r)
            docs = daft.read_parquet(str(r.work / "docs"))
            verdicts, dedup = _deduplicate(r, docs)
            fault("deduplicated")
            story_of, story_rows = _group_stories(r, docs, verdicts)
            tally = _write_outputs(r, docs, verdicts, story_of, story_rows)
        stats = _run_stats(r, tally, site_info, dedup, story_rows)
        if st is not None:
            stats["store"] = {
                "store": str(st.root),
                "already_stored": n_stored,
                "duplicates_of_stored": dedup["store"],
                "stories_changed_or_new": len(story_rows),
            }
            entry.update(_index(docs, verdicts, staging / "index.parquet"))
            entry.update(documents=tally.rows, already_stored=n_stored, command=command)
            entry["finished"] = stats["saring"]["finished"]
        shutil.rmtree(r.work)
        write_json(staging / "stats.json", stats)
        if cfg.report and st is None:
            t = time.perf_counter()
            report_html(staging)
            show.note(f"report.html written in {time.perf_counter() - t:.1f} s")
    return stats


# -- the phases of ``run`` --------------------------------------------------------------------


def _extract_and_clean(r: _Run) -> int:
    """Phase 1: every input document through ``process_record`` into ``work/docs1``; the
    documents a store already holds only get their row. Returns how many it held."""
    st, files = r.store, r.files
    # read under the store's lock: no other run can commit these ids meanwhile; a document
    # stored from the same file named another way counts as stored too
    r.stored = st.stored_keys(files) if st else None
    r.work.mkdir()
    counts = None if r.cfg.runner == "ray" else str(r.work / "progress")  # one machine's file
    r.show.phase(
        "extracting and cleaning",
        f"saring: reading {counted(len(files), 'file')}, extracting and cleaning ...",
        _documents_done(counts, _known_total(files)),
    )
    with r.timed("read_extract_clean"):
        r.workers = local_workers(files, r.cfg)
        _phase1(files, r.cfg, r.work, r.stored, counts, r.workers)
    docs1 = r.work / "docs1"
    if st is not None:
        _origins(files, docs1, r.staging / ORIGINS)
    if not r.stored:
        return 0
    return daft.read_parquet(str(docs1)).where(col("status") == STORED).count_rows()


def _site_lines_and_signatures(r: _Run) -> dict:
    """Phase 2: lines repeated across a site's pages, and the near-duplicate signatures."""
    if r.cfg.clean.site.enabled:
        start = "saring: removing lines repeated across a site's pages ..."
        r.show.phase("lines repeated across a site", start)
    else:
        r.show.phase("signatures for near duplicates")
    with r.timed("site_repeats_and_signatures"):
        return _phase_site_and_signatures(r.cfg, r.work, r.workers)


def _deduplicate(r: _Run, docs: daft.DataFrame) -> tuple[pa.Table, dict]:
    """Phase 3: exact and near duplicates, then the batch against the store. Returns the
    verdicts and what stats.json says of them."""
    cfg = r.cfg
    r.show.phase("near duplicates", "saring: looking for exact and near duplicates ...")
    with r.timed("exact_dedup"):
        exact = _exact(docs) if cfg.dedup.exact else _EXACT.empty_table()
    r.show.note(f"{counted(exact.num_rows, 'exact duplicate')}; looking for near duplicates ...")
    with r.timed("near_dedup"):
        near, near_info = _near(docs, exact.column("id"), cfg) if cfg.dedup.near else ({}, {})
    verdicts, clusters = _verdicts(exact, near)
    store_info: dict = {}
    if r.store is not None:
        with r.timed("store_dedup"):
            verdicts, store_info = _against_store(r.store, docs, verdicts, cfg)
    return verdicts, {"near": near_info, "clusters": clusters, "store": store_info}


def _group_stories(r: _Run, docs: daft.DataFrame, verdicts: pa.Table) -> tuple[dict, list[dict]]:
    """Phase 4: the kept documents grouped into stories (joined to the store's open ones)."""
    with r.timed("stories"):
        if not r.cfg.stories.enabled:
            return {}, []
        r.show.phase("stories", "saring: grouping stories ...")
        return _stories(docs, verdicts, r.cfg, r.store, r.work)


def _write_outputs(r: _Run, docs, verdicts, story_of: dict, story_rows: list[dict]) -> _Tally:
    """Phase 5: documents.parquet (one row per input document) and stories.parquet."""
    with r.timed("write"):
        tally, n_docs = _Tally(), docs.count_rows()
        r.show.phase("writing", "saring: writing the outputs ...", lambda: (tally.rows, n_docs))
        _write_documents(docs, verdicts, story_of, r.staging / "documents.parquet", tally, n_docs)
        pq.write_table(
            pa.Table.from_pylist(story_rows, schema=STORIES_SCHEMA),
            r.staging / "stories.parquet",
            compression="zstd",
        )
    return tally


def _run_stats(r: _Run, tally: _Tally, site_info: dict, dedup: dict, story_rows) -> dict:
    """stats.json, but for a store's section."""
    cfg = r.cfg
    total = time.perf_counter() - r.t_start
    lsh_shape = bands_rows(cfg.dedup) if cfg.dedup.near else None
    return {
        "saring": {
            "version": __version__,
            "daft": daft.__version__,
            "command": r.command,
            "started": r.started.isoformat(timespec="seconds"),
            "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        },
        "inputs": _inputs_stats(r.files, r.skipped, r.tables),
        "documents": _documents_stats(tally),
        "stages": tally.stages(r.phase),
        "clean": {
            "site_repeats": site_info,
            "documents_changed": tally.changed,
            "removed_pieces": dict(tally.removed.most_common()),
        },
        "filter": _filter_stats(cfg, tally),
        "dedup": _dedup_stats(cfg, tally, lsh_shape, dedup["near"], dedup["clusters"]),
        "stories": {
            "enabled": cfg.stories.enabled,
            **story_counts(story_rows),
            "threshold": cfg.stories.threshold,
            "neighbours": cfg.stories.neighbours,
        },
        "timing": {
            "total_seconds": round(total, 3),
            "phase_seconds": {k: round(v, 3) for k, v in r.phase.items()},
            "documents_per_second": round(tally.rows / total, 1) if total > 0 else None,
        },
        "config": dataclasses.asdict(cfg),
    }


# -- stats.json: the sections that count documents -------------------------------------------


def _inputs_stats(files, skipped, tables: TablePlan) -> dict:
    return {
        "files": len(files),
        "files_by_format": dict(Counter(f.fmt for f in files)),
        "skipped_files": skipped,
        "tables_without_text": tables.skipped,
        "columns": tables.mappings,
    }


def _documents_stats(tally: _Tally) -> dict:
    return {
        "in": tally.rows,
        "out": tally.rows,
        "by_status": {s: tally.status.get(s, 0) for s in STATUSES},
        "by_reason": dict(tally.reason.most_common()),
        "by_format": dict(tally.formats),
        "chars_in": tally.chars_in,
        "chars_out": tally.chars_out,
        "reused": tally.reused,
    }


def _filter_stats(cfg: RunConfig, tally: _Tally) -> dict:
    return {
        "lang": list(cfg.filters.lang),
        "min_lang_score": cfg.filters.min_lang_score,
        "quality": cfg.filters.quality.enabled,
        "removed_by_rule": {
            code: n
            for code, n in tally.reason.most_common()
            if reason_family(code) in RULE_FAMILIES
        },
        "languages": dict(tally.langs.most_common()),
        "languages_kept": dict(tally.langs_kept.most_common()),
    }


def _dedup_stats(cfg: RunConfig, tally: _Tally, lsh_shape, near_info: dict, clusters: dict) -> dict:
    return {
        "exact": {"enabled": cfg.dedup.exact, "duplicates": tally.reason.get(EXACT_DUPLICATE, 0)},
        "near": {
            "enabled": cfg.dedup.near,
            "duplicates": tally.reason.get(NEAR_DUPLICATE, 0),
            "threshold": cfg.dedup.threshold,
            "ngram": cfg.dedup.ngram,
            "num_perm": cfg.dedup.num_perm,
            "bands": lsh_shape[0] if lsh_shape else None,
            "rows": lsh_shape[1] if lsh_shape else None,
            **near_info,
        },
        "clusters": clusters,
    }


# a story's summary as one list per field of its ``Sentence``s, in the dataclass's order
_SUMMARY_FIELDS = {
    "text": DT.string(),
    "source": DT.string(),
    "rank": DT.int64(),
    "position": DT.int64(),
}
_SUMMARY_TYPE = DT.struct({f: DT.list(t) for f, t in _SUMMARY_FIELDS.items()})
ENGINE_SUMMARIES = 10_000


class StorySummarizer:
    """The Daft UDF around ``summarize``: a batch of stories, each given as its members' ids and
    texts in story order; returns each summary's sentences (``_SUMMARY_TYPE``)."""

    def __init__(self, cfg: SummaryConfig):
        self.cfg = cfg
        self.arrow_type = _SUMMARY_TYPE.to_arrow_dtype()

    @daft.method.batch(return_dtype=_SUMMARY_TYPE)
    def __call__(self, ids: daft.Series, texts: daft.Series) -> pa.Array:
        out = []
        for i, t in zip(ids.to_pylist(), texts.to_pylist(), strict=True):
            sents = summarize(list(zip(i, t, strict=True)), self.cfg)
            out.append({f: [getattr(x, f) for x in sents] for f in _SUMMARY_FIELDS})
        return pa.array(out, type=self.arrow_type)


def _summaries(
    stories: Sequence[list[tuple[str, str]]], cfg: RunConfig, work: Path | None = None
) -> list[list[Sentence]]:
    """The summary of each story (its ``(id, text)`` pairs), on the engine: in one Python
    thread, 19,348 one-article stories took 11.7 s to summarise, more than grouping them. Below
    ``ENGINE_SUMMARIES`` stories, or with one worker, they are made here: starting the worker
    processes costs more than it saves (measured on 2 cores: the crawl's 2,146 stories 1.2 s
    here, 2.9 s on Daft; 19,348 stories 11.7 s here, 8.7 s on Daft). The stories reach the
    engine through a Parquet file in ``work``, written ``SUMMARY_CHUNK`` stories at a time,
    not as one Arrow table: ``stories`` makes each story's texts when asked (``build``'s
    ``_StoryTexts``), and a table of them all would hold every text a second time. And they go
    ``SUMMARY_JOB`` stories a job: Daft's reader runs ahead of the workers, and of one file of
    every story it held most at once (1,000,000 texts: 2.9 GiB in the driver,
    ``benchmarks/bench_memory.py``)."""
    if not stories or (
        cfg.runner != "ray" and (cfg.workers <= 1 or len(stories) < ENGINE_SUMMARIES)
    ):
        return [summarize(s, cfg.summary) for s in stories]
    summarizer = udf_class(StorySummarizer, cfg.workers)(cfg.summary)
    out: list[list[Sentence]] = []
    for at in range(0, len(stories), SUMMARY_JOB):
        with tempfile.TemporaryDirectory(dir=work) as tmp:
            path = Path(tmp) / "stories.parquet"
            _write_story_texts(stories, path, at, min(at + SUMMARY_JOB, len(stories)))
            df = daft.read_parquet(str(path)).into_batches(256)
            summaries = df.select("k", summarizer(col("ids"), col("texts")).alias("s"))
            got = summaries.sort("k").to_pydict()["s"]
        out += [
            [Sentence(*f) for f in zip(*(s[k] for k in _SUMMARY_FIELDS), strict=True)] for s in got
        ]
    return out


SUMMARY_JOB = 100_000
SUMMARY_CHUNK = 10_000
_STORY_TEXTS = pa.schema(
    [("k", pa.int64()), ("ids", pa.list_(pa.string())), ("texts", pa.list_(pa.string()))]
)


def _write_story_texts(
    stories: Sequence[list[tuple[str, str]]], path: Path, lo: int, hi: int
) -> None:
    """Stories ``lo`` to ``hi``: each one's number ``k`` (from 0), member ids and texts into
    ``path``, a chunk at a time."""
    with pq.ParquetWriter(path, _STORY_TEXTS) as out:
        for at in range(lo, hi, SUMMARY_CHUNK):
            chunk = stories[at : min(at + SUMMARY_CHUNK, hi)]
            out.write_table(
                pa.table(
                    {
                        "k": pa.array(range(at - lo, at - lo + len(chunk)), pa.int64()),
                        "ids": [[i for i, _ in s] for s in chunk],
                        "texts": [[t for _, t in s] for s in chunk],
                    },
                    schema=_STORY_TEXTS,
                )
            )


def _stories(
    docs: daft.DataFrame,
    verdicts: pa.Table,
    cfg: RunConfig,
    store: Store | None = None,
    work: Path | None = None,
) -> tuple[dict, list]:
    """Story ids for the kept documents (``stories.build``); a duplicate gets its canonical
    document's story. The kept documents are grouped in the driver, in order of id; their
    texts are held as Arrow strings there (``Bodies``), not as Python strings: with ``work``,
    in an Arrow file there read through a memory map."""
    dups = verdicts.filter(pc.equal(verdicts.column("v_status"), DUPLICATE))
    kept = _deduplicated(docs, verdicts).select("id", "title", "published", "site", "text")
    # the texts stay Arrow strings (``Bodies``; in ``work``, on disk), the rest become rows
    rows: list[dict] = []
    with BodyWriter(None if work is None else work / "story_texts.arrow") as texts:
        for batch in kept.to_arrow_iter():
            texts.add(batch.column("text"))
            rows.extend(batch.drop_columns(["text"]).to_pylist())
        prior, prior_story = [], {}
        if store is not None:  # the store's stories still open to this batch's articles
            since = min((r["published"] for r in rows if r["published"]), default=None)
            prior, prior_story = store.open_stories(since, cfg.stories.window_days)
        texts.add(pa.array([p.pop("text", None) for p in prior], pa.large_string()))
        order = sorted(range(len(rows)), key=lambda i: rows[i]["id"])
        # the prior articles first, then this batch's in order of id; their texts came last
        bodies = texts.bodies(
            np.concatenate([len(rows) + np.arange(len(prior)), np.array(order, np.int64)])
        )
    story_of, story_rows = build_stories(
        prior + [rows[i] for i in order],
        cfg.stories,
        cfg.summary,
        prior_story,
        lambda stories: _summaries(stories, cfg, work),
        bodies,
    )
    pairs = list(zip(dups.column("id").to_pylist(), dups.column("dup_of").to_pylist(), strict=True))
    if store is not None:  # copies of stored documents join their stories
        story_of.update(store.story_of({c for _, c in pairs if c not in story_of}))
    for doc, canon in pairs:
        if canon in story_of:
            story_of[doc] = story_of[canon]
    return story_of, story_rows


def _origins(files, docs1: Path, path: Path) -> None:
    """Where the batch's new documents came from (``store.ORIGINS``): the real path of each
    one's file (its ``order`` names the file), its place in it (``source`` after the name) and
    the key of the record (``perdoc.record_key``: a later run tells a changed record by it)."""
    names = ("id", "order", "source", "key")
    table = daft.read_parquet(str(docs1)).where(col("status") != STORED).select(*names).to_arrow()
    by_order = {f.order: f for f in files}  # not files[order]: tables without text are left out
    rows = []
    for doc, order, source, key in zip(*(table.column(c).to_pylist() for c in names), strict=True):
        f = by_order[int(order.split(":", 1)[0])]
        place = source[len(f.name) + 1 :]
        rows.append({"id": doc, "file": real_name(f.path), "locator": place, "key": key})
    pq.write_table(pa.Table.from_pylist(rows, schema=ORIGINS_SCHEMA), path, compression="zstd")


def _index(docs: daft.DataFrame, verdicts: pa.Table, path: Path) -> dict:
    """Write the store index of the batch's kept documents (id, exact hash, LSH band keys);
    returns the batch's publication span for the manifest."""
    kept = _deduplicated(docs, verdicts)
    bands = (
        col("bands") if "bands" in docs.column_names else daft.lit(None).cast(DT.list(DT.uint64()))
    )
    table = kept.select("id", "exact_hash", bands.alias("bands")).to_arrow()
    pq.write_table(table.cast(INDEX_SCHEMA), path, compression="zstd")
    span = pc.min_max(docs.select("published").to_arrow().column("published"))
    first, last = span["min"].as_py(), span["max"].as_py()
    return {
        "first_published": first.isoformat() if first else None,
        "last_published": last.isoformat() if last else None,
    }


def _write_documents(
    docs: daft.DataFrame,
    verdicts: pa.Table,
    story_of: dict[str, str],
    path: Path,
    tally: _Tally | None = None,
    n_docs: int | None = None,
) -> _Tally:
    """Join the dedup verdicts and story ids onto every document and stream them, in input
    order, into one Parquet file; tally the statistics on the way. The documents are put in
    order a slice of ``WRITE_SORT_ROWS`` at a time (``_order_slices``), not all at once;
    ``n_docs``: how many ``docs`` holds, where the caller has counted them already."""
    v = daft.from_arrow(verdicts)
    final = docs.join(v, on="id", how="left")
    if story_of:
        s = pa.table({"id": list(story_of), "story_id": list(story_of.values())})
        final = final.join(daft.from_arrow(s), on="id", how="left")
    else:
        final = final.with_column("story_id", daft.lit(None).cast(DT.string()))
    final = final.with_columns(
        {
            "status": col("v_status").fill_null(col("status")),
            "reason": col("v_reason").fill_null(col("reason")),
        }
    )
    columns = [*DOCUMENTS_SCHEMA.names, "stage", "fmt", "reused", *TIMERS]
    tally = tally if tally is not None else _Tally()
    with pq.ParquetWriter(path, DOCUMENTS_SCHEMA, compression="zstd") as writer:
        n = docs.count_rows() if n_docs is None else n_docs
        for part in _order_slices(final, docs, n):
            part = part.sort("order").with_column("format", col("fmt"))
            for batch in part.select(*dict.fromkeys(columns)).to_arrow_iter():
                table = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
                tally.add(table)
                writer.write_table(table.select(DOCUMENTS_SCHEMA.names).cast(DOCUMENTS_SCHEMA))
    return tally


# documents put in input order at a time when documents.parquet is written: sorting them all at
# once held every text of the run in the engine's memory
WRITE_SORT_ROWS = 100_000


def _order_slices(final: daft.DataFrame, docs: daft.DataFrame, n: int) -> list[daft.DataFrame]:
    """``final`` cut into consecutive slices of input order of at most ``WRITE_SORT_ROWS``
    documents, found from the ``order`` column alone of ``docs`` (its ``n`` documents)."""
    if n <= WRITE_SORT_ROWS:
        return [final]
    keys = docs.select("order").to_arrow().column("order")
    keys = keys.take(pc.sort_indices(keys))
    cuts = [keys[i].as_py() for i in range(WRITE_SORT_ROWS, len(keys), WRITE_SORT_ROWS)]
    slices = [final.where(col("order") < cuts[0])]
    slices += [final.where((col("order") >= a) & (col("order") < b)) for a, b in pairwise(cuts)]
    return [*slices, final.where((col("order") >= cuts[-1]) | col("order").is_null())]
