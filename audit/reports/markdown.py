"""markdown: one table row per article, for a CI job summary or a pull-request comment.

Each row gives the article's language, words, main readability scores,
quality score, findings by severity and verdict; the table ends with the
run's totals. Rows are written as articles finish. Pipe characters in paths
are escaped so a row never breaks the table. When bilingual files were
audited, a list of their findings by segment (``path#segment``) follows
the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Summary, place

if TYPE_CHECKING:
    from audit.auditor import ArticleResult

NAME = "markdown"
DESCRIPTION = "a Markdown table: scores, findings and verdict per article"
HEADER = (
    "| article | language | words | reading ease | grade | quality | findings | verdict |\n"
    "|---|---|---:|---:|---:|---:|---|---|\n"
)
_SEVERITIES = ("critical", "major", "minor", "neutral")


class MarkdownWriter:
    def __init__(self) -> None:
        self.started = False
        self.by_segment: list[str] = []

    def article(self, result: ArticleResult) -> str:
        header = "" if self.started else HEADER
        self.started = True
        scores = result.readability.scores
        self.by_segment.extend(
            f"- `{_escaped(place(result, f))}` {f.severity} `{f.rule}`: {_escaped(f.message)}"
            for f in result.findings
            if f.segment is not None
        )
        cells = [
            "`" + result.article.path.replace("|", "\\|") + "`",
            result.doc.language.code or "unknown",
            str(result.stats["words"]),
            _number(scores.get("flesch_reading_ease")),
            _number(scores.get("flesch_kincaid_grade")),
            f"{result.quality.score:.1f}",
            _findings([finding.severity for finding in result.findings]),
            "passed" if result.verdict.passed else "**failed**",
        ]
        return header + "| " + " | ".join(cells) + " |\n"

    def finish(self, summary: Summary) -> str:
        header = "" if self.started else HEADER
        counts = [severity for severity, n in summary.findings.items() for _ in range(n)]
        segments = "".join(f"{line}\n" for line in self.by_segment)
        return (
            f"{header}\n{summary.articles} articles: {summary.passed} passed, "
            f"{summary.failed} failed; findings: {_findings(counts)}.\n"
            + (f"\nFindings by segment:\n\n{segments}" if segments else "")
        )


def _escaped(text: str) -> str:
    return " ".join(text.split()).replace("`", "'")


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _findings(severities: list[str]) -> str:
    parts = [f"{severities.count(s)} {s}" for s in _SEVERITIES if s in severities]
    return ", ".join(parts) or "none"


def writer(context: ReportContext) -> MarkdownWriter:
    return MarkdownWriter()
