"""A hostile or careless rule pack: bounded regexes, every error at once, YAML hints."""

from __future__ import annotations

import pytest

from audit.checks import KINDS
from audit.rulebook.fields import Regex
from faults.cli_faults import assert_clean_end, audit

HEAD = "pack: h\nrules:\n"
COMMON = "    message: m\n    severity: minor\n    category: style\n"
HUGE = "'(?:ab){1000000000}'"
NESTED = "'(?:(?:a|aa)+)+c'"

# A rule of each kind with the regex field under test set to {regex}; {line} is its line.
FIELDS = {
    "pattern.pattern": ("  - id: r\n    kind: pattern\n    pattern: {regex}\n", 5),
    "pattern.unless_after": (
        "  - id: r\n    kind: pattern\n    pattern: x\n    unless_after: {regex}\n",
        6,
    ),
    "pattern.unless_before": (
        "  - id: r\n    kind: pattern\n    pattern: x\n    unless_before: {regex}\n",
        6,
    ),
    "lexicon.unless_before": (
        "  - id: r\n    kind: lexicon\n    entries: {{x: y}}\n    unless_before: {regex}\n",
        6,
    ),
    "lexicon.entry": (
        "  - id: r\n    kind: lexicon\n    entries:\n      x: {{unless_after: {regex}}}\n",
        6,
    ),
    "sentence.after": ("  - id: r\n    kind: sentence\n    pattern: x\n    after: {regex}\n", 6),
    "sentence.unless_after": (
        "  - id: r\n    kind: sentence\n    pattern: x\n    unless_after: {regex}\n",
        6,
    ),
    "quotation.sentence_before": (
        "  - id: r\n    kind: quotation\n    skip_quotes: false\n    sentence_before: {regex}\n",
        6,
    ),
    "quotation.unless_after": (
        "  - id: r\n    kind: quotation\n    skip_quotes: false\n    unless_after: {regex}\n",
        6,
    ),
    "paragraph.patterns": ("  - id: r\n    kind: paragraph\n    patterns: [{regex}]\n", 5),
    "lexicon.unless_after": (
        "  - id: r\n    kind: lexicon\n    entries: {{x: y}}\n    unless_after: {regex}\n",
        6,
    ),
    "sentence.pattern": ("  - id: r\n    kind: sentence\n    pattern: {regex}\n", 5),
    "quotation.sentence_end": (
        "  - id: r\n    kind: quotation\n    skip_quotes: false\n    sentence_end: {regex}\n",
        6,
    ),
    "quotation.unless_before": (
        "  - id: r\n    kind: quotation\n    skip_quotes: false\n    unless_before: {regex}\n",
        6,
    ),
    "quotemarks.unless_before": (
        "  - id: r\n    kind: quotemarks\n    skip_quotes: false\n    unless_before: {regex}\n",
        6,
    ),
    "quotemarks.unless_after": (
        "  - id: r\n    kind: quotemarks\n    skip_quotes: false\n    unless_after: {regex}\n",
        6,
    ),
}
LIST_FIELDS = {"paragraph.patterns"}  # lists of regexes, typed [str]


def test_the_table_holds_every_regex_field_of_every_kind():
    regex_fields = {
        f"{kind}.{name}"
        for kind, module in KINDS.items()
        for name, kind_of_field in module.FIELDS.items()
        if kind_of_field is Regex
    }
    assert regex_fields | LIST_FIELDS <= set(FIELDS) - {"lexicon.entry"}


def pack_with(tmp_path, text: str):
    path = tmp_path / "hostile.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    return path


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_a_huge_repetition_is_refused_at_its_place_before_compiling(tmp_path, field):
    rule, line = FIELDS[field]
    path = pack_with(tmp_path, rule.format(regex=HUGE) + COMMON)
    run = audit("rules", "validate", path)
    assert_clean_end(run, 2, f"hostile.yaml:{line}:", "repetition count of 1000000000")


