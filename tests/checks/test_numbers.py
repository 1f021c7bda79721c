"""The numbers kind: values compared across notations, French and English."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks.numbers import differences, quantities

PACK = """\
rules:
  - id: numbers
    kind: numbers
    message: "missing {missing}, added {added}"
    severity: major
    category: accuracy/mistranslation
    examples:
      flag: [{source: "5 %", target: "6%"}]
      pass: [{source: "5 %", target: "5%"}]
"""
SPACES = ("\u202f", "\u00a0", " ")


def same(source: str, target: str) -> bool:
    found = differences(quantities(source, "comma"), quantities(target, "point"))
    return found == ([], [])


def french(value: Decimal, space: str) -> str:
    whole, _, fraction = f"{value:f}".partition(".")
    groups = f"{int(whole):,}".replace(",", space)
    return groups + ("," + fraction if fraction else "")


def english(value: Decimal) -> str:
    whole, _, fraction = f"{value:f}".partition(".")
    return f"{int(whole):,}" + ("." + fraction if fraction else "")


@settings(max_examples=60, deadline=None)
@given(
    cents=st.integers(min_value=0, max_value=10**11),
    space=st.sampled_from(SPACES),
    suffix=st.sampled_from(
        [("", ""), (" %", "%"), (" millions", " million"), (" milliards", " billion")]
    ),
)
def test_a_number_in_french_and_english_notation_always_matches(cents, space, suffix):
    value = (Decimal(cents) / 100).normalize()
    value = value.quantize(Decimal(1)) if value == value.to_integral() else value
    source = f"Le chiffre atteint {french(value, space)}{suffix[0]} cette année."
    target = f"The figure reaches {english(value)}{suffix[1]} this year."
    assert same(source, target), (source, target)


@settings(max_examples=40, deadline=None)
@given(hour=st.integers(0, 23), minute=st.integers(0, 59), twelve=st.booleans())
def test_a_time_in_french_and_english_notation_always_matches(hour, minute, twelve):
    source = f"Rendez-vous à {hour} h {minute:02d}."
    if twelve:
        half = "a.m." if hour < 12 else "p.m."
        target = f"Meet at {hour % 12 or 12}:{minute:02d} {half}"
    else:
        target = f"Meet at {hour:02d}:{minute:02d}."
    assert same(source, target), (source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("7,5 %", "7.5%"),
        ("14 h 30", "14:30"),
        ("14h30", "2:30 p.m."),
        ("1 000 000", "1,000,000"),
        ("3 millions", "3 million"),
        ("le 1er mai 2024", "on May 1st, 2024"),
        ("à 20 h", "at 8 p.m."),
        ("trois blessés", "3 injured"),
        ("1.500 euros", "1,500 euros"),
    ],
)
def test_the_issue_s_equivalences_hold(source, target):
    assert same(source, target)


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("7,5 %", "5.7%"),
        ("3 millions", "3 billion"),
        ("le 3 mai", "on 3 March"),
        ("14 h", "4 p.m."),
    ],
)
def test_different_values_differ(source, target):
    assert not same(source, target)


def test_a_changed_figure_is_flagged_on_the_number_the_target_adds(write_pack):
    pairs = [("Le taux passe à 4,5 %.", "The rate rises to 5.4%."), ("Il pleut.", "It rains.")]
    [finding] = write_pack.pair_findings(PACK, pairs)
    assert finding["text"] == "5.4" and finding["segment"] == "1"
    assert finding["message"] == "missing '4,5', added '5.4'"


def test_a_dropped_figure_is_flagged_on_the_whole_target(write_pack):
    [finding] = write_pack.pair_findings(PACK, [("Il a 52 ans.", "He is in his fifties.")])
    assert finding["text"] == "He is in his fifties." and "added none" in finding["message"]


def test_a_plain_text_gets_no_number_finding(write_pack):
    assert write_pack.findings(PACK, "The rate rises to 5.4%.") == []
