"""Writing a run's report as its outcomes come in, and what the run shows beside it.

Each outcome goes to the writer as it arrives (an article's result, or the
error entry of an input that could not be read, also shown on standard
error as ``error: PLACE: problem``), and the report is written through
``audit.cli.output``. Beside the report, the run shows the articles'
warnings (an unknown rule id in a marker), records a baseline when asked
(``--baseline-write``), and warns about the baseline entries that matched
no finding.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from audit.cli.exits import WARNINGS, check_interrupted, say
from audit.cli.output import ReportStream, open_output
from audit.cli.progress import progress
from audit.errors import warn
from audit.gate import baseline
from audit.reports import Summary, Writer
from audit.reports.base import Text, pieces
from audit.text.ingest import Unreadable

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.cli.runner import Outcome
    from audit.engine.engine import Finding
    from audit.text.ingest import Article


@dataclass
class Run:
    """Where a run's report and baseline go, and the baseline it was checked against."""

    writer: Writer
    output: Path | None
    baseline_write: Path | None = None
    baseline_read: Path | None = None
    accepted: frozenset[str] = frozenset()
    show_progress: bool = True
    matched: set[str] = field(default_factory=set)


def write_reports(outcomes: Iterable[Outcome], run: Run) -> Summary:
    """Stream each outcome to the report (and record it for a baseline); return the tally."""
    summary = Summary()
    recorded: list[tuple[Article, tuple[Finding, ...]]] = []
    with open_output(run.output) as out, _baseline_output(run.baseline_write) as baseline_out:
        with progress(run.show_progress) as advance:
            for outcome in outcomes:
                check_interrupted()
                if isinstance(outcome, Unreadable):
                    summary.add_error()
                    say("error", f"{outcome.place}: {outcome.problem}")
                    _emit(out, run.writer.error(outcome))
                else:
                    _article(out, run, summary, outcome)
                    if baseline_out is not None:
                        recorded.append((outcome.article, outcome.findings))
                advance()
        check_interrupted()
        _emit(out, run.writer.finish(summary))
        if baseline_out is not None and run.baseline_write is not None:
            baseline_out.write(baseline.render(recorded, run.baseline_write))
    _warn_unmatched(run)
    return summary


def _article(out: ReportStream, run: Run, summary: Summary, result: ArticleResult) -> None:
    summary.add(result)
    for warning in result.warnings:
        WARNINGS.show(warning)
    run.matched.update(result.baseline_matched)
    _emit(out, run.writer.article(result))


def _emit(out: ReportStream, text: Text) -> None:
    for piece in pieces(text):
        out.write(piece)


def _warn_unmatched(run: Run) -> None:
    unmatched = len(run.accepted - run.matched)
    if run.baseline_read is not None and unmatched:
        warn(
            str(run.baseline_read),
            f"{unmatched} of {len(run.accepted)} entries matched no finding (fixed since, or "
            "their file moved): write the baseline again with --baseline-write",
        )


@contextlib.contextmanager
def _baseline_output(path: Path | None) -> Iterator[ReportStream | None]:
    if path is None:
        yield None
        return
    with open_output(path, "--baseline-write") as stream:
        yield stream
