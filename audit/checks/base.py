"""What the rule kinds share beyond their contract (``audit.rulebook.kind``): user regexes,
and the sentences of a segment.

``compile_regex`` compiles a regex a rule author wrote, in ``regex``'s
syntax with ``^`` and ``$`` at line ends, and names the field when it is
wrong; ``ending_here`` turns a context regex into one searched backwards
from where a match starts. ``sentence_lengths`` splits one segment of a
bilingual file into sentences, for the kinds that compare source and
target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import regex

from audit.rulebook.kind import FieldError
from audit.text.bilingual.segments import Segment
from audit.text.document import Document
from audit.text.segment import split_sentences
from audit.text.spans import Span

REGEX_TIMEOUT_SECONDS = 2.0
SENTENCE_CACHE = 65536
_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?&|\(\?R\)|\(\?[+-]?\d")


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


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_lengths(text: str) -> tuple[int, ...]:
    """The length of each sentence of a one-paragraph text (a segment), split as the
    Document splits its paragraphs; remembered, as several kinds ask for the same segments."""
    if not text.strip():
        return ()
    return tuple(end - start for start, end in split_sentences(text, Span(0, len(text))))


def judged_lengths(doc: Document, ratio: float, min_chars: int) -> Iterator[tuple[Segment, float]]:
    """The segments of a bilingual ``doc`` whose source has ``min_chars`` characters or more
    and whose target is not empty, each with the target length its source leads one to
    expect: the source's length times the pair's ratio as the file shows it (or ``ratio``
    in a file too small to measure it). Nothing for a monolingual document."""
    if doc.segments is None:
        return
    measured = doc.segments.length_ratio(min_chars) or ratio
    for segment in doc.segments.segments:
        if len(segment.source) >= min_chars and segment.target.strip():
            yield segment, measured * len(segment.source)
