"""Writing a report: to standard output, through to a device or a pipe, or atomically to a file.

A report file is written to a temporary file beside it and renamed into
place only when the whole report is written: a failed or interrupted run
(SIGINT, SIGTERM, SIGHUP: see ``audit.cli.exits``) never leaves a partial
report or a temporary file behind, and an existing report is replaced
whole. The report gets the mode of the file it replaces, or the one the
umask gives a new file. What is at the path is never destroyed by mistake:

- ``-``, a character device (``/dev/null``, a terminal), a named pipe, a
  socket and the paths of ``/dev`` and ``/proc`` (``/dev/stdout``,
  ``/dev/fd/3``) are written through, as a shell's ``>`` would;
- a symbolic link to a file is followed: its target is replaced, the link
  stays;
- a directory, a block device or a link to nothing is refused;
- so is a path the run reads (``Inputs``): an article, a file a directory
  input would yield, the ``--jsonl``, ``--baseline`` or configuration file.

Every write goes through ``ReportStream``, which turns a failed write (a
full disk) into an ``OutputError`` naming the output.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from audit.errors import OutputError

WRITE_THROUGH_ROOTS = ("/dev/", "/proc/")
STDOUT = "<stdout>"


@dataclass(frozen=True)
class Inputs:
    """What a run reads: files, and directories walked for files matching ``globs``."""

    files: tuple[Path, ...] = ()
    directories: tuple[Path, ...] = ()
    globs: tuple[str, ...] = ()

    def holds(self, path: Path) -> bool:
        """Whether writing ``path`` would overwrite something the run reads."""
        resolved = path.resolve()
        if any(_same(resolved, source) for source in self.files):
            return True
        return any(_would_walk(resolved, directory, self.globs) for directory in self.directories)


def _same(resolved: Path, source: Path) -> bool:
    with contextlib.suppress(OSError):
        if resolved.exists() and source.exists():
            return os.path.samefile(resolved, source)
    return resolved == source.resolve()


def _would_walk(resolved: Path, directory: Path, globs: Iterable[str]) -> bool:
    root = directory.resolve()
    if root not in resolved.parents:
        return False
    hidden = any(part.startswith(".") for part in resolved.relative_to(root).parts)
    return not hidden and any(fnmatch.fnmatch(resolved.name, glob) for glob in globs)


class ReportStream:
    """A text stream whose failed writes are ``OutputError``s naming ``place``."""

    def __init__(self, stream: TextIO, place: str) -> None:
        self.stream = stream
        self.place = place

    def write(self, text: str) -> None:
        try:
            self.stream.write(text)
        except OSError as bad:
            raise self._failed(bad) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as bad:
            raise self._failed(bad) from None

    def _failed(self, bad: OSError) -> OutputError:
        if not isinstance(bad, BrokenPipeError):
            return OutputError(self.place, f"cannot write: {bad.strerror or bad}")
        with contextlib.suppress(OSError, ValueError):  # so that the exit's flush cannot fail
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())
        return OutputError(self.place, "closed before the report was written (broken pipe)")


def check_output(option: str, path: Path | None, inputs: Inputs) -> None:
    """Refuse an output path that the run reads."""
    if path is None or str(path) == "-" or _writes_through(path):
        return
    if inputs.holds(path):
        raise OutputError(
            f"{option} {path}", "is also an input of this run: it would be overwritten"
        )


@contextmanager
def open_output(path: Path | None, option: str = "--output") -> Iterator[ReportStream]:
    """Yield the report's stream: stdout for None or '-', the device or pipe itself, or a
    temporary file renamed over ``path`` at the end."""
    if path is None or str(path) == "-":
        if sys.stdout is None:
            raise OutputError(STDOUT, "closed: this process has no standard output")
        stream = ReportStream(sys.stdout, STDOUT)
        yield stream
        stream.flush()
        return
    place = f"{option} {path}"
    if _writes_through(path):
        with _through(path, place) as stream:
            yield stream
        return
    target = _target(path, place)
    with _atomic(target, place) as stream:
        yield stream


def _writes_through(path: Path) -> bool:
    """A device, a pipe or a socket (after links), or a path of /dev or /proc."""
    if str(path.absolute()).startswith(WRITE_THROUGH_ROOTS):
        return True
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


@contextmanager
def _through(path: Path, place: str) -> Iterator[ReportStream]:
    try:
        handle = path.open("w", encoding="utf-8", newline="")
    except OSError as bad:
        raise OutputError(place, f"cannot write: {bad.strerror}") from None
    stream = ReportStream(handle, place)
    try:
        yield stream
        stream.flush()
    finally:
        with contextlib.suppress(OSError):
            handle.close()


def _target(path: Path, place: str) -> Path:
    """The regular file to replace: ``path``, or the file its links lead to."""
    if path.is_symlink() and not path.exists():
        raise OutputError(place, "is a symbolic link to nothing")
    target = path.resolve() if path.is_symlink() else path
    if target.is_dir():
        raise OutputError(place, "is a directory")
    if target.exists() and not target.is_file():
        raise OutputError(place, "is not a regular file (a device or other special file)")
    return target


@contextmanager
def _atomic(target: Path, place: str) -> Iterator[ReportStream]:
    try:
        descriptor, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as bad:
        raise OutputError(place, f"cannot write here: {bad.strerror}") from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            stream = ReportStream(handle, place)
            yield stream
            stream.flush()
            _copy_mode(target, handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _copy_mode(target: Path, descriptor: int) -> None:
    """Give the new file the mode (and owner) of the file it replaces, else the umask's."""
    try:
        status = target.stat()
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(descriptor, 0o666 & ~umask)
        return
    os.fchmod(descriptor, stat.S_IMODE(status.st_mode))
    with contextlib.suppress(OSError):
        os.fchown(descriptor, status.st_uid, status.st_gid)
