"""The ``repetition`` kind: a word twice in a row, read from the shared tokens."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks import repetition
from audit.text.document import Document


def flagged(text: str, **changes: object) -> list[tuple[str, str]]:
    check = repetition.compile({**repetition.DEFAULTS, **changes})
    hits = check.check(Document.from_text(text), {})
    return [(text[hit.start : hit.end], hit.values["word"]) for hit in hits]


def test_flags_a_word_printed_twice():
    assert flagged("The troops left the the base.") == [("the the", "the")]


def test_flags_across_a_no_break_space_and_in_any_case():
    assert flagged("They met on\u00a0oN Friday.") == [("on\u00a0oN", "on")]
    assert flagged("They met on oN Friday.", ignore_case=False) == []


def test_a_capitalised_second_word_is_a_name_unless_asked():
    assert flagged("He was sent to Sing Sing in 1950.") == []
    assert flagged("He was sent to Sing Sing.", skip_capitalised=False) == [("Sing Sing", "Sing")]


def test_listed_words_numbers_and_other_separators_pass():
    assert flagged("He had had enough.", ignore=["Had"]) == []
    assert flagged("In 2020 2020 and base-base and base, base and base\nbase.") == []


def test_pairs_do_not_overlap():
    assert flagged("very very very") == [("very very", "very")]
    assert flagged("very very very very") == [("very very", "very"), ("very very", "very")]


# The regex this kind replaces in the shipped pack, for the words it compares.
DOUBLED = regex.compile(r"\b(\p{L}++)[ \u00a0]++(?-i:(?!\p{Lu}))\1\b", regex.IGNORECASE)
WORDS = st.sampled_from(["the", "The", "THE", "base", "on", "is", "café", "2020", "x"])
GAPS = st.sampled_from([" ", "  ", "\u00a0", ", ", "-", "\n", "'"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(WORDS, GAPS), min_size=1, max_size=10))
def test_finds_what_the_back_reference_regex_finds(pairs):
    text = "".join(word + gap for word, gap in pairs)
    spans = [m.span() for m in DOUBLED.finditer(text)]
    check = repetition.compile(dict(repetition.DEFAULTS))
    assert [(h.start, h.end) for h in check.check(Document.from_text(text), {})] == spans
