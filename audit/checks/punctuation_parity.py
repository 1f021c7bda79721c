"""punctuation-parity: final punctuation, ? and !, quotation marks or brackets that differ.

Bilingual. A segment is flagged when its target ends with another mark
than its source (``.``, ``?``, ``!``, ``…`` (= ``...``), ``:``, ``;`` or
none, looked for before closing quotation marks and brackets), when it
holds another number of question or exclamation marks, when one side
quotes and the other does not, or when the brackets differ in number. It
is flagged once, at its last character for the final mark, on the whole
target otherwise.

Fields:

- ``final``, ``marks``, ``quotes``, ``brackets`` (bool, default true each):
  what to compare.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{difference}`` (what differs, in words).

Example::

    - id: punctuation
      kind: punctuation-parity
      message: "The punctuation differs from the source: {difference}."
      severity: minor
      category: fluency/punctuation
      examples:
        flag:
          - {source: "Qui paiera la facture ?", target: "Who will pay the bill."}
          - {source: "Il a dit : « Jamais ».", target: "He said never."}
        pass:
          - {source: "Qui paiera la facture ?", target: "Who will pay the bill?"}
          - {source: "Il a dit : « Jamais ».", target: "He said: \\"Never\\"."}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import Hit
from audit.text.bilingual.segments import Segment
from audit.text.document import Document

KIND = "punctuation-parity"
FIELDS = {"final": bool, "marks": bool, "quotes": bool, "brackets": bool}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = dict.fromkeys(FIELDS, True)
PLACEHOLDERS = frozenset({"difference"})

_CLOSING = " \u00a0\u202f\t\"'»”’)]}›"
_FINAL_RE = re.compile(r"(\.\.\.|[.?!…:;])$")
_QUOTE_RE = re.compile("[«»“”„‹›\"]|(?<!\\w)'|'(?!\\w)")
_EQUIVALENT = {"...": "…"}


def final_mark(text: str) -> str:
    """The mark a text ends with, before closing quotation marks and brackets ('' if none)."""
    match = _FINAL_RE.search(text.rstrip(_CLOSING))
    mark = match.group(1) if match else ""
    return _EQUIVALENT.get(mark, mark)


def _described(mark: str) -> str:
    return f"'{mark}'" if mark else "no mark"


@dataclass(frozen=True)
class PunctuationParityCheck:
    final: bool
    marks: bool
    quotes: bool
    brackets: bool

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        for segment in doc.segments.segments:
            if not segment.target.strip() or not segment.source.strip():
                continue
            hit = self._final(segment) or self._inner(segment)
            if hit is not None:
                yield hit

    def _final(self, segment: Segment) -> Hit | None:
        source, target = final_mark(segment.source), final_mark(segment.target)
        if not self.final or source == target:
            return None
        difference = f"the source ends with {_described(source)}, the translation with " + (
            _described(target)
        )
        last = segment.start + len(segment.target.rstrip())
        return Hit(last - 1, last, values={"difference": difference})

    def _inner(self, segment: Segment) -> Hit | None:
        source, target = segment.source, segment.target
        differences = []
        if self.marks:
            differences += [
                f"{source.count(mark)} '{mark}' in the source, {target.count(mark)} here"
                for mark in "?!"
                if source.count(mark) != target.count(mark)
            ]
        if self.quotes and bool(_QUOTE_RE.search(source)) != bool(_QUOTE_RE.search(target)):
            quoted = "the source" if _QUOTE_RE.search(source) else "the translation"
            differences.append(f"only {quoted} has quotation marks")
        if self.brackets:
            differences += [
                f"{source.count(mark)} '{mark}' in the source, {target.count(mark)} here"
                for mark in "(["
                if source.count(mark) != target.count(mark)
            ]
        if not differences:
            return None
        return Hit(segment.start, segment.end, values={"difference": "; ".join(differences)})


def compile(options: dict[str, Any]) -> PunctuationParityCheck:
    return PunctuationParityCheck(**options)
