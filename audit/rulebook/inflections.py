"""English inflections of a lemma, so that a lexicon entry is written once.

A lexicon entry marks a word to inflect with angle brackets: ``<take> the
floor on`` also matches "takes", "took", "taken" and "taking the floor on",
and a suggestion written ``<speak> on`` is given in the form that matched
("spoke on" for "took the floor on"). The forms are those of Penn tags:

- ``VBZ`` (third person), ``VBG`` (-ing), ``VBD`` (past), ``VBN`` (past
  participle), ``NNS`` (plural), besides the lemma itself (``VB``).

The regular ones come from the spelling rules of English below; the data
file (``en/data/inflections.txt``, derived at development time from
lemminflect by ``bench/make_inflections.py``) lists, for the common English
words, every form those rules get wrong: irregular verbs and plurals, and
consonant doubling, which depends on stress ("admitted", "visited").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from audit.rulebook.kind import FieldError

TAGS = ("VB", "VBZ", "VBG", "VBD", "VBN", "NNS")
MARKED_RE = re.compile(r"<([^<>\s]+)>")

_VOWELS = frozenset("aeiou")
_SIBILANT_RE = re.compile(r"(?:s|x|z|ch|sh)$")
_CVC_RE = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")

Forms = Mapping[str, tuple[str, ...]]


def regular_form(lemma: str, tag: str) -> str:
    """The form of ``lemma`` for ``tag`` by the regular spelling rules alone."""
    if tag == "VB":
        return lemma
    if tag in ("VBZ", "NNS"):
        return _with_s(lemma)
    if tag == "VBG":
        return _with_ing(lemma)
    return _with_ed(lemma)


def _with_s(lemma: str) -> str:
    if _SIBILANT_RE.search(lemma):
        return lemma + "es"
    if _consonant_y(lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _with_ing(lemma: str) -> str:
    if lemma.endswith("ie"):
        return lemma[:-2] + "ying"
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return lemma[:-1] + "ing"
    return _doubled(lemma) + "ing"


def _with_ed(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if _consonant_y(lemma):
        return lemma[:-1] + "ied"
    return _doubled(lemma) + "ed"


def _consonant_y(lemma: str) -> bool:
    return len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in _VOWELS


def _doubled(lemma: str) -> str:
    """A one-syllable word ending in consonant, vowel, consonant doubles its last letter."""
    return lemma + lemma[-1] if _CVC_RE.match(lemma) else lemma


class Inflector:
    """Every form of a lemma: the exceptions of the data file, else the regular rules."""

    def __init__(self, exceptions: dict[str, dict[str, tuple[str, ...]]]) -> None:
        self._exceptions = exceptions

    def forms(self, lemma: str) -> Forms:
        """``tag -> forms`` (the first is the one to write) for the lower-case ``lemma``."""
        listed = self._exceptions.get(lemma, {})
        return {tag: listed.get(tag) or (regular_form(lemma, tag),) for tag in TAGS}

    def form(self, lemma: str, tag: str) -> str:
        """The form of ``lemma`` to write for ``tag``."""
        return self.forms(lemma)[tag][0]


@cache
def load(path: str) -> Inflector:
    """The inflector of the data file at ``path`` (lines ``lemma TAB tag TAB form[,form]``),
    read once per process."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as bad:
        raise FieldError(("inflections",), f"cannot read {path}: {bad}") from None
    exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, tag, forms = line.split("\t")
        exceptions.setdefault(lemma, {})[tag] = tuple(forms.split(","))
    return Inflector(exceptions)
