"""json: one JSON document for the whole run (the contract in docs/report-format.md).

The document is streamed: its opening as the first article arrives, then
each article as it finishes, one finding at a time, and the inputs that
could not be read (``errors``) and the summary at the end, so memory does
not grow with the run. The bytes are those of one ``json.dumps(report,
indent=2)``; the JSON Schema is ``audit/schemas/report.schema.json``.
``members`` and ``article_pieces`` are shared with ``jsonl``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from audit.reports.base import ReportContext, Summary, Text
from audit.version import __version__

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.text.ingest import Unreadable

NAME = "json"
DESCRIPTION = "one JSON document: articles, findings, scores, verdicts, errors, summary"
REPORT_VERSION = 1
TOOL = {"name": "translation-audit", "version": __version__}
INDENT = 2


def dumps(value: Any, indent: int | None, depth: int = 0) -> str:
    """``value`` as JSON, its lines after the first indented for ``depth`` levels."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.replace("\n", "\n" + " " * (indent or 0) * depth) if depth else text


def members(mapping: Mapping[str, Any], indent: int, depth: int) -> str:
    """The members of ``mapping`` as they stand inside an object at ``depth``."""
    inner = dumps(dict(mapping), indent, depth - 1)
    return inner[1:-1].strip("\n").rstrip() if mapping else ""


def article_pieces(result: ArticleResult, indent: int | None, depth: int = 0) -> Iterator[str]:
    """``dumps(result.to_dict(), indent, depth)``, in pieces: one per finding."""
    head = dumps(result.to_dict(findings=False), indent, depth)[:-1].rstrip()
    findings = result.findings
    if indent is None:
        yield head + ', "findings": ['
        for position, finding in enumerate(findings):
            yield (", " if position else "") + dumps(finding.to_dict(), None)
        yield "]}"
        return
    pad = " " * indent
    yield f'{head},\n{pad * (depth + 1)}"findings": [' + ("" if findings else "]")
    for position, finding in enumerate(findings):
        item = dumps(finding.to_dict(), indent, depth + 2)
        yield ("," if position else "") + f"\n{pad * (depth + 2)}{item}"
    yield (f"\n{pad * (depth + 1)}]" if findings else "") + f"\n{pad * depth}}}"


class JsonWriter:
    def __init__(self) -> None:
        self.started = False
        self.errors: list[dict[str, str]] = []

    def _opening(self) -> str:
        head = members({"version": REPORT_VERSION, "tool": TOOL}, INDENT, 1)
        return "{\n" + head + ',\n  "articles": ['

    def article(self, result: ArticleResult) -> Text:
        opening = "," if self.started else self._opening()
        self.started = True
        yield opening + "\n    "
        yield from article_pieces(result, INDENT, 2)

    def error(self, entry: Unreadable) -> Text:
        self.errors.append(entry.to_dict())
        return ""

    def finish(self, summary: Summary) -> Text:
        close = "\n  ]," if self.started else self._opening() + "],"
        tail = members({"errors": self.errors, "summary": summary.to_dict()}, INDENT, 1)
        return f"{close}\n{tail}\n}}\n"


def writer(context: ReportContext) -> JsonWriter:
    return JsonWriter()
