"""A place phrase, then a verb without subject (parmi les invités figurent ...), via the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "garbled.yaml"
RULE = "en.garbled.fronted-list-without-subject"

TRANSLATED = [
    "Among the victims, include three children.",
    "Behind the wheel, sit two volunteers.",
    "At the top of the list, appear notably the big cities.",
    "Alongside the mayor, stand several deputies.",
]
ENGLISH = (
    "Among the victims were three children. In the box, include the reference. "
    "Behind the wheel sat two volunteers. On the list, include your name and address."
)


def rules_found(run_cli, tmp_path: Path, text: str) -> set[str]:
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    result = run_cli(
        "check", "--no-config", "--no-builtin", f"--rules={PACK}", "--format", "json", article
    )
    assert result.code in (0, 1), result.stderr
    return {f["rule"] for f in json.loads(result.stdout)["articles"][0]["findings"]}


@pytest.mark.parametrize("sentence", TRANSLATED)
def test_a_verb_without_subject_after_a_place_phrase_is_caught(run_cli, tmp_path, sentence):
    assert RULE in rules_found(run_cli, tmp_path, sentence)


def test_english_inversion_and_instructions_pass(run_cli, tmp_path):
    assert RULE not in rules_found(run_cli, tmp_path, ENGLISH)
