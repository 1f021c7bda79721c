"""Sentence splitting with nltk's Punkt, without any downloaded model.

Punkt runs untrained with a list of English abbreviations news copy uses
(Mr., Gen., U.S., a.m., St. ...). Each paragraph is split on its own, so no
sentence crosses a line break. Afterwards, a piece that Punkt cut after a
closing quotation but that goes on in lower case ('"We will stay." she
said') is joined back to the sentence it belongs to.

``nltk``'s package ``__init__`` imports most of the toolkit (numpy, corpora,
parsers: about half a second). Punkt needs none of it, so ``_load_punkt``
imports the Punkt module alone when nltk has not been imported yet.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Iterator
from functools import cache
from typing import Any

from audit.document import Span

ABBREVIATIONS = frozenset(
    (
        *("mr", "mrs", "ms", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt"),
        *("cpl", "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "jr", "sr"),
        *("st", "ave", "blvd", "rd", "mt", "ft", "no", "nos", "vol", "fig", "est", "approx"),
        *("inc", "corp", "ltd", "co", "bros", "dept", "univ", "vs", "etc", "e.g", "i.e", "cf"),
        *("al", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "n.y", "l.a"),
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *"abcdefghijklmnopqrstuvwxyz",
    )
)

_CLOSING_QUOTES = "\"'”’»"
_INNER_END_RE = re.compile(r"[.!?…]\W*\s+\S")
_PLAIN_END_RE = re.compile(r"(?P<word>[^\W\d_]{2,})[.!?][ \t]+\S+")


def _load_punkt() -> types.ModuleType:
    """Import ``nltk.tokenize.punkt`` without running nltk's heavy package ``__init__``.

    The nltk modules loaded this way are taken out of ``sys.modules`` again,
    so that a later ``import nltk`` elsewhere in the process imports the
    whole package as usual."""
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt")
    spec = importlib.util.find_spec("nltk")
    assert spec is not None and spec.submodule_search_locations is not None
    root = next(iter(spec.submodule_search_locations))
    for name, path in (("nltk", root), ("nltk.tokenize", f"{root}/tokenize")):
        stub = types.ModuleType(name)
        stub.__path__ = [path]
        sys.modules[name] = stub
    try:
        return importlib.import_module("nltk.tokenize.punkt")
    finally:
        for name in [name for name in sys.modules if name.split(".")[0] == "nltk"]:
            del sys.modules[name]


@cache
def _tokenizer() -> Any:
    punkt = _load_punkt()
    parameters = punkt.PunktParameters()
    parameters.abbrev_types = set(ABBREVIATIONS)
    return _with_plain_ends(punkt.PunktSentenceTokenizer)(parameters)


def _with_plain_ends(tokenizer_class: type) -> type:
    """``tokenizer_class`` deciding plain sentence ends without annotating tokens.

    Punkt asks ``text_contains_sentbreak`` about the context of every ``.``,
    ``!`` and ``?``: the word before, the mark and the next token. When that
    word is made of two letters or more and is no known abbreviation, Punkt's
    first pass marks a break and no later heuristic reconsiders it (they
    concern abbreviations, initials, numbers and ellipses), so the answer is
    yes without building Punkt's tokens. Every other context goes to Punkt.
    """

    class PlainEndTokenizer(tokenizer_class):  # type: ignore[misc, valid-type]
        def text_contains_sentbreak(self, text: str) -> bool:
            plain = _PLAIN_END_RE.fullmatch(text)
            if plain is not None and plain["word"].lower() not in self._params.abbrev_types:
                return True
            return bool(super().text_contains_sentbreak(text))

    return PlainEndTokenizer


def split_sentences(text: str, paragraph: Span) -> Iterator[Span]:
    """Sentence spans of one paragraph, as offsets into ``text``."""
    chunk = text[paragraph.start : paragraph.end]
    if not _INNER_END_RE.search(chunk):
        yield paragraph  # no full stop, ! or ? before the last word: one sentence
        return
    pending: Span | None = None
    for start, end in _tokenizer().span_tokenize(chunk):
        span = Span(paragraph.start + start, paragraph.start + end)
        if pending is not None and _continues(text, pending, span):
            pending = Span(pending.start, span.end)
            continue
        if pending is not None:
            yield pending
        pending = span
    if pending is not None:
        yield pending


def _continues(text: str, previous: Span, span: Span) -> bool:
    """True when ``span`` goes on the quoted sentence that ``previous`` ends with."""
    return text[previous.end - 1] in _CLOSING_QUOTES and text[span.start].islower()
