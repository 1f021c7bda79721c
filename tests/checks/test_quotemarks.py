"""The ``quotemarks`` kind: one quotation state per paragraph, marks turned the wrong way."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks import quotemarks
from audit.text.document import Document


def flagged(text: str, **changes: object) -> list[tuple[int, str, str]]:
    check = quotemarks.compile({**quotemarks.DEFAULTS, **changes})
    return [
        (hit.start, hit.values["role"], hit.values["mark"])
        for hit in check.check(Document.from_text(text), {})
    ]


def test_an_opening_shape_that_closes_and_a_closing_shape_that_opens():
    text = "“Go on, “said he, in a book entitled” Us”."
    assert flagged(text) == [(8, "closes", "”"), (36, "opens", "“")]


def test_guillemets_and_curly_marks_share_one_state():
    assert flagged("The « irresponsible » and ” silent “ Rome.") == [
        (26, "opens", "“"),
        (35, "closes", "”"),
    ]


def test_straight_quotes_take_a_turn_unless_told_not_to():
    text = 'He said "yes" then “no“.'
    assert flagged(text) == [(22, "closes", "”")]
    assert flagged('He said "yes then “no”.') == [(18, "closes", "”"), (21, "opens", "“")]
    assert flagged('He said "yes then “no”.', straight=False) == []


def test_a_paragraph_closing_a_quotation_from_the_one_before():
    assert flagged("“We will win\nand then rest,” he said. “Soon,” she added.") == []


def test_separators_and_paragraphs_are_apart():
    assert flagged("Home » World » Europe\n“Yes,” he said.") == []
    assert flagged("“Open\n“Again”") == []


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='ab “”«»"\n,.', max_size=40))
def test_hits_are_single_curly_marks_inside_the_text(text):
    for start, role, mark in flagged(text):
        assert text[start] in "“”«»„"
        assert role in ("opens", "closes") and mark in "“”«»"
