"""Required literals of a regex, so that a text that cannot match is never scanned.

``required_literals(source, ignore_case)`` returns a set of strings such that
every match of the regex contains at least one of them, or None when it
finds no such set (a regex of punctuation classes, say). A check then scans
a text only when one of its literals occurs in it: ``str.__contains__`` over
a few words costs microseconds where running a regex with a word
alternation over an article costs a tenth of a millisecond, and most rules
find nothing in most articles.

The literals are read off the parse tree of Python's own ``re`` parser.
Syntax that only the ``regex`` module knows is first made harmless: a
property or script class (``\\p{L}``, ``\\h``, ``\\X``) becomes "any
character" and a zero-width escape (``\\m``, ``\\G``, ``\\K``) is dropped,
which can only make the regex match more, so the literals stay required.
When the parser still refuses the regex, there is no prefilter. With
``ignore_case``, literals are case-folded and must be looked for in the
case-folded text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

try:  # the parser moved to re._parser in Python 3.11
    from re import _constants as constants
    from re import _parser as parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as constants  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

Literals = frozenset[str]
MAX_LITERALS = 64
MAX_CLASS_CHARS = 8

_ANY_CHAR_ESCAPES = "pPhHX"
_ZERO_WIDTH_ESCAPES = "mMGK"
_PROPERTY_RE = re.compile(r"\\[pP](?:\{[^}]*\}|\w)")


def required_literals(source: str, ignore_case: bool) -> Literals | None:
    """Strings of which every match of ``source`` contains one, or None (see the docstring)."""
    try:
        tree = parser.parse(_portable(source), re.IGNORECASE if ignore_case else 0)
    except (re.error, ValueError, TypeError, RecursionError, OverflowError):
        return None
    if tree.state.flags & re.IGNORECASE and not ignore_case:
        return None  # an inline (?i): the caller would look in the text as written
    found = _sequence(list(tree))
    if found is None or "" in found:
        return None
    return frozenset(s.casefold() for s in found) if ignore_case else found


def may_match(literals: Literals | None, text: str) -> bool:
    """Whether a regex with these ``literals`` can match ``text`` (case-folded when the
    literals are)."""
    return literals is None or any(literal in text for literal in literals)


def _portable(source: str) -> str:
    """``source`` with the escapes only ``regex`` knows replaced as the docstring says."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            escape = _PROPERTY_RE.match(source, index)
            letter = source[index + 1]
            if escape is not None or letter in _ANY_CHAR_ESCAPES:
                out.append(r"\w\W" if in_class else r"[\w\W]")
                index = escape.end() if escape is not None else index + 2
                continue
            if letter in _ZERO_WIDTH_ESCAPES and not in_class:
                index += 2
                continue
            out.append(source[index : index + 2])
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if source.startswith("^", index + 1):
                out.append("^")
                index += 1
            if source.startswith("]", index + 1):
                out.append(r"\]")
                index += 1
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _sequence(items: Sequence[tuple[Any, Any]]) -> Literals | None:
    """The best literal set of a sequence: runs of plain characters or any item's set."""
    candidates: list[Literals] = []
    run: list[str] = []
    for op, argument in items:
        if op is constants.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        found = _item(op, argument)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append(frozenset({"".join(run)}))
    return max(candidates, key=_selectivity, default=None)


def _selectivity(literals: Literals) -> tuple[int, int]:
    """Longer literals are rarer; fewer of them cost fewer searches."""
    return min(map(len, literals)), -len(literals)


def _item(op: Any, argument: Any) -> Literals | None:
    if op is constants.SUBPATTERN:
        _, add_flags, _, body = argument
        return None if add_flags & re.IGNORECASE else _sequence(list(body))
    if op is constants.ATOMIC_GROUP:
        return _sequence(list(argument))
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _, body = argument
        return _sequence(list(body)) if low >= 1 else None
    if op is constants.BRANCH:
        return _union(_sequence(list(branch)) for branch in argument[1])
    if op is constants.IN:
        return _class(argument)
    return None


def _union(sets: Iterable[Literals | None]) -> Literals | None:
    union: set[str] = set()
    for found in sets:
        if found is None:
            return None
        union |= found
        if len(union) > MAX_LITERALS:
            return None
    return frozenset(union)


def _class(members: Sequence[tuple[Any, Any]]) -> Literals | None:
    """The characters of a small class of plain characters and short ranges."""
    chars: set[str] = set()
    for op, argument in members:
        if op is constants.LITERAL:
            chars.add(chr(argument))
        elif op is constants.RANGE and argument[1] - argument[0] < MAX_CLASS_CHARS:
            chars.update(map(chr, range(argument[0], argument[1] + 1)))
        else:
            return None
        if len(chars) > MAX_CLASS_CHARS:
            return None
    return frozenset(chars) or None
