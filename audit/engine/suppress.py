"""Inline suppression markers written in the article itself.

Two spellings, for plain text, Markdown and HTML::

    The minister assisted at the ceremony. audit: ignore[fr-en.false-friends.assist-at]
    <!-- audit: ignore fr-en.exonyms -->

A marker silences the findings of the rules it names (a pack id silences
the whole pack; no name silences every rule) on its own line. A marker that
is alone on its line applies to the next non-blank line instead. The
marker is not prose: no finding that touches it is kept, so it never
raises one itself. ``unknown`` names the markers' rule ids that name no
rule, which the run shows as warnings.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from audit.errors import did_you_mean
from audit.rulebook import selection
from audit.text.document import Document
from audit.text.spans import Span

_MARKER_RE = re.compile(
    r"<!--\s*audit:\s*ignore\b(?P<comment>[^>]*?)\s*-->|audit:\s*ignore(?:\[(?P<bracket>[^\]]*)\])?"
)
_NAMES_RE = re.compile(r"[A-Za-z0-9][\w.\-]*")
ALL_RULES = frozenset({"*"})


@dataclass(frozen=True)
class Marker:
    """One marker: where it is written and the rule ids it names (with their offsets)."""

    span: Span
    names: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Suppressions:
    """Which rules are silenced on which (1-based) lines of one document."""

    by_line: dict[int, frozenset[str]] = field(default_factory=dict)
    doc: Document | None = None
    markers: tuple[Marker, ...] = ()

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        if "audit:" not in doc.text:
            return cls()
        by_line: dict[int, frozenset[str]] = {}
        markers = tuple(_markers(doc.text))
        for marker in markers:
            names = frozenset(name for name, _ in marker.names) or ALL_RULES
            line = _target_line(doc, marker.span)
            by_line[line] = by_line.get(line, frozenset()) | names
        return cls(by_line, doc, markers)

    def silences(self, rule_id: str, start: int, end: int) -> bool:
        if self.doc is None:
            return False
        if any(m.span.start < end and start < m.span.end for m in self.markers):
            return True
        first, last = self.doc.line_col(start)[0], self.doc.line_col(end)[0]
        return any(_names_cover(self.by_line.get(line), rule_id) for line in range(first, last + 1))

    def unknown(self, rule_ids: Collection[str]) -> Iterator[tuple[int, str]]:
        """(offset, problem) for each name in a marker that names no rule or pack."""
        for marker in self.markers:
            for name, offset in marker.names:
                if not any(selection.names(name, rule_id) for rule_id in rule_ids):
                    hint = did_you_mean(name, rule_ids)
                    yield offset, f"unknown rule '{name}' in an audit: ignore marker{hint}"


def _markers(text: str) -> Iterator[Marker]:
    for found in _MARKER_RE.finditer(text):
        group = "comment" if found.group("comment") is not None else "bracket"
        start = found.start(group)
        names = ()
        if start >= 0:
            names = tuple(
                (name.group(), start + name.start())
                for name in _NAMES_RE.finditer(found.group(group))
            )
        yield Marker(Span(found.start(), found.end()), names)


def _names_cover(names: frozenset[str] | None, rule_id: str) -> bool:
    if names is None:
        return False
    return "*" in names or any(selection.names(name, rule_id) for name in names)


def _target_line(doc: Document, marker: Span) -> int:
    line = doc.line_col(marker.start)[0]
    own = doc.line_span(line)
    alone = not (doc.text[own.start : marker.start] + doc.text[marker.end : own.end]).strip()
    if not alone:
        return line
    following = line + 1
    while following <= doc.line_count and not doc.slice(doc.line_span(following)).strip():
        following += 1
    return following
