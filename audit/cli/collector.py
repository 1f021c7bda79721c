"""The garbage collector paused while start-up builds what a run keeps, then frozen.

Start-up builds a few hundred thousand objects that live for the whole run:
modules, compiled rule packs, langdetect's n-gram table, Punkt. Python's
cyclic garbage collector would scan them again and again while they are
being made, which costs about a tenth of a one-article run. So the console
script (``audit.cli.launch``) calls ``pause`` before importing anything, and
``settle`` (called once the first article is checked, when all of that is
loaded) moves those objects out of the collector's sight with ``gc.freeze``
and turns it back on for the rest of the run. Worker processes of ``--jobs``
do the same around their first batch. The library API never changes the
collector: ``settle`` does nothing unless ``pause`` was called.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until ``settle`` (in the command, and in each of its worker
    processes until it has checked its first batch)."""
    global _paused
    gc.disable()
    _paused = True


def settle() -> None:
    """Freeze what start-up built and turn the collector back on (once, and only after
    ``pause``)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
