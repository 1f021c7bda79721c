"""Prepositional locutions rendered word for word, through the real command line.

Each locution of bench/locutions.tsv's prepositional rows must be caught in
a sentence its examples do not show, and its English neighbours must pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "from-fr" / "locutions.yaml"

TRANSLATED = [
    "Prices climb at the approach of the holidays.",
    "The minister spoke briefly at the exit of the council.",
    "Thousands marched at the call of the unions on Tuesday.",
    "The driver was under the effects of cannabis.",
    "The city builds homes at the rhythm of 500 a year.",
    "He was charged on the base of new evidence.",
    "The law was amended in the purpose of protecting tenants.",
    "The budget is in the continuity of last year's.",
]
ENGLISH = (
    "Prices climb ahead of the holidays. She stood at the exit of the car park. "
    "The statue stands on the base of an old column. He answered the call of duty. "
    "They danced to the rhythm of the drums. The plan follows on from last year's."
)


@pytest.mark.parametrize("sentence", TRANSLATED)
def test_a_prepositional_locution_word_for_word_is_caught(findings_of, sentence):
    assert "fr-en.locutions.time-and-manner" in {f["rule"] for f in findings_of(sentence, PACK)}


def test_the_english_neighbours_pass(findings_of):
    assert {f["rule"] for f in findings_of(ENGLISH, PACK)} == set()
