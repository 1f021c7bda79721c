"""The quotation kind, through the whole pipeline: YAML -> validation -> engine -> findings."""

from __future__ import annotations

import pytest

RULE = """\
pack: t
rules:
  - id: quote-case
    kind: quotation
    message: "'{{word}}' -> '{{lower}}' ({{suggestion}})"
    severity: minor
    category: fluency/grammar
    skip_quotes: {skip_quotes}
{extra}"""


def findings(write_pack, text, extra="", skip_quotes="false"):
    rule = RULE.format(extra=extra, skip_quotes=skip_quotes)
    return write_pack.findings(rule, text, language="en")


def flagged_words(write_pack, text, extra=""):
    return [finding["text"] for finding in findings(write_pack, text, extra)]


def test_capitalised_fragment_is_flagged_with_word_and_suggestion(write_pack):
    text = 'Iraqis accuse their leaders of being "Incompetent" and "Thieves".'
    first, second = findings(write_pack, text)
    assert first["text"] == '"Incompetent' == text[first["start"] : first["end"]]
    assert first["message"] == "'Incompetent' -> 'incompetent' (\"incompetent)"
    assert first["suggestions"] == ['"incompetent']
    assert second["text"] == '"Thieves'


def test_hits_lie_inside_quotations_so_the_quote_guard_drops_them_by_default(write_pack):
    text = 'They want a "Discussion" with Baghdad.'
    assert len(findings(write_pack, text)) == 1
    assert findings(write_pack, text, skip_quotes="true") == []


@pytest.mark.parametrize(
    "text",
    [
        '"We will stay," he said.',
        'The talks ended. "We will stay," he said.',
        'He said: "We will stay."',
        'He said, "We will stay."',
        'Crowds chanted "Death to America!" outside.',
        'She asked him "Why not?" and left.',
        'They want a "discussion" with Baghdad.',
        'Officials at "NATO" declined to comment.',
    ],
)
def test_full_quoted_sentences_lower_case_and_acronyms_pass(write_pack, text):
    assert findings(write_pack, text) == []


def test_a_sentence_with_a_quotation_inside_is_not_a_full_sentence(write_pack):
    text = 'He wants "Guarantees about security, not promises ". Then he left.'
    assert flagged_words(write_pack, text) == ['"Guarantees']


def test_sentence_end_marks_a_quoted_sentence_by_its_last_punctuation(write_pack):
    text = "Critics praised his poem “Elegy,” a reworking of an old text."
    assert flagged_words(write_pack, text) == ["“Elegy"]
    assert findings(write_pack, text, "    sentence_end: '[.!?,]'\n") == []


def test_title_case_quotations_are_exempt_unless_disabled(write_pack):
    two_capitals = 'The slogan read on walls was "Iraq First" this week.'
    with_small_words = 'They watched "Gone with the Wind" on Sunday.'
    small = "    small_words: [with, the]\n"
    assert findings(write_pack, two_capitals) == []
    assert flagged_words(write_pack, with_small_words) == ['"Gone']
    assert findings(write_pack, with_small_words, small) == []
    assert flagged_words(write_pack, two_capitals, "    exempt_title_case: false\n") == ['"Iraq']


def test_allow_lists_words_that_may_open_a_quotation_capitalised(write_pack):
    text = 'Voters cast a "Yes" ballot.'
    assert flagged_words(write_pack, text) == ['"Yes']
    assert findings(write_pack, text, "    allow: ['Yes']\n") == []


def test_a_word_capitalised_elsewhere_mid_sentence_is_a_proper_noun(write_pack):
    quoted = 'The memo spelt it "Ortagus" twice.'
    assert flagged_words(write_pack, quoted) == ['"Ortagus']
    assert findings(write_pack, quoted + " Later, spokeswoman Ortagus denied it.") == []
    assert flagged_words(write_pack, quoted + " Ortagus denied it.") == ['"Ortagus']


def test_dictionary_keeps_names_and_flags_common_words(write_pack):
    extra = "    dictionary: en/data/english-common.txt\n"
    assert findings(write_pack, 'The memo spelt it "Ortagus" twice.', extra) == []
    assert flagged_words(write_pack, 'They called it a "Disgrace" on Friday.', extra) == [
        '"Disgrace'
    ]


def test_own_dictionary_beside_the_pack_and_lower_case_use_elsewhere(write_pack):
    write_pack("# common words\ncrowd\nfriday\n", name="common.txt")
    rare = 'Crowds denounced the "Usurpers" on Friday.'
    own = "    dictionary: common.txt\n"
    assert findings(write_pack, rare, own) == []
    assert flagged_words(write_pack, rare + " The usurpers left.", own) == ['"Usurpers']


def test_unless_before_and_unless_after_excuse_the_capital(write_pack):
    extra = "    unless_before: 'titled\\s+$'\n    unless_after: \"['’]s\\\\b\"\n"
    assert findings(write_pack, 'A film titled "Parasite" won.', extra) == []
    assert findings(write_pack, 'Critics called it "Obama\'s war" then.', extra) == []
    assert flagged_words(write_pack, 'A film about "Parasites" won.', extra) == ['"Parasites']


def test_sentence_before_and_marks_options(write_pack):
    text = "The crowd – “Enough” – went home. He wants a “Deal” now."
    assert flagged_words(write_pack, text) == ["“Enough", "“Deal"]
    dash = "    sentence_before: '[–:]\\s*'\n"
    assert flagged_words(write_pack, text, dash) == ["“Deal"]
    assert findings(write_pack, text, "    marks: ['\"']\n") == []


@pytest.mark.parametrize(
    ("extra", "line", "problem"),
    [
        ("    marks: ['x']\n", 9, "'x' is not an opening quote mark"),
        ("    dictionary: xx.txt\n", 9, "cannot read word list"),
        ("    common_frequency: -1\n", 9, "unknown field 'common_frequency'"),
        ("    sentence_before: '(:'\n", 9, "invalid regex"),
        ("    allow: {a: b}\n", 9, "'allow' must be a string or a list of strings"),
        ("    smal_words: [the]\n", 9, "unknown field 'smal_words'"),
    ],
)
def test_bad_options_are_reported_at_their_line(run_cli, write_pack, extra, line, problem):
    path = write_pack(RULE.format(extra=extra, skip_quotes="false"))
    result = run_cli("rules", "validate", path)
    assert result.code == 2
    assert f"pack.yaml:{line}:" in result.stderr
    assert problem in result.stderr


def test_work_grows_linearly_with_quotations_that_open_with_the_same_word(write_pack, monkeypatch):
    from audit.checks import quotation

    calls = []
    opens = quotation._opens_sentence_or_quotation

    def counted(doc, offset):
        calls.append(offset)
        return opens(doc, offset)

    monkeypatch.setattr(quotation, "_opens_sentence_or_quotation", counted)
    line = 'The mayor called it "The worst plan" and the "Plan" stayed. The talks went on.\n'
    work = []
    for copies in (50, 100, 200):
        calls.clear()
        assert len(findings(write_pack, line * copies)) == 2 * copies
        work.append(len(calls))
    assert work[2] <= 2.2 * work[1] <= 4.4 * work[0], work
