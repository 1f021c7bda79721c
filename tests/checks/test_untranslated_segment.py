"""The untranslated-segment kind: empty, copied, or in the source's language."""

from __future__ import annotations

PACK = """\
rules:
  - id: untranslated
    kind: untranslated-segment
    message: "{reason}"
    severity: major
    category: accuracy/untranslated
    examples:
      flag: [{source: "Le maire est parti.", target: ""}]
      pass: [{source: "Le maire est parti.", target: "The mayor left."}]
"""
FRENCH = "Le conseil régional a voté une aide exceptionnelle pour les agriculteurs."
ENGLISH = "The regional council voted emergency aid for farmers after the storms."


def reasons(write_pack, pairs, source_language="fr"):
    return [f["message"] for f in write_pack.pair_findings(PACK, pairs, source_language)]


def test_empty_copied_and_french_targets_are_flagged(write_pack):
    pairs = [
        (FRENCH, ""),
        (FRENCH, FRENCH),
        (FRENCH, "Le conseil régional a décidé une aide exceptionnelle aux agriculteurs."),
        (FRENCH, ENGLISH),
    ]
    assert reasons(write_pack, pairs) == [
        "the target is empty",
        "the target copies the source",
        "the target is in fr, the source's language",
    ]


def test_the_source_language_is_detected_when_the_file_does_not_say(write_pack):
    pairs = [(FRENCH, "Le conseil régional a décidé une aide exceptionnelle aux agriculteurs.")]
    assert reasons(write_pack, pairs, source_language=None) == [
        "the target is in fr, the source's language"
    ]


def test_names_figures_and_short_targets_are_not_judged(write_pack):
    pairs = [("Jean Dupont", "Jean Dupont"), ("Merci !", "Merci !"), ("2024", "2024")]
    assert reasons(write_pack, pairs) == []


def test_a_mostly_english_file_reads_the_paragraph_languages(write_pack):
    english = [(FRENCH, ENGLISH)] * 6
    pairs = [*english, (FRENCH, "Les élus ont aussi promis une nouvelle route pour le village.")]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [f["segment"] for f in findings] == ["7"]


def test_with_the_language_given_only_targets_with_source_function_words_are_detected(
    write_pack,
):
    pairs = [
        (FRENCH, "Le conseil régional a décidé une aide exceptionnelle aux agriculteurs."),
        (FRENCH, ENGLISH),
    ]
    findings = write_pack.pair_findings(PACK, pairs, language="en")
    assert [f["segment"] for f in findings] == ["1"]
