"""The run report: ``report.html``, built from a run's outputs (``saring report OUT``)."""

from saring.report.page import build, interleave

__all__ = ["build", "interleave"]
