"""The gazetteer, constructions and idioms packs, through the real command line.

Each family must catch variants its examples do not show (another tense,
another institution, another day), and native English that uses the same
words must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "rules" / "en" / "from-fr" / name
    for name in ("gazetteer.yaml", "constructions.yaml", "idioms.yaml")
]

TRANSLATED = {
    "fr-en.gazetteer.seats-of-power": "Lodgers of the Elysee all promised it.",
    "fr-en.gazetteer.state-bodies": "Prosecutors seized the Council of State the next morning.",
    "fr-en.gazetteer.national-colours": "Galthié said the Blues were tired.",
    "fr-en.constructions.this-weekday": "The truce collapsed this Saturday evening.",
    "fr-en.constructions.inverted-speech-verb": "The talks had failed, deplored the union leader.",
    "fr-en.constructions.elected-as-noun": "Several elected walked out of the council chamber.",
    "fr-en.constructions.verb-frames": "The new law will permit to close schools at short notice.",
    "fr-en.idioms.prendre": "Her deputy is taking the relay while she recovers.",
    "fr-en.idioms.tenir-donner-passer": "The toll passed the cape of 200 on Tuesday.",
    "fr-en.idioms.sport-and-success": "Lens renews with the victory after a month without a win.",
}

NATIVE = (
    "Chelsea fans sang as the Blues scored twice. The Tricolour flew over Dublin. "
    "The League of Nations met in Geneva. She took the floor in the Senate and spoke for an hour. "
    "The company, in a statement, confirmed the deal on Monday. The strike will start this Monday. "
    "He was elected to the council in 2019, and the elected officials met on Friday. "
    "Try to avoid that, if you can. He succeeded to the throne. She made the front page. "
    "The soldiers renewed with vigour their attack. His name is synonymous with quality. "
    "A 19-year-old man was charged. The lease was renewed with the landlord. "
    "The economy held up well. He was at the helm of the company for a decade."
)


@pytest.mark.parametrize("rule", sorted(TRANSLATED))
def test_a_family_catches_a_variant_its_examples_do_not_show(findings_of, rule):
    assert rule in {finding["rule"] for finding in findings_of(TRANSLATED[rule], *PACKS)}


def test_native_english_with_the_same_words_stays_quiet(findings_of):
    assert [(f["rule"], f["text"]) for f in findings_of(NATIVE, *PACKS)] == []


def test_a_suggestion_follows_the_tense_of_the_match(findings_of):
    [finding] = findings_of("The hosts of the Kremlin have always taken the relay.", *PACKS)[1:]
    assert (finding["text"], finding["suggestions"]) == ("taken the relay", ["taken over"])
