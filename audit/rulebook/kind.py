"""What a rule kind is: the contract between the rulebook, the kinds and the engine.

A kind is a module (``audit.checks`` lists them) with a docstring that
documents its fields with a YAML example, ``KIND`` (its name), ``FIELDS``
(name -> type: ``str``, ``bool``, ``int``, ``float``, ``dict``, ``Regex``,
``File``, ``[str]`` or a tuple of allowed values), ``REQUIRED``,
``DEFAULTS``, ``PLACEHOLDERS`` (the message placeholders it adds) and
``compile(options) -> Check``. The rulebook validates a rule's fields
against ``FIELDS`` and calls ``compile`` once; a kind raises ``FieldError``
from ``compile`` to point at the option that is wrong, and the rulebook
adds the file and line. The compiled check's ``check(doc, context)`` yields
``Hit`` values: where, the suggestions and the values for the message's
placeholders. The engine turns hits into findings.

The rulebook knows kinds only through this contract: whoever loads packs
passes the registry of kinds (``audit.engine.packs`` passes
``audit.checks.KINDS``). While it compiles a shipped pack, ``SHIPPED`` is
true: a kind may then trust the pack's regexes (``audit.checks.base``).
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Protocol

from audit.errors import RulebookError, did_you_mean
from audit.text.document import Document

COMMON_PLACEHOLDERS = frozenset({"match", "suggestion", "suggestions"})
SHIPPED: ContextVar[bool] = ContextVar("shipped", default=False)
"""True while the rulebook compiles the rules of a shipped pack (not a user's pack, nor a
user's rule that changes a shipped one)."""


@contextmanager
def compiling(shipped: bool) -> Iterator[None]:
    """``SHIPPED`` is ``shipped`` while the rules inside are compiled."""
    token = SHIPPED.set(shipped)
    try:
        yield
    finally:
        SHIPPED.reset(token)


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
    in which the check can hit (``audit.matching.loosen``); the engine then
    skips the check on texts its screen rules out. Or ``anchors``: the token
    sequences every hit of the check is made of, by anchor word (``Anchors``);
    the engine then runs the check only on texts where one occurs, and passes
    where they occur as ``context["found"]`` (what ``occurrences`` gives)."""

    def check(self, doc: Document, context: dict[str, Any]) -> Iterable[Hit]: ...


Anchors = Mapping[str, Sequence[tuple[int, tuple[str, ...]]]]
"""Anchor word -> the token sequences looked up by it: (the anchor's position in the
sequence, the sequence's lower-cased tokens)."""


def occurrences(doc: Document, anchors: Anchors) -> list[tuple[str, int, int]]:
    """Where the token sequences of ``anchors`` occur in ``doc``'s lower-cased tokens:
    (anchor word, number of the sequence under that word, position of its first token),
    word by word, each word's by sequence then position."""
    return AnchorTable(anchors).find(doc)


class AnchorTable:
    """``Anchors`` arranged for look-up: under each anchor word, its sequences grouped by
    shape (the anchor's offset in the sequence, the sequence's length), so that each
    occurrence of the word costs one slice of the text and one dictionary look-up per shape,
    however many sequences share it."""

    def __init__(self, anchors: Anchors) -> None:
        self.shapes: dict[str, tuple[tuple[int, int, dict[tuple[str, ...], list[int]]], ...]] = {}
        for word, sequences in anchors.items():
            by_shape: dict[tuple[int, int], dict[tuple[str, ...], list[int]]] = {}
            for number, (offset, key) in enumerate(sequences):
                by_shape.setdefault((offset, len(key)), {}).setdefault(key, []).append(number)
            self.shapes[word] = tuple((o, n, keys) for (o, n), keys in by_shape.items())

    def find(self, doc: Document) -> list[tuple[str, int, int]]:
        """What ``occurrences`` gives, for these anchors."""
        index, texts = doc.token_index, doc.token_texts
        found: list[tuple[str, int, int]] = []
        for word in index.keys() & self.shapes.keys():
            hits = [
                (number, start)
                for position in index[word]
                for offset, length, keys in self.shapes[word]
                if (start := position - offset) >= 0
                for number in keys.get(texts[start : start + length], ())
            ]
            hits.sort()
            found.extend((word, number, start) for number, start in hits)
        return found


class FieldError(Exception):
    """A rule option is wrong; ``path`` names it (``pattern``, ``entries``, ``Bagdad``)."""

    def __init__(self, path: tuple[str, ...], problem: str) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem


class Kind(Protocol):
    """A rule kind module, as the rulebook uses it."""

    KIND: str
    FIELDS: Mapping[str, Any]
    REQUIRED: tuple[str, ...]
    DEFAULTS: Mapping[str, Any]
    PLACEHOLDERS: frozenset[str]

    def compile(self, options: dict[str, Any]) -> Check: ...


Kinds = Mapping[str, Kind]


def lookup(kinds: Kinds, name: str, place: str) -> Kind:
    """The kind called ``name``; an unknown kind is a RulebookError at ``place``."""
    try:
        return kinds[name]
    except KeyError:
        known = ", ".join(sorted(kinds))
        raise RulebookError(
            place, f"unknown kind '{name}'{did_you_mean(name, kinds)} (known kinds: {known})"
        ) from None


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
