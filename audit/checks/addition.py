"""addition: a target segment too long for its source, or one with a sentence the source lacks.

Bilingual; the mirror of ``omission``. A segment whose source has at
least ``min_chars`` characters is flagged when its target is longer than
``above`` times the length the language pair gives it (measured on the
file, or ``ratio``, as for ``omission``), or when the target has more
sentences than the source and is longer than the source allows by at
least three quarters of its shortest sentence.

Fields:

- ``ratio`` (float, default 0.95): target length / source length for a
  file too small to measure it.
- ``above`` (float, default 1.8): the multiple of the expected length over
  which a target is flagged.
- ``min_chars`` (int, default 30): shorter sources are not judged.
- ``sentences`` (bool, default true): flag a target with an added sentence.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{reason}``.

Example::

    - id: addition
      kind: addition
      message: "The translation may add to the source: {reason}."
      severity: minor
      category: accuracy/addition
      examples:
        flag:
          - source: "Le ministre a démissionné lundi soir."
            target: "The minister resigned on Monday evening. He had been in office for two years."
        pass:
          - source: "Le ministre a démissionné lundi soir."
            target: "The minister resigned on Monday evening."
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.checks.base import judged_lengths, sentence_lengths
from audit.rulebook.kind import Hit
from audit.text.document import Document

KIND = "addition"
FIELDS = {"ratio": float, "above": float, "min_chars": int, "sentences": bool}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"ratio": 0.95, "above": 1.8, "min_chars": 30, "sentences": True}
PLACEHOLDERS = frozenset({"reason"})
SENTENCE_SHARE = 0.75
"""How much of its shortest sentence's length a target must have beyond the expected."""


@dataclass(frozen=True)
class AdditionCheck:
    ratio: float
    above: float
    min_chars: int
    sentences: bool

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        for segment, expected in judged_lengths(doc, self.ratio, self.min_chars):
            source, target = segment.source, segment.target
            reason = None
            if len(target) > self.above * expected:
                reason = f"it is {len(target) / expected:.0%} of the length the source gives it"
            elif self.sentences and len(target) > expected:
                reason = _added_sentence(source, target, expected)
            if reason:
                yield Hit(segment.start, segment.end, values={"reason": reason})


def _added_sentence(source: str, target: str, expected: float) -> str | None:
    target_sentences = sentence_lengths(target)
    if len(target_sentences) < 2:
        return None
    source_sentences = sentence_lengths(source)
    shortest = min(target_sentences)
    if len(target_sentences) > len(source_sentences) and len(target) > (
        expected + SENTENCE_SHARE * shortest
    ):
        return (
            f"the translation has {len(target_sentences)} sentences, "
            f"the source {len(source_sentences)}"
        )
    return None


def compile(options: dict[str, Any]) -> AdditionCheck:
    return AdditionCheck(**options)
