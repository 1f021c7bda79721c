"""How a command ends: its exit code, its one-line errors and warnings, signals.

Exit codes (``ExitCode``), as ``audit --help`` and the README list them:

- 0: every article passed (or the command did what it was asked);
- 1: at least one article failed the gate (or a rule example failed);
- 2: a usage, input, configuration or output error, or a file of the run
  that could not be read;
- 3: an internal error, a bug in translation-audit: never a verdict;
- 128 + N: stopped by signal N (130 for Ctrl-C, 143 for SIGTERM).

``guarded`` runs a command and turns whatever escapes it into one of these:
an ``AuditError`` is printed as ``error: PLACE: problem``, anything else as
``error: internal: ...`` with a hint to rerun with ``--debug``, which prints
the traceback as well. SIGTERM and SIGHUP raise ``Interrupted`` in the main
thread, and so does SIGINT (rather than ``KeyboardInterrupt``, which typer
would turn into a silent exit), so that every ``with`` and ``finally`` on
the way out runs (a report's temporary file is removed).
Warnings (``audit.errors.AuditWarning``) are shown once each on standard
error, as ``warning: PLACE: problem``: this is the one place that shows
them.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import traceback
import warnings
from collections.abc import Callable, Iterator
from enum import IntEnum
from types import FrameType
from typing import Any

from audit.errors import AuditError, AuditWarning, ErrorList

DEBUG_FLAG = "--debug"
DEBUG_ENV = "AUDIT_DEBUG"
HANDLED_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class ExitCode(IntEnum):
    PASSED = 0
    GATE_FAILED = 1
    USAGE = 2
    INTERNAL = 3


EXIT_CODES_HELP = (
    "Exit codes: 0 every article passed; 1 an article failed the gate; 2 a usage, input, "
    "configuration or output error, or a file that could not be read; 3 an internal error "
    f"(rerun with {DEBUG_FLAG} for the traceback); 128+N stopped by signal N."
)


class Interrupted(BaseException):
    """The process was asked to stop by ``signal_number`` (SIGINT, SIGTERM, SIGHUP)."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number


def say(kind: str, message: str) -> None:
    """One line on standard error: ``error: ...`` or ``warning: ...``."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{kind}: {' '.join(message.split())}\n")
        sys.stderr.flush()


class Warnings:
    """Shows each ``AuditWarning`` once, as ``warning: PLACE: problem`` (other warnings as
    Python formats them)."""

    def __init__(self) -> None:
        self.shown: set[str] = set()

    def show(self, message: str) -> None:
        if message not in self.shown:
            self.shown.add(message)
            say("warning", message)

    def __call__(
        self, message: Warning | str, category: type[Warning], filename: str, lineno: int, *_: Any
    ) -> None:
        if issubclass(category, AuditWarning):
            self.show(str(message))
            return
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(warnings.formatwarning(message, category, filename, lineno))


WARNINGS = Warnings()


def split_debug(argv: list[str]) -> tuple[list[str], bool]:
    """``argv`` without ``--debug`` (before a ``--``), and whether it (or AUDIT_DEBUG=1) asks
    for tracebacks."""
    end = argv.index("--") if "--" in argv else len(argv)
    debug = DEBUG_FLAG in argv[:end] or os.environ.get(DEBUG_ENV, "") not in ("", "0")
    kept = [arg for arg in argv[:end] if arg != DEBUG_FLAG] + argv[end:]
    return kept, debug


def guarded(command: Callable[[list[str]], int], argv: list[str]) -> int:
    """Run ``command(argv)`` and return its exit code, whatever escapes it."""
    argv, debug = split_debug(argv)
    WARNINGS.shown.clear()  # once per command, also when commands run in one process
    with _signals_raise(), warnings.catch_warnings():
        warnings.simplefilter("always", AuditWarning)
        warnings.showwarning = WARNINGS
        try:
            code = command(argv)
            check_interrupted()
            return code
        except AuditError as error:
            _report(error)
            return ExitCode.USAGE
        except (KeyboardInterrupt, Interrupted) as stop:
            number = getattr(stop, "signal_number", signal.SIGINT)
            say("error", f"interrupted by {signal.Signals(number).name}")
            return 128 + number
        except Exception as bug:
            if debug:
                traceback.print_exc()
            say("error", f"internal: {_describe(bug)} (a bug in translation-audit; "
                f"rerun with {DEBUG_FLAG} for the traceback)")  # fmt: skip
            return ExitCode.INTERNAL


def _report(error: AuditError) -> None:
    lines = error.lines() if isinstance(error, ErrorList) else [str(error)]
    for line in lines:
        say("error", line)


def _describe(bug: BaseException) -> str:
    text = str(bug).strip()
    return f"{type(bug).__name__}: {text}" if text else type(bug).__name__


_received: list[int] = []


def check_interrupted() -> None:
    """Raise ``Interrupted`` if a signal came while its exception could not get through (the
    handler ran inside a finaliser, which swallows what it raises): called between articles."""
    if _received:
        raise Interrupted(_received[-1])


_deferring: list[bool] = []


@contextlib.contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold a signal's ``Interrupted`` until the block is done (starting a worker process:
    raised inside ``fork``'s hooks, it would be swallowed and printed)."""
    _deferring.append(True)
    try:
        yield
    finally:
        _deferring.pop()
    check_interrupted()


def _raise_interrupted(signal_number: int, frame: FrameType | None) -> None:
    _received.append(signal_number)
    if not _deferring:
        raise Interrupted(signal_number)


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise ``Interrupted`` while the command runs (main thread
    only)."""
    _received.clear()
    try:
        previous = {number: signal.signal(number, _raise_interrupted) for number in HANDLED_SIGNALS}
    except ValueError:  # not the main thread: leave signals alone
        previous = {}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
