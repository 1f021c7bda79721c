"""The addition kind: a target too long, or one with a sentence the source lacks."""

from __future__ import annotations

PACK = """\
rules:
  - id: addition
    kind: addition
    message: "{reason}"
    severity: minor
    category: accuracy/addition
    examples:
      flag:
        - source: "Le musée rouvre ses portes samedi."
          target: "The museum reopens on Saturday. It has been closed for two years of works."
      pass: [{source: "Le musée rouvre samedi.", target: "The museum reopens on Saturday."}]
"""
SOURCE = "Le musée rouvre ses portes samedi après des travaux."


def test_an_added_sentence_and_a_padded_target_are_flagged(write_pack):
    pairs = [
        (SOURCE, "The museum reopens on Saturday after works. Entry will be free all month."),
        (SOURCE, "The museum, " + "a much loved place in the city centre, " * 3 + "reopens."),
        (SOURCE, "The museum reopens its doors on Saturday after works."),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [f["segment"] for f in findings] == ["1", "2"]
    assert findings[0]["message"] == "the translation has 2 sentences, the source 1"
    assert findings[1]["message"].startswith("it is ")
