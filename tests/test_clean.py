"""Repeated paragraphs, on the seed pages that motivated the rule."""

from saring.clean.repeats import remove_repeated_paragraphs, tidy


def test_seed_003_prints_four_paragraphs_twice(seed_texts):
    text = seed_texts["003_5ef3db04e0fdc1f1.txt"]
    cleaned, removed = remove_repeated_paragraphs(tidy(text))
    assert len(removed) == 4
    assert {r.reason for r in removed} == {"repeated_paragraph"}
    assert removed[0].text.startswith("Menteri Luar Negeri Rusia, Sergei Lavrov mengatakan")
    # every paragraph survives exactly once, in its first position
    lines = cleaned.split("\n")
    for r in removed:
        assert lines.count(r.text) == 1
    assert lines[-1] == "(ian)"


def test_seed_004_prints_its_photo_caption_twice(seed_texts):
    cleaned, removed = remove_repeated_paragraphs(tidy(seed_texts["004_367b3b33d4027dfb.txt"]))
    assert [r.text for r in removed] == [
        "Pembicaraan Rusia dengan Amerika soal Suriah buntu. (ilustrasi/aktual.com)"
    ]
    assert cleaned.startswith(
        "Pembicaraan Rusia dengan Amerika soal Suriah buntu. (ilustrasi/aktual.com)\n\nJakarta"
    )


def test_short_repeats_and_case_or_spacing_differences():
    text = "A\nA\nA\nHarga beras naik di Cipinang pekan ini.\nHARGA BERAS  naik di Cipinang pekan ini.\n***\n***"
    cleaned, removed = remove_repeated_paragraphs(text)
    assert cleaned == "A\nA\nA\nHarga beras naik di Cipinang pekan ini.\n***\n***"
    assert [r.text for r in removed] == ["HARGA BERAS  naik di Cipinang pekan ini."]


def test_text_without_repeats_is_returned_unchanged():
    text = "Judul\n\nParagraf pertama yang cukup panjang.\nParagraf kedua yang juga panjang."
    assert remove_repeated_paragraphs(text) == (text, [])


def test_tidy_collapses_blank_runs_and_line_endings():
    assert tidy("a  \r\n\r\n\r\n\r\nb\rc\n\n") == "a\n\nb\nc"
