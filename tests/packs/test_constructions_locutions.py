"""The construction, locution and broken-syntax families, through the real command line.

Each family must catch variants its examples do not show (another verb,
another figure, another pronoun), and native English that uses the same
words must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "rules" / "en" / name
    for name in (
        "from-fr/constructions.yaml",
        "from-fr/locutions.yaml",
        "from-fr/calques.yaml",
        "garbled.yaml",
    )
]

TRANSLATED = {
    "fr-en.constructions.year-on-year": "Fuel prices jumped 9% over one year in March.",
    "fr-en.constructions.thousand-billion": "The fund manages 1,000 billion dollars.",
    "fr-en.constructions.million-of": "The stadium cost 600 million of euros.",
    "fr-en.constructions.figures-progress": "Exports progressed by 4% in the spring.",
    "fr-en.constructions.day-of-date": "The strike spread during the day of Tuesday.",
    "fr-en.constructions.ages-and-durations": "A pupil of 11 and a half years was hurt.",
    "fr-en.constructions.subject-then-inversion": "The coach will he stay next season?",
    "fr-en.constructions.dislocation": "It's not simple, a derby.",
    "fr-en.constructions.reported-conditional": "The pilot would have fled, the daily writes.",
    "fr-en.constructions.outlet-before-subject": "“We are ready”, said to Le Figaro Paul Girard.",
    "fr-en.constructions.time-where": "He remembers the night where the dam broke.",
    "fr-en.constructions.know-a-rise": "The airline knew a sharp drop in bookings.",
    "fr-en.constructions.retrospective-future": "The strikers will have waited nine days in vain.",
    "fr-en.constructions.incise-time-before-subject": "“No,” replied Friday the club president.",
    "fr-en.constructions.french-determiners": "The two last matches were cancelled.",
    "fr-en.locutions.politics-and-debate": "The senators threw a paving stone in the pond.",
    "fr-en.locutions.pronominal-verbs": "The singer says herself ready for a comeback.",
    "fr-en.locutions.support-verbs": "Three climbers found death on the glacier.",
    "fr-en.locutions.time-and-manner": "The crowd gathered from now and already at dawn.",
    "fr-en.calques.one-word-senses": "The bill survived an electric session of the assembly.",
    "en.garbled.past-for-participle": "The rescuers had went back to the valley.",
    "en.garbled.doubled-negation": "The shop does not open no longer on Sundays.",
    "en.garbled.function-word-pair": "He spoke to the of the committee.",
    "en.garbled.whose-pronoun": "This is the decision whose they are proud.",
}

NATIVE = (
    "Rents rose 4% on a year earlier, and prices are up 2% year on year. "
    "The talks progressed slowly and the disease progressed quickly. "
    "He raised $5 million of funding, and millions of people watched. "
    "It is important a decision is made soon. What will he do next? "
    "She said she would have voted against the bill. "
    "We reached a point where nothing worked. Her husband of 30 years died. "
    "By Friday the government will have spent its budget. "
    "The company said Monday the plant would close. "
    "Both teams scored, and they are one and the same. "
    "The house blends into nature. She smiled as if nothing had happened. "
    "It is not for nothing that he won. He went home after he had seen the film. "
    "Electric cars dominated the debate, and the decline has begun in the steel industry."
)


@pytest.mark.parametrize("rule", sorted(TRANSLATED))
def test_a_family_catches_a_variant_its_examples_do_not_show(findings_of, rule):
    assert rule in {finding["rule"] for finding in findings_of(TRANSLATED[rule], *PACKS)}


def test_native_english_with_the_same_words_stays_quiet(findings_of):
    assert findings_of(NATIVE, *PACKS) == []


def test_every_locution_names_its_french_source_and_an_english_equivalent():
    pack = yaml.safe_load((ROOT / "rules/en/from-fr/locutions.yaml").read_text(encoding="utf-8"))
    entries = [value for rule in pack["rules"] for value in rule["entries"].values()]
    assert len(entries) > 1000
    assert all(value["source"] and value["suggest"] for value in entries)
