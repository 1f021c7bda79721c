"""The consistency kind: one source, two translations; two sources, one translation."""

from __future__ import annotations

PACK = """\
rules:
  - id: consistency
    kind: consistency
    message: "was '{other}' in {first}"
    same_target_message: "also for '{other}' in {first}"
    severity: minor
    category: terminology/inconsistent
    examples:
      flag:
        - source: ["La séance est ouverte.", "La séance est ouverte."]
          target: ["The sitting is open.", "The session opens."]
      pass:
        - source: ["La séance est ouverte.", "La séance est ouverte."]
          target: ["The sitting is open.", "The sitting is open."]
"""


def test_later_inconsistent_segments_are_flagged_against_the_first(write_pack):
    pairs = [
        ("Le vote est reporté.", "The vote is postponed."),
        ("Le  vote est REPORTÉ.", "The vote is put off."),
        ("Le vote est annulé.", "The vote is postponed."),
        ("Le vote est reporté.", "the vote is postponed."),
        ("Oui.", "Yes."),
        ("D'accord.", "Yes."),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [(f["segment"], f["message"]) for f in findings] == [
        ("2", "was 'The vote is postponed.' in 1"),
        ("3", "also for 'Le vote est reporté.' in 1"),
    ]
