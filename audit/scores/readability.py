"""Readability formulas for an article and for each of its paragraphs.

Everything is counted on the Document's own tokenisation: its ``words`` and
``sentences`` (a sentence without a word does not count), so the readability
figures agree with every other count in the report. A sentence belongs to the
paragraph that contains its start.

The formulas themselves live in ``audit.scores.formulas``, one plain function of
the counts (``Counts``) each; the meter computes those that fit the
article's language (an unknown language gets LIX and RIX only).

As in sacrebleu, ``ReadabilityMeter`` takes its settings as constructor
arguments whose defaults are class constants, and every ``Readability`` it
returns carries the signature of those settings as a field, so no report can
drop it::

    meter = ReadabilityMeter()
    result = meter.measure(doc)
    result.to_dict()["flesch_reading_ease"], result.signature
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from audit.errors import ConfigError, did_you_mean
from audit.scores.formulas import (
    FALLBACK_MAIN_FORMULA,
    FORMULAS,
    LONG_WORD_LETTERS,
    MAIN_FORMULA,
    Counts,
)
from audit.scores.readings import (
    COUNT_NAMES,
    HotSpot,
    LongSentence,
    Readability,
    Shift,
)
from audit.scores.syllables import METHOD as SYLLABLE_METHOD
from audit.scores.syllables import base_language, count_syllables
from audit.text.document import Document
from audit.text.spans import Span
from audit.version import __version__

EXCERPT_WORDS = 8
# Formulas mean nothing on a handful of words: shorter paragraphs (datelines, captions,
# "Advertisement") are never hot spots.
HOT_SPOT_MIN_WORDS = 10


# ------------------------------------------------------------------- results


@dataclass(frozen=True)
class ParagraphReadability:
    """The counts of one paragraph (``index`` into ``doc.paragraphs``) and, computed when
    asked for, its score by each of ``formulas`` (no report shows them all)."""

    index: int
    line: int
    counts: Counts
    formulas: tuple[str, ...]

    @cached_property
    def scores(self) -> Mapping[str, float | None]:
        return _scores(self.formulas, self.formulas, self.counts)

    def score(self, formula: str) -> float | None:
        return FORMULAS[formula].function(self.counts)


# --------------------------------------------------------------------- meter


class ReadabilityMeter:
    """Readability formulas for a Document; settings are constructor arguments."""

    # 35 words: about twice the 15-20 word average sentence that plain-English guides ask
    # for (Cutts, M. (2020). Oxford Guide to Plain English, 5th ed. Oxford UP).
    LONG_SENTENCE_WORDS = 35
    HOT_SPOTS = 3
    PLACE = "readability"

    def __init__(
        self,
        formulas: Sequence[str] | None = None,
        long_sentence_words: int | None = None,
        hot_spots: int | None = None,
    ) -> None:
        self.formulas = None if formulas is None else _validate_formulas(formulas, self.PLACE)
        self.long_sentence_words = _validate_count(
            self.LONG_SENTENCE_WORDS if long_sentence_words is None else long_sentence_words,
            f"{self.PLACE}.long_sentence_words",
            minimum=1,
        )
        self.hot_spots = _validate_count(
            self.HOT_SPOTS if hot_spots is None else hot_spots, f"{self.PLACE}.hot_spots", 0
        )

    @property
    def signature(self) -> str:
        formulas = "auto" if self.formulas is None else ",".join(self.formulas)
        return (
            f"readability|formulas:{formulas}|long:{self.long_sentence_words}"
            f"|hot:{self.hot_spots}|syllables:{SYLLABLE_METHOD}|version:{__version__}"
        )

    def measure(self, doc: Document) -> Readability:
        language = base_language(doc.language.code)
        keys = self._reported()
        computed = self._computed(language, keys)
        text = _TextCounts.of(doc, language)
        counts = text.counts()
        paragraphs = _paragraphs(doc, text, computed)
        main = _main_formula(language, computed)
        return Readability(
            scores=_scores(keys, computed, counts),
            counts=counts,
            hot_spot_formula=main,
            hot_spots=self._hot_spots(doc, text, paragraphs, main),
            long_sentences=self._long_sentences(doc, text),
            signature=self.signature,
        )

    def combine(
        self, language: str | None, parts: Sequence[tuple[Readability, Shift]]
    ) -> Readability:
        """The readability of a text measured in consecutive blocks: each block's
        ``Readability`` and where the block starts in the text (``Shift``). Counts add up, the
        scores are those of the sums, the hot spots the hardest of all the blocks'."""
        language = base_language(language)
        keys = self._reported()
        computed = self._computed(language, keys)
        counts = Counts(
            **{name: sum(getattr(part.counts, name) for part, _ in parts) for name in COUNT_NAMES}
        )
        main = _main_formula(language, computed)
        spots = [spot.shifted(shift) for part, shift in parts for spot in part.hot_spots]
        sign = -1 if main and FORMULAS[main].higher_is_harder else 1
        spots.sort(key=lambda spot: (sign * spot.score, spot.paragraph))
        return Readability(
            scores=_scores(keys, computed, counts),
            counts=counts,
            hot_spot_formula=main,
            hot_spots=tuple(spots[: self.hot_spots]) if main else (),
            long_sentences=tuple(
                sentence.shifted(shift) for part, shift in parts for sentence in part.long_sentences
            ),
            signature=self.signature,
        )

    def paragraphs(self, doc: Document) -> tuple[ParagraphReadability, ...]:
        """The counts and scores of every paragraph of ``doc`` (reports show only the
        hardest, as ``hot_spots``, so ``measure`` keeps no more)."""
        language = base_language(doc.language.code)
        computed = self._computed(language, self._reported())
        return _paragraphs(doc, _TextCounts.of(doc, language), computed)

    def _reported(self) -> tuple[str, ...]:
        """The formulas this meter reports: the configured ones, or all of them."""
        return tuple(FORMULAS) if self.formulas is None else self.formulas

    @staticmethod
    def _computed(language: str | None, reported: Sequence[str]) -> tuple[str, ...]:
        """The formulas that apply to ``language``, of the ``reported`` ones."""
        return tuple(name for name in reported if FORMULAS[name].applies_to(language))

    def _hot_spots(
        self,
        doc: Document,
        text: _TextCounts,
        paragraphs: Sequence[ParagraphReadability],
        main: str | None,
    ) -> tuple[HotSpot, ...]:
        if main is None:
            return ()
        scored = [
            (p, score)
            for p in paragraphs
            if p.counts.words >= HOT_SPOT_MIN_WORDS and (score := p.score(main)) is not None
        ]
        sign = -1 if FORMULAS[main].higher_is_harder else 1
        hardest = sorted(scored, key=lambda item: (sign * item[1], item[0].index))
        return tuple(
            HotSpot(p.index, p.line, score, _excerpt(doc, p.index))
            for p, score in hardest[: self.hot_spots]
        )

    def _long_sentences(self, doc: Document, text: _TextCounts) -> tuple[LongSentence, ...]:
        return tuple(
            LongSentence(sentence, *doc.line_col(sentence.start), words)
            for sentence, words in text.sentences
            if words > self.long_sentence_words
        )


