"""What the rule kinds share beyond their contract (``audit.rulebook.kind``): user regexes,
and the sentences of a segment.

``compile_regex`` compiles a regex a rule author wrote, in ``regex``'s
syntax with ``^`` and ``$`` at line ends, and names the field when it is
wrong. Every such regex is bounded, whatever its kind and field:

- at validation, a pattern of more than ``MAX_PATTERN_CHARS`` characters, a
  counted repetition (``{n}``, ``{m,n}``) above ``MAX_REPEAT``, or nested
  counts that would unroll to more than ``MAX_UNROLLED`` copies are refused
  before ``regex`` compiles them (``regex`` unrolls counted repetitions:
  ``(?:ab){1000000000}`` would take tens of gigabytes);
- at match time, every call of a user pack's regex runs with the
  ``REGEX_TIMEOUT_SECONDS`` timeout: the compiled regex is a
  ``BoundedPattern``, whose methods are ``regex``'s with the timeout always
  set. A timeout raises ``RegexTimeout`` naming the field, which the engine
  reports at the rule. The regexes of the shipped packs (compiled while
  ``audit.rulebook.kind.SHIPPED`` is true) run without it: the test suite
  runs each of them on hostile texts (``tests/test_shipped_regexes.py``),
  and ``regex`` reads the clock on every call that has a timeout and again
  as it matches, which costs a tenth of an article's audit.

``ending_here`` turns a context regex into one searched backwards from where
a match starts. ``sentence_lengths`` splits one segment of a bilingual file
into sentences, for the kinds that compare source and target.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from audit.rulebook.kind import SHIPPED, FieldError
from audit.text.bilingual.segments import Segment
from audit.text.document import Document
from audit.text.segment import split_sentences
from audit.text.spans import Span

REGEX_TIMEOUT_SECONDS = 2.0
MAX_PATTERN_CHARS = 20_000
MAX_REPEAT = 10_000
MAX_UNROLLED = 100_000
SENTENCE_CACHE = 65536
_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?&|\(\?R\)|\(\?[+-]?\d")
_COUNT_RE = re.compile(r"\{(\d*)(?:,(\d*))?\}")
_ESCAPE_WITH_BRACES_RE = re.compile(r"\\[pPNx]\{[^}]*\}|\\.", re.DOTALL)


class RegexTimeout(TimeoutError):
    """A user regex ran past ``REGEX_TIMEOUT_SECONDS``; ``field`` names the rule's field."""

    def __init__(self, field: str) -> None:
        super().__init__(f"the regex of '{field}' ran past {REGEX_TIMEOUT_SECONDS:g} seconds")
        self.field = field


@dataclass(frozen=True)
class BoundedPattern:
    """A compiled rule regex whose every call has its ``timeout`` (``regex.Pattern``'s API;
    no timeout for the regexes of a shipped pack)."""

    pattern: regex.Pattern[str]
    field: str
    timeout: float | None = REGEX_TIMEOUT_SECONDS

    @property
    def flags(self) -> int:
        return self.pattern.flags

    @property
    def groups(self) -> int:
        return self.pattern.groups

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(self.pattern.search, text, args, kwargs)

    def match(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(self.pattern.match, text, args, kwargs)

    def fullmatch(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        return self._call(self.pattern.fullmatch, text, args, kwargs)

    def findall(self, text: str, *args: Any, **kwargs: Any) -> list[Any]:
        return self._call(self.pattern.findall, text, args, kwargs)

    def sub(self, replacement: Any, text: str, *args: Any, **kwargs: Any) -> str:
        kwargs["timeout"] = self.timeout
        try:
            return self.pattern.sub(replacement, text, *args, **kwargs)
        except TimeoutError:
            raise RegexTimeout(self.field) from None

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        kwargs["timeout"] = self.timeout
        try:
            yield from self.pattern.finditer(text, *args, **kwargs)
        except TimeoutError:
            raise RegexTimeout(self.field) from None

    def _call(self, method: Any, text: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        kwargs["timeout"] = self.timeout
        try:
            return method(text, *args, **kwargs)
        except TimeoutError:
            raise RegexTimeout(self.field) from None


def compile_regex(source: str, field_name: str, ignore_case: bool = False) -> BoundedPattern:
    """Compile a user regex (``regex`` syntax, ``^``/``$`` at line ends) within the bounds of
    the module's docstring; errors name the field."""
    problem = bounds_problem(source)
    if problem:
        raise FieldError((field_name,), problem)
    flags = regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    try:
        timeout = None if SHIPPED.get() else REGEX_TIMEOUT_SECONDS
        return BoundedPattern(regex.compile(source, flags), field_name, timeout)
    except regex.error as bad:
        raise FieldError((field_name,), f"invalid regex: {bad}") from None
    except (OverflowError, MemoryError, RecursionError):
        raise FieldError((field_name,), "regex too large to compile") from None


def bounds_problem(source: str) -> str | None:
    """Why ``source`` is beyond the bounds (size, counted repetitions), or None. A group's
    weight is the most copies any of its items unrolls to; a count multiplies it."""
    if len(source) > MAX_PATTERN_CHARS:
        return f"regex too long: {len(source)} characters (at most {MAX_PATTERN_CHARS})"
    plain = _ESCAPE_WITH_BRACES_RE.sub("e", source)
    weights = [1]
    position = 0
    while position < len(plain):
        char = plain[position]
        position = _class_end(plain, position) if char == "[" else position + 1
        if char == "(":
            weights.append(1)
            continue
        weight = weights.pop() if char == ")" and len(weights) > 1 else 1
        count = _COUNT_RE.match(plain, position)
        if count and (count.group(1) or count.group(2)):
            times = max(int(count.group(1) or 0), int(count.group(2) or 0))
            if times > MAX_REPEAT:
                return f"a repetition count of {times} is too large (at most {MAX_REPEAT})"
            weight *= times
            position = count.end()
        if weight > MAX_UNROLLED:
            return f"nested repetitions would unroll to {weight} copies (at most {MAX_UNROLLED})"
        weights[-1] = max(weights[-1], weight)
    return None


def _class_end(source: str, start: int) -> int:
    """The position after the character class opening at ``start`` (nested sets too; a
    ``]`` first in the class is a member)."""
    depth, position = 0, start
    while position < len(source):
        char = source[position]
        position += 1
        if char == "[":
            depth += 1
            if source.startswith("^", position):
                position += 1
            if source.startswith("]", position):
                position += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return position
    return position


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
