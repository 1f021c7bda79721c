"""lexicon: flag words and phrases from a list, each with its own suggestion.

Entries map a word or phrase to what to write instead. Matching is by
whole words, case-insensitive unless ``case: sensitive``, and phrases match
across spaces, hyphens and apostrophes ("back to back" also finds
"back-to-back"). The text is scanned once, through the Document's token
index: the cost does not grow with the number of entries. Each entry is
looked up by its longest word that is not among the most frequent ones
("the", "of", "made" ...), so "made the buzz" is only tried where "buzz"
occurs. Where matches overlap, the one that
starts first wins, then the longest.

A word in angle brackets is a lemma that matches all its English forms:
``<take> the floor on`` also finds "took", "taken", "takes" and "taking
the floor on", and ``<file>`` finds "files". A suggestion may mark its own
lemma, which is given in the form that matched: ``{suggest: "<speak> on"}``
suggests "spoke on" for "took the floor on" (``audit.rulebook.inflections``;
the forms come from English spelling rules and the ``inflections`` file).

An entry's value is a suggestion, a list of suggestions, or a mapping with:

- ``suggest``: a suggestion or a list of them;
- ``message``: a message for this entry instead of the rule's;
- ``source``: the source-language word this rendering comes from
  (placeholder ``{source}``);
- ``unless_before`` / ``unless_after``: regexes as in the ``pattern`` kind,
  for this entry only;
- ``next`` / ``unless_next`` / ``article_mentions``: as the rule's fields
  below, for this entry only.

Fields:

- ``entries`` (mapping, required).
- ``case`` (``insensitive`` or ``sensitive``, default ``insensitive``); a
  case-sensitive entry whose first letter is small also matches with a
  capital at the start of a sentence.
- ``unless_before`` / ``unless_after`` (regex): context that excuses a match
  of any entry (an entry's own context replaces these).
- ``next`` (words): flag only when the word right after the match (across
  spaces only) is one of these. Where the English uses of a phrase are a
  closed set, list them in ``unless_next`` instead: a next word among them
  excuses the match ("in full" + ``unless_next: [swing, view, force]``).
  Both take lemmas in angle brackets.
- ``article_mentions`` (words): flag only in an article whose text holds
  one of these words ("the Blues" where the coach of France is named).
- ``inflections`` (file, default ``en/data/inflections.txt``): the forms
  that the spelling rules get wrong.

Placeholders in ``message``: ``{match}``, ``{suggestion}``, ``{suggestions}``,
``{source}``.

Example::

    - id: places
      kind: lexicon
      message: "'{match}' is the French spelling of {suggestions}."
      severity: minor
      category: locale-convention/name-format
      entries:
        Bagdad: Baghdad
        Kerbala: Karbala
        Pékin: Beijing
      examples:
        flag: ["Clashes broke out in Kerbala on Friday."]
        pass: ["Clashes broke out in Karbala on Friday."]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any, NamedTuple

import regex

from audit.checks.pattern import context_regex, excused
from audit.rulebook import inflections
from audit.rulebook.fields import File, Regex
from audit.rulebook.inflections import MARKED_RE, TAGS, Inflector
from audit.rulebook.kind import (
    COMMON_PLACEHOLDERS,
    FieldError,
    Hit,
    occurrences,
    placeholder_problem,
)
from audit.text.document import Document

KIND = "lexicon"
FIELDS = {
    "entries": dict,
    "case": ("insensitive", "sensitive"),
    "unless_before": Regex,
    "unless_after": Regex,
    "next": [str],
    "unless_next": [str],
    "article_mentions": [str],
    "inflections": File,
}
REQUIRED = ("entries",)
DEFAULTS: dict[str, Any] = {
    "case": "insensitive",
    "unless_before": None,
    "unless_after": None,
    "next": None,
    "unless_next": None,
    "article_mentions": None,
    "inflections": "en/data/inflections.txt",
}
PLACEHOLDERS = frozenset({"source"})
WORD_SETS = ("next", "unless_next", "article_mentions")
ENTRY_FIELDS = ("suggest", "message", "source", "unless_before", "unless_after", *WORD_SETS)

_TOKEN_RE = re.compile(r"[^\W_]+")
# Words too frequent to anchor an entry on when it holds a rarer one ("made the buzz" is
# looked up by "buzz", not by "made").
_FREQUENT_WORDS = """the a an of to in on at by for with from and or but as is are was were be
been being has have had having do does did done make makes made making take takes took taken
taking put puts putting give gives gave given giving get gets got go goes went gone his her
their its our your my this that these those it he she they we one"""
_FREQUENT = frozenset(_FREQUENT_WORDS.split())
_GAP_RE = re.compile(r"[ \t\u00a0\-\u2010\u2011'’]{1,3}")
_SPACE_RE = re.compile(r"[ \t\u00a0]{1,3}")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s)[\s\"“«‘'(]*\Z", re.MULTILINE)


class Entry(NamedTuple):
    """One inflected form of an entry (a tuple: a large lexicon loads from the cache fast)."""

    words: tuple[str, ...]
    key: tuple[str, ...]
    anchor: int
    phrase: str
    suggestions: tuple[str, ...]
    message: str | None
    source: str | None
    unless_before: regex.Pattern[str] | None
    unless_after: regex.Pattern[str] | None
    next_words: frozenset[str] | None = None
    unless_next: frozenset[str] | None = None
    article_mentions: frozenset[str] | None = None


@dataclass(frozen=True)
class LexiconCheck:
    """Entries indexed by their anchor: their longest (so, likely rarest) word."""

    by_anchor: Mapping[str, tuple[Entry, ...]]
    case_sensitive: bool

    @property
    def anchors(self) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        """Each word an entry is looked up by -> the entries' (anchor position, lower-cased
        words), in the order of ``by_anchor``: the engine finds where they occur for all
        lexicons at once, and hands each lexicon those it found (``context["found"]``)."""
        return {
            word: tuple((entry.anchor, entry.key) for entry in entries)
            for word, entries in self.by_anchor.items()
        }

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        found = context.get("found")
        if found is None:
            found = occurrences(doc, self.anchors)
        candidates = [
            (start, -len(entry.key), entry)
            for word, number, start in found
            if self._matches(doc, start, entry := self.by_anchor[word][number])
        ]
        end = -1
        for start, _, entry in sorted(candidates, key=lambda item: item[:2]):
            if start >= end:
                end = start + len(entry.words)
                yield self._hit(doc, start, entry)

    def _matches(self, doc: Document, start: int, entry: Entry) -> bool:
        """Whether the entry whose words are the tokens from ``start`` matches there: their
        case, the gaps between them, the next word, the article and the context."""
        end = start + len(entry.words)
        starts, ends = doc.token_starts, doc.token_ends
        if self.case_sensitive and not _same_case(doc, start, entry.words):
            return False
        gaps_ok = all(
            _GAP_RE.fullmatch(doc.text, ends[i - 1], starts[i]) for i in range(start + 1, end)
        )
        return (
            gaps_ok
            and _next_word_ok(doc, end, entry)
            and _mentioned(doc, entry.article_mentions)
            and not excused(
                doc.text, starts[start], ends[end - 1], entry.unless_before, entry.unless_after
            )
        )

    @staticmethod
    def _hit(doc: Document, start: int, entry: Entry) -> Hit:
        span_start = doc.token_starts[start]
        span_end = doc.token_ends[start + len(entry.words) - 1]
        values = {"source": entry.source or ""}
        return Hit(span_start, span_end, entry.suggestions, values, entry.message)


def _same_case(doc: Document, start: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from ``start`` are written as ``words``; at the start of a
    sentence the first may also take a capital ("the Blues" matches "The Blues won")."""
    starts, ends = doc.token_starts, doc.token_ends
    written = [doc.text[starts[start + i] : ends[start + i]] for i in range(len(words))]
    if written[1:] != list(words[1:]):
        return False
    first = words[0]
    capital = first[:1].upper() + first[1:]
    return written[0] == first or (
        written[0] == capital
        and _SENTENCE_START_RE.search(doc.text, max(0, starts[start] - 8), starts[start])
        is not None
    )


