"""French speech verbs placed before their subject, through the real command line.

The verbs a translation gives for French verbs of saying (a détaillé, a
plaidé, s'est indigné ...) must be caught in the French order, after a
quotation or a comma, and pass where English uses them with an object.
"""

from __future__ import annotations

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


@pytest.mark.parametrize("sentence", INVERTED)
def test_a_french_speech_verb_before_its_subject_is_caught(findings_of, sentence):
    assert "fr-en.constructions.inverted-speech-verb" in {
        f["rule"] for f in findings_of(sentence, PACK)
    }


def test_the_same_verbs_in_english_order_pass(findings_of):
    assert {f["rule"] for f in findings_of(ENGLISH, PACK)} == set()
