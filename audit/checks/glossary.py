"""glossary: a source term not translated as the glossary requires, or a forbidden rendering.

Bilingual. A glossary maps a source term to the target term (or terms)
that must render it, and may list target terms that must never be used.
Terms match whatever their inflection, on both sides (Snowball stems, see
``audit.text.bilingual.terms``): "ministre des Armées" finds "ministres
des armées" and "Armed Forces Minister" finds "Armed Forces Ministers". A
segment whose source holds a term and whose target holds none of its
renderings is flagged on the whole target; a forbidden term in a target
is flagged where it is, with the term's renderings as suggestions.

The glossary is given inline (``terms``) or in a file (``file``, relative
to the pack): YAML holding a ``terms`` mapping, or CSV with the columns
``source,target,forbidden`` (alternatives separated by ``|``, a header
row optional). A term's value is a rendering, a list of them, or a
mapping with ``target`` and ``forbidden``.

Fields:

- ``terms`` (mapping, default empty) and ``file`` (path, default none):
  one of them at least.
- ``forbidden`` (list of strings): target terms never to use in any
  segment.
- ``forbidden_message`` (string): the message of a forbidden term's
  finding (placeholders as in ``message``).

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}`` (the required renderings), ``{term}`` (the source term
as the segment writes it).

Example::

    - id: glossary
      kind: glossary
      message: "'{term}' must be translated as {suggestions}."
      severity: major
      category: terminology/wrong-term
      terms:
        garde à vue: {target: [police custody, custody], forbidden: [guard in view]}
        Assemblée nationale: National Assembly
      examples:
        flag:
          - {source: "Il a été placé en garde à vue.", target: "He was placed in detention."}
          - {source: "Il a été placé en garde à vue.", target: "He was placed in guard in view."}
        pass:
          - {source: "Il a été placé en garde à vue.", target: "He was taken into police custody."}
          - {source: "Les députés de l'Assemblée nationale.", target: "National Assembly members."}
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from audit.rulebook.fields import File
from audit.rulebook.kind import COMMON_PLACEHOLDERS, FieldError, Hit, placeholder_problem
from audit.text.bilingual.segments import Segment
from audit.text.bilingual.terms import Term, any_of
from audit.text.document import Document

KIND = "glossary"
FIELDS = {"terms": dict, "file": File, "forbidden": [str], "forbidden_message": str}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {
    "terms": {},
    "file": None,
    "forbidden": (),
    "forbidden_message": "'{match}' is not to be used here: write {suggestions}.",
}
PLACEHOLDERS = frozenset({"term"})
ENTRY_FIELDS = ("target", "forbidden")


@dataclass(frozen=True)
class Entry:
    """A source term, its required renderings and its forbidden ones."""

    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...]


@cache
def _term(phrase: str, language: str | None) -> Term:
    return Term.of(phrase, language)


@dataclass(frozen=True)
class GlossaryCheck:
    entries: tuple[Entry, ...]
    forbidden: tuple[str, ...]
    forbidden_message: str

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        source_language = doc.segments.source_language
        target_language = doc.language.code or doc.segments.target_language
        forbidden = [_term(word, target_language) for word in self.forbidden]
        entries = [(entry, _term(entry.source, source_language)) for entry in self.entries]
        any_source, any_forbidden = any_of([t for _, t in entries]), any_of(forbidden)
        for segment in doc.segments.segments:
            if not segment.target.strip():
                continue
            if forbidden and any_forbidden.search(segment.target):
                yield from self._forbidden(segment, forbidden, ())
            if any_source.search(segment.source):
                yield from self._segment(segment, entries, target_language)

    def _segment(
        self, segment: Segment, entries: list[tuple[Entry, Term]], target_language: str | None
    ) -> Iterator[Hit]:
        for entry, term in entries:
            where = term.find(segment.source)
            if where is None:
                continue
            forbidden = [_term(word, target_language) for word in entry.forbidden]
            hits = list(self._forbidden(segment, forbidden, entry.targets))
            yield from hits
            if (
                entry.targets
                and not hits
                and not any(
                    _term(target, target_language).find(segment.target) for target in entry.targets
                )
            ):
                found = segment.source[where.start : where.end]
                yield Hit(segment.start, segment.end, entry.targets, {"term": found})

    def _forbidden(
        self, segment: Segment, terms: list[Term], suggestions: tuple[str, ...]
    ) -> Iterator[Hit]:
        for term in terms:
            found = term.find(segment.target)
            if found is not None:
                start, end = segment.start + found.start, segment.start + found.end
                yield Hit(start, end, suggestions, {"term": ""}, self.forbidden_message)


def compile(options: dict[str, Any]) -> GlossaryCheck:
    terms = dict(options["terms"])
    if options["file"]:
        terms.update(_read_file(Path(options["file"])))
    if not terms and not options["forbidden"]:
        raise FieldError(("terms",), "a glossary needs 'terms', a 'file' or 'forbidden' terms")
    problem = placeholder_problem(options["forbidden_message"], COMMON_PLACEHOLDERS | PLACEHOLDERS)
    if problem:
        raise FieldError(("forbidden_message",), problem)
    entries = tuple(_entry(str(source), value) for source, value in terms.items())
    return GlossaryCheck(entries, tuple(options["forbidden"]), options["forbidden_message"])


def _entry(source: str, value: Any) -> Entry:
    if isinstance(value, (str, list)):
        value = {"target": value}
    if not isinstance(value, dict):
        raise FieldError(("terms", source), "must be a rendering, a list or a mapping")
    unknown = sorted(set(value) - set(ENTRY_FIELDS))
    if unknown:
        raise FieldError(
            ("terms", source), f"unknown field '{unknown[0]}' (known: {', '.join(ENTRY_FIELDS)})"
        )
    return Entry(
        source, _strings(value.get("target"), source), _strings(value.get("forbidden"), source)
    )


def _strings(value: Any, source: str) -> tuple[str, ...]:
    items = [] if value is None else [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FieldError(("terms", source), "renderings must be strings")
    return tuple(items)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as bad:
        raise FieldError(("file",), f"cannot read the glossary {path}: {bad}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return _yaml_terms(text, path)
    return _csv_terms(text, path)


def _yaml_terms(text: str, path: Path) -> dict[str, Any]:
    import yaml  # only a YAML glossary needs PyYAML: a run from cached packs never loads it

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as bad:
        raise FieldError(("file",), f"{path}: invalid YAML: {bad}") from None
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, dict):
        raise FieldError(("file",), f"{path}: a YAML glossary holds a 'terms' mapping")
    return terms


def _csv_terms(text: str, path: Path) -> dict[str, Any]:
    terms: dict[str, Any] = {}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for row in reader:
            if not row or row[0].strip().lower() in ("", "source"):
                continue
            if len(row) not in (2, 3):
                raise FieldError(
                    ("file",), f"{path}:{reader.line_num}: expected source,target[,forbidden]"
                )
            forbidden = row[2].split("|") if len(row) == 3 and row[2].strip() else []
            terms[row[0].strip()] = {
                "target": [t.strip() for t in row[1].split("|") if t.strip()],
                "forbidden": [f.strip() for f in forbidden if f.strip()],
            }
    except csv.Error as bad:
        raise FieldError(("file",), f"{path}:{reader.line_num}: {bad}") from None
    return terms
