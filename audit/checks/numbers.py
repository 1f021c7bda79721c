"""numbers: a number, amount, percentage, date or time that differs between source and target.

Bilingual. Each side is read in its own notation and compared by value, so
``7,5 %`` = ``7.5%``, ``1 000 000`` = ``1,000,000``, ``3 millions`` =
``3 million``, ``2,5 milliards`` = ``2.5 billion``, ``14 h 30`` =
``14:30`` = ``2:30 p.m.``, ``1er`` = ``1st``. In the comma notation
(French, German, Spanish ...) a comma marks decimals and a space, a
no-break space or a full stop before three digits groups thousands; in the
point notation (English) a full stop marks decimals and a comma or a space
groups thousands. A month name next to a number (``3 mai``, ``May 3``)
counts as that month, and the number words from two to twelve count as
numbers (``trois`` = ``3``). A time on the hour also matches the bare hour
(``20 h`` = ``8 p.m.`` = ``20 heures``), and ``14:30`` reads as a time in
either notation. Digits inside placeholders, paths,
hashtags and mentions are the ``tags-and-placeholders`` kind's business.

A segment is flagged once, on the first number the target adds, or on the
whole target when it only lacks some.

Fields:

- ``source_notation`` / ``target_notation`` (``auto``, ``comma``, ``point``;
  default ``auto``: from the segment's language, comma for a source in an
  unknown language and point for a target in one).

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{missing}`` (the source's numbers the target lacks, as
written in the source) and ``{added}`` (the target's numbers the source
lacks); each is "none" when empty.

Example::

    - id: numbers
      kind: numbers
      message: "The numbers differ from the source: {missing} missing, {added} added."
      severity: major
      category: accuracy/mistranslation
      examples:
        flag:
          - {source: "Le budget augmente de 7,5 %.", target: "The budget rises by 5.7%."}
        pass:
          - {source: "Le budget augmente de 7,5 %.", target: "The budget rises by 7.5%."}
          - {source: "Rendez-vous à 14 h 30.", target: "The meeting is at 2:30 p.m."}
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from audit.rulebook.kind import Hit
from audit.text.bilingual.segments import Segment
from audit.text.document import Document

KIND = "numbers"
NOTATIONS = ("auto", "comma", "point")
FIELDS = {"source_notation": NOTATIONS, "target_notation": NOTATIONS}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"source_notation": "auto", "target_notation": "auto"}
PLACEHOLDERS = frozenset({"missing", "added"})
POINT_LANGUAGES = frozenset({"en", "ja", "zh", "ko", "he", "th", "hi"})

_MAGNITUDES = {
    "thousand": 10**3, "mille": 10**3, "million": 10**6, "millions": 10**6, "mn": 10**6,
    "milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9, "mrd": 10**9,
    "mrds": 10**9, "billion": 10**9, "bn": 10**9, "trillion": 10**12, "tn": 10**12,
}  # fmt: skip
_FRENCH_MAGNITUDES = {"billion": 10**12, "billions": 10**12}
_WORDS = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10,
    "onze": 11, "douze": 12, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "zwei": 2, "drei": 3,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
}  # fmt: skip
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier january jan", "février fevrier february feb févr", "mars march mar",
            "avril april apr avr", "mai may", "juin june jun", "juillet july jul juil",
            "août aout august aug", "septembre september sept sep", "octobre october oct",
            "novembre november nov", "décembre decembre december dec déc",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
_DIGIT_RE = re.compile(r"\d")
_DIGITS_RE = re.compile(r"\d+")
_NOT_AFTER = r"(?<![\w.,{/#@:$€£])(?<!\w[.,])"
_SPACE = "[ \u00a0\u202f]"
_MAGNITUDE_RE = "|".join(sorted({*_MAGNITUDES, *_FRENCH_MAGNITUDES}, key=len, reverse=True))
_NOT_PLAIN = re.compile(
    rf"\d[.,:{_SPACE[1:-1]}]\d|\d{_SPACE}?(?:h(?![^\W\d_])|[ap]\.?m\b)"
    rf"|\d{_SPACE}?(?:{_MAGNITUDE_RE})\b",
    re.IGNORECASE,
)
_TAIL = rf"(?:{_SPACE}?(?P<magnitude>{_MAGNITUDE_RE})\b)?"
_COMMA_TIME = (
    rf"(?<!\w)(?P<hour>[01]?\d|2[0-3]){_SPACE}?h(?:{_SPACE}?(?P<minute>[0-5]\d))?(?!\w)"
    r"|(?<![\w.:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
)
_POINT_TIME = (
    r"(?<![\w.:])(?P<hour>1[0-2]|0?\d)(?:[:.](?P<minute>[0-5]\d))?"
    r"[ \u00a0]?(?P<half>[ap])\.?m\b\.?"
    r"|(?<![\w.:])(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
)
_COMMA_NUMBER = (
    rf"{_NOT_AFTER}(?P<int>\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)|\d{{1,3}}(?:\.\d{{3}})+(?!\d)"
    rf"|\d+)(?:,(?P<fraction>\d+))?{_TAIL}"
)
_POINT_NUMBER = (
    rf"{_NOT_AFTER}(?P<int>\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?!\d)"
    rf"|\d+)(?:\.(?P<fraction>\d+))?{_TAIL}"
)
PATTERNS = {
    "comma": re.compile(f"{_COMMA_TIME}|{_COMMA_NUMBER}", re.IGNORECASE),
    "point": re.compile(f"{_POINT_TIME}|{_POINT_NUMBER}", re.IGNORECASE),
}
"""Numbers and times in each notation: run only on a text that holds a digit."""
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_MAGNITUDE_AFTER = re.compile(rf"{_SPACE}?({_MAGNITUDE_RE})\b", re.IGNORECASE)
_SPECIAL_WORDS = frozenset([*_WORDS, *_MONTHS])
_NUMBER_BEFORE = re.compile(rf"\d(?:er|st|nd|rd|th)?{_SPACE}$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(rf"{_SPACE}\d")


class Quantity(NamedTuple):
    """A value found in a text, with where it is and how it was written."""

    key: tuple[str, Decimal]
    start: int
    end: int
    written: str


def quantities(text: str, notation: str) -> list[Quantity]:
    """The numbers, times and months of ``text`` read in ``notation`` (comma or point)."""
    french = notation == "comma"
    digits = _DIGIT_RE.search(text) is not None
    found = _words(text, digits, french)
    if digits:
        found += (
            Quantity(_key(match, french), match.start(), match.end(), match.group())
            for match in PATTERNS[notation].finditer(text)
        )
        found.sort(key=lambda quantity: quantity.start)
    return found


def _words(text: str, digits: bool, french: bool) -> list[Quantity]:
    """The number words of ``text`` (with a magnitude after them), and its month names next
    to a number (there are none unless it holds ``digits``)."""
    found = []
    for match in _LETTERS_RE.finditer(text):
        word = match.group().lower()
        if word in _WORDS:
            value, end = Decimal(_WORDS[word]), match.end()
            tail = _MAGNITUDE_AFTER.match(text, end)
            if tail is not None:
                value, end = value * _factor(tail.group(1), french), tail.end()
            quantity = Quantity(
                ("number", value.normalize()), match.start(), end, text[match.start() : end]
            )
            found.append(quantity)
        elif digits and word in _MONTHS and _next_to_a_number(text, match):
            month = ("month", Decimal(_MONTHS[word]))
            found.append(Quantity(month, match.start(), match.end(), match.group()))
    return found


def _factor(magnitude: str, french: bool) -> int:
    word = magnitude.lower()
    return (_FRENCH_MAGNITUDES if french else {}).get(word) or _MAGNITUDES.get(word, 1)


def _plain_integers(text: str) -> Counter[str] | None:
    """The digit runs of a text that holds numbers only as plain integers ("2024", "26"),
    which read the same in every notation; None for any other text, which is parsed."""
    if _NOT_PLAIN.search(text) or not _SPECIAL_WORDS.isdisjoint(_LETTERS_RE.findall(text.lower())):
        return None
    return Counter(_DIGITS_RE.findall(text))


def _next_to_a_number(text: str, month: re.Match[str]) -> bool:
    """Whether a month name follows a number ("3 mai", "1st May") or precedes one ("May 3")."""
    before = _NUMBER_BEFORE.search(text, max(0, month.start() - 6), month.start())
    return before is not None or _NUMBER_AFTER.match(text, month.end()) is not None


def _key(match: re.Match[str], french: bool) -> tuple[str, Decimal]:
    groups = match.groupdict()
    if groups.get("hour") is not None or groups.get("hour24") is not None:
        return ("time", Decimal(_minutes(groups)))
    digits = "".join(filter(str.isdigit, groups["int"]))
    value = Decimal(f"{digits}.{groups['fraction'] or 0}")
    factor = _factor(groups["magnitude"], french) if groups.get("magnitude") else 1
    return ("number", (value * factor).normalize())


def _minutes(groups: dict[str, str | None]) -> int:
    if groups.get("hour24") is not None:
        return int(groups["hour24"] or 0) * 60 + int(groups["minute24"] or 0)
    hour = int(groups["hour"] or 0)
    half = (groups.get("half") or "").lower()
    if half:
        hour = hour % 12 + (12 if half == "p" else 0)
    return hour * 60 + int(groups.get("minute") or 0)


def differences(source: list[Quantity], target: list[Quantity]) -> tuple[list[Quantity], ...]:
    """(missing, added): the source's quantities the target lacks, and the other way round.
    A time on the hour left over on one side matches a bare hour left over on the other."""
    missing = _unmatched(source, Counter(q.key for q in target))
    added = _unmatched(target, Counter(q.key for q in source))
    for lacking, extra in ((missing, added), (added, missing)):
        for quantity in [q for q in lacking if q.key[0] == "time" and q.key[1] % 60 == 0]:
            hours = {quantity.key[1] / 60, quantity.key[1] / 60 % 12 or 12}
            partner = next((q for q in extra if q.key[0] == "number" and q.key[1] in hours), None)
            if partner is not None and quantity in lacking:
                lacking.remove(quantity)
                extra.remove(partner)
    return missing, added


def _unmatched(quantities: list[Quantity], other: Counter[tuple[str, Decimal]]) -> list[Quantity]:
    left = Counter(other)
    unmatched = []
    for quantity in quantities:
        if left[quantity.key] > 0:
            left[quantity.key] -= 1
        else:
            unmatched.append(quantity)
    return unmatched


@dataclass(frozen=True)
class NumbersCheck:
    source_notation: str
    target_notation: str

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        source_notation = _notation(self.source_notation, doc.segments.source_language, "comma")
        target_language = doc.language.code or doc.segments.target_language
        target_notation = _notation(self.target_notation, target_language, "point")
        for segment in doc.segments.segments:
            if not segment.target.strip():
                continue  # an empty target is the untranslated-segment kind's
            plain = _plain_integers(segment.source)
            if plain is not None and plain == _plain_integers(segment.target):
                continue
            source = quantities(segment.source, source_notation)
            target = quantities(segment.target, target_notation)
            if source or target:
                missing, added = differences(source, target)
                if missing or added:
                    yield _hit(segment, missing, added)


def _notation(chosen: str, language: str | None, unknown: str) -> str:
    if chosen != "auto":
        return chosen
    if language is None:
        return unknown
    return "point" if language in POINT_LANGUAGES else "comma"


def _hit(segment: Segment, missing: list[Quantity], added: list[Quantity]) -> Hit:
    start, end = segment.start, segment.end
    if added:
        start, end = segment.start + added[0].start, segment.start + added[0].end
    values = {"missing": _listed(missing), "added": _listed(added)}
    return Hit(start, end, values=values)


def _listed(found: list[Quantity]) -> str:
    return ", ".join(f"'{q.written}'" for q in found) or "none"


def compile(options: dict[str, Any]) -> NumbersCheck:
    return NumbersCheck(options["source_notation"], options["target_notation"])
