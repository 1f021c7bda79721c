"""The ``audit`` console script: the CLI, started with the garbage collector paused.

``main`` pauses the collector (``audit.cli.collector``) before it imports
the command, and settles it when the command ends. A command stopped by a
signal (exit code 128 + N) ends at once, once its output is flushed: the
interpreter's exit would wait for, or trip over, the process pool's
threads and the workers the signal ended.
"""

from __future__ import annotations

import os
import sys

from audit.cli.collector import pause, settle

SIGNALLED = 128


def main() -> int:
    """Entry point of the ``audit`` command."""
    pause()
    from audit.cli.app import main as run_cli

    try:
        code = run_cli()
    finally:
        settle()
    if code > SIGNALLED:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        os._exit(code)
    return code
