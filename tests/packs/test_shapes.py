"""French sentence shapes on closed-class words, through the real command line.

Each shape must catch variants its examples do not show (another count,
another verb, another outlet, another pronoun), and native English that
uses the same words must stay quiet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "from-fr" / "shapes.yaml"

VARIANTS = {
    "fr-en.shapes.counted-subject": [
        "They were about 150 to gather outside the town hall.",
        "We were thousands to sign the petition in a week.",
        "You are many to have written to us about the closure.",
        "They are twelve candidates for three seats.",
        "They were more than 800 residents at the meeting.",
    ],
    "fr-en.shapes.part-without-commas": [
        "The prosecutor for her part asked for a suspended sentence.",
        "Renault for its part expects sales to recover.",
        "The Greens for their part announced a boycott.",
    ],
    "fr-en.shapes.present-since-date": [
        "He heads the regional council since 2021.",
        "She is on strike since the beginning of the month.",
        "They live in a hotel since September.",
    ],
    "fr-en.shapes.media-attribution": [
        "She said on the antenna of France Inter that she would run.",
        "The striker explained himself in our columns last week.",
        "The mayor answered to the micro of BFMTV.",
    ],
    "fr-en.shapes.of-which-count": [
        "Forty boats sank, of which six trawlers.",
        "The fire killed nine people, of whom two firefighters, on Sunday.",
    ],
    "fr-en.shapes.impersonal-on": [
        "In the majority, one regrets a missed chance.",
        "On the side of the prosecution, nobody commented.",
    ],
    "fr-en.shapes.this-one-speaker": [
        "The police questioned a neighbour. This one said that he heard nothing.",
        "The director met the nurse. This last explains that the ward is full.",
    ],
    "fr-en.shapes.nth-time-present": [
        "It is the only time in ten years that the market falls this low.",
        "It is the 3rd time that the team qualifies for the final.",
    ],
    "fr-en.shapes.approximate-tens": ["A few tens of residents were evacuated."],
    "fr-en.shapes.news-frames": [
        "The crash happened at the height of the exit for Valence.",
        "The police arrived on the places within minutes.",
        "Two divers were discovered without life in the wreck.",
        "She risks two years of jail.",
        "The party multiplies the meetings before the vote.",
        "Rennes lost with the score of 0-2.",
    ],
    "fr-en.shapes.demonym-before-name": [
        "The Lensois Florian Sotoca hit the post.",
        "The Stéphanois Mathieu Cafaro left on a stretcher.",
        "The Bruxellois Martin Dupont won the sprint.",
    ],
    "fr-en.shapes.emergency-news": [
        "The boy was evacuated in relative emergency by helicopter.",
        "Their days were no longer in danger on Sunday.",
        "The mayor took a municipal decree imposing a curfew.",
        "A unit of psychological help was set up at the town hall.",
    ],
    "fr-en.shapes.match-report-frames": [
        "Brest equalised at the 89th minute.",
        "Monaco stays on three successive draws.",
        "Reims is at one point from the podium.",
    ],
    "fr-en.shapes.politics-economy-frames": [
        "The amendment fell by 150 voices to 140.",
        "The deputies voted the reform in the night.",
        "Teachers called to demonstrate on Saturday.",
        "The club counts nearly 1,200 members.",
        "The retailer realized a net profit of 40 million.",
    ],
    "fr-en.shapes.relational-adjectives": [
        "The climatic emergency dominated the summit.",
        "Sales of thermal cars keep falling.",
        "The aerial raids resumed at dawn.",
        "A new eolian park will be built offshore.",
        "The penitentiary staff went on strike.",
        "The locative market is under pressure in Lyon.",
        "Estival traffic jams are expected on Saturday.",
        "The informatic attack paralysed the hospital.",
    ],
    "fr-en.shapes.french-valency": [
        "The twins resemble to their mother.",
        "The party has renounced to its candidate.",
        "Firefighters penetrated in a burning flat.",
        "The prime minister answered to the criticism on Tuesday.",
        "The region benefited of a mild winter.",
        "The brand changed of owner last year.",
        "Rescuers accessed to the cave after six hours.",
        "The fog prevented to land the plane.",
        "The decree enters in force on Monday.",
        "Gendarmes proceeded to the evacuation of the camp.",
    ],
    "fr-en.shapes.french-conjunctions": [
        "The rise is worrying, all the more so that wages are flat.",
        "He left without that anyone saw him.",
        "Well that she won, the party is divided.",
    ],
    "fr-en.shapes.date-without-preposition": [
        "She was born the 2 February 1988 in Lille.",
        "The results will be known the 30 June.",
    ],
    "fr-en.shapes.dates-and-amounts": [
        "The bonus will be paid at March 31.",
        "The site closes at the date of 30 June.",
        "The line should reopen from here to the end of the year.",
        "Profits were in retreat of 8% over the half.",
    ],
}

NATIVE = (
    "Some 150 people gathered outside the town hall. There are twelve candidates "
    "for three seats, and they were two of them. We are three points clear and they "
    "were 10 to 1 outsiders. The prosecutor, for her part, asked for a suspended "
    "sentence. He was jailed for his part in the fraud, and she did her part. "
    "He has headed the regional council since 2021 and is the first woman since 1990 "
    "to lead it. She stepped up to the microphone. Sort the names in the columns of "
    "the sheet, then in columns B and C. Nine people died, of whom two were "
    "firefighters. They are happier since March. No one explained the delay, and the "
    "last one said nothing. Of the three, this one explains it best. It was the first "
    "time that she went abroad. Tens of thousands marched. At the height of the crisis, "
    "the places were all taken, and he served two years in prison. The Lyonnais "
    "Council and the Marseillaise opened the season. He scored in the 89th minute, "
    "two points behind the leader, and the score remained on the board. The rail "
    "strike was a call to strike for pay. Shares rose at the close and at the closing "
    "ceremony. She tested positive and was treated at home in a critical condition. "
    "He gave an energetic speech, aerial bombardment resumed, and the budgetary "
    "deficit grew. Communal living suits them; the penitentiary stands on a hill. "
    "The glass lacks of being full. Nurses attended to the wounded and he answered to "
    "the board. The treaty entered into force and the bill came into force. She was "
    "born on 2 February 1988; the 2 February deadline passed. Come by here next week. "
    "From here to eternity, in the month ahead."
)


@pytest.mark.parametrize(
    ("rule", "sentence"), [(rule, s) for rule, sentences in VARIANTS.items() for s in sentences]
)
def test_a_shape_catches_a_variant_its_examples_do_not_show(findings_of, rule, sentence):
    assert rule in {finding["rule"] for finding in findings_of(sentence, PACK)}


def test_native_english_with_the_same_words_stays_quiet(findings_of):
    assert findings_of(NATIVE, PACK) == []
