"""The tags-and-placeholders kind: what must carry over unchanged."""

from __future__ import annotations

import pytest

from audit.checks.tags_and_placeholders import PATTERNS

PACK = """\
rules:
  - id: tags
    kind: tags-and-placeholders
    message: "missing {missing}; added {added}"
    severity: major
    category: design/markup
    examples:
      flag: [{source: "Voir {0}.", target: "See."}]
      pass: [{source: "Voir {0}.", target: "See {0}."}]
"""


@pytest.mark.parametrize(
    ("kind", "text", "found"),
    [
        ("placeholders", "Hello {0}, {name}, {{ user }}, %s, %1$d, %(count)s, ${x}", 7),
        ("placeholders", "Le taux est de 7,5 % de plus.", 0),
        ("urls", "Lire https://exemple.fr/a?b=1, ou www.exemple.fr.", 2),
        ("emails", "Écrire à jean.dupont+info@exemple.co.uk.", 1),
        ("hashtags", "Suivez #Municipales2026 et @franceinfo, pas #1.", 2),
    ],
)
def test_each_pattern_finds_what_it_is_for(kind, text, found):
    assert len(PATTERNS[kind].findall(text)) == found


def test_dropped_and_changed_items_are_flagged(write_pack):
    pairs = [
        ("Bonjour {name} !", "Hello!"),
        ("Voir https://exemple.fr/a.", "See https://exemple.fr/b."),
        ("Contact : presse@exemple.fr", "Contact: presse@exemple.fr"),
    ]
    findings = write_pack.pair_findings(PACK, pairs)
    assert [(f["segment"], f["text"], f["message"]) for f in findings] == [
        ("1", "Hello!", "missing '{name}'; added none"),
        (
            "2",
            "https://exemple.fr/b",
            "missing 'https://exemple.fr/a'; added 'https://exemple.fr/b'",
        ),
    ]
