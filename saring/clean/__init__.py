"""Text cleaning: what extractors leave in, taken out, each piece with its reason.

``clean_page`` is the whole per-document cleaning step; the pieces are ``repeats`` (paragraphs a
page prints twice), ``rules`` (the furniture table) and ``textpage`` (the line classifier).
Lines one site repeats on many pages need the whole corpus and live in ``siterepeats``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from saring.clean.repeats import remove_repeated_paragraphs, tidy
from saring.clean.siterepeats import SiteRepeats
from saring.clean.textpage import Cleaned, TextCleaner

MODES = ("full", "rules", "none")


@dataclass(frozen=True)
class CleanConfig:
    """Cleaning settings.

    Parameters
    ----------
    text_mode : for pages that arrive as text: ``"full"`` (the content model finds the article,
        then furniture rules), ``"rules"`` (furniture rules only) or ``"none"``.
    html_mode : for the article the HTML path extracted: ``"full"`` (furniture rules, and the
        page's end after a byline or share buttons), ``"rules"`` or ``"none"``.
    classifier : the line classifier, its furniture table and its repeated-line length.
    site : the corpus pass that removes lines a site repeats on many pages.
    """

    text_mode: str = "full"
    html_mode: str = "full"
    classifier: TextCleaner = field(default_factory=TextCleaner)
    site: SiteRepeats = field(default_factory=SiteRepeats)


def clean_page(text: str, cfg: CleanConfig, *, html: bool, title: str | None = None) -> Cleaned:
    """Repeated paragraphs and furniture, and (mode "full") everything outside the article."""
    mode = cfg.html_mode if html else cfg.text_mode
    if mode == "none":
        text, removed = remove_repeated_paragraphs(tidy(text), cfg.classifier.repeat_min_chars)
        return Cleaned(text, title, removed)
    if mode == "rules":
        return cfg.classifier.rules_only(text)
    if html:
        return cfg.classifier.article(text, title=title)
    return cfg.classifier(text, title=title)
