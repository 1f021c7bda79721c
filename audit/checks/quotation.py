"""quotation: flag a capitalised common word opening a quoted fragment mid-sentence.

French capitalises the first word of a quotation even when the quotation
is a fragment that goes on the sentence ("accusés d'être des
« Incompétents »"); machine translation keeps the capital: `of being
"Incompetent"`, `a "Discussion" with Baghdad`. English writes `of being
"incompetent"`. A quotation is flagged when its first word is capitalised
(an initial capital, the rest in lower case: not "NATO", "I" or
"McCain") and none of these holds:

- the quotation starts a full quoted sentence: it opens its paragraph or
  its sentence, the text before the opening mark matches
  ``sentence_before`` (a colon, a comma after a reporting verb ...), or
  its words end, right before the closing mark, with a match of
  ``sentence_end`` ("Why now?", "We will stay,");
- the text before the opening mark matches ``unless_before`` (words that
  announce a name or a title: "titled", "dubbed" ...), or the text after
  the word matches ``unless_after`` (a possessive: "Obama's war");
- the word is in ``allow``;
- the quotation is in title case (``exempt_title_case``): its first two
  words are capitalised ("Iraq First"), or it has several words and every
  word not in ``small_words`` is capitalised ("Gone with the Wind");
- the word is a proper noun: it is capitalised elsewhere in the text where
  a sentence or a quotation does not start;
- with ``dictionary``, the word is neither written in lower case elsewhere
  in the text nor in that list of common words (names are not:
  "Ortagus" is absent).

The hit runs from the opening mark to the end of the word. Quotations are
found as in the engine's quote guard, so a rule of this kind needs
``skip_quotes: false``: its hits are inside quotations.

Fields:

- ``marks`` (list, default ``[“, ", «, „, ‘]``): the opening marks of the
  quotations to check.
- ``allow`` (list): words that may open a quotation capitalised ("OK").
- ``exempt_title_case`` (bool, default true).
- ``small_words`` (list): words that stay in lower case in a title.
- ``sentence_before`` (regex, default: ``:``, ``;``, ``,`` or a sentence end,
  then spaces): text before the opening mark that means a full quoted
  sentence follows; tested against the text before the mark, anchored at
  the mark.
- ``sentence_end`` (regex, default ``[.!?…]``): punctuation that, ending the
  quotation's words (after a word, not after a quote mark), means a full
  sentence.
- ``unless_before`` (regex): other text before the opening mark that
  excuses the capital.
- ``unless_after`` (regex): text right after the word that excuses it.
- ``ignore_case`` (bool, default false): for the three regexes.
- ``dictionary`` (file): a word list of common words (see the ``wordlist``
  kind for the format; the shipped ``en/data/english-common.txt`` holds
  English words); only words in it, or written in lower case elsewhere in
  the text, are flagged.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{word}`` (the capitalised word), ``{lower}`` (the word
in lower case). The suggestion is the quotation's start in lower case.

Example::

    - id: capitalised-fragment
      kind: quotation
      message: "'{word}' opens a quoted fragment inside the sentence: French capitalises it,
        English does not; write '{lower}'."
      severity: minor
      category: fluency/grammar
      skip_quotes: false
      allow: [OK, "Yes", "No"]
      small_words: [a, an, the, and, of, in, "on", with, to, for]
      unless_before: '\\b(?:titled|entitled|dubbed|nicknamed|codenamed|word)\\s+$'
      unless_after: '[''’]s\\b'
      dictionary: en/data/english-common.txt
      examples:
        flag: ['The mayor called the plan "Dangerous" on Monday.']
        pass: ['The mayor said: "Dangerous plans fail."', 'They watched "Gone with the Wind".']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from audit.checks.base import compile_regex, ending_here
from audit.checks.pattern import LOOK_BEHIND, context_regex, excused
from audit.rulebook import wordlists
from audit.rulebook.fields import File, Regex
from audit.rulebook.kind import FieldError, Hit
from audit.rulebook.wordlists import WordList
from audit.text.document import Document
from audit.text.quotes import PAIRS
from audit.text.spans import Span

KIND = "quotation"
FIELDS = {
    "marks": [str],
    "allow": [str],
    "exempt_title_case": bool,
    "small_words": [str],
    "sentence_before": Regex,
    "sentence_end": Regex,
    "unless_before": Regex,
    "unless_after": Regex,
    "ignore_case": bool,
    "dictionary": File,
}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {
    "marks": ("“", '"', "«", "„", "‘"),
    "allow": (),
    "exempt_title_case": True,
    "small_words": (),
    "sentence_before": r"(?:[:;,]|[.!?…][\"”’»)]*)\s*",
    "sentence_end": "[.!?…]",
    "unless_before": None,
    "unless_after": None,
    "ignore_case": False,
    "dictionary": None,
}
PLACEHOLDERS = frozenset({"word", "lower"})

_WORD_RE = re.compile(r"[^\W\d_]+")
_OPENING_MARKS = frozenset(PAIRS)
_AFTER_A_WORD = "(?<=[^\\s\"“”«»„‘’'])"
_SPACES = " \u00a0\u202f"


@dataclass(frozen=True)
class QuotationCheck:
    marks: frozenset[str]
    allow: frozenset[str]
    exempt_title_case: bool
    small_words: frozenset[str]
    sentence_before: regex.Pattern[str]
    sentence_end: regex.Pattern[str]
    unless_before: regex.Pattern[str] | None
    unless_after: regex.Pattern[str] | None
    dictionary: WordList | None

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        usage = _WordUsage(doc)
        for quotation in doc.quotations:
            if doc.text[quotation.start] not in self.marks:
                continue
            word = _first_word(doc.text, quotation)
            if word is not None and self._flags(doc, quotation, word, usage):
                lower = doc.slice(word).lower()
                suggestion = doc.text[quotation.start : word.start] + lower
                values = {"word": doc.slice(word), "lower": lower}
                yield Hit(quotation.start, word.end, (suggestion,), values)

    def _flags(self, doc: Document, quotation: Span, word: Span, usage: _WordUsage) -> bool:
        text = doc.slice(word)
        return (
            _is_capitalised(text)
            and text not in self.allow
            and not self._full_sentence(doc, quotation)
            and not excused(
                doc.text, quotation.start, word.end, self.unless_before, self.unless_after
            )
            and not (self.exempt_title_case and self._title_case(doc, quotation))
            and not usage.capitalised_elsewhere(word)
            and self._common(doc, word, usage)
        )

    def _full_sentence(self, doc: Document, quotation: Span) -> bool:
        paragraph = doc.paragraphs[doc.paragraph_of(quotation.start)]
        if quotation.start == paragraph.start or _starts_sentence(doc, quotation.start):
            return True
        before_start = max(paragraph.start, quotation.start - LOOK_BEHIND)
        if self.sentence_before.search(doc.text, before_start, quotation.start):
            return True
        inside = doc.text[quotation.start + 1 : _inner_end(doc.text, quotation)]
        return self.sentence_end.search(inside) is not None

    def _title_case(self, doc: Document, quotation: Span) -> bool:
        inside = doc.text[quotation.start + 1 : _inner_end(doc.text, quotation)]
        words = _WORD_RE.findall(inside)
        if len(words) < 2:
            return False
        if words[1][0].isupper():
            return True
        return all(w[0].isupper() for w in words if w.lower() not in self.small_words)

    def _common(self, doc: Document, word: Span, usage: _WordUsage) -> bool:
        if self.dictionary is None:
            return True
        lower = doc.slice(word).lower()
        return usage.written_in_lower_case(lower) or lower in self.dictionary


def _starts_sentence(doc: Document, offset: int) -> bool:
    sentences = doc.sentences
    index = bisect.bisect_left(sentences, Span(offset, 0))
    return index < len(sentences) and sentences[index].start == offset


def _first_word(text: str, quotation: Span) -> Span | None:
    """The first word of the quotation, when only spaces stand between it and the mark."""
    position = quotation.start + 1
    while position < quotation.end and text[position] in " \u00a0\u202f":
        position += 1
    match = _WORD_RE.match(text, position, quotation.end)
    return Span(match.start(), match.end()) if match else None


def _inner_end(text: str, quotation: Span) -> int:
    """Where the quotation's words end: before its closing mark, if it has one."""
    last = text[quotation.end - 1]
    closes = quotation.end - 1 > quotation.start and last in PAIRS[text[quotation.start]]
    return quotation.end - 1 if closes else quotation.end


