"""The omission kind: a target too short, or one that drops a sentence."""

from __future__ import annotations

PACK = """\
rules:
  - id: omission
    kind: omission
    message: "{reason}"
    severity: major
    category: accuracy/omission
    examples:
      flag: [{source: "La pluie est tombée toute la nuit sur la ville.", target: "Rain."}]
      pass: [{source: "La pluie est tombée toute la nuit.", target: "Rain fell all night."}]
"""
SOURCE = "Le train a déraillé près de Lyon dans la nuit de dimanche. Aucun passager n'a été blessé."


def test_a_dropped_sentence_and_a_stub_are_flagged(write_pack):
    pairs = [
        (SOURCE, "The train derailed near Lyon on Sunday night."),
        (SOURCE, "A train."),
        (SOURCE, "The train derailed near Lyon on Sunday night. No passenger was hurt."),
        (SOURCE, "The train derailed near Lyon on Sunday night, but nobody was hurt."),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [(f["segment"], f["message"]) for f in findings] == [
        ("1", "the source has 2 sentences, the translation 1"),
        ("2", "it is 9% of the length the source gives it"),
    ]


def test_the_ratio_is_measured_on_a_large_enough_file(write_pack):
    source = "Les habitants du quartier ont manifesté contre la fermeture de l'école."
    long_target = "The residents of the district demonstrated against the closure of the school."
    pairs = [(source, long_target + " " + long_target)] * 25 + [(source, long_target)]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [f["segment"] for f in findings] == ["26"]


def test_short_sources_and_empty_targets_are_left_alone(write_pack):
    pairs = [("Il pleut sur Paris.", "Rain."), (SOURCE, "")]
    assert write_pack.pair_findings(PACK, pairs) == []
