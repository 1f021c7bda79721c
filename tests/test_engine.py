"""What the engine does for every kind: applicability, language filters, one finding per span."""

from __future__ import annotations

PACK = """\
pack: e
defaults: {{category: style, languages: [en]}}
rules:
  - id: word-major
    kind: lexicon
    message: "major"
    severity: major
    entries: {{Bagdad: Baghdad}}
  - id: word-minor
    kind: pattern
    pattern: 'Bagdad'
    message: "minor"
    severity: minor
  - id: from-french
    kind: lexicon
    message: "source rule"
    severity: minor
    source: [fr]
    entries: {{selon: according to}}
{extra}"""


def findings(write_pack, text, extra="", **settings):
    found = write_pack.findings(PACK.format(extra=extra), text, **settings)
    return [(f["rule"], f["text"]) for f in found]


def test_the_most_severe_finding_is_kept_on_one_span(write_pack):
    assert findings(write_pack, "In Bagdad today.", language="en") == [("e.word-major", "Bagdad")]


def test_source_rules_run_when_the_source_is_unknown_or_matches(write_pack):
    text = "The plan, selon officials, failed."
    assert findings(write_pack, text, language="en") == [("e.from-french", "selon")]
    assert findings(write_pack, text, language="en", source_language="fr") != []
    assert findings(write_pack, text, language="en", source_language="en") == []


def test_language_rules_skip_other_languages_and_paragraphs_in_them(write_pack):
    assert findings(write_pack, "In Bagdad today.", language="fr") == []
    english = (
        "Thousands of protesters marched through Bagdad on Friday to demand the departure of "
        "foreign troops, while the government said it would study the request carefully."
    )
    french = (
        "Des milliers de manifestants ont défilé vendredi à Bagdad pour réclamer le départ des "
        "troupes étrangères, tandis que le gouvernement étudiait la demande."
    )
    found = findings(write_pack, f"{english}\n{english}\n{french}\n")
    assert found == [("e.word-major", "Bagdad"), ("e.word-major", "Bagdad")]


def test_disabled_rules_do_not_run(write_pack):
    extra = "  - {id: later, kind: pattern, pattern: today, message: m, severity: minor,"
    extra += " enabled: false}\n"
    text = "In Bagdad today."
    assert ("e.later", "today") not in findings(write_pack, text, extra, language="en")
    enabled = findings(write_pack, text, extra, language="en", enable=["e.later"])
    assert ("e.later", "today") in enabled
