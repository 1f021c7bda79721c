"""Inline suppression markers written in the article itself.

Two spellings, for plain text, Markdown and HTML::

    The minister assisted at the ceremony. audit: ignore[fr-en.false-friends.assist-at]
    <!-- audit: ignore fr-en.exonyms -->

A marker silences the findings of the rules it names (a pack id silences
the whole pack; no name silences every rule) on its own line. A marker that
is alone on its line applies to the next non-blank line instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from audit.rulebook import selection
from audit.text.document import Document

_MARKER_RE = re.compile(
    r"<!--\s*audit:\s*ignore\b(?P<comment>[^>]*?)\s*-->|audit:\s*ignore(?:\[(?P<bracket>[^\]]*)\])?"
)
_NAMES_RE = re.compile(r"[A-Za-z0-9][\w.\-]*")
ALL_RULES = frozenset({"*"})


@dataclass(frozen=True)
class Suppressions:
    """Which rules are silenced on which (1-based) lines of one document."""

    by_line: dict[int, frozenset[str]] = field(default_factory=dict)
    doc: Document | None = None

    @classmethod
    def parse(cls, doc: Document) -> Suppressions:
        if "audit:" not in doc.text:
            return cls()
        by_line: dict[int, frozenset[str]] = {}
        for marker in _MARKER_RE.finditer(doc.text):
            text = marker.group("comment") or marker.group("bracket") or ""
            names = frozenset(_NAMES_RE.findall(text)) or ALL_RULES
            line = _target_line(doc, marker)
            by_line[line] = by_line.get(line, frozenset()) | names
        return cls(by_line, doc)

    def silences(self, rule_id: str, start: int, end: int) -> bool:
        if self.doc is None:
            return False
        first, last = self.doc.line_col(start)[0], self.doc.line_col(end)[0]
        return any(_names_cover(self.by_line.get(line), rule_id) for line in range(first, last + 1))


def _names_cover(names: frozenset[str] | None, rule_id: str) -> bool:
    if names is None:
        return False
    return "*" in names or any(selection.names(name, rule_id) for name in names)


def _target_line(doc: Document, marker: re.Match[str]) -> int:
    line = doc.line_col(marker.start())[0]
    own = doc.line_span(line)
    alone = not (doc.text[own.start : marker.start()] + doc.text[marker.end() : own.end]).strip()
    if not alone:
        return line
    following = line + 1
    while following <= doc.line_count and not doc.slice(doc.line_span(following)).strip():
        following += 1
    return following
