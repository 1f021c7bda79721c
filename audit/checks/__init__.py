"""The rule kinds, one module each, listed once in ``KINDS``.

Receives a rule's validated options from the rulebook. Adds a compiled
check that reads a Document and yields hits. Each module follows the
contract of ``audit.rulebook.kind``: a docstring that documents its fields
with a YAML example (``audit rules kinds`` prints it), ``KIND``, ``FIELDS``,
``REQUIRED``, ``DEFAULTS``, ``PLACEHOLDERS`` and ``compile(options)``.
Open ``pattern`` first: the other kinds reuse its contexts. ``base`` holds
what they share for user regexes and segments' sentences. The kinds of
``BILINGUAL`` read the aligned segments of a bilingual file
(``Document.segments``) and find nothing in a plain text.
"""

from __future__ import annotations

from types import ModuleType

from audit.checks import (
    addition,
    consistency,
    glossary,
    lexicon,
    numbers,
    omission,
    paragraph,
    passage,
    pattern,
    punctuation_parity,
    quotation,
    quotemarks,
    repeated,
    repetition,
    sentence,
    spliced,
    tags_and_placeholders,
    untranslated_segment,
    wordlist,
)
from audit.rulebook.kind import lookup

MONOLINGUAL = (
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
    spliced,
)
BILINGUAL = (
    numbers,
    untranslated_segment,
    omission,
    addition,
    glossary,
    consistency,
    tags_and_placeholders,
    punctuation_parity,
)
"""The kinds that compare a target with its source: they find nothing in a monolingual text."""
KINDS: dict[str, ModuleType] = {module.KIND: module for module in (*MONOLINGUAL, *BILINGUAL)}


def get(kind: str, place: str) -> ModuleType:
    """The module of ``kind``; an unknown kind is a RulebookError at ``place``."""
    return lookup(KINDS, kind, place)
