"""The furniture table: every rule removes its own example lines, and real article lines that
look like furniture survive."""

from __future__ import annotations

import json

import pytest

from saring.clean.rules import FurnitureRules, default_rules
from tests.conftest import SHARED, need_shared

RULES = default_rules()


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, ex) for r in RULES.rules for ex in r.examples],
    ids=lambda x: getattr(x, "id", str(x)[:30]),
)
def test_every_example_is_removed_by_its_own_rule(rule, example):
    hit = RULES.match(example)
    assert hit is not None, f"{rule.id} does not remove its example {example!r}"
    assert hit.rule.id == rule.id, f"{example!r} is taken by {hit.rule.id} before {rule.id}"


def test_every_rule_has_examples_and_a_source():
    for rule in RULES.rules:
        assert rule.examples, rule.id
        assert rule.source, rule.id


# Real article lines (the source is given for each) that resemble furniture and must stay.
SURVIVORS = [
    "More than 200 people were evacuated from the building on Monday.",  # shape of AEB prose
    "Share prices fell sharply after the announcement.",
    "Video terkait beredar luas di media sosial sejak Selasa malam.",
    "Warga diminta ikuti arahan petugas melalui Instagram resmi Pemkot.",
    "Copyright infringement cases rose sharply across Europe in 2024, the report said.",
    "Saat artikel ini ditulis, status Ataribox di situs Indie Gogo masih coming soon. Di sana, Anda cuma bisa mendaftarkan email untuk memperoleh kabar terbaru.",  # IndoSum dev
    "12) Roger Waters – The Wall (DVD)",  # AEB gold
    "Elektronische Fallakte (eFA)",  # fundus gold
    "Komentar Menteri Keuangan itu disampaikan di Gedung DPR, Jakarta, Rabu (18/6/2025).",
    "Berita duka datang dari keluarga besar Persib Bandung pada Kamis pagi.",
    "Sumber yang sama menyebutkan rapat akan digelar pekan depan.",  # no colon: not a byline
    "Lihat saja bagaimana harga beras naik di Pasar Induk Cipinang.",
    "Foto-foto yang beredar memperlihatkan kerusakan di permukiman warga.",
    "A total of 1,100 residents were moved to temporary shelters.",
    # a channel named in prose, with a space after the sentence before it
    "Warga diminta mengecek kanal resmi. Ikuti perkembangan lewat saluran radio daerah.",
    "Pemerintah mengajak warga mengikuti saluran WhatsApp resmi BPBD untuk peringatan dini.",
    "Dalam artikel ini telah dijelaskan bahwa harga beras naik di Pasar Induk Cipinang.",
    # prose glued to prose by a scraper, naming a channel (a review of the promo rules)
    "…Le Bourget.Follow-up investigasi menyasar Telegram sejak Agustus.",
    "Warga diminta waspada.Ikuti petunjuk petugas, jangan percaya pesan di WhatsApp Channel palsu.",
    "Artikel ini telah tayang di detikJabar.Pemerintah Kota Bandung menetapkan status siaga banjir.",
    # the channel, caption-credit and reading-time rules of 2026-12-08 (IndoSum dev's lines)
    "Telegram merupakan salah satu aplikasi media sosial yang sangat populer di Iran dengan jumlah pengguna tercatat sekitar 25 juta orang.",
    "Cara yang benar untuk mengaktifkan video call Whatsapp adalah dengan memperbaharui di Google Playstore atau Apple Store.",
    "Sumber berita Telegram.",
    "Perjalanan dari Stasiun Gambir ke Bandara Soekarno-Hatta ditempuh dalam waktu 55 menit.",
]


@pytest.mark.parametrize("line", SURVIVORS)
def test_article_lines_that_look_like_furniture_survive(line):
    hit = RULES.match(line)
    assert hit is None, f"{hit.rule.id} removes an article line: {line!r}"


def test_seed_body_paragraphs_survive(seed_texts):
    from saring.evaluate import seed_gold
    from tests.conftest import SEEDS

    for name, gold in seed_gold(SEEDS).items():
        for paragraph in gold.split("\n\n"):
            hit = RULES.match(paragraph)
            if hit is not None:  # only the strip rule may touch a body line, and not its words
                assert hit.rule.action == "strip", f"{name}: {hit.rule.id} takes {paragraph[:60]!r}"


def test_few_indosum_paragraphs_match_any_rule():
    """IndoSum's clean articles still carry some furniture ("Baca juga : ...", "( rah / rah )"),
    so a few matches are right; a rule that took real prose would show as many more."""
    path = need_shared(SHARED / "data" / "indosum-dev" / "dev.01.jsonl")
    total = matched = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        for para in json.loads(line)["paragraphs"]:
            text = " ".join(" ".join(sentence) for sentence in para)
            total += 1
            hit = RULES.match(text)
            if hit is not None:
                matched += 1
                assert hit.rule.reason in {
                    "related_link",
                    "reporter_code",
                    "byline",
                    "caption",
                    "copyright",
                }, text[:80]
    assert total > 5000 and matched / total < 0.02


def test_strip_rule_keeps_the_paragraph():
    hit = RULES.match("BPBD mengimbau warga tetap waspada hingga akhir pekan. (rka/ags)")
    assert hit.rule.action == "strip"
    assert hit.kept == "BPBD mengimbau warga tetap waspada hingga akhir pekan."
    assert hit.removed == "(rka/ags)"


def test_table_errors_are_reported(tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text('[[rule]]\nid = "x"\nreason = "r"\naction = "drop"\npattern = "a"\n')
    with pytest.raises(ValueError, match="action must be one of"):
        FurnitureRules.from_toml(bad)
    bad.write_text('[[rule]]\nid = "x"\nreason = "r"\naction = "line"\n')
    with pytest.raises(ValueError, match="exactly one of pattern, only_words"):
        FurnitureRules.from_toml(bad)
