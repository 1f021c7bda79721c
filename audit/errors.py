"""Errors a user can cause: bad input, bad rule packs, bad configuration, bad options.

Every such error is an :class:`AuditError`. The CLI prints it as one line,
``error: PLACE: what is wrong``, and exits with status 2. Anything else that
escapes is a bug in translation-audit, not in the user's input.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
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
