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
import time
from functools import lru_cache
from pathlib import Path

# Identify on the start of a long text: an article's language does not change half way, and
# the model's cost grows with length. Measured: with the first 1,500, 2,000 or 4,000 characters
# the labels of all 3,463 IndoSum articles and the 200 Malay texts are the same as with whole
# texts; 1,000 characters loses one IndoSum article.
MAX_CHARS = 2000


@lru_cache(maxsize=1)
def _model():
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from saring.filters.langwalk import ArrayWalkIdentifier as LanguageIdentifier

    packed = MODEL_DIR / MODEL_FILE
    unpacked = _unpacked(packed)
    if unpacked is None:
        model = LanguageIdentifier.from_model_file(packed, norm_probs=True)
    else:
        ptc, pc, classes, nextmove, row, output = _read_unpacked(unpacked)
        model = LanguageIdentifier(ptc, pc, classes, nextmove, output, norm_probs=True, tk_row=row)
    model.nb_ptc = _float32_weights(model.nb_ptc, unpacked)
    return model


def _write_once(path: Path, write) -> bool:
    """``write(file)`` into ``path`` through a temporary file beside it, so that ``path`` is
    whole or absent (another process may be writing it too); False where it cannot be."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".partial")
        with os.fdopen(fd, "wb") as out:
            write(out)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
    return True


STALE_DAYS = 30  # cache entries of other py3langid installs unused this long are removed


def _unpacked(packed: Path) -> Path | None:
    """The model file decompressed once into the user's cache folder (68 MB; unpacking the
    4.6 MB .xz took 0.6 to 1.8 s of every process that identifies a language), or None where
    the cache cannot be written; then py3langid reads its own file as before. One entry per
    py3langid install (its file's size and time); an entry's time is set when it is used, and
    making a new one removes those unused for ``STALE_DAYS`` (each virtualenv or clone left
    behind would otherwise keep 125 MB there for ever)."""
    st = packed.stat()
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "saring"
    path = base / f"py3langid-{st.st_size}-{st.st_mtime_ns}.npz"
    if path.exists():
        with contextlib.suppress(OSError):
            os.utime(path)
        return path

    def unpack(out) -> None:
        with lzma.open(packed) as src:
            shutil.copyfileobj(src, out, length=1 << 20)

    if not _write_once(path, unpack):
        return None
    _remove_stale(base, keep=path.stem)
    return path


def _remove_stale(base: Path, keep: str) -> None:
    """Remove the cache's entries of other installs (the unpacked model and the float32 table
    beside it) whose unpacked model has not been used for ``STALE_DAYS``."""
    old = time.time() - STALE_DAYS * 86400
    for entry in base.glob("py3langid-*.npz"):
        with contextlib.suppress(OSError):
            if entry.stem != keep and entry.stat().st_mtime < old:
                entry.with_suffix(".ptc-float32.npy").unlink(missing_ok=True)
                entry.unlink()


def _float32_weights(ptc, unpacked: Path | None):
    """The model's weights as float32. They come as float16, and py3langid made each text's
    rows of them float32 to sum them (0.39 of 1.3 ms a text); made float32 once, the sums are
    the same bit for bit (11,774 texts compared). The cast of the whole table takes 0.2 s, so
    it is kept beside the unpacked model (57 MB) and read through a memory map, which the
    processes of a run share."""
    import numpy as np

    path = None if unpacked is None else unpacked.with_suffix(".ptc-float32.npy")
    if path is not None and path.exists():
        return np.load(path, mmap_mode="r")
    table = np.asarray(ptc, dtype=np.float32)
    if path is not None and _write_once(path, lambda out: np.save(out, table)):
        return np.load(path, mmap_mode="r")
    return table


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
