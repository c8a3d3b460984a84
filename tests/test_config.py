"""saring.toml: strict loading, the command line on top of it, and ``saring config --show``."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from saring import configfile
from saring.cli import main
from saring.config import RunConfig
from tests.test_filters import ARTICLE, MALAY_TEXTS

EXAMPLE = """
[read]
text_col = "body"

[filters]
lang = ["id"]

[dedup]
threshold = 0.7

[quality]
min_words = 30
max_top_2gram_frac = false

[quality.id]
max_dup_line_frac = 0.4
"""


def test_a_file_sets_what_it_names_and_nothing_else(tmp_path):
    path = tmp_path / "saring.toml"
    path.write_text(EXAMPLE)
    cfg = configfile.load(path)
    assert cfg.reader.text_col == "body" and cfg.reader.title_col == "title"
    assert cfg.filters.lang == ("id",)
    assert cfg.dedup.threshold == 0.7 and cfg.dedup.ngram == 5
    id_rules = cfg.filters.quality.rules_for("id")
    assert id_rules.min_words == 30 and id_rules.max_top_2gram_frac is None
    assert id_rules.max_dup_line_frac == 0.4
    assert cfg.filters.quality.rules_for("en").max_dup_line_frac == 0.3


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[dedup]\ntreshold = 0.7\n", "unknown setting dedup.treshold"),
        ("[dedupe]\nthreshold = 0.7\n", "unknown section [dedupe]"),
        ("[dedup]\nngram = 'five'\n", "dedup.ngram must be a whole number"),
        ("[dedup]\nthreshold = 7\n", "dedup.threshold must be a number from 0.0 to 1.0"),
        ("[filters]\nlang = ['indonesian']\n", "language codes"),
        ("[clean]\ntext_mode = 'some'\n", "one of full, rules, none"),
        ("[quality]\nmin_wordz = 3\n", "unknown setting quality.min_wordz"),
        ("[quality.id]\nmin_words = 'x'\n", "quality.id.min_words must be a number"),
        ("[dedup\n", "not valid TOML"),
    ],
)
def test_unknown_or_wrong_settings_are_errors(tmp_path, text, message):
    path = tmp_path / "saring.toml"
    path.write_text(text)
    with pytest.raises(configfile.ConfigError, match=message.replace("[", r"\[")):
        configfile.load(path)


def test_show_prints_what_load_reads_back(tmp_path):
    path = tmp_path / "saring.toml"
    path.write_text(EXAMPLE)
    cfg = configfile.load(path)
    again = tmp_path / "again.toml"
    again.write_text(configfile.dumps(cfg, str(path)))
    assert configfile.load(again) == cfg
    default = tmp_path / "default.toml"
    default.write_text(configfile.dumps(RunConfig()))
    assert configfile.load(default) == RunConfig()


def test_command_line_wins_over_the_file_found_in_the_current_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "saring.toml").write_text(EXAMPLE)
    assert (
        main(["config", "--show", "--near-threshold", "0.9", "--set", "quality.id.min_words=80"])
        == 0
    )
    shown = capsys.readouterr().out
    assert "then saring.toml" in shown
    assert "threshold = 0.9" in shown and 'text_col = "body"' in shown
    assert "[quality.id]" in shown and "min_words = 80" in shown
    assert main(["config", "--set", "dedup.seed=-1"]) == 2
    assert "dedup.seed must be" in capsys.readouterr().err


def test_run_with_lang_records_language_score_and_signals(tmp_path, capsys):
    rows = [
        {"url": "https://contoh.id/banjir", "text": ARTICLE},
        {"url": "https://contoh.my/berita", "text": "\n".join(MALAY_TEXTS[:3])},
        {
            "url": "https://contoh.id/pendek",
            "text": "Menteri meninjau lokasi banjir di Bojonegoro.",
        },
    ]
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out"
    assert main(["run", str(src), "-o", str(out), "--lang", "id"]) == 0
    table = pq.read_table(out / "documents.parquet").to_pylist()
    got = [(r["status"], (r["reason"] or "").split(": ")[0], r["lang"]) for r in table]
    assert got == [
        ("kept", "", "id"),
        ("filtered", "lang:ms", "ms"),
        ("filtered", "quality:words", "id"),
    ]
    assert all(r["lang_score"] > 0 and r["signals"]["words"] > 0 for r in table)
    stats = json.loads((out / "stats.json").read_text())
    assert stats["filter"]["removed_by_rule"] == {"lang:ms": 1, "quality:words": 1}
    assert stats["filter"]["languages"] == {"id": 2, "ms": 1}
    filt = next(s for s in stats["stages"] if s["stage"] == "filter")
    assert filt["dropped"] == {"lang:ms": 1, "quality:words": 1}
    assert "quality:words 1" in capsys.readouterr().out


def test_lang_without_identification_is_refused(capsys):
    assert main(["config", "--set", "filters.identify=false", "--lang", "id"]) == 2
    assert "needs language identification" in capsys.readouterr().err


def test_lang_codes_may_be_listed_with_commas_and_in_capitals(capsys):
    assert main(["config", "--lang", "ID,ms", "jv"]) == 0
    assert 'lang = ["id", "ms", "jv"]' in capsys.readouterr().out
    assert main(["config", "--set", "filters.lang=id,MS"]) == 0
    assert 'lang = ["id", "ms"]' in capsys.readouterr().out
