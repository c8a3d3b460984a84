"""saring: turn raw crawled news pages into a clean, deduplicated corpus.

The command line is ``saring`` (see ``saring.cli``); the pipeline is ``saring.pipeline.run``.
"""

__version__ = "0.1.0"
