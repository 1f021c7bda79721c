"""The Document: one decoded text and the spans that structure it.

A Document keeps the text once. Paragraphs, sentences and quotations are
``Span`` values, code-point offsets into that text, computed once and
shared by every check; tokens and words are kept as parallel tuples of
start and end offsets and texts, and become ``Span`` values only when asked
for (``tokens``, ``token(position)``, ``words``). ``Document.line_col`` is
the only place that turns an offset into a 1-based line and column.

Paragraphs are the non-blank lines of the text: wire copy and scraped pages
put one paragraph per line, with or without blank lines between them. A
line ends with LF, CR LF or a lone CR (the rules read LF only: see
``audit.text.prose``; a file's own Document places findings in its lines).
Tokens are runs of letters and digits; hyphens and apostrophes separate
them, so "back-to-back" and "back to back" have the same tokens. The
Document of a bilingual file is the text of its target segments, one per
line, and keeps the aligned segments (``segments``) for the kinds that
compare a target with its source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import not_
from typing import NamedTuple

from audit.text.bilingual.segments import Alignment
from audit.text.quotes import find_quotations
from audit.text.segment import split_sentences
from audit.text.spans import Span

_LINE_RE = re.compile(r"[^\r\n]+")
_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
_TOKEN_SPLIT_RE = re.compile(r"([^\W_]+)")
_APOSTROPHES = "'’"
_CLITICS = frozenset({"s", "t", "d", "ll", "re", "ve", "m"})


class _Tokenised(NamedTuple):
    """The tokens of a text: where each starts and ends, its text as written and lower-cased."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    written: tuple[str, ...]
    lowered: tuple[str, ...]


@dataclass(frozen=True)
class ParagraphLanguage:
    """The language detected for one paragraph (``code`` is None when too short to judge)."""

    paragraph: int
    code: str | None
    confidence: float | None


@dataclass(frozen=True)
class SentenceLanguage:
    """The language detected for one sentence of a paragraph in the article's language."""

    start: int
    end: int
    code: str
    confidence: float


@dataclass(frozen=True)
class Language:
    """The language of a document, as detected or as given by the user; ``paragraphs`` and
    ``sentences`` are the passages written in another language."""

    code: str | None
    confidence: float | None
    given: bool = False
    paragraphs: tuple[ParagraphLanguage, ...] = ()
    sentences: tuple[SentenceLanguage, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "confidence": None if self.confidence is None else round(self.confidence, 4),
            "given": self.given,
            "paragraphs": [
                {"paragraph": p.paragraph, "code": p.code, "confidence": _round(p.confidence)}
                for p in self.paragraphs
            ],
            "sentences": [
                {"start": s.start, "end": s.end, "code": s.code, "confidence": _round(s.confidence)}
                for s in self.sentences
            ],
        }


