"""English inflections: the spelling rules and the shipped exceptions."""

from __future__ import annotations

import pytest

from audit.rulebook import inflections
from audit.rulebook.packs import shipped_rules_dir

SHIPPED = str(shipped_rules_dir() / "en" / "data" / "inflections.txt")


@pytest.mark.parametrize(
    ("lemma", "tag", "form"),
    [
        ("stop", "VBD", "stopped"),
        ("visit", "VBD", "visited"),
        ("carry", "VBZ", "carries"),
        ("play", "VBZ", "plays"),
        ("push", "NNS", "pushes"),
        ("tie", "VBG", "tying"),
        ("make", "VBG", "making"),
        ("agree", "VBG", "agreeing"),
        ("hope", "VBN", "hoped"),
    ],
)
def test_regular_spelling_rules(lemma, tag, form):
    assert inflections.regular_form(lemma, tag) == form


def test_the_shipped_exceptions_correct_irregular_forms_and_stress():
    inflector = inflections.load(SHIPPED)
    assert inflector.forms("take")["VBD"] == ("took",)
    assert inflector.form("admit", "VBD") == "admitted"
    assert inflector.form("child", "NNS") == "children"
    assert inflector.form("seize", "VBZ") == "seizes"


def test_an_unreadable_file_is_a_field_error(tmp_path):
    with pytest.raises(inflections.FieldError, match="cannot read"):
        inflections.load(str(tmp_path / "missing.txt"))
