"""A screen: one pass of RE2 over an article says which rules may match it.

Most rules match nothing in most articles, yet each regex has to scan the
whole article to find that out. ``Screen`` puts a loose copy of every
pattern and sentence rule's regex (``audit.matching.loosen``: it matches at least
what the rule matches) into RE2 sets, DFAs that match many patterns in one
pass, and runs them once per article; a rule whose copy does not match is
skipped, because its own regex cannot match either.

RE2's Unicode tables are older than the ``regex`` module's, and its case
folding differs on a few letters (Turkish dotted and dotless I). So the
screen only judges texts whose characters are all in ``SAFE_CHARS`` (ASCII,
Latin-1, Latin Extended-A but for I with a dot and i without, the assigned
general punctuation, currency signs), where ``tests/test_screen.py``
checks, character by character, that the copies' classes agree with
``regex``; any other text runs every rule. An RE2 set that runs out of
memory reports nothing: an always-matching pattern in each set tells that
apart from "no rule may match". ``re2`` is imported when the first text is
screened.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any

SAFE_CHARS = "\x00-\u012f\u0132-\u017f\u2000-\u2064\u2066-\u206f\u20a0-\u20c0"
_UNSAFE_RE = re.compile(f"[^{SAFE_CHARS}]")
MAX_MEMORY = 64 << 20
GROUP_SIZE = 8


def loose_copy(source: str, ignore_case: bool, whole_text: bool = True) -> str | None:
    """``audit.matching.loosen.loosen``, imported when a pack is compiled rather than when every run
    starts (packs usually come from the cache)."""
    from audit.matching.loosen import loosen

    return loosen(source, ignore_case, whole_text)


class Screen:
    """RE2 sets of loose copies of some rules' regexes, run once per text.

    ``sources[i]`` is rule i's loose copy, or None for a rule that always
    runs. ``possible(text)`` gives the positions of the rules that may match
    ``text``, or None when every rule must run. The copies go into sets of
    ``GROUP_SIZE``: RE2 builds a set's DFA as it reads, one state per
    combination of copies under way, and on new text a few small sets meet
    far fewer new combinations than one set of them all. On the benchmark's
    articles, sets of eight take 0.4 ms per article; one set of all 44
    copies takes 1.6 ms over the first 300 articles and 0.6 ms over the
    first 1,000."""

    def __init__(self, sources: Sequence[str | None]) -> None:
        self.sources = tuple(sources)

    @cached_property
    def _sets(self) -> tuple[frozenset[int], tuple[_Group, ...]]:
        """The positions of the rules that always run (no copy, or one RE2 refuses), and the
        sets of the other copies."""
        import re2

        always = {position for position, source in enumerate(self.sources) if source is None}
        sets: list[_Group] = []
        for position, source in enumerate(self.sources):
            if source is None:
                continue
            if not sets or len(sets[-1].positions) == GROUP_SIZE:
                sets.append(_Group(re2))
            if not sets[-1].add(source, position):
                always.add(position)
        for group in sets:
            group.compile()
        return frozenset(always), tuple(group for group in sets if group.positions)

    @property
    def built(self) -> bool:
        """Whether the sets are compiled (the first text screened compiles them)."""
        return "_sets" in vars(self)

    @staticmethod
    def judges(text: str) -> bool:
        """Whether the screen can judge ``text``: all its characters are ``SAFE_CHARS``."""
        return _UNSAFE_RE.search(text) is None

    def possible(self, text: str) -> set[int] | None:
        """Positions of the rules that may match ``text``: every rule without a copy and
        those whose copy matches; None when the screen cannot judge ``text``."""
        always, sets = self._sets
        if not sets or not self.judges(text):
            return None
        data = text.encode()
        found = set(always)
        for group in sets:
            found.update(group.matching(data))
        return found


class _Group:
    """One RE2 set and the positions of the rules whose copies it holds; ``matching`` gives
    the positions of those whose copy matches, all of them when the set fails (out of
    memory), which an always-matching first pattern tells apart from "none"."""

    def __init__(self, re2: Any) -> None:
        self.re2 = re2
        self.set = re2.Set.SearchSet(_options(re2))
        self.set.Add("")
        self.positions: list[int] = []

    def add(self, source: str, position: int) -> bool:
        """Add rule ``position``'s copy; False when RE2 refuses it."""
        try:
            self.set.Add(source)
        except self.re2.error:
            return False
        self.positions.append(position)
        return True

    def compile(self) -> None:
        self.set.Compile()

    def matching(self, data: bytes) -> Iterable[int]:
        found = self.set.Match(data)
        if 0 not in found:
            return self.positions
        return (self.positions[index - 1] for index in found if index)


def _options(re2: Any) -> Any:
    options = re2.Options()
    options.max_mem = MAX_MEMORY
    options.log_errors = False
    return options