def _is_capitalised(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


class _WordUsage:
    """How each word is written across one document, worked out once per word: a text with
    many quotations that open with the same word reads that word's occurrences once, so the
    check stays linear in the text's length."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._capitalised: dict[str, tuple[int, ...]] = {}
        self._lower: dict[str, bool] = {}

    def capitalised_elsewhere(self, word: Span) -> bool:
        """Whether the word is capitalised elsewhere, where no sentence or quotation starts."""
        starts = self._capitalised_starts(self.doc.slice(word).lower())
        return any(start != word.start for start in starts)

    def written_in_lower_case(self, lower: str) -> bool:
        """Whether the word is written in lower case somewhere in the text."""
        if lower not in self._lower:
            doc = self.doc
            positions = doc.token_index.get(lower, ())
            self._lower[lower] = any(doc.text[doc.token_starts[p]].islower() for p in positions)
        return self._lower[lower]

    def _capitalised_starts(self, lower: str) -> tuple[int, ...]:
        """Up to two starts of the word capitalised where no sentence or quotation starts (two
        tell whether there is one other than any given occurrence)."""
        if lower not in self._capitalised:
            doc = self.doc
            found: list[int] = []
            for position in doc.token_index.get(lower, ()):
                start = doc.token_starts[position]
                if doc.text[start].isupper() and not _opens_sentence_or_quotation(doc, start):
                    found.append(start)
                    if len(found) == 2:
                        break
            self._capitalised[lower] = tuple(found)
        return self._capitalised[lower]


def _opens_sentence_or_quotation(doc: Document, offset: int) -> bool:
    """Whether only marks and spaces stand between the start of the sentence holding
    ``offset`` and ``offset``, or the last of them is an opening quote mark. Read backwards
    from ``offset`` up to the nearest letter or digit, not from the sentence's start."""
    sentences = doc.sentences
    index = bisect.bisect_right(sentences, Span(offset, len(doc.text) + 1)) - 1
    start = sentences[index].start if index >= 0 else 0
    position = offset - 1
    while position >= start and doc.text[position] in _SPACES:
        position -= 1
    if position < start or doc.text[position] in _OPENING_MARKS:
        return True
    while position >= start and not doc.text[position].isalnum():
        position -= 1
    return position < start


def compile(options: dict[str, Any]) -> QuotationCheck:
    unknown = sorted(set(options["marks"]) - _OPENING_MARKS)
    if unknown:
        known = " ".join(sorted(_OPENING_MARKS))
        raise FieldError(("marks",), f"'{unknown[0]}' is not an opening quote mark ({known})")
    ignore_case = options["ignore_case"]
    return QuotationCheck(
        marks=frozenset(options["marks"]),
        allow=frozenset(options["allow"]),
        exempt_title_case=options["exempt_title_case"],
        small_words=frozenset(word.lower() for word in options["small_words"]),
        sentence_before=_wrapped(options, "sentence_before", ending_here),
        sentence_end=_wrapped(
            options, "sentence_end", lambda source: ending_here(f"{_AFTER_A_WORD}(?:{source})\\s*")
        ),
        unless_before=context_regex(options["unless_before"], "unless_before", ignore_case, True),
        unless_after=context_regex(options["unless_after"], "unless_after", ignore_case, False),
        dictionary=common_words(options["dictionary"]),
    )


def _wrapped(
    options: dict[str, Any], field_name: str, wrap: Callable[[str], str]
) -> regex.Pattern[str]:
    """Compile the user regex of ``field_name`` alone (for its errors), then ``wrap``ped."""
    ignore_case = options["ignore_case"]
    compile_regex(options[field_name], field_name, ignore_case)
    return compile_regex(wrap(options[field_name]), field_name, ignore_case)


def common_words(path: str | None, field_name: str = "dictionary") -> WordList | None:
    """The word list of common words at ``path``, or None without one."""
    return None if path is None else wordlists.require(path, field_name)
