"""omission: a target segment too short for its source, or one that drops a whole sentence.

Bilingual. A segment whose source has at least ``min_chars`` characters is
flagged when its target is shorter than ``below`` times the length the
language pair gives it, or when the source has more sentences than the
target and the target is shorter than it would be with the shortest of
them by at least three quarters of that sentence's share. The
expected length is the source's length times the pair's ratio of target
to source length, measured on the file itself (the median over its
segments, once 20 segments count) or, in a smaller file, ``ratio``.
Sentences are split as everywhere else in the tool. Empty targets are the
``untranslated-segment`` kind's.

Fields:

- ``ratio`` (float, default 0.95): target length / source length for a
  file too small to measure it (French to English: English runs about 5 to
  15 % shorter).
- ``below`` (float, default 0.5): the share of the expected length under
  which a target is flagged.
- ``min_chars`` (int, default 30): shorter sources are not judged.
- ``sentences`` (bool, default true): flag a target that drops a sentence.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{reason}``.

Example::

    - id: omission
      kind: omission
      message: "Part of the source may be missing: {reason}."
      severity: major
      category: accuracy/omission
      examples:
        flag:
          - source: "Le ministre a démissionné lundi. Son successeur sera nommé dans la semaine."
            target: "The minister resigned on Monday."
        pass:
          - source: "Le ministre a démissionné lundi. Son successeur sera nommé dans la semaine."
            target: "The minister resigned on Monday. His successor will be named within the week."
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.checks.base import judged_lengths, sentence_lengths
from audit.rulebook.kind import Hit
from audit.text.document import Document

KIND = "omission"
FIELDS = {"ratio": float, "below": float, "min_chars": int, "sentences": bool}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"ratio": 0.95, "below": 0.5, "min_chars": 30, "sentences": True}
PLACEHOLDERS = frozenset({"reason"})
SENTENCE_SHARE = 0.75
"""How much of the shortest sentence's length a target must lack to have dropped it."""


@dataclass(frozen=True)
class OmissionCheck:
    ratio: float
    below: float
    min_chars: int
    sentences: bool

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        for segment, expected in judged_lengths(doc, self.ratio, self.min_chars):
            source, target = segment.source, segment.target
            reason = None
            if len(target) < self.below * expected:
                reason = f"it is {len(target) / expected:.0%} of the length the source gives it"
            elif self.sentences and len(target) < expected:
                reason = _dropped_sentence(source, target, expected)
            if reason:
                yield Hit(segment.start, segment.end, values={"reason": reason})


def _dropped_sentence(source: str, target: str, expected: float) -> str | None:
    source_sentences = sentence_lengths(source)
    if len(source_sentences) < 2:
        return None
    target_sentences = sentence_lengths(target)
    shortest = min(source_sentences)
    without_shortest = expected * (1 - SENTENCE_SHARE * shortest / len(source))
    if len(target_sentences) < len(source_sentences) and len(target) < without_shortest:
        return (
            f"the source has {len(source_sentences)} sentences, "
            f"the translation {len(target_sentences)}"
        )
    return None


def compile(options: dict[str, Any]) -> OmissionCheck:
    return OmissionCheck(**options)
