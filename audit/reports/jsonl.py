"""jsonl: one line per article, written as each article finishes.

Each line is one element of the JSON report's ``articles`` array, so memory
stays flat however many articles go through.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Summary

if TYPE_CHECKING:
    from audit.auditor import ArticleResult

NAME = "jsonl"
DESCRIPTION = "one JSON object per article and line, streamed"


class JsonLinesWriter:
    def article(self, result: ArticleResult) -> str:
        return json.dumps(result.to_dict(), ensure_ascii=False) + "\n"

    def finish(self, summary: Summary) -> str:
        return ""


def writer(context: ReportContext) -> JsonLinesWriter:
    return JsonLinesWriter()
