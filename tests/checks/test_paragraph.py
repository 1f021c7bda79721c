"""The ``paragraph`` kind through the real pipeline: YAML rules, Auditor, CLI validation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import PackWriter as WritePack

PACK = """\
pack: t
rules:
  - id: residue
    kind: paragraph
    message: "residue: '{{match}}'"
    severity: major
    category: other/boilerplate
{options}
"""
PHRASES = """\
    phrases: [subscribe, share, facebook, twitter, read more, loading, date]
    patterns: ['\\b\\d{4}-\\d{2}-\\d{2}\\b']
    max_words: 4
"""


def findings(write_pack: WritePack, options: str, text: str) -> list[dict[str, Any]]:
    return write_pack.findings(PACK.format(options=options), text)


def flagged(write_pack: WritePack, options: str, text: str) -> list[str]:
    return [finding["text"] for finding in findings(write_pack, options, text)]


def test_a_lone_phrase_line_is_flagged_whole_with_its_place(write_pack: WritePack) -> None:
    text = "The talks ended on Friday in Geneva.\n\n  Subscribe  \nThe envoys left on Saturday.\n"
    [finding] = findings(write_pack, PHRASES, text)
    assert finding["text"] == "Subscribe"
    assert (finding["line"], finding["column"]) == (3, 3)
    assert finding["message"] == "residue: 'Subscribe'"


def test_the_same_words_inside_prose_are_not_flagged(write_pack: WritePack) -> None:
    text = "Readers who subscribe share the paper.\nThey read more on Facebook and Twitter.\n"
    assert flagged(write_pack, PHRASES, text) == []


def test_several_phrases_together_cover_a_line(write_pack: WritePack) -> None:
    text = "Share | Facebook · Twitter\nREAD MORE »\n"
    assert flagged(write_pack, PHRASES, text) == ["Share | Facebook · Twitter", "READ MORE »"]


def test_patterns_and_phrases_cover_a_line_together(write_pack: WritePack) -> None:
    assert flagged(write_pack, PHRASES, "date 2020-01-10 Loading...") == [
        "date 2020-01-10 Loading..."
    ]
    assert flagged(write_pack, PHRASES, "date 2020-01-10 Baghdad") == []


def test_a_line_longer_than_max_words_is_never_flagged(write_pack: WritePack) -> None:
    line = "Share Facebook Twitter Subscribe"
    assert flagged(write_pack, PHRASES, line) == [line]
    assert flagged(write_pack, PHRASES, line + " Share") == []


def test_a_phrase_must_match_whole_words(write_pack: WritePack) -> None:
    assert flagged(write_pack, PHRASES, "Shared") == []
    assert flagged(write_pack, PHRASES, "Subscribers") == []


def test_a_line_of_punctuation_only_is_not_flagged(write_pack: WritePack) -> None:
    assert flagged(write_pack, PHRASES, "* * *\n---\n") == []


def test_patterns_alone_keep_their_own_group_numbers(write_pack: WritePack) -> None:
    options = "    patterns: ['\\b(\\w)\\1+\\b', '\\b(ab)\\1\\b']\n"
    assert flagged(write_pack, options, "zzz abab") == ["zzz abab"]
    assert flagged(write_pack, options, "zzz abcd") == []


def test_a_pattern_must_cover_a_whole_token(write_pack: WritePack) -> None:
    options = "    patterns: ['photo']\n"
    assert flagged(write_pack, options, "Photo") == ["Photo"]
    assert flagged(write_pack, options, "Photographer") == []


@pytest.mark.parametrize(
    ("options", "line", "fragment"),
    [
        ("    max_words: 0\n    phrases: [x]\n", 8, "must be 1 or more"),
        ("    max_words: ten\n    phrases: [x]\n", 8, "'max_words' must be an integer"),
        ("    max_words: 3\n", 3, "give at least one phrase or pattern"),
        ("    phrases: [subscribe, '--']\n", 8, "'--' has no word to match"),
        ("    patterns: ['ok', '(unclosed']\n", 8, "pattern 2 ('(unclosed'): invalid regex"),
        ("    phrase: [subscribe]\n", 8, "unknown field 'phrase' (did you mean 'phrases'?)"),
    ],
)
def test_bad_options_are_errors_with_file_and_line(
    write_pack: WritePack, run_cli: Callable[..., Any], options: str, line: int, fragment: str
) -> None:
    path = write_pack(PACK.format(options=options), "bad.yaml")
    result = run_cli("rules", "validate", path)
    assert result.code == 2
    assert f"{path}:{line}" in result.stderr
    assert fragment in result.stderr
