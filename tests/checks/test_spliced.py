"""The ``spliced`` kind: two words run together, split back with the commonest pieces."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.checks import spliced
from audit.rulebook.kind import FieldError
from audit.text.document import Document


@pytest.fixture
def lists(tmp_path: Path) -> dict[str, str]:
    pieces = tmp_path / "pieces.txt"
    pieces.write_text(
        "the\nthat\nhe\nis\nthere\nadded\nsaid\ncountries\nassembly\nviking\n"
        "new\ncastle\nschool\nfriends\nwill\nnum\nabout\nboat\n",
        encoding="utf-8",
    )
    known = tmp_path / "known.txt"
    known.write_text("# words never split\nwillis\n", encoding="utf-8")
    return {"pieces": str(pieces), "compounds": str(known)}


def flagged(text: str, lists: dict[str, str], **changes: object) -> list[tuple[str, str]]:
    options = {**spliced.DEFAULTS, **lists, "joints": ["the", "that", "he", "is", "there"]}
    options.update(changes)
    check = spliced.compile(options)
    hits = check.check(Document.from_text(text), {})
    return sorted((text[h.start : h.end], h.suggestions[0]) for h in hits)


def test_a_joint_word_and_a_piece_are_split_back(lists):
    assert flagged("It is there thathe writes, before the Assemblyis.", lists) == [
        ("Assemblyis", "Assembly is"),
        ("thathe", "that he"),
    ]


def test_names_compounds_and_other_shapes_pass(lists):
    text = "Newcastle and Willis, the VIKINGTHERE, the VikingThere, schoolfriends, Numis."
    assert flagged(text, lists) == []
    assert flagged("the Vikingthere sailed", lists) == [("Vikingthere", "Viking there")]


def test_reporting_verbs_join_when_listed(lists):
    text = "the poorest countriesadded the minister"
    assert flagged(text, lists) == []
    assert flagged(text, lists, joints=["added"]) == [("countriesadded", "countries added")]


def test_web_addresses_and_short_tokens_pass(lists):
    assert flagged("See thathe.com and mail isthe@thathe.org; ishe.", lists) == []


def test_bad_lengths_are_field_errors(lists):
    with pytest.raises(FieldError):
        spliced.compile({**spliced.DEFAULTS, **lists, "joints": ["the"], "min_piece": 1})
