"""sarif: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, SARIF viewers).

One run. Its driver lists every enabled rule: id, a PascalCase ``name``,
descriptions, ``help`` with the rule's examples, ``helpUri`` (the rule's
link), the default level and the MQM category, severity, kind and tags as
properties. Levels: critical and major are ``error``, minor ``warning``,
neutral ``note``.

Each finding is a result whose region gives the 1-based line and column
(end exclusive), the code-point offset and length (the run declares
``columnKind: unicodeCodePoints``) and the flagged text as its snippet.
Suggestions go to ``properties.suggestions``: they are advice, not always
a literal replacement of the span. ``partialFingerprints`` hash the rule
id, the flagged text and which occurrence of that pair in the article it
is, so a finding keeps its fingerprint when unrelated lines move.

An article read from a JSONL record points at the JSONL file; as the
file's lines are not the record's, the record id and the region within the
record's text go to the location's ``properties``. A finding in a bilingual
file points at the line of its unit in the file (when the format tells it),
names its segment as a ``logicalLocation`` (kind ``element``) and in its
properties, with the region within the target text. Scores, languages and
verdicts of the articles are in ``run.properties.articles``. An input that
could not be read is an error notification of the run's invocation, whose
``executionSuccessful`` is then false.

A rule's descriptions are its description, or its message with each
placeholder put in words (``{match}``: "the flagged text"), never a raw
``{match}``. The log is streamed: the driver and its rules with the first
article, then each result as its article finishes; the articles' entries,
which SARIF puts after the results, wait in a ``Spool``.
"""

from __future__ import annotations

import hashlib
import string
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from audit.reports.base import ReportContext, Spool, Summary, Text
from audit.reports.json import dumps
from audit.rulebook.examples import describe
from audit.version import __version__

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.rulebook.packs import Rule
    from audit.text.ingest import Article, Unreadable

NAME = "sarif"
DESCRIPTION = "SARIF 2.1.0 for code scanning: rules, results with regions and fingerprints"
SARIF_VERSION = "2.1.0"
SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/translation-audit/"
FINGERPRINT_KEY = "translationAudit/v1"
LEVELS = {"critical": "error", "major": "error", "minor": "warning", "neutral": "note"}
INDENT = 2
PLACEHOLDER_WORDS = {
    "match": "the flagged text",
    "suggestion": "the suggestion",
    "suggestions": "the suggestions",
    "word": "the word",
    "lower": "the word in lower case",
    "before": "the text before",
    "source": "the source word",
}


def record_id(article: Article) -> str | None:
    """The record id of an article read from a JSONL file; None for a file or stdin."""
    return None if article.record is None else article.id


def artifact_uri(path: str) -> str:
    """A URI reference for an article path: a relative path stays relative."""
    pure = PurePath(path)
    return pure.as_uri() if pure.is_absolute() else quote(pure.as_posix())


class SarifWriter:
    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = sorted((rule for rule in rules if rule.enabled), key=lambda rule: rule.id)
        self.rule_index = {rule.id: index for index, rule in enumerate(self.rules)}
        self.started = False
        self.results = 0
        self.articles = Spool()
        self.notifications: list[dict[str, Any]] = []

    def _opening(self) -> str:
        """The log up to its first result, once."""
        if self.started:
            return ""
        self.started = True
        driver = {
            "name": "translation-audit",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_descriptor(rule) for rule in self.rules],
        }
        pad = " " * INDENT
        return (
            f'{{\n{pad}"$schema": {dumps(SCHEMA_URI, INDENT)},\n'
            f'{pad}"version": "{SARIF_VERSION}",\n{pad}"runs": [\n{pad * 2}{{\n'
            f'{pad * 3}"tool": {dumps({"driver": driver}, INDENT, 3)},\n'
            f'{pad * 3}"columnKind": "unicodeCodePoints",\n{pad * 3}"results": ['
        )

    def article(self, result: ArticleResult) -> Text:
        yield self._opening()
        seen: Counter[tuple[str, str]] = Counter()
        for finding in result.findings:
            occurrence = seen[finding.rule, finding.text]
            seen[finding.rule, finding.text] += 1
            yield self._item(self._result(result.article, finding, occurrence))
        entry = dumps(_article_properties(result), INDENT, 6)
        self.articles.write(("," if not self.articles.empty else "") + f"\n{' ' * 12}{entry}")

    def _item(self, result: dict[str, Any]) -> str:
        separator = "," if self.results else ""
        self.results += 1
        return f"{separator}\n{' ' * 8}{dumps(result, INDENT, 4)}"

    def error(self, entry: Unreadable) -> Text:
        self.notifications.append(
            {
                "level": "error",
                "message": {"text": f"{entry.place}: {entry.problem}"},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(entry.path)}}}
                ],
            }
        )
        return ""

    def _result(self, article: Article, finding: Finding, occurrence: int) -> dict[str, Any]:
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(article, finding)],
            "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(article, finding, occurrence)},
            "properties": {
                "severity": finding.severity,
                "category": finding.category,
                "suggestions": list(finding.suggestions),
            },
        }
        if finding.segment is not None:
            result["properties"]["segment"] = finding.segment
        if finding.confirmed_by_source is not None:
            result["properties"]["confirmedBySource"] = finding.confirmed_by_source
        if finding.rule in self.rule_index:
            result["ruleIndex"] = self.rule_index[finding.rule]
        return result

    def finish(self, summary: Summary) -> Text:
        yield self._opening()
        pad = " " * INDENT
        yield (f"\n{pad * 3}]," if self.results else "],") + f'\n{pad * 3}"invocations": '
        invocation = {
            "executionSuccessful": not self.notifications,
            "toolExecutionNotifications": self.notifications,
        }
        yield dumps([invocation], INDENT, 3) + f',\n{pad * 3}"properties": {{\n'
        yield f'{pad * 4}"articles": ['
        if not self.articles.empty:
            yield from self.articles.drain()
            yield f"\n{pad * 4}"
        yield f'],\n{pad * 4}"summary": {dumps(summary.to_dict(), INDENT, 4)}\n'
        yield f"{pad * 3}}}\n{pad * 2}}}\n{pad}]\n}}\n"


