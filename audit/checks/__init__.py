"""The rule kinds, one module each, listed once in ``KINDS``.

Receives a rule's validated options from the rulebook. Adds a compiled
check that reads a Document and yields hits. Each module follows the
contract of ``audit.rulebook.kind``: a docstring that documents its fields
with a YAML example (``audit rules kinds`` prints it), ``KIND``, ``FIELDS``,
``REQUIRED``, ``DEFAULTS``, ``PLACEHOLDERS`` and ``compile(options)``.
Open ``pattern`` first: the other kinds reuse its contexts. ``base`` holds
what they share for user regexes.
"""

from __future__ import annotations

from types import ModuleType

from audit.checks import (
    lexicon,
    paragraph,
    passage,
    pattern,
    quotation,
    quotemarks,
    repeated,
    repetition,
    sentence,
    wordlist,
)
from audit.rulebook.kind import lookup

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
        pattern,
        lexicon,
        paragraph,
        repeated,
        repetition,
        quotation,
        sentence,
        wordlist,
        passage,
        quotemarks,
    )
}


def get(kind: str, place: str) -> ModuleType:
    """The module of ``kind``; an unknown kind is a RulebookError at ``place``."""
    return lookup(KINDS, kind, place)
