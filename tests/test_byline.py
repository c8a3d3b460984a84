"""Bylines and date lines that cleaning removes give the author and the date a page left out."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from saring.process import process_record
from tests.conftest import NO_QUALITY

BODY = [
    "JAKARTA – Harga beras medium di Pasar Induk Beras Cipinang naik menjadi Rp13.800 per "
    "kilogram menjelang Iduladha, kata pedagang setempat kepada wartawan pada Senin pagi.",
    "Kenaikan itu dipicu pasokan dari sentra produksi di Jawa Tengah yang berkurang setelah "
    "panen raya berakhir, sementara permintaan rumah tangga dan rumah makan meningkat.",
    "Badan Pangan Nasional menyatakan akan menyalurkan beras cadangan pemerintah ke pasar-pasar "
    "tradisional mulai pekan depan untuk menahan harga agar tidak naik lebih jauh.",
    "Para pedagang berharap operasi pasar itu cepat dilakukan karena pembeli mulai mengurangi "
    "jumlah belanja dan beralih ke beras kualitas lebih rendah.",
]
ARTICLE = "\n\n".join(BODY)
WIB_1512 = datetime(2025, 6, 16, 8, 12, tzinfo=UTC)  # 15:12 WIB


def run(text: str, **meta) -> object:
    row = {"id": "x", "order": "0", "fmt": "text", "raw_text": text, **meta}
    return process_record(row, NO_QUALITY).processed


def test_a_date_line_with_the_author_after_a_bar_gives_both():
    page = "\n\n".join(
        [
            "Beranda > Ekonomi > Pangan",
            "Harga Beras Medium Naik Jelang Iduladha",
            "Senin, 16 Juni 2025 15:12 WIB | Budi Santoso",
            ARTICLE,
            "Editor: Rina Marlina",
        ]
    )
    p = run(page)
    assert p.status == "kept"
    assert p.published == WIB_1512
    assert p.author == "Budi Santoso"  # the writer, not the editor
    assert "Budi Santoso" not in p.text and "15:12" not in p.text
    assert ("Senin, 16 Juni 2025 15:12 WIB | Budi Santoso", "date_line") in {
        (r.text, r.reason) for r in p.removed
    }


def test_a_date_line_with_a_section_after_the_bar_is_no_author():
    page = "\n\n".join(["Rabu, 18 Juni 2025 10:05 WIB | Ekonomi", ARTICLE])
    p = run(page, title="Harga beras naik")
    assert p.published == datetime(2025, 6, 18, 3, 5, tzinfo=UTC)
    assert p.author is None


@pytest.mark.parametrize(
    ("footer", "author"),
    [
        # liputan6 / kiblat.net style: the writer wins over the editor and the source
        ("Penulis: Arby Salim\nEditor: Rina Marlina", "Arby Salim"),
        ("Reporter: Sulhi El-Izzi\nSumber: Al-Jazeera", "Sulhi El-Izzi"),
        ("Editor: Rina Marlina\nPewarta: Andi Firdaus", "Andi Firdaus"),
        # only an editor named: the person the page names for the article
        ("Editor: Rina Marlina", "Rina Marlina"),
        # aktual.com (seed 004): the name on the line after the byline
        ("(Ant)\n\nArtikel ini ditulis oleh:\n\nNebby", "Nebby"),
        ("Sumber: Al-Jazeera", None),
    ],
)
def test_a_byline_the_cleaner_removes_fills_the_author(footer, author):
    p = run(f"{ARTICLE}\n\n{footer}", title="Harga beras naik")
    assert p.status == "kept" and p.text.startswith("JAKARTA")
    assert p.author == author
    assert "Rina Marlina" not in p.text and "Sumber" not in p.text


def test_metadata_from_the_table_wins_over_the_lines():
    page = "\n\n".join(["Senin, 16 Juni 2025 15:12 WIB | Budi Santoso", ARTICLE, "Editor: Ani"])
    p = run(page, title="Harga beras naik", author="Redaksi", date_raw="17 Jun 2025, 09:00 WIB")
    assert p.author == "Redaksi"
    assert p.published == datetime(2025, 6, 17, 2, 0, tzinfo=UTC)
    # a date the table gives but no one can read ("Tidak Ditemukan") is no date: the line's wins
    p = run(page, title="Harga beras naik", date_raw="Tidak Ditemukan")
    assert p.published == WIB_1512 and p.author == "Budi Santoso"


def test_a_byline_with_the_date_gives_the_date_too():
    p = run(f"{ARTICLE}\n\nReporter: Budi Santoso | Senin, 16 Juni 2025 15:12 WIB")
    assert p.author == "Budi Santoso"
    assert p.published == WIB_1512


def test_an_oleh_byline_after_the_article_names_the_author():
    # the furniture table's byline rule had no "Oleh:", so the line stayed in the text and the
    # author was unknown (a README audit)
    p = run(ARTICLE + "\n\nOleh: Siti Aminah")
    assert p.author == "Siti Aminah" and "Oleh" not in p.text
