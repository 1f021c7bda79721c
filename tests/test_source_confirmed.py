"""Source-confirmed findings: a lexicon entry's French source found in the aligned segment."""

from __future__ import annotations

import pytest

from audit.text.bilingual.terms import find_term

PACK = """\
rules:
  - id: conspire
    kind: lexicon
    message: "'{match}' may render '{source}'."
    severity: minor
    category: accuracy/mistranslation
    entries:
      conspired: {source: conspuer, suggest: [booed]}
      tone rises: {source: le ton monte, suggest: [tensions rise]}
      fields: booed
    examples:
      flag: ["They conspired him."]
      pass: ["They booed him."]
"""


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("conspuer", "Les supporters conspuent l'arbitre.", "conspuent"),
        ("conspuer", "Il a été conspué par la foule.", "conspué"),
        ("le ton monte", "Le ton monte entre Paris et Rome.", "Le ton monte"),
        ("conspuer", "Ils ont conspiré contre lui.", None),
    ],
)
def test_a_source_word_is_found_whatever_its_inflection(phrase, text, found):
    assert find_term(phrase, text, "fr") == found


def test_the_finding_says_whether_the_source_confirms_it(write_pack):
    pairs = [
        ("Les supporters ont conspué l'arbitre.", "The fans conspired the referee."),
        ("Ils ont comploté contre le maire.", "They conspired against the mayor."),
        ("Des champs de blé.", "Fields of wheat."),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [(f["segment"], f["confirmed_by_source"]) for f in findings] == [
        ("1", True),
        ("2", False),
        ("3", None),
    ]
    assert findings[0]["message"] == "'conspired' may render 'conspuer'. The source has 'conspué'."
    assert findings[1]["message"] == "'conspired' may render 'conspuer'."


def test_a_policy_raises_the_severity_of_confirmed_findings(write_pack, tmp_path):
    from audit.gate import config

    settings = tmp_path / "audit.yaml"
    settings.write_text("confirmed_by_source: {severity: major}\n", encoding="utf-8")
    assert config.load(settings).confirmed_severity == "major"
    pairs = [
        ("Les supporters ont conspué l'arbitre.", "The fans conspired the referee."),
        ("Ils ont comploté contre le maire.", "They conspired against the mayor."),
    ]
    findings = write_pack.pair_findings(PACK, pairs, confirmed_severity="major")
    assert [f["severity"] for f in findings] == ["major", "minor"]


def test_an_unknown_policy_severity_is_a_config_error(tmp_path):
    from audit.errors import ConfigError
    from audit.gate import config

    settings = tmp_path / "audit.yaml"
    settings.write_text("confirmed_by_source: {severity: huge}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"audit\.yaml:1:33: 'severity' must be one of"):
        config.load(settings)
