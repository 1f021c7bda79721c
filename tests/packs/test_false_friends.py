"""The false-friend families beyond the seeds: reporting verbs, public life, sport, searches,
the French look-alike model; unseen machine-translation sentences flag, native English stays
quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.engine.packs import load_packs
from audit.rulebook import wordlists

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules/en/from-fr/look-alikes.yaml"
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


# One sentence of our own for every lexicon entry of the pack.
ENTRY_SENTENCES = {
    "specifies that": "The coach, who specifies that the injury is minor, stays calm.",
    "specified that": "The ministry specified that nobody had been hurt.",
    "specify that": "They specify that the border stays open.",
    "specifying that": "The mayor spoke, specifying that the fire was out.",
    "specify the identity": "Police would not specify the identity of the driver.",
    "specify the identities": "The army did not specify the identities of the dead.",
    "assured that": "The president assured that taxes would not rise.",
    "assures that": "The company assures that no jobs will go.",
    "assured at a press conference": "He assured at a press conference that all was well.",
    "assured during a press conference": "He assured during a press conference that he would run.",
    "examination of the bill": "The examination of the bill was delayed again.",
    "examination of the text": "The examination of the text starts on Monday.",
    "examination of the reform": "The examination of the reform divides the majority.",
    "examination of the budget": "The examination of the budget ends on Friday.",
    "examination of which": "It is a law the examination of which began in May.",
    "interrogation of his lawyer": "The interrogation of his lawyer lasted all morning.",
    "interrogation of her lawyer": "The interrogation of her lawyer resumes today.",
    "interrogation of the defendant": "The interrogation of the defendant was tense.",
    "interrogation of the accused": "The interrogation of the accused began at nine.",
    "rule out the hypothesis": "Investigators do not rule out the hypothesis of arson.",
    "ruled out the hypothesis": "The prosecutor ruled out the hypothesis of suicide.",
    "rules out the hypothesis": "The report rules out the hypothesis of sabotage.",
    "ruling out the hypothesis": "Police are ruling out the hypothesis of a robbery.",
    "the hypothesis of an attack": "The hypothesis of an attack is taken seriously.",
    "the hypothesis of a crime": "Detectives favour the hypothesis of a crime.",
    "the hypothesis of a murder": "They now consider the hypothesis of a murder.",
    "privileged hypothesis": "An accident remains the privileged hypothesis.",
    "injunctions": "Niamey rejected the injunctions of Paris.",
    "collaborators": "The minister and several collaborators flew to Rome.",
    "associations": "Migrant associations filed a complaint.",
    "association rescued": "The migrants that the association rescued landed in Sicily.",
    "national selection": "She joined the national selection at seventeen.",
    "national selections": "The federation reorganised the national selections.",
    "victim of the affair": "The nurse was the main victim of the affair.",
    "victims of the affair": "The victims of the affair want a new trial.",
    "true victim of the affair": "The child is the true victim of the affair.",
    "investigators of the affair": "The investigators of the affair found a phone.",
    "judges of the affair": "The judges of the affair ordered a new inquiry.",
    "his presidential agendas": "The court studied his presidential agendas.",
    "seizure of his agendas": "His lawyers contested the seizure of his agendas.",
    "seizure of her agendas": "She fought the seizure of her agendas in court.",
    "inaugural shock": "The inaugural shock of the tournament is on Friday.",
    "opening shock": "Lyon won the opening shock of the season.",
    "summit shock": "The summit shock ended in a draw.",
    "shock against": "The shock against Italy drew a record crowd.",
    "research continues to locate": "Research continues to locate the two divers.",
    "research continued to locate": "Research continued to locate the pilot overnight.",
    "research to locate": "Boats joined the research to locate the wreck.",
    "research to find the": "The research to find the missing hikers was suspended.",
    "researches": "The researches were called off at nightfall.",
}


@pytest.mark.parametrize(("sentence", "rule"), UNSEEN)
def test_unseen_machine_translation_is_flagged(translated_findings, sentence, rule):
    assert f"fr-en.look-alikes.{rule}" in {f["rule"] for f in translated_findings(sentence, PACK)}


@pytest.mark.parametrize("sentence", NATIVE)
def test_native_english_stays_quiet(translated_findings, sentence):
    assert {f["rule"] for f in translated_findings(sentence, PACK)} == set()


def lexicon_entries() -> dict[str, str]:
    """Each lexicon entry of the pack -> the id of its rule."""
    [pack] = load_packs([PACK], builtin=False)
    return {
        str(phrase): rule.id
        for rule in pack.rules
        if rule.kind == "lexicon"
        for phrase in rule.options["entries"]
    }


def test_every_entry_has_its_sentence():
    assert set(lexicon_entries()) == set(ENTRY_SENTENCES)


@pytest.mark.parametrize("phrase", sorted(ENTRY_SENTENCES))
def test_each_entry_fires_on_its_sentence_with_its_source(translated_findings, phrase):
    rule = lexicon_entries()[phrase]
    found = [
        f
        for f in translated_findings(ENTRY_SENTENCES[phrase], PACK)
        if f["rule"] == rule and f["text"].lower() == phrase
    ]
    assert found, ENTRY_SENTENCES[phrase]
    assert found[0]["suggestions"] and "French '" in found[0]["message"]


def test_the_lookalike_lists_hold_the_model_and_nothing_english():
    lookalikes = wordlists.require(str(DATA / "lookalikes.txt"), "list")
    common = wordlists.require(str(DATA / "french-common.txt"), "list")
    assert {"febrility", "hemicycle", "mediatic", "securitary", "ulcerated"} <= lookalikes.words
    assert lookalikes.value("hemicycle") == "hémicycle"
    assert {"macronie", "quinquennat"} <= common.words
    english = {"government", "national", "important", "question", "hypothesis", "serviette"}
    assert not english & (lookalikes.words | common.words)
    assert not lookalikes.words & common.words
