"""github: GitHub Actions workflow commands, one line per finding, streamed.

``::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=RULE::MESSAGE``
makes the runner annotate the line in the pull request. Critical and major
findings are errors, minor ones warnings, neutral ones notices; columns are
1-based and the end column is exclusive. An article that fails the gate
adds one error with the verdict's reasons, and the run ends with a summary
line (an error when any article failed, otherwise a notice).

Values are escaped as the runner reads them: ``%``, CR and LF in the
message, and ``:`` and ``,`` as well in properties, so no article text can
end a command early or start another one. A JSONL record has no lines of
its own in the file, so its annotations name the file only and give the
record id, line and column within the record in the message. A finding in
a bilingual file names the line of its unit in the file (when the format
tells it) and gives the segment id, line and column in the message. An
input that could not be read is an error on its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit.mqm import SEVERITIES
from audit.reports.base import ReportContext, Summary, segment_line
from audit.reports.sarif import record_id

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.text.ingest import Unreadable

NAME = "github"
DESCRIPTION = "GitHub Actions annotations (workflow commands), one line per finding"
COMMANDS = {"critical": "error", "major": "error", "minor": "warning", "neutral": "notice"}
TOOL_TITLE = "translation-audit"
_DATA_ESCAPES = (("%", "%25"), ("\r", "%0D"), ("\n", "%0A"))
_PROPERTY_ESCAPES = (*_DATA_ESCAPES, (":", "%3A"), (",", "%2C"))


def escape_data(value: str) -> str:
    """A command's message: ``%`` first, then CR and LF."""
    for raw, escaped in _DATA_ESCAPES:
        value = value.replace(raw, escaped)
    return value


def escape_property(value: str) -> str:
    """A command property's value: as a message, plus ``:`` and ``,``."""
    for raw, escaped in _PROPERTY_ESCAPES:
        value = value.replace(raw, escaped)
    return value


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    """One workflow command line, ``::name key=value,...::message``."""
    pairs = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name}{' ' + pairs if pairs else ''}::{escape_data(message)}\n"


class GithubWriter:
    def article(self, result: ArticleResult) -> str:
        lines = [_finding(result, finding) for finding in result.findings]
        if not result.verdict.passed:
            lines.append(_gate(result))
        lines.extend(_note(result, note) for note in result.verdict.notes)
        return "".join(lines)

    def error(self, entry: Unreadable) -> str:
        message = f"{entry.place}: {entry.problem}"
        return command("error", {"file": entry.path, "title": f"{TOOL_TITLE} input"}, message)

    def finish(self, summary: Summary) -> str:
        counts = ", ".join(f"{summary.findings[s]} {s}" for s in reversed(SEVERITIES))
        noun = "article" if summary.articles == 1 else "articles"
        message = (
            f"{summary.articles} {noun}: {summary.passed} passed, {summary.failed} failed; "
            f"findings: {counts}; inputs that could not be read: {summary.errors}"
        )
        failed = summary.failed or summary.errors
        return command("error" if failed else "notice", {"title": TOOL_TITLE}, message)


def _finding(result: ArticleResult, finding: Finding) -> str:
    path = result.article.path
    record = record_id(result.article)
    if finding.segment is not None:
        line = segment_line(result, finding)
        where = {"file": path, **({"line": line} if line is not None else {})}
        message = f"segment {finding.segment}, {finding.line}:{finding.column}: {finding.message}"
    elif record is None:
        where: dict[str, str | int] = {
            "file": path,
            "line": finding.line,
            "col": finding.column,
            "endLine": finding.end_line,
            "endColumn": finding.end_column,
        }
        message = finding.message
    else:
        where = {"file": path}
        message = f"record {record}, {finding.line}:{finding.column}: {finding.message}"
    return command(COMMANDS[finding.severity], {**where, "title": finding.rule}, message)


def _gate(result: ArticleResult) -> str:
    record = record_id(result.article)
    subject = "article" if record is None else f"record {record}"
    reasons = "; ".join(result.verdict.reasons)
    message = f"{subject} failed the gate: {reasons} (quality {result.quality.score:.1f})"
    return command("error", {"file": result.article.path, "title": f"{TOOL_TITLE} gate"}, message)


def _note(result: ArticleResult, note: str) -> str:
    return command("notice", {"file": result.article.path, "title": f"{TOOL_TITLE} gate"}, note)


def writer(context: ReportContext) -> GithubWriter:
    return GithubWriter()
