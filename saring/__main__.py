"""``python -m saring`` and the ``saring`` command: ``saring.cli.main``, with Ctrl-C, SIGTERM
and SIGHUP during its imports (half a second) ending in the same line and status as in a run."""

import sys

from saring import interrupt


def entry() -> int:
    try:
        interrupt.until_supervised()
        from saring.cli import main

        return main()
    except KeyboardInterrupt as e:  # before main() took the signals in hand
        print(interrupt.INTERRUPTED, file=sys.stderr)
        return interrupt.status(e)


if __name__ == "__main__":
    raise SystemExit(entry())
