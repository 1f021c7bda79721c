"""consistency: the same source translated two ways, or two sources translated the same.

Bilingual, across a whole file. A segment whose source was met before
(the same words, ignoring case and spacing) with another translation is
flagged on its target, and so, when ``same_target`` is on, is a segment
whose translation was met before for another source (two different
sentences cannot both be rendered by it, one of them is probably
mistranslated). Only the later segment is flagged: the first one is the
translation it is compared with. Empty targets and segments with fewer
than ``min_words`` words are left alone.

Fields:

- ``same_target`` (bool, default true): also flag two sources translated
  the same.
- ``same_target_message`` (string): the message of those findings.
- ``min_words`` (int, default 2): the words a segment must have to be
  compared.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{other}`` (the other translation, or the other
source), ``{first}`` (the id of the segment met first).

Example::

    - id: consistency
      kind: consistency
      message: "This source was translated '{other}' in segment {first}."
      severity: minor
      category: terminology/inconsistent
      examples:
        flag:
          - source: ["Le Premier ministre a parlé.", "Le Premier ministre a parlé."]
            target: ["The Prime Minister spoke.", "The First Minister spoke."]
        pass:
          - source: ["Le Premier ministre a parlé.", "Le Premier ministre a parlé."]
            target: ["The Prime Minister spoke.", "The Prime Minister spoke."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import COMMON_PLACEHOLDERS, FieldError, Hit, placeholder_problem
from audit.text.bilingual.segments import Segment
from audit.text.document import Document

KIND = "consistency"
FIELDS = {"same_target": bool, "same_target_message": str, "min_words": int}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {
    "same_target": True,
    "same_target_message": "This translation was used for another source in segment {first}:"
    " '{other}'.",
    "min_words": 2,
}
PLACEHOLDERS = frozenset({"other", "first"})


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class ConsistencyCheck:
    same_target: bool
    same_target_message: str
    min_words: int

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        by_source: dict[str, Segment] = {}
        by_target: dict[str, Segment] = {}
        for segment in doc.segments.segments:
            if not segment.target.strip() or len(segment.source.split()) < self.min_words:
                continue
            source, target = _normalised(segment.source), _normalised(segment.target)
            first = by_source.setdefault(source, segment)
            if _normalised(first.target) != target:
                yield _hit(segment, first.target, first.id)
                continue
            if not self.same_target or len(segment.target.split()) < self.min_words:
                continue
            first = by_target.setdefault(target, segment)
            if _normalised(first.source) != source:
                yield _hit(segment, first.source, first.id, self.same_target_message)


def _hit(segment: Segment, other: str, first: str, message: str | None = None) -> Hit:
    return Hit(segment.start, segment.end, values={"other": other, "first": first}, message=message)


def compile(options: dict[str, Any]) -> ConsistencyCheck:
    problem = placeholder_problem(
        options["same_target_message"], COMMON_PLACEHOLDERS | PLACEHOLDERS
    )
    if problem:
        raise FieldError(("same_target_message",), problem)
    return ConsistencyCheck(**options)
