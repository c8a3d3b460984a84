"""Memory a phase freed is given back to the system before the next phase (saring.memory)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

_SCRIPT = """
import pyarrow as pa
from saring.memory import give_back

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024

# the words of many leads, found as an Arrow array and numbered, then let go
words = pa.array([str(i % 100000).encode() * 3 for i in range(3_000_000)], pa.large_binary())
coded = words.dictionary_encode()
both = pa.concat_arrays([words, words, words])
del words, coded, both
freed = rss_mb()
give_back()
print(freed, rss_mb())
"""


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_arrow_memory_let_go_leaves_the_process_when_given_back():
    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    freed, after = map(int, out.split())
    # some 300 MB of arrays: Arrow's pool keeps them resident once freed, until given back
    assert freed - after > 150, (freed, after)
