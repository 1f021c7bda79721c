"""The named readability formulas: one plain function of the counts each, with its source.

``FORMULAS`` maps each formula's name (the name YAML and the reports use) to
its function, the languages it was calibrated for (None: any) and whether a
higher value means harder text. ``MAIN_FORMULA`` names the formula that
ranks a language's paragraphs. ``audit.scores.readability`` counts and measures.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import NamedTuple

LONG_WORD_LETTERS = 6  # LIX/RIX/Wiener: a long word has more than six letters


@dataclass(frozen=True)
class Counts:
    """What the formulas are computed from, for an article or one paragraph."""

    sentences: int = 0
    words: int = 0
    syllables: int = 0
    letters: int = 0
    characters: int = 0  # letters and digits of the words
    polysyllables: int = 0  # words of three syllables or more
    monosyllables: int = 0
    long_words: int = 0  # words of more than six letters

    def to_dict(self) -> dict[str, int]:
        return {
            "sentences": self.sentences,
            "words": self.words,
            "syllables": self.syllables,
            "letters": self.letters,
            "characters": self.characters,
            "polysyllables": self.polysyllables,
            "monosyllables": self.monosyllables,
            "long_words": self.long_words,
        }


# ------------------------------------------------------------------ formulas
# Each returns None when the text has no sentence (and so no word).


def _words_per_sentence(c: Counts) -> float:
    return c.words / c.sentences


def _per_word(value: int, c: Counts) -> float:
    return value / c.words


def flesch_reading_ease(c: Counts) -> float | None:
    # Flesch, R. (1948). A new readability yardstick. J. Applied Psychology 32(3), 221-233.
    if not c.sentences:
        return None
    return 206.835 - 1.015 * _words_per_sentence(c) - 84.6 * _per_word(c.syllables, c)


def flesch_kincaid_grade(c: Counts) -> float | None:
    # Kincaid, Fishburne, Rogers & Chissom (1975). Derivation of new readability formulas
    # for Navy enlisted personnel. Research Branch Report 8-75, Naval Technical Training.
    if not c.sentences:
        return None
    return 0.39 * _words_per_sentence(c) + 11.8 * _per_word(c.syllables, c) - 15.59


def gunning_fog(c: Counts) -> float | None:
    # Gunning, R. (1952). The Technique of Clear Writing. McGraw-Hill. Complex words are
    # taken as all words of three syllables or more (no exclusion of names or suffixes).
    if not c.sentences:
        return None
    return 0.4 * (_words_per_sentence(c) + 100 * _per_word(c.polysyllables, c))


def smog_index(c: Counts) -> float | None:
    # McLaughlin, G. H. (1969). SMOG grading: a new readability formula.
    # J. of Reading 12(8), 639-646 (the regression form, scaled to 30 sentences).
    if not c.sentences:
        return None
    return 1.0430 * math.sqrt(c.polysyllables * 30 / c.sentences) + 3.1291


def coleman_liau_index(c: Counts) -> float | None:
    # Coleman, M. & Liau, T. L. (1975). A computer readability formula designed for machine
    # scoring. J. Applied Psychology 60(2), 283-284. L and S are per 100 words.
    if not c.sentences:
        return None
    letters = 100 * _per_word(c.letters, c)
    sentences = 100 * _per_word(c.sentences, c)
    return 0.0588 * letters - 0.296 * sentences - 15.8


def automated_readability_index(c: Counts) -> float | None:
    # Senter, R. J. & Smith, E. A. (1967). Automated Readability Index. AMRL-TR-66-220,
    # Aerospace Medical Research Laboratories, Wright-Patterson AFB.
    if not c.sentences:
        return None
    return 4.71 * _per_word(c.characters, c) + 0.5 * _words_per_sentence(c) - 21.43


def kandel_moles(c: Counts) -> float | None:
    # Kandel, L. & Moles, A. (1958). Application de l'indice de Flesch a la langue
    # francaise. Cahiers Etudes de Radio-Television 19, 253-274.
    if not c.sentences:
        return None
    return 207 - 1.015 * _words_per_sentence(c) - 73.6 * _per_word(c.syllables, c)


def fernandez_huerta(c: Counts) -> float | None:
    # Fernandez Huerta, J. (1959). Medidas sencillas de lecturabilidad. Consigna 214, 29-32,
    # with words per sentence as corrected by Law, G. (2011), "Error in the Fernandez Huerta
    # Readability Formula", LINGUIST List 22.2332.
    if not c.sentences:
        return None
    return 206.84 - 60 * _per_word(c.syllables, c) - 1.02 * _words_per_sentence(c)


def amstad(c: Counts) -> float | None:
    # Amstad, T. (1978). Wie verstandlich sind unsere Zeitungen? Dissertation, Zurich.
    if not c.sentences:
        return None
    return 180 - _words_per_sentence(c) - 58.5 * _per_word(c.syllables, c)


def wiener_sachtextformel(c: Counts) -> float | None:
    # Bamberger, R. & Vanecek, E. (1984). Lesen - Verstehen - Lernen - Schreiben.
    # Jugend und Volk, Wien. The first Wiener Sachtextformel; MS, IW, ES in percent.
    if not c.sentences:
        return None
    polysyllables = 100 * _per_word(c.polysyllables, c)
    long_words = 100 * _per_word(c.long_words, c)
    monosyllables = 100 * _per_word(c.monosyllables, c)
    return (
        0.1935 * polysyllables
        + 0.1672 * _words_per_sentence(c)
        + 0.1297 * long_words
        - 0.0327 * monosyllables
        - 0.875
    )


def lix(c: Counts) -> float | None:
    # Bjornsson, C. H. (1968). Lasbarhet. Liber, Stockholm.
    if not c.sentences:
        return None
    return _words_per_sentence(c) + 100 * _per_word(c.long_words, c)


def rix(c: Counts) -> float | None:
    # Anderson, J. (1983). Lix and Rix: variations on a little-known readability index.
    # J. of Reading 26(6), 490-496.
    if not c.sentences:
        return None
    return c.long_words / c.sentences


class Formula(NamedTuple):
    """A named formula: its function, its languages (None: any) and which way is harder."""

    function: Callable[[Counts], float | None]
    languages: frozenset[str] | None
    higher_is_harder: bool

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages


_EN = frozenset({"en"})
FORMULAS: Mapping[str, Formula] = MappingProxyType(
    {
        "flesch_reading_ease": Formula(flesch_reading_ease, _EN, False),
        "flesch_kincaid_grade": Formula(flesch_kincaid_grade, _EN, True),
        "gunning_fog": Formula(gunning_fog, _EN, True),
        "smog_index": Formula(smog_index, _EN, True),
        "coleman_liau_index": Formula(coleman_liau_index, _EN, True),
        "automated_readability_index": Formula(automated_readability_index, _EN, True),
        "kandel_moles": Formula(kandel_moles, frozenset({"fr"}), False),
        "fernandez_huerta": Formula(fernandez_huerta, frozenset({"es"}), False),
        "amstad": Formula(amstad, frozenset({"de"}), False),
        "wiener_sachtextformel": Formula(wiener_sachtextformel, frozenset({"de"}), True),
        "lix": Formula(lix, None, True),
        "rix": Formula(rix, None, True),
    }
)

# The formula that ranks a language's paragraphs for hot spots; LIX for the others.
MAIN_FORMULA: Mapping[str, str] = MappingProxyType(
    {"en": "flesch_reading_ease", "fr": "kandel_moles", "es": "fernandez_huerta", "de": "amstad"}
)
FALLBACK_MAIN_FORMULA = "lix"
