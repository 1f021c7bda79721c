"""A place phrase, then a verb without subject (parmi les invités figurent ...), via the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "garbled.yaml"
RULE = "en.garbled.fronted-list-without-subject"

TRANSLATED = [
    "Among the victims, include three children.",
    "Behind the wheel, sit two volunteers.",
    "At the top of the list, appear notably the big cities.",
    "Alongside the mayor, stand several deputies.",
]
ENGLISH = (
    "Among the victims were three children. In the box, include the reference. "
    "Behind the wheel sat two volunteers. On the list, include your name and address."
)


@pytest.mark.parametrize("sentence", TRANSLATED)
def test_a_verb_without_subject_after_a_place_phrase_is_caught(findings_of, sentence):
    assert RULE in {f["rule"] for f in findings_of(sentence, PACK)}


def test_english_inversion_and_instructions_pass(findings_of):
    assert RULE not in {f["rule"] for f in findings_of(ENGLISH, PACK)}
