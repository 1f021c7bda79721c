"""The regex screen: loose copies of rule regexes match at least what the rules match, and the
screened engine finds what the full engine finds, with Hyperscan or RE2."""

from __future__ import annotations

from pathlib import Path

import pytest
import re2
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Auditor
from audit.engine.engine import Engine
from audit.matching import hyperscan_screen
from audit.matching.loosen import DIGIT, SPACE, WORD, loosen
from audit.matching.screen import GROUP_SIZE, SAFE_CHARS, Screen
from audit.text.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SAFE = "".join(regex.findall(f"[{SAFE_CHARS}]", "".join(map(chr, range(0x3000)))))


def _found(source: str, text: str, loose: bool) -> set[str]:
    return set(re2.findall(source, text) if loose else regex.findall(source, text))


EXACT_CLASSES = (
    *(r"\w", r"\s", r"\d", r"\W", r"\S", r"\D", r"[^\w]", r"[^.\s]", r"[^\d,]"),
    *(r"\p{L}", r"\p{Lu}", r"\p{Ll}", r"\p{N}", r"\p{Nd}", r"[\w'’-]", r"[^\p{L}\p{N}]"),
    *(".", "(?s).", r"[^\n“”]", r"\u00a0", r"[\x20-\x2f]"),
)


CATEGORIES = "L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z"
PROPERTIES = [f"\\{p}{{{name}}}" for name in [*CATEGORIES.split(), "C", "Latin"] for p in "pP"]


@pytest.mark.parametrize("source", [*EXACT_CLASSES, *PROPERTIES])
def test_classes_are_exact_on_the_safe_characters(source):
    assert _found(loosen(source, False), SAFE, True) == _found(source, SAFE, False)


LOOSE_CLASSES = (
    *(r"\h", r"(?i)\p{Lu}", r"(?i)\p{Ll}", r"[^\h]", r"\P{L}"),
    *(r"(?i)[a-z]", r"(?i)[A-Z]", r"(?i)[à-þ]", r"(?i)[ß-ÿ]", r"(?i)[^a-z]", r"(?i:[a-fK-Z])"),
)


@pytest.mark.parametrize("source", LOOSE_CLASSES)
def test_loose_classes_hold_the_regex_classes_on_the_safe_characters(source):
    assert _found(loosen(source, False), SAFE, True) >= _found(source, SAFE, False)


def test_ignore_case_folds_every_safe_letter_as_regex_does():
    unlike = [
        char
        for char in SAFE
        if not _found(loosen(regex.escape(char), True), SAFE, True)
        >= _found(f"(?i){regex.escape(char)}", SAFE, False)
    ]
    assert unlike == []


def test_a_leading_lookbehind_and_a_trailing_lookahead_are_consumed():
    assert loosen(r"(?<=[.!?])\h*\.(?=\s)", False) == (
        rf"(?:[\x{{2e}}!\x{{3f}}])(?:[{SPACE}])*[\x{{2e}}](?:[{SPACE}])"
    )


def test_inner_lookarounds_are_dropped():
    assert loosen(r"a(?<=a)b(?=c)d", False) == "abd"
    assert loosen(r"a(?<![b])c(?![d])e", False) == "ace"


def test_a_negative_lookaround_of_one_class_at_an_edge_lets_through_its_complement():
    assert loosen(r"(?<![\w.])x(?!\d)", False) == (rf"(?:\A|[^{WORD}\x{{2e}}])x(?:[^{DIGIT}]|\z)")
    assert loosen(r"(?:(?<!\W)a|b)", False) == rf"(?:(?:\A|[{WORD}])a|b)"


def test_other_negative_lookarounds_are_dropped():
    loose_or_longer = (r"(?<!\h)a", r"(?<!ab)a", r"(?<![a]|b)a", r"(?<!x)a(?!b)")
    assert [loosen(source, False) for source in loose_or_longer] == ["a"] * 4
    assert loosen(r"(?<!\p{Lu})a", True) == "(?i)a"


