"""Sentence splitting with nltk's Punkt, without any downloaded model.

Punkt runs untrained with a list of English abbreviations news copy uses
(Mr., Gen., U.S., a.m., St. ...). Each paragraph is split on its own, so no
sentence crosses a line break. Afterwards, a piece that Punkt cut after a
closing quotation but that goes on in lower case ('"We will stay." she
said') is joined back to the sentence it belongs to.

``nltk``'s package ``__init__`` imports most of the toolkit (numpy, corpora,
parsers: about half a second). Punkt needs none of it, so ``_load_punkt``
imports the Punkt module alone when nltk has not been imported yet.

nltk runs each of its regexes through ``nltk.redos``, which wraps every call
in a wall-clock timeout against patterns a caller supplies. Punkt's own
patterns are fixed and cannot backtrack far, and on a news paragraph the
wrapper costs a quarter of Punkt's time, so ``_untimed_classes`` gives
Punkt the compiled patterns inside the wrappers: the same engine, without
the timeout.
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

from audit.text.spans import Span

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
# What Punkt's re_boundary_realignment moves back onto the sentence before it.
_REALIGNED = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"


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
    language_vars, token_class = _untimed_classes(punkt)
    tokenizer_class = _with_plain_ends(punkt.PunktSentenceTokenizer)
    return tokenizer_class(parameters, lang_vars=language_vars, token_cls=token_class)


def _untimed(pattern: Any) -> Any:
    """The compiled pattern inside one of nltk's timed wrappers (``nltk.redos``); a plain
    pattern of an older nltk, or a wrapper of another shape, as it is."""
    return getattr(pattern, "_rx", pattern)


def _untimed_classes(punkt: types.ModuleType) -> tuple[Any, type]:
    """Punkt's language variables and token class, their patterns taken out of the timers."""

    class UntimedLanguageVars(punkt.PunktLanguageVars):  # type: ignore[misc, name-defined]
        __slots__ = ()
        re_boundary_realignment = _untimed(punkt.PunktLanguageVars.re_boundary_realignment)

    class UntimedToken(punkt.PunktToken):  # type: ignore[misc, name-defined]
        __slots__ = ()
        _RE_ELLIPSIS = _untimed(punkt.PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _untimed(punkt.PunktToken._RE_NUMERIC)
        _RE_INITIAL = _untimed(punkt.PunktToken._RE_INITIAL)
        _RE_ALPHA = _untimed(punkt.PunktToken._RE_ALPHA)
        _RE_NON_PUNCT = _untimed(punkt._re_non_punct)

        @property
        def is_non_punct(self) -> Any:
            return self._RE_NON_PUNCT.search(self.type)

    language_vars = UntimedLanguageVars()
    language_vars._re_word_tokenizer = _untimed(language_vars._word_tokenizer_re())
    language_vars._re_period_context = _untimed(language_vars.period_context_re())
    return language_vars, UntimedToken


def _with_plain_ends(tokenizer_class: type) -> type:
    """``tokenizer_class`` deciding plain sentence ends without annotating tokens.

    Punkt asks ``text_contains_sentbreak`` about the context of every ``.``,
    ``!`` and ``?``: the word before, the mark and the next token. When that
    word is made of two letters or more and is no known abbreviation, Punkt's
    first pass marks a break and no later heuristic reconsiders it (they
    concern abbreviations, initials, numbers and ellipses), so the answer is
    yes without building Punkt's tokens. Every other context goes to Punkt.

    A text whose every candidate end is plain, and followed by spaces and a
    token that Punkt would not pull back into the sentence before (a closing
    quote or bracket), is split at each of them without running Punkt at
    all (``_plain_spans``): its slices and realignment would change nothing.
    """

    class PlainEndTokenizer(tokenizer_class):  # type: ignore[misc, valid-type]
        def span_tokenize(
            self, text: str, realign_boundaries: bool = True
        ) -> Iterator[tuple[int, int]]:
            spans = self._plain_spans(text) if realign_boundaries else None
            if spans is None:
                return super().span_tokenize(text, realign_boundaries)
            return iter(spans)

        def text_contains_sentbreak(self, text: str) -> bool:
            return self._plain_end(text) or bool(super().text_contains_sentbreak(text))

        def _plain_end(self, context: str) -> bool:
            plain = _PLAIN_END_RE.fullmatch(context)
            return plain is not None and plain["word"].lower() not in self._params.abbrev_types

        def _plain_spans(self, text: str) -> list[tuple[int, int]] | None:
            """Punkt's sentence spans of ``text`` when every candidate end in it is plain;
            None as soon as one is not. A context starts after the last space before the
            mark: a word holding other white space is not plain, so Punkt judges it."""
            spans: list[tuple[int, int]] = []
            start = 0
            for end in _candidate_ends(self._lang_vars).finditer(text):
                next_start = end.start("next_tok")
                if next_start < 0 or text[next_start] in _REALIGNED:
                    return None
                word_start = text.rfind(" ", 0, end.start()) + 1
                if not self._plain_end(text[word_start : end.end("next_tok")]):
                    return None
                spans.append((start, end.end()))
                start = next_start
            end_of_text = len(text.rstrip())
            return [*spans, (start, end_of_text)] if start < end_of_text else spans

    return PlainEndTokenizer


@cache
def _candidate_ends(lang_vars: Any) -> re.Pattern[str]:
    """Punkt's regex of candidate sentence ends (a mark, then other punctuation or white
    space and the next token), compiled with ``re``, which scans a paragraph in about half
    the time ``regex`` takes. The engines disagree on white space only for U+001C-U+001F; a
    context holding one is never plain (``_PLAIN_END_RE`` wants spaces or tabs), so Punkt
    judges it with its own copy."""
    source = lang_vars._period_context_fmt % {
        "NonWord": lang_vars._re_non_word_chars,
        "SentEndChars": lang_vars._re_sent_end_chars,
    }
    return re.compile(source, re.UNICODE | re.VERBOSE)


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
