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


LEMMAS = """\
pack: t
rules:
  - id: lemmas
    kind: lexicon
    message: "'{match}': write {suggestions}."
    severity: minor
    category: style
    entries:
      <take> the floor on: {suggest: "<speak> on", next: [radio, <network>]}
      in full: {suggest: in the middle of, unless_next: [swing, view, force]}
      thorny <file>: {suggest: "thorny <issue>"}
      the Reds: {article_mentions: [anfield, <klopp>]}
"""


def found_in(write_pack, text):
    path = write_pack(LEMMAS)
    findings = Auditor.from_rules([path], builtin=False, language="en").check_text(text)
    return [(f["text"], f["suggestions"]) for f in findings["findings"]]


def test_a_marked_lemma_matches_every_form_and_the_suggestion_follows_it(write_pack):
    text = (
        "He took the floor on radio. She takes the floor on networks. "
        "They had taken the floor on radio. Taking the floor on radio, he left. "
        "Two thorny files remain."
    )
    assert found_in(write_pack, text) == [
        ("took the floor on", ["spoke on"]),
        ("takes the floor on", ["speaks on"]),
        ("taken the floor on", ["spoken on"]),
        ("Taking the floor on", ["speaking on"]),
        ("thorny files", ["thorny issues"]),
    ]


def test_next_words_require_or_excuse_the_word_after_the_match(write_pack):
    text = "He took the floor on Monday. It was in full swing. It came in full campaign."
    assert found_in(write_pack, text) == [("in full", ["in the middle of"])]


def test_article_mentions_limits_an_entry_to_articles_naming_a_word(write_pack):
    assert found_in(write_pack, "The Reds won again.") == []
    assert found_in(write_pack, "Klopp said the Reds won again.") == [("the Reds", [])]


def test_a_word_set_must_be_words(write_pack):
    path = write_pack(LEMMAS.replace("next: [radio, <network>]", "next: {a: 1}"))
    with pytest.raises(RulebookError, match="must be a word or a list of words"):
        Auditor.from_rules([path], builtin=False)
