"""json: one JSON document for the whole run (the contract in docs/report-format.md).

The articles are collected as they finish and written with one
``json.dumps`` at the end; the JSON Schema is ``audit/schemas/report.schema.json``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from audit.reports.base import ReportContext, Summary
from audit.version import __version__

if TYPE_CHECKING:
    from audit.auditor import ArticleResult

NAME = "json"
DESCRIPTION = "one JSON document: articles, findings, scores, verdicts, summary"
REPORT_VERSION = 1
TOOL = {"name": "translation-audit", "version": __version__}


class JsonWriter:
    def __init__(self) -> None:
        self.articles: list[dict[str, Any]] = []

    def article(self, result: ArticleResult) -> str:
        self.articles.append(result.to_dict())
        return ""

    def finish(self, summary: Summary) -> str:
        report = {
            "version": REPORT_VERSION,
            "tool": TOOL,
            "articles": self.articles,
            "summary": summary.to_dict(),
        }
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def writer(context: ReportContext) -> JsonWriter:
    return JsonWriter()
