"""Context regexes that must end where a match starts are searched backwards, with the
same answers as a forward search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import regex

from audit import Auditor
from audit.checks.base import BoundedPattern, ending_here
from audit.text.document import Document

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
LOOK_BEHIND = 100


def test_a_context_is_searched_backwards():
    assert ending_here("said").startswith("(?r)")


def test_back_references_keep_a_forward_search():
    assert not ending_here(r"(\w+) \1").startswith("(?r)")
    assert not ending_here(r"(?P<w>\w+) (?P=w)").startswith("(?r)")


def _backward_regexes() -> Iterator[regex.Pattern[str]]:
    for rule in Auditor.from_rules().engine.rules:
        check = rule.check
        by_anchor = getattr(check, "by_anchor", {})
        holders = [check, *(entry for entries in by_anchor.values() for entry in entries)]
        for holder in holders:
            for name in ("unless_before", "sentence_before", "sentence_end", "after"):
                found = getattr(holder, name, None)
                if isinstance(found, BoundedPattern) and found.flags & regex.REVERSE:
                    yield found.pattern
        if type(check).__name__ == "SentenceCheck" and check.unless_after is not None:
            yield check.unless_after.pattern


BACKWARD = list({pattern.pattern: pattern for pattern in _backward_regexes()}.values())


def _forward(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    return regex.compile(pattern.pattern.removeprefix("(?r)"), pattern.flags & ~regex.REVERSE)


def test_shipped_rules_search_their_contexts_backwards():
    assert len(BACKWARD) >= 8


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rules = Auditor.from_rules().engine.rules
    texts += [text for rule in rules for text in (*rule.examples["flag"], *rule.examples["pass"])]
    return texts


def test_backward_and_forward_searches_agree_on_the_seeds_and_examples():
    forward = [(pattern, _forward(pattern)) for pattern in BACKWARD]
    for text in _texts():
        doc = Document.from_text(text)
        ends = {token.start for token in doc.tokens} | {s.end for s in doc.sentences}
        for end in sorted(ends):
            start = max(0, end - LOOK_BEHIND)
            for backward, ahead in forward:
                back_match = backward.search(text, start, end)
                ahead_match = ahead.search(text, start, end)
                assert (back_match is None) == (ahead_match is None), (backward.pattern, end)
                if back_match is not None:
                    assert back_match.group() == ahead_match.group(), (backward.pattern, end)
