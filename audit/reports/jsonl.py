"""jsonl: one line per article, written as each article finishes.

Each line is one element of the JSON report's ``articles`` array, written a
finding at a time, so memory stays flat however many articles go through.
An input that could not be read is a line of its own, ``{"error": {"path":
..., "place": ..., "problem": ...}}``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Summary, Text
from audit.reports.json import article_pieces

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.text.ingest import Unreadable

NAME = "jsonl"
DESCRIPTION = "one JSON object per article and line, streamed"


class JsonLinesWriter:
    def article(self, result: ArticleResult) -> Text:
        yield from article_pieces(result, None)
        yield "\n"

    def error(self, entry: Unreadable) -> Text:
        return json.dumps({"error": entry.to_dict()}, ensure_ascii=False) + "\n"

    def finish(self, summary: Summary) -> Text:
        return ""


def writer(context: ReportContext) -> JsonLinesWriter:
    return JsonLinesWriter()
