"""tags-and-placeholders: inline tags, placeholders, URLs, e-mails, hashtags not carried over.

Bilingual. What a translation must copy unchanged is counted on both
sides and compared: the inline tags of an XLIFF unit (``<g id="1">``,
``<x/>``, ``<pc>``, ``<ph/>`` ..., by name and id), placeholders
(``{0}``, ``{name}``, ``{{name}}``, ``%s``, ``%1$d``, ``%(name)s``,
``${name}``), URLs, e-mail addresses, hashtags and @-mentions. A segment
is flagged once: on the first thing the target adds, or on the whole
target when it only lacks some. Empty targets are left to the
``untranslated-segment`` kind.

Fields:

- ``tags``, ``placeholders``, ``urls``, ``emails``, ``hashtags`` (bool,
  default true each): what to compare.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{missing}`` (what the target lacks), ``{added}`` (what
the source lacks); each is "none" when empty.

Example::

    - id: placeholders
      kind: tags-and-placeholders
      message: "Not carried over from the source: {missing}; not in the source: {added}."
      severity: major
      category: design/markup
      examples:
        flag:
          - source: "Bonjour {name}, lisez https://exemple.fr/a."
            target: "Hello, read https://exemple.fr/a."
          - {source: "Suivez #Municipales2026.", target: "Follow #LocalElections2026."}
        pass:
          - source: "Bonjour {name}, lisez https://exemple.fr/a."
            target: "Hello {name}, read https://exemple.fr/a."
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import Hit
from audit.text.bilingual.segments import Segment
from audit.text.document import Document

KIND = "tags-and-placeholders"
FIELDS = {"tags": bool, "placeholders": bool, "urls": bool, "emails": bool, "hashtags": bool}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = dict.fromkeys(FIELDS, True)
PLACEHOLDERS = frozenset({"missing", "added"})

PATTERNS = {
    "placeholders": re.compile(
        r"\{\{\s*[\w.]+\s*\}\}|\{\d+\}|\{[A-Za-z_][\w.]*\}|\$\{\w+\}"
        r"|%\(\w+\)[sd]|%(?:\d+\$)?[-+0#]*\d*(?:\.\d+)?[sdifuxXeEgGc@](?![^\W\d_])"
    ),
    "urls": re.compile(r"\b(?:https?://|www\.)[^\s<>\"«»]+[^\s<>\"«».,;:!?)\]}'’”]"),
    "emails": re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"),
    "hashtags": re.compile(r"(?<![\w&#@.])[#@]\w*[^\W\d_]\w*"),
}

MARKS = {
    "placeholders": ("{", "%", "$"),
    "urls": ("://", "www."),
    "emails": ("@",),
    "hashtags": ("#", "@"),
}
"""What a text must hold for each pattern to be worth running."""


@dataclass(frozen=True)
class Item:
    """One thing to carry over: its text, and where it is in the target (-1: unknown)."""

    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class TagsCheck:
    kinds: tuple[str, ...]
    tags: bool

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is None:
            return
        for segment in doc.segments.segments:
            if not segment.target.strip():
                continue  # an empty target is the untranslated-segment kind's
            source, target = self._items(segment, "source"), self._items(segment, "target")
            if not source and not target:
                continue
            missing = _unmatched(source, Counter(item.text for item in target))
            added = _unmatched(target, Counter(item.text for item in source))
            if missing or added:
                yield _hit(segment, missing, added)

    def _items(self, segment: Segment, side: str) -> list[Item]:
        text = segment.source if side == "source" else segment.target
        emails = [m.span() for m in PATTERNS["emails"].finditer(text)] if "@" in text else []
        items = [
            Item(match.group(), match.start(), match.end())
            for kind in self.kinds
            if any(mark in text for mark in MARKS[kind])
            for match in PATTERNS[kind].finditer(text)
            if kind == "emails" or not any(s <= match.start() < e for s, e in emails)
        ]
        if self.tags:
            tags = segment.source_tags if side == "source" else segment.target_tags
            items.extend(Item(_tag_text(tag)) for tag in tags)
        return items


def _tag_text(tag: str) -> str:
    """An inline tag (``name#id``) as it reads in XLIFF: ``<g id="1">``."""
    name, _, tag_id = tag.partition("#")
    return f'<{name} id="{tag_id}">'


def _unmatched(items: list[Item], other: Counter[str]) -> list[Item]:
    left = Counter(other)
    unmatched = []
    for item in items:
        if left[item.text] > 0:
            left[item.text] -= 1
        else:
            unmatched.append(item)
    return unmatched


def _hit(segment: Segment, missing: list[Item], added: list[Item]) -> Hit:
    located = [item for item in added if item.start >= 0]
    start, end = segment.start, segment.end
    if located:
        start, end = segment.start + located[0].start, segment.start + located[0].end
    values = {"missing": _listed(missing), "added": _listed(added)}
    return Hit(start, end, values=values)


def _listed(items: list[Item]) -> str:
    return ", ".join(f"'{item.text}'" for item in items) or "none"


def compile(options: dict[str, Any]) -> TagsCheck:
    kinds = tuple(kind for kind in PATTERNS if options[kind])
    return TagsCheck(kinds, options["tags"])
