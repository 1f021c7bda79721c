"""Finding direct quotations in a paragraph.

Used by the engine's quote guard (skip hits inside quotations unless a rule
opts in) and by the ``quotation`` rule kind. A quotation opens with one of
``“ « „ " ‘`` and closes with its partner; machine translation mixes straight
and curly double quotes, so either closes the other. A quotation still open at the end
of its paragraph runs to that end: in English, a quotation that goes on into
the next paragraph does not close the first one. A right single quote
followed by a letter is an apostrophe (Iraq’s), not a closing mark. A mark
followed (after spaces) by punctuation or the end of the paragraph opens
nothing: it is a closing mark turned the wrong way ("the last minute “, the
executive"), as machine translation prints them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.text.spans import Span

PAIRS = {"“": '”"', "«": "»", "„": "“”", '"': '"”', "‘": "’"}
_MARK_RE = re.compile("[" + "".join(sorted(set(PAIRS) | set("".join(PAIRS.values())))) + "]")


def find_quotations(text: str, paragraph: Span) -> Iterator[Span]:
    """Spans of the quotations in ``paragraph``, quote marks included."""
    opened_at = -1
    closers = ""
    for mark in _MARK_RE.finditer(text, paragraph.start, paragraph.end):
        position, char = mark.start(), mark.group()
        if opened_at < 0:
            if char in PAIRS and _can_open(text, position, paragraph):
                opened_at, closers = position, PAIRS[char]
        elif char in closers and _can_close(text, position, paragraph):
            yield Span(opened_at, position + 1)
            opened_at = -1
    if opened_at >= 0:
        yield Span(opened_at, paragraph.end)


_NOTHING_OPENED = ",.;:!?)"
_SPACES = " \u00a0\u202f\t"


def _can_open(text: str, position: int, paragraph: Span) -> bool:
    following = position + 1
    while following < paragraph.end and text[following] in _SPACES:
        following += 1
    if following >= paragraph.end or text[following] in _NOTHING_OPENED:
        return False
    if text[position] != "‘":
        return True
    return position == paragraph.start or not text[position - 1].isalnum()


def _can_close(text: str, position: int, paragraph: Span) -> bool:
    if text[position] != "’":
        return True
    return position + 1 >= paragraph.end or not text[position + 1].isalpha()
