"""Errors a user can cause: bad input, bad rule packs, bad configuration, bad options.

Every such error is an :class:`AuditError`. The CLI prints it as one line,
``error: PLACE: what is wrong``, and exits with status 2 (``ErrorList``: one
such line per error, for a rule pack with several). Anything else that
escapes is a bug in translation-audit, not in the user's input: the CLI
reports it as ``error: internal: ...`` with exit status 3.

Problems that do not stop a run (an unknown rule id in a suppression
marker, baseline entries that matched nothing, the cache turned off) are
``AuditWarning``s, raised through Python's ``warnings`` (``warn``): the
library never prints, and the CLI shows each once as ``warning: PLACE:
problem``.
"""

from __future__ import annotations

import difflib
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path


class AuditError(Exception):
    """A problem caused by the user's input, rules, configuration or options."""

    def __init__(self, place: str | None, problem: str) -> None:
        super().__init__(f"{place}: {problem}" if place else problem)
        self.place = place
        self.problem = problem

    def __reduce__(self) -> tuple[type[AuditError], tuple[str | None, str]]:
        return (type(self), (self.place, self.problem))


class InputError(AuditError):
    """An article could not be read: missing, unreadable, binary, badly encoded or empty."""


class RulebookError(AuditError):
    """A rule pack is invalid: YAML syntax, unknown field, wrong type, bad regex ..."""


class ConfigError(AuditError):
    """The configuration file (audit.yaml or [tool.audit]) is invalid."""


class UsageError(AuditError):
    """A command-line option has a value that cannot be used."""


class OutputError(AuditError):
    """A report cannot be written: a full disk, a closed pipe, a path that must not be used."""


class ErrorList(AuditError):
    """Several errors of one file, reported together (``errors``, at most ``LIMIT``)."""

    LIMIT = 20

    def __init__(self, errors: Sequence[AuditError], more: int = 0) -> None:
        every = [
            inner
            for error in errors
            for inner in (error.errors if isinstance(error, ErrorList) else (error,))
        ]
        self.errors = tuple(every[: self.LIMIT])
        self.more = more + max(0, len(every) - self.LIMIT)
        first = self.errors[0]
        super().__init__(first.place, first.problem)

    def lines(self) -> list[str]:
        """One ``PLACE: problem`` line per error, then how many more were not shown."""
        lines = [str(error) for error in self.errors]
        if self.more:
            lines.append(f"{self.errors[0].place or 'rules'}: {self.more} more errors not shown")
        return lines

    def __reduce__(self) -> tuple[type[ErrorList], tuple[tuple[AuditError, ...], int]]:  # type: ignore[override]
        return (type(self), (self.errors, self.more))


class RulebookErrors(ErrorList, RulebookError):
    """Several errors of one rule pack."""


class ConfigErrors(ErrorList, ConfigError):
    """Several errors of one configuration file."""


def raise_all(errors: Sequence[AuditError]) -> None:
    """Raise the one error, or an ``ErrorList`` of the first ``ErrorList.LIMIT`` (a
    ``RulebookErrors`` or ``ConfigErrors`` when the first is of that kind), if any."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        kind = next((kind for base, kind in _LISTS if isinstance(errors[0], base)), ErrorList)
        raise kind(errors)


_LISTS: tuple[tuple[type[AuditError], type[ErrorList]], ...] = (
    (RulebookError, RulebookErrors),
    (ConfigError, ConfigErrors),
)


class AuditWarning(UserWarning):
    """A problem that does not stop the run; shown once as ``warning: PLACE: problem``."""

    def __init__(self, place: str, problem: str) -> None:
        super().__init__(f"{place}: {problem}")
        self.place = place
        self.problem = problem


def warn(place: str, problem: str) -> None:
    """Report a problem that does not stop the run (see ``AuditWarning``)."""
    warnings.warn(AuditWarning(place, problem), stacklevel=2)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def read_bytes(path: Path, error: type[AuditError], place: str | None = None) -> bytes:
    """The bytes of a file the user named; a missing or unreadable file raises ``error``."""
    place = place or str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(place, "no such file or directory") from None
    except IsADirectoryError:
        raise error(place, "is a directory, not a file") from None
    except OSError as bad:
        raise error(place, f"cannot read: {bad.strerror}") from None
