"""Finding a word or phrase in a segment whatever its inflection.

A term matches consecutive words of a text that have its words' stems
(Snowball stemmers, from nltk, which need no data files): "conspuer" finds
"conspué" and "conspuaient", "ministre des Armées" finds "ministres des
armées". A word also matches when it starts with a term word's stem of at
least ``MIN_PREFIX`` letters, for inflections the stemmer leaves whole
("conspuent"). Matching ignores case. In a language without a stemmer, the
words must be the same.

A look-up is one regex search for consecutive words that start as the
term's stems do; only the words it finds are stemmed.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

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
ANCHOR_LETTERS = 4
_WORD_RE = re.compile(r"[^\W_]+")
_CAPTURE_RE = re.compile(r"\((?!\?)")


@cache
def _stemmer(language: str | None) -> Callable[[str], str]:
    """A cached stemming function for ``language`` (lower-cased words in, stems out)."""
    name = STEMMERS.get(language or "")
    if name is None:
        return str
    return lru_cache(maxsize=65536)(_snowball().SnowballStemmer(name).stem)


def _snowball() -> types.ModuleType:
    """``nltk.stem.snowball``, imported without nltk's package ``__init__`` (half a second of
    corpora and parsers the stemmers never use), as ``audit.text.segment`` imports Punkt.

    Its stop-word lists are left out (``nltk.corpus`` is a stub: the stemmers run without
    ``ignore_stopwords``), and the modules loaded this way leave ``sys.modules`` again, so
    that a later ``import nltk`` imports the whole package as usual."""
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.stem.snowball")
    spec = importlib.util.find_spec("nltk")
    assert spec is not None and spec.submodule_search_locations is not None
    root = next(iter(spec.submodule_search_locations))
    for name, path in (("nltk", root), ("nltk.stem", f"{root}/stem"), ("nltk.corpus", None)):
        stub = types.ModuleType(name)
        if path is not None:
            stub.__path__ = [path]
        sys.modules[name] = stub
    sys.modules["nltk.corpus"].stopwords = None  # type: ignore[attr-defined]
    try:
        return importlib.import_module("nltk.stem.snowball")
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "nltk"]:
            del sys.modules[name]


@dataclass(frozen=True)
class Term:  # not slotted: the compiled ``_pattern`` is cached on the instance
    """A word or phrase as the stems of its words, in one language."""

    phrase: str
    stems: tuple[str, ...]
    language: str | None

    @classmethod
    def of(cls, phrase: str, language: str | None) -> Term:
        stem = _stemmer(language)
        return cls(phrase, tuple(stem(w.lower()) for w in _WORD_RE.findall(phrase)), language)

    @cached_property
    def source(self) -> str:
        """A regex of consecutive words that start as the term's stems do (a stemmer may
        alter a stem's last letter), each a group: the candidates ``find`` checks."""
        words = [
            f"({re.escape(stem[: max(ANCHOR_LETTERS, len(stem) - 1)])}[^\\W_]*)"
            for stem in self.stems
        ]
        return r"(?<![^\W_])" + r"[\W_]+".join(words)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        return re.compile(self.source, re.IGNORECASE) if self.stems else None

    def find(self, text: str) -> Span | None:
        """The first place in ``text`` where the term is, whatever its inflection, or None."""
        if self._pattern is None:
            return None
        for match in self._pattern.finditer(text):
            words = (match.group(i + 1).lower() for i in range(len(self.stems)))
            if all(map(self._same, words, self.stems)):
                return Span(match.start(), match.end())
        return None

    def _same(self, word: str, stem: str) -> bool:
        if len(stem) >= MIN_PREFIX and word.startswith(stem):
            return True
        return _stemmer(self.language)(word) == stem


def any_of(terms: list[Term]) -> re.Pattern[str]:
    """One regex that finds where any of ``terms`` may be: a text it does not match holds
    none of them (one search instead of one per term)."""
    sources = [_CAPTURE_RE.sub("(?:", term.source) for term in terms if term.stems]
    return re.compile("|".join(sources) or "(?!)", re.IGNORECASE)


def find_term(phrase: str, text: str, language: str | None) -> str | None:
    """The words of ``text`` where ``phrase`` is, whatever their inflection, or None."""
    span = Term.of(phrase, language).find(text)
    return None if span is None else text[span.start : span.end]
