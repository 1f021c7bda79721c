"""langdetect's Detector doing the same work faster; same n-grams, same results.

Half of langdetect's time goes to cutting the text into 1- to 3-grams, one
character at a time through an ``NGram`` object. ``Detector`` here keeps
langdetect's algorithm, profiles, trials and random sequence, and extracts
the same n-grams in the same order with less work: characters are
normalised once each (``NGram.normalize`` is a pure function of the
character), and a word's n-grams are worked out once, because the n-gram
buffer starts afresh after each space, so they do not depend on what comes
before.

The rest is langdetect's own steps in fewer Python operations: the text is
appended and cleaned with regexes instead of a loop over its characters,
and each trial multiplies the probabilities of all languages in one list
comprehension, drawing the n-grams with the same calls to the same seeded
``random.Random``, so that every float is computed by the same operations in
the same order. ``tests/test_language.py`` checks that the text, the
n-grams and the probabilities are langdetect's own.
"""

from __future__ import annotations

import re
from typing import Any

from langdetect.detector import Detector as LangdetectDetector
from langdetect.lang_detect_exception import ErrorCode, LangDetectException
from langdetect.utils.ngram import NGram

WORD_CACHE_LIMIT = 1 << 16
_NORMALIZED: dict[str, str] = {}
_SPACE_RUN_RE = re.compile("  +")
# langdetect counts as Latin the characters from "A" to "z" (brackets and the rest between
# them included), and as not Latin every character from U+0300 on: its test to exempt the
# Latin Extended Additional block compares a block number with a block name, so it exempts
# nothing.
_LATIN_RE = re.compile("[A-z]")
_NOT_LATIN_RE = re.compile("[\u0300-\U0010ffff]")
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
    """A langdetect Detector that does the same work faster (see the module)."""

    def append(self, text: str) -> None:
        """langdetect's ``append``: URLs and e-mail addresses become spaces, Vietnamese marks
        are normalised, and of the first ``max_text_length`` characters a space right after
        a space is dropped."""
        text = NGram.normalize_vi(self.MAIL_RE.sub(" ", self.URL_RE.sub(" ", text)))
        self.text += _SPACE_RUN_RE.sub(" ", text[: self.max_text_length])

    def cleaning_text(self) -> None:
        """langdetect's ``cleaning_text``: a text with more than twice as many non-Latin
        characters as Latin ones loses its Latin ones."""
        latin = len(_LATIN_RE.findall(self.text))
        if latin * 2 < len(_NOT_LATIN_RE.findall(self.text)):
            self.text = _LATIN_RE.sub("", self.text)

    def _detect_block(self) -> None:
        self.cleaning_text()
        ngrams = self._extract_ngrams()
        if not ngrams:
            raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
        trials = self.n_trial
        total = [0.0] * len(self.langlist)
        self.random.seed(self.seed)
        for _ in range(trials):
            total = [sum_ + p / trials for sum_, p in zip(total, self._trial(ngrams), strict=True)]
        self.langprob = total

    def _trial(self, ngrams: list[str]) -> list[float]:
        """One of langdetect's trials: the probabilities after multiplying in randomly drawn
        n-grams' rows, normalised every fifth draw, until one language passes
        ``CONV_THRESHOLD`` or the draws reach ``ITERATION_LIMIT``."""
        table = self.word_lang_prob_map
        prob = self._init_probability()
        weight = (self.alpha + self.random.gauss(0.0, 1.0) * self.ALPHA_WIDTH) / self.BASE_FREQ
        # random.choice(ngrams) is ngrams[random._randbelow(len(ngrams))]: the same draw.
        below, count = self.random._randbelow, len(ngrams)
        languages = range(len(prob))
        draw = 0
        while True:
            row = table[ngrams[below(count)]]
            for i in languages:
                prob[i] *= weight + row[i]
            if draw % 5 == 0:
                norm = sum(prob)
                prob = [p / norm for p in prob]
                if max(0.0, *prob) > self.CONV_THRESHOLD or draw >= self.ITERATION_LIMIT:
                    return prob
            draw += 1

    def _extract_ngrams(self) -> list[str]:
        known = self.word_lang_prob_map
        words = "".join(map(_normalized, self.text)).split(" ")
        last = len(words) - 1
        found: list[str] = []
        for index, word in enumerate(words):
            if word:
                found += _word_ngrams(word, index < last, known)
        return found
