"""Prepositional locutions rendered word for word, through the real command line.

Each locution of bench/locutions.tsv's prepositional rows must be caught in
a sentence its examples do not show, and its English neighbours must pass.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "from-fr" / "locutions.yaml"

TRANSLATED = [
    "Prices climb at the approach of the holidays.",
    "The minister spoke briefly at the exit of the council.",
    "Thousands marched at the call of the unions on Tuesday.",
    "The driver was under the effects of cannabis.",
    "The city builds homes at the rhythm of 500 a year.",
    "He was charged on the base of new evidence.",
    "The law was amended in the purpose of protecting tenants.",
    "The budget is in the continuity of last year's.",
]
ENGLISH = (
    "Prices climb ahead of the holidays. She stood at the exit of the car park. "
    "The statue stands on the base of an old column. He answered the call of duty. "
    "They danced to the rhythm of the drums. The plan follows on from last year's."
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
def test_a_prepositional_locution_word_for_word_is_caught(run_cli, tmp_path, sentence):
    assert "fr-en.locutions.time-and-manner" in rules_found(run_cli, tmp_path, sentence)


def test_the_english_neighbours_pass(run_cli, tmp_path):
    assert rules_found(run_cli, tmp_path, ENGLISH) == set()
