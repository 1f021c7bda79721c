"""paragraph: flag a short paragraph made only of page residue.

Scraped articles keep lines of the page around them: "Advertisement",
"Leave a Comment", "Subscribe", "Loading...", "(Shutterstock)". Such a line
is residue as a whole, while the same words inside a sentence are prose. A
paragraph (one line of the text) is flagged when it has at most
``max_words`` words and every run of letters and digits in it belongs to a
listed phrase or to a match of a listed pattern; punctuation and symbols
between them do not count. "Subscribe" alone on a line is flagged,
"Readers who subscribe to the paper" is not.

Phrases are compared by their words, ignoring case and the punctuation
between words ("Don't miss" also covers "DON'T-MISS"), through a lookup
by first word. Residue lines hold function words between the phrases
("Leave your comment and share it with your friends"): ``filler`` words
may stand anywhere, between or inside phrases ("leave a comment" also
covers "leave your comment"), but a line of filler words alone is never
residue; patterns are joined into one regex that runs once over each
short paragraph, ignoring case, unless the paragraph lacks the literals
every match of a pattern must hold (``audit.matching.prefilter``). Patterns cover
pieces the phrase list cannot spell out: dates, file names, a credit in
parentheses.

Fields:

- ``phrases`` (list of strings): residue words and phrases.
- ``patterns`` (list of regexes): residue pieces; write ``\\b`` where a
  piece must start or end on a word boundary. At least one phrase or
  pattern is required.
- ``max_words`` (int, default 12): longer paragraphs are never flagged.
  Words are runs of letters and digits with at least one letter.
- ``filler`` (list of strings): words that may stand between and inside
  phrases (articles, pronouns, conjunctions: ``[your, our, the, and]``).

Example::

    - id: photo-credit
      kind: paragraph
      message: "'{match}' is a photo credit left from the web page: delete the line."
      severity: major
      category: other/boilerplate
      phrases: [getty images, shutterstock, file photo]
      patterns: ['\\(\\w+\\)', '\\bphoto\\s*:\\s*\\w+']
      max_words: 8
      examples:
        flag: ["The talks ended on Friday.\\n(Shutterstock)\\nThey resume in March.", "Photo: AFP"]
        pass: ["The photo shows a crowd in Tahrir Square.", "Shutterstock shares fell."]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from typing import Any

from audit.checks.base import BoundedPattern, compile_regex
from audit.matching.prefilter import Literals, may_match, required_literals, union
from audit.rulebook.kind import FieldError, Hit
from audit.text.document import Document
from audit.text.spans import Span

KIND = "paragraph"
FIELDS = {"phrases": [str], "patterns": [str], "max_words": int, "filler": [str]}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"phrases": (), "patterns": (), "max_words": 12, "filler": ()}
PLACEHOLDERS: frozenset[str] = frozenset()

_TOKEN_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class ParagraphCheck:
    phrases_by_first_word: Mapping[str, tuple[tuple[str, ...], ...]]
    pieces: BoundedPattern | None
    literals: Literals | None
    max_words: int
    filler: frozenset[str] = frozenset()
    literal_finder: re.Pattern[str] | None = None
    """One regex of the ``literals``: it finds one in a paragraph when ``literal in text``
    holds for one of them, in one call."""

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        most, texts = self.max_words, doc.token_texts
        for paragraph, words, tokens in zip(
            doc.paragraphs, doc.paragraph_words, doc.paragraph_tokens, strict=True
        ):
            if len(words) > most or not tokens:
                continue
            first = texts[tokens.start]
            if first in self.phrases_by_first_word or first in self.filler:
                residue = self._all_residue(doc, paragraph, tokens)
            else:  # the first word is left to the patterns
                residue = self._pieces_may_cover(doc, paragraph) and self._all_residue(
                    doc, paragraph, tokens
                )
            if residue:
                yield Hit(paragraph.start, paragraph.end)

    def _all_residue(self, doc: Document, paragraph: Span, tokens: range) -> bool:
        texts = doc.token_texts
        if self.filler and all(texts[position] in self.filler for position in tokens):
            return False
        left = self._uncovered(texts, tokens)
        first = next(left, None)
        if first is None:
            return True
        return self._pieces_may_cover(doc, paragraph) and self._pieces_cover(
            doc, paragraph, chain([first], left)
        )

    def _pieces_may_cover(self, doc: Document, paragraph: Span) -> bool:
        """Whether there are patterns and the paragraph holds a literal they need."""
        return self.pieces is not None and self._may_match(doc.folded_slice(paragraph))

    def _may_match(self, folded: str) -> bool:
        """Whether the case-folded paragraph holds one of the literals the patterns need."""
        if self.literal_finder is None:
            return may_match(self.literals, folded)
        return self.literal_finder.search(folded) is not None

    def _uncovered(self, texts: tuple[str, ...], tokens: range) -> Iterator[int]:
        """Positions of the ``tokens`` that no listed phrase (or filler word) covers, lazily;
        phrases are matched on the words that are not filler."""
        positions = [p for p in tokens if texts[p] not in self.filler] if self.filler else tokens
        words = [texts[p] for p in positions]
        covered_until = 0
        for index, position in enumerate(positions):
            for phrase in self.phrases_by_first_word.get(words[index], ()):
                end = index + len(phrase)
                if end <= len(words) and tuple(words[index:end]) == phrase:
                    covered_until = max(covered_until, end)
                    break
            if index >= covered_until:
                yield position

    def _pieces_cover(self, doc: Document, paragraph: Span, left: Iterator[int]) -> bool:
        """Whether matches of the patterns hold every token at the positions ``left``; the
        scan (and the phrase lookup feeding ``left``) stops at the first token no match can
        hold any more."""
        assert self.pieces is not None
        token = doc.token(next(left))
        matches = self.pieces.finditer(doc.text, paragraph.start, paragraph.end)
        for match in matches:
            start, end = match.span()
            if end <= token.start:
                continue  # the match is before the token
            while start <= token.start and token.end <= end:
                following = next(left, None)
                if following is None:
                    return True
                token = doc.token(following)
            if token.start < end:
                return False  # later matches start after this token
        return False


def compile(options: dict[str, Any]) -> ParagraphCheck:
    if options["max_words"] < 1:
        raise FieldError(("max_words",), "must be 1 or more")
    if not options["phrases"] and not options["patterns"]:
        raise FieldError(("phrases",), "give at least one phrase or pattern")
    filler = frozenset(word.lower() for word in options["filler"])
    literals = union(required_literals(source, True) for source in options["patterns"])
    return ParagraphCheck(
        phrases_by_first_word=_phrase_index(options["phrases"], filler),
        pieces=_joined_patterns(options["patterns"]),
        literals=literals,
        max_words=options["max_words"],
        filler=filler,
        literal_finder=None
        if not literals
        else re.compile("|".join(map(re.escape, sorted(literals)))),
    )


def _phrase_index(
    phrases: tuple[str, ...], filler: frozenset[str]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """First word -> the phrases' word tuples without their filler words, longest first."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(w for w in _TOKEN_RE.findall(phrase.lower()) if w not in filler)
        if not words:
            raise FieldError(("phrases",), f"'{phrase}' has no word to match")
        by_first.setdefault(words[0], []).append(words)
    return {
        word: tuple(sorted(set(found), key=len, reverse=True)) for word, found in by_first.items()
    }


def _joined_patterns(patterns: tuple[str, ...]) -> BoundedPattern | None:
    """One regex trying every pattern; a branch reset keeps each pattern's group numbers."""
    if not patterns:
        return None
    for number, source in enumerate(patterns, start=1):
        try:
            compile_regex(source, "patterns", ignore_case=True)
        except FieldError as bad:
            raise FieldError(
                ("patterns",), f"pattern {number} ({source!r}): {bad.problem}"
            ) from None
    joined = "(?|" + "|".join(f"(?:{source})" for source in patterns) + ")"
    return compile_regex(joined, "patterns", ignore_case=True)
