"""Language detection: deterministic, honest about short text, paragraphs in other languages."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector as LangdetectDetector
from langdetect.language import Language as Ranked

from audit.text import language
from audit.text.detector import Detector
from audit.text.document import Document

ENGLISH = (
    "Thousands of protesters marched through the capital on Friday to demand the departure "
    "of foreign troops, while the government said it would study the request."
)
FRENCH = (
    "Le gouvernement a annoncé vendredi que les troupes américaines resteront dans le pays "
    "pour le moment, selon un communiqué publié dans la soirée."
)


def detect(text: str, given: str | None = None) -> language.Language:
    return language.detect(Document.from_text(text), given)


def test_english_and_french_articles():
    assert detect(ENGLISH).code == "en"
    assert detect(FRENCH).code == "fr"
    assert detect(ENGLISH).confidence > 0.9


def test_detection_is_deterministic():
    results = {detect(ENGLISH + " " + FRENCH[:60]) for _ in range(5)}
    assert len(results) == 1


def test_too_short_to_judge_is_unknown_not_guessed():
    result = detect("Leave a Comment")
    assert (result.code, result.confidence) == (None, None)


def test_given_language_skips_detection():
    result = detect(FRENCH, given="en")
    assert (result.code, result.given, result.confidence) == ("en", True, None)


FOREIGN = {
    "fr": FRENCH,
    "de": "Die Regierung hat am Freitag angekündigt, dass die amerikanischen Truppen vorerst "
    "im Land bleiben werden, sagte ein Sprecher.",
    "es": "El gobierno anunció el viernes que las tropas estadounidenses permanecerán en el "
    "país por el momento, según un comunicado.",
    "ar": "أعلنت الحكومة يوم الجمعة أن القوات الأمريكية ستبقى "
    "في البلاد في الوقت الحالي، وفقا لبيان.",
    "ru": "Правительство объявило в пятницу, что американские войска пока останутся в стране.",
}


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_a_paragraph_left_in_another_language_is_reported(code):
    result = detect(f"{ENGLISH}\n{ENGLISH}\n{FOREIGN[code]}\n{ENGLISH}")
    assert result.code == "en"
    assert [(p.paragraph, p.code) for p in result.paragraphs] == [(2, code)]


def test_english_captions_and_credits_are_not_foreign_paragraphs():
    caption = "Followers of Shiite cleric Muqtada al-Sadr gather in Baghdad, Iraq: AP"
    result = detect(f"{ENGLISH}\n{caption}\nBasra, Dhi Qar, Najaf and Diwaniyah provinces\n")
    assert result.paragraphs == ()


def _langdetect_and_ours(text: str, trials: int) -> tuple[Any, Any]:
    factory = language._factory()
    pair = (LangdetectDetector(factory), Detector(factory))
    for detector in pair:
        detector.n_trial = trials
        detector.append(text)
        detector.cleaning_text()
    return pair


WORDS = st.text(
    alphabet=st.sampled_from("aAbBcCéÉèßœŒ'’-.,!?«» \n0123\u0627\u0644\u4e2d\u00a0"), max_size=12
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=30).map(" ".join))
def test_our_detector_extracts_the_ngrams_langdetect_extracts(text):
    theirs, ours = _langdetect_and_ours(text, 1)
    assert ours._extract_ngrams() == theirs._extract_ngrams()


@pytest.mark.parametrize("text", [ENGLISH, FRENCH, ENGLISH.upper(), f"{FRENCH} {ENGLISH}"])
def test_our_detector_gives_langdetects_probabilities(text):
    theirs, ours = _langdetect_and_ours(text, 3)
    assert repr(ours.get_probabilities()) == repr(theirs.get_probabilities())


PHRASES = [*FOREIGN.values(), ENGLISH, "Get out, occupier.", "No, no America!", "Merci, Paris."]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PHRASES), min_size=1, max_size=3).map(" ".join), st.randoms())
def test_the_first_trial_never_rules_out_a_paragraph_seven_trials_report(text, random):
    cut = text[: random.randint(20, len(text))] if len(text) > 20 else text
    first = language._probabilities(cut, language.PARAGRAPH_SAMPLE_CHARS, language.FIRST_TRIALS)
    full = language._probabilities(cut, language.PARAGRAPH_SAMPLE_CHARS, language.PARAGRAPH_TRIALS)
    for article_language in ("en", "fr"):
        reported = any(
            found.lang != article_language and found.prob >= language.MIN_CONFIDENCE
            for found in full
        )
        if reported:
            assert language._may_reach(
                first, article_language, language.FIRST_TRIALS, language.PARAGRAPH_TRIALS
            )


def test_the_first_trial_rules_out_an_english_quote_in_an_english_article():
    first = language._probabilities("Get out, occupier, go home.", 200, language.FIRST_TRIALS)
    assert not language._may_reach(first, "en", language.FIRST_TRIALS, language.PARAGRAPH_TRIALS)


@pytest.mark.parametrize(
    ("probability", "done", "reachable"),
    [(0.31, 1, True), (0.29, 1, False), (0.77, 3, True), (0.76, 3, False), (0.9, 7, True)],
)
def test_a_language_may_reach_the_confidence_only_if_the_remaining_trials_can_lift_it(
    probability, done, reachable
):
    ranked = [Ranked("en", 1 - probability), Ranked("fr", probability)]
    assert language._may_reach(ranked, "en", done, 7) is reachable
    assert not language._may_reach([Ranked("en", 1.0)], "en", done, 7)


@pytest.mark.parametrize("line", ["2024", "12:45", "--- * ---", "1, 2, 3 ... 10 %"])
def test_a_paragraph_without_letters_is_not_foreign_and_does_not_fail(line):
    result = detect(f"{ENGLISH}\n{line}\n{ENGLISH}")
    assert result.code == "en"
    assert result.paragraphs == ()
