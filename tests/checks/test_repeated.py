"""The ``repeated`` kind through the real pipeline: YAML rules, Auditor, CLI validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import PackWriter as WritePack

PACK = """\
pack: t
rules:
  - id: copy
    kind: repeated
    message: "repeats line {{first_line}}"
    severity: major
    category: other/boilerplate
{options}
"""
TITLE = "Iraq asks Washington for a withdrawal plan"


def findings(write_pack: WritePack, options: str, text: str) -> list[dict[str, Any]]:
    return write_pack.findings(PACK.format(options=options), text)


def flagged_lines(write_pack: WritePack, options: str, text: str) -> list[int]:
    return [finding["line"] for finding in findings(write_pack, options, text)]


def test_second_and_later_copies_are_flagged_with_the_first_line(write_pack: WritePack) -> None:
    text = f"{TITLE}\n\nThe talks began on Friday in Baghdad.\n{TITLE}\n{TITLE}\n"
    found = findings(write_pack, "", text)
    assert [(f["line"], f["message"]) for f in found] == [
        (4, "repeats line 1"),
        (5, "repeats line 1"),
    ]
    assert all(f["text"] == TITLE for f in found)


def test_case_and_space_are_ignored_by_default(write_pack: WritePack) -> None:
    text = f"{TITLE}\n{TITLE.upper().replace(' ', '   ')}\n"
    assert flagged_lines(write_pack, "", text) == [2]


def test_an_empty_normalise_list_compares_exactly(write_pack: WritePack) -> None:
    text = f"{TITLE}\n{TITLE.upper()}\n{TITLE}\n"
    assert flagged_lines(write_pack, "    normalise: []\n", text) == [3]


def test_punctuation_normalisation_compares_words_only(write_pack: WritePack) -> None:
    text = "Protesters gather in Baghdad, Iraq: AP\nProtesters gather in Baghdad - Iraq (AP)\n"
    assert flagged_lines(write_pack, "", text) == []
    assert flagged_lines(write_pack, "    normalise: [case, punctuation]\n", text) == [2]


def test_paragraphs_shorter_than_min_words_are_not_compared(write_pack: WritePack) -> None:
    text = "No to Iran!\nThe crowd chanted for an hour in the square.\nNo to Iran!\n"
    assert flagged_lines(write_pack, "", text) == []
    assert flagged_lines(write_pack, "    min_words: 3\n", text) == [3]


def test_edges_flag_a_repeat_of_the_end_or_start_of_an_earlier_paragraph(
    write_pack: WritePack,
) -> None:
    talks = "Talks resume in Geneva on Monday"
    text = f"Home » World » {TITLE}\n{TITLE}\n{talks}: envoys speak\n{talks}\n"
    assert flagged_lines(write_pack, "", text) == []
    found = findings(write_pack, "    edges: true\n", text)
    assert [(f["line"], f["message"]) for f in found] == [
        (2, "repeats line 1"),
        (4, "repeats line 3"),
    ]


def test_edges_need_a_word_boundary(write_pack: WritePack) -> None:
    text = "The envoys will meet in Geneva on Monday\nenvoys will meet in Geneva on Mon\n"
    assert flagged_lines(write_pack, "    edges: true\n", text) == []


def test_a_later_paragraph_that_starts_like_an_earlier_one_is_not_flagged(
    write_pack: WritePack,
) -> None:
    text = f"{TITLE}\n{TITLE} on Friday, the prime minister's office said.\n"
    assert flagged_lines(write_pack, "    edges: true\n", text) == []


@pytest.mark.parametrize(
    ("options", "fragment"),
    [
        ("    min_words: 0\n", "must be 1 or more"),
        ("    min_words: five\n", "'min_words' must be an integer"),
        (
            "    normalise: [case, spaces]\n",
            "unknown normalisation 'spaces' (did you mean 'space'?)",
        ),
        ("    edges: sometimes\n", "'edges' must be true or false"),
        ("    edge: true\n", "unknown field 'edge' (did you mean 'edges'?)"),
    ],
)
def test_bad_options_are_errors_with_file_and_line(
    write_pack: WritePack, run_cli: Callable[..., Any], options: str, fragment: str
) -> None:
    path = write_pack(PACK.format(options=options), "bad.yaml")
    result = run_cli("rules", "validate", path)
    assert result.code == 2
    assert f"{path}:8" in result.stderr
    assert fragment in result.stderr
