"""The literal prefilter: which literals a regex requires, and that it never hides a match."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from random import Random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Auditor
from audit.matching.prefilter import line_slack, may_match, required_literals, selective
from audit.text.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


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
    assert required_literals(r"\p{L}[ \u00a0]+[,;]", False) == {",", ";"}


def test_white_space_is_the_last_choice():
    assert required_literals(r"[ \u00a0]+[!?]", False) == {"!", "?"}
    assert required_literals(r"\w[ \u00a0]+\w", False) == {" ", "\u00a0"}


def test_syntax_the_re_parser_would_misread_gives_no_literals():
    assert required_literals(r"[[:alpha:]]+\]", False) is None
    assert required_literals(r"(?:colour){e<=1}", False) is None
    assert required_literals(r"x[[:^digit:]]", False) is None


def test_a_class_that_opens_with_a_colon_is_a_plain_class():
    assert required_literals(r"\bphoto\s*[:©|]", False) == {"photo"}
    assert required_literals(r"\d[:h]\d", False) == {":", "h"}


def test_line_slack_is_the_widest_lookahead_of_a_one_line_regex():
    assert line_slack(r"\bback\b") == 0
    assert line_slack(r"\p{L}+(?=[.!?]{1,3})") == 3
    assert line_slack(r"\h+\p{Lu}(?![^\n]{0,9}x)") == 10


def test_only_rare_literals_are_selective():
    assert selective(frozenset({"explained", "“"}))
    assert not selective(frozenset({"back", "a"}))
    assert not selective(frozenset({"."}))
    assert not selective(None)


def test_no_line_slack_when_a_match_may_cross_lines_or_look_far():
    assert line_slack(r"end\s+start") is None
    assert line_slack(r"[^x]+") is None
    assert line_slack(r"(?s)a.b") is None
    assert line_slack(r"\P{L}") is None
    assert line_slack(r"a(?=\w*b)") is None
    assert line_slack(r"a?") is None


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


RULES = Auditor.from_rules().engine.rules
SHIPPED = [
    rule
    for rule in RULES
    if getattr(rule.check, "literals", None) is not None and hasattr(rule.check, "pattern")
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
    assert _skipped_match(_recased(" ".join(pieces), random)) == []


def _recased(text: str, random: Random) -> str:
    """``text`` with about one letter in five in the other case."""
    return "".join(c.swapcase() if random.random() < 0.2 else c for c in text)


LINE_SCANNED = [rule for rule in SHIPPED if getattr(rule.check, "line_slack", None) is not None]


def _line_scan_differences(text: str) -> list[str]:
    """Ids of the rules whose line-by-line scan finds other matches than a whole-text scan."""
    doc = Document.from_text(text)
    return [
        rule.id
        for rule in LINE_SCANNED
        if [m.span() for m in rule.check._matches(doc, bool(rule.check.pattern.flags & regex.I))]
        != [m.span() for m in rule.check.pattern.finditer(text)]
        and may_match(rule.check.literals, doc.haystack(bool(rule.check.pattern.flags & regex.I)))
    ]


def test_most_shipped_pattern_rules_scan_lines():
    assert len(LINE_SCANNED) >= 10


def test_line_scans_find_what_whole_text_scans_find_in_the_seeds():
    for path in sorted(SEEDS.glob("*.txt")):
        assert _line_scan_differences(path.read_text(encoding="utf-8")) == [], path.name


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TEXTS), min_size=1, max_size=4),
    st.lists(st.sampled_from(["\n", "\r\n", "\n\n", " ", "\n  "]), min_size=4, max_size=4),
)
def test_line_scans_find_what_whole_text_scans_find_across_lines(pieces, breaks):
    text = "".join(piece + brk for piece, brk in zip(pieces, breaks, strict=False))
    assert _line_scan_differences(text) == []


PARAGRAPH_RULES = [
    rule for rule in RULES if rule.kind == "paragraph" and rule.check.literals is not None
]
PARAGRAPH_TEXTS = [
    text for rule in PARAGRAPH_RULES for text in (*rule.examples["flag"], *rule.examples["pass"])
]


def _paragraph_differences(text: str) -> list[str]:
    """Ids of the paragraph rules that flag otherwise without their literals."""
    doc = Document.from_text(text)
    return [
        rule.id
        for rule in PARAGRAPH_RULES
        if list(rule.check.check(doc, {}))
        != list(replace(rule.check, literals=None).check(doc, {}))
    ]


def test_most_shipped_paragraph_rules_with_patterns_have_literals():
    assert len(PARAGRAPH_RULES) >= 4


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPH_TEXTS), min_size=1, max_size=3), st.randoms())
def test_paragraph_literals_never_change_what_is_flagged(pieces, random):
    text = " ".join(pieces)
    assert _paragraph_differences(text) == []
    assert _paragraph_differences(_recased(text, random)) == []
