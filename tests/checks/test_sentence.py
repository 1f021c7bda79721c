"""The sentence kind, through the whole pipeline: YAML -> validation -> engine -> findings."""

from __future__ import annotations

import pytest

RULE = """\
pack: t
rules:
  - id: s
    kind: sentence
    message: "'{{match}}' after '{{before}}'"
    severity: minor
    category: fluency/grammar
{extra}"""

LOWER_START = "    pattern: '\\A\\p{Ll}+'\n"
SPLIT_NAME = (
    "    pattern: '\\A(\\p{Lu}\\p{Ll}+)\\.\\Z'\n"
    "    group: 1\n"
    "    after: '(?<=\\b\\p{Ll}+ )\\p{Lu}\\p{Ll}+\\.'\n"
)


def findings(write_pack, text, extra):
    return write_pack.findings(RULE.format(extra=extra), text, language="en")


def texts(write_pack, text, extra):
    return [finding["text"] for finding in findings(write_pack, text, extra)]


def test_pattern_is_matched_within_each_sentence(write_pack):
    text = "The talks ended. the delegates left. Nobody stayed."
    [finding] = findings(write_pack, text, LOWER_START)
    assert finding["text"] == "the" == text[finding["start"] : finding["end"]]
    assert finding["message"] == "'the' after ''"


def test_sentences_are_the_segmenter_s(write_pack):
    text = 'He met the U.S. envoy at 10 a.m. on Friday. "We will stay." she said.'
    assert findings(write_pack, text, LOWER_START) == []


def test_after_requires_a_previous_sentence_of_the_same_paragraph(write_pack):
    extra = LOWER_START + "    after: '[.!?]'\n"
    assert texts(write_pack, "The talks ended. the delegates left.", extra) == ["the"]
    assert findings(write_pack, "the talks ended.", extra) == []
    assert findings(write_pack, "The talks ended.\nthe delegates left.", extra) == []


def test_unless_after_excuses_a_sentence_after_a_matching_one(write_pack):
    text = "A Ph.D. student wrote it."
    assert texts(write_pack, text, LOWER_START) == ["student"]
    assert findings(write_pack, text, LOWER_START + "    unless_after: '\\b\\p{L}\\.'\n") == []


def test_group_and_before_placeholder(write_pack):
    text = "“We will not go back,” said Nadia. Haddad. The others agreed."
    [finding] = findings(write_pack, text, SPLIT_NAME)
    assert finding["text"] == "Haddad"
    assert finding["message"] == "'Haddad' after 'Nadia.'"


def test_name_group_needs_a_rare_word(write_pack):
    extra = SPLIT_NAME + "    name_group: 1\n    dictionary: en/data/english-common.txt\n"
    assert texts(write_pack, "It was written by Omar. Mansouri.", extra) == ["Mansouri"]
    assert findings(write_pack, "He voted for Trump. Twice.", extra) == []
    assert texts(write_pack, "He voted for Trump. Twice.", SPLIT_NAME) == ["Twice"]
    write_pack("mansouri\n", name="names-as-words.txt")
    own = SPLIT_NAME + "    name_group: 1\n    dictionary: names-as-words.txt\n"
    assert findings(write_pack, "It was written by Omar. Mansouri.", own) == []


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        (LOWER_START + "    group: 2\n", "the pattern has no group 2"),
        (SPLIT_NAME + "    name_group: 1\n", "needs a 'dictionary'"),
        (LOWER_START + "    dictionary: en/data/english-common.txt\n", "is only used with"),
        (SPLIT_NAME + "    name_group: 1\n    dictionary: zz.txt\n", "cannot read word list"),
        (LOWER_START + "    after: '[.'\n", "invalid regex"),
        ("    group: 0\n", "missing required field 'pattern'"),
    ],
)
def test_bad_options_are_reported_at_their_line(run_cli, write_pack, extra, problem):
    result = run_cli("rules", "validate", write_pack(RULE.format(extra=extra)))
    assert result.code == 2
    assert "pack.yaml:" in result.stderr
    assert problem in result.stderr
