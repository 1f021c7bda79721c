"""langdetect's Detector with a faster n-gram extraction; same n-grams, same results.

Half of langdetect's time goes to cutting the text into 1- to 3-grams, one
character at a time through an ``NGram`` object. ``Detector`` here keeps
langdetect's algorithm, profiles, trials and random sequence, and extracts
the same n-grams in the same order with less work: characters are
normalised once each (``NGram.normalize`` is a pure function of the
character), and a word's n-grams are worked out once, because the n-gram
buffer starts afresh after each space, so they do not depend on what comes
before. ``tests/test_language.py`` checks that the n-grams and the
probabilities are langdetect's own.
"""

from __future__ import annotations

from typing import Any

from langdetect.detector import Detector as LangdetectDetector
from langdetect.utils.ngram import NGram

WORD_CACHE_LIMIT = 1 << 16
_NORMALIZED: dict[str, str] = {}
_WORD_NGRAMS: dict[int, dict[tuple[str, bool], tuple[str, ...]]] = {}


def _normalized(char: str) -> str:
    found = _NORMALIZED.get(char)
    if found is None:
        found = _NORMALIZED[char] = NGram.normalize(char)
    return found


def _word_ngrams(word: str, spaced: bool, known: dict[str, Any]) -> tuple[str, ...]:
    """The n-grams langdetect draws from ``word`` (normalised, no space), followed by a space
    when ``spaced``: its n-gram buffer starts afresh after every space, so a word gives the
    same n-grams wherever it is."""
    cache = _WORD_NGRAMS.setdefault(id(known), {})
    key = (word, spaced)
    found = cache.get(key)
    if found is None:
        if len(cache) >= WORD_CACHE_LIMIT:
            cache.clear()
        found = cache[key] = tuple(_ngrams(word + " " if spaced else word, known))
    return found


def _ngrams(text: str, known: dict[str, Any]) -> list[str]:
    """langdetect's ``NGram`` walk over ``text``, which starts after a space and holds none
    but maybe a last one (so the buffer never starts afresh inside it)."""
    found: list[str] = []
    grams = " "
    for char in text:
        last = grams[-1]
        if len(grams) >= NGram.N_GRAM:
            grams = grams[1:]
        grams += char
        if char.isupper() and last.isupper():
            continue  # inside a word in capitals
        if char != " " and char in known:
            found.append(char)
        found += (
            gram for size in (2, 3) if len(grams) >= size and (gram := grams[-size:]) in known
        )
    return found


class Detector(LangdetectDetector):  # type: ignore[misc]
    """A langdetect Detector whose n-gram extraction runs faster (see the module)."""

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        words = "".join(map(_normalized, self.text)).split(" ")
        last = len(words) - 1
        found: list[str] = []
        for index, word in enumerate(words):
            if word:
                found += _word_ngrams(word, index < last, known)
        return found
