"""The screen with Hyperscan: every loose copy in one database, one scan per text.

``HyperscanScreen`` answers what ``audit.matching.screen.Screen`` answers,
which rules may match a text, from one Hyperscan scan instead of RE2 sets.
An RE2 set builds its DFA state by state as new text comes in, and on a
stream of articles that building is most of its cost; Hyperscan compiles
its automata ahead of time. Compiling them takes about a second, so the
database is kept in the cache of ``audit.store``, keyed by the copies, and
later runs load it in milliseconds.

The copies are RE2 regexes, and Hyperscan's Unicode tables and case
folding are not RE2's. So ``explicit`` rewrites a copy into a regex of the
same shape in which every character class, literal and dot is spelled out
as the set of characters RE2 matches there (with the copy's case
folding), taken among ``audit.matching.screen.SAFE_CHARS``: the screen
only judges texts made of those, where the rewritten copy matches exactly
where the RE2 copy does, and Hyperscan needs neither its Unicode
properties nor its case folding. A bounded repeat longer than
``LONG_REPEAT`` loses its upper bound and the database is compiled in
Hyperscan's prefilter mode, which may loosen a copy further: both only
widen what a copy matches. A copy Hyperscan refuses makes its rule always
run.

``hyperscan`` is optional (the ``hyperscan`` extra); ``available`` tells
whether it is installed.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
from collections.abc import Iterable, Sequence
from functools import cache, cached_property
from typing import Any

from audit import store
from audit.matching.screen import SAFE_CHARS, Screen

LONG_REPEAT = 8
# A class no safe character is in: a character that no text the screen judges holds.
NOTHING = r"\x{3000}"
_FLAGS_RE = re.compile(r"\(\?([is]+)\)")
_SCOPED_RE = re.compile(r"\(\?([is]*)(?:-([is]+))?:")
_ITEM = r"\\(?:x\{[0-9a-fA-F]+\}|[pP](?:\{[^}]*\}|\w)|.)"
_ESCAPE_RE = re.compile(_ITEM, re.DOTALL)
_CLASS_RE = re.compile(rf"\[\^?(?:{_ITEM}|[^\]\\])+\]", re.DOTALL)
_REPEAT_RE = re.compile(r"\{(\d*)(,?)(\d*)\}")
_ANCHORS = (r"\A", r"\z")


class Unsupported(ValueError):
    """RE2 syntax ``explicit`` does not rewrite."""


def available() -> bool:
    """Whether the ``hyperscan`` package is installed."""
    return importlib.util.find_spec("hyperscan") is not None


@cache
def _safe_chars() -> str:
    """Every character of ``SAFE_CHARS``, in order."""
    found: list[str] = []
    for match in re.finditer(r"(.)-(.)|(.)", SAFE_CHARS, re.DOTALL):
        if match.group(3):
            found.append(match.group(3))
        else:
            found.extend(map(chr, range(ord(match.group(1)), ord(match.group(2)) + 1)))
    return "".join(found)


@cache
def _members(item: str, caseless: bool) -> frozenset[str]:
    """The safe characters the one-character RE2 regex ``item`` matches."""
    import re2

    found = re2.findall(("(?i)" if caseless else "") + item, _safe_chars())
    if any(len(char) != 1 for char in found):
        raise Unsupported(item)
    return frozenset(found)


def _spelled(chars: frozenset[str]) -> str:
    """A class of exactly ``chars``, as runs of code points."""
    if not chars:
        return NOTHING
    codes = sorted(map(ord, chars))
    runs: list[list[int]] = [[codes[0], codes[0]]]
    for code in codes[1:]:
        if code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "[" + "".join(_run(first, last) for first, last in runs) + "]"


def _run(first: int, last: int) -> str:
    return rf"\x{{{first:x}}}" if first == last else rf"\x{{{first:x}}}-\x{{{last:x}}}"


def explicit(source: str) -> str:
    """``source`` (an RE2 loose copy) with its characters spelled out for Hyperscan."""
    return _Rewriter(source).rewritten()


class _Rewriter:
    """One pass over an RE2 copy, keeping the case folding and dot flags of each group."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.index = 0
        self.out: list[str] = []
        self.flags = (False, False)  # case folding, dot matches a line break
        self.outer: list[tuple[bool, bool]] = []

    def rewritten(self) -> str:
        while self.index < len(self.source):
            self.step(self.source[self.index])
        if self.outer:
            raise Unsupported("unclosed group")
        return "".join(self.out)

    def step(self, char: str) -> None:
        if char == "(":
            self.group()
        elif char == ")":
            if not self.outer:
                raise Unsupported("unopened group")
            self.flags = self.outer.pop()
            self.take(1, ")")
        elif char in "|*+?":
            self.take(1, char)
        elif char == "{":
            self.repeat()
        elif char == "[":
            found = _CLASS_RE.match(self.source, self.index)
            if found is None:
                raise Unsupported("class")
            self.take(found.end() - self.index, self.spelled(found.group()))
        elif char == ".":
            self.take(1, self.spelled("(?s:.)" if self.flags[1] else "."))
        elif char == "\\":
            self.escape()
        elif char in "^$":
            raise Unsupported("anchor")
        else:
            self.take(1, self.spelled(rf"\x{{{ord(char):x}}}"))

    def take(self, length: int, written: str) -> None:
        self.index += length
        self.out.append(written)

    def spelled(self, item: str) -> str:
        return _spelled(_members(item, self.flags[0]))

    def group(self) -> None:
        source, index = self.source, self.index
        flags = _FLAGS_RE.match(source, index)
        if flags:
            self.flags = _set(self.flags, flags.group(1), "")
            self.index = flags.end()
            return
        self.outer.append(self.flags)
        scoped = _SCOPED_RE.match(source, index)
        if scoped:
            self.flags = _set(self.flags, scoped.group(1), scoped.group(2) or "")
            self.take(scoped.end() - index, "(?:")
        elif source.startswith("(?", index):
            raise Unsupported(source[index : index + 4])
        else:
            self.take(1, "(?:")

    def repeat(self) -> None:
        found = _REPEAT_RE.match(self.source, self.index)
        if found is None:
            raise Unsupported("brace")
        low, _, high = found.groups()
        long = bool(high) and int(high) > LONG_REPEAT
        self.take(found.end() - self.index, f"{{{low or 0},}}" if long else found.group())

    def escape(self) -> None:
        found = _ESCAPE_RE.match(self.source, self.index)
        if found is None:
            raise Unsupported("escape")
        item = found.group()
        self.take(len(item), item if item in _ANCHORS else self.spelled(item))


