"""The ``audit`` console script: the CLI, started with the garbage collector paused.

``main`` pauses the collector (``audit.cli.collector``) before it imports
the command, and settles it when the command ends.
"""

from __future__ import annotations

from audit.cli.collector import pause, settle


def main() -> int:
    """Entry point of the ``audit`` command."""
    pause()
    from audit.cli.app import main as run_cli

    try:
        return run_cli()
    finally:
        settle()
