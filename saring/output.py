"""Write a run's outputs so that an interrupted run never leaves an OUT that looks complete.

Everything is written into a hidden sibling folder (``.OUT.partial-<pid>-<random>``) that is
renamed onto OUT only after the last file is closed and synced. A killed run leaves only that
hidden folder, which the next run removes. Does not decide what the files contain.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from pathlib import Path


class OutputError(Exception):
    """OUT cannot be used (it holds something that is not a saring output)."""


def _is_saring_output(path: Path) -> bool:
    stats = path / "stats.json"
    try:
        return "saring" in json.loads(stats.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class AtomicOutputDir:
    """Context manager giving a staging folder that becomes ``out`` on success.

    ``out`` may be missing, an empty folder, or the output of an earlier saring run (which is
    replaced). Anything else is refused, so a typo cannot wipe a folder of other files.
    """

    def __init__(self, out: str | os.PathLike):
        self.out = Path(out).absolute()
        self.staging: Path | None = None

    def check(self) -> None:
        if self.out.exists():
            if not self.out.is_dir():
                raise OutputError(f"{self.out}: exists and is not a folder")
            if any(self.out.iterdir()) and not _is_saring_output(self.out):
                raise OutputError(
                    f"{self.out}: folder is not empty and is not an earlier saring output; "
                    "choose another -o/--out"
                )
        parent = self.out.parent
        if not parent.exists():
            parent.mkdir(parents=True, exist_ok=True)
        if not os.access(parent, os.W_OK):
            raise OutputError(f"{parent}: cannot write here (permission denied)")

    def _remove_stale(self) -> None:
        prefix = f".{self.out.name}.partial-"
        for p in self.out.parent.glob(prefix + "*"):
            try:
                pid = int(p.name[len(prefix) :].split("-", 1)[0])
            except ValueError:
                continue
            if not _pid_alive(pid):
                shutil.rmtree(p, ignore_errors=True)

    def __enter__(self) -> Path:
        self.check()
        self._remove_stale()
        tag = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.staging = self.out.parent / f".{self.out.name}.partial-{tag}"
        self.staging.mkdir()
        return self.staging

    def __exit__(self, exc_type, exc, tb) -> None:
        assert self.staging is not None
        if exc_type is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            return
        for f in self.staging.rglob("*"):
            if f.is_file():
                with open(f, "rb") as fh:
                    os.fsync(fh.fileno())
        old = None
        if self.out.exists():
            old = self.out.parent / f".{self.out.name}.old-{secrets.token_hex(4)}"
            self.out.rename(old)
        self.staging.rename(self.out)
        with contextlib.suppress(OSError):
            fd = os.open(self.out.parent, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def write_json(path: Path, data: dict) -> None:
    path.write_text(
        json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
