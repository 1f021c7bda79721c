"""The pattern kind, through the whole pipeline: YAML -> validation -> engine -> findings."""

from __future__ import annotations

import pytest

from audit import Auditor
from audit.engine.engine import RuleTimeoutError
from audit.errors import RulebookError

RULE = """\
pack: t
rules:
  - id: conspire
    kind: pattern
    pattern: '\\bconspire[ds]?\\b'
    ignore_case: {ignore_case}
    message: "'{{match}}' may be French 'conspuer' (to boo)."
    severity: major
    category: accuracy/mistranslation
    suggest: [booed]
{extra}"""


def findings(write_pack, text, ignore_case="false", extra="", **options):
    rule = RULE.format(ignore_case=ignore_case, extra=extra)
    return write_pack.findings(rule, text, language="en", **options)


def test_match_becomes_a_finding_with_span_message_and_suggestion(write_pack):
    text = "Crowds gathered to conspire both Iran and the United States."
    [finding] = findings(write_pack, text)
    assert text[finding["start"] : finding["end"]] == "conspire" == finding["text"]
    assert finding["message"] == "'conspire' may be French 'conspuer' (to boo)."
    assert finding["suggestions"] == ["booed"]
    assert (finding["line"], finding["column"]) == (1, 20)
    assert (finding["severity"], finding["category"]) == ("major", "accuracy/mistranslation")


def test_ignore_case(write_pack):
    assert findings(write_pack, "They Conspire loudly.") == []
    assert len(findings(write_pack, "They Conspire loudly.", ignore_case="true")) == 1


def test_unless_after_and_unless_before_excuse_a_match(write_pack):
    extra = "    unless_after: '\\s+(to|with|against)\\b'\n    unless_before: 'plotters\\s+$'\n"
    assert findings(write_pack, "They conspired to kill the king.", extra=extra) == []
    assert findings(write_pack, "The plotters conspire every night.", extra=extra) == []
    assert len(findings(write_pack, "Crowds conspire both leaders.", extra=extra)) == 1


def test_group_flags_only_part_of_the_match(write_pack):
    path = write_pack(
        "rules:\n  - id: r\n    kind: pattern\n    pattern: 'to (conspire) both'\n"
        "    group: 1\n    message: m\n    severity: minor\n    category: style\n"
    )
    text = "went to conspire both leaders"
    [finding] = Auditor.from_rules([path], builtin=False).check_text(text)["findings"]
    assert finding["text"] == "conspire"


def test_matches_inside_quotations_are_skipped_unless_the_rule_opts_in(write_pack):
    text = 'He said "they conspire every day" and left.'
    assert findings(write_pack, text) == []
    assert len(findings(write_pack, text, extra="    skip_quotes: false\n")) == 1


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ("    group: 3\n", "the pattern has no group 3"),
        ("    unless_after: '(to'\n", "invalid regex"),
        ("    unless_before: 12\n", "'unless_before' must be a string"),
    ],
)
def test_bad_options_are_reported_at_their_line(write_pack, extra, problem):
    with pytest.raises(RulebookError, match=rf"pack.yaml:11:\d+: {problem}"):
        findings(write_pack, "x", extra=extra)


def test_a_regex_that_runs_too_long_is_an_error_naming_the_rule(write_pack, monkeypatch):
    monkeypatch.setattr("audit.checks.base.REGEX_TIMEOUT_SECONDS", 0.05)
    path = write_pack(
        "rules:\n  - id: slow\n    kind: pattern\n    pattern: '(a|aa)+$'\n"
        "    message: m\n    severity: minor\n    category: style\n"
    )
    auditor = Auditor.from_rules([path], builtin=False, language="en")
    with pytest.raises(RuleTimeoutError, match=r"pack.yaml:4:14: rule 'pack.slow' ran too long"):
        auditor.check_text("a" * 40 + "!")


NAMES = """\
pack: t
rules:
  - id: the-nationality
    kind: pattern
    pattern: '\\bthe\\h+Brazilian\\h+(\\p{{Lu}}\\p{{Ll}}+)'
    name_group: 1
    dictionary: {dictionary}
    message: "'{{match}}'"
    severity: minor
    category: style
"""


def test_name_group_keeps_names_and_drops_common_words(write_pack, tmp_path):
    words = tmp_path / "common.txt"
    words.write_text("# common words\nembassy\n", encoding="utf-8")
    text = "He met the Brazilian Zagallo at the Brazilian Embassy."
    found = write_pack.findings(NAMES.format(dictionary=words), text, language="en")
    assert [f["text"] for f in found] == ["the Brazilian Zagallo"]


def test_name_group_needs_a_dictionary(write_pack):
    rule = NAMES.replace("    dictionary: {dictionary}\n", "")
    with pytest.raises(RulebookError, match="go together"):
        write_pack.findings(rule.format(), "text", language="en")
