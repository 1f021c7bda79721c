"""The shipped packs' regexes run without a time limit, so each must stay fast on hostile text.

A user pack's regex runs with ``REGEX_TIMEOUT_SECONDS`` on every call; a
shipped pack's runs without (``audit.checks.base``). Here every shipped
rule runs its check (each regex called where its rule calls
it: over the text, a line, a sentence, or from a match), on texts built to
make a regex backtrack: long runs of one character, of one word, of
quotation marks and brackets, with no line break and with nothing but line
breaks, and a shuffle of all of them; with every regex given a short limit
for the test. A regex that backtracks exponentially, or quadratically over
a long line or sentence, runs past it on at least one of them.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import regex
from conftest import SEEDS

from audit import Auditor
from audit.checks.base import REGEX_TIMEOUT_SECONDS, BoundedPattern
from audit.engine.packs import load_packs
from audit.rulebook.packs import Rule
from audit.text.document import Document

HOSTILE_CHARS = 8_000
LIMIT_SECONDS = 0.5
PIECES = (
    "a", "A", " ", "\n", ".", ",", "!", "'", "’", '"', "“", "”", "«", "»", "(", ")", "[", "]",
    "-", "1", "é", "\u00a0", "\u202f", ":", "?",
)  # fmt: skip
WORDS = ("the ", "The ", "and ", "Mr. ", "Word ", "of the ", "l'", "1, 5", "A. B. ", "word, ")


def _hostile_texts() -> Iterator[tuple[str, str]]:
    for piece in (*PIECES, *WORDS):
        yield f"run of {piece!r}", piece * (HOSTILE_CHARS // len(piece))
        yield f"word then run of {piece!r}", "Word" + piece * (HOSTILE_CHARS // len(piece))
    shuffle = random.Random(7)
    alphabet = [*PIECES, *WORDS, "Paris ", "said ", "Monday "]
    yield "shuffle", "".join(shuffle.choice(alphabet) for _ in range(HOSTILE_CHARS // 2))
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    yield "the seeds, one line", seeds.replace("\n", " ")[: HOSTILE_CHARS * 2]


HOSTILE = dict(_hostile_texts())


def _patterns(value: object) -> Iterator[BoundedPattern]:
    """The BoundedPatterns a compiled check holds, in its fields and their containers."""
    if isinstance(value, BoundedPattern):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _patterns(getattr(value, field.name))
    elif isinstance(value, (tuple, list, frozenset, set)):
        for item in value:
            yield from _patterns(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _patterns(item)


@cache
def _limited_rules() -> tuple[Rule, ...]:
    """Every shipped rule, compiled afresh, each of its regexes given ``LIMIT_SECONDS``."""
    rules = tuple(rule for pack in load_packs([]) for rule in pack.rules)
    for rule in rules:
        for pattern in _patterns(rule.check):
            object.__setattr__(pattern, "timeout", LIMIT_SECONDS)
    return rules


def test_the_shipped_packs_hold_regexes_and_none_has_a_timeout() -> None:
    auditor = Auditor.from_rules([])  # as a run loads them: from the cache, once it is written
    shipped = [p for rule in auditor.engine.rules for p in _patterns(rule.check)]
    assert len(shipped) > 150
    assert all(pattern.timeout is None for pattern in shipped)


@pytest.mark.parametrize("label", HOSTILE)
def test_every_shipped_rule_runs_on_a_hostile_text_within_the_limit(label: str) -> None:
    doc = Document.from_text(HOSTILE[label])
    for rule in _limited_rules():
        try:
            for _ in rule.check.check(doc, {}):
                pass
        except TimeoutError:
            pytest.fail(
                f"{rule.id} ran past {LIMIT_SECONDS} s on a {label} ({len(doc.text)} chars)"
            )


def test_a_regex_that_backtracks_is_caught_here() -> None:
    slow = BoundedPattern(regex.compile(r"(a+)+b"), "pattern", LIMIT_SECONDS)
    with pytest.raises(TimeoutError):
        slow.search(HOSTILE["run of 'a'"])


def _pack(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_packs_regexes_keep_the_timeout(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        "pack: mine\nrules:\n  - id: r\n    kind: pattern\n    pattern: 'x+y'\n"
        "    unless_after: 'z'\n    message: m\n    severity: minor\n    category: style\n",
    )
    auditor = Auditor.from_rules([path], builtin=False)
    found = [p for rule in auditor.engine.rules for p in _patterns(rule.check)]
    assert len(found) == 2
    assert all(pattern.timeout == REGEX_TIMEOUT_SECONDS for pattern in found)


def test_a_shipped_rule_changed_by_a_user_pack_gets_the_timeout(tmp_path: Path) -> None:
    changed = "en.garbled.stray-full-stop"
    path = _pack(
        tmp_path,
        "pack: mine\nextends: en.garbled\nrules:\n"
        f"  - id: {changed}\n    pattern: '\\.\\.\\.\\.'\n",
    )
    auditor = Auditor.from_rules([path])
    timeouts = {
        rule.id: {p.timeout for p in _patterns(rule.check)}
        for rule in auditor.engine.rules
        if rule.id.startswith("en.garbled.")
    }
    assert timeouts.pop(changed) == {REGEX_TIMEOUT_SECONDS}
    assert {None} == set().union(*timeouts.values())
