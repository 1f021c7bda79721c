"""The README's worked examples of bilingual files and ``audit compare`` print what they show."""

from __future__ import annotations

import re
import shlex

import pytest
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README[README.index("## Bilingual files") : README.index("## Command line")]


def examples() -> list[tuple[list[str], list[str]]]:
    """(arguments, the lines shown after them) of every ``$ audit ...`` in the section."""
    found = []
    for language, block in re.findall(r"^```(\w*)\n(.*?)^```", SECTION, re.S | re.M):
        if language:
            continue
        for command in re.split(r"^(?=\$ audit )", block, flags=re.M):
            if command.startswith("$ audit "):
                first, *shown = command.splitlines()
                found.append((shlex.split(first)[2:], shown))
    return found


EXAMPLES = examples()


def test_the_section_has_an_example_per_format_and_for_compare():
    shown = " ".join(" ".join(arguments) for arguments, _ in EXAMPLES)
    for suffix in ("1.2.xlf", "2.0.xlf", ".tmx", ".po", ".tsv", ".csv"):
        assert suffix in shown
    assert any(arguments[0] == "compare" for arguments, _ in EXAMPLES)


@pytest.mark.parametrize(("arguments", "shown"), EXAMPLES, ids=lambda value: str(value)[:60])
def test_each_example_prints_what_the_readme_shows(run_cli, monkeypatch, arguments, shown):
    monkeypatch.chdir(ROOT)
    result = run_cli(arguments[0], "--no-config", *arguments[1:])
    assert result.code in (0, 1), result.stderr
    printed = [line for line in result.stdout.splitlines() if line.strip()]
    if arguments[0] == "check" and len(shown) < len(printed):
        printed = [line for line in printed if line.startswith("seeds/") and "#" in line]
    assert printed == [line for line in shown if line.strip()]