@pytest.mark.parametrize(
    ("regex", "problem"),
    [("'((?:ab){1000}){1000}'", "would unroll to 1000000"), ("'" + "a" * 20_001 + "'", "too long")],
)
def test_nested_counts_and_long_patterns_are_refused(tmp_path, regex, problem):
    path = pack_with(tmp_path, FIELDS["pattern.pattern"][0].format(regex=regex) + COMMON)
    assert_clean_end(audit("rules", "validate", path), 2, "hostile.yaml:5:", problem)


RUNAWAY = {
    "pattern.unless_after": (NESTED, "x" + "a" * 30),
    "lexicon.unless_before": ("'b(?:(?:a|aa)+)+ '", "a" * 30 + " x"),
}


@pytest.mark.parametrize("field", sorted(RUNAWAY))
def test_a_context_regex_that_runs_away_times_out_at_its_place(tmp_path, article, field):
    rule, line = FIELDS[field]
    regex, text = RUNAWAY[field]
    path = pack_with(tmp_path, rule.format(regex=regex) + COMMON)
    article.write_text(text + "\n", encoding="utf-8")
    run = audit("check", "--no-config", "--no-builtin", "--rules", path, article)
    assert_clean_end(run, 2, f"hostile.yaml:{line}:", "ran too long", field.split(".")[1])


def test_every_error_of_a_pack_is_reported_at_once(tmp_path):
    rules = (
        "  - id: one\n    kind: pattern\n    pattern: '(open'\n" + COMMON
        + "  - id: two\n    kind: patern\n" + COMMON
        + "  - id: three\n    kind: pattern\n    pattern: x\n    mesage: m\n"
        "    severity: huge\n    category: style\n"
    )  # fmt: skip
    run = audit("rules", "validate", pack_with(tmp_path, rules))
    assert_clean_end(run, 2, ":5:14: invalid regex", "unknown kind 'patern'",
                     "unknown field 'mesage'", "'severity' must be one of", lines=4)  # fmt: skip


def test_errors_beyond_the_limit_are_counted(tmp_path):
    rules = "".join(f"  - id: r{n}\n    kind: nope\n" + COMMON for n in range(25))
    run = audit("rules", "validate", pack_with(tmp_path, rules))
    assert_clean_end(run, 2, "5 more errors not shown", lines=21)


@pytest.mark.parametrize("word", ["yes", "on", "no", "off"])
def test_yaml_11_booleans_get_a_hint(tmp_path, word):
    rule = f"  - id: r\n    kind: pattern\n    pattern: x\n    enabled: {word}\n" + COMMON
    run = audit("rules", "validate", pack_with(tmp_path, rule))
    assert_clean_end(run, 2, "hostile.yaml:6:14:", f"not '{word}'", "only true and false")


def test_no_stays_the_language_code_it_is(tmp_path):
    rule = "  - id: r\n    kind: pattern\n    pattern: x\n    languages: [no, en]\n" + COMMON
    run = audit("rules", "validate", pack_with(tmp_path, rule))
    assert run.code == 0 and "ok: 1 rules" in run.stdout


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("  - id: r\n    kind: pattern\n   pattern: x\n", "indentation of the list"),
        (
            "  - id: r\n    kind: pattern\n    pattern: x\n     message: m\n",
            "check the indentation",
        ),
        ("  - id: r\n\tkind: pattern\n", "spaces, not tabs"),
    ],
)
def test_indentation_mistakes_get_a_hint(tmp_path, text, hint):
    run = audit("rules", "validate", pack_with(tmp_path, text))
    assert_clean_end(run, 2, "invalid YAML", hint)


def test_a_config_file_gets_the_boolean_hint_too(tmp_path, article):
    config = tmp_path / "audit.yaml"
    config.write_text("rules:\n  fr-en.calques: no\n", encoding="utf-8")
    run = audit("check", "--config", config, article)
    assert_clean_end(run, 2, "audit.yaml:2:18:", "write false")