def test_line_and_text_anchors_at_an_edge_are_kept_as_line_breaks_or_text_ends():
    assert loosen(r"^a$", False) == r"(?:\A|\n)a(?:\n|\z)"
    assert loosen(r"\Aa(?=b|$)", False) == r"\Aa(?:b|(?:\n|\z))"
    assert loosen(r"(?<=^|x)a\Z", False) == r"(?:(?:\A|\n)|x)a\z"
    assert loosen(r"a^b$c", False) == "abc"


def test_a_sentence_regex_drops_its_anchors():
    assert loosen(r"^\Aa\Z$", False, whole_text=False) == "a"


EDGE_REGEXES = (
    *(r"^a+$", r"(?:^|b)a(?=$|\.)", r"\Aab|b\Z", r"(?<=^|[ab]\n)\.a(?![a-c])"),
    *(r"(?<![\w.])ab(?![^\s,])", r"(?:(?<!\d)a|(?<![a-c])b)+c(?!\W)"),
    *(r"(?<![\p{L}'])[Aa]n\s(?![aeiou])", r"\b(?<![-.])a\b"),
)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aAbBcn1 .,-'\n", max_size=12), st.sampled_from(EDGE_REGEXES))
def test_copies_with_anchors_or_negative_lookarounds_match_what_the_regex_matches(text, source):
    if regex.search(source, text, regex.MULTILINE):
        assert re2.search(loosen(source, False), text), (source, text)


def test_a_lookbehind_after_a_repeat_or_in_one_is_dropped():
    assert loosen(r"(?:(?<=x)a)+", False) == "(?:(?:a))+"
    assert loosen(r"(?<=x)(?<=y)a", False) == "(?:x)a"


def test_each_branch_of_a_leading_group_consumes_its_lookbehind():
    assert loosen(r"(?:(?<=x)|(?<=y\.))a", False) == r"(?:(?:x)|(?:y[\x{2e}]))a"


def test_assertions_are_dropped_and_possessive_forms_made_plain():
    assert loosen(r"\bab++(?>c|d)\B", False) == "a(?:b)+(?:c|d)"
    assert loosen(r"^\bab++(?>c|d)\Z$", False) == r"(?:\A|\n)a(?:b)+(?:c|d)(?:\n|\z)"


def test_ignore_case_turns_case_properties_into_letters():
    assert loosen(r"\p{Lu}x", True) == r"(?i)[\p{L}]x"
    assert loosen(r"(?i)\p{Lu}x", False) == r"(?i)[\p{L}]x"
    assert loosen(r"\p{Lu}x", False) == r"[\p{Lu}]x"


def test_escapes_become_code_points():
    assert loosen(r"\u00a0\x41\N{EM DASH}\{", False) == r"[\x{a0}][\x{41}][\x{2014}][\x{7b}]"
    assert loosen(r"a{,3}", False) == "(?:a){0,3}"


@pytest.mark.parametrize(
    "source",
    [
        r"(a)\1",
        r"(?P<x>a)(?P=x)",
        r"a(?i)b",
        r"(?x) a b",
        r"(?:colour){e<=1}",
        r"[[:alpha:]]",
        r"(?(1)a|b)",
        r"(?|a|b)",
        r"(?r)abc",
        r"a)",
        r"(a",
        r"\q",
    ],
)
def test_syntax_it_cannot_loosen_gives_no_copy(source):
    assert loosen(source, False) is None


def test_a_text_outside_the_safe_characters_is_not_judged():
    screen = Screen([r"absent"])
    assert screen.possible("nothing here") == set()
    assert screen.possible("nothing here İstanbul") is None
    assert screen.possible("nothing here \u0627") is None


def test_a_rule_without_a_copy_always_runs():
    screen = Screen([None, "absent", "here"])
    assert screen.possible("here it is") == {0, 2}


