"""``python -m saring`` and the ``saring`` command: ``saring.cli.main``, with Ctrl-C, SIGTERM
and SIGHUP ending saring at once, with the run's line and status, until it has begun work."""

import os
import signal
import sys

INTERRUPTED = "saring: interrupted; no output was written"  # saring.interrupt.INTERRUPTED


def _exit_now(signum, _frame):
    """Before any work (imports, options, settings), a stop signal ends saring at once: nothing
    is there to tidy up, and a KeyboardInterrupt could be lost in the imports' callbacks."""
    os.write(2, f"{INTERRUPTED}\n".encode())
    os._exit(128 + signum)


_exit_now.early = True  # saring.interrupt hands the signals over once work begins


def entry() -> int:
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_now)
    from saring.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(entry())
