"""Required literals of a regex, so that text that cannot match is never scanned.

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

``line_slack(source)`` goes one step further: when no match can hold a line
break and lookaheads are bounded, only the lines that hold a literal need
scanning, each up to its end plus the widest lookahead. ``selective`` says
when that pays: for rare literals (words, quote marks), not for a letter or
a full stop that is on every line.
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
FUZZY_MATCHING = r"\{[^{}]*[eisd]\s*[<=>]"  # regex's fuzzy constraints, such as {e<=1}
_FUZZY_RE = re.compile(FUZZY_MATCHING)
_POSIX_CLASS_RE = re.compile(r"\[:\^?[A-Za-z]+:\]")
# Property classes without line breaks: letters, marks, numbers, punctuation, symbols,
# space separators and scripts (\p{Cc}, \p{White_Space}, \p{Any} ... may hold one).
_ONE_LINE_PROPERTY = re.compile(
    r"\{?(?:Is)?(?:L[ultmo&]?|M[nce]?|N[dlo]?|P[cdseifo]?|S[mcko]?|Zs|Letter|Alpha|Alphabetic"
    r"|Alnum|Word|Upper|Uppercase|Lower|Lowercase|Digit|Punct|Latin|Greek|Cyrillic|Arabic"
    r"|Hebrew|Han)\}?$",
    re.IGNORECASE,
)


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


def line_slack(source: str) -> int | None:
    """How far past its end a match may look (its widest lookahead), when no match of
    ``source`` can hold a line break and none is empty; else None.

    Such a regex finds, in the lines that hold one of its literals, exactly
    the matches it finds in the whole text, when each line is scanned up to
    its end plus the slack (lookbehinds and ``\\b`` see before the line)."""
    try:
        tree = parser.parse(_portable(source, within_lines=True), 0)
        low, _ = tree.getwidth()
    except (re.error, ValueError, TypeError, RecursionError, OverflowError):
        return None
    if tree.state.flags & re.DOTALL or low == 0 or _may_hold_newline(list(tree)):
        return None
    return _lookahead_width(list(tree))


def selective(literals: Literals | None) -> bool:
    """Whether ``literals`` are rare enough in prose for scanning only the lines holding them
    to pay: words of three letters or more, or marks such as quotes and ``%`` (a letter,
    a digit, white space, ``.`` or ``,`` is on nearly every line)."""
    return literals is not None and all(
        len(literal) >= 3 or not any(c.isalnum() or c.isspace() or c in ".," for c in literal)
        for literal in literals
    )


def may_match(literals: Literals | None, text: str) -> bool:
    """Whether a regex with these ``literals`` can match ``text`` (case-folded when the
    literals are)."""
    return literals is None or any(literal in text for literal in literals)


def _portable(source: str, within_lines: bool = False) -> str:
    """``source`` with the escapes only ``regex`` knows replaced as the docstring says.

    With ``within_lines``, a property class that never holds a line break
    (letters, digits, punctuation, ``\\h``) becomes a class without one, so that
    ``line_slack`` can tell whether a match may cross lines. Raises ValueError
    on syntax the ``re`` parser would misread (POSIX classes, fuzzy matching)."""
    if _POSIX_CLASS_RE.search(source) or _FUZZY_RE.search(source):
        raise ValueError("syntax only regex reads")
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            index = _escape(source, index, in_class, within_lines, out)
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


def _escape(source: str, index: int, in_class: bool, within_lines: bool, out: list[str]) -> int:
    """Copy or replace the escape at ``index``; returns where the rest begins."""
    escape = _PROPERTY_RE.match(source, index)
    letter = source[index + 1]
    end = escape.end() if escape is not None else index + 2
    if escape is None and letter not in _ANY_CHAR_ESCAPES:
        if letter not in _ZERO_WIDTH_ESCAPES or in_class:
            out.append(source[index:end])
        return end
    if letter == "X":
        out.append(r"\w\W" if in_class else r"[\w\W]+")
    elif within_lines and (
        letter == "h" or (letter == "p" and _ONE_LINE_PROPERTY.match(source, index + 2, end))
    ):
        out.append(r"\x01" if in_class else r"[^\n]")
    else:
        out.append(r"\w\W" if in_class else r"[\w\W]")
    return end


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
    """Longer literals are rarer, white space is everywhere; fewer literals cost fewer
    searches."""
    return min(0 if literal.isspace() else len(literal) for literal in literals), -len(literals)


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
        return union(_sequence(list(branch)) for branch in argument[1])
    if op is constants.IN:
        return _class(argument)
    return None


def union(sets: Iterable[Literals | None]) -> Literals | None:
    """The literals of an alternation: every branch's, or None when a branch has none (or
    when there are too many to search for)."""
    every: set[str] = set()
    for found in sets:
        if found is None:
            return None
        every |= found
        if len(every) > MAX_LITERALS:
            return None
    return frozenset(every)


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


_REPEATS = (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT)
_LOOKAROUNDS = (constants.ASSERT, constants.ASSERT_NOT)
_NEWLINE_CATEGORIES = (
    constants.CATEGORY_SPACE,
    constants.CATEGORY_NOT_WORD,
    constants.CATEGORY_NOT_DIGIT,
    constants.CATEGORY_LINEBREAK,
)
_CATEGORIES_WITHOUT_NEWLINE = (
    constants.CATEGORY_NOT_SPACE,
    constants.CATEGORY_WORD,
    constants.CATEGORY_DIGIT,
    constants.CATEGORY_NOT_LINEBREAK,
)


def _may_hold_newline(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether the matched part (lookarounds aside) of a parse tree may consume a ``\\n``."""
    return any(_item_may_hold_newline(op, argument) for op, argument in items)