def test_a_set_that_fails_lets_its_rules_run():
    screen = Screen(["here", "absent", *["never"] * GROUP_SIZE])
    screen._sets[1][0].set = _OutOfMemorySet()
    assert screen.possible("here") == set(range(GROUP_SIZE))


class _OutOfMemorySet:
    """What RE2 reports when a set's DFA runs out of memory: no match at all."""

    def Match(self, data: bytes) -> list[int]:
        return []


def test_a_copy_re2_refuses_lets_its_rule_run():
    assert Screen(["(?=a)b", "absent"]).possible("nothing") == {0}
    assert Screen(["absent", "(?=a)b", "here"]).possible("here") == {1, 2}


RULES = Auditor.from_rules().engine.rules
LOOSENED = [rule for rule in RULES if getattr(rule.check, "screen", None) is not None]


def test_most_shipped_regex_rules_have_a_copy():
    assert len(LOOSENED) >= 40
    assert len(PATTERN_RULES) >= 35


def test_every_copy_compiles_in_re2():
    for rule in LOOSENED:
        re2.compile(rule.check.screen)


def _examples() -> list[str]:
    return [text for rule in RULES for text in (*rule.examples["flag"], *rule.examples["pass"])]


EXAMPLES = [text for text in _examples() if Screen.judges(text)]
PATTERN_RULES = [rule for rule in LOOSENED if rule.kind == "pattern"]


def _missed(text: str) -> list[str]:
    """Ids of the pattern rules whose regex matches ``text`` where their copy does not."""
    return [
        rule.id
        for rule in PATTERN_RULES
        if rule.check.pattern.search(text) and not re2.search(rule.check.screen, text)
    ]


def test_every_example_match_is_matched_by_the_copy():
    assert [(text, ids) for text in EXAMPLES if (ids := _missed(text))] == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=3),
    st.lists(st.sampled_from([" ", "\n", ". ", ", ", "“", "”", '"', "(", ")", " ."]), max_size=3),
    st.randoms(),
)
def test_mixed_examples_are_matched_by_the_copies(pieces, joints, random):
    text = "".join(p + (joints[i] if i < len(joints) else " ") for i, p in enumerate(pieces))
    recased = "".join(c.swapcase() if random.random() < 0.1 else c for c in text)
    if Screen.judges(recased):
        assert _missed(recased) == []


UNSCREENED = Engine(RULES, screened=False)


def _screened(monkeypatch: pytest.MonkeyPatch, screen: str) -> Engine:
    """An engine screening every document with Hyperscan (when installed) or RE2."""
    if screen == "hyperscan":
        pytest.importorskip("hyperscan")
    else:
        monkeypatch.setattr(hyperscan_screen, "available", lambda: False)
    return Engine(RULES, screen_after=0)


def _findings(text: str, engine: Engine) -> list[dict[str, object]]:
    return [finding.to_dict() for finding in engine.run(Document.from_text(text))]


@pytest.mark.parametrize("screen", ["hyperscan", "re2"])
def test_the_screened_engine_finds_what_the_full_engine_finds_in_the_seeds(monkeypatch, screen):
    screened = _screened(monkeypatch, screen)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _findings(text, screened) == _findings(text, UNSCREENED), path.name


@pytest.mark.parametrize("screen", ["hyperscan", "re2"])
def test_the_screened_engine_finds_what_the_full_engine_finds_in_every_example(monkeypatch, screen):
    screened = _screened(monkeypatch, screen)
    for text in _examples():
        assert _findings(text, screened) == _findings(text, UNSCREENED), text


def test_the_engine_screens_only_after_its_first_documents():
    engine = Engine(RULES, screen_after=2)
    doc = Document.from_text("A plain sentence.")
    engine.run(doc)
    engine.run(doc)
    assert not engine.screen.built
    engine.run(doc)
    assert engine.screen.built
