"""Counts in messages, singular for one: ``counted(1, "document")`` is "1 document",
``counted(2, "story", "stories")`` "2 stories". English nouns only; no other wording."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` (with thousands separators) and ``noun``, in the plural unless ``n`` is 1."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
