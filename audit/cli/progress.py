"""A progress indicator on standard error while many articles are checked.

Shown only on a terminal and never with ``--quiet``; it is transient (it
disappears when done) and never touches standard output, so reports piped
elsewhere stay clean. The article count is not known in advance
(directories are walked lazily), so it counts up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress(enabled: bool) -> Iterator[Callable[[], None]]:
    """Yield a function to call once per finished article."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=None)
        yield lambda: bar.advance(task)
