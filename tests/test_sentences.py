"""The Indonesian sentence splitter, on sentences of the kind news prints."""

import pytest

from saring.stories.sentences import sentences, split_sentences
from tests.conftest import SEEDS, need_shared


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "Ketua MPR Zulkifli Hasan menyesalkan kisruh itu. Zulkifli menyarankan pertemuan.",
            ["Ketua MPR Zulkifli Hasan menyesalkan kisruh itu.", "Zulkifli menyarankan pertemuan."],
        ),
        # titles, initials, degrees, street and number abbreviations
        (
            "Dr. H. M. Nasir, S.H., M.Si. hadir di Jl. Merdeka No. 5, Kec. Menteng. Acara usai.",
            [
                "Dr. H. M. Nasir, S.H., M.Si. hadir di Jl. Merdeka No. 5, Kec. Menteng.",
                "Acara usai.",
            ],
        ),
        # money, clock times and dates keep their periods
        (
            "Harga cabai Rp45.000 per kg pukul 10.30 WIB, 17.08.2025. Pedagang mengeluh.",
            ["Harga cabai Rp45.000 per kg pukul 10.30 WIB, 17.08.2025.", "Pedagang mengeluh."],
        ),
        # a quotation stays whole, with its attribution
        (
            '"Tidak hanya tarif. Semua harus diatur," ucap Zulkifli, Senin (27/3). Ia lalu pergi.',
            [
                '"Tidak hanya tarif. Semua harus diatur," ucap Zulkifli, Senin (27/3).',
                "Ia lalu pergi.",
            ],
        ),
        (
            "“Kami siap. Semua lancar,” kata dia. Lalu ia pergi.",
            ["“Kami siap. Semua lancar,” kata dia.", "Lalu ia pergi."],
        ),
        # a quotation that goes on in the next paragraph does not swallow this one
        (
            '"Kutipan berlanjut. Kalimat kedua. Kalimat ketiga.',
            ['"Kutipan berlanjut.', "Kalimat kedua.", "Kalimat ketiga."],
        ),
        (
            "Apa yang terjadi? Polisi menyelidiki! Warga tenang...",
            ["Apa yang terjadi?", "Polisi menyelidiki!", "Warga tenang..."],
        ),
        (
            "Sidang digelar di PN Jakarta. 15 saksi dihadirkan.",
            ["Sidang digelar di PN Jakarta.", "15 saksi dihadirkan."],
        ),
        # lower case after the period: not a new sentence
        ("Kata dia. lalu semua diam", ["Kata dia. lalu semua diam"]),
    ],
)
def test_split_sentences(paragraph, expected):
    assert split_sentences(paragraph) == expected


def test_sentences_never_join_lines():
    assert sentences("Judul tanpa titik\nParagraf satu. Paragraf dua.") == [
        "Judul tanpa titik",
        "Paragraf satu.",
        "Paragraf dua.",
    ]


def test_seed_quotation_with_a_double_period_stays_one_sentence():
    need_shared(SEEDS)
    text = (SEEDS / "002_cecbdcea4aa5242f.txt").read_text(encoding="utf-8")
    line = next(x for x in text.split("\n") if x.startswith('"Harapannya'))
    got = split_sentences(line)
    assert got[0].startswith('"Harapannya') and got[0].endswith('sebagai "teroris".')
    assert got[1:] == ["(Reuters)"]