def in_words(template: str) -> str:
    """A message template with each placeholder put in words (``{match}``: "the flagged
    text"), and ``{{`` and ``}}`` as the braces they stand for."""
    parts: Iterator[tuple[str, str | None, str | None, str | None]]
    parts = string.Formatter().parse(template)
    return "".join(
        literal + ("" if name is None else PLACEHOLDER_WORDS.get(name, f"the {name}"))
        for literal, name, _, _ in parts
    )


def _descriptor(rule: Rule) -> dict[str, Any]:
    full = rule.description or in_words(rule.message)
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": _pascal_case(rule.id.rsplit(".", 1)[-1]),
        "shortDescription": {"text": " ".join(full.split("\n\n")[0].split())},
        "fullDescription": {"text": full},
        "help": {"text": full + _examples_text(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "category": rule.category,
            "severity": rule.severity,
            "kind": rule.kind,
            "tags": list(rule.tags),
        },
    }
    if rule.link:
        descriptor["helpUri"] = rule.link
    return descriptor


def _pascal_case(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


def _examples_text(rule: Rule) -> str:
    sections = [
        (heading, rule.examples[key])
        for heading, key in (("Flagged", "flag"), ("Not flagged", "pass"))
    ]
    return "".join(
        f"\n\n{heading}:" + "".join(f"\n- {describe(example)}" for example in examples)
        for heading, examples in sections
        if examples
    )


def _location(article: Article, finding: Finding) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(article.path)}}
    region = _region(finding)
    record = record_id(article)
    if finding.segment is not None:
        return _segment_location(article, finding, physical, region)
    if record is None:
        physical["region"] = region
        return {"physicalLocation": physical}
    return {"physicalLocation": physical, "properties": {"record": record, "region": region}}


def _segment_location(
    article: Article, finding: Finding, physical: dict[str, Any], region: dict[str, Any]
) -> dict[str, Any]:
    """A bilingual file's finding: the unit's line in the file (when known), the segment as a
    logical location, the region within the target text in the properties."""
    segment = article.segments.at(finding.start) if article.segments is not None else None
    if segment is not None and segment.line is not None:
        physical["region"] = {"startLine": segment.line}
    logical = {
        "name": finding.segment,
        "kind": "element",
        "fullyQualifiedName": f"{article.path}#{finding.segment}",
    }
    return {
        "physicalLocation": physical,
        "logicalLocations": [logical],
        "properties": {"segment": finding.segment, "region": region},
    }


def _region(finding: Finding) -> dict[str, Any]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
        "charOffset": finding.start,
        "charLength": finding.end - finding.start,
        "snippet": {"text": finding.text},
    }


def _fingerprint(article: Article, finding: Finding, occurrence: int) -> str:
    """A hash of what was flagged, not where: the record, rule, text and occurrence number."""
    parts = (record_id(article) or "", finding.rule, finding.text, str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def _article_properties(result: ArticleResult) -> dict[str, Any]:
    return {
        "path": result.article.path,
        "id": result.article.id,
        "uri": artifact_uri(result.article.path),
        "language": result.doc.language.code,
        "sourceLanguage": result.source_language,
        "findings": len(result.findings),
        "quality": result.quality.to_dict(),
        "verdict": result.verdict.to_dict(),
    }


def writer(context: ReportContext) -> SarifWriter:
    return SarifWriter(context.rules)
