"""Publication dates as real sources print them (each line below is from the shared crawl or
the seeds); the answer is always an aware UTC datetime."""

from datetime import UTC, datetime

import pytest

from saring.extract.dates import parse_date, parse_tz


def utc(*args):
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # liputan6.com
        ("Diperbarui 18 Jun 2025, 14:05 WIB", utc(2025, 6, 18, 7, 5)),
        # okezone.com, with a no-break space and the reporter label in front
        (",\xa0Jurnalis-Rabu, 18 Juni 2025 |14:18 WIB", utc(2025, 6, 18, 7, 18)),
        # tempo.co: a dot between hours and minutes
        ("14 Maret 2018 | 08.28 WIB", utc(2018, 3, 14, 1, 28)),
        # detik.com
        ("Senin, 16 Jun 2025 19:35 WIB", utc(2025, 6, 16, 12, 35)),
        # kompas.com: numeric, day first
        ("Kompas.com- 20/06/2025, 17:28 WIB", utc(2025, 6, 20, 10, 28)),
        # republika.co.id: runs of spaces
        ("Kamis   19 Jun 2025  09:48 WIB", utc(2025, 6, 19, 2, 48)),
        # seed 000 (kiblat.net related list): no zone printed, read as WIB
        ("Selasa, 06/12/2016 18:45", utc(2016, 12, 6, 11, 45)),
        # Central and Eastern Indonesian time
        ("Rabu, 07/12/2016 08:13 WITA", utc(2016, 12, 7, 0, 13)),
        ("Rabu, 07/12/2016 08:13 WIT", utc(2016, 12, 6, 23, 13)),
        # htmldate output as trafilatura hands it over
        ("2025-06-18T14:05:00+0700", utc(2025, 6, 18, 7, 5)),
        ("2019-11-19T10:00:00Z", utc(2019, 11, 19, 10, 0)),
        # year first with slashes or dots, as dumps' timestamp columns and Excel write them
        # (mC4's "2021/04/12 13:06:18" was no date at all)
        ("2021/04/12 13:06:18", utc(2021, 4, 12, 6, 6, 18)),
        ("2021.04.12", utc(2021, 4, 11, 17, 0)),
        ("versi 1.2021.04.12", None),
        # English pages
        ("June 18, 2025 2:05 PM", utc(2025, 6, 18, 7, 5)),
        ("Updated 3 Aug 2024 at 11:00 GMT", utc(2024, 8, 3, 11, 0)),
        # seed 002/003 style: a date in parentheses inside a sentence
        ("Minggu (4/12/2016)", utc(2016, 12, 3, 17, 0)),
    ],
)
def test_real_date_lines(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text", [None, "", "tidak ada tanggal", "2016", "31/02/2025", "99 Juni 2025"]
)
def test_no_date_is_none(text):
    assert parse_date(text) is None


def test_default_zone_applies_only_without_a_printed_zone():
    assert parse_date("18 Jun 2025 14:05", default_tz="UTC") == utc(2025, 6, 18, 14, 5)
    assert parse_date("18 Jun 2025 14:05 WIB", default_tz="UTC") == utc(2025, 6, 18, 7, 5)
    assert parse_date("18 Jun 2025 14:05", default_tz="Asia/Makassar") == utc(2025, 6, 18, 6, 5)


def test_parse_tz_forms():
    assert parse_tz("+07:00").utcoffset(None).total_seconds() == 7 * 3600
    assert parse_tz("WITA").utcoffset(None).total_seconds() == 8 * 3600
    with pytest.raises(Exception):  # noqa: B017 - zoneinfo raises its own error type
        parse_tz("Nowhere/Atlantis")
