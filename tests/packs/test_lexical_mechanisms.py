"""Lexical families found by a mechanism rather than a phrase list: frequent French words
left in English prose (fr-en.untranslated), French public life and administration taken
literally (fr-en.gazetteer) and faux amis in the frames that force the French sense
(fr-en.false-friends).

Each family is tried on variants written for this test (none is a rule example) and on
native English that uses the same words, each sentence as an article of its own."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from audit import Auditor

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "rules/en/from-fr" / name
    for name in ("untranslated.yaml", "gazetteer.yaml", "false-friends.yaml", "senses.yaml")
]

UNSEEN = {
    "fr-en.untranslated.french-frequent-word": [
        "The procès of the four suspects opens in June.",
        "The new coach wants a younger équipe next season.",
        "Shops in the quartier stayed shut during the riots.",
        "The jeunesse of the town gathered on the square.",
        "He wrote a long lettre to the prefect.",
        "The voiture caught fire on the ring road.",
        "His santé worsened after the crash.",
        "The débat on pensions lasted until midnight.",
        "The pharmacie will reopen on Monday morning.",
        "The médecin on call refused to sign the certificate.",
    ],
}

NATIVE = [
    "They dined en famille at the farmhouse.",
    "The chanson she sang was written in 1962.",
    "He offered a brief aperçu of the plan.",
    "The entrée was served with a light sauce.",
    "Such fashions are passé in Milan.",
    "The milliard is an old word for a thousand million.",
    "His clothes were outre and his manners worse.",
    "The Famille Perrin estate sells wine in forty countries.",
    "Quartier Latin is the name of the bookshop.",
    "L'Équipe reported the transfer on its front page.",
]


@cache
def auditor() -> Auditor:
    return Auditor.from_rules(PACKS, builtin=False, language="en", source_language="fr")


def rules_of(text: str) -> set[str]:
    return {finding["rule"] for finding in auditor().check_text(text)["findings"]}


@pytest.mark.parametrize(
    ("sentence", "rule"), [(sentence, rule) for rule, items in UNSEEN.items() for sentence in items]
)
def test_an_unseen_variant_of_the_family_is_flagged(sentence: str, rule: str) -> None:
    assert rule in rules_of(sentence)


@pytest.mark.parametrize("sentence", NATIVE)
def test_native_english_with_the_same_words_stays_quiet(sentence: str) -> None:
    assert rules_of(sentence) == set()
