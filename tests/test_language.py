"""Language detection: deterministic, honest about short text, paragraphs in other languages."""

from __future__ import annotations

import pytest

from audit import language
from audit.document import Document

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
