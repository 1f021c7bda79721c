"""markdown: a table of the articles, then their findings, for a CI job summary or a PR comment.

Each row of the table gives the article's language, words, main
readability scores, quality score, findings by severity and verdict (an
input that could not be read has a row that says why); rows are written as
articles finish. Below the table, each article with findings has a
collapsible ``<details>`` block listing them: line and column, severity,
rule, message and suggestions. The run's totals come last. The blocks are
kept in a ``Spool`` (a temporary file once they grow) until the table is
done. Text from the articles and the rules is escaped, so that no message
can break the table, open a tag or start a list. When bilingual files were
audited, a list of their findings by segment (``path#segment``) follows the
totals.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Spool, Summary, Text, place

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.text.ingest import Unreadable

NAME = "markdown"
DESCRIPTION = "a Markdown table of scores and verdicts, then each article's findings"
HEADER = (
    "| article | language | words | reading ease | grade | quality | findings | verdict |\n"
    "|---|---|---:|---:|---:|---:|---|---|\n"
)
_SEVERITIES = ("critical", "major", "minor", "neutral")
_MARKUP_RE = re.compile(r"([\\`*_\[\]|#~])")


def escape(text: str) -> str:
    """``text`` as literal Markdown inside HTML: entities for ``<``, ``>``, ``&``, and a
    backslash before the characters that would start markup; one line."""
    return _MARKUP_RE.sub(r"\\\1", html.escape(" ".join(text.split()), quote=False))


def code(text: str) -> str:
    """``text`` as inline code that no backtick or pipe in it can end or split."""
    return "`" + text.replace("`", "'").replace("|", "\\|") + "`"


class MarkdownWriter:
    def __init__(self) -> None:
        self.started = False
        self.details = Spool()
        self.by_segment: list[str] = []

    def _header(self) -> str:
        header = "" if self.started else HEADER
        self.started = True
        return header

    def article(self, result: ArticleResult) -> Text:
        scores = result.readability.scores
        cells = [
            code(result.article.path),
            result.doc.language.code or "unknown",
            str(result.stats["words"]),
            _number(scores.get("flesch_reading_ease")),
            _number(scores.get("flesch_kincaid_grade")),
            f"{result.quality.score:.1f}",
            _findings([finding.severity for finding in result.findings]),
            _verdict(result),
        ]
        if result.findings:
            self.details.write(_details(result))
        self.by_segment.extend(
            f"- {code(place(result, f))} {f.severity} {code(f.rule)}: {escape(f.message)}"
            for f in result.findings
            if f.segment is not None
        )
        return self._header() + "| " + " | ".join(cells) + " |\n"

    def error(self, entry: Unreadable) -> Text:
        cells = [
            code(entry.path),
            "–",
            "–",
            "–",
            "–",
            "–",
            "–",
            f"**error**: {escape(entry.problem)}",
        ]
        return self._header() + "| " + " | ".join(cells) + " |\n"

    def finish(self, summary: Summary) -> Text:
        yield self._header()
        if not self.details.empty:
            yield "\n"
        yield from self.details.drain()
        counts = [severity for severity, n in summary.findings.items() for _ in range(n)]
        errors = f" {summary.errors} could not be read." if summary.errors else ""
        yield (
            f"\n{summary.articles} articles: {summary.passed} passed, "
            f"{summary.failed} failed; findings: {_findings(counts)}.{errors}\n"
        )
        if self.by_segment:
            yield "\nFindings by segment:\n\n" + "".join(f"{line}\n" for line in self.by_segment)


def _details(result: ArticleResult) -> str:
    verdict = "passed" if result.verdict.passed else "failed"
    counts = _findings([finding.severity for finding in result.findings])
    summary = f"<code>{html.escape(result.article.path)}</code>: {verdict} · {counts}"
    items = "".join(_item(finding) for finding in result.findings)
    return f"<details><summary>{summary}</summary>\n\n{items}\n</details>\n\n"


def _item(finding: Finding) -> str:
    segment = "" if finding.segment is None else f" (segment {code(finding.segment)})"
    line = (
        f"- line {finding.line}:{finding.column}{segment} **{finding.severity}** "
        f"{code(finding.rule)} {escape(finding.message)}"
    )
    if finding.suggestions:
        line += " Suggestion: " + " \\| ".join(escape(s) for s in finding.suggestions) + "."
    return line + "\n"


def _verdict(result: ArticleResult) -> str:
    verdict = "passed" if result.verdict.passed else "**failed**"
    notes = "; ".join(result.verdict.notes).replace("|", "\\|")
    return f"{verdict} ({notes})" if notes else verdict


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _findings(severities: list[str]) -> str:
    parts = [f"{severities.count(s)} {s}" for s in _SEVERITIES if s in severities]
    return ", ".join(parts) or "none"


def writer(context: ReportContext) -> MarkdownWriter:
    return MarkdownWriter()
