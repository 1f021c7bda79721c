"""repeated: flag a paragraph that repeats an earlier one word for word.

Scraped pages repeat their title under the breadcrumb, a photo caption
under the photo and a newsletter teaser under its heading. The first
occurrence may be the article's own; the second and later ones are
residue, so each is flagged with the line of the first. Paragraphs shorter
than ``min_words`` words are never compared: a chanted slogan or a
one-word subhead may legitimately come back.

With ``edges: true`` a paragraph is also flagged when it repeats the
beginning or the end of an earlier, longer paragraph, cut at a word
boundary: the title after "Home » World »", the teaser after "Newsletter".
A later paragraph that merely starts like an earlier one (a lede opening
with the words of the headline) is never flagged.

The paragraphs are read once; each is compared through a lookup of its
normalised text, and, for ``edges``, of its first and last ``min_words``
words.

Fields:

- ``min_words`` (int, default 5): words (runs of letters and digits with a
  letter) a paragraph needs to be compared.
- ``normalise`` (list, default ``[case, space]``): what to ignore when
  comparing: ``case``, ``space`` (runs of white space count as one space),
  ``punctuation`` (compare the words only; implies ``space``).
- ``edges`` (bool, default false): also flag repeats of the start or end of
  an earlier paragraph.

Placeholders in ``message``: ``{match}``, ``{first_line}`` (the line of the
first occurrence).

Example::

    - id: repeated-paragraph
      kind: repeated
      message: "This paragraph repeats line {first_line}: delete the copy."
      severity: major
      category: other/boilerplate
      min_words: 5
      normalise: [case, space]
      edges: true
      examples:
        flag: ["Home » World » Talks resume in Geneva on Monday\\nTalks resume in Geneva on Monday"]
        pass: ["Talks resume in Geneva on Monday\\nTalks resume in Geneva on Monday with envoys."]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from audit.errors import did_you_mean
from audit.rulebook.kind import FieldError, Hit
from audit.text.document import Document

KIND = "repeated"
FIELDS = {"min_words": int, "normalise": [str], "edges": bool}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"min_words": 5, "normalise": ("case", "space"), "edges": False}
PLACEHOLDERS = frozenset({"first_line"})
NORMALISATIONS = ("case", "space", "punctuation")

_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass
class _Seen:
    """The paragraphs read so far: normalised text -> line, and their edges -> texts."""

    lines: dict[str, int] = field(default_factory=dict)
    heads: dict[str, list[str]] = field(default_factory=dict)
    tails: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class RepeatedCheck:
    min_words: int
    normalise: frozenset[str]
    edges: bool
    first_tokens: re.Pattern[str]

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        seen = _Seen()
        for paragraph, words in zip(doc.paragraphs, doc.paragraph_words, strict=True):
            if len(words) < self.min_words:
                continue
            key = self._normalised(doc.slice(paragraph))
            edges = self._head_and_tail(key) if self.edges else None
            first_line = seen.lines.get(key)
            if first_line is None and edges is not None:
                first_line = _edge_line(key, edges, seen)
            if first_line is not None:
                yield Hit(paragraph.start, paragraph.end, values={"first_line": str(first_line)})
            else:
                _remember(key, edges, doc.line_col(paragraph.start)[0], seen)

    def _normalised(self, text: str) -> str:
        if "punctuation" in self.normalise:
            text = " ".join(_TOKEN_RE.findall(text))
        elif "space" in self.normalise:
            text = " ".join(text.split())
        return text.casefold() if "case" in self.normalise else text

    def _head_and_tail(self, key: str) -> tuple[str, str]:
        """``key`` up to the end of its first ``min_words`` tokens, and from its last ones."""
        head = self.first_tokens.match(key)
        tail = self.first_tokens.match(key[::-1])
        head_end = head.end() if head else 0
        tail_start = len(key) - (tail.end() if tail else 0)
        return key[:head_end], key[tail_start:]


def _remember(key: str, edges: tuple[str, str] | None, line: int, seen: _Seen) -> None:
    seen.lines[key] = line
    if edges is not None:
        head, tail = edges
        seen.heads.setdefault(head, []).append(key)
        seen.tails.setdefault(tail, []).append(key)


def _edge_line(key: str, edges: tuple[str, str], seen: _Seen) -> int | None:
    """The line of an earlier paragraph that starts or ends with ``key``, if any."""
    head, tail = edges
    for earlier in seen.heads.get(head, ()):
        if earlier.startswith(key) and _word_break(key[-1], earlier[len(key)]):
            return seen.lines[earlier]
    for earlier in seen.tails.get(tail, ()):
        if earlier.endswith(key) and _word_break(earlier[-len(key) - 1], key[0]):
            return seen.lines[earlier]
    return None


def _word_break(before: str, after: str) -> bool:
    return not (before.isalnum() and after.isalnum())


def compile(options: dict[str, Any]) -> RepeatedCheck:
    if options["min_words"] < 1:
        raise FieldError(("min_words",), "must be 1 or more")
    unknown = [step for step in options["normalise"] if step not in NORMALISATIONS]
    if unknown:
        raise FieldError(
            ("normalise",),
            f"unknown normalisation '{unknown[0]}'{did_you_mean(unknown[0], NORMALISATIONS)}"
            f" (known: {', '.join(NORMALISATIONS)})",
        )
    return RepeatedCheck(
        min_words=options["min_words"],
        normalise=frozenset(options["normalise"]),
        edges=options["edges"],
        first_tokens=re.compile(rf"(?:[\W_]*[^\W_]+){{1,{options['min_words']}}}"),
    )
