"""The literal prefilter: which literals a regex requires, and that it never hides a match."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Auditor
from audit.document import Document
from audit.prefilter import may_match, required_literals


def test_a_plain_word_is_required():
    assert required_literals(r"\bconspire\b", False) == {"conspire"}


def test_the_longest_required_piece_is_chosen():
    assert required_literals(r"\b(?:send|sent)\h+back[\h-]+to", False) == {"back"}


def test_an_alternation_requires_one_of_its_branches():
    assert required_literals(r"(?:first|second)\h+producer|exporter", False) == {
        "producer",
        "exporter",
    }


def test_ignore_case_folds_the_literals():
    assert required_literals(r"Advertisement", True) == {"advertisement"}


def test_a_small_class_gives_its_characters():
    assert required_literals(r"\p{L}[ \u00a0]+[!?]", False) == {" ", "\u00a0"}


def test_optional_and_zero_width_parts_are_not_required():
    assert required_literals(r"(?:Mme)?\h*(?<=x)", False) is None
    assert required_literals(r"a*", False) is None


def test_an_inline_ignore_case_gives_no_literals():
    assert required_literals(r"(?i:hour)s", False) == {"s"}
    assert required_literals(r"(?i)hours", False) is None


def test_syntax_only_regex_knows_never_fails():
    assert required_literals(r"(?|a(b)|c(d))x", False) in (None, {"x"})
    assert required_literals(r"\p{Lu}\p{Ll}+\.\Z", False) == {"."}


def test_may_match_needs_one_literal_in_the_text():
    assert may_match(frozenset({"back", "front"}), "the front line")
    assert not may_match(frozenset({"back"}), "the front line")
    assert may_match(None, "anything")


def test_with_language_keeps_what_the_text_gave():
    doc = Document.from_text("One text. Two sentences.")
    tokens = doc.tokens
    assert doc.with_language(doc.language).tokens is tokens


SHIPPED = [
    rule
    for rule in Auditor.from_rules().engine.rules
    if getattr(rule.check, "literals", None) is not None
]


def test_most_shipped_pattern_rules_have_literals():
    assert len(SHIPPED) >= 30


def _texts() -> list[str]:
    return [text for rule in SHIPPED for text in (*rule.examples["flag"], *rule.examples["pass"])]


TEXTS = _texts()


def _skipped_match(text: str) -> list[str]:
    """Ids of the rules whose regex matches ``text`` although their prefilter says it cannot."""
    folded = text.casefold()
    return [
        rule.id
        for rule in SHIPPED
        if rule.check.pattern.search(text)
        and not may_match(
            rule.check.literals, folded if rule.check.pattern.flags & regex.I else text
        )
    ]


def test_no_shipped_example_is_skipped():
    assert [(text, ids) for text in TEXTS if (ids := _skipped_match(text))] == []


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3), st.randoms())
def test_mixed_and_recased_examples_are_never_skipped(pieces, random):
    text = " ".join(pieces)
    recased = "".join(c.swapcase() if random.random() < 0.2 else c for c in text)
    assert _skipped_match(recased) == []
