"""What every rule kind shares: the Hit a check yields, field errors, user regexes.

A kind module compiles a rule's options once into an object with a
``check(doc, context)`` method that yields ``Hit`` values: where, the
suggestions and the values for the message's placeholders. The engine turns
hits into findings. Kind modules raise ``FieldError`` from ``compile`` to
point at the option that is wrong; the rulebook adds the file and line.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import regex

from audit.document import Document

REGEX_TIMEOUT_SECONDS = 2.0
COMMON_PLACEHOLDERS = frozenset({"match", "suggestion", "suggestions"})
_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?&|\(\?R\)|\(\?[+-]?\d")


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a check: a span, optional suggestions and message values."""

    start: int
    end: int
    suggestions: tuple[str, ...] | None = None
    values: Mapping[str, str] = field(default_factory=dict)
    message: str | None = None


class Check(Protocol):
    """A compiled rule: reads a Document, yields hits, changes nothing.

    A check may also carry a ``screen``: an RE2 regex that matches every text
    in which the check can hit (``audit.loosen``); the engine then
    skips the check on texts its screen rules out."""

    def check(self, doc: Document, context: dict[str, Any]) -> Iterable[Hit]: ...


class FieldError(Exception):
    """A rule option is wrong; ``path`` names it (``pattern``, ``entries``, ``Bagdad``)."""

    def __init__(self, path: tuple[str, ...], problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


def compile_regex(source: str, field_name: str, ignore_case: bool = False) -> regex.Pattern[str]:
    """Compile a user regex (``regex`` syntax, ``^``/``$`` at line ends); errors name the field."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(source, flags)
    except regex.error as bad:
        raise FieldError((field_name,), f"invalid regex: {bad}") from None


def ending_here(source: str) -> str:
    """A regex for "``source`` matches ending at the end of the searched range".

    It is searched backwards from that end (``regex``'s reverse flag), so only
    the last characters are tried instead of every position of the range. A
    source with back-references, which a backwards search would meet before
    their group, is searched forwards."""
    anchored = f"(?:{source})\\Z"
    return anchored if _BACKREFERENCE_RE.search(source) else f"(?r){anchored}"


def placeholder_problem(template: str, allowed: frozenset[str]) -> str | None:
    """Why ``template`` cannot be formatted with ``allowed`` placeholders, or None."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError as bad:
        return f"bad message template: {bad} (write {{{{ and }}}} for literal braces)"
    unknown = sorted(names - allowed)
    if unknown:
        known = ", ".join(f"{{{name}}}" for name in sorted(allowed))
        return f"unknown placeholder {{{unknown[0]}}} in message (known: {known})"
    return None
