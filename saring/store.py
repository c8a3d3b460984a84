"""The incremental store: a corpus that grows run by run, never losing or doubling a document.

A store is a folder: ``manifest.json`` lists the committed runs in order, and each run's folder
(``runs/NNNNNN-tag/``) holds its new documents (``documents.parquet``, the output contract),
where each came from (``origins.parquet``: id, the file's real path, the place in the file),
the index later runs deduplicate against (``index.parquet``: id, exact hash and LSH band keys of
its kept documents), the stories it created or changed (``stories.parquet``, the latest row of a
story wins) and its ``stats.json``. A run is staged in a hidden folder, renamed into ``runs/``,
and committed by replacing ``manifest.json`` atomically; anything the manifest does not list is
an interrupted run and is removed, so a store is always as before a run or with it complete.
Stored documents are never rewritten: a new copy of a stored document is marked against the
stored canonical one, and new articles join the stored stories still open (``group(fixed=)``).
Does not process documents itself (``pipeline.run(..., store=)`` does).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import secrets
import shutil
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import daft
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from daft import col

from saring.config import RunConfig
from saring.dedup.near import cluster_summary, pair_similarity
from saring.model import DOCUMENTS_SCHEMA, EXACT_DUPLICATE, KEPT, NEAR_DUPLICATE, make_id
from saring.output import AtomicOutputDir, OutputError, fault, write_json
from saring.readers.inputs import real_name
from saring.stories.build import STORIES_SCHEMA, story_counts

MANIFEST = "manifest.json"
# the folders of runs/: a staged run, or a run renamed into place (committed or not)
_RUN_NAME = re.compile(r"\.partial-[0-9a-f]+|\d{6}-[0-9a-f]+")
FORMAT = 1
# where each stored document came from: its file's real path and its place in the file
ORIGINS = "origins.parquet"
ORIGINS_SCHEMA = pa.schema(
    [("id", pa.string()), ("file", pa.string()), ("locator", pa.string()), ("key", pa.binary())]
)  # key: ``perdoc.record_key`` of the record (null in stores written before it was kept)
INDEX_SCHEMA = pa.schema(
    [("id", pa.string()), ("exact_hash", pa.string()), ("bands", pa.list_(pa.uint64()))]
)


def _fsync_tree(path: Path) -> None:
    for f in [path, *path.rglob("*")]:
        fd = os.open(f, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@dataclass
class Stored:
    """What a store holds, as the per-document phase asks it (``perdoc.DocumentProcessor``):
    ``ids`` maps each stored id to the key of the record stored under it (``perdoc.record_key``;
    a set where a place held several records over time; None where the store did not keep
    keys), and ``by_file`` the batch's files (by ``InputFile.order``, which each record's
    ``order`` starts with) to the keys stored from them."""

    ids: dict[str, bytes | set[bytes] | None] = field(default_factory=dict)
    by_file: dict[int, set[bytes]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def add(self, doc_id: str, key: bytes | None) -> None:
        if key is None:
            self.ids.setdefault(doc_id, None)
            return
        known = self.ids.get(doc_id)
        if known is None or known == key:
            self.ids[doc_id] = key
        elif isinstance(known, set):
            known.add(key)
        else:
            self.ids[doc_id] = {known, key}

    def holds(self, doc_id: str, key: bytes, file: int) -> bool | None:
        """Whether the record ``key`` at ``doc_id``, from the batch's ``file``, is stored: True
        (the same record, here or elsewhere in its file, or a store that kept no keys), False
        (not stored), None (its place holds another record: it is another document)."""
        if key in self.by_file.get(file, ()):
            return True
        if doc_id not in self.ids:
            return False
        known = self.ids[doc_id]
        if known is None or known == key or (isinstance(known, set) and key in known):
            return True
        return None


class StoreError(OutputError):
    """The folder cannot be used as a store."""


class Store:
    """A store folder; see the module docstring for its layout."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root).absolute()

    # ---- reading -------------------------------------------------------------------------------

    def manifest(self) -> dict:
        path = self.root / MANIFEST
        if not path.exists():
            return {"format": FORMAT, "runs": []}
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise StoreError(f"{self.root}: store format {data.get('format')} is not {FORMAT}")
        return data

    def run_dirs(self, manifest: dict | None = None) -> list[Path]:
        """The committed runs' folders, of ``manifest`` (a snapshot) or the current one."""
        return [self.root / r["dir"] for r in (manifest or self.manifest())["runs"]]

    def _files(self, name: str, runs: list[Path] | None = None) -> list[str]:
        return [str(d / name) for d in (self.run_dirs() if runs is None else runs)]

    def ids(self) -> pa.Array:
        """Every stored document id."""
        files = self._files("documents.parquet")
        if not files:
            return pa.array([], pa.string())
        return ds.dataset(files).to_table(columns=["id"]).column("id").combine_chunks()

    def stored_keys(self, files) -> Stored:
        """What the store holds of this batch (``Stored``): every stored id, the ids that the
        batch's ``files`` give documents the store holds (``stored_as``), each with the keys of
        the records stored at it, and the keys stored from each of the files."""
        held = Stored(dict.fromkeys(self.ids().to_pylist()))
        paths = self._origins()
        if paths:
            table = ds.dataset(paths, schema=ORIGINS_SCHEMA).to_table(columns=["id", "key"])
            for i, k in zip(*(table.column(c).to_pylist() for c in ("id", "key")), strict=True):
                held.add(i, k)
        self.stored_as(files, held)
        return held

    def _origins(self) -> list[str]:
        return [str(d / ORIGINS) for d in self.run_dirs() if (d / ORIGINS).exists()]

    def stored_as(self, files, held: Stored) -> None:
        """Add to ``held`` the ids that this batch's ``files`` (``readers.inputs.InputFile``)
        give documents the store holds from the same file named another way (a folder, a glob,
        a path, a link), and the keys stored from each file: a file is known by its real path,
        a document by its file and place in it."""
        real = {real_name(f.path): f for f in files if f.problem is None}
        paths = self._origins()
        if not real or not paths:
            return
        table = ds.dataset(paths, schema=ORIGINS_SCHEMA).to_table(
            columns=["file", "locator", "key"], filter=pc.field("file").isin(list(real))
        )
        rows = zip(*(table.column(c).to_pylist() for c in ("file", "locator", "key")), strict=True)
        for file, locator, key in rows:
            f = real[file]
            held.add(make_id(f.key, locator or None), key)
            if key is not None:  # by the file's place in the batch, which each record's order holds
                held.by_file.setdefault(f.order, set()).add(key)

    def documents(self, ids, columns: list[str], runs: list[Path] | None = None) -> pa.Table:
        """The stored rows whose id is in ``ids`` (only ``columns``)."""
        files = self._files("documents.parquet", runs)
        if not files or not len(ids):
            return pa.table({c: pa.array([], DOCUMENTS_SCHEMA.field(c).type) for c in columns})
        return ds.dataset(files).to_table(
            columns=columns, filter=pc.field("id").isin(pa.array(list(ids), pa.string()))
        )

    def stories(self, runs: list[Path] | None = None) -> pa.Table:
        """The latest row of every stored story (of ``runs``), in order of first appearance."""
        files = self._files("stories.parquet", runs)
        if not files:
            return STORIES_SCHEMA.empty_table()
        table = ds.dataset(files).to_table()
        latest: dict[str, int] = {}  # in order of first appearance: a dict keeps it
        for k, sid in enumerate(table.column("story_id").to_pylist()):
            latest[sid] = k  # a later run's row replaces an earlier one
        return table.take(pa.array(list(latest.values()), pa.int64()))

    # ---- against the store: duplicates and stories ------------------------------------------

    def match(self, canon: daft.DataFrame, cfg: RunConfig) -> tuple[dict[str, tuple], dict]:
        """``canon``: the batch's kept, non-duplicate documents (id, exact_hash, bands, text).
        Returns {batch id: (reason, stored canonical id)} for those that copy a stored document
        (exactly, or near with true Jaccard >= the threshold), and counts for stats.json."""
        info = {"exact": 0, "near": 0, "candidate_pairs": 0, "pairs_rejected": 0}
        files = [f for f in self._files("index.parquet") if Path(f).exists()]
        if not files:
            return {}, info
        index = daft.read_parquet(files)
        found: dict[str, tuple] = {}
        if cfg.dedup.exact:
            hits = (
                canon.select("id", "exact_hash")
                .join(index.select(col("id").alias("sid"), "exact_hash"), on="exact_hash")
                .select("id", "sid")
                .to_arrow()
                .to_pylist()
            )
            for h in sorted(hits, key=lambda h: (h["id"], h["sid"])):
                found.setdefault(h["id"], (EXACT_DUPLICATE, h["sid"]))
            info["exact"] = len(found)
        if cfg.dedup.near and "bands" in canon.column_names:
            rest = canon.select("id", "bands", "text")
            if found:
                drop = daft.from_arrow(pa.table({"id": list(found)}))
                rest = rest.join(drop, on="id", how="anti")
            pairs = (
                rest.select("id", "bands")
                .explode("bands")
                .join(index.select(col("id").alias("sid"), "bands").explode("bands"), on="bands")
                .select("id", "sid")
                .distinct()
                .to_arrow()
                .to_pylist()
            )
            info["candidate_pairs"] = len(pairs)
            if pairs:
                stored = self.documents({p["sid"] for p in pairs}, ["id", "text"])
                texts = rest.select("id", "text").concat(daft.from_arrow(stored))
                keys = np.array(sorted({k for p in pairs for k in (p["id"], p["sid"])}))
                pos = {k: i for i, k in enumerate(keys)}
                a = np.array([pos[p["id"]] for p in pairs])
                b = np.array([pos[p["sid"]] for p in pairs])
                sims = (
                    pair_similarity(texts, "id", "text", keys, a, b, cfg.dedup.ngram)
                    if cfg.dedup.verify
                    else np.ones(len(pairs))
                )
                best: dict[str, tuple[float, str]] = {}
                for p, j in zip(pairs, sims, strict=True):
                    doc, sid = p["id"], p["sid"]
                    if j < cfg.dedup.threshold:
                        info["pairs_rejected"] += 1
                    elif doc not in best or (-j, sid) < (-best[doc][0], best[doc][1]):
                        best[doc] = (j, sid)
                for doc, (_j, sid) in best.items():
                    found[doc] = (NEAR_DUPLICATE, sid)
                info["near"] = len(best)
        return found, info

    def open_stories(
        self, since: datetime | None, window_days: float, now: datetime | None = None
    ) -> tuple[list[dict], dict]:
        """The stored kept articles of the stories still open to articles published from
        ``since`` on (their latest article at most ``window_days`` earlier), with their story
        ids: (rows with id, title, text, published, site; {id: story_id}). Only runs whose
        articles reach back to the earliest article of an open story are read (and runs of
        undated articles only). A story of undated articles only stays open while the last
        run that changed it finished at most ``window_days`` before ``now`` (default: the
        present), whatever this batch's dates: its articles are in every article's window."""
        stories = self.stories()
        if not stories.num_rows:
            return [], {}
        sids, runs = self._undated_open(stories, now or datetime.now(UTC), window_days)
        if since is not None:
            start = since - timedelta(days=window_days)
            last = stories.column("last_published")
            dated = stories.filter(pc.fill_null(pc.greater_equal(last, start), False))
            if dated.num_rows:
                sids += dated.column("story_id").to_pylist()
                # an open story's first articles may lie in a run older than the window
                earliest = pc.min(dated.column("first_published")).as_py() or start
                runs |= {
                    r["dir"]
                    for r in self.manifest()["runs"]
                    if not r.get("last_published")
                    or datetime.fromisoformat(r["last_published"]) >= earliest
                }
        files = self._files("documents.parquet", [self.root / d for d in sorted(runs)])
        if not sids or not files:
            return [], {}
        rows = (
            ds.dataset(files)
            .to_table(
                columns=["id", "title", "text", "published", "site", "story_id"],
                filter=pc.field("story_id").isin(pa.array(sids, pa.string()))
                & (pc.field("status") == KEPT),
            )
            .to_pylist()
        )
        return rows, {r["id"]: r["story_id"] for r in rows}

    def _undated_open(
        self, stories: pa.Table, now: datetime, window_days: float
    ) -> tuple[list[str], set[str]]:
        """The stories of undated articles only that a run finished at most ``window_days``
        before ``now`` changed, and the runs that hold their articles (every run that gave
        a story an article wrote a row of it)."""
        undated = set(
            stories.filter(pc.is_null(stories.column("last_published")))
            .column("story_id")
            .to_pylist()
        )
        if not undated:
            return [], set()
        since = now - timedelta(days=window_days)
        of_run = {}
        recent: set[str] = set()
        for r in self.manifest()["runs"]:
            path = self.root / r["dir"] / "stories.parquet"
            if not path.exists():
                continue
            ids = set(pq.read_table(path, columns=["story_id"]).column(0).to_pylist()) & undated
            of_run[r["dir"]] = ids
            finished = r.get("finished")
            if ids and finished and datetime.fromisoformat(finished) >= since:
                recent |= ids
        return sorted(recent), {d for d, ids in of_run.items() if ids & recent}

    def story_of(self, ids) -> dict[str, str]:
        """The story of stored documents (by id)."""
        rows = self.documents(ids, ["id", "story_id"]).to_pylist()
        return {r["id"]: r["story_id"] for r in rows if r["story_id"]}

    def check_near_keys(self, keys: dict) -> None:
        """Refuse a run whose near-duplicate keys (shingles, permutations, bands and rows,
        seed) differ from those the store's documents were indexed with: its documents' keys
        would never meet the stored ones, and no near copy of a stored document would be
        found, silently."""
        manifest = self.manifest()
        runs = [r for r in manifest["runs"] if r.get("near_keys")]
        stored = runs[-1]["near_keys"] if runs else self._bands_indexed(manifest)
        if stored and any(stored[k] != keys[k] for k in stored):
            had = ", ".join(f"{k} {v}" for k, v in stored.items())
            now = ", ".join(f"{k} {v}" for k, v in keys.items())
            raise StoreError(
                f"{self.root}: its documents' near-duplicate keys were made with {had}; this "
                f"run's settings make {now}. Run with the store's settings (--ngram, --bands, "
                "--rows, --seed; or, where bands and rows are not given, --near-threshold, "
                "--num-perm and --no-verify, which choose them), or into a new store"
            )

    def runs_without_near(self) -> int:
        """How many stored runs were made with near-duplicate detection off (their documents
        hold no band keys, so a later run finds no near copy of them)."""
        return sum(1 for r in self.manifest()["runs"] if "near_keys" in r and not r["near_keys"])

    def _bands_indexed(self, manifest: dict) -> dict | None:
        """A store written before runs recorded their keys: the number of band keys its last
        run's documents hold (the other settings cannot be read back)."""
        if not manifest["runs"]:
            return None
        path = self.root / manifest["runs"][-1]["dir"] / "index.parquet"
        if not path.exists():
            return None
        for keys in pq.read_table(path, columns=["bands"]).column("bands").to_pylist():
            if keys:
                return {"bands": len(keys)}
        return None

    # ---- writing -------------------------------------------------------------------------------

    @contextlib.contextmanager
    def begin(self):
        """Stage a run: yields (staging folder, manifest entry to fill). On success the folder
        becomes ``runs/NNNNNN-tag`` and the manifest lists it; on any failure, or when the entry
        says ``documents: 0`` (every input document was stored already), nothing changes.
        One run at a time (an exclusive lock on ``.lock``)."""
        self.root.mkdir(parents=True, exist_ok=True)
        if not (self.root / MANIFEST).exists() and not self._only_leftovers():
            raise StoreError(f"{self.root}: not empty and not a saring store")
        lock = open(self.root / ".lock", "a+")  # noqa: SIM115 - held for the whole run
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise StoreError(f"{self.root}: another saring run is using this store") from None
            self._remove_uncommitted()
            manifest = self.manifest()
            tag = secrets.token_hex(4)
            runs = self.root / "runs"
            runs.mkdir(exist_ok=True)
            staging = runs / f".partial-{tag}"
            staging.mkdir()
            fault("begun")
            entry: dict = {}
            try:
                yield staging, entry
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
            if entry.get("documents") == 0:  # nothing new: the store stays as it was
                shutil.rmtree(staging, ignore_errors=True)
                return
            fault("staged")
            number = len(manifest["runs"]) + 1
            final = runs / f"{number:06d}-{tag}"
            _fsync_tree(staging)
            staging.rename(final)
            fault("renamed")
            entry = {"run": number, "dir": f"runs/{final.name}", **entry}
            new = {**manifest, "format": FORMAT, "runs": [*manifest["runs"], entry]}
            tmp = self.root / f".{MANIFEST}.{tag}"
            tmp.write_text(json.dumps(new, indent=2, default=str) + "\n", encoding="utf-8")
            _fsync_tree(tmp)
            fault("manifest_written")
            tmp.replace(self.root / MANIFEST)  # the commit
            _fsync_tree(self.root)
            fault("committed")
        finally:
            lock.close()

    def _only_leftovers(self) -> bool:
        """Whether a folder without a manifest holds only what saring's own interrupted first
        run leaves (``.lock``, a manifest copy, ``runs/`` with staged or renamed run folders):
        an empty store, not a folder of other things."""
        for p in self.root.iterdir():
            if p.name == "runs" and p.is_dir():
                if not all(_RUN_NAME.fullmatch(r.name) for r in p.iterdir()):
                    return False
            elif p.name != ".lock" and not p.name.startswith(f".{MANIFEST}."):
                return False
        return True

    def _remove_uncommitted(self) -> None:
        """Staging folders, run folders the manifest does not list, stray manifest copies:
        what an interrupted run leaves."""
        listed = {Path(r["dir"]).name for r in self.manifest()["runs"]}
        runs = self.root / "runs"
        if runs.exists():
            for d in runs.iterdir():
                if d.name not in listed:
                    shutil.rmtree(d, ignore_errors=True)
        for f in self.root.glob(f".{MANIFEST}.*"):
            f.unlink(missing_ok=True)


