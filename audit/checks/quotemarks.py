"""quotemarks: flag a double quotation mark turned the wrong way for its place.

Machine translation keeps French quotation habits and loses track of which
mark opens and which closes: `I hate it, “says the actor`, `in ” First
line “ on the file`, `entitled” Me`. Each paragraph is read as one
quotation state: the double marks (“ ” „ « » and, with ``straight``, ")
alternate, whatever their shape, between opening a quotation and closing
it; a curly mark or guillemet whose shape says the opposite of its turn is
flagged. Straight quotes have no shape and are never flagged, but take
their turn.

A paragraph may close a quotation that an earlier paragraph opened (in
English a quotation that runs on over paragraphs is not closed before the
paragraph break): a first mark that is glued to the word before it and
followed by a space, punctuation or the end of the paragraph closes that
quotation, and the paragraph's own quotations start after it. Outside a
quotation, a » with spaces on both sides is a separator ("Home » World"),
not a quotation mark, and is left alone.

Fields:

- ``straight`` (bool, default true): straight double quotes take their
  turn in the state.
- ``unless_before`` / ``unless_after`` (regex): context before or after
  the mark that excuses it, as in the ``pattern`` kind (a mark that another
  rule reports from its surroundings, say); the mark still takes its turn.

Placeholders in ``message``: ``{match}``, ``{suggestion}``, ``{suggestions}``,
``{role}`` (``opens`` or ``closes``: what the mark does here), ``{mark}``
(the mark its place calls for).

Example::

    - id: quote-mark-turned
      kind: quotemarks
      message: "This mark {role} a quotation: write '{mark}'."
      severity: minor
      category: locale-convention/quote-marks
      skip_quotes: false
      examples:
        flag: ["“We will never give up, “said the minister.", "He called it ” unfair “ on Monday."]
        pass: ["“We will never give up,” said the minister.", "Home » World » Europe"]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.pattern import context_regex, excused
from audit.rulebook.fields import Regex
from audit.rulebook.kind import Hit
from audit.text.document import Document
from audit.text.spans import Span

KIND = "quotemarks"
FIELDS = {"straight": bool, "unless_before": Regex, "unless_after": Regex}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"straight": True, "unless_before": None, "unless_after": None}
PLACEHOLDERS = frozenset({"role", "mark"})

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'
SPACES = " \u00a0\u202f\t"
_CURLY_RE = re.compile(f"[{OPENING}{CLOSING}]")
_MARK_RE = re.compile(f"[{OPENING}{CLOSING}{STRAIGHT}]")
_PARTNER = {"“": "”", "„": "“", "«": "»", "”": "“", "»": "«"}


@dataclass(frozen=True)
class QuoteMarksCheck:
    straight: bool
    unless_before: regex.Pattern[str] | None
    unless_after: regex.Pattern[str] | None

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        pattern = _MARK_RE if self.straight else _CURLY_RE
        text = doc.text
        for paragraph in doc.paragraphs:
            if _CURLY_RE.search(text, paragraph.start, paragraph.end):
                for hit in _turned(text, paragraph, pattern):
                    if not excused(text, hit.start, hit.end, self.unless_before, self.unless_after):
                        yield hit


def _turned(text: str, paragraph: Span, pattern: re.Pattern[str]) -> Iterator[Hit]:
    """The marks of ``paragraph`` whose shape says the opposite of their turn."""
    inside = False
    for index, found in enumerate(pattern.finditer(text, paragraph.start, paragraph.end)):
        position, mark = found.start(), found.group()
        if not inside and _separator(text, position, paragraph):
            continue
        if index == 0 and _closes_an_earlier_quotation(text, position, paragraph):
            continue
        wrong = mark in (OPENING if inside else CLOSING)
        if wrong:
            role = "closes" if inside else "opens"
            right = _PARTNER[mark]
            yield Hit(position, position + 1, (right,), {"role": role, "mark": right})
        inside = not inside


def _neighbours(text: str, position: int, paragraph: Span) -> tuple[str, str]:
    """The characters before and after ``position``, a space beyond the paragraph's ends."""
    before = text[position - 1] if position > paragraph.start else " "
    after = text[position + 1] if position + 1 < paragraph.end else " "
    return before, after


def _separator(text: str, position: int, paragraph: Span) -> bool:
    before, after = _neighbours(text, position, paragraph)
    return text[position] == "»" and before in SPACES and after in SPACES


def _closes_an_earlier_quotation(text: str, position: int, paragraph: Span) -> bool:
    """Whether a paragraph's first mark, not an opening shape, is glued to the word before
    it and followed by a space, punctuation or the end."""
    before, after = _neighbours(text, position, paragraph)
    glued = before not in SPACES and (after in SPACES or not after.isalnum())
    return glued and text[position] not in OPENING


def compile(options: dict[str, Any]) -> QuoteMarksCheck:
    return QuoteMarksCheck(
        straight=options["straight"],
        unless_before=context_regex(options["unless_before"], "unless_before", False, True),
        unless_after=context_regex(options["unless_after"], "unless_after", False, False),
    )