def _mentioned(doc: Document, words: frozenset[str] | None) -> bool:
    """Whether the article holds one of ``words`` (always, when there are none to hold)."""
    index = doc.token_index
    return words is None or any(word in index for word in words)


def _next_word_ok(doc: Document, end: int, entry: Entry) -> bool:
    """Whether the word after the match (tokens ``..end``) passes ``next`` and ``unless_next``."""
    if entry.next_words is None and entry.unless_next is None:
        return True
    following = None
    if end < len(doc.token_texts) and _SPACE_RE.fullmatch(
        doc.text, doc.token_ends[end - 1], doc.token_starts[end]
    ):
        following = doc.token_texts[end]
    if entry.next_words is not None and following not in entry.next_words:
        return False
    return entry.unless_next is None or following not in entry.unless_next


def compile(options: dict[str, Any]) -> LexiconCheck:
    sensitive = options["case"] == "sensitive"
    inflector = inflections.load(options["inflections"])
    shared: dict[str, Any] = {
        "unless_before": context_regex(
            options["unless_before"], "unless_before", not sensitive, True
        ),
        "unless_after": context_regex(
            options["unless_after"], "unless_after", not sensitive, False
        ),
    }
    for name in WORD_SETS:
        shared[name] = _word_set(options[name], inflector, (name,))
    by_anchor: dict[str, list[Entry]] = {}
    for phrase, value in options["entries"].items():
        for entry in _entries(str(phrase), value, shared, sensitive, inflector):
            by_anchor.setdefault(entry.key[entry.anchor], []).append(entry)
    if not by_anchor:
        raise FieldError(("entries",), "has no entries")
    return LexiconCheck({word: tuple(entries) for word, entries in by_anchor.items()}, sensitive)


