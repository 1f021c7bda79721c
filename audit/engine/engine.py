"""Running compiled rules over a Document and turning their hits into Findings.

A kind reports where and what (a ``Hit``); the engine adds who and how bad:
the rule's id, severity, category, message and suggestions. What applies to
every kind lives here: a rule runs only where its ``languages`` and
``source`` apply, hits in a paragraph or sentence written in another
language than the rule's are dropped (the passage gets one finding of its
own, from a ``passage`` rule, not one per word), hits inside direct
quotations are dropped unless the rule sets ``skip_quotes: false``, inline
``audit: ignore[...]`` markers silence findings on their line, and when
several rules flag exactly the same span only the most severe finding is
kept (one error, one penalty, as in MQM annotation; on a tie, the first
rule id).

In a bilingual document a finding names the segment its span is in, and a
finding whose hit names the source word it comes from (a lexicon entry's
``source``) is confirmed when the aligned source segment holds that word,
in any inflection (``confirmed_by_source``: true, false, or None when
there is no source to look in or no word to look for).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from audit.engine.screens import Screens, applies
from audit.engine.suppress import Suppressions
from audit.errors import AuditError
from audit.mqm import SEVERITY_RANK
from audit.rulebook.fields import where
from audit.rulebook.kind import Hit
from audit.rulebook.packs import Rule
from audit.text.bilingual.segments import Segment
from audit.text.bilingual.terms import find_term
from audit.text.document import Document
from audit.text.spans import Span

__all__ = ["SCREEN_AFTER", "Engine", "Finding", "RuleTimeoutError", "applies"]

SCREEN_AFTER = 16


class RuleTimeoutError(AuditError):
    """A user regex ran past its time limit."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text: which rule, how bad, where, and what to write instead."""

    rule: str
    severity: str
    category: str
    message: str
    suggestions: tuple[str, ...]
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    link: str | None = None
    segment: str | None = None
    """The id of the bilingual segment the span is in; None for a monolingual text."""
    confirmed_by_source: bool | None = None

    @property
    def sort_key(self) -> tuple[int, str]:
        return (self.start, self.rule)

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        """Pickled as its values in field order (``--jobs`` workers send findings back):
        loading one then calls the constructor, at half the cost of the per-field state a
        slotted dataclass is loaded from by default."""
        return (Finding, tuple(getattr(self, name) for name in self.__slots__))

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "category": self.category,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "link": self.link,
            "segment": self.segment,
            "confirmed_by_source": self.confirmed_by_source,
        }


class Engine:
    """Runs a fixed set of compiled rules; what one document finds never depends on another.

    Only the rules that may hit a document run on it (``audit.engine.screens``).
    The regex screen is built once ``screen_after`` documents have run:
    building it costs about 50 ms, which a long run earns back in a few dozen
    articles and a one-article run never would. ``screened=False`` runs every
    applicable rule on every document."""

    def __init__(
        self, rules: Sequence[Rule], screen_after: int = SCREEN_AFTER, screened: bool = True
    ) -> None:
        self.rules = tuple(rule for rule in rules if rule.enabled)
        self.screens = Screens(self.rules, screen_after, screened)
        self.screen = self.screens.regex

    def run(self, doc: Document, source_language: str | None = None) -> list[Finding]:
        return self.findings(doc, self.screens.candidates(doc, source_language))

    def findings(
        self, doc: Document, candidates: Iterable[tuple[Rule, dict[str, Any]]]
    ) -> list[Finding]:
        """The findings of the ``candidates`` (rules with their check's context, as the
        screens give them) in ``doc``."""
        suppressions = Suppressions.parse(doc)
        foreign = _Foreign(doc)
        findings = [
            _finding(doc, rule, hit)
            for rule, context in candidates
            for hit in _hits(rule, doc, context)
            if _keep(doc, rule, hit, foreign)
            and not suppressions.silences(rule.id, hit.start, hit.end)
        ]
        return _one_per_span(findings)


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """The findings sorted by (start, rule), keeping the most severe of those on one span."""
    best: dict[tuple[int, int], Finding] = {}
    for finding in sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity], f.rule)):
        best.setdefault((finding.start, finding.end), finding)
    return sorted(best.values(), key=lambda finding: finding.sort_key)


def _hits(rule: Rule, doc: Document, context: dict[str, Any]) -> Iterable[Hit]:
    try:
        yield from rule.check.check(doc, context)
    except TimeoutError as slow:
        field = getattr(slow, "field", "")
        raise RuleTimeoutError(
            str(where(rule.spec, (field,)) if field in rule.spec else rule.location),
            f"rule '{rule.id}' ran too long on one text; simplify its regex"
            + (f" '{field}'" if field else ""),
        ) from None


class _Foreign:
    """The passages of a document written in another language than the article's."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.paragraphs = {p.paragraph: p.code for p in doc.language.paragraphs}
        self.sentences = doc.language.sentences
        self.sentence_starts = [sentence.start for sentence in self.sentences]

    def __bool__(self) -> bool:
        return bool(self.paragraphs or self.sentences)

    def language_at(self, offset: int) -> str | None:
        """The language of the foreign passage holding ``offset``, or None."""
        code = self.paragraphs.get(self.doc.paragraph_of(offset))
        if code is not None:
            return code
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index].code
        return None


def _keep(doc: Document, rule: Rule, hit: Hit, foreign: _Foreign) -> bool:
    if foreign and rule.languages:
        code = foreign.language_at(hit.start)
        if code is not None and code not in rule.languages:
            return False
    return not (rule.skip_quotes and doc.in_quotation(Span(hit.start, hit.end)))


def _finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    matched = doc.text[hit.start : hit.end]
    suggestions = rule.suggest if hit.suggestions is None else hit.suggestions
    values = {
        "match": matched,
        "suggestion": suggestions[0] if suggestions else "",
        "suggestions": " or ".join(f"'{s}'" for s in suggestions),
        **hit.values,
    }
    line, column = doc.line_col(hit.start)
    end_line, end_column = doc.line_col(hit.end)
    segment = doc.segments.at(hit.start) if doc.segments else None
    message = (hit.message or rule.message).format_map(values)
    confirmed = _source_form(doc, segment, hit.values.get("source"))
    if confirmed:
        message += f" The source has '{confirmed}'."
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        category=rule.category,
        message=message,
        suggestions=suggestions,
        start=hit.start,
        end=hit.end,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        text=matched,
        link=rule.link,
        segment=segment.id if segment else None,
        confirmed_by_source=None if confirmed is None else bool(confirmed),
    )


def _source_form(doc: Document, segment: Segment | None, word: str | None) -> str | None:
    """Where the source segment holds ``word`` (as written there), "" when it does not,
    None when there is nothing to look for or in."""
    if segment is None or not word or doc.segments is None:
        return None
    return find_term(word, segment.source, doc.segments.source_language) or ""