def _set(flags: tuple[bool, bool], on: str, off: str) -> tuple[bool, bool]:
    caseless, dotall = flags
    return (
        (caseless or "i" in on) and "i" not in off,
        (dotall or "s" in on) and "s" not in off,
    )


class HyperscanScreen:
    """A Hyperscan database of the copies ``sources`` (None: a rule that always runs);
    ``possible`` as in ``audit.matching.screen.Screen``."""

    def __init__(self, sources: Sequence[str | None]) -> None:
        self.sources = tuple(sources)

    @cached_property
    def _database(self) -> tuple[frozenset[int], Any, Any]:
        """The positions of the rules that always run, the database and its scratch."""
        import hyperscan

        always, serialised = store.cached(
            "hyperscan", [hyperscan.__version__, list(self.sources)], self._compiled, _no_files
        )
        database = _loaded(hyperscan, serialised)
        if database is None and serialised is not None:
            # Built for another machine: the cache folder is shared between them.
            always, serialised = self._compiled()
            database = _loaded(hyperscan, serialised)
        if database is None:
            return always, None, None
        return always, database, hyperscan.Scratch(database)

    def _compiled(self) -> tuple[frozenset[int], bytes | None]:
        """The rules that always run and the serialised database of the other copies."""
        import hyperscan

        patterns: dict[int, bytes] = {}
        for position, source in enumerate(self.sources):
            if source is not None:
                with contextlib.suppress(Unsupported):
                    patterns[position] = explicit(source).encode()
        compiled = _compile(hyperscan, patterns)
        if compiled is None:
            patterns = {p: one for p, one in patterns.items() if _compile(hyperscan, {p: one})}
            compiled = _compile(hyperscan, patterns)
        always = frozenset(range(len(self.sources))) - patterns.keys()
        return always, None if compiled is None else hyperscan.dumpb(compiled)

    judges = staticmethod(Screen.judges)

    @property
    def built(self) -> bool:
        """Whether the database is loaded (the first text screened loads or compiles it)."""
        return "_database" in vars(self)

    def possible(self, text: str) -> set[int] | None:
        """Positions of the rules that may match ``text`` (every rule without a copy, and
        those whose copy matches), or None when the screen cannot judge ``text``."""
        always, database, scratch = self._database
        if database is None or not Screen.judges(text):
            return None
        found: list[int] = []
        database.scan(text.encode(), match_event_handler=_collect, context=found, scratch=scratch)
        return {*always, *found}


def _compile(hyperscan: Any, patterns: dict[int, bytes]) -> Any:
    """A database of ``patterns`` (rule position -> pattern), or None when Hyperscan
    refuses one of them."""
    if not patterns:
        return None
    flag = (
        hyperscan.HS_FLAG_UTF8
        | hyperscan.HS_FLAG_SINGLEMATCH
        | hyperscan.HS_FLAG_ALLOWEMPTY
        | hyperscan.HS_FLAG_PREFILTER
    )
    database = hyperscan.Database()
    try:
        database.compile(
            expressions=list(patterns.values()),
            ids=list(patterns),
            elements=len(patterns),
            flags=[flag] * len(patterns),
        )
    except hyperscan.error:
        return None
    return database


def _loaded(hyperscan: Any, serialised: bytes | None) -> Any:
    """The database ``serialised`` holds, or None when there is none or it does not load."""
    if serialised is None:
        return None
    try:
        return hyperscan.loadb(serialised, hyperscan.HS_MODE_BLOCK)
    except hyperscan.error:
        return None


def _collect(position: int, start: int, end: int, flags: int, found: list[int]) -> None:
    found.append(position)


def _no_files(_: object) -> Iterable[str]:
    """The database is built from the copies alone, which its cache key holds."""
    return ()