UNKNOWN_LANGUAGE = Language(code=None, confidence=None)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class Document:
    """A text with its paragraphs, sentences, tokens and language; immutable."""

    text: str
    paragraphs: tuple[Span, ...]
    language: Language = UNKNOWN_LANGUAGE
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    segments: Alignment | None = field(default=None, repr=False, compare=False)
    """The aligned source segments of a bilingual file (``text`` is their targets)."""

    @classmethod
    def from_text(cls, text: str, segments: Alignment | None = None) -> Document:
        paragraphs = tuple(
            _strip(Span(m.start(), m.end()), text)
            for m in _LINE_RE.finditer(text)
            if not m.group().isspace()
        )
        line_starts = (0, *(m.end() for m in _LINE_BREAK_RE.finditer(text)))
        return cls(text=text, paragraphs=paragraphs, _line_starts=line_starts, segments=segments)

    def __getstate__(self) -> dict[str, object]:
        """Pickle the text and its structure, not the caches (tokens, sentences ...)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    def with_language(self, language: Language) -> Document:
        """This document with ``language``, keeping what was already computed from the text."""
        twin = replace(self, language=language)
        computed = {k: v for k, v in vars(self).items() if k not in self.__dataclass_fields__}
        twin.__dict__.update(computed)
        return twin

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def folded_slice(self, span: Span) -> str:
        """The text of ``span`` case-folded, folded once however many rules ask for it."""
        folded = self._folded_slices.get(span)
        if folded is None:
            folded = self._folded_slices[span] = self.slice(span).casefold()
        return folded

    @cached_property
    def _folded_slices(self) -> dict[Span, str]:
        return {}

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def haystack(self, folded: bool) -> str:
        """The text that literals are looked for in: case-folded when ``folded``."""
        return self.folded if folded else self.text

    def lines_holding(self, literals: Iterable[str], folded: bool) -> list[Span]:
        """The lines (without their line break) holding one of ``literals``, in order; looked
        for in the case-folded text when ``folded`` (whose offsets must be the text's)."""
        haystack = self.haystack(folded)
        starts = self._line_starts
        found: set[int] = set()
        for literal in literals:
            position = haystack.find(literal)
            while position >= 0:
                line = bisect.bisect_right(starts, position) - 1
                found.add(line)
                if line + 1 == len(starts):
                    break
                position = haystack.find(literal, starts[line + 1])
        return [Span(starts[line], self._line_end(line)) for line in sorted(found)]

    def _line_end(self, line: int) -> int:
        """Offset of the line break ending the 0-based ``line`` (the text's end for the last)."""
        return (
            self._line_starts[line + 1] - 1 if line + 1 < len(self._line_starts) else len(self.text)
        )

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    def line_span(self, line: int) -> Span:
        """The span of a 1-based line, without its line break (``\\r\\n`` included)."""
        start, end = self._line_starts[line - 1], self._line_end(line - 1)
        if end > start and self.text[end - 1] == "\r":
            end -= 1
        return Span(start, end)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(s for p in self.paragraphs for s in split_sentences(self.text, p))

    @cached_property
    def folded(self) -> str:
        """The text case-folded, for case-insensitive literal searches."""
        return self.text.casefold()

    @cached_property
    def tokens(self) -> tuple[Span, ...]:
        """Every token as a Span (the checks read ``token_starts`` and ``token_ends``, or
        ``token(position)``, which cost less than building them all)."""
        spans = zip(self.token_starts, self.token_ends, strict=True)
        return tuple(map(tuple.__new__, repeat(Span), spans))

    @property
    def token_starts(self) -> tuple[int, ...]:
        """Where each token starts, parallel to ``token_texts``."""
        return self._tokenised.starts

    @property
    def token_ends(self) -> tuple[int, ...]:
        """Where each token ends, parallel to ``token_texts``."""
        return self._tokenised.ends

    def token(self, position: int) -> Span:
        """The token at ``position`` as a Span."""
        return Span(self._tokenised.starts[position], self._tokenised.ends[position])

    @cached_property
    def token_texts(self) -> tuple[str, ...]:
        """Lower-cased text of every token, parallel to ``tokens``."""
        return self._tokenised.lowered

    @cached_property
    def _tokenised(self) -> _Tokenised:
        """The tokens from one split of the text: the pieces alternate between what separates
        tokens and tokens, and their lengths add up to the offsets."""
        pieces = _TOKEN_SPLIT_RE.split(self.text)
        offsets = tuple(accumulate(map(len, pieces), initial=0))
        written = tuple(pieces[1::2])
        return _Tokenised(offsets[1:-1:2], offsets[2::2], written, tuple(map(str.lower, written)))

    @cached_property
    def token_index(self) -> dict[str, tuple[int, ...]]:
        """Lower-cased token -> the positions in ``tokens`` where it occurs."""
        index: dict[str, list[int]] = {}
        for position, word in enumerate(self.token_texts):
            index.setdefault(word, []).append(position)
        return {word: tuple(positions) for word, positions in index.items()}

    @cached_property
    def words(self) -> tuple[Span, ...]:
        """Tokens that are words for counting: with a letter, not a clitic such as the 's' of 's."""
        return tuple(compress(self.tokens, self._word_mask))

    @cached_property
    def word_starts(self) -> tuple[int, ...]:
        """Where each word starts, parallel to ``words``."""
        return tuple(compress(self.token_starts, self._word_mask))

    @cached_property
    def word_ends(self) -> tuple[int, ...]:
        """Where each word ends, parallel to ``words``."""
        return tuple(compress(self.token_ends, self._word_mask))

    @cached_property
    def word_texts(self) -> tuple[str, ...]:
        """The text of every word as written, parallel to ``words``."""
        return tuple(compress(self._tokenised.written, self._word_mask))

    @cached_property
    def _word_mask(self) -> list[bool]:
        """For each token, whether it is a word (see ``words``)."""
        texts = self.token_texts
        keep = list(map(not_, map(str.isnumeric, texts)))
        starts = self.token_starts
        for position in compress(range(len(texts)), map(_CLITICS.__contains__, texts)):
            if self._is_clitic(starts[position]):
                keep[position] = False
        return keep

    @cached_property
    def paragraph_tokens(self) -> tuple[range, ...]:
        """For each paragraph, the positions in ``tokens`` of the tokens it holds."""
        return _ranges(self.paragraphs, self.token_starts)

    @cached_property
    def paragraph_sentences(self) -> tuple[range, ...]:
        """For each paragraph, the positions in ``sentences`` of its sentences."""
        return _ranges(self.paragraphs, [sentence.start for sentence in self.sentences])

    @cached_property
    def paragraph_words(self) -> tuple[range, ...]:
        """For each paragraph, the positions in ``words`` of the words it holds."""
        return _ranges(self.paragraphs, self.word_starts)

    def _is_clitic(self, start: int) -> bool:
        """Whether the token starting at ``start`` (a clitic's letters) follows a letter and
        an apostrophe."""
        return (
            start >= 2 and self.text[start - 1] in _APOSTROPHES and self.text[start - 2].isalpha()
        )

    @cached_property
    def quotations(self) -> tuple[Span, ...]:
        """Spans of direct quotations (quote marks included), never crossing a paragraph."""
        return tuple(q for p in self.paragraphs for q in find_quotations(self.text, p))

    def in_quotation(self, span: Span) -> bool:
        quotes = self.quotations
        index = bisect.bisect_right(self._quotation_starts, span.start) - 1
        return index >= 0 and span.end <= quotes[index].end

    @cached_property
    def _quotation_starts(self) -> list[int]:
        return [quotation.start for quotation in self.quotations]

    @cached_property
    def _paragraph_starts(self) -> tuple[int, ...]:
        return tuple(p.start for p in self.paragraphs)

    def paragraph_of(self, offset: int) -> int:
        """Index of the paragraph containing ``offset`` (or the one before it)."""
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)


def _ranges(containers: tuple[Span, ...], starts: Sequence[int]) -> tuple[range, ...]:
    """For each container, the positions of the sorted ``starts`` that fall inside it."""
    return tuple(
        range(bisect.bisect_left(starts, c.start), bisect.bisect_left(starts, c.end))
        for c in containers
    )


def _strip(span: Span, text: str) -> Span:
    """Shrink a span so it neither starts nor ends with white space."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
