"""saring: turn raw crawled news pages into a clean, deduplicated corpus.

The command line is ``saring`` (see ``saring.cli``); the pipeline is ``saring.pipeline.run``.
"""

import os

__version__ = "0.1.0"

# Daft sends a request to its makers' servers on every import and every run, from a background
# thread (daft/scarf_telemetry.py). saring runs offline: a thread waiting on a name lookup that
# never answers has no place in a run. A user who sets the variable keeps their own choice.
os.environ.setdefault("DAFT_ANALYTICS_ENABLED", "0")
