"""The README's examples stay true: its rule pack passes its own tests, its config loads."""

from __future__ import annotations

import re
from pathlib import Path

from audit import audit_text
from audit.engine import ruletest
from audit.engine.packs import load_packs
from audit.gate import config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def yaml_block(after: str) -> str:
    section = README[README.index(after) :]
    return re.search(r"```yaml\n(.*?)```", section, re.S).group(1)


def test_readme_rule_pack_is_valid_and_its_examples_pass(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(yaml_block("## Writing rules"), encoding="utf-8")
    rules = [rule for p in load_packs([pack], builtin=False) for rule in p.rules]
    count, failures = ruletest.run(rules)
    assert [rule.id for rule in rules] == ["house.style.utilise", "house.style.stray-full-stop"]
    assert count == 5 and failures == []


def test_readme_configuration_loads(tmp_path):
    path = tmp_path / "audit.yaml"
    path.write_text(yaml_block("## The gate"), encoding="utf-8")
    settings = config.load(path)
    assert settings.policy.min_quality == 95
    assert settings.policy.readability["flesch_kincaid_grade"] == (None, 14)
    assert [i.paths for i in settings.ignores] == [("archive/**",), ("sport/*.txt",)]


def test_readme_command_line_lists_every_check_option(run_cli):
    help_text = run_cli("check", "--help").stdout
    options = set(re.findall(r"(--[a-z-]+)", help_text)) - {"--help"}
    usage = README[README.index("## Command line") :]
    assert options <= set(re.findall(r"(--[a-z-]+)", usage))


def packs_table() -> list[tuple[str, int, str]]:
    """The rows of the README's packs table: pack id, rule count, the example it flags."""
    section = README[README.index("## The shipped rule packs") : README.index("## Scores")]
    rows = re.findall(r"^\| `([\w.-]+)` \| (\d+)[^|]*\|[^|]*\| (.+) \|$", section, re.M)
    return [(pack, int(count), example.strip('`"')) for pack, count, example in rows]


def test_readme_packs_table_counts_every_shipped_rule_and_its_examples_flag():
    rows = packs_table()
    shipped = [rule for pack in load_packs([]) for rule in pack.rules]
    counts = {pack: sum(rule.id.startswith(pack + ".") for rule in shipped) for pack, _, _ in rows}
    assert {pack: count for pack, count, _ in rows} == counts
    assert sum(counts.values()) == len(shipped)
    for pack, _, example in rows:
        if "→" in example:
            continue  # a bilingual example: source and target
        found = audit_text(example.replace("…", "The minister spoke, "))["findings"]
        rules = {finding["rule"] for finding in found}
        assert any(rule.startswith(pack + ".") for rule in rules), (pack, example, rules)
