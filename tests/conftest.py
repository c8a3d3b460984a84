"""Shared test helpers: where the shared data lives, and small builders for input files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from saring.config import RunConfig
from saring.filters import FilterConfig

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
SEEDS = SHARED / "seeds"
INDONEWS = SHARED / "data" / "indonews-crawl-2025-06"


def need_shared(path: Path) -> Path:
    """Skip the calling test, saying why, when a piece of ../shared is not on this machine."""
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared data beside the repository")
    return path


@pytest.fixture
def seed_texts() -> dict[str, str]:
    need_shared(SEEDS)
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


# For tests about other stages that use texts of a sentence or two: no quality rule applies
# (the minimum length alone would filter them). Language and signals are still measured.
NO_QUALITY = RunConfig(filters=FilterConfig(quality=replace(FilterConfig().quality, enabled=False)))
