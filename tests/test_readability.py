"""Readability: formulas against hand counts and textstat, the meter's settings and results."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator

import pyphen
import pytest
import textstat

from audit import __version__
from audit.errors import ConfigError
from audit.scores.formulas import FORMULAS, Counts
from audit.scores.readability import ReadabilityMeter
from audit.scores.syllables import count_syllables
from audit.text.document import Document, Language


def make_doc(text: str, language: str | None = "en") -> Document:
    given = Language(code=language, confidence=None, given=True)
    return Document.from_text(text).with_language(given)


# ------------------------------------------------------------------ English

ENGLISH = (
    "The committee approved the beautiful building. Everyone was happy. "
    "It opened yesterday in the afternoon."
)
# Counted by hand, word by word (syllables, letters):
# The 1/3, committee 3/9, approved 2/8, the 1/3, beautiful 3/9, building 2/8 |
# Everyone 3/8, was 1/3, happy 2/5 | It 1/2, opened 2/6, yesterday 3/9, in 1/2,
# the 1/3, afternoon 3/9.
HAND_SYLLABLES = [1, 3, 2, 1, 3, 2, 3, 1, 2, 1, 2, 3, 1, 1, 3]
HAND_COUNTS = Counts(
    sentences=3,
    words=15,
    syllables=29,
    letters=87,
    characters=87,
    polysyllables=5,  # committee, beautiful, Everyone, yesterday, afternoon
    monosyllables=6,
    long_words=7,  # more than six letters: committee ... afternoon
)
WPS = 15 / 3  # words per sentence
SPW = 29 / 15  # syllables per word
EXPECTED_ENGLISH = {
    "flesch_reading_ease": 206.835 - 1.015 * WPS - 84.6 * SPW,
    "flesch_kincaid_grade": 0.39 * WPS + 11.8 * SPW - 15.59,
    "gunning_fog": 0.4 * (WPS + 100 * 5 / 15),
    "smog_index": 1.0430 * math.sqrt(5 * 30 / 3) + 3.1291,
    "coleman_liau_index": 0.0588 * (100 * 87 / 15) - 0.296 * (100 * 3 / 15) - 15.8,
    "automated_readability_index": 4.71 * 87 / 15 + 0.5 * WPS - 21.43,
    "lix": WPS + 100 * 7 / 15,
    "rix": 7 / 3,
}


def test_hand_counted_syllables() -> None:
    doc = make_doc(ENGLISH)
    assert [count_syllables(doc.slice(w), "en") for w in doc.words] == HAND_SYLLABLES


def test_english_counts() -> None:
    assert ReadabilityMeter().measure(make_doc(ENGLISH)).counts == HAND_COUNTS


@pytest.mark.parametrize(("name", "expected"), EXPECTED_ENGLISH.items())
def test_english_formulas(name: str, expected: float) -> None:
    result = ReadabilityMeter().measure(make_doc(ENGLISH))
    assert result.scores[name] == pytest.approx(expected)
    assert result.to_dict()[name] == round(expected, 1)
    assert FORMULAS[name].function(HAND_COUNTS) == pytest.approx(expected)


def test_english_gets_english_formulas_only() -> None:
    scores = ReadabilityMeter().measure(make_doc(ENGLISH)).scores
    computed = {name for name, value in scores.items() if value is not None}
    assert computed == set(EXPECTED_ENGLISH)


def test_counts_use_the_documents_words() -> None:
    doc = make_doc("It's a back-to-back win for the U.S. team, 3-1 at 9 p.m. on May 4.")
    counts = ReadabilityMeter().measure(doc).counts
    assert counts.words == len(doc.words)
    assert counts.sentences == len(doc.sentences)


# ------------------------------------------------- other languages vs textstat

# Chosen so that every word has the same syllables for us and for textstat (pyphen's
# hyphenation points + 1), every sentence has more than two words (textstat drops
# shorter ones), and there is no hyphen or apostrophe (textstat keeps those words whole).
FOREIGN = {
    "fr": "Le gouvernement a présenté un nouveau budget pour la région. Les manifestants "
    "ont marché dans les rues de Paris. Le chef du parti parlera demain devant les "
    "sénateurs du pays.",
    "es": "El alcalde presentó un nuevo presupuesto para la ciudad. Los manifestantes "
    "caminaron por las calles de la capital. El presidente hablará mañana ante los senadores.",
    "de": "Die Regierung hat den neuen Haushalt für die Stadt vorgestellt. Die Bürger "
    "marschierten durch die Straßen der Hauptstadt. Der Präsident spricht morgen vor dem "
    "Bundestag.",
}
# textstat's flesch_reading_ease uses Kandel-Moles constants for French and Amstad's
# for German.
TEXTSTAT: dict[str, dict[str, Callable[[str], float]]] = {
    "fr": {"kandel_moles": textstat.flesch_reading_ease},
    "es": {"fernandez_huerta": textstat.fernandez_huerta},
    "de": {
        "amstad": textstat.flesch_reading_ease,
        "wiener_sachtextformel": lambda text: textstat.wiener_sachtextformel(text, 1),
    },
}
TOLERANCE = 0.01  # the same counts give the same value up to float noise


@pytest.fixture
def textstat_language() -> Iterator[Callable[[str], None]]:
    textstat.set_rounding_points(None)
    yield textstat.set_lang
    textstat.set_lang("en_US")


@pytest.mark.parametrize("language", FOREIGN)
def test_foreign_text_has_the_same_syllables_as_textstat(language: str) -> None:
    hyphenator = pyphen.Pyphen(lang=language)
    for word in re.findall(r"\w+", FOREIGN[language]):
        expected = len(hyphenator.positions(word.lower())) + 1
        assert count_syllables(word, language) == expected, word


@pytest.mark.parametrize(
    ("language", "name"),
    [(language, name) for language, names in TEXTSTAT.items() for name in (*names, "lix", "rix")],
)
def test_foreign_formulas_match_textstat(
    language: str, name: str, textstat_language: Callable[[str], None]
) -> None:
    textstat_language(language)
    text = FOREIGN[language]
    reference = {**TEXTSTAT[language], "lix": textstat.lix, "rix": textstat.rix}[name]
    ours = ReadabilityMeter().measure(make_doc(text, language)).scores[name]
    assert ours == pytest.approx(reference(text), abs=TOLERANCE)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", {"kandel_moles", "lix", "rix"}),
        ("es", {"fernandez_huerta", "lix", "rix"}),
        ("de", {"amstad", "wiener_sachtextformel", "lix", "rix"}),
        ("it", {"lix", "rix"}),
        (None, {"lix", "rix"}),
    ],
)
def test_formulas_follow_the_language(language: str | None, expected: set[str]) -> None:
    result = ReadabilityMeter().measure(make_doc(FOREIGN["fr"], language))
    computed = {name for name, value in result.scores.items() if value is not None}
    assert computed == expected
    assert set(FORMULAS) <= set(result.to_dict())  # the others are null, not left out


def test_unknown_language_ranks_hot_spots_by_lix() -> None:
    result = ReadabilityMeter().measure(make_doc(FOREIGN["fr"], None))
    assert result.hot_spot_formula == "lix"
    assert result.to_dict()["flesch_reading_ease"] is None


# -------------------------------------------------------------- the meter


def test_signature_pinned() -> None:
    assert ReadabilityMeter().signature == (
        f"readability|formulas:auto|long:35|hot:3|syllables:rules-en+pyphen|version:{__version__}"
    )
    meter = ReadabilityMeter(formulas=["smog_index", "lix"], long_sentence_words=25, hot_spots=5)
    assert meter.signature == (
        "readability|formulas:smog_index,lix|long:25|hot:5|syllables:rules-en+pyphen"
        f"|version:{__version__}"
    )


def test_result_carries_the_signature() -> None:
    meter = ReadabilityMeter(long_sentence_words=20)
    result = meter.measure(make_doc(ENGLISH))
    assert result.signature == meter.signature
    assert result.to_dict()["signature"] == meter.signature


def test_unknown_formula_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="did you mean 'flesch_reading_ease'") as error:
        ReadabilityMeter(formulas=["flesch_reading_eas"])
    assert error.value.place == "readability.formulas"


@pytest.mark.parametrize(
    "settings",
    [
        {"formulas": "lix"},
        {"formulas": []},
        {"formulas": [["lix"]]},
        {"long_sentence_words": 0},
        {"hot_spots": -1},
        {"hot_spots": True},
    ],
)
def test_bad_settings_are_config_errors(settings: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        ReadabilityMeter(**settings)  # type: ignore[arg-type]


def test_explicit_formulas_are_the_keys() -> None:
    result = ReadabilityMeter(formulas=["smog_index", "kandel_moles", "smog_index"]).measure(
        make_doc(ENGLISH)
    )
    assert list(result.scores) == ["smog_index", "kandel_moles"]
    assert result.scores["kandel_moles"] is None  # a French formula, not for English
    data = result.to_dict()
    assert "flesch_reading_ease" not in data
    assert data["smog_index"] == round(EXPECTED_ENGLISH["smog_index"], 1)
    assert result.hot_spot_formula == "smog_index"


def test_no_sentence_no_scores() -> None:
    data = ReadabilityMeter().measure(make_doc("")).to_dict()
    assert all(data[name] is None for name in FORMULAS)
    assert data["counts"] == Counts().to_dict()
    assert data["hot_spots"] == []
    assert data["long_sentences"] == []


# ------------------------------------------- hot spots and long sentences

EASY = "We sat in the sun. The dog ran to us. We fed it and it was glad."
HARD = (
    "Intergovernmental negotiations regarding constitutional modifications necessitated "
    "extraordinarily comprehensive consultations with international representatives."
)
LONG_SENTENCE = " ".join(["the"] * 20 + ["cat"] * 20) + "."
CRAFTED = "\n".join(
    [
        EASY,
        "Unconstitutionality notwithstanding.",  # hardest words, but too short to count
        EASY,
        HARD,
        "",
        EASY + " " + LONG_SENTENCE,
        EASY,
    ]
)


def test_hot_spots_are_the_hardest_paragraphs() -> None:
    doc = make_doc(CRAFTED)
    result = ReadabilityMeter().measure(doc)
    assert result.hot_spot_formula == "flesch_reading_ease"
    hardest = result.hot_spots[0]
    assert (hardest.paragraph, hardest.line) == (3, 4)
    assert hardest.excerpt.startswith("Intergovernmental negotiations regarding")
    assert hardest.excerpt.endswith("…")
    assert hardest.score == ReadabilityMeter().paragraphs(doc)[3].scores["flesch_reading_ease"]
    scores = [spot.score for spot in result.hot_spots]
    assert scores == sorted(scores)  # hardest (lowest ease) first
    assert len(result.hot_spots) == ReadabilityMeter.HOT_SPOTS
    assert 1 not in {spot.paragraph for spot in result.hot_spots}


def test_hot_spots_by_a_grade_formula_rank_highest_first() -> None:
    result = ReadabilityMeter(formulas=["flesch_kincaid_grade"], hot_spots=2).measure(
        make_doc(CRAFTED)
    )
    assert [spot.paragraph for spot in result.hot_spots][:1] == [3]
    assert len(result.hot_spots) == 2
    assert result.hot_spots[0].score > result.hot_spots[1].score


def test_long_sentences() -> None:
    doc = make_doc(CRAFTED)
    long_sentences = ReadabilityMeter().measure(doc).long_sentences
    assert len(long_sentences) == 1
    found = long_sentences[0]
    assert found.words == 40
    assert doc.slice(found.span) == LONG_SENTENCE
    assert (found.line, found.column) == (6, len(EASY) + 2)
    assert found.to_dict()["words"] == 40
    assert ReadabilityMeter(long_sentence_words=40).measure(doc).long_sentences == ()


def test_paragraphs_add_up_to_the_article() -> None:
    doc = make_doc(CRAFTED)
    result = ReadabilityMeter().measure(doc)
    paragraphs = ReadabilityMeter().paragraphs(doc)
    assert [p.index for p in paragraphs] == list(range(6))
    for field in ("sentences", "words", "syllables", "letters", "polysyllables"):
        total = sum(getattr(p.counts, field) for p in paragraphs)
        assert total == getattr(result.counts, field), field
