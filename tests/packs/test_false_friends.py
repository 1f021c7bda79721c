"""The false-friend families beyond the seeds: reporting verbs, public life, sport, searches,
the French look-alike model; unseen machine-translation sentences flag, native English stays
quiet."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from audit import Auditor
from audit.rulebook import wordlists

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules/en/from-fr/false-friends.yaml"
DATA = ROOT / "rules/en/from-fr/data"

UNSEEN = [
    ("The prefect, who specifies that the road stays shut, called for calm.", "said-and-stated"),
    ("The spokesman also specified that two officers were hurt.", "said-and-stated"),
    ("The club declined, specifying that the player was injured.", "said-and-stated"),
    ("The prosecutor did not wish to specify the identity of the suspect.", "said-and-stated"),
    ("The minister assured that the reform would pass.", "said-and-stated"),
    ("The examination of the text resumes in the Assembly on Tuesday.", "procedure-and-groups"),
    ("Police ruled out the hypothesis of a crime.", "procedure-and-groups"),
    ("The government will not yield to the injunctions of the rebels.", "procedure-and-groups"),
    ("The consul and three collaborators were evacuated.", "procedure-and-groups"),
    ("Feminist associations called a rally for Saturday.", "procedure-and-groups"),
    ("He was named manager of the national selection in 2021.", "procedure-and-groups"),
    ("The shock against England is on Saturday.", "sport-and-searches"),
    ("Research continued to locate the missing fisherman.", "sport-and-searches"),
    ("The rare shops to open on Sunday were full.", "the-rare-few"),
    ("The choice was fully assumed by the coach.", "fully-assumed"),
    ("She qualified the minister as “incompetent”.", "qualified-as"),
    ("Unions denounced a securitary drift in the bill.", "lookalike"),
    ("The minister spoke of a febrility among investors.", "lookalike"),
]

NATIVE = [
    "The treaty specifies that both sides withdraw their troops.",
    "The rules specify that players must wear helmets.",
    "The regulator specified that banks must hold more capital.",
    "Rest assured that the trains will run on time.",
    "She assured the committee that the figures were right.",
    "He was assured that the loan would be repaid.",
    "The examination lasted three hours and the results came in June.",
    "Scientists tested the hypothesis that the virus came from bats.",
    "The judge granted an injunction against the strike.",
    "She thanked her collaborators on the album and on the tour.",
    "The Football Association and the Law Society both objected.",
    "The selection of the national team is due on Thursday.",
    "The result came as a shock to the players.",
    "Research continues to show that exercise helps.",
    "The rare earths market grew in 2020.",
    "The debts were assumed by the new owners.",
    "The victory qualified Spain as group winners.",
    "He is a materialist, said his critics, with no ideals.",
    "The affair ended their marriage, she wrote in her memoir.",
]


@cache
def auditor() -> Auditor:
    return Auditor.from_rules([PACK], builtin=False, language="en", source_language="fr")


def rules_of(text: str) -> set[str]:
    return {f["rule"] for f in auditor().check_text(text)["findings"]}


@pytest.mark.parametrize(("sentence", "rule"), UNSEEN)
def test_unseen_machine_translation_is_flagged(sentence, rule):
    assert f"fr-en.false-friends.{rule}" in rules_of(sentence)


@pytest.mark.parametrize("sentence", NATIVE)
def test_native_english_stays_quiet(sentence):
    assert rules_of(sentence) == set()


def test_the_lookalike_lists_hold_the_model_and_nothing_english():
    lookalikes = wordlists.require(str(DATA / "lookalikes.txt"), "list")
    common = wordlists.require(str(DATA / "french-common.txt"), "list")
    assert {"febrility", "hemicycle", "mediatic", "securitary", "ulcerated"} <= lookalikes.words
    assert lookalikes.value("hemicycle") == "hémicycle"
    assert {"macronie", "quinquennat"} <= common.words
    english = {"government", "national", "important", "question", "hypothesis", "serviette"}
    assert not english & (lookalikes.words | common.words)
    assert not lookalikes.words & common.words
