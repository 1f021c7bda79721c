"""French speech verbs placed before their subject, through the real command line.

The verbs a translation gives for French verbs of saying (a détaillé, a
plaidé, s'est indigné ...) must be caught in the French order, after a
quotation or a comma, and pass where English uses them with an object.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "from-fr" / "constructions.yaml"

INVERTED = [
    "“We will not give in,” assured the union leader.",
    "The talks failed, commented a diplomat in Geneva.",
    "“Nothing justifies it,” was indignant the mayor of the town.",
    "The cost will double, detailed the minister on Monday.",
    "“He is innocent,” pleaded his lawyer before the court.",
    "“It is a scandal,” got angry the president of the region.",
]
ENGLISH = (
    "The union leader assured reporters that nobody would give in. The report detailed "
    "the plan, and the lawyer pleaded guilty on his behalf. Comments: none. The mayor "
    "was indignant. Details: see the annex. She commented on the talks."
)


def rules_found(run_cli, tmp_path: Path, text: str) -> set[str]:
    article = tmp_path / "article.txt"
    article.write_text(text + "\n", encoding="utf-8")
    result = run_cli(
        "check", "--no-config", "--no-builtin", f"--rules={PACK}", "--format", "json", article
    )
    assert result.code in (0, 1), result.stderr
    return {f["rule"] for f in json.loads(result.stdout)["articles"][0]["findings"]}


@pytest.mark.parametrize("sentence", INVERTED)
def test_a_french_speech_verb_before_its_subject_is_caught(run_cli, tmp_path, sentence):
    assert "fr-en.constructions.inverted-speech-verb" in rules_found(run_cli, tmp_path, sentence)


def test_the_same_verbs_in_english_order_pass(run_cli, tmp_path):
    assert rules_found(run_cli, tmp_path, ENGLISH) == set()
