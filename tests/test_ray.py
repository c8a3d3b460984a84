"""The same Daft plan on a Ray cluster: a head on loopback and two worker nodes started here,
and the run's documents.parquet compared with the local runner's, row by row.

Needs the ``ray`` package (the ``dev`` extra); skips, saying so, without it.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import EXAMPLES, ROOT

KEYS = ("id", "status", "reason", "dup_of", "dup_cluster", "story_id", "text", "removed", "lang")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("ray", reason="ray (the dev extra) runs the Ray runner test")
    ray = Path(sys.executable).with_name("ray")
    port = _free_port()
    common = [
        "--node-ip-address=127.0.0.1",
        "--disable-usage-stats",
        "--object-store-memory=300000000",
    ]
    head = [ray, "start", "--head", f"--port={port}", "--num-cpus=0", "--include-dashboard=false"]
    try:
        subprocess.run([*head, *common], check=True, capture_output=True, timeout=120)
        for _ in range(2):  # two worker nodes; the head takes no task (no CPU)
            worker = [ray, "start", f"--address=127.0.0.1:{port}", "--num-cpus=1", *common]
            subprocess.run(worker, check=True, capture_output=True, timeout=120)
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([ray, "stop", "--force"], capture_output=True, timeout=120)


def _saring(*args: str) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "saring", "run", *args, "-q"]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_a_run_on_ray_gives_the_same_documents_as_the_local_runner(cluster, tmp_path):
    local = _saring(str(EXAMPLES), "-o", str(tmp_path / "local"))
    on_ray = _saring(
        str(EXAMPLES), "-o", str(tmp_path / "ray"), "--runner", "ray", "--address", cluster
    )
    assert local.returncode == 0, local.stderr
    assert on_ray.returncode == 0, on_ray.stderr
    a = pq.read_table(tmp_path / "local" / "documents.parquet", columns=list(KEYS)).to_pylist()
    b = pq.read_table(tmp_path / "ray" / "documents.parquet", columns=list(KEYS)).to_pylist()
    assert len(a) == len(b) == 16
    assert a == b  # ids, statuses, duplicate clusters, stories, texts
    assert {r["status"] for r in b} == {"kept", "duplicate", "failed"}
    stories = [pq.read_table(tmp_path / d / "stories.parquet") for d in ("local", "ray")]
    assert stories[0].equals(stories[1])
