"""Language identification: the language of a clean text and the model's confidence in it.

A thin wrapper around py3langid (langid.py's naive Bayes model over byte n-grams, 140
languages, shipped inside the PyPI package, so nothing is downloaded). It does not decide what
to keep; ``saring.filters`` does. Chosen by measurement over lingua and CLD2 (docs/benchmarks.md,
issue 4): on whole Indonesian and Malay articles all three are accurate enough; py3langid gives
a usable probability, installs as pure Python, and runs above 1,000 articles/s on one core.
"""

from __future__ import annotations

from functools import lru_cache

# Identify on the start of a long text: an article's language does not change half way, and
# the model's cost grows with length. Measured: with the first 1,500, 2,000 or 4,000 characters
# the labels of all 3,463 IndoSum articles and the 200 Malay texts are the same as with whole
# texts; 1,000 characters loses one IndoSum article.
MAX_CHARS = 2000


@lru_cache(maxsize=1)
def _model():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str | None, max_chars: int = MAX_CHARS) -> tuple[str | None, float | None]:
    """``(ISO 639-1 code, probability)`` of ``text``'s language; ``(None, None)`` for no text.

    The probability is the model's posterior over its languages: close to 1 for an article,
    low for a few words (a headline of two words can score 0.1).
    """
    if not text or not text.strip():
        return None, None
    lang, prob = _model().classify(text[:max_chars])
    return lang, round(float(prob), 4)


def languages() -> frozenset[str]:
    """The codes the model knows, for checking what a user asks to keep."""
    return frozenset(_model().nb_classes)
