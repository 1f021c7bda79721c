"""Finding a word or phrase in a segment whatever its inflection.

A term matches consecutive words of a text that have its words' stems
(Snowball stemmers, from nltk, which need no data files): "conspuer" finds
"conspué" and "conspuaient", "ministre des Armées" finds "ministres des
armées". A word also matches when it starts with a term word's stem of at
least ``MIN_PREFIX`` letters, for inflections the stemmer leaves whole
("conspuent"). Matching ignores case. In a language without a stemmer, the
words must be the same.

A text's words are indexed once (``Words``) by their first letters, so a
look-up only stems the words that can start the term.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from audit.text.spans import Span

STEMMERS = {
    "fr": "french",
    "en": "english",
    "de": "german",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
}
MIN_PREFIX = 5
KEY_LETTERS = 2
_WORD_RE = re.compile(r"[^\W_]+")


@cache
def _stemmer(language: str | None) -> Callable[[str], str]:
    """A cached stemming function for ``language`` (lower-cased words in, stems out)."""
    name = STEMMERS.get(language or "")
    if name is None:
        return str
    from nltk.stem.snowball import SnowballStemmer

    return lru_cache(maxsize=65536)(SnowballStemmer(name).stem)


@dataclass(frozen=True)
class Words:
    """The words of a text, lower-cased, indexed by their first ``KEY_LETTERS`` letters."""

    text: str
    spans: tuple[Span, ...]
    lowered: tuple[str, ...]
    by_key: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, text: str) -> Words:
        spans, lowered, by_key = [], [], {}
        for position, match in enumerate(_WORD_RE.finditer(text)):
            spans.append(Span(match.start(), match.end()))
            word = match.group().lower()
            lowered.append(word)
            by_key.setdefault(word[:KEY_LETTERS], []).append(position)
        keys = {key: tuple(positions) for key, positions in by_key.items()}
        return cls(text, tuple(spans), tuple(lowered), keys)


@dataclass(frozen=True)
class Term:
    """A word or phrase as the stems of its words, in one language."""

    phrase: str
    stems: tuple[str, ...]
    language: str | None

    @classmethod
    def of(cls, phrase: str, language: str | None) -> Term:
        stem = _stemmer(language)
        return cls(phrase, tuple(stem(w.lower()) for w in _WORD_RE.findall(phrase)), language)

    def find(self, words: Words) -> Span | None:
        """The first place in ``words`` where the term is, or None."""
        if not self.stems:
            return None
        for position in words.by_key.get(self.stems[0][:KEY_LETTERS], ()):
            end = position + len(self.stems)
            if end <= len(words.lowered) and all(
                self._same(words.lowered[position + i], stem) for i, stem in enumerate(self.stems)
            ):
                return Span(words.spans[position].start, words.spans[end - 1].end)
        return None

    def _same(self, word: str, stem: str) -> bool:
        if len(stem) >= MIN_PREFIX and word.startswith(stem):
            return True
        return _stemmer(self.language)(word) == stem


def find_term(phrase: str, text: str, language: str | None) -> str | None:
    """The words of ``text`` where ``phrase`` is, whatever their inflection, or None."""
    span = Term.of(phrase, language).find(Words.of(text))
    return None if span is None else text[span.start : span.end]
