"""Loading packs: defaults, namespaced ids, extends, selection, and precise errors."""

from __future__ import annotations

import pytest

from audit.engine.packs import load_packs
from audit.errors import RulebookError, UsageError
from audit.rulebook.selection import RuleSetting, apply, from_options

BASE = """\
pack: house.base
defaults:
  severity: minor
  category: style
  languages: [en]
rules:
  - id: utilise
    kind: lexicon
    message: "Write {suggestions} instead of '{match}'."
    tags: [plain-english]
    entries: {utilise: use, utilises: uses}
    examples: {flag: ["We utilise it."], pass: ["We use it."]}
  - id: double-space
    kind: pattern
    pattern: '\\S  +\\S'
    message: "Two spaces."
    category: fluency/typography
    examples: {flag: ["One  two."], pass: ["One two."]}
"""


def rules_of(*paths, builtin=False):
    return {rule.id: rule for pack in load_packs(paths, builtin=builtin) for rule in pack.rules}


def test_defaults_fill_rules_and_ids_are_namespaced(write_pack):
    rules = rules_of(write_pack(BASE))
    assert sorted(rules) == ["house.base.double-space", "house.base.utilise"]
    utilise = rules["house.base.utilise"]
    assert (utilise.severity, utilise.category, utilise.languages) == ("minor", "style", ("en",))
    assert rules["house.base.double-space"].category == "fluency/typography"
    assert utilise.skip_quotes is True and utilise.enabled is True
    assert str(utilise.location).endswith("pack.yaml:7:5")


def test_pack_id_defaults_to_the_file_name(write_pack):
    path = write_pack(BASE.replace("pack: house.base\n", ""), name="my-house.yaml")
    assert "my-house.utilise" in rules_of(path)


def test_extends_changes_disables_and_adds_rules(write_pack):
    write_pack(BASE, name="base.yaml")
    child = write_pack(
        """\
pack: house.child
extends: ./base.yaml
rules:
  - id: house.base.utilise
    severity: major
  - id: house.base.double-space
    enabled: false
  - id: irregardless
    kind: lexicon
    message: "'{match}' is not standard."
    severity: minor
    category: style
    entries: {irregardless: regardless}
""",
        name="child.yaml",
    )
    packs = load_packs([child.parent / "base.yaml", child], builtin=False)
    assert [pack.id for pack in packs] == ["house.child"], "the child replaces its base"
    rules = {rule.id: rule for rule in packs[0].rules}
    assert rules["house.base.utilise"].severity == "major"
    assert rules["house.base.utilise"].message == "Write {suggestions} instead of '{match}'."
    assert rules["house.base.double-space"].enabled is False
    assert rules["house.child.irregardless"].kind == "lexicon"


def test_extends_cycle_and_unknown_base_are_errors(write_pack):
    write_pack("pack: a\nextends: ./b.yaml\nrules: []\n", name="a.yaml")
    b = write_pack("pack: b\nextends: ./a.yaml\nrules: []\n", name="b.yaml")
    with pytest.raises(RulebookError, match="cycle"):
        load_packs([b], builtin=False)
    unknown = write_pack("pack: c\nextends: fr-en.no-such-pack\nrules: []\n", name="c.yaml")
    with pytest.raises(RulebookError, match=r"c.yaml:2:10: extends unknown pack"):
        load_packs([unknown], builtin=False)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            ("    tags: [plain-english]\n", "    tags: 3\n"),
            r"pack.yaml:10:11: 'tags' must be a string",
        ),
        (("Write {suggestions}", "Write {sugestions}"), r"pack.yaml:9:14: unknown placeholder"),
        (("{utilise: use, utilises: uses}", "{'': use}"), r"has no word to match"),
        (("{utilise: use, utilises: uses}", "{utilise: {sugest: use}}"), r"unknown entry field"),
        (("pack: house.base", "pack: House Base"), r"pack.yaml:1:7: pack id 'House Base'"),
        (("  languages: [en]\n", "  langauges: [en]\n"), r"unknown field 'langauges'"),
        (("    pattern: '\\S  +\\S'\n", ""), r"missing required field 'pattern'"),
        (('    examples: {flag: ["One  two."]', '    examples: {flags: ["One  two."]'), "flags"),
    ],
)
def test_validation_errors_name_the_place(write_pack, edit, message):
    path = write_pack(BASE.replace(*edit))
    with pytest.raises(RulebookError, match=message):
        load_packs([path], builtin=False)


def test_a_missing_pack_path_is_an_error(tmp_path):
    with pytest.raises(RulebookError, match="no such file"):
        load_packs([tmp_path / "missing.yaml"], builtin=False)


def test_selection_by_pack_tag_and_id_most_specific_wins(write_pack):
    rules = list(rules_of(write_pack(BASE)).values())
    settings = [
        RuleSetting("house.base", "config", enabled=False),
        RuleSetting("house.base.utilise", "config", enabled=True, severity="major"),
    ]
    chosen = {rule.id: rule for rule in apply(rules, settings)}
    assert chosen["house.base.utilise"].enabled and chosen["house.base.utilise"].severity == "major"
    assert not chosen["house.base.double-space"].enabled
    by_tag = {r.id: r.enabled for r in apply(rules, from_options([], ["plain-english"]))}
    assert by_tag == {"house.base.utilise": False, "house.base.double-space": True}


def test_an_unknown_selector_is_a_usage_error(write_pack):
    rules = list(rules_of(write_pack(BASE)).values())
    with pytest.raises(UsageError, match=r"did you mean 'house\.base\.utilise'"):
        apply(rules, from_options(["house.base.utilize"], []))
