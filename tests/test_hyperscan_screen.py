"""The Hyperscan screen lets through what the RE2 screen does, and the findings never change."""

from __future__ import annotations

from pathlib import Path

import pytest
import re2
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Auditor
from audit.engine.engine import Engine
from audit.matching import hyperscan_screen
from audit.matching.hyperscan_screen import HyperscanScreen, explicit
from audit.matching.screen import Screen

hyperscan = pytest.importorskip("hyperscan")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SAFE = hyperscan_screen._safe_chars()
RULES = Auditor.from_rules().engine.rules
SOURCES = [getattr(rule.check, "screen", None) for rule in RULES]
COPIES = [source for source in SOURCES if source is not None]
CLASSES = sorted(
    {found for copy in COPIES for found in re2.findall(r"\[\^?(?:\\x\{[0-9a-f]+\}|[^]])+\]", copy)}
)


def _database(pattern: str) -> tuple[object, object]:
    database = hyperscan.Database()
    database.compile(
        expressions=[pattern.encode()],
        ids=[0],
        elements=1,
        flags=[hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH],
    )
    return database, hyperscan.Scratch(database)


def _matches(compiled: tuple[object, object], text: str) -> bool:
    database, scratch = compiled
    found: list[int] = []
    database.scan(
        text.encode(), match_event_handler=hyperscan_screen._collect, context=found, scratch=scratch
    )
    return bool(found)


def test_the_shipped_copies_use_many_classes():
    assert len(CLASSES) >= 30


@pytest.mark.parametrize("caseless", [False, True])
def test_every_spelled_class_matches_in_hyperscan_the_safe_characters_re2_matches(caseless):
    for source in CLASSES:
        flags = "(?i)" if caseless else ""
        compiled = _database(explicit(f"{flags}{source}"))
        matched = {char for char in SAFE if _matches(compiled, char)}
        assert matched == set(re2.findall(f"{flags}{source}", SAFE)), source


@pytest.mark.parametrize(
    ("source", "spelled"),
    [
        ("ab", r"[\x{61}][\x{62}]"),
        ("(?i)k", r"[\x{4b}\x{6b}]"),
        (r"(?i:s)t", r"(?:[\x{53}\x{73}\x{17f}])[\x{74}]"),
        (r"\Aa|b\z", r"\A[\x{61}]|[\x{62}]\z"),
        (r"a{2,30}b{1,3}", r"[\x{61}]{2,}[\x{62}]{1,3}"),
        (r"[\x{3000}]", r"\x{3000}"),
    ],
)
def test_explicit_spells_out_each_character_and_keeps_the_shape(source, spelled):
    assert explicit(source) == spelled


@pytest.mark.parametrize("source", [r"^a", r"a$", r"(?P<x>a)", r"(a", r"a)", r"\bx"])
def test_syntax_it_does_not_rewrite_is_refused(source):
    with pytest.raises(hyperscan_screen.Unsupported):
        explicit(source)


TEXTS = st.text(alphabet=st.sampled_from("ab AB.,;:!?\"“”«»()'’\n\u00a0-0123éÉßſ"), max_size=60)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_the_hyperscan_screen_lets_through_every_rule_the_re2_screen_does(text):
    assert SCREENS["hyperscan"].possible(text) >= SCREENS["re2"].possible(text)


SCREENS = {"re2": Screen(SOURCES), "hyperscan": HyperscanScreen(SOURCES)}


def test_both_screens_let_the_same_rules_through_on_the_seeds():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert SCREENS["hyperscan"].possible(text) == SCREENS["re2"].possible(text), path.name


def test_a_rule_whose_copy_hyperscan_refuses_always_runs():
    screen = HyperscanScreen(["here", "(?P<x>a)", None, "absent"])
    assert screen.possible("nothing") == {1, 2}
    assert screen.possible("here") == {0, 1, 2}
    assert screen.possible("here İstanbul") is None


def test_the_database_is_compiled_once_then_read_from_the_cache(monkeypatch):
    sources = ["cached (copy|database)", None]
    assert HyperscanScreen(sources).possible("a cached copy") == {0, 1}

    def refuse(_: HyperscanScreen) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(HyperscanScreen, "_compiled", refuse)
    assert HyperscanScreen(sources).possible("a cached copy") == {0, 1}


def test_the_engine_screens_with_hyperscan_when_it_is_installed_else_with_re2(monkeypatch):
    assert isinstance(Engine(RULES, screen_after=0).screen, HyperscanScreen)
    monkeypatch.setattr(hyperscan_screen, "available", lambda: False)
    assert isinstance(Engine(RULES, screen_after=0).screen, Screen)


def test_without_the_cache_the_engine_screens_with_re2(monkeypatch):
    monkeypatch.setenv("AUDIT_NO_CACHE", "1")
    assert isinstance(Engine(RULES, screen_after=0).screen, Screen)


def test_a_cached_database_that_does_not_load_is_compiled_again(monkeypatch):
    monkeypatch.setattr(
        hyperscan_screen.store, "cached", lambda *_: (frozenset(), b"not a database")
    )
    assert HyperscanScreen(["present", "absent"]).possible("present") == {0}
