"""untranslated-segment: a target segment that is empty, a copy of its source, or in its language.

Bilingual. A segment is flagged when its target is empty (and its source
is not), when the target is the source copied (the same words, ignoring
case and spacing; only from ``min_words`` words on, as a name or a figure
is rightly the same in both), or when langdetect finds the target written
in the source's language. The language test has the short-text guard of
the rest of the tool: a target with fewer than 40 letters is never
judged. It reads the languages already found for the article's paragraphs
(each segment is one), and runs langdetect on a segment alone only when
those cannot tell (the file's language given, unknown, or the source's),
and then only on a target whose words are a fifth or more the source
language's commonest function words (when the tool lists them).
The source's language is the file's (or the one the user gives), or else
detected once on a sample of the file's sources.

Fields:

- ``empty`` (bool, default true): flag empty targets.
- ``identical`` (bool, default true): flag targets that copy the source.
- ``min_words`` (int, default 3): the words a copied target must have.
- ``detect`` (bool, default true): flag targets in the source's language.
- ``min_confidence`` (float, default 0.9): the probability langdetect must
  give the source's language.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{reason}`` ("the target is empty", "the target copies
the source", "the target is in fr").

Example::

    - id: untranslated
      kind: untranslated-segment
      message: "The segment is not translated: {reason}."
      severity: major
      category: accuracy/untranslated
      examples:
        flag:
          - {source: "Le gouvernement a présenté son budget mardi.", target: ""}
          - source: "Les syndicats appellent à une nouvelle journée de grève jeudi prochain."
            target: "Les syndicats appellent à une nouvelle journée de grève jeudi prochain."
        pass:
          - source: "Les syndicats appellent à une nouvelle journée de grève jeudi prochain."
            target: "The unions are calling for another day of strikes next Thursday."
          - {source: "Emmanuel Macron", target: "Emmanuel Macron"}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import Hit
from audit.text.bilingual.segments import Segment
from audit.text.document import Document
from audit.text.language import FUNCTION_WORD_SHARE, FUNCTION_WORDS, text_language

KIND = "untranslated-segment"
FIELDS = {
    "empty": bool,
    "identical": bool,
    "min_words": int,
    "detect": bool,
    "min_confidence": float,
}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {
    "empty": True,
    "identical": True,
    "min_words": 3,
    "detect": True,
    "min_confidence": 0.9,
}
PLACEHOLDERS = frozenset({"reason"})
SOURCE_SAMPLE_CHARS = 400
FUNCTION_WORD_SETS = {code: frozenset(words.split()) for code, words in FUNCTION_WORDS.items()}
_WORD_RE = re.compile(r"[^\W\d_]+")


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class UntranslatedSegmentCheck:
    empty: bool
    identical: bool
    min_words: int
    detect: bool
    min_confidence: float

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        languages = _SegmentLanguages(doc, self.min_confidence)
        for segment in doc.segments.segments:
            reason = self._reason(segment, languages)
            if reason:
                yield Hit(segment.start, segment.end, values={"reason": reason})

    def _reason(self, segment: Segment, languages: _SegmentLanguages) -> str | None:
        if not segment.target.strip():
            return "the target is empty" if self.empty and segment.source.strip() else None
        if self.identical and self._copied(segment):
            return "the target copies the source"
        if self.detect:
            language = languages.untranslated(segment)
            if language:
                return f"the target is in {language}, the source's language"
        return None

    def _copied(self, segment: Segment) -> bool:
        same = _normalised(segment.target) == _normalised(segment.source)
        return same and len(segment.target.split()) >= self.min_words


class _SegmentLanguages:
    """The language of a segment's target, when it is the source's, read as cheaply as can be."""

    def __init__(self, doc: Document, min_confidence: float) -> None:
        assert doc.segments is not None
        self.doc = doc
        self.min_confidence = min_confidence
        self.source_language = doc.segments.source_language or _sources_language(doc)
        self.target_language = doc.segments.target_language
        article = doc.language
        self.each_alone = (
            article.given or article.code is None or article.code == self.source_language
        )
        self.foreign = {p.paragraph: p.code for p in article.paragraphs}
        self.function_words = FUNCTION_WORD_SETS.get(self.source_language or "")

    def untranslated(self, segment: Segment) -> str | None:
        """The source's language, when the target is written in it; else None."""
        code = self._target_language(segment)
        if code is None or code == self.target_language:
            return None
        source = self.source_language or self._detected(segment.source)
        return code if code == source else None

    def _target_language(self, segment: Segment) -> str | None:
        if not self.each_alone:
            return self.foreign.get(self.doc.paragraph_of(segment.end - 1))
        if self.function_words and not _share_at_least(segment.target, self.function_words):
            return None
        return self._detected(segment.target)

    def _detected(self, text: str) -> str | None:
        found = text_language(text)
        return found[0] if found and found[1] >= self.min_confidence else None


def _share_at_least(text: str, function_words: frozenset[str]) -> bool:
    """Whether ``FUNCTION_WORD_SHARE`` of the words of ``text`` are ``function_words``."""
    words = _WORD_RE.findall(text.lower())
    found = sum(map(function_words.__contains__, words))
    return bool(words) and found >= FUNCTION_WORD_SHARE * len(words)


def _sources_language(doc: Document) -> str | None:
    """The language of the file's sources, judged once on a sample of them."""
    assert doc.segments is not None
    sample, size = [], 0
    for segment in doc.segments.segments:
        if size >= SOURCE_SAMPLE_CHARS:
            break
        sample.append(segment.source)
        size += len(segment.source) + 1
    found = text_language("\n".join(sample))
    return found[0] if found else None


def compile(options: dict[str, Any]) -> UntranslatedSegmentCheck:
    return UntranslatedSegmentCheck(**options)
