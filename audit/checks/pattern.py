"""pattern: flag every match of a regular expression.

The regex uses the syntax of Python's ``regex`` module, with ``^`` and ``$``
matching at line (paragraph) boundaries. ``unless_before`` and
``unless_after`` are regexes tested against the text right before and right
after a match; when either matches, the match is not flagged (so "conspired
to" can pass while "conspire both Iran" flags).

Fields:

- ``pattern`` (regex, required): what to flag.
- ``ignore_case`` (bool, default false).
- ``group`` (int, default 0): the capture group whose span is flagged; the
  rest of the match is context.
- ``unless_before`` (regex): suppress when the text before the match ends
  with a match of it (looked for in the 100 characters before, backwards
  from the match: ``checks.base.ending_here``).
- ``unless_after`` (regex): suppress when the text after the match starts
  with a match of it.
- ``name_group`` (int) and ``dictionary`` (file): as in the ``sentence``
  kind, a group whose word must be a name, absent from the word list of
  common words.

An article is scanned only when it holds one of the literals every match
must contain, and when no match can cross a line, only its lines that hold
one are (``audit.matching.prefilter``), and a loose copy of the regex goes into the
engine's one-pass screen of each article (``audit.matching.screen``): a rule costs
little where it cannot match.

Placeholders in ``message``: ``{match}``, ``{suggestion}``, ``{suggestions}``.

Example::

    - id: spliced-full-stop
      kind: pattern
      pattern: '\\w[.!?]\\s+\\.(?!\\.)'
      message: "A stray full stop follows the end of the sentence: '{match}'."
      severity: minor
      category: fluency/punctuation
      suggest: ["."]
      examples:
        flag: ["The talks ended on Friday. ."]
        pass: ["The talks ended on Friday...", "He waited. Then he left."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.base import BoundedPattern, compile_regex, ending_here
from audit.matching.prefilter import Literals, line_slack, may_match, required_literals, selective
from audit.matching.screen import loose_copy
from audit.rulebook import wordlists
from audit.rulebook.fields import File, Regex
from audit.rulebook.kind import FieldError, Hit
from audit.rulebook.wordlists import WordList
from audit.text.document import Document

KIND = "pattern"
FIELDS = {
    "pattern": Regex,
    "ignore_case": bool,
    "group": int,
    "unless_before": Regex,
    "unless_after": Regex,
    "name_group": int,
    "dictionary": File,
}
REQUIRED = ("pattern",)
DEFAULTS: dict[str, Any] = {
    "ignore_case": False,
    "group": 0,
    "unless_before": None,
    "unless_after": None,
    "name_group": None,
    "dictionary": None,
}
PLACEHOLDERS: frozenset[str] = frozenset()
LOOK_BEHIND = 100


@dataclass(frozen=True)
class PatternCheck:
    pattern: BoundedPattern
    group: int
    unless_before: BoundedPattern | None
    unless_after: BoundedPattern | None
    literals: Literals | None
    line_slack: int | None
    screen: str | None
    name_group: int | None = None
    dictionary: WordList | None = None

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        text = doc.text
        folded = bool(self.pattern.flags & regex.I)
        if not may_match(self.literals, doc.haystack(folded)):
            return
        for match in self._matches(doc, folded):
            if excused(text, match.start(), match.end(), self.unless_before, self.unless_after):
                continue
            if self.dictionary is not None and _common(match, self.name_group, self.dictionary):
                continue
            start, end = match.span(self.group)
            if start < end:
                yield Hit(start, end)

    def _matches(self, doc: Document, folded: bool) -> Iterator[regex.Match[str]]:
        """Every match in the text: scanning only the lines that hold a literal when no
        match can cross a line (see ``audit.matching.prefilter.line_slack``)."""
        text = doc.text
        if (
            self.literals is None
            or self.line_slack is None
            or (folded and len(doc.folded) != len(text))
        ):
            yield from self.pattern.finditer(text)
            return
        for line in doc.lines_holding(self.literals, folded):
            window_end = min(len(text), line.end + 1 + self.line_slack)
            for match in self.pattern.finditer(text, line.start, window_end):
                if match.start() >= line.end:
                    break
                yield match


def _common(match: regex.Match[str], group: int | None, dictionary: WordList) -> bool:
    """Whether the word of ``group`` is a common word rather than a name."""
    return (match.group(group or 0) or "").lower() in dictionary


def compile(options: dict[str, Any]) -> PatternCheck:
    ignore_case = options["ignore_case"]
    pattern = compile_regex(options["pattern"], "pattern", ignore_case)
    for field_name in ("group", "name_group"):
        number = options[field_name]
        if number is not None and not 0 <= number <= pattern.groups:
            raise FieldError((field_name,), f"the pattern has no group {number}")
    if (options["name_group"] is None) != (options["dictionary"] is None):
        raise FieldError(
            ("name_group",),
            "and 'dictionary' go together: a name is a word absent from the dictionary",
        )
    literals = required_literals(options["pattern"], ignore_case)
    return PatternCheck(
        pattern=pattern,
        group=options["group"],
        unless_before=context_regex(options["unless_before"], "unless_before", ignore_case, True),
        unless_after=context_regex(options["unless_after"], "unless_after", ignore_case, False),
        literals=literals,
        line_slack=line_slack(options["pattern"]) if selective(literals) else None,
        screen=loose_copy(options["pattern"], ignore_case),
        name_group=options["name_group"],
        dictionary=None
        if options["dictionary"] is None
        else wordlists.require(options["dictionary"], "dictionary"),
    )


def excused(
    text: str,
    start: int,
    end: int,
    before: BoundedPattern | None,
    after: BoundedPattern | None,
) -> bool:
    """Whether the context of ``text[start:end]`` matches an ``unless_before`` regex (compiled
    by ``context_regex``, looked for in the ``LOOK_BEHIND`` characters before) or an
    ``unless_after`` regex (right after)."""
    if before is not None and before.search(text, max(0, start - LOOK_BEHIND), start):
        return True
    return after is not None and after.match(text, end) is not None


def context_regex(
    source: str | None, field_name: str, ignore_case: bool, before: bool
) -> BoundedPattern | None:
    """Compile an ``unless_before`` (anchored at the match) or ``unless_after`` regex."""
    if source is None:
        return None
    if not before:
        return compile_regex(source, field_name, ignore_case)
    try:
        return compile_regex(ending_here(source), field_name, ignore_case)
    except FieldError:
        compile_regex(source, field_name, ignore_case)  # the error, in the user's own terms
        raise
