"""The punctuation-parity kind: final marks, ? and !, quotes, brackets."""

from __future__ import annotations

import pytest

from audit.checks.punctuation_parity import final_mark

PACK = """\
rules:
  - id: punctuation
    kind: punctuation-parity
    message: "{difference}"
    severity: minor
    category: fluency/punctuation
    examples:
      flag: [{source: "Vraiment ?", target: "Really."}]
      pass: [{source: "Vraiment ?", target: "Really?"}]
"""


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("Il part.", "."),
        ("Il part ? »", "?"),
        ("C'est fini...", "…"),
        ("Titre", ""),
        ("(Oui !)", "!"),
    ],
)
def test_the_final_mark_is_read_before_closing_quotes_and_brackets(text, mark):
    assert final_mark(text) == mark


def test_each_difference_is_named(write_pack):
    pairs = [
        ("Qui gagnera ?", "Who will win."),
        ("Il a dit « non ».", "He said no."),
        ("Le maire (divers gauche) a gagné.", "The mayor, a left-winger, won."),
        ("Quel match ! Quelle fin !", "What a match! What an end."),
        ("Il a dit « non ».", 'He said "no".'),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [(f["segment"], f["message"]) for f in findings] == [
        ("1", "the source ends with '?', the translation with '.'"),
        ("2", "only the source has quotation marks"),
        ("3", "1 '(' in the source, 0 here"),
        ("4", "the source ends with '!', the translation with '.'"),
    ]
    assert findings[0]["text"] == "."