# ---- export -------------------------------------------------------------------------------------


def _add(total: dict, part: dict) -> None:
    """Sum the numbers of ``part`` into ``total``, recursively."""
    for k, v in part.items():
        if isinstance(v, dict):
            _add(total.setdefault(k, {}), v)
        else:
            total[k] = total.get(k, 0) + v


def export(root: str | os.PathLike, out: str | os.PathLike, report: bool = True) -> dict:
    """Write the store's corpus as a one-shot run would: ``documents.parquet`` (every stored
    document, in run order), ``stories.parquet``, ``stats.json`` (the runs' counts summed) and
    ``report.html``. Returns the stats. It takes no lock: it reads one snapshot of the manifest,
    and the run folders it lists never change (a run commits by adding one)."""
    store = Store(root)
    manifest = store.manifest()
    if not manifest["runs"]:
        raise StoreError(f"{store.root}: no committed run (is it a saring store?)")
    runs = store.run_dirs(manifest)
    files = store._files("documents.parquet", runs)
    # a stored canonical document learns of its later copies only here: its dup_cluster
    canon = set(
        pc.unique(ds.dataset(files).to_table(columns=["dup_of"]).column("dup_of"))
        .drop_null()
        .to_pylist()
    )
    stats: dict = {"runs": []}
    counts: dict = {}
    stages: dict[str, dict] = {}
    with AtomicOutputDir(out) as staging:
        with pq.ParquetWriter(
            staging / "documents.parquet", DOCUMENTS_SCHEMA, compression="zstd"
        ) as w:
            for d in runs:
                table = pq.read_table(d / "documents.parquet")
                is_canon = pc.is_in(table.column("id"), pa.array(list(canon), pa.string()))
                cluster = pc.if_else(is_canon, table.column("id"), table.column("dup_cluster"))
                table = table.set_column(
                    table.schema.get_field_index("dup_cluster"), "dup_cluster", cluster
                )
                w.write_table(table.cast(DOCUMENTS_SCHEMA))
        for entry, d in zip(manifest["runs"], runs, strict=True):
            s = json.loads((d / "stats.json").read_text(encoding="utf-8"))
            _add(
                counts,
                {
                    "documents": s["documents"],
                    "clean": {k: s["clean"][k] for k in ("documents_changed", "removed_pieces")},
                    "filter": {
                        k: s["filter"][k]
                        for k in ("removed_by_rule", "languages", "languages_kept")
                    },
                },
            )
            for st in s.get("stages", []):
                agg = stages.setdefault(
                    st["stage"], {"stage": st["stage"], "in": 0, "out": 0, "dropped": {}}
                )
                agg["in"] += st["in"]
                agg["out"] += st["out"]
                for code, n in st["dropped"].items():
                    agg["dropped"][code] = agg["dropped"].get(code, 0) + n
            stats["runs"].append({**entry, "store": s.get("store", {})})
        stories = store.stories(runs)
        pq.write_table(
            stories.cast(STORIES_SCHEMA), staging / "stories.parquet", compression="zstd"
        )
        docs = pq.read_table(staging / "documents.parquet", columns=["dup_cluster"])
        sizes = Counter(c for c in docs.column("dup_cluster").to_pylist() if c)
        stats = {
            "saring": {
                "exported": datetime.now(UTC).isoformat(timespec="seconds"),
                "store": str(store.root),
            },
            **counts,
            "stages": list(stages.values()),
            "dedup": {"clusters": cluster_summary(sizes)},
            "stories": story_counts(stories.select(["size", "sites"]).to_pylist()),
            **stats,
        }
        write_json(staging / "stats.json", stats)
        if report:
            from saring.report import build

            build(staging)
    return stats
