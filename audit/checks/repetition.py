"""repetition: flag a word printed twice in a row ("the the"), as Vale's repetition check.

Two neighbouring tokens of the Document that are the same word, made of
letters only and separated by nothing but spaces (or no-break spaces), are
flagged together; pairs do not overlap ("very very very" is one). The
check reads the shared token list once, comparing each token with the
next: no regex runs over the text.

A second word that starts with a capital is left alone when
``skip_capitalised`` is set (names such as "Sing Sing", "Baden-Baden" are
not words but names), and so are the ``ignore`` words English may
legitimately double ("had had", "that that").

Fields:

- ``ignore_case`` (bool, default true): "The the" is a repetition too.
- ``skip_capitalised`` (bool, default true): never flag a pair whose second
  word starts with a capital letter.
- ``ignore`` (list of strings): words whose doubling is never flagged.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{word}`` (the repeated word, as first written).

Example::

    - id: doubled-word
      kind: repetition
      message: "'{match}': the word is repeated; delete one."
      severity: minor
      category: fluency/grammar
      ignore: [had, that]
      examples:
        flag: ["The troops left the the base on Monday."]
        pass: ["He had had enough.", "He was sent to Sing Sing in 1950."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import Hit
from audit.text.document import Document
from audit.text.spans import Span

KIND = "repetition"
FIELDS = {"ignore_case": bool, "skip_capitalised": bool, "ignore": [str]}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"ignore_case": True, "skip_capitalised": True, "ignore": ()}
PLACEHOLDERS = frozenset({"word"})

_SPACES = frozenset(" \u00a0")


@dataclass(frozen=True)
class RepetitionCheck:
    ignore_case: bool
    skip_capitalised: bool
    ignore: frozenset[str]

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        texts = doc.token_texts
        free_from = 0  # pairs do not overlap: "very very very" is one repetition
        for position in (p for p in range(len(texts) - 1) if texts[p] == texts[p + 1]):
            first, second = doc.token(position), doc.token(position + 1)
            if position >= free_from and self._repeats(doc.text, first, second, texts[position]):
                free_from = position + 2
                yield Hit(first.start, second.end, values={"word": doc.slice(first)})

    def _repeats(self, text: str, first: Span, second: Span, lowered: str) -> bool:
        gap = text[first.end : second.start]
        return (
            bool(gap)
            and _SPACES.issuperset(gap)
            and lowered.isalpha()
            and lowered not in self.ignore
            and (
                self.ignore_case or text[first.start : first.end] == text[second.start : second.end]
            )
            and not (self.skip_capitalised and text[second.start].isupper())
        )


def compile(options: dict[str, Any]) -> RepetitionCheck:
    return RepetitionCheck(
        ignore_case=options["ignore_case"],
        skip_capitalised=options["skip_capitalised"],
        ignore=frozenset(word.lower() for word in options["ignore"]),
    )