def _entries(
    phrase: str, value: Any, shared: dict[str, Any], sensitive: bool, inflector: Inflector
) -> Iterator[Entry]:
    """The entry of ``phrase``, or one for each form of its marked lemmas."""
    fields = _entry_fields(phrase, value)
    message = _optional_string(fields, "message", phrase)
    problem = message and placeholder_problem(message, COMMON_PLACEHOLDERS | PLACEHOLDERS)
    if problem:
        raise FieldError(("entries", phrase), problem)
    context = {
        name: _entry_regex(fields[name], phrase, name, not sensitive)
        if name in fields
        else shared[name]
        for name in ("unless_before", "unless_after")
    }
    for name in WORD_SETS:
        context[name] = (
            _word_set(fields[name], inflector, ("entries", phrase, name))
            if name in fields
            else shared[name]
        )
    suggestions = _strings(fields.get("suggest", []), phrase)
    seen: set[tuple[str, ...]] = set()
    for tag, written in _forms(phrase, inflector):
        words = tuple(_TOKEN_RE.findall(written if sensitive else written.lower()))
        if not words:
            raise FieldError(("entries", phrase), f"'{phrase}' has no word to match")
        key = tuple(word.lower() for word in words)
        if key in seen:
            continue
        seen.add(key)
        yield Entry(
            words=words,
            key=key,
            anchor=max(range(len(key)), key=lambda i: (key[i] not in _FREQUENT, len(key[i]), i)),
            phrase=phrase,
            suggestions=tuple(_inflected(text, tag, inflector) for text in suggestions),
            message=message,
            source=_optional_string(fields, "source", phrase),
            unless_before=context["unless_before"],
            unless_after=context["unless_after"],
            next_words=context["next"],
            unless_next=context["unless_next"],
            article_mentions=context["article_mentions"],
        )


def _forms(phrase: str, inflector: Inflector) -> Iterator[tuple[str, str]]:
    """``(tag, phrase)`` for each form of the lemmas marked in ``phrase`` (the phrase itself,
    tagged ``VB``, when none is marked)."""
    if not MARKED_RE.search(phrase):
        yield "VB", phrase
        return
    lemmas = [piece.lower() for piece in MARKED_RE.split(phrase)[1::2]]
    for tag in TAGS:
        for chosen in product(*(inflector.forms(lemma)[tag] for lemma in lemmas)):
            yield tag, _filled(phrase, chosen)


def _filled(phrase: str, forms: tuple[str, ...]) -> str:
    """``phrase`` with its marked lemmas replaced, in order, by ``forms``."""
    pieces = MARKED_RE.split(phrase)
    pieces[1::2] = forms
    return "".join(pieces)


def _inflected(text: str, tag: str, inflector: Inflector) -> str:
    """``text`` with each marked lemma in the form of ``tag``."""
    return MARKED_RE.sub(lambda lemma: inflector.form(lemma.group(1).lower(), tag), text)


def _word_set(
    words: tuple[str, ...] | list[Any] | None, inflector: Inflector, path: tuple[str, ...]
) -> frozenset[str] | None:
    """Lower-case words, each marked lemma with all its forms."""
    if words is None:
        return None
    if isinstance(words, str):
        words = [words]
    if not isinstance(words, (list, tuple)) or not all(isinstance(w, str) for w in words):
        raise FieldError(path, "must be a word or a list of words")
    found: set[str] = set()
    for word in words:
        lemma = MARKED_RE.fullmatch(word.strip())
        if lemma is None:
            found.add(word.strip().lower())
        else:
            found.update(
                f for forms in inflector.forms(lemma.group(1).lower()).values() for f in forms
            )
    return frozenset(found)


def _entry_fields(phrase: str, value: Any) -> dict[str, Any]:
    if isinstance(value, (str, list)):
        return {"suggest": value}
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise FieldError(("entries", phrase), "must be a suggestion, a list or a mapping")
    unknown = sorted(set(value) - set(ENTRY_FIELDS))
    if unknown:
        raise FieldError(
            ("entries", phrase),
            f"unknown entry field '{unknown[0]}' (known: {', '.join(ENTRY_FIELDS)})",
        )
    return dict(value)


def _strings(value: Any, phrase: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FieldError(("entries", phrase), "suggestions must be strings")
    return tuple(items)


def _optional_string(fields: dict[str, Any], key: str, phrase: str) -> str | None:
    value = fields.get(key)
    if value is not None and not isinstance(value, str):
        raise FieldError(("entries", phrase), f"'{key}' must be a string")
    return value


def _entry_regex(
    source: Any, phrase: str, key: str, ignore_case: bool
) -> regex.Pattern[str] | None:
    if source is not None and not isinstance(source, str):
        raise FieldError(("entries", phrase), f"'{key}' must be a string")
    try:
        return context_regex(source, key, ignore_case, key == "unless_before")
    except FieldError as bad:
        raise FieldError(("entries", phrase), f"{key}: {bad.problem}") from None