def _item_may_hold_newline(op: Any, argument: Any) -> bool:
    if op in (constants.LITERAL, constants.NOT_LITERAL):
        return (argument == ord("\n")) == (op is constants.LITERAL)
    if op is constants.ANY:
        return False  # without DOTALL, which line_slack rules out
    if op is constants.IN:
        return _class_holds_newline(argument)
    if op in _LOOKAROUNDS or op in (constants.AT, constants.GROUPREF):
        return False  # zero-width, or a repeat of a group checked on its own
    if op is constants.SUBPATTERN:
        return _may_hold_newline(list(argument[-1]))
    if op is constants.ATOMIC_GROUP:
        return _may_hold_newline(list(argument))
    if op in _REPEATS:
        return _may_hold_newline(list(argument[2]))
    if op is constants.BRANCH:
        return any(_may_hold_newline(list(branch)) for branch in argument[1])
    return True  # anything else: assume it may


def _class_holds_newline(members: Sequence[tuple[Any, Any]]) -> bool:
    negated = bool(members) and members[0][0] is constants.NEGATE
    held = any(_member_holds_newline(op, argument) for op, argument in members[negated:])
    return held != negated


def _member_holds_newline(op: Any, argument: Any) -> bool:
    newline = ord("\n")
    if op is constants.LITERAL:
        return bool(argument == newline)
    if op is constants.RANGE:
        return bool(argument[0] <= newline <= argument[1])
    if op is constants.CATEGORY:
        return argument not in _CATEGORIES_WITHOUT_NEWLINE
    return True


def _lookahead_width(items: Sequence[tuple[Any, Any]]) -> int | None:
    """The widest lookahead anywhere in a parse tree (0 without one), None when unbounded."""
    widest = 0
    for op, argument in items:
        if op in _LOOKAROUNDS and argument[0] == 1:
            width = argument[1].getwidth()[1]
            if width >= constants.MAXREPEAT:
                return None
            widest = max(widest, width)
        for inner in _subtrees(op, argument):
            found = _lookahead_width(inner)
            if found is None:
                return None
            widest = max(widest, found)
    return widest


def _subtrees(op: Any, argument: Any) -> list[list[tuple[Any, Any]]]:
    if op in _LOOKAROUNDS:
        return [list(argument[1])]
    if op is constants.SUBPATTERN:
        return [list(argument[-1])]
    if op is constants.ATOMIC_GROUP:
        return [list(argument)]
    if op in _REPEATS:
        return [list(argument[2])]
    if op is constants.BRANCH:
        return [list(branch) for branch in argument[1]]
    if op is constants.GROUPREF_EXISTS:
        return [list(tree) for tree in argument[1:] if tree is not None]
    return []
