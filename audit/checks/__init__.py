"""The rule kinds, one module each, listed once in ``KINDS``.

A kind module has a docstring that documents its fields with a YAML example
(``audit rules kinds`` prints it), then ``KIND``, ``FIELDS`` (name -> type:
``str``, ``bool``, ``int``, ``float``, ``dict``, ``Regex``, ``[str]`` or a
tuple of allowed values), ``REQUIRED``, ``DEFAULTS``, ``PLACEHOLDERS`` (the
message placeholders it adds) and ``compile(options) -> check``.
"""

from __future__ import annotations

from types import ModuleType

from audit.checks import (
    lexicon,
    paragraph,
    pattern,
    quotation,
    repeated,
    repetition,
    sentence,
    wordlist,
)
from audit.errors import RulebookError, did_you_mean

KINDS: dict[str, ModuleType] = {
    module.KIND: module
    for module in (pattern, lexicon, paragraph, repeated, repetition, quotation, sentence, wordlist)
}


def get(kind: str, place: str) -> ModuleType:
    """The module of ``kind``; an unknown kind is a RulebookError at ``place``."""
    try:
        return KINDS[kind]
    except KeyError:
        known = ", ".join(sorted(KINDS))
        raise RulebookError(
            place, f"unknown kind '{kind}'{did_you_mean(kind, KINDS)} (known kinds: {known})"
        ) from None
