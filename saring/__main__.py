"""``python -m saring`` and the ``saring`` command: ``saring.cli.main``, with Ctrl-C, SIGTERM
and SIGHUP during its imports (half a second) ending in the same line and status as in a run."""

import sys

INTERRUPTED = "saring: interrupted; no output was written"  # saring.interrupt.INTERRUPTED


def entry() -> int:
    try:  # nothing imported before: a signal at any moment from here on is caught
        from saring import interrupt

        interrupt.until_supervised()
        from saring.cli import main

        return main()
    except KeyboardInterrupt as e:  # before main() took the signals in hand
        exec("pass")  # the interrupt was handled (see saring.interrupt.handled)
        print(INTERRUPTED, file=sys.stderr)
        return 128 + getattr(e, "signum", 2)


if __name__ == "__main__":
    raise SystemExit(entry())
