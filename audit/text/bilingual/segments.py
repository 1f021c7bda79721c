"""Aligned segments: what a bilingual file holds, and the text its targets make.

A bilingual file is audited as one article whose text is its target
segments, one per line, in file order (a line break inside a target becomes
a space, so a segment is always one paragraph). Each ``Segment`` keeps its
id, its source, its target, the offsets of the target in that text, the
line of its unit in the file and its inline tags; the ``Alignment`` maps an
offset of the text back to its segment, which is how a finding of any rule
is given the id of the segment it is in.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

MIN_MEASURED = 20
_LINE_BREAK_RE = re.compile(r"\r\n|[\r\n\u2028\u2029\x85\x0b\x0c]")


@dataclass(frozen=True)
class Unit:
    """One translation unit as a file gives it, before it takes its place in the text."""

    id: str
    source: str
    target: str
    line: int | None = None
    source_tags: tuple[str, ...] = ()
    target_tags: tuple[str, ...] = ()
    reference: str | None = None


@dataclass(frozen=True)
class Segment:
    """A source segment, its translation, and where the translation is in the article text."""

    id: str
    source: str
    target: str
    start: int
    end: int
    line: int | None = None
    """The line of the unit in the bilingual file, when the format tells it."""
    source_tags: tuple[str, ...] = ()
    target_tags: tuple[str, ...] = ()
    """Inline tags (XLIFF ``<g>``, ``<x/>``, ``<pc>``, ``<ph/>`` ...) as ``name#id``."""
    reference: str | None = None
    """A reference translation of the segment (a third column of a TSV/CSV file)."""


@dataclass(frozen=True)
class Alignment:
    """The segments of one bilingual file, in order, with the file's languages."""

    format: str
    segments: tuple[Segment, ...]
    source_language: str | None = None
    target_language: str | None = None
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_units(
        cls,
        units: Iterable[Unit],
        format: str,
        source_language: str | None = None,
        target_language: str | None = None,
    ) -> Alignment:
        """The units laid out one target per line: each segment knows its offsets."""
        segments = []
        offset = 0
        for unit in units:
            target = one_line(unit.target)
            segments.append(
                Segment(
                    unit.id,
                    unit.source,
                    target,
                    offset,
                    offset + len(target),
                    unit.line,
                    unit.source_tags,
                    unit.target_tags,
                    unit.reference,
                )
            )
            offset += len(target) + 1
        starts = tuple(segment.start for segment in segments)
        languages = (language_code(source_language), language_code(target_language))
        return cls(format, tuple(segments), *languages, _starts=starts)

    @classmethod
    def from_pairs(cls, pairs: Iterable[tuple[str, str]], source_language: str | None) -> Alignment:
        """Segments numbered from 1, for rule examples and tests."""
        units = (Unit(str(n), source, target) for n, (source, target) in enumerate(pairs, 1))
        return cls.from_units(units, "pairs", source_language)

    @cached_property
    def text(self) -> str:
        """The article text: the target segments, one per line."""
        return "\n".join(segment.target for segment in self.segments)

    def at(self, offset: int) -> Segment | None:
        """The segment whose target holds ``offset`` (its end included); None between them."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        segment = self.segments[index]
        return segment if offset <= segment.end else None

    def __len__(self) -> int:
        return len(self.segments)

    def length_ratio(self, min_chars: int, min_segments: int = MIN_MEASURED) -> float | None:
        """The median of target length / source length over the segments whose source has
        ``min_chars`` characters or more and whose target is not empty: the ratio of the
        language pair as this file shows it. None when fewer than ``min_segments`` count."""
        ratios = [
            len(segment.target) / len(segment.source)
            for segment in self.segments
            if len(segment.source) >= min_chars and segment.target.strip()
        ]
        return statistics.median(ratios) if len(ratios) >= min_segments else None


def one_line(text: str) -> str:
    """``text`` with every line break turned into a space."""
    return _LINE_BREAK_RE.sub(" ", text)


def language_code(tag: str | None) -> str | None:
    """The primary subtag of a language tag, lower-cased: ``fr-FR`` -> ``fr``."""
    if not tag or not tag.strip():
        return None
    return re.split(r"[-_]", tag.strip(), maxsplit=1)[0].lower() or None
