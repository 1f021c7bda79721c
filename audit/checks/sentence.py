"""sentence: flag sentences that match a regex, optionally after a given sentence.

Each sentence of the Document (as the segmenter cut it: never across a
paragraph, '"We will stay." she said' kept whole) is matched alone, so
``^``/``\\A`` and ``$``/``\\Z`` are its start and end. This finds what a
regex over the whole text cannot tell from an abbreviation: a sentence
that starts in lower case, a one-word sentence that is the end of a name
split by a full stop ("said Khalid. Alrawi."), a sentence that is a
fragment spliced off the one before.

``after`` and ``unless_after`` are tested against the end of the previous
sentence of the same paragraph (a paragraph's first sentence has none: a
rule with ``after`` never flags it). ``name_group`` asks that a group's
word be a name rather than a common word: absent from the ``dictionary``
word list of common words.

Fields:

- ``pattern`` (regex, required): what to flag in a sentence.
- ``ignore_case`` (bool, default false): for every regex of the rule.
- ``group`` (int, default 0): the capture group whose span is flagged.
- ``after`` (regex): flag only after a sentence whose end matches it.
- ``unless_after`` (regex): do not flag after a sentence whose end matches it.
- ``name_group`` (int): a capture group whose word must not be a common
  word; needs ``dictionary``.
- ``dictionary`` (file): a word list of common words, as in the
  ``quotation`` kind (``en/data/english-common.txt`` is shipped).

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{before}`` (the match of ``after`` in the previous
sentence, or an empty string).

Example::

    - id: split-name
      kind: sentence
      pattern: '\\A(\\p{Lu}\\p{Ll}+)\\.\\Z'
      group: 1
      after: '\\b\\p{Lu}\\p{Ll}+\\.'
      name_group: 1
      dictionary: en/data/english-common.txt
      message: "'{match}' stands alone after '{before}': a full stop splits a name."
      severity: major
      category: fluency/punctuation
      examples:
        flag: ["The talks are over, said Nadia. Khoury. Others disagreed."]
        pass: ["He voted for Smith. Twice. Then he left."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.base import BoundedPattern, compile_regex
from audit.checks.pattern import context_regex
from audit.checks.quotation import common_words
from audit.matching.prefilter import Literals, may_match, required_literals
from audit.matching.screen import loose_copy
from audit.rulebook.fields import File, Regex
from audit.rulebook.kind import FieldError, Hit
from audit.rulebook.wordlists import WordList
from audit.text.document import Document
from audit.text.spans import Span

KIND = "sentence"
FIELDS = {
    "pattern": Regex,
    "ignore_case": bool,
    "group": int,
    "after": Regex,
    "unless_after": Regex,
    "name_group": int,
    "dictionary": File,
}
REQUIRED = ("pattern",)
DEFAULTS: dict[str, Any] = {
    "ignore_case": False,
    "group": 0,
    "after": None,
    "unless_after": None,
    "name_group": None,
    "dictionary": None,
}
PLACEHOLDERS = frozenset({"before"})


@dataclass(frozen=True)
class SentenceCheck:
    pattern: BoundedPattern
    group: int
    after: BoundedPattern | None
    unless_after: BoundedPattern | None
    name_group: int | None
    dictionary: WordList | None
    literals: Literals | None
    screen: str | None

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if not may_match(self.literals, doc.haystack(bool(self.pattern.flags & regex.I))):
            return
        sentences = doc.sentences
        for positions in doc.paragraph_sentences:
            previous: Span | None = None
            for sentence in sentences[positions.start : positions.stop]:
                hit = self._hit(doc, sentence, previous)
                if hit is not None:
                    yield hit
                previous = sentence

    def _hit(self, doc: Document, sentence: Span, previous: Span | None) -> Hit | None:
        """The hit in ``sentence``, if any. The pattern runs before the contexts are read
        from the previous sentence: it matches few sentences, and each regex call costs."""
        if previous is None and self.after is not None:
            return None
        match = self.pattern.search(doc.slice(sentence))
        if match is None or not self._is_name(match):
            return None
        start, end = match.span(self.group)
        if start >= end:
            return None
        before = self._before(doc, previous)
        if before is None:
            return None
        return Hit(sentence.start + start, sentence.start + end, values={"before": before})

    def _before(self, doc: Document, previous: Span | None) -> str | None:
        """The ``after`` match in the previous sentence ("" without ``after``); None excludes."""
        if previous is None:
            return None if self.after is not None else ""
        text = doc.slice(previous)
        if self.unless_after is not None and self.unless_after.search(text):
            return None
        if self.after is None:
            return ""
        found = self.after.search(text)
        return None if found is None else found.group()

    def _is_name(self, match: regex.Match[str]) -> bool:
        if self.name_group is None or self.dictionary is None:
            return True
        word = match.group(self.name_group) or ""
        return word.lower() not in self.dictionary


def compile(options: dict[str, Any]) -> SentenceCheck:
    ignore_case = options["ignore_case"]
    pattern = compile_regex(options["pattern"], "pattern", ignore_case)
    for field_name in ("group", "name_group"):
        number = options[field_name]
        if number is not None and not 0 <= number <= pattern.groups:
            raise FieldError((field_name,), f"the pattern has no group {number}")
    if options["name_group"] is not None and options["dictionary"] is None:
        raise FieldError(("name_group",), "needs a 'dictionary' to tell names from common words")
    if options["dictionary"] is not None and options["name_group"] is None:
        raise FieldError(("dictionary",), "is only used with 'name_group'")
    return SentenceCheck(
        pattern=pattern,
        group=options["group"],
        after=context_regex(options["after"], "after", ignore_case, True),
        unless_after=context_regex(options["unless_after"], "unless_after", ignore_case, True),
        name_group=options["name_group"],
        dictionary=common_words(options["dictionary"]),
        literals=required_literals(options["pattern"], ignore_case),
        screen=loose_copy(options["pattern"], ignore_case, whole_text=False),
    )