def _paragraphs(
    doc: Document, text: _TextCounts, formulas: Sequence[str]
) -> tuple[ParagraphReadability, ...]:
    return tuple(
        ParagraphReadability(
            index=index,
            line=doc.line_col(paragraph.start)[0],
            counts=counts,
            formulas=tuple(formulas),
        )
        for index, (paragraph, counts) in enumerate(
            zip(doc.paragraphs, text.paragraph_counts(doc), strict=True)
        )
    )


def _validate_formulas(formulas: Sequence[str], place: str) -> tuple[str, ...]:
    if isinstance(formulas, str) or not formulas:
        raise ConfigError(f"{place}.formulas", "expected a non-empty list of formula names")
    for name in formulas:
        if not isinstance(name, str) or name not in FORMULAS:
            hint = did_you_mean(str(name), FORMULAS)
            known = ", ".join(FORMULAS)
            raise ConfigError(
                f"{place}.formulas", f"unknown formula '{name}'{hint}; known formulas: {known}"
            )
    return tuple(dict.fromkeys(formulas))


def _validate_count(value: int, place: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(place, f"expected a whole number >= {minimum}, got {value!r}")
    return value


def _scores(
    keys: Sequence[str], computed: Sequence[str], counts: Counts
) -> Mapping[str, float | None]:
    return {name: FORMULAS[name].function(counts) if name in computed else None for name in keys}


def _main_formula(language: str | None, computed: Sequence[str]) -> str | None:
    preferred = MAIN_FORMULA.get(language or "", FALLBACK_MAIN_FORMULA)
    if preferred in computed:
        return preferred
    return computed[0] if computed else None


def _excerpt(doc: Document, index: int) -> str:
    """The first words of paragraph ``index``, as written, with an ellipsis if it goes on."""
    paragraph, words = doc.paragraphs[index], doc.paragraph_words[index]
    if len(words) <= EXCERPT_WORDS:
        return doc.slice(paragraph)
    end = doc.word_ends[words.start + EXCERPT_WORDS - 1]
    return doc.text[paragraph.start : end] + " …"


# A word's figures, in this order: syllables, letters, letters and digits, and 1 or 0 for
# "three syllables or more", "one syllable" and "more than LONG_WORD_LETTERS letters".
Figures = tuple[int, int, int, int, int, int]
_NO_COLUMNS: tuple[tuple[int, ...], ...] = ((),) * 6  # a text without words
KNOWN_FIGURES_LIMIT = 1 << 16
_KNOWN_FIGURES: dict[str | None, dict[str, Figures]] = {}


def _figures_of(words: Sequence[str], language: str | None) -> list[Figures]:
    """The figures of each word, computed once per distinct word and language."""
    known = _KNOWN_FIGURES.setdefault(language, {})
    new = set(words).difference(known)
    if len(known) + len(new) > KNOWN_FIGURES_LIMIT:
        known.clear()
    known.update((word, _word_figures(word, language)) for word in new)
    return list(map(known.__getitem__, words))


def _word_figures(word: str, language: str | None) -> Figures:
    """The figures of one word (see ``Figures``)."""
    syllables = count_syllables(word, language)
    letters = sum(map(str.isalpha, word))
    return (
        syllables,
        letters,
        sum(map(str.isalnum, word)),
        int(syllables >= 3),
        int(syllables == 1),
        int(letters > LONG_WORD_LETTERS),
    )


@dataclass(frozen=True)
class _TextCounts:
    """The per-word figures of one Document as running totals, one tuple per figure
    (``totals[k][i]``: figure k summed over the words before word i), and its per-sentence
    word counts, computed once."""

    totals: tuple[tuple[int, ...], ...]
    words: int
    sentences: tuple[tuple[Span, int], ...]  # sentences that have words, with their word count

    @classmethod
    def of(cls, doc: Document, language: str | None) -> _TextCounts:
        starts = doc.word_starts
        figures = _figures_of(doc.word_texts, language)
        columns = tuple(zip(*figures, strict=True)) or _NO_COLUMNS
        totals = tuple(tuple(accumulate(column, initial=0)) for column in columns)
        with_words = ((s, _words_in(starts, s)) for s in doc.sentences)
        return cls(totals, len(figures), tuple((s, n) for s, n in with_words if n))

    def counts(self) -> Counts:
        return self._between(0, self.words, len(self.sentences))

    def paragraph_counts(self, doc: Document) -> list[Counts]:
        sentences = Counter(doc.paragraph_of(sentence.start) for sentence, _ in self.sentences)
        return [
            self._between(words.start, words.stop, sentences[index])
            for index, words in enumerate(doc.paragraph_words)
        ]

    def _between(self, first: int, stop: int, sentences: int) -> Counts:
        """The counts of the words ``first`` to ``stop`` (excluded)."""
        sums = (running[stop] - running[first] for running in self.totals)
        syllables, letters, characters, polysyllables, monosyllables, long_words = sums
        return Counts(
            sentences=sentences,
            words=stop - first,
            syllables=syllables,
            letters=letters,
            characters=characters,
            polysyllables=polysyllables,
            monosyllables=monosyllables,
            long_words=long_words,
        )


def _words_in(starts: Sequence[int], span: Span) -> int:
    """How many words start inside ``span``."""
    return bisect.bisect_left(starts, span.end) - bisect.bisect_left(starts, span.start)
