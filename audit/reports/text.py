"""text: findings for a person at a terminal (the default format).

Each finding is ``path:line:col: severity rule-id message`` (``path#segment``
in a bilingual file), then the line with the span underlined and the
suggestions; each article ends with a line of scores and its verdict, the
run with a summary. An input that could not be read is one line, ``PLACE:
error: problem``. Colour only when the
context asks for it (a terminal, and ``NO_COLOR`` unset).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Summary, place

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.text.ingest import Unreadable

NAME = "text"
DESCRIPTION = "findings with the line underlined, scores and verdict per article (default)"
EXCERPT_WIDTH = 100
_COLORS = {"critical": "35;1", "major": "31;1", "minor": "33", "neutral": "2", "dim": "2"}
_COLORS.update({"passed": "32;1", "failed": "31;1", "bold": "1"})


class TextWriter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def paint(self, text: str, style: str) -> str:
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m" if self.color else text

    def article(self, result: ArticleResult) -> str:
        lines = [line for finding in result.findings for line in self._finding(result, finding)]
        lines.append(self._article_line(result))
        lines.extend(_readability_lines(result))
        return "\n".join(lines) + "\n\n"

    def _finding(self, result: ArticleResult, finding: Finding) -> list[str]:
        where = f"{place(result, finding)}:{finding.line}:{finding.column}:"
        head = (
            f"{self.paint(where, 'bold')} {self.paint(finding.severity, finding.severity)} "
            f"{self.paint(finding.rule, 'dim')} {finding.message}"
        )
        excerpt, underline = _excerpt(result, finding)
        lines = [head, f"    {excerpt}", f"    {self.paint(underline, finding.severity)}"]
        if finding.suggestions:
            lines.append("    suggestion: " + " | ".join(finding.suggestions))
        return lines

    def _article_line(self, result: ArticleResult) -> str:
        language = result.doc.language
        parts = [f"language {language.code or 'unknown'}"]
        parts.append(_counts(f.severity for f in result.findings))
        parts.append(f"quality {result.quality.score:.1f}")
        main = result.readability.hot_spot_formula
        if main and result.readability.scores.get(main) is not None:
            parts.append(f"{main.replace('_', ' ')} {result.readability.scores[main]:.1f}")
        verdict = result.verdict
        status = (
            self.paint("PASSED", "passed") if verdict.passed else self.paint("FAILED", "failed")
        )
        reasons = f" ({'; '.join(verdict.remarks)})" if verdict.remarks else ""
        return f"{self.paint(result.article.path, 'bold')}: {' · '.join(parts)} · {status}{reasons}"

    def error(self, entry: Unreadable) -> str:
        where = self.paint(entry.place, "bold")
        return f"{where}: {self.paint('error', 'failed')}: {entry.problem}\n\n"

    def finish(self, summary: Summary) -> str:
        counts = _counts(severity for severity, n in summary.findings.items() for _ in range(n))
        noun = "article" if summary.articles == 1 else "articles"
        outcome = f"{summary.passed} passed, {summary.failed} failed"
        errors = ""
        if summary.errors:
            inputs = "input" if summary.errors == 1 else "inputs"
            errors = f" · {summary.errors} {inputs} could not be read"
        return f"{summary.articles} {noun}: {outcome} · {counts}{errors}\n"


def _readability_lines(result: ArticleResult) -> list[str]:
    """The hardest paragraphs and the over-long sentences, one line each kind."""
    readability = result.readability
    lines = []
    if result.reference:
        scores = result.reference
        lines.append(
            f"    against the reference: chrF++ {scores.chrf:.1f} · BLEU {scores.bleu:.1f}"
            f" · TER {scores.ter:.1f}"
        )
    if readability.hot_spots:
        spots = ", ".join(f"line {s.line} ({s.score:.1f})" for s in readability.hot_spots)
        lines.append(f"    hardest paragraphs by {readability.hot_spot_formula}: {spots}")
    if readability.long_sentences:
        longest = ", ".join(f"line {s.line} ({s.words} words)" for s in readability.long_sentences)
        lines.append(f"    long sentences: {longest}")
    return lines


def _counts(severities: object) -> str:
    tally: dict[str, int] = {}
    for severity in severities:  # type: ignore[attr-defined]
        tally[severity] = tally.get(severity, 0) + 1
    total = sum(tally.values())
    if not total:
        return "no findings"
    detail = ", ".join(
        f"{tally[s]} {s}" for s in ("critical", "major", "minor", "neutral") if s in tally
    )
    return f"{total} finding{'s' if total != 1 else ''} ({detail})"


def _excerpt(result: ArticleResult, finding: Finding) -> tuple[str, str]:
    """The finding's line, cut to ``EXCERPT_WIDTH`` around the span, and its underline."""
    doc = result.doc
    line = doc.line_span(finding.line)
    span_end = min(finding.end, line.end)
    start = max(line.start, finding.start - EXCERPT_WIDTH // 3)
    end = min(line.end, max(span_end, start + EXCERPT_WIDTH))
    prefix = "…" if start > line.start else ""
    suffix = "…" if end < line.end else ""
    excerpt = prefix + doc.text[start:end].replace("\t", " ") + suffix
    indent = len(prefix) + finding.start - start
    underline = " " * indent + "^" * max(1, span_end - finding.start)
    return excerpt, underline


def writer(context: ReportContext) -> TextWriter:
    return TextWriter(context.color)
