"""The glossary kind: required and forbidden renderings, inline or from a file."""

from __future__ import annotations

import pytest

from audit.errors import RulebookError

RULE = """\
rules:
  - id: glossary
    kind: glossary
    message: "'{{term}}' must be {{suggestions}}"
    severity: major
    category: terminology/wrong-term
{glossary}
    examples:
      flag: [{{source: "Il est en garde à vue.", target: "He is in detention."}}]
      pass: [{{source: "Il est en garde à vue.", target: "He is in police custody."}}]
"""
INLINE = """\
    terms:
      garde à vue: {target: [police custody, custody], forbidden: [guard in view]}
      préfet de police: police prefect
    forbidden: [Elysee Palace]"""


def test_a_missing_rendering_and_a_forbidden_one_are_flagged_whatever_the_inflection(write_pack):
    pairs = [
        ("Deux hommes ont été placés en gardes à vue.", "Two men were held in detention."),
        ("Il est en garde à vue.", "He is in guard in view."),
        ("Les préfets de police se sont réunis.", "The police prefects met."),
        ("Réunion à l'Élysée.", "A meeting at the Elysee Palace."),
    ]
    findings = write_pack.pair_findings(RULE.format(glossary=INLINE), pairs)
    assert [(f["segment"], f["text"]) for f in findings] == [
        ("1", "Two men were held in detention."),
        ("2", "guard in view"),
        ("4", "Elysee Palace"),
    ]
    assert findings[0]["message"] == "'gardes à vue' must be 'police custody' or 'custody'"
    assert findings[1]["suggestions"] == ["police custody", "custody"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "terms.csv",
            "source,target,forbidden\ngarde à vue,police custody|custody,guard in view\n",
        ),
        (
            "terms.yaml",
            "terms:\n  garde à vue: {target: police custody, forbidden: guard in view}\n",
        ),
    ],
)
def test_a_glossary_file_in_csv_or_yaml(write_pack, name, content):
    write_pack(content, name)
    pack = RULE.format(glossary=f"    file: {name}")
    pairs = [("Il est en garde à vue.", "He is in guard in view.")]
    assert [f["text"] for f in write_pack.pair_findings(pack, pairs)] == ["guard in view"]


def test_a_broken_glossary_file_names_its_line(write_pack):
    write_pack("source,target\ngarde à vue\n", "bad.csv")
    with pytest.raises(RulebookError, match=r"bad.csv:2: expected source,target"):
        write_pack.pair_findings(RULE.format(glossary="    file: bad.csv"), [])
