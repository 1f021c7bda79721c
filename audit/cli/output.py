"""Writing a report to standard output or, atomically, to a file.

A report file is written to a temporary file beside it and renamed into
place only when the whole report is written: a failed run never leaves a
partial or corrupt report behind, and an existing report is replaced whole.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from audit.errors import UsageError


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Yield the report's stream: stdout for None or '-', else a temp file renamed at the end."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    if path.is_dir():
        raise UsageError(f"--output {path}", "is a directory")
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as bad:
        raise UsageError(f"--output {path}", f"cannot write here: {bad.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
