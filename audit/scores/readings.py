"""What a readability measurement gives: an article's scores, hot spots and long sentences.

``Shift`` places a block of a long text within it, so that the hot spots
and long sentences measured in the block can be moved to the whole text's
paragraphs, lines and offsets (``ReadabilityMeter.combine``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from audit.scores.formulas import Counts
from audit.text.spans import Span

COUNT_NAMES = tuple(Counts.__dataclass_fields__)


@dataclass(frozen=True)
class Shift:
    """Where a block of a text starts: its offset, lines and paragraphs before it."""

    offset: int = 0
    lines: int = 0
    paragraphs: int = 0


@dataclass(frozen=True)
class HotSpot:
    """One of the hardest paragraphs by the main formula."""

    paragraph: int
    line: int
    score: float
    excerpt: str

    def shifted(self, shift: Shift) -> HotSpot:
        return replace(
            self, paragraph=self.paragraph + shift.paragraphs, line=self.line + shift.lines
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "line": self.line,
            "score": round(self.score, 1),
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class LongSentence:
    """A sentence with more words than the meter's limit."""

    span: Span
    line: int
    column: int
    words: int

    def shifted(self, shift: Shift) -> LongSentence:
        span = Span(self.span.start + shift.offset, self.span.end + shift.offset)
        return replace(self, span=span, line=self.line + shift.lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "line": self.line,
            "column": self.column,
            "words": self.words,
        }


@dataclass(frozen=True)
class Readability:
    """An article's readability; ``scores`` has a value (or None) for every meter formula."""

    scores: Mapping[str, float | None]
    counts: Counts
    hot_spot_formula: str | None
    hot_spots: tuple[HotSpot, ...]
    long_sentences: tuple[LongSentence, ...]
    signature: str

    def to_dict(self) -> dict[str, Any]:
        scores = {name: _round(value) for name, value in self.scores.items()}
        return {
            **scores,
            "counts": self.counts.to_dict(),
            "hot_spot_formula": self.hot_spot_formula,
            "hot_spots": [spot.to_dict() for spot in self.hot_spots],
            "long_sentences": [sentence.to_dict() for sentence in self.long_sentences],
            "signature": self.signature,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
