"""Repair mojibake already in a text (UTF-8 that was read as Latin-1 or Windows-1252 before it
reached saring: "AtlÃ©tico", "â€œ") with ftfy, set to change nothing else: quotes, ligatures,
full-width letters, entities, line breaks and Unicode normal forms stay as the source wrote them.
"""

from __future__ import annotations

import re
from functools import cache

MOJIBAKE_REPAIRED = "mojibake repaired"

# A character that starts a UTF-8 sequence, read as Latin-1 or Windows-1252 ("Ã", "â"), before
# one that continues it ("©", "€", "\x80"), or a C1 control: a text without one holds none of
# the mojibake looked for, and ftfy (about 6 times as slow as this test) is not run on it.
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]|[\u0080-\u009f]"
)


@cache
def _config():
    from ftfy import TextFixerConfig

    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
    )


def repair(text: str | None) -> tuple[str | None, bool]:
    """``text`` with its mojibake repaired (ftfy's encoding fixes only), and whether it changed."""
    if not text or text.isascii() or not _SUSPECT.search(text):
        return text, False
    import ftfy

    fixed = ftfy.fix_text(text, _config())
    return fixed, fixed != text


def noted(encoding: str | None) -> str:
    """The ``encoding`` column's value with the repair said: ``utf-8 (mojibake repaired)``."""
    return f"{encoding} ({MOJIBAKE_REPAIRED})" if encoding else MOJIBAKE_REPAIRED
