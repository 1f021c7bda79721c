"""The shipped packs: every rule has examples and every example behaves, as in LanguageTool."""

from __future__ import annotations

import pytest

from audit.engine import ruletest
from audit.engine.packs import load_packs

SHIPPED = [rule for pack in load_packs([], builtin=True) for rule in pack.rules]


def test_packs_are_shipped():
    assert len(SHIPPED) >= 20


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda rule: rule.id)
def test_rule_has_both_kinds_of_examples(rule):
    assert rule.examples["flag"], f"{rule.id} has no flag example"
    assert rule.examples["pass"], f"{rule.id} has no pass example"


@pytest.mark.parametrize("rule", SHIPPED, ids=lambda rule: rule.id)
def test_rule_examples(rule):
    failures = [str(failure) for failure in ruletest.failures(rule)]
    assert failures == []


def test_rules_test_command_passes_on_the_shipped_packs(run_cli):
    result = run_cli("rules", "test")
    assert result.code == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"ok: {len(SHIPPED)} rules")


def test_rules_test_command_names_failing_rule_and_example(run_cli, write_pack):
    pack = write_pack(
        """\
pack: broken
rules:
  - id: bagdad
    kind: lexicon
    message: "French spelling."
    severity: minor
    category: locale-convention/name-format
    entries: {Bagdad: Baghdad}
    examples:
      flag: ["Protests in Baghdad."]
      pass: ["Protests in Bagdad."]
"""
    )
    result = run_cli("rules", "test", pack)
    assert result.code == 1
    assert "pack.yaml:3:5: broken.bagdad: missed flag example: 'Protests in Baghdad.'" in (
        result.stdout
    )
    assert "broken.bagdad: flags pass example: 'Protests in Bagdad.'" in result.stdout
    assert result.stdout.splitlines()[-1] == "FAILED: 1 rules, 2 examples, 2 failures"


def test_rules_list_shows_every_shipped_rule(run_cli):
    listed = run_cli("rules", "list").stdout
    for rule in SHIPPED:
        assert rule.id in listed


def test_rules_show_prints_fields_examples_and_kind_docs(run_cli):
    rule = SHIPPED[0]
    shown = run_cli("rules", "show", rule.id).stdout
    assert f"id:          {rule.id}" in shown
    assert rule.examples["flag"][0] in shown
    assert f"Kind '{rule.kind}':" in shown
