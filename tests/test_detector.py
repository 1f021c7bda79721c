"""Our langdetect Detector gives langdetect's own text, n-grams and probabilities."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector import Detector as LangdetectDetector
from langdetect.lang_detect_exception import LangDetectException

from audit.text import language
from audit.text.detector import Detector

PIECES = st.sampled_from(
    [
        "the",
        "Le",
        "été",
        "DE",
        "  ",
        " ",
        "\n",
        "[x]_`^",
        "http://example.com/a?b=1",
        "mail@example.org",
        "Ưu",
        "ệ\u1ec7\u1ea1",
        "a\u0301",
        "\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "\u4e2d\u6587",
        "Россия",
        "ß",
        "’",
        "123",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _pair(text: str, limit: int, trials: int) -> tuple[LangdetectDetector, Detector]:
    factory = language._factory()
    pair = (LangdetectDetector(factory), Detector(factory))
    for detector in pair:
        detector.set_max_text_length(limit)
        detector.n_trial = trials
        detector.append(text)
    return pair


def _outcome(detector: LangdetectDetector) -> str:
    try:
        return repr(detector.get_probabilities())
    except LangDetectException as error:
        return f"error: {error}"


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.sampled_from([5, 30, 200, 10_000]))
def test_appended_and_cleaned_text_is_langdetects(text, limit):
    theirs, ours = _pair(text, limit, 1)
    assert ours.text == theirs.text
    theirs.cleaning_text()
    ours.cleaning_text()
    assert ours.text == theirs.text


@settings(max_examples=60, deadline=None)
@given(TEXTS, st.sampled_from([1, 3, 7]))
def test_probabilities_are_langdetects_for_any_text_and_trials(text, trials):
    theirs, ours = _pair(text, 200, trials)
    assert _outcome(ours) == _outcome(theirs)


def test_our_detector_cuts_n_grams_without_langdetects_ngram_objects(monkeypatch):
    def refuse(*_: object) -> None:
        raise AssertionError("langdetect's NGram walk ran")

    monkeypatch.setattr("langdetect.utils.ngram.NGram.add_char", refuse)
    ours = Detector(language._factory())
    ours.append("The government said on Friday that the troops would stay.")
    assert ours.get_probabilities()[0].lang == "en"
