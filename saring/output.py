"""Write a run's outputs so that an interrupted run never leaves an OUT that looks complete.

Everything is written into a hidden sibling folder (``.OUT.partial-<pid>-<random>``) that is
renamed onto OUT only after the last file is closed and synced; an earlier output is first moved
aside (``.OUT.old-<pid>-<random>``) and removed after. A killed run leaves only hidden folders:
the next run removes them, and puts the earlier output back where a kill between the two
renames left OUT missing. Does not decide what the files contain.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
from pathlib import Path


def fault(point: str) -> None:
    """Kill this process at ``point`` when ``SARING_FAULT`` names it: the crash tests' hook
    (tests/test_store.py, tests/test_pipeline.py). Does nothing otherwise."""
    if os.environ.get("SARING_FAULT") == point:
        os.kill(os.getpid(), signal.SIGKILL)


class OutputError(Exception):
    """OUT cannot be used (it holds something that is not a saring output)."""


# what a run or an export writes into OUT: an earlier output holding anything else (a store
# kept inside it, a user's notes) is not replaced, since replacing it would delete that too
OUTPUT_FILES = frozenset({"documents.parquet", "stories.parquet", "stats.json", "report.html"})


def _is_saring_output(path: Path) -> bool:
    stats = path / "stats.json"
    try:
        written = "saring" in json.loads(stats.read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return False
    return written and all(e.name in OUTPUT_FILES for e in path.iterdir())


def _store_holding(path: Path) -> Path | None:
    """The store that ``path`` is, or whose ``runs/`` folder it lies in: a folder with
    ``runs/`` and a ``manifest.json`` that lists runs. Both the path as written and as its
    links resolve are walked (a store's ``runs/`` may be a link to another disk)."""
    for way in dict.fromkeys((Path(os.path.abspath(path)), Path(os.path.realpath(path)))):
        for folder in (way, *way.parents):
            if folder != way and way.relative_to(folder).parts[0] != "runs":
                continue  # beside a store's runs (an export under the store): not the store's
            try:
                data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(data, dict) and "runs" in data and (folder / "runs").is_dir():
                return folder
    return None


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (one we may not signal counts as alive)."""
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
        store = _store_holding(self.out)
        if store is not None:  # replacing a run's folder would break the store
            itself = store in (self.out, Path(os.path.realpath(self.out)))
            where = "is a store" if itself else f"is inside the store {store}"
            raise OutputError(f"{self.out}: {where}; -o/--out must be a folder of its own")
        if self.out.exists():
            if not self.out.is_dir():
                raise OutputError(f"{self.out}: exists and is not a folder")
            if any(self.out.iterdir()) and not _is_saring_output(self.out):
                raise OutputError(
                    f"{self.out}: folder is not empty and is not an earlier saring output "
                    f"(which holds only {', '.join(sorted(OUTPUT_FILES))}); choose another "
                    "-o/--out"
                )
        parent = self.out.parent
        if parent.exists() and not parent.is_dir():
            raise OutputError(f"{parent}: is a file, not a folder")
        try:
            parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:  # a file on the way (FileExistsError), a read-only file system...
            raise OutputError(f"{parent}: cannot make the folder ({e.strerror})") from None
        if not os.access(parent, os.W_OK):
            raise OutputError(f"{parent}: cannot write here (permission denied)")

    def _dead(self, kind: str) -> list[Path]:
        """Hidden ``kind`` folders (``partial``, ``old``) beside OUT of runs no longer alive,
        oldest first (a name without a process id is an older saring's: not alive)."""
        prefix = f".{self.out.name}.{kind}-"
        found = []
        for p in self.out.parent.glob(prefix + "*"):
            head = p.name[len(prefix) :].split("-", 1)[0]
            if head.isdigit() and "-" in p.name[len(prefix) :] and pid_alive(int(head)):
                continue
            found.append(p)
        return sorted(found, key=lambda p: p.stat().st_mtime_ns)

    def _remove_stale(self) -> None:
        """What killed runs left: staging folders, and earlier outputs moved aside. Where a
        kill came between the two renames OUT is missing: the latest earlier output goes
        back."""
        for p in self._dead("partial"):
            shutil.rmtree(p, ignore_errors=True)
        old = self._dead("old")
        if old and not self.out.exists():
            old.pop().rename(self.out)
        for p in old:
            shutil.rmtree(p, ignore_errors=True)

    def __enter__(self) -> Path:
        self._remove_stale()
        self.check()
        tag = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.staging = self.out.parent / f".{self.out.name}.partial-{tag}"
        try:
            self.staging.mkdir()
        except OSError as e:  # a folder that refuses new entries (/proc) although writable
            raise OutputError(f"{self.out.parent}: cannot write here ({e.strerror})") from None
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
            tag = f"{os.getpid()}-{secrets.token_hex(4)}"
            old = self.out.parent / f".{self.out.name}.old-{tag}"
            self.out.rename(old)
            fault("output_moved_aside")
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
