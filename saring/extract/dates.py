"""Parse the publication dates that news pages and crawls print, Indonesian styles first.

Returns an aware UTC ``datetime`` or ``None``; it never guesses a date from a bare number or a
year alone. Written here because dateparser is large and slow, and htmldate only reads HTML.
Each pattern below was taken from a real source (see tests/test_dates.py for the lines).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

_MONTHS = {
    # Indonesian, full and short forms as sites print them, then English.
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# Indonesian time zones: Waktu Indonesia Barat / Tengah / Timur.
_ZONES = {"wib": 7, "wita": 8, "wit": 9, "utc": 0, "gmt": 0, "z": 0}

_ISO = re.compile(
    # year first, with "/" or "." too ("2021/04/12 13:06:18", as dumps and Excel write it)
    r"(?<![\d.])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?!\d)"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<z>Z|[+-]\d{2}:?\d{2})?",
    re.I,
)
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<d>\d{{1,2}})\s*(?P<mon>{_MONTH_RE})\.?,?\s*(?P<y>\d{{4}})\b", re.I
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I
)
# Numeric dates are day-first, as Indonesian (and most non-US) sites write them.
_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})\b")
# A clock time after the date: "14:05", "08.28", "2:05 PM", optionally "pukul"/"|"/"," between.
_TIME = re.compile(
    r"^[\s,|\-–—]*(?:pukul|jam|at|@)?\s*(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.](?P<S>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\.?)?",
    re.I,
)
_ZONE = re.compile(
    r"^\s*(?:\(?\s*(?P<name>wib|wita|wit|utc|gmt)\b\s*(?P<off>[+-]\d{1,2}(?::?\d{2})?)?\)?"
    r"|(?P<num>[+-]\d{2}:?\d{2}))",
    re.I,
)


@lru_cache(maxsize=64)
def known_tz(spec: str) -> bool:
    """Whether ``parse_tz`` reads ``spec`` (a setting checked before any document meets it)."""
    try:
        parse_tz(spec)
    except Exception:
        return False
    return True


def parse_tz(spec: str | tzinfo | None) -> tzinfo:
    """A zone from ``"+07:00"``, ``"WIB"``, an IANA name such as ``"Asia/Jakarta"``, or a tzinfo."""
    if spec is None:
        return UTC
    if isinstance(spec, tzinfo):
        return spec
    s = spec.strip()
    if s.lower() in _ZONES:
        return timezone(timedelta(hours=_ZONES[s.lower()]))
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", s)
    if m:
        sign = -1 if m.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0)))
    return ZoneInfo(s)


def _offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) >= 3 else int(digits)
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    return sign * timedelta(hours=hours, minutes=minutes)


def _zone_after(rest: str) -> tzinfo | None:
    m = _ZONE.match(rest)
    if not m:
        return None
    if m.group("num"):
        return timezone(_offset(m.group("num")))
    base = timedelta(hours=_ZONES[m.group("name").lower()])
    if m.group("off"):
        base += _offset(m.group("off"))
    return timezone(base)


def parse_date(text: str | None, default_tz: str | tzinfo | None = "+07:00") -> datetime | None:
    """The first date in ``text`` as an aware UTC datetime, or ``None`` when there is none.

    A time and a zone printed right after the date are used ("18 Jun 2025, 14:05 WIB"); a date
    with no zone is read in ``default_tz`` (WIB by default, the zone of most Indonesian sites).
    A date with no time is midnight in that zone.
    """
    if not text:
        return None
    s = text.replace("\xa0", " ")
    fallback = parse_tz(default_tz)
    candidates = []
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _NUMERIC):
        m = pattern.search(s)
        if m:
            candidates.append((m.start(), pattern, m))
    # The date printed first wins ("Diperbarui 18 Jun 2025" before a later "Dibuat ..." date).
    for _, pattern, m in sorted(candidates, key=lambda c: c[0]):
        parsed = _build(pattern, m, s, fallback)
        if parsed is not None:
            return parsed
    return None


def _build(pattern: re.Pattern, m: re.Match, s: str, fallback: tzinfo) -> datetime | None:
    g = m.groupdict()
    month = _MONTHS[g["mon"].lower()] if g.get("mon") else int(g["m"])
    year, day = int(g["y"]), int(g["d"])
    if not 1900 <= year <= 2200:
        return None
    hour = minute = second = 0
    zone: tzinfo | None = None
    rest = s[m.end() :]
    if pattern is _ISO and g.get("H") is not None:
        hour, minute, second = int(g["H"]), int(g["M"]), int(g["S"] or 0)
        if g.get("z"):
            zone = UTC if g["z"].upper() == "Z" else timezone(_offset(g["z"]))
    else:
        t = _TIME.match(rest)
        if t:
            hour, minute, second = int(t["H"]), int(t["M"]), int(t["S"] or 0)
            ampm = (t["ampm"] or "").lower().replace(".", "")
            if ampm == "pm" and hour < 12:
                hour += 12
            elif ampm == "am" and hour == 12:
                hour = 0
            rest = rest[t.end() :]
    if zone is None:
        zone = _zone_after(rest) or fallback
    try:
        local = datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(UTC)
