"""Lines one site prints on many of its pages (footers, slogans, recurring related headlines):
the per-document helpers of the corpus pass that finds and removes them, as CCNet does.

The pipeline counts, per site, in how many distinct texts each line occurs (``line_hashes`` gives
a document's lines as stable 64-bit hashes) and removes the lines above both thresholds of
``SiteRepeats`` from every text of that site (``strip_lines``). Counting distinct texts keeps a
re-crawled article from counting twice. The thresholds are high on purpose: a quote repeated
across a week of follow-up stories is content (on the shared crawl such lines reach 0.9% of a
site's texts; furniture the rule table does not know reaches most of them).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from saring.clean.repeats import fold
from saring.model import Removed

SITE_BOILERPLATE = "site_boilerplate"


@dataclass(frozen=True)
class SiteRepeats:
    """Per-site repeated lines.

    Parameters
    ----------
    enabled : run the corpus pass.
    min_texts : a line must occur in at least this many distinct texts of its site ...
    min_fraction : ... and in at least this share of them.
    """

    enabled: bool = True
    min_texts: int = 5
    min_fraction: float = 0.05


def line_hash(line: str) -> int:
    """A stable signed 64-bit hash of a line with case and white space folded."""
    digest = hashlib.blake2b(fold(line).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def line_hashes(text: str | None) -> list[int]:
    """The distinct lines of ``text`` as hashes (blank lines left out)."""
    if not text:
        return []
    return sorted({line_hash(line) for line in text.split("\n") if line.strip()})


def strip_lines(text: str, frequent: set[int] | frozenset[int]) -> tuple[str, list[Removed]]:
    """Remove the lines whose hash is in ``frequent``; keep the paragraph layout."""
    kept: list[str] = []
    removed: list[Removed] = []
    shown = 0  # non-blank lines kept so far
    for line in text.split("\n"):
        if line.strip() and line_hash(line) in frequent:
            removed.append(Removed(line.strip(), SITE_BOILERPLATE, shown))
        else:
            kept.append(line)
            shown += bool(line.strip())
    if not removed:
        return text, []
    out = "\n".join(kept)
    while "\n\n\n" in out:
        out = out.replace("\n\n\n", "\n\n")
    return out.strip("\n"), removed


def merge_removed(removed: list[dict], gone: list[Removed]) -> list[dict]:
    """Earlier removed pieces (``Removed.as_dict`` rows, ``at`` counted in the text before
    ``strip_lines``) and the lines it took (``gone``), as one list in page order with ``at``
    counted in the text after it."""
    cuts = [g.at + k for k, g in enumerate(gone)]  # each gone line's number before the cut
    keyed = []
    for r in removed:
        at = r.get("at")
        if at is None:
            keyed.append(((-1, 0), r))
        else:
            keyed.append(((at, 0), {**r, "at": at - sum(1 for c in cuts if c < at)}))
    keyed += [((c, 1), g.as_dict()) for c, g in zip(cuts, gone, strict=True)]
    keyed.sort(key=lambda kr: kr[0])  # a piece before line c, then line c itself
    return [r for _, r in keyed]
