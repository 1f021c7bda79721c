"""What every report format shares: the run summary, the context, the Writer protocol, and
how a finding's place is named (``path``, or ``path#segment`` in a bilingual file).

A writer's ``article`` and ``finish`` return the report's next text, as one
string or as pieces (``Text``: a report streamed piece by piece never holds
a large run in memory); ``pieces`` turns either into pieces. ``error``
returns the entry of an input that could not be read (``Unreadable``).
``Spool`` keeps text that a format must write later (the articles' rows of
a SARIF run, after its results) in a temporary file rather than in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from audit.mqm import SEVERITIES

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.rulebook.packs import Rule
    from audit.text.ingest import Unreadable

Text = str | Iterable[str]
SPOOL_MEMORY = 1 << 20
SPOOL_CHUNK = 1 << 16


def pieces(text: Text) -> Iterable[str]:
    """``text`` as pieces to write one after the other."""
    return (text,) if isinstance(text, str) else text


@dataclass
class Summary:
    """Counts over a whole run, kept as articles come in."""

    articles: int = 0
    passed: int = 0
    findings: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SEVERITIES, 0))
    errors: int = 0
    """Inputs that could not be read."""

    @property
    def failed(self) -> int:
        return self.articles - self.passed

    def add_error(self) -> None:
        self.errors += 1

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
            "errors": self.errors,
        }


@dataclass(frozen=True)
class ReportContext:
    """What a writer may need besides the results: the rules run, colour, the tool."""

    rules: Sequence[Rule] = ()
    color: bool = False


class Writer(Protocol):
    def article(self, result: ArticleResult) -> Text: ...

    def error(self, entry: Unreadable) -> Text: ...

    def finish(self, summary: Summary) -> Text: ...


class Spool:
    """Text written now and read back, in pieces, at the end: in memory up to
    ``SPOOL_MEMORY`` characters, then in a temporary file."""

    def __init__(self) -> None:
        self.file = tempfile.SpooledTemporaryFile(  # noqa: SIM115 (closed by drain)
            SPOOL_MEMORY, mode="w+", encoding="utf-8"
        )
        self.empty = True

    def write(self, text: str) -> None:
        self.empty = self.empty and not text
        self.file.write(text)

    def drain(self) -> Iterator[str]:
        """What was written, in pieces; the spool is closed once they are read."""
        self.file.seek(0)
        with self.file:
            while chunk := self.file.read(SPOOL_CHUNK):
                yield chunk


def place(result: ArticleResult, finding: Finding) -> str:
    """The article's path, with ``#segment`` when the finding is in a bilingual segment."""
    path = result.article.path
    return f"{path}#{finding.segment}" if finding.segment is not None else path


def segment_line(result: ArticleResult, finding: Finding) -> int | None:
    """The line of the finding's unit in its bilingual file, when the format tells it."""
    segments = result.article.segments
    segment = segments.at(finding.start) if segments is not None else None
    return segment.line if segment is not None else None
