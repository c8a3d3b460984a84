"""A record met again takes the row of the first one (``perdoc.Reused``) and the run's outputs
are the same as when every record is processed."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from saring import perdoc
from saring.config import RunConfig
from saring.perdoc import RAW_ARGS, TIMERS, Reused, processed_row
from saring.pipeline import run
from tests.conftest import EXAMPLES

TEXT = EXAMPLES / "text"
QUIET = {"log": lambda _msg: None}


def record(name: str, doc_id: str, order: str, **fields) -> dict:
    rec = dict.fromkeys(RAW_ARGS)
    text = (TEXT / name).read_text(encoding="utf-8")
    rec.update(id=doc_id, order=order, fmt="text", raw_text=text, site="wartaharian")
    rec.update(fields)
    return rec


def without_timers(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in TIMERS and k != "reused"}


def test_a_record_met_again_gets_the_row_processing_it_would_give():
    cfg = RunConfig()
    memo = Reused(8)
    first = memo.row(record("wartaharian-harga-beras.txt", "a", "0"), cfg)
    again = record("wartaharian-harga-beras.txt", "b", "7")
    row = memo.row(again, cfg)
    assert not first["reused"] and row["reused"]
    assert first["status"] == "kept" and row["text"] == first["text"]
    # the same row as processing it gives, its own order and id in the rank
    assert without_timers(row) == without_timers(processed_row(again, cfg))
    assert row["rank"].endswith("|7|b") and row["rank"] != first["rank"]
    assert all(row[t] == 0.0 for t in TIMERS[1:])  # nothing ran for it


def test_a_record_that_differs_in_any_field_is_processed():
    cfg = RunConfig()
    memo = Reused(8)
    memo.row(record("wartaharian-harga-beras.txt", "a", "0"), cfg)
    titled = memo.row(record("wartaharian-harga-beras.txt", "b", "1", title="Harga beras"), cfg)
    other_site = memo.row(record("wartaharian-harga-beras.txt", "c", "2", site="lain"), cfg)
    assert not titled["reused"] and not other_site["reused"]
    assert titled["title"] == "Harga beras" and other_site["site"] == "lain"


@pytest.mark.parametrize(
    "field, value",
    [
        ("url", "https://wartaharian.example/a"),
        ("author", "Rina"),
        ("date_raw", "18 Juni 2025"),
        ("charset", "cp1252"),
        ("fmt", "html"),
    ],
)
def test_each_field_the_processing_reads_is_in_the_key(field, value):
    base = record("wartaharian-harga-beras.txt", "a", "0")
    assert perdoc.record_key(base) == perdoc.record_key({**base, "id": "b", "order": "5"})
    assert perdoc.record_key(base) != perdoc.record_key({**base, field: value})
    assert perdoc.record_key({**base, "title": None}) != perdoc.record_key({**base, "title": ""})


def test_a_time_out_is_not_remembered_so_a_copy_gets_its_own_try(monkeypatch):
    calls = []

    def timed_out(rec, cfg):
        calls.append(rec["id"])
        return {**processed_row(rec, cfg), "status": "failed", "reason": "extract_timeout: 30 s"}

    monkeypatch.setattr(perdoc, "processed_row", timed_out)
    memo = Reused(8)
    for i in range(2):
        assert not memo.row(record("wartaharian-harga-beras.txt", f"t{i}", str(i)), RunConfig())[
            "reused"
        ]
    assert calls == ["t0", "t1"] and not memo.kept


def test_the_character_budget_holds_with_the_same_record_remembered_twice(monkeypatch):
    cfg = RunConfig()
    rec = record("wartaharian-harga-beras.txt", "a", "0")
    row = processed_row(rec, cfg)
    budget = 8 * perdoc._size(row)  # this row is the most one row may take
    monkeypatch.setattr(perdoc, "_REUSE_CHARS", budget)
    memo = Reused(100)
    memo._remember(perdoc.record_key(rec), row)
    memo._remember(perdoc.record_key(rec), row)  # two threads that processed the same record
    assert len(memo.kept) == 1 and memo.chars == perdoc._size(row)
    names = ["suarapagi-lrt-jabodebek.txt", "lensaberita-suhu-panas-jakarta.txt"]
    names += ["kabarnusantara-bandara-maumere.txt", "wartaharian-banjir-bojonegoro.txt"]
    for i, name in enumerate(names * 3):
        memo.row(record(name, f"x{i}", str(i)), cfg)
    assert memo.chars == sum(perdoc._size(r) for r in memo.kept.values()) <= budget
    assert 2 <= len(memo.kept) < 12  # the budget, not the 100 rows, held it
    big = {**row, "text": row["text"] + "kata"}  # over an eighth of the budget: not kept
    memo._remember(b"big", big)
    assert b"big" not in memo.kept


def test_rows_are_forgotten_oldest_first_and_zero_remembers_none():
    cfg = RunConfig()
    memo = Reused(2)
    names = ["wartaharian-harga-beras.txt", "suarapagi-lrt-jabodebek.txt"]
    names.append("lensaberita-suhu-panas-jakarta.txt")
    for i, name in enumerate(names):
        memo.row(record(name, f"x{i}", str(i)), cfg)
    assert len(memo.kept) == 2
    assert not memo.row(record(names[0], "y", "9"), cfg)["reused"]  # the oldest went
    assert memo.row(record(names[2], "z", "9"), cfg)["reused"]
    off = Reused(0)
    off.row(record(names[0], "a", "0"), cfg)
    assert not off.row(record(names[0], "b", "1"), cfg)["reused"] and not off.kept


def test_a_run_with_a_copied_file_reuses_its_row_and_writes_the_same_outputs(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(TEXT, inputs)
    shutil.copy(inputs / "wartaharian-harga-beras.txt", inputs / "zz-copy.txt")
    cols = ("id", "source", "status", "reason", "dup_of", "dup_cluster", "story_id", "text")
    tables, reused = [], []
    for cfg in (RunConfig(workers=1), RunConfig(workers=1, reuse=0)):
        out = tmp_path / f"out{cfg.reuse}"
        stats = run([str(inputs)], out, cfg, **QUIET)
        table = pq.read_table(out / "documents.parquet").to_pylist()
        tables.append([tuple(r[c] for c in cols) for r in table])
        reused.append(stats["documents"]["reused"])
    assert reused == [1, 0]
    assert tables[0] == tables[1]
    copy = next(r for r in tables[0] if r[1].endswith("zz-copy.txt"))
    assert copy[3] == "exact_duplicate"
