"""The lexicon kind, through the whole pipeline: one pass over the token index."""

from __future__ import annotations

import pytest

from audit import Auditor
from audit.errors import RulebookError

PACK = """\
pack: t
rules:
  - id: words
    kind: lexicon
    message: "'{{match}}' is the French form; write {{suggestions}}."
    severity: minor
    category: locale-convention/name-format
    skip_quotes: false
{options}    entries:
      Bagdad: Baghdad
      back to back: {{suggest: [both], message: "calque '{{match}}' (dos à dos)"}}
      actually:
        suggest: [currently]
        source: actuellement
        message: "'{{match}}' for '{{source}}'?"
        unless_before: '(^|[.!?]\\s+)$'
        unless_after: ','
      Mme: [Ms, Mrs]
"""


def run(write_pack, text, options=""):
    path = write_pack(PACK.format(options=options))
    return Auditor.from_rules([path], builtin=False, language="en").check_text(text)["findings"]


def test_words_and_phrases_match_case_insensitively_across_hyphens(write_pack):
    text = "In BAGDAD they went back-to-back, then back to back again."
    found = [(f["text"], f["message"]) for f in run(write_pack, text)]
    assert found == [
        ("BAGDAD", "'BAGDAD' is the French form; write 'Baghdad'."),
        ("back-to-back", "calque 'back-to-back' (dos à dos)"),
        ("back to back", "calque 'back to back' (dos à dos)"),
    ]


def test_whole_words_only_and_no_match_across_punctuation(write_pack):
    assert run(write_pack, "Bagdadi food. They came back. To back him up.") == []


def test_entry_message_source_placeholder_and_context(write_pack):
    found = run(write_pack, "The minister is actually in Paris. Actually, he left.")
    assert [(f["text"], f["message"]) for f in found] == [
        ("actually", "'actually' for 'actuellement'?")
    ]
    assert found[0]["suggestions"] == ["currently"]


def test_list_of_suggestions(write_pack):
    [finding] = run(write_pack, "said Mme Ortagus.")
    assert finding["suggestions"] == ["Ms", "Mrs"]


def test_case_sensitive_option(write_pack):
    assert run(write_pack, "in bagdad", options="    case: sensitive\n") == []
    assert len(run(write_pack, "in Bagdad", options="    case: sensitive\n")) == 1


def test_many_entries_are_matched_by_lookup(write_pack, tmp_path):
    entries = "\n".join(f"      word{n}: replacement{n}" for n in range(5000))
    path = tmp_path / "big.yaml"
    path.write_text(
        "rules:\n  - id: big\n    kind: lexicon\n    message: m\n    severity: minor\n"
        f"    category: style\n    entries:\n{entries}\n",
        encoding="utf-8",
    )
    auditor = Auditor.from_rules([path], builtin=False, language="en")
    found = auditor.check_text("word17 and word4999 but not word5000")["findings"]
    assert [f["text"] for f in found] == ["word17", "word4999"]


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ("    case: upper\n", "'case' must be one of"),
        ("    unless_after: '(('\n", "invalid regex"),
    ],
)
def test_bad_options(write_pack, options, problem):
    with pytest.raises(RulebookError, match=problem):
        run(write_pack, "x", options=options)


def test_bad_entry_is_reported_at_its_key(write_pack):
    path = write_pack(PACK.format(options="").replace("Bagdad: Baghdad", "Bagdad: {sugest: x}"))
    with pytest.raises(RulebookError, match=r"pack.yaml:10:7: unknown entry field 'sugest'"):
        Auditor.from_rules([path], builtin=False)
