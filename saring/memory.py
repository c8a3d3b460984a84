"""Memory the process has freed, given back to the operating system between phases.

Arrow's allocator (mimalloc) and glibc's malloc keep freed memory for reuse by themselves: the
words of a million leads, found as Arrow arrays and let go, stayed resident while NumPy and
Daft (other allocators) asked for more, so a run's peak was the sum of its phases' peaks
(``benchmarks/bench_memory.py``). Frees nothing that is in use; changes no result.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

import pyarrow as pa


def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc.malloc_trim
    except (OSError, AttributeError):  # another C library (musl has no malloc_trim)
        return None


_TRIM = _malloc_trim()


def give_back() -> None:
    """Hand the free memory of Arrow's pool and of malloc's heap back to the system."""
    pa.default_memory_pool().release_unused()
    if _TRIM is not None:
        _TRIM(0)
