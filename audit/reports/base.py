"""What every report format shares: the run summary, the context, the Writer protocol, and
how a finding's place is named (``path``, or ``path#segment`` in a bilingual file)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from audit.mqm import SEVERITIES

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.rulebook.packs import Rule


@dataclass
class Summary:
    """Counts over a whole run, kept as articles come in."""

    articles: int = 0
    passed: int = 0
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))

    @property
    def failed(self) -> int:
        return self.articles - self.passed

    def add(self, result: ArticleResult) -> None:
        self.articles += 1
        self.passed += result.verdict.passed
        for finding in result.findings:
            self.findings[finding.severity] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "passed": self.passed,
            "failed": self.failed,
            "findings": dict(self.findings),
        }


@dataclass(frozen=True)
class ReportContext:
    """What a writer may need besides the results: the rules run, colour, the tool."""

    rules: Sequence[Rule] = ()
    color: bool = False


class Writer(Protocol):
    def article(self, result: ArticleResult) -> str: ...

    def finish(self, summary: Summary) -> str: ...


def place(result: ArticleResult, finding: Finding) -> str:
    """The article's path, with ``#segment`` when the finding is in a bilingual segment."""
    path = result.article.path
    return f"{path}#{finding.segment}" if finding.segment is not None else path


def segment_line(result: ArticleResult, finding: Finding) -> int | None:
    """The line of the finding's unit in its bilingual file, when the format tells it."""
    segments = result.article.segments
    segment = segments.at(finding.start) if segments is not None else None
    return segment.line if segment is not None else None
