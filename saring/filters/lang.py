"""Language identification: the language of a clean text and the model's confidence in it.

A thin wrapper around py3langid (langid.py's naive Bayes model over byte n-grams, 140
languages, shipped inside the PyPI package, so nothing is downloaded). It does not decide what
to keep; ``saring.filters`` does. Chosen by measurement over lingua and CLD2 (docs/benchmarks.md,
issue 4): on whole Indonesian and Malay articles all three are accurate enough; py3langid gives
a usable probability, installs as pure Python, and runs above 1,000 articles/s on one core.
"""

from __future__ import annotations

import contextlib
import lzma
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

# Identify on the start of a long text: an article's language does not change half way, and
# the model's cost grows with length. Measured: with the first 1,500, 2,000 or 4,000 characters
# the labels of all 3,463 IndoSum articles and the 200 Malay texts are the same as with whole
# texts; 1,000 characters loses one IndoSum article.
MAX_CHARS = 2000


@lru_cache(maxsize=1)
def _model():
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    unpacked = _unpacked(packed)
    if unpacked is None:
        model = LanguageIdentifier.from_model_file(packed, norm_probs=True)
    else:
        ptc, pc, classes, nextmove, row, output = _read_unpacked(unpacked)
        model = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    # the model's weights come as float16; each text's rows of them were made float32 to be
    # summed (0.39 of 1.3 ms a text). Made float32 once here: the same sums, bit for bit (the
    # scores of 1,500 crawl texts compared), for 57 MB more
    model.nb_ptc = np.asarray(model.nb_ptc, dtype=np.float32)
    return model


def _unpacked(packed: Path) -> Path | None:
    """The model file decompressed once into the user's cache folder (68 MB; unpacking the
    4.6 MB .xz took 0.6 to 1.8 s of every process that identifies a language), or None where
    the cache cannot be written; then py3langid reads its own file as before."""
    st = packed.stat()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "saring"
    path = base / f"py3langid-{st.st_size}-{st.st_mtime_ns}.npz"
    if path.exists():
        return path
    tmp = None
    try:
        base.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=base, suffix=".partial")
        with os.fdopen(fd, "wb") as out, lzma.open(packed) as src:
            shutil.copyfileobj(src, out, length=1 << 20)
        os.replace(tmp, path)  # whole or absent: another process may be unpacking it too
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return None
    return path


def _read_unpacked(path: Path):
    """py3langid's ``modelio.load_model`` on the unpacked file (same arrays, same types)."""
    import numpy as np
    from py3langid.modelio import _to_array

    with np.load(path, allow_pickle=False) as data:
        return (
            np.asarray(data["ptc"]),
            np.asarray(data["pc"]),
            data["classes"].tolist(),
            _to_array(data["nextmove"]),
            _to_array(data["nextmove_row"]),
            data["out_feat"].tolist(),
        )


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
