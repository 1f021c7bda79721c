"""The MQM vocabulary rules speak: severity levels and error categories.

Severities are MQM's four levels. Categories are MQM core dimensions, alone
or with one of their subtypes (``accuracy/mistranslation``); the list follows
the MQM core typology (themqm.org), plus ``other/boilerplate`` for page
residue that is not part of the article.
"""

from __future__ import annotations

SEVERITIES = ("neutral", "minor", "major", "critical")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}

CATEGORIES = {
    "accuracy": ("mistranslation", "untranslated", "omission", "addition", "do-not-translate"),
    "fluency": (
        "grammar",
        "style",
        "punctuation",
        "spelling",
        "typography",
        "inconsistency",
        "register",
        "unintelligible",
        "character-encoding",
    ),
    "terminology": ("inconsistent", "wrong-term"),
    "style": ("awkward", "unidiomatic", "inconsistent-style", "calque"),
    "locale-convention": (
        "name-format",
        "number-format",
        "date-format",
        "time-format",
        "quote-marks",
        "measurement",
    ),
    "verity": ("culture-specific",),
    "design": ("markup", "truncation"),
    "other": ("boilerplate",),
}

KNOWN_CATEGORIES = frozenset(
    [*CATEGORIES, *(f"{top}/{sub}" for top, subs in CATEGORIES.items() for sub in subs)]
)


def at_least(severity: str, threshold: str) -> bool:
    """True when ``severity`` is ``threshold`` or worse."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]
